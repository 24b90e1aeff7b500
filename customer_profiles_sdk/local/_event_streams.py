"""Event streams: Create/Get/List/DeleteEventStream and the records they deliver.

``spec/ingestion-streams-triggers.md`` section 4. An event stream exports profile and
object changes in real time to a Kinesis data stream. The emulator has no Kinesis: the
records go to an in-memory sink per stream (``DomainRec.stream_records``, by stream
name), which tests read with ``LocalBackend.stream_records``. The records are built by
a consumer of the change feed (:mod:`._changes`), so every write path that reports its
changes there is exported without knowing about streams.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timezone
from typing import Any

from ._changes import Change, ChangeKind, subscribe
from ._domains import merge_tags
from ._errors import bad_request, not_found
from ._profiles import profile_to_wire
from ._registry import Context, Request, Response, operation
from ._state import DomainRec, EventStreamRec

#: Event streams per domain: 1, not adjustable (D101).
MAX_EVENT_STREAMS = 1

#: A Kinesis data stream ARN. [A] names of 1-128 characters of ``[a-zA-Z0-9_.-]``.
_KINESIS_ARN = re.compile(
    r"^arn:(?P<partition>aws[a-z-]*):kinesis:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):"
    r"stream/(?P<name>[a-zA-Z0-9_.-]{1,128})$"
)

_STREAM_ARN_TAIL = re.compile(r"^([a-zA-Z0-9_-]+)/event-streams/([a-zA-Z0-9_-]+)$")

#: Destination error messages documented for real-time export (D103), for
#: ``LocalBackend.set_stream_destination``.
DOCUMENTED_DESTINATION_MESSAGES = (
    "The Kinesis Data Stream is not Active.",
    "The Kinesis Data Stream does not exist.",
    "The Kinesis Data Stream is being throttled.",
    "The KMS key of the Kinesis Data Stream is being throttled.",
    "Check the KMS Key configuration.",
)

# --------------------------------------------------------------------------- rendering


def _get(domain: DomainRec, name: str) -> EventStreamRec:
    rec = domain.event_streams.get(name)
    if rec is None:
        raise not_found(f"Event stream {name} does not exist in domain {domain.name}")
    return rec


def _details(rec: EventStreamRec, *, with_message: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"Uri": rec.uri, "Status": rec.status}
    if rec.unhealthy_since is not None:
        out["UnhealthySince"] = rec.unhealthy_since
    if with_message and rec.message:
        out["Message"] = rec.message
    return out


def _get_wire(domain: DomainRec, rec: EventStreamRec) -> Response:
    out: Response = {
        "DomainName": domain.name,
        "EventStreamArn": rec.arn,
        "CreatedAt": rec.created_at,
        "State": rec.state,
        "DestinationDetails": _details(rec, with_message=True),
    }
    if rec.stopped_since is not None:
        out["StoppedSince"] = rec.stopped_since
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


def _summary(domain: DomainRec, rec: EventStreamRec) -> Response:
    out: Response = {
        "DomainName": domain.name,
        "EventStreamName": rec.name,
        "EventStreamArn": rec.arn,
        "State": rec.state,
        "DestinationSummary": _details(rec, with_message=False),
    }
    if rec.stopped_since is not None:
        out["StoppedSince"] = rec.stopped_since
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


# --------------------------------------------------------------------------- handlers


def _check_uri(ctx: Context, uri: str) -> None:
    found = _KINESIS_ARN.match(uri)
    if found is None:
        # [A] the Uri must be a Kinesis data stream ARN.
        raise bad_request("Uri must be the ARN of a Kinesis data stream")
    if (
        found["partition"] != "aws"
        or found["region"] != ctx.region
        or found["account"] != ctx.account_id
    ):
        # [B] same region and account as the domain; [A] BadRequest.
        raise bad_request(
            "The Kinesis data stream must be in the same region and account as the domain"
        )
    if uri in ctx.settings.absent_kinesis_streams:
        # [A] declared absent by LocalBackend.set_kinesis_stream (the service looks the
        # stream up, D106).
        raise bad_request("The Kinesis data stream does not exist")


@operation("CreateEventStream")
def create_event_stream(ctx: Context, req: Request) -> Response:
    """CreateEventStream (section 4.1): RUNNING and HEALTHY, delivering from now on."""
    domain = ctx.domain(req["DomainName"])
    name: str = req["EventStreamName"]
    if name in domain.event_streams:
        raise bad_request(f"Event stream {name} already exists in domain {domain.name}")
    if len(domain.event_streams) >= MAX_EVENT_STREAMS:
        # D101: one event stream per domain; [A] BadRequest.
        raise bad_request(f"A domain can have at most {MAX_EVENT_STREAMS} event stream")
    uri: str = req["Uri"]
    _check_uri(ctx, uri)
    rec = EventStreamRec(
        name=name,
        arn=ctx.arn(domain.name, "event-streams", name),
        uri=uri,
        created_at=ctx.now(),
        tags={},
    )
    merge_tags(rec.tags, req.get("Tags") or {})
    domain.event_streams[name] = rec
    out: Response = {"EventStreamArn": rec.arn}
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


@operation("GetEventStream")
def get_event_stream(ctx: Context, req: Request) -> Response:
    """GetEventStream (section 4.2): state and destination details (no name member)."""
    domain = ctx.domain(req["DomainName"])
    return _get_wire(domain, _get(domain, req["EventStreamName"]))


@operation("ListEventStreams")
def list_event_streams(ctx: Context, req: Request) -> Response:
    """ListEventStreams (section 4.3): summaries in creation order."""
    domain = ctx.domain(req["DomainName"])
    return {"Items": [_summary(domain, rec) for rec in domain.event_streams.values()]}


@operation("DeleteEventStream")
def delete_event_stream(ctx: Context, req: Request) -> Response:
    """DeleteEventStream (section 4.4): empty output; delivered records stay readable."""
    domain = ctx.domain(req["DomainName"])
    name = req["EventStreamName"]
    _get(domain, name)
    del domain.event_streams[name]
    return {}


# --------------------------------------------------------------------------- test hooks


def set_destination(
    ctx: Context, domain: DomainRec, name: str, *, healthy: bool, message: str | None
) -> None:
    """Drive a stream's destination health (``LocalBackend.set_stream_destination``).

    Unhealthy: ``Status=UNHEALTHY`` and ``State=STOPPED`` (since now, unless already),
    with ``message``. Healthy again: ``Status=HEALTHY``, but the stream stays STOPPED:
    the documented recovery is to recreate it (D103). [A]

    Raises:
        ServiceFault: ``ResourceNotFoundException`` for an unknown stream.
        ValueError: a message that is empty or longer than 1,000 characters.
    """
    rec = _get(domain, name)
    if message is not None and not 1 <= len(message) <= 1000:
        raise ValueError("message must have 1 to 1000 characters")
    now = ctx.now()
    if healthy:
        rec.status = "HEALTHY"
        rec.unhealthy_since = None
        rec.message = None
        return
    if rec.status != "UNHEALTHY":
        rec.unhealthy_since = now
    rec.status = "UNHEALTHY"
    rec.message = message
    if rec.state != "STOPPED":
        rec.state = "STOPPED"
        rec.stopped_since = now


def delivered(domain: DomainRec, name: str) -> list[dict[str, Any]]:
    """The records delivered to stream ``name`` (Kinesis style, ``Data`` as bytes).

    Raises:
        ServiceFault: ``ResourceNotFoundException`` when no stream of that name exists
            and none ever delivered a record.
    """
    sink = domain.stream_records.get(name)
    if sink is None:
        _get(domain, name)
        return []
    out = []
    for stored in sink:
        record = dict(stored)
        record["ApproximateArrivalTimestamp"] = datetime.fromtimestamp(
            stored["ApproximateArrivalTimestamp"], tz=timezone.utc
        )
        record["Data"] = stored["Data"].encode("utf-8")
        out.append(record)
    return out


def clear_delivered(domain: DomainRec, name: str) -> None:
    """Forget the records delivered to stream ``name``.

    Raises:
        ServiceFault: ``ResourceNotFoundException`` as for :func:`delivered`.
    """
    if domain.stream_records.pop(name, None) is None:
        _get(domain, name)


def stream_name_of(ctx: Context, arn: str) -> tuple[str, str]:
    """(domain, stream name) of an ``EventStreamArn`` of the caller's region and account.

    Raises:
        ValueError: ``arn`` is not an event-stream ARN of this account and region.
    """
    prefix = f"arn:aws:profile:{ctx.region}:{ctx.account_id}:domains/"
    found = _STREAM_ARN_TAIL.match(arn[len(prefix) :]) if arn.startswith(prefix) else None
    if found is None:
        raise ValueError("not an event stream ARN of this account and region")
    return found[1], found[2]


# --------------------------------------------------------------------------- records


def _timestamp(at: float) -> str:
    """ISO-8601 UTC with milliseconds and ``Z`` (``2023-08-24T02:43:20.000Z``). [A]"""
    moment = datetime.fromtimestamp(at, tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _payload(
    change: Change,
    event_type: str,
    object_type: str,
    body: Any,
    *,
    key: str | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One exported record (section 4.5) for the profile of ``change``."""
    out: dict[str, Any] = {
        "SchemaVersion": 0,
        "EventId": str(uuid.uuid4()),
        "EventTimestamp": _timestamp(change.at),
        "EventType": event_type,
        "DomainName": change.domain.name,
        "ObjectTypeName": object_type,
        "AssociatedProfileId": change.profile.profile_id,
    }
    if key is not None:
        out["ProfileObjectUniqueKey"] = key
    out["Object"] = body
    out["IsMessageRealTime"] = True  # [A] the emulator has no batch/backfill path
    if extra:
        out.update(extra)
    return out


def records_for(change: Change) -> list[dict[str, Any]]:
    """The records a change exports, in order (section 4.5 table). [A except as noted]

    CreateProfile -> ``_profile`` CREATED; UpdateProfile -> ``_profile`` UPDATED (D102);
    an ingested object -> ``_profile`` CREATED (the ingestion created the profile) or
    UPDATED, then the object's type CREATED (new UNIQUE value) or UPDATED (D113); a merge
    -> one ``_profile`` MERGED with ``MergeId`` and ``DuplicateProfiles`` (D113).
    Deletions, expiry, eviction and key changes export nothing (D113: no delete events).
    """
    kind = change.kind
    if kind in (ChangeKind.PROFILE_CREATED, ChangeKind.PROFILE_UPDATED):
        event = "CREATED" if kind is ChangeKind.PROFILE_CREATED else "UPDATED"
        return [_payload(change, event, "_profile", profile_to_wire(change.profile))]
    if kind is ChangeKind.OBJECT_INGESTED and change.object_type and change.object_body:
        profile_event = "CREATED" if change.profile_created else "UPDATED"
        object_event = "CREATED" if change.object_created else "UPDATED"
        return [
            _payload(change, profile_event, "_profile", profile_to_wire(change.profile)),
            _payload(
                change,
                object_event,
                change.object_type,
                json.loads(change.object_body),
                key=change.object_key,
            ),
        ]
    if kind is ChangeKind.PROFILES_MERGED:
        extra = {
            "MergeId": str(uuid.uuid4()),
            "DuplicateProfiles": [profile_to_wire(p) for p in change.merged],
        }
        return [
            _payload(change, "MERGED", "_profile", profile_to_wire(change.profile), extra=extra)
        ]
    return []


@subscribe("event-streams")
def deliver(ctx: Context, change: Change) -> None:
    """Change-feed consumer: append the change's records to every RUNNING stream's sink.

    [A] delivery is synchronous (before the API call returns) and only while the stream
    exists and is RUNNING; there is no backfill of earlier changes.
    """
    streams = [s for s in change.domain.event_streams.values() if s.state == "RUNNING"]
    if not streams:
        return
    payloads = records_for(change)
    if not payloads:
        return
    now = ctx.now()
    for stream in streams:
        sink = change.domain.stream_records.setdefault(stream.name, [])
        for payload in payloads:
            sink.append(
                {
                    "StreamARN": stream.uri,
                    # D113 partitions by profile id.
                    "PartitionKey": payload["AssociatedProfileId"],
                    "SequenceNumber": f"{ctx.seq():056d}",
                    "ApproximateArrivalTimestamp": now,
                    "Data": json.dumps(payload, separators=(",", ":"), ensure_ascii=False),
                }
            )
