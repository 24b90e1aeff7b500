"""Calculated attributes: definitions and values.

The models are generated (``customer_profiles_sdk.models._generated``); this module keeps
the names it has always offered. Import from ``customer_profiles_sdk`` or
``customer_profiles_sdk.models`` in new code.
"""

from __future__ import annotations

from . import (
    AttributeDetails,
    AttributeItem,
    BatchCalculatedAttributeValues,
    BatchGetCalculatedAttributeForProfileError,
    CalculatedAttribute,
    CalculatedAttributeSummary,
    CalculatedAttributeValue,
    ConditionOverrides,
    Conditions,
    Filter,
    FilterAttributeDimension,
    FilterDimension,
    FilterDimensionType,
    FilterGroup,
    Include,
    Operator,
    Range,
    RangeOverride,
    ReadinessStatus,
    Statistic,
    Threshold,
    Unit,
    ValueRange,
)

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
    "Filter",
    "FilterAttributeDimension",
    "FilterDimension",
    "FilterDimensionType",
    "FilterGroup",
    "Include",
    "Operator",
    "Range",
    "RangeOverride",
    "ReadinessStatus",
    "Statistic",
    "Threshold",
    "Unit",
    "ValueRange",
]
