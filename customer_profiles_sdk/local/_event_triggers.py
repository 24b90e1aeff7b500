"""Event triggers: Create/Get/Update/Delete/ListEventTriggers and their evaluation.

``spec/ingestion-streams-triggers.md`` section 5. A trigger is a condition on ingested
objects of one object type; an integration that lists it in ``EventTriggerNames`` is
its destination (an outbound campaign). The emulator evaluates triggers synchronously
on every stored object (a consumer of the change feed, :mod:`._changes`), enforces the
per-profile limits on the emulator's clock and records each invocation in
``DomainRec.trigger_invocations`` (read with ``LocalBackend.trigger_invocations``); the
destination itself is not called.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from ._changes import Change, ChangeKind, subscribe
from ._domains import merge_tags
from ._errors import ServiceFault, bad_request, not_found
from ._object_types import compile_source, render_source, scalar_text, template_definition
from ._registry import Context, Request, Response, operation
from ._state import DomainRec, EventTriggerRec
from ._templates import TEMPLATES, templates_of

#: Event triggers per domain (D101; D104 says 20 by default: [A] the quota table wins).
MAX_EVENT_TRIGGERS = 50
#: Without ``EventTriggerLimits.Periods``: 10 invocations per day, per profile (D104).
DEFAULT_PERIOD = (86400.0, 10)
#: Seconds per period unit. [A] DAYS = 24 h, WEEKS = 7 days, MONTHS = 30 days.
UNIT_SECONDS = {
    "MINUTES": 60.0,
    "HOURS": 3600.0,
    "DAYS": 86400.0,
    "WEEKS": 7 * 86400.0,
    "MONTHS": 30 * 86400.0,
}

#: Create/UpdateEventTrigger members stored in :attr:`EventTriggerRec.definition`.
_MEMBERS = (
    "ObjectTypeName",
    "Description",
    "EventTriggerConditions",
    "SegmentFilter",
    "EventTriggerLimits",
)
_NUMERIC = frozenset(
    {"GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN_OR_EQUAL", "EQUAL"}
)
_TEMPORAL = frozenset({"BEFORE", "AFTER", "ON"})
_RANGE = frozenset({"BETWEEN", "NOT_BETWEEN"})
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_EPOCH_MILLIS = re.compile(r"^\d{13}$")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# --------------------------------------------------------------------------- values


def parse_number(value: Any) -> Decimal | None:
    """A JSON number or a numeric string as a ``Decimal``; ``None`` otherwise. [A]"""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        text = repr(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        return None
    if not _NUMBER.match(text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
        return None
    return number if number.is_finite() else None


def parse_instant(value: Any) -> tuple[float, bool] | None:
    """A timestamp as (epoch seconds, date only?); ``None`` when it does not parse.

    [A] ISO-8601 (an offset is honoured, no offset means UTC; ``Z`` accepted), a date
    alone (midnight UTC) or epoch milliseconds (13 digits, as text or JSON number).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _EPOCH_MILLIS.match(text):
        return int(text) / 1000.0, False
    date_only = bool(_DATE_ONLY.match(text))
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp(), date_only


def _utc_day(instant: float) -> str:
    return datetime.fromtimestamp(instant, tz=timezone.utc).strftime("%Y-%m-%d")


def _accessor(source: str) -> list[str | int] | None:
    """The path of a plain ``_source`` accessor; ``None`` for a Handlebars text."""
    if "{{" in source or "}}" in source:
        return None
    pieces = compile_source(source)  # BadRequest for anything else
    kind, parts = pieces[0]
    return list(parts) if kind == "path" and len(pieces) == 1 else None


def _lookup(doc: Any, parts: list[str | int]) -> Any:
    node = doc
    for part in parts:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
            node = node[part]
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


def _targets(raw: Any) -> list[Any]:
    """The target set of an attribute value: array elements or the one scalar. [A]

    Missing values, ``null``, empty strings and JSON objects contribute nothing.
    """
    items = raw if isinstance(raw, list) else [raw]
    return [v for v in items if v is not None and v != "" and not isinstance(v, (dict, list))]


# --------------------------------------------------------------------------- operators


def _compare(operator: str, target: Any, values: list[str]) -> bool:
    """One target element against an operator needing numbers or timestamps."""
    if operator in _NUMERIC:
        number, bound = parse_number(target), parse_number(values[0])
        if number is None or bound is None:
            return False
        return {
            "GREATER_THAN": number > bound,
            "LESS_THAN": number < bound,
            "GREATER_THAN_OR_EQUAL": number >= bound,
            "LESS_THAN_OR_EQUAL": number <= bound,
            "EQUAL": number == bound,
        }[operator]
    if operator in _RANGE:
        low, high = parse_number(values[0]), parse_number(values[1])
        if low is not None and high is not None:
            number = parse_number(target)
            if number is None:
                return False
            inside = low <= number <= high
        else:
            start, end, when = (parse_instant(v) for v in (values[0], values[1], target))
            if start is None or end is None or when is None:
                return False
            inside = start[0] <= when[0] <= end[0]
        return inside if operator == "BETWEEN" else not inside
    when, bound_instant = parse_instant(target), parse_instant(values[0])
    if when is None or bound_instant is None:
        return False
    if operator == "BEFORE":
        return when[0] < bound_instant[0]
    if operator == "AFTER":
        return when[0] > bound_instant[0]
    if bound_instant[1]:  # ON a date: the same UTC calendar day
        return _utc_day(when[0]) == _utc_day(bound_instant[0])
    return when[0] == bound_instant[0]


def attribute_matches(operator: str, targets: list[Any], values: list[str]) -> bool:
    """Whether an ObjectAttribute holds for its target set (section 5.7 table). [A]

    A missing or empty value makes every operator false (EXCLUSIVE included); strings
    compare case-sensitively; for several target elements one matching element is
    enough, except for INCLUSIVE, which needs every value among the elements.
    """
    if not targets:
        return False
    texts = [scalar_text(t) for t in targets]
    if operator == "INCLUSIVE":
        return all(v in texts for v in values)
    if operator == "EXCLUSIVE":
        return not all(v in texts for v in values)
    if operator == "CONTAINS":
        return any(v in t for t in texts for v in values)
    if operator == "BEGINS_WITH":
        return any(t.startswith(v) for t in texts for v in values)
    if operator == "ENDS_WITH":
        return any(t.endswith(v) for t in texts for v in values)
    return any(_compare(operator, t, values) for t in targets)


# --------------------------------------------------------------------------- validation


def _type_fields(
    domain: DomainRec, type_name: str, templates: Mapping[str, dict[str, Any]] = TEMPLATES
) -> dict[str, Any]:
    """The Fields of the trigger's object type (or template); BadRequest otherwise."""
    if type_name.startswith("_"):
        # D104: standard object types are not supported by event triggers.
        raise bad_request(f"Event triggers do not support the standard object type {type_name}")
    rec = domain.object_types.get(type_name)
    if rec is not None:
        template_id = rec.definition.get("TemplateId")
        fields: dict[str, Any] = rec.definition.get("Fields") or {}
    elif type_name in templates:
        template_id = type_name
        fields = template_definition(type_name, templates).get("Fields") or {}
    else:
        # [A] as for calculated attributes: the type must exist (or be a TemplateId).
        raise bad_request(f"Object type {type_name} does not exist in domain {domain.name}")
    if template_id and templates.get(template_id, {}).get("StoreOnly"):
        # [B] a store-only template's types cannot be used by event triggers.
        raise bad_request(
            f"Object type {type_name} comes from a store-only template and cannot be used "
            "by event triggers"
        )
    return fields


def _check_attribute(attribute: dict[str, Any], fields: dict[str, Any]) -> None:
    source, field_name = attribute.get("Source"), attribute.get("FieldName")
    if (source is None) == (field_name is None):
        # D104 "only one attribute is allowed in a single ObjectAttribute entry";
        # [A] exactly one of the two.
        raise bad_request("Each ObjectAttribute must have exactly one of Source and FieldName")
    if field_name is not None and field_name not in fields:
        raise bad_request(f"FieldName {field_name} is not a field of the object type")
    if source is not None and _accessor(source) is None:
        # [A] a `_source.` accessor, the only root object-type mappings support.
        raise bad_request(f"Source {source} must be a _source accessor")
    operator: str = attribute["ComparisonOperator"]
    values: list[str] = attribute["Values"]
    # [A] operand checks per operator.
    if operator in _RANGE:
        if len(values) != 2:
            raise bad_request(f"{operator} needs exactly 2 values")
        numbers = all(parse_number(v) is not None for v in values)
        instants = all(parse_instant(v) is not None for v in values)
        if not (numbers or instants):
            raise bad_request(f"{operator} values must both be numbers or both be timestamps")
    elif operator in _NUMERIC:
        if len(values) != 1 or parse_number(values[0]) is None:
            raise bad_request(f"{operator} needs exactly 1 numeric value")
    elif operator in _TEMPORAL and (len(values) != 1 or parse_instant(values[0]) is None):
        raise bad_request(f"{operator} needs exactly 1 timestamp value")


def _check_definition(
    domain: DomainRec,
    definition: dict[str, Any],
    templates: Mapping[str, dict[str, Any]] = TEMPLATES,
) -> None:
    """Section 5.1 rules 3-7 on a trigger as it would be stored."""
    fields = _type_fields(domain, definition["ObjectTypeName"], templates)
    for condition in definition["EventTriggerConditions"]:
        for dimension in condition["EventTriggerDimensions"]:
            for attribute in dimension["ObjectAttributes"]:
                _check_attribute(attribute, fields)
    limits = definition.get("EventTriggerLimits") or {}
    expiration = limits.get("EventExpiration")
    if expiration is not None and expiration <= 0:
        raise bad_request("EventExpiration must be greater than 0")  # [A]
    for period in limits.get("Periods") or []:
        # [A] D104: MaxInvocationsPerProfile or UNLIMITED - exactly one of them.
        if (period.get("MaxInvocationsPerProfile") is not None) == bool(period.get("Unlimited")):
            raise bad_request("Each period needs either MaxInvocationsPerProfile or Unlimited=true")
    segment = definition.get("SegmentFilter")
    if (
        segment
        and segment not in domain.segments.definitions
        and segment not in domain.segment_members
    ):
        # Section 5.1 rule 8: the filter names a segment definition of the domain.
        # [A] A109: a membership declared with ``set_segment_members`` stands in for one.
        raise bad_request(f"Segment definition {segment} does not exist")


def check_integration_triggers(domain: DomainRec, uri: str, names: list[str]) -> None:
    """PutIntegration's ``EventTriggerNames`` (section 5.6); BadRequest when invalid.

    Each name must be a trigger of the domain [A] that no other integration lists yet
    (one integration per trigger, [B]; A118).
    """
    for name in names:
        if name not in domain.event_triggers:
            raise bad_request(f"Event trigger {name} does not exist in domain {domain.name}")
        for other_uri, integration in domain.integrations.items():
            if other_uri != uri and name in (integration.definition.get("EventTriggerNames") or []):
                raise bad_request(f"Event trigger {name} is already used by another integration")


# --------------------------------------------------------------------------- handlers


def _get(domain: DomainRec, name: str) -> EventTriggerRec:
    rec = domain.event_triggers.get(name)
    if rec is None:
        raise not_found(f"Event trigger {name} does not exist in domain {domain.name}")
    return rec


def _to_wire(rec: EventTriggerRec) -> Response:
    out: Response = {"EventTriggerName": rec.name}
    for member in _MEMBERS:
        if member in rec.definition:
            out[member] = copy.deepcopy(rec.definition[member])
    out["CreatedAt"] = rec.created_at
    out["LastUpdatedAt"] = rec.updated_at
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


@operation("CreateEventTrigger")
def create_event_trigger(ctx: Context, req: Request) -> Response:
    """CreateEventTrigger (section 5.1)."""
    domain = ctx.domain(req["DomainName"])
    name: str = req["EventTriggerName"]
    if name in domain.event_triggers:
        # D106: the CloudFormation handler keys on this text.
        raise bad_request(f"Event trigger with name {name} already exists")
    if len(domain.event_triggers) >= MAX_EVENT_TRIGGERS:
        raise bad_request(f"A domain can have at most {MAX_EVENT_TRIGGERS} event triggers")
    definition = {m: copy.deepcopy(req[m]) for m in _MEMBERS if m in req}
    _check_definition(domain, definition, templates_of(ctx.settings))
    now = ctx.now()
    rec = EventTriggerRec(
        name=name, definition=definition, tags={}, created_at=now, updated_at=now, seq=ctx.seq()
    )
    merge_tags(rec.tags, req.get("Tags") or {})
    domain.event_triggers[name] = rec
    return _to_wire(rec)


@operation("GetEventTrigger")
def get_event_trigger(ctx: Context, req: Request) -> Response:
    """GetEventTrigger (section 5.2)."""
    domain = ctx.domain(req["DomainName"])
    return _to_wire(_get(domain, req["EventTriggerName"]))


@operation("UpdateEventTrigger")
def update_event_trigger(ctx: Context, req: Request) -> Response:
    """UpdateEventTrigger (section 5.3): present members replace, absent ones are kept."""
    domain = ctx.domain(req["DomainName"])
    rec = _get(domain, req["EventTriggerName"])
    definition = copy.deepcopy(rec.definition)
    for member in _MEMBERS:
        if member in req:
            definition[member] = copy.deepcopy(req[member])
    _check_definition(domain, definition, templates_of(ctx.settings))
    rec.definition = definition
    rec.updated_at = ctx.now()  # [A] CreatedAt and the invocation history are kept
    return _to_wire(rec)


@operation("DeleteEventTrigger")
def delete_event_trigger(ctx: Context, req: Request) -> Response:
    """DeleteEventTrigger (section 5.4): refused while an integration lists it."""
    domain = ctx.domain(req["DomainName"])
    name = req["EventTriggerName"]
    _get(domain, name)
    for integration in domain.integrations.values():
        if name in (integration.definition.get("EventTriggerNames") or []):
            # [B] "You cannot delete an Event Trigger with an active Integration
            # associated"; [A] BadRequest.
            raise bad_request(
                f"Event trigger {name} cannot be deleted: an integration is associated with it"
            )
    del domain.event_triggers[name]  # with its per-profile invocation counts
    return {"Message": "Event trigger deleted"}  # [A] message text


@operation("ListEventTriggers")
def list_event_triggers(ctx: Context, req: Request) -> Response:
    """ListEventTriggers (section 5.5): summaries (no conditions) in creation order."""
    domain = ctx.domain(req["DomainName"])
    items = []
    for rec in domain.event_triggers.values():
        item: Response = {
            "ObjectTypeName": rec.definition["ObjectTypeName"],
            "EventTriggerName": rec.name,
        }
        if "Description" in rec.definition:
            item["Description"] = rec.definition["Description"]
        item["CreatedAt"] = rec.created_at
        item["LastUpdatedAt"] = rec.updated_at
        if rec.tags:
            item["Tags"] = dict(rec.tags)
        items.append(item)
    return {"Items": items}


# --------------------------------------------------------------------------- evaluation


def is_segment_member(ctx: Context, domain: DomainRec, segment: str, profile_id: str) -> bool:
    """Whether a profile is in a segment, for ``SegmentFilter`` (section 5.7 rule 5).

    A classic segment definition is evaluated on the profile at the time of the
    ingestion, with the segments evaluator (the live population, the same predicate as
    ``GetSegmentMembership``); a SQL definition is read from its last completed
    snapshot (none: not a member). [A] A109: a membership a test declared with
    ``LocalBackend.set_segment_members`` takes precedence for that segment name; a
    definition deleted since the trigger was created has no members.
    """
    declared = domain.segment_members.get(segment)
    if declared is not None:
        return declared.get(profile_id, False)
    rec = domain.segments.definitions.get(segment)
    profile = domain.profiles.get(profile_id)
    if rec is None or profile is None:
        return False
    from .segments._evaluate import Evaluation  # the segments package imports this one
    from .segments._jobs import latest_snapshot

    if rec.segment_type == "CLASSIC":
        evaluation = Evaluation(ctx, domain, ctx.now())
        try:
            predicate = evaluation.of(rec)
        except ServiceFault:
            return False  # [A] a source segment was deleted: the segment "stops working"
        return evaluation.is_live(profile) and predicate(profile)
    snapshot = latest_snapshot(ctx, domain, segment)
    return snapshot is not None and profile_id in (snapshot.members or [])


def _attribute_targets(attribute: dict[str, Any], doc: Any, fields: dict[str, Any]) -> list[Any]:
    """The target set of an ObjectAttribute on an ingested document (rule 2)."""
    field_name = attribute.get("FieldName")
    source = attribute.get("Source") if field_name is None else None
    if field_name is not None:
        field = fields.get(field_name)
        if field is None:
            return []  # [A] the field is gone from the type: no value
        source = field["Source"]
    if not source:
        return []
    parts = _accessor(source)
    if parts is not None:
        return _targets(_lookup(doc, parts))
    return _targets(render_source(compile_source(source), doc))


def conditions_match(definition: dict[str, Any], doc: Any, fields: dict[str, Any]) -> bool:
    """Whether an object satisfies a trigger's conditions (rule 4). [A semantics]

    ObjectAttributes of a dimension are ANDed (D104); a condition's ``LogicalOperator``
    combines its dimensions (ALL: every one, ANY: at least one, NONE: none); the
    conditions are ORed (D104).
    """
    for condition in definition["EventTriggerConditions"]:
        results = [
            all(
                attribute_matches(
                    a["ComparisonOperator"], _attribute_targets(a, doc, fields), a["Values"]
                )
                for a in dimension["ObjectAttributes"]
            )
            for dimension in condition["EventTriggerDimensions"]
        ]
        operator = condition["LogicalOperator"]
        if (
            (operator == "ALL" and all(results))
            or (operator == "ANY" and any(results))
            or (operator == "NONE" and not any(results))
        ):
            return True
    return False


def _limits(definition: dict[str, Any]) -> list[tuple[float, int | None]]:
    """(window seconds, max invocations or None for unlimited) per period (rule 7)."""
    periods = (definition.get("EventTriggerLimits") or {}).get("Periods")
    if not periods:
        return [DEFAULT_PERIOD]
    return [
        (
            UNIT_SECONDS[p["Unit"]] * p["Value"],
            None if p.get("Unlimited") else p.get("MaxInvocationsPerProfile"),
        )
        for p in periods
    ]


def _admit(rec: EventTriggerRec, profile_id: str, now: float) -> bool:
    """Count an invocation for the profile if every period allows it (trailing windows)."""
    limits = [(window, most) for window, most in _limits(rec.definition) if most is not None]
    history = rec.invocations.get(profile_id, [])
    if limits:
        longest = max(window for window, _ in limits)
        history = [t for t in history if t > now - longest]
    for window, most in limits:
        if sum(1 for t in history if t > now - window) >= most:
            rec.invocations[profile_id] = history
            return False
    if limits:
        rec.invocations[profile_id] = [*history, now]
    else:
        rec.invocations.pop(profile_id, None)
    return True


def _destinations(domain: DomainRec, name: str) -> list[str]:
    return [
        uri
        for uri, integration in domain.integrations.items()
        if name in (integration.definition.get("EventTriggerNames") or [])
    ]


def _evaluate(ctx: Context, change: Change) -> None:
    domain = change.domain
    triggers = [
        t
        for t in domain.event_triggers.values()
        if t.definition["ObjectTypeName"] == change.object_type
    ]
    if not triggers or change.object_body is None or change.object_type is None:
        return
    doc = json.loads(change.object_body)
    object_type = domain.object_types.get(change.object_type)
    fields: dict[str, Any] = (object_type.definition.get("Fields") or {}) if object_type else {}
    profile_id = change.profile.profile_id
    now = change.at
    for rec in sorted(triggers, key=lambda t: t.seq):  # creation order [A]
        definition = rec.definition
        if not conditions_match(definition, doc, fields):
            continue
        segment = definition.get("SegmentFilter")
        if segment and not is_segment_member(ctx, domain, segment, profile_id):
            continue
        expiration = (definition.get("EventTriggerLimits") or {}).get("EventExpiration")
        if expiration is not None and ctx.latency * 1000.0 > expiration:
            continue  # [A] processed later than EventExpiration (ms) allows
        destinations = _destinations(domain, rec.name)
        if not destinations or not _admit(rec, profile_id, now):
            continue  # [A] nothing to invoke: nothing is counted
        for uri in destinations:
            domain.trigger_invocations.append(
                {
                    "EventTriggerName": rec.name,
                    "IntegrationUri": uri,
                    "DomainName": domain.name,
                    "ProfileId": profile_id,
                    "ObjectTypeName": change.object_type,
                    "ProfileObjectUniqueKey": change.object_key,
                    "Object": copy.deepcopy(doc),
                    "Timestamp": now,
                }
            )


@subscribe("event-triggers")
def on_change(ctx: Context, change: Change) -> None:
    """Change-feed consumer: evaluate triggers on ingestion, keep the counts tidy.

    Stored objects are evaluated (rule 1; CreateProfile/UpdateProfile never fire). The
    counts of a deleted or expired profile are dropped; a merged-away profile's counts
    move to the main profile. [A]
    """
    if change.kind is ChangeKind.OBJECT_INGESTED:
        _evaluate(ctx, change)
        return
    if change.kind in (ChangeKind.PROFILE_DELETED, ChangeKind.PROFILE_EXPIRED):
        for rec in change.domain.event_triggers.values():
            rec.invocations.pop(change.profile.profile_id, None)
    elif change.kind is ChangeKind.PROFILES_MERGED:
        main = change.profile.profile_id
        for rec in change.domain.event_triggers.values():
            moved = [t for p in change.merged for t in rec.invocations.pop(p.profile_id, [])]
            if moved:
                rec.invocations[main] = sorted([*rec.invocations.get(main, []), *moved])
