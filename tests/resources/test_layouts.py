"""``domain.layouts`` (Create/Get/Update/Delete/ListDomainLayouts) on the emulator."""

from __future__ import annotations

import json

import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import (
    AccessDeniedError,
    BadRequestError,
    ResourceNotFoundError,
    ValidationError,
)
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models import DomainLayout, DomainLayoutSummary, LayoutType
from customer_profiles_sdk.resources import Domain

D = "layout-tests"
VIEW = {"Id": "1", "Type": "BoardItem", "Props": {"Title": "{{Customer.FirstName}}"}}


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    return cp.domains.create(D, default_expiration_days=30)


def create(domain: Domain, name: str = "main", **kwargs: object) -> DomainLayout:
    args: dict[str, object] = {"display_name": "Main view", "description": "d", "layout": VIEW}
    args.update(kwargs)
    return domain.layouts.create(name, **args)  # type: ignore[arg-type]


def test_create_encodes_a_mapping_and_returns_the_layout(domain: Domain) -> None:
    layout = create(domain, tags={"team": "cx"})
    assert isinstance(layout, DomainLayout)
    assert layout.layout_definition_name == "main"
    assert layout.layout_type is LayoutType.PROFILE_EXPLORER
    assert json.loads(layout.layout) == VIEW
    assert (layout.version, layout.is_default) == ("1", False)
    assert layout.tags == {"team": "cx"}
    assert layout.created_at == layout.last_updated_at
    assert domain.layouts.get("main") == layout


def test_text_is_sent_as_it_is(domain: Domain) -> None:
    text = '{ "Id" : "1" }'
    assert create(domain, layout=text).layout == text


def test_update_versions_and_keeps_what_is_not_sent(domain: Domain, backend: LocalBackend) -> None:
    first = create(domain)
    backend.clock.advance(5)
    updated = domain.layouts.update("main", layout={"Id": "2"})
    assert updated.version == "2"
    assert updated.layout == '{"Id":"2"}'
    assert updated.display_name == "Main view"
    assert updated.created_at == first.created_at
    assert first.last_updated_at is not None
    assert updated.last_updated_at is not None
    assert updated.last_updated_at > first.last_updated_at
    renamed = domain.layouts.update("main", display_name="Agent view", description="new")
    assert (renamed.version, renamed.display_name, renamed.description) == (
        "3",
        "Agent view",
        "new",
    )
    assert domain.layouts.get("main").layout == '{"Id":"2"}'


def test_one_default_per_domain(domain: Domain) -> None:
    create(domain, "a", is_default=True)
    create(domain, "b", is_default=True)
    defaults = {s.layout_definition_name: s.is_default for s in domain.layouts.list()}
    assert defaults == {"a": False, "b": True}
    domain.layouts.update("a", is_default=True)
    defaults = {s.layout_definition_name: s.is_default for s in domain.layouts.list()}
    assert defaults == {"a": True, "b": False}


def test_list_pages_summaries(domain: Domain) -> None:
    create(domain, "a")
    create(domain, "b")
    pages = list(domain.layouts.list().page_size(1).by_page())
    assert [[s.layout_definition_name for s in p.items] for p in pages] == [["a"], ["b"]]
    summary = pages[0].items[0]
    assert isinstance(summary, DomainLayoutSummary)
    assert not hasattr(summary, "layout")
    assert not hasattr(summary, "version")


def test_lifecycle(domain: Domain) -> None:
    assert domain.layouts.exists("main") is False
    create(domain)
    with pytest.raises(BadRequestError):
        create(domain)
    assert domain.layouts.exists("main") is True
    assert domain.layouts.delete("main") is True
    assert domain.layouts.delete("main") is False
    with pytest.raises(ResourceNotFoundError):
        domain.layouts.get("main")
    with pytest.raises(ResourceNotFoundError):
        domain.layouts.update("main", description="x")


def test_admin_website_only_accounts_refuse(domain: Domain, backend: LocalBackend) -> None:
    backend.settings.layouts_admin_website_only = True
    with pytest.raises(AccessDeniedError) as caught:
        create(domain)
    assert caught.value.status_code == 403
    with pytest.raises(AccessDeniedError):
        domain.layouts.list().to_list()


def test_bad_input_is_refused_before_sending(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError) as caught:
        create(domain, display_name="a.b", layout_type="OTHER", description="")
    err = caught.value
    assert err.operation == "CreateDomainLayout"
    by_path = {v.path: v.constraint for v in err.violations}
    assert by_path["DisplayName"].startswith("pattern")
    assert by_path["LayoutType"] == "one of PROFILE_EXPLORER"
    assert by_path["Description"] == "min length 1"
    with pytest.raises(ValidationError, match="max length 2000000"):
        create(domain, layout="x" * 2_000_001)
    with pytest.raises(ValidationError, match="DisplayName"):
        domain.layouts.update("main", display_name="1abc")
    assert backend.call_count() == 0


def test_tags_of_a_layout_change_through_cp_tags(cp: CustomerProfiles, domain: Domain) -> None:
    from customer_profiles_sdk import layout_arn

    create(domain, tags={"team": "cx"})
    arn = layout_arn(D, "main", region=cp.region_name, account_id="123456789012")
    cp.tags.remove(arn, ["team"])
    cp.tags.add(arn, {"env": "test"})
    assert domain.layouts.get("main").tags == {"env": "test"}
