"""``domain.domain_object_types`` (Put/Get/List/DeleteDomainObjectType) on the emulator."""

from __future__ import annotations

from datetime import datetime

import attrs
import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import BadRequestError, ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models import (
    ContentType,
    DomainObjectType,
    DomainObjectTypeField,
    DomainObjectTypeSummary,
    FeatureType,
)
from customer_profiles_sdk.resources import Domain

D = "dot-tests"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    return cp.domains.create(D, default_expiration_days=30, data_store={"enabled": True})


def item(**changes: object) -> DomainObjectType:
    base = DomainObjectType(
        object_type_name="Item",
        description="catalogue items",
        fields={
            "title": DomainObjectTypeField(
                source="_source.title", target="_item.Title", feature_type=FeatureType.TEXTUAL
            ),
            "price": DomainObjectTypeField(
                source="_source.price", target="_item.Price", content_type=ContentType.NUMBER
            ),
        },
        tags={"team": "data"},
    )
    return attrs.evolve(base, **changes)


def test_put_creates_and_returns_the_stored_type(domain: Domain) -> None:
    out = domain.domain_object_types.put(item())
    assert isinstance(out, DomainObjectType)
    assert out.object_type_name == "Item"
    assert out.description == "catalogue items"
    assert out.fields["price"].content_type is ContentType.NUMBER
    assert out.fields["title"].feature_type is FeatureType.TEXTUAL
    assert out.tags == {"team": "data"}
    assert isinstance(out.created_at, datetime)
    assert out.created_at == out.last_updated_at
    assert domain.domain_object_types.get("Item") == out


def test_put_accepts_a_mapping_of_field_names(domain: Domain) -> None:
    out = domain.domain_object_types.put(
        {"object_type_name": "Store", "fields": {"id": {"source": "_source.id", "target": "_s.Id"}}}
    )
    assert out.fields == {"id": DomainObjectTypeField(source="_source.id", target="_s.Id")}
    assert out.description is None  # optional, unlike a profile object type's


def test_put_again_replaces_fields_keeps_created_at_and_merges_tags(
    domain: Domain, backend: LocalBackend
) -> None:
    first = domain.domain_object_types.put(item())
    backend.clock.advance(60)
    only_title = {"title": first.fields["title"]}
    second = domain.domain_object_types.put(
        attrs.evolve(first, fields=only_title, description=None, tags={"env": "test"})
    )
    assert sorted(second.fields) == ["title"]
    assert second.description is None
    assert second.created_at == first.created_at
    assert second.last_updated_at is not None
    assert first.last_updated_at is not None
    assert second.last_updated_at > first.last_updated_at
    assert second.tags == {"team": "data", "env": "test"}


def test_creating_needs_the_data_store(cp: CustomerProfiles) -> None:
    domain = cp.domains.create("no-store", default_expiration_days=30)
    with pytest.raises(BadRequestError) as caught:
        domain.domain_object_types.put(item())
    assert caught.value.operation == "PutDomainObjectType"
    domain.update(data_store={"enabled": True})
    assert domain.domain_object_types.put(item()).object_type_name == "Item"


def test_list_pages_summaries_without_fields(domain: Domain) -> None:
    for name in ("A", "B", "C"):
        domain.domain_object_types.put(item(object_type_name=name))
    pages = list(domain.domain_object_types.list().page_size(2).by_page())
    assert [[s.object_type_name for s in p.items] for p in pages] == [["A", "B"], ["C"]]
    first = pages[0].items[0]
    assert isinstance(first, DomainObjectTypeSummary)
    assert first.description == "catalogue items"
    assert first.tags == {"team": "data"}
    assert not hasattr(first, "fields")


def test_get_exists_and_delete(domain: Domain) -> None:
    assert domain.domain_object_types.exists("Item") is False
    with pytest.raises(ResourceNotFoundError):
        domain.domain_object_types.get("Item")
    domain.domain_object_types.put(item())
    assert domain.domain_object_types.exists("Item") is True
    assert domain.domain_object_types.delete("Item") is True
    assert domain.domain_object_types.delete("Item") is False
    assert domain.domain_object_types.exists("Item") is False


def test_separate_namespace_from_profile_object_types(domain: Domain) -> None:
    domain.object_types.put(
        {"object_type_name": "Item", "description": "x", "template_id": "Shopify-Order"}
    )
    domain.domain_object_types.put(item())
    assert domain.domain_object_types.delete("Item") is True
    assert domain.object_types.exists("Item") is True


def test_missing_domain(cp: CustomerProfiles) -> None:
    nowhere = cp.domain("nowhere")
    with pytest.raises(ResourceNotFoundError):
        nowhere.domain_object_types.put(item())
    assert nowhere.domain_object_types.exists("Item") is False
    with pytest.raises(ResourceNotFoundError):
        nowhere.domain_object_types.list().to_list()


def test_bad_input_is_refused_before_sending(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    bad_type = DomainObjectTypeField(source="_s.e", target="_c.E", content_type="EMAIL_ADDRESS")
    with pytest.raises(ValidationError) as caught:
        domain.domain_object_types.put(item(fields={"first name": bad_type}))
    err = caught.value
    assert err.operation == "PutDomainObjectType"
    by_path = {v.path: v.constraint for v in err.violations}
    assert by_path["Fields['first name'].ContentType"] == "one of STRING, NUMBER"
    assert by_path["Fields.<key>"].startswith("pattern")
    with pytest.raises(ValidationError) as empty:
        domain.domain_object_types.put(item(fields={}))
    assert [(v.path, v.constraint) for v in empty.value.violations] == [
        ("Fields", "at least 1 field")
    ]
    with pytest.raises(ValidationError, match="ObjectTypeName"):
        domain.domain_object_types.get("1-not-a-name")
    assert backend.call_count() == 0


def test_arn_builders_name_the_stored_resources(cp: CustomerProfiles, domain: Domain) -> None:
    from customer_profiles_sdk import domain_object_type_arn, event_stream_arn

    domain.domain_object_types.put(item())
    arn = domain_object_type_arn(D, "Item", region=cp.region_name, account_id="123456789012")
    assert cp.tags.list(arn) == {"team": "data"}
    stream = domain.event_streams.create(
        "export", uri="arn:aws:kinesis:us-east-1:123456789012:stream/s"
    )
    built = event_stream_arn(D, "export", region=cp.region_name, account_id="123456789012")
    assert built == stream.event_stream_arn
