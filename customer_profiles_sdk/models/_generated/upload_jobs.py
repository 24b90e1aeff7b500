"""Models of the upload jobs operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model
from .object_types import ObjectTypeField

__all__ = [
    "CreateUploadJobResponse",
    "GetUploadJobPathResponse",
    "GetUploadJobResponse",
    "ListUploadJobsResponse",
    "ResultsSummary",
    "StartUploadJobResponse",
    "StatusReason",
    "StopUploadJobResponse",
    "UploadJobItem",
    "UploadJobStatus",
]


class StatusReason(str, Enum):
    """``StatusReason``, an open enum: a value this SDK does not know stays a ``str``."""

    VALIDATION_FAILURE = "VALIDATION_FAILURE"
    INTERNAL_FAILURE = "INTERNAL_FAILURE"


class UploadJobStatus(str, Enum):
    """``UploadJobStatus``, an open enum: a value this SDK does not know stays a ``str``."""

    CREATED = "CREATED"
    IN_PROGRESS = "IN_PROGRESS"
    PARTIALLY_SUCCEEDED = "PARTIALLY_SUCCEEDED"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    STOPPED = "STOPPED"


@model
class CreateUploadJobResponse:
    """The ``CreateUploadJobResponse`` structure, used by ``CreateUploadJob`` (response)."""

    __wire_shape__: ClassVar[str] = "CreateUploadJobResponse"

    job_id: str = attrs.field(metadata={"wire": "JobId"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetUploadJobPathResponse:
    """The ``GetUploadJobPathResponse`` structure, used by ``GetUploadJobPath`` (response)."""

    __wire_shape__: ClassVar[str] = "GetUploadJobPathResponse"

    url: str = attrs.field(metadata={"wire": "Url"})
    client_token: str | None = attrs.field(default=None, metadata={"wire": "ClientToken"})
    valid_until: datetime | None = attrs.field(default=None, metadata={"wire": "ValidUntil"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetUploadJobResponse:
    """The ``GetUploadJobResponse`` structure, used by ``GetUploadJob`` (response)."""

    __wire_shape__: ClassVar[str] = "GetUploadJobResponse"

    job_id: str | None = attrs.field(default=None, metadata={"wire": "JobId"})
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    status: UploadJobStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    status_reason: StatusReason | str | None = attrs.field(
        default=None, metadata={"wire": "StatusReason"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    completed_at: datetime | None = attrs.field(default=None, metadata={"wire": "CompletedAt"})
    fields: dict[str, ObjectTypeField] | None = attrs.field(
        default=None, metadata={"wire": "Fields", "sensitive": True}
    )
    unique_key: str | None = attrs.field(default=None, metadata={"wire": "UniqueKey"})
    results_summary: ResultsSummary | None = attrs.field(
        default=None, metadata={"wire": "ResultsSummary"}
    )
    data_expiry: int | None = attrs.field(default=None, metadata={"wire": "DataExpiry"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListUploadJobsResponse:
    """The ``ListUploadJobsResponse`` structure, used by ``ListUploadJobs`` (response)."""

    __wire_shape__: ClassVar[str] = "ListUploadJobsResponse"

    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    items: list[UploadJobItem] | None = attrs.field(default=None, metadata={"wire": "Items"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ResultsSummary:
    """The ``ResultsSummary`` structure, used by ``GetUploadJob``."""

    __wire_shape__: ClassVar[str] = "ResultsSummary"

    updated_records: int | None = attrs.field(default=None, metadata={"wire": "UpdatedRecords"})
    created_records: int | None = attrs.field(default=None, metadata={"wire": "CreatedRecords"})
    failed_records: int | None = attrs.field(default=None, metadata={"wire": "FailedRecords"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class StartUploadJobResponse:
    """The ``StartUploadJobResponse`` structure, used by ``StartUploadJob`` (response)."""

    __wire_shape__: ClassVar[str] = "StartUploadJobResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class StopUploadJobResponse:
    """The ``StopUploadJobResponse`` structure, used by ``StopUploadJob`` (response)."""

    __wire_shape__: ClassVar[str] = "StopUploadJobResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class UploadJobItem:
    """The ``UploadJobItem`` structure, used by ``ListUploadJobs``."""

    __wire_shape__: ClassVar[str] = "UploadJobItem"

    job_id: str | None = attrs.field(default=None, metadata={"wire": "JobId"})
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    status: UploadJobStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    status_reason: StatusReason | str | None = attrs.field(
        default=None, metadata={"wire": "StatusReason"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    completed_at: datetime | None = attrs.field(default=None, metadata={"wire": "CompletedAt"})
    data_expiry: int | None = attrs.field(default=None, metadata={"wire": "DataExpiry"})
    extra: Extra = attrs.field(factory=dict, repr=False)
