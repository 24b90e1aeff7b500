"""The object-type templates AWS provides: ``cp.templates`` (account level)."""

from __future__ import annotations

from .. import _convert
from ..errors import ResourceNotFoundError
from ..models.object_type import ObjectTypeTemplate, TemplateSummary
from ..paging import Paged
from ._base import Resource, api

__all__ = ["Templates"]


class Templates(Resource):
    """Predefined object types (``Salesforce-Account``, ``Zendesk-users``, ``CTR``...).

    Use one by naming it in an object type (``ObjectType(..., template_id=...)``), or
    put objects whose object type name is the template id.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> "Salesforce-Account" in [t.template_id for t in cp.templates.list()]
        True
    """

    __slots__ = ()

    @api("ListProfileObjectTypeTemplates", bound=(), output=TemplateSummary)
    def list(self) -> Paged[TemplateSummary]:
        """Every template (``ListProfileObjectTypeTemplates``), lazily paged.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> first = CustomerProfiles.local().templates.list().first()
            >>> first.template_id, first.source_name
            ('CTR', 'AmazonConnect')
        """
        return self._paged("ListProfileObjectTypeTemplates", {}, TemplateSummary)

    @api("GetProfileObjectTypeTemplate", bound=(), output=ObjectTypeTemplate)
    def get(self, template_id: str) -> ObjectTypeTemplate:
        """Read one template's mapping (``GetProfileObjectTypeTemplate``).

        Args:
            template_id: the template id, e.g. ``"Salesforce-Account"``.

        Raises:
            ValidationError: ``template_id`` breaks the API's constraints (nothing sent).
            ResourceNotFoundError: there is no such template.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> template = CustomerProfiles.local().templates.get("Salesforce-Account")
            >>> template.source_object, template.fields["name"].target
            ('Account', '_profile.BusinessName')
        """
        response = self._call("GetProfileObjectTypeTemplate", {"TemplateId": template_id})
        return _convert.from_wire(ObjectTypeTemplate, response)

    def exists(self, template_id: str) -> bool:
        """Whether template ``template_id`` exists (``GetProfileObjectTypeTemplate``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> CustomerProfiles.local().templates.exists("No-Such-Template")
            False
        """
        try:
            self._call("GetProfileObjectTypeTemplate", {"TemplateId": template_id})
        except ResourceNotFoundError:
            return False
        return True

    def __repr__(self) -> str:
        return "Templates()"
