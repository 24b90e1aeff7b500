"""Object types and templates (spec 6): PutProfileObjectType validation, Get/List/Delete,
templates, and the scrubbing done by DeleteProfileObjectType."""

from __future__ import annotations

import json
from typing import Any

import pytest

from customer_profiles_sdk.local import _object_types
from customer_profiles_sdk.local._errors import ServiceFault
from customer_profiles_sdk.local._state import DomainRec, ObjectTypeRec
from customer_profiles_sdk.local._templates import TEMPLATES

D = "objtypes"


@pytest.fixture
def domain(client: Any) -> str:
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    return D


def fields(**spec: Any) -> dict[str, Any]:
    """``name=(source, target|None, content_type|None)`` -> Fields."""
    out = {}
    for name, (source, target, content_type) in spec.items():
        field = {"Source": source}
        if target:
            field["Target"] = target
        if content_type:
            field["ContentType"] = content_type
        out[name] = field
    return out


def key(*names: str, ids: list[str] | None = None) -> list[dict[str, Any]]:
    return [{"StandardIdentifiers": ids or [], "FieldNames": list(names)}]


BASE_FIELDS = fields(
    accountId=("_source.account", "_profile.AccountNumber", None),
    email=("_source.email", "_profile.EmailAddress", "EMAIL_ADDRESS"),
)
BASE_KEYS = {"_account": key("accountId", ids=["PROFILE", "UNIQUE"])}


def put(client: Any, name: str = "Account", **kwargs: Any) -> dict[str, Any]:
    params: dict[str, Any] = {
        "DomainName": D,
        "ObjectTypeName": name,
        "Description": "test type",
        "Fields": BASE_FIELDS,
        "Keys": BASE_KEYS,
    }
    params.update(kwargs)
    params = {k: v for k, v in params.items() if v is not None}
    return client.put_profile_object_type(**params)


def bad(client: Any, **kwargs: Any) -> str:
    with pytest.raises(client.exceptions.BadRequestException) as info:
        put(client, **kwargs)
    return str(info.value.response["Error"]["Message"])


# --------------------------------------------------------------------------- happy path


def test_put_get_list_roundtrip(client, domain):
    out = put(client, AllowProfileCreation=True, ExpirationDays=10, Tags={"team": "a"})
    assert out["ObjectTypeName"] == "Account"
    assert out["AllowProfileCreation"] is True
    assert out["Fields"] == BASE_FIELDS
    assert out["Keys"] == BASE_KEYS
    assert out["MaxAvailableProfileObjectCount"] == 1000
    assert out["Tags"] == {"team": "a"}
    got = client.get_profile_object_type(DomainName=D, ObjectTypeName="Account")
    assert got["ExpirationDays"] == 10
    assert got["CreatedAt"] == out["CreatedAt"]
    items = client.list_profile_object_types(DomainName=D)["Items"]
    assert [i["ObjectTypeName"] for i in items] == ["Account"]
    assert items[0]["Description"] == "test type"


def test_put_replaces_keeps_created_at_and_ignores_tags(client, backend, domain):
    first = put(client, Tags={"a": "1"})
    backend.clock.advance(60)
    second = put(client, Description="changed", Tags={"b": "2"}, SourcePriority=3)
    assert second["CreatedAt"] == first["CreatedAt"]
    assert second["LastUpdatedAt"] > first["LastUpdatedAt"]
    assert second["Description"] == "changed"
    # D406: Tags of a PutProfileObjectType on an existing type change nothing; tags
    # change only through TagResource/UntagResource.
    assert second["Tags"] == {"a": "1"}
    name = second["ObjectTypeName"]
    arn = f"arn:aws:profile:us-east-1:123456789012:domains/{D}/object-types/{name}"
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"a": "1"}
    items = client.list_profile_object_types(DomainName=D)["Items"]
    assert len(items) == 1
    assert items[0]["SourcePriority"] == 3
    client.untag_resource(resourceArn=arn, tagKeys=["a"])
    third = put(client, Tags={"c": "3"})
    assert "Tags" not in third


def test_max_available_profile_object_count(client, domain):
    put(client, "A", MaxProfileObjectCount=300)
    out = put(client, "B", MaxProfileObjectCount=200)
    assert out["MaxProfileObjectCount"] == 200
    assert out["MaxAvailableProfileObjectCount"] == 700  # 1000 - A's 300
    items = {
        i["ObjectTypeName"]: i for i in client.list_profile_object_types(DomainName=D)["Items"]
    }
    assert items["A"]["MaxAvailableProfileObjectCount"] == 800


def test_put_with_template_copies_its_mapping(client, domain):
    out = put(client, "Contacts", Fields=None, Keys=None, TemplateId="Salesforce-Contact")
    template = TEMPLATES["Salesforce-Contact"]
    assert out["TemplateId"] == "Salesforce-Contact"
    assert out["Fields"] == template["Fields"]
    assert out["Keys"] == template["Keys"]
    assert out["AllowProfileCreation"] is True
    assert out["SourceLastUpdatedTimestampFormat"] == template["SourceLastUpdatedTimestampFormat"]


def test_handlebars_sources_are_accepted(client, domain):
    spec = fields(
        full=("{{_source.first}} {{_source.last}}", None, "NAME"),
        squashed=('{{removeExtraSpace _source.first " " _source.last}}', None, None),
        nested=("_source.items[0].sku", None, None),
    )
    out = put(client, Fields={**BASE_FIELDS, **spec})
    assert set(out["Fields"]) == {"accountId", "email", "full", "squashed", "nested"}


def test_errors_missing_domain_and_type(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        put(client)
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_profile_object_type(DomainName=D, ObjectTypeName="Nope")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_profile_object_type(DomainName=D, ObjectTypeName="Nope")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_profile_object_types(DomainName="missing-domain")


# --------------------------------------------------------------------------- validation (17.6)


def test_name_starting_with_underscore_is_reserved(client, domain):
    assert "reserved" in bad(client, name="_custom")


def test_template_with_fields_and_keys_is_rejected(client, domain):
    assert "TemplateId" in bad(client, TemplateId="CTR")


def test_template_with_allow_profile_creation_is_rejected(client, domain):
    assert "AllowProfileCreation" in bad(
        client, Fields=None, Keys=None, TemplateId="CTR", AllowProfileCreation=True
    )


def test_unknown_template_is_rejected(client, domain):
    assert "Template" in bad(client, Fields=None, Keys=None, TemplateId="NoSuchTemplate")


def test_neither_template_nor_fields_and_keys(client, domain):
    assert "either" in bad(client, Keys=None)
    assert "either" in bad(client, Fields=None, Keys=None)


def test_two_unique_keys(client, domain):
    keys = {**BASE_KEYS, "other": key("email", ids=["UNIQUE"])}
    assert "exactly one" in bad(client, Keys=keys)


def test_no_unique_key(client, domain):
    assert "exactly one" in bad(client, Keys={"_account": key("accountId", ids=["PROFILE"])})


def test_no_profile_key(client, domain):
    assert "PROFILE" in bad(client, Keys={"_account": key("accountId", ids=["UNIQUE"])})


def test_unique_with_lookup_only(client, domain):
    keys = {
        "_account": key("accountId", ids=["PROFILE"]),
        "uniq": key("email", ids=["UNIQUE", "LOOKUP_ONLY"]),
    }
    assert "UNIQUE cannot" in bad(client, Keys=keys)


def test_unique_with_new_only(client, domain):
    keys = {
        "_account": key("accountId", ids=["PROFILE"]),
        "uniq": key("email", ids=["UNIQUE", "NEW_ONLY"]),
    }
    assert "UNIQUE cannot" in bad(client, Keys=keys)


def test_secondary_without_profile(client, domain):
    keys = {**BASE_KEYS, "_email": key("email", ids=["SECONDARY"])}
    assert "SECONDARY" in bad(client, Keys=keys)


def test_lookup_only_profile_needs_another_profile_key_when_creating(client, domain):
    keys = {
        "_email": key("email", ids=["PROFILE", "LOOKUP_ONLY"]),
        "uniq": key("accountId", ids=["UNIQUE"]),
    }
    assert "another PROFILE" in bad(client, Keys=keys, AllowProfileCreation=True)
    # waived when profiles are never created
    put(client, Keys=keys, AllowProfileCreation=False)
    # satisfied by a second PROFILE key (the documented ticket example shape)
    keys["ticketEmail"] = key("email", ids=["PROFILE", "SECONDARY", "NEW_ONLY"])
    put(client, "Ticket", Keys=keys, AllowProfileCreation=True)


def test_asset_target_requires_asset_key(client, domain):
    spec = {**BASE_FIELDS, **fields(serial=("_source.serial", "_asset.SerialNumber", None))}
    assert "ASSET" in bad(client, Fields=spec)
    keys = {**BASE_KEYS, "_serialNumber": key("serial", ids=["ASSET"])}
    put(client, Fields=spec, Keys=keys)


@pytest.mark.parametrize(
    "target",
    ["_profile.ProfileId", "_asset.AssetId", "_profile.ImportIds", "_profile.FoundByItems[]"],
)
def test_system_targets_are_forbidden(client, domain, target):
    spec = {**BASE_FIELDS, **fields(x=("_source.x", target, None))}
    keys = {**BASE_KEYS, "assetKey": key("x", ids=["ASSET"])}
    assert target in bad(client, Fields=spec, Keys=keys)


@pytest.mark.parametrize(
    "target", ["_profile.Nickname", "_profile.Address.Street", "_nothing.X", "profile.FirstName"]
)
def test_unknown_targets_are_rejected(client, domain, target):
    spec = {**BASE_FIELDS, **fields(x=("_source.x", target, None))}
    assert target in bad(client, Fields=spec)


def test_gender_and_gender_string_are_exclusive(client, domain):
    spec = {
        **BASE_FIELDS,
        **fields(
            g=("_source.g", "_profile.Gender", None),
            gs=("_source.gs", "_profile.GenderString", None),
        ),
    }
    assert "mutually exclusive" in bad(client, Fields=spec)


def test_party_type_and_string_are_exclusive(client, domain):
    spec = {
        **BASE_FIELDS,
        **fields(
            p=("_source.p", "_profile.PartyType", None),
            ps=("_source.ps", "_profile.PartyTypeString", None),
        ),
    }
    assert "mutually exclusive" in bad(client, Fields=spec)


@pytest.mark.parametrize("reserved", ["_profileId", "_assetId", "_caseId", "_orderId"])
def test_reserved_keys_must_be_lookup_only(client, domain, reserved):
    keys = {**BASE_KEYS, reserved: key("email", ids=["PROFILE"])}
    assert "LOOKUP_ONLY" in bad(client, Keys=keys)
    keys[reserved] = key("email", ids=["LOOKUP_ONLY"])
    put(client, Keys=keys)


def test_source_timestamp_target_needs_format(client, domain):
    spec = {**BASE_FIELDS, **fields(ts=("_source.ts", "_profile.SourceLastUpdatedTimestamp", None))}
    assert "SourceLastUpdatedTimestampFormat" in bad(client, Fields=spec)
    put(client, Fields=spec, SourceLastUpdatedTimestampFormat="EpochMilli")


@pytest.mark.parametrize(
    ("name", "message"),
    [("1abc", "Field name"), ("Tags", "Field name"), ("tags", "Field name")],
)
def test_field_name_rules(client, domain, name, message):
    spec = {**BASE_FIELDS, name: {"Source": "_source.x"}}
    assert message in bad(client, Fields=spec)


@pytest.mark.parametrize(
    "source",
    [
        "account",
        "_src.account",
        "{{_source.a}",
        "{{#if _source.a}}x{{/if}}",
        "{{lookup _source.a}}",
        "x }} y",
    ],
)
def test_invalid_sources(client, domain, source):
    spec = {**BASE_FIELDS, "x": {"Source": source}}
    assert "Source" in bad(client, Fields=spec)


def test_key_name_rules(client, domain):
    assert "predefined" in bad(client, Keys={**BASE_KEYS, "_custom": key("email")})
    assert "not allowed" in bad(client, Keys={**BASE_KEYS, "Tags": key("email")})
    assert "at least one field" in bad(client, Keys={**BASE_KEYS, "k": key()})
    assert "not defined" in bad(client, Keys={**BASE_KEYS, "k": key("missing")})


def test_underscore_key_defined_by_another_type_is_allowed():
    # A non-predefined _key can only be reused from another type of the domain. No API
    # path creates such a type, so the rule is checked on state directly.
    rec = DomainRec(name="x", config={}, tags={}, created_at=0, updated_at=0)
    mine = {"Fields": BASE_FIELDS, "Keys": {**BASE_KEYS, "_mine": key("email")}}
    with pytest.raises(ServiceFault, match="predefined"):
        _object_types.validate_definition(rec, "A", mine)
    rec.object_types["Other"] = ObjectTypeRec(
        name="Other", definition=json.loads(json.dumps(mine)), tags={}, created_at=0, updated_at=0
    )
    _object_types.validate_definition(rec, "A", mine)


def test_reused_key_needs_same_content_types(client, domain):
    put(client, "A", Keys={**BASE_KEYS, "contact": key("email")})
    plain_email = fields(
        accountId=("_source.account", None, None), email=("_source.email", None, None)
    )
    message = bad(client, name="B", Fields=plain_email, Keys={**BASE_KEYS, "contact": key("email")})
    assert "ContentTypes" in message


def test_quotas(client, domain):
    many_fields = {f"f{i}": {"Source": f"_source.f{i}"} for i in range(250)}
    assert "250" in bad(client, Fields={**BASE_FIELDS, **many_fields})
    many_keys = {f"k{i}": key("email") for i in range(10)}
    assert "10" in bad(client, Keys={**BASE_KEYS, **many_keys})
    assert "quota" in bad(client, MaxProfileObjectCount=1001)


def test_object_type_quota(client, backend, domain):
    for i in range(100):
        put(client, f"T{i}")
    assert "100" in bad(client, name="T100")
    put(client, "T5", Description="replacing an existing type is still fine")


# --------------------------------------------------------------------------- delete


def test_delete_removes_objects_scrubs_fields_keys_and_integrations(client, domain):
    put(client, "Account", AllowProfileCreation=True, Keys={**BASE_KEYS, "tier": key("email")})
    client.put_profile_object(
        DomainName=D,
        ObjectTypeName="Account",
        Object=json.dumps({"account": "A-1", "email": "a@example.com"}),
    )
    profile_id = client.search_profiles(DomainName=D, KeyName="_account", Values=["A-1"])["Items"][
        0
    ]["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=profile_id, FirstName="Manual")
    client.put_integration(
        DomainName=D, Uri="arn:aws:sqs:us-east-1:123456789012:q", ObjectTypeName="Account"
    )

    out = client.delete_profile_object_type(DomainName=D, ObjectTypeName="Account")
    assert out["Message"]
    profile = client.search_profiles(DomainName=D, KeyName="_profileId", Values=[profile_id])[
        "Items"
    ][0]
    assert "AccountNumber" not in profile  # written by the type: scrubbed
    assert "EmailAddress" not in profile
    assert profile["FirstName"] == "Manual"  # manual value stays
    assert (
        client.search_profiles(DomainName=D, KeyName="tier", Values=["a@example.com"])["Items"]
        == []
    )
    assert client.list_integrations(DomainName=D)["Items"] == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_profile_objects(DomainName=D, ObjectTypeName="Account", ProfileId=profile_id)
    assert client.list_profile_object_types(DomainName=D)["Items"] == []


# --------------------------------------------------------------------------- templates


def test_list_and_get_templates(client):
    items = client.list_profile_object_type_templates()["Items"]
    ids = [i["TemplateId"] for i in items]
    assert {"CTR", "Salesforce-Contact", "Zendesk-tickets", "Shopify-Order"} <= set(ids)
    assert all(i["SourceName"] and i["SourceObject"] for i in items)
    got = client.get_profile_object_type_template(TemplateId="Zendesk-users")
    assert got["SourceName"] == "Zendesk"
    assert "_zendeskUserId" in got["Keys"]
    assert got["AllowProfileCreation"] is True


def test_templates_page(client):
    first = client.list_profile_object_type_templates(MaxResults=2)
    assert len(first["Items"]) == 2
    assert first["NextToken"]
    rest = client.list_profile_object_type_templates(NextToken=first["NextToken"], MaxResults=100)
    assert len(first["Items"]) + len(rest["Items"]) == len(TEMPLATES)


def test_unknown_template_is_not_found(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_profile_object_type_template(TemplateId="Nope")


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_every_template_passes_put_validation(client, domain, template_id):
    out = client.put_profile_object_type(
        DomainName=D, ObjectTypeName="FromTemplate", Description="t", TemplateId=template_id
    )
    assert out["Keys"] == TEMPLATES[template_id]["Keys"]
