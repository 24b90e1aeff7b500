"""Builders for event-trigger conditions and limits that read like the rule they state.

An event trigger (``domain.event_triggers``) fires when **any** of its conditions holds.
A condition combines *dimensions* with ``ALL``, ``ANY`` or ``NONE``; a dimension holds
when **all** of its *object attributes* (comparisons) hold. The models for this are
:class:`~customer_profiles_sdk.models.EventTriggerCondition`,
:class:`~customer_profiles_sdk.models.EventTriggerDimension` and
:class:`~customer_profiles_sdk.models.ObjectAttribute`; the functions here build them:

* :func:`field` (an attribute of the object type, by field name) or :func:`source` (a
  ``_source.`` accessor into the ingested JSON) starts a comparison; its methods name
  the operator and format the values (numbers, datetimes and dates as the service
  expects them): ``field("amount").greater_than(100)``.
* :func:`all_of`, :func:`any_of`, :func:`none_of` make a condition. Each argument is a
  dimension: a comparison alone, a list or tuple of comparisons (ANDed), or an
  :class:`~customer_profiles_sdk.models.EventTriggerDimension`.
* :func:`at_most` and :func:`unlimited` make per-profile limit periods and
  :func:`limits` the trigger's limits.

Example:
    >>> from datetime import timedelta
    >>> from customer_profiles_sdk.triggers import all_of, any_of, at_most, field, limits
    >>> big_gold = all_of(field("amount").greater_than(100), field("tier").includes("gold"))
    >>> [d.object_attributes[0].comparison_operator.value
    ...  for d in big_gold.event_trigger_dimensions]
    ['GREATER_THAN', 'INCLUSIVE']
    >>> either = any_of([field("amount").at_least(50), field("tier").includes("gold")],
    ...                 field("vip").includes("true"))
    >>> len(either.event_trigger_dimensions), either.logical_operator.value
    (2, 'ANY')
    >>> capped = limits(at_most(2, every=1, unit="DAYS"), expiration=timedelta(minutes=15))
    >>> capped.event_expiration, capped.periods[0].max_invocations_per_profile
    (900000, 2)

Nothing here sends a request; the API's constraints (1 to 10 values of at most 255
characters, 1 to 10 comparisons per dimension, ...) are checked when the trigger is
created or updated, before anything is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum
from typing import TypeAlias, TypeVar

from .models import (
    ComparisonOperator,
    EventTriggerCondition,
    EventTriggerDimension,
    EventTriggerLimits,
    EventTriggerLogicalOperator,
    ObjectAttribute,
    Period,
    PeriodUnit,
)

__all__ = [
    "Attribute",
    "Dimension",
    "all_of",
    "any_of",
    "at_most",
    "dimension",
    "field",
    "limits",
    "none_of",
    "source",
    "unlimited",
]

#: A number as the service compares it (sent as text).
Number: TypeAlias = int | float | Decimal
#: A point in time: an aware ``datetime`` (a naive one is taken as UTC), a ``date``, or
#: text the service parses (ISO-8601 or epoch milliseconds).
Instant: TypeAlias = datetime | date | str
#: One dimension of a condition: one comparison, comparisons that must all hold, or a
#: ready dimension model.
Dimension: TypeAlias = ObjectAttribute | Sequence[ObjectAttribute] | EventTriggerDimension


E = TypeVar("E", bound=Enum)


def _enum(cls: type[E], value: E | str) -> E | str:
    """A known value as its enum member; an unknown one stays a ``str`` (open enum)."""
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        return value


def _number(value: Number) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _instant(value: Instant) -> str:
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        text = moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")
        return text.replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a datetime, a date or a string, got {type(value).__name__}")


def _texts(values: Sequence[str]) -> list[str]:
    if not values:
        raise TypeError("give at least one value")
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"expected strings, got {type(value).__name__}")
    return list(values)


def _range(low: Number | Instant, high: Number | Instant) -> list[str]:
    numeric = [
        isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) for v in (low, high)
    ]
    if all(numeric):
        return [_number(low), _number(high)]  # type: ignore[arg-type]
    if any(numeric):
        raise TypeError("a range is two numbers or two points in time, not a mix")
    return [_instant(low), _instant(high)]  # type: ignore[arg-type]


class Attribute:
    """An attribute of the ingested object, waiting for its comparison.

    Made by :func:`field` or :func:`source`; each method returns the
    :class:`~customer_profiles_sdk.models.ObjectAttribute` for one operator.

    Example:
        >>> from customer_profiles_sdk.triggers import field
        >>> field("amount").between(10, 20).values
        ['10', '20']
    """

    __slots__ = ("_field_name", "_source")

    def __init__(self, *, field_name: str | None = None, source: str | None = None) -> None:
        if (field_name is None) == (source is None):
            raise TypeError("give exactly one of field_name and source")
        self._field_name = field_name
        self._source = source

    def __repr__(self) -> str:
        if self._field_name is not None:
            return f"field({self._field_name!r})"
        return f"source({self._source!r})"

    def compare(self, operator: ComparisonOperator | str, values: Sequence[str]) -> ObjectAttribute:
        """The comparison with any operator and values given as text.

        Example:
            >>> from customer_profiles_sdk.triggers import field
            >>> field("tier").compare("EXCLUSIVE", ["bronze"]).comparison_operator.value
            'EXCLUSIVE'
        """
        return ObjectAttribute(
            field_name=self._field_name,
            source=self._source,
            comparison_operator=_enum(ComparisonOperator, operator),
            values=_texts(values),
        )

    # ----------------------------------------------------------------- strings

    def includes(self, *values: str) -> ObjectAttribute:
        """``INCLUSIVE``: the value includes all of ``values`` (one value: equality)."""
        return self.compare(ComparisonOperator.INCLUSIVE, values)

    def excludes(self, *values: str) -> ObjectAttribute:
        """``EXCLUSIVE``: the value does not include all of ``values`` (one value: differs)."""
        return self.compare(ComparisonOperator.EXCLUSIVE, values)

    def contains(self, *values: str) -> ObjectAttribute:
        """``CONTAINS``: the value contains any of ``values``."""
        return self.compare(ComparisonOperator.CONTAINS, values)

    def begins_with(self, *values: str) -> ObjectAttribute:
        """``BEGINS_WITH``: the value begins with one of ``values``."""
        return self.compare(ComparisonOperator.BEGINS_WITH, values)

    def ends_with(self, *values: str) -> ObjectAttribute:
        """``ENDS_WITH``: the value ends with one of ``values``."""
        return self.compare(ComparisonOperator.ENDS_WITH, values)

    # ----------------------------------------------------------------- numbers

    def greater_than(self, number: Number) -> ObjectAttribute:
        """``GREATER_THAN`` a number."""
        return self.compare(ComparisonOperator.GREATER_THAN, [_number(number)])

    def less_than(self, number: Number) -> ObjectAttribute:
        """``LESS_THAN`` a number."""
        return self.compare(ComparisonOperator.LESS_THAN, [_number(number)])

    def at_least(self, number: Number) -> ObjectAttribute:
        """``GREATER_THAN_OR_EQUAL`` to a number."""
        return self.compare(ComparisonOperator.GREATER_THAN_OR_EQUAL, [_number(number)])

    def at_most(self, number: Number) -> ObjectAttribute:
        """``LESS_THAN_OR_EQUAL`` to a number."""
        return self.compare(ComparisonOperator.LESS_THAN_OR_EQUAL, [_number(number)])

    def equals(self, number: Number) -> ObjectAttribute:
        """``EQUAL`` to a number (for text, use :meth:`includes` with one value)."""
        return self.compare(ComparisonOperator.EQUAL, [_number(number)])

    # ----------------------------------------------------------------- time

    def before(self, moment: Instant) -> ObjectAttribute:
        """``BEFORE`` a point in time."""
        return self.compare(ComparisonOperator.BEFORE, [_instant(moment)])

    def after(self, moment: Instant) -> ObjectAttribute:
        """``AFTER`` a point in time."""
        return self.compare(ComparisonOperator.AFTER, [_instant(moment)])

    def on(self, moment: Instant) -> ObjectAttribute:
        """``ON`` a day (a ``date``) or an instant."""
        return self.compare(ComparisonOperator.ON, [_instant(moment)])

    # ----------------------------------------------------------------- ranges

    def between(self, low: Number | Instant, high: Number | Instant) -> ObjectAttribute:
        """``BETWEEN`` two numbers or two points in time, bounds included."""
        return self.compare(ComparisonOperator.BETWEEN, _range(low, high))

    def not_between(self, low: Number | Instant, high: Number | Instant) -> ObjectAttribute:
        """``NOT_BETWEEN`` two numbers or two points in time."""
        return self.compare(ComparisonOperator.NOT_BETWEEN, _range(low, high))


def field(name: str) -> Attribute:
    """The object type's field ``name`` (an ``ObjectAttribute`` with ``field_name``).

    Example:
        >>> field("amount").greater_than(99.5).values
        ['99.5']
    """
    return Attribute(field_name=name)


def source(accessor: str) -> Attribute:
    """A value of the ingested JSON by accessor, e.g. ``"_source.order.total"`` (an
    ``ObjectAttribute`` with ``source``).

    Example:
        >>> source("_source.tier").includes("gold").source
        '_source.tier'
    """
    return Attribute(source=accessor)


def dimension(*attributes: ObjectAttribute) -> EventTriggerDimension:
    """A dimension: comparisons that must all hold.

    Example:
        >>> d = dimension(field("amount").greater_than(100), field("tier").includes("gold"))
        >>> len(d.object_attributes)
        2
    """
    return EventTriggerDimension(object_attributes=list(attributes))


def _dimension(part: Dimension) -> EventTriggerDimension:
    if isinstance(part, EventTriggerDimension):
        return part
    if isinstance(part, ObjectAttribute):
        return dimension(part)
    if isinstance(part, (list, tuple)):
        return dimension(*part)
    raise TypeError(
        "a dimension is an ObjectAttribute, a list of them or an EventTriggerDimension, "
        f"got {type(part).__name__}"
    )


def _condition(
    operator: EventTriggerLogicalOperator, parts: tuple[Dimension, ...]
) -> EventTriggerCondition:
    if not parts:
        raise TypeError("give at least one dimension")
    return EventTriggerCondition(
        event_trigger_dimensions=[_dimension(p) for p in parts], logical_operator=operator
    )


def all_of(*dimensions: Dimension) -> EventTriggerCondition:
    """A condition that holds when every dimension holds (``ALL``).

    Example:
        >>> all_of(field("amount").greater_than(100)).logical_operator.value
        'ALL'
    """
    return _condition(EventTriggerLogicalOperator.ALL, dimensions)


def any_of(*dimensions: Dimension) -> EventTriggerCondition:
    """A condition that holds when at least one dimension holds (``ANY``)."""
    return _condition(EventTriggerLogicalOperator.ANY, dimensions)


def none_of(*dimensions: Dimension) -> EventTriggerCondition:
    """A condition that holds when no dimension holds (``NONE``)."""
    return _condition(EventTriggerLogicalOperator.NONE, dimensions)


def at_most(invocations: int, *, every: int = 1, unit: PeriodUnit | str) -> Period:
    """At most ``invocations`` per profile in any window of ``every`` ``unit``.

    Example:
        >>> p = at_most(3, every=2, unit=PeriodUnit.WEEKS)
        >>> p.max_invocations_per_profile, p.value, p.unit.value
        (3, 2, 'WEEKS')
    """
    return Period(
        unit=_enum(PeriodUnit, unit), value=every, max_invocations_per_profile=invocations
    )


def unlimited(*, every: int = 1, unit: PeriodUnit | str) -> Period:
    """No limit over windows of ``every`` ``unit`` (``Unlimited``).

    Example:
        >>> unlimited(unit="DAYS").unlimited
        True
    """
    return Period(unit=_enum(PeriodUnit, unit), value=every, unlimited=True)


def limits(*periods: Period, expiration: timedelta | int | None = None) -> EventTriggerLimits:
    """A trigger's limits: every period must allow an invocation.

    Args:
        periods: 1 to 4 periods (:func:`at_most`, :func:`unlimited`); none to keep the
            service's default per-profile limit while setting ``expiration``.
        expiration: drop events processed later than this (a ``timedelta``, or
            milliseconds).

    Example:
        >>> limits(expiration=timedelta(seconds=30)).event_expiration
        30000
    """
    millis: int | None
    if expiration is None:
        millis = None
    elif isinstance(expiration, timedelta):
        millis = int(expiration.total_seconds() * 1000)
    elif isinstance(expiration, int) and not isinstance(expiration, bool):
        millis = expiration
    else:
        raise TypeError(f"expected a timedelta or milliseconds, got {type(expiration).__name__}")
    return EventTriggerLimits(event_expiration=millis, periods=list(periods) or None)
