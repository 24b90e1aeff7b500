"""Object types (ingestion mappings) and the templates AWS provides for them."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from ._base import Extra, model

__all__ = [
    "FieldContentType",
    "ObjectType",
    "ObjectTypeField",
    "ObjectTypeKey",
    "ObjectTypeSummary",
    "ObjectTypeTemplate",
    "StandardIdentifier",
    "TemplateSummary",
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

    source: str | None = None
    target: str | None = None
    content_type: FieldContentType | str | None = None
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

    standard_identifiers: list[StandardIdentifier | str] | None = None
    field_names: list[str] | None = None
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

    object_type_name: str
    description: str
    template_id: str | None = None
    expiration_days: int | None = None
    encryption_key: str | None = None
    allow_profile_creation: bool | None = None
    source_last_updated_timestamp_format: str | None = None
    max_profile_object_count: int | None = None
    source_priority: int | None = None
    fields: dict[str, ObjectTypeField] = attrs.field(factory=dict)
    keys: dict[str, list[ObjectTypeKey]] = attrs.field(factory=dict)
    tags: dict[str, str] = attrs.field(factory=dict)
    #: Read-only: the objects-per-profile quota left for this type.
    max_available_profile_object_count: int | None = None
    #: Read-only.
    created_at: datetime | None = None
    #: Read-only.
    last_updated_at: datetime | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectTypeSummary:
    """One object type in ``ListProfileObjectTypes`` (``ListProfileObjectTypeItem``).

    It has no fields or keys: read them with ``domain.object_types.get(name)``.
    """

    __wire_shape__: ClassVar[str] = "ListProfileObjectTypeItem"

    object_type_name: str
    description: str
    created_at: datetime | None = None
    last_updated_at: datetime | None = None
    max_profile_object_count: int | None = None
    max_available_profile_object_count: int | None = None
    source_priority: int | None = None
    tags: dict[str, str] = attrs.field(factory=dict)
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class TemplateSummary:
    """One template in ``ListProfileObjectTypeTemplates``
    (``ListProfileObjectTypeTemplateItem``)."""

    __wire_shape__: ClassVar[str] = "ListProfileObjectTypeTemplateItem"

    template_id: str | None = None
    source_name: str | None = None
    source_object: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectTypeTemplate:
    """A predefined object type that AWS provides (``GetProfileObjectTypeTemplate``).

    Use it by naming it: ``ObjectType(..., template_id=template.template_id)``, or put
    objects whose object type name is the template id.
    """

    __wire_shape__: ClassVar[str] = "GetProfileObjectTypeTemplateResponse"

    template_id: str | None = None
    source_name: str | None = None
    source_object: str | None = None
    allow_profile_creation: bool | None = None
    source_last_updated_timestamp_format: str | None = None
    fields: dict[str, ObjectTypeField] = attrs.field(factory=dict)
    keys: dict[str, list[ObjectTypeKey]] = attrs.field(factory=dict)
    extra: Extra = attrs.field(factory=dict, repr=False)
