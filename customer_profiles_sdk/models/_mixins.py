"""Hand-written methods of generated models.

A generated model inherits one of these mixins when ``tools/codegen/overrides.py`` names
it (``mixin=...``). Mixins hold no state (``__slots__ = ()``) and do no I/O.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["CalculatedAttributeValueMixin", "ProfileObjectMixin"]


class ProfileObjectMixin:
    """``ProfileObject.data``: the object's JSON document, decoded."""

    __slots__ = ()
    object: str | None

    @property
    def data(self) -> Any:
        """The object's JSON document decoded (``None`` when the item has no object).

        Raises:
            ValueError: ``object`` is not valid JSON.
        """
        return None if self.object is None else json.loads(self.object)


class CalculatedAttributeValueMixin:
    """``CalculatedAttributeValue.partial``: the service's string flag as a ``bool``."""

    __slots__ = ()
    is_data_partial: str | None

    @property
    def partial(self) -> bool:
        """Whether the value is based on partial data (``is_data_partial == "true"``)."""
        return (self.is_data_partial or "").lower() == "true"
