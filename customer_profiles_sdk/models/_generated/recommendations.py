"""Models of the recommendations operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import attrs

from .._base import Extra, model

__all__ = [
    "CatalogItem",
    "GetProfileRecommendationsResponse",
    "MetadataConfig",
    "ProfileRecommendations",
    "Recommendation",
    "RecommendationDiversityConfig",
    "RecommendationMetadata",
    "RecommenderFilter",
    "RecommenderPromotionalFilter",
    "RecommenderSelection",
]


@model
class CatalogItem:
    """The ``CatalogItem`` structure, used by ``GetProfileRecommendations``,
    ``SearchRecommendations``.
    """

    __wire_shape__: ClassVar[str] = "CatalogItem"

    id: str | None = attrs.field(default=None, metadata={"wire": "Id", "sensitive": True})
    name: str | None = attrs.field(default=None, metadata={"wire": "Name", "sensitive": True})
    code: str | None = attrs.field(default=None, metadata={"wire": "Code", "sensitive": True})
    type: str | None = attrs.field(default=None, metadata={"wire": "Type", "sensitive": True})
    category: str | None = attrs.field(
        default=None, metadata={"wire": "Category", "sensitive": True}
    )
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    additional_information: str | None = attrs.field(
        default=None, metadata={"wire": "AdditionalInformation", "sensitive": True}
    )
    image_link: str | None = attrs.field(
        default=None, metadata={"wire": "ImageLink", "sensitive": True}
    )
    link: str | None = attrs.field(default=None, metadata={"wire": "Link", "sensitive": True})
    created_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "CreatedAt", "sensitive": True}
    )
    updated_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "UpdatedAt", "sensitive": True}
    )
    price: str | None = attrs.field(default=None, metadata={"wire": "Price", "sensitive": True})
    attributes: dict[str, str] | None = attrs.field(
        default=None, metadata={"wire": "Attributes", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetProfileRecommendationsResponse:
    """The ``GetProfileRecommendationsResponse`` structure, used by
    ``GetProfileRecommendations`` (response).
    """

    __wire_shape__: ClassVar[str] = "GetProfileRecommendationsResponse"

    recommendations: list[Recommendation] | None = attrs.field(
        default=None, metadata={"wire": "Recommendations", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class MetadataConfig:
    """The ``MetadataConfig`` structure, used by ``GetProfileRecommendations``."""

    __wire_shape__: ClassVar[str] = "MetadataConfig"

    metadata_columns: list[str] | None = attrs.field(
        default=None, metadata={"wire": "MetadataColumns"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileRecommendations:
    """What ``SearchRecommendations`` answers: the profile the search key found and the
    items recommended for it, best first (scores and items are masked in ``repr``).
    """

    __wire_shape__: ClassVar[str] = "SearchRecommendationsResponse"

    profile_id: str | None = attrs.field(default=None, metadata={"wire": "ProfileId"})
    recommendations: list[Recommendation] = attrs.field(
        factory=list, metadata={"wire": "Recommendations", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Recommendation:
    """The ``Recommendation`` structure, used by ``GetProfileRecommendations``,
    ``SearchRecommendations``.
    """

    __wire_shape__: ClassVar[str] = "Recommendation"

    catalog_item: CatalogItem | None = attrs.field(
        default=None, metadata={"wire": "CatalogItem", "sensitive": True}
    )
    score: float | None = attrs.field(default=None, metadata={"wire": "Score", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommendationDiversityConfig:
    """The ``RecommendationDiversityConfig`` structure, used by ``GetProfileRecommendations``,
    ``SearchRecommendations``.
    """

    __wire_shape__: ClassVar[str] = "RecommendationDiversityConfig"

    enabled: bool = attrs.field(metadata={"wire": "Enabled"})
    values: dict[str, int] | None = attrs.field(default=None, metadata={"wire": "Values"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommendationMetadata:
    """The ``RecommendationMetadata`` structure, used by ``SearchRecommendations``."""

    __wire_shape__: ClassVar[str] = "RecommendationMetadata"

    columns: list[str] | None = attrs.field(default=None, metadata={"wire": "Columns"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderFilter:
    """The ``RecommenderFilter`` structure, used by ``GetProfileRecommendations``,
    ``SearchRecommendations``.
    """

    __wire_shape__: ClassVar[str] = "RecommenderFilter"

    name: str | None = attrs.field(default=None, metadata={"wire": "Name"})
    values: dict[str, str] | None = attrs.field(
        default=None, metadata={"wire": "Values", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderPromotionalFilter:
    """The ``RecommenderPromotionalFilter`` structure, used by ``GetProfileRecommendations``,
    ``SearchRecommendations``.
    """

    __wire_shape__: ClassVar[str] = "RecommenderPromotionalFilter"

    name: str | None = attrs.field(default=None, metadata={"wire": "Name"})
    values: dict[str, str] | None = attrs.field(
        default=None, metadata={"wire": "Values", "sensitive": True}
    )
    promotion_name: str | None = attrs.field(default=None, metadata={"wire": "PromotionName"})
    percent_promoted_items: int | None = attrs.field(
        default=None, metadata={"wire": "PercentPromotedItems"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderSelection:
    """Which recommender ``SearchRecommendations`` asks, with its filters (the
    ``Recommender`` member of the request).
    """

    __wire_shape__: ClassVar[str] = "Recommender"

    name: str = attrs.field(metadata={"wire": "Name"})
    filters: list[RecommenderFilter] | None = attrs.field(
        default=None, metadata={"wire": "Filters"}
    )
    promotional_filters: list[RecommenderPromotionalFilter] | None = attrs.field(
        default=None, metadata={"wire": "PromotionalFilters"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)
