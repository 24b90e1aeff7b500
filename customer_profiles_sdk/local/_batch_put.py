"""Bulk ingestion: BatchPutProfileObject (spec/ingestion-streams-triggers.md section 2).

Up to 10 objects of one object type per call, each one through PutProfileObject's
pipeline (:func:`._ingest.ingest_object`), so every side effect of a single put (inferred
profiles, eviction, the change feed that event streams, event triggers and profile
history read) happens item by item, in request order.

What fails the whole call (nothing ingested) and what fails one item [A] (A102):

* whole call: a missing domain (404); a model constraint (more than 10 items, ``Id``
  pattern, ``Object`` over 256,000 characters: 400, checked by the wire layer before the
  handler); duplicate ``Id`` values (400, A103); a standard object type (400) or a type
  that is neither defined nor a TemplateId (404); throttling, one token per request from
  this operation's own bucket (429, A101); injected ``fail_next`` faults.
* one item (a ``Failed`` entry with the HTTP status as ``Code``): the content rejections
  of PutProfileObject (not JSON, not an object, over 250 KB in UTF-8, empty UNIQUE or
  PROFILE keys, ambiguous standard lookups, the 51,200 KB per-profile quota, strict
  mode's no-matching-profile) and injected ``fail_items`` faults (not ingested).
"""

from __future__ import annotations

from typing import Any

from . import _consistency
from ._errors import ServiceFault, bad_request, not_found
from ._ingest import ingest_object
from ._registry import Context, Request, Response, operation
from ._templates import templates_of

OPERATION = "BatchPutProfileObject"


@operation(OPERATION)
def batch_put_profile_object(ctx: Context, req: Request) -> Response:
    """Ingest up to 10 objects of one type; one result entry per item (spec 2.1-2.3)."""
    domain = ctx.domain(req["DomainName"])
    type_name: str = req["ObjectTypeName"]
    items: list[dict[str, Any]] = req["Items"]
    seen: set[str] = set()
    for item in items:
        if item["Id"] in seen:
            # [A] (A103) ids must correlate results unambiguously.
            raise bad_request(f"Duplicate item Id {item['Id']} in one request")
        seen.add(item["Id"])
    # [A] the type checks of PutProfileObject fail the whole call, before any item.
    if type_name.startswith("_"):
        raise bad_request(f"{type_name} is a standard object type and cannot be ingested")
    if type_name not in domain.object_types and type_name not in templates_of(ctx.settings):
        raise not_found(f"Object type {type_name} does not exist")

    deferred = _consistency.is_deferred(ctx)
    successful: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    for item in items:
        item_id: str = item["Id"]
        injected = ctx.faults.take_item(OPERATION, item_id) if ctx.faults else None
        if injected is not None:
            code, message = injected
            failed.append({"Id": item_id, "Code": code, "Message": message})
            continue
        try:
            if deferred:  # eventual mode: checked now, visible after the delay
                answer = _consistency.accept_ingestion(
                    ctx,
                    {
                        "DomainName": domain.name,
                        "ObjectTypeName": type_name,
                        "Object": item["Object"],
                    },
                )
                key = str(answer["ProfileObjectUniqueKey"])
            else:
                key = ingest_object(ctx, domain, type_name, item["Object"]).unique_key
        except ServiceFault as fault:
            # A failed item never rolls back the others (ingest_object writes nothing
            # when it refuses an object).
            failed.append({"Id": item_id, "Code": fault.status, "Message": fault.message})
            continue
        successful.append({"Id": item_id, "ProfileObjectUniqueKey": key})
    return {"Successful": successful, "Failed": failed}
