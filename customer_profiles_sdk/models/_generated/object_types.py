"""Models of the object types operations.

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
    "DeleteProfileObjectTypeResponse",
    "DetectProfileObjectTypeResponse",
    "DetectedProfileObjectType",
    "FieldContentType",
    "ListProfileObjectTypesResponse",
    "ObjectType",
    "ObjectTypeField",
    "ObjectTypeKey",
    "ObjectTypeSummary",
    "StandardIdentifier",
]


class FieldContentType(str, Enum):
    """How a field's values are normalised for keys and matching (open enum).

    ``STRING`` (the default) compares values exactly, ``EMAIL_ADDRESS`` ignores case,
    ``PHONE_NUMBER`` ignores formatting.
    """

    STRING = "STRING"
    NUMBER = "NUMBER"
    PHONE_NUMBER = "PHONE_NUMBER"
    EMAIL_ADDRESS = "EMAIL_ADDRESS"
    NAME = "NAME"


class StandardIdentifier(str, Enum):
    """The role a key plays when an object is ingested (open enum).

    ``UNIQUE`` identifies the object itself, ``PROFILE`` finds the profile it belongs to,
    ``SECONDARY``, ``LOOKUP_ONLY`` and ``NEW_ONLY`` refine that lookup, and the others
    (``ASSET``, ``CASE``, ``ORDER``...) link it to a standard object.
    """

    PROFILE = "PROFILE"
    ASSET = "ASSET"
    CASE = "CASE"
    DEVICE = "DEVICE"
    WEB_ANALYTICS = "WEB_ANALYTICS"
    ORDER = "ORDER"
    COMMUNICATION_RECORD = "COMMUNICATION_RECORD"
    AIR_PREFERENCE = "AIR_PREFERENCE"
    HOTEL_PREFERENCE = "HOTEL_PREFERENCE"
    AIR_BOOKING = "AIR_BOOKING"
    AIR_SEGMENT = "AIR_SEGMENT"
    HOTEL_RESERVATION = "HOTEL_RESERVATION"
    HOTEL_STAY_REVENUE = "HOTEL_STAY_REVENUE"
    LOYALTY = "LOYALTY"
    LOYALTY_TRANSACTION = "LOYALTY_TRANSACTION"
    LOYALTY_PROMOTION = "LOYALTY_PROMOTION"
    UNIQUE = "UNIQUE"
    SECONDARY = "SECONDARY"
    LOOKUP_ONLY = "LOOKUP_ONLY"
    NEW_ONLY = "NEW_ONLY"


@model
class DeleteProfileObjectTypeResponse:
    """The ``DeleteProfileObjectTypeResponse`` structure, used by ``DeleteProfileObjectType``
    (response).
    """

    __wire_shape__: ClassVar[str] = "DeleteProfileObjectTypeResponse"

    message: str = attrs.field(metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DetectProfileObjectTypeResponse:
    """The ``DetectProfileObjectTypeResponse`` structure, used by ``DetectProfileObjectType``
    (response).
    """

    __wire_shape__: ClassVar[str] = "DetectProfileObjectTypeResponse"

    detected_profile_object_types: list[DetectedProfileObjectType] | None = attrs.field(
        default=None, metadata={"wire": "DetectedProfileObjectTypes"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DetectedProfileObjectType:
    """The object type mapping ``DetectProfileObjectType`` proposes for sample objects.

    ``domain.object_types.detect(samples, ...)`` returns it as an :class:`ObjectType`
    ready for ``domain.object_types.put``.
    """

    __wire_shape__: ClassVar[str] = "DetectedProfileObjectType"

    source_last_updated_timestamp_format: str | None = attrs.field(
        default=None, metadata={"wire": "SourceLastUpdatedTimestampFormat"}
    )
    fields: dict[str, ObjectTypeField] | None = attrs.field(
        default=None, metadata={"wire": "Fields", "sensitive": True}
    )
    keys: dict[str, list[ObjectTypeKey]] | None = attrs.field(
        default=None, metadata={"wire": "Keys", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListProfileObjectTypesResponse:
    """The ``ListProfileObjectTypesResponse`` structure, used by ``ListProfileObjectTypes``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListProfileObjectTypesResponse"

    items: list[ObjectTypeSummary] | None = attrs.field(
        default=None, metadata={"wire": "Items", "sensitive": True}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectType:
    """An object type: how the service ingests one kind of JSON object
    (``PutProfileObjectType`` request and response, ``GetProfileObjectType``).

    Either give ``template_id`` (the template then supplies ``fields``, ``keys``,
    ``allow_profile_creation`` and ``source_last_updated_timestamp_format``), or give
    ``fields`` and ``keys`` yourself. ``created_at``, ``last_updated_at`` and
    ``max_available_profile_object_count`` are set by the service and never sent, so a
    model read with ``get`` can be changed with ``attrs.evolve`` and put back.

    Example:
        >>> order = ObjectType(
        ...     object_type_name="Order",
        ...     description="Web shop orders",
        ...     fields={"email": ObjectTypeField(source="_source.email",
        ...                                      target="_profile.EmailAddress")},
        ...     keys={"_email": [ObjectTypeKey(standard_identifiers=["PROFILE"],
        ...                                    field_names=["email"])]},
        ... )
        >>> order.object_type_name, sorted(order.fields)
        ('Order', ['email'])
    """

    __wire_shape__: ClassVar[str] = "GetProfileObjectTypeResponse"

    object_type_name: str = attrs.field(metadata={"wire": "ObjectTypeName"})
    description: str = attrs.field(metadata={"wire": "Description", "sensitive": True})
    template_id: str | None = attrs.field(default=None, metadata={"wire": "TemplateId"})
    expiration_days: int | None = attrs.field(default=None, metadata={"wire": "ExpirationDays"})
    encryption_key: str | None = attrs.field(default=None, metadata={"wire": "EncryptionKey"})
    allow_profile_creation: bool | None = attrs.field(
        default=None, metadata={"wire": "AllowProfileCreation"}
    )
    source_last_updated_timestamp_format: str | None = attrs.field(
        default=None, metadata={"wire": "SourceLastUpdatedTimestampFormat"}
    )
    max_available_profile_object_count: int | None = attrs.field(
        default=None, metadata={"wire": "MaxAvailableProfileObjectCount"}
    )
    """Read-only: the objects-per-profile quota left for this type."""
    max_profile_object_count: int | None = attrs.field(
        default=None, metadata={"wire": "MaxProfileObjectCount"}
    )
    source_priority: int | None = attrs.field(default=None, metadata={"wire": "SourcePriority"})
    fields: dict[str, ObjectTypeField] = attrs.field(
        factory=dict, metadata={"wire": "Fields", "sensitive": True}
    )
    keys: dict[str, list[ObjectTypeKey]] = attrs.field(
        factory=dict, metadata={"wire": "Keys", "sensitive": True}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    """Read-only."""
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    """Read-only."""
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectTypeField:
    """One field of an object type: where its value comes from in the ingested JSON
    (``source``), which standard-object member it fills (``target``, optional) and how
    it is normalised (``content_type``, ``STRING`` when absent).

    Example:
        >>> f = ObjectTypeField(source="_source.email", target="_profile.EmailAddress",
        ...                     content_type=FieldContentType.EMAIL_ADDRESS)
        >>> f.content_type.value
        'EMAIL_ADDRESS'
    """

    __wire_shape__: ClassVar[str] = "ObjectTypeField"

    source: str | None = attrs.field(default=None, metadata={"wire": "Source", "sensitive": True})
    target: str | None = attrs.field(default=None, metadata={"wire": "Target", "sensitive": True})
    content_type: FieldContentType | str | None = attrs.field(
        default=None, metadata={"wire": "ContentType", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectTypeKey:
    """One entry of a key: the fields whose values make up the key and the roles the
    key plays (``standard_identifiers``).

    Example:
        >>> key = ObjectTypeKey(standard_identifiers=[StandardIdentifier.PROFILE],
        ...                     field_names=["email"])
        >>> key.field_names
        ['email']
    """

    __wire_shape__: ClassVar[str] = "ObjectTypeKey"

    standard_identifiers: list[StandardIdentifier | str] | None = attrs.field(
        default=None, metadata={"wire": "StandardIdentifiers", "sensitive": True}
    )
    field_names: list[str] | None = attrs.field(
        default=None, metadata={"wire": "FieldNames", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectTypeSummary:
    """One object type in ``ListProfileObjectTypes`` (``ListProfileObjectTypeItem``).

    It has no fields or keys: read them with ``domain.object_types.get(name)``.
    """

    __wire_shape__: ClassVar[str] = "ListProfileObjectTypeItem"

    object_type_name: str = attrs.field(metadata={"wire": "ObjectTypeName", "sensitive": True})
    description: str = attrs.field(metadata={"wire": "Description", "sensitive": True})
    created_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "CreatedAt", "sensitive": True}
    )
    last_updated_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "LastUpdatedAt", "sensitive": True}
    )
    max_profile_object_count: int | None = attrs.field(
        default=None, metadata={"wire": "MaxProfileObjectCount", "sensitive": True}
    )
    max_available_profile_object_count: int | None = attrs.field(
        default=None, metadata={"wire": "MaxAvailableProfileObjectCount", "sensitive": True}
    )
    source_priority: int | None = attrs.field(
        default=None, metadata={"wire": "SourcePriority", "sensitive": True}
    )
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)
