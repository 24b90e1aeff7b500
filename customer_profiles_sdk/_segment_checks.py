"""Checks of segment requests that the service model cannot express (segments spec 1.3,
1.4, 3.4, 4.2), made before anything is sent.

The model's own constraints (lengths, patterns, enums, at most 50 values, 10 sort
attributes, 100 profile ids) are checked by :func:`customer_profiles_sdk._service.check_request`;
these add the rules the documentation states:

* a definition (and an estimate) is built from ``SegmentGroups`` *or* from SQL, never
  both, never neither (Admin Guide, *Build customer segments*);
* a classic one has at least one audience group; each group has at most 5 starting
  audiences (source segments), each naming a segment;
* a ``Dimension`` is a union: exactly one of ``ProfileAttributes`` and
  ``CalculatedAttributes`` (botocore only says "invalid" without a path), and it
  constrains something;
* ``BETWEEN`` / ``NOT_BETWEEN`` take exactly two values (a start and an end);
* a calculated attribute's range override is 1-366 days back, ending 0-366 days back
  (``AWS::CustomerProfiles::SegmentDefinition``);
* at most 60 unique attributes and 10 unique calculated attributes (*Troubleshooting
  customer segments*; the service also counts those of the source segments, which only
  it can see);
* a snapshot goes to an S3 destination, which API callers must give; membership events
  go to a Kinesis data stream.

Values are never echoed in messages (the members are personal data in the model);
attribute keys and calculated-attribute names are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ._service import Violation

__all__ = [
    "MAX_ATTRIBUTES",
    "MAX_CALCULATED",
    "MAX_SOURCES",
    "check_destination_uri",
    "check_groups",
    "check_one_of",
    "check_stream_arn",
]

#: Starting audiences (source segments) per audience group.
MAX_SOURCES = 5
#: Unique attributes of a definition (profile paths and calculated attributes).
MAX_ATTRIBUTES = 60
#: Unique calculated attributes of a definition.
MAX_CALCULATED = 10
#: ``ConditionOverrides.Range``: ``Start`` and ``End`` bounds, in days.
RANGE_START = (1, 366)
RANGE_END = (0, 366)

_ADDRESS_BLOCKS = ("Address", "ShippingAddress", "MailingAddress", "BillingAddress")
_RANGE_OPERATORS = ("BETWEEN", "NOT_BETWEEN")
_S3_URI = re.compile(r"s3://[^/\s]+(/\S*)?")
_KINESIS_STREAM = re.compile(r"arn:[a-z0-9-]+:kinesis:[a-z0-9-]+:\d{12}:stream/\S+")


def check_one_of(groups: Any, sql: Any, *, groups_member: str) -> list[Violation]:
    """Exactly one of the groups and the SQL query is given."""
    if (groups is None) == (sql is None):
        return [
            Violation(
                groups_member,
                f"exactly one of {groups_member} and SegmentSqlQuery",
                "got both" if groups is not None else "got neither",
            )
        ]
    return []


def check_groups(groups: Mapping[str, Any], where: str) -> list[Violation]:
    """The documented rules of a ``SegmentGroups`` / ``SegmentQuery`` (wire form)."""
    found: list[Violation] = []
    group_list = groups.get("Groups")
    if not isinstance(group_list, list):
        return found  # a type error: reported by the model check
    if not group_list:
        found.append(Violation(f"{where}.Groups", "at least 1 audience group", "got none"))
    profile_paths: set[str] = set()
    calculated: set[str] = set()
    for g, group in enumerate(group_list):
        path = f"{where}.Groups[{g}]"
        if not isinstance(group, Mapping):
            continue
        sources = group.get("SourceSegments") or []
        if isinstance(sources, list):
            if len(sources) > MAX_SOURCES:
                found.append(
                    Violation(
                        f"{path}.SourceSegments",
                        f"at most {MAX_SOURCES} source segments",
                        f"got {len(sources)}",
                    )
                )
            for s, source in enumerate(sources):
                if isinstance(source, Mapping) and not source.get("SegmentDefinitionName"):
                    found.append(
                        Violation(
                            f"{path}.SourceSegments[{s}].SegmentDefinitionName",
                            "required",
                            "missing",
                        )
                    )
        for d, dimension in enumerate(group.get("Dimensions") or []):
            if isinstance(dimension, Mapping):
                found += _dimension(dimension, f"{path}.Dimensions[{d}]", profile_paths, calculated)
    if len(calculated) > MAX_CALCULATED:
        found.append(
            Violation(
                where,
                f"at most {MAX_CALCULATED} unique calculated attributes",
                f"uses {len(calculated)}",
            )
        )
    if len(profile_paths) + len(calculated) > MAX_ATTRIBUTES:
        found.append(
            Violation(
                where,
                f"at most {MAX_ATTRIBUTES} unique attributes",
                f"uses {len(profile_paths) + len(calculated)}",
            )
        )
    return found


def _dimension(
    dimension: Mapping[str, Any], path: str, profile_paths: set[str], calculated: set[str]
) -> list[Violation]:
    found: list[Violation] = []
    members = [m for m in ("ProfileAttributes", "CalculatedAttributes") if dimension.get(m)]
    given = [m for m in ("ProfileAttributes", "CalculatedAttributes") if m in dimension]
    if len(given) != 1:
        found.append(
            Violation(
                path,
                "exactly one of ProfileAttributes and CalculatedAttributes",
                "got both" if len(given) > 1 else "got neither",
            )
        )
        return found
    if not members:
        found.append(Violation(f"{path}.{given[0]}", "at least one attribute", "got none"))
        return found
    profile_attributes = dimension.get("ProfileAttributes")
    if isinstance(profile_attributes, Mapping):
        for name, condition in profile_attributes.items():
            where = f"{path}.ProfileAttributes.{name}"
            if not isinstance(condition, Mapping):
                continue
            if name == "Attributes":
                if not condition:
                    found.append(Violation(where, "at least one attribute", "got none"))
                for key, item in condition.items():
                    profile_paths.add(f"Attributes.{key}")
                    found += _condition(item, f"{where}[{key!r}]")
            elif name in _ADDRESS_BLOCKS:
                if not condition:
                    found.append(Violation(where, "at least one address part", "got none"))
                for part, item in condition.items():
                    profile_paths.add(f"{name}.{part}")
                    found += _condition(item, f"{where}.{part}")
            else:
                profile_paths.add(name)
                found += _condition(condition, where)
    calculated_attributes = dimension.get("CalculatedAttributes")
    if isinstance(calculated_attributes, Mapping):
        for name, condition in calculated_attributes.items():
            where = f"{path}.CalculatedAttributes[{name!r}]"
            calculated.add(str(name))
            found += _condition(condition, where)
            overrides = (
                condition.get("ConditionOverrides") if isinstance(condition, Mapping) else None
            )
            override = overrides.get("Range") if isinstance(overrides, Mapping) else None
            if isinstance(override, Mapping):
                found += _range(override, f"{where}.ConditionOverrides.Range")
    return found


def _condition(condition: Any, where: str) -> list[Violation]:
    if not isinstance(condition, Mapping):
        return []
    operator, values = condition.get("DimensionType"), condition.get("Values")
    if operator in _RANGE_OPERATORS and isinstance(values, list) and len(values) != 2:
        return [
            Violation(
                f"{where}.Values",
                f"exactly 2 values for {operator} (start, end)",
                f"got {len(values)}",
            )
        ]
    return []


def _range(override: Mapping[str, Any], where: str) -> list[Violation]:
    found = []
    for member, (low, high) in (("Start", RANGE_START), ("End", RANGE_END)):
        value = override.get(member)
        if isinstance(value, int) and not isinstance(value, bool) and not low <= value <= high:
            found.append(
                Violation(f"{where}.{member}", f"between {low} and {high} days", f"got {value}")
            )
    return found


def check_destination_uri(uri: str | None) -> list[Violation]:
    """A snapshot's destination: required from the API, an ``s3://bucket[/prefix]`` URI."""
    if uri is None:
        return [
            Violation(
                "DestinationUri",
                "required outside the Amazon Connect admin website",
                "missing",
            )
        ]
    if not isinstance(uri, str) or not _S3_URI.fullmatch(uri):
        return [Violation("DestinationUri", "an s3://bucket[/prefix] URI", f"got {uri!r}")]
    return []


def check_stream_arn(arn: str) -> list[Violation]:
    """A segment stream's destination: a Kinesis data stream ARN."""
    if isinstance(arn, str) and not _KINESIS_STREAM.fullmatch(arn):
        return [
            Violation(
                "DestinationArn",
                "a Kinesis data stream ARN (arn:aws:kinesis:<region>:<account>:stream/<name>)",
                f"got {arn!r}",
            )
        ]
    return []
