"""Models of the history operations.

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
    "ActionType",
    "GetProfileHistoryRecordResponse",
    "ListProfileHistoryRecordsResponse",
    "ProfileHistoryRecord",
]


class ActionType(str, Enum):
    """``ActionType``, an open enum: a value this SDK does not know stays a ``str``."""

    ADDED_PROFILE_KEY = "ADDED_PROFILE_KEY"
    DELETED_PROFILE_KEY = "DELETED_PROFILE_KEY"
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    INGESTED = "INGESTED"
    DELETED_BY_CUSTOMER = "DELETED_BY_CUSTOMER"
    EXPIRED = "EXPIRED"
    MERGED = "MERGED"
    DELETED_BY_MERGE = "DELETED_BY_MERGE"


@model
class GetProfileHistoryRecordResponse:
    """The ``GetProfileHistoryRecordResponse`` structure, used by ``GetProfileHistoryRecord``
    (response).
    """

    __wire_shape__: ClassVar[str] = "GetProfileHistoryRecordResponse"

    id: str = attrs.field(metadata={"wire": "Id"})
    object_type_name: str = attrs.field(metadata={"wire": "ObjectTypeName"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    action_type: ActionType | str = attrs.field(metadata={"wire": "ActionType"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    profile_object_unique_key: str | None = attrs.field(
        default=None, metadata={"wire": "ProfileObjectUniqueKey"}
    )
    content: str | None = attrs.field(default=None, metadata={"wire": "Content", "sensitive": True})
    performed_by: str | None = attrs.field(default=None, metadata={"wire": "PerformedBy"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListProfileHistoryRecordsResponse:
    """The ``ListProfileHistoryRecordsResponse`` structure, used by
    ``ListProfileHistoryRecords`` (response).
    """

    __wire_shape__: ClassVar[str] = "ListProfileHistoryRecordsResponse"

    profile_history_records: list[ProfileHistoryRecord] | None = attrs.field(
        default=None, metadata={"wire": "ProfileHistoryRecords"}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileHistoryRecord:
    """The ``ProfileHistoryRecord`` structure, used by ``ListProfileHistoryRecords``."""

    __wire_shape__: ClassVar[str] = "ProfileHistoryRecord"

    id: str = attrs.field(metadata={"wire": "Id"})
    object_type_name: str = attrs.field(metadata={"wire": "ObjectTypeName"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    action_type: ActionType | str = attrs.field(metadata={"wire": "ActionType"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    profile_object_unique_key: str | None = attrs.field(
        default=None, metadata={"wire": "ProfileObjectUniqueKey"}
    )
    performed_by: str | None = attrs.field(default=None, metadata={"wire": "PerformedBy"})
    extra: Extra = attrs.field(factory=dict, repr=False)
