"""Models of the layouts operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model

__all__ = [
    "CreateDomainLayoutResponse",
    "DeleteDomainLayoutResponse",
    "GetDomainLayoutResponse",
    "LayoutItem",
    "LayoutType",
    "ListDomainLayoutsResponse",
    "UpdateDomainLayoutResponse",
]


class LayoutType(str, Enum):
    """``LayoutType``, an open enum: a value this SDK does not know stays a ``str``."""

    PROFILE_EXPLORER = "PROFILE_EXPLORER"


@model
class CreateDomainLayoutResponse:
    """The ``CreateDomainLayoutResponse`` structure, used by ``CreateDomainLayout`` (response)."""

    __wire_shape__: ClassVar[str] = "CreateDomainLayoutResponse"

    layout_definition_name: str = attrs.field(metadata={"wire": "LayoutDefinitionName"})
    description: str = attrs.field(metadata={"wire": "Description", "sensitive": True})
    display_name: str = attrs.field(metadata={"wire": "DisplayName"})
    layout_type: LayoutType | str = attrs.field(metadata={"wire": "LayoutType"})
    layout: str = attrs.field(metadata={"wire": "Layout", "sensitive": True})
    version: str = attrs.field(metadata={"wire": "Version"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    is_default: bool | None = attrs.field(default=None, metadata={"wire": "IsDefault"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteDomainLayoutResponse:
    """The ``DeleteDomainLayoutResponse`` structure, used by ``DeleteDomainLayout`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteDomainLayoutResponse"

    message: str = attrs.field(metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetDomainLayoutResponse:
    """The ``GetDomainLayoutResponse`` structure, used by ``GetDomainLayout`` (response)."""

    __wire_shape__: ClassVar[str] = "GetDomainLayoutResponse"

    layout_definition_name: str = attrs.field(metadata={"wire": "LayoutDefinitionName"})
    description: str = attrs.field(metadata={"wire": "Description", "sensitive": True})
    display_name: str = attrs.field(metadata={"wire": "DisplayName"})
    layout_type: LayoutType | str = attrs.field(metadata={"wire": "LayoutType"})
    layout: str = attrs.field(metadata={"wire": "Layout", "sensitive": True})
    version: str = attrs.field(metadata={"wire": "Version"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    is_default: bool | None = attrs.field(default=None, metadata={"wire": "IsDefault"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class LayoutItem:
    """The ``LayoutItem`` structure, used by ``ListDomainLayouts``."""

    __wire_shape__: ClassVar[str] = "LayoutItem"

    layout_definition_name: str = attrs.field(metadata={"wire": "LayoutDefinitionName"})
    description: str = attrs.field(metadata={"wire": "Description", "sensitive": True})
    display_name: str = attrs.field(metadata={"wire": "DisplayName"})
    layout_type: LayoutType | str = attrs.field(metadata={"wire": "LayoutType"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    is_default: bool | None = attrs.field(default=None, metadata={"wire": "IsDefault"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListDomainLayoutsResponse:
    """The ``ListDomainLayoutsResponse`` structure, used by ``ListDomainLayouts`` (response)."""

    __wire_shape__: ClassVar[str] = "ListDomainLayoutsResponse"

    items: list[LayoutItem] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class UpdateDomainLayoutResponse:
    """The ``UpdateDomainLayoutResponse`` structure, used by ``UpdateDomainLayout`` (response)."""

    __wire_shape__: ClassVar[str] = "UpdateDomainLayoutResponse"

    layout_definition_name: str | None = attrs.field(
        default=None, metadata={"wire": "LayoutDefinitionName"}
    )
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    is_default: bool | None = attrs.field(default=None, metadata={"wire": "IsDefault"})
    layout_type: LayoutType | str | None = attrs.field(
        default=None, metadata={"wire": "LayoutType"}
    )
    layout: str | None = attrs.field(default=None, metadata={"wire": "Layout", "sensitive": True})
    version: str | None = attrs.field(default=None, metadata={"wire": "Version"})
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)
