"""Integration handlers (spec 11): Put/Get/Delete/ListIntegrations, ListAccountIntegrations."""

from __future__ import annotations

import copy
from typing import Any

from ._domains import merge_tags
from ._errors import bad_request, not_found
from ._event_triggers import check_integration_triggers
from ._registry import Context, Request, Response, operation
from ._state import DomainRec, IntegrationRec
from ._templates import templates_of

#: Integrations per domain (spec 14.1, D11).
MAX_INTEGRATIONS = 50

#: PutIntegration members stored in :attr:`IntegrationRec.definition`.
_DEFINITION_MEMBERS = (
    "ObjectTypeName",
    "ObjectTypeNames",
    "RoleArn",
    "EventTriggerNames",
    "Scope",
    "FlowDefinition",
)
#: Members echoed by Get/Put/ListIntegrations (FlowDefinition is not part of the output);
#: ``WorkflowId`` is set on the integration an integration workflow creates (_workflows.py).
_ECHOED = ("ObjectTypeName", "ObjectTypeNames", "RoleArn", "EventTriggerNames", "WorkflowId")


def integration_to_wire(domain_name: str, rec: IntegrationRec) -> Response:
    """The Get/Put/ListIntegrations rendering of an integration."""
    out: Response = {"DomainName": domain_name, "Uri": rec.uri}
    for name in _ECHOED:
        value = rec.definition.get(name)
        if value:
            out[name] = copy.deepcopy(value)
    out["CreatedAt"] = rec.created_at
    out["LastUpdatedAt"] = rec.updated_at
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    out["IsUnstructured"] = False  # [A] no unstructured (workflow) integrations
    out["Scope"] = rec.definition.get("Scope", "PROFILE")  # [A] default scope reported
    return out


def _resolve_uri(ctx: Context, req: Request) -> str:
    uri = req.get("Uri")
    if uri:
        return str(uri)
    flow = req.get("FlowDefinition")
    if flow:
        # [A] an AppFlow integration is named after its flow.
        return f"arn:aws:appflow:{ctx.region}:{ctx.account_id}:flow/{flow['FlowName']}"
    raise bad_request("Uri is required unless FlowDefinition is given")


def _check_object_types(ctx: Context, domain: DomainRec, req: Request) -> None:
    single = req.get("ObjectTypeName")
    mapping: dict[str, str] = req.get("ObjectTypeNames") or {}
    if bool(single) == bool(mapping):
        # [A] exactly one of the two forms.
        raise bad_request("Exactly one of ObjectTypeName and ObjectTypeNames is required")
    names = [single] if single else list(mapping.values())
    templates = templates_of(ctx.settings)
    for name in names:
        if name in domain.object_types:
            continue
        if name not in templates:
            # [A] a template id is accepted as an implicit object type.
            raise bad_request(f"Object type {name} does not exist in domain {domain.name}")


@operation("PutIntegration")
def put_integration(ctx: Context, req: Request) -> Response:
    """PutIntegration (spec 11.1): upsert keyed by (domain, Uri)."""
    domain = ctx.domain(req["DomainName"])
    uri = _resolve_uri(ctx, req)
    _check_object_types(ctx, domain, req)
    check_integration_triggers(domain, uri, req.get("EventTriggerNames") or [])
    for other in ctx.regional.domains.values():
        if other.name != domain.name and uri in other.integrations:
            # [S] an integration belongs to one domain; [A] BadRequest.
            raise bad_request("The Uri is already integrated with another domain")
    existing = domain.integrations.get(uri)
    if existing is None and len(domain.integrations) >= MAX_INTEGRATIONS:
        raise bad_request(f"A domain can have at most {MAX_INTEGRATIONS} integrations")
    definition: dict[str, Any] = {
        name: copy.deepcopy(req[name]) for name in _DEFINITION_MEMBERS if req.get(name)
    }
    now = ctx.now()
    if existing is None:
        rec = IntegrationRec(uri=uri, definition={}, tags={}, created_at=now, updated_at=now)
        merge_tags(rec.tags, req.get("Tags") or {})
    else:
        # D409 (spec 18): Tags sent to an existing integration change nothing; tags
        # change through TagResource/UntagResource.
        rec = existing
    rec.definition = definition
    rec.updated_at = now
    domain.integrations[uri] = rec
    return integration_to_wire(domain.name, rec)


@operation("GetIntegration")
def get_integration(ctx: Context, req: Request) -> Response:
    """GetIntegration (spec 11.2)."""
    domain = ctx.domain(req["DomainName"])
    rec = domain.integrations.get(req["Uri"])
    if rec is None:
        raise not_found(f"Integration does not exist in domain {domain.name}")
    return integration_to_wire(domain.name, rec)


@operation("DeleteIntegration")
def delete_integration(ctx: Context, req: Request) -> Response:
    """DeleteIntegration (spec 11.3): ingested data stays [A]."""
    domain = ctx.domain(req["DomainName"])
    if domain.integrations.pop(req["Uri"], None) is None:
        raise not_found(f"Integration does not exist in domain {domain.name}")
    return {"Message": "Integration deleted"}  # [A] message text


@operation("ListIntegrations")
def list_integrations(ctx: Context, req: Request) -> Response:
    """ListIntegrations (spec 11.4): creation order; no hidden integrations exist [A]."""
    domain = ctx.domain(req["DomainName"])
    recs = sorted(domain.integrations.values(), key=lambda r: r.created_at)
    return {"Items": [integration_to_wire(domain.name, r) for r in recs]}


@operation("ListAccountIntegrations")
def list_account_integrations(ctx: Context, req: Request) -> Response:
    """ListAccountIntegrations (spec 11.5): the integrations of ``Uri`` in the region."""
    uri = req["Uri"]
    items = []
    for name in list(ctx.regional.domains):
        domain = ctx.domain(name)
        rec = domain.integrations.get(uri)
        if rec is not None:
            items.append(integration_to_wire(domain.name, rec))
    return {"Items": items}
