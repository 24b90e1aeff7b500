"""Models of the event triggers operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model

__all__ = [
    "ComparisonOperator",
    "DeleteEventTriggerResponse",
    "EventTrigger",
    "EventTriggerCondition",
    "EventTriggerDimension",
    "EventTriggerLimits",
    "EventTriggerLogicalOperator",
    "EventTriggerSummary",
    "ListEventTriggersResponse",
    "ObjectAttribute",
    "Period",
    "PeriodUnit",
]


class ComparisonOperator(str, Enum):
    """How an event trigger's :class:`ObjectAttribute` compares the object's value with
    its ``values`` (open enum).

    ``INCLUSIVE`` (the value includes all the values; one value: equality),
    ``EXCLUSIVE`` (it does not), ``CONTAINS``, ``BEGINS_WITH`` and ``ENDS_WITH`` compare
    strings; ``GREATER_THAN``, ``LESS_THAN``, ``GREATER_THAN_OR_EQUAL``,
    ``LESS_THAN_OR_EQUAL`` and ``EQUAL`` compare with one number; ``BEFORE``, ``AFTER``
    and ``ON`` with one timestamp; ``BETWEEN`` and ``NOT_BETWEEN`` with a range of two
    numbers or two timestamps. The builders of :mod:`customer_profiles_sdk.triggers`
    (``field("amount").greater_than(100)``) pick the operator and format the values.
    """

    INCLUSIVE = "INCLUSIVE"
    EXCLUSIVE = "EXCLUSIVE"
    CONTAINS = "CONTAINS"
    BEGINS_WITH = "BEGINS_WITH"
    ENDS_WITH = "ENDS_WITH"
    GREATER_THAN = "GREATER_THAN"
    LESS_THAN = "LESS_THAN"
    GREATER_THAN_OR_EQUAL = "GREATER_THAN_OR_EQUAL"
    LESS_THAN_OR_EQUAL = "LESS_THAN_OR_EQUAL"
    EQUAL = "EQUAL"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON = "ON"
    BETWEEN = "BETWEEN"
    NOT_BETWEEN = "NOT_BETWEEN"


class EventTriggerLogicalOperator(str, Enum):
    """How an :class:`EventTriggerCondition` combines its dimensions: ``ALL`` of them,
    ``ANY`` of them, or ``NONE`` of them must hold (open enum).
    """

    ANY = "ANY"
    ALL = "ALL"
    NONE = "NONE"


class PeriodUnit(str, Enum):
    """The unit of an event trigger's limit :class:`Period` (open enum)."""

    MINUTES = "MINUTES"
    HOURS = "HOURS"
    DAYS = "DAYS"
    WEEKS = "WEEKS"
    MONTHS = "MONTHS"


@model
class DeleteEventTriggerResponse:
    """The ``DeleteEventTriggerResponse`` structure, used by ``DeleteEventTrigger`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteEventTriggerResponse"

    message: str = attrs.field(metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventTrigger:
    """An event trigger: a condition on the objects ingested into one object type that
    starts an action, e.g. an outbound campaign (``GetEventTrigger``; also what
    ``CreateEventTrigger`` and ``UpdateEventTrigger`` answer).

    The action is the integration that lists the trigger in its
    ``event_trigger_names``. ``created_at`` and ``last_updated_at`` are read-only.

    Example:
        >>> from customer_profiles_sdk.triggers import all_of, field
        >>> trigger = EventTrigger(
        ...     event_trigger_name="big-spender", object_type_name="Purchase",
        ...     event_trigger_conditions=[all_of(field("amount").greater_than(100))])
        >>> trigger.event_trigger_conditions[0].logical_operator.value
        'ALL'
    """

    __wire_shape__: ClassVar[str] = "GetEventTriggerResponse"

    event_trigger_name: str = attrs.field(metadata={"wire": "EventTriggerName"})
    object_type_name: str | None = attrs.field(default=None, metadata={"wire": "ObjectTypeName"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    event_trigger_conditions: list[EventTriggerCondition] | None = attrs.field(
        default=None, metadata={"wire": "EventTriggerConditions", "sensitive": True}
    )
    segment_filter: str | None = attrs.field(default=None, metadata={"wire": "SegmentFilter"})
    event_trigger_limits: EventTriggerLimits | None = attrs.field(
        default=None, metadata={"wire": "EventTriggerLimits"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    """Read-only."""
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    """Read-only."""
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventTriggerCondition:
    """One condition of an event trigger: dimensions combined by ``logical_operator``
    (``ALL``, ``ANY`` or ``NONE``). A trigger fires when any of its conditions holds.

    Example:
        >>> amount = ObjectAttribute(field_name="amount", comparison_operator="GREATER_THAN",
        ...                          values=["100"])
        >>> condition = EventTriggerCondition(
        ...     event_trigger_dimensions=[EventTriggerDimension(object_attributes=[amount])],
        ...     logical_operator=EventTriggerLogicalOperator.ALL)
        >>> condition.logical_operator.value
        'ALL'
    """

    __wire_shape__: ClassVar[str] = "EventTriggerCondition"

    event_trigger_dimensions: list[EventTriggerDimension] = attrs.field(
        metadata={"wire": "EventTriggerDimensions", "sensitive": True}
    )
    logical_operator: EventTriggerLogicalOperator | str = attrs.field(
        metadata={"wire": "LogicalOperator", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventTriggerDimension:
    """Comparisons that must all hold (``EventTriggerDimension``): its
    object attributes (:class:`ObjectAttribute`) are combined with AND.
    """

    __wire_shape__: ClassVar[str] = "EventTriggerDimension"

    object_attributes: list[ObjectAttribute] = attrs.field(
        metadata={"wire": "ObjectAttributes", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventTriggerLimits:
    """How often an event trigger may fire for one profile (``EventTriggerLimits``).

    Without limits the service allows 10 invocations per profile per day. Every
    period must allow an invocation; ``event_expiration`` (milliseconds) drops events
    processed later than that.
    """

    __wire_shape__: ClassVar[str] = "EventTriggerLimits"

    event_expiration: int | None = attrs.field(default=None, metadata={"wire": "EventExpiration"})
    periods: list[Period] | None = attrs.field(default=None, metadata={"wire": "Periods"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventTriggerSummary:
    """One event trigger in ``ListEventTriggers`` (``EventTriggerSummaryItem``).

    It has no conditions or limits: read them with ``domain.event_triggers.get(name)``.
    """

    __wire_shape__: ClassVar[str] = "EventTriggerSummaryItem"

    object_type_name: str | None = attrs.field(
        default=None, metadata={"wire": "ObjectTypeName", "sensitive": True}
    )
    event_trigger_name: str | None = attrs.field(
        default=None, metadata={"wire": "EventTriggerName", "sensitive": True}
    )
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    created_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "CreatedAt", "sensitive": True}
    )
    last_updated_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "LastUpdatedAt", "sensitive": True}
    )
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListEventTriggersResponse:
    """The ``ListEventTriggersResponse`` structure, used by ``ListEventTriggers`` (response)."""

    __wire_shape__: ClassVar[str] = "ListEventTriggersResponse"

    items: list[EventTriggerSummary] | None = attrs.field(
        default=None, metadata={"wire": "Items", "sensitive": True}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectAttribute:
    """One comparison of an event trigger: an attribute of the ingested object, an
    operator and the values to compare with (``ObjectAttribute``).

    Name the attribute with exactly one of ``field_name`` (a field of the object
    type) and ``source`` (a ``_source.`` accessor into the ingested JSON). ``values``
    are strings: numbers and timestamps as text. The builders of
    :mod:`customer_profiles_sdk.triggers` read better:
    ``field("amount").greater_than(100)``.

    Example:
        >>> big = ObjectAttribute(field_name="amount",
        ...                       comparison_operator=ComparisonOperator.GREATER_THAN,
        ...                       values=["100"])
        >>> big.comparison_operator.value
        'GREATER_THAN'
    """

    __wire_shape__: ClassVar[str] = "ObjectAttribute"

    comparison_operator: ComparisonOperator | str = attrs.field(
        metadata={"wire": "ComparisonOperator", "sensitive": True}
    )
    values: list[str] = attrs.field(metadata={"wire": "Values", "sensitive": True})
    source: str | None = attrs.field(default=None, metadata={"wire": "Source", "sensitive": True})
    field_name: str | None = attrs.field(
        default=None, metadata={"wire": "FieldName", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Period:
    """A per-profile limit of an event trigger over a trailing window of ``value``
    times ``unit`` (``Period``): at most ``max_invocations_per_profile`` invocations, or
    ``unlimited=True``.

    Example:
        >>> Period(unit=PeriodUnit.DAYS, value=1, max_invocations_per_profile=2).value
        1
    """

    __wire_shape__: ClassVar[str] = "Period"

    unit: PeriodUnit | str = attrs.field(metadata={"wire": "Unit"})
    value: int = attrs.field(metadata={"wire": "Value"})
    max_invocations_per_profile: int | None = attrs.field(
        default=None, metadata={"wire": "MaxInvocationsPerProfile"}
    )
    unlimited: bool | None = attrs.field(default=None, metadata={"wire": "Unlimited"})
    extra: Extra = attrs.field(factory=dict, repr=False)
