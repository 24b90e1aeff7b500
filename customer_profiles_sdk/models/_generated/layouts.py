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
    "DeleteDomainLayoutResponse",
    "DomainLayout",
    "DomainLayoutSummary",
    "LayoutType",
    "ListDomainLayoutsResponse",
]


class LayoutType(str, Enum):
    """The kind of a domain layout; ``PROFILE_EXPLORER`` is the only one (open enum)."""

    PROFILE_EXPLORER = "PROFILE_EXPLORER"


@model
class DeleteDomainLayoutResponse:
    """The ``DeleteDomainLayoutResponse`` structure, used by ``DeleteDomainLayout`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteDomainLayoutResponse"

    message: str = attrs.field(metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainLayout:
    """A domain layout: how Profile Explorer shows a profile (``GetDomainLayout``; also
    what ``CreateDomainLayout`` and ``UpdateDomainLayout`` answer).

    ``layout`` is the layout's JSON text; ``version`` changes with every update.
    """

    __wire_shape__: ClassVar[str] = "GetDomainLayoutResponse"

    layout_definition_name: str = attrs.field(metadata={"wire": "LayoutDefinitionName"})
    description: str = attrs.field(metadata={"wire": "Description", "sensitive": True})
    display_name: str = attrs.field(metadata={"wire": "DisplayName"})
    layout_type: LayoutType | str = attrs.field(metadata={"wire": "LayoutType"})
    layout: str = attrs.field(metadata={"wire": "Layout", "sensitive": True})
    version: str = attrs.field(metadata={"wire": "Version"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    is_default: bool | None = attrs.field(default=None, metadata={"wire": "IsDefault"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainLayoutSummary:
    """One layout in ``ListDomainLayouts`` (``LayoutItem``): no ``layout``, no ``version``."""

    __wire_shape__: ClassVar[str] = "LayoutItem"

    layout_definition_name: str = attrs.field(metadata={"wire": "LayoutDefinitionName"})
    description: str = attrs.field(metadata={"wire": "Description", "sensitive": True})
    display_name: str = attrs.field(metadata={"wire": "DisplayName"})
    layout_type: LayoutType | str = attrs.field(metadata={"wire": "LayoutType"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    is_default: bool | None = attrs.field(default=None, metadata={"wire": "IsDefault"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListDomainLayoutsResponse:
    """The ``ListDomainLayoutsResponse`` structure, used by ``ListDomainLayouts`` (response)."""

    __wire_shape__: ClassVar[str] = "ListDomainLayoutsResponse"

    items: list[DomainLayoutSummary] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)
