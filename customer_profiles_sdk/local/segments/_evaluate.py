"""The classic evaluator: a ``SegmentGroup`` as a per-profile predicate (segments spec 2).

Every combinator of spec 2.1 is pointwise (``ALL`` = intersection = ``all``, ``ANY`` =
union = ``any``, ``NONE`` = domain minus the union = ``not any``), so a definition
compiles to one predicate ``profile -> bool``, source segments included. That gives:

* membership of a few profiles at the cost of those profiles (GetSegmentMembership,
  LIVE re-evaluation of the profiles a write changed);
* the whole segment in one pass over the domain's live profiles (estimates, snapshots,
  scheduled runs), memory O(members).

Calculated-attribute values come from :func:`.._calculated.evaluate` (the very code of
``GetCalculatedAttributeForProfile``), fed with the profile's own objects from an index
built once per evaluation, and are cached per evaluation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .. import _calculated
from .._errors import bad_request
from .._registry import DAY, Context
from .._state import DomainRec, ObjectRec, ProfileRec
from . import _values
from ._records import DefinitionRec

Predicate = Callable[[ProfileRec], bool]
#: Reads one profile's value; ``None`` when missing.
ValueOf = Callable[[ProfileRec], "str | None"]

#: Classic segments see "data updated in the past 3 years" (D201). [A] 1,095 days.
RECENT_DAYS = 1095

STRING_OPERATORS = frozenset({"INCLUSIVE", "EXCLUSIVE", "CONTAINS", "BEGINS_WITH", "ENDS_WITH"})
DATE_OPERATORS = frozenset({"BEFORE", "AFTER", "BETWEEN", "NOT_BETWEEN", "ON"})
NUMBER_OPERATORS = frozenset(
    {"GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN_OR_EQUAL", "EQUAL"}
)
LIST_OPERATORS = frozenset({"LIST_CONTAINS", "LIST_CONTAINS_ALL"})

_PROFILE_REF = "{{_profile."
_CALCULATED_REF = "{{_calculated_attribute."


def parse_reference(value: str) -> tuple[str, str] | None:
    """``("profile", path)`` or ``("calculated", name)`` for a whole ``{{...}}``
    reference (spec 2.9); ``None`` for a literal value. Validity is checked by
    :mod:`._checks`."""
    if "{{" not in value:
        return None
    if value.startswith(_PROFILE_REF) and value.endswith("}}"):
        return "profile", value[len(_PROFILE_REF) : -2]
    if value.startswith(_CALCULATED_REF) and value.endswith("}}"):
        return "calculated", value[len(_CALCULATED_REF) : -2]
    return "invalid", value


def combine(kind: str, results: Iterable[bool]) -> bool:
    """``ALL`` / ``ANY`` / ``NONE`` of truth values (short-circuiting)."""
    if kind == "ANY":
        return any(results)
    if kind == "NONE":
        return not any(results)
    return all(results)


class Evaluation:
    """One evaluation of segments at one instant over one domain (spec 2.1).

    Args:
        ctx: the handler context (clock, region).
        domain: the domain whose profiles are evaluated.
        now: the evaluation instant (every source segment uses the same one).
    """

    def __init__(self, ctx: Context, domain: DomainRec, now: float) -> None:
        self.ctx = ctx
        self.domain = domain
        self.now = now
        self.oldest_update = now - RECENT_DAYS * DAY
        self._compiled: dict[str, Predicate] = {}
        self._active: set[str] = set()
        self._objects: dict[str, list[ObjectRec]] | None = None
        self._calculated: dict[tuple[str, Any, str], str | None] = {}

    # ----------------------------------------------------------------- profiles

    def is_live(self, profile: ProfileRec) -> bool:
        """Whether a profile is part of the evaluated population (spec 0): not expired
        and updated within the last 3 years. [A]"""
        return profile.expires_at > self.now and profile.updated_at >= self.oldest_update

    def population(self) -> Iterator[ProfileRec]:
        """The live profiles, in creation order (the domain's insertion order)."""
        for profile in self.domain.profiles.values():
            if self.is_live(profile):
                yield profile

    def members(self, predicate: Predicate) -> list[ProfileRec]:
        """The live profiles ``predicate`` holds for, in creation order."""
        return [p for p in self.population() if predicate(p)]

    # ----------------------------------------------------------------- compile

    def definition(self, name: str) -> Predicate:
        """The predicate of the classic definition ``name``.

        Raises:
            ServiceFault: ``BadRequestException`` when the definition (a source that was
                deleted, spec 1.7) does not exist or is not classic.
        """
        compiled = self._compiled.get(name)
        if compiled is not None:
            return compiled
        rec = self.domain.segments.definitions.get(name)
        if rec is None:
            raise bad_request(f"Source segment {name} does not exist")
        if rec.segment_type != "CLASSIC":
            # [A] spec ambiguity 22: SQL segments cannot be starting audiences.
            raise bad_request(f"Source segment {name} is not a classic segment")
        if name in self._active:
            # Only possible after a source was deleted and re-created on top of its
            # dependant (definitions are immutable otherwise). [A]
            raise bad_request(f"Segment {name} uses itself through its source segments")
        self._active.add(name)
        try:
            compiled = self.groups(rec.definition["SegmentGroups"])
        finally:
            self._active.discard(name)
        self._compiled[name] = compiled
        return compiled

    def of(self, rec: DefinitionRec) -> Predicate:
        """The predicate of a classic definition record."""
        return self.definition(rec.name)

    def groups(self, segment_groups: dict[str, Any]) -> Predicate:
        """Compile a ``SegmentGroup`` / ``SegmentGroupStructure`` (spec 2.1).

        [A] absent combinators default to ``Include=ALL``, ``Type=ALL``,
        ``SourceType=ANY`` (spec ambiguity 2), applied here and never stored.
        """
        include = segment_groups.get("Include") or "ALL"
        groups = [self._group(g) for g in segment_groups.get("Groups") or []]
        if len(groups) == 1:
            return groups[0]
        return lambda p: combine(include, (g(p) for g in groups))

    def _group(self, group: dict[str, Any]) -> Predicate:
        sources = [
            self.definition(s["SegmentDefinitionName"]) for s in group.get("SourceSegments") or []
        ]
        source_type = group.get("SourceType") or "ANY"
        dimensions = [self._dimension(d) for d in group.get("Dimensions") or []]
        kind = group.get("Type") or "ALL"

        def base(p: ProfileRec) -> bool:
            return combine(source_type, (s(p) for s in sources))

        if not dimensions:
            return base if sources else (lambda p: True)
        if len(dimensions) == 1 and kind == "ALL":
            filtered = dimensions[0]
        else:

            def filtered(p: ProfileRec) -> bool:
                return combine(kind, (d(p) for d in dimensions))

        if not sources:
            return filtered
        return lambda p: base(p) and filtered(p)

    def _dimension(self, dimension: dict[str, Any]) -> Predicate:
        """[A] every field, ``Attributes`` key and ``CalculatedAttributes`` key set in
        one dimension must hold (AND)."""
        conditions: list[Predicate] = []
        profile_attributes = dimension.get("ProfileAttributes")
        if profile_attributes:
            for name, spec in profile_attributes.items():
                if name == "Attributes":
                    for key, attribute in spec.items():
                        conditions.append(
                            self.condition(_values.reader(f"Attributes.{key}"), attribute)
                        )
                elif name in _values.ADDRESS_BLOCKS:
                    for part, part_spec in spec.items():
                        conditions.append(
                            self.condition(_values.reader(f"{name}.{part}"), part_spec)
                        )
                else:
                    conditions.append(self.condition(_values.reader(name), spec))
        for name, spec in (dimension.get("CalculatedAttributes") or {}).items():
            override = (spec.get("ConditionOverrides") or {}).get("Range")
            conditions.append(self.condition(self.calculated_value(name, override), spec))
        if len(conditions) == 1:
            return conditions[0]
        return lambda p: all(c(p) for c in conditions)

    # ----------------------------------------------------------------- values

    def calculated_value(self, name: str, override: dict[str, Any] | None) -> ValueOf:
        """A reader of calculated attribute ``name`` for a profile, as
        ``GetCalculatedAttributeForProfile`` computes it at this instant, with
        ``override`` replacing the definition's range (spec 2.8).

        Raises:
            ServiceFault: ``BadRequestException`` when the calculated attribute no
                longer exists.
        """
        rec = self.domain.calculated_attributes.get(name)
        if rec is None:
            raise bad_request(f"Calculated attribute {name} does not exist in the domain")
        override_key = tuple(sorted(override.items())) if override else None
        cache = self._calculated

        def value(p: ProfileRec) -> str | None:
            key = (name, override_key, p.profile_id)
            if key in cache:
                return cache[key]
            result = _calculated.evaluate(
                self.ctx, self.domain, rec, p, override, objects=self.objects_of(p.profile_id)
            )
            text = result.get("Value")
            found = text if isinstance(text, str) and text else None
            cache[key] = found
            return found

        return value

    def objects_of(self, profile_id: str) -> list[ObjectRec]:
        """The profile's live objects updated within the last 3 years (spec 0). [A]

        The index is built on first use, in one pass over the domain's objects.
        """
        if self._objects is None:
            index: dict[str, list[ObjectRec]] = {}
            for obj in self.domain.objects.values():
                if obj.expires_at > self.now and obj.ingested_at >= self.oldest_update:
                    index.setdefault(obj.profile_id, []).append(obj)
            self._objects = index
        return self._objects.get(profile_id, [])

    def reference(self, value: str) -> ValueOf:
        """The reader behind a ``{{_profile.X}}`` / ``{{_calculated_attribute.X}}``
        value (spec 2.9); a calculated reference uses the definition's own range."""
        kind, target = parse_reference(value) or ("invalid", value)
        if kind == "profile":
            return _values.reader(target)
        if kind == "calculated":
            return self.calculated_value(target, None)
        raise bad_request("A dimension value reference is not valid")  # checked at create

    # ----------------------------------------------------------------- conditions

    def condition(self, value_of: ValueOf, spec: dict[str, Any]) -> Predicate:
        """One ``{DimensionType, Values}`` applied to the value ``value_of`` reads.

        Every operator is false for a missing value, ``EXCLUSIVE`` and ``NOT_BETWEEN``
        included (spec 2.2). [A] (ambiguity 1)
        """
        operator: str = spec["DimensionType"]
        literals: list[str] = []
        dynamic: list[tuple[int, ValueOf]] = []
        for position, raw in enumerate(spec["Values"]):
            if parse_reference(raw) is None:
                literals.append(raw)
            else:
                dynamic.append((position, self.reference(raw)))
        test = _operator(operator)
        if not dynamic:
            prepared = test.prepare(literals)

            def static(p: ProfileRec) -> bool:
                value = value_of(p)
                return value is not None and test.holds(value, prepared)

            return static
        raw_values = list(spec["Values"])

        def with_references(p: ProfileRec) -> bool:
            value = value_of(p)
            if value is None:
                return False
            resolved: list[str | None] = list(raw_values)
            for position, reader in dynamic:
                resolved[position] = reader(p)
            if operator in ("BETWEEN", "NOT_BETWEEN") and None in resolved:
                return False  # [A] a missing bound makes the range false (spec 2.9)
            present = [v for v in resolved if v is not None]
            if not present:
                return False  # [A] nothing left to compare with
            return test.holds(value, test.prepare(present, dynamic=True))

        return with_references


# --------------------------------------------------------------------------- operators


class _Test:
    """An operator: ``prepare`` turns the values into a comparable form once,
    ``holds`` compares one present profile value with them."""

    def prepare(self, values: list[str], *, dynamic: bool = False) -> Any:
        return values

    def holds(self, value: str, prepared: Any) -> bool:
        raise NotImplementedError


class _Inclusive(_Test):
    def prepare(self, values: list[str], *, dynamic: bool = False) -> Any:
        return frozenset(values)

    def holds(self, value: str, prepared: Any) -> bool:
        return value in prepared


class _Exclusive(_Inclusive):
    def holds(self, value: str, prepared: Any) -> bool:
        return value not in prepared


class _Contains(_Test):
    def holds(self, value: str, prepared: Any) -> bool:
        return any(v in value for v in prepared)


class _BeginsWith(_Test):
    def prepare(self, values: list[str], *, dynamic: bool = False) -> Any:
        return tuple(values)

    def holds(self, value: str, prepared: Any) -> bool:
        return value.startswith(prepared)


class _EndsWith(_BeginsWith):
    def holds(self, value: str, prepared: Any) -> bool:
        return value.endswith(prepared)


def _instants(values: list[str], dynamic: bool) -> list[float | None]:
    # A literal is a filter value (checked at create); a reference yields a profile
    # value, which may also be an epoch. [A]
    parse = _values.value_instant if dynamic else _values.filter_instant
    return [parse(v) for v in values]


class _Before(_Test):
    def prepare(self, values: list[str], *, dynamic: bool = False) -> Any:
        found = [t for t in _instants(values, dynamic) if t is not None]
        return max(found) if found else None

    def holds(self, value: str, prepared: Any) -> bool:
        moment = _values.value_instant(value)
        return moment is not None and prepared is not None and moment < prepared


class _After(_Test):
    def prepare(self, values: list[str], *, dynamic: bool = False) -> Any:
        found = [t for t in _instants(values, dynamic) if t is not None]
        return min(found) if found else None

    def holds(self, value: str, prepared: Any) -> bool:
        moment = _values.value_instant(value)
        return moment is not None and prepared is not None and moment > prepared


class _On(_Test):
    """Same UTC calendar day as some value, the time ignored (D212)."""

    def prepare(self, values: list[str], *, dynamic: bool = False) -> Any:
        return frozenset(_values.utc_day(t) for t in _instants(values, dynamic) if t is not None)

    def holds(self, value: str, prepared: Any) -> bool:
        moment = _values.value_instant(value)
        return moment is not None and _values.utc_day(moment) in prepared


class _Between(_Test):
    """start <= t <= end, inclusive (D201 "Time range is"). [A]"""

    inside = True

    def prepare(self, values: list[str], *, dynamic: bool = False) -> Any:
        bounds = _instants(values, dynamic)
        if len(bounds) != 2 or None in bounds:
            return None
        return bounds[0], bounds[1]

    def holds(self, value: str, prepared: Any) -> bool:
        moment = _values.value_instant(value)
        if moment is None or prepared is None:
            return False
        start, end = prepared
        return (start <= moment <= end) is self.inside


class _NotBetween(_Between):
    """t exists and is outside [start, end] (D201)."""

    inside = False


class _Compare(_Test):
    """Numeric comparison; several values OR-ed (spec 2.5)."""

    def __init__(self, operator: str) -> None:
        self.operator = operator

    def prepare(self, values: list[str], *, dynamic: bool = False) -> Any:
        numbers = [n for n in (_values.number(v) for v in values) if n is not None]
        if not numbers:
            return None
        if self.operator in ("GREATER_THAN", "GREATER_THAN_OR_EQUAL"):
            return min(numbers)
        if self.operator in ("LESS_THAN", "LESS_THAN_OR_EQUAL"):
            return max(numbers)
        return frozenset(numbers)

    def holds(self, value: str, prepared: Any) -> bool:
        found = _values.number(value)
        if found is None or prepared is None:
            return False  # [A] a text value never compares, not even with EQUAL
        op = self.operator
        if op == "GREATER_THAN":
            return bool(found > prepared)
        if op == "GREATER_THAN_OR_EQUAL":
            return bool(found >= prepared)
        if op == "LESS_THAN":
            return bool(found < prepared)
        if op == "LESS_THAN_OR_EQUAL":
            return bool(found <= prepared)
        return found in prepared  # EQUAL: numeric equality, "10" == "10.0"


class _ListContains(_Test):
    every = False

    def holds(self, value: str, prepared: Any) -> bool:
        elements = set(_values.as_list(value))
        if self.every:
            return all(v in elements for v in prepared)
        return any(v in elements for v in prepared)


class _ListContainsAll(_ListContains):
    every = True


_SIMPLE: dict[str, _Test] = {
    "INCLUSIVE": _Inclusive(),
    "EXCLUSIVE": _Exclusive(),
    "CONTAINS": _Contains(),
    "BEGINS_WITH": _BeginsWith(),
    "ENDS_WITH": _EndsWith(),
    "BEFORE": _Before(),
    "AFTER": _After(),
    "ON": _On(),
    "BETWEEN": _Between(),
    "NOT_BETWEEN": _NotBetween(),
    "LIST_CONTAINS": _ListContains(),
    "LIST_CONTAINS_ALL": _ListContainsAll(),
}


def _operator(operator: str) -> _Test:
    if operator in NUMBER_OPERATORS:
        return _Compare(operator)
    test = _SIMPLE.get(operator)
    if test is None:  # the model's enum is checked before any handler runs
        raise bad_request(f"DimensionType {operator} is not supported by the emulator")
    return test
