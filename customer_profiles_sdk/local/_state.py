"""The emulator's in-memory state.

Plain dataclasses whose fields are JSON types only (str, int, float, bool, None, lists,
string-keyed dicts and other state dataclasses), so the whole store can be written to
and read from a JSON file (:func:`to_json` / :func:`from_json`) for ``local serve
--state``.

Conventions shared by every handler module:

* timestamps are epoch seconds (``float``) from :class:`~._clock.Clock`;
* ``seq`` fields come from :meth:`Store.next_seq` and give a stable creation order;
* definitions that the API echoes back (domain settings, object types, calculated
  attributes, integrations) are stored as the request's wire members, so a response is
  built by copying them;
* the store holds one :class:`RegionStore` per region of the one emulated account.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar, Union

from .segments._records import SegmentState

#: Metadata flag of a derived field that ``to_json`` leaves out.
TRANSIENT = "transient"
#: Provenance of a standard-profile field set by CreateProfile/UpdateProfile/merge.
MANUAL = "manual"


@dataclass(slots=True)
class ProfileRec:
    """One profile: the standard profile object and its stored search keys."""

    profile_id: str
    #: Standard profile members in wire form (``FirstName``, ``Address`` as a dict,
    #: ``Attributes`` as a dict, ...), without ``ProfileId`` and ``FoundByItems``.
    fields: dict[str, Any]
    created_at: float
    updated_at: float
    expires_at: float
    seq: int
    #: Who last wrote each field: :data:`MANUAL` or an object type name. Keys are wire
    #: paths: ``FirstName``, ``Address.City``, ``Attributes.tier``.
    provenance: dict[str, str] = field(default_factory=dict)
    #: Stored search keys (not the default keys derived from fields):
    #: key name -> normalized value -> contributors (:data:`MANUAL` for AddProfileKey,
    #: else the object type names whose objects stored it).
    keys: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: True when ingestion created the profile (an inferred profile).
    inferred: bool = False


@dataclass(slots=True)
class ObjectRec:
    """One ingested profile object of a custom (or template-backed) object type."""

    unique_key: str
    object_type: str
    profile_id: str
    #: The document exactly as ingested (the ``Object`` JSON string).
    body: str
    #: Normalized key values computed from this object at ingestion: key name -> values.
    keys: dict[str, list[str]]
    ingested_at: float
    expires_at: float
    seq: int
    #: The object type's field values extracted at ingestion (its ``Source`` applied):
    #: what calculated attributes read. ``None`` for objects stored without them.
    fields: dict[str, str] | None = None


@dataclass(slots=True)
class StandardRec:
    """One standard-object record (``_asset``, ``_case``, ``_order``, ...)."""

    kind: str
    record_id: str
    profile_id: str
    #: The record's members in wire form, including its system id (``AssetId`` ...).
    fields: dict[str, Any]
    #: Index keys of the record (``_assetId``, ``_serialNumber`` ...) -> normalized values.
    keys: dict[str, list[str]]
    #: Object types whose objects fed this record.
    sources: list[str]
    created_at: float
    updated_at: float
    seq: int


@dataclass
class ObjectTypeRec:
    """A profile object type: the PutProfileObjectType members as sent."""

    name: str
    #: ``Description``, ``TemplateId``, ``ExpirationDays``, ``EncryptionKey``,
    #: ``AllowProfileCreation``, ``SourceLastUpdatedTimestampFormat``,
    #: ``MaxProfileObjectCount``, ``SourcePriority``, ``Fields``, ``Keys`` (resolved from
    #: the template when ``TemplateId`` is given).
    definition: dict[str, Any]
    tags: dict[str, str]
    created_at: float
    updated_at: float
    #: True for a template-backed type materialized by its first PutProfileObject.
    implicit: bool = False


@dataclass
class CalculatedAttributeRec:
    """A calculated attribute definition: the Create members as sent (plus updates)."""

    name: str
    #: ``DisplayName``, ``Description``, ``AttributeDetails``, ``Conditions``,
    #: ``Statistic``, ``Filter``, ``UseHistoricalData``.
    definition: dict[str, Any]
    tags: dict[str, str]
    created_at: float
    updated_at: float
    #: ``[updated_at, bound]`` per Conditions update: objects ingested before
    #: ``updated_at`` whose event time is before ``bound`` (the then range's start) stay
    #: excluded, because widening a range does not pull in older history (D405).
    history_floors: list[list[float]] = field(default_factory=list)


@dataclass
class IntegrationRec:
    """An integration: the PutIntegration members as sent."""

    uri: str
    #: ``ObjectTypeName``, ``ObjectTypeNames``, ``RoleArn``, ``EventTriggerNames``,
    #: ``Scope``, ``FlowDefinition``.
    definition: dict[str, Any]
    tags: dict[str, str]
    created_at: float
    updated_at: float


# ----------------------------------------------------------- domain configuration (issue 11)


@dataclass
class DomainObjectTypeRec:
    """A Data Store object type (PutDomainObjectType): its members as sent."""

    name: str
    #: ``Description``, ``EncryptionKey``, ``Fields`` as sent (absent ones absent).
    definition: dict[str, Any]
    tags: dict[str, str]
    created_at: float
    updated_at: float


@dataclass
class EventStreamRec:
    """An event stream (real-time export to a Kinesis data stream)."""

    name: str
    arn: str
    #: The Kinesis stream ARN the records go to.
    uri: str
    created_at: float
    tags: dict[str, str]
    #: ``RUNNING`` or ``STOPPED``.
    state: str = "RUNNING"
    stopped_since: float | None = None
    #: Destination ``HEALTHY`` or ``UNHEALTHY``, with the time and message of the problem.
    status: str = "HEALTHY"
    unhealthy_since: float | None = None
    message: str | None = None


@dataclass
class EventTriggerRec:
    """An event trigger: the Create/UpdateEventTrigger members as stored."""

    name: str
    #: ``ObjectTypeName``, ``Description``, ``EventTriggerConditions``,
    #: ``SegmentFilter``, ``EventTriggerLimits``.
    definition: dict[str, Any]
    tags: dict[str, str]
    created_at: float
    updated_at: float
    seq: int
    #: Invocation instants per profile id, oldest first (for the per-profile limits);
    #: entries older than the trigger's longest period are dropped.
    invocations: dict[str, list[float]] = field(default_factory=dict)


@dataclass
class LayoutRec:
    """A domain layout (Profile Explorer view definition)."""

    name: str
    #: ``Description``, ``DisplayName``, ``IsDefault``, ``LayoutType``, ``Layout``.
    definition: dict[str, Any]
    tags: dict[str, str]
    version: int
    created_at: float
    updated_at: float


@dataclass
class MatchGroup:
    """One group of profiles that identity resolution thinks are the same customer."""

    match_id: str
    profile_ids: list[str]
    confidence: float


@dataclass
class RuleMatchingRec:
    """Rule-based matching status of a domain (spec identity-history-jobs 2.2).

    The groups themselves are derived (``_rule_matching``): a pure function of the
    profiles and ``active_config``.
    """

    #: The ``RuleBasedMatching`` block in force since the status last became ACTIVE.
    active_config: dict[str, Any] | None = None
    active_since: float | None = None
    #: Bumped each time a configuration becomes active (invalidates the engine cache).
    active_gen: int = 0
    pending_since: float | None = None
    in_progress_since: float | None = None
    #: Bumped on every accepted change, so stale status timers are recognised.
    generation: int = 0


@dataclass
class IdentityJobRec:
    """An ML identity-resolution job (spec identity-history-jobs 2.7), clock driven."""

    job_id: str
    status: str
    start_time: float
    last_updated: float
    seq: int
    #: ``PREPROCESSING`` begins at ``start_time``; each phase lasts ``phase_seconds``.
    phase_seconds: float
    #: ``COMPLETED``, ``FAILED`` or ``PARTIAL_SUCCESS``: how the job ends (test hook).
    outcome: str = "COMPLETED"
    message: str | None = None
    end_time: float | None = None
    auto_merging: dict[str, Any] | None = None
    exporting_location: dict[str, Any] | None = None
    #: ``{"NumberOfProfilesReviewed", "NumberOfMatchesFound", "NumberOfMergesDone"}``.
    stats: dict[str, int] | None = None


@dataclass(slots=True)
class HistoryRec:
    """One profile history record (spec identity-history-jobs 3.1); immutable."""

    record_id: str
    object_type: str
    action: str
    created_at: float
    seq: int
    #: The record's ``Content``: compact JSON text, keys sorted (GetProfileHistoryRecord);
    #: with ``raw``, the object's body as it was ingested, put in that form when read.
    content: str
    performed_by: str
    unique_key: str | None = None
    raw: bool = False


@dataclass
class AttributeState:
    """Attribute values and statistics of a domain (spec identity-history-jobs 4)."""

    #: The value store (4.3): object type -> attribute -> value -> LastUpdatedAt, oldest
    #: first (dict order); ``sizes`` the UTF-8 bytes of each attribute's values.
    values: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    sizes: dict[str, dict[str, int]] = field(default_factory=dict)
    #: ListProfileAttributeValues (4.1): the indexed values of each live profile and how
    #: many live profiles hold each (attribute -> value -> count).
    profile_values: dict[str, dict[str, str]] = field(default_factory=dict)
    live_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    #: The daily statistics snapshot (4.4): object type -> attribute -> statistics
    #: (``None`` when the attribute has no numeric value); ``None`` before a cycle ran.
    snapshot: dict[str, dict[str, dict[str, Any] | None]] | None = None
    calculated_at: float | None = None
    #: The instant of the scheduled cycle (``None``: none scheduled) and whether data
    #: changed since the last snapshot.
    next_cycle: float | None = None
    dirty: bool = True


@dataclass
class DomainRec:
    """A domain and everything in it."""

    name: str
    #: ``DefaultExpirationDays``, ``DefaultEncryptionKey``, ``DeadLetterQueueUrl``,
    #: ``Matching``, ``RuleBasedMatching``, ``DataStore`` as stored.
    config: dict[str, Any]
    tags: dict[str, str]
    created_at: float
    updated_at: float
    profiles: dict[str, ProfileRec] = field(default_factory=dict)
    object_types: dict[str, ObjectTypeRec] = field(default_factory=dict)
    #: Profile objects by ``ProfileObjectUniqueKey``.
    objects: dict[str, ObjectRec] = field(default_factory=dict)
    #: Standard-object records by record id.
    standard: dict[str, StandardRec] = field(default_factory=dict)
    calculated_attributes: dict[str, CalculatedAttributeRec] = field(default_factory=dict)
    integrations: dict[str, IntegrationRec] = field(default_factory=dict)
    matches: list[MatchGroup] = field(default_factory=list)
    match_generation_date: float | None = None
    #: Objects that ingestion could not attach (AllowProfileCreation=false, no match):
    #: ``{"ObjectTypeName", "Object", "Reason", "Timestamp"}``.
    dead_letters: list[dict[str, Any]] = field(default_factory=list)
    #: Segment definitions, estimates, snapshots, subscriptions (segments spec).
    segments: SegmentState = field(default_factory=SegmentState)
    #: Domain configuration (issue 11): Data Store object types, event streams with the
    #: records delivered to each stream (by stream name; kept after the stream is
    #: deleted), event triggers with their invocations, layouts, and the segment
    #: membership a test declared (segment name -> profile id -> True).
    domain_object_types: dict[str, DomainObjectTypeRec] = field(default_factory=dict)
    event_streams: dict[str, EventStreamRec] = field(default_factory=dict)
    stream_records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    event_triggers: dict[str, EventTriggerRec] = field(default_factory=dict)
    trigger_invocations: list[dict[str, Any]] = field(default_factory=list)
    layouts: dict[str, LayoutRec] = field(default_factory=dict)
    segment_members: dict[str, dict[str, bool]] = field(default_factory=dict)
    #: Clock-driven transitions still to apply, a heap ordered by (due, seq) (_timers.py).
    timers: list[TimerRec] = field(default_factory=list)
    upload_jobs: dict[str, UploadJobRec] = field(default_factory=dict)
    workflows: dict[str, WorkflowRec] = field(default_factory=dict)
    recommenders: dict[str, RecommenderRec] = field(default_factory=dict)
    recommender_filters: dict[str, RecommenderFilterRec] = field(default_factory=dict)
    recommender_schemas: dict[str, RecommenderSchemaRec] = field(default_factory=dict)
    #: Recommendation stub inputs (test hooks ``set_catalog`` / ``set_recommendations``):
    #: the catalog's ``CatalogItem`` dicts by ``Id``, and injected results by recommender
    #: name, then profile id, as ``Recommendation`` dicts.
    recommendation_catalog: dict[str, dict[str, Any]] = field(default_factory=dict)
    injected_recommendations: dict[str, dict[str, list[dict[str, Any]]]] = field(
        default_factory=dict
    )
    #: Eventual-consistency mode (_consistency.py): PutProfileObject requests accepted
    #: but not ingested yet, by the key of the timer that ingests them.
    deferred_ingestions: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The derived indexes (:class:`._index.DomainIndex`), built on first use; never
    #: saved (``to_json`` skips it) nor compared.
    index: Any = field(default=None, compare=False, repr=False, metadata={TRANSIENT: True})
    #: Rule-based matching status and active configuration (_rule_matching.py).
    rule_matching: RuleMatchingRec = field(default_factory=RuleMatchingRec)
    #: ML identity-resolution jobs by JobId (_identity_jobs.py).
    identity_jobs: dict[str, IdentityJobRec] = field(default_factory=dict)
    #: Profile history (_history.py): profile id -> record id -> record, in insertion
    #: order; kept after the profile is deleted, expired or merged away (spec 3.5).
    history: dict[str, dict[str, HistoryRec]] = field(default_factory=dict)
    #: Attribute values and statistics (_attributes.py).
    attributes: AttributeState = field(default_factory=AttributeState)


@dataclass(order=True)
class TimerRec:
    """A transition due at ``due`` (epoch seconds); ``seq`` orders equal instants.

    ``kind`` names the handler (see :mod:`._timers`), ``key`` the record it applies to
    and ``token`` what that record must still show for the transition to apply (a
    stale timer, e.g. of a stopped job, is dropped).
    """

    due: float
    seq: int
    kind: str
    key: str
    token: str = ""


@dataclass
class UploadJobRec:
    """A CSV upload job (CreateUploadJob) and its uploaded file."""

    job_id: str
    display_name: str
    #: ``Fields`` as sent (field name -> ``{Source, Target, ContentType}``).
    fields: dict[str, Any]
    unique_key: str
    data_expiry: int | None
    status: str
    created_at: float
    seq: int
    status_reason: str | None = None
    completed_at: float | None = None
    #: ``{"CreatedRecords", "UpdatedRecords", "FailedRecords"}`` once finished.
    results: dict[str, int] | None = None
    #: The pre-signed path: ``{"Url", "ClientToken", "ValidUntil", "Signature"}``.
    upload_path: dict[str, Any] | None = None
    #: The uploaded CSV, base64 (JSON state holds text only).
    file_b64: str | None = None


@dataclass
class WorkflowStepRec:
    """One step (one batch window, one AppFlow flow) of an integration workflow."""

    flow_name: str
    status: str
    batch_start: float
    batch_end: float
    created_at: float
    updated_at: float
    records_processed: int = 0
    retries: int = 0
    message: str | None = None


@dataclass
class WorkflowRec:
    """An integration workflow (CreateIntegrationWorkflow)."""

    workflow_id: str
    workflow_type: str
    object_type_name: str
    role_arn: str
    #: ``IntegrationConfig.AppflowIntegration.FlowDefinition`` as sent.
    flow_definition: dict[str, Any]
    tags: dict[str, str]
    status: str
    created_at: float
    updated_at: float
    seq: int
    steps: list[WorkflowStepRec] = field(default_factory=list)
    start_date: float | None = None
    error_description: str | None = None
    #: When DeleteWorkflow was called (the workflow disappears a delay later).
    deleted_at: float | None = None


@dataclass
class RecommenderSchemaRec:
    """A recommender schema (CreateRecommenderSchema)."""

    name: str
    fields: dict[str, Any]
    tags: dict[str, str]
    created_at: float


@dataclass
class RecommenderFilterRec:
    """A recommender filter (CreateRecommenderFilter)."""

    name: str
    expression: str
    tags: dict[str, str]
    created_at: float
    seq: int
    status: str
    schema_name: str | None = None
    description: str | None = None
    failure_reason: str | None = None


@dataclass
class RecommenderRec:
    """A recommender (CreateRecommender), its versions and training metrics."""

    name: str
    recipe: str
    tags: dict[str, str]
    status: str
    created_at: float
    updated_at: float
    seq: int
    schema_name: str | None = None
    config: dict[str, Any] | None = None
    description: str | None = None
    failure_reason: str | None = None
    #: Version names, oldest first; ``active_version`` serves recommendations.
    versions: list[str] = field(default_factory=list)
    active_version: str | None = None
    #: ``TrainingMetrics`` entries ``{Time, Metrics, RecommenderVersionName}``, oldest first.
    training_metrics: list[dict[str, Any]] = field(default_factory=list)
    #: ``LatestRecommenderUpdate`` as answered (a retraining and its outcome).
    latest_update: dict[str, Any] | None = None
    #: Bumped on every state change, so that stale timers can be recognised.
    generation: int = 0


@dataclass
class RegionStore:
    """Everything the emulated account holds in one region."""

    domains: dict[str, DomainRec] = field(default_factory=dict)


@dataclass
class Store:
    """The whole emulated account."""

    account_id: str = "123456789012"
    regions: dict[str, RegionStore] = field(default_factory=dict)
    seq: int = 0
    #: The emulated object store segment snapshots write to: ``s3://`` URI -> content.
    exports: dict[str, str] = field(default_factory=dict)

    def next_seq(self) -> int:
        """A number larger than every one handed out before (creation order)."""
        self.seq += 1
        return self.seq

    def region(self, name: str) -> RegionStore:
        """The store of region ``name`` (created empty on first use)."""
        return self.regions.setdefault(name, RegionStore())


# --------------------------------------------------------------------------- JSON

T = TypeVar("T")

#: The format of the state files :func:`dump_store` writes (key ``"format"``). A file
#: without the key is format 1 (written before the key existed). Raise it when a change
#: of the records would make an older emulator read a newer file wrongly.
STATE_FORMAT = 1


def dump_store(store: Store) -> dict[str, Any]:
    """The JSON document of a state file: the store and the format it is written in."""
    return {"format": STATE_FORMAT, **to_json(store)}


def load_store(data: Any) -> Store:
    """Rebuild the store of a state file :func:`dump_store` wrote.

    Raises:
        ValueError: not a state file, one written in a newer format than this emulator
            reads, or one whose records do not have the shape of this format's.
    """
    if not isinstance(data, dict):
        raise ValueError("not a state file written by the emulator")
    # The format first: a newer format may have other top-level keys.
    version = data.get("format", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError(f"the state file's format is not a version number: {version!r}")
    if version > STATE_FORMAT:
        raise ValueError(
            f"the state file is in format {version}, written by a newer emulator; "
            f"this one reads format {STATE_FORMAT} (upgrade customer-profiles-sdk)"
        )
    if not {"account_id", "regions"} <= data.keys():
        raise ValueError("not a state file written by the emulator")
    try:
        return from_json(Store, data)
    except (AttributeError, KeyError, TypeError, RecursionError) as exc:
        raise ValueError(
            f"the state file's records do not have the shape of format {version}: "
            f"{type(exc).__name__}: {exc}"
        ) from exc


def to_json(obj: Any) -> Any:
    """Turn a state object into JSON-compatible data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_json(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if not f.metadata.get(TRANSIENT)
        }
    if isinstance(obj, dict):
        return {str(k): to_json(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [to_json(v) for v in obj]
    return obj


def from_json(cls: type[T], data: Any) -> T:
    """Rebuild a state object of type ``cls`` from :func:`to_json` output."""
    return typing.cast(T, _build(cls, data))


def _build(tp: Any, data: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return None if data is None else _build(args[0], data)
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_build(item, v) for v in data]
    if origin is dict:
        _, value = typing.get_args(tp)
        return {k: _build(value, v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: _build(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    return data
