"""The one cattrs converter: wire names, None never sent, open enums, extra members."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, ClassVar

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_profiles_sdk import _convert, models
from customer_profiles_sdk.models import Address, EngagementPreferences, Gender, PartyType, Profile
from customer_profiles_sdk.models.profile import ContactPreference, ContactType

#: Every model class the models package exports (the generated ones: tests/test_models.py
#: checks them against the service model).
ALL_MODELS = sorted(
    (obj for obj in (getattr(models, name) for name in models.__all__) if _convert.is_model(obj)),
    key=lambda cls: cls.__name__,
)
STRICT = _convert.make_converter(detailed_validation=True)


def test_every_model_is_exported_from_the_package_root() -> None:
    import customer_profiles_sdk

    missing = [m.__name__ for m in ALL_MODELS if m.__name__ not in customer_profiles_sdk.__all__]
    assert not missing
    assert len(ALL_MODELS) > 60


FAST = _convert.make_converter(detailed_validation=False)

FULL_PROFILE_WIRE: dict[str, Any] = {
    "ProfileId": "0" * 32,
    "AccountNumber": "A-1",
    "AdditionalInformation": "vip",
    "PartyType": "INDIVIDUAL",
    "PartyTypeString": "person",
    "BusinessName": "Acme",
    "FirstName": "Ana",
    "MiddleName": "B",
    "LastName": "Silva",
    "BirthDate": "1990-01-01",
    "Gender": "FEMALE",
    "GenderString": "f",
    "PhoneNumber": "+15551234567",
    "MobilePhoneNumber": "+15551234568",
    "HomePhoneNumber": "+15551234569",
    "BusinessPhoneNumber": "+15551234560",
    "EmailAddress": "ana@example.com",
    "PersonalEmailAddress": "ana@home.example",
    "BusinessEmailAddress": "ana@work.example",
    "Address": {"Address1": "1 Main St", "City": "Seattle", "Country": "US", "PostalCode": "98101"},
    "ShippingAddress": {"City": "Tacoma"},
    "MailingAddress": {"City": "Bellevue"},
    "BillingAddress": {"City": "Redmond"},
    "Attributes": {"tier": "gold"},
    "ProfileType": "PROFILE",
    "EngagementPreferences": {
        "Phone": [{"KeyName": "_phone", "KeyValue": "+15551234567", "ContactType": "PhoneNumber"}],
        "Email": [{"ProfileId": "1" * 32, "ContactType": "EmailAddress"}],
    },
    "FoundByItems": [{"KeyName": "_email", "Values": ["ana@example.com"]}],
}


@pytest.mark.parametrize("conv", [STRICT, FAST], ids=["strict", "fast"])
def test_full_profile_round_trips(conv: Any) -> None:
    profile = conv.structure(FULL_PROFILE_WIRE, Profile)
    assert profile.first_name == "Ana"
    assert profile.gender is Gender.FEMALE
    assert profile.address == Address(
        address1="1 Main St", city="Seattle", country="US", postal_code="98101"
    )
    assert profile.engagement_preferences.phone[0].contact_type is ContactType.PHONE_NUMBER
    assert conv.unstructure(profile) == FULL_PROFILE_WIRE


def test_none_is_never_sent() -> None:
    assert _convert.to_wire(Profile(first_name="Ana")) == {"FirstName": "Ana"}
    assert _convert.to_wire(Profile()) == {}


def test_unknown_enum_value_survives_a_round_trip() -> None:
    profile = _convert.from_wire(Profile, {"Gender": "NONBINARY", "PartyType": "BUSINESS"})
    assert profile.gender == "NONBINARY"
    assert not isinstance(profile.gender, Gender)
    assert profile.party_type is PartyType.BUSINESS
    assert _convert.to_wire(profile) == {"Gender": "NONBINARY", "PartyType": "BUSINESS"}


def test_enum_members_are_sent_as_plain_strings() -> None:
    wire = _convert.to_wire(Profile(gender=Gender.MALE))
    assert wire == {"Gender": "MALE"}
    assert type(wire["Gender"]) is str


def test_unknown_members_are_kept_and_sent_back() -> None:
    wire = {
        "FirstName": "Ana",
        "LoyaltyTier": {"Level": 3},
        "Address": {"City": "Porto", "Geo": "41.1,-8.6"},
    }
    profile = _convert.from_wire(Profile, wire)
    assert profile.extra == {"LoyaltyTier": {"Level": 3}}
    assert profile.address is not None
    assert profile.address.extra == {"Geo": "41.1,-8.6"}
    updated = attrs.evolve(profile, first_name="Anna")
    assert _convert.to_wire(updated) == {**wire, "FirstName": "Anna"}


def test_known_fields_win_over_stale_extra() -> None:
    profile = Profile(first_name="Ana", extra={"FirstName": "stale", "New": 1})
    assert _convert.to_wire(profile) == {"FirstName": "Ana", "New": 1}


@attrs.frozen(kw_only=True)
class _Timed:
    """A test model whose field names differ from its shape's (wire override)."""

    __wire_shape__: ClassVar[str | None] = None
    when: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    name: str | None = attrs.field(default=None, metadata={"wire": "DomainName"})


@pytest.mark.parametrize(
    "raw",
    [
        datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc),
        "2024-05-01T12:00:00Z",
        "2024-05-01T12:00:00+00:00",
        1714564800,
        1714564800.0,
    ],
)
def test_datetimes_pass_through_and_iso_strings_are_accepted(raw: Any) -> None:
    obj = _convert.from_wire(_Timed, {"CreatedAt": raw, "DomainName": "d"})
    assert obj.when == datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    assert _convert.to_wire(obj) == {"CreatedAt": obj.when, "DomainName": "d"}


def test_a_field_without_wire_name_is_a_clear_error() -> None:
    @attrs.frozen(kw_only=True)
    class Broken:
        __wire_shape__: ClassVar[str] = "Address"
        cty: str | None = None

    with pytest.raises(TypeError, match="cty"):
        _convert.wire_names(Broken)


def test_strict_converter_reports_the_bad_path() -> None:
    with pytest.raises(cattrs.errors.ClassValidationError) as info:
        STRICT.structure({"FoundByItems": [{"KeyName": "_email", "Values": 5}]}, Profile)
    assert any("$.found_by_items[0].values" in line for line in cattrs.transform_error(info.value))


def test_repr_masks_personal_data() -> None:
    profile = _convert.from_wire(Profile, FULL_PROFILE_WIRE)
    text = repr(profile)
    for secret in (
        "Ana",
        "Silva",
        "ana@example.com",
        "+15551234567",
        "Seattle",
        "gold",
        "1990-01-01",
    ):
        assert secret not in text
    assert "0" * 32 in text  # the profile id is not personal data
    assert "profile_id=" in text
    assert repr(ContactPreference(key_value="+15551234567")).count("+1555") == 0


def test_models_are_frozen_and_keyword_only() -> None:
    profile = Profile(first_name="Ana")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        profile.first_name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Profile("Ana")  # type: ignore[misc]


_text = st.text(min_size=1, max_size=20)
_addresses = st.builds(
    Address, city=st.none() | _text, country=st.none() | _text, postal_code=st.none() | _text
)


@given(
    first_name=st.none() | _text,
    gender=st.none() | st.sampled_from(list(Gender)) | _text,
    address=st.none() | _addresses,
    attributes=st.dictionaries(_text, _text, max_size=3),
    extra=st.dictionaries(st.sampled_from(["Future1", "Future2"]), st.integers(), max_size=2),
)
def test_profile_round_trip_property(
    first_name: str | None,
    gender: Any,
    address: Address | None,
    attributes: dict[str, str],
    extra: dict[str, int],
) -> None:
    profile = Profile(
        first_name=first_name, gender=gender, address=address, attributes=attributes, extra=extra
    )
    back = STRICT.structure(STRICT.unstructure(profile), Profile)
    assert back == profile or (isinstance(gender, str) and gender in Gender._value2member_map_)


def test_engagement_preferences_model() -> None:
    prefs = EngagementPreferences(
        email=[ContactPreference(contact_type=ContactType.EMAIL_ADDRESS, key_name="_email")]
    )
    assert _convert.to_wire(prefs) == {
        "Email": [{"ContactType": "EmailAddress", "KeyName": "_email"}]
    }
