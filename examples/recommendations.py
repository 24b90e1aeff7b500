"""Recommendations: train a recommender, filter its items, ask it for a customer.

1. create a domain with the Data store (recommenders need it) and a recommender schema;
2. create a recommender and wait until it is trained (``.wait()``);
3. read its training metrics;
4. create a filter and wait until it is active;
5. ask for recommendations by profile id, then by email;
6. stop and start the recommender.

It runs against the embedded emulator only: training takes an hour there too, but
waiting advances the emulated clock, so the script ends at once. The emulator's
recommendations are a deterministic stub ranking a catalog the script gives it
(``LocalBackend.set_catalog``): they show the shape and flow of the calls, not any
relevance. Against AWS the same calls need a domain with real interaction and catalog
data, and training takes hours.

    python examples/recommendations.py
"""

from __future__ import annotations

from datetime import datetime, timezone

from customer_profiles_sdk import (
    CustomerProfiles,
    Profile,
    RecommenderConfig,
    RecommenderFilter,
    RecommenderRecipeName,
    RecommenderSchemaField,
)
from customer_profiles_sdk.local import Clock, LocalBackend

CATALOG = [
    {"Id": "sku-boots", "Name": "Hiking boots", "Category": "shoes"},
    {"Id": "sku-sandals", "Name": "Sandals", "Category": "shoes"},
    {"Id": "sku-scarf", "Name": "Wool scarf", "Category": "winter"},
    {"Id": "sku-hat", "Name": "Beanie", "Category": "winter"},
]


def _value(value: object) -> str:
    return str(getattr(value, "value", value))


def main() -> int:
    """Run the walkthrough against the embedded emulator."""
    backend = LocalBackend(clock=Clock(start=datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)))
    cp = CustomerProfiles.local(backend=backend)
    domain = cp.domains.create("shop", default_expiration_days=365, data_store={"enabled": True})
    backend.set_catalog("shop", CATALOG)
    domain.recommenders.schemas.create(
        "shop-schema",
        fields={
            "_webAnalytics": [RecommenderSchemaField(target_field_name="Location.City")],
            "_catalogItem": [
                RecommenderSchemaField(target_field_name="Category", feature_type="CATEGORICAL")
            ],
        },
    )
    recipes = [_value(r.name) for r in cp.recommender_recipes.list()]
    print(f"1. domain 'shop' with the Data store and schema 'shop-schema'; recipes: {recipes}")

    started = backend.clock.now()
    picks = domain.recommenders.create(
        "for-you",
        recipe=RecommenderRecipeName.RECOMMENDED_FOR_YOU,
        schema_name="shop-schema",
        config=RecommenderConfig(training_frequency=7),
    )
    trained = picks.wait()
    minutes = (backend.clock.now() - started) / 60
    print(
        f"2. recommender 'for-you' is {_value(trained.status)} after {minutes:.0f} emulated "
        f"minutes, version {trained.active_recommender_version_name}"
    )
    metrics = ", ".join(f"{name}={value:.2f}" for name, value in sorted(trained.metrics.items()))
    print(f"3. training metrics: {metrics}")

    no_category = domain.recommenders.filters.create(
        "no-category", expression="EXCLUDE ItemID WHERE Items.Category IN ($CATEGORY)"
    )
    print(f"4. filter 'no-category' is {_value(no_category.wait().status)}")

    pid = domain.profiles.create(Profile(first_name="Ana", email_address="ana@example.com"))
    items = domain.recommendations.for_profile(
        pid,
        recommender="for-you",
        max_results=3,
        metadata_columns=["Name"],
        filters=[RecommenderFilter(name="no-category", values={"CATEGORY": '"shoes"'})],
    )
    shown = [
        (r.catalog_item.name, round(r.score or 0, 3)) for r in items if r.catalog_item is not None
    ]
    # The emulator checks the filter (active, $CATEGORY given) but does not apply it.
    print(f"5. for Ana (by profile id): {shown}")
    by_email = domain.recommendations.search(
        "_email", ["ana@example.com"], recommender="for-you", max_recommendations=3
    )
    same = [r.catalog_item.id for r in by_email.recommendations if r.catalog_item] == [
        r.catalog_item.id for r in items if r.catalog_item
    ]
    found = "found" if by_email.profile_id == pid else "NOT found"
    print(f"   by email: profile {found}, same items: {same}")

    picks.stop()
    stopped = picks.wait()
    picks.start()
    print(f"6. stopped: {_value(stopped.status)}; started again: {_value(picks.wait().status)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
