"""``domain.matches`` against the embedded emulator (real botocore path)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import BadRequestError, ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models.domain import Matching
from customer_profiles_sdk.models.match import Match, MatchesSummary
from customer_profiles_sdk.models.profile import FieldSourceProfileIds, MergeResult, Profile
from customer_profiles_sdk.resources.domains import Domain

D = "retail"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def domain(backend: LocalBackend) -> Domain:
    cp = CustomerProfiles.local(backend=backend)
    return cp.domains.create(D, default_expiration_days=365, matching=Matching(enabled=True))


def make_profiles(domain: Domain, count: int) -> list[str]:
    return [domain.profiles.create(Profile(first_name=f"P{i}")) for i in range(count)]


def test_list_returns_injected_groups(domain: Domain, backend: LocalBackend) -> None:
    a, b, c = make_profiles(domain, 3)
    backend.set_matches(D, [[a, b, c]], confidence=0.75)
    matches = domain.matches.list().to_list()
    assert len(matches) == 1
    assert isinstance(matches[0], Match)
    assert matches[0].profile_ids == [a, b, c]
    assert matches[0].confidence_score == 0.75
    assert matches[0].match_id


def test_list_after_identity_resolution(domain: Domain, backend: LocalBackend) -> None:
    a = domain.profiles.create(Profile(email_address="ana@x.com"))
    b = domain.profiles.create(Profile(email_address="ANA@X.COM "))
    domain.profiles.create(Profile(email_address="other@x.com"))
    backend.run_identity_resolution(D)
    assert [sorted(m.profile_ids) for m in domain.matches.list()] == [sorted([a, b])]


def test_list_drops_deleted_profiles(domain: Domain, backend: LocalBackend) -> None:
    a, b, c, d = make_profiles(domain, 4)
    backend.set_matches(D, [[a, b], [c, d]])
    domain.profiles.delete(b)
    assert [m.profile_ids for m in domain.matches.list()] == [[c, d]]


def test_list_pages_with_page_size_and_limit(domain: Domain, backend: LocalBackend) -> None:
    ids = make_profiles(domain, 10)
    groups = [ids[i : i + 2] for i in range(0, 10, 2)]
    backend.set_matches(D, groups)
    backend.reset_calls()
    paged = domain.matches.list().page_size(1)
    assert backend.call_count("GetMatches") == 0
    assert [m.profile_ids for m in paged] == groups
    assert backend.call_count("GetMatches") == 5
    backend.reset_calls()
    assert [m.profile_ids for m in paged.limit(2)] == groups[:2]
    assert backend.call_count("GetMatches") == 2
    pages = list(domain.matches.list().page_size(2).by_page())
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert {p.response["PotentialMatches"] for p in pages} == {5}


def test_summary_before_and_after_a_run(domain: Domain, backend: LocalBackend) -> None:
    before = domain.matches.summary()
    assert before == MatchesSummary(match_generation_date=None, potential_matches=0)
    backend.clock.freeze(datetime(2024, 5, 4, tzinfo=timezone.utc))
    ids = make_profiles(domain, 6)
    backend.set_matches(D, [ids[0:2], ids[2:4], ids[4:6]])
    after = domain.matches.summary()
    assert after.potential_matches == 3
    assert after.match_generation_date == datetime(2024, 5, 4, tzinfo=timezone.utc)


def test_matching_disabled_is_a_bad_request(backend: LocalBackend) -> None:
    cp = CustomerProfiles.local(backend=backend)
    plain = cp.domains.create("plain", default_expiration_days=30)
    paged = plain.matches.list()  # lazy: nothing sent yet
    with pytest.raises(BadRequestError):
        paged.to_list()
    with pytest.raises(BadRequestError):
        plain.matches.summary()


def test_missing_domain(backend: LocalBackend) -> None:
    cp = CustomerProfiles.local(backend=backend)
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").matches.list().first()
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").matches.summary()


def test_merge_a_match_first_id_is_main(domain: Domain, backend: LocalBackend) -> None:
    a = domain.profiles.create(Profile(first_name="Ana", email_address="a@x.com"))
    b = domain.profiles.create(Profile(last_name="Lima", email_address="b@x.com"))
    c = domain.profiles.create(Profile(first_name="Anna"))
    backend.set_matches(D, [[a, b, c]])
    match = domain.matches.list().first()
    assert match is not None
    result = domain.matches.merge(match, field_sources={"email_address": b})
    assert isinstance(result, MergeResult)
    got = domain.profiles.get(a)
    assert (got.first_name, got.last_name, got.email_address) == ("Ana", "Lima", "b@x.com")
    assert not domain.profiles.exists(b)
    assert not domain.profiles.exists(c)
    assert domain.matches.list().to_list() == []


def test_merge_a_match_into_a_chosen_main(domain: Domain, backend: LocalBackend) -> None:
    a = domain.profiles.create(Profile(first_name="Ana"))
    b = domain.profiles.create(Profile(first_name="Anna"))
    backend.set_matches(D, [[a, b]])
    match = domain.matches.list().first()
    assert match is not None
    domain.matches.merge(
        match, main_profile_id=b, field_sources=FieldSourceProfileIds(first_name=a)
    )
    assert domain.profiles.get(b).first_name == "Ana"
    assert not domain.profiles.exists(a)


def test_merge_bad_match_is_refused_before_sending(domain: Domain, backend: LocalBackend) -> None:
    a, b = make_profiles(domain, 2)
    before = backend.call_count()
    with pytest.raises(ValidationError):
        domain.matches.merge(Match(profile_ids=[a, b]), main_profile_id="c" * 32)
    with pytest.raises(ValidationError):
        domain.matches.merge(Match(profile_ids=[a, a]))
    with pytest.raises(ValidationError):
        domain.matches.merge(Match(profile_ids=[]))
    assert backend.call_count() == before


def test_merge_of_a_stale_match_fails(domain: Domain, backend: LocalBackend) -> None:
    a, b = make_profiles(domain, 2)
    stale = Match(match_id="m", profile_ids=[a, b], confidence_score=1.0)
    domain.profiles.delete(b)
    with pytest.raises(ResourceNotFoundError):
        domain.matches.merge(stale)
    assert domain.profiles.exists(a)
