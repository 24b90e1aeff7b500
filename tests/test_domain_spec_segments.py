"""Domains as code, segment definitions: the ``SegmentDefinitions`` section of a spec,
plan (create, replace, tag update, delete), apply and export, on the emulator."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from customer_profiles_sdk import (
    CustomerProfiles,
    RetryPolicy,
    SegmentDefinition,
    SegmentGroup,
)
from customer_profiles_sdk.domain_spec import DomainSpec, SpecError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.segments import all_of, attribute, profile, sort_by

_READS = ("Get", "List", "Search", "BatchGet")


def _spec_dict(name: str = "shop") -> dict[str, Any]:
    return {
        "DomainName": name,
        "DefaultExpirationDays": 90,
        "ObjectTypes": {
            "Order": {
                "Description": "orders",
                "Fields": {
                    "id": {"Source": "_source.id"},
                    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
                    "total": {"Source": "_source.total"},
                },
                "Keys": {
                    "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
                    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
                },
            }
        },
        "CalculatedAttributes": {
            "spend": {
                "AttributeDetails": {
                    "Attributes": [{"Name": "total"}],
                    "Expression": "{Order.total}",
                },
                "Statistic": "SUM",
            }
        },
        # Listed with the dependant first: apply creates the source first.
        "SegmentDefinitions": {
            "seattle_spenders": {
                "DisplayName": "Seattle spenders",
                "SegmentGroups": {
                    "Groups": [
                        {
                            "SourceSegments": [{"SegmentDefinitionName": "spenders"}],
                            "Type": "ALL",
                            "Dimensions": [
                                {
                                    "ProfileAttributes": {
                                        "Address": {
                                            "City": {
                                                "DimensionType": "INCLUSIVE",
                                                "Values": ["Seattle"],
                                            }
                                        }
                                    }
                                }
                            ],
                        }
                    ]
                },
            },
            "spenders": {
                "DisplayName": "Spenders",
                "Description": "spent over 100",
                "SegmentGroups": {
                    "Include": "ALL",
                    "Groups": [
                        {
                            "Dimensions": [
                                {
                                    "CalculatedAttributes": {
                                        "spend": {
                                            "DimensionType": "GREATER_THAN",
                                            "Values": ["100"],
                                        }
                                    }
                                }
                            ]
                        }
                    ],
                },
                "SegmentSort": {
                    "Attributes": [{"Name": "spend", "Order": "DESC", "Type": "CALCULATED"}]
                },
                "Tags": {"team": "crm"},
            },
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


def test_segment_definitions_round_trip_through_the_spec() -> None:
    data = _spec_dict()
    spec = DomainSpec.from_dict(data)
    spenders = spec.segment_definition("spenders")
    assert isinstance(spenders, SegmentDefinition)
    assert spenders.segment_groups is not None
    assert spenders.segment_groups.groups is not None
    assert spenders.tags == {"team": "crm"}
    assert spec.to_dict() == data
    with pytest.raises(KeyError):
        spec.segment_definition("nope")


def test_a_spec_built_from_the_builders() -> None:
    vip = SegmentDefinition(
        segment_definition_name="vip",
        display_name="VIP",
        segment_groups=SegmentGroup(groups=[all_of(attribute("tier").is_("gold"))]),
        segment_sort=sort_by(profile.last_name.ascending()),
    )
    spec = DomainSpec(domain_name="shop", default_expiration_days=30, segment_definitions=[vip])
    assert spec.to_dict()["SegmentDefinitions"] == {
        "vip": {
            "DisplayName": "VIP",
            "SegmentGroups": {
                "Groups": [
                    {
                        "Dimensions": [
                            {
                                "ProfileAttributes": {
                                    "Attributes": {
                                        "tier": {"DimensionType": "INCLUSIVE", "Values": ["gold"]}
                                    }
                                }
                            }
                        ],
                        "Type": "ALL",
                    }
                ]
            },
            "SegmentSort": {
                "Attributes": [{"Name": "LastName", "Order": "ASC", "Type": "PROFILE"}]
            },
        }
    }
    assert DomainSpec.from_dict(spec.to_dict()) == spec


def test_invalid_segment_entries_list_every_problem() -> None:
    data = _spec_dict()
    section = data["SegmentDefinitions"]
    section["spenders"]["SegmentGroups"]["Groups"][0]["SourceSegments"] = [
        {"SegmentDefinitionName": "seattle_spenders"}
    ]  # a cycle with seattle_spenders
    section["nothing"] = {"DisplayName": "Nothing", "Colour": "red"}
    section["both"] = {
        "DisplayName": "Both",
        "SegmentSqlQuery": "SELECT ProfileId FROM _profile",
        "SegmentGroups": {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": "x"}] * 6}]},
    }
    section["unnamed"] = {"SegmentGroups": {"Groups": []}}
    with pytest.raises(SpecError) as caught:
        DomainSpec.from_dict(data)
    found = {(v.path, v.constraint) for v in caught.value.violations}
    assert found == {
        ("SegmentDefinitions.nothing.Colour", "known member"),
        (
            "SegmentDefinitions.nothing.SegmentGroups",
            "exactly one of SegmentGroups and SegmentSqlQuery",
        ),
        (
            "SegmentDefinitions.both.SegmentGroups",
            "exactly one of SegmentGroups and SegmentSqlQuery",
        ),
        (
            "SegmentDefinitions.both.SegmentGroups.Groups[0].SourceSegments",
            "at most 5 source segments",
        ),
        ("SegmentDefinitions.unnamed.DisplayName", "required"),
        ("SegmentDefinitions.unnamed.SegmentGroups.Groups", "at least 1 audience group"),
        ("SegmentDefinitions.seattle_spenders.SegmentGroups", "no cycle of source segments"),
    }
    cycle = next(v for v in caught.value.violations if v.constraint.startswith("no cycle"))
    assert cycle.detail == "seattle_spenders -> spenders -> seattle_spenders"
    name_in_entry = _spec_dict()
    name_in_entry["SegmentDefinitions"]["spenders"]["SegmentDefinitionName"] = "spenders"
    with pytest.raises(SpecError, match="not in an entry"):
        DomainSpec.from_dict(name_in_entry)


# --------------------------------------------------------------------------- plan / apply


def test_apply_creates_sources_first_and_a_second_apply_writes_nothing(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    spec = DomainSpec.from_dict(_spec_dict())
    plan = cp.domains.plan(spec)
    assert [(c.kind, c.resource, c.name) for c in plan.changes][-2:] == [
        ("create", "segment_definition", "spenders"),
        ("create", "segment_definition", "seattle_spenders"),
    ]
    assert "+ segment_definition spenders" in str(plan)
    cp.domains.apply(spec)
    assert _writes(backend)[-2:] == ["CreateSegmentDefinition", "CreateSegmentDefinition"]
    stored = cp.domain("shop").segments.get("spenders")
    assert stored.tags == {"team": "crm"}
    assert stored.segment_sort is not None
    backend.reset_calls()
    again = cp.domains.apply(spec)
    assert not again.changed
    assert _writes(backend) == []
    assert backend.call_count("GetSegmentDefinition") == 2


def test_export_then_plan_shows_no_changes(cp: CustomerProfiles) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    exported = cp.domains.export("shop")
    assert exported.to_dict()["SegmentDefinitions"] == data["SegmentDefinitions"]
    assert not cp.domains.plan(exported).has_changes
    cp.domains.delete("shop")
    copied = DomainSpec.from_dict({**exported.to_dict(), "DomainName": "shop-copy"})
    assert cp.domains.apply(copied).plan.count("create") == 1 + 1 + 1 + 2
    assert cp.domains.export("shop-copy").to_dict() == copied.to_dict()


def test_one_changed_field_is_one_replace_and_the_plan_says_why(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    dimension = data["SegmentDefinitions"]["spenders"]["SegmentGroups"]["Groups"][0]
    dimension["Dimensions"][0]["CalculatedAttributes"]["spend"]["Values"] = ["500"]
    plan = cp.domains.plan(DomainSpec.from_dict(data))
    assert len(plan.changes) == 1
    change = plan.changes[0]
    assert (change.kind, change.resource, change.name) == (
        "replace",
        "segment_definition",
        "spenders",
    )
    assert change.reason is not None
    assert change.reason.startswith("replace: SegmentGroups cannot be updated")
    path = "SegmentGroups.Groups[0].Dimensions[0].CalculatedAttributes.spend.Values"
    assert change.differences() == [(path, ["100"], ["500"])]
    assert "-/+ segment_definition spenders (replace: SegmentGroups cannot be updated" in str(plan)
    backend.reset_calls()
    cp.domains.apply(DomainSpec.from_dict(data))
    assert _writes(backend) == ["DeleteSegmentDefinition", "CreateSegmentDefinition"]
    segments = cp.domain("shop").segments
    stored = segments.get("spenders")
    assert stored.segment_groups is not None
    assert stored.segment_groups.groups is not None
    groups = stored.segment_groups.groups[0].dimensions
    assert groups is not None
    assert groups[0].calculated_attributes is not None
    assert groups[0].calculated_attributes["spend"].values == ["500"]
    assert not cp.domains.plan(DomainSpec.from_dict(data)).has_changes


def test_a_new_tag_is_an_update_through_tag_resource(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    data["SegmentDefinitions"]["spenders"]["Tags"] = {"team": "crm", "owner": "ana"}
    plan = cp.domains.plan(DomainSpec.from_dict(data))
    assert [(c.kind, c.name) for c in plan.changes] == [("update", "spenders")]
    assert plan.changes[0].differences() == [("Tags.owner", None, "ana")]
    backend.reset_calls()
    cp.domains.apply(DomainSpec.from_dict(data))
    assert _writes(backend) == ["TagResource"]
    assert cp.domain("shop").segments.get("spenders").tags == {"team": "crm", "owner": "ana"}
    assert not cp.domains.plan(DomainSpec.from_dict(data)).has_changes


def test_references_to_unknown_segments_and_calculated_attributes_fail_before_any_write(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    data = _spec_dict()
    del data["CalculatedAttributes"]
    del data["SegmentDefinitions"]["spenders"]
    data["SegmentDefinitions"]["vip"] = {
        "DisplayName": "VIP",
        "SegmentGroups": {
            "Groups": [
                {
                    "Dimensions": [
                        {
                            "ProfileAttributes": {
                                "Attributes": {
                                    "ltv": {
                                        "DimensionType": "GREATER_THAN",
                                        "Values": ["{{_calculated_attribute.lifetime}}"],
                                    }
                                }
                            }
                        }
                    ]
                }
            ]
        },
    }
    spec = DomainSpec.from_dict(data)  # the domain might have them: checked by plan
    with pytest.raises(SpecError) as caught:
        cp.domains.apply(spec)
    details = {v.path: v.detail for v in caught.value.violations}
    assert details == {
        "SegmentDefinitions.seattle_spenders.SegmentGroups": (
            "source segment 'spenders' is neither in the spec nor in the domain"
        ),
        "SegmentDefinitions.vip.SegmentGroups.Groups[0].Dimensions[0]"
        ".ProfileAttributes.Attributes['ltv'].Values": (
            "calculated attribute 'lifetime' is neither in the spec nor in the domain"
        ),
    }
    assert _writes(backend) == []


def test_references_to_what_the_domain_has_are_accepted_unless_pruned(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    cp.domains.apply(DomainSpec.from_dict(_spec_dict()))
    smaller = _spec_dict()
    del smaller["CalculatedAttributes"]
    del smaller["SegmentDefinitions"]["spenders"]
    plan = cp.domains.plan(DomainSpec.from_dict(smaller))
    assert not plan.has_changes
    assert ("segment_definition", "spenders") in {(c.resource, c.name) for c in plan.unmanaged}
    with pytest.raises(SpecError, match="'spenders' is neither"):
        cp.domains.plan(DomainSpec.from_dict(smaller), prune=True)


def test_prune_deletes_dependants_before_their_sources(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    data = _spec_dict()
    cp.domains.apply(DomainSpec.from_dict(data))
    bare = copy.deepcopy(data)
    del bare["SegmentDefinitions"]
    plan = cp.domains.plan(DomainSpec.from_dict(bare), prune=True)
    assert [(c.kind, c.name) for c in plan.changes] == [
        ("delete", "seattle_spenders"),
        ("delete", "spenders"),
    ]
    cp.domains.apply(DomainSpec.from_dict(bare), prune=True)
    assert list(cp.domain("shop").segments.list()) == []


def test_sql_segments_in_a_spec(cp: CustomerProfiles) -> None:
    data = {
        "DomainName": "lake",
        "DefaultExpirationDays": 30,
        "DataStore": {"Enabled": True},
        "SegmentDefinitions": {
            "everyone": {
                "DisplayName": "Everyone",
                "SegmentSqlQuery": "SELECT ProfileId FROM _profile",
            }
        },
    }
    cp.domains.apply(DomainSpec.from_dict(data))
    assert cp.domain("lake").segments.get("everyone").segment_type == "ENHANCED"
    exported = cp.domains.export("lake")
    assert exported.to_dict()["SegmentDefinitions"] == data["SegmentDefinitions"]
    assert not cp.domains.plan(exported).has_changes
