"""The segments state of one domain (part of the saved store: JSON types only).

Timestamps are epoch seconds from the emulator's clock. Asynchronous results are
computed when the creating call runs and only *reported* from ``ready_at`` on (segments
spec 0, "Clock and asynchrony"). [A]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Subscription events kept per subscription, newest ones (segments spec 4.8). [A]
MAX_EVENTS = 10_000
#: Stream records kept per domain for the test hook, newest ones. [A]
MAX_STREAM_RECORDS = 100_000


@dataclass
class DefinitionRec:
    """A segment definition: the CreateSegmentDefinition members as sent."""

    name: str
    #: ``DisplayName``, ``Description``, ``SegmentGroups`` or ``SegmentSqlQuery``,
    #: ``SegmentSort`` exactly as sent (defaults are never written in, spec 1.1).
    definition: dict[str, Any]
    tags: dict[str, str]
    created_at: float
    #: ``CLASSIC`` (SegmentGroups) or ``ENHANCED`` (SegmentSqlQuery).
    segment_type: str
    seq: int


@dataclass
class EstimateRec:
    """One CreateSegmentEstimate: its result, frozen at creation (spec 3.1). [A]"""

    estimate_id: str
    created_at: float
    ready_at: float
    #: The final status: ``SUCCEEDED`` or ``FAILED``.
    outcome: str
    estimate: str | None = None
    message: str | None = None


@dataclass
class SnapshotRec:
    """One CreateSegmentSnapshot (spec 3.4)."""

    snapshot_id: str
    segment: str
    #: ``DataFormat``, ``EncryptionKey``, ``RoleArn``, ``DestinationUri`` as sent.
    request: dict[str, Any]
    created_at: float
    ready_at: float
    #: The final status: ``COMPLETED`` or ``FAILED``.
    outcome: str
    message: str | None = None
    #: For an ENHANCED definition: the members, which later membership calls read.
    members: list[str] | None = None
    #: The ``s3://`` URIs of the objects written.
    objects: list[str] = field(default_factory=list)


@dataclass
class StreamRec:
    """The domain's segment stream association (spec 4.2-4.4)."""

    destination_arn: str
    role_arn: str
    #: ``RUNNING``, ``UNHEALTHY`` or ``STOPPED``.
    state: str
    associated_at: float
    disassociated_at: float | None = None
    failure_reason: str | None = None


@dataclass
class SubscriptionRec:
    """A membership subscription of one definition (spec 4.1, 4.5)."""

    segment: str
    #: ``STARTING`` (reported as ``RUNNING`` from ``ready_at``), ``STOPPED`` or ``FAILED``.
    status: str
    interval: int
    unit: str
    started_at: float
    last_updated_at: float
    next_executed_at: float
    ready_at: float
    seq: int
    message: str | None = None
    last_executed_at: float | None = None
    #: True when the subscription failed because the stream became unhealthy.
    failed_by_stream: bool = False
    #: Known members: profile id -> when its membership last changed.
    members: dict[str, float] = field(default_factory=dict)
    #: Known non-members that once changed (left): profile id -> when. Other profiles
    #: are non-members since the initial snapshot (``started_at``).
    former: dict[str, float] = field(default_factory=dict)
    #: ``{ProfileId, UpdatedAt, EventType, Event}``, oldest first (answered newest first).
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class SegmentState:
    """Everything segment-related of one domain."""

    #: By name, in creation order.
    definitions: dict[str, DefinitionRec] = field(default_factory=dict)
    estimates: dict[str, EstimateRec] = field(default_factory=dict)
    snapshots: dict[str, SnapshotRec] = field(default_factory=dict)
    #: Creation times of the snapshots of the current UTC day (the daily quota).
    snapshot_times: list[float] = field(default_factory=list)
    stream: StreamRec | None = None
    #: By definition name, in creation order.
    subscriptions: dict[str, SubscriptionRec] = field(default_factory=dict)
    #: What was "put" on the stream (spec 4.1 payloads), oldest first.
    stream_records: list[dict[str, Any]] = field(default_factory=list)
    #: Per definition: ``ProfilesJoined``, ``ProfilesLeft``, ``NotificationsFailed``,
    #: ``ScheduledRunsSucceeded`` (spec 4.1, "Metrics").
    metrics: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Injected results of SQL definitions (``set_sql_segment_members``, spec 5.3).
    sql_members: dict[str, list[str]] = field(default_factory=dict)
    #: Profiles changed by the current call, re-evaluated for LIVE events afterwards.
    pending: list[str] = field(default_factory=list)
