"""Which enum values of the model the emulator implements, and the explicit fallback.

The emulator's behaviour branches on a few enums of the model (statistics, threshold
operators, filter dimension types, units, field content types, standard identifiers,
the search operator). botocore adds enum values with new releases; a value the model
accepts but the emulator has no rule for must never fall into another value's branch
(a guessed answer) nor fail in a handler (a 500). So:

* :data:`IMPLEMENTED` lists, per model shape name, the values the emulator implements;
* :func:`unsupported_values` walks a request along its input shape and reports every
  value of those shapes that is not implemented; the dispatcher answers them with a
  ``BadRequestException`` saying the emulator does not support the value, before the
  handler runs (so nothing unsupported is ever stored);
* :func:`unsupported` is the same error for the handlers' own dispatch tables, whose
  last branch raises it instead of guessing.

Enums the emulator only stores and echoes (``Scope``, ``DayOfTheWeek``, the AppFlow
connector operators, ...) need no entry: every value of the model is handled alike.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from botocore.model import ListShape, MapShape, Shape, StructureShape

from ._errors import ServiceFault, bad_request
from ._model import service_model, shapes_holding

#: Model shape name -> the enum values the emulator implements.
IMPLEMENTED: dict[str, frozenset[str]] = {
    "Statistic": frozenset(
        {
            "FIRST_OCCURRENCE",
            "LAST_OCCURRENCE",
            "COUNT",
            "SUM",
            "MINIMUM",
            "MAXIMUM",
            "AVERAGE",
            "MAX_OCCURRENCE",
            "RECENT_OCCURRENCES",
        }
    ),
    # Conditions.Threshold.Operator
    "Operator": frozenset({"EQUAL_TO", "GREATER_THAN", "LESS_THAN", "NOT_EQUAL_TO"}),
    "FilterDimensionType": frozenset(
        {
            "INCLUSIVE",
            "EXCLUSIVE",
            "CONTAINS",
            "BEGINS_WITH",
            "ENDS_WITH",
            "BEFORE",
            "AFTER",
            "BETWEEN",
            "NOT_BETWEEN",
            "ON",
            "GREATER_THAN",
            "LESS_THAN",
            "GREATER_THAN_OR_EQUAL",
            "LESS_THAN_OR_EQUAL",
            "EQUAL",
        }
    ),
    # Filter.Include and Filter.Groups[].Type
    "Include": frozenset({"ALL", "ANY", "NONE"}),
    "Type": frozenset({"ALL", "ANY", "NONE"}),
    # Conditions.Range.Unit and ConditionOverrides.Range.Unit
    "Unit": frozenset({"DAYS"}),
    "RangeUnit": frozenset({"DAYS"}),
    "FieldContentType": frozenset({"STRING", "NUMBER", "PHONE_NUMBER", "EMAIL_ADDRESS", "NAME"}),
    "StandardIdentifier": frozenset(
        {
            "PROFILE",
            "ASSET",
            "CASE",
            "DEVICE",
            "WEB_ANALYTICS",
            "ORDER",
            "COMMUNICATION_RECORD",
            "AIR_PREFERENCE",
            "HOTEL_PREFERENCE",
            "AIR_BOOKING",
            "AIR_SEGMENT",
            "HOTEL_RESERVATION",
            "HOTEL_STAY_REVENUE",
            "LOYALTY",
            "LOYALTY_TRANSACTION",
            "LOYALTY_PROMOTION",
            "UNIQUE",
            "SECONDARY",
            "LOOKUP_ONLY",
            "NEW_ONLY",
        }
    ),
    # SearchProfiles.LogicalOperator
    "logicalOperator": frozenset({"AND", "OR"}),
}

#: The words every "not supported" answer carries.
UNSUPPORTED = "not supported by the customer-profiles-sdk emulator"


def unsupported(what: str, value: str) -> ServiceFault:
    """The ``BadRequestException`` for a model value the emulator does not implement."""
    return bad_request(f"{what} {value} is {UNSUPPORTED}")


def implemented(shape_name: str, value: str) -> bool:
    """Whether ``value`` of the model shape ``shape_name`` is implemented."""
    values = IMPLEMENTED.get(shape_name)
    return values is None or value in values


def unsupported_values(operation: str, params: Mapping[str, Any]) -> list[str]:
    """``"<path> <value>"`` for every value of the request the emulator does not implement.

    The request has already passed the model's constraints, so only values of the model
    are left; enum values are not personal data and may be named.
    """
    shape = _input_to_walk(operation)
    found: list[str] = []
    if shape is not None:
        _walk(shape, params, "", found, _holding())
    return found


@functools.cache
def _holding() -> frozenset[str]:
    return shapes_holding(frozenset(IMPLEMENTED))


@functools.cache
def _input_to_walk(operation: str) -> Shape | None:
    """The operation's input shape if it can hold a value of :data:`IMPLEMENTED` (most
    inputs hold none of those shapes: no walk), else ``None``."""
    shape = service_model().operation_model(operation).input_shape
    return shape if shape is not None and shape.name in _holding() else None


def _walk(shape: Shape, value: Any, path: str, found: list[str], holding: frozenset[str]) -> None:
    if isinstance(shape, StructureShape):
        if isinstance(value, Mapping):
            for name, member in shape.members.items():
                item = value.get(name)
                if item is not None and member.name in holding:
                    _walk(member, item, f"{path}.{name}" if path else name, found, holding)
    elif isinstance(shape, ListShape):
        if isinstance(value, (list, tuple)) and shape.member.name in holding:
            for index, item in enumerate(value):
                _walk(shape.member, item, f"{path}[{index}]", found, holding)
    elif isinstance(shape, MapShape):
        if isinstance(value, Mapping):
            for key, item in value.items():
                if shape.key.name in holding:
                    _walk(shape.key, key, f"{path} (a key)", found, holding)
                if shape.value.name in holding:
                    _walk(shape.value, item, f"{path}[…]", found, holding)
    elif isinstance(value, str) and not implemented(shape.name, value):
        found.append(f"{path} {value}")
