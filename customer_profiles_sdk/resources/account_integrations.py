"""Account-level integration lookup: ``cp.integrations``."""

from __future__ import annotations

from ..models.integration import Integration
from ..paging import Paged
from ._base import Resource, api

__all__ = ["AccountIntegrations"]


class AccountIntegrations(Resource):
    """Integrations across all domains of the account: ``cp.integrations``.

    Use it to find which domain a source URI is integrated with; the integrations of
    one domain are at ``cp.domain(name).integrations``.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> cp.integrations.list("s3://not-integrated").to_list()
        []
    """

    __slots__ = ()

    @api("ListAccountIntegrations", bound=(), output=Integration)
    def list(self, uri: str, *, include_hidden: bool = False) -> Paged[Integration]:
        """The integrations of ``uri`` in any domain (``ListAccountIntegrations``).

        A URI is integrated with one domain at most, so this yields zero or one
        integration in practice; it is paged like every list.

        Args:
            uri: the source URI to look up.
            include_hidden: also list the integrations the service hides by default.

        Raises:
            ValidationError: ``uri`` is empty or longer than 255 characters (raised when
                iterating; nothing sent).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-account-integrations", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-account-integrations", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> _ = domain.integrations.put("s3://orders", object_type_name="Order")
            >>> [i.domain_name for i in cp.integrations.list("s3://orders")]
            ['docs-account-integrations']
        """
        params = {"Uri": uri, "IncludeHidden": True if include_hidden else None}
        return self._paged("ListAccountIntegrations", params, Integration)
