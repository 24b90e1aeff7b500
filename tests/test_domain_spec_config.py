"""Domains as code for the domain configuration: Data Store object types, event
streams and event triggers in the spec, plan, apply, export and prune (in process, on
the emulator)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk.domain_spec import ApplyError, DomainSpec, SpecError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models import (
    ContentType,
    DomainObjectType,
    EventStreamSpec,
    EventTrigger,
    EventTriggerLogicalOperator,
)
from customer_profiles_sdk.triggers import all_of, field

_READS = ("Get", "List", "Search", "BatchGet")
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/profiles"
CAMPAIGN = "arn:aws:connect-campaigns:us-east-1:123456789012:campaign/c1"


def _condition(value: str = "100", operator: str = "GREATER_THAN") -> dict[str, Any]:
    attribute = {"FieldName": "amount", "ComparisonOperator": operator, "Values": [value]}
    return {"LogicalOperator": "ALL", "EventTriggerDimensions": [{"ObjectAttributes": [attribute]}]}


def _spec_dict(name: str = "shop") -> dict[str, Any]:
    return {
        "DomainName": name,
        "DefaultExpirationDays": 90,
        "DataStore": {"Enabled": True},
        "ObjectTypes": {
            "Purchase": {
                "Description": "purchases",
                "AllowProfileCreation": True,
                "Fields": {
                    "id": {"Source": "_source.id"},
                    "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
                    "amount": {"Source": "_source.amount", "ContentType": "NUMBER"},
                },
                "Keys": {
                    "purchaseId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
                    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
                },
            }
        },
        "Integrations": [
            {"Uri": CAMPAIGN, "ObjectTypeName": "Purchase", "EventTriggerNames": ["big"]}
        ],
        "DomainObjectTypes": {
            "Product": {
                "Description": "catalogue",
                "Fields": {
                    "sku": {"Source": "_source.sku", "Target": "_product.Sku"},
                    "price": {
                        "Source": "_source.price",
                        "Target": "_product.Price",
                        "ContentType": "NUMBER",
                    },
                },
                "Tags": {"team": "data"},
            }
        },
        "EventStreams": {"export": {"Uri": KINESIS, "Tags": {"team": "data"}}},
        "EventTriggers": {
            "big": {
                "ObjectTypeName": "Purchase",
                "Description": "big purchases",
                "EventTriggerConditions": [_condition()],
                "EventTriggerLimits": {
                    "Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 2}]
                },
                "Tags": {"team": "crm"},
            },
            "small": {"ObjectTypeName": "Purchase", "EventTriggerConditions": [_condition("5")]},
        },
    }


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())


def _writes(backend: LocalBackend) -> list[str]:
    return [
        str(c.operation)
        for c in backend.calls
        if c.operation is not None and not c.operation.startswith(_READS)
    ]


# --------------------------------------------------------------------------- the spec


def test_from_dict_builds_models_and_round_trips(tmp_path: Path) -> None:
    data = _spec_dict()
    spec = DomainSpec.from_dict(data)
    product = spec.domain_object_type("Product")
    assert isinstance(product, DomainObjectType)
    assert product.fields["price"].content_type is ContentType.NUMBER
    stream = spec.event_stream("export")
    assert stream == EventStreamSpec(event_stream_name="export", uri=KINESIS, tags={"team": "data"})
    big = spec.event_trigger("big")
    assert isinstance(big, EventTrigger)
    assert big.event_trigger_conditions == [all_of(field("amount").greater_than(100))]
    assert big.event_trigger_conditions[0].logical_operator is EventTriggerLogicalOperator.ALL
    assert spec.to_dict() == data
    with pytest.raises(KeyError):
        spec.event_trigger("nope")
    for suffix in (".yaml", ".json"):
        path = tmp_path / f"spec{suffix}"
        spec.dump(path)
        assert DomainSpec.load(path) == spec
    assert json.loads((tmp_path / "spec.json").read_text())["EventStreams"]["export"]["Uri"] == (
        KINESIS
    )


def test_a_spec_built_in_python_is_the_same_spec() -> None:
    spec = DomainSpec.from_dict(_spec_dict())
    built = DomainSpec(
        domain_name=spec.domain_name,
        default_expiration_days=90,
        data_store=spec.data_store,
        object_types=spec.object_types,
        integrations=spec.integrations,
        domain_object_types=[spec.domain_object_type("Product")],
        event_streams=[
            EventStreamSpec(event_stream_name="export", uri=KINESIS, tags={"team": "data"})
        ],
        event_triggers=list(spec.event_triggers),
    )
    assert built.to_dict() == spec.to_dict()


def test_every_problem_of_the_new_sections_is_listed() -> None:
    data = _spec_dict()
    data["EventStreams"]["second"] = {"Uri": "arn:aws:sqs:us-east-1:123456789012:q"}
    data["DomainObjectTypes"]["Empty"] = {"Fields": {}}
    data["DomainObjectTypes"]["Product"]["Fields"]["sku"]["ContentType"] = "EMAIL_ADDRESS"
    big = data["EventTriggers"]["big"]
    big["ObjectTypeName"] = "_profile"
    big["EventTriggerConditions"][0]["EventTriggerDimensions"][0]["ObjectAttributes"][0][
        "Source"
    ] = "_source.amount"
    big["EventTriggerLimits"]["Periods"][0]["Unlimited"] = True
    big["Descripton"] = "typo"
    data["EventTriggers"]["small"]["EventTriggerConditions"][0] = _condition("many", "EQUAL")
    data["Integrations"].append({"Uri": "s3://more", "ObjectTypeName": "Purchase",
                                 "EventTriggerNames": ["big"]})  # fmt: skip
    with pytest.raises(SpecError) as caught:
        DomainSpec.from_dict(data)
    by_path = {v.path: v for v in caught.value.violations}
    attribute = "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]"
    assert by_path["EventStreams"].constraint == "at most 1 event stream per domain"
    assert by_path["EventStreams.second.Uri"].constraint.startswith("a Kinesis data stream ARN")
    assert by_path["DomainObjectTypes.Empty.Fields"].constraint == "at least 1 field"
    assert by_path["DomainObjectTypes.Product.Fields['sku'].ContentType"].constraint == (
        "one of STRING, NUMBER"
    )
    assert by_path["EventTriggers.big.ObjectTypeName"].constraint == "not a standard object type"
    assert by_path[f"EventTriggers.big.{attribute}"].constraint == (
        "exactly one of Source and FieldName"
    )
    assert by_path["EventTriggers.big.EventTriggerLimits.Periods[0]"].detail == "got both"
    assert "did you mean Description?" in by_path["EventTriggers.big.Descripton"].detail
    assert by_path[f"EventTriggers.small.{attribute}.Values"].constraint == "a number for EQUAL"
    assert by_path["Integrations[s3://more].EventTriggerNames[0]"].constraint == (
        "one integration per event trigger"
    )
    assert len(caught.value.violations) == 10


# --------------------------------------------------------------------------- plan / apply


def test_plan_creates_everything_in_dependency_order(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    plan = cp.domains.plan(DomainSpec.from_dict(_spec_dict()))
    assert [(c.kind, c.resource, c.name) for c in plan.changes] == [
        ("create", "domain", "shop"),
        ("create", "object_type", "Purchase"),
        ("create", "domain_object_type", "Product"),
        ("create", "event_stream", "export"),
        ("create", "event_trigger", "big"),
        ("create", "event_trigger", "small"),
        ("create", "integration", CAMPAIGN),
    ]
    assert '+ event_trigger big\n    ObjectTypeName: "Purchase"' in str(plan)
    assert _writes(backend) == []


def test_apply_then_apply_again_makes_no_write_call(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    spec = DomainSpec.from_dict(_spec_dict())
    cp.domains.apply(spec)
    assert _writes(backend) == [
        "CreateDomain",
        "PutProfileObjectType",
        "PutDomainObjectType",
        "CreateEventStream",
        "CreateEventTrigger",
        "CreateEventTrigger",
        "PutIntegration",
    ]
    domain = cp.domain("shop")
    assert domain.event_streams.get("export").destination_details.uri == KINESIS
    assert domain.event_triggers.get("big").tags == {"team": "crm"}
    assert domain.integrations.get(CAMPAIGN).event_trigger_names == ["big"]
    backend.reset_calls()
    again = cp.domains.apply(spec)
    assert not again.changed
    assert backend.call_count() > 0
    assert _writes(backend) == []
    # What was applied works: the trigger fires through the integration, the stream exports.
    domain.objects.put("Purchase", {"id": "1", "email": "a@x.com", "amount": 500})
    assert [i["EventTriggerName"] for i in backend.trigger_invocations("shop")] == ["big"]
    assert len(backend.stream_records("shop", "export")) == 2


def test_export_then_plan_shows_no_changes(cp: CustomerProfiles) -> None:
    cp.domains.apply(DomainSpec.from_dict(_spec_dict()))
    exported = cp.domains.export("shop")
    assert not cp.domains.plan(exported).has_changes
    data = exported.to_dict()
    assert data["EventStreams"] == {"export": {"Uri": KINESIS, "Tags": {"team": "data"}}}
    assert data["EventTriggers"]["big"]["Tags"] == {"team": "crm"}
    assert sorted(data["DomainObjectTypes"]["Product"]["Fields"]) == ["price", "sku"]
    assert not cp.domains.plan(DomainSpec.from_dict(_spec_dict())).has_changes


def test_export_applied_to_a_new_domain_reproduces_it(cp: CustomerProfiles) -> None:
    cp.domains.apply(DomainSpec.from_dict(_spec_dict()))
    exported = cp.domains.export("shop").to_dict()
    cp.domains.delete("shop")  # the campaign's Uri belongs to one domain at a time
    result = cp.domains.apply(DomainSpec.from_dict({**exported, "DomainName": "copy"}))
    assert result.plan.count("create") == 7
    assert cp.domains.export("copy").to_dict() == {**exported, "DomainName": "copy"}


@pytest.mark.parametrize(
    ("change", "resource", "difference", "operation"),
    [
        (
            lambda d: d["DomainObjectTypes"]["Product"]["Fields"]["sku"].update(
                {"FeatureType": "CATEGORICAL"}
            ),
            "domain_object_type",
            ("Fields.sku.FeatureType", None, "CATEGORICAL"),
            "PutDomainObjectType",
        ),
        (
            lambda d: d["EventTriggers"]["big"]["EventTriggerConditions"][0][
                "EventTriggerDimensions"
            ][0]["ObjectAttributes"][0].update({"Values": ["250"]}),
            "event_trigger",
            (
                "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0].Values",
                ["100"],
                ["250"],
            ),
            "UpdateEventTrigger",
        ),
        (
            lambda d: d["EventTriggers"]["big"].update({"Description": "large purchases"}),
            "event_trigger",
            ("Description", "big purchases", "large purchases"),
            "UpdateEventTrigger",
        ),
        (
            lambda d: d["EventStreams"]["export"]["Tags"].update({"team": "analytics"}),
            "event_stream",
            ("Tags.team", "data", "analytics"),
            "TagResource",
        ),
    ],
    ids=["domain-object-type-field", "trigger-value", "trigger-description", "stream-tag"],
)
def test_changing_one_field_plans_exactly_one_update(
    cp: CustomerProfiles,
    backend: LocalBackend,
    change: Any,
    resource: str,
    difference: tuple[str, Any, Any],
    operation: str,
) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    change(data)
    spec = DomainSpec.from_dict(data)
    plan = cp.domains.plan(spec)
    (planned,) = plan.changes
    assert (planned.kind, planned.resource) == ("update", resource)
    assert planned.differences() == [difference]
    backend.reset_calls()
    cp.domains.apply(spec)
    assert _writes(backend) == [operation]
    assert not cp.domains.plan(spec).has_changes


def test_trigger_update_sends_only_what_changed(cp: CustomerProfiles) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    data["EventTriggers"]["big"]["Description"] = "large purchases"
    (planned,) = cp.domains.plan(DomainSpec.from_dict(data)).changes
    assert planned.request == {"Description": "large purchases"}


def test_a_new_stream_uri_replaces_the_stream(cp: CustomerProfiles, backend: LocalBackend) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    other = KINESIS.replace("profiles", "profiles-v2")
    data["EventStreams"]["export"]["Uri"] = other
    (planned,) = cp.domains.plan(DomainSpec.from_dict(data)).changes
    assert (planned.kind, planned.reason) == (
        "replace",
        "replace: an event stream cannot be updated",
    )
    assert "-/+ event_stream export (replace: an event stream cannot be updated)" in str(
        cp.domains.plan(DomainSpec.from_dict(data))
    )
    backend.reset_calls()
    cp.domains.apply(DomainSpec.from_dict(data))
    assert _writes(backend) == ["DeleteEventStream", "CreateEventStream"]
    assert cp.domain("shop").event_streams.get("export").destination_details.uri == other


def test_removing_a_trigger_member_replaces_it_and_tags_are_not_planned(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    data["EventTriggers"]["small"]["Tags"] = {"team": "other"}  # set at creation only
    assert not cp.domains.plan(DomainSpec.from_dict(data)).has_changes
    data["EventTriggers"]["small"]["Description"] = "added"
    (added,) = cp.domains.plan(DomainSpec.from_dict(data)).changes
    assert added.kind == "update"
    cp.domains.apply(DomainSpec.from_dict(data))
    del data["EventTriggers"]["small"]["Description"]
    (removed,) = cp.domains.plan(DomainSpec.from_dict(data)).changes
    assert (removed.kind, removed.reason) == (
        "replace",
        "replace: Description cannot be removed by an update",
    )
    backend.reset_calls()
    cp.domains.apply(DomainSpec.from_dict(data))
    assert _writes(backend) == ["DeleteEventTrigger", "CreateEventTrigger"]
    assert cp.domain("shop").event_triggers.get("small").description is None
    assert cp.domain("shop").event_triggers.get("small").tags == {"team": "other"}
    assert not cp.domains.plan(DomainSpec.from_dict(data)).has_changes


def test_prune_deletes_only_when_asked(cp: CustomerProfiles, backend: LocalBackend) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    smaller = copy.deepcopy(data)
    for section in ("DomainObjectTypes", "EventStreams", "EventTriggers", "Integrations"):
        del smaller[section]
    spec = DomainSpec.from_dict(smaller)
    kept = cp.domains.plan(spec)
    assert not kept.has_changes
    assert {(c.resource, c.name) for c in kept.unmanaged} == {
        ("integration", CAMPAIGN),
        ("event_stream", "export"),
        ("event_trigger", "big"),
        ("event_trigger", "small"),
        ("domain_object_type", "Product"),
    }
    backend.reset_calls()
    assert not cp.domains.apply(spec).changed
    assert _writes(backend) == []
    pruned = cp.domains.plan(spec, prune=True)
    assert [(c.kind, c.resource, c.name) for c in pruned.changes] == [
        ("delete", "integration", CAMPAIGN),
        ("delete", "event_stream", "export"),
        ("delete", "event_trigger", "big"),
        ("delete", "event_trigger", "small"),
        ("delete", "domain_object_type", "Product"),
    ]
    cp.domains.apply(spec, prune=True)
    domain = cp.domain("shop")
    assert domain.event_triggers.list().to_list() == []
    assert domain.event_streams.list().to_list() == []
    assert domain.domain_object_types.list().to_list() == []
    assert [t.object_type_name for t in domain.object_types.list()] == ["Purchase"]
    assert not cp.domains.plan(spec, prune=True).has_changes


def test_prune_of_a_trigger_an_updated_integration_stops_listing(cp: CustomerProfiles) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    data["Integrations"][0]["EventTriggerNames"] = ["small"]
    del data["EventTriggers"]["big"]
    plan = cp.domains.plan(DomainSpec.from_dict(data), prune=True)
    assert [(c.kind, c.resource, c.name) for c in plan.changes] == [
        ("update", "integration", CAMPAIGN),
        ("delete", "event_trigger", "big"),
    ]
    cp.domains.apply(DomainSpec.from_dict(data), prune=True)
    assert [t.event_trigger_name for t in cp.domain("shop").event_triggers.list()] == ["small"]


def test_renamed_stream_with_prune_deletes_the_old_one_first(cp: CustomerProfiles) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    data["EventStreams"] = {"export-v2": {"Uri": KINESIS}}
    plan = cp.domains.plan(DomainSpec.from_dict(data), prune=True)
    assert [(c.kind, c.name) for c in plan.changes] == [
        ("delete", "export"),
        ("create", "export-v2"),
    ]
    cp.domains.apply(DomainSpec.from_dict(data), prune=True)
    assert [s.event_stream_name for s in cp.domain("shop").event_streams.list()] == ["export-v2"]


def test_references_are_checked_against_spec_and_domain(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    data = _spec_dict()
    data["EventTriggers"]["big"]["ObjectTypeName"] = "Refund"
    data["Integrations"][0]["EventTriggerNames"] = ["missing"]
    spec = DomainSpec.from_dict(data)  # the domain might have them: checked by plan
    with pytest.raises(SpecError) as caught:
        cp.domains.apply(spec)
    details = {v.path: v.detail for v in caught.value.violations}
    assert (
        "'Refund' is neither in the spec nor in the domain"
        in (details["EventTriggers.big.ObjectTypeName"])
    )
    assert (
        "'missing' is neither in the spec nor in the domain"
        in (details[f"Integrations[{CAMPAIGN}].EventTriggerNames[0]"])
    )
    assert _writes(backend) == []


def test_triggers_and_types_of_the_domain_and_templates_are_accepted(
    cp: CustomerProfiles,
) -> None:
    cp.domains.apply(DomainSpec.from_dict(_spec_dict()))
    data = {
        "DomainName": "shop",
        "DefaultExpirationDays": 90,
        "Integrations": [
            {"Uri": CAMPAIGN, "ObjectTypeName": "Purchase", "EventTriggerNames": ["big"]}
        ],
        "EventTriggers": {
            "shopify": {
                "ObjectTypeName": "Shopify-Order",
                "EventTriggerConditions": [
                    {
                        "LogicalOperator": "ANY",
                        "EventTriggerDimensions": [
                            {
                                "ObjectAttributes": [
                                    {
                                        "FieldName": "totalPrice",
                                        "ComparisonOperator": "GREATER_THAN",
                                        "Values": ["10"],
                                    }
                                ]
                            }
                        ],
                    }
                ],
            }
        },
    }
    plan = cp.domains.plan(DomainSpec.from_dict(data))
    assert [(c.kind, c.name) for c in plan.changes] == [("create", "shopify")]
    cp.domains.apply(DomainSpec.from_dict(data))
    with pytest.raises(SpecError, match="'big' is neither"):
        cp.domains.plan(DomainSpec.from_dict(data), prune=True)


def test_data_store_types_need_the_data_store(cp: CustomerProfiles, backend: LocalBackend) -> None:
    data = _spec_dict()
    cp.domains.create("shop", default_expiration_days=90)
    del data["DataStore"]  # left as the domain has it: disabled
    with pytest.raises(SpecError) as caught:
        cp.domains.plan(DomainSpec.from_dict(data))
    ((path, constraint),) = [(v.path, v.constraint) for v in caught.value.violations]
    assert (path, constraint) == ("DomainObjectTypes.Product", "the domain's Data Store enabled")
    assert _writes(backend) == ["CreateDomain"]
    cp.domain("shop").update(data_store={"enabled": True})
    assert cp.domains.plan(DomainSpec.from_dict(data)).has_changes


def test_fault_mid_apply_and_a_rerun_finishes(cp: CustomerProfiles, backend: LocalBackend) -> None:
    spec = DomainSpec.from_dict(_spec_dict())
    backend.faults.fail_next("CreateEventTrigger", code="BadRequestException")
    with pytest.raises(ApplyError) as caught:
        cp.domains.apply(spec)
    assert [c.name for c in caught.value.applied] == ["shop", "Purchase", "Product", "export"]
    assert [c.name for c in caught.value.pending] == ["big", "small", CAMPAIGN]
    backend.reset_calls()
    cp.domains.apply(spec)
    assert _writes(backend) == ["CreateEventTrigger", "CreateEventTrigger", "PutIntegration"]
    assert not cp.domains.plan(spec).has_changes
