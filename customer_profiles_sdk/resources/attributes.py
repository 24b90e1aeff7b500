"""Attribute values and statistics: ``domain.attributes``.

* :meth:`Attributes.profile_values` -- the distinct values of a profile attribute
  (``ListProfileAttributeValues``), e.g. every ``FirstName`` in the domain;
* :meth:`Attributes.names` -- the attributes of an object type
  (``ListObjectTypeAttributes``);
* :meth:`Attributes.values` -- the most recent distinct values of one attribute of an
  object type (``ListObjectTypeAttributeValues``; the service keeps about 350 KB of
  values per attribute, newest first);
* :meth:`Attributes.statistics` -- minimum, maximum, average, standard deviation and
  percentiles of a numeric attribute (``GetObjectTypeAttributeStatistics``): computed
  once a day, only for domains with the Data Store enabled.
"""

from __future__ import annotations

from typing import Any

from .. import _convert, _service
from ..errors import ValidationError
from ..models import (
    GetObjectTypeAttributeStatisticsResponse,
    ListObjectTypeAttributeItem,
    ListObjectTypeAttributeValuesItem,
    ProfileAttributeValuesResponse,
)
from ..paging import Paged
from ._base import DomainResource, api

__all__ = [
    "AttributeStatistics",
    "Attributes",
    "ObjectTypeAttribute",
    "ObjectTypeAttributeValue",
]

#: What :meth:`Attributes.statistics` returns once the statistics are calculated.
AttributeStatistics = GetObjectTypeAttributeStatisticsResponse
#: One attribute of an object type (:meth:`Attributes.names`).
ObjectTypeAttribute = ListObjectTypeAttributeItem
#: One value of an attribute with when it was last seen (:meth:`Attributes.values`).
ObjectTypeAttributeValue = ListObjectTypeAttributeValuesItem

_STATISTICS = ("Maximum", "Minimum", "Average", "StandardDeviation")
_PERCENTILES = ("P5", "P25", "P50", "P75", "P95")


def _calculated(response: dict[str, Any]) -> bool:
    """Whether a statistics response carries numbers: the service sends nulls before
    the first daily cycle and for attributes without numbers, and botocore drops them."""
    stats = response.get("Statistics")
    if response.get("CalculatedAt") is None or not isinstance(stats, dict):
        return False
    percentiles = stats.get("Percentiles")
    return (
        all(stats.get(name) is not None for name in _STATISTICS)
        and isinstance(percentiles, dict)
        and all(percentiles.get(name) is not None for name in _PERCENTILES)
    )


class Attributes(DomainResource):
    """Attribute values and statistics of one domain: ``domain.attributes``.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles, Profile
        >>> domain = CustomerProfiles.local().domains.create(
        ...     "docs-attributes", default_expiration_days=30)
        >>> for name in ("Ana", "Bo", "Ana"):
        ...     _ = domain.profiles.create(Profile(first_name=name))
        >>> sorted(domain.attributes.profile_values("FirstName"))
        ['Ana', 'Bo']
    """

    __slots__ = ()

    def _checked(self, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        violations = _service.check_request(operation, params)
        if violations:
            raise ValidationError(operation, violations)
        return params

    @api("ListProfileAttributeValues", output=ProfileAttributeValuesResponse)
    def profile_values(self, attribute_name: str) -> list[str]:
        """The distinct values of a profile attribute across the domain's profiles
        (``ListProfileAttributeValues``), most recently written first.

        The operation does not page: the whole list comes in one response.

        Args:
            attribute_name: a standard profile member by its API name (``"FirstName"``,
                ``"EmailAddress"``), an address member (``"Address.City"``) or a custom
                attribute (``"Attributes.tier"``).

        Returns:
            The values (personal data: do not log them).

        Raises:
            ValidationError: the name breaks the API's constraints (nothing sent).
            BadRequestError: the name is not a profile attribute.
            ResourceNotFoundError: the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, Profile
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-attribute-values", default_expiration_days=30)
            >>> _ = domain.profiles.create(Profile(first_name="Ana", last_name="Lee"))
            >>> domain.attributes.profile_values("LastName")
            ['Lee']
        """
        operation = "ListProfileAttributeValues"
        params = {"DomainName": self._domain, "AttributeName": attribute_name}
        response = self._call(operation, self._checked(operation, params))
        result = _convert.from_wire(ProfileAttributeValuesResponse, response)
        return [item.value for item in result.items or () if item.value is not None]

    @api("ListObjectTypeAttributes", output=ObjectTypeAttribute)
    def names(self, object_type_name: str) -> Paged[ObjectTypeAttribute]:
        """The attributes of an object type (``ListObjectTypeAttributes``), lazily paged.

        For a custom object type these are its fields; for a standard type
        (``"_profile"``, ``"_order"`` ...) the members that hold values.

        Args:
            object_type_name: the object type (``"Order"``, ``"_profile"``).

        Raises:
            ValidationError: the name breaks the API's constraints (raised now).
            ResourceNotFoundError: the object type or the domain does not exist (when
                iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-attribute-names", default_expiration_days=30)
            >>> _ = domain.object_types.put({
            ...     "object_type_name": "Order", "description": "orders",
            ...     "allow_profile_creation": True,
            ...     "fields": {"id": {"source": "_source.id"},
            ...                "total": {"source": "_source.total"}},
            ...     "keys": {"id": [{"standard_identifiers": ["UNIQUE", "PROFILE"],
            ...                      "field_names": ["id"]}]}})
            >>> [a.attribute_name for a in domain.attributes.names("Order")]
            ['id', 'total']
        """
        operation = "ListObjectTypeAttributes"
        params = {"DomainName": self._domain, "ObjectTypeName": object_type_name}
        return self._paged(operation, self._checked(operation, params), ObjectTypeAttribute)

    @api("ListObjectTypeAttributeValues", output=ObjectTypeAttributeValue)
    def values(self, object_type_name: str, attribute_name: str) -> Paged[ObjectTypeAttributeValue]:
        """The most recent distinct values of an attribute of an object type
        (``ListObjectTypeAttributeValues``), newest first, lazily paged.

        The service keeps about 350 KB of values per attribute: the oldest go first.

        Args:
            object_type_name: the object type (``"Order"``, ``"_profile"``).
            attribute_name: one of its attributes (see :meth:`names`).

        Raises:
            ValidationError: a name breaks the API's constraints (raised now).
            ResourceNotFoundError: the attribute, the object type or the domain does
                not exist (when iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-attribute-object-values", default_expiration_days=30)
            >>> _ = domain.object_types.put({
            ...     "object_type_name": "Order", "description": "orders",
            ...     "allow_profile_creation": True,
            ...     "fields": {"id": {"source": "_source.id"},
            ...                "total": {"source": "_source.total"}},
            ...     "keys": {"id": [{"standard_identifiers": ["UNIQUE", "PROFILE"],
            ...                      "field_names": ["id"]}]}})
            >>> for i, total in enumerate((10, 20)):
            ...     _ = domain.objects.put("Order", {"id": str(i), "total": total})
            >>> sorted(v.value for v in domain.attributes.values("Order", "total"))
            ['10', '20']
        """
        operation = "ListObjectTypeAttributeValues"
        params = {
            "DomainName": self._domain,
            "ObjectTypeName": object_type_name,
            "AttributeName": attribute_name,
        }
        return self._paged(operation, self._checked(operation, params), ObjectTypeAttributeValue)

    @api("GetObjectTypeAttributeStatistics", output=AttributeStatistics)
    def statistics(self, object_type_name: str, attribute_name: str) -> AttributeStatistics | None:
        """Statistics of a numeric attribute (``GetObjectTypeAttributeStatistics``).

        The service computes them once a day (a consistent snapshot, ``calculated_at``)
        and only for domains with the Data Store enabled.

        Args:
            object_type_name: the object type (``"Order"``).
            attribute_name: a numeric attribute of it (``"total"``).

        Returns:
            The statistics, or ``None`` when they are not calculated: before the first
            daily computation after the Data Store was enabled, and for attributes that
            hold no numbers (the service then answers nulls).

        Raises:
            ValidationError: a name breaks the API's constraints (nothing sent).
            BadRequestError: the domain's Data Store is not enabled.
            ResourceNotFoundError: the attribute, the object type or the domain does
                not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> backend = LocalBackend()
            >>> cp = CustomerProfiles.local(backend=backend)
            >>> domain = cp.domains.create("docs-attribute-statistics",
            ...                            default_expiration_days=30,
            ...                            data_store={"enabled": True})
            >>> _ = domain.object_types.put({
            ...     "object_type_name": "Order", "description": "orders",
            ...     "allow_profile_creation": True,
            ...     "fields": {"id": {"source": "_source.id"},
            ...                "total": {"source": "_source.total"}},
            ...     "keys": {"id": [{"standard_identifiers": ["UNIQUE", "PROFILE"],
            ...                      "field_names": ["id"]}]}})
            >>> for i, total in enumerate((10, 20, 30, 40)):
            ...     _ = domain.objects.put("Order", {"id": str(i), "total": total})
            >>> domain.attributes.statistics("Order", "total") is None  # not computed yet
            True
            >>> backend.clock.advance(days=1)  # the daily computation runs
            >>> stats = domain.attributes.statistics("Order", "total").statistics
            >>> stats.average, stats.percentiles.p50
            (25.0, 25.0)
        """
        operation = "GetObjectTypeAttributeStatistics"
        params = {
            "DomainName": self._domain,
            "ObjectTypeName": object_type_name,
            "AttributeName": attribute_name,
        }
        response = self._call(operation, self._checked(operation, params))
        if not _calculated(response):
            return None
        return _convert.from_wire(AttributeStatistics, response)
