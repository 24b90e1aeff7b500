"""Models of the domain object types operations.

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
    "ContentType",
    "DeleteDomainObjectTypeResponse",
    "DomainObjectTypeField",
    "DomainObjectTypesListItem",
    "FeatureType",
    "GetDomainObjectTypeResponse",
    "ListDomainObjectTypesResponse",
    "PutDomainObjectTypeResponse",
]


class ContentType(str, Enum):
    """``ContentType``, an open enum: a value this SDK does not know stays a ``str``."""

    STRING = "STRING"
    NUMBER = "NUMBER"


class FeatureType(str, Enum):
    """``FeatureType``, an open enum: a value this SDK does not know stays a ``str``."""

    TEXTUAL = "TEXTUAL"
    CATEGORICAL = "CATEGORICAL"


@model
class DeleteDomainObjectTypeResponse:
    """The ``DeleteDomainObjectTypeResponse`` structure, used by ``DeleteDomainObjectType``
    (response).
    """

    __wire_shape__: ClassVar[str] = "DeleteDomainObjectTypeResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainObjectTypeField:
    """The ``DomainObjectTypeField`` structure, used by ``GetDomainObjectType``,
    ``PutDomainObjectType``.
    """

    __wire_shape__: ClassVar[str] = "DomainObjectTypeField"

    source: str = attrs.field(metadata={"wire": "Source"})
    target: str = attrs.field(metadata={"wire": "Target"})
    content_type: ContentType | str | None = attrs.field(
        default=None, metadata={"wire": "ContentType"}
    )
    feature_type: FeatureType | str | None = attrs.field(
        default=None, metadata={"wire": "FeatureType"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainObjectTypesListItem:
    """The ``DomainObjectTypesListItem`` structure, used by ``ListDomainObjectTypes``."""

    __wire_shape__: ClassVar[str] = "DomainObjectTypesListItem"

    object_type_name: str = attrs.field(metadata={"wire": "ObjectTypeName", "sensitive": True})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    created_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "CreatedAt", "sensitive": True}
    )
    last_updated_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "LastUpdatedAt", "sensitive": True}
    )
    tags: dict[str, str] | None = attrs.field(
        default=None, metadata={"wire": "Tags", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetDomainObjectTypeResponse:
    """The ``GetDomainObjectTypeResponse`` structure, used by ``GetDomainObjectType``
    (response).
    """

    __wire_shape__: ClassVar[str] = "GetDomainObjectTypeResponse"

    object_type_name: str = attrs.field(metadata={"wire": "ObjectTypeName"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    encryption_key: str | None = attrs.field(default=None, metadata={"wire": "EncryptionKey"})
    fields: dict[str, DomainObjectTypeField] | None = attrs.field(
        default=None, metadata={"wire": "Fields"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListDomainObjectTypesResponse:
    """The ``ListDomainObjectTypesResponse`` structure, used by ``ListDomainObjectTypes``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListDomainObjectTypesResponse"

    items: list[DomainObjectTypesListItem] | None = attrs.field(
        default=None, metadata={"wire": "Items", "sensitive": True}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class PutDomainObjectTypeResponse:
    """The ``PutDomainObjectTypeResponse`` structure, used by ``PutDomainObjectType``
    (response).
    """

    __wire_shape__: ClassVar[str] = "PutDomainObjectTypeResponse"

    object_type_name: str | None = attrs.field(default=None, metadata={"wire": "ObjectTypeName"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    encryption_key: str | None = attrs.field(default=None, metadata={"wire": "EncryptionKey"})
    fields: dict[str, DomainObjectTypeField] | None = attrs.field(
        default=None, metadata={"wire": "Fields"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)
