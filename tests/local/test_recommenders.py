"""Recommenders, recommender filters and schemas, and the recommendation stub (spec
identity-history-jobs 7): validation, the status state machines on the emulated clock,
versions and training metrics, and the deterministic, documented ranking rule."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ParamValidationError

from customer_profiles_sdk.local import Clock, LocalBackend, ServiceFault
from tests.local.conftest import conformance_checked

D = "shop"
T0 = datetime(2026, 9, 1, 12, 0, tzinfo=timezone.utc).timestamp()
DAY = 86400.0
HOUR = 3600.0
SCHEMA_FIELDS = {
    "_webAnalytics": [{"TargetFieldName": "Location.City"}],
    "_catalogItem": [{"TargetFieldName": "Category", "FeatureType": "CATEGORICAL"}],
}
ARN = f"arn:aws:profile:us-east-1:123456789012:domains/{D}"
VERSION = re.compile(r"[a-zA-Z0-9_-]+/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z")
ITEM_METRICS = {"coverage", "hit", "recall", "popularity", "freshness"}


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(T0))


@pytest.fixture(scope="module")
def checked_client() -> Any:
    return conformance_checked(LocalBackend().client())


@pytest.fixture
def client(backend: LocalBackend, checked_client: Any) -> Any:
    c = backend.attach(checked_client)
    c.create_domain(DomainName=D, DefaultExpirationDays=365, DataStore={"Enabled": True})
    c.create_recommender_schema(DomainName=D, RecommenderSchemaName="events", Fields=SCHEMA_FIELDS)
    return c


def _stamp(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")


def _hash(*parts: str) -> float:
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return int(digest[:8], 16) / 0xFFFFFFFF


def _recommender(client: Any, name: str = "picks", **extra: Any) -> None:
    request = {"RecommenderRecipeName": "recommended-for-you", "RecommenderSchemaName": "events"}
    request.update(extra)
    answer = client.create_recommender(DomainName=D, RecommenderName=name, **request)
    assert answer["RecommenderArn"] == f"{ARN}/recommenders/{name}"


def _get(client: Any, name: str = "picks", **extra: Any) -> dict[str, Any]:
    got: dict[str, Any] = client.get_recommender(DomainName=D, RecommenderName=name, **extra)
    return got


def _active(backend: LocalBackend, client: Any, name: str = "picks", **extra: Any) -> str:
    """Create a recommender and train it; return its first version."""
    _recommender(client, name, **extra)
    backend.clock.advance(60 + HOUR)
    version: str = _get(client, name)["ActiveRecommenderVersionName"]
    return version


def _profile(client: Any, **fields: Any) -> str:
    pid: str = client.create_profile(DomainName=D, **fields)["ProfileId"]
    return pid


def _ids(answer: dict[str, Any]) -> list[str]:
    return [r["CatalogItem"]["Id"] for r in answer["Recommendations"]]


# --------------------------------------------------------------------------- recipes, schemas


def test_recipes(client: Any) -> None:
    recipes = client.list_recommender_recipes()["RecommenderRecipes"]
    assert [r["name"] for r in recipes] == [
        "recommended-for-you",
        "similar-items",
        "frequently-paired-items",
        "popular-items",
        "trending-now",
        "personalized-ranking",
    ]
    assert all(r["description"] for r in recipes)
    page = client.list_recommender_recipes(MaxResults=10)
    assert len(page["RecommenderRecipes"]) == 6
    assert "NextToken" not in page
    with pytest.raises(ParamValidationError):
        client.list_recommender_recipes(MaxResults=5)  # min 10, checked by botocore


def test_reads_answer_the_documented_errors(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="NextToken"):
        client.list_recommender_recipes(NextToken="garbage")
    for call in (
        client.list_recommenders,
        client.list_recommender_filters,
        client.list_recommender_schemas,
    ):
        with pytest.raises(client.exceptions.ResourceNotFoundException, match="nope"):
            call(DomainName="nope")
    assert client.list_recommender_filters(DomainName=D)["RecommenderFilters"] == []


def test_the_data_store_gates_every_create(client: Any) -> None:
    client.create_domain(DomainName="plain", DefaultExpirationDays=30)
    calls = (
        lambda: client.create_recommender_schema(
            DomainName="plain", RecommenderSchemaName="s", Fields=SCHEMA_FIELDS
        ),
        lambda: client.create_recommender(
            DomainName="plain", RecommenderName="r", RecommenderRecipeName="popular-items"
        ),
        lambda: client.create_recommender_filter(
            DomainName="plain",
            RecommenderFilterName="f",
            RecommenderFilterExpression="EXCLUDE ItemID WHERE Items.Category IN ($C)",
        ),
    )
    for call in calls:
        with pytest.raises(client.exceptions.BadRequestException, match="Data store"):
            call()


def test_schemas(backend: LocalBackend, client: Any) -> None:
    got = client.get_recommender_schema(DomainName=D, RecommenderSchemaName="events")
    assert got["Status"] == "ACTIVE"
    assert got["Fields"] == SCHEMA_FIELDS
    assert got["CreatedAt"].timestamp() == T0
    created = client.create_recommender_schema(
        DomainName=D,
        RecommenderSchemaName="a-first",
        Fields={"_catalogItem": [{"TargetFieldName": "Brand"}]},
        Tags={"team": "ml"},
    )
    assert created["RecommenderSchemaArn"] == f"{ARN}/recommender-schemas/a-first"
    assert created["Tags"] == {"team": "ml"}
    assert created["Status"] == "ACTIVE"
    listed = client.list_recommender_schemas(DomainName=D)["RecommenderSchemas"]
    assert [s["RecommenderSchemaName"] for s in listed] == ["a-first", "events"]  # by name
    for fields, message in (
        ({"_orders": [{"TargetFieldName": "Total"}]}, "_orders"),
        ({"_catalogItem": [{"TargetFieldName": "X"}, {"TargetFieldName": "X"}]}, "twice"),
        (
            {k: [{"TargetFieldName": "X"}] for k in ("_webAnalytics", "_catalogItem", "_x")},
            "Fields",
        ),
    ):
        with pytest.raises(client.exceptions.BadRequestException, match=message):
            client.create_recommender_schema(
                DomainName=D, RecommenderSchemaName="bad", Fields=fields
            )
    with pytest.raises(client.exceptions.BadRequestException, match="already exists"):
        client.create_recommender_schema(
            DomainName=D, RecommenderSchemaName="events", Fields=SCHEMA_FIELDS
        )

    _recommender(client)
    with pytest.raises(client.exceptions.BadRequestException, match="used by picks"):
        client.delete_recommender_schema(DomainName=D, RecommenderSchemaName="events")
    client.delete_recommender(DomainName=D, RecommenderName="picks")
    client.delete_recommender_schema(DomainName=D, RecommenderSchemaName="events")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_recommender_schema(DomainName=D, RecommenderSchemaName="events")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_recommender_schema(DomainName=D, RecommenderSchemaName="events")


# --------------------------------------------------------------------------- lifecycle


def test_training_state_machine_versions_and_metrics(backend: LocalBackend, client: Any) -> None:
    _recommender(client, Description="Picks for you", Tags={"env": "test"})
    pending = _get(client)
    assert pending["Status"] == "PENDING"
    assert pending["RecommenderRecipeName"] == "recommended-for-you"
    assert pending["RecommenderSchemaName"] == "events"
    assert pending["Tags"] == {"env": "test"}
    assert "ActiveRecommenderVersionName" not in pending
    assert pending["TrainingMetrics"] == []
    backend.clock.advance(60)
    assert _get(client)["Status"] == "IN_PROGRESS"
    backend.clock.advance(HOUR - 1)
    assert _get(client)["Status"] == "IN_PROGRESS"
    backend.clock.advance(1)
    active = _get(client)
    assert active["Status"] == "ACTIVE"
    version = active["ActiveRecommenderVersionName"]
    assert VERSION.fullmatch(version)
    assert version == f"picks/{_stamp(T0 + 60 + HOUR)}"
    (metrics,) = _get(client, TrainingMetricsCount=1)["TrainingMetrics"]
    assert metrics["RecommenderVersionName"] == version
    assert metrics["Time"].timestamp() == T0 + 60 + HOUR
    assert set(metrics["Metrics"]) == ITEM_METRICS
    assert metrics["Metrics"]["hit"] == round(_hash(version, "hit"), 4)
    assert _get(client, TrainingMetricsCount=0)["TrainingMetrics"] == []
    (summary,) = client.list_recommenders(DomainName=D)["Recommenders"]
    assert summary["RecipeName"] == "recommended-for-you"
    assert summary["Status"] == "ACTIVE"
    assert summary["Description"] == "Picks for you"


def test_metric_names_follow_the_recipe(backend: LocalBackend, client: Any) -> None:
    _recommender(client, "ranker", RecommenderRecipeName="personalized-ranking")
    _recommender(client, "alike", RecommenderRecipeName="similar-items")
    backend.clock.advance(60 + HOUR)
    (ranking,) = _get(client, "ranker")["TrainingMetrics"]
    assert set(ranking["Metrics"]) == {
        "normalized_discounted_cumulative_gain_at_5",
        "normalized_discounted_cumulative_gain_at_10",
        "normalized_discounted_cumulative_gain_at_25",
        "precision_at_5",
        "precision_at_10",
        "precision_at_25",
        "mean_reciprocal_rank_at_25",
    }
    (similar,) = _get(client, "alike")["TrainingMetrics"]
    assert set(similar["Metrics"]) == ITEM_METRICS | {"similarity"}


def test_stop_and_start(backend: LocalBackend, client: Any) -> None:
    _recommender(client)
    with pytest.raises(client.exceptions.BadRequestException, match="is PENDING, not ACTIVE"):
        client.stop_recommender(DomainName=D, RecommenderName="picks")
    backend.clock.advance(60 + HOUR)
    pid = _profile(client, FirstName="Ann")
    client.stop_recommender(DomainName=D, RecommenderName="picks")
    assert _get(client)["Status"] == "STOPPING"
    backend.clock.advance(60)
    assert _get(client)["Status"] == "INACTIVE"
    with pytest.raises(client.exceptions.BadRequestException, match="cannot serve"):
        client.get_profile_recommendations(DomainName=D, ProfileId=pid, RecommenderName="picks")
    client.start_recommender(DomainName=D, RecommenderName="picks")
    assert _get(client)["Status"] == "STARTING"
    with pytest.raises(client.exceptions.BadRequestException):
        client.start_recommender(DomainName=D, RecommenderName="picks")
    backend.clock.advance(60)
    assert _get(client)["Status"] == "ACTIVE"
    with pytest.raises(client.exceptions.BadRequestException, match="is ACTIVE, not INACTIVE"):
        client.start_recommender(DomainName=D, RecommenderName="picks")
    assert (
        client.get_profile_recommendations(DomainName=D, ProfileId=pid, RecommenderName="picks")[
            "Recommendations"
        ]
        == []
    )  # no catalog yet


def test_update_retrains_and_rolls_back(backend: LocalBackend, client: Any) -> None:
    _recommender(client)
    with pytest.raises(client.exceptions.BadRequestException, match="ACTIVE or INACTIVE"):
        client.update_recommender(DomainName=D, RecommenderName="picks", Description="early")
    backend.clock.advance(60 + HOUR)
    first = _get(client)["ActiveRecommenderVersionName"]
    backend.clock.advance(10)
    client.update_recommender(
        DomainName=D,
        RecommenderName="picks",
        Description="retrained daily",
        RecommenderConfig={"TrainingFrequency": 1},
    )
    updating = _get(client)
    assert updating["Status"] == "ACTIVE"
    assert updating["Description"] == "retrained daily"
    assert updating["LatestRecommenderUpdate"]["Status"] == "IN_PROGRESS"
    assert updating["LatestRecommenderUpdate"]["RecommenderConfig"] == {"TrainingFrequency": 1}
    assert "RecommenderConfig" not in updating  # replaced when the training ends
    with pytest.raises(client.exceptions.BadRequestException, match="already being retrained"):
        client.update_recommender(
            DomainName=D, RecommenderName="picks", RecommenderConfig={"TrainingFrequency": 2}
        )
    backend.clock.advance(HOUR)
    done = _get(client, TrainingMetricsCount=5)
    second = done["ActiveRecommenderVersionName"]
    assert second != first
    assert VERSION.fullmatch(second)
    assert done["LatestRecommenderUpdate"]["Status"] == "ACTIVE"
    assert done["LatestRecommenderUpdate"]["RecommenderVersionName"] == second
    assert done["RecommenderConfig"] == {"TrainingFrequency": 1}
    assert [m["RecommenderVersionName"] for m in done["TrainingMetrics"]] == [second, first]

    client.update_recommender(DomainName=D, RecommenderName="picks", RecommenderVersionName=first)
    assert _get(client)["ActiveRecommenderVersionName"] == first
    with pytest.raises(client.exceptions.BadRequestException, match="no version"):
        client.update_recommender(
            DomainName=D,
            RecommenderName="picks",
            RecommenderVersionName="picks/2020-01-01T00-00-00Z",
        )


def test_automatic_retraining(backend: LocalBackend, client: Any) -> None:
    _active(backend, client, "weekly")  # default TrainingFrequency: 7 days
    _active(backend, client, "never", RecommenderConfig={"TrainingFrequency": 0})
    backend.clock.advance(7 * DAY - 60 - HOUR)  # "weekly" trained at T0 + 60 + 1 h
    assert len(_get(client, "weekly", TrainingMetricsCount=5)["TrainingMetrics"]) == 1
    backend.clock.advance(1)
    assert _get(client, "weekly")["LatestRecommenderUpdate"]["Status"] == "IN_PROGRESS"
    backend.clock.advance(HOUR)
    weekly = _get(client, "weekly", TrainingMetricsCount=5)
    assert len(weekly["TrainingMetrics"]) == 2
    assert (
        weekly["ActiveRecommenderVersionName"]
        == f"weekly/{_stamp(T0 + 60 + HOUR + 7 * DAY + HOUR)}"
    )
    backend.clock.advance(30 * DAY)
    assert len(_get(client, "never", TrainingMetricsCount=5)["TrainingMetrics"]) == 1


def test_delete_and_fail(backend: LocalBackend, client: Any) -> None:
    _recommender(client)
    client.tag_resource(resourceArn=f"{ARN}/recommenders/picks", tags={"team": "ml"})
    assert client.list_tags_for_resource(resourceArn=f"{ARN}/recommenders/picks")["tags"] == {
        "team": "ml"
    }
    backend.fail_recommender(D, "picks", "Not enough interactions")
    failed = _get(client)
    assert (failed["Status"], failed["FailureReason"]) == ("FAILED", "Not enough interactions")
    backend.clock.advance(2 * HOUR)
    assert _get(client)["Status"] == "FAILED"  # the training timer no longer applies
    with pytest.raises(ValueError, match="is FAILED"):
        backend.fail_recommender(D, "picks")
    client.delete_recommender(DomainName=D, RecommenderName="picks")
    assert _get(client)["Status"] == "DELETING"
    with pytest.raises(client.exceptions.BadRequestException, match="is DELETING, not PENDING or"):
        client.delete_recommender(DomainName=D, RecommenderName="picks")
    with pytest.raises(client.exceptions.BadRequestException, match="already exists"):
        _recommender(client)
    backend.clock.advance(60)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        _get(client)
    assert client.list_recommenders(DomainName=D)["Recommenders"] == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_tags_for_resource(resourceArn=f"{ARN}/recommenders/picks")
    for call in (client.delete_recommender, client.start_recommender, client.stop_recommender):
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            call(DomainName=D, RecommenderName="picks")


def test_list_recommenders_in_creation_order_with_paging(client: Any) -> None:
    for name in ("zeta", "alpha", "mid"):
        _recommender(client, name)
    page = client.list_recommenders(DomainName=D, MaxResults=2)
    assert [r["RecommenderName"] for r in page["Recommenders"]] == ["zeta", "alpha"]
    rest = client.list_recommenders(DomainName=D, MaxResults=2, NextToken=page["NextToken"])
    assert [r["RecommenderName"] for r in rest["Recommenders"]] == ["mid"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            {
                "IncludedColumns": {"_catalogItem": ["Category"]},
                "ExcludedColumns": {"_catalogItem": ["Category"]},
            },
            "mutually exclusive",
        ),
        ({"ExcludedColumns": {"_webAnalytics": ["EventType"]}}, "mandatory"),
        ({"IncludedColumns": {"_orders": ["Total"]}}, "_orders"),
        ({"IncludedColumns": {"_catalogItem": ["Brand"]}}, "Brand"),
        (
            {
                "DiversityConfig": {
                    "DiversityColumns": [{"Name": "Brand", "CapType": "VALUE", "Target": "2"}]
                }
            },
            "Brand",
        ),
        (
            {
                "DiversityConfig": {
                    "DiversityColumns": [{"Name": "Category", "CapType": "VALUE", "Target": "0"}]
                }
            },
            "out of range",
        ),
        (
            {
                "DiversityConfig": {
                    "DiversityColumns": [
                        {"Name": "Category", "CapType": "PERCENTAGE", "Target": "101"}
                    ]
                }
            },
            "out of range",
        ),
        (
            {
                "DiversityConfig": {
                    "DiversityColumns": [
                        {"Name": "Category", "CapType": "VALUE", "Target": "x$cap"}
                    ]
                }
            },
            "integer or",
        ),
        (
            {
                "EventsConfig": {
                    "EventParametersList": [{"EventType": "click"}, {"EventType": "click"}]
                }
            },
            "twice",
        ),
        ({"TrainingFrequency": 31}, "TrainingFrequency"),
    ],
)
def test_config_validation(client: Any, config: dict[str, Any], message: str) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match=message):
        _recommender(client, RecommenderConfig=config)
    assert client.list_recommenders(DomainName=D)["Recommenders"] == []


def test_valid_configs_are_echoed(client: Any) -> None:
    config = {
        "IncludedColumns": {"_catalogItem": ["Category", "Id"]},
        "DiversityConfig": {
            "DiversityColumns": [{"Name": "Category", "CapType": "PERCENTAGE", "Target": "$cap"}]
        },
        "EventsConfig": {"EventParametersList": [{"EventType": "purchase", "EventWeight": 1.0}]},
        "InferenceConfig": {"MinProvisionedTPS": 2},
    }
    _recommender(client, RecommenderConfig=config)
    assert _get(client)["RecommenderConfig"] == config
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        _recommender(client, "other", RecommenderSchemaName="missing")
    with pytest.raises(client.exceptions.BadRequestException, match="already exists"):
        _recommender(client)


# --------------------------------------------------------------------------- filters


def test_filter_lifecycle_and_use(backend: LocalBackend, client: Any) -> None:
    version = _active(backend, client)
    pid = _profile(client, FirstName="Ann")
    expression = "EXCLUDE ItemID WHERE Items.Category IN ($CATEGORY)"
    created = client.create_recommender_filter(
        DomainName=D,
        RecommenderFilterName="no-cat",
        RecommenderFilterExpression=expression,
        RecommenderSchemaName="events",
    )
    assert created["RecommenderFilterArn"] == f"{ARN}/recommender-filters/no-cat"
    got = client.get_recommender_filter(DomainName=D, RecommenderFilterName="no-cat")
    assert got["Status"] == "PENDING"
    assert got["Tags"] == {}
    assert got["RecommenderFilterExpression"] == expression
    use = {"RecommenderFilters": [{"Name": "no-cat", "Values": {"CATEGORY": '"shoes"'}}]}
    with pytest.raises(client.exceptions.BadRequestException, match="PENDING"):
        client.get_profile_recommendations(
            DomainName=D, ProfileId=pid, RecommenderName="picks", **use
        )
    backend.clock.advance(30)
    assert (
        client.get_recommender_filter(DomainName=D, RecommenderFilterName="no-cat")["Status"]
        == "IN_PROGRESS"
    )
    backend.clock.advance(30)
    assert (
        client.get_recommender_filter(DomainName=D, RecommenderFilterName="no-cat")["Status"]
        == "ACTIVE"
    )

    with pytest.raises(client.exceptions.BadRequestException, match="CATEGORY"):
        client.get_profile_recommendations(
            DomainName=D,
            ProfileId=pid,
            RecommenderName="picks",
            RecommenderFilters=[{"Name": "no-cat"}],
        )
    with pytest.raises(client.exceptions.BadRequestException, match="CATEGORY"):
        client.get_profile_recommendations(  # placeholders are case-sensitive
            DomainName=D,
            ProfileId=pid,
            RecommenderName="picks",
            RecommenderFilters=[{"Name": "no-cat", "Values": {"category": '"shoes"'}}],
        )
    backend.set_catalog(D, [{"Id": "A"}, {"Id": "B"}])
    filtered = client.get_profile_recommendations(
        DomainName=D, ProfileId=pid, RecommenderName="picks", **use
    )
    plain = client.get_profile_recommendations(DomainName=D, ProfileId=pid, RecommenderName="picks")
    assert filtered["Recommendations"] == plain["Recommendations"]  # validated, not applied
    assert len(plain["Recommendations"]) == 2
    assert version

    promo = {
        "RecommenderPromotionalFilters": [
            {
                "Name": "no-cat",
                "Values": {"CATEGORY": '"sale"'},
                "PromotionName": "sale",
                "PercentPromotedItems": 20,
            }
        ]
    }
    assert client.get_profile_recommendations(
        DomainName=D, ProfileId=pid, RecommenderName="picks", **promo
    )
    with pytest.raises(client.exceptions.BadRequestException, match="PromotionName"):
        client.get_profile_recommendations(
            DomainName=D,
            ProfileId=pid,
            RecommenderName="picks",
            RecommenderPromotionalFilters=[{"Name": "no-cat", "Values": {"CATEGORY": "x"}}],
        )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_profile_recommendations(
            DomainName=D,
            ProfileId=pid,
            RecommenderName="picks",
            RecommenderFilters=[{"Name": "nope"}],
        )

    listed = client.list_recommender_filters(DomainName=D)["RecommenderFilters"]
    assert [(f["RecommenderFilterName"], f["Status"]) for f in listed] == [("no-cat", "ACTIVE")]
    assert client.delete_recommender_filter(DomainName=D, RecommenderFilterName="no-cat")["Message"]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_recommender_filter(DomainName=D, RecommenderFilterName="no-cat")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_recommender_filter(DomainName=D, RecommenderFilterName="no-cat")


def test_a_filter_outside_the_supported_shape_fails_later(
    backend: LocalBackend, client: Any
) -> None:
    client.create_recommender_filter(
        DomainName=D,
        RecommenderFilterName="vague",
        RecommenderFilterExpression="show me everything",
        Tags={"a": "b"},
    )
    backend.clock.advance(60)
    got = client.get_recommender_filter(DomainName=D, RecommenderFilterName="vague")
    assert got["Status"] == "FAILED"
    assert got["FailureReason"]
    assert got["Tags"] == {"a": "b"}
    with pytest.raises(client.exceptions.BadRequestException, match="already exists"):
        client.create_recommender_filter(
            DomainName=D, RecommenderFilterName="vague", RecommenderFilterExpression="x"
        )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_recommender_filter(
            DomainName=D,
            RecommenderFilterName="other",
            RecommenderFilterExpression="x",
            RecommenderSchemaName="missing",
        )
    client.tag_resource(resourceArn=f"{ARN}/recommender-filters/vague", tags={"c": "d"})
    assert client.list_tags_for_resource(resourceArn=f"{ARN}/recommender-filters/vague")[
        "tags"
    ] == {"a": "b", "c": "d"}
    client.create_recommender_filter(
        DomainName=D,
        RecommenderFilterName="uses",
        RecommenderFilterExpression="x",
        RecommenderSchemaName="events",
    )
    with pytest.raises(client.exceptions.BadRequestException, match="used by uses"):
        client.delete_recommender_schema(DomainName=D, RecommenderSchemaName="events")


# --------------------------------------------------------------------------- recommendations


def test_the_stub_is_deterministic_and_documented(backend: LocalBackend, client: Any) -> None:
    version = _active(backend, client)
    pid = _profile(client, FirstName="Ann")
    backend.set_catalog(
        D,
        [
            {"Id": "A", "Name": "Boots", "Category": "shoes", "Attributes": {"color": "red"}},
            {"Id": "B", "Name": "Hat"},
            {"Id": "C", "Name": "Scarf", "CreatedAt": datetime(2026, 1, 1, tzinfo=timezone.utc)},
        ],
    )
    first = client.get_profile_recommendations(DomainName=D, ProfileId=pid, RecommenderName="picks")
    again = client.get_profile_recommendations(DomainName=D, ProfileId=pid, RecommenderName="picks")
    assert first["Recommendations"] == again["Recommendations"]
    expected = sorted(
        ((round(_hash(version, pid, i), 6), i) for i in "ABC"), key=lambda p: (-p[0], p[1])
    )
    assert [(r["Score"], r["CatalogItem"]["Id"]) for r in first["Recommendations"]] == [
        (s, i) for s, i in expected
    ]
    assert all(r["CatalogItem"] == {"Id": r["CatalogItem"]["Id"]} for r in first["Recommendations"])

    two = client.get_profile_recommendations(
        DomainName=D,
        ProfileId=pid,
        RecommenderName="picks",
        MaxResults=2,
        MetadataConfig={"MetadataColumns": ["Name", "Attributes.color", "CreatedAt"]},
    )
    assert _ids(two) == [i for _, i in expected[:2]]
    with_columns = {
        "A": {"Id": "A", "Name": "Boots", "Attributes": {"color": "red"}},
        "B": {"Id": "B", "Name": "Hat"},
        "C": {"Id": "C", "Name": "Scarf", "CreatedAt": datetime(2026, 1, 1, tzinfo=timezone.utc)},
    }
    assert [r["CatalogItem"] for r in two["Recommendations"]] == [
        with_columns[i] for _, i in expected[:2]
    ]
    other = _profile(client, FirstName="Bob")
    theirs = client.get_profile_recommendations(
        DomainName=D, ProfileId=other, RecommenderName="picks"
    )
    assert [r["Score"] for r in theirs["Recommendations"]] != [
        r["Score"] for r in first["Recommendations"]
    ]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_profile_recommendations(
            DomainName=D, ProfileId="f" * 32, RecommenderName="picks"
        )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_profile_recommendations(DomainName=D, ProfileId=pid, RecommenderName="nope")


def test_personalized_ranking_ranks_the_candidates(backend: LocalBackend, client: Any) -> None:
    version = _active(backend, client, "ranker", RecommenderRecipeName="personalized-ranking")
    pid = _profile(client, FirstName="Ann")
    backend.set_catalog(D, [{"Id": "A", "Name": "Boots"}, {"Id": "B", "Name": "Hat"}, {"Id": "C"}])
    with pytest.raises(client.exceptions.BadRequestException, match="CandidateIds"):
        client.get_profile_recommendations(DomainName=D, ProfileId=pid, RecommenderName="ranker")
    ranked = client.get_profile_recommendations(
        DomainName=D,
        ProfileId=pid,
        RecommenderName="ranker",
        CandidateIds=["B", "A", "Z"],
        MetadataConfig={"MetadataColumns": ["Name"]},
    )
    expected = sorted("BAZ", key=lambda i: (-round(_hash(version, pid, i), 6), i))
    assert _ids(ranked) == expected
    items = {r["CatalogItem"]["Id"]: r["CatalogItem"] for r in ranked["Recommendations"]}
    assert items["Z"] == {"Id": "Z"}  # unknown to the catalog: the Id only
    assert items["B"] == {"Id": "B", "Name": "Hat"}


def test_injected_recommendations_are_returned_as_given(backend: LocalBackend, client: Any) -> None:
    _active(backend, client)
    pid = _profile(client, FirstName="Ann")
    items = [
        {"CatalogItem": {"Id": f"item-{n}", "Name": f"Item {n}"}, "Score": 1 - n / 10}
        for n in range(4)
    ]
    backend.set_recommendations(D, "picks", pid, items)
    answer = client.get_profile_recommendations(
        DomainName=D, ProfileId=pid, RecommenderName="picks", MaxResults=3
    )
    assert answer["Recommendations"] == items[:3]
    with pytest.raises(ValueError, match="Score"):
        backend.set_recommendations(D, "picks", pid, [{"CatalogItem": {"Id": "x"}, "Score": 2}])
    with pytest.raises(ValueError, match="Id"):
        backend.set_catalog(D, [{"Name": "no id"}])
    with pytest.raises(ValueError, match="Colour"):
        backend.set_catalog(D, [{"Id": "x", "Colour": "red"}])
    with pytest.raises(ServiceFault):
        backend.set_recommendations(D, "nope", pid, items)


def test_diversity_placeholders_must_be_given(backend: LocalBackend, client: Any) -> None:
    config = {
        "DiversityConfig": {
            "DiversityColumns": [{"Name": "Category", "CapType": "VALUE", "Target": "$cap"}]
        }
    }
    _active(backend, client, RecommenderConfig=config)
    pid = _profile(client, FirstName="Ann")
    with pytest.raises(client.exceptions.BadRequestException, match="cap"):
        client.get_profile_recommendations(
            DomainName=D, ProfileId=pid, RecommenderName="picks", DiversityConfig={"Enabled": True}
        )
    ok = client.get_profile_recommendations(
        DomainName=D,
        ProfileId=pid,
        RecommenderName="picks",
        DiversityConfig={"Enabled": True, "Values": {"cap": 2}},
    )
    assert ok["Recommendations"] == []
    assert client.get_profile_recommendations(
        DomainName=D, ProfileId=pid, RecommenderName="picks", DiversityConfig={"Enabled": False}
    )


def test_search_recommendations_needs_exactly_one_profile(
    backend: LocalBackend, client: Any
) -> None:
    _active(backend, client)
    backend.set_catalog(D, [{"Id": f"i{n}"} for n in range(8)])
    ann = _profile(client, FirstName="Ann", EmailAddress="ann@example.com", AccountNumber="A-1")
    _profile(client, FirstName="Twin", EmailAddress="twin@example.com")
    _profile(client, FirstName="Twin", EmailAddress="twin@example.com")
    with pytest.raises(client.exceptions.BadRequestException, match="exactly one"):
        client.search_recommendations(
            DomainName=D,
            KeyName="_email",
            KeyValues=["twin@example.com"],
            Recommender={"Name": "picks"},
        )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.search_recommendations(
            DomainName=D,
            KeyName="_email",
            KeyValues=["nobody@example.com"],
            Recommender={"Name": "picks"},
        )
    found = client.search_recommendations(
        DomainName=D, KeyName="_email", KeyValues=["ANN@example.com"], Recommender={"Name": "picks"}
    )
    assert found["ProfileId"] == ann
    assert len(found["Recommendations"]) == 5
    direct = client.get_profile_recommendations(
        DomainName=D, ProfileId=ann, RecommenderName="picks", MaxResults=5
    )
    assert found["Recommendations"] == direct["Recommendations"]
    more = client.search_recommendations(
        DomainName=D,
        KeyName="_account",
        KeyValues=["A-1"],
        Recommender={"Name": "picks"},
        MaxRecommendations=8,
        Metadata={"Columns": ["Name"]},
    )
    assert len(more["Recommendations"]) == 8
    with pytest.raises(client.exceptions.BadRequestException, match="one value for each field"):
        client.search_recommendations(
            DomainName=D,
            KeyName="_email",
            KeyValues=["ann@example.com", "x"],
            Recommender={"Name": "picks"},
        )


def test_search_recommendations_with_a_multi_field_key(backend: LocalBackend, client: Any) -> None:
    _active(backend, client)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Member",
        Description="members",
        AllowProfileCreation=True,
        Fields={
            "club": {"Source": "_source.club"},
            "number": {"Source": "_source.number"},
        },
        Keys={
            "membership": [
                {"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["club", "number"]}
            ]
        },
    )
    client.put_profile_object(
        DomainName=D, ObjectTypeName="Member", Object='{"club": "gold", "number": "7"}'
    )
    found = client.search_recommendations(
        DomainName=D, KeyName="membership", KeyValues=["gold", "7"], Recommender={"Name": "picks"}
    )
    (profile,) = client.search_profiles(DomainName=D, KeyName="membership", Values=["gold_7"])[
        "Items"
    ]
    assert found["ProfileId"] == profile["ProfileId"]


def test_state_file_keeps_recommenders_and_their_timers(
    backend: LocalBackend, client: Any, tmp_path: Path
) -> None:
    _recommender(client)
    backend.clock.advance(60)
    backend.save_state(tmp_path / "state.json")
    restored = LocalBackend(clock=Clock(T0 + 60 + HOUR))
    restored.load_state(tmp_path / "state.json")
    again = conformance_checked(restored.client())
    got = again.get_recommender(DomainName=D, RecommenderName="picks")
    assert got["Status"] == "ACTIVE"
    assert got["ActiveRecommenderVersionName"] == f"picks/{_stamp(T0 + 60 + HOUR)}"
