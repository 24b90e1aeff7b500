"""Event triggers of a domain: ``domain.event_triggers``."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from .. import _convert
from .._config_checks import raise_for, trigger_violations
from .._convert import to_request
from ..models import EventTrigger, EventTriggerCondition, EventTriggerLimits, EventTriggerSummary
from ..paging import Paged
from ._base import DomainResource, api, as_map, coerce

__all__ = ["EventTriggers"]

#: What ``conditions`` accepts: one condition or a sequence of them (models or mappings).
TriggerConditions = (
    EventTriggerCondition | Mapping[str, Any] | Sequence[EventTriggerCondition | Mapping[str, Any]]
)


def _conditions(value: TriggerConditions) -> builtins.list[Any]:
    items = [value] if isinstance(value, (EventTriggerCondition, Mapping)) else list(value)
    models = [coerce(EventTriggerCondition, item) for item in items]
    return [to_request(m, "EventTriggerCondition") for m in models]


def _limits(value: EventTriggerLimits | Mapping[str, Any]) -> Any:
    return to_request(coerce(EventTriggerLimits, value), "EventTriggerLimits")


class EventTriggers(DomainResource):
    """The event triggers of a domain: ``domain.event_triggers``.

    A trigger is a condition on the objects ingested into one object type. When an
    ingested object meets it, the service starts the action of the integration that
    lists the trigger in ``event_trigger_names`` (an outbound campaign, for instance),
    at most so many times per profile and period. Setting one up takes two calls:
    :meth:`create` here, then ``domain.integrations.put(uri, ...,
    event_trigger_names=[name])``.

    Conditions are easiest to write with :mod:`customer_profiles_sdk.triggers`.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles, ObjectType
        >>> from customer_profiles_sdk.triggers import all_of, at_most, field, limits
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-et", default_expiration_days=30)
        >>> _ = domain.object_types.put(ObjectType(
        ...     object_type_name="Order", description="orders", template_id="Shopify-Order"))
        >>> trigger = domain.event_triggers.create(
        ...     "big-order", object_type_name="Order",
        ...     conditions=all_of(field("totalPrice").greater_than(100)),
        ...     limits=limits(at_most(1, every=1, unit="DAYS")))
        >>> (condition,) = trigger.event_trigger_conditions
        >>> [a.values for d in condition.event_trigger_dimensions for a in d.object_attributes]
        [['100']]
    """

    __slots__ = ()

    @api(
        "CreateEventTrigger",
        params={
            "EventTriggerName": "name",
            "EventTriggerConditions": "conditions",
            "EventTriggerLimits": "limits",
        },
        output=EventTrigger,
    )
    def create(
        self,
        name: str,
        *,
        object_type_name: str,
        conditions: TriggerConditions,
        description: str | None = None,
        segment_filter: str | None = None,
        limits: EventTriggerLimits | Mapping[str, Any] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> EventTrigger:
        """Create an event trigger (``CreateEventTrigger``).

        Args:
            name: the trigger's name (letters, digits, ``_`` and ``-``; at most 64).
            object_type_name: the object type whose ingested objects are tested: a
                custom or template-based type of the domain (or a template id), not a
                standard type such as ``_profile``.
            conditions: one :class:`EventTriggerCondition` or up to 5 of them (models
                or mappings of their fields); the trigger fires when any holds. See
                :func:`~customer_profiles_sdk.triggers.all_of`.
            description: a description.
            segment_filter: fire only for profiles in this segment (a segment
                definition name).
            limits: per-profile limits (:func:`~customer_profiles_sdk.triggers.limits`);
                the service's default is 10 invocations per profile per day.
            tags: tags of the trigger.

        Returns:
            The new trigger, as the service stored it.

        Raises:
            ValidationError: an argument breaks the API's documented constraints, e.g.
                an attribute with both or neither of ``source`` and ``field_name``, a
                numeric operator without one number, a period with neither
                ``max_invocations_per_profile`` nor ``unlimited``, a standard object
                type (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the name is taken, the object type does not exist, a
                ``field_name`` is not one of its fields, or the service rejected the
                trigger.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, ObjectType
            >>> from customer_profiles_sdk.triggers import any_of, field
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-et-create", default_expiration_days=30)
            >>> _ = domain.object_types.put(ObjectType(
            ...     object_type_name="Order", description="orders",
            ...     template_id="Shopify-Order"))
            >>> trigger = domain.event_triggers.create(
            ...     "refund-or-big", object_type_name="Order", description="watch list",
            ...     conditions=any_of(field("totalPrice").at_least(500),
            ...                       field("financialStatus").includes("refunded")))
            >>> trigger.created_at == trigger.last_updated_at, trigger.description
            (True, 'watch list')
        """
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "EventTriggerName": name,
            "ObjectTypeName": object_type_name,
            "Description": description,
            "EventTriggerConditions": _conditions(conditions),
            "SegmentFilter": segment_filter,
            "EventTriggerLimits": None if limits is None else _limits(limits),
            "Tags": as_map(tags),
        }
        raise_for("CreateEventTrigger", params, trigger_violations(params))
        response = self._call("CreateEventTrigger", params)
        return _convert.from_wire(EventTrigger, response)

    @api("GetEventTrigger", params={"EventTriggerName": "name"}, output=EventTrigger)
    def get(self, name: str) -> EventTrigger:
        """Read event trigger ``name`` with its conditions and limits (``GetEventTrigger``).

        Raises:
            ValidationError: ``name`` breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain or the trigger does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, ObjectType
            >>> from customer_profiles_sdk.triggers import all_of, field
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-et-get", default_expiration_days=30)
            >>> _ = domain.object_types.put(ObjectType(
            ...     object_type_name="Order", description="orders",
            ...     template_id="Shopify-Order"))
            >>> _ = domain.event_triggers.create(
            ...     "big-order", object_type_name="Order",
            ...     conditions=all_of(field("totalPrice").greater_than(100)))
            >>> domain.event_triggers.get("big-order").object_type_name
            'Order'
        """
        response = self._call(
            "GetEventTrigger", {"DomainName": self._domain, "EventTriggerName": name}
        )
        return _convert.from_wire(EventTrigger, response)

    def exists(self, name: str) -> bool:
        """Whether event trigger ``name`` exists (``GetEventTrigger``).

        A missing domain raises ``ResourceNotFoundError`` (a 404 is checked with
        ``GetDomain``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-et-exists", default_expiration_days=30)
            >>> domain.event_triggers.exists("big-order")
            False
        """
        return self._exists(
            "GetEventTrigger", {"DomainName": self._domain, "EventTriggerName": name}
        )

    @api("ListEventTriggers", output=EventTriggerSummary)
    def list(self) -> Paged[EventTriggerSummary]:
        """The domain's event triggers (``ListEventTriggers``), lazily paged.

        Summaries carry no conditions or limits; read those with :meth:`get`.

        Raises:
            ResourceNotFoundError: the domain does not exist (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, ObjectType
            >>> from customer_profiles_sdk.triggers import all_of, field
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-et-list", default_expiration_days=30)
            >>> _ = domain.object_types.put(ObjectType(
            ...     object_type_name="Order", description="orders",
            ...     template_id="Shopify-Order"))
            >>> for n in (100, 1000):
            ...     _ = domain.event_triggers.create(
            ...         f"over-{n}", object_type_name="Order",
            ...         conditions=all_of(field("totalPrice").greater_than(n)))
            >>> [t.event_trigger_name for t in domain.event_triggers.list().page_size(1)]
            ['over-100', 'over-1000']
        """
        return self._paged("ListEventTriggers", {"DomainName": self._domain}, EventTriggerSummary)

    @api(
        "UpdateEventTrigger",
        params={
            "EventTriggerName": "name",
            "EventTriggerConditions": "conditions",
            "EventTriggerLimits": "limits",
        },
        output=EventTrigger,
    )
    def update(
        self,
        name: str,
        *,
        object_type_name: str | None = None,
        conditions: TriggerConditions | None = None,
        description: str | None = None,
        segment_filter: str | None = None,
        limits: EventTriggerLimits | Mapping[str, Any] | None = None,
    ) -> EventTrigger:
        """Change an event trigger (``UpdateEventTrigger``).

        Only the arguments you pass are sent; the others keep their value. ``conditions``
        replaces all the conditions, ``limits`` all the limits. Tags cannot be changed
        here: use ``cp.tags``.

        Returns:
            The trigger after the update.

        Raises:
            ValidationError: an argument breaks the API's documented constraints (as
                for :meth:`create`; nothing sent).
            ResourceNotFoundError: the domain or the trigger does not exist.
            BadRequestError: the service rejected the change.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, ObjectType
            >>> from customer_profiles_sdk.triggers import all_of, field
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-et-update", default_expiration_days=30)
            >>> _ = domain.object_types.put(ObjectType(
            ...     object_type_name="Order", description="orders",
            ...     template_id="Shopify-Order"))
            >>> _ = domain.event_triggers.create(
            ...     "big-order", object_type_name="Order",
            ...     conditions=all_of(field("totalPrice").greater_than(100)))
            >>> updated = domain.event_triggers.update(
            ...     "big-order", conditions=all_of(field("totalPrice").greater_than(250)))
            >>> (condition,) = updated.event_trigger_conditions
            >>> condition.event_trigger_dimensions[0].object_attributes[0].values
            ['250']
        """
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "EventTriggerName": name,
            "ObjectTypeName": object_type_name,
            "Description": description,
            "EventTriggerConditions": None if conditions is None else _conditions(conditions),
            "SegmentFilter": segment_filter,
            "EventTriggerLimits": None if limits is None else _limits(limits),
        }
        raise_for("UpdateEventTrigger", params, trigger_violations(params))
        response = self._call("UpdateEventTrigger", params)
        return _convert.from_wire(EventTrigger, response)

    @api("DeleteEventTrigger", params={"EventTriggerName": "name"}, returns=("Message",))
    def delete(self, name: str) -> bool:
        """Delete event trigger ``name`` (``DeleteEventTrigger``).

        The service refuses while an integration lists the trigger: remove it from the
        integration first. Idempotent otherwise: deleting a trigger that does not exist
        is not an error.

        Returns:
            ``True`` if the trigger was deleted, ``False`` if it did not
            exist (a missing domain raises ``ResourceNotFoundError``).

        Raises:
            ValidationError: ``name`` breaks the API's constraints (nothing sent).
            BadRequestError: an integration lists the trigger.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, ObjectType
            >>> from customer_profiles_sdk.triggers import all_of, field
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-et-delete", default_expiration_days=30)
            >>> _ = domain.object_types.put(ObjectType(
            ...     object_type_name="Order", description="orders",
            ...     template_id="Shopify-Order"))
            >>> _ = domain.event_triggers.create(
            ...     "big-order", object_type_name="Order",
            ...     conditions=all_of(field("totalPrice").greater_than(100)))
            >>> domain.event_triggers.delete("big-order"), domain.event_triggers.delete("big-order")
            (True, False)
        """
        return self._delete_if_exists(
            "DeleteEventTrigger", {"DomainName": self._domain, "EventTriggerName": name}
        )
