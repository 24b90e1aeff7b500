"""Integrations (spec 11) and tags (spec 12) of the emulator through boto3."""

from __future__ import annotations

import pytest

D = "retail"
URI = "arn:aws:flow:us-east-1:123456789012:URIOfIntegration1"
ARN = "arn:aws:profile:us-east-1:123456789012:domains/"


@pytest.fixture
def domain(client):
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    _object_type(client, D, "Contact")
    return D


def _object_type(client, domain, name):
    client.put_profile_object_type(
        DomainName=domain,
        ObjectTypeName=name,
        Description="contacts",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id"},
            "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
        },
        Keys={
            "contactId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )


FLOW = {
    "FlowName": "sfdc-contacts",
    "KmsArn": "arn:aws:kms:us-east-1:123456789012:key/abc",
    "SourceFlowConfig": {
        "ConnectorType": "Salesforce",
        "SourceConnectorProperties": {"Salesforce": {"Object": "Contact"}},
    },
    "Tasks": [{"SourceFields": ["Id"], "TaskType": "Filter"}],
    "TriggerConfig": {"TriggerType": "OnDemand"},
}


# --------------------------------------------------------------------------- integrations


def test_put_get_integration(client, domain):
    out = client.put_integration(
        DomainName=D,
        Uri=URI,
        ObjectTypeName="Contact",
        Tags={"env": "test"},
        RoleArn="arn:aws:iam::123456789012:role/r",
    )
    assert out["DomainName"] == D
    assert out["Uri"] == URI
    assert out["ObjectTypeName"] == "Contact"
    assert out["Tags"] == {"env": "test"}
    assert out["RoleArn"] == "arn:aws:iam::123456789012:role/r"
    assert out["IsUnstructured"] is False
    assert out["Scope"] == "PROFILE"  # [A] default reported
    assert "ObjectTypeNames" not in out
    got = client.get_integration(DomainName=D, Uri=URI)
    for name in ("Uri", "ObjectTypeName", "Tags", "CreatedAt", "LastUpdatedAt"):
        assert got[name] == out[name]


def test_put_integration_is_an_upsert(client, backend, domain):
    _object_type(client, D, "Other")
    first = client.put_integration(DomainName=D, Uri=URI, ObjectTypeName="Contact", Tags={"a": "1"})
    backend.clock.advance(60)
    second = client.put_integration(
        DomainName=D, Uri=URI, ObjectTypeNames={"SegmentIdentify": "Other"}, Tags={"b": "2"}
    )
    # D409: Tags of a PutIntegration on an existing integration change nothing.
    assert second["Tags"] == {"a": "1"}
    assert client.get_integration(DomainName=D, Uri=URI)["Tags"] == {"a": "1"}
    assert second["CreatedAt"] == first["CreatedAt"]
    assert second["LastUpdatedAt"] > first["LastUpdatedAt"]
    assert second["ObjectTypeNames"] == {"SegmentIdentify": "Other"}
    assert "ObjectTypeName" not in second
    assert len(client.list_integrations(DomainName=D)["Items"]) == 1


def test_put_integration_derives_uri_from_flow_definition(client, domain):
    out = client.put_integration(DomainName=D, FlowDefinition=FLOW, ObjectTypeName="Contact")
    assert out["Uri"] == "arn:aws:appflow:us-east-1:123456789012:flow/sfdc-contacts"
    assert client.get_integration(DomainName=D, Uri=out["Uri"])["ObjectTypeName"] == "Contact"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"ObjectTypeName": "Contact"},  # neither Uri nor FlowDefinition
        {"Uri": URI},  # no object type
        {"Uri": URI, "ObjectTypeName": "Contact", "ObjectTypeNames": {"A": "Contact"}},
        {"Uri": URI, "ObjectTypeName": "Missing"},
        {"Uri": URI, "ObjectTypeNames": {"SegmentIdentify": "Missing"}},
        {"Uri": URI, "ObjectTypeName": "Contact", "RoleArn": "not-an-arn"},
    ],
)
def test_put_integration_bad_requests(client, domain, kwargs):
    with pytest.raises(client.exceptions.BadRequestException):
        client.put_integration(DomainName=D, **kwargs)
    assert client.list_integrations(DomainName=D)["Items"] == []


def test_put_integration_accepts_template_id(client, domain):
    out = client.put_integration(DomainName=D, Uri=URI, ObjectTypeName="Salesforce-Contact")
    assert out["ObjectTypeName"] == "Salesforce-Contact"


def test_put_integration_uri_belongs_to_one_domain(client, domain):
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    _object_type(client, "other", "Contact")
    client.put_integration(DomainName=D, Uri=URI, ObjectTypeName="Contact")
    with pytest.raises(client.exceptions.BadRequestException):
        client.put_integration(DomainName="other", Uri=URI, ObjectTypeName="Contact")


def test_put_integration_quota_is_50_per_domain(client, domain):
    for i in range(50):
        client.put_integration(DomainName=D, Uri=f"{URI}-{i}", ObjectTypeName="Contact")
    with pytest.raises(client.exceptions.BadRequestException):
        client.put_integration(DomainName=D, Uri=f"{URI}-50", ObjectTypeName="Contact")
    # updating an existing one is still fine
    client.put_integration(DomainName=D, Uri=f"{URI}-0", ObjectTypeName="Contact")


def test_put_integration_missing_domain_is_not_found(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.put_integration(DomainName="nope", Uri=URI, ObjectTypeName="Contact")


def test_get_and_delete_missing_integration_is_not_found(client, domain):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_integration(DomainName=D, Uri=URI)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_integration(DomainName=D, Uri=URI)


def test_delete_integration(client, domain):
    client.put_integration(DomainName=D, Uri=URI, ObjectTypeName="Contact")
    assert client.delete_integration(DomainName=D, Uri=URI)["Message"]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_integration(DomainName=D, Uri=URI)
    # the Uri is free again for another domain
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    _object_type(client, "other", "Contact")
    client.put_integration(DomainName="other", Uri=URI, ObjectTypeName="Contact")


def test_list_integrations_in_creation_order_with_paging(client, domain):
    uris = [f"{URI}-{c}" for c in "cab"]
    for uri in uris:
        client.put_integration(DomainName=D, Uri=uri, ObjectTypeName="Contact")
    out = client.list_integrations(DomainName=D, IncludeHidden=True)
    assert [i["Uri"] for i in out["Items"]] == uris
    assert all(i["DomainName"] == D for i in out["Items"])
    page = client.list_integrations(DomainName=D, MaxResults=2)
    assert [i["Uri"] for i in page["Items"]] == uris[:2]
    rest = client.list_integrations(DomainName=D, MaxResults=2, NextToken=page["NextToken"])
    assert [i["Uri"] for i in rest["Items"]] == uris[2:]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_integrations(DomainName="nope")


def test_list_account_integrations(client, domain):
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    _object_type(client, "other", "Contact")
    client.put_integration(DomainName=D, Uri=URI, ObjectTypeName="Contact")
    client.put_integration(DomainName="other", Uri=URI + "-2", ObjectTypeName="Contact")
    items = client.list_account_integrations(Uri=URI + "-2")["Items"]
    assert [(i["DomainName"], i["Uri"]) for i in items] == [("other", URI + "-2")]
    assert client.list_account_integrations(Uri="arn:aws:flow:none")["Items"] == []
    with pytest.raises(client.exceptions.BadRequestException):
        client.list_account_integrations(Uri="u" * 256)


# --------------------------------------------------------------------------- tags


def test_domain_tags_round_trip(client, domain):
    arn = ARN + D
    # An untagged resource answers {"tags": {}} (spec 12.3), though the model gives
    # the tag map a minimum of one entry.
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {}
    client.tag_resource(resourceArn=arn, tags={"a": "1", "b": "2"})
    client.tag_resource(resourceArn=arn, tags={"a": "9"})
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"a": "9", "b": "2"}
    client.untag_resource(resourceArn=arn, tagKeys=["b", "never"])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"a": "9"}
    assert client.get_domain(DomainName=D)["Tags"] == {"a": "9"}
    assert client.list_domains()["Items"][0]["Tags"] == {"a": "9"}


def test_object_type_tags(client, domain):
    arn = f"{ARN}{D}/object-types/Contact"
    client.tag_resource(resourceArn=arn, tags={"k": "v"})
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"k": "v"}
    got = client.get_profile_object_type(DomainName=D, ObjectTypeName="Contact")
    assert got["Tags"] == {"k": "v"}


def test_integration_tags_with_slashes_and_colons_in_uri(client, domain):
    out = client.put_integration(DomainName=D, FlowDefinition=FLOW, ObjectTypeName="Contact")
    arn = f"{ARN}{D}/integrations/{out['Uri']}"
    assert "/" in out["Uri"]
    client.tag_resource(resourceArn=arn, tags={"k": "v"})
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"k": "v"}
    assert client.get_integration(DomainName=D, Uri=out["Uri"])["Tags"] == {"k": "v"}
    client.untag_resource(resourceArn=arn, tagKeys=["k"])
    assert "Tags" not in client.get_integration(DomainName=D, Uri=out["Uri"])


def test_calculated_attribute_tags(client, domain):
    client.create_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName="total",
        AttributeDetails={"Attributes": [{"Name": "id"}], "Expression": "{Contact.id}"},
        Statistic="COUNT",
        Tags={"a": "1"},
    )
    arn = f"{ARN}{D}/calculated-attributes/total"
    client.tag_resource(resourceArn=arn, tags={"b": "2"})
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"a": "1", "b": "2"}


def test_tag_limit_is_50(client, domain):
    arn = ARN + D
    client.tag_resource(resourceArn=arn, tags={f"k{i}": "v" for i in range(50)})
    with pytest.raises(client.exceptions.BadRequestException):
        client.tag_resource(resourceArn=arn, tags={"one-more": "v"})
    client.tag_resource(resourceArn=arn, tags={"k0": "new"})  # overwrite is fine
    assert len(client.list_tags_for_resource(resourceArn=arn)["tags"]) == 50


@pytest.mark.parametrize(
    "arn",
    [
        ARN + "nope",
        ARN + D + "/object-types/Missing",
        ARN + D + "/integrations/arn:aws:flow:missing",
        ARN + D + "/calculated-attributes/missing",
        "arn:aws:profile:eu-west-1:123456789012:domains/" + D,
        "arn:aws:profile:us-east-1:999999999999:domains/" + D,
    ],
)
def test_unknown_resources_are_not_found(client, domain, arn):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.tag_resource(resourceArn=arn, tags={"k": "v"})
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_tags_for_resource(resourceArn=arn)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.untag_resource(resourceArn=arn, tagKeys=["k"])


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:s3:::bucket",  # model pattern
        "arn:aws:profile:us-east-1:123456789012:segments/x",  # no domain
        ARN + D + "/widgets/x",  # not a taggable type
    ],
)
def test_malformed_arns_are_bad_request(client, domain, arn):
    with pytest.raises(client.exceptions.BadRequestException):
        client.list_tags_for_resource(resourceArn=arn)


def test_tag_keys_are_validated(client, domain):
    with pytest.raises(client.exceptions.BadRequestException):
        client.tag_resource(resourceArn=ARN + D, tags={"aws:reserved": "v"})
    with pytest.raises(client.exceptions.BadRequestException):
        client.untag_resource(resourceArn=ARN + D, tagKeys=["has space"])


def test_untagged_resources_of_every_kind_answer_an_empty_tag_map(client, domain):
    client.put_integration(DomainName=D, Uri=URI, ObjectTypeName="Contact")
    client.create_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName="n",
        AttributeDetails={"Attributes": [{"Name": "id"}], "Expression": "{Contact.id}"},
        Statistic="COUNT",
    )
    for suffix in ("", "/object-types/Contact", f"/integrations/{URI}", "/calculated-attributes/n"):
        out = client.list_tags_for_resource(resourceArn=f"{ARN}{D}{suffix}")
        assert out["tags"] == {}
    client.tag_resource(resourceArn=ARN + D, tags={"a": "1"})
    client.untag_resource(resourceArn=ARN + D, tagKeys=["a"])
    assert client.list_tags_for_resource(resourceArn=ARN + D)["tags"] == {}
