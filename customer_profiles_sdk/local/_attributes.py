"""Attribute values and statistics (spec identity-history-jobs 4).

* ``ListProfileAttributeValues``: the distinct values of one profile attribute across
  the live profiles, newest first (4.1).
* ``ListObjectTypeAttributes`` / ``ListObjectTypeAttributeValues``: the attribute names
  of an object type and the most recent distinct values of one, from a **value store**
  capped at 350 KB per attribute, oldest evicted first (4.2, 4.3). [A] the store is
  independent of object lifetime: values stay after objects are deleted.
* ``GetObjectTypeAttributeStatistics``: a **daily snapshot** (every 00:00 UTC on the
  emulated clock, a timer of :mod:`._timers`) over the objects stored at that instant,
  only for domains with the Data Store enabled; nulls until a cycle has run (4.4).

The value store and the live-value counts are maintained by a change-feed consumer
(:mod:`._changes`): each change costs the fields of the one profile or object it
touches. The daily cycle is the service's batch job: it reads the domain's objects once
per emulated day, and only when something changed since the previous snapshot.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

from ._changes import Change, ChangeKind, subscribe
from ._errors import bad_request, not_found
from ._model import service_model
from ._object_types import STANDARD_KINDS
from ._registry import DAY, Context, Request, Response, operation
from ._state import AttributeState, DomainRec, TimerRec
from ._timers import BackendHost, on_timer, schedule

#: 350 KB of values per attribute [D311]: 350 x 1024 bytes of UTF-8. [A]
STORE_BYTES = 350 * 1024
#: ``Value`` of ListObjectTypeAttributeValues is at most 1,000 characters [B].
MAX_VALUE = 1000
PROFILE_TYPE = "_profile"
_ADDRESSES = ("Address", "ShippingAddress", "MailingAddress", "BillingAddress")
_TIMER = "attribute-statistics"


def _profile_members() -> tuple[frozenset[str], frozenset[str]]:
    profile = service_model().shape_for("Profile")
    top = frozenset(
        name
        for name, shape in profile.members.items()  # type: ignore[attr-defined]
        if shape.type_name == "string" and name != "ProfileId"
    )
    address = frozenset(service_model().shape_for("Address").members)  # type: ignore[attr-defined]
    return top, address


_TOP, _ADDRESS = _profile_members()


def is_profile_attribute(name: str) -> bool:
    """A name ListProfileAttributeValues accepts (4.1) [A]: ``FirstName``,
    ``Address.City``, ``Attributes.<key>``."""
    if name in _TOP:
        return True
    head, _, tail = name.partition(".")
    if head in _ADDRESSES:
        return tail in _ADDRESS
    return head == "Attributes" and bool(tail)


def profile_values(fields: dict[str, Any]) -> dict[str, str]:
    """The attribute values of a profile's fields, by attribute name (4.1 names)."""
    out: dict[str, str] = {}
    for name, value in fields.items():
        if isinstance(value, dict):
            if name in _ADDRESSES or name == "Attributes":
                for sub, inner in value.items():
                    if isinstance(inner, str) and inner:
                        out[f"{name}.{sub}"] = inner
        elif name in _TOP and isinstance(value, str) and value:
            out[name] = value
    return out


# --------------------------------------------------------------------------- value store


def _remember(state: AttributeState, type_name: str, attribute: str, value: str, at: float) -> None:
    """Put ``value`` at the front of the attribute's store; evict past 350 KB. [A] 4.3"""
    value = value[:MAX_VALUE]
    stores = state.values.setdefault(type_name, {})
    store = stores.get(attribute)
    if not isinstance(store, OrderedDict):
        # An OrderedDict evicts its oldest value in O(1); a dict's first key is found
        # by skipping the slots of every key deleted before it (O(store) once the store
        # is full). A store read from a state file is a plain dict: converted once.
        store = stores[attribute] = OrderedDict(store or {})
    sizes = state.sizes.setdefault(type_name, {})
    size = sizes.get(attribute, 0)
    if value in store:
        store.move_to_end(value)  # re-ingesting moves it to the front
    else:
        size += len(value.encode("utf-8"))
    store[value] = at
    while size > STORE_BYTES:
        oldest, _ = store.popitem(last=False)
        size -= len(oldest.encode("utf-8"))
    sizes[attribute] = size


def _set_live(state: AttributeState, profile_id: str, values: dict[str, str] | None) -> None:
    """Replace the indexed values of one live profile (``None``: it is gone)."""
    before = state.profile_values.pop(profile_id, {})
    for attribute, value in before.items():
        counts = state.live_counts.get(attribute, {})
        left = counts.get(value, 0) - 1
        if left > 0:
            counts[value] = left
        else:
            counts.pop(value, None)
    if values is None:
        return
    state.profile_values[profile_id] = dict(values)
    for attribute, value in values.items():
        counts = state.live_counts.setdefault(attribute, {})
        counts[value] = counts.get(value, 0) + 1


@subscribe("attribute-values")
def track(ctx: Context, change: Change) -> None:
    """Change-feed consumer: feed the value store and the live profile values."""
    domain, state, kind = change.domain, change.domain.attributes, change.kind
    state.dirty = True
    profile = change.profile
    if kind in (ChangeKind.PROFILE_DELETED, ChangeKind.PROFILE_EXPIRED):
        _set_live(state, profile.profile_id, None)
        return
    if kind in (ChangeKind.OBJECT_DELETED, ChangeKind.OBJECT_EXPIRED):
        return
    for gone in change.merged:
        _set_live(state, gone.profile_id, None)
    values = profile_values(profile.fields)
    _set_live(state, profile.profile_id, values)
    if kind in (ChangeKind.KEY_ADDED, ChangeKind.KEY_DELETED):
        return
    for attribute, value in values.items():
        _remember(state, PROFILE_TYPE, attribute, value, change.at)
    if kind is ChangeKind.OBJECT_INGESTED and change.object_type and change.object_key:
        obj = domain.objects.get(change.object_key)
        for attribute, value in ((obj.fields or {}) if obj else {}).items():
            if value:
                _remember(state, change.object_type, attribute, value, change.at)


# --------------------------------------------------------------------------- attributes


def _type_updated_at(domain: DomainRec, type_name: str) -> float:
    """The object type's LastUpdatedAt; ``ResourceNotFound`` for an unknown type."""
    if type_name in domain.object_types:
        return domain.object_types[type_name].updated_at
    if type_name in domain.domain_object_types:
        return domain.domain_object_types[type_name].updated_at
    if type_name == PROFILE_TYPE or type_name in STANDARD_KINDS:
        return domain.created_at
    raise not_found(f"Object type {type_name} does not exist in domain {domain.name}")


def _attribute_names(domain: DomainRec, type_name: str) -> list[str]:
    """The attributes of a type (4.2): its ``Fields`` names, or for a standard type
    the members that have at least one value in the domain. [A]"""
    _type_updated_at(domain, type_name)
    rec = domain.object_types.get(type_name)
    if rec is not None:
        return sorted(rec.definition.get("Fields") or {})
    dot = domain.domain_object_types.get(type_name)
    if dot is not None:
        return sorted(dot.definition.get("Fields") or {})
    stored = domain.attributes.values.get(type_name, {})
    return sorted(name for name, values in stored.items() if values)


def _known_attribute(domain: DomainRec, type_name: str, attribute: str) -> None:
    if attribute not in _attribute_names(domain, type_name):
        raise not_found(f"Attribute {attribute} does not exist in object type {type_name}")


@operation("ListProfileAttributeValues")
def list_profile_attribute_values(ctx: Context, req: Request) -> Response:
    """Distinct values of a profile attribute across live profiles, newest first. [A] 4.1"""
    domain = ctx.domain(req["DomainName"])
    name = req["AttributeName"]
    if not is_profile_attribute(name):
        raise bad_request(
            f"AttributeName {name} is not a profile attribute: use a standard profile "
            "member (FirstName), an address member (Address.City) or Attributes.<key>"
        )
    state = domain.attributes
    live = state.live_counts.get(name, {})
    stored = state.values.get(PROFILE_TYPE, {}).get(name, {})
    items = sorted(
        ((at, value) for value, at in stored.items() if live.get(value, 0) > 0),
        key=lambda pair: (-pair[0], pair[1]),
    )
    return {
        "DomainName": domain.name,
        "AttributeName": name,
        "Items": [{"Value": value} for _, value in items],
    }


@operation("ListObjectTypeAttributes")
def list_object_type_attributes(ctx: Context, req: Request) -> Response:
    """The attribute names of an object type, by name, with their last ingestion. [A] 4.2"""
    domain = ctx.domain(req["DomainName"])
    type_name = req["ObjectTypeName"]
    fallback = _type_updated_at(domain, type_name)
    stored = domain.attributes.values.get(type_name, {})
    items = []
    for name in _attribute_names(domain, type_name):
        values = stored.get(name)
        at = values[next(reversed(values))] if values else fallback
        items.append({"AttributeName": name, "LastUpdatedAt": at})
    return {"Items": items}


@operation("ListObjectTypeAttributeValues")
def list_object_type_attribute_values(ctx: Context, req: Request) -> Response:
    """The value store of one attribute, newest first (4.3)."""
    domain = ctx.domain(req["DomainName"])
    type_name, attribute = req["ObjectTypeName"], req["AttributeName"]
    _known_attribute(domain, type_name, attribute)
    stored = domain.attributes.values.get(type_name, {}).get(attribute, {})
    items = [{"Value": value, "LastUpdatedAt": stored[value]} for value in reversed(stored)]
    return {"Items": items}


# --------------------------------------------------------------------------- statistics


def _data_store_enabled(domain: DomainRec) -> bool:
    block = domain.config.get("DataStore")
    return isinstance(block, dict) and block.get("Enabled") is True


def data_store_changed(ctx: Context, domain: DomainRec) -> None:
    """Called by CreateDomain/UpdateDomain: start (or stop) the daily statistics cycle.

    [A] 4.4: enabling the Data Store starts a null period that lasts until the next
    00:00 UTC cycle; disabling it drops the snapshot.
    """
    state = domain.attributes
    if not _data_store_enabled(domain):
        state.snapshot, state.calculated_at = None, None
        return
    if state.next_cycle is None:
        state.snapshot, state.calculated_at = None, None
        due = (math.floor(ctx.now() / DAY) + 1) * DAY
        state.next_cycle = due
        schedule(ctx, domain, due, _TIMER, domain.name)


def _numeric(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _percentile(ordered: list[float], p: float) -> float:
    """Linear interpolation between closest ranks (R-7, numpy's default). [A]"""
    h = (len(ordered) - 1) * p
    low = math.floor(h)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (h - low) * (ordered[high] - ordered[low])


def statistics(values: list[float]) -> dict[str, Any] | None:
    """``Statistics`` of the numbers (``None`` when there is none). [A] 4.4"""
    if not values:
        return None
    ordered = sorted(values)
    n = len(ordered)
    mean = sum(ordered) / n
    deviation = math.sqrt(sum((v - mean) ** 2 for v in ordered) / n)  # population SD
    return {
        "Maximum": ordered[-1],
        "Minimum": ordered[0],
        "Average": mean,
        "StandardDeviation": deviation,
        "Percentiles": {
            f"P{int(p * 100)}": _percentile(ordered, p) for p in (0.05, 0.25, 0.5, 0.75, 0.95)
        },
    }


def compute_snapshot(domain: DomainRec, at: float) -> dict[str, dict[str, dict[str, Any] | None]]:
    """Statistics of every (object type, attribute) over the data stored at ``at``."""
    numbers: dict[str, dict[str, list[float]]] = {}

    def add(type_name: str, attribute: str, value: Any) -> None:
        number = _numeric(value)
        if number is not None:
            numbers.setdefault(type_name, {}).setdefault(attribute, []).append(number)

    for obj in domain.objects.values():
        if obj.expires_at > at:
            for attribute, value in (obj.fields or {}).items():
                add(obj.object_type, attribute, value)
    for profile in domain.profiles.values():
        if profile.expires_at > at:
            for attribute, value in profile_values(profile.fields).items():
                add(PROFILE_TYPE, attribute, value)
    for record in domain.standard.values():
        for attribute, value in record.fields.items():
            add(record.kind, attribute, value)
    return {
        type_name: {attribute: statistics(vs) for attribute, vs in attrs.items()}
        for type_name, attrs in numbers.items()
    }


def run_cycle(domain: DomainRec, at: float) -> None:
    """One statistics cycle at ``at``: a new snapshot if data changed since the last."""
    state = domain.attributes
    if state.dirty or state.snapshot is None:
        state.snapshot = compute_snapshot(domain, at)
        state.dirty = False
    state.calculated_at = at


@on_timer(_TIMER)
def _daily(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    state = domain.attributes
    if not _data_store_enabled(domain) or state.next_cycle != timer.due:
        if state.next_cycle == timer.due:
            state.next_cycle = None
        return
    run_cycle(domain, timer.due)
    state.next_cycle = timer.due + DAY
    schedule(ctx, domain, state.next_cycle, _TIMER, domain.name)


_NULL_STATISTICS: dict[str, Any] = {
    "Maximum": None,
    "Minimum": None,
    "Average": None,
    "StandardDeviation": None,
    "Percentiles": {"P5": None, "P25": None, "P50": None, "P75": None, "P95": None},
}


@operation("GetObjectTypeAttributeStatistics")
def get_object_type_attribute_statistics(ctx: Context, req: Request) -> Response:
    """The latest daily snapshot of one attribute; nulls when there is none (4.4)."""
    domain = ctx.domain(req["DomainName"])
    type_name, attribute = req["ObjectTypeName"], req["AttributeName"]
    _type_updated_at(domain, type_name)
    if not _data_store_enabled(domain):
        raise bad_request(
            "GetObjectTypeAttributeStatistics is exclusively available for domains with "
            "data store enabled"
        )
    _known_attribute(domain, type_name, attribute)
    state = domain.attributes
    stats = (state.snapshot or {}).get(type_name, {}).get(attribute)
    if stats is None or state.calculated_at is None:
        return {"Statistics": _NULL_STATISTICS, "CalculatedAt": None}
    return {"Statistics": stats, "CalculatedAt": state.calculated_at}


class AttributeHooks:
    """Test hooks of attribute statistics, mixed into :class:`LocalBackend`."""

    def run_statistics_cycle(self: BackendHost, domain: str, *, region: str = "us-east-1") -> None:
        """Compute the domain's attribute statistics now, as a daily cycle would. [A] (8)

        Args:
            domain: the domain name (its Data Store need not be enabled: the statistics
                operation still refuses a domain without it).
            region: the domain's region.

        Example:
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> backend = LocalBackend()
            >>> client = backend.client()
            >>> _ = client.create_domain(DomainName="d", DefaultExpirationDays=30)
            >>> backend.run_statistics_cycle("d")
        """
        with self.lock:
            ctx, rec = self._domain(domain, region)
            rec.attributes.dirty = True
            run_cycle(rec, ctx.now())
            self._committed()
