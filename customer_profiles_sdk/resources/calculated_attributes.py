"""Calculated attributes: ``domain.calculated_attributes``."""

from __future__ import annotations

import builtins
import re
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

from .. import _convert
from .._convert import to_request
from ..errors import ResourceNotFoundError
from ..models.calculated_attribute import (
    AttributeItem,
    BatchCalculatedAttributeValues,
    CalculatedAttribute,
    CalculatedAttributeSummary,
    CalculatedAttributeValue,
    ConditionOverrides,
    Conditions,
    Filter,
    Statistic,
    Unit,
)
from ..paging import Paged
from ._base import DomainResource, api, as_map, coerce, value_list

__all__ = ["CalculatedAttributes"]

#: ``{ObjectTypeName.AttributeName}`` references of an expression.
_REFERENCE = re.compile(r"\{\s*[^{}.]+\.([^{}]+?)\s*\}")


def _attribute_items(
    expression: str, attributes: str | Sequence[str | AttributeItem] | None
) -> builtins.list[dict[str, Any]]:
    """``AttributeDetails.Attributes``: the names given, else those the expression reads."""
    if attributes is None:
        names: builtins.list[str | AttributeItem] = list(
            dict.fromkeys(_REFERENCE.findall(expression))
        )
    elif isinstance(attributes, str):
        names = [attributes]
    else:
        names = list(attributes)
    items = [
        name if isinstance(name, AttributeItem) else AttributeItem(name=name) for name in names
    ]
    return [_convert.to_wire(item) for item in items]


def _plain(value: Enum | str) -> str:
    return str(value.value) if isinstance(value, Enum) else value


class CalculatedAttributes(DomainResource):
    """The calculated attributes of a domain: ``domain.calculated_attributes``.

    A definition aggregates one or two fields of the objects of one object type
    (``SUM`` of ``{Order.total}``, a field of the ``Order`` object type); the service keeps a
    value of it for every profile.

    Example:
        >>> import json
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-ca", default_expiration_days=30)
        >>> _ = cp.client.put_profile_object_type(
        ...     DomainName="docs-ca", ObjectTypeName="Order", Description="orders",
        ...     Fields={"id": {"Source": "_source.id"},
        ...             "total": {"Source": "_source.total"},
        ...             "email": {"Source": "_source.email",
        ...                       "Target": "_profile.EmailAddress"}},
        ...     Keys={"orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
        ...           "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}]})
        >>> pid = cp.client.create_profile(
        ...     DomainName="docs-ca", EmailAddress="ana@example.com")["ProfileId"]
        >>> _ = domain.calculated_attributes.create(
        ...     "total_spend", expression="{Order.total}", statistic="SUM")
        >>> for n, total in enumerate((10, 32.5)):
        ...     _ = cp.client.put_profile_object(
        ...         DomainName="docs-ca", ObjectTypeName="Order",
        ...         Object=json.dumps({"id": str(n), "email": "ana@example.com",
        ...                            "total": total}))
        >>> domain.calculated_attributes.value("total_spend", pid).value
        '42.5'
    """

    __slots__ = ()

    @api(
        "CreateCalculatedAttributeDefinition",
        params={"CalculatedAttributeName": "name", "AttributeDetails": "expression, attributes"},
        output=CalculatedAttribute,
    )
    def create(
        self,
        name: str,
        *,
        expression: str,
        statistic: Statistic | str,
        attributes: str | Sequence[str | AttributeItem] | None = None,
        conditions: Conditions | Mapping[str, Any] | None = None,
        display_name: str | None = None,
        description: str | None = None,
        filter: Filter | Mapping[str, Any] | None = None,
        use_historical_data: bool | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> CalculatedAttribute:
        """Define a calculated attribute (``CreateCalculatedAttributeDefinition``).

        Args:
            name: the attribute's name (letters, digits, ``_`` and ``-``; at most 255).
            expression: what is computed for each object: ``{ObjectType.attribute}``
                references, optionally combined with ``+ - * /`` and numbers, all from
                one object type, e.g. ``"{Order.price} * {Order.quantity}"``.
            statistic: how the objects' values are aggregated, e.g. ``Statistic.SUM``.
            attributes: the object attributes the expression uses (names or
                :class:`AttributeItem`); by default, those the expression references.
            conditions: which objects count (time range, object count) and an optional
                threshold; a :class:`Conditions` or a mapping of its fields.
            display_name: a human-readable name.
            description: a description.
            filter: which objects count, by their attributes; a :class:`Filter` or a
                mapping of its fields.
            use_historical_data: also aggregate objects ingested before the definition
                existed (the service default is not to).
            tags: tags of the definition.

        Returns:
            The new definition, as the service answers it.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the name is taken, the expression is invalid or references
                an unknown object type, or the service rejected the definition.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.calculated_attribute import (
            ...     Conditions, Range, Statistic)
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-ca-create", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-ca-create", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> spend = domain.calculated_attributes.create(
            ...     "spend_30d", expression="{Order.total}", statistic=Statistic.SUM,
            ...     conditions=Conditions(range=Range(value=30, unit="DAYS")))
            >>> spend.calculated_attribute_name, spend.statistic.value
            ('spend_30d', 'SUM')
            >>> [a.name for a in spend.attribute_details.attributes]
            ['total']
        """
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "CalculatedAttributeName": name,
            "DisplayName": display_name,
            "Description": description,
            "AttributeDetails": {
                "Attributes": _attribute_items(expression, attributes),
                "Expression": expression,
            },
            "Conditions": None
            if conditions is None
            else to_request(coerce(Conditions, conditions), "Conditions"),
            "Filter": None if filter is None else to_request(coerce(Filter, filter), "Filter"),
            "Statistic": _plain(statistic),
            "UseHistoricalData": use_historical_data,
            "Tags": as_map(tags),
        }
        response = self._call("CreateCalculatedAttributeDefinition", params)
        return _convert.from_wire(CalculatedAttribute, response)

    @api(
        "GetCalculatedAttributeDefinition",
        params={"CalculatedAttributeName": "name"},
        output=CalculatedAttribute,
    )
    def get(self, name: str) -> CalculatedAttribute:
        """Read a definition (``GetCalculatedAttributeDefinition``).

        Raises:
            ResourceNotFoundError: the definition (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-ca-get", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-ca-get", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> _ = domain.calculated_attributes.create(
            ...     "orders", expression="{Order.id}", statistic="COUNT",
            ...     display_name="Orders")
            >>> domain.calculated_attributes.get("orders").display_name
            'Orders'
        """
        response = self._call(
            "GetCalculatedAttributeDefinition",
            {"DomainName": self._domain, "CalculatedAttributeName": name},
        )
        return _convert.from_wire(CalculatedAttribute, response)

    def exists(self, name: str) -> bool:
        """Whether definition ``name`` exists (``GetCalculatedAttributeDefinition``).

        A missing definition is ``False``.

        Raises:
            ResourceNotFoundError: the domain does not exist (a ``GetDomain`` tells it
                from a missing definition).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-ca-exists", default_expiration_days=30)
            >>> domain.calculated_attributes.exists("nothing")
            False
        """
        try:
            self.get(name)
        except ResourceNotFoundError as exc:
            self._confirm_container(exc)
            return False
        return True

    @api("ListCalculatedAttributeDefinitions", output=CalculatedAttributeSummary)
    def list(self) -> Paged[CalculatedAttributeSummary]:
        """Every definition of the domain (``ListCalculatedAttributeDefinitions``),
        lazily paged.

        Raises:
            ResourceNotFoundError: the domain does not exist (when iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-ca-list", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-ca-list", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> for stat in ("SUM", "AVERAGE"):
            ...     _ = domain.calculated_attributes.create(
            ...         f"total_{stat.lower()}", expression="{Order.total}", statistic=stat)
            >>> [c.calculated_attribute_name for c in domain.calculated_attributes.list()]
            ['total_sum', 'total_average']
        """
        return self._paged(
            "ListCalculatedAttributeDefinitions",
            {"DomainName": self._domain},
            CalculatedAttributeSummary,
        )

    @api(
        "UpdateCalculatedAttributeDefinition",
        params={"CalculatedAttributeName": "name"},
        output=CalculatedAttribute,
    )
    def update(
        self,
        name: str,
        *,
        display_name: str | None = None,
        description: str | None = None,
        conditions: Conditions | Mapping[str, Any] | None = None,
    ) -> CalculatedAttribute:
        """Change a definition (``UpdateCalculatedAttributeDefinition``).

        Only the display name, the description and the conditions can change; only the
        arguments you pass are sent, the others keep their value. ``conditions``
        replaces the conditions as a whole.

        Returns:
            The definition after the update. The service's answer has no ``filter``:
            use :meth:`get` to read it.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the definition (or the domain) does not exist.
            BadRequestError: the service rejected the change.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-ca-update", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-ca-update", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> _ = domain.calculated_attributes.create(
            ...     "spend", expression="{Order.total}", statistic="SUM")
            >>> updated = domain.calculated_attributes.update(
            ...     "spend", display_name="Total spend", conditions={"object_count": 5})
            >>> updated.display_name, updated.conditions.object_count
            ('Total spend', 5)
        """
        params = {
            "DomainName": self._domain,
            "CalculatedAttributeName": name,
            "DisplayName": display_name,
            "Description": description,
            "Conditions": None
            if conditions is None
            else to_request(coerce(Conditions, conditions), "Conditions"),
        }
        response = self._call("UpdateCalculatedAttributeDefinition", params)
        return _convert.from_wire(CalculatedAttribute, response)

    @api("DeleteCalculatedAttributeDefinition", params={"CalculatedAttributeName": "name"})
    def delete(self, name: str) -> bool:
        """Delete a definition (``DeleteCalculatedAttributeDefinition``).

        Idempotent: deleting a definition that does not exist is not an error.

        Returns:
            ``True`` if the definition was deleted, ``False`` if it did not exist.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-ca-delete", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-ca-delete", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> _ = domain.calculated_attributes.create(
            ...     "spend", expression="{Order.total}", statistic="SUM")
            >>> domain.calculated_attributes.delete("spend")
            True
            >>> domain.calculated_attributes.delete("spend")
            False
        """
        return self._delete_if_exists(
            "DeleteCalculatedAttributeDefinition",
            {"DomainName": self._domain, "CalculatedAttributeName": name},
        )

    @api("ListCalculatedAttributesForProfile", output=CalculatedAttributeValue)
    def for_profile(self, profile_id: str) -> Paged[CalculatedAttributeValue]:
        """The values of the domain's calculated attributes for one profile
        (``ListCalculatedAttributesForProfile``), lazily paged.

        Each value carries ``profile_id``. Definitions without a value for the profile
        may be left out by the service.

        Raises:
            ResourceNotFoundError: the profile or the domain does not exist (when
                iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-ca-for-profile", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-ca-for-profile", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> _ = domain.calculated_attributes.create(
            ...     "orders", expression="{Order.id}", statistic="COUNT")
            >>> pid = cp.client.create_profile(DomainName="docs-ca-for-profile")["ProfileId"]
            >>> [(v.calculated_attribute_name, v.value)
            ...  for v in domain.calculated_attributes.for_profile(pid)]
            [('orders', '0')]
        """

        def convert(item: Any) -> CalculatedAttributeValue:
            return _convert.from_wire(CalculatedAttributeValue, {"ProfileId": profile_id, **item})

        return self._paged_with(
            "ListCalculatedAttributesForProfile",
            {"DomainName": self._domain, "ProfileId": profile_id},
            convert,
        )

    @api(
        "GetCalculatedAttributeForProfile",
        params={"CalculatedAttributeName": "name"},
        output=CalculatedAttributeValue,
    )
    def value(self, name: str, profile_id: str) -> CalculatedAttributeValue:
        """The value of calculated attribute ``name`` for one profile
        (``GetCalculatedAttributeForProfile``).

        Returns:
            The value (``value`` is ``None`` when no object qualifies, except for
            ``COUNT``, which is ``"0"``), with ``profile_id`` set.

        Raises:
            ResourceNotFoundError: the definition, the profile or the domain does not
                exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-ca-value", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-ca-value", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> _ = domain.calculated_attributes.create(
            ...     "orders", expression="{Order.id}", statistic="COUNT")
            >>> pid = cp.client.create_profile(DomainName="docs-ca-value")["ProfileId"]
            >>> domain.calculated_attributes.value("orders", pid).value
            '0'
        """
        response = self._call(
            "GetCalculatedAttributeForProfile",
            {"DomainName": self._domain, "ProfileId": profile_id, "CalculatedAttributeName": name},
        )
        return _convert.from_wire(CalculatedAttributeValue, {"ProfileId": profile_id, **response})

    @api(
        "BatchGetCalculatedAttributeForProfile",
        params={"CalculatedAttributeName": "name"},
        output=BatchCalculatedAttributeValues,
    )
    def batch_values(
        self,
        name: str,
        profile_ids: Sequence[str],
        *,
        condition_overrides: ConditionOverrides | Mapping[str, Any] | None = None,
    ) -> BatchCalculatedAttributeValues:
        """The values of calculated attribute ``name`` for up to 100 profiles in one
        request (``BatchGetCalculatedAttributeForProfile``).

        Args:
            name: the calculated attribute.
            profile_ids: 1 to 100 profile ids.
            condition_overrides: conditions that replace the definition's for this call,
                e.g. ``ConditionOverrides(range=RangeOverride(start=7))`` for the last
                7 days (a missing ``unit`` is sent as ``DAYS``).

        Returns:
            ``values`` for the profiles found and ``errors`` for the others.

        Raises:
            ValidationError: an argument breaks the API's constraints, e.g. more than
                100 profile ids (nothing sent).
            ResourceNotFoundError: the definition or the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-ca-batch", default_expiration_days=30)
            >>> _ = cp.client.put_profile_object_type(
            ...     DomainName="docs-ca-batch", ObjectTypeName="Order",
            ...     Description="orders", TemplateId="Shopify-Order")
            >>> _ = domain.calculated_attributes.create(
            ...     "orders", expression="{Order.id}", statistic="COUNT")
            >>> pid = cp.client.create_profile(DomainName="docs-ca-batch")["ProfileId"]
            >>> result = domain.calculated_attributes.batch_values("orders", [pid, "f" * 32])
            >>> [v.value for v in result.values], [e.profile_id for e in result.errors]
            (['0'], ['ffffffffffffffffffffffffffffffff'])
        """
        ids = value_list("BatchGetCalculatedAttributeForProfile", "ProfileIds", profile_ids)
        overrides: Any = None
        if condition_overrides is not None:
            overrides = to_request(
                coerce(ConditionOverrides, condition_overrides), "ConditionOverrides"
            )
            if isinstance(overrides.get("Range"), dict):
                overrides["Range"].setdefault("Unit", Unit.DAYS.value)
        params = {
            "DomainName": self._domain,
            "CalculatedAttributeName": name,
            "ProfileIds": ids,
            "ConditionOverrides": overrides,
        }
        response = self._call("BatchGetCalculatedAttributeForProfile", params)
        return _convert.from_wire(BatchCalculatedAttributeValues, response)
