"""Object types (ingestion mappings) and the templates AWS provides for them.

The models are generated (``customer_profiles_sdk.models._generated``); this module keeps
the names it has always offered. Import from ``customer_profiles_sdk`` or
``customer_profiles_sdk.models`` in new code.
"""

from __future__ import annotations

from . import (
    FieldContentType,
    ObjectType,
    ObjectTypeField,
    ObjectTypeKey,
    ObjectTypeSummary,
    ObjectTypeTemplate,
    StandardIdentifier,
    TemplateSummary,
)

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
