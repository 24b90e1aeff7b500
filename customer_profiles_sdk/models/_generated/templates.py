"""Models of the templates operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import attrs

from .._base import Extra, model
from .object_types import ObjectTypeField, ObjectTypeKey

__all__ = ["ListProfileObjectTypeTemplatesResponse", "ObjectTypeTemplate", "TemplateSummary"]


@model
class ListProfileObjectTypeTemplatesResponse:
    """The ``ListProfileObjectTypeTemplatesResponse`` structure, used by
    ``ListProfileObjectTypeTemplates`` (response).
    """

    __wire_shape__: ClassVar[str] = "ListProfileObjectTypeTemplatesResponse"

    items: list[TemplateSummary] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectTypeTemplate:
    """A predefined object type that AWS provides (``GetProfileObjectTypeTemplate``).

    Use it by naming it: ``ObjectType(..., template_id=template.template_id)``, or put
    objects whose object type name is the template id.
    """

    __wire_shape__: ClassVar[str] = "GetProfileObjectTypeTemplateResponse"

    template_id: str | None = attrs.field(default=None, metadata={"wire": "TemplateId"})
    source_name: str | None = attrs.field(default=None, metadata={"wire": "SourceName"})
    source_object: str | None = attrs.field(default=None, metadata={"wire": "SourceObject"})
    default_max_profile_object_count: int | None = attrs.field(
        default=None, metadata={"wire": "DefaultMaxProfileObjectCount"}
    )
    default_max_profile_object_count_effective_after: datetime | None = attrs.field(
        default=None, metadata={"wire": "DefaultMaxProfileObjectCountEffectiveAfter"}
    )
    store_only: bool | None = attrs.field(default=None, metadata={"wire": "StoreOnly"})
    allow_profile_creation: bool | None = attrs.field(
        default=None, metadata={"wire": "AllowProfileCreation"}
    )
    source_last_updated_timestamp_format: str | None = attrs.field(
        default=None, metadata={"wire": "SourceLastUpdatedTimestampFormat"}
    )
    fields: dict[str, ObjectTypeField] = attrs.field(
        factory=dict, metadata={"wire": "Fields", "sensitive": True}
    )
    keys: dict[str, list[ObjectTypeKey]] = attrs.field(
        factory=dict, metadata={"wire": "Keys", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class TemplateSummary:
    """One template in ``ListProfileObjectTypeTemplates``
    (``ListProfileObjectTypeTemplateItem``).
    """

    __wire_shape__: ClassVar[str] = "ListProfileObjectTypeTemplateItem"

    template_id: str | None = attrs.field(default=None, metadata={"wire": "TemplateId"})
    source_name: str | None = attrs.field(default=None, metadata={"wire": "SourceName"})
    source_object: str | None = attrs.field(default=None, metadata={"wire": "SourceObject"})
    extra: Extra = attrs.field(factory=dict, repr=False)
