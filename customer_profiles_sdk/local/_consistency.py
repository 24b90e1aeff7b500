"""The opt-in eventual-consistency mode: effects that become visible after a delay.

The real service ingests objects and runs identity resolution asynchronously: a call
returns before its effect can be read ("searching immediately after ingest may not yet
show the association", D7; spec 2.2). The emulator is synchronous by default. With
``LocalBackend(consistency="eventual", visibility_delay=seconds)`` [A]:

* **PutProfileObject** checks the request at once, as in synchronous mode (missing
  domain or object type, invalid JSON, empty UNIQUE or PROFILE keys, size) and answers
  the object's ``ProfileObjectUniqueKey``; everything else (profile resolution, inferred
  profiles, the stored object, keys, standard objects, eviction) happens when the
  emulated clock reaches the call's time plus the delay, as if ingestion ran then. A
  rejection found at that point (no profile and no profile creation, an ambiguous
  standard record, a quota, a strict-ingestion refusal) cannot be answered any more: the
  object goes to the domain's dead-letter list with ``Reason`` and ``Message``.
* **Identity resolution** (``LocalBackend.run_identity_resolution``) runs when the delay
  has passed; until then GetMatches answers the previous result.

Pending effects are clock-driven transitions (:mod:`._timers`) of their domain: they
apply, in the order of their due time and then call order, before any call or test
hook that touches the domain at or after their due time; each runs on a clock frozen at
its due time, so its timestamps (ingestion time, ``MatchGenerationDate``) are that
instant. They are part of the saved state; a pending effect of a deleted domain goes
with it.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from typing import Any

from ._documents import parse_object
from ._errors import ServiceFault, bad_request, not_found
from ._registry import Context
from ._state import DomainRec, Store, TimerRec
from ._timers import on_timer, schedule

SYNCHRONOUS = "synchronous"
EVENTUAL = "eventual"
#: [A] Default delay of the eventual mode, in seconds of the emulated clock.
DEFAULT_VISIBILITY_DELAY = 5.0

#: Timer kinds (:mod:`._timers`) of the pending effects, and how ``pending()`` names them.
INGESTION = "eventual-ingestion"
IDENTITY_RESOLUTION = "eventual-identity-resolution"
_OPERATIONS = {INGESTION: "PutProfileObject", IDENTITY_RESOLUTION: "IdentityResolution"}


def check_settings(consistency: str, visibility_delay: float) -> None:
    """Validate the constructor arguments of the mode.

    Raises:
        ValueError: an unknown mode, or a delay that is negative or not finite.
    """
    if consistency not in (SYNCHRONOUS, EVENTUAL):
        raise ValueError(f"consistency must be {SYNCHRONOUS!r} or {EVENTUAL!r}")
    if (
        isinstance(visibility_delay, bool)
        or not isinstance(visibility_delay, (int, float))
        or not math.isfinite(visibility_delay)
        or visibility_delay < 0
    ):
        raise ValueError("visibility_delay must be a finite number of seconds >= 0")


def is_deferred(ctx: Context) -> bool:
    """Whether a call's asynchronous effect must wait (eventual mode, not a transition)."""
    return ctx.settings.consistency == EVENTUAL and not ctx.ticking


def defer_identity_resolution(ctx: Context, domain: DomainRec) -> None:
    """Run identity resolution on ``domain`` once the visibility delay has passed."""
    schedule(ctx, domain, ctx.now() + ctx.settings.visibility_delay, IDENTITY_RESOLUTION, "")


def accept_ingestion(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """PutProfileObject in eventual mode: check now, ingest after the delay.

    The checks are those PutProfileObject makes before it looks at any profile (spec
    7.1 rejections), so an invalid object is answered at once in both modes.
    """
    from ._ingest import MAX_OBJECT_BYTES, compute_keys, extract_fields, unique_object_key
    from ._object_types import template_definition
    from ._templates import templates_of

    domain = ctx.domain(req["DomainName"])
    type_name: str = req["ObjectTypeName"]
    if type_name.startswith("_"):
        raise bad_request(f"{type_name} is a standard object type and cannot be ingested")
    templates = templates_of(ctx.settings)
    object_type = domain.object_types.get(type_name)
    if object_type is None and type_name not in templates:
        raise not_found(f"Object type {type_name} does not exist")
    body: str = req["Object"]
    if len(body.encode("utf-8")) > MAX_OBJECT_BYTES:
        raise bad_request("The object is larger than 250 KB")
    doc = parse_object(body)
    if not isinstance(doc, dict):
        raise bad_request("Object must be a JSON object")
    if object_type is not None:
        definition = object_type.definition
    else:
        definition = template_definition(type_name, templates)
    keys = compute_keys(domain, definition, extract_fields(definition, doc))
    unique = next(k for k in keys if "UNIQUE" in k.ids)
    if not unique.value:
        raise bad_request(f"The UNIQUE key {unique.name} has no value in this object")
    if not any(k.value for k in keys if "PROFILE" in k.ids):
        raise bad_request("Every PROFILE key is empty in this object")
    key = f"ingest-{ctx.seq()}"
    domain.deferred_ingestions[key] = {
        "DomainName": domain.name,
        "ObjectTypeName": type_name,
        "Object": body,
    }
    schedule(ctx, domain, ctx.now() + ctx.settings.visibility_delay, INGESTION, key)
    return {"ProfileObjectUniqueKey": unique_object_key(type_name, unique.value)}


@on_timer(INGESTION)
def _ingest_now(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    from ._ingest import put_profile_object

    request = domain.deferred_ingestions.pop(timer.key, None)
    if request is None:  # pragma: no cover - only a hand-edited state file
        return
    try:
        put_profile_object(ctx, request)  # ctx is a transition's: ingests for real
    except ServiceFault as fault:
        # Rejected while ingesting asynchronously: nobody to answer, so dead-lettered.
        domain.dead_letters.append(
            {
                "ObjectTypeName": request["ObjectTypeName"],
                "Object": request["Object"],
                "Reason": "REJECTED",
                "Message": fault.message,
                "Timestamp": ctx.now(),
            }
        )


@on_timer(IDENTITY_RESOLUTION)
def _resolve_now(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    from ._matching import run_identity_resolution

    run_identity_resolution(ctx, domain)


def describe(store: Store) -> list[dict[str, Any]]:
    """The pending effects, in the order they will apply (for ``LocalBackend.pending``)."""
    found: list[tuple[TimerRec, str, str]] = []
    for region_name, region in store.regions.items():
        for domain in region.domains.values():
            found.extend(
                (timer, region_name, domain.name)
                for timer in domain.timers
                if timer.kind in _OPERATIONS
            )
    found.sort(key=lambda item: (item[0].due, item[0].seq))
    return [
        {
            "Operation": _OPERATIONS[timer.kind],
            "DomainName": domain_name,
            "Region": region_name,
            "VisibleAt": datetime.fromtimestamp(timer.due, timezone.utc),
        }
        for timer, region_name, domain_name in found
    ]
