"""Estimates, membership and snapshots (segments spec 3).

Each asynchronous job computes its result when the creating call runs and reports it
from ``ready_at = created_at + latency(kind)`` on; the latency is 0 unless a test sets
it with ``LocalBackend.set_job_latency``. [A] (spec 0)
"""

from __future__ import annotations

import csv
import io
import json
import re
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from botocore.model import StructureShape

from .._errors import ServiceFault, bad_request, not_found
from .._model import service_model
from .._profiles import profile_to_wire
from .._registry import DAY, Context, Request, Response, operation
from .._state import DomainRec, ProfileRec
from . import _checks, _sql, _values
from ._definitions import check_sql_allowed, definition_or_404
from ._evaluate import Evaluation
from ._records import DefinitionRec, EstimateRec, SnapshotRec

#: Snapshots per domain per UTC day (D209; the day boundary is [A]).
MAX_SNAPSHOTS_PER_DAY = 200
#: A SQL segment's snapshot serves membership calls for one year (D201). [A] 365 days.
SNAPSHOT_LIFETIME_DAYS = 365
JOB_KINDS = ("estimate", "snapshot", "subscription")

_S3_URI = re.compile(r"s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?P<prefix>/[^\s]*)?")
_EXTENSIONS = {"CSV": "csv", "JSONL": "jsonl"}


def ready_at(ctx: Context, kind: str) -> float:
    """When a job of ``kind`` created now reports its final state. [A]"""
    return ctx.now() + float(ctx.settings.job_latency.get(kind, 0.0))


def evaluate_definition(ctx: Context, domain: DomainRec, rec: DefinitionRec) -> list[ProfileRec]:
    """The members of a definition now, in creation order.

    Raises:
        ServiceFault: ``BadRequestException`` for a broken source segment (spec 1.7),
            or for a SQL definition the emulator cannot evaluate (spec 5.3).
    """
    ev = Evaluation(ctx, domain, ctx.now())
    if rec.segment_type == "CLASSIC":
        return ev.members(ev.of(rec))
    return _sql.members(ctx, domain, ev, rec.definition["SegmentSqlQuery"], segment=rec.name)


# --------------------------------------------------------------------------- estimates


@operation("CreateSegmentEstimate")
def create_segment_estimate(ctx: Context, req: Request) -> Response:
    """CreateSegmentEstimate (spec 3.1): count now, report from ``ready_at`` on."""
    domain = ctx.domain(req["DomainName"])
    query = req.get("SegmentQuery")
    sql = req.get("SegmentSqlQuery")
    if (query is None) == (sql is None):
        raise bad_request("Give exactly one of SegmentQuery and SegmentSqlQuery")  # [A]
    ev = Evaluation(ctx, domain, ctx.now())
    rec = EstimateRec(
        estimate_id=secrets.token_hex(16),  # [A] 32 lowercase hex characters
        created_at=ctx.now(),
        ready_at=ready_at(ctx, "estimate"),
        outcome="SUCCEEDED",
    )
    if query is not None:
        _checks.check_groups(domain, query, where="SegmentQuery", new_name=None)
        predicate = ev.groups(query)
        # [A] the count is exact and frozen at creation (spec ambiguity 11).
        rec.estimate = str(sum(1 for p in ev.population() if predicate(p)))
    else:
        check_sql_allowed(domain)
        _sql.check_query(ctx, domain, str(sql))
        try:
            rec.estimate = str(len(_sql.members(ctx, domain, ev, str(sql), segment=None)))
        except _sql.SqlRuntimeError as exc:
            # [A] a runtime error does not fail the call: the estimate fails.
            rec.outcome, rec.message = "FAILED", str(exc)[:255]
    domain.segments.estimates[rec.estimate_id] = rec
    # [A] HTTP 200 carries StatusCode (location statusCode); never in the body.
    return {"DomainName": domain.name, "EstimateId": rec.estimate_id, "StatusCode": 200}


@operation("GetSegmentEstimate")
def get_segment_estimate(ctx: Context, req: Request) -> Response:
    """GetSegmentEstimate (spec 3.2): ``RUNNING`` before ``ready_at``, then the result."""
    domain = ctx.domain(req["DomainName"])
    rec = domain.segments.estimates.get(req["EstimateId"])
    if rec is None:
        raise not_found(f"Segment estimate {req['EstimateId']} does not exist")
    out: dict[str, Any] = {"DomainName": domain.name, "EstimateId": rec.estimate_id}
    if ctx.now() < rec.ready_at:
        out["Status"] = "RUNNING"
    elif rec.outcome == "SUCCEEDED":
        out["Status"], out["Estimate"] = "SUCCEEDED", rec.estimate
    else:
        out["Status"], out["Message"] = "FAILED", rec.message or "The estimate failed"
    out["StatusCode"] = 200
    return out


# --------------------------------------------------------------------------- membership


def latest_snapshot(ctx: Context, domain: DomainRec, segment: str) -> SnapshotRec | None:
    """The newest COMPLETED snapshot of ``segment`` younger than one year (D201). [A]"""
    now = ctx.now()
    best: SnapshotRec | None = None
    for snap in domain.segments.snapshots.values():
        if snap.segment != segment or snap.outcome != "COMPLETED" or now < snap.ready_at:
            continue
        if now >= snap.created_at + SNAPSHOT_LIFETIME_DAYS * DAY:
            continue
        if best is None or snap.created_at >= best.created_at:
            best = snap
    return best


@operation("GetSegmentMembership")
def get_segment_membership(ctx: Context, req: Request) -> Response:
    """GetSegmentMembership (spec 3.3).

    Classic segments are evaluated now for the requested profiles only; SQL segments
    are answered from their last completed snapshot. [A] one entry per distinct
    existing id in request order, the full profile only when ``PRESENT``, unknown ids
    in ``Failures`` with status 404.
    """
    domain = ctx.domain(req["DomainName"])
    rec = definition_or_404(domain, req["SegmentDefinitionName"])
    now = ctx.now()
    if rec.segment_type == "CLASSIC":
        ev = Evaluation(ctx, domain, now)
        predicate = ev.of(rec)

        def is_member(p: ProfileRec) -> bool:
            return ev.is_live(p) and predicate(p)

        computed_at = now
    else:
        snapshot = latest_snapshot(ctx, domain, rec.name)
        if snapshot is None:
            _sql.refuse_unless_evaluable(ctx, domain, rec.name)
            raise bad_request(
                f"Segment {rec.name} is a SQL segment: export the segment with "
                "CreateSegmentSnapshot first (membership is read from its last snapshot)"
            )
        members = frozenset(snapshot.members or [])

        def is_member(p: ProfileRec) -> bool:
            return p.profile_id in members

        computed_at = snapshot.created_at
    profiles: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    for profile_id in dict.fromkeys(req["ProfileIds"]):  # [A] duplicates answered once
        profile = domain.profiles.get(profile_id)
        if profile is None:
            failures.append(
                {"ProfileId": profile_id, "Message": "Profile not found", "Status": 404}
            )
        elif is_member(profile):
            entry: dict[str, Any] = {"ProfileId": profile_id, "QueryResult": "PRESENT"}
            entry["Profile"] = profile_to_wire(profile)
            profiles.append(entry)
        else:
            profiles.append({"ProfileId": profile_id, "QueryResult": "ABSENT"})
    return {
        "SegmentDefinitionName": rec.name,
        "Profiles": profiles,
        "Failures": failures,
        "LastComputedAt": computed_at,
    }


# --------------------------------------------------------------------------- snapshots


def _destination(uri: str | None) -> tuple[str, str]:
    """``(bucket, prefix)`` of an ``s3://bucket[/prefix]`` destination. [A]"""
    found = _S3_URI.fullmatch(uri or "")
    if found is None:
        raise bad_request(
            "DestinationUri is required and must look like s3://bucket[/prefix] "
            "(the emulator writes snapshots to its own object store)"
        )
    return found["bucket"], (found["prefix"] or "").strip("/")


@operation("CreateSegmentSnapshot")
def create_segment_snapshot(ctx: Context, req: Request) -> Response:
    """CreateSegmentSnapshot (spec 3.4): evaluate now, render, store; report later."""
    domain = ctx.domain(req["DomainName"])
    rec = definition_or_404(domain, req["SegmentDefinitionName"])
    bucket, prefix = _destination(req.get("DestinationUri"))
    data_format: str = req["DataFormat"]
    if data_format not in _EXTENSIONS:
        # [A] ORC needs an ORC writer (pyarrow), which the emulator does not depend on.
        raise bad_request(
            f"DataFormat {data_format} is not supported by the emulator: use CSV or JSONL"
        )
    now = ctx.now()
    state = domain.segments
    state.snapshot_times = [
        t for t in state.snapshot_times if _values.utc_day(t) == _values.utc_day(now)
    ]
    if len(state.snapshot_times) >= MAX_SNAPSHOTS_PER_DAY:
        raise bad_request(
            f"A domain can create at most {MAX_SNAPSHOTS_PER_DAY} segment snapshots per day"
        )
    snap = SnapshotRec(
        snapshot_id=secrets.token_hex(16),
        segment=rec.name,
        request={
            m: req[m]
            for m in ("DataFormat", "EncryptionKey", "RoleArn", "DestinationUri")
            if req.get(m) is not None
        },
        created_at=now,
        ready_at=ready_at(ctx, "snapshot"),
        outcome="COMPLETED",
    )
    ev = Evaluation(ctx, domain, now)
    try:
        if rec.segment_type == "CLASSIC":
            members = ev.members(ev.of(rec))
        else:
            members = _sql.members(
                ctx, domain, ev, rec.definition["SegmentSqlQuery"], segment=rec.name
            )
            snap.members = [p.profile_id for p in members]
    except _sql.SqlRuntimeError as exc:
        snap.outcome, snap.message = "FAILED", str(exc)[:1000]  # [A]
        members = []
    if snap.outcome == "COMPLETED":
        ordered = sort_members(ev, members, rec.definition.get("SegmentSort"))
        body = render_csv(ordered) if data_format == "CSV" else render_jsonl(ordered)
        base = f"s3://{bucket}/{prefix + '/' if prefix else ''}{snap.snapshot_id}"
        exports = ctx.store.exports
        data_uri = f"{base}/part-00000.{_EXTENSIONS[data_format]}"
        exports[data_uri] = body
        exports[f"{base}/_test"] = ""  # [A] the test file AWS writes beside the export
        snap.objects = [data_uri, f"{base}/_test"]
    state.snapshot_times.append(now)
    state.snapshots[snap.snapshot_id] = snap
    return {"SnapshotId": snap.snapshot_id}


@operation("GetSegmentSnapshot")
def get_segment_snapshot(ctx: Context, req: Request) -> Response:
    """GetSegmentSnapshot (spec 3.5): ``IN_PROGRESS`` before ``ready_at``."""
    domain = ctx.domain(req["DomainName"])
    rec = definition_or_404(domain, req["SegmentDefinitionName"])
    snap = domain.segments.snapshots.get(req["SnapshotId"])
    if snap is None or snap.segment != rec.name:
        raise not_found(f"Segment snapshot {req['SnapshotId']} does not exist")
    out: dict[str, Any] = {"SnapshotId": snap.snapshot_id}
    if ctx.now() < snap.ready_at:
        out["Status"] = "IN_PROGRESS"
    else:
        out["Status"] = snap.outcome
        if snap.outcome == "FAILED":
            out["StatusMessage"] = snap.message or "The snapshot failed"
    out.update(snap.request)
    return out


def snapshot_ready(domains: Iterable[DomainRec], uri: str, now: float) -> bool:
    """Whether the export object ``uri`` belongs to no snapshot still in progress."""
    for domain in domains:
        for snap in domain.segments.snapshots.values():
            if uri in snap.objects:
                return bool(now >= snap.ready_at)
    return True


# --------------------------------------------------------------------------- sort (2.10)


def sort_members(
    ev: Evaluation, members: list[ProfileRec], sort: dict[str, Any] | None
) -> list[ProfileRec]:
    """Members in snapshot order (spec 2.10): the sort attributes top to bottom, ties
    (and unsorted segments) in creation order, then ``ProfileId``. [A] values that do
    not parse under the type, and missing values, sort last in both directions."""
    ordered = sorted(members, key=lambda p: (p.seq, p.profile_id))
    attributes = (sort or {}).get("Attributes") or []
    for attribute in reversed(attributes):
        value_of = _sort_reader(ev, attribute, ordered)
        raw = [value_of(p) for p in ordered]
        data_type = attribute.get("DataType") or _infer_type([v for v in raw if v is not None])
        parse = _PARSERS[data_type]
        parsed = [parse(v) if v is not None else None for v in raw]
        descending = attribute["Order"] == "DESC"
        paired = list(zip(parsed, ordered, strict=True))
        if descending:
            paired.sort(
                key=lambda item: (1, item[0]) if item[0] is not None else (0,), reverse=True
            )
        else:
            paired.sort(key=lambda item: (0, item[0]) if item[0] is not None else (1,))
        ordered = [p for _, p in paired]
    return ordered


def _sort_reader(
    ev: Evaluation, attribute: dict[str, Any], members: list[ProfileRec]
) -> Callable[[ProfileRec], str | None]:
    """[A] PROFILE: the spec 2.2 path, a bare unknown name read as ``Attributes.<Name>``;
    CALCULATED: the calculated attribute; no Type: PROFILE for a standard field or a
    custom-attribute key some member has, else CALCULATED when it exists."""
    name: str = attribute["Name"]
    kind = attribute.get("Type")
    path = name if _values.is_profile_path(name) else f"Attributes.{name}"
    if kind is None:
        known_key = _values.is_profile_path(name) or any(
            name in (p.fields.get("Attributes") or {}) for p in members
        )
        kind = (
            "PROFILE" if known_key or name not in ev.domain.calculated_attributes else "CALCULATED"
        )
    if kind == "CALCULATED":
        if name not in ev.domain.calculated_attributes:
            return lambda p: None  # deleted since the definition was created
        return ev.calculated_value(name, None)
    if not _values.is_profile_path(path):
        return lambda p: None
    return _values.reader(path)


def _infer_type(values: list[str]) -> str:
    """NUMBER if every present value is a number, else DATE if every one is a date,
    else STRING (D201 "inferred"; the rule is [A])."""
    if values and all(_values.number(v) is not None for v in values):
        return "NUMBER"
    if values and all(_values.value_instant(v) is not None for v in values):
        return "DATE"
    return "STRING"


_PARSERS: dict[str, Callable[[str], Any]] = {
    "STRING": lambda v: v,
    "NUMBER": _values.number,
    "DATE": _values.value_instant,
}


# --------------------------------------------------------------------------- rendering (3.6)


def _columns() -> tuple[list[str], list[str]]:
    model = service_model()
    profile, address = model.shape_for("Profile"), model.shape_for("Address")
    assert isinstance(profile, StructureShape)
    assert isinstance(address, StructureShape)
    members = [m for m in profile.members if m not in ("ProfileId", "FoundByItems")]
    return members, list(address.members)


def _flatten(profile: ProfileRec) -> dict[str, str]:
    wire = profile_to_wire(profile)
    row: dict[str, str] = {}
    for name, value in wire.items():
        if isinstance(value, dict) and name != "EngagementPreferences":
            for part, part_value in value.items():
                row[f"{name}.{part}"] = str(part_value)
        elif isinstance(value, (dict, list)):
            row[name] = json.dumps(value, separators=(",", ":"))  # [A]
        else:
            row[name] = str(value)
    return row


def render_csv(members: list[ProfileRec]) -> str:
    """The CSV export (spec 3.6): RFC 4180, ``\\n`` line ends, the union of populated
    columns: ``ProfileId``, standard fields in ``Profile`` shape order (addresses
    flattened as ``Address.City``), then ``Attributes.<key>`` in key order. [A]"""
    rows = [_flatten(p) for p in members]
    present: set[str] = set()
    for row in rows:
        present.update(row)
    profile_members, address_parts = _columns()
    header = ["ProfileId"]
    for member in profile_members:
        if member == "Attributes":
            continue
        if member in _values.ADDRESS_BLOCKS:
            header.extend(
                f"{member}.{part}" for part in address_parts if f"{member}.{part}" in present
            )
        elif member in present:
            header.append(member)
    header.extend(sorted(c for c in present if c.startswith("Attributes.")))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue()


def render_jsonl(members: list[ProfileRec]) -> str:
    """The JSONL export: one profile per line, as ``BatchGetProfile`` returns it."""
    return "".join(json.dumps(profile_to_wire(p)) + "\n" for p in members)


def fault_message(fault: ServiceFault) -> str:
    """The text of a fault, for a subscription's ``Message``."""
    return fault.message[:1000]
