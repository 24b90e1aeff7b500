"""Object types (ingestion mappings) of a domain: ``domain.object_types``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .. import _convert, _service
from .._config_checks import raise_for, sample_objects
from .._convert import to_request
from ..models.object_type import ObjectType, ObjectTypeSummary
from ..paging import Paged
from ._base import DomainResource, api, coerce

__all__ = ["ObjectTypes"]

#: Members a template supplies: sent only for object types without a ``TemplateId``
#: (the service rejects them next to one, and ``get`` returns the template's values).
_TEMPLATE_MEMBERS = ("Fields", "Keys", "AllowProfileCreation", "SourceLastUpdatedTimestampFormat")


class ObjectTypes(DomainResource):
    """The object types of a domain: how each kind of JSON object is ingested.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> from customer_profiles_sdk.models.object_type import (
        ...     FieldContentType, ObjectType, ObjectTypeField, ObjectTypeKey,
        ...     StandardIdentifier)
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-ot", default_expiration_days=365)
        >>> order = domain.object_types.put(ObjectType(
        ...     object_type_name="Order",
        ...     description="Web shop orders",
        ...     fields={
        ...         "order_id": ObjectTypeField(source="_source.order_id"),
        ...         "email": ObjectTypeField(source="_source.email",
        ...                                  target="_profile.EmailAddress",
        ...                                  content_type=FieldContentType.EMAIL_ADDRESS),
        ...     },
        ...     keys={
        ...         "orderId": [ObjectTypeKey(standard_identifiers=[StandardIdentifier.UNIQUE],
        ...                                   field_names=["order_id"])],
        ...         "_email": [ObjectTypeKey(standard_identifiers=[StandardIdentifier.PROFILE],
        ...                                  field_names=["email"])],
        ...     },
        ... ))
        >>> order.created_at is not None, sorted(order.keys)
        (True, ['_email', 'orderId'])
    """

    __slots__ = ()

    @api("PutProfileObjectType", output=ObjectType)
    def put(self, object_type: ObjectType | Mapping[str, Any]) -> ObjectType:
        """Create or replace an object type (``PutProfileObjectType``).

        A put replaces the whole definition: to change one setting, read the type with
        :meth:`get`, change it with ``attrs.evolve`` and put it back (the read-only
        ``created_at``, ``last_updated_at`` and ``max_available_profile_object_count``
        are never sent). ``tags`` apply when the type is created: putting an existing
        type again keeps its tags (change them with ``cp.tags``).

        When ``template_id`` is set, the template supplies ``fields``, ``keys``,
        ``allow_profile_creation`` and ``source_last_updated_timestamp_format``: those
        members of the model are not sent (the service rejects them next to a template,
        and :meth:`get` returns the template's values in them). Clear ``template_id`` to
        turn a template-based type into one with your own mapping.

        Args:
            object_type: the definition, an :class:`ObjectType` or a mapping of its
                field names.

        Returns:
            The stored definition, with ``created_at`` and ``last_updated_at``.

        Raises:
            ValidationError: the definition breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the service rejected the definition (e.g. no ``UNIQUE`` key,
                an unknown template, a field that targets no standard-object member).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.object_type import ObjectType
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-ot-put", default_expiration_days=365)
            >>> contact = domain.object_types.put(ObjectType(
            ...     object_type_name="Contact", description="Salesforce contacts",
            ...     template_id="Salesforce-Contact", expiration_days=30))
            >>> contact.template_id, contact.expiration_days, "_salesforceContactId" in contact.keys
            ('Salesforce-Contact', 30, True)
        """
        model = coerce(ObjectType, object_type)
        request: dict[str, Any] = to_request(model, "PutProfileObjectTypeRequest")
        if model.template_id is not None:
            for member in _TEMPLATE_MEMBERS:
                request.pop(member, None)
        response = self._call("PutProfileObjectType", {**request, "DomainName": self._domain})
        return _convert.from_wire(ObjectType, response)

    @api("GetProfileObjectType", params={"ObjectTypeName": "name"}, output=ObjectType)
    def get(self, name: str) -> ObjectType:
        """Read object type ``name``'s definition (``GetProfileObjectType``).

        Args:
            name: the object type name (or the template id of an implicit type that
                objects were put with).

        Raises:
            ValidationError: ``name`` breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain or the object type does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.object_type import ObjectType
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-ot-get", default_expiration_days=365)
            >>> _ = domain.object_types.put(ObjectType(
            ...     object_type_name="Leads", description="Marketo leads",
            ...     template_id="Marketo-leads"))
            >>> domain.object_types.get("Leads").fields["email"].target
            '_profile.EmailAddress'
        """
        response = self._call(
            "GetProfileObjectType", {"DomainName": self._domain, "ObjectTypeName": name}
        )
        return _convert.from_wire(ObjectType, response)

    def exists(self, name: str) -> bool:
        """Whether object type ``name`` exists (``GetProfileObjectType``).

        Raises:
            ResourceNotFoundError: the domain does not exist (a ``GetDomain`` tells it
                from a missing object type).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-ot-exists", default_expiration_days=365)
            >>> domain.object_types.exists("Order")
            False
        """
        return self._exists(
            "GetProfileObjectType", {"DomainName": self._domain, "ObjectTypeName": name}
        )

    @api("ListProfileObjectTypes", output=ObjectTypeSummary)
    def list(self) -> Paged[ObjectTypeSummary]:
        """The domain's object types (``ListProfileObjectTypes``), lazily paged.

        Summaries carry no fields or keys; read those with :meth:`get`.

        Raises:
            ResourceNotFoundError: the domain does not exist (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.object_type import ObjectType
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-ot-list", default_expiration_days=365)
            >>> for name in ("Accounts", "Users"):
            ...     _ = domain.object_types.put(ObjectType(
            ...         object_type_name=name, description=name, template_id="Zendesk-users"))
            >>> [t.object_type_name for t in domain.object_types.list()]
            ['Accounts', 'Users']
        """
        return self._paged(
            "ListProfileObjectTypes", {"DomainName": self._domain}, ObjectTypeSummary
        )

    @api("DeleteProfileObjectType", params={"ObjectTypeName": "name"}, returns=("Message",))
    def delete(self, name: str) -> bool:
        """Delete object type ``name`` and every object of that type
        (``DeleteProfileObjectType``).

        The service also removes the profile fields and keys that only these objects
        provided, and the integrations that feed the type. Idempotent: deleting a type
        that does not exist is not an error.

        Returns:
            ``True`` if the type was deleted, ``False`` if it (or the domain) did not exist.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).
            ValidationError: ``name`` breaks the API's constraints (nothing sent).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.object_type import ObjectType
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-ot-delete", default_expiration_days=365)
            >>> _ = domain.object_types.put(ObjectType(
            ...     object_type_name="Old", description="old", template_id="Zendesk-users"))
            >>> domain.object_types.delete("Old"), domain.object_types.delete("Old")
            (True, False)
        """
        return self._delete_if_exists(
            "DeleteProfileObjectType", {"DomainName": self._domain, "ObjectTypeName": name}
        )

    @api(
        "DetectProfileObjectType",
        params={"Objects": "samples"},
        returns=("DetectedProfileObjectTypes",),
    )
    def detect(
        self,
        samples: Sequence[Mapping[str, Any] | str],
        *,
        object_type_name: str,
        description: str,
    ) -> ObjectType | None:
        """Propose an object type for sample objects (``DetectProfileObjectType``).

        The service reads the samples' attributes and values and proposes fields (with
        their targets in the standard profile and content types), keys (profile keys
        such as ``_email`` and a unique key) and the timestamp format of a last-updated
        field. The proposal comes back as an :class:`ObjectType` named
        ``object_type_name``, which :meth:`put` accepts as it is. Nothing is stored.

        The proposal does not allow profile creation: ingested objects attach to
        existing profiles only. To create profiles too, put
        ``attrs.evolve(detected, allow_profile_creation=True)``.

        Args:
            samples: 1 to 5 sample objects, as mappings (encoded as JSON here) or JSON
                texts.
            object_type_name: the name of the proposed object type.
            description: its description.

        Returns:
            The proposed object type, or ``None`` when the service finds no valid
            mapping (no attribute can serve as a profile key or a unique key).

        Raises:
            ValidationError: the samples break the documented constraints: more than 5,
                one that is not a JSON object, more than 120 attributes (nested ones
                included); or a name or description breaks the API's constraints
                (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the service rejected the samples.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-ot-detect", default_expiration_days=365)
            >>> samples = [{"id": "c1", "email": "ana@example.com", "city": "Lyon"},
            ...            {"id": "c2", "email": "li@example.com", "city": "Paris"}]
            >>> customer = domain.object_types.detect(
            ...     samples, object_type_name="Customer", description="CRM customers")
            >>> customer.fields["email"].target, sorted(customer.keys)
            ('_profile.EmailAddress', ['_email', 'id'])
            >>> domain.object_types.put(customer).object_type_name
            'Customer'
        """
        texts, problems = sample_objects(samples)
        naming = {"ObjectTypeName": object_type_name, "Description": description}
        # The name and description go into the proposal: checked as PutProfileObjectType
        # would check them, so that the proposal can be put.
        problems += [
            v
            for v in _service.check_request(
                "PutProfileObjectType", {**naming, "DomainName": self._domain}
            )
            if v.path in naming
        ]
        params = {"DomainName": self._domain, "Objects": texts}
        raise_for("DetectProfileObjectType", params, problems)
        response = self._call("DetectProfileObjectType", params)
        detected = response.get("DetectedProfileObjectTypes") or []
        if not detected:
            return None
        return _convert.from_wire(ObjectType, {**detected[0], **naming})
