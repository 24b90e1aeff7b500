"""``domain.profiles`` against the embedded emulator (real botocore path)."""

from __future__ import annotations

import attrs
import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import BadRequestError, ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models.profile import (
    Address,
    BatchGetProfileResult,
    ContactPreference,
    ContactType,
    EngagementPreferences,
    FieldSourceProfileIds,
    Gender,
    Key,
    MergeResult,
    PartyType,
    Profile,
    ProfileType,
    SearchKey,
)
from customer_profiles_sdk.resources.profiles import Profiles

D = "retail"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


@pytest.fixture
def profiles(cp: CustomerProfiles) -> Profiles:
    return cp.domains.create(D, default_expiration_days=365).profiles


def full_profile() -> Profile:
    """A profile with every writable field set."""
    return Profile(
        account_number="ACC-1",
        additional_information="likes tea",
        party_type=PartyType.INDIVIDUAL,
        business_name="Acme",
        first_name="Ana",
        middle_name="Maria",
        last_name="Lima",
        birth_date="1990-01-31",
        gender=Gender.FEMALE,
        phone_number="+15551230001",
        mobile_phone_number="+15551230002",
        home_phone_number="+15551230003",
        business_phone_number="+15551230004",
        email_address="ana@example.com",
        personal_email_address="ana@home.example",
        business_email_address="ana@acme.example",
        address=Address(address1="1 Main St", city="Seattle", country="US", postal_code="98101"),
        shipping_address=Address(address1="2 Ship Rd", city="Tacoma", state="WA"),
        mailing_address=Address(address2="PO Box 9", county="King", province="X"),
        billing_address=Address(address3="Floor 3", address4="Desk 4", country="US"),
        attributes={"tier": "gold", "segment": "b2c"},
        profile_type=ProfileType.PROFILE,
        engagement_preferences=EngagementPreferences(
            phone=[ContactPreference(key_name="_phone", contact_type=ContactType.PHONE_NUMBER)],
            email=[ContactPreference(key_name="_email", contact_type=ContactType.EMAIL_ADDRESS)],
        ),
    )


# --------------------------------------------------------------------------- create / get


def test_create_and_get_keep_every_field(profiles: Profiles) -> None:
    original = full_profile()
    pid = profiles.create(original)
    got = profiles.get(pid)
    assert got == attrs.evolve(original, profile_id=pid)


def test_create_accepts_a_mapping(profiles: Profiles) -> None:
    pid = profiles.create({"first_name": "Bo", "attributes": {"k": "v"}})
    got = profiles.get(pid)
    assert (got.first_name, got.attributes) == ("Bo", {"k": "v"})


def test_create_accepts_nested_mappings(profiles: Profiles) -> None:
    pid = profiles.create(
        {
            "address": {"city": "Seattle"},
            "engagement_preferences": {"phone": [{"key_name": "_phone"}]},
        }
    )
    got = profiles.get(pid)
    assert got.address == Address(city="Seattle")
    assert got.engagement_preferences == EngagementPreferences(
        phone=[ContactPreference(key_name="_phone")]
    )


def test_create_rejects_other_types(profiles: Profiles) -> None:
    with pytest.raises(TypeError, match="Profile or a mapping"):
        profiles.create(["first_name"])  # type: ignore[arg-type]


def test_create_in_missing_domain(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").profiles.create(Profile(first_name="Ana"))


def test_create_gender_and_gender_string_is_rejected_by_service(profiles: Profiles) -> None:
    with pytest.raises(BadRequestError):
        profiles.create(Profile(gender=Gender.MALE, gender_string="man"))


def test_create_too_long_field_is_refused_before_sending(
    profiles: Profiles, backend: LocalBackend
) -> None:
    before = backend.call_count()
    with pytest.raises(ValidationError) as info:
        profiles.create(Profile(first_name="x" * 256))
    assert info.value.fields == ["FirstName"]
    assert backend.call_count() == before


def test_get_missing_profile(profiles: Profiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        profiles.get("0" * 32)


def test_get_bad_id_is_refused_before_sending(profiles: Profiles, backend: LocalBackend) -> None:
    before = backend.call_count()
    with pytest.raises(ValidationError):
        profiles.get("not-a-profile-id")
    with pytest.raises(ValidationError):
        profiles.exists("NOT-HEX")
    assert backend.call_count() == before


def test_exists(profiles: Profiles) -> None:
    pid = profiles.create(Profile(first_name="Ana"))
    assert profiles.exists(pid)
    assert not profiles.exists("f" * 32)


def test_repr_masks_personal_data(profiles: Profiles) -> None:
    pid = profiles.create(full_profile())
    text = repr(profiles.get(pid))
    assert "ana@example.com" not in text
    assert "Lima" not in text
    assert pid in text


# --------------------------------------------------------------------------- update


def test_update_sets_and_clears(profiles: Profiles) -> None:
    pid = profiles.create(
        Profile(
            first_name="Ana",
            last_name="Lima",
            address=Address(city="Seattle", country="US"),
            attributes={"tier": "gold", "seg": "b2c"},
        )
    )
    assert profiles.update(pid, first_name="Anna", last_name="") == pid
    got = profiles.get(pid)
    assert (got.first_name, got.last_name) == ("Anna", None)


def test_update_address_and_attributes_per_member(profiles: Profiles) -> None:
    pid = profiles.create(
        Profile(
            address=Address(city="Seattle", country="US"),
            attributes={"tier": "gold", "seg": "b2c"},
        )
    )
    profiles.update(
        pid,
        address={"city": "", "state": "WA"},
        attributes={"tier": "", "new": "1"},
        gender=Gender.FEMALE,
        billing_address=Address(city="Boston"),
    )
    got = profiles.get(pid)
    assert got.address == Address(country="US", state="WA")
    assert got.attributes == {"seg": "b2c", "new": "1"}
    assert got.gender is Gender.FEMALE
    assert got.billing_address == Address(city="Boston")


def test_update_engagement_preferences_and_enums(profiles: Profiles) -> None:
    pid = profiles.create(Profile(gender=Gender.MALE))
    prefs = {"email": [{"key_name": "_email", "contact_type": "EmailAddress"}]}
    profiles.update(
        pid,
        gender_string="nonbinary",
        party_type="BUSINESS",
        profile_type=ProfileType.ACCOUNT_PROFILE,
        engagement_preferences=prefs,
    )
    got = profiles.get(pid)
    assert (got.gender, got.gender_string) == (None, "nonbinary")
    assert got.party_type is PartyType.BUSINESS
    assert got.profile_type is ProfileType.ACCOUNT_PROFILE
    assert got.engagement_preferences == EngagementPreferences(
        email=[ContactPreference(key_name="_email", contact_type=ContactType.EMAIL_ADDRESS)]
    )


def test_update_missing_profile(profiles: Profiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        profiles.update("a" * 32, first_name="Ana")


def test_update_bad_input_is_refused_before_sending(
    profiles: Profiles, backend: LocalBackend
) -> None:
    before = backend.call_count()
    with pytest.raises(ValidationError) as bad_id:
        profiles.update("nope", first_name="Ana")
    assert bad_id.value.fields == ["ProfileId"]
    with pytest.raises(ValidationError) as bad_enum:
        profiles.update("a" * 32, gender="ALIEN")
    assert bad_enum.value.fields == ["Gender"]
    assert backend.call_count() == before


def test_read_modify_write_keeps_every_field(profiles: Profiles) -> None:
    pid = profiles.create(full_profile())
    read = profiles.get(pid)
    changed = attrs.evolve(read, first_name="Anna", attributes={**read.attributes, "x": "1"})
    assert profiles.update_from(changed) == pid
    again = profiles.get(pid)
    assert again == changed
    assert again.engagement_preferences == full_profile().engagement_preferences
    assert again.mailing_address == full_profile().mailing_address


def test_update_from_mapping_and_missing_id(profiles: Profiles, backend: LocalBackend) -> None:
    pid = profiles.create(Profile(first_name="Ana"))
    profiles.update_from({"profile_id": pid, "last_name": "Lima"})
    got = profiles.get(pid)
    assert (got.first_name, got.last_name) == ("Ana", "Lima")
    before = backend.call_count()
    with pytest.raises(ValidationError):
        profiles.update_from(Profile(first_name="Ana"))
    assert backend.call_count() == before


# --------------------------------------------------------------------------- delete


def test_delete_is_idempotent(profiles: Profiles) -> None:
    pid = profiles.create(Profile(first_name="Ana"))
    assert profiles.delete(pid) is True
    assert profiles.delete(pid) is False
    assert not profiles.exists(pid)


def test_delete_bad_id_is_refused_before_sending(profiles: Profiles, backend: LocalBackend) -> None:
    before = backend.call_count()
    with pytest.raises(ValidationError):
        profiles.delete("123")
    assert backend.call_count() == before


# --------------------------------------------------------------------------- batch get


def test_batch_get_profiles_and_errors(profiles: Profiles) -> None:
    a = profiles.create(Profile(first_name="Ana"))
    b = profiles.create(Profile(first_name="Bo"))
    missing = "0" * 32
    result = profiles.batch_get([a, missing, b, a])
    assert isinstance(result, BatchGetProfileResult)
    assert sorted(p.first_name or "" for p in result.profiles) == ["Ana", "Bo"]
    assert [(e.profile_id, e.code) for e in result.errors] == [
        (missing, "ResourceNotFoundException")
    ]


def test_batch_get_limits_are_checked_before_sending(
    profiles: Profiles, backend: LocalBackend
) -> None:
    before = backend.call_count()
    with pytest.raises(ValidationError):
        profiles.batch_get([f"{i:032x}" for i in range(21)])
    with pytest.raises(ValidationError):
        profiles.batch_get([])
    with pytest.raises(ValidationError):
        profiles.batch_get("a" * 32)
    assert backend.call_count() == before


def test_batch_get_missing_domain(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").profiles.batch_get(["a" * 32])


# --------------------------------------------------------------------------- keys


def test_add_key_then_search_by_it(profiles: Profiles) -> None:
    pid = profiles.create(Profile(first_name="Ana"))
    key = profiles.add_key(pid, "_account", ["A-1", "A-2"])
    assert key == Key(key_name="_account", values=["A-1", "A-2"])
    assert "A-1" not in repr(key)
    assert [p.profile_id for p in profiles.search("_account", ["A-2"])] == [pid]


def test_add_key_errors(profiles: Profiles, backend: LocalBackend) -> None:
    pid = profiles.create(Profile(first_name="Ana"))
    with pytest.raises(BadRequestError):
        profiles.add_key(pid, "_profileId", [pid])
    with pytest.raises(ResourceNotFoundError):
        profiles.add_key("b" * 32, "loyalty", ["L-1"])
    before = backend.call_count()
    with pytest.raises(ValidationError):
        profiles.add_key(pid, "bad key!", ["L-1"])
    with pytest.raises(ValidationError):
        profiles.add_key(pid, "loyalty", "L-1")
    assert backend.call_count() == before


def test_delete_key_is_idempotent(profiles: Profiles) -> None:
    pid = profiles.create(Profile(first_name="Ana"))
    profiles.add_key(pid, "loyalty", ["L-1", "L-2"])
    assert profiles.delete_key(pid, "loyalty", ["L-1"]) is True
    assert profiles.search("loyalty", ["L-1"]).to_list() == []
    assert [p.profile_id for p in profiles.search("loyalty", ["L-2"])] == [pid]
    assert profiles.delete_key(pid, "loyalty", ["L-1"]) is True
    assert profiles.delete_key("c" * 32, "loyalty", ["L-2"]) is False


def test_delete_key_removes_a_stored_value_of_a_default_key(profiles: Profiles) -> None:
    # DeleteProfileKey accepts the default keys (its API reference names no restriction).
    pid = profiles.create(Profile(email_address="ana@example.com"))
    profiles.add_key(pid, "_email", ["ana.work@example.com"])
    assert [p.profile_id for p in profiles.search("_email", ["ana.work@example.com"])] == [pid]
    assert profiles.delete_key(pid, "_email", ["ana.work@example.com"]) is True
    assert profiles.search("_email", ["ana.work@example.com"]).to_list() == []


# --------------------------------------------------------------------------- search


def test_search_one_key(profiles: Profiles) -> None:
    a = profiles.create(Profile(first_name="Ana", email_address="ana@example.com"))
    profiles.create(Profile(first_name="Bo", email_address="bo@example.com"))
    found = profiles.search("_email", ["ANA@example.com"]).to_list()
    assert [p.profile_id for p in found] == [a]
    assert found[0].found_by_items is None


def test_search_any_and_all(profiles: Profiles) -> None:
    a = profiles.create(Profile(email_address="a@x.com", phone_number="+15550000001"))
    b = profiles.create(Profile(email_address="b@x.com", phone_number="+15550000002"))
    keys = {"_email": ["a@x.com"], "_phone": ["5550000002"]}
    any_hits = profiles.search(keys=keys).to_list()
    assert [p.profile_id for p in any_hits] == [a, b]
    assert [[f.key_name for f in p.found_by_items or []] for p in any_hits] == [
        ["_email"],
        ["_phone"],
    ]
    assert profiles.search(keys=keys, match="all").to_list() == []
    both = {"_email": ["a@x.com"], "_phone": ["+1 555 000 0001"]}
    assert [p.profile_id for p in profiles.search(keys=both, match="all")] == [a]


def test_search_with_a_list_of_search_keys(profiles: Profiles) -> None:
    a = profiles.create(Profile(email_address="a@x.com", account_number="A1"))
    profiles.create(Profile(email_address="b@x.com", account_number="A1"))
    keys = [
        SearchKey(key_name="_account", values=["A1"]),
        {"key_name": "_email", "values": ["a@x.com"]},
    ]
    found = profiles.search(keys=keys, match="all").to_list()
    assert [p.profile_id for p in found] == [a]
    assert [f.key_name for f in found[0].found_by_items or []] == ["_account", "_email"]


def test_search_with_five_keys_is_allowed(profiles: Profiles) -> None:
    a = profiles.create(Profile(account_number="A1"))
    keys = {"_email": ["z@x.com"], "_phone": ["1"], "_fullName": ["x"], "k4": ["v"]}
    keys["_account"] = ["A1"]
    # "k4" is defined nowhere: searched anyway with check_key=False.
    assert [p.profile_id for p in profiles.search(keys=keys, check_key=False)] == [a]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((), {"keys": {f"k{i}": ["v"] for i in range(6)}}),
        ((), {"keys": {}}),
        ((), {"keys": [SearchKey(key_name="_email", values=[])]}),
        (("_email", ["a@x.com"]), {"keys": {"_phone": ["1"]}}),
        ((), {}),
        (("_email",), {}),
        (("_email", "a@x.com"), {}),
        (("_email", ["a@x.com"]), {"match": "both"}),
        (("_email", []), {}),
        (("_email", ["x" * 256]), {}),
    ],
)
def test_search_bad_input_is_refused_before_sending(
    profiles: Profiles, backend: LocalBackend, args: tuple, kwargs: dict
) -> None:
    before = backend.call_count()
    with pytest.raises(ValidationError):
        profiles.search(*args, **kwargs)
    assert backend.call_count() == before


def test_search_pages_lazily_with_page_size_and_limit(
    profiles: Profiles, backend: LocalBackend
) -> None:
    ids = [profiles.create(Profile(first_name=f"P{i}", account_number="SHARED")) for i in range(7)]
    backend.reset_calls()
    paged = profiles.search("_account", ["SHARED"]).page_size(1)
    assert backend.call_count("SearchProfiles") == 0
    assert [p.profile_id for p in paged] == ids
    # 7 pages of one item: the last one carries no token.
    assert backend.call_count("SearchProfiles") == 7
    backend.reset_calls()
    assert [p.profile_id for p in paged.limit(3)] == ids[:3]
    assert backend.call_count("SearchProfiles") == 3
    pages = list(profiles.search("_account", ["SHARED"]).page_size(3).by_page())
    assert [len(page.items) for page in pages] == [3, 3, 1]
    resumed = profiles.search("_account", ["SHARED"]).page_size(3).by_page(pages[0].next_token)
    assert [p.profile_id for page in resumed for p in page.items] == ids[3:]


def test_search_missing_domain_raises_while_iterating(cp: CustomerProfiles) -> None:
    paged = cp.domain("nowhere").profiles.search("_email", ["a@x.com"])
    with pytest.raises(ResourceNotFoundError):
        paged.to_list()


# --------------------------------------------------------------------------- merge


def test_merge_main_wins_unless_field_source(profiles: Profiles) -> None:
    main = profiles.create(
        Profile(first_name="Ana", email_address="a@x.com", attributes={"tier": "gold"})
    )
    dup = profiles.create(
        Profile(
            first_name="Anna",
            email_address="b@x.com",
            last_name="Lima",
            attributes={"tier": "silver", "seg": "b2c"},
        )
    )
    profiles.add_key(dup, "loyalty", ["L-9"])
    result = profiles.merge(
        main,
        [dup],
        field_sources=FieldSourceProfileIds(email_address=dup, attributes={"tier": dup}),
    )
    assert isinstance(result, MergeResult)
    assert result.message
    got = profiles.get(main)
    assert got.first_name == "Ana"  # conflict: main wins
    assert got.email_address == "b@x.com"  # field source: the duplicate
    assert got.last_name == "Lima"  # no conflict: union
    assert got.attributes == {"tier": "silver", "seg": "b2c"}
    assert not profiles.exists(dup)
    assert [p.profile_id for p in profiles.search("loyalty", ["L-9"])] == [main]


def test_merge_field_source_mapping_clears_a_field(profiles: Profiles) -> None:
    main = profiles.create(Profile(first_name="Ana", business_name="Acme"))
    dup = profiles.create(Profile(first_name="Bo"))
    profiles.merge(main, [dup], field_sources={"business_name": dup})
    assert profiles.get(main).business_name is None


def test_merge_errors(profiles: Profiles, backend: LocalBackend) -> None:
    main = profiles.create(Profile(first_name="Ana"))
    dup = profiles.create(Profile(first_name="Bo"))
    with pytest.raises(BadRequestError):
        profiles.merge(main, [main])
    with pytest.raises(ResourceNotFoundError):
        profiles.merge(main, ["d" * 32])
    with pytest.raises(BadRequestError):
        profiles.merge(main, [dup], field_sources={"first_name": "e" * 32})
    before = backend.call_count()
    with pytest.raises(ValidationError):
        profiles.merge(main, [f"{i:032x}" for i in range(21)])
    with pytest.raises(ValidationError):
        profiles.merge(main, [])
    with pytest.raises(ValidationError):
        profiles.merge("bad", [dup])
    assert backend.call_count() == before
    assert profiles.exists(dup)
