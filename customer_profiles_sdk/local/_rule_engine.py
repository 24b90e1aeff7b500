"""The rule-based matching engine (spec identity-history-jobs 2.3), pure and incremental.

The engine turns a domain's *active* ``RuleBasedMatching`` configuration and its live
profiles into match groups. It is a pure function of ``(profiles, config)`` — the same
data always gives the same groups, whatever the order of ingestion [D301] — computed
incrementally:

* :class:`RuleIndex` keeps, per rule level, a bucket of profile ids per *level key*
  (the tuple of one normalized value per attribute of the level), and per
  ``(attribute, value)`` the set of profiles holding it (the cardinality of step 4).
  Two profiles match at a level exactly when they share a level key and neither is
  cut off there, so finding a profile's partners costs its buckets, never the domain.
* :meth:`RuleIndex.update` re-indexes one profile and regroups only the connected
  component(s) the change touches: the profile, its partners before and after the
  change, the members of the groups they were in, and the holders of a value whose
  cardinality crossed the cut-off. Step 5's result on a union of whole components of
  the "matches at some level" graph equals the global result restricted to it, so the
  groups outside stay valid.
* :meth:`RuleIndex.rebuild` evaluates every profile (the status becoming ACTIVE, or a
  state file loaded): O(profiles).

Normalization, attribute types, ONE_TO_ONE / MANY_TO_MANY, the 500-profile cut-off and
the grouping procedure follow the spec; each undocumented detail is marked [A].
"""

from __future__ import annotations

import functools
import gc
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sortedcontainers import SortedList

#: Rule attributes that are not attribute *types* [D307][D301].
PLAIN_ATTRIBUTES = frozenset(
    {
        "AccountNumber",
        "BirthDate",
        "BusinessName",
        "FirstName",
        "Gender",
        "LastName",
        "MiddleName",
    }
)
#: ``Address.*`` members a rule may name [D307].
ADDRESS_MEMBERS = ("Address", "City", "Country", "County", "PostalCode", "State", "Province")
#: Type attributes: the type each belongs to.
TYPE_OF: dict[str, str] = {
    "EmailAddress": "EmailAddress",
    "PhoneNumber": "PhoneNumber",
    **{f"Address.{m}": "Address" for m in ADDRESS_MEMBERS},
}
#: Sub-type names accepted per type, and the profile field each reads [D307][D301]; [A]:
#: ``BusinessPhoneNumber``, ``MailingAddress``, ``BillingAddress`` accepted too,
#: ``MaillingAddress`` (sic, as documented) maps to ``MailingAddress``, and
#: ``BusinessAddress`` is accepted but reads no field (the profile has none).
SUBTYPES: dict[str, dict[str, str | None]] = {
    "EmailAddress": {
        "EmailAddress": "EmailAddress",
        "BusinessEmailAddress": "BusinessEmailAddress",
        "PersonalEmailAddress": "PersonalEmailAddress",
    },
    "PhoneNumber": {
        "PhoneNumber": "PhoneNumber",
        "HomePhoneNumber": "HomePhoneNumber",
        "MobilePhoneNumber": "MobilePhoneNumber",
        "BusinessPhoneNumber": "BusinessPhoneNumber",
    },
    "Address": {
        "Address": "Address",
        "ShippingAddress": "ShippingAddress",
        "MailingAddress": "MailingAddress",
        "MaillingAddress": "MailingAddress",
        "BillingAddress": "BillingAddress",
        "BusinessAddress": None,
    },
}
#: [A] The default rule when ``Enabled`` is true and ``MatchingRules`` is absent
#: (the service's own default is unpublished, D301; ambiguity register 1).
DEFAULT_RULES: tuple[tuple[str, ...], ...] = (
    ("EmailAddress", "FirstName", "LastName"),
    ("PhoneNumber", "FirstName", "LastName"),
    ("Address.Address", "Address.PostalCode", "FirstName", "LastName"),
)
#: [D302] "can belong to more than 500 different profiles".
DEFAULT_CARDINALITY_LIMIT = 500

_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")
_POSTAL_DROP = re.compile(r"[\s-]+")


class RuleConfigError(ValueError):
    """A ``RuleBasedMatching`` block the service would refuse (-> BadRequest)."""


@dataclass(frozen=True)
class RuleConfig:
    """The parsed configuration the engine runs with.

    Attributes:
        levels: the attributes of each rule level, level 1 first (repeats removed),
            cut to the effective ``MaxAllowedRuleLevelForMatching``.
        many_to_many: ``AttributeMatchingModel`` is ``MANY_TO_MANY``.
        selectors: per type, the profile fields (sub-types) that represent it.
        merge_level: the effective merge level, ``None`` for match only.
        conflict_model: ``RECENCY`` or ``SOURCE``.
        source_name: the object type that wins under ``SOURCE``.
    """

    levels: tuple[tuple[str, ...], ...]
    many_to_many: bool = False
    selectors: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    merge_level: int | None = None
    conflict_model: str = "RECENCY"
    source_name: str | None = None


def _check_attribute(name: str) -> None:
    if name in PLAIN_ATTRIBUTES or name in TYPE_OF:
        return
    if name.startswith("Attributes.") and len(name) > len("Attributes."):
        return
    raise RuleConfigError(
        f"RuleBasedMatching.MatchingRules: {name!r} is not a rule attribute; use one of "
        "AccountNumber, Address.Address, Address.City, Address.Country, Address.County, "
        "Address.PostalCode, Address.State, Address.Province, BirthDate, BusinessName, "
        "EmailAddress, FirstName, Gender, LastName, MiddleName, PhoneNumber or "
        "Attributes.<key>"
    )


#: Emulator-side maxima of the selector lists [B].
_SELECTOR_MAX = {"EmailAddress": 3, "PhoneNumber": 4, "Address": 4}


def parse_config(block: Mapping[str, Any]) -> RuleConfig:
    """Check and parse a ``RuleBasedMatching`` block (enabled or not).

    Raises:
        RuleConfigError: an unknown rule attribute or sub-type name, or a selector list
            longer than the model allows (spec 2.1).
    """
    rules = block.get("MatchingRules")
    raw_levels = [tuple(r.get("Rule") or ()) for r in rules] if rules else list(DEFAULT_RULES)
    levels: list[tuple[str, ...]] = []
    for rule in raw_levels:
        for name in rule:
            _check_attribute(name)
        levels.append(tuple(dict.fromkeys(rule)))  # [A] a repeated name counts once
    selector = block.get("AttributeTypesSelector") or {}
    selectors: dict[str, tuple[tuple[str, str], ...]] = {}
    for type_name, names in SUBTYPES.items():
        given = selector.get(type_name)
        if given is None:
            selectors[type_name] = ((type_name, type_name),)  # [A] same-name default
            continue
        if len(given) > _SELECTOR_MAX[type_name]:
            raise RuleConfigError(
                f"RuleBasedMatching.AttributeTypesSelector.{type_name}: at most "
                f"{_SELECTOR_MAX[type_name]} items"
            )
        picked: list[tuple[str, str]] = []
        for sub in given:
            if sub not in names:
                raise RuleConfigError(
                    f"RuleBasedMatching.AttributeTypesSelector.{type_name}: {sub!r} is not "
                    f"one of {', '.join(names)}"
                )
            target = names[sub]
            if target is not None:
                picked.append((sub, target))
        selectors[type_name] = tuple(dict.fromkeys(picked))
    max_match = block.get("MaxAllowedRuleLevelForMatching") or len(levels)
    levels = levels[:max_match]
    merge = block.get("MaxAllowedRuleLevelForMerging")
    conflict = block.get("ConflictResolution") or {}
    return RuleConfig(
        levels=tuple(levels),
        many_to_many=selector.get("AttributeMatchingModel") == "MANY_TO_MANY",
        selectors=selectors,
        merge_level=min(merge, len(levels)) if merge else None,
        conflict_model=conflict.get("ConflictResolvingModel") or "RECENCY",
        source_name=conflict.get("SourceName"),
    )


# ------------------------------------------------------------------ step 1: values


def _text(value: Any) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", str(value)).strip()).casefold()


def _phone(value: Any) -> str:
    digits = _NOT_DIGIT.sub("", str(value))
    return "1" + digits if len(digits) == 10 else digits


def _address_part(block: Mapping[str, Any], member: str) -> str:
    if member == "Address":
        lines = [block.get(f"Address{i}") for i in range(1, 5)]
        return _text(" ".join(str(x) for x in lines if x))
    value = block.get(member)
    if not value:
        return ""
    if member == "PostalCode":
        return _POSTAL_DROP.sub("", str(value)).casefold()
    return _text(value)


#: A value of an attribute: ``(subtype, normalized value)``; ``*`` for plain attributes.
Value = tuple[str, str]


def attribute_values(fields: Mapping[str, Any], name: str, cfg: RuleConfig) -> frozenset[Value]:
    """``values(p, a)`` of spec 2.3 step 1: the non-empty normalized values."""
    type_name = TYPE_OF.get(name)
    if type_name is not None:
        out: set[Value] = set()
        for sub, source in cfg.selectors.get(type_name, ()):
            if type_name == "Address":
                block = fields.get(source)
                value = _address_part(block, name[8:]) if isinstance(block, dict) else ""
            else:
                raw = fields.get(source)
                if not raw:
                    continue
                value = str(raw).strip().lower() if type_name == "EmailAddress" else _phone(raw)
            if value:
                out.add((sub, value))
        return frozenset(out)
    if name.startswith("Attributes."):
        raw = (fields.get("Attributes") or {}).get(name[11:])
        value = str(raw).strip() if raw is not None else ""
    elif name == "Gender":
        raw = fields.get("Gender") or fields.get("GenderString")
        value = str(raw).casefold() if raw else ""
    elif name in ("BirthDate", "AccountNumber"):
        raw = fields.get(name)
        value = str(raw).strip() if raw else ""
    else:
        raw = fields.get(name)
        value = _text(raw) if raw else ""
    return frozenset({("*", value)}) if value else frozenset()


# ------------------------------------------------------------------ groups


def _find(parent: dict[str, str], x: str) -> str:
    """Union-find root of ``x`` (with path halving)."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


@functools.lru_cache(maxsize=65536)
def _match_id(domain: str, anchor: str) -> str:
    return hashlib.sha256(f"{domain}\0rule\0{anchor}".encode()).hexdigest()[:32]


@dataclass
class Group:
    """A rule-based match group: its anchor, founding level and members' levels."""

    anchor: str
    level: int
    #: profile id -> the level at which it joined (its ``member_level``).
    members: dict[str, int]

    def match_id(self, domain: str) -> str:
        """Step 6: ``sha256(domain + "\\0rule\\0" + anchor)``, 32 hex digits. [A]"""
        return _match_id(domain, self.anchor)


@dataclass
class _Entry:
    order: tuple[float, str]
    #: attribute -> its values.
    values: dict[str, frozenset[Value]]
    #: per level, the level keys (empty when an attribute has no value).
    keys: list[frozenset[tuple[str, ...]]]


#: Called once per (profile, level) cut off: ``(profile_id, level)``.
CutoffSink = Callable[[str, int], None]


class RuleIndex:
    """The incremental state of the engine for one domain and one active configuration.

    Args:
        cfg: the active configuration.
        limit: the cardinality cut-off (spec 2.3 step 4).
        on_cutoff: called for each (profile, level) that step 4 cuts off.
    """

    def __init__(
        self,
        cfg: RuleConfig,
        limit: int = DEFAULT_CARDINALITY_LIMIT,
        on_cutoff: CutoffSink | None = None,
        domain: str = "",
    ) -> None:
        self.cfg = cfg
        self.limit = limit
        self.on_cutoff = on_cutoff
        self.domain = domain
        #: The configuration generation this index was built for (owner's bookkeeping).
        self.generation = 0
        self.by_match_id: dict[str, str] = {}  # MatchId -> anchor
        #: (anchor order, anchor) of every group, sorted, kept up to date by _install and
        #: _drop_group: a page of groups_after is a bisection plus what it reads.
        self._ordered: SortedList[tuple[tuple[float, str], str]] = SortedList()
        self._order_of: dict[str, tuple[float, str]] = {}  # anchor -> its key there
        self.entries: dict[str, _Entry] = {}
        self.buckets: list[dict[tuple[str, ...], set[str]]] = [{} for _ in cfg.levels]
        #: (attribute, value without subtype) -> profiles holding it (pooled, step 4).
        self.holders: dict[tuple[str, str], set[str]] = {}
        #: The pooled values held by more than ``limit`` profiles (step 4's candidates).
        self.crowded: set[tuple[str, str]] = set()
        self.groups: dict[str, Group] = {}  # by anchor
        self.group_of: dict[str, str] = {}  # profile id -> anchor
        self._attributes = tuple(dict.fromkeys(a for level in cfg.levels for a in level))
        self._cut_reported: set[tuple[str, int]] = set()

    # ------------------------------------------------------------ indexing

    def _entry(self, pid: str, fields: Mapping[str, Any], order: tuple[float, str]) -> _Entry:
        cfg = self.cfg
        values = {a: attribute_values(fields, a, cfg) for a in self._attributes}
        keys: list[frozenset[tuple[str, ...]]] = []
        for level in cfg.levels:
            parts: list[set[str]] = []
            for attr in level:
                vals = values[attr]
                if not vals:
                    parts = []
                    break
                if attr in TYPE_OF and not cfg.many_to_many:
                    parts.append({f"{sub}\0{v}" for sub, v in vals})  # ONE_TO_ONE: per subtype
                else:
                    parts.append({v for _, v in vals})
            if not parts:
                keys.append(frozenset())
            elif all(len(part) == 1 for part in parts):
                keys.append(frozenset((tuple(next(iter(part)) for part in parts),)))
            else:
                keys.append(frozenset(itertools.product(*parts)))
        return _Entry(order, values, keys)

    def _pooled(self, entry: _Entry) -> set[tuple[str, str]]:
        return {(a, v) for a, vals in entry.values.items() for _, v in vals}

    def _add(self, pid: str, entry: _Entry) -> set[tuple[str, str]]:
        """Index ``entry``; return the pooled values whose cardinality crossed the limit."""
        self.entries[pid] = entry
        for i, keys in enumerate(entry.keys):
            bucket = self.buckets[i]
            for key in keys:
                bucket.setdefault(key, set()).add(pid)
        crossed = set()
        for pooled in self._pooled(entry):
            owners = self.holders.setdefault(pooled, set())
            owners.add(pid)
            if len(owners) == self.limit + 1:
                crossed.add(pooled)
                self.crowded.add(pooled)
        return crossed

    def _remove(self, pid: str) -> set[tuple[str, str]]:
        entry = self.entries.pop(pid, None)
        if entry is None:
            return set()
        for i, keys in enumerate(entry.keys):
            bucket = self.buckets[i]
            for key in keys:
                owners = bucket.get(key)
                if owners is not None:
                    owners.discard(pid)
                    if not owners:
                        del bucket[key]
        crossed = set()
        for pooled in self._pooled(entry):
            owners = self.holders.get(pooled)
            if owners is None:
                continue
            owners.discard(pid)
            if len(owners) == self.limit:
                crossed.add(pooled)
                self.crowded.discard(pooled)
            if not owners:
                del self.holders[pooled]
        return crossed

    # ------------------------------------------------------------ matching

    def cut_off(self, pid: str, level: int) -> bool:
        """Step 4: every attribute of ``level`` (1-based) is low cardinality for ``pid``."""
        crowded = self.crowded
        if not crowded:
            return False
        entry = self.entries[pid]
        for attr in self.cfg.levels[level - 1]:
            vals = entry.values[attr]
            if not vals:
                return False  # [A] a missing value is not low cardinality
            for _, v in vals:
                if (attr, v) not in crowded:
                    return False
        return True

    def partners(self, pid: str, level: int) -> set[str]:
        """The profiles that ``match(pid, q, level)`` (step 3)."""
        entry = self.entries.get(pid)
        if entry is None or not entry.keys[level - 1] or self.cut_off(pid, level):
            return set()
        bucket = self.buckets[level - 1]
        out: set[str] = set()
        for key in entry.keys[level - 1]:
            out |= bucket.get(key, set())
        out.discard(pid)
        return {q for q in out if not self.cut_off(q, level)}

    def _report_cutoffs(self, pids: Iterable[str]) -> None:
        if self.on_cutoff is None or not self.crowded:
            return
        for pid in pids:
            for level in range(1, len(self.cfg.levels) + 1):
                if (pid, level) in self._cut_reported:
                    continue
                if self.entries[pid].keys[level - 1] and self.cut_off(pid, level):
                    self._cut_reported.add((pid, level))
                    self.on_cutoff(pid, level)

    def all_partners(self, pid: str) -> set[str]:
        """Partners at any level up to the matching level."""
        out: set[str] = set()
        for level in range(1, len(self.cfg.levels) + 1):
            out |= self.partners(pid, level)
        return out

    # ------------------------------------------------------------ grouping (step 5)

    def _group(self, component: Iterable[str]) -> list[Group]:
        ordered = sorted(component, key=lambda p: self.entries[p].order)
        order = {p: i for i, p in enumerate(ordered)}
        groups: list[Group] = []
        member: dict[str, Group] = {}
        for level in range(1, len(self.cfg.levels) + 1):
            partners = {p: self.partners(p, level) for p in ordered if p not in member}
            changed = bool(groups)
            while changed:  # (a) join an existing group
                changed = False
                for p in ordered:
                    if p in member:
                        continue
                    joined = [member[q] for q in partners[p] if q in member]
                    if joined:
                        best = min(joined, key=lambda g: (g.level, order[g.anchor]))
                        best.members[p] = level
                        member[p] = best
                        changed = True
            free = [p for p in ordered if p not in member]
            parent = {p: p for p in free}
            for p in free:  # (b) found new groups
                for q in partners[p]:
                    if q in parent:
                        a, b = _find(parent, p), _find(parent, q)
                        if a != b:
                            if order[a] < order[b]:
                                parent[b] = a
                            else:
                                parent[a] = b
            comps: dict[str, list[str]] = {}
            for p in free:
                comps.setdefault(_find(parent, p), []).append(p)
            for members in comps.values():
                if len(members) >= 2:
                    group = Group(members[0], level, dict.fromkeys(members, level))
                    groups.append(group)
                    for p in members:
                        member[p] = group
        return groups

    def _install(self, groups: list[Group]) -> None:
        for group in groups:
            self._unorder(group.anchor)
            order = self.entries[group.anchor].order
            self._order_of[group.anchor] = order
            self._ordered.add((order, group.anchor))
            self.groups[group.anchor] = group
            self.by_match_id[group.match_id(self.domain)] = group.anchor
            for pid in group.members:
                self.group_of[pid] = group.anchor

    def _unorder(self, anchor: str) -> None:
        order = self._order_of.pop(anchor, None)
        if order is not None:
            self._ordered.discard((order, anchor))

    def _drop_group(self, anchor: str) -> None:
        self._unorder(anchor)
        group = self.groups.pop(anchor, None)
        if group is not None:
            self.by_match_id.pop(group.match_id(self.domain), None)
            for pid in group.members:
                if self.group_of.get(pid) == anchor:
                    del self.group_of[pid]

    # ------------------------------------------------------------ public updates

    def rebuild(self, profiles: Iterable[tuple[str, Mapping[str, Any], tuple[float, str]]]) -> None:
        """Evaluate every profile from scratch: ``(profile_id, fields, order)`` triples.

        The cyclic garbage collector is paused meanwhile: building a few hundred
        thousand small sets and tuples otherwise triggers full collections over the
        whole (large) heap again and again, which costs more than the build itself.
        """
        paused = gc.isenabled()
        gc.disable()
        try:
            self._rebuild(profiles)
        finally:
            if paused:
                gc.enable()

    def _rebuild(
        self, profiles: Iterable[tuple[str, Mapping[str, Any], tuple[float, str]]]
    ) -> None:
        self.entries.clear()
        self.buckets = [{} for _ in self.cfg.levels]
        self.holders.clear()
        self.crowded.clear()
        self.groups.clear()
        self._ordered.clear()
        self._order_of.clear()
        self.group_of.clear()
        self.by_match_id.clear()
        self._cut_reported.clear()
        for pid, fields, order in profiles:
            self._add(pid, self._entry(pid, fields, order))
        self._report_cutoffs(self.entries)
        # Components of the "matches at some level" graph: union-find over buckets.
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            root = parent.setdefault(x, x)
            while parent[root] != root:
                parent[root] = parent[parent[root]]
                root = parent[root]
            return root

        for level, bucket in enumerate(self.buckets, start=1):
            for owners in bucket.values():
                if len(owners) < 2:
                    continue
                live = (
                    [p for p in owners if not self.cut_off(p, level)]
                    if self.crowded
                    else list(owners)
                )
                for q in live[1:]:
                    a, b = find(live[0]), find(q)
                    if a != b:
                        parent[b] = a
        comps: dict[str, list[str]] = {}
        for pid in parent:
            comps.setdefault(find(pid), []).append(pid)
        for members in comps.values():
            if len(members) >= 2:
                self._install(self._group(members))

    def update(
        self, pid: str, fields: Mapping[str, Any] | None, order: tuple[float, str] | None = None
    ) -> list[Group]:
        """Re-index profile ``pid`` (``fields=None``: it is gone) and regroup what it touches.

        Returns:
            The groups formed again over the touched profiles.
        """
        seeds: set[str] = {pid}
        if pid in self.entries:
            seeds |= self.all_partners(pid)
        crossed = self._remove(pid)
        if fields is not None:
            if order is None:
                raise ValueError("order is required for a live profile")
            entry = self._entry(pid, fields, order)
            crossed |= self._add(pid, entry)
            self._cut_reported = {c for c in self._cut_reported if c[0] != pid}
        for pooled in crossed:
            seeds |= self.holders.get(pooled, set())
        if fields is not None:
            seeds |= self.all_partners(pid)
        # Closure: whole components around the seeds, plus the groups they were in.
        seen: set[str] = set()
        stack = list(seeds)
        anchors: set[str] = set()
        while stack:
            p = stack.pop()
            if p in seen:
                continue
            seen.add(p)
            anchor = self.group_of.get(p)
            if anchor is not None and anchor not in anchors:
                anchors.add(anchor)
                stack.extend(self.groups[anchor].members)
            if p in self.entries:
                stack.extend(self.all_partners(p) - seen)
        for anchor in anchors:
            self._drop_group(anchor)
        live = [p for p in seen if p in self.entries]
        self._report_cutoffs(live)
        groups = self._group(live)
        self._install(groups)
        return groups

    def groups_after(
        self, after: tuple[float, str] | None
    ) -> Iterator[tuple[tuple[float, str], Group]]:
        """``(anchor order, group)`` in anchor ``(CreatedAt, ProfileId)`` order (the order
        of ListRuleBasedMatches), strictly after ``after`` (from the first when ``None``):
        a bisection in the sorted groups, then what is read."""
        # (after, chr(0x10FFFF)) sorts after every key whose order is ``after`` (its
        # anchor id is shorter text), so the walk starts at the first later order.
        low = None if after is None else (after, chr(0x10FFFF))
        for order, anchor in self._ordered.irange(minimum=low, inclusive=(False, True)):
            yield order, self.groups[anchor]

    def group_by_match_id(self, match_id: str) -> Group | None:
        """The group whose MatchId is ``match_id``, if any."""
        anchor = self.by_match_id.get(match_id)
        return self.groups.get(anchor) if anchor is not None else None
