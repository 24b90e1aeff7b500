"""``domain.matches``: rule-based groups, similar profiles, jobs, auto-merge preview."""

from __future__ import annotations

from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles, JobFailedError
from customer_profiles_sdk.errors import BadRequestError, ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.models import AutoMergingPreview, SimilarProfiles
from customer_profiles_sdk.models.domain import Matching, MatchingRule, RuleBasedMatching
from customer_profiles_sdk.resources.domains import Domain

D = "retail"


@pytest.fixture
def clock() -> Clock:
    return Clock(1_800_000_000.0)


@pytest.fixture
def backend(clock: Clock) -> LocalBackend:
    return LocalBackend(clock=clock)


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    rules = RuleBasedMatching(
        enabled=True,
        matching_rules=[MatchingRule(rule=["EmailAddress"]), MatchingRule(rule=["LastName"])],
    )
    return cp.domains.create(
        D, default_expiration_days=365, rule_based_matching=rules, matching=Matching(enabled=True)
    )


def _create(domain: Domain, clock: Clock, **fields: Any) -> str:
    clock.advance(1)
    return domain.profiles.create(fields)


def test_rule_based_lists_groups_paged(domain: Domain, clock: Clock) -> None:
    for i in range(3):
        _create(domain, clock, email_address=f"p{i}@x.com")
        _create(domain, clock, email_address=f"P{i}@x.com")
    ids = domain.matches.rule_based().page_size(2).to_list()
    assert len(ids) == 3
    assert all(isinstance(i, str) and len(i) == 32 for i in ids)
    pages = list(domain.matches.rule_based().page_size(2).by_page())
    assert [len(p.items) for p in pages] == [2, 1]


def test_similar_to_and_group(domain: Domain, clock: Clock) -> None:
    a = _create(domain, clock, email_address="a@x.com", last_name="Doe")
    b = _create(domain, clock, email_address="b@x.com", last_name="Doe")
    c = _create(domain, clock, email_address="A@x.com")
    assert domain.matches.similar_to(c).to_list() == [a, b, c]
    by_profile = domain.matches.group(profile_id=b)
    assert isinstance(by_profile, SimilarProfiles)
    assert by_profile.rule_level == 2  # b joined the group at level 2
    assert by_profile.confidence_score is None
    by_match = domain.matches.group(by_profile.match_id)
    assert by_match.profile_ids == [a, b, c]
    assert by_match.rule_level == 1  # the group was founded at level 1
    # paged: one id per page, the group members repeat on every page
    pages = list(domain.matches.similar_to(a).page_size(1).by_page())
    assert [p.items for p in pages] == [[a], [b], [c]]
    assert {p.response["MatchId"] for p in pages} == {by_match.match_id}
    assert domain.matches.similar_to("b@x.com", key="_email").to_list() == [a, b, c]


def test_profile_in_no_group_is_empty(domain: Domain, clock: Clock) -> None:
    alone = _create(domain, clock, email_address="alone@x.com")
    assert domain.matches.similar_to(alone).to_list() == []
    assert domain.matches.group(profile_id=alone).match_id is None


def test_validation_before_sending(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError, match="match_type"):
        domain.matches.similar_to("x" * 32, match_type="FUZZY")
    with pytest.raises(ValidationError, match="profile_id"):
        domain.matches.similar_to("")
    with pytest.raises(ValidationError, match="exactly one"):
        domain.matches.group()
    with pytest.raises(ValidationError, match="source_name"):
        domain.matches.auto_merge_preview([["EmailAddress"]], conflict_resolving_model="SOURCE")
    with pytest.raises(ValidationError, match="consolidation"):
        domain.matches.auto_merge_preview([])
    with pytest.raises(ValidationError, match="MinAllowedConfidenceScoreForMerging"):
        domain.matches.auto_merge_preview([["EmailAddress"]], min_confidence=1.5)
    with pytest.raises(ValidationError, match="JobId"):
        domain.matches.jobs.get("nope")
    assert backend.calls == []


def test_errors_from_the_service(cp: CustomerProfiles, domain: Domain) -> None:
    plain = cp.domains.create("plain", default_expiration_days=30)
    with pytest.raises(BadRequestError):
        plain.matches.rule_based().to_list()
    with pytest.raises(ResourceNotFoundError):
        domain.matches.similar_to("f" * 32).to_list()
    with pytest.raises(ResourceNotFoundError):
        domain.matches.group("f" * 32)


def test_jobs_wait_and_list(domain: Domain, backend: LocalBackend, clock: Clock) -> None:
    a = _create(domain, clock, email_address="a@x.com")
    b = _create(domain, clock, email_address="a@x.com")
    job_id = backend.start_identity_resolution_job(D)
    assert domain.matches.jobs.get(job_id).status.value == "PREPROCESSING"  # type: ignore[union-attr]
    done = domain.matches.jobs.wait(job_id)
    assert done.status.value == "COMPLETED"  # type: ignore[union-attr]
    assert done.job_stats is not None
    assert done.job_stats.number_of_matches_found == 1
    assert done.job_stats.number_of_profiles_reviewed == 2
    assert [j.job_id for j in domain.matches.jobs.list()] == [job_id]
    ml = domain.matches.group(profile_id=a, match_type="ML_BASED_MATCHING")
    assert sorted(ml.profile_ids or []) == sorted([a, b])
    assert ml.confidence_score == 1.0
    failed = backend.start_identity_resolution_job(D, outcome="FAILED", message="no data")
    with pytest.raises(JobFailedError, match="no data"):
        domain.matches.jobs.wait(failed)


def test_auto_merge_preview(domain: Domain, backend: LocalBackend, clock: Clock) -> None:
    a = _create(domain, clock, first_name="Ana", email_address="a@x.com", phone_number="1")
    b = _create(domain, clock, first_name="Ana", email_address="a@x.com", phone_number="2")
    c = _create(domain, clock, first_name="Bo", email_address="c@x.com", phone_number="2")
    backend.set_matches(D, [[a, b, c]], confidence=0.8)
    preview = domain.matches.auto_merge_preview([["FirstName", "EmailAddress"]])
    assert isinstance(preview, AutoMergingPreview)
    assert preview.number_of_matches_in_sample == 1
    assert preview.number_of_profiles_in_sample == 3
    assert preview.number_of_profiles_will_be_merged == 2
    both = domain.matches.auto_merge_preview([["FirstName", "EmailAddress"], ["PhoneNumber"]])
    assert both.number_of_profiles_will_be_merged == 3  # RECENCY: b's phone 2 meets c's
    strict = domain.matches.auto_merge_preview([["EmailAddress"]], min_confidence=0.9)
    assert strict.number_of_matches_in_sample == 0
    assert len(domain.profiles.search("_email", ["a@x.com"]).to_list()) == 2  # nothing merged


def test_review_and_dataframes(domain: Domain, clock: Clock) -> None:
    a = _create(domain, clock, first_name="Ana", email_address="a@x.com", last_name="Doe")
    b = _create(domain, clock, first_name="Anna", email_address="b@x.com", last_name="Doe")
    review = domain.matches.review(profile_id=b)
    assert [p.profile_id for p in review.profiles] == [a, b]
    html = review._repr_html_()
    assert "rule level 2" in html
    assert "Anna" in html  # the notebook view shows the data
    assert "Anna" not in repr(review)  # repr masks personal data
    frame = review.to_pandas()
    assert list(frame["profile_id"]) == [a, b]
    assert list(frame["first_name"]) == ["Ana", "Anna"]
    assert set(frame["rule_level"]) == {2}
    groups = domain.matches.rule_based_to_pandas()
    assert list(groups.columns) == ["match_id", "profile_id", "rule_level"]
    assert sorted(groups["profile_id"]) == sorted([a, b])
    assert list(groups["rule_level"]) == [2, 2]
