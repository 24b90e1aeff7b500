"""Profile and profile-key operations of the emulator (spec 4, 5) through boto3."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

D = "retail"
DAY = 86400


@pytest.fixture
def domain(client):
    client.create_domain(DomainName=D, DefaultExpirationDays=10)
    return D


def _get(client, pid):
    items = client.search_profiles(DomainName=D, KeyName="_profileId", Values=[pid])["Items"]
    assert len(items) == 1
    return items[0]


def _ids(client, key, values):
    out = client.search_profiles(DomainName=D, KeyName=key, Values=values)
    return [p["ProfileId"] for p in out["Items"]]


# --------------------------------------------------------------------------- create


def test_create_profile_stores_fields(client, domain):
    pid = client.create_profile(
        DomainName=D,
        FirstName="Ann",
        LastName="Lee",
        EmailAddress="Ann@Example.com",
        Gender="FEMALE",
        Address={"City": "Paris", "Country": "FR"},
        Attributes={"tier": "gold"},
        EngagementPreferences={"Email": [{"KeyName": "_email", "KeyValue": "a@b.c"}]},
    )["ProfileId"]
    assert re.fullmatch("[a-f0-9]{32}", pid)
    got = _get(client, pid)
    assert got == {
        "ProfileId": pid,
        "FirstName": "Ann",
        "LastName": "Lee",
        "EmailAddress": "Ann@Example.com",
        "Gender": "FEMALE",
        "Address": {"City": "Paris", "Country": "FR"},
        "Attributes": {"tier": "gold"},
        "EngagementPreferences": {"Email": [{"KeyName": "_email", "KeyValue": "a@b.c"}]},
    }
    # Default keys are indexed: _email (case-insensitive) and _fullName.
    assert _ids(client, "_email", ["ann@example.COM"]) == [pid]
    assert _ids(client, "_fullName", ["ann  lee"]) == [pid]


def test_create_profile_no_uniqueness(client, domain):
    a = client.create_profile(DomainName=D, EmailAddress="x@example.com")["ProfileId"]
    b = client.create_profile(DomainName=D, EmailAddress="x@example.com")["ProfileId"]
    assert a != b
    assert _ids(client, "_email", ["x@example.com"]) == [a, b]


@pytest.mark.parametrize(
    "fields",
    [
        {"Gender": "MALE", "GenderString": "male"},
        {"PartyType": "INDIVIDUAL", "PartyTypeString": "person"},
    ],
)
def test_create_profile_enum_and_string_alternative_is_bad_request(client, domain, fields):
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_profile(DomainName=D, **fields)
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == 0


def test_create_profile_bad_enum_is_bad_request(client, domain):
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_profile(DomainName=D, Gender="ROBOT")


def test_create_profile_missing_domain_is_not_found(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_profile(DomainName="nope", FirstName="Ann")


def test_create_profile_larger_than_250_kb_is_bad_request(client, domain):
    attributes = {f"k{i:04d}": "v" * 255 for i in range(1100)}
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_profile(DomainName=D, Attributes=attributes)
    pid = client.create_profile(DomainName=D, Attributes=dict(list(attributes.items())[:500]))
    with pytest.raises(client.exceptions.BadRequestException):
        client.update_profile(DomainName=D, ProfileId=pid["ProfileId"], Attributes=attributes)
    assert len(_get(client, pid["ProfileId"])["Attributes"]) == 500


def test_profile_size_is_measured_in_utf8_bytes(client, domain):
    # 200 values of 255 two-byte characters: ~104 KB in UTF-8, but ~310 KB once every
    # character is escaped as \\u00e9, which is how the size used to be measured.
    attributes = {f"k{i:03d}": "é" * 255 for i in range(200)}
    pid = client.create_profile(DomainName=D, Attributes=attributes)["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=pid, FirstName="Zoë")
    assert _get(client, pid)["Attributes"] == attributes
    # Four-byte characters: 260 values of 255 are ~265 KB in UTF-8, over the limit.
    emoji = {f"k{i:03d}": "\U0001f600" * 255 for i in range(260)}
    with pytest.raises(client.exceptions.BadRequestException, match="250 KB"):
        client.create_profile(DomainName=D, Attributes=emoji)


def test_profile_expires_after_domain_default(client, backend, domain):
    pid = client.create_profile(DomainName=D, FirstName="Ann")["ProfileId"]
    backend.clock.advance(9 * DAY)
    assert _ids(client, "_profileId", [pid]) == [pid]
    backend.clock.advance(2 * DAY)
    assert _ids(client, "_profileId", [pid]) == []


# --------------------------------------------------------------------------- update


def test_update_profile_clearing_rules(client, domain):
    """Spec 17 scenario 7: "" removes a value, an omitted member keeps it."""
    pid = client.create_profile(
        DomainName=D,
        FirstName="Ann",
        LastName="Lee",
        BirthDate="1990-01-01",
        Address={"City": "Paris", "Country": "FR", "PostalCode": "75001"},
        Attributes={"tier": "gold", "color": "red"},
    )["ProfileId"]
    out = client.update_profile(
        DomainName=D,
        ProfileId=pid,
        FirstName="",
        LastName="Smith",
        Address={"City": "", "Country": "DE"},
        Attributes={"tier": "", "size": "L"},
        ShippingAddress={"City": ""},
    )
    assert out["ProfileId"] == pid
    assert _get(client, pid) == {
        "ProfileId": pid,
        "LastName": "Smith",
        "BirthDate": "1990-01-01",
        "Address": {"Country": "DE", "PostalCode": "75001"},
        "Attributes": {"color": "red", "size": "L"},
    }


def test_update_profile_clearing_whole_address_drops_block(client, domain):
    pid = client.create_profile(DomainName=D, Address={"City": "Paris"})["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=pid, Address={"City": ""})
    assert "Address" not in _get(client, pid)


def test_update_profile_reindexes_default_keys(client, domain):
    pid = client.create_profile(DomainName=D, EmailAddress="old@example.com")["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=pid, EmailAddress="new@example.com")
    assert _ids(client, "_email", ["old@example.com"]) == []
    assert _ids(client, "_email", ["NEW@example.com"]) == [pid]


def test_update_profile_gender_rules(client, domain):
    pid = client.create_profile(DomainName=D, Gender="MALE")["ProfileId"]
    with pytest.raises(client.exceptions.BadRequestException):
        client.update_profile(DomainName=D, ProfileId=pid, Gender="FEMALE", GenderString="f")
    assert _get(client, pid)["Gender"] == "MALE"
    # [A] setting the free-form alternative replaces the enum member.
    client.update_profile(DomainName=D, ProfileId=pid, GenderString="non-binary")
    got = _get(client, pid)
    assert got["GenderString"] == "non-binary"
    assert "Gender" not in got


def test_update_profile_resets_expiration(client, backend, domain):
    pid = client.create_profile(DomainName=D, FirstName="Ann")["ProfileId"]
    backend.clock.advance(8 * DAY)
    client.update_profile(DomainName=D, ProfileId=pid, LastName="Lee")
    backend.clock.advance(8 * DAY)
    assert _ids(client, "_profileId", [pid]) == [pid]


def test_update_missing_profile_is_not_found(client, domain):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.update_profile(DomainName=D, ProfileId="a" * 32, FirstName="x")


# --------------------------------------------------------------------------- delete / batch get


def test_delete_profile(client, domain):
    pid = client.create_profile(DomainName=D, EmailAddress="a@example.com")["ProfileId"]
    other = client.create_profile(DomainName=D, EmailAddress="a@example.com")["ProfileId"]
    assert client.delete_profile(DomainName=D, ProfileId=pid)["Message"]
    assert _ids(client, "_email", ["a@example.com"]) == [other]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_profile(DomainName=D, ProfileId=pid)
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == 1


def test_delete_profile_missing_domain_is_not_found(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_profile(DomainName="nope", ProfileId="a" * 32)


def test_batch_get_profile(client, domain):
    a = client.create_profile(DomainName=D, FirstName="Ann")["ProfileId"]
    b = client.create_profile(DomainName=D, FirstName="Bob")["ProfileId"]
    missing = "0" * 32
    out = client.batch_get_profile(DomainName=D, ProfileIds=[b, missing, a, b])
    assert out["Profiles"] == [
        {"ProfileId": b, "FirstName": "Bob"},
        {"ProfileId": a, "FirstName": "Ann"},
    ]
    assert out["Errors"] == [
        {"Code": "ResourceNotFoundException", "Message": "Profile not found", "ProfileId": missing}
    ]


def test_batch_get_profile_limits(client, domain):
    with pytest.raises(client.exceptions.BadRequestException):
        client.batch_get_profile(DomainName=D, ProfileIds=["a" * 32] * 21)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.batch_get_profile(DomainName="nope", ProfileIds=["a" * 32])


# --------------------------------------------------------------------------- keys


def test_add_profile_key_makes_profile_searchable(client, domain):
    pid = client.create_profile(DomainName=D, FirstName="Ann")["ProfileId"]
    out = client.add_profile_key(
        DomainName=D, ProfileId=pid, KeyName="_ctrContactId", Values=["c-1", "c-2"]
    )
    assert out == {"KeyName": "_ctrContactId", "Values": ["c-1", "c-2"], **_meta(out)}
    assert _ids(client, "_ctrContactId", ["c-2"]) == [pid]
    assert _ids(client, "_ctrContactId", ["C-2"]) == []  # STRING keys are exact
    # idempotent
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="_ctrContactId", Values=["c-1"])
    assert _ids(client, "_ctrContactId", ["c-1"]) == [pid]


def _meta(out):
    return {"ResponseMetadata": out["ResponseMetadata"]}


def test_add_profile_key_normalizes_default_key_types(client, domain):
    pid = client.create_profile(DomainName=D, FirstName="Ann")["ProfileId"]
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="_phone", Values=["(555) 123-4567"])
    assert _ids(client, "_phone", ["+1 555 123 4567"]) == [pid]
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="custom", Values=["X"])
    assert _ids(client, "custom", ["X"]) == [pid]


def test_add_profile_key_uses_the_domain_content_type_of_the_key(client, domain):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Ticket",
        Description="tickets",
        Fields={
            "id": {"Source": "_source.id"},
            "mail": {"Source": "_source.mail", "ContentType": "EMAIL_ADDRESS"},
        },
        Keys={
            "ticketId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "workEmail": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["mail"]}],
        },
    )
    pid = client.create_profile(DomainName=D)["ProfileId"]
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="workEmail", Values=["X@Y.com"])
    assert _ids(client, "workEmail", ["x@y.COM"]) == [pid]
    client.delete_profile_key(DomainName=D, ProfileId=pid, KeyName="workEmail", Values=["x@y.com"])
    assert _ids(client, "workEmail", ["X@Y.com"]) == []


def test_add_profile_key_same_value_on_two_profiles(client, domain):
    a = client.create_profile(DomainName=D)["ProfileId"]
    b = client.create_profile(DomainName=D)["ProfileId"]
    for pid in (a, b):
        client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="loyalty", Values=["L1"])
    assert _ids(client, "loyalty", ["L1"]) == [a, b]


@pytest.mark.parametrize(
    ("key", "values"), [("_profileId", ["x"]), ("_madeUpKey", ["x"]), ("custom", [])]
)
def test_add_profile_key_bad_request(client, domain, key, values):
    pid = client.create_profile(DomainName=D)["ProfileId"]
    with pytest.raises(client.exceptions.BadRequestException):
        client.add_profile_key(DomainName=D, ProfileId=pid, KeyName=key, Values=values)


def test_add_profile_key_missing_profile_is_not_found(client, domain):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.add_profile_key(DomainName=D, ProfileId="a" * 32, KeyName="k", Values=["v"])


def test_add_profile_key_resets_expiration(client, backend, domain):
    pid = client.create_profile(DomainName=D)["ProfileId"]
    backend.clock.advance(8 * DAY)
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="k", Values=["v"])
    backend.clock.advance(8 * DAY)
    assert _ids(client, "k", ["v"]) == [pid]


def test_delete_profile_key(client, domain):
    pid = client.create_profile(DomainName=D)["ProfileId"]
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="k", Values=["a", "b"])
    out = client.delete_profile_key(DomainName=D, ProfileId=pid, KeyName="k", Values=["a", "zz"])
    assert out["Message"]
    assert _ids(client, "k", ["a"]) == []
    assert _ids(client, "k", ["b"]) == [pid]
    client.delete_profile_key(DomainName=D, ProfileId=pid, KeyName="never", Values=["x"])


@pytest.mark.parametrize(
    ("key", "value", "searched"),
    [
        ("_phone", "555-123-4567", "+1 555 123 4567"),
        ("_email", "Ann@Example.com", "ann@example.com"),
        ("_account", "A-7", "A-7"),
        ("_fullName", "Ann  Lee", "ann lee"),
    ],
)
def test_delete_profile_key_deletes_default_key_values(client, domain, key, value, searched):
    # D401: the API documents no restriction on the key names DeleteProfileKey accepts.
    pid = client.create_profile(DomainName=D)["ProfileId"]
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName=key, Values=[value])
    assert _ids(client, key, [searched]) == [pid]
    out = client.delete_profile_key(DomainName=D, ProfileId=pid, KeyName=key, Values=[value])
    assert out["Message"]
    assert _ids(client, key, [searched]) == []


def test_delete_profile_key_leaves_values_derived_from_fields(client, domain):
    # [A] a value the profile's own fields produce stays searchable while the field
    # holds it; clear the field with UpdateProfile to remove it.
    pid = client.create_profile(DomainName=D, PhoneNumber="555-123-4567")["ProfileId"]
    client.delete_profile_key(DomainName=D, ProfileId=pid, KeyName="_phone", Values=["5551234567"])
    assert _ids(client, "_phone", ["5551234567"]) == [pid]
    client.update_profile(DomainName=D, ProfileId=pid, PhoneNumber="")
    assert _ids(client, "_phone", ["5551234567"]) == []


def test_delete_profile_key_errors(client, domain):
    pid = client.create_profile(DomainName=D)["ProfileId"]
    with pytest.raises(client.exceptions.BadRequestException):
        client.delete_profile_key(DomainName=D, ProfileId=pid, KeyName="k", Values=[])
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_profile_key(DomainName=D, ProfileId="a" * 32, KeyName="k", Values=["v"])


# --------------------------------------------------------------------------- property

_VALUES = st.sampled_from(["", "x", "y"])
_UPDATE = st.fixed_dictionaries(
    {},
    optional={
        "FirstName": _VALUES,
        "BirthDate": _VALUES,
        "Address": st.dictionaries(st.sampled_from(["City", "Country"]), _VALUES, max_size=2),
        "Attributes": st.dictionaries(st.sampled_from(["a", "b"]), _VALUES, max_size=2),
    },
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(updates=st.lists(_UPDATE, min_size=1, max_size=4))
def test_update_profile_matches_a_simple_model(client, updates):
    """Omitted keeps, "" removes, a value overwrites - per member, sub-member and key."""
    if not client.list_domains()["Items"]:
        client.create_domain(DomainName="model", DefaultExpirationDays=10)
    pid = client.create_profile(DomainName="model")["ProfileId"]
    model: dict = {}
    for update in updates:
        client.update_profile(DomainName="model", ProfileId=pid, **update)
        for name, value in update.items():
            if isinstance(value, dict):
                block = dict(model.get(name, {}))
                for sub, sub_value in value.items():
                    if sub_value == "":
                        block.pop(sub, None)
                    else:
                        block[sub] = sub_value
                if block:
                    model[name] = block
                else:
                    model.pop(name, None)
            elif value == "":
                model.pop(name, None)
            else:
                model[name] = value
    items = client.search_profiles(DomainName="model", KeyName="_profileId", Values=[pid])
    assert items["Items"] == [{"ProfileId": pid, **model}]
