"""Domain layouts: Create/Get/Update/Delete/ListDomainLayouts.

``spec/ingestion-streams-triggers.md`` section 6. A layout is a Profile Explorer view
definition (a JSON component tree, stored verbatim and never parsed [A]). The service
says the five operations "can only be invoked from the Amazon Connect admin website";
the emulator allows them unless the setting ``layouts_admin_website_only`` is on, when
all five answer ``AccessDeniedException``. [A] (A110)
"""

from __future__ import annotations

import copy

from ._domains import merge_tags
from ._errors import ServiceFault, bad_request, not_found
from ._registry import Context, Request, Response, operation
from ._state import DomainRec, LayoutRec

_MEMBERS = ("Description", "DisplayName", "IsDefault", "LayoutType", "Layout")


def _gate(ctx: Context) -> None:
    if ctx.settings.layouts_admin_website_only:
        raise ServiceFault(
            "AccessDeniedException",
            "Domain layouts can only be managed from the Amazon Connect admin website",
        )


def _get(domain: DomainRec, name: str) -> LayoutRec:
    rec = domain.layouts.get(name)
    if rec is None:
        raise not_found(f"Layout {name} does not exist in domain {domain.name}")
    return rec


def _to_wire(rec: LayoutRec, *, summary: bool = False) -> Response:
    out: Response = {"LayoutDefinitionName": rec.name}
    for member in _MEMBERS:
        if summary and member == "Layout":
            continue
        if member in rec.definition:
            out[member] = copy.deepcopy(rec.definition[member])
    out["IsDefault"] = bool(rec.definition.get("IsDefault"))  # [A] absent = false
    if not summary:
        out["Version"] = str(rec.version)  # [A] "1", "2", ... (A111)
    out["CreatedAt"] = rec.created_at
    out["LastUpdatedAt"] = rec.updated_at
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


def _single_default(domain: DomainRec, keep: LayoutRec) -> None:
    """[A] one default layout per domain: setting one clears the others."""
    if keep.definition.get("IsDefault"):
        for rec in domain.layouts.values():
            if rec is not keep and rec.definition.get("IsDefault"):
                rec.definition["IsDefault"] = False


@operation("CreateDomainLayout")
def create_domain_layout(ctx: Context, req: Request) -> Response:
    """CreateDomainLayout (section 6.1): version 1."""
    _gate(ctx)
    domain = ctx.domain(req["DomainName"])
    name: str = req["LayoutDefinitionName"]
    if name in domain.layouts:
        raise bad_request(f"Layout {name} already exists in domain {domain.name}")  # [A]
    definition = {m: copy.deepcopy(req[m]) for m in _MEMBERS if m in req}
    definition["IsDefault"] = bool(definition.get("IsDefault"))
    now = ctx.now()
    rec = LayoutRec(
        name=name, definition=definition, tags={}, version=1, created_at=now, updated_at=now
    )
    merge_tags(rec.tags, req.get("Tags") or {})
    domain.layouts[name] = rec
    _single_default(domain, rec)
    return _to_wire(rec)


@operation("GetDomainLayout")
def get_domain_layout(ctx: Context, req: Request) -> Response:
    """GetDomainLayout (section 6.2)."""
    _gate(ctx)
    domain = ctx.domain(req["DomainName"])
    return _to_wire(_get(domain, req["LayoutDefinitionName"]))


@operation("UpdateDomainLayout")
def update_domain_layout(ctx: Context, req: Request) -> Response:
    """UpdateDomainLayout (section 6.3): present members replace; the version goes up."""
    _gate(ctx)
    domain = ctx.domain(req["DomainName"])
    rec = _get(domain, req["LayoutDefinitionName"])
    for member in _MEMBERS:
        if member in req:
            rec.definition[member] = copy.deepcopy(req[member])
    rec.version += 1  # [A] every successful update, changed or not
    rec.updated_at = ctx.now()
    _single_default(domain, rec)
    return _to_wire(rec)


@operation("DeleteDomainLayout")
def delete_domain_layout(ctx: Context, req: Request) -> Response:
    """DeleteDomainLayout (section 6.4)."""
    _gate(ctx)
    domain = ctx.domain(req["DomainName"])
    name = req["LayoutDefinitionName"]
    _get(domain, name)
    del domain.layouts[name]
    return {"Message": "Layout deleted"}  # [A] message text


@operation("ListDomainLayouts")
def list_domain_layouts(ctx: Context, req: Request) -> Response:
    """ListDomainLayouts (section 6.5): no ``Layout``, no ``Version``; creation order."""
    _gate(ctx)
    domain = ctx.domain(req["DomainName"])
    return {"Items": [_to_wire(rec, summary=True) for rec in domain.layouts.values()]}
