"""Tags of any Customer Profiles resource, by ARN: ``cp.tags``; and the ARN builders.

The API returns no ARN for the resources it tags, so the functions below build them
from the documented templates::

    arn:{partition}:profile:{region}:{account}:domains/{domain}
    arn:{partition}:profile:{region}:{account}:domains/{domain}/object-types/{name}
    arn:{partition}:profile:{region}:{account}:domains/{domain}/integrations/{uri}
    arn:{partition}:profile:{region}:{account}:domains/{domain}/calculated-attributes/{name}
    arn:{partition}:profile:{region}:{account}:domains/{domain}/domain-object-types/{name}
    arn:{partition}:profile:{region}:{account}:domains/{domain}/event-streams/{name}
    arn:{partition}:profile:{region}:{account}:domains/{domain}/event-triggers/{name}
    arn:{partition}:profile:{region}:{account}:domains/{domain}/layouts/{name}

The SDK does not know your account id (it would take an extra STS call); pass it. The
embedded emulator's account is ``LocalBackend.account_id`` (``123456789012`` by default).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ._base import Resource, api

__all__ = [
    "Tags",
    "calculated_attribute_arn",
    "domain_arn",
    "domain_object_type_arn",
    "event_stream_arn",
    "event_trigger_arn",
    "integration_arn",
    "layout_arn",
    "object_type_arn",
]


def domain_arn(domain_name: str, *, region: str, account_id: str, partition: str = "aws") -> str:
    """The ARN of a domain.

    Args:
        domain_name: the domain.
        region: the domain's region (e.g. ``cp.region_name``).
        account_id: the AWS account id that owns the domain.
        partition: the AWS partition.

    Example:
        >>> domain_arn("retail", region="us-east-1", account_id="123456789012")
        'arn:aws:profile:us-east-1:123456789012:domains/retail'
    """
    return f"arn:{partition}:profile:{region}:{account_id}:domains/{domain_name}"


def object_type_arn(
    domain_name: str,
    object_type_name: str,
    *,
    region: str,
    account_id: str,
    partition: str = "aws",
) -> str:
    """The ARN of an object type of a domain (see :func:`domain_arn` for the arguments).

    Example:
        >>> object_type_arn("retail", "Order", region="us-east-1", account_id="123456789012")
        'arn:aws:profile:us-east-1:123456789012:domains/retail/object-types/Order'
    """
    base = domain_arn(domain_name, region=region, account_id=account_id, partition=partition)
    return f"{base}/object-types/{object_type_name}"


def integration_arn(
    domain_name: str,
    uri: str,
    *,
    region: str,
    account_id: str,
    partition: str = "aws",
) -> str:
    """The ARN of the integration of ``uri`` in a domain (see :func:`domain_arn`).

    The URI is appended as it is (it may contain ``/`` and ``:``).

    Example:
        >>> integration_arn("retail", "s3://orders", region="us-east-1",
        ...                 account_id="123456789012")
        'arn:aws:profile:us-east-1:123456789012:domains/retail/integrations/s3://orders'
    """
    base = domain_arn(domain_name, region=region, account_id=account_id, partition=partition)
    return f"{base}/integrations/{uri}"


def calculated_attribute_arn(
    domain_name: str,
    calculated_attribute_name: str,
    *,
    region: str,
    account_id: str,
    partition: str = "aws",
) -> str:
    """The ARN of a calculated attribute definition (see :func:`domain_arn`).

    Example:
        >>> calculated_attribute_arn("retail", "total_spend", region="us-east-1",
        ...                          account_id="123456789012")
        'arn:aws:profile:us-east-1:123456789012:domains/retail/calculated-attributes/total_spend'
    """
    base = domain_arn(domain_name, region=region, account_id=account_id, partition=partition)
    return f"{base}/calculated-attributes/{calculated_attribute_name}"


def domain_object_type_arn(
    domain_name: str, object_type_name: str, *, region: str, account_id: str, partition: str = "aws"
) -> str:
    """The ARN of a Data Store object type (see :func:`domain_arn`).

    Example:
        >>> domain_object_type_arn("retail", "Product", region="us-east-1",
        ...                        account_id="123456789012")
        'arn:aws:profile:us-east-1:123456789012:domains/retail/domain-object-types/Product'
    """
    base = domain_arn(domain_name, region=region, account_id=account_id, partition=partition)
    return f"{base}/domain-object-types/{object_type_name}"


def event_stream_arn(
    domain_name: str,
    event_stream_name: str,
    *,
    region: str,
    account_id: str,
    partition: str = "aws",
) -> str:
    """The ARN of an event stream (see :func:`domain_arn`); ``EventStream.event_stream_arn``
    has it too.

    Example:
        >>> event_stream_arn("retail", "export", region="us-east-1", account_id="123456789012")
        'arn:aws:profile:us-east-1:123456789012:domains/retail/event-streams/export'
    """
    base = domain_arn(domain_name, region=region, account_id=account_id, partition=partition)
    return f"{base}/event-streams/{event_stream_name}"


def event_trigger_arn(
    domain_name: str,
    event_trigger_name: str,
    *,
    region: str,
    account_id: str,
    partition: str = "aws",
) -> str:
    """The ARN of an event trigger (see :func:`domain_arn`).

    Example:
        >>> event_trigger_arn("retail", "big-order", region="us-east-1",
        ...                   account_id="123456789012")
        'arn:aws:profile:us-east-1:123456789012:domains/retail/event-triggers/big-order'
    """
    base = domain_arn(domain_name, region=region, account_id=account_id, partition=partition)
    return f"{base}/event-triggers/{event_trigger_name}"


def layout_arn(
    domain_name: str, layout_name: str, *, region: str, account_id: str, partition: str = "aws"
) -> str:
    """The ARN of a domain layout (see :func:`domain_arn`).

    Example:
        >>> layout_arn("retail", "agent-view", region="us-east-1", account_id="123456789012")
        'arn:aws:profile:us-east-1:123456789012:domains/retail/layouts/agent-view'
    """
    base = domain_arn(domain_name, region=region, account_id=account_id, partition=partition)
    return f"{base}/layouts/{layout_name}"


class Tags(Resource):
    """Tags of domains, object types, integrations, calculated attributes, Data Store
    object types, event streams, event triggers and layouts: ``cp.tags``.

    Resources are named by ARN; build one with :func:`domain_arn`,
    :func:`object_type_arn`, :func:`integration_arn`, :func:`calculated_attribute_arn`,
    :func:`domain_object_type_arn`, :func:`event_stream_arn`, :func:`event_trigger_arn`
    or :func:`layout_arn`.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> _ = cp.domains.create("docs-tags", default_expiration_days=30)
        >>> arn = domain_arn("docs-tags", region=cp.region_name, account_id="123456789012")
        >>> cp.tags.add(arn, {"env": "dev", "team": "data"})
        >>> cp.tags.remove(arn, ["team"])
        >>> cp.tags.list(arn)
        {'env': 'dev'}
    """

    __slots__ = ()

    @api("ListTagsForResource", bound=(), params={"resourceArn": "arn"}, returns=("tags",))
    def list(self, arn: str) -> dict[str, str]:
        """The tags of the resource ``arn`` (``ListTagsForResource``).

        Returns:
            Tag key -> value; empty when the resource has no tags.

        Raises:
            ValidationError: ``arn`` is not a Customer Profiles ARN (nothing sent).
            ResourceNotFoundError: the resource does not exist.
            BadRequestError: the ARN names no taggable resource.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> _ = cp.domains.create("docs-tags-list", default_expiration_days=30,
            ...                       tags={"env": "dev"})
            >>> cp.tags.list(domain_arn("docs-tags-list", region="us-east-1",
            ...                         account_id="123456789012"))
            {'env': 'dev'}
        """
        response = self._call("ListTagsForResource", {"resourceArn": arn})
        return dict(response.get("tags") or {})

    @api("TagResource", bound=(), params={"resourceArn": "arn"})
    def add(self, arn: str, tags: Mapping[str, str]) -> None:
        """Add ``tags`` to the resource ``arn`` (``TagResource``).

        A key the resource already has takes the new value. An empty mapping sends
        nothing.

        Raises:
            ValidationError: a bad ARN, tag key (1 to 128 characters, not starting
                with ``aws:``) or value (at most 256 characters); nothing sent.
            ResourceNotFoundError: the resource does not exist.
            BadRequestError: the resource would have more than 50 tags, or the ARN
                names no taggable resource.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> _ = cp.domains.create("docs-tags-add", default_expiration_days=30)
            >>> arn = domain_arn("docs-tags-add", region="us-east-1", account_id="123456789012")
            >>> cp.tags.add(arn, {"env": "dev"})
            >>> cp.tags.add(arn, {"env": "prod"})
            >>> cp.tags.list(arn)
            {'env': 'prod'}
        """
        if not tags:
            return
        self._call("TagResource", {"resourceArn": arn, "tags": dict(tags)})

    @api("UntagResource", bound=(), params={"resourceArn": "arn", "tagKeys": "keys"})
    def remove(self, arn: str, keys: Iterable[str]) -> None:
        """Remove the tags ``keys`` from the resource ``arn`` (``UntagResource``).

        Keys the resource does not have are ignored; a single string is one key. No
        keys sends nothing.

        Raises:
            ValidationError: a bad ARN or tag key, or more than 50 keys; nothing sent.
            ResourceNotFoundError: the resource does not exist.
            BadRequestError: the ARN names no taggable resource.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> _ = cp.domains.create("docs-tags-remove", default_expiration_days=30,
            ...                       tags={"env": "dev", "team": "data"})
            >>> arn = domain_arn("docs-tags-remove", region="us-east-1",
            ...                  account_id="123456789012")
            >>> cp.tags.remove(arn, ["team", "no-such-key"])
            >>> cp.tags.list(arn)
            {'env': 'dev'}
        """
        tag_keys = [keys] if isinstance(keys, str) else [*keys]
        if not tag_keys:
            return
        self._call("UntagResource", {"resourceArn": arn, "tagKeys": tag_keys})
