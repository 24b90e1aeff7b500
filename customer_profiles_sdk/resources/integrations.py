"""Integrations of one domain: ``domain.integrations``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .. import _convert, _service
from .._convert import to_request
from ..errors import ValidationError
from ..models.integration import FlowDefinition, Integration, IntegrationScope
from ..paging import Paged
from ._base import DomainResource, api, as_map, coerce, value_list

__all__ = ["Integrations"]


class Integrations(DomainResource):
    """The integrations of a domain: ``cp.domain("retail").integrations``.

    An integration connects a source (an S3 bucket, an AppFlow flow, Amazon Connect,
    Segment, Shopify...) identified by its URI to object types of the domain. A URI
    belongs to one domain at most (see :meth:`CustomerProfiles.integrations
    <customer_profiles_sdk.CustomerProfiles.integrations>` to find which).

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-integrations", default_expiration_days=30)
        >>> _ = cp.client.put_profile_object_type(
        ...     DomainName="docs-integrations", ObjectTypeName="Order", Description="orders",
        ...     TemplateId="Shopify-Order")
        >>> _ = domain.integrations.put("s3://orders", object_type_name="Order")
        >>> [i.uri for i in domain.integrations.list()]
        ['s3://orders']
    """

    __slots__ = ()

    @api("PutIntegration", output=Integration)
    def put(
        self,
        uri: str | None = None,
        *,
        object_type_name: str | None = None,
        object_type_names: Mapping[str, str] | None = None,
        flow_definition: FlowDefinition | Mapping[str, Any] | None = None,
        role_arn: str | None = None,
        event_trigger_names: Sequence[str] | None = None,
        scope: IntegrationScope | str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Integration:
        """Create or replace the integration of ``uri`` (``PutIntegration``).

        Give exactly one of ``object_type_name`` and ``object_type_names``. Putting an
        existing URI again replaces its definition; its creation time and its tags stay
        (``tags`` apply when the integration is created; change them later with
        ``cp.tags``).

        Args:
            uri: the source, e.g. an S3 URI, an Amazon Connect instance ARN or an
                AppFlow flow ARN. May be omitted with ``flow_definition``: the service
                then creates the flow and names the integration after it.
            object_type_name: the object type every record of the source maps to.
            object_type_names: event type -> object type, for sources that send several
                kinds of records (``{"ShopifyCreateOrders": "Order"}``).
            flow_definition: an AppFlow flow to create for a Salesforce, Marketo,
                Zendesk, ServiceNow or S3 source.
            role_arn: the IAM role the service assumes to write to the domain.
            event_trigger_names: the event trigger (one at most, by name, see
                ``domain.event_triggers``) whose action this integration is: when an
                ingested object meets the trigger's conditions, the service starts it.
            scope: ``PROFILE`` (the default) or ``DOMAIN``.
            tags: tags of the integration.

        Returns:
            The integration as stored.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: an object type does not exist, the URI is integrated with
                another domain, or the service rejected the request.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-integration-put", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-integration-put", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> integration = domain.integrations.put(
            ...     "s3://orders", object_type_name="Order", tags={"team": "data"})
            >>> integration.object_type_name, integration.tags
            ('Order', {'team': 'data'})
        """
        params = {
            "DomainName": self._domain,
            "Uri": uri,
            "ObjectTypeName": object_type_name,
            "ObjectTypeNames": None if object_type_names is None else dict(object_type_names),
            "FlowDefinition": None
            if flow_definition is None
            else to_request(coerce(FlowDefinition, flow_definition), "FlowDefinition"),
            "RoleArn": role_arn,
            "EventTriggerNames": None
            if event_trigger_names is None
            else value_list("PutIntegration", "EventTriggerNames", event_trigger_names),
            "Scope": None if scope is None else _convert.converter.unstructure(scope),
            "Tags": as_map(tags),
        }
        response = self._call("PutIntegration", params)
        return _convert.from_wire(Integration, response)

    @api("GetIntegration", output=Integration)
    def get(self, uri: str) -> Integration:
        """Read the integration of ``uri`` (``GetIntegration``).

        Raises:
            ValidationError: ``uri`` is empty or longer than 255 characters (nothing sent).
            ResourceNotFoundError: the domain or the integration does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-integration-get", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-integration-get", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> _ = domain.integrations.put("s3://orders", object_type_name="Order")
            >>> domain.integrations.get("s3://orders").domain_name
            'docs-integration-get'
        """
        response = self._call("GetIntegration", {"DomainName": self._domain, "Uri": uri})
        return _convert.from_wire(Integration, response)

    def exists(self, uri: str) -> bool:
        """Whether the domain has an integration for ``uri`` (``GetIntegration``).

        Raises:
            ValidationError: ``uri`` is empty or longer than 255 characters (nothing sent).
            ResourceNotFoundError: the domain does not exist (a ``GetDomain`` tells it
                from a missing integration).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-integration-exists", default_expiration_days=30)
            >>> domain.integrations.exists("s3://nothing-here")
            False
        """
        return self._exists("GetIntegration", {"DomainName": self._domain, "Uri": uri})

    @api("ListIntegrations", output=Integration)
    def list(self, *, include_hidden: bool = False) -> Paged[Integration]:
        """The domain's integrations (``ListIntegrations``), lazily paged.

        Args:
            include_hidden: also list the integrations the service hides by default.

        Raises:
            ValidationError: ``include_hidden`` is not a ``bool`` (``"no"`` would read
                as true); raised at once, nothing sent.
            ResourceNotFoundError: the domain does not exist (when iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-integration-list", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-integration-list", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> for uri in ("s3://a", "s3://b"):
            ...     _ = domain.integrations.put(uri, object_type_name="Order")
            >>> [i.uri for i in domain.integrations.list().page_size(1)]
            ['s3://a', 's3://b']
        """
        # IncludeHidden is sent only when asked for (the service defaults to false).
        if not isinstance(include_hidden, bool):
            got = f"got {type(include_hidden).__name__}"
            raise ValidationError(
                "ListIntegrations", [_service.Violation("IncludeHidden", "a boolean", got)]
            )
        params = {"DomainName": self._domain, "IncludeHidden": True if include_hidden else None}
        return self._paged("ListIntegrations", params, Integration)

    @api("DeleteIntegration", returns=("Message",))
    def delete(self, uri: str) -> bool:
        """Remove the integration of ``uri`` (``DeleteIntegration``).

        Idempotent; the data already ingested through it stays in the domain.

        Returns:
            ``True`` if the integration was deleted (also when an earlier attempt
            committed and its retry found nothing), ``False`` if it did not exist.

        Raises:
            ValidationError: ``uri`` is empty or longer than 255 characters (nothing sent).
            ResourceNotFoundError: the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-integration-del", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-integration-del", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> _ = domain.integrations.put("s3://orders", object_type_name="Order")
            >>> domain.integrations.delete("s3://orders"), domain.integrations.delete("s3://orders")
            (True, False)
        """
        return self._delete_if_exists("DeleteIntegration", {"DomainName": self._domain, "Uri": uri})
