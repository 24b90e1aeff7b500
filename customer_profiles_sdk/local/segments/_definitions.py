"""Create/Get/List/DeleteSegmentDefinition (segments spec 1.4-1.7)."""

from __future__ import annotations

import copy
from typing import Any

from .._errors import bad_request, not_found
from .._registry import Context, Request, Response, operation
from .._state import DomainRec
from .._tags import CHILD_TAGS
from . import _checks, _sql
from ._records import DefinitionRec

# Segment definitions are taggable (segments spec 0). [A]
CHILD_TAGS["segment-definitions"] = (
    "Segment definition",
    lambda d, n: s.tags if (s := d.segments.definitions.get(n)) else None,
)

_STORED = ("DisplayName", "Description", "SegmentGroups", "SegmentSqlQuery", "SegmentSort")


def definition_or_404(domain: DomainRec, name: str) -> DefinitionRec:
    """The definition ``name``; ``ResourceNotFound`` when absent (spec 0). [A]"""
    rec = domain.segments.definitions.get(name)
    if rec is None:
        raise not_found(f"Segment definition {name} does not exist in domain {domain.name}")
    return rec


def definition_arn(ctx: Context, domain: DomainRec, name: str) -> str:
    """``arn:aws:profile:{region}:{account}:domains/{d}/segment-definitions/{name}`` (D213)."""
    return ctx.arn(domain.name, "segment-definitions", name)


def data_store_enabled(domain: DomainRec) -> bool:
    """Whether the domain's Data store is on (SQL segments need it, D201)."""
    return bool((domain.config.get("DataStore") or {}).get("Enabled"))


def check_sql_allowed(domain: DomainRec) -> None:
    """Rule 3: SQL segmentation needs the Data store. [A: error type]"""
    if not data_store_enabled(domain):
        raise bad_request(
            "Segmentation powered by SQL requires Data store: enable DataStore on the domain"
        )


def _summary(ctx: Context, domain: DomainRec, rec: DefinitionRec) -> dict[str, Any]:
    out: dict[str, Any] = {
        "SegmentDefinitionName": rec.name,
        "DisplayName": rec.definition["DisplayName"],
    }
    if "Description" in rec.definition:
        out["Description"] = rec.definition["Description"]
    out["SegmentDefinitionArn"] = definition_arn(ctx, domain, rec.name)
    out["CreatedAt"] = rec.created_at
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    out["SegmentType"] = rec.segment_type
    return out


@operation("CreateSegmentDefinition")
def create_segment_definition(ctx: Context, req: Request) -> Response:
    """CreateSegmentDefinition (spec 1.4): validate and store; nothing is evaluated."""
    domain = ctx.domain(req["DomainName"])
    name: str = req["SegmentDefinitionName"]
    groups = req.get("SegmentGroups")
    sql = req.get("SegmentSqlQuery")
    if (groups is None) == (sql is None):
        # Rule 2 [A: error type]: a definition is one or the other (D201).
        raise bad_request("Give exactly one of SegmentGroups and SegmentSqlQuery")
    if name in domain.segments.definitions:
        raise bad_request(f"Segment definition {name} already exists")  # rule 12 [A]
    if groups is not None:
        _checks.check_groups(domain, groups, where="SegmentGroups", new_name=name)
    else:
        check_sql_allowed(domain)
        _sql.check_query(ctx, domain, str(sql))
    if req.get("SegmentSort") is not None:
        _checks.check_sort(domain, req["SegmentSort"])
    rec = DefinitionRec(
        name=name,
        definition={m: copy.deepcopy(req[m]) for m in _STORED if req.get(m) is not None},
        tags=dict(req.get("Tags") or {}),
        created_at=ctx.now(),
        segment_type="CLASSIC" if groups is not None else "ENHANCED",
        seq=ctx.seq(),
    )
    domain.segments.definitions[name] = rec
    out = _summary(ctx, domain, rec)
    out.pop("SegmentType")
    return out


@operation("GetSegmentDefinition")
def get_segment_definition(ctx: Context, req: Request) -> Response:
    """GetSegmentDefinition (spec 1.5): the definition as sent, plus type and ARN."""
    domain = ctx.domain(req["DomainName"])
    rec = definition_or_404(domain, req["SegmentDefinitionName"])
    out = _summary(ctx, domain, rec)
    for member in ("SegmentGroups", "SegmentSqlQuery", "SegmentSort"):
        if member in rec.definition:
            out[member] = copy.deepcopy(rec.definition[member])
    return out


@operation("ListSegmentDefinitions")
def list_segment_definitions(ctx: Context, req: Request) -> Response:
    """ListSegmentDefinitions (spec 1.6): summaries in creation order. [A]"""
    domain = ctx.domain(req["DomainName"])
    return {"Items": [_summary(ctx, domain, r) for r in domain.segments.definitions.values()]}


@operation("DeleteSegmentDefinition")
def delete_segment_definition(ctx: Context, req: Request) -> Response:
    """DeleteSegmentDefinition (spec 1.7).

    [A] Not refused when other definitions use it as a source: they fail when
    evaluated. Its snapshots, its subscription (without further events) and injected
    SQL members go with it; estimates are domain-level and stay.
    """
    domain = ctx.domain(req["DomainName"])
    name: str = req["SegmentDefinitionName"]
    definition_or_404(domain, name)
    state = domain.segments
    del state.definitions[name]
    for snapshot_id in [k for k, s in state.snapshots.items() if s.segment == name]:
        del state.snapshots[snapshot_id]
    state.subscriptions.pop(name, None)
    state.sql_members.pop(name, None)
    return {"Message": "Segment definition deleted"}  # [A] message text
