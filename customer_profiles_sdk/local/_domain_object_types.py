"""Data Store object types: Put/Get/List/DeleteDomainObjectType.

``spec/ingestion-streams-triggers.md`` section 3. A domain object type is a typed field
schema of the domain's Data Store (fields only, no keys). Its namespace is separate from
profile object types (the same name may exist as both) and the emulator ingests nothing
into it. [A]
"""

from __future__ import annotations

import copy
from typing import Any

from ._domains import merge_tags
from ._errors import bad_request, not_found
from ._registry import Context, Request, Response, operation
from ._state import DomainObjectTypeRec, DomainRec

#: [A] No per-domain quota is published: ``None`` = unlimited. Module-level so a test
#: (or a user) can set one.
MAX_DOMAIN_OBJECT_TYPES: int | None = None

_DEFINITION_MEMBERS = ("Description", "EncryptionKey", "Fields")


def data_store_enabled(domain: DomainRec) -> bool:
    """Whether the domain's ``DataStore.Enabled`` is true."""
    return bool((domain.config.get("DataStore") or {}).get("Enabled"))


def _to_wire(rec: DomainObjectTypeRec) -> Response:
    out: Response = {"ObjectTypeName": rec.name}
    for member in _DEFINITION_MEMBERS:
        if member in rec.definition:
            out[member] = copy.deepcopy(rec.definition[member])
    out["CreatedAt"] = rec.created_at
    out["LastUpdatedAt"] = rec.updated_at
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


def _get(domain: DomainRec, name: str) -> DomainObjectTypeRec:
    rec = domain.domain_object_types.get(name)
    if rec is None:
        raise not_found(f"Domain object type {name} does not exist in domain {domain.name}")
    return rec


@operation("PutDomainObjectType")
def put_domain_object_type(ctx: Context, req: Request) -> Response:
    """PutDomainObjectType (section 3.1): create or replace a Data Store object type."""
    domain = ctx.domain(req["DomainName"])
    name: str = req["ObjectTypeName"]
    fields: dict[str, Any] = req["Fields"]
    if not fields:
        raise bad_request("Fields must contain at least one field")  # [A] {} reaches us
    existing = domain.domain_object_types.get(name)
    if existing is None:
        if not data_store_enabled(domain):
            # [B] "Data Store needs to be enabled"; [A] BadRequest, creation only.
            raise bad_request(
                "To create a new DomainObjectType, Data Store needs to be enabled on the Domain"
            )
        limit = MAX_DOMAIN_OBJECT_TYPES
        if limit is not None and len(domain.domain_object_types) >= limit:
            raise bad_request(f"A domain can have at most {limit} domain object types")
    # [A] Source and Target syntax is undocumented: stored verbatim, not parsed.
    definition = {m: copy.deepcopy(req[m]) for m in _DEFINITION_MEMBERS if m in req}
    now = ctx.now()
    if existing is None:
        rec = DomainObjectTypeRec(
            name=name, definition=definition, tags={}, created_at=now, updated_at=now
        )
        merge_tags(rec.tags, req.get("Tags") or {})
        domain.domain_object_types[name] = rec
        return _to_wire(rec)
    # [A] replacement: members replaced wholesale, CreatedAt kept, tags merged.
    tags = dict(existing.tags)
    merge_tags(tags, req.get("Tags") or {})
    existing.definition = definition
    existing.tags = tags
    existing.updated_at = now
    return _to_wire(existing)


@operation("GetDomainObjectType")
def get_domain_object_type(ctx: Context, req: Request) -> Response:
    """GetDomainObjectType (section 3.2)."""
    domain = ctx.domain(req["DomainName"])
    return _to_wire(_get(domain, req["ObjectTypeName"]))


@operation("ListDomainObjectTypes")
def list_domain_object_types(ctx: Context, req: Request) -> Response:
    """ListDomainObjectTypes (section 3.3): creation order, no ``Fields``."""
    domain = ctx.domain(req["DomainName"])
    items = []
    for rec in domain.domain_object_types.values():
        item = _to_wire(rec)
        item.pop("Fields", None)
        item.pop("EncryptionKey", None)
        items.append(item)
    return {"Items": items}


@operation("DeleteDomainObjectType")
def delete_domain_object_type(ctx: Context, req: Request) -> Response:
    """DeleteDomainObjectType (section 3.4): empty output."""
    domain = ctx.domain(req["DomainName"])
    name = req["ObjectTypeName"]
    _get(domain, name)
    del domain.domain_object_types[name]
    return {}
