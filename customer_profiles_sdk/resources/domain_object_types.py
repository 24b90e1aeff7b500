"""Data Store object types of a domain: ``domain.domain_object_types``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _convert, _service
from .._convert import to_request
from ..errors import ValidationError
from ..models import DomainObjectType, DomainObjectTypeSummary
from ..paging import Paged
from ._base import DomainResource, api, coerce

__all__ = ["DomainObjectTypes"]


class DomainObjectTypes(DomainResource):
    """The Data Store object types of a domain: ``domain.domain_object_types``.

    The Data Store keeps a domain's data for the long term and feeds SQL segmentation
    and predictive insights. A domain object type is a typed field schema of that store:
    fields only (no keys, unlike :class:`ObjectTypes`), each with a ``source``, a
    ``target``, a ``content_type`` (``STRING`` or ``NUMBER``) and a ``feature_type``.
    Creating one needs the domain's Data Store enabled
    (``domain.update(data_store={"enabled": True})``).

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> from customer_profiles_sdk.models import DomainObjectType, DomainObjectTypeField
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-dot", default_expiration_days=365,
        ...                            data_store={"enabled": True})
        >>> item = domain.domain_object_types.put(DomainObjectType(
        ...     object_type_name="Item",
        ...     fields={"title": DomainObjectTypeField(source="_source.title",
        ...                                            target="_item.Title")}))
        >>> item.created_at == item.last_updated_at, sorted(item.fields)
        (True, ['title'])
    """

    __slots__ = ()

    @api("PutDomainObjectType", output=DomainObjectType)
    def put(self, object_type: DomainObjectType | Mapping[str, Any]) -> DomainObjectType:
        """Create or replace a Data Store object type (``PutDomainObjectType``).

        A put replaces the fields, the description and the encryption key as a whole
        (the read-only ``created_at`` and ``last_updated_at`` are never sent); tags are
        added to the type's existing tags. To change one field, read the type with
        :meth:`get`, change it with ``attrs.evolve`` and put it back.

        Args:
            object_type: the definition, a :class:`DomainObjectType` or a mapping of its
                field names (``{"object_type_name": ..., "fields": {...}}``).

        Returns:
            The stored definition, with ``created_at`` and ``last_updated_at``.

        Raises:
            ValidationError: the definition breaks the API's constraints, e.g. no field
                at all or a ``content_type`` other than ``STRING``/``NUMBER`` (nothing
                sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the service rejected the definition, e.g. a new type in a
                domain whose Data Store is not enabled.

        Example:
            >>> import attrs
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models import DomainObjectTypeField
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-dot-put", default_expiration_days=365, data_store={"enabled": True})
            >>> item = domain.domain_object_types.put({
            ...     "object_type_name": "Item", "description": "catalogue items",
            ...     "fields": {"title": {"source": "_source.title", "target": "_item.Title"}}})
            >>> price = DomainObjectTypeField(source="_source.price", target="_item.Price",
            ...                               content_type="NUMBER")
            >>> item = domain.domain_object_types.put(
            ...     attrs.evolve(item, fields={**item.fields, "price": price}))
            >>> sorted(item.fields), item.fields["price"].content_type.value
            (['price', 'title'], 'NUMBER')
        """
        model = coerce(DomainObjectType, object_type)
        request: dict[str, Any] = to_request(model, "PutDomainObjectTypeRequest")
        if not request.get("Fields"):
            # Fields is required and a Data Store type is nothing but its fields: the
            # service refuses an empty map (botocore would send it).
            violation = _service.Violation("Fields", "at least 1 field", "empty")
            raise ValidationError("PutDomainObjectType", [violation])
        response = self._call("PutDomainObjectType", {**request, "DomainName": self._domain})
        return _convert.from_wire(DomainObjectType, response)

    @api("GetDomainObjectType", params={"ObjectTypeName": "name"}, output=DomainObjectType)
    def get(self, name: str) -> DomainObjectType:
        """Read Data Store object type ``name`` (``GetDomainObjectType``).

        Raises:
            ValidationError: ``name`` breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain or the type does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-dot-get", default_expiration_days=365, data_store={"enabled": True})
            >>> _ = domain.domain_object_types.put({"object_type_name": "Item", "fields": {
            ...     "title": {"source": "_source.title", "target": "_item.Title"}}})
            >>> domain.domain_object_types.get("Item").fields["title"].target
            '_item.Title'
        """
        response = self._call(
            "GetDomainObjectType", {"DomainName": self._domain, "ObjectTypeName": name}
        )
        return _convert.from_wire(DomainObjectType, response)

    def exists(self, name: str) -> bool:
        """Whether Data Store object type ``name`` exists (``GetDomainObjectType``).

        A missing domain raises ``ResourceNotFoundError`` (a 404 is checked with
        ``GetDomain``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-dot-exists", default_expiration_days=365)
            >>> domain.domain_object_types.exists("Item")
            False
        """
        return self._exists(
            "GetDomainObjectType", {"DomainName": self._domain, "ObjectTypeName": name}
        )

    @api("ListDomainObjectTypes", output=DomainObjectTypeSummary)
    def list(self) -> Paged[DomainObjectTypeSummary]:
        """The domain's Data Store object types (``ListDomainObjectTypes``), lazily paged.

        Summaries carry no fields; read those with :meth:`get`.

        Raises:
            ResourceNotFoundError: the domain does not exist (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-dot-list", default_expiration_days=365, data_store={"enabled": True})
            >>> for name in ("Item", "Store"):
            ...     _ = domain.domain_object_types.put({"object_type_name": name, "fields": {
            ...         "id": {"source": "_source.id", "target": f"_{name.lower()}.Id"}}})
            >>> [t.object_type_name for t in domain.domain_object_types.list().page_size(1)]
            ['Item', 'Store']
        """
        return self._paged(
            "ListDomainObjectTypes", {"DomainName": self._domain}, DomainObjectTypeSummary
        )

    @api("DeleteDomainObjectType", params={"ObjectTypeName": "name"})
    def delete(self, name: str) -> bool:
        """Delete Data Store object type ``name`` and its Data Store data
        (``DeleteDomainObjectType``).

        Idempotent: deleting a type that does not exist is not an error.

        Returns:
            ``True`` if the type was deleted, ``False`` if it did not exist (a missing
            domain raises ``ResourceNotFoundError``).

        Raises:
            ValidationError: ``name`` breaks the API's constraints (nothing sent).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-dot-delete", default_expiration_days=365, data_store={"enabled": True})
            >>> _ = domain.domain_object_types.put({"object_type_name": "Old", "fields": {
            ...     "id": {"source": "_source.id", "target": "_old.Id"}}})
            >>> domain.domain_object_types.delete("Old"), domain.domain_object_types.delete("Old")
            (True, False)
        """
        return self._delete_if_exists(
            "DeleteDomainObjectType", {"DomainName": self._domain, "ObjectTypeName": name}
        )
