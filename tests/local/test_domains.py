"""Domain operations of the emulator (spec 3) through a real boto3 client."""

from __future__ import annotations

import datetime as dt
import json

import pytest

ARN = "arn:aws:profile:us-east-1:123456789012:domains/{}"


def _create(client, name="retail", **kw):
    return client.create_domain(DomainName=name, DefaultExpirationDays=kw.pop("days", 30), **kw)


def test_create_domain_echoes_configuration(client):
    out = _create(
        client,
        DefaultEncryptionKey="arn:aws:kms:us-east-1:123456789012:key/k",
        DeadLetterQueueUrl="https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
        Matching={"Enabled": True},
        RuleBasedMatching={"Enabled": True},
        DataStore={"Enabled": True},
        Tags={"team": "crm"},
    )
    assert out["DomainName"] == "retail"
    assert out["DefaultExpirationDays"] == 30
    assert out["DefaultEncryptionKey"].endswith("key/k")
    assert out["DeadLetterQueueUrl"].endswith("/dlq")
    # [A] default weekly schedule recorded when none is given.
    assert out["Matching"] == {
        "Enabled": True,
        "JobSchedule": {"DayOfTheWeek": "SATURDAY", "Time": "00:00"},
    }
    assert out["RuleBasedMatching"]["Status"] == "ACTIVE"
    assert out["DataStore"] == {"Enabled": True, "Readiness": {"ProgressPercentage": 100}}
    assert out["Tags"] == {"team": "crm"}
    assert isinstance(out["CreatedAt"], dt.datetime)
    assert out["CreatedAt"] == out["LastUpdatedAt"]


def test_create_domain_keeps_given_job_schedule(client):
    schedule = {"DayOfTheWeek": "MONDAY", "Time": "7:30"}
    out = _create(client, Matching={"Enabled": True, "JobSchedule": schedule})
    assert out["Matching"]["JobSchedule"] == schedule


def test_create_duplicate_domain_is_bad_request(client):
    _create(client)
    with pytest.raises(client.exceptions.BadRequestException):
        _create(client)


def test_create_domain_quota_is_100(client):
    for i in range(100):
        _create(client, f"d{i}")
    with pytest.raises(client.exceptions.BadRequestException):
        _create(client, "d100")


def test_create_domain_rejects_source_resolution_without_source_name(client):
    matching = {
        "Enabled": True,
        "AutoMerging": {
            "Enabled": True,
            "ConflictResolution": {"ConflictResolvingModel": "SOURCE"},
        },
    }
    with pytest.raises(client.exceptions.BadRequestException):
        _create(client, Matching=matching)
    matching["AutoMerging"]["ConflictResolution"]["SourceName"] = "Salesforce-Contact"
    assert _create(client, Matching=matching)["Matching"]["AutoMerging"]["Enabled"] is True


def test_create_domain_validates_max_and_pattern(client):
    with pytest.raises(client.exceptions.BadRequestException):
        _create(client, days=5000)
    with pytest.raises(client.exceptions.BadRequestException):
        _create(client, "bad name!")


def test_get_domain_returns_configuration_and_stats(client):
    _create(client, Tags={"a": "b"})
    client.create_profile(DomainName="retail", FirstName="Ann")
    client.create_profile(DomainName="retail", FirstName="Bob")
    out = client.get_domain(DomainName="retail")
    assert out["DomainName"] == "retail"
    assert out["Tags"] == {"a": "b"}
    assert out["Stats"] == {
        "ProfileCount": 2,
        "MeteringProfileCount": 2,
        "ObjectCount": 0,
        "TotalSize": 0,
    }


def _object_type(client, domain="retail"):
    client.put_profile_object_type(
        DomainName=domain,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id", "ContentType": "STRING"},
            "email": {
                "Source": "_source.email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
        },
        Keys={
            "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )


def test_get_domain_stats_count_objects_size_and_metering(client):
    _create(client)
    _object_type(client)
    bodies = [json.dumps({"id": f"o{i}", "email": "ann@example.com"}) for i in range(101)]
    for body in bodies:
        client.put_profile_object(DomainName="retail", ObjectTypeName="Order", Object=body)
    client.put_profile_object(
        DomainName="retail",
        ObjectTypeName="Order",
        Object=json.dumps({"id": "x", "email": "bob@example.com"}),
    )
    stats = client.get_domain(DomainName="retail")["Stats"]
    assert stats["ProfileCount"] == 2
    assert stats["ObjectCount"] == 102
    expected_size = sum(len(b.encode()) for b in bodies)
    expected_size += len(json.dumps({"id": "x", "email": "bob@example.com"}).encode())
    assert stats["TotalSize"] == expected_size
    # [A] a profile with 101 objects meters as 2, the other one as 1.
    assert stats["MeteringProfileCount"] == 3


def test_get_missing_domain_is_not_found(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_domain(DomainName="nope")


def test_update_domain_replaces_present_keeps_absent_and_clears_empty(client, backend):
    _create(
        client,
        DefaultEncryptionKey="key-1",
        DeadLetterQueueUrl="https://sqs/q",
        Matching={"Enabled": True, "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "1:00"}},
        Tags={"a": "1"},
    )
    backend.clock.advance(60)
    out = client.update_domain(
        DomainName="retail",
        DefaultEncryptionKey="",
        Matching={"Enabled": False},
        Tags={"b": "2"},
    )
    assert out["DefaultExpirationDays"] == 30  # absent: kept
    assert "DefaultEncryptionKey" not in out  # "": cleared
    assert out["DeadLetterQueueUrl"] == "https://sqs/q"
    assert out["Matching"] == {"Enabled": False}  # [A] replaced wholesale
    assert out["Tags"] == {"a": "1", "b": "2"}  # [A] merged
    assert out["LastUpdatedAt"] > out["CreatedAt"]
    got = client.get_domain(DomainName="retail")
    assert "DefaultEncryptionKey" not in got
    assert got["Matching"] == {"Enabled": False}
    assert got["LastUpdatedAt"] == out["LastUpdatedAt"]


def test_update_domain_expiration_and_tag_overwrite(client):
    _create(client, Tags={"a": "1"})
    out = client.update_domain(DomainName="retail", DefaultExpirationDays=90, Tags={"a": "9"})
    assert out["DefaultExpirationDays"] == 90
    assert out["Tags"] == {"a": "9"}


def test_update_missing_domain_is_not_found(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.update_domain(DomainName="nope", DefaultExpirationDays=3)


def test_update_domain_too_many_tags_is_bad_request(client):
    _create(client, Tags={f"k{i}": "v" for i in range(40)})
    with pytest.raises(client.exceptions.BadRequestException):
        client.update_domain(DomainName="retail", Tags={f"n{i}": "v" for i in range(11)})
    assert len(client.get_domain(DomainName="retail")["Tags"]) == 40


def test_delete_domain_removes_everything(client):
    _create(client)
    pid = client.create_profile(DomainName="retail", EmailAddress="a@example.com")["ProfileId"]
    out = client.delete_domain(DomainName="retail")
    assert out["Message"]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_domain(DomainName="retail")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.search_profiles(DomainName="retail", KeyName="_profileId", Values=[pid])
    _create(client)
    assert client.get_domain(DomainName="retail")["Stats"]["ProfileCount"] == 0
    found = client.search_profiles(DomainName="retail", KeyName="_profileId", Values=[pid])
    assert found["Items"] == []


def test_delete_domain_frees_its_integration_uris(client):
    _create(client)
    _object_type(client)
    uri = "arn:aws:flow:us-east-1:123456789012:flow-1"
    client.put_integration(DomainName="retail", Uri=uri, ObjectTypeName="Order")
    client.delete_domain(DomainName="retail")
    assert client.list_account_integrations(Uri=uri)["Items"] == []
    _create(client, "other")
    _object_type(client, "other")
    assert client.put_integration(DomainName="other", Uri=uri, ObjectTypeName="Order")["Uri"] == uri


def test_delete_missing_domain_is_not_found(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_domain(DomainName="nope")


def test_list_domains_in_creation_order_with_paging(client):
    assert client.list_domains()["Items"] == []
    for name in ("zeta", "alpha", "mid"):
        _create(client, name, Tags={"n": name})
    items = client.list_domains()["Items"]
    assert [i["DomainName"] for i in items] == ["zeta", "alpha", "mid"]
    assert items[0]["Tags"] == {"n": "zeta"}
    assert isinstance(items[0]["CreatedAt"], dt.datetime)
    page = client.list_domains(MaxResults=2)
    assert [i["DomainName"] for i in page["Items"]] == ["zeta", "alpha"]
    rest = client.list_domains(MaxResults=2, NextToken=page["NextToken"])
    assert [i["DomainName"] for i in rest["Items"]] == ["mid"]
    assert "NextToken" not in rest


def test_list_domains_rejects_out_of_range_page_size(client):
    with pytest.raises(client.exceptions.BadRequestException):
        client.list_domains(MaxResults=101)
