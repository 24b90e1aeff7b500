"""Per-domain indexes, so that an operation costs what it touches (issue 16 item 4).

The records in :mod:`._state` stay the truth (they are what ``--state`` files hold); a
:class:`DomainIndex` is derived from them, kept beside the domain (never saved) and built
from a full scan the first time it is needed (a new domain, or one loaded from a file).

* **keys**: key name -> normalized value -> profile ids, for the stored keys of every
  profile and the default keys derived from its fields (``_email``, ``_phone``,
  ``_account``, ``_fullName``, ``_profileId``). Lookups verify each candidate against
  the profile itself, so a value removed from a profile and not yet unindexed can never
  make it match; every write path reindexes the profiles it changed
  (:func:`reindex_profile`, also called by :func:`._changes.notify` for every change).
* **objects**: profile id -> object type -> unique keys, with each profile's object
  count and byte size kept incrementally. All writes of ``DomainRec.objects`` go through
  :func:`add_object` / :func:`remove_object` / :func:`relink_objects`.
* **standard records**: (kind, key name, value) -> record ids and profile id -> record
  ids (candidates, verified on lookup).
* **expiry**: a heap of (instant, order, kind, id) keyed by the emulated clock, so that
  expired data is found by popping what is due, not by scanning the domain.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

from ._keys import DEFAULT_KEY_FIELDS, default_keys, profile_key_values
from ._state import DomainRec, ObjectRec, ProfileRec, StandardRec

_PROFILE = "p"
_OBJECT = "o"


@dataclass
class DomainIndex:
    """The derived indexes of one domain (see the module docstring)."""

    #: key name -> normalized value -> profile ids holding it (stored or default key).
    keys: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    #: profile id -> (key, value) pairs indexed from its stored keys.
    stored: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    #: profile id -> (key, value) pairs indexed from its fields (default keys).
    derived: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    #: profile id -> object type -> unique keys (insertion order).
    objects: dict[str, dict[str, dict[str, None]]] = field(default_factory=dict)
    #: profile id -> total UTF-8 bytes / number of its objects.
    sizes: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    #: unique key -> (profile id, bytes) as indexed.
    owners: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: unique key -> position in ``DomainRec.objects`` (first insertion order).
    positions: dict[str, int] = field(default_factory=dict)
    next_position: int = 0
    #: (kind, key name, value) -> standard record ids; profile id -> record ids.
    record_keys: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)
    records: dict[str, set[str]] = field(default_factory=dict)
    #: Expiry heap of (instant, order, kind, id) and the instant last pushed per record.
    heap: list[tuple[float, int, str, str]] = field(default_factory=list)
    expiry: dict[tuple[str, str], float] = field(default_factory=dict)
    pushes: int = 0
    #: profile id -> the fields its ``derived`` entries were computed from (a profile
    #: reindexed with the same fields skips recomputing its default keys).
    signatures: dict[str, tuple[object, ...]] = field(default_factory=dict)


#: The profile fields the default keys are derived from (:func:`._keys.default_keys`).
_SIGNATURE_FIELDS: tuple[str, ...] = (
    *(name for names in DEFAULT_KEY_FIELDS.values() for name in names),
    "FirstName",
    "MiddleName",
    "LastName",
)


def index_of(domain: DomainRec) -> DomainIndex:
    """The index of ``domain``, built from its records on first use."""
    index = domain.index
    if index is None:
        index = domain.index = DomainIndex()
        for profile in domain.profiles.values():
            reindex_profile(domain, profile)
        for obj in domain.objects.values():
            _index_object(index, obj)
        for record in domain.standard.values():
            index_record(domain, record)
    assert isinstance(index, DomainIndex)
    return index


# --------------------------------------------------------------------------- expiry


def _push(index: DomainIndex, kind: str, ident: str, instant: float) -> None:
    if index.expiry.get((kind, ident)) == instant:
        return
    index.expiry[(kind, ident)] = instant
    index.pushes += 1
    heapq.heappush(index.heap, (instant, index.pushes, kind, ident))


def due_expiries(domain: DomainRec, now: float) -> tuple[list[ProfileRec], list[ObjectRec]]:
    """Profiles and objects whose expiration is at or before ``now``.

    Profiles in creation order, objects in the order of ``DomainRec.objects``; nothing is
    removed here (see :func:`._registry.purge_expired`).
    """
    index = index_of(domain)
    heap = index.heap
    profiles: dict[str, ProfileRec] = {}
    objects: dict[str, ObjectRec] = {}
    while heap and heap[0][0] <= now:
        _, _, kind, ident = heapq.heappop(heap)
        rec: ProfileRec | ObjectRec | None
        rec = domain.profiles.get(ident) if kind == _PROFILE else domain.objects.get(ident)
        if rec is None:
            index.expiry.pop((kind, ident), None)
            continue
        if rec.expires_at <= now:
            index.expiry.pop((kind, ident), None)
            if isinstance(rec, ProfileRec):
                profiles[ident] = rec
            else:
                objects[ident] = rec
        else:
            _push(index, kind, ident, rec.expires_at)  # moved later: keep one entry
    return (
        sorted(profiles.values(), key=lambda p: p.seq),
        sorted(objects.values(), key=lambda o: index.positions.get(o.unique_key, 0)),
    )


# --------------------------------------------------------------------------- profile keys


def _add_entry(index: DomainIndex, pid: str, entry: tuple[str, str]) -> None:
    index.keys.setdefault(entry[0], {}).setdefault(entry[1], set()).add(pid)


def _drop_entry(index: DomainIndex, pid: str, entry: tuple[str, str]) -> None:
    values = index.keys.get(entry[0])
    holders = values.get(entry[1]) if values else None
    if holders is None or values is None:
        return
    holders.discard(pid)
    if not holders:
        del values[entry[1]]
        if not values:
            del index.keys[entry[0]]


def _resync(
    index: DomainIndex,
    pid: str,
    mine: dict[str, set[tuple[str, str]]],
    other: dict[str, set[tuple[str, str]]],
    new: set[tuple[str, str]],
) -> None:
    old = mine.get(pid, set())
    if new == old:
        return
    kept = other.get(pid, set())
    for entry in old - new:
        if entry not in kept:
            _drop_entry(index, pid, entry)
    for entry in new - old:
        _add_entry(index, pid, entry)
    mine[pid] = new


def reindex_profile(domain: DomainRec, profile: ProfileRec) -> None:
    """Bring the index up to date with ``profile`` (its keys, fields and expiration).

    Costs the profile's default keys plus, when the number of its stored key values
    changed, its stored keys.
    """
    if domain.index is None:  # first use: index_of builds everything, this profile too
        index_of(domain)
        return
    index = domain.index
    assert isinstance(index, DomainIndex)
    pid = profile.profile_id
    fields = profile.fields
    signature = tuple([fields.get(name) for name in _SIGNATURE_FIELDS])
    if index.signatures.get(pid) != signature or pid not in index.derived:
        derived = {
            (name, value) for name, values in default_keys(profile).items() for value in values
        }
        _resync(index, pid, index.derived, index.stored, derived)
        index.signatures[pid] = signature
    count = sum(len(values) for values in profile.keys.values())
    if count != len(index.stored.get(pid, ())):
        stored = {(name, value) for name, values in profile.keys.items() for value in values}
        _resync(index, pid, index.stored, index.derived, stored)
    _push(index, _PROFILE, pid, profile.expires_at)


def unindex_profile(domain: DomainRec, profile_id: str) -> None:
    """Forget the key entries of a profile that left the domain."""
    index = index_of(domain)
    entries = index.stored.pop(profile_id, set()) | index.derived.pop(profile_id, set())
    index.signatures.pop(profile_id, None)
    for entry in entries:
        _drop_entry(index, profile_id, entry)
    index.expiry.pop((_PROFILE, profile_id), None)


def candidates(domain: DomainRec, key_name: str, values: Iterable[str]) -> set[str]:
    """Ids of profiles that may hold one of the normalized ``values`` under ``key_name``."""
    held = index_of(domain).keys.get(key_name)
    found: set[str] = set()
    if held:
        for value in values:
            found |= held.get(value, set())
    return found


def profiles_with(domain: DomainRec, key_name: str, values: set[str]) -> list[ProfileRec]:
    """Profiles holding one of the normalized ``values`` under ``key_name``, by creation."""
    found = []
    for pid in candidates(domain, key_name, values):
        profile = domain.profiles.get(pid)
        if profile is not None and profile_key_values(profile, key_name) & values:
            found.append(profile)
    found.sort(key=lambda p: p.seq)
    return found


def profiles_storing(domain: DomainRec, key_name: str, value: str) -> list[ProfileRec]:
    """Profiles with ``value`` among their *stored* values of ``key_name``, by creation."""
    found = []
    for pid in candidates(domain, key_name, (value,)):
        profile = domain.profiles.get(pid)
        if profile is not None and value in profile.keys.get(key_name, {}):
            found.append(profile)
    found.sort(key=lambda p: p.seq)
    return found


# --------------------------------------------------------------------------- objects


def _index_object(index: DomainIndex, obj: ObjectRec) -> None:
    size = len(obj.body.encode("utf-8"))
    pid = obj.profile_id
    index.objects.setdefault(pid, {}).setdefault(obj.object_type, {})[obj.unique_key] = None
    index.sizes[pid] = index.sizes.get(pid, 0) + size
    index.counts[pid] = index.counts.get(pid, 0) + 1
    index.owners[obj.unique_key] = (pid, size)
    if obj.unique_key not in index.positions:
        index.positions[obj.unique_key] = index.next_position
        index.next_position += 1
    _push(index, _OBJECT, obj.unique_key, obj.expires_at)


def _unindex_object(index: DomainIndex, obj: ObjectRec, keep_position: bool) -> None:
    owner = index.owners.pop(obj.unique_key, None)
    if owner is None:
        return
    pid, size = owner
    by_type = index.objects.get(pid, {})
    keys = by_type.get(obj.object_type)
    if keys is not None:
        keys.pop(obj.unique_key, None)
        if not keys:
            del by_type[obj.object_type]
    if not by_type:
        index.objects.pop(pid, None)
    index.sizes[pid] = index.sizes.get(pid, 0) - size
    index.counts[pid] = index.counts.get(pid, 0) - 1
    if not index.counts[pid]:
        del index.counts[pid]
        index.sizes.pop(pid, None)
    if not keep_position:
        index.positions.pop(obj.unique_key, None)
    index.expiry.pop((_OBJECT, obj.unique_key), None)


def add_object(domain: DomainRec, obj: ObjectRec) -> None:
    """Store ``obj`` in ``domain.objects`` (replacing one with its key) and index it."""
    index = index_of(domain)
    previous = domain.objects.get(obj.unique_key)
    if previous is not None:
        _unindex_object(index, previous, keep_position=True)
    domain.objects[obj.unique_key] = obj
    _index_object(index, obj)


def remove_object(domain: DomainRec, unique_key: str) -> ObjectRec | None:
    """Remove the object ``unique_key`` from ``domain`` (``None`` if absent)."""
    obj = domain.objects.pop(unique_key, None)
    if obj is not None:
        _unindex_object(index_of(domain), obj, keep_position=False)
    return obj


def profile_objects(
    domain: DomainRec, profile_id: str, object_type: str | None = None
) -> list[ObjectRec]:
    """A profile's objects (of one type, or all), in ingestion order (``seq``)."""
    by_type = index_of(domain).objects.get(profile_id, {})
    groups = [by_type.get(object_type, {})] if object_type is not None else by_type.values()
    found = []
    for keys in groups:
        for key in keys:
            obj = domain.objects.get(key)
            if obj is not None and obj.profile_id == profile_id:
                found.append(obj)
    found.sort(key=lambda o: o.seq)
    return found


def profile_object_count(domain: DomainRec, profile_id: str) -> int:
    """How many objects the profile holds."""
    return index_of(domain).counts.get(profile_id, 0)


def profile_object_bytes(domain: DomainRec, profile_id: str) -> int:
    """The UTF-8 size of all the profile's objects."""
    return index_of(domain).sizes.get(profile_id, 0)


def relink_objects(domain: DomainRec, from_id: str, to_id: str) -> None:
    """Move every object of profile ``from_id`` to profile ``to_id`` (merge)."""
    index = index_of(domain)
    for obj in profile_objects(domain, from_id):
        _unindex_object(index, obj, keep_position=True)
        obj.profile_id = to_id
        _index_object(index, obj)


# --------------------------------------------------------------------------- records


def index_record(domain: DomainRec, record: StandardRec) -> None:
    """Index a standard record's keys and profile (after it was written)."""
    index = domain.index
    if index is None:
        index_of(domain)  # the build indexes this record too
        return
    assert isinstance(index, DomainIndex)
    for name, values in record.keys.items():
        for value in values:
            index.record_keys.setdefault((record.kind, name, value), set()).add(record.record_id)
    index.records.setdefault(record.profile_id, set()).add(record.record_id)


def records_with(domain: DomainRec, kind: str, key_name: str, value: str) -> list[StandardRec]:
    """Records of ``kind`` holding ``value`` under ``key_name``."""
    found = []
    for record_id in index_of(domain).record_keys.get((kind, key_name, value), ()):
        record = domain.standard.get(record_id)
        if record is not None and record.kind == kind and value in record.keys.get(key_name, []):
            found.append(record)
    return found


def profile_records(domain: DomainRec, profile_id: str) -> list[StandardRec]:
    """A profile's standard records, in creation order."""
    found = []
    for record_id in index_of(domain).records.get(profile_id, ()):
        record = domain.standard.get(record_id)
        if record is not None and record.profile_id == profile_id:
            found.append(record)
    found.sort(key=lambda r: r.seq)
    return found


def forget_profile_records(domain: DomainRec, profile_id: str) -> None:
    """Drop the profile -> records entry of a profile that left the domain."""
    index_of(domain).records.pop(profile_id, None)
