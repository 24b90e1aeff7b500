"""Semantic checks of segment definitions and estimate queries (segments spec 1.4).

The model's own constraints (``max``, ``pattern``, ``enum``, the ``Dimension`` union)
are checked by the dispatcher before a handler runs (rule 1). Messages name the member
path, never a value: ``SegmentGroups`` is sensitive in the model.
"""

from __future__ import annotations

from typing import Any

from .._errors import bad_request
from .._state import DomainRec
from . import _values
from ._evaluate import (
    DATE_OPERATORS,
    NUMBER_OPERATORS,
    parse_reference,
)

#: Starting audiences per group (D201). [A] BadRequest for 6+.
MAX_SOURCES = 5
#: Nesting of starting audiences (D202), counting the segment itself (a chain of six
#: definitions fails, segments spec scenario 1.8.6). [A]
MAX_DEPTH = 5
#: Unique attributes counted recursively through sources (D202).
MAX_ATTRIBUTES = 60
#: Unique calculated attributes counted recursively through sources (D202).
MAX_CALCULATED = 10
#: ``ConditionOverrides.Range`` bounds (CloudFormation, D211).
RANGE_START = (1, 366)
RANGE_END = (0, 366)
MAX_SORT_ATTRIBUTES = 10


def check_groups(domain: DomainRec, groups: Any, *, where: str, new_name: str | None) -> None:
    """Rules 4-10 of spec 1.4 for a ``SegmentGroups`` / ``SegmentQuery``.

    Args:
        domain: the domain the definition or estimate belongs to.
        groups: the ``SegmentGroup`` structure as sent.
        where: the member name for messages (``SegmentGroups`` / ``SegmentQuery``).
        new_name: the name of the definition being created (cycle check), or ``None``.

    Raises:
        ServiceFault: ``BadRequestException`` naming the first broken rule.
    """
    group_list = groups.get("Groups") if isinstance(groups, dict) else None
    if not group_list:
        # [A] a segment has at least one audience group (D201), rule 4.
        raise bad_request(f"{where}.Groups must hold at least one group")
    for g, group in enumerate(group_list):
        path = f"{where}.Groups[{g}]"
        sources = group.get("SourceSegments") or []
        if len(sources) > MAX_SOURCES:
            raise bad_request(f"{path}.SourceSegments: at most {MAX_SOURCES} source segments")
        for s, source in enumerate(sources):
            name = source.get("SegmentDefinitionName")
            if not name:
                raise bad_request(f"{path}.SourceSegments[{s}].SegmentDefinitionName is required")
            rec = domain.segments.definitions.get(name)
            if rec is None:
                raise bad_request(f"{path}.SourceSegments[{s}]: segment {name} does not exist")
            if rec.segment_type != "CLASSIC":
                # [A] spec ambiguity 22.
                raise bad_request(
                    f"{path}.SourceSegments[{s}]: segment {name} is not a classic segment "
                    "(SQL segments cannot be source segments)"
                )
        for d, dimension in enumerate(group.get("Dimensions") or []):
            _check_dimension(domain, dimension, f"{path}.Dimensions[{d}]")
    depth = 1 + max((_depth(domain, n, new_name, set()) for n in _sources(groups)), default=0)
    if depth > MAX_DEPTH:
        raise bad_request(
            f"{where}: source segments are nested {depth} levels deep; at most {MAX_DEPTH}"
        )
    profile_paths, calculated = attributes_used(domain, groups)
    if len(calculated) > MAX_CALCULATED:
        raise bad_request(
            f"{where} uses {len(calculated)} unique calculated attributes (counted through "
            f"its source segments); at most {MAX_CALCULATED}"
        )
    if len(profile_paths) + len(calculated) > MAX_ATTRIBUTES:
        raise bad_request(
            f"{where} uses {len(profile_paths) + len(calculated)} unique attributes (counted "
            f"through its source segments); at most {MAX_ATTRIBUTES}"
        )


def check_sort(domain: DomainRec, sort: dict[str, Any]) -> None:
    """Rule 11: ``Type=CALCULATED`` sort attributes must exist. [A]"""
    attributes = sort.get("Attributes") or []
    if len(attributes) > MAX_SORT_ATTRIBUTES:  # also a model maximum
        raise bad_request(f"SegmentSort.Attributes: at most {MAX_SORT_ATTRIBUTES} attributes")
    for i, attribute in enumerate(attributes):
        if attribute.get("Type") == "CALCULATED" and (
            attribute["Name"] not in domain.calculated_attributes
        ):
            raise bad_request(
                f"SegmentSort.Attributes[{i}]: calculated attribute {attribute['Name']} "
                "does not exist in the domain"
            )


# --------------------------------------------------------------------------- dimensions


def _check_dimension(domain: DomainRec, dimension: Any, path: str) -> None:
    members = [
        k for k in ("ProfileAttributes", "CalculatedAttributes") if dimension.get(k) is not None
    ]
    if len(members) != 1:
        # [A] rule 5: an empty dimension (or one with two members, raw HTTP only).
        raise bad_request(f"{path} must set exactly one of ProfileAttributes, CalculatedAttributes")
    profile_attributes = dimension.get("ProfileAttributes")
    if profile_attributes is not None:
        if not any(v is not None for v in profile_attributes.values()):
            raise bad_request(f"{path}.ProfileAttributes must set at least one attribute")
        for name, spec in profile_attributes.items():
            where = f"{path}.ProfileAttributes.{name}"
            if name == "Attributes":
                if not spec:
                    raise bad_request(f"{where} must hold at least one attribute")
                for key, attribute in spec.items():
                    _check_condition(domain, attribute, f"{where}['{key}']")
            elif name in _values.ADDRESS_BLOCKS:
                if not spec:
                    raise bad_request(f"{where} must set at least one address part")
                for part, part_spec in spec.items():
                    _check_condition(domain, part_spec, f"{where}.{part}")
            else:
                _check_condition(domain, spec, where)
    calculated = dimension.get("CalculatedAttributes")
    if calculated is not None:
        if not calculated:
            raise bad_request(f"{path}.CalculatedAttributes must hold at least one attribute")
        for name, spec in calculated.items():
            where = f"{path}.CalculatedAttributes['{name}']"
            if name not in domain.calculated_attributes:
                raise bad_request(f"{where}: calculated attribute {name} does not exist")  # rule 7
            _check_condition(domain, spec, where)
            override = (spec.get("ConditionOverrides") or {}).get("Range")
            if override is not None:
                _check_range(override, f"{where}.ConditionOverrides.Range")


def _check_range(override: dict[str, Any], where: str) -> None:
    start, end = override.get("Start"), override.get("End")
    if not isinstance(start, int) or not RANGE_START[0] <= start <= RANGE_START[1]:
        raise bad_request(f"{where}.Start must be between {RANGE_START[0]} and {RANGE_START[1]}")
    if end is not None and (not isinstance(end, int) or not RANGE_END[0] <= end <= RANGE_END[1]):
        raise bad_request(f"{where}.End must be between {RANGE_END[0]} and {RANGE_END[1]}")


def _check_condition(domain: DomainRec, spec: dict[str, Any], where: str) -> None:
    """Rule 9 (operator/value consistency) and rule 7 for references. [A]"""
    operator: str = spec["DimensionType"]
    values: list[str] = spec["Values"]
    for i, value in enumerate(values):
        found = parse_reference(value)
        if found is None:
            continue
        kind, target = found
        if kind == "profile" and _values.is_profile_path(target):
            continue
        if kind == "calculated":
            if target not in domain.calculated_attributes:
                raise bad_request(
                    f"{where}.Values[{i}] references calculated attribute {target}, "
                    "which does not exist"
                )
            continue
        raise bad_request(
            f"{where}.Values[{i}]: a value containing '{{{{' must be one whole reference "
            "{{_profile.<Path>}} or {{_calculated_attribute.<Name>}}"
        )
    literal = [(i, v) for i, v in enumerate(values) if parse_reference(v) is None]
    if operator in ("BETWEEN", "NOT_BETWEEN") and len(values) != 2:
        raise bad_request(f"{where}: {operator} needs exactly two values (start, end)")
    if operator in DATE_OPERATORS:
        instants: dict[int, float] = {}
        for i, value in literal:
            moment = _values.filter_instant(value)
            if moment is None:
                # [A] relative ranges and other forms (spec 2.4, ambiguity 4).
                raise bad_request(
                    f"{where}.Values[{i}]: date value not supported by the emulator "
                    "(expected YYYY-MM-DD or an ISO-8601 date-time)"
                )
            instants[i] = moment
        if (
            operator in ("BETWEEN", "NOT_BETWEEN")
            and len(instants) == 2
            and instants[0] > instants[1]
        ):
            raise bad_request(f"{where}: the start of {operator} is after its end")
    elif operator in NUMBER_OPERATORS:
        for i, value in literal:
            if _values.number(value) is None:
                raise bad_request(f"{where}.Values[{i}]: {operator} needs a decimal number")


# --------------------------------------------------------------------------- sources


def _sources(groups: dict[str, Any]) -> list[str]:
    return [
        s["SegmentDefinitionName"]
        for g in groups.get("Groups") or []
        for s in g.get("SourceSegments") or []
        if s.get("SegmentDefinitionName")
    ]


def _depth(domain: DomainRec, name: str, new_name: str | None, seen: set[str]) -> int:
    """Levels of definition ``name`` (1 without sources); deleted sources count 0."""
    if name == new_name or name in seen:
        # A stale reference to a deleted definition of the new one's name. [A]
        raise bad_request(f"Segment {name} would use itself through its source segments")
    rec = domain.segments.definitions.get(name)
    if rec is None or rec.segment_type != "CLASSIC":
        return 0
    below = [
        _depth(domain, n, new_name, seen | {name})
        for n in _sources(rec.definition["SegmentGroups"])
    ]
    return 1 + max(below, default=0)


def attributes_used(domain: DomainRec, groups: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The distinct profile paths and calculated-attribute names a query uses, counted
    through its source segments (D202). [A] a reference counts as a use of what it
    names; ``Address.City`` and ``ShippingAddress.City`` are different paths."""
    paths: set[str] = set()
    calculated: set[str] = set()
    _collect(domain, groups, paths, calculated, set())
    return paths, calculated


def _collect(
    domain: DomainRec,
    groups: dict[str, Any],
    paths: set[str],
    calculated: set[str],
    seen: set[str],
) -> None:
    def add_values(values: list[str]) -> None:
        for value in values:
            found = parse_reference(value)
            if found is not None and found[0] == "profile":
                paths.add(found[1])
            elif found is not None and found[0] == "calculated":
                calculated.add(found[1])

    for group in groups.get("Groups") or []:
        for dimension in group.get("Dimensions") or []:
            for name, spec in (dimension.get("ProfileAttributes") or {}).items():
                if name == "Attributes":
                    for key, attribute in (spec or {}).items():
                        paths.add(f"Attributes.{key}")
                        add_values(attribute.get("Values") or [])
                elif name in _values.ADDRESS_BLOCKS:
                    for part, part_spec in (spec or {}).items():
                        paths.add(f"{name}.{part}")
                        add_values(part_spec.get("Values") or [])
                elif spec is not None:
                    paths.add(name)
                    add_values(spec.get("Values") or [])
            for name, spec in (dimension.get("CalculatedAttributes") or {}).items():
                calculated.add(name)
                add_values(spec.get("Values") or [])
        for source in group.get("SourceSegments") or []:
            name = source.get("SegmentDefinitionName")
            rec = domain.segments.definitions.get(name or "")
            if rec is None or name in seen or rec.segment_type != "CLASSIC":
                continue
            seen.add(rec.name)
            _collect(domain, rec.definition["SegmentGroups"], paths, calculated, seen)
