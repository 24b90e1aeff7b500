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
    "CreateEventTriggerResponse",
    "DeleteEventTriggerResponse",
    "EventTriggerCondition",
    "EventTriggerDimension",
    "EventTriggerLimits",
    "EventTriggerLogicalOperator",
    "EventTriggerSummaryItem",
    "GetEventTriggerResponse",
    "ListEventTriggersResponse",
    "ObjectAttribute",
    "Period",
    "PeriodUnit",
    "UpdateEventTriggerResponse",
]


class ComparisonOperator(str, Enum):
    """``ComparisonOperator``, an open enum: a value this SDK does not know stays a ``str``."""

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
    """``EventTriggerLogicalOperator``, an open enum: a value this SDK does not know stays
    a ``str``.
    """

    ANY = "ANY"
    ALL = "ALL"
    NONE = "NONE"


class PeriodUnit(str, Enum):
    """``PeriodUnit``, an open enum: a value this SDK does not know stays a ``str``."""

    MINUTES = "MINUTES"
    HOURS = "HOURS"
    DAYS = "DAYS"
    WEEKS = "WEEKS"
    MONTHS = "MONTHS"


@model
class CreateEventTriggerResponse:
    """The ``CreateEventTriggerResponse`` structure, used by ``CreateEventTrigger`` (response)."""

    __wire_shape__: ClassVar[str] = "CreateEventTriggerResponse"

    event_trigger_name: str | None = attrs.field(
        default=None, metadata={"wire": "EventTriggerName"}
    )
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
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteEventTriggerResponse:
    """The ``DeleteEventTriggerResponse`` structure, used by ``DeleteEventTrigger`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteEventTriggerResponse"

    message: str = attrs.field(metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventTriggerCondition:
    """The ``EventTriggerCondition`` structure, used by ``CreateEventTrigger``,
    ``GetEventTrigger``, ``UpdateEventTrigger``.
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
    """The ``EventTriggerDimension`` structure, used by ``CreateEventTrigger``,
    ``GetEventTrigger``, ``UpdateEventTrigger``.
    """

    __wire_shape__: ClassVar[str] = "EventTriggerDimension"

    object_attributes: list[ObjectAttribute] = attrs.field(
        metadata={"wire": "ObjectAttributes", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventTriggerLimits:
    """The ``EventTriggerLimits`` structure, used by ``CreateEventTrigger``,
    ``GetEventTrigger``, ``UpdateEventTrigger``.
    """

    __wire_shape__: ClassVar[str] = "EventTriggerLimits"

    event_expiration: int | None = attrs.field(default=None, metadata={"wire": "EventExpiration"})
    periods: list[Period] | None = attrs.field(default=None, metadata={"wire": "Periods"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventTriggerSummaryItem:
    """The ``EventTriggerSummaryItem`` structure, used by ``ListEventTriggers``."""

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
    tags: dict[str, str] | None = attrs.field(
        default=None, metadata={"wire": "Tags", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetEventTriggerResponse:
    """The ``GetEventTriggerResponse`` structure, used by ``GetEventTrigger`` (response)."""

    __wire_shape__: ClassVar[str] = "GetEventTriggerResponse"

    event_trigger_name: str | None = attrs.field(
        default=None, metadata={"wire": "EventTriggerName"}
    )
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
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListEventTriggersResponse:
    """The ``ListEventTriggersResponse`` structure, used by ``ListEventTriggers`` (response)."""

    __wire_shape__: ClassVar[str] = "ListEventTriggersResponse"

    items: list[EventTriggerSummaryItem] | None = attrs.field(
        default=None, metadata={"wire": "Items", "sensitive": True}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ObjectAttribute:
    """The ``ObjectAttribute`` structure, used by ``CreateEventTrigger``, ``GetEventTrigger``,
    ``UpdateEventTrigger``.
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
    """The ``Period`` structure, used by ``CreateEventTrigger``, ``GetEventTrigger``,
    ``UpdateEventTrigger``.
    """

    __wire_shape__: ClassVar[str] = "Period"

    unit: PeriodUnit | str = attrs.field(metadata={"wire": "Unit"})
    value: int = attrs.field(metadata={"wire": "Value"})
    max_invocations_per_profile: int | None = attrs.field(
        default=None, metadata={"wire": "MaxInvocationsPerProfile"}
    )
    unlimited: bool | None = attrs.field(default=None, metadata={"wire": "Unlimited"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class UpdateEventTriggerResponse:
    """The ``UpdateEventTriggerResponse`` structure, used by ``UpdateEventTrigger`` (response)."""

    __wire_shape__: ClassVar[str] = "UpdateEventTriggerResponse"

    event_trigger_name: str | None = attrs.field(
        default=None, metadata={"wire": "EventTriggerName"}
    )
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
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)
