"""The emulator's change feed: one notification per change of a profile or its objects.

Every write path of the emulator that changes a profile, its keys or its objects calls
:func:`notify` (or :func:`publish`) **once per change**, after the change is complete
and before the API call returns. Features that react to changes subscribe to the feed
instead of being called from each write path:

* event streams (``_event_streams``): the Kinesis-style records of real-time export;
* event triggers (``_event_triggers``): trigger evaluation on ingestion;
* later: profile history records, segment-membership (subscription) events.

Writing a consumer::

    from ._changes import Change, ChangeKind, subscribe

    @subscribe("profile-history")
    def _record_history(ctx: Context, change: Change) -> None:
        if change.kind is ChangeKind.PROFILE_CREATED:
            ...

A consumer is a function ``(ctx, change) -> None``. It is registered once, when its
module is imported (so the module must be imported before the first request: list it
in :data:`~._registry.HANDLER_MODULES`, or import it from a module listed there).
Consumers run synchronously, under the backend's lock, in registration order. A
consumer must not raise for a valid change and must cost what it touches (look things
up in per-domain indexes; never scan the domain's profiles). It must copy whatever it
keeps: the records a :class:`Change` refers to are live state and change later.

The changes (:class:`ChangeKind`) and what each carries besides ``domain``,
``profile``, ``at``, ``operation`` and ``by_service``:

=====================  =====================================  ==========================
kind                   emitted by                             extra members
=====================  =====================================  ==========================
``PROFILE_CREATED``    CreateProfile; an upload-job row       --
                       (``by_service``)
``PROFILE_UPDATED``    UpdateProfile (also when nothing       --
                       changed); an upload-job row
                       (``by_service``)
``PROFILE_DELETED``    DeleteProfile                          -- (``profile`` = last
                                                              state, already removed)
``PROFILE_EXPIRED``    expiry of a profile (lazy purge)       as PROFILE_DELETED;
                                                              ``at`` = the expiry instant
``PROFILES_MERGED``    MergeProfiles                          ``merged``: the merged-away
                                                              profiles as they were before
                                                              the merge (already removed)
``OBJECT_INGESTED``    PutProfileObject (every object that    ``object_type``,
                       is stored; not dead-lettered or        ``object_key``,
                       rejected objects); records fed to an   ``object_body``,
                       integration workflow (``by_service``)  ``object_created``,
                                                              ``profile_created``
``OBJECT_DELETED``     DeleteProfileObject (custom objects    ``object_type``,
                       and standard records)                  ``object_key``,
                                                              ``object_body``
``OBJECT_EXPIRED``     expiry of an object (lazy purge)       as OBJECT_DELETED;
                                                              ``at`` = the expiry instant
``KEY_ADDED``          AddProfileKey                          ``key_name``, ``key_values``
                                                              (as sent)
``KEY_DELETED``        DeleteProfileKey                       ``key_name``, ``key_values``
                                                              (as sent)
=====================  =====================================  ==========================

What is deliberately *not* a change of its own:

* the inferred profile an ingestion creates: it is the ``OBJECT_INGESTED`` change with
  ``profile_created=True`` (the profile as seen there already holds the fields and keys
  the object wrote);
* the keys, profile fields and standard records (``_asset``, ``_order``, ...) that an
  ingestion writes, and the objects it evicts (``MaxProfileObjectCount``, the
  per-profile quota): all part of the same ``OBJECT_INGESTED`` change; ``profile`` and
  the domain's objects show the state after them;
* domain-level operations (DeleteProfileObjectType's scrub, DeleteDomain): a consumer's
  own state lives in the :class:`~._state.DomainRec`, so it goes with the domain.

A write path that has no :class:`~._registry.Context` at hand (the expiry purge) builds
:class:`Change` values and returns them; its caller hands them to :func:`publish`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from . import _index

if TYPE_CHECKING:
    from ._registry import Context
    from ._state import DomainRec, ObjectRec, ProfileRec


class ChangeKind(str, enum.Enum):
    """What happened to a profile (see the table in the module docstring)."""

    PROFILE_CREATED = "PROFILE_CREATED"
    PROFILE_UPDATED = "PROFILE_UPDATED"
    PROFILE_DELETED = "PROFILE_DELETED"
    PROFILE_EXPIRED = "PROFILE_EXPIRED"
    PROFILES_MERGED = "PROFILES_MERGED"
    OBJECT_INGESTED = "OBJECT_INGESTED"
    OBJECT_DELETED = "OBJECT_DELETED"
    OBJECT_EXPIRED = "OBJECT_EXPIRED"
    KEY_ADDED = "KEY_ADDED"
    KEY_DELETED = "KEY_DELETED"


class Change(NamedTuple):
    """One change of one profile (or of one of its objects or keys): immutable.

    A named tuple rather than a frozen dataclass, because one is built for every write
    and a frozen dataclass costs one ``object.__setattr__`` per field (1 against 3.9 us
    for these 15 fields). Compared and hashed by identity: it refers to live state.

    Attributes:
        kind: what happened.
        domain: the domain of the profile.
        profile: the profile after the change; for ``PROFILE_DELETED`` /
            ``PROFILE_EXPIRED`` its last state (no longer in ``domain.profiles``); for
            ``PROFILES_MERGED`` the main profile after the merge.
        at: when it happened (epoch seconds on the emulator's clock); for expiry the
            instant the data expired, which is earlier than the call that noticed it.
        operation: the API operation during which the change was made (``None`` for
            changes made outside an API call, e.g. from a test hook).
        by_service: True when the service made the change by itself (expiry; later
            auto-merge, upload-job rows) rather than at the caller's request.
        object_type: object changes: the object type name (a standard kind such as
            ``_asset`` for a standard record deleted by DeleteProfileObject).
        object_key: object changes: the ``ProfileObjectUniqueKey`` (the record id for a
            standard record).
        object_body: object changes: the object document as stored (JSON text).
        object_created: ``OBJECT_INGESTED``: True for a new UNIQUE value, False when the
            object replaced a stored one.
        profile_created: ``OBJECT_INGESTED``: True when this ingestion created the
            (inferred) profile.
        merged: ``PROFILES_MERGED``: the merged-away profiles, as they were before the
            merge, in request order.
        key_name: ``KEY_ADDED`` / ``KEY_DELETED``: the key name.
        key_values: ``KEY_ADDED`` / ``KEY_DELETED``: the values as sent.
    """

    kind: ChangeKind
    domain: DomainRec
    profile: ProfileRec
    at: float
    operation: str | None = None
    by_service: bool = False
    object_type: str | None = None
    object_key: str | None = None
    object_body: str | None = None
    object_created: bool = False
    profile_created: bool = False
    merged: tuple[ProfileRec, ...] = ()
    key_name: str | None = None
    key_values: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    def __hash__(self) -> int:
        return id(self)


#: A change consumer: called once per change, synchronously.
Consumer = Callable[["Context", Change], None]

_CONSUMERS: dict[str, Consumer] = {}


def subscribe(name: str) -> Callable[[Consumer], Consumer]:
    """Register the decorated function as the consumer ``name`` of the change feed.

    Registering a name again replaces the earlier consumer (a re-imported module does
    not subscribe twice); consumers keep their first registration's position.

    Args:
        name: a unique, stable name (``"event-streams"``).

    Returns:
        A decorator that registers and returns the function unchanged.
    """

    def register(fn: Consumer) -> Consumer:
        _CONSUMERS[name] = fn
        return fn

    return register


def unsubscribe(name: str) -> None:
    """Remove the consumer ``name`` (no error if it is not registered)."""
    _CONSUMERS.pop(name, None)


def consumers() -> dict[str, Consumer]:
    """A copy of the registered consumers, in the order they are called."""
    return dict(_CONSUMERS)


def publish(ctx: Context, change: Change) -> None:
    """Deliver an already built :class:`Change` to every consumer, in order.

    A change built without an operation gets the context's one.
    """
    if change.operation is None and ctx.operation is not None:
        change = change._replace(operation=ctx.operation)
    for consumer in list(_CONSUMERS.values()):
        consumer(ctx, change)


def notify(
    ctx: Context,
    kind: ChangeKind,
    domain: DomainRec,
    profile: ProfileRec,
    *,
    at: float | None = None,
    by_service: bool = False,
    object_type: str | None = None,
    object_key: str | None = None,
    object_body: str | None = None,
    object_created: bool = False,
    profile_created: bool = False,
    merged: tuple[ProfileRec, ...] = (),
    key_name: str | None = None,
    key_values: Sequence[str] = (),
    indexed: bool = False,
) -> None:
    """Report one change to the feed: the one call a write path makes per change.

    Args:
        ctx: the handler context (its clock gives ``at``, its operation the
            ``operation`` of the change).
        kind: what happened.
        domain: the profile's domain.
        profile: the profile (see :class:`Change` for which state).
        at: when it happened; the clock's now by default.
        by_service: the service made the change by itself.
        object_type: see :class:`Change`.
        object_key: see :class:`Change`.
        object_body: see :class:`Change`.
        object_created: see :class:`Change`.
        profile_created: see :class:`Change`.
        merged: see :class:`Change`.
        key_name: see :class:`Change`.
        key_values: see :class:`Change`.
        indexed: the caller has just brought the index up to date with ``profile``
            (:func:`._index.reindex_profile`), which is then not done again here.
    """
    # Every write path reports its change here: the indexes follow the profile (a
    # safety net for write paths that do not reindex themselves).
    for gone in merged:
        _index.unindex_profile(domain, gone.profile_id)
    if not indexed and domain.profiles.get(profile.profile_id) is profile:
        _index.reindex_profile(domain, profile)
    publish(
        ctx,
        Change(
            kind=kind,
            domain=domain,
            profile=profile,
            at=ctx.now() if at is None else at,
            operation=ctx.operation,
            by_service=by_service,
            object_type=object_type,
            object_key=object_key,
            object_body=object_body,
            object_created=object_created,
            profile_created=profile_created,
            merged=tuple(merged),
            key_name=key_name,
            key_values=tuple(key_values),
        ),
    )


def expired_profile(domain: DomainRec, profile: ProfileRec) -> Change:
    """The ``PROFILE_EXPIRED`` change of ``profile`` (made by the service itself)."""
    return Change(ChangeKind.PROFILE_EXPIRED, domain, profile, profile.expires_at, by_service=True)


def expired_object(domain: DomainRec, obj: ObjectRec) -> Change:
    """The ``OBJECT_EXPIRED`` change of ``obj``, whose profile is still in ``domain``."""
    return Change(
        ChangeKind.OBJECT_EXPIRED,
        domain,
        domain.profiles[obj.profile_id],
        obj.expires_at,
        by_service=True,
        object_type=obj.object_type,
        object_key=obj.unique_key,
        object_body=obj.body,
    )
