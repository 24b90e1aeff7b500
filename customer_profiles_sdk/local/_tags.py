"""Tag handlers (spec 12): TagResource, UntagResource, ListTagsForResource.

Taggable resources and their ARNs (spec 1.4, D17):
``arn:{partition}:profile:{region}:{account}:domains/{DomainName}`` and, below it,
``/object-types/{Name}``, ``/integrations/{Uri}``, ``/calculated-attributes/{Name}`` and
``/segment-definitions/{Name}`` (segments spec 0 [A]).
Tags live in the ``tags`` dict of each record.
"""

from __future__ import annotations

import re

from ._domains import merge_tags
from ._errors import bad_request, not_found
from ._registry import Context, Request, Response, operation

_ARN = re.compile(
    r"^arn:(?P<partition>[a-z0-9-]{1,10}):profile:(?P<region>[a-z0-9-]*):"
    r"(?P<account>[0-9]*):domains/(?P<domain>[a-zA-Z0-9_-]+)(?P<rest>/.*)?$"
)
_CHILD = re.compile(
    r"^/(?P<kind>object-types|calculated-attributes|segment-definitions)/(?P<name>[^/]+)$"
)
_INTEGRATIONS = "/integrations/"


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
    if child is None:
        raise bad_request("resourceArn names no taggable resource type")  # [A]
    name = child["name"]
    if child["kind"] == "object-types":
        object_type = domain.object_types.get(name)
        if object_type is None:
            raise not_found(f"Object type {name} does not exist in domain {domain.name}")
        return object_type.tags
    if child["kind"] == "segment-definitions":
        segment = domain.segments.definitions.get(name)
        if segment is None:
            raise not_found(f"Segment definition {name} does not exist in domain {domain.name}")
        return segment.tags
    attribute = domain.calculated_attributes.get(name)
    if attribute is None:
        raise not_found(f"Calculated attribute {name} does not exist in domain {domain.name}")
    return attribute.tags


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
    # [A] the model gives TagMap a minimum of 1 entry, so an untagged resource answers
    # ``{}`` (no ``tags`` member) rather than the spec's ``{"tags": {}}``.
    return {"tags": dict(tags)} if tags else {}
