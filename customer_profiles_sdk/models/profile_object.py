"""Profile objects: the JSON documents (orders, cases, custom records) ingested into a
domain and attached to profiles."""

from __future__ import annotations

import json
from typing import Any, ClassVar

import attrs

from ._base import Extra, model

__all__ = ["ObjectFilter", "ProfileObject"]


@model
class ObjectFilter:
    """Keep only the objects that have one of ``values`` under key ``key_name``
    (``ObjectFilter`` of ``ListProfileObjects``).

    Example:
        >>> ObjectFilter(key_name="_orderId", values=["1", "2"]).values
        ['1', '2']
    """

    __wire_shape__: ClassVar[str] = "ObjectFilter"

    key_name: str
    #: Key values (emails, phones, ids...): may be personal data, masked in ``repr``.
    values: list[str] = attrs.field(metadata={"sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileObject:
    """One object attached to a profile (``ListProfileObjectsItem``).

    ``object`` is the document as the service returns it, a JSON string (masked in
    ``repr``: it is personal data); :attr:`data` decodes it.

    Example:
        >>> item = ProfileObject(object_type_name="Order", profile_object_unique_key="k1",
        ...                      object='{"order_id": "1"}')
        >>> item.data["order_id"]
        '1'
        >>> item
        ProfileObject(object_type_name='Order', profile_object_unique_key='k1', object=<redacted>)
    """

    __wire_shape__: ClassVar[str] = "ListProfileObjectsItem"

    object_type_name: str | None = None
    profile_object_unique_key: str | None = None
    object: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)

    @property
    def data(self) -> Any:
        """The object's JSON document decoded (``None`` when the item has no object).

        Raises:
            ValueError: ``object`` is not valid JSON.
        """
        return None if self.object is None else json.loads(self.object)
