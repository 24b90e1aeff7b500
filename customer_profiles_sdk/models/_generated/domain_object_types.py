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
    "DomainObjectType",
    "DomainObjectTypeField",
    "DomainObjectTypeSummary",
    "FeatureType",
    "ListDomainObjectTypesResponse",
]


class ContentType(str, Enum):
    """The type of a Data Store field (:class:`DomainObjectTypeField`; open enum).

    Only ``STRING`` and ``NUMBER``: the ``EMAIL_ADDRESS``, ``PHONE_NUMBER`` and ``NAME``
    of profile object types (:class:`FieldContentType`) are not accepted here.
    """

    STRING = "STRING"
    NUMBER = "NUMBER"


class FeatureType(str, Enum):
    """How a Data Store field is used by segmentation and predictive insights (open enum)."""

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
class DomainObjectType:
    """A Data Store object type: a typed field schema of the domain's Data Store
    (``PutDomainObjectType`` request and response, ``GetDomainObjectType``).

    Unlike a profile object type it has fields only, no keys. ``created_at`` and
    ``last_updated_at`` are set by the service and never sent, so a model read with
    ``get`` can be changed with ``attrs.evolve`` and put back.

    Example:
        >>> item = DomainObjectType(
        ...     object_type_name="Item",
        ...     fields={"title": DomainObjectTypeField(source="_source.title",
        ...                                            target="_item.Title")})
        >>> item.object_type_name, sorted(item.fields)
        ('Item', ['title'])
    """

    __wire_shape__: ClassVar[str] = "GetDomainObjectTypeResponse"

    object_type_name: str = attrs.field(metadata={"wire": "ObjectTypeName"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    encryption_key: str | None = attrs.field(default=None, metadata={"wire": "EncryptionKey"})
    fields: dict[str, DomainObjectTypeField] = attrs.field(
        factory=dict, metadata={"wire": "Fields"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    """Read-only."""
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    """Read-only."""
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainObjectTypeField:
    """One field of a Data Store object type: where its value comes from (``source``),
    where it goes (``target``), its type and how it is used (``DomainObjectTypeField``).

    Example:
        >>> f = DomainObjectTypeField(source="_source.title", target="_item.Title",
        ...                           content_type=ContentType.STRING)
        >>> f.content_type.value
        'STRING'
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
class DomainObjectTypeSummary:
    """One Data Store object type in ``ListDomainObjectTypes`` (``DomainObjectTypesListItem``).

    It has no fields: read them with ``domain.domain_object_types.get(name)``.
    """

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
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListDomainObjectTypesResponse:
    """The ``ListDomainObjectTypesResponse`` structure, used by ``ListDomainObjectTypes``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListDomainObjectTypesResponse"

    items: list[DomainObjectTypeSummary] | None = attrs.field(
        default=None, metadata={"wire": "Items", "sensitive": True}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)
