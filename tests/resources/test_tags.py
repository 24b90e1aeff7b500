"""``cp.tags`` and the ARN builders against the embedded emulator."""

from __future__ import annotations

from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import BadRequestError, ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.resources.tags import (
    calculated_attribute_arn,
    domain_arn,
    integration_arn,
    object_type_arn,
)
from customer_profiles_sdk.retry import RetryPolicy

DOMAIN = "tag-tests"
ACCOUNT = "210987654321"
URI = "arn:aws:appflow:us-east-1:210987654321:flow/orders"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(account_id=ACCOUNT)


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    cp = CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())
    cp.domains.create(DOMAIN, default_expiration_days=30, tags={"env": "test"})
    client = cp.client
    client.put_profile_object_type(
        DomainName=DOMAIN, ObjectTypeName="Order", Description="orders", TemplateId="Shopify-Order"
    )
    client.put_integration(DomainName=DOMAIN, Uri=URI, ObjectTypeName="Order")
    client.create_calculated_attribute_definition(
        DomainName=DOMAIN,
        CalculatedAttributeName="total_spend",
        AttributeDetails={
            "Attributes": [{"Name": "totalPrice"}],
            "Expression": "{Order.totalPrice}",
        },
        Statistic="SUM",
    )
    return cp


def arn_of(kind: str, cp: CustomerProfiles) -> str:
    where: dict[str, Any] = {"region": cp.region_name, "account_id": ACCOUNT}
    if kind == "domain":
        return domain_arn(DOMAIN, **where)
    if kind == "object_type":
        return object_type_arn(DOMAIN, "Order", **where)
    if kind == "integration":
        return integration_arn(DOMAIN, URI, **where)
    return calculated_attribute_arn(DOMAIN, "total_spend", **where)


KINDS = ["domain", "object_type", "integration", "calculated_attribute"]


# --------------------------------------------------------------------------- ARN builders


def test_arn_builders_follow_the_documented_templates() -> None:
    where = {"region": "eu-west-2", "account_id": "111122223333"}
    base = "arn:aws:profile:eu-west-2:111122223333:domains/d"
    assert domain_arn("d", **where) == base
    assert object_type_arn("d", "Order", **where) == f"{base}/object-types/Order"
    assert integration_arn("d", "s3://b/p", **where) == f"{base}/integrations/s3://b/p"
    assert calculated_attribute_arn("d", "ltv", **where) == f"{base}/calculated-attributes/ltv"
    assert domain_arn("d", partition="aws-us-gov", **where).startswith("arn:aws-us-gov:profile:")


# --------------------------------------------------------------------------- add / list / remove


@pytest.mark.parametrize("kind", KINDS)
def test_add_list_remove_on_each_taggable_resource(cp: CustomerProfiles, kind: str) -> None:
    arn = arn_of(kind, cp)
    before = cp.tags.list(arn)
    cp.tags.add(arn, {"team": "data", "cost-center": "42"})
    assert cp.tags.list(arn) == {**before, "team": "data", "cost-center": "42"}
    cp.tags.add(arn, {"team": "growth"})
    assert cp.tags.list(arn)["team"] == "growth"
    cp.tags.remove(arn, ["team", "cost-center"])
    assert cp.tags.list(arn) == before


def test_tags_are_per_resource(cp: CustomerProfiles) -> None:
    cp.tags.add(arn_of("object_type", cp), {"only": "object-type"})
    assert "only" not in cp.tags.list(arn_of("domain", cp))
    assert "only" not in cp.tags.list(arn_of("integration", cp))
    assert cp.tags.list(arn_of("object_type", cp)) == {"only": "object-type"}


def test_domain_tags_show_in_the_domain_settings(cp: CustomerProfiles) -> None:
    cp.tags.add(arn_of("domain", cp), {"team": "data"})
    assert cp.domain(DOMAIN).get().tags == {"env": "test", "team": "data"}


def test_integration_tags_show_in_the_integration(cp: CustomerProfiles) -> None:
    cp.tags.add(arn_of("integration", cp), {"team": "data"})
    assert cp.domain(DOMAIN).integrations.get(URI).tags == {"team": "data"}


def test_list_of_an_untagged_resource_is_empty(cp: CustomerProfiles) -> None:
    assert cp.tags.list(arn_of("calculated_attribute", cp)) == {}


def test_remove_ignores_absent_keys_and_takes_a_single_string(cp: CustomerProfiles) -> None:
    arn = arn_of("domain", cp)
    cp.tags.remove(arn, ["not-there"])
    assert cp.tags.list(arn) == {"env": "test"}
    cp.tags.remove(arn, "env")
    assert cp.tags.list(arn) == {}


def test_empty_add_and_remove_send_nothing(cp: CustomerProfiles, backend: LocalBackend) -> None:
    backend.reset_calls()
    cp.tags.add(arn_of("domain", cp), {})
    cp.tags.remove(arn_of("domain", cp), [])
    assert backend.call_count() == 0


# --------------------------------------------------------------------------- errors


MISSING = {
    "domain": lambda where: domain_arn("no-such-domain", **where),
    "object_type": lambda where: object_type_arn(DOMAIN, "NoSuchType", **where),
    "integration": lambda where: integration_arn(DOMAIN, "s3://no-such-uri", **where),
    "calculated_attribute": lambda where: calculated_attribute_arn(DOMAIN, "no_such", **where),
}


@pytest.mark.parametrize("kind", KINDS)
def test_missing_resources_are_not_found(cp: CustomerProfiles, kind: str) -> None:
    arn = MISSING[kind]({"region": cp.region_name, "account_id": ACCOUNT})
    with pytest.raises(ResourceNotFoundError):
        cp.tags.list(arn)
    with pytest.raises(ResourceNotFoundError):
        cp.tags.add(arn, {"k": "v"})
    with pytest.raises(ResourceNotFoundError):
        cp.tags.remove(arn, ["k"])


def test_another_accounts_arn_is_not_found(cp: CustomerProfiles) -> None:
    arn = domain_arn(DOMAIN, region=cp.region_name, account_id="123456789012")
    with pytest.raises(ResourceNotFoundError):
        cp.tags.list(arn)


def test_an_arn_naming_no_taggable_type_is_a_bad_request(cp: CustomerProfiles) -> None:
    arn = domain_arn(DOMAIN, region=cp.region_name, account_id=ACCOUNT) + "/profiles/abc"
    with pytest.raises(BadRequestError):
        cp.tags.add(arn, {"k": "v"})


def test_more_than_50_tags_in_total_is_a_bad_request(cp: CustomerProfiles) -> None:
    arn = arn_of("integration", cp)
    cp.tags.add(arn, {f"k{i}": "v" for i in range(50)})
    with pytest.raises(BadRequestError):
        cp.tags.add(arn, {"one-more": "v"})
    assert len(cp.tags.list(arn)) == 50


@pytest.mark.parametrize(
    ("call", "operation", "field"),
    [
        (lambda cp, arn: cp.tags.list("arn:aws:s3:::bucket"), "ListTagsForResource", "resourceArn"),
        (lambda cp, arn: cp.tags.add(arn, {"aws:reserved": "v"}), "TagResource", "tags.<key>"),
        (lambda cp, arn: cp.tags.add(arn, {"k" * 129: "v"}), "TagResource", "tags.<key>"),
        (lambda cp, arn: cp.tags.add(arn, {"k": "v" * 257}), "TagResource", "tags['k']"),
        (
            lambda cp, arn: cp.tags.add(arn, {f"k{i}": "v" for i in range(51)}),
            "TagResource",
            "tags",
        ),
        (lambda cp, arn: cp.tags.remove(arn, ["bad key!"]), "UntagResource", "tagKeys[0]"),
        (
            lambda cp, arn: cp.tags.remove("arn:aws:profile:" + "x" * 250, ["k"]),
            "UntagResource",
            "resourceArn",
        ),
    ],
)
def test_bad_requests_are_not_sent(
    cp: CustomerProfiles, backend: LocalBackend, call: Any, operation: str, field: str
) -> None:
    arn = arn_of("domain", cp)
    backend.reset_calls()
    with pytest.raises(ValidationError) as info:
        call(cp, arn)
    assert info.value.operation == operation
    assert field in info.value.fields
    assert backend.call_count() == 0
