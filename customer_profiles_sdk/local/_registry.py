"""How operation handlers are written and found.

A handler is a function ``(ctx, request) -> response``:

* ``request`` is the operation's input as a dict of wire member names (``DomainName``,
  ``Values``, ...), already parsed from the HTTP request (path labels, query string and
  JSON body merged, typed per the model) and already checked against every constraint
  of the model (required, lengths, ranges, patterns, enums). ``NextToken`` and
  ``MaxResults`` are removed for paged operations.
* the return value is the operation's output as a dict of wire member names, with
  timestamps as epoch seconds (``float``). For a paged operation return the **whole**
  ordered result list under its result key (``Items``/``Matches``); the wire layer
  slices pages and issues the opaque ``NextToken``.
* errors are raised as :class:`~._errors.ServiceFault` (see :func:`~._errors.bad_request`,
  :func:`~._errors.not_found`).

Handlers register with :func:`operation`; :data:`HANDLER_MODULES` lists the modules
imported by :func:`handlers` so that every handler is registered.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from . import _index
from ._changes import Change, expired_object, expired_profile, publish
from ._clock import Clock
from ._errors import not_found
from ._state import DomainRec, ProfileRec, RegionStore, Store
from ._timers import run_due

if TYPE_CHECKING:
    from ._faults import Faults

Request = dict[str, Any]
Response = dict[str, Any]
Handler = Callable[["Context", Request], Response]

_HANDLERS: dict[str, Handler] = {}

#: Modules that define handlers (imported once by :func:`handlers`).
HANDLER_MODULES: tuple[str, ...] = (
    "_domains",
    "_profiles",
    "_integrations",
    "_object_types",
    "_ingest",
    "_batch_put",
    "_calculated",
    "_tags",
    "_domain_object_types",
    "_event_streams",
    "_event_triggers",
    "_layouts",
    "_detection",
    "_upload_jobs",
    "_workflows",
    "_recommenders",
    "_history",
    "_attributes",
    "segments._definitions",
    "segments._jobs",
    "segments._subscriptions",
)

#: Default expiration when neither object type nor domain says otherwise (D12).
DEFAULT_EXPIRATION_DAYS = 365
DAY = 86400.0


def operation(name: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of operation ``name``."""

    def register(fn: Handler) -> Handler:
        if name in _HANDLERS:
            raise RuntimeError(f"two handlers for {name}")
        _HANDLERS[name] = fn
        return fn

    return register


def handlers() -> dict[str, Handler]:
    """All registered handlers by operation name."""
    for module in HANDLER_MODULES:
        importlib.import_module(f"{__package__}.{module}")
    return _HANDLERS


@attrs.define
class Settings:
    """Behaviour switches of one emulator instance.

    Attributes:
        strict_ingestion: raise ``BadRequestException`` for an object that finds no
            profile and may not create one, instead of the service's asynchronous
            behaviour (accept, then drop it into the dead-letter list). [A]
        layouts_admin_website_only: answer ``AccessDeniedException`` to the five
            domain-layout operations, which the service says "can only be invoked from
            the Amazon Connect admin website". [A] (off by default)
        absent_kinesis_streams: Kinesis stream ARNs declared absent with
            ``LocalBackend.set_kinesis_stream`` (CreateEventStream refuses them). [A]
        upload_url_seconds: how long a pre-signed upload URL is valid. [A]
        upload_processing_seconds: how long an upload job stays IN_PROGRESS. [A]
        upload_endpoint: the ``http://host:port`` of the running ``local serve``
            server, which hosts the upload URLs; ``None`` in-process (the URLs then
            name an unreachable host and the bytes come through ``put_upload``). [A]
        workflow_start_seconds: NOT_STARTED to IN_PROGRESS of a workflow. [A]
        workflow_step_seconds: how long each workflow step (batch) runs. [A]
        workflow_delete_seconds: how long a deleted workflow stays visible. [A]
        filter_activation_seconds: PENDING to ACTIVE/FAILED of a recommender filter. [A]
        recommender_training_seconds: how long one training of a recommender takes. [A]
        recommender_transition_seconds: PENDING, STOPPING and STARTING durations. [A]
        recommender_delete_seconds: how long a DELETING recommender stays visible. [A]
        sql_segments: ``"refuse"`` or ``"sqlite"``: how SQL segments are evaluated
            (segments spec 5.3). [A]
        job_latency: seconds before segment jobs (``"estimate"``, ``"snapshot"``,
            ``"subscription"``) report their final state. [A]
        objects_per_profile: the per-profile object total that triggers eviction
            (``None``: the quota of 1,000; the quota is adjustable, D101). [A]
        templates: templates registered with ``LocalBackend.register_template``, by
            TemplateId (GetProfileObjectTypeTemplate members).
        consistency: ``"synchronous"`` (default) or ``"eventual"``: ingestion and
            identity-resolution effects become visible ``visibility_delay`` seconds
            (emulated clock) after the call. [A] (see ``_consistency``)
        visibility_delay: the delay of the eventual mode, in seconds.
    """

    strict_ingestion: bool = False
    layouts_admin_website_only: bool = False
    absent_kinesis_streams: set[str] = attrs.field(factory=set)
    upload_url_seconds: float = 3600.0
    upload_processing_seconds: float = 60.0
    upload_endpoint: str | None = None
    workflow_start_seconds: float = 60.0
    workflow_step_seconds: float = 300.0
    workflow_delete_seconds: float = 60.0
    filter_activation_seconds: float = 60.0
    recommender_training_seconds: float = 3600.0
    recommender_transition_seconds: float = 60.0
    recommender_delete_seconds: float = 60.0
    sql_segments: str = "refuse"
    job_latency: dict[str, float] = attrs.field(factory=dict)
    objects_per_profile: int | None = None
    templates: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    consistency: str = "synchronous"
    visibility_delay: float = 5.0
    #: Identity-resolution settings (spec identity-history-jobs 8), see _rule_matching.
    matching: Any = attrs.field(factory=lambda: _matching_settings())
    #: Profile history (spec identity-history-jobs 3.5, 1.5): record history at all, and
    #: the ``PerformedBy`` of API calls (``None``: the account's local user ARN). [A]
    history_enabled: bool = True
    caller_arn: str | None = None


def _matching_settings() -> Any:
    from ._rule_matching import MatchingSettings  # late: it imports this module

    return MatchingSettings()


@attrs.define
class Context:
    """What a handler may use: the account store, the clock and the caller's region.

    ``operation`` is the API operation being answered (``None`` in test hooks) and
    ``latency`` the delay injected into this call (seconds), as the change feed's
    consumers see them (:mod:`._changes`). ``ticking`` is true for the context of a
    clock-driven transition (:mod:`._timers`), which must not apply transitions again;
    ``transitions`` counts the transitions this request applied (a read that applied
    some has changed the state). ``faults`` is the backend's fault injector, for the
    per-item faults of batch operations (``None`` in test hooks).
    """

    store: Store
    clock: Clock
    region: str
    settings: Settings = attrs.field(factory=Settings)
    operation: str | None = None
    latency: float = 0.0
    ticking: bool = False
    transitions: int = 0
    faults: Faults | None = None

    @property
    def account_id(self) -> str:
        """The emulated account id (default ``123456789012``)."""
        return self.store.account_id

    @property
    def regional(self) -> RegionStore:
        """The caller's region of the store."""
        return self.store.region(self.region)

    def now(self) -> float:
        """Current emulated time in epoch seconds."""
        return self.clock.now()

    def seq(self) -> int:
        """A creation-order number (see :meth:`Store.next_seq`)."""
        return self.store.next_seq()

    @staticmethod
    def new_id() -> str:
        """A fresh 32-hex id (profile ids, match ids, standard-object ids). [A]"""
        return os.urandom(16).hex()  # secrets.token_hex(16), without its two layers

    def arn(self, domain: str, *suffix: str) -> str:
        """The ARN of a domain or of a resource in it (``"object-types", name`` ...)."""
        tail = "".join(f"/{part}" for part in suffix)
        return f"arn:aws:profile:{self.region}:{self.account_id}:domains/{domain}{tail}"

    def domain(self, name: str) -> DomainRec:
        """The domain ``name``, its due transitions applied (:func:`._timers.run_due`) and
        its expired data purged; ``ResourceNotFound`` if absent."""
        rec = self.regional.domains.get(name)
        if rec is None:
            raise not_found(f"Domain {name} does not exist")
        if not self.ticking:
            run_due(self, rec)
        for change in purge_expired(rec, self.now()):
            publish(self, change)
        return rec

    def profile(self, domain: DomainRec, profile_id: str) -> ProfileRec:
        """A profile of ``domain``; ``ResourceNotFound`` if absent."""
        rec = domain.profiles.get(profile_id)
        if rec is None:
            raise not_found(f"Profile {profile_id} does not exist in domain {domain.name}")
        return rec

    def expires_at(self, domain: DomainRec, object_type_days: int | None = None) -> float:
        """Expiry instant for data written now: object type, else domain, else 365 days."""
        days = object_type_days or domain.config.get("DefaultExpirationDays")
        return self.now() + (days or DEFAULT_EXPIRATION_DAYS) * DAY


def delete_profile_data(domain: DomainRec, profile_id: str) -> None:
    """Remove a profile with its objects, standard-object records and match entries."""
    domain.profiles.pop(profile_id, None)
    for obj in _index.profile_objects(domain, profile_id):
        _index.remove_object(domain, obj.unique_key)
    for record in _index.profile_records(domain, profile_id):
        del domain.standard[record.record_id]
    _index.forget_profile_records(domain, profile_id)
    _index.unindex_profile(domain, profile_id)
    _index.leave_matches(domain, profile_id)


def purge_expired(domain: DomainRec, now: float) -> list[Change]:
    """Drop profiles and objects whose expiration has passed (lazy expiry, spec 2.4).

    Only what is due is touched: the expirations wait on a heap keyed by the emulated
    clock (:func:`._index.due_expiries`).

    Returns:
        One change per expired profile and object, for :func:`._changes.publish`.
    """
    changes: list[Change] = []
    index = _index.index_of(domain)
    if not index.heap or index.heap[0][0] > now:
        return changes
    profiles, objects = _index.due_expiries(domain, now)
    for profile in profiles:
        changes.append(expired_profile(domain, profile))
        delete_profile_data(domain, profile.profile_id)
    for obj in objects:
        if domain.objects.get(obj.unique_key) is obj:
            changes.append(expired_object(domain, obj))
            _index.remove_object(domain, obj.unique_key)
    return changes
