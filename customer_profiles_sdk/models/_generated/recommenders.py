"""Models of the recommenders operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model
from .._mixins import RecommenderFilterMixin, RecommenderMixin
from .domain_object_types import ContentType, FeatureType

__all__ = [
    "CreateRecommenderFilterResponse",
    "CreateRecommenderResponse",
    "DeleteRecommenderFilterResponse",
    "DeleteRecommenderResponse",
    "DeleteRecommenderSchemaResponse",
    "DiversityCapType",
    "DiversityColumn",
    "DiversityConfig",
    "EventParameters",
    "EventsConfig",
    "InferenceConfig",
    "ListRecommenderFiltersResponse",
    "ListRecommenderRecipesResponse",
    "ListRecommenderSchemasResponse",
    "ListRecommendersResponse",
    "Recommender",
    "RecommenderConfig",
    "RecommenderFilterDefinition",
    "RecommenderFilterStatus",
    "RecommenderFilterSummary",
    "RecommenderRecipe",
    "RecommenderRecipeName",
    "RecommenderSchema",
    "RecommenderSchemaField",
    "RecommenderSchemaStatus",
    "RecommenderSchemaSummary",
    "RecommenderStatus",
    "RecommenderSummary",
    "RecommenderUpdate",
    "StartRecommenderResponse",
    "StopRecommenderResponse",
    "TrainingMetricName",
    "TrainingMetrics",
    "UpdateRecommenderResponse",
]


class DiversityCapType(str, Enum):
    """``DiversityCapType``, an open enum: a value this SDK does not know stays a ``str``."""

    PERCENTAGE = "PERCENTAGE"
    VALUE = "VALUE"


class RecommenderFilterStatus(str, Enum):
    """``RecommenderFilterStatus``, an open enum: a value this SDK does not know stays a ``str``."""

    ACTIVE = "ACTIVE"
    PENDING = "PENDING"
    IN_PROGRESS = "IN_PROGRESS"
    FAILED = "FAILED"
    DELETING = "DELETING"


class RecommenderRecipeName(str, Enum):
    """``RecommenderRecipeName``, an open enum: a value this SDK does not know stays a ``str``."""

    RECOMMENDED_FOR_YOU = "recommended-for-you"
    SIMILAR_ITEMS = "similar-items"
    FREQUENTLY_PAIRED_ITEMS = "frequently-paired-items"
    POPULAR_ITEMS = "popular-items"
    TRENDING_NOW = "trending-now"
    PERSONALIZED_RANKING = "personalized-ranking"


class RecommenderSchemaStatus(str, Enum):
    """``RecommenderSchemaStatus``, an open enum: a value this SDK does not know stays a ``str``."""

    ACTIVE = "ACTIVE"
    DELETING = "DELETING"


class RecommenderStatus(str, Enum):
    """``RecommenderStatus``, an open enum: a value this SDK does not know stays a ``str``."""

    PENDING = "PENDING"
    IN_PROGRESS = "IN_PROGRESS"
    ACTIVE = "ACTIVE"
    FAILED = "FAILED"
    STOPPING = "STOPPING"
    INACTIVE = "INACTIVE"
    STARTING = "STARTING"
    DELETING = "DELETING"


class TrainingMetricName(str, Enum):
    """``TrainingMetricName``, an open enum: a value this SDK does not know stays a ``str``."""

    HIT = "hit"
    COVERAGE = "coverage"
    RECALL = "recall"
    POPULARITY = "popularity"
    FRESHNESS = "freshness"
    SIMILARITY = "similarity"
    MEAN_RECIPROCAL_RANK_AT_25 = "mean_reciprocal_rank_at_25"
    NORMALIZED_DISCOUNTED_CUMULATIVE_GAIN_AT_5 = "normalized_discounted_cumulative_gain_at_5"
    NORMALIZED_DISCOUNTED_CUMULATIVE_GAIN_AT_10 = "normalized_discounted_cumulative_gain_at_10"
    NORMALIZED_DISCOUNTED_CUMULATIVE_GAIN_AT_25 = "normalized_discounted_cumulative_gain_at_25"
    PRECISION_AT_5 = "precision_at_5"
    PRECISION_AT_10 = "precision_at_10"
    PRECISION_AT_25 = "precision_at_25"


@model
class CreateRecommenderFilterResponse:
    """The ``CreateRecommenderFilterResponse`` structure, used by ``CreateRecommenderFilter``
    (response).
    """

    __wire_shape__: ClassVar[str] = "CreateRecommenderFilterResponse"

    recommender_filter_arn: str = attrs.field(metadata={"wire": "RecommenderFilterArn"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CreateRecommenderResponse:
    """The ``CreateRecommenderResponse`` structure, used by ``CreateRecommender`` (response)."""

    __wire_shape__: ClassVar[str] = "CreateRecommenderResponse"

    recommender_arn: str = attrs.field(metadata={"wire": "RecommenderArn"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteRecommenderFilterResponse:
    """The ``DeleteRecommenderFilterResponse`` structure, used by ``DeleteRecommenderFilter``
    (response).
    """

    __wire_shape__: ClassVar[str] = "DeleteRecommenderFilterResponse"

    message: str = attrs.field(metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteRecommenderResponse:
    """The ``DeleteRecommenderResponse`` structure, used by ``DeleteRecommender`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteRecommenderResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteRecommenderSchemaResponse:
    """The ``DeleteRecommenderSchemaResponse`` structure, used by ``DeleteRecommenderSchema``
    (response).
    """

    __wire_shape__: ClassVar[str] = "DeleteRecommenderSchemaResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DiversityColumn:
    """The ``DiversityColumn`` structure, used by ``CreateRecommender``, ``GetRecommender``,
    ``ListRecommenders``, ``UpdateRecommender``.
    """

    __wire_shape__: ClassVar[str] = "DiversityColumn"

    name: str = attrs.field(metadata={"wire": "Name"})
    cap_type: DiversityCapType | str = attrs.field(metadata={"wire": "CapType"})
    target: str = attrs.field(metadata={"wire": "Target"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DiversityConfig:
    """The ``DiversityConfig`` structure, used by ``CreateRecommender``, ``GetRecommender``,
    ``ListRecommenders``, ``UpdateRecommender``.
    """

    __wire_shape__: ClassVar[str] = "DiversityConfig"

    diversity_columns: list[DiversityColumn] | None = attrs.field(
        default=None, metadata={"wire": "DiversityColumns"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventParameters:
    """The ``EventParameters`` structure, used by ``CreateRecommender``, ``GetRecommender``,
    ``ListRecommenders``, ``UpdateRecommender``.
    """

    __wire_shape__: ClassVar[str] = "EventParameters"

    event_type: str = attrs.field(metadata={"wire": "EventType"})
    event_value_threshold: float | None = attrs.field(
        default=None, metadata={"wire": "EventValueThreshold"}
    )
    event_weight: float | None = attrs.field(default=None, metadata={"wire": "EventWeight"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventsConfig:
    """The ``EventsConfig`` structure, used by ``CreateRecommender``, ``GetRecommender``,
    ``ListRecommenders``, ``UpdateRecommender``.
    """

    __wire_shape__: ClassVar[str] = "EventsConfig"

    event_parameters_list: list[EventParameters] = attrs.field(
        metadata={"wire": "EventParametersList"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class InferenceConfig:
    """The ``InferenceConfig`` structure, used by ``CreateRecommender``, ``GetRecommender``,
    ``ListRecommenders``, ``UpdateRecommender``.
    """

    __wire_shape__: ClassVar[str] = "InferenceConfig"

    min_provisioned_tps: int | None = attrs.field(
        default=None, metadata={"wire": "MinProvisionedTPS"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListRecommenderFiltersResponse:
    """The ``ListRecommenderFiltersResponse`` structure, used by ``ListRecommenderFilters``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListRecommenderFiltersResponse"

    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    recommender_filters: list[RecommenderFilterSummary] | None = attrs.field(
        default=None, metadata={"wire": "RecommenderFilters"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListRecommenderRecipesResponse:
    """The ``ListRecommenderRecipesResponse`` structure, used by ``ListRecommenderRecipes``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListRecommenderRecipesResponse"

    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    recommender_recipes: list[RecommenderRecipe] | None = attrs.field(
        default=None, metadata={"wire": "RecommenderRecipes"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListRecommenderSchemasResponse:
    """The ``ListRecommenderSchemasResponse`` structure, used by ``ListRecommenderSchemas``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListRecommenderSchemasResponse"

    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    recommender_schemas: list[RecommenderSchemaSummary] | None = attrs.field(
        default=None, metadata={"wire": "RecommenderSchemas"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListRecommendersResponse:
    """The ``ListRecommendersResponse`` structure, used by ``ListRecommenders`` (response)."""

    __wire_shape__: ClassVar[str] = "ListRecommendersResponse"

    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    recommenders: list[RecommenderSummary] | None = attrs.field(
        default=None, metadata={"wire": "Recommenders"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Recommender(RecommenderMixin):
    """A recommender (``GetRecommender``): a model trained on the domain's data with a
    recipe, serving recommendations when ``ACTIVE``.

    ``status`` goes ``PENDING`` -> ``IN_PROGRESS`` (training) -> ``ACTIVE``, or
    ``FAILED`` (``failure_reason``); ``STOPPING`` -> ``INACTIVE`` and ``STARTING`` ->
    ``ACTIVE`` on stop and start. ``training_metrics`` holds the newest trainings'
    metrics (as many as ``get(..., training_metrics_count=)`` asked for);
    :attr:`metrics` reads the newest.

    Example:
        >>> r = Recommender(recommender_name="picks", recommender_recipe_name="popular-items",
        ...                 status=RecommenderStatus.ACTIVE,
        ...                 training_metrics=[TrainingMetrics(metrics={"hit": 0.5})])
        >>> r.settled, r.metrics
        (True, {'hit': 0.5})
    """

    __wire_shape__: ClassVar[str] = "GetRecommenderResponse"

    recommender_name: str = attrs.field(metadata={"wire": "RecommenderName"})
    recommender_recipe_name: RecommenderRecipeName | str = attrs.field(
        metadata={"wire": "RecommenderRecipeName"}
    )
    recommender_schema_name: str | None = attrs.field(
        default=None, metadata={"wire": "RecommenderSchemaName"}
    )
    recommender_config: RecommenderConfig | None = attrs.field(
        default=None, metadata={"wire": "RecommenderConfig"}
    )
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    status: RecommenderStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    failure_reason: str | None = attrs.field(default=None, metadata={"wire": "FailureReason"})
    latest_recommender_update: RecommenderUpdate | None = attrs.field(
        default=None, metadata={"wire": "LatestRecommenderUpdate"}
    )
    active_recommender_version_name: str | None = attrs.field(
        default=None, metadata={"wire": "ActiveRecommenderVersionName"}
    )
    training_metrics: list[TrainingMetrics] | None = attrs.field(
        default=None, metadata={"wire": "TrainingMetrics"}
    )
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderConfig:
    """The ``RecommenderConfig`` structure, used by ``CreateRecommender``, ``GetRecommender``,
    ``ListRecommenders``, ``UpdateRecommender``.
    """

    __wire_shape__: ClassVar[str] = "RecommenderConfig"

    events_config: EventsConfig | None = attrs.field(
        default=None, metadata={"wire": "EventsConfig"}
    )
    training_frequency: int | None = attrs.field(
        default=None, metadata={"wire": "TrainingFrequency"}
    )
    inference_config: InferenceConfig | None = attrs.field(
        default=None, metadata={"wire": "InferenceConfig"}
    )
    included_columns: dict[str, list[str]] | None = attrs.field(
        default=None, metadata={"wire": "IncludedColumns"}
    )
    excluded_columns: dict[str, list[str]] | None = attrs.field(
        default=None, metadata={"wire": "ExcludedColumns"}
    )
    diversity_config: DiversityConfig | None = attrs.field(
        default=None, metadata={"wire": "DiversityConfig"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderFilterDefinition(RecommenderFilterMixin):
    """A recommender filter (``GetRecommenderFilter``): an expression that includes or
    excludes items from recommendations. ``status`` goes ``PENDING`` ->
    ``IN_PROGRESS`` -> ``ACTIVE``, or ``FAILED`` (``failure_reason``).
    ``recommender_filter_expression`` is masked in ``repr``.
    """

    __wire_shape__: ClassVar[str] = "GetRecommenderFilterResponse"

    recommender_filter_name: str = attrs.field(metadata={"wire": "RecommenderFilterName"})
    recommender_filter_expression: str = attrs.field(
        metadata={"wire": "RecommenderFilterExpression", "sensitive": True}
    )
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    status: RecommenderFilterStatus | str = attrs.field(metadata={"wire": "Status"})
    tags: dict[str, str] = attrs.field(metadata={"wire": "Tags"})
    recommender_schema_name: str | None = attrs.field(
        default=None, metadata={"wire": "RecommenderSchemaName"}
    )
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    failure_reason: str | None = attrs.field(default=None, metadata={"wire": "FailureReason"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderFilterSummary(RecommenderFilterMixin):
    """One filter in ``ListRecommenderFilters`` (``RecommenderFilterSummary``)."""

    __wire_shape__: ClassVar[str] = "RecommenderFilterSummary"

    recommender_filter_name: str | None = attrs.field(
        default=None, metadata={"wire": "RecommenderFilterName"}
    )
    recommender_schema_name: str | None = attrs.field(
        default=None, metadata={"wire": "RecommenderSchemaName"}
    )
    recommender_filter_expression: str | None = attrs.field(
        default=None, metadata={"wire": "RecommenderFilterExpression", "sensitive": True}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    status: RecommenderFilterStatus | str | None = attrs.field(
        default=None, metadata={"wire": "Status"}
    )
    failure_reason: str | None = attrs.field(default=None, metadata={"wire": "FailureReason"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderRecipe:
    """The ``RecommenderRecipe`` structure, used by ``ListRecommenderRecipes``."""

    __wire_shape__: ClassVar[str] = "RecommenderRecipe"

    name: RecommenderRecipeName | str | None = attrs.field(default=None, metadata={"wire": "name"})
    description: str | None = attrs.field(default=None, metadata={"wire": "description"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderSchema:
    """A recommender schema (``CreateRecommenderSchema``, ``GetRecommenderSchema``): per
    dataset (``_webAnalytics``, ``_catalogItem``), the columns recommenders and
    filters may use. ``recommender_schema_arn`` and ``tags`` come with the creation
    only.
    """

    __wire_shape__: ClassVar[str] = "CreateRecommenderSchemaResponse"

    recommender_schema_name: str = attrs.field(metadata={"wire": "RecommenderSchemaName"})
    fields: dict[str, list[RecommenderSchemaField]] = attrs.field(metadata={"wire": "Fields"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    status: RecommenderSchemaStatus | str = attrs.field(metadata={"wire": "Status"})
    recommender_schema_arn: str | None = attrs.field(
        default=None, metadata={"wire": "RecommenderSchemaArn"}
    )
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderSchemaField:
    """The ``RecommenderSchemaField`` structure, used by ``CreateRecommenderSchema``,
    ``GetRecommenderSchema``, ``ListRecommenderSchemas``.
    """

    __wire_shape__: ClassVar[str] = "RecommenderSchemaField"

    target_field_name: str = attrs.field(metadata={"wire": "TargetFieldName"})
    content_type: ContentType | str | None = attrs.field(
        default=None, metadata={"wire": "ContentType"}
    )
    feature_type: FeatureType | str | None = attrs.field(
        default=None, metadata={"wire": "FeatureType"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderSchemaSummary:
    """The ``RecommenderSchemaSummary`` structure, used by ``ListRecommenderSchemas``."""

    __wire_shape__: ClassVar[str] = "RecommenderSchemaSummary"

    recommender_schema_name: str = attrs.field(metadata={"wire": "RecommenderSchemaName"})
    fields: dict[str, list[RecommenderSchemaField]] = attrs.field(metadata={"wire": "Fields"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    status: RecommenderSchemaStatus | str = attrs.field(metadata={"wire": "Status"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderSummary(RecommenderMixin):
    """One recommender in ``ListRecommenders`` (``RecommenderSummary``); its recipe is
    ``recipe_name`` there (the service's member name).
    """

    __wire_shape__: ClassVar[str] = "RecommenderSummary"

    recommender_name: str | None = attrs.field(default=None, metadata={"wire": "RecommenderName"})
    recipe_name: RecommenderRecipeName | str | None = attrs.field(
        default=None, metadata={"wire": "RecipeName"}
    )
    recommender_schema_name: str | None = attrs.field(
        default=None, metadata={"wire": "RecommenderSchemaName"}
    )
    recommender_config: RecommenderConfig | None = attrs.field(
        default=None, metadata={"wire": "RecommenderConfig"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    status: RecommenderStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    failure_reason: str | None = attrs.field(default=None, metadata={"wire": "FailureReason"})
    latest_recommender_update: RecommenderUpdate | None = attrs.field(
        default=None, metadata={"wire": "LatestRecommenderUpdate"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RecommenderUpdate:
    """The ``RecommenderUpdate`` structure, used by ``GetRecommender``, ``ListRecommenders``."""

    __wire_shape__: ClassVar[str] = "RecommenderUpdate"

    recommender_config: RecommenderConfig | None = attrs.field(
        default=None, metadata={"wire": "RecommenderConfig"}
    )
    status: RecommenderStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    failure_reason: str | None = attrs.field(default=None, metadata={"wire": "FailureReason"})
    recommender_version_name: str | None = attrs.field(
        default=None, metadata={"wire": "RecommenderVersionName"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class StartRecommenderResponse:
    """The ``StartRecommenderResponse`` structure, used by ``StartRecommender`` (response)."""

    __wire_shape__: ClassVar[str] = "StartRecommenderResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class StopRecommenderResponse:
    """The ``StopRecommenderResponse`` structure, used by ``StopRecommender`` (response)."""

    __wire_shape__: ClassVar[str] = "StopRecommenderResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class TrainingMetrics:
    """The ``TrainingMetrics`` structure, used by ``GetRecommender``."""

    __wire_shape__: ClassVar[str] = "TrainingMetrics"

    time: datetime | None = attrs.field(default=None, metadata={"wire": "Time"})
    metrics: dict[TrainingMetricName | str, float] | None = attrs.field(
        default=None, metadata={"wire": "Metrics"}
    )
    recommender_version_name: str | None = attrs.field(
        default=None, metadata={"wire": "RecommenderVersionName"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class UpdateRecommenderResponse:
    """The ``UpdateRecommenderResponse`` structure, used by ``UpdateRecommender`` (response)."""

    __wire_shape__: ClassVar[str] = "UpdateRecommenderResponse"

    recommender_name: str = attrs.field(metadata={"wire": "RecommenderName"})
    extra: Extra = attrs.field(factory=dict, repr=False)
