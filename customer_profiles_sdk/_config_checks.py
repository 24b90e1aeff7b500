"""Checks of the domain-configuration requests that the service model cannot express.

The transport checks every request against the model (lengths, patterns, enums...);
these are the documented rules beyond it, run before anything is sent. Each returns
:class:`~customer_profiles_sdk._service.Violation`\\ s, and :func:`raise_for` reports
them together with the model's own, so a caller sees every problem at once.

Values of personal-data members (event-trigger conditions, sample objects) are never
echoed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from . import _service
from ._service import Violation
from .errors import ValidationError

__all__ = [
    "MAX_DETECTED_ATTRIBUTES",
    "kinesis_uri_violations",
    "raise_for",
    "sample_objects",
    "trigger_violations",
]

#: The documented form of an event stream's ``Uri``: a Kinesis data stream ARN
#: (``arn:aws:kinesis:region:account-id:stream/stream-name``).
_KINESIS_STREAM_ARN = re.compile(
    r"arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\d{12}:stream/[A-Za-z0-9_.-]{1,128}"
)

#: Operators that compare with one number (the admin guide's "Number" operators).
_NUMERIC = frozenset(
    {"GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN_OR_EQUAL", "EQUAL"}
)
#: Operators that compare with one point in time.
_TEMPORAL = frozenset({"BEFORE", "AFTER", "ON"})
#: Operators that compare with a range (two bounds).
_RANGE = frozenset({"BETWEEN", "NOT_BETWEEN"})

#: DetectProfileObjectType reads at most 120 attributes, nested ones included.
MAX_DETECTED_ATTRIBUTES = 120


def raise_for(operation: str, params: Mapping[str, Any], extra: Iterable[Violation]) -> None:
    """Raise one :class:`ValidationError` with the model's violations of ``params`` and
    ``extra``; do nothing when there are none."""
    found = list(extra)
    if not found:
        return
    request = {k: v for k, v in params.items() if v is not None}
    raise ValidationError(operation, [*_service.check_request(operation, request), *found])


# --------------------------------------------------------------------------- event streams


def kinesis_uri_violations(uri: Any) -> list[Violation]:
    """``Uri`` must be a Kinesis data stream ARN (the API reference's form)."""
    if not isinstance(uri, str) or _KINESIS_STREAM_ARN.fullmatch(uri):
        return []  # a non-string is the model check's to report
    return [
        Violation(
            "Uri",
            "a Kinesis data stream ARN (arn:aws:kinesis:<region>:<account-id>:stream/<name>)",
            f"got {uri!r}",
        )
    ]


# --------------------------------------------------------------------------- event triggers


def _is_number(text: Any) -> bool:
    if not isinstance(text, str):
        return False
    try:
        return Decimal(text.strip()).is_finite()
    except InvalidOperation:
        return False


def _attribute_violations(path: str, attribute: Any) -> list[Violation]:
    if not isinstance(attribute, Mapping):
        return []
    out = []
    named = [m for m in ("Source", "FieldName") if attribute.get(m) is not None]
    if len(named) != 1:
        # "Only one attribute is allowed in a single ObjectAttribute entry" (admin guide).
        got = "both" if named else "neither"
        out.append(Violation(path, "exactly one of Source and FieldName", f"got {got}"))
    operator, values = attribute.get("ComparisonOperator"), attribute.get("Values")
    if not isinstance(values, list):
        return out
    if operator in _RANGE and len(values) != 2:
        out.append(Violation(f"{path}.Values", f"2 values for {operator}", f"got {len(values)}"))
    elif operator in _NUMERIC | _TEMPORAL and len(values) != 1:
        out.append(Violation(f"{path}.Values", f"1 value for {operator}", f"got {len(values)}"))
    if operator in _NUMERIC and not all(_is_number(v) for v in values):
        out.append(Violation(f"{path}.Values", f"a number for {operator}", "not a number"))
    return out


def trigger_violations(request: Mapping[str, Any]) -> list[Violation]:
    """The documented rules of a Create/UpdateEventTrigger request beyond the model.

    * ``ObjectTypeName``: not a standard object type (``_profile``, ``_order``...);
    * each ``ObjectAttribute``: exactly one of ``Source`` and ``FieldName``; one number
      for ``GREATER_THAN``, ``LESS_THAN``, ``GREATER_THAN_OR_EQUAL``,
      ``LESS_THAN_OR_EQUAL`` and ``EQUAL``; one value for ``BEFORE``, ``AFTER`` and
      ``ON``; two for ``BETWEEN`` and ``NOT_BETWEEN``;
    * each limit ``Period``: either ``MaxInvocationsPerProfile`` or ``Unlimited``;
    * ``EventExpiration``: more than 0 milliseconds.
    """
    out: list[Violation] = []
    type_name = request.get("ObjectTypeName")
    if isinstance(type_name, str) and type_name.startswith("_"):
        out.append(
            Violation(
                "ObjectTypeName",
                "not a standard object type",
                f"event triggers do not support {type_name!r}",
            )
        )
    conditions = request.get("EventTriggerConditions")
    for i, condition in enumerate(conditions if isinstance(conditions, list) else []):
        dimensions = (
            condition.get("EventTriggerDimensions") if isinstance(condition, Mapping) else None
        )
        for j, dimension in enumerate(dimensions if isinstance(dimensions, list) else []):
            attributes = (
                dimension.get("ObjectAttributes") if isinstance(dimension, Mapping) else None
            )
            for k, attribute in enumerate(attributes if isinstance(attributes, list) else []):
                path = (
                    f"EventTriggerConditions[{i}].EventTriggerDimensions[{j}].ObjectAttributes[{k}]"
                )
                out += _attribute_violations(path, attribute)
    limits = request.get("EventTriggerLimits")
    if isinstance(limits, Mapping):
        expiration = limits.get("EventExpiration")
        if isinstance(expiration, int) and not isinstance(expiration, bool) and expiration <= 0:
            out.append(
                Violation(
                    "EventTriggerLimits.EventExpiration",
                    "more than 0 milliseconds",
                    f"got {expiration}",
                )
            )
        periods = limits.get("Periods")
        for i, period in enumerate(periods if isinstance(periods, list) else []):
            if not isinstance(period, Mapping):
                continue
            capped = period.get("MaxInvocationsPerProfile") is not None
            if capped == bool(period.get("Unlimited")):
                out.append(
                    Violation(
                        f"EventTriggerLimits.Periods[{i}]",
                        "either MaxInvocationsPerProfile or Unlimited=true",
                        "got both" if capped else "got neither",
                    )
                )
    return out


# --------------------------------------------------------------------------- detection


def _leaf_paths(
    node: Mapping[str, Any], prefix: tuple[str, ...], out: dict[tuple[str, ...], None]
) -> None:
    for key, value in node.items():
        path = (*prefix, str(key))
        if isinstance(value, Mapping):
            _leaf_paths(value, path, out)
        elif not isinstance(value, list):
            out[path] = None


def sample_objects(samples: Any) -> tuple[list[str], list[Violation]]:
    """DetectProfileObjectType's ``Objects``: each sample as JSON text, and the
    violations of the documented rules (each a JSON object; at most 120 attributes
    over all samples, nested ones included).

    ``samples`` is a sequence of mappings (encoded here) or JSON texts.
    """
    if isinstance(samples, (str, bytes, Mapping)) or not isinstance(samples, Sequence):
        got = (
            "a single sample"
            if isinstance(samples, (str, bytes, Mapping))
            else type(samples).__name__
        )
        return [], [Violation("Objects", "a list of sample objects", f"got {got}")]
    texts: list[str] = []
    found: list[Violation] = []
    paths: dict[tuple[str, ...], None] = {}
    for i, sample in enumerate(samples):
        where = f"Objects[{i}]"
        if isinstance(sample, Mapping):
            try:
                text = json.dumps(sample)
            except (TypeError, ValueError):
                found.append(Violation(where, "JSON-serialisable", "the mapping is not"))
                continue
            doc: Any = sample
        elif isinstance(sample, str):
            text = sample
            try:
                doc = json.loads(sample)
            except ValueError:
                found.append(Violation(where, "valid JSON", "could not parse it"))
                continue
        else:
            found.append(
                Violation(where, "a mapping or a JSON string", f"got {type(sample).__name__}")
            )
            continue
        if not isinstance(doc, Mapping):
            found.append(Violation(where, "a JSON object", f"got a JSON {type(doc).__name__}"))
            continue
        texts.append(text)
        _leaf_paths(doc, (), paths)
    if len(paths) > MAX_DETECTED_ATTRIBUTES:
        found.append(
            Violation(
                "Objects",
                f"at most {MAX_DETECTED_ATTRIBUTES} attributes (nested ones included)",
                f"got {len(paths)}",
            )
        )
    return texts, found
