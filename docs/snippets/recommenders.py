"""Recommenders: a schema, a recommender trained on it, a filter; stop and start."""

from customer_profiles_sdk import (
    CustomerProfiles,
    RecommenderConfig,
    RecommenderRecipeName,
    RecommenderSchemaField,
    RecommenderStatus,
)

cp = CustomerProfiles.local()
domain = cp.domains.create(
    "shop",
    default_expiration_days=365,
    data_store={"enabled": True},  # required
)
assert RecommenderRecipeName.RECOMMENDED_FOR_YOU in [r.name for r in cp.recommender_recipes.list()]

domain.recommenders.schemas.create(
    "shop-schema",
    fields={
        "_webAnalytics": [RecommenderSchemaField(target_field_name="Location.City")],
        "_catalogItem": [
            RecommenderSchemaField(target_field_name="Category", feature_type="CATEGORICAL")
        ],
    },
)
picks = domain.recommenders.create(
    "for-you",
    recipe=RecommenderRecipeName.RECOMMENDED_FOR_YOU,
    schema_name="shop-schema",
    config=RecommenderConfig(training_frequency=7),  # retrain weekly
)
assert picks.get().status is RecommenderStatus.PENDING

trained = picks.wait()  # PENDING -> IN_PROGRESS -> ACTIVE; the emulator's clock moves
assert trained.status is RecommenderStatus.ACTIVE
assert trained.active_recommender_version_name is not None
assert set(trained.metrics) >= {"coverage", "hit", "recall"}  # the newest training's

# A filter with a $CATEGORY placeholder, given a value when recommendations are asked.
no_category = domain.recommenders.filters.create(
    "no-category", expression="EXCLUDE ItemID WHERE Items.Category IN ($CATEGORY)"
)
assert no_category.wait().status == "ACTIVE"

picks.stop()
assert picks.wait().status is RecommenderStatus.INACTIVE
picks.start()
assert picks.wait().status is RecommenderStatus.ACTIVE
