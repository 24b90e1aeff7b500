"""Membership subscriptions, their events and the segment stream (segments spec 4).

When membership is re-evaluated [A] (spec 4.9):

* **LIVE** (classic segments): after every call that changed profiles (their fields,
  objects or existence, the expiry purge included), the changed profiles - and only
  those - are re-evaluated against every active subscription of the domain
  (:func:`process_changes`, run by the backend around each request);
* **SCHEDULE**: a due run (``now >= NextExecutedAt``) is made at the start of the next
  API call on the domain, or by ``LocalBackend.run_segment_schedules``; it evaluates the
  whole segment at the current instant and catches time-driven changes;
* never on a read by itself: reads only report what these two produced.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .._changes import Change, ChangeKind, subscribe
from .._errors import ServiceFault, bad_request, not_found
from .._model import is_model_operation
from .._registry import Context, Handler, Request, Response, operation
from .._state import DomainRec
from . import _sql
from ._definitions import definition_or_404
from ._evaluate import Evaluation
from ._jobs import evaluate_definition, ready_at
from ._records import MAX_EVENTS, MAX_STREAM_RECORDS, StreamRec, SubscriptionRec

#: Subscriptions per domain (D205).
MAX_SUBSCRIPTIONS = 10
#: Schedule when none is given through the API: 24 hours (B, D205).
DEFAULT_INTERVAL = 24
HOUR = 3600.0
_KINESIS_ARN = re.compile(r"arn:[a-z0-9-]+:kinesis:[a-z0-9-]+:\d{12}:stream/[A-Za-z0-9_.-]{1,128}")
METRICS = ("ProfilesJoined", "ProfilesLeft", "NotificationsFailed", "ScheduledRunsSucceeded")


def _modeled(name: str) -> Callable[[Handler], Handler]:
    """Register a handler only when the installed botocore model has the operation:
    the subscription and stream operations are new in botocore 1.44 (spec 0)."""
    if is_model_operation(name):
        return operation(name)
    return lambda fn: fn


# --------------------------------------------------------------------------- status


def reported_status(sub: SubscriptionRec, now: float) -> str:
    """``STARTING`` until the initial snapshot is ready, then ``RUNNING``. [A]"""
    if sub.status == "STARTING":
        return "STARTING" if now < sub.ready_at else "RUNNING"
    return sub.status


def _stream_running(domain: DomainRec) -> bool:
    stream = domain.segments.stream
    return stream is not None and stream.state == "RUNNING"


def _metrics(domain: DomainRec, segment: str) -> dict[str, int]:
    return domain.segments.metrics.setdefault(segment, dict.fromkeys(METRICS, 0))


def _snapshot(ctx: Context, domain: DomainRec, sub: SubscriptionRec, now: float) -> None:
    """Take the initial snapshot: the membership now, silently (spec 4.5, D205)."""
    rec = domain.segments.definitions[sub.segment]
    try:
        members = evaluate_definition(ctx, domain, rec)
    except _sql.SqlRuntimeError as exc:
        raise bad_request(f"The segment's SQL query failed: {exc}") from None
    sub.members = dict.fromkeys((p.profile_id for p in members), now)
    sub.former = {}
    sub.events = []
    sub.started_at = now
    sub.ready_at = ready_at(ctx, "subscription")
    sub.status = "STARTING"
    sub.message = None
    sub.failed_by_stream = False
    sub.last_executed_at = None
    sub.next_executed_at = now + sub.interval * HOUR


# --------------------------------------------------------------------------- changes


def _apply(
    ctx: Context,
    domain: DomainRec,
    sub: SubscriptionRec,
    changes: list[tuple[str, bool]],
    event_type: str,
    now: float,
) -> None:
    """Record membership changes ``(profile_id, member now)`` of one subscription."""
    rec = domain.segments.definitions[sub.segment]
    reporting = reported_status(sub, now) == "RUNNING" and _stream_running(domain)
    failing = sub.status == "FAILED" and sub.failed_by_stream
    metrics = _metrics(domain, sub.segment)
    state = domain.segments
    for profile_id, member in changes:
        previous = sub.members.get(profile_id, sub.former.get(profile_id, sub.started_at))
        if member:
            sub.former.pop(profile_id, None)
            sub.members[profile_id] = now
        else:
            sub.members.pop(profile_id, None)
            if profile_id in domain.profiles:
                sub.former[profile_id] = now
            else:
                sub.former.pop(profile_id, None)  # a deleted profile: forget it
        if failing:
            metrics["NotificationsFailed"] += 1  # the stream is unhealthy (B)
            continue
        if not reporting:
            continue  # [A] STARTING: the initial snapshot absorbs the change silently
        change = "JOINED" if member else "LEFT"
        sub.events.append(
            {"ProfileId": profile_id, "UpdatedAt": now, "EventType": event_type, "Event": change}
        )
        if len(sub.events) > MAX_EVENTS:
            del sub.events[: len(sub.events) - MAX_EVENTS]
        state.stream_records.append(
            {
                "AccountId": ctx.account_id,
                "DomainName": domain.name,
                "SegmentDefinitionName": sub.segment,
                "SegmentType": rec.segment_type,
                "ProfileId": profile_id,
                "OperationType": change,
                "MembershipCalculatedAt": int(now),
                "PreviousMembershipChangedAt": int(previous),
                "EventType": event_type,
            }
        )
        if len(state.stream_records) > MAX_STREAM_RECORDS:
            del state.stream_records[: len(state.stream_records) - MAX_STREAM_RECORDS]
        metrics["ProfilesJoined" if member else "ProfilesLeft"] += 1


def _watching(sub: SubscriptionRec) -> bool:
    """Whether changes are still tracked: running or starting, or failed because of
    the stream (NotificationsFailed counts them)."""
    return sub.status == "STARTING" or (sub.status == "FAILED" and sub.failed_by_stream)


def is_due(sub: SubscriptionRec, now: float) -> bool:
    """Whether a scheduled run of ``sub`` is due (stopped and failed ones never are)."""
    return _watching(sub) and now >= sub.next_executed_at


def _fail(sub: SubscriptionRec, message: str) -> None:
    sub.status, sub.message, sub.failed_by_stream = "FAILED", message[:1000], False


@subscribe("segment-membership")
def _note_change(ctx: Context, change: Change) -> None:
    """The change feed's consumer: remember which profiles changed (spec 4.9.1); they
    are re-evaluated once, after the call (:func:`process_changes`). Key changes do not
    affect membership. Costs nothing for a domain without subscriptions."""
    state = change.domain.segments
    if not state.subscriptions or change.kind in (ChangeKind.KEY_ADDED, ChangeKind.KEY_DELETED):
        return
    state.pending.append(change.profile.profile_id)
    state.pending.extend(p.profile_id for p in change.merged)


def process_changes(ctx: Context, domain: DomainRec) -> None:
    """LIVE events for the profiles changed since the last call (spec 4.9.1). [A]"""
    state = domain.segments
    if not state.pending:
        return
    changed = list(dict.fromkeys(state.pending))
    state.pending.clear()
    now = ctx.now()
    ev: Evaluation | None = None
    for sub in list(state.subscriptions.values()):
        rec = state.definitions.get(sub.segment)
        if rec is None or rec.segment_type != "CLASSIC" or not _watching(sub):
            continue  # SQL segments get SCHEDULE events only (B, D205)
        if ev is None:
            ev = Evaluation(ctx, domain, now)
        try:
            predicate = ev.of(rec)
        except ServiceFault as fault:
            _fail(sub, fault.message)
            continue
        changes: list[tuple[str, bool]] = []
        for profile_id in changed:
            profile = domain.profiles.get(profile_id)
            member = profile is not None and ev.is_live(profile) and predicate(profile)
            if member != (profile_id in sub.members):
                changes.append((profile_id, member))
        _apply(ctx, domain, sub, changes, "LIVE", now)


def run_schedules(ctx: Context, domain: DomainRec, *, force: bool = False) -> int:
    """Make every due scheduled run (spec 4.9.2); ``force`` runs every active one now.

    However many scheduled instants have passed, one run is made; the cadence stays on
    its grid. Returns the number of runs made.
    """
    now = ctx.now()
    runs = 0
    for sub in list(domain.segments.subscriptions.values()):
        if not _watching(sub) or reported_status(sub, now) == "STARTING":
            continue
        if not force and now < sub.next_executed_at:
            continue
        rec = domain.segments.definitions.get(sub.segment)
        if rec is None:
            continue
        try:
            members = {p.profile_id for p in evaluate_definition(ctx, domain, rec)}
        except (ServiceFault, _sql.SqlRuntimeError) as exc:
            _fail(sub, exc.message if isinstance(exc, ServiceFault) else str(exc))
            continue
        changes = [(pid, False) for pid in sub.members if pid not in members]
        changes += [(pid, True) for pid in members if pid not in sub.members]
        _apply(ctx, domain, sub, changes, "SCHEDULE", now)
        runs += 1
        step = sub.interval * HOUR
        grid = sub.next_executed_at
        if now >= grid:
            grid += ((now - grid) // step) * step  # the latest scheduled instant <= now
        sub.next_executed_at = grid + step
        if sub.status == "FAILED":
            continue  # [A] a run while the stream is unhealthy delivers nothing
        sub.last_executed_at = now
        _metrics(domain, sub.segment)["ScheduledRunsSucceeded"] += 1
    return runs


# --------------------------------------------------------------------------- stream


@_modeled("AssociateStreamForSegments")
def associate_stream_for_segments(ctx: Context, req: Request) -> Response:
    """AssociateStreamForSegments (spec 4.2): one stream per domain. [A]"""
    domain = ctx.domain(req["DomainName"])
    arn: str = req["DestinationArn"]
    if _KINESIS_ARN.fullmatch(arn) is None:
        raise bad_request(
            "DestinationArn must be a Kinesis data stream ARN: "
            "arn:aws:kinesis:<region>:<account-id>:stream/<name>"
        )
    current = domain.segments.stream
    if current is not None and current.state != "STOPPED":
        raise bad_request("A domain can have only one associated stream at a time")
    domain.segments.stream = StreamRec(
        destination_arn=arn,
        role_arn=req["DestinationRoleArn"],
        state="RUNNING",
        associated_at=ctx.now(),
    )
    return {}


@_modeled("GetStreamForSegments")
def get_stream_for_segments(ctx: Context, req: Request) -> Response:
    """GetStreamForSegments (spec 4.3)."""
    domain = ctx.domain(req["DomainName"])
    stream = domain.segments.stream
    if stream is None:
        raise not_found(f"No segment stream is associated with domain {domain.name}")
    now = ctx.now()
    out: dict[str, Any] = {
        "DomainName": domain.name,
        "DestinationArn": stream.destination_arn,
        "DestinationRoleArn": stream.role_arn,
        "State": stream.state,
        "AssociatedAt": stream.associated_at,
    }
    if stream.disassociated_at is not None:
        out["DisassociatedAt"] = stream.disassociated_at
    if stream.failure_reason:
        out["FailureReason"] = stream.failure_reason
    segments = []
    for sub in domain.segments.subscriptions.values():
        entry: dict[str, Any] = {"SegmentName": sub.segment, "Status": reported_status(sub, now)}
        if sub.message:
            entry["Message"] = sub.message
        segments.append(entry)
    out["AssociatedSegments"] = segments
    return out


@_modeled("DisassociateStreamForSegments")
def disassociate_stream_for_segments(ctx: Context, req: Request) -> Response:
    """DisassociateStreamForSegments (spec 4.4): every subscription stops at once. [A]"""
    domain = ctx.domain(req["DomainName"])
    stream = domain.segments.stream
    if stream is None or stream.state == "STOPPED":
        raise not_found(f"No segment stream is associated with domain {domain.name}")
    stream.state = "STOPPED"
    stream.disassociated_at = ctx.now()
    for sub in domain.segments.subscriptions.values():
        sub.status, sub.message, sub.failed_by_stream = (
            "STOPPED",
            "segment stream disassociated",
            False,
        )
    return {"Message": "Segment stream disassociated"}  # [A] message text


def set_stream_health(ctx: Context, domain: DomainRec, healthy: bool, reason: str | None) -> None:
    """The ``set_segment_stream_health`` hook (spec 7): an unhealthy stream fails every
    active subscription; a healthy one runs again. [A] failed subscriptions stay
    ``FAILED`` until PutSegmentSubscription, like stopped ones (ambiguity 17)."""
    stream = domain.segments.stream
    if stream is None or stream.state == "STOPPED":
        raise not_found(f"No segment stream is associated with domain {domain.name}")
    now = ctx.now()
    if healthy:
        stream.state, stream.failure_reason = "RUNNING", None
        for sub in domain.segments.subscriptions.values():
            sub.failed_by_stream = False
        return
    stream.state = "UNHEALTHY"
    stream.failure_reason = (reason or "The stream is not accessible")[:255]
    for sub in domain.segments.subscriptions.values():
        if reported_status(sub, now) in ("STARTING", "RUNNING"):
            sub.status, sub.message = "FAILED", stream.failure_reason
            sub.failed_by_stream = True


# --------------------------------------------------------------------------- subscriptions


def _subscription_or_404(domain: DomainRec, name: str) -> SubscriptionRec:
    definition_or_404(domain, name)
    sub = domain.segments.subscriptions.get(name)
    if sub is None:
        raise not_found(f"Segment {name} has no subscription")
    return sub


def _schedule(sub: SubscriptionRec) -> dict[str, Any]:
    return {"Interval": sub.interval, "Unit": sub.unit}


@_modeled("PutSegmentSubscription")
def put_segment_subscription(ctx: Context, req: Request) -> Response:
    """PutSegmentSubscription (spec 4.5): create, update or restart."""
    domain = ctx.domain(req["DomainName"])
    rec = definition_or_404(domain, req["SegmentDefinitionName"])
    if not _stream_running(domain):
        raise bad_request(  # [A: code] D205 "enable segment membership streaming first"
            "Enable segment membership streaming first: associate a running stream with "
            "AssociateStreamForSegments"
        )
    state = domain.segments
    sub = state.subscriptions.get(rec.name)
    if sub is None and len(state.subscriptions) >= MAX_SUBSCRIPTIONS:
        raise bad_request(f"A domain can have at most {MAX_SUBSCRIPTIONS} segment subscriptions")
    if rec.segment_type == "ENHANCED":
        _sql.refuse_unless_evaluable(ctx, domain, rec.name)
    schedule = req.get("ScheduleConfiguration") or {}
    interval = int(schedule.get("Interval", DEFAULT_INTERVAL))
    unit = str(schedule.get("Unit") or "HOURLY")  # [A] Unit defaults to HOURLY
    now = ctx.now()
    started = sub is None or sub.status in ("STOPPED", "FAILED")
    if sub is None:
        sub = SubscriptionRec(
            segment=rec.name,
            status="STARTING",
            interval=interval,
            unit=unit,
            started_at=now,
            last_updated_at=now,
            next_executed_at=now,
            ready_at=now,
            seq=ctx.seq(),
        )
        _snapshot(ctx, domain, sub, now)
        state.subscriptions[rec.name] = sub
    else:
        sub.interval, sub.unit, sub.last_updated_at = interval, unit, now
        if started:
            _snapshot(ctx, domain, sub, now)  # [A] a restart takes a new initial snapshot
        else:
            start = sub.last_executed_at if sub.last_executed_at is not None else sub.started_at
            sub.next_executed_at = max(start + interval * HOUR, now)
    return {
        "Status": "STARTING" if started else reported_status(sub, now),
        "ScheduleConfiguration": _schedule(sub),  # [A] the effective one (ambiguity 18)
        "StartedAt": sub.started_at,
    }


@_modeled("GetSegmentSubscription")
def get_segment_subscription(ctx: Context, req: Request) -> Response:
    """GetSegmentSubscription (spec 4.6)."""
    domain = ctx.domain(req["DomainName"])
    sub = _subscription_or_404(domain, req["SegmentDefinitionName"])
    executions: dict[str, Any] = {"NextExecutedAt": sub.next_executed_at}
    if sub.last_executed_at is not None:
        executions["LastExecutedAt"] = sub.last_executed_at
    out: dict[str, Any] = {"Status": reported_status(sub, ctx.now())}
    if sub.message:
        out["Message"] = sub.message
    out["ScheduleConfiguration"] = _schedule(sub)
    out["ScheduledExecutions"] = executions
    out["StartedAt"] = sub.started_at
    out["LastUpdatedAt"] = sub.last_updated_at
    return out


@_modeled("DeleteSegmentSubscription")
def delete_segment_subscription(ctx: Context, req: Request) -> Response:
    """DeleteSegmentSubscription (spec 4.7): the subscription and its events go;
    records already delivered to the stream stay. [A]"""
    domain = ctx.domain(req["DomainName"])
    sub = _subscription_or_404(domain, req["SegmentDefinitionName"])
    del domain.segments.subscriptions[sub.segment]
    return {"Message": "Segment subscription deleted"}  # [A] message text


@_modeled("ListSegmentSubscriptionEvents")
def list_segment_subscription_events(ctx: Context, req: Request) -> Response:
    """ListSegmentSubscriptionEvents (spec 4.8): newest first. [A]"""
    domain = ctx.domain(req["DomainName"])
    sub = _subscription_or_404(domain, req["SegmentDefinitionName"])
    if reported_status(sub, ctx.now()) == "STARTING":
        return {"Events": []}
    # Appended in time order, so newest first = reversed (ties: reverse insertion).
    return {"Events": [dict(e) for e in reversed(sub.events)]}
