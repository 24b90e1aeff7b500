"""Review duplicate customers before turning auto-merge on.

1. rule-based matching in "match only" mode: see which profiles would be grouped;
2. a match group as a table (pandas, when installed);
3. the ML side: an identity-resolution job, and the auto-merge preview of candidate
   consolidation criteria, before enabling AutoMerging.

Runs against the embedded emulator: ``python examples/matching.py``.
"""

from __future__ import annotations

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models.domain import Matching, MatchingRule, RuleBasedMatching


def main() -> None:
    backend = LocalBackend()  # kept to start the (weekly) ML job by hand
    cp = CustomerProfiles.local(backend=backend)
    rules = RuleBasedMatching(
        enabled=True,
        matching_rules=[
            MatchingRule(rule=["EmailAddress", "LastName"]),
            MatchingRule(rule=["PhoneNumber", "LastName"]),
        ],
    )
    domain = cp.domains.create(
        "matching-example",
        default_expiration_days=365,
        rule_based_matching=rules,
        matching=Matching(enabled=True),
    )
    people = [
        {"first_name": "Ana", "last_name": "Lima", "email_address": "ana@example.com"},
        {"first_name": "Ana", "last_name": "Lima", "email_address": "ANA@example.com"},
        {"first_name": "Bo", "last_name": "Chen", "phone_number": "+1 555 010 0000"},
        {"first_name": "Bob", "last_name": "Chen", "phone_number": "555-010-0000"},
        {"first_name": "Cy", "last_name": "Diaz", "email_address": "cy@example.com"},
    ]
    ids = [domain.profiles.create(p) for p in people]
    print(f"1. created {len(ids)} profiles")

    for match_id in domain.matches.rule_based():
        group = domain.matches.group(match_id)
        names = sorted(domain.profiles.get(pid).first_name or "" for pid in group.profile_ids or [])
        print(f"2. rule level {group.rule_level}: {len(group.profile_ids or [])} profiles {names}")

    job_id = backend.start_identity_resolution_job("matching-example")
    job = domain.matches.jobs.wait(job_id)
    stats = job.job_stats
    assert stats is not None
    print(
        f"3. ML job {job.status.value if job.status else None}: "
        f"{stats.number_of_profiles_reviewed} reviewed, {stats.number_of_matches_found} groups"
    )
    for criteria in ([["EmailAddress"]], [["FirstName", "LastName"]]):
        preview = domain.matches.auto_merge_preview(criteria)
        print(
            f"4. preview {criteria}: {preview.number_of_profiles_will_be_merged} of "
            f"{preview.number_of_profiles_in_sample} profiles would merge"
        )


if __name__ == "__main__":
    main()
