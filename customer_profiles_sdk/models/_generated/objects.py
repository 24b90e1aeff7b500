"""Models of the objects operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from .._base import Extra, model
from .._mixins import ProfileObjectMixin

__all__ = [
    "BatchPutProfileObjectErrorItem",
    "BatchPutProfileObjectRequestItem",
    "BatchPutProfileObjectResponse",
    "BatchPutProfileObjectResponseItem",
    "DeleteProfileObjectResponse",
    "ListProfileObjectsResponse",
    "ObjectFilter",
    "ProfileObject",
    "PutProfileObjectResponse",
]


@model
class BatchPutProfileObjectErrorItem:
    """The ``BatchPutProfileObjectErrorItem`` structure, used by ``BatchPutProfileObject``."""

    __wire_shape__: ClassVar[str] = "BatchPutProfileObjectErrorItem"

    id: str = attrs.field(metadata={"wire": "Id"})
    code: int = attrs.field(metadata={"wire": "Code"})
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class BatchPutProfileObjectRequestItem:
    """The ``BatchPutProfileObjectRequestItem`` structure, used by ``BatchPutProfileObject``."""

    __wire_shape__: ClassVar[str] = "BatchPutProfileObjectRequestItem"

    id: str = attrs.field(metadata={"wire": "Id"})
    object: str = attrs.field(metadata={"wire": "Object", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class BatchPutProfileObjectResponse:
    """The ``BatchPutProfileObjectResponse`` structure, used by ``BatchPutProfileObject``
    (response).
    """

    __wire_shape__: ClassVar[str] = "BatchPutProfileObjectResponse"

    successful: list[BatchPutProfileObjectResponseItem] | None = attrs.field(
        default=None, metadata={"wire": "Successful"}
    )
    failed: list[BatchPutProfileObjectErrorItem] | None = attrs.field(
        default=None, metadata={"wire": "Failed"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class BatchPutProfileObjectResponseItem:
    """The ``BatchPutProfileObjectResponseItem`` structure, used by ``BatchPutProfileObject``."""

    __wire_shape__: ClassVar[str] = "BatchPutProfileObjectResponseItem"

    id: str = attrs.field(metadata={"wire": "Id"})
    profile_object_unique_key: str = attrs.field(metadata={"wire": "ProfileObjectUniqueKey"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteProfileObjectResponse:
    """The ``DeleteProfileObjectResponse`` structure, used by ``DeleteProfileObject``
    (response).
    """

    __wire_shape__: ClassVar[str] = "DeleteProfileObjectResponse"

    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListProfileObjectsResponse:
    """The ``ListProfileObjectsResponse`` structure, used by ``ListProfileObjects`` (response)."""

    __wire_shape__: ClassVar[str] = "ListProfileObjectsResponse"

    items: list[ProfileObject] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectFilter:
    """Keep only the objects that have one of ``values`` under key ``key_name``
    (``ObjectFilter`` of ``ListProfileObjects``).

    Example:
        >>> ObjectFilter(key_name="_orderId", values=["1", "2"]).values
        ['1', '2']
    """

    __wire_shape__: ClassVar[str] = "ObjectFilter"

    key_name: str = attrs.field(metadata={"wire": "KeyName"})
    values: list[str] = attrs.field(metadata={"wire": "Values", "sensitive": True})
    """Key values (emails, phones, ids...): may be personal data, masked in repr."""
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileObject(ProfileObjectMixin):
    """One object attached to a profile (``ListProfileObjectsItem``).

    ``object`` is the document as the service returns it, a JSON string (masked in
    ``repr``: it is personal data); :attr:`data` decodes it.

    Example:
        >>> item = ProfileObject(object_type_name="Order", profile_object_unique_key="k1",
        ...                      object='{"order_id": "1"}')
        >>> item.data["order_id"]
        '1'
        >>> item.object_type_name, "order_id" in repr(item)
        ('Order', False)
    """

    __wire_shape__: ClassVar[str] = "ListProfileObjectsItem"

    object_type_name: str | None = attrs.field(default=None, metadata={"wire": "ObjectTypeName"})
    profile_object_unique_key: str | None = attrs.field(
        default=None, metadata={"wire": "ProfileObjectUniqueKey"}
    )
    object: str | None = attrs.field(default=None, metadata={"wire": "Object", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class PutProfileObjectResponse:
    """The ``PutProfileObjectResponse`` structure, used by ``PutProfileObject`` (response)."""

    __wire_shape__: ClassVar[str] = "PutProfileObjectResponse"

    profile_object_unique_key: str | None = attrs.field(
        default=None, metadata={"wire": "ProfileObjectUniqueKey"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)
