"""Request validation against the service model (``_service.check_request`` + ``Transport``).

Three layers:

* a property test per seed operation: a request generated from the model (see
  ``tests/_model_strategies.py``) passes ``check_request`` and botocore's own parameter
  validator, and ``Transport.call`` sends it unchanged;
* a property test per seed operation: the same request with exactly one constraint broken
  at one generated location raises ``ValidationError`` naming exactly that path, and the
  client is never reached; values of sensitive members are never echoed;
* example tests pinning the cases of the spec, with their exact paths and messages.
"""

from __future__ import annotations

import collections.abc
import copy
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import pytest
from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StringShape, StructureShape
from botocore.validate import validate_parameters
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from customer_profiles_sdk import _service
from customer_profiles_sdk._service import SEED_OPERATIONS, check_request
from customer_profiles_sdk._transport import Transport
from customer_profiles_sdk.errors import ValidationError
from customer_profiles_sdk.models._generated import _manifest
from customer_profiles_sdk.retry import RetryPolicy

from ._model_strategies import (
    input_shape,
    is_secret,
    pattern_matches,
    valid_request,
    valid_value,
)

# Generating nested requests with filtered regex strings is slow-ish by hypothesis'
# standards (and the map-above-max mutation draws 51 distinct tag keys): that is the
# cost of the strategy, not a flaw, so the too_slow / large-data checks are silenced.
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


# --------------------------------------------------------------------------- fake clients


class RecordingClient:
    """A boto3 stand-in whose every method records its call and answers an empty result."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Callable[..., dict[str, Any]]:
        if name.startswith("_"):
            raise AttributeError(name)

        def method(**kwargs: Any) -> dict[str, Any]:
            self.calls.append((name, kwargs))
            return {"ResponseMetadata": {"RequestId": "r-1"}}

        return method


class UnreachableClient:
    """A boto3 stand-in that fails the test if the transport even looks up a method."""

    def __init__(self) -> None:
        self.looked_up: list[str] = []

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        self.looked_up.append(name)
        pytest.fail(f"client.{name} was reached: an invalid request was about to be sent")


def _rejected(operation: str, params: dict[str, Any]) -> ValidationError:
    """Call ``operation`` through a Transport and return the ValidationError it raises."""
    client = UnreachableClient()
    with pytest.raises(ValidationError) as info:
        Transport(client, RetryPolicy()).call(operation, params)
    assert client.looked_up == []
    assert info.value.operation == operation
    return info.value


# --------------------------------------------------------------------------- valid requests


@pytest.mark.parametrize("operation", SEED_OPERATIONS)
@settings(max_examples=15, deadline=None, suppress_health_check=_SLOW_OK)
@given(data=st.data())
def test_a_generated_valid_request_passes_and_is_sent(operation: str, data: st.DataObject) -> None:
    request = data.draw(valid_request(operation), label="request")
    sent = copy.deepcopy(request)

    assert check_request(operation, request) == []
    # An independent oracle for the generator: botocore's own (weaker) checks pass too.
    validate_parameters(request, input_shape(operation))

    client = RecordingClient()
    result = Transport(client, RetryPolicy()).call(operation, request)
    assert client.calls == [(xform_name(operation), sent)]
    assert result == {}


# --------------------------------------------------------------------------- mutations


@dataclass(frozen=True)
class Location:
    """One value inside a request, with the path ``check_request`` reports for it."""

    steps: tuple[Any, ...]  # keys / indexes from the request down to the value (or map)
    path: str
    shape: Shape
    value: Any
    secret: bool
    is_key: bool = False  # ``value`` is a key of the map found at ``steps``


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def locations(shape: Shape, value: Any, steps: tuple[Any, ...] = (), path: str = "",
              secret: bool = False) -> Iterator[Location]:  # fmt: skip
    """Every value of a (valid) request, depth first, with its expected path."""
    secret = secret or is_secret(shape)
    yield Location(steps, path, shape, value, secret)
    if isinstance(shape, StructureShape):
        for name, child in value.items():
            yield from locations(shape.members[name], child, (*steps, name), _join(path, name),
                                 secret)  # fmt: skip
    elif isinstance(shape, ListShape):
        for i, item in enumerate(value):
            yield from locations(shape.member, item, (*steps, i), f"{path}[{i}]", secret)
    elif isinstance(shape, MapShape):
        for key, item in value.items():
            key_secret = secret or is_secret(shape.key)
            yield Location(steps, f"{path}.<key>", shape.key, key, key_secret, is_key=True)
            item_path = f"{path}[…]" if secret else f"{path}[{key!r}]"
            yield from locations(shape.value, item, (*steps, key), item_path, secret)


def _parent(request: dict[str, Any], steps: tuple[Any, ...]) -> Any:
    node: Any = request
    for step in steps:
        node = node[step]
    return node


@dataclass(frozen=True)
class Mutation:
    """Break one constraint at ``path``: ``apply`` edits a deep copy of the request."""

    kind: str
    path: str
    apply: Callable[[dict[str, Any], st.DataObject], None]
    bad: Any = None  # the offending value written, when there is one
    secret: bool = False


def _replace(loc: Location, kind: str, bad: Any) -> Mutation:
    """Write ``bad`` where ``loc`` sits (renaming the key when ``loc`` is a map key)."""

    def apply(request: dict[str, Any], _: st.DataObject) -> None:
        if loc.is_key:
            mapping = _parent(request, loc.steps)
            mapping[bad] = mapping.pop(loc.value)
        else:
            _parent(request, loc.steps[:-1])[loc.steps[-1]] = bad

    return Mutation(kind, loc.path, apply, bad, loc.secret)


def _with_new(loc: Location, kind: str, build: Callable[[Any, st.DataObject], Any]) -> Mutation:
    """Replace the value at ``loc`` by ``build(old value, data)`` (for lists and maps)."""

    def apply(request: dict[str, Any], data: st.DataObject) -> None:
        _parent(request, loc.steps[:-1])[loc.steps[-1]] = build(loc.value, data)

    return Mutation(kind, loc.path, apply, None, loc.secret)


def _pattern_breakers(shape: StringShape, value: str) -> list[str]:
    """Strings of allowed length that do not match the pattern (may be empty)."""
    pattern = shape.metadata["pattern"]
    low, high = shape.metadata.get("min", 0), shape.metadata.get("max", len(value) + 8)
    width = max(low, 1)
    candidates = [
        value + "\n",  # ``$`` is the very end in Smithy, not "before a final newline"
        value[:-1] + "%",
        "%" + value[1:],
        "aws:" + value,
        "\n" * width,
        " " * width,
        "%" * width,
        "\x00" * width,
    ]
    found = []
    for candidate in candidates:
        trimmed = candidate[:high]
        if len(trimmed) >= low and not pattern_matches(pattern, trimmed) and trimmed not in found:
            found.append(trimmed)
    return found


_WRONG_TYPES: dict[str, list[Any]] = {
    "string": [42, ["x"]],
    "integer": ["7", 1.5, True],
    "long": ["7", 2.0, False],
    "double": ["0.5", True],
    "boolean": ["true", 1],
    "timestamp": [["2024-01-01"], True],
    "list": ["not a list", {"k": "v"}],
    "map": [["k", "v"], "not a map"],
    "structure": ["not a structure", [1]],
}


def mutations(loc: Location) -> Iterator[Mutation]:
    """Every single-constraint break applicable at ``loc``."""
    shape, value, meta = loc.shape, loc.value, loc.shape.metadata
    low, high = meta.get("min"), meta.get("max")
    kind = shape.type_name
    if loc.path:  # the request itself is always a structure
        for wrong in _WRONG_TYPES[kind]:
            if loc.is_key and not isinstance(wrong, collections.abc.Hashable):
                continue  # a list or dict cannot be a dict key at all
            yield _replace(loc, f"wrong type ({kind} <- {type(wrong).__name__})", wrong)
    if isinstance(shape, StringShape):
        taken = set(_parent_map(loc)) if loc.is_key else set()
        candidates: list[tuple[str, str]] = []
        if high is not None:
            candidates.append(("string above max length", (value + "Zq" * high)[: high + 1]))
        if low:
            candidates.append(("string below min length", value[: low - 1]))
        if "pattern" in meta:
            candidates += [("pattern mismatch", bad) for bad in _pattern_breakers(shape, value)]
        if shape.enum:
            candidates.append(("value not in enum", "ROBOT_NOT_IN_ENUM"))
        for name, bad in candidates:
            if bad not in taken:
                yield _replace(loc, name, bad)
    elif kind in ("integer", "long", "double"):
        step = 1 if kind != "double" else 0.5
        if high is not None:
            yield _replace(loc, "number above max", high + step)
        if low is not None:
            yield _replace(loc, "number below min", low - step)
        if kind == "double" and (low is not None or high is not None):
            yield _replace(loc, "NaN out of range", math.nan)
    elif isinstance(shape, ListShape):
        if high is not None:
            yield _with_new(loc, "list above max size", _grow_list(shape, high + 1))
        if low:
            yield _with_new(loc, "list below min size", lambda old, _: old[: low - 1])
    elif isinstance(shape, MapShape):
        if high is not None:
            yield _with_new(loc, "map above max size", _grow_map(shape, high + 1))
        if low:
            yield _with_new(loc, "map below min size", lambda old, _: dict(list(old.items())[:0]))
    elif isinstance(shape, StructureShape) and not loc.is_key:
        for name in shape.required_members:
            yield Mutation("required member removed", _join(loc.path, name), _delete(loc, name))
        unknown = "NotAModelMember"
        assert unknown not in shape.members
        yield Mutation("unknown member added", _join(loc.path, unknown), _add(loc, unknown))


def _parent_map(loc: Location) -> dict[Any, Any]:
    return loc.value if not loc.is_key else {}


def _delete(loc: Location, name: str) -> Callable[[dict[str, Any], st.DataObject], None]:
    def apply(request: dict[str, Any], _: st.DataObject) -> None:
        del _parent(request, loc.steps)[name]

    return apply


def _add(loc: Location, name: str) -> Callable[[dict[str, Any], st.DataObject], None]:
    def apply(request: dict[str, Any], _: st.DataObject) -> None:
        _parent(request, loc.steps)[name] = "surprise"

    return apply


def _grow_list(shape: ListShape, size: int) -> Callable[[list[Any], st.DataObject], list[Any]]:
    def build(old: list[Any], data: st.DataObject) -> list[Any]:
        if old:  # copies of a valid item: only the size is wrong
            return old + [copy.deepcopy(old[0]) for _ in range(size - len(old))]
        item = valid_value(shape.member, 3)
        return data.draw(st.lists(item, min_size=size, max_size=size), label="items")

    return build


def _grow_map(
    shape: MapShape, size: int
) -> Callable[[dict[Any, Any], st.DataObject], dict[Any, Any]]:
    def build(old: dict[Any, Any], data: st.DataObject) -> dict[Any, Any]:
        extra = size - len(old)
        keys = st.lists(valid_value(shape.key, 3), min_size=extra, max_size=extra, unique=True)
        new_keys = data.draw(keys.filter(lambda ks: not set(ks) & set(old)), label="new keys")
        filler = next(iter(old.values())) if old else data.draw(valid_value(shape.value, 3))
        return {**old, **{key: copy.deepcopy(filler) for key in new_keys}}

    return build


@pytest.mark.parametrize("operation", SEED_OPERATIONS)
@settings(max_examples=25, deadline=None, suppress_health_check=_SLOW_OK)
@given(data=st.data())
def test_one_broken_constraint_is_reported_at_its_path_and_nothing_is_sent(
    operation: str, data: st.DataObject
) -> None:
    request = data.draw(valid_request(operation), label="valid request")
    catalogue: dict[str, list[Mutation]] = {}
    for loc in locations(input_shape(operation), request):
        for mutation in mutations(loc):
            catalogue.setdefault(mutation.kind, []).append(mutation)
    # Draw the kind of break first so rare kinds are not drowned by the many strings.
    kind = data.draw(st.sampled_from(sorted(catalogue)), label="kind")
    mutation = data.draw(st.sampled_from(catalogue[kind]), label="mutation")
    event(kind)
    broken = copy.deepcopy(request)
    mutation.apply(broken, data)

    err = _rejected(operation, broken)

    assert mutation.path in err.fields
    assert set(err.fields) == {mutation.path}, err.violations
    shown = repr(mutation.bad)
    if kind == "value not in enum":
        # An enum violation names the value given (the mutation's is a token, not data).
        assert any(v.detail == f"got {shown}" for v in err.violations), err.violations
    elif mutation.secret:
        if isinstance(mutation.bad, str) and len(mutation.bad) >= 3:
            assert shown not in str(err)
            assert all(mutation.bad not in v.detail for v in err.violations)
        if kind == "pattern mismatch":
            assert all(f"got {shown}" != v.detail for v in err.violations), err.violations
    elif kind == "pattern mismatch":
        assert any(v.detail == f"got {shown}" for v in err.violations), err.violations


def test_every_kind_of_break_is_exercised_on_some_operation() -> None:
    """The mutation catalogue above is not vacuous: each kind applies somewhere."""
    request = {
        "DomainName": "d",
        "DefaultExpirationDays": 10,
        "Matching": {"Enabled": True, "AutoMerging": {"Enabled": True,
                                                      "MinAllowedConfidenceScoreForMerging": 0.5}},
        "Tags": {"team": "crm"},
    }  # fmt: skip
    kinds = {m.kind for loc in locations(input_shape("CreateDomain"), request)
             for m in mutations(loc)}  # fmt: skip
    batch = {"DomainName": "d", "ProfileIds": ["a" * 32]}
    kinds |= {m.kind for loc in locations(input_shape("BatchGetProfile"), batch)
              for m in mutations(loc)}  # fmt: skip
    assert {
        "string above max length",
        "string below min length",
        "pattern mismatch",
        "number above max",
        "number below min",
        "NaN out of range",
        "list above max size",
        "list below min size",
        "map above max size",
        "map below min size",
        "required member removed",
        "unknown member added",
        "wrong type (string <- int)",
        "wrong type (structure <- str)",
    } <= kinds
    enum_kinds = {
        m.kind
        for loc in locations(input_shape("SearchProfiles"), {"LogicalOperator": "AND"})
        for m in mutations(loc)
    }
    assert "value not in enum" in enum_kinds


# --------------------------------------------------------------------------- examples


def test_create_domain_reports_every_problem_at_once() -> None:
    err = _rejected("CreateDomain", {"DomainName": "d" * 500, "DefaultExpirationDays": 99999})
    assert len(err.violations) == 2
    assert sorted(err.fields) == ["DefaultExpirationDays", "DomainName"]
    by_path = {v.path: v for v in err.violations}
    assert by_path["DomainName"].constraint == "max length 64"
    assert by_path["DefaultExpirationDays"].constraint == "maximum 1098"
    assert "2 problems" in str(err)


def test_enum_violation_names_the_value_and_the_allowed_ones() -> None:
    """Even on a personal-data member (Gender), a misspelt enum value is named."""
    err = _rejected("CreateProfile", {"DomainName": "d", "Gender": "MAIL"})
    assert err.fields == ["Gender"]
    (violation,) = err.violations
    assert violation.constraint == "one of MALE, FEMALE, UNSPECIFIED"
    assert violation.detail == "got 'MAIL'"
    assert "'MAIL'" in str(err)


def test_enum_violation_hides_a_value_that_could_be_personal_data() -> None:
    err = _rejected("CreateProfile", {"DomainName": "d", "Gender": "ana@example.com"})
    (violation,) = err.violations
    assert violation.constraint == "one of MALE, FEMALE, UNSPECIFIED"
    assert "ana@example.com" not in str(err)
    assert violation.detail == "value hidden: personal data"


def test_non_sensitive_enum_value_is_shown() -> None:
    params = {"DomainName": "d", "KeyName": "_email", "Values": ["a@b.c"], "LogicalOperator": "XOR"}
    err = _rejected("SearchProfiles", params)
    assert err.fields == ["LogicalOperator"]
    assert err.violations[0].constraint == "one of AND, OR"
    assert "'XOR'" in str(err)


def test_sensitive_string_too_long_names_the_field_and_limit_but_not_the_value() -> None:
    first_name = "Grace" * 60
    err = _rejected("CreateProfile", {"DomainName": "d", "FirstName": first_name})
    assert err.fields == ["FirstName"]
    message = str(err)
    assert "FirstName" in message
    assert "max length 255" in message
    assert "GraceGrace" not in message


def test_reserved_tag_key_is_a_pattern_violation_at_the_key() -> None:
    arn = "arn:aws:profile:us-east-1:123456789012:domains/d"
    err = _rejected("TagResource", {"resourceArn": arn, "tags": {"aws:x": "v"}})
    assert err.fields == ["tags.<key>"]
    assert err.violations[0].constraint.startswith("pattern ")
    assert "'aws:x'" in str(err)


def test_tag_value_path_names_its_key() -> None:
    arn = "arn:aws:profile:us-east-1:123456789012:domains/d"
    err = _rejected("TagResource", {"resourceArn": arn, "tags": {"team": "v" * 257}})
    assert err.fields == ["tags['team']"]
    assert err.violations[0].constraint == "max length 256"


def test_sensitive_map_value_path_hides_the_key() -> None:
    err = _rejected("CreateProfile", {"DomainName": "d", "Attributes": {"loyalty": ""}})
    assert err.fields == ["Attributes[…]"]
    assert err.violations[0].constraint == "min length 1"
    assert "loyalty" not in str(err)


def test_too_many_additional_search_keys() -> None:
    extra = [{"KeyName": f"k{i}", "Values": ["v"]} for i in range(5)]
    params = {
        "DomainName": "d",
        "KeyName": "_email",
        "Values": ["a"],
        "AdditionalSearchKeys": extra,
    }
    err = _rejected("SearchProfiles", params)
    assert err.fields == ["AdditionalSearchKeys"]
    assert err.violations[0].constraint == "max length 4"


def test_nested_number_out_of_range_has_a_dotted_path() -> None:
    matching = {
        "Enabled": True,
        "AutoMerging": {"Enabled": True, "MinAllowedConfidenceScoreForMerging": 1.5},
    }
    err = _rejected(
        "CreateDomain", {"DomainName": "d", "DefaultExpirationDays": 10, "Matching": matching}
    )
    assert err.fields == ["Matching.AutoMerging.MinAllowedConfidenceScoreForMerging"]
    assert err.violations[0].constraint == "maximum 1.0"


def test_nested_list_item_path_has_indexes() -> None:
    consolidation = {"MatchingAttributesList": [["EmailAddress", ""], ["PhoneNumber"]]}
    matching = {"Enabled": True, "AutoMerging": {"Enabled": True, "Consolidation": consolidation}}
    err = _rejected("UpdateDomain", {"DomainName": "d", "Matching": matching})
    assert err.fields == ["Matching.AutoMerging.Consolidation.MatchingAttributesList[0][1]"]
    assert err.violations[0].constraint == "min length 1"


def test_missing_required_members_top_level_and_nested() -> None:
    err = _rejected("SearchProfiles", {"DomainName": "d", "Values": ["a"]})
    assert err.fields == ["KeyName"]
    assert (err.violations[0].constraint, err.violations[0].detail) == ("required", "missing")

    err = _rejected("UpdateDomain", {"DomainName": "d", "Matching": {"JobSchedule": None}})
    assert err.fields == ["Matching.Enabled"]
    assert err.violations[0].constraint == "required"


def test_unknown_member_is_reported() -> None:
    err = _rejected("GetDomain", {"DomainName": "d", "DomainNmae": "typo"})
    assert err.fields == ["DomainNmae"]
    assert err.violations[0].detail == "unknown parameter"


def test_none_members_are_dropped_not_reported() -> None:
    client = RecordingClient()
    Transport(client, RetryPolicy()).call("ListDomains", {"NextToken": None, "MaxResults": 5})
    assert client.calls == [("list_domains", {"MaxResults": 5})]


# ---- regressions for the constraints check_request used to miss


def test_trailing_newline_does_not_satisfy_an_anchored_pattern() -> None:
    # Python's ``$`` matches before a final newline; a Smithy ``$`` does not.
    err = _rejected("GetDomain", {"DomainName": "mydomain\n"})
    assert err.fields == ["DomainName"]
    assert err.violations[0].constraint == "pattern ^[a-zA-Z0-9_-]+$"


def test_nan_is_outside_every_range() -> None:
    matching = {
        "Enabled": True,
        "AutoMerging": {"Enabled": True, "MinAllowedConfidenceScoreForMerging": math.nan},
    }
    err = _rejected("UpdateDomain", {"DomainName": "d", "Matching": matching})
    assert set(err.fields) == {"Matching.AutoMerging.MinAllowedConfidenceScoreForMerging"}


def test_a_boolean_is_not_a_timestamp() -> None:
    scheduled = {
        "ScheduleExpression": "rate(1 hours)",
        "ScheduleStartTime": True,
    }
    flow = {
        "FlowName": "flow1",
        "KmsArn": "arn:aws:kms:us-east-1:123456789012:key/k",
        "SourceFlowConfig": {"ConnectorType": "S3", "SourceConnectorProperties": {"S3": {
            "BucketName": "bucket"}}},
        "Tasks": [],
        "TriggerConfig": {"TriggerType": "Scheduled",
                          "TriggerProperties": {"Scheduled": scheduled}},
    }  # fmt: skip
    err = _rejected("PutIntegration", {"DomainName": "d", "FlowDefinition": flow})
    path = "FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.ScheduleStartTime"
    assert err.fields == [path]
    assert err.violations[0].constraint.startswith("a timestamp")
    # ... while a real timestamp there is fine.
    scheduled["ScheduleStartTime"] = datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert check_request("PutIntegration", {"DomainName": "d", "FlowDefinition": flow}) == []


# --------------------------------------------------------------------------- compiled check


@pytest.mark.parametrize("operation", _manifest.OPERATIONS)
@settings(max_examples=5, deadline=None, suppress_health_check=_SLOW_OK)
@given(data=st.data())
def test_the_compiled_check_agrees_with_the_walker_on_every_operation(
    operation: str, data: st.DataObject
) -> None:
    # check_request answers from the compiled check and walks the request only when it
    # fails: both must see the same requests as valid, and a broken one as broken.
    shape = input_shape(operation)
    request = data.draw(valid_request(operation), label="request")
    assert _service._valid_top(shape, request, ())
    walked: list[_service.Violation] = []
    _service._check(shape, request, "", False, walked)
    assert walked == []
    catalogue = [m for loc in locations(shape, request) for m in mutations(loc)]
    if not catalogue:
        return
    mutation = data.draw(st.sampled_from(catalogue), label="mutation")
    broken = copy.deepcopy(request)
    mutation.apply(broken, data)
    assert not _service._valid_top(shape, broken, ())
    assert check_request(operation, broken) != []


def test_compiled_checks_are_built_once_and_whole_when_threads_race() -> None:
    # Bulk loading sends from several threads: a thread must never run a check another
    # thread is still building (nor recurse into a stand-in of one).
    import threading
    import time
    from types import SimpleNamespace

    built: list[str] = []

    def compile_(shape: Any) -> Callable[[Any], bool]:
        built.append(shape.name)
        time.sleep(0.02)  # widen the window in which another thread could see it half-made
        child = cache.get(shape.child) if shape.child is not None else None
        # each level looks one character further, so the recursion ends
        return lambda value: child is None or not value or child(value[1:])

    cache: _service.PerShape[Callable[[Any], bool]] = _service.PerShape(
        compile_, lambda get: lambda value: get()(value)
    )
    tree = SimpleNamespace(name="Tree", child=None)
    tree.child = SimpleNamespace(name="Branch", child=tree)  # reachable from itself
    results: list[bool] = []
    errors: list[BaseException] = []

    def use() -> None:
        try:
            results.append(cache.get(tree)("xyz"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == [True] * 8
    assert sorted(built) == ["Branch", "Tree"]
