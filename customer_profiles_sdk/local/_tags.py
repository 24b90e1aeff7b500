"""Tag handlers (spec 12): TagResource, UntagResource, ListTagsForResource.

Taggable resources and their ARNs (spec 1.4, D17):
``arn:{partition}:profile:{region}:{account}:domains/{DomainName}`` and, below it,
``/object-types/{Name}``, ``/integrations/{Uri}``, ``/calculated-attributes/{Name}``,
``/event-streams/{Name}``, ``/event-triggers/{Name}``, ``/layouts/{Name}`` and
``/domain-object-types/{Name}`` (spec/ingestion-streams-triggers.md 1.2), plus what
capability modules register in :data:`CHILD_TAGS`. Tags live in the ``tags`` dict of
each record.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._domains import merge_tags
from ._errors import bad_request, not_found
from ._registry import Context, Request, Response, operation
from ._state import DomainRec

_ARN = re.compile(
    r"^arn:(?P<partition>[a-z0-9-]{1,10}):profile:(?P<region>[a-z0-9-]*):"
    r"(?P<account>[0-9]*):domains/(?P<domain>[a-zA-Z0-9_-]+)(?P<rest>/.*)?$"
)
_CHILD = re.compile(r"^/(?P<kind>[a-z-]+)/(?P<name>[^/]+)$")
_INTEGRATIONS = "/integrations/"

#: Taggable resources below a domain, by ARN segment (``object-types`` ...): what the
#: resource is called in messages, and its live ``tags`` by name (``None``: no such
#: resource). Capability modules add their own resources here.
CHILD_TAGS: dict[str, tuple[str, Callable[[DomainRec, str], dict[str, str] | None]]] = {
    "object-types": ("Object type", lambda d, n: o.tags if (o := d.object_types.get(n)) else None),
    "calculated-attributes": (
        "Calculated attribute",
        lambda d, n: a.tags if (a := d.calculated_attributes.get(n)) else None,
    ),
    # Domain configuration (issue 11, spec/ingestion-streams-triggers.md 1.2).
    "event-streams": (
        "Event stream",
        lambda d, n: e.tags if (e := d.event_streams.get(n)) else None,
    ),
    "event-triggers": (
        "Event trigger",
        lambda d, n: t.tags if (t := d.event_triggers.get(n)) else None,
    ),
    "layouts": ("Layout", lambda d, n: y.tags if (y := d.layouts.get(n)) else None),
    "domain-object-types": (
        "Domain object type",
        lambda d, n: o.tags if (o := d.domain_object_types.get(n)) else None,
    ),
}


def resource_tags(ctx: Context, arn: str) -> dict[str, str]:
    """The live ``tags`` dict of the resource named by ``arn``.

    Raises:
        ServiceFault: ``BadRequestException`` for an ARN that names no profile resource
            type; ``ResourceNotFoundException`` for an unknown resource, or one of another
            account or region [A].
    """
    found = _ARN.match(arn)
    if found is None:
        raise bad_request("resourceArn is not a Customer Profiles resource ARN")  # [A]
    if found["region"] != ctx.region or found["account"] != ctx.account_id:
        # [A] another account's/region's resource: not found (spec 16 #25).
        raise not_found("The resource does not exist")
    domain = ctx.domain(found["domain"])
    rest = found["rest"] or ""
    if not rest:
        return domain.tags
    if rest.startswith(_INTEGRATIONS):
        # The Uri may itself contain "/" and ":" - everything after /integrations/.
        integration = domain.integrations.get(rest[len(_INTEGRATIONS) :])
        if integration is None:
            raise not_found(f"Integration does not exist in domain {domain.name}")
        return integration.tags
    child = _CHILD.match(rest)
    entry = CHILD_TAGS.get(child["kind"]) if child is not None else None
    if child is None or entry is None:
        raise bad_request("resourceArn names no taggable resource type")  # [A]
    label, lookup = entry
    tags = lookup(domain, child["name"])
    if tags is None:
        raise not_found(f"{label} {child['name']} does not exist in domain {domain.name}")
    return tags


@operation("TagResource")
def tag_resource(ctx: Context, req: Request) -> Response:
    """TagResource (spec 12.1): add tags; an existing key takes the new value."""
    merge_tags(resource_tags(ctx, req["resourceArn"]), req["tags"])
    return {}


@operation("UntagResource")
def untag_resource(ctx: Context, req: Request) -> Response:
    """UntagResource (spec 12.2): remove keys; absent keys are ignored [A]."""
    tags = resource_tags(ctx, req["resourceArn"])
    for key in req["tagKeys"]:
        tags.pop(key, None)
    return {}


@operation("ListTagsForResource")
def list_tags_for_resource(ctx: Context, req: Request) -> Response:
    """ListTagsForResource (spec 12.3): ``{"tags": {...}}``."""
    tags = resource_tags(ctx, req["resourceArn"])
    # Spec 12.3: an untagged resource answers {"tags": {}} (issue 15 item 8), although
    # the model gives TagMap a minimum of one entry; botocore parses it as {}.
    return {"tags": dict(tags)}
