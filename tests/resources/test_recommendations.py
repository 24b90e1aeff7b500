"""``domain.recommendations`` against the embedded emulator's deterministic stub."""

from __future__ import annotations

import pytest

from customer_profiles_sdk import (
    BadRequestError,
    CustomerProfiles,
    ProfileRecommendations,
    Recommendation,
    RecommenderFilter,
    RecommenderSelection,
    ResourceNotFoundError,
    RetryPolicy,
    ValidationError,
)
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.resources.domains import Domain

CATALOG = [
    {"Id": "sku-a", "Name": "Boots", "Category": "shoes"},
    {"Id": "sku-b", "Name": "Scarf", "Category": "winter"},
    {"Id": "sku-c", "Name": "Hat", "Category": "winter"},
]


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())


@pytest.fixture
def domain(cp: CustomerProfiles, backend: LocalBackend) -> Domain:
    domain = cp.domains.create("shop", default_expiration_days=365, data_store={"enabled": True})
    backend.set_catalog("shop", CATALOG)
    domain.recommenders.create("picks", recipe="popular-items").wait()
    return domain


def test_for_profile_ranks_the_catalog_deterministically(domain: Domain) -> None:
    pid = domain.profiles.create({"first_name": "Ana"})
    first = domain.recommendations.for_profile(pid, recommender="picks")
    assert all(isinstance(r, Recommendation) for r in first)
    assert sorted(r.catalog_item.id for r in first) == ["sku-a", "sku-b", "sku-c"]  # type: ignore[union-attr]
    scores = [r.score for r in first]
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
    assert all(0 <= s <= 1 for s in scores)  # type: ignore[operator]
    assert domain.recommendations.for_profile(pid, recommender="picks") == first
    assert "sku-a" not in repr(first[0])  # items and scores are masked in repr

    top = domain.recommendations.for_profile(
        pid, recommender="picks", max_results=2, metadata_columns=["Name"]
    )
    assert [r.catalog_item.id for r in top] == [r.catalog_item.id for r in first[:2]]  # type: ignore[union-attr]
    assert all(r.catalog_item.name is not None for r in top)  # type: ignore[union-attr]
    assert all(r.catalog_item.category is None for r in top)  # type: ignore[union-attr]


def test_filters_must_be_active_and_get_their_placeholders(domain: Domain) -> None:
    pid = domain.profiles.create({"first_name": "Ana"})
    domain.recommenders.filters.create(
        "no-category", expression="EXCLUDE ItemID WHERE Items.Category IN ($CATEGORY)"
    ).wait()
    with pytest.raises(BadRequestError, match="CATEGORY"):
        domain.recommendations.for_profile(
            pid, recommender="picks", filters=[{"name": "no-category"}]
        )
    given = RecommenderFilter(name="no-category", values={"CATEGORY": '"shoes"'})
    for filters in (given, [given], [{"name": "no-category", "values": {"CATEGORY": '"shoes"'}}]):
        assert (
            len(domain.recommendations.for_profile(pid, recommender="picks", filters=filters)) == 3
        )
    with pytest.raises(ResourceNotFoundError):
        domain.recommendations.for_profile(pid, recommender="picks", filters=[{"name": "nothing"}])
    with pytest.raises(ValidationError) as caught:
        domain.recommendations.for_profile(pid, recommender="picks", filters=[given, given])
    assert caught.value.fields == ["RecommenderFilters"]


def test_diversity_placeholders_must_be_given_when_enabled(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    domain = cp.domains.create("diverse", default_expiration_days=30, data_store={"enabled": True})
    config = {
        "diversity_config": {
            "diversity_columns": [{"name": "Category", "cap_type": "VALUE", "target": "$cap"}]
        }
    }
    domain.recommenders.create("capped", recipe="popular-items", config=config).wait()
    pid = domain.profiles.create({"first_name": "Bo"})
    with pytest.raises(BadRequestError, match="cap"):
        domain.recommendations.for_profile(pid, recommender="capped", diversity=True)
    assert domain.recommendations.for_profile(pid, recommender="capped", diversity={"cap": 2}) == []
    assert domain.recommendations.for_profile(pid, recommender="capped", diversity=False) == []
    with pytest.raises(ValidationError) as caught:
        domain.recommendations.for_profile(pid, recommender="capped", diversity={"cap": 500})
    assert caught.value.fields == ["DiversityConfig.Values['cap']"]


def test_search_finds_the_one_profile_of_a_key(domain: Domain) -> None:
    pid = domain.profiles.create({"email_address": "ana@example.com"})
    found = domain.recommendations.search(
        "_email", ["ana@example.com"], recommender="picks", metadata_columns=["Name", "Category"]
    )
    assert isinstance(found, ProfileRecommendations)
    assert found.profile_id == pid
    assert [r.catalog_item.id for r in found.recommendations] == [  # type: ignore[union-attr]
        r.catalog_item.id  # type: ignore[union-attr]
        for r in domain.recommendations.for_profile(pid, recommender="picks")
    ]
    assert found.recommendations[0].catalog_item.category is not None  # type: ignore[union-attr]
    assert (
        len(
            domain.recommendations.search(
                "_profileId", [pid], recommender="picks", max_recommendations=1
            ).recommendations
        )
        == 1
    )

    domain.profiles.create({"email_address": "twin@example.com"})
    domain.profiles.create({"email_address": "twin@example.com"})
    with pytest.raises(BadRequestError):
        domain.recommendations.search("_email", ["twin@example.com"], recommender="picks")
    with pytest.raises(ResourceNotFoundError):
        domain.recommendations.search("_email", ["nobody@example.com"], recommender="picks")


def test_search_takes_the_filters_once(domain: Domain, backend: LocalBackend) -> None:
    domain.profiles.create({"email_address": "ana@example.com"})
    domain.recommenders.filters.create("all", expression="INCLUDE ItemID WHERE x").wait()
    selection = RecommenderSelection(name="picks", filters=[RecommenderFilter(name="all")])
    assert domain.recommendations.search("_email", ["ana@example.com"], recommender=selection)
    assert domain.recommendations.search(
        "_email", ["ana@example.com"], recommender="picks", filters=[{"name": "all"}]
    )
    backend.reset_calls()
    with pytest.raises(ValidationError) as caught:
        domain.recommendations.search(
            "_email", ["ana@example.com"], recommender=selection, filters=[{"name": "all"}]
        )
    assert caught.value.fields == ["Recommender.Filters"]
    with pytest.raises(ValidationError) as single:
        domain.recommendations.search("_email", "ana@example.com", recommender="picks")
    assert single.value.fields == ["KeyValues"]
    assert backend.calls == []


def test_a_recommender_that_cannot_serve_is_a_bad_request(domain: Domain) -> None:
    pid = domain.profiles.create({"first_name": "Ana"})
    domain.recommenders.stop("picks")
    with pytest.raises(BadRequestError):
        domain.recommendations.for_profile(pid, recommender="picks")
    domain.recommenders.create("ranking", recipe="personalized-ranking").wait()
    with pytest.raises(BadRequestError, match="CandidateIds"):
        domain.recommendations.for_profile(pid, recommender="ranking")
    ranked = domain.recommendations.for_profile(
        pid, recommender="ranking", candidate_ids=["sku-c", "sku-a"]
    )
    assert sorted(r.catalog_item.id for r in ranked) == ["sku-a", "sku-c"]  # type: ignore[union-attr]
    with pytest.raises(ResourceNotFoundError):
        domain.recommendations.for_profile("0" * 32, recommender="ranking", candidate_ids=["x"])
    with pytest.raises(ValidationError) as caught:
        domain.recommendations.for_profile(
            pid, recommender="ranking", candidate_ids=[str(i) for i in range(51)], max_results=0
        )
    assert caught.value.fields == ["CandidateIds", "MaxResults"]
