"""Domain layouts: Create/Get/Update/Delete/ListDomainLayouts
(spec/ingestion-streams-triggers.md section 6, scenarios 6.6)."""

from __future__ import annotations

from typing import Any

import pytest

from customer_profiles_sdk.local import LocalBackend

D = "explorer"
LAYOUT = '{"Id":"1","Type":"BoardItem"}'
ARN = f"arn:aws:profile:us-east-1:123456789012:domains/{D}/layouts"
T0 = 1_800_000_000.0


@pytest.fixture
def domain(client: Any, backend: LocalBackend) -> str:
    backend.clock.freeze(T0)
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    return D


def create(client: Any, name: str = "main", **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("Description", "x")
    kwargs.setdefault("DisplayName", "Main view")
    kwargs.setdefault("LayoutType", "PROFILE_EXPLORER")
    kwargs.setdefault("Layout", LAYOUT)
    out: dict[str, Any] = client.create_domain_layout(
        DomainName=D, LayoutDefinitionName=name, **kwargs
    )
    return out


def test_create(client, domain):
    out = create(client, Tags={"env": "t"})
    assert out["LayoutDefinitionName"] == "main"
    assert out["Version"] == "1"
    assert out["IsDefault"] is False
    assert out["Layout"] == LAYOUT
    assert out["DisplayName"] == "Main view"
    assert out["CreatedAt"].timestamp() == T0
    assert out["LastUpdatedAt"].timestamp() == T0
    assert out["Tags"] == {"env": "t"}


def test_update_versioning(client, backend, domain):
    create(client)
    backend.clock.advance(30)
    new_layout = '{"Id":"2","Type":"Table"}'
    out = client.update_domain_layout(DomainName=D, LayoutDefinitionName="main", Layout=new_layout)
    assert out["Version"] == "2"
    assert out["LastUpdatedAt"].timestamp() == T0 + 30
    assert out["CreatedAt"].timestamp() == T0
    assert out["Description"] == "x"  # absent members are kept
    got = client.get_domain_layout(DomainName=D, LayoutDefinitionName="main")
    assert got["Layout"] == new_layout
    assert got["Version"] == "2"
    out = client.update_domain_layout(DomainName=D, LayoutDefinitionName="main")
    assert out["Version"] == "3"


def test_single_default(client, domain):
    create(client, "a", IsDefault=True)
    create(client, "b", IsDefault=True)
    defaults = {i["LayoutDefinitionName"]: i["IsDefault"] for i in _items(client)}
    assert defaults == {"a": False, "b": True}
    client.update_domain_layout(DomainName=D, LayoutDefinitionName="a", IsDefault=True)
    defaults = {i["LayoutDefinitionName"]: i["IsDefault"] for i in _items(client)}
    assert defaults == {"a": True, "b": False}
    client.update_domain_layout(DomainName=D, LayoutDefinitionName="a", IsDefault=False)
    assert not any(i["IsDefault"] for i in _items(client))


def _items(client: Any) -> list[dict[str, Any]]:
    return list(client.list_domain_layouts(DomainName=D)["Items"])


@pytest.mark.parametrize(
    ("member", "value", "where"),
    [
        ("LayoutType", "OTHER", "layoutType"),
        ("DisplayName", "1abc", "displayName"),
        ("DisplayName", "a.b", "displayName"),
        ("Layout", "x" * 2_000_001, "layout"),
    ],
)
def test_enum_pattern_and_size(client, domain, member, value, where):
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        create(client, **{member: value})
    assert (
        f"Value at '{where}' failed to satisfy constraint"
        in (caught.value.response["Error"]["Message"])
    )
    assert _items(client) == []
    create(client)
    with pytest.raises(client.exceptions.BadRequestException):
        client.update_domain_layout(DomainName=D, LayoutDefinitionName="main", **{member: value})


def test_display_name_with_spaces_and_dashes(client, domain):
    assert create(client, DisplayName="_My main-view 2")["DisplayName"] == "_My main-view 2"


def test_lifecycle(client, domain):
    create(client)
    with pytest.raises(client.exceptions.BadRequestException):
        create(client)
    assert client.delete_domain_layout(DomainName=D, LayoutDefinitionName="main")["Message"]
    for call in (client.get_domain_layout, client.delete_domain_layout):
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            call(DomainName=D, LayoutDefinitionName="main")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.update_domain_layout(DomainName=D, LayoutDefinitionName="main", Description="y")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_domain_layouts(DomainName="nope")


def test_list_shape_and_paging(client, domain):
    create(client, "one")
    create(client, "two")
    first = client.list_domain_layouts(DomainName=D, MaxResults=1)
    second = client.list_domain_layouts(DomainName=D, MaxResults=1, NextToken=first["NextToken"])
    assert "NextToken" not in second
    items = first["Items"] + second["Items"]
    assert [i["LayoutDefinitionName"] for i in items] == ["one", "two"]
    for item in items:
        assert "Layout" not in item
        assert "Version" not in item
        assert item["LayoutType"] == "PROFILE_EXPLORER"


def test_admin_website_only_mode(client, backend, domain):
    create(client)
    backend.settings.layouts_admin_website_only = True
    calls = [
        lambda: create(client, "other"),
        lambda: client.get_domain_layout(DomainName=D, LayoutDefinitionName="main"),
        lambda: client.update_domain_layout(
            DomainName=D, LayoutDefinitionName="main", Description="y"
        ),
        lambda: client.delete_domain_layout(DomainName=D, LayoutDefinitionName="main"),
        lambda: client.list_domain_layouts(DomainName=D),
    ]
    for call in calls:
        with pytest.raises(client.exceptions.AccessDeniedException) as caught:
            call()
        assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    backend.settings.layouts_admin_website_only = False
    assert client.get_domain_layout(DomainName=D, LayoutDefinitionName="main")["Version"] == "1"


def test_tags_by_arn(client, domain):
    create(client)
    client.tag_resource(resourceArn=f"{ARN}/main", tags={"a": "1"})
    assert client.list_tags_for_resource(resourceArn=f"{ARN}/main")["tags"] == {"a": "1"}
    assert client.get_domain_layout(DomainName=D, LayoutDefinitionName="main")["Tags"] == {"a": "1"}
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_tags_for_resource(resourceArn=f"{ARN}/nope")


def test_delete_domain_removes_layouts(client, domain):
    create(client)
    client.delete_domain(DomainName=D)
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    assert _items(client) == []
