"""DetectProfileObjectType (spec/ingestion-streams-triggers.md section 7, scenarios 7.2).

Every mapping the emulator proposes is fed back to PutProfileObjectType, and objects of
the samples are then ingested with it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

D = "detect"
CUSTOMER = {
    "id": "c1",
    "first_name": "Ana",
    "email": "ana@x.com",
    "phone": "+15550100",
    "city": "Lyon",
}


@pytest.fixture
def domain(client: Any) -> str:
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    return D


def detect(client: Any, *objects: Any) -> list[dict[str, Any]]:
    texts = [o if isinstance(o, str) else json.dumps(o) for o in objects]
    found: list[dict[str, Any]] = client.detect_profile_object_type(DomainName=D, Objects=texts)[
        "DetectedProfileObjectTypes"
    ]
    return found


def put_detected(client: Any, name: str, mapping: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName=name,
        Description="detected",
        AllowProfileCreation=True,
        **mapping,
    )
    return out


def test_typical_customer_record(client, domain):
    (mapping,) = detect(client, CUSTOMER, {**CUSTOMER, "id": "c2"})
    fields, keys = mapping["Fields"], mapping["Keys"]
    assert fields["email"] == {
        "Source": "_source.email",
        "Target": "_profile.EmailAddress",
        "ContentType": "EMAIL_ADDRESS",
    }
    assert fields["phone"]["Target"] == "_profile.PhoneNumber"
    assert fields["first_name"]["Target"] == "_profile.FirstName"
    assert fields["city"]["Target"] == "_profile.Address.City"
    assert fields["id"]["Target"] == "_profile.Attributes.id"
    assert keys["_email"] == [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}]
    assert keys["_phone"] == [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["phone"]}]
    assert keys["id"] == [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}]
    assert "SourceLastUpdatedTimestampFormat" not in mapping
    put_detected(client, "Customer", mapping)
    client.put_profile_object(DomainName=D, ObjectTypeName="Customer", Object=json.dumps(CUSTOMER))
    found = client.search_profiles(DomainName=D, KeyName="_email", Values=["ana@x.com"])["Items"]
    assert found[0]["FirstName"] == "Ana"
    assert found[0]["Address"] == {"City": "Lyon"}


def test_six_objects(client, domain):
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        detect(client, *[CUSTOMER] * 6)
    assert (
        "Value at 'objects' failed to satisfy constraint: Member must have length less than "
        "or equal to 5" in caught.value.response["Error"]["Message"]
    )


def test_bad_json_and_non_objects(client, domain):
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        detect(client, "{oops")
    assert caught.value.response["Error"]["Message"] == "Could not parse object string into JSON"
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        detect(client, "[1, 2]")
    assert caught.value.response["Error"]["Message"] == "Object must be a JSON object"


def test_too_wide(client, domain):
    wide = {f"a{i}": i for i in range(100)}
    wide["nested"] = {f"b{i}": "x" for i in range(21)}
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        detect(client, wide)
    assert caught.value.response["Error"]["Message"] == "Breached limit of 120 attributes"
    del wide["nested"]["b20"]
    assert isinstance(detect(client, wide), list)


def test_no_identifiers(client, domain):
    assert detect(client, {"colour": "red", "size": 3}) == []
    # A PROFILE key alone (no unique id) is not enough either.
    assert detect(client, {"email": "a@x.com"}, {"email": "a@x.com"}) == []


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["2024-05-01T10:00:00Z", "2024-05-02T10:00:00Z"], "yyyy-MM-dd'T'HH:mm:ss'Z'"),
        (["2024-05-01T10:00:00.123Z", "2024-05-02T10:00:00.000Z"], "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"),
        (["2024-05-01", "2024-05-02"], "yyyy-MM-dd"),
        ([1714557600000, 1714557600001], "EpochMilli"),
        (["2024-05-01", "yesterday"], None),
    ],
)
def test_timestamp_format(client, domain, values, expected):
    samples = [{**CUSTOMER, "id": f"c{i}", "updated_at": value} for i, value in enumerate(values)]
    (mapping,) = detect(client, *samples)
    assert mapping.get("SourceLastUpdatedTimestampFormat") == expected
    target = mapping["Fields"]["updated_at"].get("Target")
    if expected is None:
        assert target != "_profile.SourceLastUpdatedTimestamp"
    else:
        assert target == "_profile.SourceLastUpdatedTimestamp"
    put_detected(client, "Customer", mapping)


def test_read_only_and_deterministic(client, domain):
    before = client.list_profile_object_types(DomainName=D)["Items"]
    first = detect(client, CUSTOMER)
    assert detect(client, CUSTOMER) == first
    assert client.list_profile_object_types(DomainName=D)["Items"] == before


def test_unknown_domain(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.detect_profile_object_type(DomainName="nope", Objects=["{}"])


def test_unique_key_rules(client, domain):
    # "paid" is not an id; "orderId" is (camel case); values must differ between samples.
    samples = [
        {"paid": "yes", "orderId": "o1", "ref_id": "same", "email": "a@x.com"},
        {"paid": "yes", "orderId": "o2", "ref_id": "same", "email": "b@x.com"},
    ]
    (mapping,) = detect(client, *samples)
    unique = [k for k, v in mapping["Keys"].items() if "UNIQUE" in v[0]["StandardIdentifiers"]]
    assert unique == ["orderId"]
    put_detected(client, "Order", mapping)
    # An id missing from one sample does not qualify.
    assert detect(client, {"orderId": "o1", "email": "a@x.com"}, {"email": "b@x.com"}) == []


def test_an_account_id_can_be_profile_and_unique(client, domain):
    (mapping,) = detect(client, {"customer_id": "A-1", "name": "x"})
    assert mapping["Fields"]["customer_id"]["Target"] == "_profile.AccountNumber"
    assert mapping["Keys"] == {
        "_account": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["customer_id"]}]
    }
    put_detected(client, "Account", mapping)


def test_nested_odd_and_numeric_fields(client, domain):
    sample = {
        "Order-ID": "o1",
        "contact": {"Email": "a@x.com", "mobile": "5550100"},
        "1st choice": "tea",
        "total": 12.5,
        "Tags": "reserved",
        "items": [{"sku": "x"}],
        "bad key": {"x y": 1},
    }
    (mapping,) = detect(client, sample)
    fields = mapping["Fields"]
    assert fields["contact_Email"]["Source"] == "_source.contact.Email"
    assert fields["contact_Email"]["ContentType"] == "EMAIL_ADDRESS"
    assert fields["contact_mobile"]["Target"] == "_profile.PhoneNumber"
    # Keys a _source accessor cannot address (white space) are not mapped.
    assert not any("choice" in name or "bad" in name for name in fields)
    assert fields["total"] == {"Source": "_source.total", "ContentType": "NUMBER"}
    assert fields["f_Tags"]["Target"] == "_profile.Attributes.f_Tags"
    assert not any(name.startswith("items") for name in fields)
    assert mapping["Keys"]["Order-ID"] == [
        {"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["Order-ID"]}
    ]
    put_detected(client, "Odd", mapping)
    client.put_profile_object(DomainName=D, ObjectTypeName="Odd", Object=json.dumps(sample))


def test_keys_conflicting_with_the_domain_are_left_out(client, domain):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Legacy",
        Description="phone as text",
        Fields={"id": {"Source": "_source.id"}, "phone": {"Source": "_source.phone"}},
        Keys={
            "legacyId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_phone": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["phone"]}],
        },
    )
    (mapping,) = detect(client, CUSTOMER)
    assert "_phone" not in mapping["Keys"]  # PHONE_NUMBER here, STRING in Legacy
    put_detected(client, "Customer", mapping)
