"""Per-domain indexes, so that an operation costs what it touches (issue 16 item 4).

The records in :mod:`._state` stay the truth (they are what ``--state`` files hold); a
:class:`DomainIndex` is derived from them, kept beside the domain (never saved) and built
from a full scan the first time it is needed (a new domain, or one loaded from a file).

* **keys**: key name -> normalized value -> the creation sequences (``ProfileRec.seq``)
  of the profiles holding it, sorted, each once (a :data:`Run`: an int, a small list),
  with the domain's seq -> profile id map, for the stored keys of every profile and the
  default keys derived from its fields (``_email``, ``_phone``, ``_account``,
  ``_fullName``, ``_profileId``): a page of SearchProfiles resumes after the last
  profile of the previous page by bisection (:func:`holders_after`). Lookups verify
  each candidate against the profile itself, so a value removed from a profile and not
  yet unindexed can never make it match; every write path reindexes the profiles it
  changed (:func:`reindex_profile`, also called by :func:`._changes.notify` for every
  change).
* **objects**: profile id -> object type -> unique keys, with each profile's object
  count and byte size kept incrementally, and per (profile, type) the objects' ``seq``
  sorted (:func:`objects_after`: ListProfileObjects resumes after a cursor). All writes
  of ``DomainRec.objects`` go through :func:`add_object` / :func:`remove_object` /
  :func:`relink_objects`.
* **standard records**: (kind, key name, value) -> record ids and profile id -> record
  ids (candidates, verified on lookup).
* **history**: per profile, its history records' ``(created_at, seq)`` sorted
  (:func:`history_before`: ListProfileHistoryRecords resumes after a cursor, newest
  first). ``DomainRec.history`` stays the truth: the order of a profile is built from it
  on first read (and again if its record count no longer agrees), and kept up to date
  by :func:`note_history` on every append.
* **expiry**: a heap of (instant, order, kind, id) keyed by the emulated clock, so that
  expired data is found by popping what is due, not by scanning the domain.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from sortedcontainers import SortedList

from ._keys import DEFAULT_KEY_FIELDS, default_keys, profile_key_values
from ._state import DomainRec, HistoryRec, MatchGroup, ObjectRec, ProfileRec, StandardRec

_PROFILE = "p"
_OBJECT = "o"

K = TypeVar("K", int, tuple[float, int])


def _insert(keys: SortedList[K], key: K) -> None:
    """Add ``key`` once to a ``SortedList`` (rather than a ``SortedSet``: with one key, a
    ``SortedSet`` takes 1.5 KB and 17 objects, a ``SortedList`` 464 bytes and 5)."""
    if key not in keys:
        keys.add(key)


#: A sorted run of creation sequences, each once. Most runs hold one profile or one
#: object: that is the bare ``int`` (nothing for the garbage collector to track, and a
#: dict of such runs is not tracked at all); a plain ``list`` while it holds at most
#: ``_SMALL`` (one object, where a ``SortedList`` is five); a ``SortedList`` beyond, so
#: that an insertion stays a bisection plus a bounded memmove whatever the run holds.
Run = int | list[int] | SortedList[int]
_SMALL = 512


def _run_added(run: Run | None, seq: int) -> Run:
    """``run`` with ``seq`` added once (``None``: no run yet)."""
    if run is None:
        return seq
    if isinstance(run, int):
        if run == seq:
            return run
        return [run, seq] if run < seq else [seq, run]
    if not isinstance(run, list):
        _insert(run, seq)
        return run
    at = bisect_left(run, seq)
    if at == len(run) or run[at] != seq:
        run.insert(at, seq)
        if len(run) > _SMALL:
            return SortedList(run)
    return run


def _run_without(run: Run, seq: int) -> Run | None:
    """``run`` without ``seq`` (``None`` once it is empty)."""
    if isinstance(run, int):
        return None if run == seq else run
    if isinstance(run, list):
        at = bisect_left(run, seq)
        if at < len(run) and run[at] == seq:
            del run[at]
    else:
        run.discard(seq)
    return run if run else None


def _run_len(run: Run) -> int:
    return 1 if isinstance(run, int) else len(run)


def _after(run: Run, seq: int | None) -> Iterator[int]:
    """The sequences of ``run`` strictly greater than ``seq`` (all when ``None``),
    ascending: a bisection plus what is read (a list's tail is at most ``_SMALL``)."""
    if isinstance(run, int):
        return iter((run,) if seq is None or run > seq else ())
    if isinstance(run, list):
        return iter(run[bisect_right(run, seq) if seq is not None else 0 :])
    return run.irange(minimum=seq, inclusive=(False, True))


@dataclass
class HistoryOrder:
    """One profile's history records in ``(created_at, seq)`` order (see the module)."""

    keys: SortedList[tuple[float, int]] = field(default_factory=SortedList)
    #: seq -> record id.
    ids: dict[int, str] = field(default_factory=dict)

    def add(self, rec: HistoryRec) -> None:
        _insert(self.keys, (rec.created_at, rec.seq))
        self.ids[rec.seq] = rec.record_id


@dataclass
class DomainIndex:
    """The derived indexes of one domain (see the module docstring)."""

    #: key name -> normalized value -> seqs of the profiles holding it (stored or
    #: default key), sorted.
    keys: dict[str, dict[str, Run]] = field(default_factory=dict)
    #: profile id -> its creation sequence, and back, for the indexed profiles.
    seqs: dict[str, int] = field(default_factory=dict)
    by_seq: dict[int, str] = field(default_factory=dict)
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
    #: (profile id, object type) -> the objects' seqs, sorted; seq -> unique key.
    object_order: dict[tuple[str, str], Run] = field(default_factory=dict)
    object_keys: dict[int, str] = field(default_factory=dict)
    #: profile id -> its history order (built on first read, see the module docstring).
    history: dict[str, HistoryOrder] = field(default_factory=dict)
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
    #: The ML match groups by member (see :func:`match_order`).
    matches: MatchOrder | None = None


@dataclass
class MatchOrder:
    """``DomainRec.matches`` (the last identity-resolution result) by member: the
    positions of the groups each profile is in, each group's number of live members
    and how many groups have two or more (``PotentialMatches``)."""

    #: The result this was built from (a new result is a new list: built again).
    source: list[MatchGroup]
    positions: dict[str, list[int]]
    alive: list[int]
    live: int


#: The profile fields the default keys are derived from (:func:`._keys.default_keys`).
_SIGNATURE_FIELDS: tuple[str, ...] = (
    *(name for names in DEFAULT_KEY_FIELDS.values() for name in names),
    "FirstName",
    "MiddleName",
    "LastName",
)


def match_order(domain: DomainRec) -> MatchOrder:
    """The match groups of ``domain`` by member, built on first use after each new result
    (O(result) once; removals then cost the groups of the removed profile)."""
    index = index_of(domain)
    order = index.matches
    if order is None or order.source is not domain.matches:
        positions: dict[str, list[int]] = {}
        alive = []
        for position, group in enumerate(domain.matches):
            members = live_members(domain, group)
            for pid in members:
                positions.setdefault(pid, []).append(position)
            alive.append(len(members))
        live = sum(1 for count in alive if count >= 2)
        order = index.matches = MatchOrder(domain.matches, positions, alive, live)
    return order


def live_members(domain: DomainRec, group: MatchGroup) -> list[str]:
    """The members of a match group still in the domain, each once, in group order."""
    return [pid for pid in dict.fromkeys(group.profile_ids) if pid in domain.profiles]


def leave_matches(domain: DomainRec, profile_id: str) -> None:
    """A profile left the domain: its match groups have one live member less."""
    if not domain.matches:
        return
    order = match_order(domain)
    for position in order.positions.pop(profile_id, ()):
        order.alive[position] -= 1
        if order.alive[position] == 1:
            order.live -= 1


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
    values = index.keys.setdefault(entry[0], {})
    values[entry[1]] = _run_added(values.get(entry[1]), index.seqs[pid])


def _drop_entry(index: DomainIndex, pid: str, entry: tuple[str, str]) -> None:
    values = index.keys.get(entry[0])
    holders = values.get(entry[1]) if values else None
    seq = index.seqs.get(pid)
    if holders is None or values is None or seq is None:
        return
    left = _run_without(holders, seq)
    if left is not None:
        values[entry[1]] = left
        return
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
    if index.seqs.get(pid) != profile.seq:
        index.seqs[pid] = profile.seq
        index.by_seq[profile.seq] = pid
    fields = profile.fields
    signature = tuple(map(fields.get, _SIGNATURE_FIELDS))
    if index.signatures.get(pid) != signature or pid not in index.derived:
        derived = {
            (name, value) for name, values in default_keys(profile).items() for value in values
        }
        _resync(index, pid, index.derived, index.stored, derived)
        index.signatures[pid] = signature
    count = sum(map(len, profile.keys.values()))
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
    seq = index.seqs.pop(profile_id, None)
    if seq is not None and index.by_seq.get(seq) == profile_id:
        del index.by_seq[seq]
    index.expiry.pop((_PROFILE, profile_id), None)


def holder_count(domain: DomainRec, key_name: str, values: Iterable[str]) -> int:
    """How many index entries :func:`holders_after` would walk (a profile holding
    several of ``values`` counts once per value)."""
    held = index_of(domain).keys.get(key_name)
    if not held:
        return 0
    return sum(_run_len(held[value]) for value in values if value in held)


def holders_after(
    domain: DomainRec, wanted: Iterable[tuple[str, Iterable[str]]], after: int | None
) -> Iterator[int]:
    """Creation sequences of the profiles that may hold, under one of the key names of
    ``wanted``, one of its normalized values: ascending, strictly after ``after``, each
    once (a lazy merge of the sorted holders of each (key, value): costs what is read).
    Candidates only: verify each one against the profile."""
    keys = index_of(domain).keys
    walks = []
    for key_name, values in wanted:
        held = keys.get(key_name)
        if held:
            walks += [
                _after(held[value], after) for value in dict.fromkeys(values) if value in held
            ]
    if len(walks) <= 1:
        return walks[0] if walks else iter(())
    return _distinct(heapq.merge(*walks))


def _distinct(seqs: Iterator[int]) -> Iterator[int]:
    last = None
    for seq in seqs:
        if seq != last:
            yield seq
            last = seq


def profile_at(domain: DomainRec, seq: int) -> ProfileRec | None:
    """The live profile created with sequence ``seq``, if any."""
    pid = index_of(domain).by_seq.get(seq)
    profile = domain.profiles.get(pid) if pid is not None else None
    return profile if profile is not None and profile.seq == seq else None


def profiles_with(domain: DomainRec, key_name: str, values: set[str]) -> list[ProfileRec]:
    """Profiles holding one of the normalized ``values`` under ``key_name``, by creation."""
    return [
        profile
        for profile in _holders(domain, key_name, values)
        if profile_key_values(profile, key_name) & values
    ]


def profiles_storing(domain: DomainRec, key_name: str, value: str) -> list[ProfileRec]:
    """Profiles with ``value`` among their *stored* values of ``key_name``, by creation."""
    return [
        profile
        for profile in _holders(domain, key_name, (value,))
        if value in profile.keys.get(key_name, {})
    ]


def _holders(domain: DomainRec, key_name: str, values: Iterable[str]) -> Iterator[ProfileRec]:
    """The live profiles the index holds under one of ``values``, by creation (candidates:
    the caller checks each one against the profile)."""
    for seq in holders_after(domain, [(key_name, values)], None):
        profile = profile_at(domain, seq)
        if profile is not None:
            yield profile


# --------------------------------------------------------------------------- objects


def _index_object(index: DomainIndex, obj: ObjectRec) -> None:
    size = len(obj.body.encode("utf-8"))
    pid = obj.profile_id
    index.objects.setdefault(pid, {}).setdefault(obj.object_type, {})[obj.unique_key] = None
    slot = (pid, obj.object_type)
    index.object_order[slot] = _run_added(index.object_order.get(slot), obj.seq)
    index.object_keys[obj.seq] = obj.unique_key
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
    slot = (pid, obj.object_type)
    order = index.object_order.get(slot)
    if order is not None:
        left = _run_without(order, obj.seq)
        if left is None:
            del index.object_order[slot]
        else:
            index.object_order[slot] = left
    if index.object_keys.get(obj.seq) == obj.unique_key:
        del index.object_keys[obj.seq]
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


def objects_after(
    domain: DomainRec, profile_id: str, object_type: str, after: int | None
) -> Iterator[ObjectRec]:
    """A profile's objects of one type in ingestion order (``seq``), strictly after the
    sequence ``after``: costs what is read, not the profile's objects."""
    index = index_of(domain)
    order = index.object_order.get((profile_id, object_type))
    if order is None:
        return
    for seq in _after(order, after):
        key = index.object_keys.get(seq)
        obj = domain.objects.get(key) if key is not None else None
        if (
            obj is not None
            and obj.seq == seq
            and obj.profile_id == profile_id
            and obj.object_type == object_type
        ):
            yield obj


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


# --------------------------------------------------------------------------- history


def _history_order(domain: DomainRec, profile_id: str) -> HistoryOrder:
    index = index_of(domain)
    records = domain.history.get(profile_id, {})
    order = index.history.get(profile_id)
    if order is None or len(order.ids) != len(records):
        order = HistoryOrder()
        for rec in records.values():
            order.add(rec)
        index.history[profile_id] = order
    return order


def note_history(domain: DomainRec, profile_id: str, rec: HistoryRec) -> None:
    """Keep the history order of ``profile_id`` up to date with a record just appended
    to ``DomainRec.history`` (nothing to do while it has not been built)."""
    index = domain.index
    if isinstance(index, DomainIndex):
        order = index.history.get(profile_id)
        if order is not None:
            order.add(rec)


def history_before(
    domain: DomainRec, profile_id: str, after: tuple[float, int] | None
) -> Iterator[HistoryRec]:
    """A profile's history records newest first (``(created_at, seq)`` descending),
    strictly after the cursor ``after`` in that order: costs what is read."""
    order = _history_order(domain, profile_id)
    records = domain.history.get(profile_id, {})
    for key in order.keys.irange(maximum=after, inclusive=(True, False), reverse=True):
        rec = records.get(order.ids[key[1]])
        if rec is not None:
            yield rec
