"""The conformance scenarios of spec section 17, one test each, end to end through boto3."""

from __future__ import annotations

import json
from typing import Any

import pytest

D = "scenarios"


@pytest.fixture
def domain(client: Any) -> str:
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    return D


def f(source: str, target: str | None = None, content_type: str | None = None) -> dict[str, str]:
    field = {"Source": source if source.startswith("{{") else f"_source.{source}"}
    if target:
        field["Target"] = target
    if content_type:
        field["ContentType"] = content_type
    return field


def k(*names: str, ids: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [{"StandardIdentifiers": list(ids), "FieldNames": list(names)}]


def put(client: Any, type_name: str, obj: dict[str, Any]) -> str:
    out = client.put_profile_object(DomainName=D, ObjectTypeName=type_name, Object=json.dumps(obj))
    return str(out["ProfileObjectUniqueKey"])


def search(client: Any, key: str, *values: str) -> list[str]:
    out = client.search_profiles(DomainName=D, KeyName=key, Values=list(values))
    return [p["ProfileId"] for p in out["Items"]]


def profile(client: Any, pid: str) -> dict[str, Any]:
    (item,) = client.search_profiles(DomainName=D, KeyName="_profileId", Values=[pid])["Items"]
    return dict(item)


def objects(client: Any, type_name: str, pid: str, **kwargs: Any) -> list[dict[str, Any]]:
    out = client.list_profile_objects(
        DomainName=D, ObjectTypeName=type_name, ProfileId=pid, **kwargs
    )
    return list(out["Items"])


def profile_ids(backend: Any) -> list[str]:
    return list(backend.store.region("us-east-1").domains[D].profiles)


# --------------------------------------------------------------------------- 1


def test_scenario_1_profile_generating_mapping(backend, client, domain):
    address = {
        f"shippingAddress.{m.lower()}": f(f"address.{m.lower()}", f"_profile.ShippingAddress.{m}")
        for m in ("Address1", "City", "State", "Country", "PostalCode")
    }
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="CustomerData",
        Description="profile-generating mapping",
        AllowProfileCreation=True,
        Fields={
            "accountId": f("account", "_profile.AccountNumber", "STRING"),
            "email": f("email", "_profile.PersonalEmailAddress", "EMAIL_ADDRESS"),
            "firstName": f("firstName", "_profile.FirstName"),
            "lastName": f("lastName", "_profile.LastName"),
            "fullName": f("{{_source.firstName}} {{_source.lastName}}"),
            **address,
        },
        Keys={
            "_email": k("email"),
            "_fullName": k("fullName"),
            "_account": k("accountId", ids=("PROFILE", "UNIQUE")),
        },
    )
    doc = {
        "account": "1234",
        "email": "Jane.Doe@Example.com",
        "firstName": "Jane",
        "lastName": "Doe",
        "address": {
            "address1": "1 Main St",
            "city": "Seattle",
            "state": "WA",
            "country": "US",
            "postalcode": "98101",
        },
    }
    first = put(client, "CustomerData", doc)
    (pid,) = profile_ids(backend)
    assert profile(client, pid) == {
        "ProfileId": pid,
        "AccountNumber": "1234",
        "PersonalEmailAddress": "Jane.Doe@Example.com",
        "FirstName": "Jane",
        "LastName": "Doe",
        "ShippingAddress": {
            "Address1": "1 Main St",
            "City": "Seattle",
            "State": "WA",
            "Country": "US",
            "PostalCode": "98101",
        },
    }
    assert search(client, "_email", "jane.doe@example.com") == [pid]
    assert search(client, "_fullName", "jane doe") == [pid]
    assert search(client, "_account", "1234") == [pid]

    doc["address"]["city"] = "Tacoma"
    second = put(client, "CustomerData", doc)
    assert second == first
    assert profile_ids(backend) == [pid]
    (item,) = objects(client, "CustomerData", pid)
    assert item["ProfileObjectUniqueKey"] == first
    assert json.loads(item["Object"])["address"]["city"] == "Tacoma"
    assert profile(client, pid)["ShippingAddress"]["City"] == "Tacoma"


# --------------------------------------------------------------------------- 2


def test_scenario_2_ticket_mapping_lookup_only_secondary_new_only(backend, client, domain):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Ticket",
        Description="tickets",
        AllowProfileCreation=True,
        Fields={
            "email": f("email", content_type="EMAIL_ADDRESS"),
            "ticketId": f("ticketId"),
            "subject": f("subject"),
        },
        Keys={
            "_email": k("email", ids=("PROFILE", "LOOKUP_ONLY")),
            "ticketEmail": k("email", ids=("PROFILE", "SECONDARY", "NEW_ONLY")),
            "uniqueTicket": k("ticketId", ids=("UNIQUE",)),
        },
    )
    # (a) the e-mail matches one profile: attach.
    known = client.create_profile(DomainName=D, EmailAddress="known@example.com")["ProfileId"]
    put(client, "Ticket", {"ticketId": "t1", "email": "KNOWN@example.com"})
    assert len(objects(client, "Ticket", known)) == 1
    assert search(client, "uniqueTicket", "t1") == [known]
    assert search(client, "ticketEmail", "known@example.com") == []  # NEW_ONLY, existing

    # (b) no profile: an inferred profile with only EmailAddress.
    put(client, "Ticket", {"ticketId": "t2", "email": "new@example.com", "subject": "hi"})
    (inferred,) = [p for p in profile_ids(backend) if p != known]
    assert profile(client, inferred) == {"ProfileId": inferred, "EmailAddress": "new@example.com"}
    assert search(client, "ticketEmail", "new@example.com") == [inferred]
    assert search(client, "uniqueTicket", "t2") == [inferred]

    # (c) the e-mail is on three profiles: _email is discarded, a new profile is
    # inferred and carries ticketEmail; a later ticket attaches to it via that key.
    shared = [
        client.create_profile(DomainName=D, EmailAddress="shared@example.com")["ProfileId"]
        for _ in range(3)
    ]
    put(client, "Ticket", {"ticketId": "t3", "email": "shared@example.com"})
    (third,) = [p for p in profile_ids(backend) if p not in (known, inferred, *shared)]
    assert search(client, "ticketEmail", "shared@example.com") == [third]
    put(client, "Ticket", {"ticketId": "t4", "email": "Shared@Example.com"})
    assert len(profile_ids(backend)) == 6
    tickets = [json.loads(o["Object"])["ticketId"] for o in objects(client, "Ticket", third)]
    assert tickets == ["t3", "t4"]
    for pid in shared:
        assert objects(client, "Ticket", pid) == []


# --------------------------------------------------------------------------- 3


def test_scenario_3_no_profile_creation_no_match_dead_letters(backend, client, domain):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=False,
        Fields={"orderId": f("orderId"), "email": f("email", content_type="EMAIL_ADDRESS")},
        Keys={"orderKey": k("orderId", ids=("UNIQUE",)), "_email": k("email", ids=("PROFILE",))},
    )
    doc = {"orderId": "o1", "email": "ghost@example.com"}
    assert put(client, "Order", doc)
    assert profile_ids(backend) == []
    assert search(client, "orderKey", "o1") == []
    (letter,) = backend.dead_letters(D)
    assert letter["ObjectTypeName"] == "Order"
    assert json.loads(letter["Object"]) == doc


# --------------------------------------------------------------------------- 4


def test_scenario_4_manual_edits_protected_unless_source_priority(client, domain):
    pid = client.create_profile(DomainName=D, FirstName="John", AccountNumber="A-1")["ProfileId"]
    definition = {
        "DomainName": D,
        "ObjectTypeName": "Crm",
        "Description": "crm",
        "Fields": {
            "acc": f("acc", "_profile.AccountNumber"),
            "first": f("first", "_profile.FirstName"),
            "last": f("last", "_profile.LastName"),
        },
        "Keys": {"_account": k("acc", ids=("PROFILE", "UNIQUE"))},
    }
    client.put_profile_object_type(**definition)
    put(client, "Crm", {"acc": "A-1", "first": "Johnny", "last": "Smith"})
    got = profile(client, pid)
    assert got["FirstName"] == "John"
    assert got["LastName"] == "Smith"  # not set manually, so ingestion may write it
    client.put_profile_object_type(**definition, SourcePriority=1)
    put(client, "Crm", {"acc": "A-1", "first": "Johnny", "last": "Smith"})
    assert profile(client, pid)["FirstName"] == "Johnny"


# --------------------------------------------------------------------------- 5


def test_scenario_5_standard_asset(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Device",
        Description="devices",
        Fields={
            "acc": f("acc"),
            "serial": f("serial", "_asset.SerialNumber"),
            "model": f("model", "_asset.ModelName"),
        },
        Keys={
            "_account": k("acc", ids=("PROFILE",)),
            "deviceSerial": k("serial", ids=("ASSET", "UNIQUE")),
        },
    )
    put(client, "Device", {"acc": "A-1", "serial": "SN-1", "model": "X1"})
    put(client, "Device", {"acc": "A-1", "serial": "SN-2", "model": "X2"})
    assert search(client, "_serialNumber", "SN-2") == [pid]
    assert search(client, "_serialNumber", "SN-3") == []
    filtered = objects(
        client, "_asset", pid, ObjectFilter={"KeyName": "_serialNumber", "Values": ["SN-2"]}
    )
    (record,) = [json.loads(o["Object"]) for o in filtered]
    assert record["SerialNumber"] == "SN-2"
    assert record["ModelName"] == "X2"
    assert filtered[0]["ObjectTypeName"] == "_asset"
    assert filtered[0]["ProfileObjectUniqueKey"] == record["AssetId"]
    assert len(objects(client, "_asset", pid)) == 2


# --------------------------------------------------------------------------- 6


def _valid_type() -> dict[str, Any]:
    return {
        "Fields": {
            "id": f("id"),
            "acc": f("acc"),
            "pid": f("pid"),
            "serial": f("serial"),
            "gender": f("gender"),
        },
        "Keys": {
            "rowId": k("id", ids=("UNIQUE",)),
            "_account": k("acc", ids=("PROFILE",)),
        },
    }


def _two_unique(d: dict[str, Any]) -> None:
    d["Keys"]["other"] = k("serial", ids=("UNIQUE",))


def _no_profile(d: dict[str, Any]) -> None:
    d["Keys"]["_account"] = k("acc")


def _unique_lookup_only(d: dict[str, Any]) -> None:
    d["Keys"]["rowId"] = k("id", ids=("UNIQUE", "LOOKUP_ONLY"))


def _asset_without_key(d: dict[str, Any]) -> None:
    d["Fields"]["serial"] = f("serial", "_asset.SerialNumber")


def _profile_id_target(d: dict[str, Any]) -> None:
    d["Fields"]["pid"] = f("pid", "_profile.ProfileId")


def _gender_and_string(d: dict[str, Any]) -> None:
    d["Fields"]["gender"] = f("gender", "_profile.Gender")
    d["Fields"]["genderText"] = f("gender", "_profile.GenderString")


def _profile_id_not_lookup_only(d: dict[str, Any]) -> None:
    d["Keys"]["_profileId"] = k("pid", ids=("PROFILE",))


def _template_with_fields(d: dict[str, Any]) -> None:
    d["TemplateId"] = "CTR"


@pytest.mark.parametrize(
    "mutate",
    [
        _two_unique,
        _no_profile,
        _unique_lookup_only,
        _asset_without_key,
        _profile_id_target,
        _gender_and_string,
        _profile_id_not_lookup_only,
        _template_with_fields,
    ],
)
def test_scenario_6_put_profile_object_type_validation(client, domain, mutate):
    client.put_profile_object_type(
        DomainName=D, ObjectTypeName="Valid", Description="ok", **_valid_type()
    )
    definition = _valid_type()
    mutate(definition)
    with pytest.raises(client.exceptions.BadRequestException):
        client.put_profile_object_type(
            DomainName=D, ObjectTypeName="Broken", Description="bad", **definition
        )
    names = [i["ObjectTypeName"] for i in client.list_profile_object_types(DomainName=D)["Items"]]
    assert names == ["Valid"]


# --------------------------------------------------------------------------- 7


def test_scenario_7_update_profile_clearing(client, domain):
    pid = client.create_profile(
        DomainName=D,
        FirstName="Ann",
        LastName="Lee",
        EmailAddress="ann@example.com",
        Address={"City": "Paris", "Country": "FR"},
        Attributes={"tier": "gold", "vip": "yes"},
    )["ProfileId"]
    client.update_profile(
        DomainName=D,
        ProfileId=pid,
        FirstName="",
        Address={"City": ""},
        Attributes={"tier": ""},
    )
    assert profile(client, pid) == {
        "ProfileId": pid,
        "LastName": "Lee",
        "EmailAddress": "ann@example.com",
        "Address": {"Country": "FR"},
        "Attributes": {"vip": "yes"},
    }
    assert search(client, "_email", "ann@example.com") == [pid]


# --------------------------------------------------------------------------- 8


def test_scenario_8_merge_profiles(client, domain):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        Fields={"id": f("id"), "acc": f("acc")},
        Keys={"orderKey": k("id", ids=("UNIQUE",)), "_account": k("acc", ids=("PROFILE",))},
    )
    main = client.create_profile(
        DomainName=D, AccountNumber="M", EmailAddress="main@example.com", FirstName="Main"
    )["ProfileId"]
    dup = client.create_profile(
        DomainName=D, AccountNumber="D", EmailAddress="dup@example.com", LastName="Dup"
    )["ProfileId"]
    other = client.create_profile(DomainName=D, AccountNumber="O", BusinessName="Biz")["ProfileId"]
    client.add_profile_key(DomainName=D, ProfileId=dup, KeyName="loyalty", Values=["L-1"])
    put(client, "Order", {"id": "o1", "acc": "D"})
    put(client, "Order", {"id": "o2", "acc": "M"})

    # Conflicting EmailAddress: main wins; LastName only on dup: unioned.
    client.merge_profiles(DomainName=D, MainProfileId=main, ProfileIdsToBeMerged=[dup])
    got = profile(client, main)
    assert got["EmailAddress"] == "main@example.com"
    assert got["LastName"] == "Dup"
    assert search(client, "loyalty", "L-1") == [main]
    assert search(client, "orderKey", "o1") == [main]
    assert {json.loads(o["Object"])["id"] for o in objects(client, "Order", main)} == {"o1", "o2"}
    assert search(client, "_profileId", dup) == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        objects(client, "Order", dup)

    # FieldSourceProfileIds: FirstName from a profile that has none clears it;
    # BusinessName taken from the merged profile.
    client.merge_profiles(
        DomainName=D,
        MainProfileId=main,
        ProfileIdsToBeMerged=[other],
        FieldSourceProfileIds={"FirstName": other, "BusinessName": other},
    )
    got = profile(client, main)
    assert "FirstName" not in got
    assert got["BusinessName"] == "Biz"
    assert search(client, "_profileId", other) == []


def test_scenario_8_merge_field_source_overrides_main(client, domain):
    main = client.create_profile(DomainName=D, EmailAddress="main@example.com")["ProfileId"]
    dup = client.create_profile(DomainName=D, EmailAddress="dup@example.com")["ProfileId"]
    client.merge_profiles(
        DomainName=D,
        MainProfileId=main,
        ProfileIdsToBeMerged=[dup],
        FieldSourceProfileIds={"EmailAddress": dup},
    )
    assert profile(client, main)["EmailAddress"] == "dup@example.com"
    assert search(client, "_email", "dup@example.com") == [main]


# --------------------------------------------------------------------------- 9


def test_scenario_9_search_and_or(client, domain):
    a = client.create_profile(DomainName=D, AccountNumber="1", EmailAddress="a@example.com")[
        "ProfileId"
    ]
    b = client.create_profile(DomainName=D, AccountNumber="2", EmailAddress="a@example.com")[
        "ProfileId"
    ]
    c = client.create_profile(DomainName=D, AccountNumber="3", EmailAddress="c@example.com")[
        "ProfileId"
    ]

    def run(operator: str) -> dict[str, Any]:
        out = client.search_profiles(
            DomainName=D,
            KeyName="_email",
            Values=["A@example.com"],
            AdditionalSearchKeys=[{"KeyName": "_account", "Values": ["1", "3"]}],
            LogicalOperator=operator,
        )
        return {p["ProfileId"]: p.get("FoundByItems") for p in out["Items"]}

    both = run("AND")
    assert list(both) == [a]
    assert both[a] == [
        {"KeyName": "_email", "Values": ["A@example.com"]},
        {"KeyName": "_account", "Values": ["1"]},
    ]
    either = run("OR")
    assert list(either) == [a, b, c]
    assert either[b] == [{"KeyName": "_email", "Values": ["A@example.com"]}]
    assert either[c] == [{"KeyName": "_account", "Values": ["3"]}]
    # A single-key search carries no FoundByItems [A].
    single = client.search_profiles(DomainName=D, KeyName="_account", Values=["2"])["Items"]
    assert [p["ProfileId"] for p in single] == [b]
    assert "FoundByItems" not in single[0]
    with pytest.raises(client.exceptions.BadRequestException):
        client.search_profiles(
            DomainName=D,
            KeyName="_email",
            Values=["a@example.com"],
            AdditionalSearchKeys=[{"KeyName": "_account", "Values": [str(i)]} for i in range(5)],
        )


# --------------------------------------------------------------------------- 10


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("BadRequestException", 400),
        ("AccessDeniedException", 403),
        ("ResourceNotFoundException", 404),
        ("ThrottlingException", 429),
        ("InternalServerException", 500),
    ],
)
def test_scenario_10_every_error_type_parses(backend, client, domain, code, status):
    backend.faults.fail_next("GetDomain", code=code, message="injected")
    with pytest.raises(getattr(client.exceptions, code)) as info:
        client.get_domain(DomainName=D)
    response = info.value.response
    assert response["Error"] == {"Code": code, "Message": "injected"}
    assert response["ResponseMetadata"]["HTTPStatusCode"] == status
    assert response["ResponseMetadata"]["RequestId"]
    assert client.get_domain(DomainName=D)["DomainName"] == D


@pytest.mark.parametrize(
    ("operation", "params"),
    [
        ("create_domain", {"DomainName": "x", "DefaultExpirationDays": 5000}),  # max
        ("create_domain", {"DomainName": "bad name!", "DefaultExpirationDays": 5}),  # pattern
        ("create_profile", {"DomainName": D, "Gender": "ROBOT"}),  # enum
        ("create_profile", {"DomainName": D, "FirstName": "x" * 256}),  # max length
        (
            "put_profile_object",
            {"DomainName": D, "ObjectTypeName": "9starts-with-digit", "Object": "{}"},
        ),
        (
            "create_calculated_attribute_definition",
            {
                "DomainName": D,
                "CalculatedAttributeName": "c",
                "AttributeDetails": {"Attributes": [{"Name": "a"}], "Expression": "{T.a}"},
                "Statistic": "MODE",
            },
        ),
    ],
)
def test_scenario_10_constraints_botocore_lets_through(client, domain, operation, params):
    with pytest.raises(client.exceptions.BadRequestException) as info:
        getattr(client, operation)(**params)
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
