"""Profiles: the standard profile object and its parts."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

import attrs

from ._base import Extra, model

__all__ = [
    "Address",
    "BatchGetProfileError",
    "BatchGetProfileResult",
    "ContactPreference",
    "ContactType",
    "EngagementPreferences",
    "FieldSourceProfileIds",
    "FoundByKeyValue",
    "Gender",
    "Key",
    "MergeResult",
    "PartyType",
    "Profile",
    "ProfileType",
    "SearchKey",
]


class Gender(str, Enum):
    """``Gender`` (open enum: an unknown value is kept as a plain ``str``)."""

    MALE = "MALE"
    FEMALE = "FEMALE"
    UNSPECIFIED = "UNSPECIFIED"


class PartyType(str, Enum):
    """``PartyType`` (open enum)."""

    INDIVIDUAL = "INDIVIDUAL"
    BUSINESS = "BUSINESS"
    OTHER = "OTHER"


class ProfileType(str, Enum):
    """``ProfileType`` (open enum)."""

    ACCOUNT_PROFILE = "ACCOUNT_PROFILE"
    PROFILE = "PROFILE"


class ContactType(str, Enum):
    """The profile field an engagement preference refers to (open enum)."""

    PHONE_NUMBER = "PhoneNumber"
    MOBILE_PHONE_NUMBER = "MobilePhoneNumber"
    HOME_PHONE_NUMBER = "HomePhoneNumber"
    BUSINESS_PHONE_NUMBER = "BusinessPhoneNumber"
    EMAIL_ADDRESS = "EmailAddress"
    PERSONAL_EMAIL_ADDRESS = "PersonalEmailAddress"
    BUSINESS_EMAIL_ADDRESS = "BusinessEmailAddress"


@model
class Address:
    """A postal address (``Address`` shape). Every member is optional.

    Example:
        >>> home = Address(address1="1 Main St", city="Seattle", country="US")
        >>> home.city
        'Seattle'
    """

    __wire_shape__: ClassVar[str] = "Address"

    address1: str | None = attrs.field(default=None, metadata={"sensitive": True})
    address2: str | None = attrs.field(default=None, metadata={"sensitive": True})
    address3: str | None = attrs.field(default=None, metadata={"sensitive": True})
    address4: str | None = attrs.field(default=None, metadata={"sensitive": True})
    city: str | None = attrs.field(default=None, metadata={"sensitive": True})
    county: str | None = attrs.field(default=None, metadata={"sensitive": True})
    state: str | None = attrs.field(default=None, metadata={"sensitive": True})
    province: str | None = attrs.field(default=None, metadata={"sensitive": True})
    country: str | None = attrs.field(default=None, metadata={"sensitive": True})
    postal_code: str | None = attrs.field(default=None, metadata={"sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ContactPreference:
    """A preferred way to contact a profile (``ContactPreference`` shape)."""

    __wire_shape__: ClassVar[str] = "ContactPreference"

    key_name: str | None = None
    #: The phone number or email: personal data, masked in ``repr``.
    key_value: str | None = attrs.field(default=None, metadata={"sensitive": True})
    profile_id: str | None = None
    contact_type: ContactType | str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EngagementPreferences:
    """Preferred phone numbers and emails (``EngagementPreferences`` shape)."""

    __wire_shape__: ClassVar[str] = "EngagementPreferences"

    phone: list[ContactPreference] | None = None
    email: list[ContactPreference] | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class FoundByKeyValue:
    """Which search key and values found a profile (``FoundByKeyValue``, search only)."""

    __wire_shape__: ClassVar[str] = "FoundByKeyValue"

    key_name: str | None = None
    #: The searched values (emails, phones...): personal data, masked in ``repr``.
    values: list[str] | None = attrs.field(default=None, metadata={"sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Profile:
    """A customer profile (the standard ``Profile`` object).

    Every member is optional; ``profile_id`` is set by the service. Personal data
    (names, phones, emails, addresses, attributes) is masked in ``repr``.

    Example:
        >>> p = Profile(first_name="Ana", email_address="ana@example.com")
        >>> p.first_name
        'Ana'
        >>> "ana@" in repr(p)
        False
    """

    __wire_shape__: ClassVar[str] = "Profile"

    profile_id: str | None = None
    account_number: str | None = None
    additional_information: str | None = None
    party_type: PartyType | str | None = None
    party_type_string: str | None = None
    business_name: str | None = None
    first_name: str | None = None
    middle_name: str | None = None
    last_name: str | None = None
    birth_date: str | None = None
    gender: Gender | str | None = None
    gender_string: str | None = None
    phone_number: str | None = None
    mobile_phone_number: str | None = None
    home_phone_number: str | None = None
    business_phone_number: str | None = None
    email_address: str | None = None
    personal_email_address: str | None = None
    business_email_address: str | None = None
    address: Address | None = None
    shipping_address: Address | None = None
    mailing_address: Address | None = None
    billing_address: Address | None = None
    attributes: dict[str, str] = attrs.field(factory=dict)
    profile_type: ProfileType | str | None = None
    engagement_preferences: EngagementPreferences | None = None
    #: Set by ``SearchProfiles`` only: which keys found this profile.
    found_by_items: list[FoundByKeyValue] | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Key:
    """A search key and values added to a profile (``AddProfileKey``'s response).

    Example:
        >>> key = Key(key_name="_account", values=["A-1"])
        >>> key.key_name, "A-1" in repr(key)
        ('_account', False)
    """

    __wire_shape__: ClassVar[str] = "AddProfileKeyResponse"

    key_name: str | None = None
    #: Key values are often emails or phone numbers: masked in ``repr``.
    values: list[str] = attrs.field(factory=list, metadata={"sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class BatchGetProfileError:
    """Why ``BatchGetProfile`` could not return one profile (``BatchGetProfileError``)."""

    __wire_shape__: ClassVar[str] = "BatchGetProfileError"

    code: str | None = None
    message: str | None = None
    profile_id: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class BatchGetProfileResult:
    """The answer of ``BatchGetProfile``: the profiles found and an error per other id.

    Attributes:
        profiles: the profiles that were found.
        errors: one entry per requested id that could not be returned.
    """

    __wire_shape__: ClassVar[str] = "BatchGetProfileResponse"

    profiles: list[Profile] = attrs.field(factory=list)
    errors: list[BatchGetProfileError] = attrs.field(factory=list)
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class FieldSourceProfileIds:
    """For a merge: which profile each field's value is taken from (``FieldSourceProfileIds``).

    Each member is a profile id (the main profile or one of those merged). A field that
    names a profile takes that profile's value even when it has none (the field is then
    cleared). ``attributes`` maps an attribute key to the profile to take it from.

    Example:
        >>> sources = FieldSourceProfileIds(email_address="a" * 32)
        >>> sources.email_address == "a" * 32
        True
    """

    __wire_shape__: ClassVar[str] = "FieldSourceProfileIds"

    account_number: str | None = None
    additional_information: str | None = None
    party_type: str | None = None
    business_name: str | None = None
    first_name: str | None = None
    middle_name: str | None = None
    last_name: str | None = None
    birth_date: str | None = None
    gender: str | None = None
    phone_number: str | None = None
    mobile_phone_number: str | None = None
    home_phone_number: str | None = None
    business_phone_number: str | None = None
    email_address: str | None = None
    personal_email_address: str | None = None
    business_email_address: str | None = None
    address: str | None = None
    shipping_address: str | None = None
    mailing_address: str | None = None
    billing_address: str | None = None
    attributes: dict[str, str] = attrs.field(factory=dict)
    profile_type: str | None = None
    engagement_preferences: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class MergeResult:
    """The answer of ``MergeProfiles`` (``MergeProfilesResponse``).

    Attributes:
        message: the service's message (for people; do not parse it).
    """

    __wire_shape__: ClassVar[str] = "MergeProfilesResponse"

    message: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SearchKey:
    """One key and its values to search for (``AdditionalSearchKey`` shape).

    ``profiles.search(keys=[SearchKey(key_name="_email", values=["ana@example.com"])])``
    is the same as ``profiles.search(keys={"_email": ["ana@example.com"]})``.
    """

    __wire_shape__: ClassVar[str] = "AdditionalSearchKey"

    key_name: str
    #: The searched values (emails, phones...): personal data, masked in ``repr``.
    values: list[str] = attrs.field(factory=list, metadata={"sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)
