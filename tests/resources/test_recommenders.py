"""``domain.recommenders`` (with ``.filters`` and ``.schemas``) and ``cp.recommender_recipes``
against the embedded emulator."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from customer_profiles_sdk import (
    BadRequestError,
    CustomerProfiles,
    DiversityCapType,
    JobFailedError,
    Recommender,
    RecommenderConfig,
    RecommenderFilterDefinition,
    RecommenderFilterStatus,
    RecommenderFilterSummary,
    RecommenderRecipe,
    RecommenderRecipeName,
    RecommenderSchema,
    RecommenderSchemaField,
    RecommenderSchemaStatus,
    RecommenderSchemaSummary,
    RecommenderStatus,
    RecommenderSummary,
    ResourceNotFoundError,
    RetryPolicy,
    ValidationError,
    WaitTimeoutError,
)
from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.resources import RecommenderFilterHandle, RecommenderHandle
from customer_profiles_sdk.resources.domains import Domain

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
VERSION = re.compile(r"^[a-zA-Z0-9_-]+/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$")
SCHEMA_FIELDS = {
    "_webAnalytics": [RecommenderSchemaField(target_field_name="Location.City")],
    "_catalogItem": [{"target_field_name": "Category", "feature_type": "CATEGORICAL"}],
}


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(start=START))


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    return cp.domains.create("shop", default_expiration_days=365, data_store={"enabled": True})


def test_recipes_are_listed_even_when_fewer_are_asked_than_a_page_holds(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    recipes = cp.recommender_recipes.list().to_list()
    assert all(isinstance(r, RecommenderRecipe) for r in recipes)
    assert [r.name for r in recipes] == list(RecommenderRecipeName)
    # MaxResults must be 10 or more: a limit of 2 asks for 10 and cuts the page.
    backend.reset_calls()
    assert [r.name for r in cp.recommender_recipes.list().limit(2)] == [
        RecommenderRecipeName.RECOMMENDED_FOR_YOU,
        RecommenderRecipeName.SIMILAR_ITEMS,
    ]
    assert backend.call_count("ListRecommenderRecipes") == 1
    with pytest.raises(ValidationError) as caught:
        cp.recommender_recipes.list().page_size(5).to_list()
    assert caught.value.fields == ["MaxResults"]


def test_a_recommender_trains_and_wait_returns_it_active(
    domain: Domain, backend: LocalBackend
) -> None:
    domain.recommenders.schemas.create("shop-schema", fields=SCHEMA_FIELDS)
    handle = domain.recommenders.create(
        "for-you",
        recipe=RecommenderRecipeName.RECOMMENDED_FOR_YOU,
        schema_name="shop-schema",
        config=RecommenderConfig(training_frequency=0),
        description="personal picks",
        tags={"team": "growth"},
    )
    assert isinstance(handle, RecommenderHandle)
    assert handle.arn is not None
    assert handle.arn.endswith(":domains/shop/recommenders/for-you")
    assert handle.tags == {"team": "growth"}
    pending = handle.get()
    assert isinstance(pending, Recommender)
    assert pending.status is RecommenderStatus.PENDING
    assert pending.settled is False
    assert pending.metrics == {}

    before = backend.clock.now()
    active = handle.wait()
    assert active.status is RecommenderStatus.ACTIVE
    assert active.settled is True
    assert 3660 <= backend.clock.now() - before < 3720  # 60 s pending + 3600 s training
    assert active.active_recommender_version_name is not None
    assert VERSION.match(active.active_recommender_version_name)
    assert active.training_metrics is not None
    assert [m.recommender_version_name for m in active.training_metrics] == [
        active.active_recommender_version_name
    ]
    assert set(active.metrics) == {"coverage", "hit", "recall", "popularity", "freshness"}
    assert all(0 <= v <= 1 for v in active.metrics.values())
    assert "personal picks" not in repr(active)  # the description is masked

    none = domain.recommenders.get("for-you", training_metrics_count=0)
    assert none.training_metrics == []
    assert none.metrics == {}
    summaries = domain.recommenders.list().to_list()
    assert all(isinstance(s, RecommenderSummary) for s in summaries)
    assert [(s.recommender_name, s.recipe_name, s.settled) for s in summaries] == [
        ("for-you", RecommenderRecipeName.RECOMMENDED_FOR_YOU, True)
    ]


def test_stop_start_and_wait_on_each_transition(domain: Domain, backend: LocalBackend) -> None:
    handle = domain.recommenders.create("picks", recipe="popular-items")
    handle.wait()
    handle.stop()
    assert handle.get().status is RecommenderStatus.STOPPING
    assert handle.wait().status is RecommenderStatus.INACTIVE
    with pytest.raises(BadRequestError):
        handle.stop()
    domain.recommenders.start("picks")
    assert handle.get().status is RecommenderStatus.STARTING
    assert handle.wait().status is RecommenderStatus.ACTIVE
    with pytest.raises(BadRequestError):
        domain.recommenders.start("picks")


def test_update_retrains_and_rolls_back(domain: Domain) -> None:
    first = domain.recommenders.create("picks", recipe="popular-items").wait()
    assert first.active_recommender_version_name is not None
    updating = domain.recommenders.update("picks", config={"training_frequency": 3})
    latest = updating.get().latest_recommender_update
    assert latest is not None
    assert latest.status is RecommenderStatus.IN_PROGRESS
    retrained = updating.wait(retraining=True)
    assert retrained.latest_recommender_update is not None
    assert retrained.latest_recommender_update.status is RecommenderStatus.ACTIVE
    second = retrained.active_recommender_version_name
    assert second is not None
    assert second != first.active_recommender_version_name
    assert retrained.recommender_config is not None
    assert retrained.recommender_config.training_frequency == 3

    domain.recommenders.update("picks", version_name=first.active_recommender_version_name)
    rolled_back = domain.recommenders.get("picks")
    assert rolled_back.active_recommender_version_name == first.active_recommender_version_name
    with pytest.raises(BadRequestError):
        domain.recommenders.update("picks", version_name="picks/2020-01-01T00-00-00Z")
    with pytest.raises(ValidationError) as caught:
        domain.recommenders.update("picks", version_name="version one")
    assert caught.value.fields == ["RecommenderVersionName"]


def test_a_failed_or_deleted_recommender_fails_the_wait(
    domain: Domain, backend: LocalBackend
) -> None:
    handle = domain.recommenders.create("broken", recipe="popular-items")
    backend.fail_recommender("shop", "broken", "not enough interactions")
    with pytest.raises(JobFailedError) as caught:
        handle.wait()
    assert caught.value.last.status is RecommenderStatus.FAILED
    assert str(caught.value) == "recommender broken failed: FAILED (not enough interactions)"

    gone = domain.recommenders.create("gone", recipe="popular-items")
    assert gone.delete() is True
    with pytest.raises(JobFailedError, match="DELETING"):
        gone.wait()
    backend.clock.advance(61)
    with pytest.raises(ResourceNotFoundError):
        gone.get()
    assert domain.recommenders.delete("gone") is False


def test_wait_times_out_on_the_emulated_clock(domain: Domain, backend: LocalBackend) -> None:
    handle = domain.recommenders.create("slow", recipe="popular-items")
    before = backend.clock.now()
    with pytest.raises(WaitTimeoutError) as caught:
        handle.wait(timeout=600)
    assert caught.value.last.status is RecommenderStatus.IN_PROGRESS
    assert backend.clock.now() - before == pytest.approx(600)


def test_documented_config_rules_are_checked_before_sending(
    domain: Domain, backend: LocalBackend
) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError) as caught:
        domain.recommenders.create(
            "bad",
            recipe="recommended-for-you",
            config={
                "included_columns": {"_orders": ["Total"]},
                "excluded_columns": {"_webAnalytics": ["EventType", "Location.City"]},
                "diversity_config": {
                    "diversity_columns": [
                        {"name": "Category", "cap_type": DiversityCapType.VALUE, "target": "25x"}
                    ]
                },
            },
        )
    error = caught.value
    assert error.operation == "CreateRecommender"
    assert error.fields == [
        "RecommenderConfig.ExcludedColumns",
        "RecommenderConfig.IncludedColumns.<key>",
        "RecommenderConfig.ExcludedColumns['_webAnalytics']",
        "RecommenderConfig.DiversityConfig.DiversityColumns[0].Target",
    ]
    assert "mutually exclusive" in str(error)
    assert "EventType" in str(error)
    assert backend.calls == []
    with pytest.raises(ValidationError) as recipe:
        domain.recommenders.create("bad", recipe="best-items")
    assert recipe.value.fields == ["RecommenderRecipeName"]
    with pytest.raises(ValidationError) as frequency:
        domain.recommenders.update("bad", config={"training_frequency": 31})
    assert frequency.value.fields == ["RecommenderConfig.TrainingFrequency"]
    # A placeholder target is fine.
    placeholder = {
        "diversity_config": {
            "diversity_columns": [{"name": "Category", "cap_type": "VALUE", "target": "$cap"}]
        }
    }
    domain.recommenders.create("capped", recipe="popular-items", config=placeholder)


def test_the_service_refusals_are_typed_errors(cp: CustomerProfiles, domain: Domain) -> None:
    plain = cp.domains.create("no-store", default_expiration_days=30)
    with pytest.raises(BadRequestError):
        plain.recommenders.create("picks", recipe="popular-items")
    with pytest.raises(ResourceNotFoundError):
        domain.recommenders.create("picks", recipe="popular-items", schema_name="missing")
    domain.recommenders.create("picks", recipe="popular-items")
    with pytest.raises(BadRequestError):
        domain.recommenders.create("picks", recipe="popular-items")
    with pytest.raises(ResourceNotFoundError):
        domain.recommenders.get("nothing")


def test_filters_activate_or_fail_and_wait_says_which(
    domain: Domain, backend: LocalBackend
) -> None:
    filters = domain.recommenders.filters
    good = filters.create(
        "no-category",
        expression="EXCLUDE ItemID WHERE Items.Category IN ($CATEGORY)",
        description="hide a category",
        tags={"team": "growth"},
    )
    assert isinstance(good, RecommenderFilterHandle)
    assert good.arn is not None
    assert good.arn.endswith("/recommender-filters/no-category")
    state = good.get()
    assert isinstance(state, RecommenderFilterDefinition)
    assert state.status is RecommenderFilterStatus.PENDING
    assert state.done is False
    assert "Items.Category" not in repr(state)  # the expression is masked
    before = backend.clock.now()
    assert good.wait().status is RecommenderFilterStatus.ACTIVE
    assert 60 <= backend.clock.now() - before < 90

    filters.create("vague", expression="show me everything")
    with pytest.raises(JobFailedError) as caught:
        filters.wait("vague")
    assert caught.value.last.failure_reason == "Invalid filter expression"
    listed = filters.list().to_list()
    assert all(isinstance(f, RecommenderFilterSummary) for f in listed)
    assert [(f.recommender_filter_name, f.done) for f in listed] == [
        ("no-category", True),
        ("vague", True),
    ]
    assert filters.delete("vague") is True
    assert filters.delete("vague") is False
    with pytest.raises(ValidationError) as bad_name:
        filters.create("f" * 64, expression="EXCLUDE ItemID WHERE x")
    assert bad_name.value.fields == ["RecommenderFilterName"]
    with pytest.raises(ResourceNotFoundError):
        filters.create("f", expression="EXCLUDE ItemID WHERE x", schema_name="missing")


def test_schemas_are_created_read_listed_and_deleted(domain: Domain, backend: LocalBackend) -> None:
    schemas = domain.recommenders.schemas
    created = schemas.create("shop-schema", fields=SCHEMA_FIELDS, tags={"team": "growth"})
    assert isinstance(created, RecommenderSchema)
    assert created.recommender_schema_arn is not None
    assert created.status is RecommenderSchemaStatus.ACTIVE
    assert created.fields["_catalogItem"][0].target_field_name == "Category"
    read = schemas.get("shop-schema")
    assert read.recommender_schema_arn is None
    assert read.fields == created.fields
    listed = schemas.list().to_list()
    assert all(isinstance(s, RecommenderSchemaSummary) for s in listed)
    assert [s.recommender_schema_name for s in listed] == ["shop-schema"]

    domain.recommenders.create("picks", recipe="popular-items", schema_name="shop-schema")
    with pytest.raises(BadRequestError):
        schemas.delete("shop-schema")  # a recommender uses it
    domain.recommenders.delete("picks")
    backend.clock.advance(61)
    assert schemas.delete("shop-schema") is True
    assert schemas.delete("shop-schema") is False

    backend.reset_calls()
    with pytest.raises(ValidationError) as caught:
        schemas.create("other", fields={"_orders": [{"target_field_name": "Total"}]})
    assert caught.value.fields == ["Fields.<key>"]
    assert backend.calls == []
    with pytest.raises(ValidationError) as too_many:
        schemas.create("other", fields={"_webAnalytics": [{"target_field_name": "x"}] * 10})
    assert too_many.value.fields == ["Fields['_webAnalytics']"]
