"""Models of the attributes operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import attrs

from .._base import Extra, model

__all__ = [
    "AttributeValueItem",
    "GetObjectTypeAttributeStatisticsPercentiles",
    "GetObjectTypeAttributeStatisticsResponse",
    "GetObjectTypeAttributeStatisticsStats",
    "ListObjectTypeAttributeItem",
    "ListObjectTypeAttributeValuesItem",
    "ListObjectTypeAttributeValuesResponse",
    "ListObjectTypeAttributesResponse",
    "ProfileAttributeValuesResponse",
]


@model
class AttributeValueItem:
    """The ``AttributeValueItem`` structure, used by ``ListProfileAttributeValues``."""

    __wire_shape__: ClassVar[str] = "AttributeValueItem"

    value: str | None = attrs.field(default=None, metadata={"wire": "Value"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetObjectTypeAttributeStatisticsPercentiles:
    """The ``GetObjectTypeAttributeStatisticsPercentiles`` structure, used by
    ``GetObjectTypeAttributeStatistics``.
    """

    __wire_shape__: ClassVar[str] = "GetObjectTypeAttributeStatisticsPercentiles"

    p5: float = attrs.field(metadata={"wire": "P5"})
    p25: float = attrs.field(metadata={"wire": "P25"})
    p50: float = attrs.field(metadata={"wire": "P50"})
    p75: float = attrs.field(metadata={"wire": "P75"})
    p95: float = attrs.field(metadata={"wire": "P95"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetObjectTypeAttributeStatisticsResponse:
    """The ``GetObjectTypeAttributeStatisticsResponse`` structure, used by
    ``GetObjectTypeAttributeStatistics`` (response).
    """

    __wire_shape__: ClassVar[str] = "GetObjectTypeAttributeStatisticsResponse"

    statistics: GetObjectTypeAttributeStatisticsStats = attrs.field(metadata={"wire": "Statistics"})
    calculated_at: datetime = attrs.field(metadata={"wire": "CalculatedAt"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetObjectTypeAttributeStatisticsStats:
    """The ``GetObjectTypeAttributeStatisticsStats`` structure, used by
    ``GetObjectTypeAttributeStatistics``.
    """

    __wire_shape__: ClassVar[str] = "GetObjectTypeAttributeStatisticsStats"

    maximum: float = attrs.field(metadata={"wire": "Maximum"})
    minimum: float = attrs.field(metadata={"wire": "Minimum"})
    average: float = attrs.field(metadata={"wire": "Average"})
    standard_deviation: float = attrs.field(metadata={"wire": "StandardDeviation"})
    percentiles: GetObjectTypeAttributeStatisticsPercentiles = attrs.field(
        metadata={"wire": "Percentiles"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListObjectTypeAttributeItem:
    """The ``ListObjectTypeAttributeItem`` structure, used by ``ListObjectTypeAttributes``."""

    __wire_shape__: ClassVar[str] = "ListObjectTypeAttributeItem"

    attribute_name: str = attrs.field(metadata={"wire": "AttributeName"})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListObjectTypeAttributeValuesItem:
    """The ``ListObjectTypeAttributeValuesItem`` structure, used by
    ``ListObjectTypeAttributeValues``.
    """

    __wire_shape__: ClassVar[str] = "ListObjectTypeAttributeValuesItem"

    value: str = attrs.field(metadata={"wire": "Value", "sensitive": True})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListObjectTypeAttributeValuesResponse:
    """The ``ListObjectTypeAttributeValuesResponse`` structure, used by
    ``ListObjectTypeAttributeValues`` (response).
    """

    __wire_shape__: ClassVar[str] = "ListObjectTypeAttributeValuesResponse"

    items: list[ListObjectTypeAttributeValuesItem] | None = attrs.field(
        default=None, metadata={"wire": "Items"}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListObjectTypeAttributesResponse:
    """The ``ListObjectTypeAttributesResponse`` structure, used by ``ListObjectTypeAttributes``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListObjectTypeAttributesResponse"

    items: list[ListObjectTypeAttributeItem] | None = attrs.field(
        default=None, metadata={"wire": "Items"}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileAttributeValuesResponse:
    """The ``ProfileAttributeValuesResponse`` structure, used by ``ListProfileAttributeValues``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ProfileAttributeValuesResponse"

    domain_name: str | None = attrs.field(default=None, metadata={"wire": "DomainName"})
    attribute_name: str | None = attrs.field(default=None, metadata={"wire": "AttributeName"})
    items: list[AttributeValueItem] | None = attrs.field(default=None, metadata={"wire": "Items"})
    status_code: int | None = attrs.field(default=None, metadata={"wire": "StatusCode"})
    extra: Extra = attrs.field(factory=dict, repr=False)
