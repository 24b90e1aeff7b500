"""Models of the calculated attributes operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model
from .._mixins import CalculatedAttributeValueMixin
from .domains import Readiness

__all__ = [
    "AttributeDetails",
    "AttributeItem",
    "BatchCalculatedAttributeValues",
    "BatchGetCalculatedAttributeForProfileError",
    "CalculatedAttribute",
    "CalculatedAttributeSummary",
    "CalculatedAttributeValue",
    "ConditionOverrides",
    "Conditions",
    "DeleteCalculatedAttributeDefinitionResponse",
    "Filter",
    "FilterAttributeDimension",
    "FilterDimension",
    "FilterDimensionType",
    "FilterGroup",
    "Include",
    "ListCalculatedAttributeDefinitionsResponse",
    "ListCalculatedAttributesForProfileResponse",
    "Operator",
    "Range",
    "RangeOverride",
    "ReadinessStatus",
    "Statistic",
    "Threshold",
    "Unit",
    "ValueRange",
]


class FilterDimensionType(str, Enum):
    """How a filter dimension compares an object's attribute with its values (open enum)."""

    INCLUSIVE = "INCLUSIVE"
    EXCLUSIVE = "EXCLUSIVE"
    CONTAINS = "CONTAINS"
    BEGINS_WITH = "BEGINS_WITH"
    ENDS_WITH = "ENDS_WITH"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    BETWEEN = "BETWEEN"
    NOT_BETWEEN = "NOT_BETWEEN"
    ON = "ON"
    GREATER_THAN = "GREATER_THAN"
    LESS_THAN = "LESS_THAN"
    GREATER_THAN_OR_EQUAL = "GREATER_THAN_OR_EQUAL"
    LESS_THAN_OR_EQUAL = "LESS_THAN_OR_EQUAL"
    EQUAL = "EQUAL"


class Include(str, Enum):
    """How a filter combines its groups, or a group its dimensions (``Include`` and
    ``Type``; open enum).
    """

    ALL = "ALL"
    ANY = "ANY"
    NONE = "NONE"


class Operator(str, Enum):
    """Comparison of a :class:`Threshold` (open enum)."""

    EQUAL_TO = "EQUAL_TO"
    GREATER_THAN = "GREATER_THAN"
    LESS_THAN = "LESS_THAN"
    NOT_EQUAL_TO = "NOT_EQUAL_TO"


class ReadinessStatus(str, Enum):
    """Whether a calculated attribute has finished processing existing data (open enum)."""

    PREPARING = "PREPARING"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"


class Statistic(str, Enum):
    """How a calculated attribute aggregates the objects' values (open enum)."""

    FIRST_OCCURRENCE = "FIRST_OCCURRENCE"
    LAST_OCCURRENCE = "LAST_OCCURRENCE"
    COUNT = "COUNT"
    SUM = "SUM"
    MINIMUM = "MINIMUM"
    MAXIMUM = "MAXIMUM"
    AVERAGE = "AVERAGE"
    MAX_OCCURRENCE = "MAX_OCCURRENCE"
    RECENT_OCCURRENCES = "RECENT_OCCURRENCES"


class Unit(str, Enum):
    """Unit of a range of time (``Unit`` and ``RangeUnit``; open enum)."""

    DAYS = "DAYS"


@model
class AttributeDetails:
    """What a calculated attribute computes (``AttributeDetails``).

    Attributes:
        attributes: the object attributes the expression uses.
        expression: ``{ObjectTypeName.AttributeName}`` references, optionally combined
            with ``+ - * /``, e.g. ``"{Order.price} * {Order.quantity}"``.
    """

    __wire_shape__: ClassVar[str] = "AttributeDetails"

    attributes: list[AttributeItem] = attrs.field(
        metadata={"wire": "Attributes", "sensitive": True}
    )
    expression: str = attrs.field(metadata={"wire": "Expression", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AttributeItem:
    """One object attribute a calculated attribute reads (``AttributeItem``).

    Example:
        >>> AttributeItem(name="total").name
        'total'
    """

    __wire_shape__: ClassVar[str] = "AttributeItem"

    name: str = attrs.field(metadata={"wire": "Name", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class BatchCalculatedAttributeValues:
    """What ``BatchGetCalculatedAttributeForProfile`` answers.

    Attributes:
        values: one value per profile found, in the order asked.
        errors: one error per profile that could not be answered.
        condition_overrides: the overrides applied, echoed back.
    """

    __wire_shape__: ClassVar[str] = "BatchGetCalculatedAttributeForProfileResponse"

    errors: list[BatchGetCalculatedAttributeForProfileError] = attrs.field(
        factory=list, metadata={"wire": "Errors"}
    )
    values: list[CalculatedAttributeValue] = attrs.field(
        factory=list, metadata={"wire": "CalculatedAttributeValues"}
    )
    condition_overrides: ConditionOverrides | None = attrs.field(
        default=None, metadata={"wire": "ConditionOverrides", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class BatchGetCalculatedAttributeForProfileError:
    """A profile a batch read could not answer for (``ResourceNotFoundException``...)."""

    __wire_shape__: ClassVar[str] = "BatchGetCalculatedAttributeForProfileError"

    code: str = attrs.field(metadata={"wire": "Code"})
    message: str = attrs.field(metadata={"wire": "Message"})
    profile_id: str = attrs.field(metadata={"wire": "ProfileId"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CalculatedAttribute:
    """A calculated attribute definition (``GetCalculatedAttributeDefinition``; also what
    ``CreateCalculatedAttributeDefinition`` and ``UpdateCalculatedAttributeDefinition``
    answer; the update's answer has no ``filter``).

    ``status`` and ``readiness`` are read-only (set by the service).
    """

    __wire_shape__: ClassVar[str] = "GetCalculatedAttributeDefinitionResponse"

    calculated_attribute_name: str = attrs.field(metadata={"wire": "CalculatedAttributeName"})
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    statistic: Statistic | str | None = attrs.field(
        default=None, metadata={"wire": "Statistic", "sensitive": True}
    )
    filter: Filter | None = attrs.field(default=None, metadata={"wire": "Filter"})
    conditions: Conditions | None = attrs.field(
        default=None, metadata={"wire": "Conditions", "sensitive": True}
    )
    attribute_details: AttributeDetails | None = attrs.field(
        default=None, metadata={"wire": "AttributeDetails", "sensitive": True}
    )
    use_historical_data: bool | None = attrs.field(
        default=None, metadata={"wire": "UseHistoricalData"}
    )
    status: ReadinessStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    readiness: Readiness | None = attrs.field(default=None, metadata={"wire": "Readiness"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CalculatedAttributeSummary:
    """One definition in ``ListCalculatedAttributeDefinitions``
    (``ListCalculatedAttributeDefinitionItem``).
    """

    __wire_shape__: ClassVar[str] = "ListCalculatedAttributeDefinitionItem"

    calculated_attribute_name: str = attrs.field(
        metadata={"wire": "CalculatedAttributeName", "sensitive": True}
    )
    display_name: str | None = attrs.field(
        default=None, metadata={"wire": "DisplayName", "sensitive": True}
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
    use_historical_data: bool | None = attrs.field(
        default=None, metadata={"wire": "UseHistoricalData", "sensitive": True}
    )
    status: ReadinessStatus | str | None = attrs.field(
        default=None, metadata={"wire": "Status", "sensitive": True}
    )
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CalculatedAttributeValue(CalculatedAttributeValueMixin):
    """The value of one calculated attribute for one profile (``CalculatedAttributeValue``;
    also each item of ``ListCalculatedAttributesForProfile`` and the answer of
    ``GetCalculatedAttributeForProfile``, to which the SDK adds the ``profile_id`` asked).

    ``value`` is a string as the service sends it (``"42.5"``, or ``"true"``/``"false"``
    under a threshold); ``None`` when no object qualifies. ``is_data_partial`` is the
    service's string flag; :attr:`partial` reads it as a ``bool``.

    Example:
        >>> CalculatedAttributeValue(
        ...     calculated_attribute_name="spend", value="42.5", is_data_partial="false"
        ... ).partial
        False
    """

    __wire_shape__: ClassVar[str] = "CalculatedAttributeValue"

    calculated_attribute_name: str = attrs.field(metadata={"wire": "CalculatedAttributeName"})
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    is_data_partial: str | None = attrs.field(default=None, metadata={"wire": "IsDataPartial"})
    profile_id: str | None = attrs.field(default=None, metadata={"wire": "ProfileId"})
    value: str | None = attrs.field(default=None, metadata={"wire": "Value"})
    last_object_timestamp: datetime | None = attrs.field(
        default=None, metadata={"wire": "LastObjectTimestamp"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ConditionOverrides:
    """Conditions that replace a definition's for one batch read (``ConditionOverrides``).

    Example:
        >>> ConditionOverrides(range=RangeOverride(start=7, end=0)).range.start
        7
    """

    __wire_shape__: ClassVar[str] = "ConditionOverrides"

    range: RangeOverride | None = attrs.field(
        default=None, metadata={"wire": "Range", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Conditions:
    """Limits on the objects a calculated attribute aggregates (``Conditions``).

    Attributes:
        range: only objects within this window of time.
        object_count: only the most recent ``object_count`` objects.
        threshold: answer ``"true"``/``"false"`` against a threshold instead of the value.
    """

    __wire_shape__: ClassVar[str] = "Conditions"

    range: Range | None = attrs.field(default=None, metadata={"wire": "Range", "sensitive": True})
    object_count: int | None = attrs.field(
        default=None, metadata={"wire": "ObjectCount", "sensitive": True}
    )
    threshold: Threshold | None = attrs.field(
        default=None, metadata={"wire": "Threshold", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteCalculatedAttributeDefinitionResponse:
    """The ``DeleteCalculatedAttributeDefinitionResponse`` structure, used by
    ``DeleteCalculatedAttributeDefinition`` (response).
    """

    __wire_shape__: ClassVar[str] = "DeleteCalculatedAttributeDefinitionResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Filter:
    """Which objects a calculated attribute aggregates, by their attributes (``Filter``).

    Example:
        >>> big = FilterAttributeDimension(
        ...     dimension_type=FilterDimensionType.GREATER_THAN, values=["100"])
        >>> f = Filter(include=Include.ALL, groups=[
        ...     FilterGroup(type=Include.ALL, dimensions=[FilterDimension(
        ...         attributes={"total": big})])])
        >>> f.groups[0].dimensions[0].attributes["total"].values
        ['100']
    """

    __wire_shape__: ClassVar[str] = "Filter"

    include: Include | str = attrs.field(metadata={"wire": "Include"})
    groups: list[FilterGroup] = attrs.field(metadata={"wire": "Groups"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class FilterAttributeDimension:
    """One comparison of an object attribute with values (``FilterAttributeDimension``)."""

    __wire_shape__: ClassVar[str] = "FilterAttributeDimension"

    dimension_type: FilterDimensionType | str = attrs.field(metadata={"wire": "DimensionType"})
    values: list[str] = attrs.field(metadata={"wire": "Values"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class FilterDimension:
    """Comparisons that must all hold: attribute name -> comparison (``FilterDimension``)."""

    __wire_shape__: ClassVar[str] = "FilterDimension"

    attributes: dict[str, FilterAttributeDimension] = attrs.field(metadata={"wire": "Attributes"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class FilterGroup:
    """Dimensions combined by ``type`` (``ALL``, ``ANY`` or ``NONE``) (``FilterGroup``)."""

    __wire_shape__: ClassVar[str] = "FilterGroup"

    type: Include | str = attrs.field(metadata={"wire": "Type"})
    dimensions: list[FilterDimension] = attrs.field(metadata={"wire": "Dimensions"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListCalculatedAttributeDefinitionsResponse:
    """The ``ListCalculatedAttributeDefinitionsResponse`` structure, used by
    ``ListCalculatedAttributeDefinitions`` (response).
    """

    __wire_shape__: ClassVar[str] = "ListCalculatedAttributeDefinitionsResponse"

    items: list[CalculatedAttributeSummary] | None = attrs.field(
        default=None, metadata={"wire": "Items", "sensitive": True}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListCalculatedAttributesForProfileResponse:
    """The ``ListCalculatedAttributesForProfileResponse`` structure, used by
    ``ListCalculatedAttributesForProfile`` (response).
    """

    __wire_shape__: ClassVar[str] = "ListCalculatedAttributesForProfileResponse"

    items: list[CalculatedAttributeValue] | None = attrs.field(
        default=None, metadata={"wire": "Items"}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Range:
    """Which objects count, by time (``Range``).

    Either ``value`` (the last ``value`` days) or ``value_range``; ``timestamp_source``
    (``"{Order.date}"``) and ``timestamp_format`` (``EPOCHMILLI`` or ``ISO_8601``) say
    where an object's event time is, instead of its ingestion time.

    Example:
        >>> Range(value=30, unit=Unit.DAYS).value
        30
    """

    __wire_shape__: ClassVar[str] = "Range"

    value: int | None = attrs.field(default=None, metadata={"wire": "Value", "sensitive": True})
    unit: Unit | str | None = attrs.field(
        default=None, metadata={"wire": "Unit", "sensitive": True}
    )
    value_range: ValueRange | None = attrs.field(
        default=None, metadata={"wire": "ValueRange", "sensitive": True}
    )
    timestamp_source: str | None = attrs.field(
        default=None, metadata={"wire": "TimestampSource", "sensitive": True}
    )
    timestamp_format: str | None = attrs.field(
        default=None, metadata={"wire": "TimestampFormat", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RangeOverride:
    """A range of relative days that replaces a definition's range for one call
    (``RangeOverride``): from ``start`` days ago to ``end`` days ago (default: now).

    ``unit`` is required by the API; ``CalculatedAttributes.batch_values`` sends
    ``DAYS`` (the only unit) when it is ``None``.
    """

    __wire_shape__: ClassVar[str] = "RangeOverride"

    start: int = attrs.field(metadata={"wire": "Start", "sensitive": True})
    end: int | None = attrs.field(default=None, metadata={"wire": "End", "sensitive": True})
    unit: Unit | str | None = attrs.field(
        default=None, metadata={"wire": "Unit", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Threshold:
    """Answer whether the aggregate compares to ``value``, instead of the aggregate.

    Example:
        >>> Threshold(value="2", operator=Operator.GREATER_THAN).operator.value
        'GREATER_THAN'
    """

    __wire_shape__: ClassVar[str] = "Threshold"

    value: str = attrs.field(metadata={"wire": "Value", "sensitive": True})
    operator: Operator | str = attrs.field(metadata={"wire": "Operator", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ValueRange:
    """A window of relative days: positive numbers are in the past (``ValueRange``)."""

    __wire_shape__: ClassVar[str] = "ValueRange"

    start: int = attrs.field(metadata={"wire": "Start", "sensitive": True})
    end: int = attrs.field(metadata={"wire": "End", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)
