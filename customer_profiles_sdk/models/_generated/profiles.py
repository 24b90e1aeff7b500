"""Models of the profiles operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model

__all__ = [
    "Address",
    "BatchGetProfileError",
    "BatchGetProfileResult",
    "ContactPreference",
    "ContactType",
    "CreateProfileResponse",
    "DeleteProfileKeyResponse",
    "DeleteProfileResponse",
    "EngagementPreferences",
    "FieldSourceProfileIds",
    "FoundByKeyValue",
    "Gender",
    "Key",
    "LogicalOperator",
    "MergeResult",
    "PartyType",
    "Profile",
    "ProfileType",
    "SearchKey",
    "SearchProfilesResponse",
    "UpdateProfileResponse",
]


class ContactType(str, Enum):
    """The profile field an engagement preference refers to (open enum)."""

    PHONE_NUMBER = "PhoneNumber"
    MOBILE_PHONE_NUMBER = "MobilePhoneNumber"
    HOME_PHONE_NUMBER = "HomePhoneNumber"
    BUSINESS_PHONE_NUMBER = "BusinessPhoneNumber"
    EMAIL_ADDRESS = "EmailAddress"
    PERSONAL_EMAIL_ADDRESS = "PersonalEmailAddress"
    BUSINESS_EMAIL_ADDRESS = "BusinessEmailAddress"


class Gender(str, Enum):
    """``Gender`` (open enum: an unknown value is kept as a plain ``str``)."""

    MALE = "MALE"
    FEMALE = "FEMALE"
    UNSPECIFIED = "UNSPECIFIED"


class LogicalOperator(str, Enum):
    """``logicalOperator``, an open enum: a value this SDK does not know stays a ``str``."""

    AND = "AND"
    OR = "OR"


class PartyType(str, Enum):
    """``PartyType`` (open enum)."""

    INDIVIDUAL = "INDIVIDUAL"
    BUSINESS = "BUSINESS"
    OTHER = "OTHER"


class ProfileType(str, Enum):
    """``ProfileType`` (open enum)."""

    ACCOUNT_PROFILE = "ACCOUNT_PROFILE"
    PROFILE = "PROFILE"


@model
class Address:
    """A postal address (``Address`` shape). Every member is optional.

    Example:
        >>> home = Address(address1="1 Main St", city="Seattle", country="US")
        >>> home.city
        'Seattle'
    """

    __wire_shape__: ClassVar[str] = "Address"

    address1: str | None = attrs.field(
        default=None, metadata={"wire": "Address1", "sensitive": True}
    )
    address2: str | None = attrs.field(
        default=None, metadata={"wire": "Address2", "sensitive": True}
    )
    address3: str | None = attrs.field(
        default=None, metadata={"wire": "Address3", "sensitive": True}
    )
    address4: str | None = attrs.field(
        default=None, metadata={"wire": "Address4", "sensitive": True}
    )
    city: str | None = attrs.field(default=None, metadata={"wire": "City", "sensitive": True})
    county: str | None = attrs.field(default=None, metadata={"wire": "County", "sensitive": True})
    state: str | None = attrs.field(default=None, metadata={"wire": "State", "sensitive": True})
    province: str | None = attrs.field(
        default=None, metadata={"wire": "Province", "sensitive": True}
    )
    country: str | None = attrs.field(default=None, metadata={"wire": "Country", "sensitive": True})
    postal_code: str | None = attrs.field(
        default=None, metadata={"wire": "PostalCode", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class BatchGetProfileError:
    """Why ``BatchGetProfile`` could not return one profile (``BatchGetProfileError``)."""

    __wire_shape__: ClassVar[str] = "BatchGetProfileError"

    code: str | None = attrs.field(default=None, metadata={"wire": "Code"})
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    profile_id: str | None = attrs.field(default=None, metadata={"wire": "ProfileId"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class BatchGetProfileResult:
    """The answer of ``BatchGetProfile``: the profiles found and an error per other id.

    Attributes:
        profiles: the profiles that were found.
        errors: one entry per requested id that could not be returned.
    """

    __wire_shape__: ClassVar[str] = "BatchGetProfileResponse"

    errors: list[BatchGetProfileError] = attrs.field(factory=list, metadata={"wire": "Errors"})
    profiles: list[Profile] = attrs.field(factory=list, metadata={"wire": "Profiles"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ContactPreference:
    """A preferred way to contact a profile (``ContactPreference`` shape)."""

    __wire_shape__: ClassVar[str] = "ContactPreference"

    key_name: str | None = attrs.field(
        default=None, metadata={"wire": "KeyName", "sensitive": True}
    )
    key_value: str | None = attrs.field(
        default=None, metadata={"wire": "KeyValue", "sensitive": True}
    )
    """The phone number or email: personal data, masked in ``repr``."""
    profile_id: str | None = attrs.field(
        default=None, metadata={"wire": "ProfileId", "sensitive": True}
    )
    contact_type: ContactType | str | None = attrs.field(
        default=None, metadata={"wire": "ContactType", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CreateProfileResponse:
    """The ``CreateProfileResponse`` structure, used by ``CreateProfile`` (response)."""

    __wire_shape__: ClassVar[str] = "CreateProfileResponse"

    profile_id: str = attrs.field(metadata={"wire": "ProfileId"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteProfileKeyResponse:
    """The ``DeleteProfileKeyResponse`` structure, used by ``DeleteProfileKey`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteProfileKeyResponse"

    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteProfileResponse:
    """The ``DeleteProfileResponse`` structure, used by ``DeleteProfile`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteProfileResponse"

    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EngagementPreferences:
    """Preferred phone numbers and emails (``EngagementPreferences`` shape)."""

    __wire_shape__: ClassVar[str] = "EngagementPreferences"

    phone: list[ContactPreference] | None = attrs.field(
        default=None, metadata={"wire": "Phone", "sensitive": True}
    )
    email: list[ContactPreference] | None = attrs.field(
        default=None, metadata={"wire": "Email", "sensitive": True}
    )
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

    account_number: str | None = attrs.field(default=None, metadata={"wire": "AccountNumber"})
    additional_information: str | None = attrs.field(
        default=None, metadata={"wire": "AdditionalInformation"}
    )
    party_type: str | None = attrs.field(default=None, metadata={"wire": "PartyType"})
    business_name: str | None = attrs.field(default=None, metadata={"wire": "BusinessName"})
    first_name: str | None = attrs.field(default=None, metadata={"wire": "FirstName"})
    middle_name: str | None = attrs.field(default=None, metadata={"wire": "MiddleName"})
    last_name: str | None = attrs.field(default=None, metadata={"wire": "LastName"})
    birth_date: str | None = attrs.field(default=None, metadata={"wire": "BirthDate"})
    gender: str | None = attrs.field(default=None, metadata={"wire": "Gender"})
    phone_number: str | None = attrs.field(default=None, metadata={"wire": "PhoneNumber"})
    mobile_phone_number: str | None = attrs.field(
        default=None, metadata={"wire": "MobilePhoneNumber"}
    )
    home_phone_number: str | None = attrs.field(default=None, metadata={"wire": "HomePhoneNumber"})
    business_phone_number: str | None = attrs.field(
        default=None, metadata={"wire": "BusinessPhoneNumber"}
    )
    email_address: str | None = attrs.field(default=None, metadata={"wire": "EmailAddress"})
    personal_email_address: str | None = attrs.field(
        default=None, metadata={"wire": "PersonalEmailAddress"}
    )
    business_email_address: str | None = attrs.field(
        default=None, metadata={"wire": "BusinessEmailAddress"}
    )
    address: str | None = attrs.field(default=None, metadata={"wire": "Address"})
    shipping_address: str | None = attrs.field(default=None, metadata={"wire": "ShippingAddress"})
    mailing_address: str | None = attrs.field(default=None, metadata={"wire": "MailingAddress"})
    billing_address: str | None = attrs.field(default=None, metadata={"wire": "BillingAddress"})
    attributes: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Attributes"})
    profile_type: str | None = attrs.field(default=None, metadata={"wire": "ProfileType"})
    engagement_preferences: str | None = attrs.field(
        default=None, metadata={"wire": "EngagementPreferences"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class FoundByKeyValue:
    """Which search key and values found a profile (``FoundByKeyValue``, search only)."""

    __wire_shape__: ClassVar[str] = "FoundByKeyValue"

    key_name: str | None = attrs.field(default=None, metadata={"wire": "KeyName"})
    values: list[str] | None = attrs.field(
        default=None, metadata={"wire": "Values", "sensitive": True}
    )
    """The searched values (emails, phones...): personal data, masked in ``repr``."""
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

    key_name: str | None = attrs.field(default=None, metadata={"wire": "KeyName"})
    values: list[str] = attrs.field(factory=list, metadata={"wire": "Values", "sensitive": True})
    """Key values are often emails or phone numbers: masked in ``repr``."""
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class MergeResult:
    """The answer of ``MergeProfiles`` (``MergeProfilesResponse``).

    Attributes:
        message: the service's message (for people; do not parse it).
    """

    __wire_shape__: ClassVar[str] = "MergeProfilesResponse"

    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
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

    profile_id: str | None = attrs.field(default=None, metadata={"wire": "ProfileId"})
    account_number: str | None = attrs.field(
        default=None, metadata={"wire": "AccountNumber", "sensitive": True}
    )
    additional_information: str | None = attrs.field(
        default=None, metadata={"wire": "AdditionalInformation", "sensitive": True}
    )
    party_type: PartyType | str | None = attrs.field(
        default=None, metadata={"wire": "PartyType", "sensitive": True}
    )
    business_name: str | None = attrs.field(
        default=None, metadata={"wire": "BusinessName", "sensitive": True}
    )
    first_name: str | None = attrs.field(
        default=None, metadata={"wire": "FirstName", "sensitive": True}
    )
    middle_name: str | None = attrs.field(
        default=None, metadata={"wire": "MiddleName", "sensitive": True}
    )
    last_name: str | None = attrs.field(
        default=None, metadata={"wire": "LastName", "sensitive": True}
    )
    birth_date: str | None = attrs.field(
        default=None, metadata={"wire": "BirthDate", "sensitive": True}
    )
    gender: Gender | str | None = attrs.field(
        default=None, metadata={"wire": "Gender", "sensitive": True}
    )
    phone_number: str | None = attrs.field(
        default=None, metadata={"wire": "PhoneNumber", "sensitive": True}
    )
    mobile_phone_number: str | None = attrs.field(
        default=None, metadata={"wire": "MobilePhoneNumber", "sensitive": True}
    )
    home_phone_number: str | None = attrs.field(
        default=None, metadata={"wire": "HomePhoneNumber", "sensitive": True}
    )
    business_phone_number: str | None = attrs.field(
        default=None, metadata={"wire": "BusinessPhoneNumber", "sensitive": True}
    )
    email_address: str | None = attrs.field(
        default=None, metadata={"wire": "EmailAddress", "sensitive": True}
    )
    personal_email_address: str | None = attrs.field(
        default=None, metadata={"wire": "PersonalEmailAddress", "sensitive": True}
    )
    business_email_address: str | None = attrs.field(
        default=None, metadata={"wire": "BusinessEmailAddress", "sensitive": True}
    )
    address: Address | None = attrs.field(
        default=None, metadata={"wire": "Address", "sensitive": True}
    )
    shipping_address: Address | None = attrs.field(
        default=None, metadata={"wire": "ShippingAddress", "sensitive": True}
    )
    mailing_address: Address | None = attrs.field(
        default=None, metadata={"wire": "MailingAddress", "sensitive": True}
    )
    billing_address: Address | None = attrs.field(
        default=None, metadata={"wire": "BillingAddress", "sensitive": True}
    )
    attributes: dict[str, str] = attrs.field(
        factory=dict, metadata={"wire": "Attributes", "sensitive": True}
    )
    found_by_items: list[FoundByKeyValue] | None = attrs.field(
        default=None, metadata={"wire": "FoundByItems"}
    )
    """Set by ``SearchProfiles`` only: which keys found this profile."""
    party_type_string: str | None = attrs.field(
        default=None, metadata={"wire": "PartyTypeString", "sensitive": True}
    )
    gender_string: str | None = attrs.field(
        default=None, metadata={"wire": "GenderString", "sensitive": True}
    )
    profile_type: ProfileType | str | None = attrs.field(
        default=None, metadata={"wire": "ProfileType", "sensitive": True}
    )
    engagement_preferences: EngagementPreferences | None = attrs.field(
        default=None, metadata={"wire": "EngagementPreferences", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SearchKey:
    """One key and its values to search for (``AdditionalSearchKey`` shape).

    ``profiles.search(keys=[SearchKey(key_name="_email", values=["ana@example.com"])])``
    is the same as ``profiles.search(keys={"_email": ["ana@example.com"]})``.
    """

    __wire_shape__: ClassVar[str] = "AdditionalSearchKey"

    key_name: str = attrs.field(metadata={"wire": "KeyName"})
    values: list[str] = attrs.field(factory=list, metadata={"wire": "Values", "sensitive": True})
    """The searched values (emails, phones...): personal data, masked in ``repr``."""
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SearchProfilesResponse:
    """The ``SearchProfilesResponse`` structure, used by ``SearchProfiles`` (response)."""

    __wire_shape__: ClassVar[str] = "SearchProfilesResponse"

    items: list[Profile] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class UpdateProfileResponse:
    """The ``UpdateProfileResponse`` structure, used by ``UpdateProfile`` (response)."""

    __wire_shape__: ClassVar[str] = "UpdateProfileResponse"

    profile_id: str = attrs.field(metadata={"wire": "ProfileId"})
    extra: Extra = attrs.field(factory=dict, repr=False)
