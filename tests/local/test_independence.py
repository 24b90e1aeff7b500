"""The emulator is an independent implementation of the service.

* Statically: no module of ``customer_profiles_sdk.local`` imports anything of
  ``customer_profiles_sdk`` outside ``customer_profiles_sdk.local`` (importing the package
  at run time would run ``customer_profiles_sdk/__init__.py``, so the check reads the
  import statements with :mod:`ast`).
* Differentially: the emulator's server-side validator (``local._constraints``) and the
  SDK's client-side check (``_service.check_request``) agree on whether a request is
  valid, for several hundred bad (and borderline) requests across several operations.
  Values are ASCII: for non-ASCII text the two differ on purpose (ECMA-262 ``\\w`` and
  ``\\d`` are ASCII, Python's are Unicode; ECMA ``.`` does not match ``\\r``).
"""

from __future__ import annotations

import ast
import copy
import math
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from botocore.model import ListShape, MapShape, Shape, StructureShape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import customer_profiles_sdk.local as local_package
from customer_profiles_sdk import _service
from customer_profiles_sdk.local import _constraints, _model

LOCAL_DIR = Path(local_package.__file__).parent
LOCAL = "customer_profiles_sdk.local"


# --------------------------------------------------------------------------- imports


def _imported_modules(path: Path, package: str = LOCAL) -> Iterator[tuple[int, str]]:
    """Every module an import statement of ``path`` (a module of ``package``) refers
    to, made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join(parts + ([node.module] if node.module else []))
            yield node.lineno, base
            if node.module is None or node.level > 0:
                # ``from . import _registry`` / ``from .. import _service``: the names are modules.
                for alias in node.names:
                    yield node.lineno, f"{base}.{alias.name}"


def _outside_local(module: str) -> bool:
    inside = module == LOCAL or module.startswith(LOCAL + ".")
    sdk = module == "customer_profiles_sdk" or module.startswith("customer_profiles_sdk.")
    return sdk and not inside


def _package_of(path: Path) -> str:
    """The package a module of ``local`` (or of one of its subpackages) belongs to."""
    inner = path.parent.relative_to(LOCAL_DIR).parts
    return ".".join([LOCAL, *inner])


def test_the_emulator_imports_nothing_of_the_sdk() -> None:
    sources = sorted(LOCAL_DIR.rglob("*.py"))
    assert len(sources) > 15
    assert any(path.parent != LOCAL_DIR for path in sources)  # subpackages are read too
    offending = [
        f"{path.relative_to(LOCAL_DIR)}:{line}: {module}"
        for path in sources
        for line, module in _imported_modules(path, _package_of(path))
        if _outside_local(module)
    ]
    assert offending == []


def test_relative_imports_of_a_subpackage_resolve_against_it(tmp_path: Path) -> None:
    path = tmp_path / "_probe.py"
    path.write_text("from .. import _service\nfrom ..._model import x\n", encoding="utf-8")
    found = [m for _, m in _imported_modules(path, f"{LOCAL}.segments")]
    assert f"{LOCAL}._service" in found
    assert "customer_profiles_sdk._model" in found
    assert any(_outside_local(m) for m in found)


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from .. import _service", True),
        ("from .._service import service_model", True),
        ("import customer_profiles_sdk.client", True),
        ("from customer_profiles_sdk import errors", True),
        ("from . import _registry", False),
        ("from ._model import paging", False),
        ("from customer_profiles_sdk.local import _wire", False),
        ("import botocore.session", False),
    ],
)
def test_the_import_check_sees_relative_and_absolute_imports(
    tmp_path: Path, source: str, found: bool
) -> None:
    path = tmp_path / "_probe.py"
    path.write_text(source + "\n", encoding="utf-8")
    assert any(_outside_local(m) for _, m in _imported_modules(path)) is found


def test_the_implemented_operations_include_the_39_seed_operations() -> None:
    implemented = _model.implemented_operations()
    assert frozenset(_service.SEED_OPERATIONS) <= implemented
    assert implemented <= frozenset(_model.service_model().operation_names)


#: The segment operations of botocore 1.44 (spec/segments.md), implemented beyond the seed.
SEGMENT_OPERATIONS = frozenset(
    {
        "CreateSegmentDefinition",
        "GetSegmentDefinition",
        "ListSegmentDefinitions",
        "DeleteSegmentDefinition",
        "CreateSegmentEstimate",
        "GetSegmentEstimate",
        "GetSegmentMembership",
        "CreateSegmentSnapshot",
        "GetSegmentSnapshot",
        "PutSegmentSubscription",
        "GetSegmentSubscription",
        "DeleteSegmentSubscription",
        "ListSegmentSubscriptionEvents",
        "AssociateStreamForSegments",
        "GetStreamForSegments",
        "DisassociateStreamForSegments",
    }
)


def test_the_segment_operations_of_the_model_are_implemented() -> None:
    model_operations = set(_model.service_model().operation_names)
    implemented = _model.implemented_operations()
    assert SEGMENT_OPERATIONS & model_operations <= implemented
    assert SEGMENT_OPERATIONS - model_operations == SEGMENT_OPERATIONS - implemented


def test_paging_facts_agree_with_the_sdk() -> None:
    for operation in _model.service_model().operation_names:
        mine, sdk = _model.paging(operation), _service.paging_info(operation)
        if sdk is None:
            assert mine is None, operation
        else:
            assert mine is not None, operation
            assert (mine.input_token, mine.output_token, mine.limit_key, mine.result_key) == (
                sdk.input_token,
                sdk.output_token,
                sdk.limit_key,
                sdk.result_key,
            ), operation


# --------------------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("^[a-zA-Z0-9_-]+$", "retail", True),
        ("^[a-zA-Z0-9_-]+$", "retail\n", False),  # ECMA ``$`` is the very end
        ("^[a-zA-Z_][a-zA-Z_0-9-]*$", "Purchase", True),
        ("[a-f0-9]{32}", "x" + "a" * 32 + "x", True),  # searched, not anchored
        ("[a-f0-9]{32}", "a" * 31, False),
        ("[a-zA-Z0-9][\\w!@#.-]+", "flow_1", True),
        ("^[a-zA-Z0-9][\\w]+$", "caf\u00e9", False),  # ECMA ``\w`` is ASCII
        ("^\\d+$", "\u0663", False),  # ECMA ``\d`` is ASCII (U+0663 is an Arabic 3)
        ("^.+$", "\r", False),  # ECMA ``.`` excludes line terminators
        ("^(?!aws:)[a-zA-Z+-=._:/]+$", "aws:key", False),
        ("^(?!aws:)[a-zA-Z+-=._:/]+$", "team", True),
    ],
)
def test_patterns_have_ecma_meaning(pattern: str, text: str, matches: bool) -> None:
    assert (_constraints.compile_pattern(pattern).search(text) is not None) is matches


def test_problems_name_the_member_and_hide_personal_data() -> None:
    problems = _constraints.validate(
        "CreateProfile",
        {"DomainName": "d" * 65, "FirstName": "N" * 300, "Gender": "Secret", "Attributes": {}},
    )
    text = "; ".join(str(p) for p in problems)
    assert "DomainName: max length 64 (got 65 characters)" in text
    assert "FirstName: max length 255" in text
    assert "Gender: one of MALE, FEMALE, UNSPECIFIED" in text
    assert "Secret" not in text
    assert "NNN" not in text


def test_required_unknown_and_nested_members() -> None:
    problems = _constraints.validate(
        "CreateDomain",
        {
            "DefaultExpirationDays": 0,
            "Nope": 1,
            "Matching": {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "FUNDAY"}},
            "Tags": {"aws:x": "v", "k": "v" * 257},
        },
    )
    paths = {(p.path, p.rule.split(" ")[0]) for p in problems}
    assert ("DomainName", "required") in paths
    assert ("Nope", "a") in paths
    assert ("DefaultExpirationDays", "minimum") in paths
    assert ("Matching.JobSchedule.Time", "required") in paths
    assert ("Matching.JobSchedule.DayOfTheWeek", "one") in paths
    assert ("Tags (a key)", "pattern") in paths
    assert ("Tags['k']", "max") in paths


# --------------------------------------------------------------------------- differential

PID = "a" * 32
OTHER = "b" * 32
DOMAIN_ARN = "arn:aws:profile:us-east-1:123456789012:domains/retail"

#: One valid request per operation; the mutations below break it member by member.
BASES: dict[str, dict[str, Any]] = {
    "CreateDomain": {
        "DomainName": "retail",
        "DefaultExpirationDays": 365,
        "DefaultEncryptionKey": "arn:aws:kms:us-east-1:123456789012:key/k",
        "Matching": {
            "Enabled": True,
            "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "12:30"},
            "AutoMerging": {
                "Enabled": True,
                "Consolidation": {"MatchingAttributesList": [["EmailAddress"]]},
                "ConflictResolution": {"ConflictResolvingModel": "RECENCY"},
                "MinAllowedConfidenceScoreForMerging": 0.5,
            },
        },
        "Tags": {"team": "crm"},
    },
    "CreateProfile": {
        "DomainName": "retail",
        "FirstName": "Ann",
        "Gender": "FEMALE",
        "PartyType": "INDIVIDUAL",
        "EmailAddress": "ann@example.com",
        "Address": {"City": "Paris", "Country": "FR"},
        "Attributes": {"tier": "gold"},
    },
    "SearchProfiles": {
        "DomainName": "retail",
        "KeyName": "_email",
        "Values": ["ann@example.com"],
        "MaxResults": 10,
        "AdditionalSearchKeys": [{"KeyName": "_phone", "Values": ["+33"]}],
        "LogicalOperator": "AND",
    },
    "ListDomains": {"MaxResults": 10},
    "PutProfileObjectType": {
        "DomainName": "retail",
        "ObjectTypeName": "Purchase",
        "Description": "purchases",
        "ExpirationDays": 30,
        "Fields": {"id": {"Source": "_source.id", "ContentType": "STRING"}},
        "Keys": {"purchaseId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}]},
    },
    "ListProfileObjects": {
        "DomainName": "retail",
        "ObjectTypeName": "Purchase",
        "ProfileId": PID,
        "MaxResults": 5,
        "ObjectFilter": {"KeyName": "purchaseId", "Values": ["p1"]},
    },
    "MergeProfiles": {
        "DomainName": "retail",
        "MainProfileId": PID,
        "ProfileIdsToBeMerged": [OTHER],
        "FieldSourceProfileIds": {"FirstName": OTHER, "Attributes": {"tier": OTHER}},
    },
    "CreateCalculatedAttributeDefinition": {
        "DomainName": "retail",
        "CalculatedAttributeName": "total_spent",
        "DisplayName": "Total spent",
        "AttributeDetails": {"Attributes": [{"Name": "amount"}], "Expression": "{P.amount}"},
        "Conditions": {
            "Range": {"Value": 30, "Unit": "DAYS"},
            "ObjectCount": 10,
            "Threshold": {"Value": "100", "Operator": "GREATER_THAN"},
        },
        "Statistic": "SUM",
    },
    "PutIntegration": {
        "DomainName": "retail",
        "Uri": "arn:aws:flow:us-east-1:123456789012:flow/purchases",
        "ObjectTypeName": "Purchase",
        "RoleArn": "arn:aws:iam:us-east-1:123456789012:role/r",
    },
    "TagResource": {"resourceArn": DOMAIN_ARN, "tags": {"team": "crm"}},
    "UntagResource": {"resourceArn": DOMAIN_ARN, "tagKeys": ["team"]},
    "BatchGetProfile": {"DomainName": "retail", "ProfileIds": [PID, OTHER]},
    "GetMatches": {"DomainName": "retail", "MaxResults": 5},
}

#: Strings that break (or nearly break) the model's patterns.
PATTERN_BREAKERS = (
    "",
    "bad name!",
    "retail\n",
    "\n",
    " ",
    "-lead",
    "0lead",
    "aws:key",
    "a" * 31,
    "A" * 32,
    "12:60",
    "24:00",
    "arn:aws:s3:::b",
)


def _string_values(shape: Shape) -> list[Any]:
    meta = shape.metadata
    values: list[Any] = [*PATTERN_BREAKERS, 5]
    for size in (meta.get("min"), meta.get("max")):
        if size is not None:
            values += ["a" * size, "a" * (size + 1), "a" * max(size - 1, 0)]
    for allowed in meta.get("enum", ())[:2]:
        values += [allowed, allowed.lower(), allowed + "\n"]
    return values


def _number_values(shape: Shape) -> list[Any]:
    meta = shape.metadata
    values: list[Any] = [0, -1, "7", True]
    for bound in (meta.get("min"), meta.get("max")):
        if bound is not None:
            values += [bound - 1, bound, bound + 1]
    if shape.type_name in ("double", "float"):
        values += [math.nan, 0.25, 1.5]
    return values


def _mutations(shape: Shape, value: Any, depth: int = 0) -> Iterator[Any]:
    """Variants of ``value`` (valid for ``shape``) that break or test one constraint each."""
    kind = shape.type_name
    if kind == "string":
        yield from _string_values(shape)
    elif kind in ("integer", "long", "double", "float"):
        yield from _number_values(shape)
    elif kind == "boolean":
        yield "true"
    elif isinstance(shape, StructureShape) and isinstance(value, dict):
        yield "not a structure"
        for name in shape.required_members:
            yield {k: v for k, v in value.items() if k != name}
        if depth >= 4:
            return
        for name, member in shape.members.items():
            if name in value:
                for variant in _mutations(member, value[name], depth + 1):
                    yield {**value, name: variant}
            elif member.type_name in ("string", "integer", "long", "double"):
                for variant in _mutations(member, None, depth + 1):
                    yield {**value, name: variant}
    elif isinstance(shape, ListShape) and isinstance(value, list) and value:
        meta = shape.metadata
        yield []
        yield "not a list"
        for size in (meta.get("min"), meta.get("max")):
            if size is not None:
                yield [copy.deepcopy(value[0]) for _ in range(size + 1)]
                yield [copy.deepcopy(value[0]) for _ in range(size)]
        for variant in _mutations(shape.member, value[0], depth + 1):
            yield [variant, *value[1:]]
    elif isinstance(shape, MapShape) and isinstance(value, dict) and value:
        meta = shape.metadata
        key, item = next(iter(value.items()))
        yield {}
        if "max" in meta:
            yield {f"k{i}": copy.deepcopy(item) for i in range(meta["max"] + 1)}
            yield {f"k{i}": copy.deepcopy(item) for i in range(meta["max"])}
        for bad_key in _string_values(shape.key):
            if isinstance(bad_key, str):
                yield {**value, bad_key: copy.deepcopy(item)}
        for variant in _mutations(shape.value, item, depth + 1):
            yield {**value, key: variant}


def _input(operation: str) -> StructureShape:
    shape = _service.service_model().operation_model(operation).input_shape
    assert isinstance(shape, StructureShape)
    return shape


def _cases() -> list[tuple[str, dict[str, Any]]]:
    cases: list[tuple[str, dict[str, Any]]] = []
    for operation, base in BASES.items():
        cases.append((operation, base))
        cases += [(operation, bad) for bad in _mutations(_input(operation), base)]
    return cases


CASES = _cases()


def _agree(operation: str, request: dict[str, Any]) -> None:
    sdk = _service.check_request(operation, request)
    emulator = _constraints.validate(operation, request)
    assert bool(emulator) == bool(sdk), (
        f"{operation} {request!r}: emulator says {[str(p) for p in emulator]}, "
        f"SDK says {[str(v) for v in sdk]}"
    )


@pytest.mark.parametrize("operation", list(BASES))
def test_the_base_requests_are_valid(operation: str) -> None:
    assert _constraints.validate(operation, BASES[operation]) == []


def test_there_are_hundreds_of_bad_requests() -> None:
    bad = [case for case in CASES if _service.check_request(*case)]
    assert len(bad) >= 300
    assert len({operation for operation, _ in bad}) == len(BASES)


def test_emulator_and_sdk_agree_on_validity_of_table_driven_requests() -> None:
    disagreements = []
    for operation, request in CASES:
        sdk = bool(_service.check_request(operation, request))
        emulator = bool(_constraints.validate(operation, request))
        if sdk != emulator:
            disagreements.append((operation, request, sdk, emulator))
    assert disagreements == []


def _string_members() -> list[tuple[str, str, Shape]]:
    """Every top-level string member of the base operations."""
    return [
        (operation, name, member)
        for operation in BASES
        for name, member in _input(operation).members.items()
        if member.type_name == "string"
    ]


_ASCII = string.ascii_letters + string.digits + string.punctuation + " \n\t"


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(target=st.sampled_from(_string_members()), data=st.data())
def test_emulator_and_sdk_agree_on_generated_strings(
    target: tuple[str, str, Shape], data: st.DataObject
) -> None:
    operation, name, member = target
    meta = member.metadata
    longest = int(meta.get("max", 40)) + 2
    choices = [st.text(alphabet=_ASCII, max_size=min(longest, 80))]
    if meta.get("enum"):
        suffix = st.text(alphabet=_ASCII, max_size=2)
        choices.append(st.builds(str.__add__, st.sampled_from(list(meta["enum"])), suffix))
    if "max" in meta and longest > 80:
        choices.append(st.sampled_from(["x" * (longest - 2), "x" * (longest - 1)]))
    value = data.draw(st.one_of(choices))
    _agree(operation, {**BASES[operation], name: value})


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    target=st.sampled_from(
        [
            (operation, name, member)
            for operation in BASES
            for name, member in _input(operation).members.items()
            if member.type_name in ("integer", "long")
        ]
    ),
    value=st.integers(min_value=-(2**33), max_value=2**33)
    | st.sampled_from([0, 1, 100, 101, 1098, 1099, 2147483647, 2147483648]),
)
def test_emulator_and_sdk_agree_on_generated_numbers(
    target: tuple[str, str, Shape], value: int
) -> None:
    operation, name, _ = target
    _agree(operation, {**BASES[operation], name: value})
