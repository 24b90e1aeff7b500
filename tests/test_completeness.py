"""Completeness: every operation of the recorded model is reachable through a typed
resource method or listed as not yet covered, and every member of every shape the
covered operations send or receive has a model field.

The test walks botocore's service model (the installed one: when boto3 adds members,
this test names them). A request member is covered when the ``@api`` binding of the
method that wraps the operation supplies it (see ``resources._base.ApiBinding``); a
structure is covered when the model standing for it has a field for each member, walking
nested structures through the fields' annotations.

Run ``python -m tests.test_completeness`` to print the operation table of the README.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import botocore
import pytest
from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StructureShape

import customer_profiles_sdk
from customer_profiles_sdk import _convert, _service, resources
from customer_profiles_sdk.models._generated import _manifest
from customer_profiles_sdk.resources._base import API_METHODS, ApiBinding

README = Path(__file__).resolve().parent.parent / "README.md"

#: How users reach each resource class (for the README table).
ACCESS = {
    "Domains": "cp.domains",
    "Domain": "domain",
    "Profiles": "domain.profiles",
    "ProfileHistory": "domain.profiles",
    "Attributes": "domain.attributes",
    "Matches": "domain.matches",
    "IdentityResolutionJobs": "domain.matches.jobs",
    "ObjectTypes": "domain.object_types",
    "Templates": "cp.templates",
    "Objects": "domain.objects",
    "CalculatedAttributes": "domain.calculated_attributes",
    "Integrations": "domain.integrations",
    "AccountIntegrations": "cp.integrations",
    "Tags": "cp.tags",
    "Segments": "domain.segments",
    "SegmentSubscriptions": "domain.segments.subscriptions",
    "SegmentStream": "domain.segments.stream",
    "UploadJobs": "domain.upload_jobs",
    "Workflows": "domain.workflows",
    "Recommenders": "domain.recommenders",
    "RecommenderFilters": "domain.recommenders.filters",
    "RecommenderSchemas": "domain.recommenders.schemas",
    "RecommenderRecipes": "cp.recommender_recipes",
    "Recommendations": "domain.recommendations",
    "DomainObjectTypes": "domain.domain_object_types",
    "EventStreams": "domain.event_streams",
    "EventTriggers": "domain.event_triggers",
    "Layouts": "domain.layouts",
}


def _bindings(operation: str) -> list[ApiBinding]:
    return [b for b in API_METHODS if b.operation == operation]


def _method(binding: ApiBinding) -> Any:
    cls_name, name = binding.qualname.split(".")
    return getattr(getattr(resources, cls_name), name)


def _namespace() -> dict[str, Any]:
    names: dict[str, Any] = {}
    for module in list(vars(customer_profiles_sdk.models).values()):
        if isinstance(module, types.ModuleType):
            names.update(vars(module))
    names.update(vars(customer_profiles_sdk.models))
    return names


def _hints(obj: Any) -> dict[str, Any]:
    return typing.get_type_hints(obj, localns=_namespace())


def _models_in(annotation: Any) -> Iterator[type]:
    """Every model class mentioned anywhere in a type annotation."""
    if _convert.is_model(annotation):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def _structure_problems(shape: Shape, annotation: Any, path: str, seen: set[Any]) -> list[str]:
    """What of ``shape`` the type ``annotation`` cannot carry (recursively)."""
    if isinstance(shape, ListShape):
        return _structure_problems(shape.member, annotation, f"{path}[]", seen)
    if isinstance(shape, MapShape):
        return _structure_problems(shape.value, annotation, f"{path}{{}}", seen)
    if not isinstance(shape, StructureShape):
        return []
    models = list(_models_in(annotation))
    if not models:
        return [f"{path} ({shape.name}): no model carries this structure"]
    problems: list[str] = []
    for model in models:
        if (shape.name, model) in seen:
            continue
        seen.add((shape.name, model))
        fields = {wire: name for name, wire in _convert.wire_names(model).items()}
        hints = _hints(model)
        for member, member_shape in shape.members.items():
            if member not in fields:
                problems.append(f"{path}.{member}: {model.__name__} has no field for it")
                continue
            problems += _structure_problems(
                member_shape, hints[fields[member]], f"{path}.{member}", seen
            )
    return problems


#: Request members the SDK builds itself from a parameter of another form, with how.
BUILT_BY_THE_SDK = {
    # objects.put_batch/put_many: each item's Id is its position, Object its JSON text
    # (the parameter ``objects`` holds mappings or JSON strings).
    ("BatchPutProfileObject", "Items"): "objects",
}


def _request_problems(binding: ApiBinding) -> list[str]:
    op = _service.operation_model(binding.operation)
    fn = _method(binding)
    parameters = inspect.signature(fn).parameters
    hints = _hints(fn)
    paging = _service.paging_info(binding.operation)
    skip = {paging.input_token, paging.limit_key} if paging else set()
    problems = []
    for names in binding.params.values():
        for param in names.split(","):
            if param.strip() not in parameters:
                problems.append(f"{binding.qualname}: params names unknown parameter {param!r}")
    model_params = {
        wire: name
        for name in parameters
        for model in _models_in(hints.get(name))
        for wire in _convert.wire_names(model).values()
    }
    shape = op.input_shape
    members = shape.members.items() if shape is not None else []
    for member, member_shape in members:
        if member in skip or member in binding.bound:
            continue
        built_from = BUILT_BY_THE_SDK.get((binding.operation, member))
        if built_from is not None:
            if built_from not in parameters:
                problems.append(f"{binding.qualname}: no parameter {built_from!r} builds {member}")
            continue
        param = binding.params.get(member) or (
            xform_name(member) if xform_name(member) in parameters else None
        )
        where = f"{binding.operation} request {member}"
        if param is not None and "," in param:
            # A structure assembled from several parameters, one per member (members that
            # are structures may be assembled from them in turn).
            given = {p.strip() for p in param.split(",")}
            assert isinstance(member_shape, StructureShape)
            problems += _assembled_problems(member_shape, given, hints, where)
        elif (
            param is not None
            and isinstance(member_shape, StructureShape)
            and len(member_shape.members) == 1
            and not list(_models_in(hints.get(param)))
        ):
            # A one-member structure wrapped around a plain parameter (MetadataConfig).
            ((sub, sub_shape),) = member_shape.members.items()
            problems += _structure_problems(sub_shape, hints.get(param), f"{where}.{sub}", set())
        elif param is not None:
            problems += _structure_problems(member_shape, hints.get(param), where, set())
        elif member not in model_params:
            problems.append(f"{where}: no parameter of {binding.qualname} supplies it")
    return problems


def _assembled_problems(
    shape: StructureShape, given: set[str], hints: dict[str, Any], where: str
) -> list[str]:
    """What of ``shape`` the parameters ``given`` (one per member) do not supply; a
    member that is itself a structure may be assembled from them in turn."""
    problems = []
    for sub, sub_shape in shape.members.items():
        name = xform_name(sub)
        if name in given:
            problems += _structure_problems(sub_shape, hints.get(name), f"{where}.{sub}", set())
        elif isinstance(sub_shape, StructureShape):
            problems += _assembled_problems(sub_shape, given, hints, f"{where}.{sub}")
        else:
            problems.append(f"{where}.{sub}: none of {sorted(given)} supplies it")
    return problems


def _response_problems(binding: ApiBinding) -> list[str]:
    op = _service.operation_model(binding.operation)
    shape = op.output_shape
    if shape is None:
        return []
    paging = _service.paging_info(binding.operation)
    where = f"{binding.operation} response"
    problems = []
    covered = set(binding.returns)
    if binding.output is not None:
        covered |= set(_convert.wire_names(binding.output).values())
    for member, member_shape in shape.members.items():
        if paging and member == paging.output_token:
            continue
        if paging and member == paging.result_key:
            problems += _structure_problems(
                member_shape, binding.output, f"{where} {member}", set()
            )
        elif member not in covered:
            problems.append(f"{where} {member}: neither returned nor in the output model")
    if binding.output is not None and not (paging and paging.result_key in shape.members):
        problems += _structure_problems(shape, binding.output, where, set())
    return problems


#: What the README table says of an operation no method wraps yet.
NOT_YET = "not yet covered: `cp.client`"

#: Operations of the recorded model that a resource method wraps.
COVERED = sorted({b.operation for b in API_METHODS})
#: Operations of the recorded model that no method wraps yet: the README lists them as
#: not yet covered (call them through ``cp.client``).
NOT_COVERED = [op for op in _manifest.OPERATIONS if op not in set(COVERED)]
#: Whether the installed botocore is the one the models were generated from; on a newer
#: one, members and operations the models predate are reported, not failures.
RECORDED = botocore.__version__ == _manifest.BOTOCORE_VERSION
#: The covered operations in the README's order: the seed surface first, then the rest.
COVERED_IN_ORDER = [
    *_service.SEED_OPERATIONS,
    *(op for op in _manifest.OPERATIONS if op in set(COVERED) - set(_service.SEED_OPERATIONS)),
]


def _report(problems: list[str]) -> None:
    """Fail on the recorded model; on a newer one, problems are new members: warn."""
    if RECORDED:
        assert not problems, "\n".join(problems)
    elif problems:
        warnings.warn("newer botocore: " + "; ".join(problems), stacklevel=2)


def test_the_seed_operations_are_covered_and_every_binding_is_a_recorded_operation() -> None:
    assert set(_service.SEED_OPERATIONS) <= set(COVERED)
    assert set(COVERED) <= set(_manifest.OPERATIONS)
    assert len(COVERED) + len(NOT_COVERED) == len(_manifest.OPERATIONS)


@pytest.mark.parametrize("operation", COVERED)
def test_every_covered_operation_has_a_documented_typed_method(operation: str) -> None:
    bindings = _bindings(operation)
    for binding in bindings:
        assert _method(binding).__doc__, f"{binding.qualname} has no docstring"
        assert operation in _method(binding).__doc__


@pytest.mark.parametrize("operation", COVERED)
def test_every_request_member_is_reachable(operation: str) -> None:
    _report([p for b in _bindings(operation) for p in _request_problems(b)])


@pytest.mark.parametrize("operation", COVERED)
def test_every_response_member_has_a_model_field(operation: str) -> None:
    _report([p for b in _bindings(operation) for p in _response_problems(b)])


def test_operations_newer_than_the_models_stay_callable_through_the_client() -> None:
    """An operation a newer botocore adds is listed as not covered, never a failure:
    users reach it through ``cp.client``."""
    from customer_profiles_sdk import CustomerProfiles

    client = CustomerProfiles.local().client
    newer = sorted(set(_service.service_model().operation_names) - set(_manifest.OPERATIONS))
    for operation in [*NOT_COVERED, *newer]:
        assert callable(getattr(client, _service.method_name(operation)))
    if newer:
        warnings.warn(f"not yet covered (newer botocore): {', '.join(newer)}", stacklevel=1)


def test_the_checker_notices_a_missing_field() -> None:
    """The walk is not vacuous: a model without a member is reported."""
    from customer_profiles_sdk.models import DomainStats, JobSchedule

    shape = _service.structure("MatchingResponse")
    problems = _structure_problems(shape, JobSchedule | None, "x", set())
    assert any("Enabled" in p for p in problems)
    assert _structure_problems(_service.structure("DomainStats"), DomainStats, "x", set()) == []


def test_the_checker_notices_a_member_missing_from_an_assembled_structure() -> None:
    """Nested assembly (IntegrationConfig.AppflowIntegration from two parameters) is
    checked member by member: leaving one parameter out is reported."""
    complete = ApiBinding(
        operation="CreateIntegrationWorkflow",
        bound=("DomainName",),
        params={"IntegrationConfig": "flow_definition, batches"},
        qualname="Workflows.create",
    )
    assert _request_problems(complete) == []
    partial = ApiBinding(
        operation="CreateIntegrationWorkflow",
        bound=("DomainName",),
        params={"IntegrationConfig": "flow_definition, tags"},
        qualname="Workflows.create",
    )
    problems = _request_problems(partial)
    assert any("IntegrationConfig.AppflowIntegration.Batches" in p for p in problems), problems


def operation_table() -> str:
    """The README's boto3 operation -> SDK method table, generated from the bindings:
    every operation of the recorded model, those without a method marked as such."""
    rows = ["| boto3 operation | SDK method |", "|---|---|"]
    for operation in [*COVERED_IN_ORDER, *sorted(NOT_COVERED)]:
        methods = ", ".join(
            f"`{ACCESS[b.qualname.split('.')[0]]}.{b.qualname.split('.')[1]}()`"
            for b in _bindings(operation)
        )
        rows.append(f"| `{_service.method_name(operation)}` | {methods or NOT_YET} |")
    return "\n".join(rows)


def test_readme_lists_every_operation_with_its_method() -> None:
    text = README.read_text(encoding="utf-8")
    table = re.search(r"\| boto3 operation \| SDK method \|\n(?:\|.*\|\n?)+", text)
    assert table is not None, "README has no operation table"
    assert table.group(0).strip() == operation_table(), (
        "README table is stale: run `python -m tests.test_completeness`"
    )


if __name__ == "__main__":
    print(operation_table())
