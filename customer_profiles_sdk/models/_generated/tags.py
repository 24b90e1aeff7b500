"""Models of the tags operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from .._base import Extra, model

__all__ = ["ListTagsForResourceResponse", "TagResourceResponse", "UntagResourceResponse"]


@model
class ListTagsForResourceResponse:
    """The ``ListTagsForResourceResponse`` structure, used by ``ListTagsForResource``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListTagsForResourceResponse"

    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class TagResourceResponse:
    """The ``TagResourceResponse`` structure, used by ``TagResource`` (response)."""

    __wire_shape__: ClassVar[str] = "TagResourceResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class UntagResourceResponse:
    """The ``UntagResourceResponse`` structure, used by ``UntagResource`` (response)."""

    __wire_shape__: ClassVar[str] = "UntagResourceResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)
