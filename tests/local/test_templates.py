"""Template members of botocore 1.44 and their behaviour (ingestion-streams-triggers.md 8.2).

``StoreOnly``, ``DefaultMaxProfileObjectCount`` and
``DefaultMaxProfileObjectCountEffectiveAfter`` on GetProfileObjectTypeTemplate; the
template default driving eviction with its effective date (D109, "Customer Profiles data
limits"); ``LocalBackend.register_template`` for test templates; the per-profile object
total as an emulator setting (the quota is adjustable, D101).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from customer_profiles_sdk.local import LocalBackend
from tests.local.conftest import conformance_checked

D = "tpl"
EFFECTIVE = datetime(2026, 9, 1, tzinfo=timezone.utc)


def _field(name: str) -> dict[str, str]:
    return {"Source": f"_source.{name}"}


#: A definition for test templates: UNIQUE ``id``, PROFILE ``clickstreamUserId``.
DEFINITION: dict[str, Any] = {
    "Fields": {"id": _field("id"), "userId": _field("userId"), "amount": _field("amount")},
    "Keys": {
        "eventKey": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
        "clickstreamUserId": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["userId"]}],
    },
    "AllowProfileCreation": True,
}


def make(backend: LocalBackend, *, created: datetime | None = None) -> Any:
    client = conformance_checked(backend.client())
    if created is not None:
        backend.clock.freeze(created)
    client.create_domain(DomainName=D, DefaultExpirationDays=365)
    return client


def custom_type(client: Any, name: str = "Custom", **kwargs: Any) -> None:
    """A custom type without a limit, on the same profile key as the templates."""
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName=name,
        Description="custom",
        AllowProfileCreation=True,
        Fields={"id": _field("id"), "userId": _field("userId")},
        Keys={
            "customId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "clickstreamUserId": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["userId"]}],
        },
        **kwargs,
    )


def put(client: Any, type_name: str, ident: str, **extra: Any) -> None:
    body = {"id": ident, "eventId": ident, "userId": "u1", **extra}
    client.put_profile_object(DomainName=D, ObjectTypeName=type_name, Object=json.dumps(body))


def ids(client: Any, type_name: str) -> list[str]:
    pid = client.search_profiles(DomainName=D, KeyName="clickstreamUserId", Values=["u1"])["Items"][
        0
    ]["ProfileId"]
    found: list[str] = []
    token: dict[str, str] = {}
    while True:
        page = client.list_profile_objects(
            DomainName=D, ObjectTypeName=type_name, ProfileId=pid, **token
        )
        found += [json.loads(i["Object"])["id"] for i in page["Items"]]
        if "NextToken" not in page:
            return found
        token = {"NextToken": page["NextToken"]}


# --------------------------------------------------------------------------- template members


def test_clickstream_template_carries_its_default(client):
    got = client.get_profile_object_type_template(TemplateId="WebAnalytics-Clickstream")
    assert got["DefaultMaxProfileObjectCount"] == 100  # D109
    assert "DefaultMaxProfileObjectCountEffectiveAfter" not in got
    assert "StoreOnly" not in got
    ctr = client.get_profile_object_type_template(TemplateId="CTR")
    assert not {"DefaultMaxProfileObjectCount", "StoreOnly"} & set(ctr)
    items = client.list_profile_object_type_templates()["Items"]
    assert all(set(i) == {"TemplateId", "SourceName", "SourceObject"} for i in items)


def test_the_default_is_not_copied_into_the_object_type(client):
    client.create_domain(DomainName=D, DefaultExpirationDays=365)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Clicks",
        Description="web",
        TemplateId="WebAnalytics-Clickstream",
    )
    put(client, "WebAnalytics-Clickstream", "e1")
    for name in ("Clicks", "WebAnalytics-Clickstream"):
        got = client.get_profile_object_type(DomainName=D, ObjectTypeName=name)
        assert "MaxProfileObjectCount" not in got
    listed = client.list_profile_object_types(DomainName=D)["Items"]
    assert all("MaxProfileObjectCount" not in i for i in listed)


# --------------------------------------------------------------------------- eviction (8.3 #4-6)


def test_template_default_drives_eviction():
    backend = LocalBackend(objects_per_profile=150)
    client = make(backend)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Clicks",
        Description="web",
        TemplateId="WebAnalytics-Clickstream",
    )
    custom_type(client)
    for i in range(120):
        put(client, "Clicks", f"e{i:03d}")
    for i in range(31):
        put(client, "Custom", f"c{i:02d}")
    # The clickstream type is 20 over its default of 100: its oldest object goes.
    assert ids(client, "Clicks") == [f"e{i:03d}" for i in range(1, 120)]
    assert len(ids(client, "Custom")) == 31


def test_a_user_limit_wins_over_the_template_default():
    backend = LocalBackend(objects_per_profile=150)
    client = make(backend)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Clicks",
        Description="web",
        TemplateId="WebAnalytics-Clickstream",
        MaxProfileObjectCount=130,
    )
    custom_type(client)
    for i in range(120):
        put(client, "Clicks", f"e{i:03d}")
    for i in range(31):
        put(client, "Custom", f"c{i:02d}")
    # No type is over its limit: the incoming type evicts its own oldest object.
    assert len(ids(client, "Clicks")) == 120
    assert ids(client, "Custom") == [f"c{i:02d}" for i in range(1, 31)]


@pytest.mark.parametrize(
    ("created", "applied"),
    [
        (datetime(2026, 8, 31, tzinfo=timezone.utc), False),
        (EFFECTIVE, False),  # created exactly at the date: not after it
        (datetime(2026, 9, 2, tzinfo=timezone.utc), True),
    ],
)
def test_the_default_applies_to_domains_created_after_its_date(created, applied):
    backend = LocalBackend(objects_per_profile=8)
    backend.register_template(
        "Eff", DEFINITION, default_max_count=5, default_max_count_effective_after=EFFECTIVE
    )
    client = make(backend, created=created)
    got = client.get_profile_object_type_template(TemplateId="Eff")
    assert got["DefaultMaxProfileObjectCount"] == 5
    assert got["DefaultMaxProfileObjectCountEffectiveAfter"] == EFFECTIVE
    custom_type(client)
    for i in range(6):
        put(client, "Eff", f"e{i}")  # the implicit type of the template
    for i in range(3):
        put(client, "Custom", f"c{i}")
    if applied:  # Eff is one over its default of 5
        assert ids(client, "Eff") == [f"e{i}" for i in range(1, 6)]
        assert ids(client, "Custom") == ["c0", "c1", "c2"]
    else:  # no limit: self-eviction of the incoming type
        assert ids(client, "Eff") == [f"e{i}" for i in range(6)]
        assert ids(client, "Custom") == ["c1", "c2"]


def test_a_default_of_zero_makes_every_object_of_the_type_a_candidate():
    backend = LocalBackend(objects_per_profile=3)
    backend.register_template("Zero", DEFINITION, default_max_count=0)
    client = make(backend)
    custom_type(client)
    put(client, "Custom", "c0")
    put(client, "Zero", "z0")
    put(client, "Custom", "c1")
    put(client, "Custom", "c2")
    assert ids(client, "Zero") == []
    assert ids(client, "Custom") == ["c0", "c1", "c2"]


# --------------------------------------------------------------------------- store-only (8.3 #7)


def test_store_only_templates_cannot_feed_calculated_attributes():
    backend = LocalBackend()
    backend.register_template("StoreT", DEFINITION, store_only=True)
    client = make(backend)
    assert client.get_profile_object_type_template(TemplateId="StoreT")["StoreOnly"] is True
    client.put_profile_object_type(
        DomainName=D, ObjectTypeName="S", Description="stored", TemplateId="StoreT"
    )
    put(client, "S", "s1", amount=5)
    put(client, "StoreT", "s2", amount=6)
    assert ids(client, "S") == ["s1"]
    for type_name in ("S", "StoreT"):
        with pytest.raises(client.exceptions.BadRequestException, match="store-only"):
            client.create_calculated_attribute_definition(
                DomainName=D,
                CalculatedAttributeName=f"sum{type_name}",
                AttributeDetails={
                    "Attributes": [{"Name": "amount"}],
                    "Expression": f"{{{type_name}.amount}}",
                },
                Statistic="SUM",
            )


def test_store_only_registered_templates_cannot_feed_event_triggers():
    backend = LocalBackend()
    backend.register_template("StoreT", DEFINITION, store_only=True)
    client = make(backend)
    client.put_profile_object_type(
        DomainName=D, ObjectTypeName="S", Description="stored", TemplateId="StoreT"
    )
    dimension = {
        "ObjectAttributes": [
            {"FieldName": "amount", "ComparisonOperator": "EQUAL", "Values": ["1"]}
        ]
    }
    for type_name in ("S", "StoreT"):
        with pytest.raises(client.exceptions.BadRequestException, match="store-only"):
            client.create_event_trigger(
                DomainName=D,
                EventTriggerName=f"t{type_name}",
                ObjectTypeName=type_name,
                EventTriggerConditions=[
                    {"EventTriggerDimensions": [dimension], "LogicalOperator": "ALL"}
                ],
            )


# --------------------------------------------------------------------------- register_template


def test_registered_templates_are_listed_and_usable():
    backend = LocalBackend()
    backend.register_template("MyTpl", {**DEFINITION, "SourceName": "Mine", "SourceObject": "Rows"})
    client = make(backend)
    listed = {i["TemplateId"]: i for i in client.list_profile_object_type_templates()["Items"]}
    assert listed["MyTpl"] == {"TemplateId": "MyTpl", "SourceName": "Mine", "SourceObject": "Rows"}
    got = client.get_profile_object_type_template(TemplateId="MyTpl")
    assert got["Keys"] == DEFINITION["Keys"]
    assert got["AllowProfileCreation"] is True
    client.put_profile_object_type(
        DomainName=D, ObjectTypeName="Mine", Description="mine", TemplateId="MyTpl"
    )
    put(client, "Mine", "m1")
    assert ids(client, "Mine") == ["m1"]
    # Another backend does not know it.
    other = LocalBackend().client()
    with pytest.raises(other.exceptions.ResourceNotFoundException):
        other.get_profile_object_type_template(TemplateId="MyTpl")


@pytest.mark.parametrize(
    ("template_id", "definition", "options"),
    [
        ("bad id!", DEFINITION, {}),
        ("x" * 65, DEFINITION, {}),
        ("NoUnique", {**DEFINITION, "Keys": {"k": DEFINITION["Keys"]["clickstreamUserId"]}}, {}),
        ("BadField", {**DEFINITION, "Fields": {"1x": _field("a")}}, {}),
        ("Unknown", {**DEFINITION, "Colour": "blue"}, {}),
        ("Negative", DEFINITION, {"default_max_count": -1}),
        ("NoDefault", DEFINITION, {"default_max_count_effective_after": EFFECTIVE}),
        (
            "NaiveDate",
            DEFINITION,
            {"default_max_count": 1, "default_max_count_effective_after": datetime(2026, 1, 1)},
        ),
    ],
)
def test_register_template_validates_its_input(template_id, definition, options):
    backend = LocalBackend()
    with pytest.raises(ValueError, match="template"):
        backend.register_template(template_id, definition, **options)
    listed = backend.client().list_profile_object_type_templates()["Items"]
    assert template_id not in {i["TemplateId"] for i in listed}


@pytest.mark.parametrize("total", [0, -5, True, 1.5, "3"])
def test_objects_per_profile_must_be_positive(total):
    with pytest.raises(ValueError, match="objects_per_profile"):
        LocalBackend(objects_per_profile=total)
