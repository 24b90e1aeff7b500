"""Domains as code: DomainSpec, plan, apply, export (in process, on the emulator)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk.domain_spec import ApplyError, Change, DomainSpec, SpecError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models import Matching

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "domain.yaml"
_READS = ("Get", "List", "Search", "BatchGet")


def _spec_dict(name: str = "shop") -> dict[str, Any]:
    return {
        "DomainName": name,
        "DefaultExpirationDays": 90,
        "Matching": {"Enabled": True},
        "Tags": {"team": "crm"},
        "ObjectTypes": {
            "Order": {
                "Description": "orders",
                "Fields": {
                    "id": {"Source": "_source.id"},
                    "email": {
                        "Source": "_source.email",
                        "Target": "_profile.EmailAddress",
                        "ContentType": "EMAIL_ADDRESS",
                    },
                    "total": {"Source": "_source.total"},
                },
                "Keys": {
                    "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
                    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
                },
            },
            "Contact": {"Description": "contacts", "TemplateId": "Salesforce-Contact"},
        },
        "CalculatedAttributes": {
            "spend": {
                "DisplayName": "Spend",
                "AttributeDetails": {
                    "Attributes": [{"Name": "total"}],
                    "Expression": "{Order.total}",
                },
                "Statistic": "SUM",
            },
            "orders": {
                "AttributeDetails": {"Attributes": [{"Name": "id"}], "Expression": "{Order.id}"},
                "Statistic": "COUNT",
            },
        },
        "Integrations": [{"Uri": f"s3://{name}-orders", "ObjectTypeName": "Order"}],
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


def test_from_dict_builds_sdk_models_and_round_trips() -> None:
    data = _spec_dict()
    spec = DomainSpec.from_dict(data)
    assert spec.matching == Matching(enabled=True)
    assert spec.object_type("Order").keys["orderId"][0].field_names == ["id"]
    assert spec.calculated_attribute("spend").statistic == "SUM"
    assert spec.integrations[0].object_type_name == "Order"
    assert spec.to_dict() == data


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_dump_and_load_by_extension(tmp_path: Path, suffix: str) -> None:
    spec = DomainSpec.from_dict(_spec_dict())
    path = tmp_path / f"spec{suffix}"
    spec.dump(path)
    if suffix == ".json":
        assert json.loads(path.read_text())["DomainName"] == "shop"
    assert DomainSpec.load(path) == spec


def test_invalid_spec_lists_every_problem_with_entry_field_and_reason() -> None:
    data = _spec_dict()
    data["DefaultExpirationDays"] = 99999
    data["Colour"] = "blue"
    order = data["ObjectTypes"]["Order"]
    order["Keys"]["_email"][0]["FieldNames"] = ["mail"]
    order["Desription"] = "typo"
    data["ObjectTypes"]["Contact"]["Fields"] = {"x": {"Source": "_source.x"}}
    data["CalculatedAttributes"]["spend"]["Statistic"] = "MEDIAN"
    data["CalculatedAttributes"]["orders"]["AttributeDetails"]["Expression"] = "{Order.nope}"
    data["Integrations"].append({"Uri": "s3://shop-orders", "ObjectTypeName": "Order"})
    with pytest.raises(SpecError) as caught:
        DomainSpec.from_dict(data, source="shop.yaml")
    err = caught.value
    by_path = {v.path: v for v in err.violations}
    assert "maximum 1098" in by_path["DefaultExpirationDays"].constraint
    assert "did you mean" not in by_path["Colour"].detail
    field_names = by_path["ObjectTypes.Order.Keys._email[0].FieldNames[0]"]
    assert "'mail' is not defined" in field_names.detail
    assert "did you mean Description?" in by_path["ObjectTypes.Order.Desription"].detail
    assert by_path["ObjectTypes.Contact.Fields"].constraint == "not with TemplateId"
    assert "one of FIRST_OCCURRENCE" in by_path["CalculatedAttributes.spend.Statistic"].constraint
    expression = by_path["CalculatedAttributes.orders.AttributeDetails.Expression"]
    assert "'nope' is not in AttributeDetails.Attributes" in expression.detail
    assert "listed twice" in by_path["Integrations[s3://shop-orders].Uri"].detail
    assert len(err.violations) == 8
    assert str(err).startswith("invalid domain spec shop.yaml, 8 problems:")
    assert err.fields == [v.path for v in err.violations]


def test_object_type_without_unique_or_profile_key_is_rejected() -> None:
    data = _spec_dict()
    data["ObjectTypes"]["Order"]["Keys"] = {
        "_email": [{"StandardIdentifiers": ["SECONDARY"], "FieldNames": ["email"]}]
    }
    with pytest.raises(SpecError) as caught:
        DomainSpec.from_dict(data)
    constraints = {v.constraint for v in caught.value.violations}
    assert constraints == {"exactly one UNIQUE key", "at least one PROFILE key"}


def test_load_reports_unparseable_files(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("DomainName: [unclosed\n")
    with pytest.raises(SpecError, match=r"bad\.yaml"):
        DomainSpec.load(path)
    path.write_text("- a list\n")
    with pytest.raises(SpecError, match="a mapping"):
        DomainSpec.load(path)


# --------------------------------------------------------------------------- plan / apply


def test_plan_on_a_missing_domain_creates_everything_in_dependency_order(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    plan = cp.domains.plan(DomainSpec.from_dict(_spec_dict()))
    assert [(c.kind, c.resource, c.name) for c in plan.changes] == [
        ("create", "domain", "shop"),
        ("create", "object_type", "Order"),
        ("create", "object_type", "Contact"),
        ("create", "integration", "s3://shop-orders"),
        ("create", "calculated_attribute", "spend"),
        ("create", "calculated_attribute", "orders"),
    ]
    assert plan.has_changes
    text = str(plan)
    assert text.startswith("Plan for domain shop: 6 to create, 0 to update")
    assert '+ object_type Order\n    Description: "orders"' in text
    assert _writes(backend) == []


def test_plan_on_an_empty_existing_domain(cp: CustomerProfiles) -> None:
    cp.domains.create("shop", default_expiration_days=90)
    plan = cp.domains.plan(DomainSpec.from_dict(_spec_dict()))
    domain_change = plan.changes[0]
    assert (domain_change.kind, domain_change.resource) == ("update", "domain")
    assert ("Matching.Enabled", False, True) in domain_change.differences()
    assert ("Tags.team", None, "crm") in domain_change.differences()
    assert plan.count("create") == 5


def test_apply_then_apply_again_makes_no_write_call(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    spec = DomainSpec.from_dict(_spec_dict())
    seen: list[Change] = []
    result = cp.domains.apply(spec, on_change=seen.append)
    assert result.changed
    assert list(result.applied) == seen
    assert _writes(backend) == [
        "CreateDomain",
        "PutProfileObjectType",
        "PutProfileObjectType",
        "PutIntegration",
        "CreateCalculatedAttributeDefinition",
        "CreateCalculatedAttributeDefinition",
    ]
    assert cp.domain("shop").object_types.get("Contact").template_id == "Salesforce-Contact"
    backend.reset_calls()
    again = cp.domains.apply(spec)
    assert not again.changed
    assert backend.call_count() > 0
    assert _writes(backend) == []
    assert str(again.plan) == "No changes: domain shop matches the spec."


def test_changing_one_field_plans_exactly_one_update(cp: CustomerProfiles) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    data["ObjectTypes"]["Order"]["Fields"]["total"]["ContentType"] = "NUMBER"
    plan = cp.domains.plan(DomainSpec.from_dict(data))
    assert len(plan.changes) == 1
    change = plan.changes[0]
    assert (change.kind, change.resource, change.name) == ("update", "object_type", "Order")
    assert change.differences() == [("Fields.total.ContentType", "STRING", "NUMBER")]
    assert '~ object_type Order\n    Fields.total.ContentType: "STRING" -> "NUMBER"' in str(plan)
    cp.domains.apply(DomainSpec.from_dict(data))
    assert not cp.domains.plan(DomainSpec.from_dict(data)).has_changes


def test_domain_settings_update_and_clear(cp: CustomerProfiles) -> None:
    data = _spec_dict()
    data["DeadLetterQueueUrl"] = "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"
    cp.domains.apply(DomainSpec.from_dict(data))
    del data["DeadLetterQueueUrl"]
    data["DefaultExpirationDays"] = 120
    del data["Matching"]
    plan = cp.domains.plan(DomainSpec.from_dict(data))
    assert [(c.kind, c.resource) for c in plan.changes] == [("update", "domain")]
    assert plan.changes[0].request == {
        "DefaultExpirationDays": 120,
        "DeadLetterQueueUrl": "",
        "Matching": {"Enabled": False},
    }
    cp.domains.apply(DomainSpec.from_dict(data))
    settings = cp.domain("shop").get()
    assert settings.dead_letter_queue_url is None
    assert settings.default_expiration_days == 120
    assert not cp.domains.plan(DomainSpec.from_dict(data)).has_changes


def test_calculated_attribute_update_versus_replace(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    data["CalculatedAttributes"]["spend"]["DisplayName"] = "Lifetime spend"
    data["CalculatedAttributes"]["orders"]["Statistic"] = "MAXIMUM"
    plan = cp.domains.plan(DomainSpec.from_dict(data))
    kinds = {c.name: (c.kind, c.reason) for c in plan.changes}
    assert kinds == {
        "spend": ("update", None),
        "orders": ("replace", "replace: Statistic cannot be updated"),
    }
    assert "-/+ calculated_attribute orders (replace: Statistic cannot be updated)" in str(plan)
    backend.reset_calls()
    cp.domains.apply(DomainSpec.from_dict(data))
    assert sorted(_writes(backend)) == [
        "CreateCalculatedAttributeDefinition",
        "DeleteCalculatedAttributeDefinition",
        "UpdateCalculatedAttributeDefinition",
    ]
    assert (
        cp.client.get_calculated_attribute_definition(
            DomainName="shop", CalculatedAttributeName="orders"
        )["Statistic"]
        == "MAXIMUM"
    )


def test_prune_deletes_only_when_asked(cp: CustomerProfiles) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    smaller = copy.deepcopy(data)
    del smaller["ObjectTypes"]["Contact"]
    del smaller["CalculatedAttributes"]["orders"]
    del smaller["Integrations"]
    spec = DomainSpec.from_dict(smaller)
    kept = cp.domains.plan(spec)
    assert not kept.has_changes
    assert {(c.resource, c.name) for c in kept.unmanaged} == {
        ("object_type", "Contact"),
        ("calculated_attribute", "orders"),
        ("integration", "s3://shop-orders"),
    }
    assert "Not in the spec, kept" in str(kept)
    assert not cp.domains.apply(spec).changed
    pruned = cp.domains.plan(spec, prune=True)
    assert [(c.kind, c.resource, c.name) for c in pruned.changes] == [
        ("delete", "integration", "s3://shop-orders"),
        ("delete", "calculated_attribute", "orders"),
        ("delete", "object_type", "Contact"),
    ]
    cp.domains.apply(spec, prune=True)
    domain = cp.domain("shop")
    assert [t.object_type_name for t in domain.object_types.list()] == ["Order"]
    assert list(domain.integrations.list()) == []
    assert not cp.domains.plan(spec, prune=True).has_changes


def test_reference_to_an_unknown_object_type_fails_before_any_write(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    data = _spec_dict()
    data["Integrations"][0]["ObjectTypeName"] = "Invoice"
    data["CalculatedAttributes"]["spend"]["AttributeDetails"]["Expression"] = "{Refund.total}"
    spec = DomainSpec.from_dict(data)  # the domain might have them: checked by plan
    with pytest.raises(SpecError) as caught:
        cp.domains.apply(spec)
    paths = {v.path: v.detail for v in caught.value.violations}
    assert (
        "'Invoice' is neither in the spec nor in the domain"
        in paths["Integrations[s3://shop-orders].ObjectTypeName"]
    )
    assert "'Refund'" in paths["CalculatedAttributes.spend.AttributeDetails.Expression"]
    assert _writes(backend) == []


def test_references_to_domain_types_and_templates_are_accepted(cp: CustomerProfiles) -> None:
    cp.domains.apply(DomainSpec.from_dict(_spec_dict()))
    data = {
        "DomainName": "shop",
        "DefaultExpirationDays": 90,
        "Matching": {"Enabled": True},
        "Integrations": [
            {"Uri": "s3://shop-orders", "ObjectTypeName": "Order"},
            {"Uri": "s3://shop-accounts", "ObjectTypeName": "Salesforce-Account"},
        ],
    }
    plan = cp.domains.plan(DomainSpec.from_dict(data))
    assert [(c.kind, c.name) for c in plan.changes] == [("create", "s3://shop-accounts")]
    with pytest.raises(SpecError, match="'Order' is neither"):
        cp.domains.plan(DomainSpec.from_dict(data), prune=True)


def test_python_built_spec_is_validated_before_any_request(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    spec = DomainSpec(domain_name="bad name!", default_expiration_days=0)
    with pytest.raises(SpecError) as caught:
        cp.domains.plan(spec)
    assert caught.value.fields == ["DomainName", "DefaultExpirationDays"]
    assert backend.call_count() == 0


# --------------------------------------------------------------------------- export


def test_export_then_plan_shows_no_changes(cp: CustomerProfiles) -> None:
    cp.domains.apply(DomainSpec.load(EXAMPLE))
    exported = cp.domains.export("retail")
    assert not cp.domains.plan(exported).has_changes
    assert exported.object_type("Contact").fields == {}  # the template supplies them
    assert exported.to_dict()["Matching"]["JobSchedule"] == {
        "DayOfTheWeek": "SUNDAY",
        "Time": "03:00",
    }


def test_export_applied_to_a_new_domain_reproduces_it(cp: CustomerProfiles) -> None:
    cp.domains.apply(DomainSpec.load(EXAMPLE))
    exported = cp.domains.export("retail")
    cp.domains.delete("retail")  # an integration's Uri belongs to one domain at a time
    copy_spec = DomainSpec.from_dict({**exported.to_dict(), "DomainName": "retail-copy"})
    result = cp.domains.apply(copy_spec)
    assert result.plan.count("create") == 1 + 4 + 2 + 2 + 1 + 1 + 1 + 2
    again = cp.domains.export("retail-copy").to_dict()
    assert again == {**exported.to_dict(), "DomainName": "retail-copy"}


def test_export_of_a_missing_domain_raises(cp: CustomerProfiles) -> None:
    from customer_profiles_sdk import ResourceNotFoundError

    with pytest.raises(ResourceNotFoundError):
        cp.domains.export("nowhere")


# --------------------------------------------------------------------------- failures


def test_fault_mid_apply_raises_apply_error_and_a_rerun_finishes(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    spec = DomainSpec.from_dict(_spec_dict())
    backend.faults.fail_next("CreateCalculatedAttributeDefinition", code="BadRequestException")
    with pytest.raises(ApplyError) as caught:
        cp.domains.apply(spec)
    err = caught.value
    assert [c.name for c in err.applied] == ["shop", "Order", "Contact", "s3://shop-orders"]
    assert [c.name for c in err.pending] == ["spend", "orders"]
    assert err.failed.name == "spend"
    assert err.error is err.__cause__
    assert "apply again to finish" in str(err)
    plan = cp.domains.plan(spec)
    assert [(c.kind, c.name) for c in plan.changes] == [("create", "spend"), ("create", "orders")]
    backend.reset_calls()
    cp.domains.apply(spec)
    assert _writes(backend) == ["CreateCalculatedAttributeDefinition"] * 2
    assert not cp.domains.plan(spec).has_changes


def test_throttling_is_retried_by_the_transport(backend: LocalBackend) -> None:
    cp = CustomerProfiles.local(
        backend=backend, retry=RetryPolicy(max_attempts=3, initial_wait=0.001, max_wait=0.001)
    )
    backend.faults.fail_next("PutProfileObjectType", code="ThrottlingException")
    result = cp.domains.apply(DomainSpec.from_dict(_spec_dict()))
    assert len(result.applied) == 6
    assert backend.call_count("PutProfileObjectType") == 3


def test_example_file_applies_cleanly(cp: CustomerProfiles) -> None:
    spec = DomainSpec.load(EXAMPLE)
    result = cp.domains.apply(spec)
    assert [c.resource for c in result.applied].count("object_type") == 4
    assert not cp.domains.plan(spec).has_changes


def test_a_tag_change_never_replaces_a_calculated_attribute(cp: CustomerProfiles) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    data["CalculatedAttributes"]["spend"]["Tags"] = {"team": "finance"}
    plan = cp.domains.plan(DomainSpec.from_dict(data))
    assert [c for c in plan.changes if c.resource == "calculated_attribute"] == []
