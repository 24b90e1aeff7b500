"""Segment definitions in Python: conditions on profile fields and calculated
attributes, audience groups, starting audiences and sort order.

A classic segment is a list of **audience groups**. Each group keeps the profiles of
its starting audience (the members of other segments, or every profile of the domain)
for which its **conditions** hold; the groups are then combined (``include=`` of
``domain.segments.create``: ``ALL``, ``ANY`` or ``NONE``). This module builds those
pieces as the SDK's models (:class:`~customer_profiles_sdk.models.Dimension`,
:class:`~customer_profiles_sdk.models.Group`,
:class:`~customer_profiles_sdk.models.SegmentSort`), so they can be printed, compared,
stored in a domain spec, or mixed with models built by hand. Nothing here sends a
request.

* Fields: :data:`profile` (``profile.first_name``, ``profile.address.city``,
  ``profile.birth_date``, ``profile.profile_type``...), :func:`attribute` for custom
  attributes (``attribute("tier")``) and :func:`calculated` for calculated attributes
  (``calculated("total_spend")``).
* Conditions: a field's methods, named after the API's operators: ``is_`` (``INCLUSIVE``,
  "is"), ``is_not`` (``EXCLUSIVE``), ``contains``, ``begins_with``, ``ends_with``,
  ``before``, ``after``, ``on``, ``between``, ``not_between``, ``greater_than``,
  ``greater_than_or_equal``, ``less_than``, ``less_than_or_equal``, ``equal``,
  ``list_contains`` and ``list_contains_all``. Several values are alternatives (OR).
  Values are compared as the service stores them: case-sensitively.
* Values: strings, numbers (``100``, ``Decimal("9.99")``) and dates (``date`` is
  midnight UTC; a ``datetime`` must carry a time zone) are written as the API expects.
  A field can be a value too: it then stands for each profile's own value
  (``{{_profile.Address.City}}``, ``{{_calculated_attribute.spend}}``).
* Groups: :func:`all_of`, :func:`any_of` and :func:`none_of` combine conditions;
  ``within=`` sets the starting audience: :func:`members_of_any`,
  :func:`members_of_all`, :func:`members_of_none` (or segment names).
* Sort: :func:`sort_by` with fields' ``ascending()`` / ``descending()``.

Example:
    >>> from customer_profiles_sdk.segments import (
    ...     all_of, any_of, attribute, calculated, members_of_any, profile)
    >>> seattle_vips = all_of(
    ...     profile.address.city.is_("Seattle", "Tacoma"),
    ...     attribute("ltv").greater_than(1000),
    ...     within=members_of_any("newsletter"),
    ... )
    >>> print(describe([seattle_vips], include="ALL"))
    Profiles in every group (Include ALL):
      Group 1: members of any of the segments newsletter (SourceType ANY), where ALL of
        Address.City is "Seattle" or "Tacoma"
        Attributes.ltv is greater than 1000
    >>> lapsed = any_of(calculated("orders", range_days=90).equal(0),
    ...                 profile.email_address.is_not(profile.business_email_address))
    >>> lapsed.dimensions[1].profile_attributes.email_address.values
    ['{{_profile.BusinessEmailAddress}}']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

import attrs

from . import _convert, _display
from .models import (
    Dimension,
    Group,
    IncludeOptions,
    ProfileType,
    SegmentSort,
    SegmentSortDataType,
    SegmentSortOrder,
    SortAttribute,
    SortAttributeType,
    SourceSegment,
)
from .resources._base import coerce

__all__ = [
    "AddressField",
    "AttributeField",
    "CalculatedField",
    "DateField",
    "DateValue",
    "NumberValue",
    "ProfileFields",
    "ProfileTypeField",
    "Reference",
    "Sources",
    "TextField",
    "TextValue",
    "all_of",
    "any_of",
    "attribute",
    "calculated",
    "describe",
    "members_of_all",
    "members_of_any",
    "members_of_none",
    "none_of",
    "profile",
    "sort_by",
]


# --------------------------------------------------------------------------- values


class Reference:
    """A field used as a value: compared, profile by profile, with that profile's own
    value (the API's ``{{_profile.<Path>}}`` and ``{{_calculated_attribute.<Name>}}``).

    Example:
        >>> profile.address.city.reference
        '{{_profile.Address.City}}'
    """

    __slots__ = ()

    @property
    def reference(self) -> str:
        """The API's reference text for this field."""
        raise NotImplementedError


#: A value of a text condition: a string, or a field standing for the profile's value.
TextValue = str | Reference
#: A value of a number condition: a number (``bool`` is refused), a numeric string, or
#: a field.
NumberValue = int | float | Decimal | str | Reference
#: A value of a date condition: a ``date`` (midnight UTC), an aware ``datetime``, an
#: ISO-8601 string, or a field.
DateValue = date | datetime | str | Reference


def _text(value: object) -> str:
    if isinstance(value, Reference):
        return value.reference
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a string or a field, got {type(value).__name__}")


def _number(value: object) -> str:
    if isinstance(value, Reference):
        return value.reference
    if isinstance(value, bool):
        raise TypeError("expected a number, got bool")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"expected a finite number, got {value!r}")
        return repr(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"expected a finite number, got {value!r}")
        return str(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a number, a string or a field, got {type(value).__name__}")


def _date(value: object) -> str:
    if isinstance(value, Reference):
        return value.reference
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(
                "a naive datetime is ambiguous: give it a time zone (the service compares "
                "instants in UTC)"
            )
        utc = value.astimezone(timezone.utc)
        fraction = f".{utc.microsecond:06d}" if utc.microsecond else ""
        return utc.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "Z"
    if isinstance(value, date):
        # Midnight UTC, written as the Amazon Connect admin website writes dates.
        return f"{value.isoformat()}T00:00:00Z"
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a date, a datetime, a string or a field, got {type(value).__name__}")


def _nest(path: Sequence[str], leaf: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = dict(leaf)
    for member in reversed(path):
        out = {member: out}
    return out


def _condition(operator: str, values: list[str]) -> dict[str, Any]:
    return {"DimensionType": operator, "Values": values}


def _data_type(value: SegmentSortDataType | str | None) -> SegmentSortDataType | str | None:
    if value is None or isinstance(value, SegmentSortDataType):
        return value
    try:
        return SegmentSortDataType(value)
    except ValueError:  # an open enum: a newer value stays a string
        return value


# --------------------------------------------------------------------------- fields


class _ProfileField(Reference):
    """A member of ``ProfileAttributes`` (its wire path, e.g. ``("Address", "City")``)."""

    __slots__ = ()
    path: tuple[str, ...]

    @property
    def reference(self) -> str:
        """``{{_profile.<Path>}}``."""
        return "{{_profile." + ".".join(self.path) + "}}"

    def _dimension(self, operator: str, values: list[str]) -> Dimension:
        wire = {"ProfileAttributes": _nest(self.path, _condition(operator, values))}
        return _convert.from_wire(Dimension, wire)

    def _sort_name(self) -> str:
        return ".".join(self.path)

    def ascending(self, *, data_type: SegmentSortDataType | str | None = None) -> SortAttribute:
        """Sort the segment's profiles by this field, smallest first.

        Args:
            data_type: ``STRING``, ``NUMBER`` or ``DATE``; the service infers it when
                absent.
        """
        return SortAttribute(
            name=self._sort_name(),
            order=SegmentSortOrder.ASC,
            data_type=_data_type(data_type),
            type=SortAttributeType.PROFILE,
        )

    def descending(self, *, data_type: SegmentSortDataType | str | None = None) -> SortAttribute:
        """Sort the segment's profiles by this field, largest first (see :meth:`ascending`)."""
        return attrs.evolve(self.ascending(data_type=data_type), order=SegmentSortOrder.DESC)


class _TextOperators:
    """The five text operators (``StringDimensionType``)."""

    __slots__ = ()

    def _dimension(self, operator: str, values: list[str]) -> Dimension:
        raise NotImplementedError

    def is_(self, value: TextValue, /, *more: TextValue) -> Dimension:
        """The value is one of those given (``INCLUSIVE``, "is"; exact and case-sensitive).

        Example:
            >>> profile.address.country.is_("US", "CA").profile_attributes.address.country.values
            ['US', 'CA']
        """
        return self._dimension("INCLUSIVE", [_text(v) for v in (value, *more)])

    def is_not(self, value: TextValue, /, *more: TextValue) -> Dimension:
        """The value is none of those given (``EXCLUSIVE``, "is not"). The service may
        leave out profiles that have no value at all (the emulator does)."""
        return self._dimension("EXCLUSIVE", [_text(v) for v in (value, *more)])

    def contains(self, value: TextValue, /, *more: TextValue) -> Dimension:
        """The value contains one of those given (``CONTAINS``)."""
        return self._dimension("CONTAINS", [_text(v) for v in (value, *more)])

    def begins_with(self, value: TextValue, /, *more: TextValue) -> Dimension:
        """The value begins with one of those given (``BEGINS_WITH``)."""
        return self._dimension("BEGINS_WITH", [_text(v) for v in (value, *more)])

    def ends_with(self, value: TextValue, /, *more: TextValue) -> Dimension:
        """The value ends with one of those given (``ENDS_WITH``), e.g. an e-mail domain."""
        return self._dimension("ENDS_WITH", [_text(v) for v in (value, *more)])


class _DateOperators:
    """The five date operators (``DateDimensionType``)."""

    __slots__ = ()

    def _dimension(self, operator: str, values: list[str]) -> Dimension:
        raise NotImplementedError

    def before(self, value: DateValue, /, *more: DateValue) -> Dimension:
        """The date is strictly before one of those given (``BEFORE``).

        Example:
            >>> from datetime import date
            >>> profile.birth_date.before(date(1990, 1, 1)).profile_attributes.birth_date.values
            ['1990-01-01T00:00:00Z']
        """
        return self._dimension("BEFORE", [_date(v) for v in (value, *more)])

    def after(self, value: DateValue, /, *more: DateValue) -> Dimension:
        """The date is strictly after one of those given (``AFTER``)."""
        return self._dimension("AFTER", [_date(v) for v in (value, *more)])

    def on(self, value: DateValue, /, *more: DateValue) -> Dimension:
        """The date falls on the (UTC) day of one of those given (``ON``)."""
        return self._dimension("ON", [_date(v) for v in (value, *more)])

    def between(self, start: DateValue, end: DateValue, /) -> Dimension:
        """The date is from ``start`` to ``end``, both included (``BETWEEN``)."""
        return self._dimension("BETWEEN", [_date(start), _date(end)])

    def not_between(self, start: DateValue, end: DateValue, /) -> Dimension:
        """The date is outside ``start`` to ``end`` (``NOT_BETWEEN``)."""
        return self._dimension("NOT_BETWEEN", [_date(start), _date(end)])


class _NumberOperators:
    """The five number operators and the two list operators of ``AttributeDimensionType``."""

    __slots__ = ()

    def _dimension(self, operator: str, values: list[str]) -> Dimension:
        raise NotImplementedError

    def greater_than(self, value: NumberValue, /, *more: NumberValue) -> Dimension:
        """The value, read as a number, is greater than one of those given
        (``GREATER_THAN``).

        Example:
            >>> attribute("ltv").greater_than(100).profile_attributes.attributes["ltv"].values
            ['100']
        """
        return self._dimension("GREATER_THAN", [_number(v) for v in (value, *more)])

    def greater_than_or_equal(self, value: NumberValue, /, *more: NumberValue) -> Dimension:
        """The value is at least one of those given (``GREATER_THAN_OR_EQUAL``)."""
        return self._dimension("GREATER_THAN_OR_EQUAL", [_number(v) for v in (value, *more)])

    def less_than(self, value: NumberValue, /, *more: NumberValue) -> Dimension:
        """The value is less than one of those given (``LESS_THAN``)."""
        return self._dimension("LESS_THAN", [_number(v) for v in (value, *more)])

    def less_than_or_equal(self, value: NumberValue, /, *more: NumberValue) -> Dimension:
        """The value is at most one of those given (``LESS_THAN_OR_EQUAL``)."""
        return self._dimension("LESS_THAN_OR_EQUAL", [_number(v) for v in (value, *more)])

    def equal(self, value: NumberValue, /, *more: NumberValue) -> Dimension:
        """The value equals one of those given as a number (``EQUAL``): ``"10"`` equals
        ``10.0``; for text, use :meth:`is_`."""
        return self._dimension("EQUAL", [_number(v) for v in (value, *more)])

    def list_contains(self, value: TextValue, /, *more: TextValue) -> Dimension:
        """The value, a list, contains at least one of those given (``LIST_CONTAINS``)."""
        return self._dimension("LIST_CONTAINS", [_text(v) for v in (value, *more)])

    def list_contains_all(self, value: TextValue, /, *more: TextValue) -> Dimension:
        """The value, a list, contains every one of those given (``LIST_CONTAINS_ALL``)."""
        return self._dimension("LIST_CONTAINS_ALL", [_text(v) for v in (value, *more)])


@attrs.frozen
class TextField(_ProfileField, _TextOperators):
    """A text field of the standard profile (``profile.first_name``,
    ``profile.address.city``...): conditions with the text operators.

    Attributes:
        path: the field's members in ``ProfileAttributes``, e.g. ``("Address", "City")``.
    """

    path: tuple[str, ...]


@attrs.frozen
class DateField(_ProfileField, _DateOperators):
    """The profile's ``BirthDate``: conditions with the date operators.

    Attributes:
        path: ``("BirthDate",)``.
    """

    path: tuple[str, ...] = ("BirthDate",)


@attrs.frozen
class ProfileTypeField:
    """The profile's ``ProfileType``: an account profile or a person's profile.

    Example:
        >>> condition = profile.profile_type.is_not("ACCOUNT_PROFILE")
        >>> condition.profile_attributes.profile_type.values == [ProfileType.ACCOUNT_PROFILE]
        True
    """

    def _dimension(self, operator: str, value: ProfileType | str) -> Dimension:
        text = value.value if isinstance(value, ProfileType) else _text(value)
        wire = {"ProfileAttributes": {"ProfileType": _condition(operator, [text])}}
        return _convert.from_wire(Dimension, wire)

    def is_(self, value: ProfileType | str, /) -> Dimension:
        """The profile's type is ``value`` (``INCLUSIVE``; one value only)."""
        return self._dimension("INCLUSIVE", value)

    def is_not(self, value: ProfileType | str, /) -> Dimension:
        """The profile's type is set and is not ``value`` (``EXCLUSIVE``)."""
        return self._dimension("EXCLUSIVE", value)


@attrs.frozen
class AttributeField(_ProfileField, _TextOperators, _DateOperators, _NumberOperators):
    """A custom attribute of the profile (``attribute("tier")``): conditions with every
    operator, text, date, number and list.

    Attributes:
        key: the custom attribute's key.
    """

    key: str

    @property
    def path(self) -> tuple[str, ...]:  # type: ignore[override]
        """``("Attributes", key)``."""
        return ("Attributes", self.key)

    def _sort_name(self) -> str:
        return self.key


@attrs.frozen
class AddressField:
    """One of the profile's four addresses (``profile.address``,
    ``profile.shipping_address``...): its parts are text fields.

    Attributes:
        block: the address member, e.g. ``"ShippingAddress"``.
    """

    block: str

    @property
    def city(self) -> TextField:
        """The address's ``City``."""
        return TextField((self.block, "City"))

    @property
    def country(self) -> TextField:
        """The address's ``Country``."""
        return TextField((self.block, "Country"))

    @property
    def county(self) -> TextField:
        """The address's ``County``."""
        return TextField((self.block, "County"))

    @property
    def postal_code(self) -> TextField:
        """The address's ``PostalCode``."""
        return TextField((self.block, "PostalCode"))

    @property
    def province(self) -> TextField:
        """The address's ``Province``."""
        return TextField((self.block, "Province"))

    @property
    def state(self) -> TextField:
        """The address's ``State``."""
        return TextField((self.block, "State"))


@attrs.frozen
class CalculatedField(_TextOperators, _DateOperators, _NumberOperators, Reference):
    """A calculated attribute of the domain (``calculated("total_spend")``): conditions
    on its value for each profile, with every operator.

    Attributes:
        name: the calculated attribute.
        range_days: compare the value over another range of days than the
            definition's, for this segment only: ``60`` (the last 60 days) or
            ``(60, 30)`` (from 60 to 30 days ago); ``None`` keeps the definition's.
    """

    name: str
    range_days: int | tuple[int, int] | None = None

    @property
    def reference(self) -> str:
        """``{{_calculated_attribute.<Name>}}`` (over the definition's own range)."""
        return "{{_calculated_attribute." + self.name + "}}"

    def _dimension(self, operator: str, values: list[str]) -> Dimension:
        condition = _condition(operator, values)
        if self.range_days is not None:
            days = self.range_days
            start, end = (days, None) if isinstance(days, int) else days
            override: dict[str, Any] = {"Start": start, "Unit": "DAYS"}
            if end is not None:
                override["End"] = end
            condition["ConditionOverrides"] = {"Range": override}
        return _convert.from_wire(Dimension, {"CalculatedAttributes": {self.name: condition}})

    def ascending(self, *, data_type: SegmentSortDataType | str | None = None) -> SortAttribute:
        """Sort the segment's profiles by this calculated attribute, smallest first."""
        return SortAttribute(
            name=self.name,
            order=SegmentSortOrder.ASC,
            data_type=_data_type(data_type),
            type=SortAttributeType.CALCULATED,
        )

    def descending(self, *, data_type: SegmentSortDataType | str | None = None) -> SortAttribute:
        """Sort the segment's profiles by this calculated attribute, largest first."""
        return attrs.evolve(self.ascending(data_type=data_type), order=SegmentSortOrder.DESC)


class ProfileFields:
    """The fields of the standard profile a segment can filter on: use :data:`profile`.

    Example:
        >>> profile.email_address.ends_with("@example.com").profile_attributes.email_address.values
        ['@example.com']
    """

    __slots__ = ()

    account_number = TextField(("AccountNumber",))
    first_name = TextField(("FirstName",))
    middle_name = TextField(("MiddleName",))
    last_name = TextField(("LastName",))
    business_name = TextField(("BusinessName",))
    gender_string = TextField(("GenderString",))
    party_type_string = TextField(("PartyTypeString",))
    phone_number = TextField(("PhoneNumber",))
    mobile_phone_number = TextField(("MobilePhoneNumber",))
    home_phone_number = TextField(("HomePhoneNumber",))
    business_phone_number = TextField(("BusinessPhoneNumber",))
    email_address = TextField(("EmailAddress",))
    personal_email_address = TextField(("PersonalEmailAddress",))
    business_email_address = TextField(("BusinessEmailAddress",))
    #: Free text of up to 1000 characters per value.
    additional_information = TextField(("AdditionalInformation",))
    birth_date = DateField()
    address = AddressField("Address")
    shipping_address = AddressField("ShippingAddress")
    mailing_address = AddressField("MailingAddress")
    billing_address = AddressField("BillingAddress")
    profile_type = ProfileTypeField()

    def attribute(self, key: str) -> AttributeField:
        """The custom attribute ``key`` (same as :func:`attribute`)."""
        return AttributeField(key)


#: The standard profile's fields: ``profile.first_name``, ``profile.address.city``,
#: ``profile.birth_date``, ``profile.profile_type``, ``profile.attribute("tier")``...
profile = ProfileFields()


def attribute(key: str) -> AttributeField:
    """The profile's custom attribute ``key`` (``Attributes``), for conditions with any
    operator.

    Example:
        >>> attribute("tier").is_("gold").profile_attributes.attributes["tier"].dimension_type
        <AttributeDimensionType.INCLUSIVE: 'INCLUSIVE'>
    """
    return AttributeField(key)


def calculated(name: str, *, range_days: int | tuple[int, int] | None = None) -> CalculatedField:
    """The domain's calculated attribute ``name``, for conditions on its value.

    Args:
        name: the calculated attribute (it must exist when the segment is created).
        range_days: compare the value over the last ``range_days`` days, or from
            ``range_days[0]`` to ``range_days[1]`` days ago, instead of the definition's
            own range (for this segment only; 1 to 366 and 0 to 366).

    Example:
        >>> c = calculated("calls", range_days=60).greater_than_or_equal(4)
        >>> c.calculated_attributes["calls"].condition_overrides.range.start
        60
    """
    return CalculatedField(name, range_days)


# --------------------------------------------------------------------------- groups


@attrs.frozen
class Sources:
    """A group's starting audience: the members of other segments, combined.

    Attributes:
        names: the segment definitions (1 to 5).
        match: ``ANY`` (members of at least one), ``ALL`` (of every one) or ``NONE``
            (profiles in none of them).
    """

    names: tuple[str, ...]
    match: IncludeOptions


def members_of_any(*names: str) -> Sources:
    """Start from the profiles in at least one of the segments ``names`` (``SourceType``
    ``ANY``)."""
    return Sources(names, IncludeOptions.ANY)


def members_of_all(*names: str) -> Sources:
    """Start from the profiles in every one of the segments ``names`` (``ALL``)."""
    return Sources(names, IncludeOptions.ALL)


def members_of_none(*names: str) -> Sources:
    """Start from the profiles of the domain in none of the segments ``names`` (``NONE``)."""
    return Sources(names, IncludeOptions.NONE)


#: What ``within=`` takes: :class:`Sources`, one segment name, or several (``ANY``).
SourcesLike = Sources | str | Sequence[str]


def _group(
    kind: IncludeOptions,
    conditions: tuple[Dimension | Mapping[str, Any], ...],
    within: SourcesLike | None,
) -> Group:
    dimensions = [coerce(Dimension, c) for c in conditions]
    sources: Sources | None
    if within is None:
        sources = None
    elif isinstance(within, Sources):
        sources = within
    elif isinstance(within, str):
        sources = Sources((within,), IncludeOptions.ANY)
    else:
        sources = Sources(tuple(within), IncludeOptions.ANY)
    return Group(
        dimensions=dimensions or None,
        type=kind if dimensions else None,
        source_segments=None
        if sources is None
        else [SourceSegment(segment_definition_name=n) for n in sources.names],
        source_type=None if sources is None else sources.match,
    )


def all_of(*conditions: Dimension | Mapping[str, Any], within: SourcesLike | None = None) -> Group:
    """An audience group: the profiles for which every condition holds (``Type`` ``ALL``).

    Args:
        conditions: the conditions (``Dimension``\\ s, or mappings of their fields).
            None: every profile of the starting audience.
        within: the starting audience (:func:`members_of_any` and its siblings, or
            segment names, combined with ``ANY``); by default every profile of the domain.

    Example:
        >>> group = all_of(profile.first_name.is_("Ann"), within="vip")
        >>> group.type.value, [s.segment_definition_name for s in group.source_segments]
        ('ALL', ['vip'])
    """
    return _group(IncludeOptions.ALL, conditions, within)


def any_of(*conditions: Dimension | Mapping[str, Any], within: SourcesLike | None = None) -> Group:
    """An audience group: the profiles for which at least one condition holds (``ANY``);
    see :func:`all_of`."""
    return _group(IncludeOptions.ANY, conditions, within)


def none_of(*conditions: Dimension | Mapping[str, Any], within: SourcesLike | None = None) -> Group:
    """An audience group: the profiles for which no condition holds (``NONE``); see
    :func:`all_of`."""
    return _group(IncludeOptions.NONE, conditions, within)


def sort_by(*attributes: SortAttribute | Mapping[str, Any]) -> SegmentSort:
    """A segment's order: ``attributes`` applied in turn (1 to 10), each later one
    breaking the ties of those before it.

    Example:
        >>> sort_by(calculated("spend").descending()).attributes[0].type.value
        'CALCULATED'
    """
    return SegmentSort(attributes=[coerce(SortAttribute, a) for a in attributes])


def describe(
    groups: Group | Sequence[Group | Mapping[str, Any]],
    *,
    include: IncludeOptions | str | None = None,
) -> str:
    """Audience groups as text for people, one line per group and condition (the text
    of a definition's notebook view, and of ``SegmentDefinition.describe()``).

    Args:
        groups: one group or several.
        include: how the groups combine, as ``domain.segments.create`` takes it.
    """
    items = [groups] if isinstance(groups, Group) else list(groups)
    wire: dict[str, Any] = {"Groups": [_convert.to_wire(coerce(Group, g)) for g in items]}
    if include is not None:
        wire["Include"] = include.value if isinstance(include, IncludeOptions) else include
    return "\n".join(_display.describe_segment_groups(wire))
