"""``domain.object_types`` and ``cp.templates`` against the embedded emulator."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import (
    AccessDeniedError,
    BadRequestError,
    ResourceNotFoundError,
    ValidationError,
)
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models.object_type import (
    FieldContentType,
    ObjectType,
    ObjectTypeField,
    ObjectTypeKey,
    ObjectTypeSummary,
    ObjectTypeTemplate,
    StandardIdentifier,
    TemplateSummary,
)
from customer_profiles_sdk.resources.domains import Domain
from customer_profiles_sdk.retry import RetryPolicy

KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    return cp.domains.create("ot-tests", default_expiration_days=365)


def order_type(name: str = "Order", **changes: Any) -> ObjectType:
    """A custom object type with every member set."""
    base = ObjectType(
        object_type_name=name,
        description="Web shop orders",
        expiration_days=90,
        encryption_key=KMS_KEY,
        allow_profile_creation=True,
        source_last_updated_timestamp_format=TIMESTAMP_FORMAT,
        max_profile_object_count=50,
        source_priority=2,
        fields={
            "order_id": ObjectTypeField(source="_source.order_id"),
            "email": ObjectTypeField(
                source="_source.email",
                target="_profile.EmailAddress",
                content_type=FieldContentType.EMAIL_ADDRESS,
            ),
            "total": ObjectTypeField(source="_source.total", content_type=FieldContentType.NUMBER),
            "updated": ObjectTypeField(
                source="_source.updated", target="_profile.SourceLastUpdatedTimestamp"
            ),
        },
        keys={
            "orderId": [
                ObjectTypeKey(
                    standard_identifiers=[StandardIdentifier.UNIQUE], field_names=["order_id"]
                )
            ],
            "_email": [
                ObjectTypeKey(
                    standard_identifiers=[StandardIdentifier.PROFILE], field_names=["email"]
                )
            ],
        },
        tags={"team": "web", "env": "test"},
    )
    return attrs.evolve(base, **changes)


def capture_requests(cp: CustomerProfiles, operation: str) -> list[dict[str, Any]]:
    """Record the parameters botocore receives for ``operation``."""
    seen: list[dict[str, Any]] = []

    def hook(params: dict[str, Any], **_: Any) -> None:
        seen.append(dict(params))

    cp.client.meta.events.register(f"provide-client-params.customer-profiles.{operation}", hook)
    return seen


# --------------------------------------------------------------------------- put


def test_put_returns_the_stored_definition(domain: Domain) -> None:
    stored = domain.object_types.put(order_type())

    assert stored.object_type_name == "Order"
    assert stored.created_at is not None
    assert stored.last_updated_at is not None
    assert stored.max_available_profile_object_count is not None
    assert stored.fields["email"].content_type is FieldContentType.EMAIL_ADDRESS
    assert stored.keys["_email"][0].standard_identifiers == [StandardIdentifier.PROFILE]
    assert stored.tags == {"team": "web", "env": "test"}
    assert stored.encryption_key == KMS_KEY


def test_put_accepts_a_mapping(domain: Domain) -> None:
    stored = domain.object_types.put(
        {
            "object_type_name": "Users",
            "description": "Zendesk users",
            "template_id": "Zendesk-users",
        }
    )

    assert stored.template_id == "Zendesk-users"
    assert domain.object_types.get("Users").description == "Zendesk users"


def test_put_replaces_and_keeps_created_at(domain: Domain) -> None:
    first = domain.object_types.put(order_type())
    second = domain.object_types.put(order_type(description="Replaced"))

    assert second.created_at == first.created_at
    assert domain.object_types.get("Order").description == "Replaced"


def test_put_rejected_by_the_service(domain: Domain) -> None:
    no_unique = order_type(
        keys={"_email": [ObjectTypeKey(standard_identifiers=["PROFILE"], field_names=["email"])]}
    )

    with pytest.raises(BadRequestError):
        domain.object_types.put(no_unique)
    assert not domain.object_types.exists("Order")


def test_put_in_a_missing_domain(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").object_types.put(order_type())


def test_put_validates_before_sending(domain: Domain, backend: LocalBackend) -> None:
    bad_field = ObjectTypeField(source="_source.email", content_type="EMAIL")
    bad = order_type(
        object_type_name="x" * 256,
        fields={**order_type().fields, "email": bad_field},
    )

    with pytest.raises(ValidationError) as caught:
        domain.object_types.put(bad)

    assert caught.value.operation == "PutProfileObjectType"
    assert "ObjectTypeName" in caught.value.fields
    assert any("ContentType" in path for path in caught.value.fields)
    assert backend.call_count("PutProfileObjectType") == 0


def test_put_with_a_template_sends_only_the_template_id(
    cp: CustomerProfiles, domain: Domain
) -> None:
    sent = capture_requests(cp, "PutProfileObjectType")
    stored = domain.object_types.put(
        ObjectType(
            object_type_name="Accounts",
            description="Salesforce accounts",
            template_id="Salesforce-Account",
            fields={"ignored": ObjectTypeField(source="_source.x")},
        )
    )

    assert "Fields" not in sent[-1]
    assert "Keys" not in sent[-1]
    template = cp.templates.get("Salesforce-Account")
    assert stored.fields == template.fields
    assert stored.keys == template.keys
    assert stored.source_last_updated_timestamp_format == (
        template.source_last_updated_timestamp_format
    )


# --------------------------------------------------------------------------- read-modify-write


def test_read_modify_write_keeps_every_field(cp: CustomerProfiles, domain: Domain) -> None:
    domain.object_types.put(order_type())
    before = domain.object_types.get("Order")
    sent = capture_requests(cp, "PutProfileObjectType")

    domain.object_types.put(attrs.evolve(before, description="Orders v2"))
    after = domain.object_types.get("Order")

    assert after.description == "Orders v2"
    assert attrs.evolve(after, description=before.description, last_updated_at=None) == (
        attrs.evolve(before, last_updated_at=None)
    )
    request = sent[-1]
    for member in ("CreatedAt", "LastUpdatedAt", "MaxAvailableProfileObjectCount"):
        assert member not in request
    assert request["Tags"] == {"team": "web", "env": "test"}
    assert request["EncryptionKey"] == KMS_KEY
    assert request["ExpirationDays"] == 90
    assert request["MaxProfileObjectCount"] == 50
    assert request["SourceLastUpdatedTimestampFormat"] == TIMESTAMP_FORMAT
    assert request["SourcePriority"] == 2
    assert request["AllowProfileCreation"] is True


def test_read_modify_write_of_a_template_type(domain: Domain) -> None:
    domain.object_types.put(
        ObjectType(
            object_type_name="Contacts",
            description="contacts",
            template_id="Salesforce-Contact",
            expiration_days=30,
        )
    )
    before = domain.object_types.get("Contacts")

    domain.object_types.put(attrs.evolve(before, description="contacts v2"))
    after = domain.object_types.get("Contacts")

    assert after.description == "contacts v2"
    assert attrs.evolve(after, description=before.description, last_updated_at=None) == (
        attrs.evolve(before, last_updated_at=None)
    )


# --------------------------------------------------------------------------- get / exists


def test_get_round_trips_open_enums(domain: Domain) -> None:
    domain.object_types.put(order_type())
    got = domain.object_types.get("Order")

    assert isinstance(got, ObjectType)
    assert got.fields["total"].content_type is FieldContentType.NUMBER
    assert got.fields["order_id"].content_type in (None, FieldContentType.STRING)
    assert got.keys["orderId"][0].field_names == ["order_id"]
    assert got.source_priority == 2


def test_get_missing_type(domain: Domain) -> None:
    with pytest.raises(ResourceNotFoundError):
        domain.object_types.get("Nope")


def test_get_validates_name(domain: Domain, backend: LocalBackend) -> None:
    with pytest.raises(ValidationError):
        domain.object_types.get("1-starts-with-a-digit")
    assert backend.call_count("GetProfileObjectType") == 0


def test_exists(domain: Domain, cp: CustomerProfiles) -> None:
    assert not domain.object_types.exists("Order")
    domain.object_types.put(order_type())
    assert domain.object_types.exists("Order")
    with pytest.raises(ResourceNotFoundError, match="nowhere"):  # issue 15, item 19
        cp.domain("nowhere").object_types.exists("Order")


def test_description_is_masked_in_repr(domain: Domain) -> None:
    stored = domain.object_types.put(order_type(description="secret text"))
    assert "secret text" not in repr(stored)
    assert "Order" in repr(stored)


# --------------------------------------------------------------------------- list


def test_list_pages_one_by_one(domain: Domain, backend: LocalBackend) -> None:
    names = [f"Type{i}" for i in range(5)]
    for name in names:
        domain.object_types.put(order_type(name, keys=unique_key(name)))
    backend.reset_calls()

    listed = list(domain.object_types.list().page_size(1))

    assert [t.object_type_name for t in listed] == names
    assert all(isinstance(t, ObjectTypeSummary) for t in listed)
    assert listed[0].tags == {"team": "web", "env": "test"}
    assert listed[0].max_profile_object_count == 50
    assert backend.call_count("ListProfileObjectTypes") == 5


def test_list_limit_requests_only_what_it_needs(domain: Domain, backend: LocalBackend) -> None:
    for i in range(4):
        domain.object_types.put(order_type(f"Type{i}", keys=unique_key(f"Type{i}")))
    backend.reset_calls()

    first_two = domain.object_types.list().page_size(1).limit(2).to_list()

    assert [t.object_type_name for t in first_two] == ["Type0", "Type1"]
    assert backend.call_count("ListProfileObjectTypes") == 2


def test_list_resumes_from_a_token(domain: Domain) -> None:
    for i in range(3):
        domain.object_types.put(order_type(f"Type{i}", keys=unique_key(f"Type{i}")))
    pages = domain.object_types.list().page_size(2).by_page()
    first = next(pages)

    assert first.next_token is not None
    rest = domain.object_types.list().page_size(2).by_page(first.next_token)
    assert [t.object_type_name for page in rest for t in page.items] == ["Type2"]


def test_list_missing_domain(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").object_types.list().to_list()


def unique_key(name: str) -> dict[str, list[ObjectTypeKey]]:
    """Keys for a type named ``name``: key names are domain-global, so give each type its
    own UNIQUE key and share the ``_email`` PROFILE key."""
    return {
        f"{name}Id": [ObjectTypeKey(standard_identifiers=["UNIQUE"], field_names=["order_id"])],
        "_email": [ObjectTypeKey(standard_identifiers=["PROFILE"], field_names=["email"])],
    }


# --------------------------------------------------------------------------- delete


def test_delete_is_idempotent(domain: Domain) -> None:
    domain.object_types.put(order_type())

    assert domain.object_types.delete("Order") is True
    assert not domain.object_types.exists("Order")
    assert domain.object_types.delete("Order") is False


def test_delete_removes_the_objects(cp: CustomerProfiles, domain: Domain) -> None:
    domain.object_types.put(order_type())
    domain.objects.put("Order", {"order_id": "1", "email": "ana@example.com"})
    profile_id = cp.client.search_profiles(
        DomainName=domain.name, KeyName="_email", Values=["ana@example.com"]
    )["Items"][0]["ProfileId"]

    domain.object_types.delete("Order")

    with pytest.raises(ResourceNotFoundError):
        domain.objects.list(profile_id, "Order").to_list()


def test_delete_validates_before_sending(domain: Domain, backend: LocalBackend) -> None:
    with pytest.raises(ValidationError):
        domain.object_types.delete("has space")
    assert backend.call_count("DeleteProfileObjectType") == 0


# --------------------------------------------------------------------------- templates


def test_templates_list_pages_one_by_one(cp: CustomerProfiles, backend: LocalBackend) -> None:
    everything = cp.templates.list().to_list()
    backend.reset_calls()

    one_by_one = cp.templates.list().page_size(1).to_list()

    assert len(everything) > 3
    assert one_by_one == everything
    assert all(isinstance(t, TemplateSummary) for t in one_by_one)
    assert backend.call_count("ListProfileObjectTypeTemplates") == len(everything)
    assert {"CTR", "Salesforce-Account", "Zendesk-users"} <= {t.template_id for t in everything}


def test_templates_list_limit(cp: CustomerProfiles, backend: LocalBackend) -> None:
    everything = cp.templates.list().to_list()
    backend.reset_calls()

    three = cp.templates.list().page_size(1).limit(3).to_list()

    assert three == everything[:3]
    assert backend.call_count("ListProfileObjectTypeTemplates") == 3


def test_templates_list_error_carries_the_token(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    everything = cp.templates.list().to_list()
    pages = cp.templates.list().page_size(2).by_page()
    first = next(pages)
    backend.faults.fail_next("ListProfileObjectTypeTemplates", code="AccessDeniedException")

    with pytest.raises(AccessDeniedError) as caught:
        next(pages)

    token = caught.value.continuation_token
    assert token == first.next_token
    resumed = [t for page in cp.templates.list().page_size(2).by_page(token) for t in page.items]
    assert first.items + resumed == everything


def test_templates_get(cp: CustomerProfiles) -> None:
    template = cp.templates.get("Salesforce-Account")

    assert isinstance(template, ObjectTypeTemplate)
    assert template.template_id == "Salesforce-Account"
    assert template.source_name == "Salesforce"
    assert template.allow_profile_creation is True
    assert template.keys["_salesforceAccountId"][0].standard_identifiers == [
        StandardIdentifier.PROFILE,
        StandardIdentifier.UNIQUE,
    ]
    assert template.fields["phone"].content_type is FieldContentType.PHONE_NUMBER


def test_templates_get_missing(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.templates.get("No-Such-Template")
    assert not cp.templates.exists("No-Such-Template")
    assert cp.templates.exists("CTR")


def test_templates_get_validates_before_sending(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    with pytest.raises(ValidationError) as caught:
        cp.templates.get("bad id!")
    assert caught.value.fields == ["TemplateId"]
    assert backend.call_count() == 0
