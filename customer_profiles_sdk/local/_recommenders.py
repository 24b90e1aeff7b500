"""Recommenders, recommender filters and schemas, recommendations (spec identity-history-jobs 7).

Handlers: ListRecommenderRecipes; Create/Get/List/Update/Delete/Start/StopRecommender;
Create/Get/List/DeleteRecommenderFilter; Create/Get/List/DeleteRecommenderSchema;
GetProfileRecommendations, SearchRecommendations. Test hooks ``fail_recommender``,
``set_catalog`` and ``set_recommendations`` (mixed into :class:`LocalBackend`).

Everything machine-learned is a **deterministic stub** [A]: training produces a
version and metrics derived from hashes, and recommendations are ranked by a hash of
(active version, profile, item), never by relevance. What is emulated faithfully is the
shape, the validation and the status state machines on the emulated clock
(:mod:`._timers`):

* recommender: PENDING -> IN_PROGRESS -> ACTIVE (version 1); ACTIVE -Stop-> STOPPING ->
  INACTIVE -Start-> STARTING -> ACTIVE; Delete -> DELETING -> gone; retraining every
  ``TrainingFrequency`` days (default 7) and after UpdateRecommender with a config;
* filter: PENDING -> IN_PROGRESS -> ACTIVE, or FAILED for an expression that is not
  ``INCLUDE|EXCLUDE ItemID WHERE <condition>``;
* schema: ACTIVE at once.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from botocore.model import StructureShape

from . import _tags
from ._errors import bad_request, not_found
from ._ingest import compute_keys
from ._keys import normalize_for_key, profile_key_values
from ._model import service_model
from ._registry import DAY, Context, Request, Response, operation
from ._state import (
    DomainRec,
    ProfileRec,
    RecommenderFilterRec,
    RecommenderRec,
    RecommenderSchemaRec,
    TimerRec,
)
from ._timers import BackendHost, on_timer, schedule

#: The model's recipes in enum order, with emulator-written descriptions. [A]
RECIPES: dict[str, str] = {
    "recommended-for-you": "Items likely to interest one profile",
    "similar-items": "Items similar to a given item",
    "frequently-paired-items": "Items often bought together with a given item",
    "popular-items": "The most popular items",
    "trending-now": "The items gaining popularity fastest",
    "personalized-ranking": "A given list of candidate items re-ranked for one profile",
}
#: Dataset keys of schemas and column maps (model doc).
DATASETS = ("_webAnalytics", "_catalogItem")
#: Columns always used in training, never excludable (model doc).
MANDATORY_COLUMNS: dict[str, frozenset[str]] = {
    "_webAnalytics": frozenset({"Item.Id", "EventTimestamp", "EventType"}),
    "_catalogItem": frozenset({"Id"}),
}
#: Training metric names per recipe (model enum). [A] the split by recipe.
RANKING_METRICS = (
    "normalized_discounted_cumulative_gain_at_5",
    "normalized_discounted_cumulative_gain_at_10",
    "normalized_discounted_cumulative_gain_at_25",
    "precision_at_5",
    "precision_at_10",
    "precision_at_25",
    "mean_reciprocal_rank_at_25",
)
ITEM_METRICS = ("coverage", "hit", "recall", "popularity", "freshness")
#: Retraining interval when ``TrainingFrequency`` is absent, days. [A]
DEFAULT_TRAINING_FREQUENCY = 7
DEFAULT_MAX_RESULTS = 10  # GetProfileRecommendations (model doc)
DEFAULT_MAX_RECOMMENDATIONS = 5  # SearchRecommendations (model doc)

_FILTER_SHAPE = re.compile(r"^(INCLUDE|EXCLUDE) ItemID WHERE \S")
_FILTER_PLACEHOLDER = re.compile(r"\$([A-Za-z0-9_]+)")
_DIVERSITY_TARGET = re.compile(r"^(\d+|\$[a-z_]+)$")
_SERVING = "ACTIVE"
#: Every status but DELETING (model enum).
_DELETABLE = ("PENDING", "IN_PROGRESS", "ACTIVE", "FAILED", "STOPPING", "INACTIVE", "STARTING")


@functools.cache
def _catalog_members() -> frozenset[str]:
    shape = service_model().shape_for("CatalogItem")
    assert isinstance(shape, StructureShape)
    return frozenset(shape.members)


def _unit_hash(*parts: str) -> float:
    """The first 8 hex digits of sha256 of the NUL-joined parts, scaled to [0, 1]."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) / 0xFFFFFFFF


def _data_store_gate(domain: DomainRec) -> None:
    # The Data store "must be enabled" for predictive features (D313); [A] the error.
    if (domain.config.get("DataStore") or {}).get("Enabled") is not True:
        raise bad_request(f"Domain {domain.name} does not have the Data store enabled")


# --------------------------------------------------------------------------- recipes


@operation("ListRecommenderRecipes")
def list_recommender_recipes(ctx: Context, req: Request) -> Response:
    """ListRecommenderRecipes (spec 7.2): the six recipes of the model, in enum order."""
    return {"RecommenderRecipes": [{"name": n, "description": d} for n, d in RECIPES.items()]}


# --------------------------------------------------------------------------- schemas


def _schema(domain: DomainRec, name: str) -> RecommenderSchemaRec:
    schema = domain.recommender_schemas.get(name)
    if schema is None:
        raise not_found(f"Recommender schema {name} does not exist in domain {domain.name}")
    return schema


def _check_datasets(where: str, keys: Iterable[str]) -> None:
    for key in keys:
        if key not in DATASETS:
            raise bad_request(f"{where}: {key} is not one of {', '.join(DATASETS)}")


@operation("CreateRecommenderSchema")
def create_recommender_schema(ctx: Context, req: Request) -> Response:
    """CreateRecommenderSchema (spec 7.3): ACTIVE at once; Fields echoed as sent."""
    domain = ctx.domain(req["DomainName"])
    _data_store_gate(domain)
    name: str = req["RecommenderSchemaName"]
    if name in domain.recommender_schemas:
        raise bad_request(f"Recommender schema {name} already exists")
    fields: dict[str, list[dict[str, Any]]] = req["Fields"]
    _check_datasets("Fields", fields)
    for dataset, columns in fields.items():
        names = [c["TargetFieldName"] for c in columns]
        if len(set(names)) != len(names):
            raise bad_request(f"Fields.{dataset} names a TargetFieldName twice")  # [A]
    schema = RecommenderSchemaRec(
        name=name, fields=fields, tags=dict(req.get("Tags") or {}), created_at=ctx.now()
    )
    domain.recommender_schemas[name] = schema
    out = _schema_to_wire(schema)
    out["RecommenderSchemaArn"] = ctx.arn(domain.name, "recommender-schemas", name)
    if schema.tags:
        out["Tags"] = dict(schema.tags)
    return out


def _schema_to_wire(schema: RecommenderSchemaRec) -> Response:
    return {
        "RecommenderSchemaName": schema.name,
        "Fields": schema.fields,
        "CreatedAt": schema.created_at,
        "Status": "ACTIVE",  # [A] deletion is immediate: DELETING is never observable
    }


@operation("GetRecommenderSchema")
def get_recommender_schema(ctx: Context, req: Request) -> Response:
    """GetRecommenderSchema (spec 7.3)."""
    domain = ctx.domain(req["DomainName"])
    return _schema_to_wire(_schema(domain, req["RecommenderSchemaName"]))


@operation("ListRecommenderSchemas")
def list_recommender_schemas(ctx: Context, req: Request) -> Response:
    """ListRecommenderSchemas (spec 7.3): ordered by name [A]."""
    domain = ctx.domain(req["DomainName"])
    schemas = sorted(domain.recommender_schemas.values(), key=lambda s: s.name)
    return {"RecommenderSchemas": [_schema_to_wire(s) for s in schemas]}


@operation("DeleteRecommenderSchema")
def delete_recommender_schema(ctx: Context, req: Request) -> Response:
    """DeleteRecommenderSchema (spec 7.3): refused while something names the schema [A]."""
    domain = ctx.domain(req["DomainName"])
    schema = _schema(domain, req["RecommenderSchemaName"])
    users = [
        r.name
        for r in domain.recommenders.values()
        if r.schema_name == schema.name and r.status != "DELETING"
    ] + [f.name for f in domain.recommender_filters.values() if f.schema_name == schema.name]
    if users:
        raise bad_request(f"Recommender schema {schema.name} is used by {', '.join(sorted(users))}")
    del domain.recommender_schemas[schema.name]
    return {}


# --------------------------------------------------------------------------- filters


def _filter(domain: DomainRec, name: str) -> RecommenderFilterRec:
    found = domain.recommender_filters.get(name)
    if found is None:
        raise not_found(f"Recommender filter {name} does not exist in domain {domain.name}")
    return found


@operation("CreateRecommenderFilter")
def create_recommender_filter(ctx: Context, req: Request) -> Response:
    """CreateRecommenderFilter (spec 7.4): PENDING; the expression is checked later [A]."""
    domain = ctx.domain(req["DomainName"])
    _data_store_gate(domain)
    name: str = req["RecommenderFilterName"]
    if name in domain.recommender_filters:
        raise bad_request(f"Recommender filter {name} already exists")
    schema_name = req.get("RecommenderSchemaName")
    if schema_name is not None:
        _schema(domain, schema_name)
    rec = RecommenderFilterRec(
        name=name,
        expression=req["RecommenderFilterExpression"],
        tags=dict(req.get("Tags") or {}),
        created_at=ctx.now(),
        seq=ctx.seq(),
        status="PENDING",
        schema_name=schema_name,
        description=req.get("Description"),
    )
    domain.recommender_filters[name] = rec
    half = ctx.settings.filter_activation_seconds / 2
    schedule(ctx, domain, ctx.now() + half, "filter.advance", name, "PENDING")
    out: Response = {"RecommenderFilterArn": ctx.arn(domain.name, "recommender-filters", name)}
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


@on_timer("filter.advance")
def _advance_filter(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    rec = domain.recommender_filters.get(timer.key)
    if rec is None or rec.status != timer.token:
        return  # deleted (and perhaps created again) meanwhile
    if rec.status == "PENDING":
        rec.status = "IN_PROGRESS"
        half = ctx.settings.filter_activation_seconds / 2
        schedule(ctx, domain, ctx.now() + half, "filter.advance", rec.name, "IN_PROGRESS")
    elif _FILTER_SHAPE.match(rec.expression):
        rec.status = "ACTIVE"
    else:
        # [A] the grammar is unpublished: Personalize's shape (D325) is required.
        rec.status = "FAILED"
        rec.failure_reason = "Invalid filter expression"


def _filter_to_wire(rec: RecommenderFilterRec) -> Response:
    out: Response = {
        "RecommenderFilterName": rec.name,
        "RecommenderFilterExpression": rec.expression,
        "RecommenderSchemaName": rec.schema_name,
        "CreatedAt": rec.created_at,
        "Status": rec.status,
        "Description": rec.description,
        "FailureReason": rec.failure_reason,
    }
    return {k: v for k, v in out.items() if v is not None}


@operation("GetRecommenderFilter")
def get_recommender_filter(ctx: Context, req: Request) -> Response:
    """GetRecommenderFilter (spec 7.4); ``Tags`` is required: ``{}`` when untagged."""
    domain = ctx.domain(req["DomainName"])
    rec = _filter(domain, req["RecommenderFilterName"])
    out = _filter_to_wire(rec)
    out["Tags"] = dict(rec.tags)
    return out


@operation("ListRecommenderFilters")
def list_recommender_filters(ctx: Context, req: Request) -> Response:
    """ListRecommenderFilters (spec 7.4): creation order [A]."""
    domain = ctx.domain(req["DomainName"])
    items = []
    for rec in sorted(domain.recommender_filters.values(), key=lambda f: f.seq):
        item = _filter_to_wire(rec)
        if rec.tags:
            item["Tags"] = dict(rec.tags)
        items.append(item)
    return {"RecommenderFilters": items}


@operation("DeleteRecommenderFilter")
def delete_recommender_filter(ctx: Context, req: Request) -> Response:
    """DeleteRecommenderFilter (spec 7.4): removed at once; always allowed [A]."""
    domain = ctx.domain(req["DomainName"])
    rec = _filter(domain, req["RecommenderFilterName"])
    del domain.recommender_filters[rec.name]
    return {"Message": "Recommender filter deleted"}


# --------------------------------------------------------------------------- recommenders


def _recommender(domain: DomainRec, name: str) -> RecommenderRec:
    rec = domain.recommenders.get(name)
    if rec is None:
        raise not_found(f"Recommender {name} does not exist in domain {domain.name}")
    return rec


def _schema_columns(schema: RecommenderSchemaRec, dataset: str) -> set[str]:
    return {c["TargetFieldName"] for c in schema.fields.get(dataset, [])}


def _check_config(domain: DomainRec, schema_name: str | None, config: dict[str, Any]) -> None:
    """The semantic rules of a RecommenderConfig (spec 7.6); ``BadRequest`` if broken."""
    schema = domain.recommender_schemas.get(schema_name) if schema_name else None
    included = config.get("IncludedColumns")
    excluded = config.get("ExcludedColumns")
    if included is not None and excluded is not None:
        raise bad_request("IncludedColumns and ExcludedColumns are mutually exclusive")
    for member, columns in (("IncludedColumns", included), ("ExcludedColumns", excluded)):
        if columns is None:
            continue
        _check_datasets(member, columns)
        for dataset, names in columns.items():
            if member == "ExcludedColumns" and MANDATORY_COLUMNS[dataset] & set(names):
                raise bad_request(f"ExcludedColumns.{dataset} names a mandatory column")
            if schema is not None:
                # [A] the mandatory columns belong to every schema.
                known = _schema_columns(schema, dataset) | MANDATORY_COLUMNS[dataset]
                unknown = sorted(set(names) - known)
                if unknown:
                    raise bad_request(
                        f"{member}.{dataset}: {', '.join(unknown)} not in the recommender schema"
                    )
    events = (config.get("EventsConfig") or {}).get("EventParametersList") or []
    types = [e["EventType"] for e in events]
    if len(set(types)) != len(types):
        raise bad_request("EventParametersList names an EventType twice")  # [A]
    for column in (config.get("DiversityConfig") or {}).get("DiversityColumns") or []:
        target = column["Target"]
        if not _DIVERSITY_TARGET.match(target):
            raise bad_request(f"DiversityColumns Target {target} is not an integer or $name")
        if not target.startswith("$"):
            value = int(target)
            # [A] a cap is at least 1, and a percentage at most 100.
            if value < 1 or (column["CapType"] == "PERCENTAGE" and value > 100):
                raise bad_request(f"DiversityColumns Target {target} is out of range")
        if schema is not None and not any(
            column["Name"] in _schema_columns(schema, d) | MANDATORY_COLUMNS[d] for d in DATASETS
        ):
            raise bad_request(f"Diversity column {column['Name']} is not in the recommender schema")


def _bump(rec: RecommenderRec, now: float, status: str) -> None:
    rec.status = status
    rec.updated_at = now
    rec.generation += 1


def _advance_later(ctx: Context, domain: DomainRec, rec: RecommenderRec, seconds: float) -> None:
    schedule(ctx, domain, ctx.now() + seconds, "recommender.advance", rec.name, str(rec.generation))


@operation("CreateRecommender")
def create_recommender(ctx: Context, req: Request) -> Response:
    """CreateRecommender (spec 7.6): PENDING; training follows on the clock."""
    domain = ctx.domain(req["DomainName"])
    _data_store_gate(domain)
    name: str = req["RecommenderName"]
    if name in domain.recommenders:
        raise bad_request(f"Recommender {name} already exists")
    schema_name = req.get("RecommenderSchemaName")
    if schema_name is not None:
        _schema(domain, schema_name)
    config = req.get("RecommenderConfig")
    if config is not None:
        _check_config(domain, schema_name, config)
    now = ctx.now()
    rec = RecommenderRec(
        name=name,
        recipe=req["RecommenderRecipeName"],
        tags=dict(req.get("Tags") or {}),
        status="PENDING",
        created_at=now,
        updated_at=now,
        seq=ctx.seq(),
        schema_name=schema_name,
        config=config,
        description=req.get("Description"),
    )
    domain.recommenders[name] = rec
    _advance_later(ctx, domain, rec, ctx.settings.recommender_transition_seconds)
    out: Response = {"RecommenderArn": ctx.arn(domain.name, "recommenders", name)}
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


def _version_name(rec: RecommenderRec, now: float) -> str:
    """``<name>/<YYYY-MM-DDTHH-MM-SSZ>`` of the completion instant (model pattern). [A]

    Two trainings finishing within one second get consecutive seconds.
    """
    instant = int(now)
    while True:
        stamp = datetime.fromtimestamp(instant, tz=timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")
        version = f"{rec.name}/{stamp}"
        if version not in rec.versions:
            return version
        instant += 1


def _metrics(recipe: str, version: str) -> dict[str, float]:
    """Stub training metrics: a hash of (version, metric name) per metric. [A]"""
    if recipe == "personalized-ranking":
        names: tuple[str, ...] = RANKING_METRICS
    else:
        names = ITEM_METRICS + (("similarity",) if recipe == "similar-items" else ())
    return {name: round(_unit_hash(version, name), 4) for name in names}


def _trained(ctx: Context, domain: DomainRec, rec: RecommenderRec) -> str:
    """Record a finished training: a new version, its metrics; it serves from now."""
    now = ctx.now()
    version = _version_name(rec, now)
    rec.versions.append(version)
    rec.training_metrics.append(
        {"Time": now, "Metrics": _metrics(rec.recipe, version), "RecommenderVersionName": version}
    )
    rec.active_version = version
    rec.updated_at = now
    _schedule_retraining(ctx, domain, rec)
    return version


def _schedule_retraining(ctx: Context, domain: DomainRec, rec: RecommenderRec) -> None:
    """The next automatic retraining, ``TrainingFrequency`` days after the last one."""
    frequency = (rec.config or {}).get("TrainingFrequency", DEFAULT_TRAINING_FREQUENCY)
    if not frequency or not rec.training_metrics:
        return  # 0 disables automatic retraining (model doc)
    last = rec.training_metrics[-1]["Time"]
    due = max(ctx.now(), last + frequency * DAY)
    schedule(ctx, domain, due, "recommender.retrain", rec.name, rec.versions[-1])


@on_timer("recommender.advance")
def _advance(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    rec = domain.recommenders.get(timer.key)
    if rec is None or str(rec.generation) != timer.token:
        return  # failed, stopped or deleted meanwhile
    now = ctx.now()
    if rec.status == "PENDING":
        _bump(rec, now, "IN_PROGRESS")
        _advance_later(ctx, domain, rec, ctx.settings.recommender_training_seconds)
    elif rec.status == "IN_PROGRESS":
        _bump(rec, now, "ACTIVE")
        _trained(ctx, domain, rec)
    elif rec.status == "STOPPING":
        _bump(rec, now, "INACTIVE")
    elif rec.status == "STARTING":
        _bump(rec, now, "ACTIVE")
        _schedule_retraining(ctx, domain, rec)
    elif rec.status == "DELETING":
        del domain.recommenders[rec.name]
        domain.injected_recommendations.pop(rec.name, None)


def _start_update(
    ctx: Context, domain: DomainRec, rec: RecommenderRec, config: dict[str, Any] | None
) -> None:
    """A retraining recorded in ``LatestRecommenderUpdate``; it ends training_seconds later."""
    now = ctx.now()
    rec.latest_update = {"Status": "IN_PROGRESS", "CreatedAt": now, "LastUpdatedAt": now}
    if config is not None:
        rec.latest_update["RecommenderConfig"] = config
    rec.updated_at = now
    due = now + ctx.settings.recommender_training_seconds
    schedule(ctx, domain, due, "recommender.update", rec.name, repr(now))


@on_timer("recommender.retrain")
def _retrain(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    rec = domain.recommenders.get(timer.key)
    if rec is None or rec.status != _SERVING or not rec.versions or rec.versions[-1] != timer.token:
        return  # [A] only an ACTIVE recommender retrains; a newer training reschedules
    if (rec.latest_update or {}).get("Status") == "IN_PROGRESS":
        return
    _start_update(ctx, domain, rec, rec.config)


@on_timer("recommender.update")
def _update_done(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    rec = domain.recommenders.get(timer.key)
    update = rec.latest_update if rec is not None else None
    if rec is None or update is None or repr(update["CreatedAt"]) != timer.token:
        return
    if rec.status == "DELETING" or update["Status"] != "IN_PROGRESS":
        return
    if "RecommenderConfig" in update:
        rec.config = update["RecommenderConfig"]
    version = _trained(ctx, domain, rec)
    update.update(Status="ACTIVE", LastUpdatedAt=ctx.now(), RecommenderVersionName=version)


def _recommender_to_wire(rec: RecommenderRec, *, summary: bool) -> Response:
    out: Response = {
        "RecommenderName": rec.name,
        "RecipeName" if summary else "RecommenderRecipeName": rec.recipe,
        "RecommenderSchemaName": rec.schema_name,
        "RecommenderConfig": rec.config,
        "Description": rec.description,
        "Status": rec.status,
        "CreatedAt": rec.created_at,
        "LastUpdatedAt": rec.updated_at,
        "FailureReason": rec.failure_reason,
        "LatestRecommenderUpdate": rec.latest_update,
        "Tags": dict(rec.tags) or None,
    }
    return {k: v for k, v in out.items() if v is not None}


@operation("GetRecommender")
def get_recommender(ctx: Context, req: Request) -> Response:
    """GetRecommender (spec 7.6): ``TrainingMetricsCount`` newest entries (default 1) [A]."""
    domain = ctx.domain(req["DomainName"])
    rec = _recommender(domain, req["RecommenderName"])
    out = _recommender_to_wire(rec, summary=False)
    if rec.active_version is not None:
        out["ActiveRecommenderVersionName"] = rec.active_version
    count = req.get("TrainingMetricsCount", 1)
    out["TrainingMetrics"] = list(reversed(rec.training_metrics))[:count]
    return out


@operation("ListRecommenders")
def list_recommenders(ctx: Context, req: Request) -> Response:
    """ListRecommenders (spec 7.6): creation order [A]; the recipe as ``RecipeName``."""
    domain = ctx.domain(req["DomainName"])
    recs = sorted(domain.recommenders.values(), key=lambda r: r.seq)
    return {"Recommenders": [_recommender_to_wire(r, summary=True) for r in recs]}


@operation("UpdateRecommender")
def update_recommender(ctx: Context, req: Request) -> Response:
    """UpdateRecommender (spec 7.6): description, retraining with a config, or rollback."""
    domain = ctx.domain(req["DomainName"])
    rec = _recommender(domain, req["RecommenderName"])
    if rec.status not in ("ACTIVE", "INACTIVE"):
        raise bad_request(
            f"Recommender {rec.name} is {rec.status}; it can be updated when ACTIVE or INACTIVE"
        )
    config = req.get("RecommenderConfig")
    version = req.get("RecommenderVersionName")
    if config is not None:
        _check_config(domain, rec.schema_name, config)
        if (rec.latest_update or {}).get("Status") == "IN_PROGRESS":
            raise bad_request(f"Recommender {rec.name} is already being retrained")  # [A]
    if version is not None and version not in rec.versions:
        raise bad_request(f"Recommender {rec.name} has no version {version}")
    now = ctx.now()
    if "Description" in req:
        rec.description = req["Description"]
        rec.updated_at = now
    if version is not None:
        rec.active_version = version  # a rollback applies at once
        rec.updated_at = now
    if config is not None:
        _start_update(ctx, domain, rec, config)
    return {"RecommenderName": rec.name}


def _request(
    ctx: Context, req: Request, allowed: tuple[str, ...], status: str, seconds: float
) -> Response:
    """Move a recommender in one of the ``allowed`` states to ``status``; the next state
    follows ``seconds`` later (:func:`_advance`). [A] any other state: BadRequest."""
    domain = ctx.domain(req["DomainName"])
    rec = _recommender(domain, req["RecommenderName"])
    if rec.status not in allowed:
        raise bad_request(f"Recommender {rec.name} is {rec.status}, not {' or '.join(allowed)}")
    _bump(rec, ctx.now(), status)
    _advance_later(ctx, domain, rec, seconds)
    return {}


@operation("StartRecommender")
def start_recommender(ctx: Context, req: Request) -> Response:
    """StartRecommender (spec 7.6): INACTIVE -> STARTING -> ACTIVE."""
    seconds = ctx.settings.recommender_transition_seconds
    return _request(ctx, req, ("INACTIVE",), "STARTING", seconds)


@operation("StopRecommender")
def stop_recommender(ctx: Context, req: Request) -> Response:
    """StopRecommender (spec 7.6): ACTIVE -> STOPPING -> INACTIVE."""
    seconds = ctx.settings.recommender_transition_seconds
    return _request(ctx, req, ("ACTIVE",), "STOPPING", seconds)


@operation("DeleteRecommender")
def delete_recommender(ctx: Context, req: Request) -> Response:
    """DeleteRecommender (spec 7.6): DELETING, gone ``recommender_delete_seconds`` later."""
    seconds = ctx.settings.recommender_delete_seconds
    return _request(ctx, req, _DELETABLE, "DELETING", seconds)


# --------------------------------------------------------------------------- recommendations


def _serving(domain: DomainRec, name: str) -> RecommenderRec:
    rec = _recommender(domain, name)
    if rec.status != _SERVING or rec.active_version is None:
        # A stopped recommender has its "ability to generate recommendations" suspended.
        raise bad_request(f"Recommender {name} is {rec.status} and cannot serve recommendations")
    return rec


def _check_filters(domain: DomainRec, filters: list[dict[str, Any]], *, promotional: bool) -> None:
    member = "promotional filter" if promotional else "filter"
    for item in filters:
        name = item.get("Name")
        if name is None:
            raise bad_request(f"A {member} needs a Name")  # [A]
        rec = _filter(domain, name)
        if rec.status != "ACTIVE":
            raise bad_request(f"Recommender filter {name} is {rec.status}, not ACTIVE")
        # Placeholders are supplied "in matching case" (model doc).
        missing = set(_FILTER_PLACEHOLDER.findall(rec.expression)) - set(item.get("Values") or {})
        if missing:
            raise bad_request(
                f"Recommender filter {name} needs Values for {', '.join(sorted(missing))}"
            )
        if promotional and (
            item.get("PromotionName") is None or item.get("PercentPromotedItems") is None
        ):
            raise bad_request("A promotional filter needs PromotionName and PercentPromotedItems")


def _recommend(
    domain: DomainRec,
    rec: RecommenderRec,
    profile: ProfileRec,
    req: Request,
    *,
    diversity: Mapping[str, Any] | None,
    columns: list[str],
    limit: int,
) -> list[dict[str, Any]]:
    """The stub's answer (spec 7.7); filters, promotions and Context are not applied [A]."""
    candidates: list[str] | None = req.get("CandidateIds")
    if rec.recipe == "personalized-ranking" and not candidates:
        raise bad_request("CandidateIds are required for personalized-ranking recommenders")
    _check_filters(domain, req.get("RecommenderFilters") or [], promotional=False)
    _check_filters(domain, req.get("RecommenderPromotionalFilters") or [], promotional=True)
    if diversity is not None and diversity.get("Enabled"):
        targets = {
            c["Target"][1:]
            for c in ((rec.config or {}).get("DiversityConfig") or {}).get("DiversityColumns") or []
            if c["Target"].startswith("$")
        }
        missing = targets - set(diversity.get("Values") or {})
        if missing:
            raise bad_request(f"DiversityConfig needs Values for {', '.join(sorted(missing))}")

    injected = domain.injected_recommendations.get(rec.name, {}).get(profile.profile_id)
    if injected is not None:
        return [dict(item) for item in injected[:limit]]
    catalog = domain.recommendation_catalog
    if rec.recipe == "personalized-ranking" and candidates:
        # Ids the catalog does not know are returned with their Id only.
        items = [catalog.get(i) or {"Id": i} for i in dict.fromkeys(candidates)]
    else:
        items = list(catalog.values())
    version = rec.active_version or ""
    scored = sorted(
        ((round(_unit_hash(version, profile.profile_id, item["Id"]), 6), item) for item in items),
        key=lambda pair: (-pair[0], pair[1]["Id"]),
    )
    return [{"CatalogItem": _with_columns(item, columns), "Score": s} for s, item in scored[:limit]]


def _with_columns(item: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    """``Id`` plus the metadata columns asked for (``Attributes.<key>`` picks one). [A]"""
    out: dict[str, Any] = {"Id": item["Id"]}
    for column in columns:
        head, _, key = column.partition(".")
        if head == "Attributes" and key:
            value = (item.get("Attributes") or {}).get(key)
            if value is not None:
                out.setdefault("Attributes", {})[key] = value
        elif column in item:
            out[column] = item[column]
    return out


@operation("GetProfileRecommendations")
def get_profile_recommendations(ctx: Context, req: Request) -> Response:
    """GetProfileRecommendations (spec 7.7): the deterministic stub [A]."""
    domain = ctx.domain(req["DomainName"])
    rec = _serving(domain, req["RecommenderName"])
    profile = ctx.profile(domain, req["ProfileId"])
    recommendations = _recommend(
        domain,
        rec,
        profile,
        req,
        diversity=req.get("DiversityConfig"),
        columns=(req.get("MetadataConfig") or {}).get("MetadataColumns") or [],
        limit=req.get("MaxResults", DEFAULT_MAX_RESULTS),
    )
    return {"Recommendations": recommendations}


def _profile_by_key(domain: DomainRec, key_name: str, key_values: list[str]) -> ProfileRec:
    """The one profile a search key finds (SearchRecommendations, spec 7.7)."""
    if len(key_values) == 1:
        wanted = normalize_for_key(domain, key_name, key_values)
    else:
        # [A] one value per field of a multi-field key, composed as ingestion does.
        wanted = set()
        for object_type in domain.object_types.values():
            definition = object_type.definition
            for entry in (definition.get("Keys") or {}).get(key_name) or []:
                names = entry.get("FieldNames") or []
                if len(names) == len(key_values):
                    keyed = {"Fields": definition.get("Fields"), "Keys": {key_name: [entry]}}
                    (value,) = compute_keys(
                        domain, keyed, dict(zip(names, key_values, strict=True))
                    )
                    wanted.add(value.value)
        if not wanted:
            raise bad_request(f"KeyValues must give one value for each field of key {key_name}")
    found = [p for p in domain.profiles.values() if profile_key_values(p, key_name) & wanted]
    if not found:
        raise not_found(f"No profile matches the search key {key_name}")
    if len(found) > 1:
        raise bad_request(f"The search key {key_name} must match exactly one profile")
    return found[0]


@operation("SearchRecommendations")
def search_recommendations(ctx: Context, req: Request) -> Response:
    """SearchRecommendations (spec 7.7): the stub for the one profile a key finds [A]."""
    domain = ctx.domain(req["DomainName"])
    recommender: dict[str, Any] = req["Recommender"]
    rec = _serving(domain, recommender["Name"])
    profile = _profile_by_key(domain, req["KeyName"], req["KeyValues"])
    request = {
        "CandidateIds": req.get("CandidateIds"),
        "RecommenderFilters": recommender.get("Filters"),
        "RecommenderPromotionalFilters": recommender.get("PromotionalFilters"),
    }
    recommendations = _recommend(
        domain,
        rec,
        profile,
        request,
        diversity=req.get("Diversity"),
        columns=(req.get("Metadata") or {}).get("Columns") or [],
        limit=req.get("MaxRecommendations", DEFAULT_MAX_RECOMMENDATIONS),
    )
    return {"ProfileId": profile.profile_id, "Recommendations": recommendations}


# --------------------------------------------------------------------------- tags, hooks


_tags.CHILD_TAGS.update(
    {
        "recommenders": (
            "Recommender",
            lambda d, n: r.tags if (r := d.recommenders.get(n)) else None,
        ),
        "recommender-filters": (
            "Recommender filter",
            lambda d, n: f.tags if (f := d.recommender_filters.get(n)) else None,
        ),
        "recommender-schemas": (
            "Recommender schema",
            lambda d, n: s.tags if (s := d.recommender_schemas.get(n)) else None,
        ),
    }
)


def _epoch(value: Any) -> Any:
    return value.timestamp() if isinstance(value, datetime) else value


def _catalog_item(item: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(item) - _catalog_members())
    if unknown:
        raise ValueError(f"not CatalogItem members: {', '.join(unknown)}")
    if not isinstance(item.get("Id"), str) or not item["Id"]:
        raise ValueError("every catalog item needs a non-empty string Id")
    return {k: _epoch(v) for k, v in item.items()}


class RecommenderHooks:
    """Test hooks of recommenders and the recommendation stub, mixed into LocalBackend."""

    def fail_recommender(
        self: BackendHost,
        domain: str,
        name: str,
        reason: str = "Training failed (injected by the emulator)",
        *,
        region: str = "us-east-1",
    ) -> None:
        """Fail a PENDING or IN_PROGRESS recommender now, with ``FailureReason``.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for a missing domain or recommender.
            ValueError: when the recommender is neither PENDING nor IN_PROGRESS.
        """
        with self.lock:
            ctx, rec = self._domain(domain, region)
            recommender = _recommender(rec, name)
            if recommender.status not in ("PENDING", "IN_PROGRESS"):
                raise ValueError(f"recommender {name} is {recommender.status}")
            _bump(recommender, ctx.now(), "FAILED")
            recommender.failure_reason = reason
            self._committed()

    def set_catalog(
        self: BackendHost,
        domain: str,
        items: Iterable[Mapping[str, Any]],
        *,
        region: str = "us-east-1",
    ) -> None:
        """Replace the item catalog the recommendation stub ranks.

        Args:
            domain: the domain name.
            items: ``CatalogItem`` dicts (wire member names: ``Id`` required, ``Name``,
                ``Category``, ``Price``, ``Attributes`` ..., datetimes accepted for
                ``CreatedAt``/``UpdatedAt``).
            region: the domain's region.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for a missing domain.
            ValueError: for an item without ``Id`` or with unknown members.
        """
        catalog = {}
        for item in items:
            clean = _catalog_item(item)
            catalog[clean["Id"]] = clean
        with self.lock:
            _, rec = self._domain(domain, region)
            rec.recommendation_catalog = catalog
            self._committed()

    def set_recommendations(
        self: BackendHost,
        domain: str,
        recommender: str,
        profile_id: str,
        items: Iterable[Mapping[str, Any]],
        *,
        region: str = "us-east-1",
    ) -> None:
        """Fix what a recommender answers for one profile (returned as given, cut).

        Args:
            domain: the domain name.
            recommender: the recommender's name.
            profile_id: the profile.
            items: ``Recommendation`` dicts: ``{"CatalogItem": {"Id": ...}, "Score": 0.9}``.
            region: the domain's region.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for a missing domain or recommender.
            ValueError: for an item without ``CatalogItem.Id`` or a ``Score`` outside 0-1.
        """
        answers = []
        for item in items:
            entry: dict[str, Any] = {"CatalogItem": _catalog_item(item.get("CatalogItem") or {})}
            if "Score" in item:
                score = float(item["Score"])
                if not 0.0 <= score <= 1.0:
                    raise ValueError("Score must be between 0 and 1")
                entry["Score"] = score
            answers.append(entry)
        with self.lock:
            _, rec = self._domain(domain, region)
            _recommender(rec, recommender)
            rec.injected_recommendations.setdefault(recommender, {})[profile_id] = answers
            self._committed()
