"""Data Store object types: Put/Get/List/DeleteDomainObjectType
(spec/ingestion-streams-triggers.md section 3, scenarios 3.5)."""

from __future__ import annotations

from typing import Any

import pytest

from customer_profiles_sdk.local import _domain_object_types

D = "store"
ARN = f"arn:aws:profile:us-east-1:123456789012:domains/{D}/domain-object-types"
FIELDS = {"title": {"Source": "_source.title", "Target": "_item.Title"}}


@pytest.fixture
def domain(client: Any) -> str:
    client.create_domain(DomainName=D, DefaultExpirationDays=30, DataStore={"Enabled": True})
    return D


def put(client: Any, name: str = "Item", **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("Fields", FIELDS)
    out: dict[str, Any] = client.put_domain_object_type(DomainName=D, ObjectTypeName=name, **kwargs)
    return out


def test_creation_needs_the_data_store(client, backend):
    backend.clock.freeze(1_800_000_000)
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        put(client)
    assert "Data Store needs to be enabled" in caught.value.response["Error"]["Message"]
    client.update_domain(DomainName=D, DataStore={"Enabled": True})
    out = put(client, Description="items")
    assert out["ObjectTypeName"] == "Item"
    assert out["Fields"] == FIELDS
    assert out["Description"] == "items"
    assert out["CreatedAt"] == out["LastUpdatedAt"]
    assert out["CreatedAt"].timestamp() == 1_800_000_000
    # [A] replacing is not gated, reading and deleting neither.
    client.update_domain(DomainName=D, DataStore={"Enabled": False})
    assert put(client, Fields={"t": {"Source": "_source.t", "Target": "_item.T"}})["Fields"]
    assert client.get_domain_object_type(DomainName=D, ObjectTypeName="Item")
    with pytest.raises(client.exceptions.BadRequestException):
        put(client, "Other")


def test_replace_keeps_created_at_and_merges_tags(client, backend, domain):
    backend.clock.freeze(1_800_000_000)
    put(client, Description="v1", EncryptionKey="key-1", Tags={"a": "1"})
    backend.clock.advance(60)
    new_fields = {
        "price": {
            "Source": "_source.price",
            "Target": "_item.Price",
            "ContentType": "NUMBER",
            "FeatureType": "CATEGORICAL",
        }
    }
    put(client, Fields=new_fields, Tags={"b": "2"})
    got = client.get_domain_object_type(DomainName=D, ObjectTypeName="Item")
    assert got["Fields"] == new_fields
    assert "Description" not in got  # replaced wholesale [A]
    assert "EncryptionKey" not in got
    assert got["CreatedAt"].timestamp() == 1_800_000_000
    assert got["LastUpdatedAt"].timestamp() == 1_800_000_060
    assert got["Tags"] == {"a": "1", "b": "2"}


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        (
            {"title": {"Source": "_source.t", "Target": "_item.T", "ContentType": "EMAIL_ADDRESS"}},
            "fields.title.contentType",
        ),
        (
            {"title": {"Source": "_source.t", "Target": "_item.T", "FeatureType": "IMAGE"}},
            "fields.title.featureType",
        ),
        ({"first name": {"Source": "_source.t", "Target": "_item.T"}}, "fields"),
    ],
)
def test_model_constraints_are_enforced(client, domain, fields, where):
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        put(client, Fields=fields)
    message = caught.value.response["Error"]["Message"]
    assert message.startswith("1 validation error detected: ")
    assert f"Value at '{where}' failed to satisfy constraint: " in message
    assert client.list_domain_object_types(DomainName=D)["Items"] == []


def test_empty_fields_are_refused(client, domain):
    with pytest.raises(client.exceptions.BadRequestException):
        put(client, Fields={})


def test_not_found_and_delete(client, domain):
    for call in (client.get_domain_object_type, client.delete_domain_object_type):
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            call(DomainName=D, ObjectTypeName="Nope")
    put(client)
    out = client.delete_domain_object_type(DomainName=D, ObjectTypeName="Item")
    assert set(out) == {"ResponseMetadata"}
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_domain_object_type(DomainName=D, ObjectTypeName="Item")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_domain_object_types(DomainName="nope")


def test_list_pages_in_creation_order_without_fields(client, domain):
    for name in ("B", "A", "C"):
        put(client, name, Description=f"type {name}", Tags={"n": name})
    first = client.list_domain_object_types(DomainName=D, MaxResults=2)
    assert [i["ObjectTypeName"] for i in first["Items"]] == ["B", "A"]
    second = client.list_domain_object_types(
        DomainName=D, MaxResults=2, NextToken=first["NextToken"]
    )
    assert [i["ObjectTypeName"] for i in second["Items"]] == ["C"]
    assert "NextToken" not in second
    for item in first["Items"] + second["Items"]:
        assert set(item) == {"ObjectTypeName", "Description", "CreatedAt", "LastUpdatedAt", "Tags"}
    paged = client.get_paginator("list_domain_object_types").paginate(
        DomainName=D, PaginationConfig={"PageSize": 1}
    )
    assert [i["ObjectTypeName"] for p in paged for i in p["Items"]] == ["B", "A", "C"]


def test_tags_by_arn(client, domain):
    put(client, Tags={"env": "t"})
    arn = f"{ARN}/Item"
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "t"}
    client.tag_resource(resourceArn=arn, tags={"team": "x"})
    client.untag_resource(resourceArn=arn, tagKeys=["env"])
    assert client.get_domain_object_type(DomainName=D, ObjectTypeName="Item")["Tags"] == {
        "team": "x"
    }
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_tags_for_resource(resourceArn=f"{ARN}/Nope")


def test_separate_namespace_from_profile_object_types(client, domain):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Item",
        Description="profile type",
        Fields={"id": {"Source": "_source.id"}, "email": {"Source": "_source.email"}},
        Keys={
            "itemId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    put(client)
    client.delete_profile_object_type(DomainName=D, ObjectTypeName="Item")
    assert client.get_domain_object_type(DomainName=D, ObjectTypeName="Item")["Fields"] == FIELDS
    # [A] nothing is ingested into a domain object type.
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.put_profile_object(DomainName=D, ObjectTypeName="Item", Object='{"id": "1"}')


def test_description_is_optional(client, domain):
    out = put(client)
    assert "Description" not in out
    assert "Description" not in client.list_domain_object_types(DomainName=D)["Items"][0]


def test_a_quota_can_be_set(client, domain, monkeypatch):
    monkeypatch.setattr(_domain_object_types, "MAX_DOMAIN_OBJECT_TYPES", 1)
    put(client)
    put(client)  # replacing does not count
    with pytest.raises(client.exceptions.BadRequestException):
        put(client, "Second")


def test_delete_domain_removes_them(client, domain):
    put(client)
    client.delete_domain(DomainName=D)
    client.create_domain(DomainName=D, DefaultExpirationDays=30, DataStore={"Enabled": True})
    assert client.list_domain_object_types(DomainName=D)["Items"] == []
