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

#: Provenance of a standard-profile field set by CreateProfile/UpdateProfile/merge.
MANUAL = "manual"


@dataclass
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


@dataclass
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


@dataclass
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


@dataclass
class MatchGroup:
    """One group of profiles that identity resolution thinks are the same customer."""

    match_id: str
    profile_ids: list[str]
    confidence: float


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


def to_json(obj: Any) -> Any:
    """Turn a state object into JSON-compatible data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_json(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
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
