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
from .._mixins import UploadJobMixin
from .object_types import ObjectTypeField

__all__ = [
    "CreateUploadJobResponse",
    "ListUploadJobsResponse",
    "ResultsSummary",
    "StartUploadJobResponse",
    "StopUploadJobResponse",
    "UploadJob",
    "UploadJobPath",
    "UploadJobStatus",
    "UploadJobStatusReason",
    "UploadJobSummary",
]


class UploadJobStatus(str, Enum):
    """``UploadJobStatus``, an open enum: a value this SDK does not know stays a ``str``."""

    CREATED = "CREATED"
    IN_PROGRESS = "IN_PROGRESS"
    PARTIALLY_SUCCEEDED = "PARTIALLY_SUCCEEDED"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    STOPPED = "STOPPED"


class UploadJobStatusReason(str, Enum):
    """Why an upload job ``FAILED`` (``StatusReason``, open enum): ``VALIDATION_FAILURE``
    (the file or its rows could not be ingested) or ``INTERNAL_FAILURE`` (the service).
    """

    VALIDATION_FAILURE = "VALIDATION_FAILURE"
    INTERNAL_FAILURE = "INTERNAL_FAILURE"


@model
class CreateUploadJobResponse:
    """The ``CreateUploadJobResponse`` structure, used by ``CreateUploadJob`` (response)."""

    __wire_shape__: ClassVar[str] = "CreateUploadJobResponse"

    job_id: str = attrs.field(metadata={"wire": "JobId"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListUploadJobsResponse:
    """The ``ListUploadJobsResponse`` structure, used by ``ListUploadJobs`` (response)."""

    __wire_shape__: ClassVar[str] = "ListUploadJobsResponse"

    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    items: list[UploadJobSummary] | None = attrs.field(default=None, metadata={"wire": "Items"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ResultsSummary:
    """What an upload job did with the rows of its file (``ResultsSummary``): profiles
    created, profiles updated, rows that failed.
    """

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
class UploadJob(UploadJobMixin):
    """An upload job: the import of a CSV file of profiles (``GetUploadJob``).

    ``status`` goes ``CREATED`` -> ``IN_PROGRESS`` -> ``SUCCEEDED``,
    ``PARTIALLY_SUCCEEDED`` or ``FAILED`` (with ``status_reason``), or ``STOPPED``;
    ``results_summary`` counts the rows created, updated and failed once it has
    finished. ``fields`` is the column mapping (personal data: masked in ``repr``).

    Example:
        >>> job = UploadJob(job_id="a" * 32, status=UploadJobStatus.SUCCEEDED,
        ...                 results_summary=ResultsSummary(created_records=2))
        >>> job.done, job.results_summary.created_records
        (True, 2)
    """

    __wire_shape__: ClassVar[str] = "GetUploadJobResponse"

    job_id: str | None = attrs.field(default=None, metadata={"wire": "JobId"})
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    status: UploadJobStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    status_reason: UploadJobStatusReason | str | None = attrs.field(
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
class UploadJobPath:
    """Where to PUT an upload job's file (``GetUploadJobPath``): a pre-signed URL, valid
    until ``valid_until``, and the ``client_token``, the encryption key the PUT must
    send in its SSE-C headers. Both are secrets (masked in ``repr``):
    ``domain.upload_jobs.upload(job_id, file)`` uses them for you.

    Example:
        >>> path = UploadJobPath(url="https://bucket.example/key?X-Amz-Signature=s",
        ...                      client_token="a2V5")
        >>> "Signature" in repr(path), "a2V5" in repr(path)
        (False, False)
    """

    __wire_shape__: ClassVar[str] = "GetUploadJobPathResponse"

    url: str = attrs.field(metadata={"wire": "Url", "sensitive": True})
    client_token: str | None = attrs.field(
        default=None, metadata={"wire": "ClientToken", "sensitive": True}
    )
    valid_until: datetime | None = attrs.field(default=None, metadata={"wire": "ValidUntil"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class UploadJobSummary(UploadJobMixin):
    """One upload job in ``ListUploadJobs`` (``UploadJobItem``): no mapping and no
    results; read them with ``domain.upload_jobs.get(job_id)``.
    """

    __wire_shape__: ClassVar[str] = "UploadJobItem"

    job_id: str | None = attrs.field(default=None, metadata={"wire": "JobId"})
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    status: UploadJobStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    status_reason: UploadJobStatusReason | str | None = attrs.field(
        default=None, metadata={"wire": "StatusReason"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    completed_at: datetime | None = attrs.field(default=None, metadata={"wire": "CompletedAt"})
    data_expiry: int | None = attrs.field(default=None, metadata={"wire": "DataExpiry"})
    extra: Extra = attrs.field(factory=dict, repr=False)
