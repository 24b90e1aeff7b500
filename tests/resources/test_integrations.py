"""``domain.integrations`` and ``cp.integrations`` against the embedded emulator."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles, _convert
from customer_profiles_sdk.errors import (
    BadRequestError,
    ResourceNotFoundError,
    ValidationError,
)
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models.integration import (
    ConnectorOperator,
    DataPullMode,
    FlowDefinition,
    FlowOperator,
    IncrementalPullConfig,
    Integration,
    IntegrationScope,
    MarketoSourceProperties,
    OperatorPropertiesKey,
    S3SourceProperties,
    SalesforceSourceProperties,
    ScheduledTriggerProperties,
    ServiceNowSourceProperties,
    SourceConnectorProperties,
    SourceConnectorType,
    SourceFlowConfig,
    Task,
    TaskType,
    TriggerConfig,
    TriggerProperties,
    TriggerType,
    ZendeskSourceProperties,
)
from customer_profiles_sdk.resources.domains import Domain
from customer_profiles_sdk.retry import RetryPolicy

REGION = "us-east-1"
ROLE = "arn:aws:iam::123456789012:role/profiles-ingest"
KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())


def make_domain(cp: CustomerProfiles, name: str) -> Domain:
    """A domain with object types ``Order`` and ``Customer`` (made through boto3)."""
    domain = cp.domains.create(name, default_expiration_days=30)
    for type_name, template in (("Order", "Shopify-Order"), ("Customer", "Shopify-Customer")):
        cp.client.put_profile_object_type(
            DomainName=name, ObjectTypeName=type_name, Description=type_name, TemplateId=template
        )
    return domain


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    return make_domain(cp, "int-tests")


def full_flow(name: str = "sfdc-contacts") -> FlowDefinition:
    """A flow definition with every member of every nested structure set."""
    return FlowDefinition(
        flow_name=name,
        kms_arn=KMS,
        description="Salesforce contacts, hourly",
        source_flow_config=SourceFlowConfig(
            connector_type=SourceConnectorType.SALESFORCE,
            connector_profile_name="sfdc-prod",
            incremental_pull_config=IncrementalPullConfig(
                datetime_type_field_name="LastModifiedDate"
            ),
            source_connector_properties=SourceConnectorProperties(
                salesforce=SalesforceSourceProperties(
                    object="Contact",
                    enable_dynamic_field_update=True,
                    include_deleted_records=False,
                ),
                marketo=MarketoSourceProperties(object="leads"),
                s3=S3SourceProperties(bucket_name="my-bucket", bucket_prefix="contacts/"),
                service_now=ServiceNowSourceProperties(object="sys_user"),
                zendesk=ZendeskSourceProperties(object="users"),
            ),
        ),
        tasks=[
            Task(
                source_fields=["Id", "Email"],
                task_type=TaskType.FILTER,
                connector_operator=ConnectorOperator(
                    salesforce=FlowOperator.PROJECTION,
                    marketo=FlowOperator.PROJECTION,
                    s3=FlowOperator.NO_OP,
                    service_now=FlowOperator.CONTAINS,
                    zendesk=FlowOperator.MASK_ALL,
                ),
            ),
            Task(
                source_fields=["Email"],
                task_type=TaskType.MAP,
                destination_field="email",
                task_properties={OperatorPropertiesKey.DESTINATION_DATA_TYPE: "string"},
                connector_operator=ConnectorOperator(salesforce="NO_OP"),
            ),
        ],
        trigger_config=TriggerConfig(
            trigger_type=TriggerType.SCHEDULED,
            trigger_properties=TriggerProperties(
                scheduled=ScheduledTriggerProperties(
                    schedule_expression="rate(1hours)",
                    data_pull_mode=DataPullMode.INCREMENTAL,
                    schedule_start_time=datetime(2030, 1, 1, 0, 0, tzinfo=timezone.utc),
                    schedule_end_time=datetime(2031, 1, 1, 0, 0, tzinfo=timezone.utc),
                    timezone="UTC",
                    schedule_offset=60,
                    first_execution_from=datetime(2029, 12, 1, 0, 0, tzinfo=timezone.utc),
                )
            ),
        ),
    )


def stored(backend: LocalBackend, domain_name: str, uri: str) -> dict[str, Any]:
    """The PutIntegration members the emulator stored for ``uri`` (what was sent)."""
    rec = backend.store.region(REGION).domains[domain_name].integrations[uri]
    return rec.definition


def capture_params(cp: CustomerProfiles, operation: str) -> list[dict[str, Any]]:
    """Record the parameters of every ``operation`` request the boto3 client builds."""
    seen: list[dict[str, Any]] = []

    def record(params: dict[str, Any], **_: Any) -> None:
        seen.append(dict(params))

    cp.client.meta.events.register(f"before-parameter-build.customer-profiles.{operation}", record)
    return seen


# --------------------------------------------------------------------------- put


def test_put_returns_the_stored_integration(domain: Domain) -> None:
    out = domain.integrations.put(
        "s3://orders",
        object_type_name="Order",
        role_arn=ROLE,
        scope=IntegrationScope.PROFILE,
        tags={"team": "data"},
    )
    assert isinstance(out, Integration)
    assert out.domain_name == "int-tests"
    assert out.uri == "s3://orders"
    assert out.object_type_name == "Order"
    assert out.object_type_names is None
    assert out.role_arn == ROLE
    assert out.tags == {"team": "data"}
    assert out.scope is IntegrationScope.PROFILE
    assert out.is_unstructured is False
    assert isinstance(out.created_at, datetime)
    assert out.created_at.tzinfo is not None


def test_put_with_object_type_names_and_event_trigger(
    domain: Domain, backend: LocalBackend
) -> None:
    mapping = {"ShopifyCreateOrders": "Order", "ShopifyCreateCustomers": "Customer"}
    # The emulator accepts only event triggers that exist (one integration each).
    any_order = {"Source": "_source.id", "ComparisonOperator": "EXCLUSIVE", "Values": ["-"]}
    backend.client().create_event_trigger(
        DomainName="int-tests",
        EventTriggerName="vip-trigger",
        ObjectTypeName="Order",
        EventTriggerConditions=[
            {
                "EventTriggerDimensions": [{"ObjectAttributes": [any_order]}],
                "LogicalOperator": "ALL",
            }
        ],
    )
    out = domain.integrations.put(
        "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/1/shop",
        object_type_names=mapping,
        event_trigger_names=("vip-trigger",),
        scope="DOMAIN",
    )
    assert out.object_type_names == mapping
    assert out.object_type_name is None
    assert out.event_trigger_names == ["vip-trigger"]
    assert out.scope is IntegrationScope.DOMAIN
    sent = stored(backend, "int-tests", out.uri)
    assert sent["EventTriggerNames"] == ["vip-trigger"]
    assert sent["Scope"] == "DOMAIN"


def test_put_with_a_flow_definition_round_trips(domain: Domain, backend: LocalBackend) -> None:
    flow = full_flow()
    uri = "arn:aws:appflow:us-east-1:123456789012:flow/sfdc-contacts"
    put = domain.integrations.put(uri, object_type_name="Customer", flow_definition=flow)
    got = domain.integrations.get(uri)
    assert got == put
    # What reached the service is exactly the flow, every nested member included.
    sent = stored(backend, "int-tests", uri)["FlowDefinition"]
    assert _convert.from_wire(FlowDefinition, sent) == flow


def test_put_without_uri_is_named_after_its_flow(domain: Domain) -> None:
    out = domain.integrations.put(object_type_name="Customer", flow_definition=full_flow("f-1"))
    assert out.uri.endswith(":flow/f-1")
    assert domain.integrations.get(out.uri) == out


def test_put_again_replaces_the_definition_and_keeps_created_at(
    domain: Domain, backend: LocalBackend
) -> None:
    first = domain.integrations.put("s3://orders", object_type_name="Order", tags={"a": "1"})
    backend.clock.advance(60)
    second = domain.integrations.put(
        "s3://orders", object_type_names={"ShopifyCreateOrders": "Order"}, tags={"b": "2"}
    )
    assert second.created_at == first.created_at
    assert second.last_updated_at > first.last_updated_at
    assert second.object_type_name is None
    assert second.object_type_names == {"ShopifyCreateOrders": "Order"}
    # PutIntegration ignores Tags for an existing integration (D409): TagResource adds them.
    assert second.tags == {"a": "1"}


def test_put_with_an_unknown_object_type_is_a_bad_request(domain: Domain) -> None:
    with pytest.raises(BadRequestError, match="Nope"):
        domain.integrations.put("s3://orders", object_type_name="Nope")
    assert not domain.integrations.exists("s3://orders")


def test_put_of_a_uri_integrated_elsewhere_is_a_bad_request(
    cp: CustomerProfiles, domain: Domain
) -> None:
    other = make_domain(cp, "int-other")
    domain.integrations.put("s3://orders", object_type_name="Order")
    with pytest.raises(BadRequestError):
        other.integrations.put("s3://orders", object_type_name="Order")


def test_put_in_a_missing_domain_is_not_found(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("no-such-domain").integrations.put("s3://x", object_type_name="Order")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"uri": "s3://" + "x" * 251, "object_type_name": "Order"}, "Uri"),
        ({"uri": "s3://x", "object_type_name": "Bad Name!"}, "ObjectTypeName"),
        ({"uri": "s3://x", "object_type_name": "Order", "role_arn": "not-an-arn"}, "RoleArn"),
        (
            {"uri": "s3://x", "object_type_name": "Order", "event_trigger_names": ["a", "b"]},
            "EventTriggerNames",
        ),
        ({"uri": "s3://x", "object_type_name": "Order", "scope": "WORLD"}, "Scope"),
        ({"uri": "s3://x", "object_type_name": "Order", "tags": {"aws:x": "1"}}, "Tags.<key>"),
    ],
)
def test_put_validates_before_sending(
    domain: Domain, backend: LocalBackend, kwargs: dict[str, Any], field: str
) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError) as info:
        domain.integrations.put(**kwargs)
    assert info.value.operation == "PutIntegration"
    assert field in info.value.fields
    assert backend.call_count() == 0


def test_put_validates_nested_flow_members(domain: Domain, backend: LocalBackend) -> None:
    flow = full_flow()
    bad_task = Task(
        source_fields=["Id"],
        task_type=TaskType.FILTER,
        connector_operator=ConnectorOperator(zendesk=FlowOperator.LESS_THAN),  # not Zendesk's
    )
    bad = FlowDefinition(
        flow_name=flow.flow_name,
        kms_arn="arn:aws:kms:short",
        source_flow_config=flow.source_flow_config,
        tasks=[bad_task],
        trigger_config=flow.trigger_config,
    )
    backend.reset_calls()
    with pytest.raises(ValidationError) as info:
        domain.integrations.put("s3://x", object_type_name="Order", flow_definition=bad)
    assert "FlowDefinition.KmsArn" in info.value.fields
    assert "FlowDefinition.Tasks[0].ConnectorOperator.Zendesk" in info.value.fields
    assert backend.call_count() == 0


# --------------------------------------------------------------------------- get / exists


def test_get_missing_integration_is_not_found(domain: Domain) -> None:
    with pytest.raises(ResourceNotFoundError):
        domain.integrations.get("s3://missing")


def test_get_in_a_missing_domain_is_not_found(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("no-such-domain").integrations.get("s3://x")


def test_get_with_an_empty_uri_is_not_sent(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError) as info:
        domain.integrations.get("")
    assert info.value.fields == ["Uri"]
    assert backend.call_count() == 0


def test_exists(cp: CustomerProfiles, domain: Domain) -> None:
    domain.integrations.put("s3://orders", object_type_name="Order")
    assert domain.integrations.exists("s3://orders")
    assert not domain.integrations.exists("s3://other")
    with pytest.raises(ResourceNotFoundError, match="no-such-domain"):
        cp.domain("no-such-domain").integrations.exists("s3://orders")


# --------------------------------------------------------------------------- list


def test_list_pages_through_every_integration(domain: Domain, backend: LocalBackend) -> None:
    uris = [f"s3://bucket-{i}" for i in range(7)]
    for uri in uris:
        domain.integrations.put(uri, object_type_name="Order")
    backend.reset_calls()
    pages = list(domain.integrations.list().page_size(1).by_page())
    assert [len(p.items) for p in pages] == [1] * 7
    assert [i.uri for p in pages for i in p.items] == uris
    assert backend.call_count("ListIntegrations") == 7
    assert all(isinstance(i, Integration) for p in pages for i in p.items)


def test_list_limit_stops_requesting_pages(domain: Domain, backend: LocalBackend) -> None:
    for i in range(6):
        domain.integrations.put(f"s3://bucket-{i}", object_type_name="Order")
    backend.reset_calls()
    got = domain.integrations.list().page_size(2).limit(3).to_list()
    assert [i.uri for i in got] == ["s3://bucket-0", "s3://bucket-1", "s3://bucket-2"]
    assert backend.call_count("ListIntegrations") == 2


def test_list_of_an_empty_domain_is_empty(domain: Domain) -> None:
    assert domain.integrations.list().to_list() == []


def test_list_sends_include_hidden_only_when_asked(cp: CustomerProfiles, domain: Domain) -> None:
    seen = capture_params(cp, "ListIntegrations")
    domain.integrations.list().to_list()
    domain.integrations.list(include_hidden=True).to_list()
    assert "IncludeHidden" not in seen[0]
    assert seen[1]["IncludeHidden"] is True


def test_list_of_a_missing_domain_is_not_found(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("no-such-domain").integrations.list().to_list()


# --------------------------------------------------------------------------- delete


def test_delete_is_idempotent(domain: Domain) -> None:
    domain.integrations.put("s3://orders", object_type_name="Order")
    assert domain.integrations.delete("s3://orders") is True
    assert not domain.integrations.exists("s3://orders")
    assert domain.integrations.delete("s3://orders") is False


def test_delete_in_a_missing_domain_is_not_found(cp: CustomerProfiles) -> None:
    """Issue 15, item 19: a missing domain is an error, not ``False``."""
    with pytest.raises(ResourceNotFoundError, match="no-such-domain"):
        cp.domain("no-such-domain").integrations.delete("s3://orders")


def test_delete_with_a_too_long_uri_is_not_sent(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError) as info:
        domain.integrations.delete("x" * 256)
    assert info.value.operation == "DeleteIntegration"
    assert backend.call_count() == 0


# --------------------------------------------------------------------------- account-level


def test_account_lookup_finds_the_domain_of_a_uri(cp: CustomerProfiles, domain: Domain) -> None:
    other = make_domain(cp, "int-other")
    domain.integrations.put("s3://orders", object_type_name="Order")
    other.integrations.put("s3://customers", object_type_name="Customer")
    found = cp.integrations.list("s3://customers").to_list()
    assert [(i.domain_name, i.uri) for i in found] == [("int-other", "s3://customers")]
    assert found[0] == other.integrations.get("s3://customers")
    assert cp.integrations.list("s3://nowhere").to_list() == []


def test_account_lookup_pages(cp: CustomerProfiles, backend: LocalBackend) -> None:
    # The service keeps a URI in one domain, so the emulator never lists two items for
    # a URI by itself; copy one integration into more domains to get several pages.
    names = [f"acct-{i}" for i in range(5)]
    domains = [make_domain(cp, n) for n in names]
    domains[0].integrations.put("s3://shared", object_type_name="Order")
    regional = backend.store.region(REGION)
    rec = regional.domains[names[0]].integrations["s3://shared"]
    for name in names[1:]:
        regional.domains[name].integrations["s3://shared"] = dataclasses.replace(rec)
    backend.reset_calls()
    pages = list(cp.integrations.list("s3://shared").page_size(1).by_page())
    assert [len(p.items) for p in pages] == [1] * 5
    assert [i.domain_name for p in pages for i in p.items] == names
    assert backend.call_count("ListAccountIntegrations") == 5
    backend.reset_calls()
    first_two = cp.integrations.list("s3://shared").page_size(1).limit(2).to_list()
    assert [i.domain_name for i in first_two] == names[:2]
    assert backend.call_count("ListAccountIntegrations") == 2


def test_account_lookup_sends_include_hidden_only_when_asked(cp: CustomerProfiles) -> None:
    seen = capture_params(cp, "ListAccountIntegrations")
    cp.integrations.list("s3://x").to_list()
    cp.integrations.list("s3://x", include_hidden=True).to_list()
    assert seen[0] == {"Uri": "s3://x"}
    assert seen[1] == {"Uri": "s3://x", "IncludeHidden": True}


def test_account_lookup_validates_the_uri_before_sending(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    with pytest.raises(ValidationError) as info:
        cp.integrations.list("u" * 256).to_list()
    assert info.value.operation == "ListAccountIntegrations"
    assert info.value.fields == ["Uri"]
    assert backend.call_count() == 0


def test_account_lookup_with_a_bad_page_token_is_a_bad_request(cp: CustomerProfiles) -> None:
    with pytest.raises(BadRequestError):
        next(iter(cp.integrations.list("s3://x").by_page("not-a-token")))
