"""The generated models: in step with botocore, complete, masking what the model marks.

* Regenerating on the recorded botocore version changes nothing; on a newer botocore the
  generator still runs and keeps every public name (a regeneration is additive).
* Every model's fields are the members of its shape, wire names read from the model;
  a member that a newer botocore adds is not a failure: it lands in ``extra``.
* Every model structures a valid wire value of its shape and gives it back unchanged,
  with the production converter and with the strict one.
* Masking follows the service model, also for a model shown on its own.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
import warnings
from pathlib import Path
from typing import Any

import attrs
import botocore
import pytest
from botocore.model import ListShape, MapShape, Shape, StructureShape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import customer_profiles_sdk
from customer_profiles_sdk import _convert, _service, models
from customer_profiles_sdk.models import _generated
from customer_profiles_sdk.models._generated import _manifest
from tests._model_strategies import valid_value
from tools.codegen import overrides
from tools.codegen.__main__ import stale_files
from tools.codegen.generate import GenerationError, build_plan, render

#: Whether the installed botocore is the one the models were generated from.
RECORDED = botocore.__version__ == _manifest.BOTOCORE_VERSION

GENERATED_MODULES = [
    importlib.import_module(f"{_generated.__name__}.{info.name}")
    for info in pkgutil.iter_modules(_generated.__path__)
    if not info.name.startswith("_")
]
MODELS = sorted(
    {
        obj
        for module in GENERATED_MODULES
        for obj in vars(module).values()
        if _convert.is_model(obj) and obj.__module__ == module.__name__
    },
    key=lambda cls: cls.__name__,
)
ENUMS = sorted(
    {
        obj
        for module in GENERATED_MODULES
        for obj in vars(module).values()
        if isinstance(obj, type)
        and issubclass(obj, enum.Enum)
        and obj.__module__ == module.__name__
    },
    key=lambda cls: cls.__name__,
)
#: Structure shapes of the recorded model's operations (and curated request shapes).
SHAPES = 262
FAST = _convert.make_converter(detailed_validation=False)
STRICT = _convert.make_converter(detailed_validation=True)


# --------------------------------------------------------------------------- the record


def test_the_manifest_names_every_model_and_enum_once() -> None:
    assert sorted(set(_manifest.STRUCTURES.values())) == [m.__name__ for m in MODELS]
    assert sorted(set(_manifest.ENUMS.values())) == [e.__name__ for e in ENUMS]
    # Every structure shape has a class; a curated class may stand for several shapes.
    assert len(set(_manifest.STRUCTURES)) == SHAPES
    assert len(MODELS) < SHAPES
    assert len(ENUMS) == 64
    for model in MODELS:
        assert _manifest.STRUCTURES[model.__wire_shape__] == model.__name__


def test_every_model_and_enum_is_public() -> None:
    public = set(customer_profiles_sdk.__all__)
    assert {m.__name__ for m in MODELS} <= public
    assert {e.__name__ for e in ENUMS} <= public
    assert set(models.__all__) == {m.__name__ for m in MODELS} | {e.__name__ for e in ENUMS}


def test_no_public_name_shadows_a_builtin_or_another() -> None:
    import builtins

    assert len(customer_profiles_sdk.__all__) == len(set(customer_profiles_sdk.__all__))
    shadowing = [n for n in models.__all__ if hasattr(builtins, n)]
    assert shadowing == []


def test_regenerating_is_a_no_op_on_the_recorded_version_and_additive_on_newer(
    tmp_path: Path,
) -> None:
    if RECORDED:
        assert stale_files(tmp_path) == []
        return
    # A newer botocore: the generator runs, and a regeneration would keep every name.
    plan = build_plan()
    files = render(plan)
    for name, source in files.items():
        compile(source, name, "exec")
    kept = set(plan.classes) | set(plan.enums)
    assert set(models.__all__) <= kept
    new_operations = sorted(set(plan.operations) - set(_manifest.OPERATIONS))
    if new_operations:
        warnings.warn(
            f"botocore {botocore.__version__} has operations the models predate: "
            f"{', '.join(new_operations)}",
            stacklevel=1,
        )


def test_the_generator_refuses_an_override_of_a_member_the_shape_lacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = overrides.Curated("Profile", "doc", required=("NoSuchMember",))
    monkeypatch.setitem(overrides.STRUCTURES, "Profile", broken)
    with pytest.raises(GenerationError, match="NoSuchMember"):
        build_plan()


def test_the_generator_refuses_a_class_that_cannot_stand_for_a_shape(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Address cannot stand for Profile: it has no field for Profile's members.
    broken = overrides.Curated(**{**vars(overrides.STRUCTURES["Address"]), "also": ("Profile",)})
    monkeypatch.setitem(overrides.STRUCTURES, "Address", broken)
    monkeypatch.delitem(overrides.STRUCTURES, "Profile")
    with pytest.raises(GenerationError, match="stands for Profile"):
        build_plan()


# --------------------------------------------------------------------------- fields


def _curated(model: type) -> overrides.Curated | None:
    return overrides.STRUCTURES.get(model.__wire_shape__)  # type: ignore[attr-defined]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_fields_are_the_members_of_the_shape(model: type) -> None:
    curated = _curated(model)
    omitted = set(curated.omit) if curated else set()
    members = set(_service.structure(model.__wire_shape__).members) - omitted  # type: ignore[attr-defined]
    fields = set(_convert.wire_names(model).values())
    assert fields <= members | omitted or not RECORDED
    new = members - fields
    if RECORDED:
        assert new == set()
    elif new:  # a newer botocore: the new members are kept in ``extra``
        payload = dict.fromkeys(sorted(new), "x")
        assert FAST.structure(payload, model).extra == payload


def test_a_member_the_model_does_not_know_lands_in_extra_and_is_sent_back() -> None:
    from customer_profiles_sdk import ObjectTypeTemplate

    wire = {"TemplateId": "T", "DefaultMaxProfileObjectCount": 3, "FutureMember": {"A": 1}}
    for conv in (FAST, STRICT):
        template = conv.structure(wire, ObjectTypeTemplate)
        assert template.default_max_profile_object_count == 3
        assert template.extra == {"FutureMember": {"A": 1}}
        assert conv.unstructure(template) == wire


def test_an_enum_value_the_sdk_does_not_know_stays_a_string() -> None:
    from customer_profiles_sdk import CalculatedAttribute, Statistic

    for conv in (FAST, STRICT):
        known = conv.structure(
            {"CalculatedAttributeName": "a", "Statistic": "RECENT_OCCURRENCES"},
            CalculatedAttribute,
        )
        assert known.statistic is Statistic.RECENT_OCCURRENCES
        future = conv.structure(
            {"CalculatedAttributeName": "a", "Statistic": "MEDIAN_2099"}, CalculatedAttribute
        )
        assert future.statistic == "MEDIAN_2099"
        assert conv.unstructure(future)["Statistic"] == "MEDIAN_2099"


@pytest.mark.parametrize("enum_cls", ENUMS, ids=lambda e: e.__name__)
def test_every_enum_holds_the_values_of_its_shapes(enum_cls: type[enum.Enum]) -> None:
    shapes = [s for s, name in _manifest.ENUMS.items() if name == enum_cls.__name__]
    values: set[str] = set()
    for shape_name in shapes:
        values |= set(_service.service_model().shape_for(shape_name).enum)
    assert {m.value for m in enum_cls} == values or (
        not RECORDED and {m.value for m in enum_cls} <= values
    )
    assert all(isinstance(m, str) for m in enum_cls)


# --------------------------------------------------------------------------- round trips


def _without_empty(value: Any) -> Any:
    """``value`` with empty lists and maps dropped (an empty-by-default field is not
    sent back, which the service reads the same way)."""
    if isinstance(value, dict):
        pruned = {k: _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in ({}, [])}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value


def _model_value(shape: Shape) -> st.SearchStrategy[Any]:
    """Valid wire values of ``shape`` that also carry what the model classes require
    (a curated class may require a member the shape leaves optional)."""
    if isinstance(shape, ListShape):
        low, high = shape.metadata.get("min", 0), min(shape.metadata.get("max", 2), 2)
        return st.lists(_model_value(shape.member), min_size=low, max_size=max(low, high))
    if isinstance(shape, MapShape):
        low = shape.metadata.get("min", 0)
        return st.dictionaries(
            valid_value(shape.key), _model_value(shape.value), min_size=low, max_size=max(low, 2)
        )
    if not isinstance(shape, StructureShape):
        return valid_value(shape)
    cls = getattr(models, _manifest.STRUCTURES[shape.name])
    required = set(shape.required_members) | {
        f.metadata["wire"] for f in attrs.fields(cls) if f.default is attrs.NOTHING
    }
    members = {name: _model_value(member) for name, member in shape.members.items()}
    if shape.is_tagged_union:  # exactly one member set (botocore refuses anything else)
        return st.one_of(*(st.fixed_dictionaries({n: v}) for n, v in members.items()))
    return st.fixed_dictionaries(
        {n: v for n, v in members.items() if n in required},
        optional={n: v for n, v in members.items() if n not in required},
    )


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_model_round_trips_a_valid_wire_value(model: type, data: st.DataObject) -> None:
    """The production converter and the strict one read a valid value of the model's
    shape and write it back unchanged."""
    shape = _service.structure(model.__wire_shape__)  # type: ignore[attr-defined]
    wire = data.draw(_model_value(shape))
    for conv in (FAST, STRICT):
        obj = conv.structure(wire, model)
        assert isinstance(obj, model)
        assert _without_empty(conv.unstructure(obj)) == _without_empty(wire)


# --------------------------------------------------------------------------- masking


def _sensitive_chain(shape: Shape) -> bool:
    if shape.metadata.get("sensitive"):
        return True
    if isinstance(shape, ListShape):
        return _sensitive_chain(shape.member)
    if isinstance(shape, MapShape):
        return _sensitive_chain(shape.key) or _sensitive_chain(shape.value)
    return False


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_members_the_model_marks_sensitive_are_masked(model: type) -> None:
    shape = _service.structure(model.__wire_shape__)  # type: ignore[attr-defined]
    assert isinstance(shape, StructureShape)
    whole = bool(shape.metadata.get("sensitive"))
    for field in attrs.fields(model):
        if field.name == "extra":
            continue
        member = shape.members[field.metadata["wire"]]
        if whole or _sensitive_chain(member):
            assert field.metadata.get("sensitive") is True, field.name
            assert callable(field.repr), field.name


SECRET = "s3cr3t-value"


@pytest.mark.parametrize(
    "build",
    [
        lambda m: m.Conditions(threshold=m.Threshold(value=SECRET, operator="EQUAL_TO")),
        lambda m: m.Threshold(value=SECRET, operator="EQUAL_TO"),
        lambda m: m.AttributeDetails(attributes=[m.AttributeItem(name=SECRET)], expression="x"),
        lambda m: m.AttributeItem(name=SECRET),
        lambda m: m.Range(timestamp_source=SECRET),
        lambda m: m.ObjectTypeField(source=SECRET, target="_profile.FirstName"),
        lambda m: m.ObjectTypeKey(field_names=[SECRET]),
        lambda m: m.ObjectTypeSummary(object_type_name="Order", description=SECRET),
        lambda m: m.FlowDefinition(
            flow_name=SECRET,
            kms_arn="arn:aws:kms:us-east-1:123456789012:key/k",
            source_flow_config=m.SourceFlowConfig(
                connector_type="S3",
                source_connector_properties=m.SourceConnectorProperties(
                    s3=m.S3SourceProperties(bucket_name="b")
                ),
            ),
            tasks=[],
            trigger_config=m.TriggerConfig(trigger_type="OnDemand"),
        ),
        lambda m: m.Address(city=SECRET),
        lambda m: m.Profile(first_name=SECRET),
        lambda m: m.ProfileObject(object_type_name="Order", object=SECRET),
    ],
    ids=lambda build: "model",
)
def test_a_sensitive_model_masks_its_values_when_shown_on_its_own(build: Any) -> None:
    from customer_profiles_sdk import show_personal_data

    obj = build(models)
    assert SECRET not in repr(obj)
    assert "<redacted>" in repr(obj)
    with show_personal_data():
        assert SECRET in repr(obj)
    assert SECRET not in repr(obj)


def test_show_personal_data_can_be_switched_on_and_off() -> None:
    from customer_profiles_sdk import Profile, show_personal_data

    ana = Profile(first_name="Ana", profile_id="0" * 32)
    show_personal_data()
    try:
        assert "first_name='Ana'" in repr(ana)
    finally:
        show_personal_data(False)
    assert "Ana" not in repr(ana)
    assert "0" * 32 in repr(ana)  # the id is not personal data
    with show_personal_data(False):  # nested use restores the outer setting
        assert "Ana" not in repr(ana)


def test_object_type_list_items_do_not_leak_descriptions() -> None:
    from customer_profiles_sdk import CustomerProfiles, ObjectType, ObjectTypeField, ObjectTypeKey

    cp = CustomerProfiles.local()
    domain = cp.domains.create("masking", default_expiration_days=30)
    domain.object_types.put(
        ObjectType(
            object_type_name="Order",
            description=f"orders of {SECRET}",
            fields={
                "id": ObjectTypeField(source="_source.id"),
                "email": ObjectTypeField(source="_source.email", content_type="EMAIL_ADDRESS"),
            },
            keys={
                "order_id": [ObjectTypeKey(standard_identifiers=["UNIQUE"], field_names=["id"])],
                "_email": [ObjectTypeKey(standard_identifiers=["PROFILE"], field_names=["email"])],
            },
        )
    )
    (summary,) = domain.object_types.list()
    assert summary.description == f"orders of {SECRET}"
    assert SECRET not in repr(summary)
    assert SECRET not in repr(domain.object_types.get("Order"))
