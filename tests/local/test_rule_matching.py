"""Rule-based matching, ML jobs and the auto-merging preview, through boto3 (spec 2)."""

from __future__ import annotations

from typing import Any

import pytest

from customer_profiles_sdk.local import Clock, LocalBackend

RULES = [{"Rule": ["EmailAddress", "LastName", "FirstName"]}, {"Rule": ["AccountNumber"]}]
DAY = 86400.0


@pytest.fixture
def clock() -> Clock:
    return Clock(1_800_000_000.0)


_CLOCKS: list[Clock] = []


@pytest.fixture
def backend(clock: Clock) -> LocalBackend:
    _CLOCKS[:] = [clock]
    return LocalBackend(clock=clock)


def _domain(client: Any, name: str = "d", **rule_based: Any) -> None:
    block = {"Enabled": True, **rule_based}
    client.create_domain(DomainName=name, DefaultExpirationDays=30, RuleBasedMatching=block)


def _profile(client: Any, domain: str = "d", **fields: Any) -> str:
    """Create a profile; the clock moves 1 ms so creation order is (CreatedAt, id) order."""
    _CLOCKS[0].advance(0.001)
    return str(client.create_profile(DomainName=domain, **fields)["ProfileId"])


def _similar(client: Any, value: str, key: str = "_profileId", **kw: Any) -> dict[str, Any]:
    out = client.get_similar_profiles(
        DomainName="d", MatchType="RULE_BASED_MATCHING", SearchKey=key, SearchValue=value, **kw
    )
    out.pop("ResponseMetadata")
    return dict(out)


def _matches(client: Any) -> list[str]:
    return list(client.list_rule_based_matches(DomainName="d")["MatchIds"])


JOHN = {"LastName": "Doe", "FirstName": "John", "AccountNumber": "account1234"}


def test_one_to_one_subtypes_are_ored(client: Any) -> None:
    selector = {
        "AttributeMatchingModel": "ONE_TO_ONE",
        "EmailAddress": ["EmailAddress", "BusinessEmailAddress"],
    }
    _domain(client, MatchingRules=RULES, AttributeTypesSelector=selector)
    a = _profile(
        client, EmailAddress="1@email.com", BusinessEmailAddress="john@company.com", **JOHN
    )
    b = _profile(
        client, EmailAddress="2@email.com", BusinessEmailAddress="john@company.com", **JOHN
    )
    out = _similar(client, a)
    assert out["ProfileIds"] == [a, b]
    assert out["RuleLevel"] == 1
    assert "ConfidenceScore" not in out
    assert _matches(client) == [out["MatchId"]]


@pytest.mark.parametrize(
    ("model", "emails", "level"),
    [
        ("MANY_TO_MANY", ["EmailAddress", "BusinessEmailAddress"], 1),
        ("ONE_TO_ONE", ["EmailAddress"], 2),
    ],
)
def test_many_to_many_crosses_subtypes(
    client: Any, model: str, emails: list[str], level: int
) -> None:
    selector = {"AttributeMatchingModel": model, "EmailAddress": emails}
    _domain(client, MatchingRules=RULES, AttributeTypesSelector=selector)
    a = _profile(
        client, EmailAddress="1@email.com", BusinessEmailAddress="john@company.com", **JOHN
    )
    b = _profile(client, EmailAddress="2@email.com", BusinessEmailAddress="1@email.com", **JOHN)
    out = _similar(client, b)
    assert out["ProfileIds"] == [a, b]
    assert out["RuleLevel"] == level


def test_and_within_a_level_and_phone_normalisation(client: Any) -> None:
    _domain(client, MatchingRules=[{"Rule": ["PhoneNumber", "FirstName", "LastName"]}])
    a = _profile(client, PhoneNumber="+1 555 010 0000", FirstName="Ana", LastName="Lima")
    b = _profile(client, PhoneNumber="555-010-0000", FirstName=" ana ", LastName="LIMA")
    c = _profile(client, PhoneNumber="555 010 0000", FirstName="Ana")
    assert len(_matches(client)) == 1
    assert _similar(client, a)["ProfileIds"] == [a, b]
    assert _similar(client, c) == {"MatchType": "RULE_BASED_MATCHING", "ProfileIds": []}


def test_max_level_for_matching_and_status_machine(client: Any, clock: Clock) -> None:
    rules = [{"Rule": ["EmailAddress"]}, {"Rule": ["LastName"]}]
    _domain(client, MatchingRules=rules, MaxAllowedRuleLevelForMatching=1)
    a = _profile(client, EmailAddress="a@x.com", LastName="Doe")
    _profile(client, EmailAddress="b@x.com", LastName="Doe")
    assert _matches(client) == []
    assert client.get_domain(DomainName="d")["RuleBasedMatching"]["Status"] == "ACTIVE"
    update = {"Enabled": True, "MatchingRules": rules, "MaxAllowedRuleLevelForMatching": 2}
    with pytest.raises(client.exceptions.BadRequestException, match="a day after"):
        client.update_domain(DomainName="d", RuleBasedMatching=update)
    clock.advance(DAY)
    out = client.update_domain(DomainName="d", RuleBasedMatching=update)
    assert out["RuleBasedMatching"]["Status"] == "PENDING"
    assert _matches(client) == []  # the previous configuration stays in force
    clock.advance(3600)
    assert client.get_domain(DomainName="d")["RuleBasedMatching"]["Status"] == "IN_PROGRESS"
    with pytest.raises(client.exceptions.BadRequestException, match="IN_PROGRESS"):
        client.update_domain(
            DomainName="d", RuleBasedMatching={**update, "MaxAllowedRuleLevelForMatching": 1}
        )
    clock.advance(60)
    assert client.get_domain(DomainName="d")["RuleBasedMatching"]["Status"] == "ACTIVE"
    assert _similar(client, a)["RuleLevel"] == 2
    # Disabling is always accepted and drops the groups; Status is then absent.
    out = client.update_domain(DomainName="d", RuleBasedMatching={"Enabled": False})
    assert "Status" not in out["RuleBasedMatching"]
    with pytest.raises(client.exceptions.BadRequestException, match="not enabled"):
        client.list_rule_based_matches(DomainName="d")


def test_cardinality_cut_off_and_dead_letters(backend: LocalBackend, client: Any) -> None:
    backend.settings.matching.rule_based_cardinality_limit = 2
    client.create_domain(
        DomainName="d",
        DefaultExpirationDays=30,
        DeadLetterQueueUrl="https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
        RuleBasedMatching={
            "Enabled": True,
            "MatchingRules": [{"Rule": ["LastName"]}, {"Rule": ["EmailAddress"]}],
        },
    )
    a = _profile(client, LastName="Doe", EmailAddress="same@x.com")
    b = _profile(client, LastName="Doe", EmailAddress="same@x.com")
    c = _profile(client, LastName="Doe", EmailAddress="other@x.com")
    out = _similar(client, a)
    assert out["ProfileIds"] == [a, b]
    assert out["RuleLevel"] == 2
    assert _similar(client, c)["ProfileIds"] == []
    letters = [x for x in backend.dead_letters("d") if "RuleLevel" in x]
    assert sorted(x["ProfileId"] for x in letters) == sorted([a, b, c])
    assert {x["RuleLevel"] for x in letters} == {1}
    assert "more than 2 records" in letters[0]["Message"]


def test_incremental_update_and_delete_regroup(client: Any) -> None:
    _domain(client, MatchingRules=[{"Rule": ["EmailAddress"]}])
    a = _profile(client, EmailAddress="a@x.com")
    b = _profile(client, EmailAddress="b@x.com")
    assert _matches(client) == []
    client.update_profile(DomainName="d", ProfileId=b, EmailAddress="A@X.com")
    assert _similar(client, b)["ProfileIds"] == [a, b]
    c = _profile(client, EmailAddress="a@x.com")
    assert _similar(client, c)["ProfileIds"] == [a, b, c]
    match_id = _matches(client)[0]
    by_match = _similar(client, match_id, key="MatchId")
    assert by_match["ProfileIds"] == [a, b, c]
    assert by_match["RuleLevel"] == 1
    client.delete_profile(DomainName="d", ProfileId=a)  # the anchor goes: new MatchId
    assert _similar(client, b)["ProfileIds"] == [b, c]
    assert _matches(client) != [match_id]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        _similar(client, match_id, key="MatchId")
    client.delete_profile(DomainName="d", ProfileId=c)
    assert _matches(client) == []


def test_search_key_must_name_one_profile(client: Any) -> None:
    _domain(client, MatchingRules=[{"Rule": ["LastName"]}])
    a = _profile(client, LastName="Doe", EmailAddress="a@x.com")
    b = _profile(client, LastName="Doe", EmailAddress="a@x.com")
    with pytest.raises(client.exceptions.BadRequestException):
        _similar(client, "a@x.com", key="_email")
    client.update_profile(DomainName="d", ProfileId=b, EmailAddress="b@x.com")
    assert _similar(client, "b@x.com", key="_email")["ProfileIds"] == [a, b]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        _similar(client, "nobody@x.com", key="_email")


def test_merge_up_to_the_merge_level(client: Any, clock: Clock) -> None:
    rules = [{"Rule": ["EmailAddress"]}, {"Rule": ["LastName"]}]
    _domain(client, MatchingRules=rules)
    a = _profile(client, EmailAddress="a@x.com", FirstName="Ana", LastName="Doe")
    clock.advance(1)
    b = _profile(client, EmailAddress="a@x.com", FirstName="Anna", PhoneNumber="+15550100")
    c = _profile(client, EmailAddress="c@x.com", LastName="Doe")
    assert len(_matches(client)) == 1  # match only: nothing merged
    assert (
        len(client.search_profiles(DomainName="d", KeyName="_email", Values=["a@x.com"])["Items"])
        == 2
    )
    clock.advance(DAY)
    client.update_domain(
        DomainName="d",
        RuleBasedMatching={
            "Enabled": True,
            "MatchingRules": rules,
            "MaxAllowedRuleLevelForMerging": 1,
        },
    )
    clock.advance(3660)
    items = client.search_profiles(DomainName="d", KeyName="_email", Values=["a@x.com"])["Items"]
    assert [p["ProfileId"] for p in items] == [a]  # merged into the earlier-created one
    # RECENCY: b was updated later, so its manual FirstName wins; a keeps LastName.
    assert items[0]["FirstName"] == "Anna"
    assert items[0]["LastName"] == "Doe"
    assert items[0]["PhoneNumber"] == "+15550100"
    # c joined at level 2, above the merge level: still separate, still grouped.
    out = _similar(client, c)
    assert out["ProfileIds"] == [a, c]
    assert out["RuleLevel"] == 2
    assert b not in [
        p for m in _matches(client) for p in _similar(client, m, key="MatchId")["ProfileIds"]
    ]
    # A new duplicate at level 1 is merged as it arrives.
    _profile(client, EmailAddress="a@x.com")
    items = client.search_profiles(DomainName="d", KeyName="_email", Values=["a@x.com"])["Items"]
    assert [p["ProfileId"] for p in items] == [a]


def test_validation(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="Email"):
        _domain(client, MatchingRules=[{"Rule": ["Email"]}])
    with pytest.raises(client.exceptions.BadRequestException, match="3"):
        _domain(
            client,
            AttributeTypesSelector={
                "AttributeMatchingModel": "ONE_TO_ONE",
                "EmailAddress": ["EmailAddress"] * 4,
            },
        )
    client.create_domain(DomainName="plain", DefaultExpirationDays=30)
    with pytest.raises(client.exceptions.BadRequestException, match="not enabled"):
        client.list_rule_based_matches(DomainName="plain")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_rule_based_matches(DomainName="missing")


def test_default_rule_and_paging(client: Any) -> None:
    _domain(client)  # [A] default rule: email + names at level 1
    pairs = []
    for i in range(3):
        pairs.append(
            [
                _profile(client, EmailAddress=f"p{i}@x.com", FirstName="A", LastName=f"L{i}")
                for _ in range(2)
            ]
        )
    first = client.list_rule_based_matches(DomainName="d", MaxResults=2)
    assert len(first["MatchIds"]) == 2
    rest = client.list_rule_based_matches(DomainName="d", NextToken=first["NextToken"])
    assert len(first["MatchIds"] + rest["MatchIds"]) == 3
    assert "NextToken" not in rest
    whole = client.list_rule_based_matches(DomainName="d")["MatchIds"]
    assert first["MatchIds"] + rest["MatchIds"] == whole  # pages in anchor order
    for size in (1, 3):
        walked, token = [], None
        while True:
            extra = {"NextToken": token} if token else {}
            page_ = client.list_rule_based_matches(DomainName="d", MaxResults=size, **extra)
            walked += page_["MatchIds"]
            token = page_.get("NextToken")
            if token is None:
                break
        assert walked == whole
    # A group formed between pages after the cursor's anchor is read by the next page;
    # the groups already read are not read again (the page resumes after the anchor).
    first = client.list_rule_based_matches(DomainName="d", MaxResults=2)
    for _ in range(2):
        _profile(client, EmailAddress="late@x.com", FirstName="A", LastName="Late")
    rest = client.list_rule_based_matches(DomainName="d", NextToken=first["NextToken"])
    after = client.list_rule_based_matches(DomainName="d")["MatchIds"]
    assert first["MatchIds"] + rest["MatchIds"] == after
    assert len(after) == 4
    # A group of the first page dissolved between pages shifts nothing: the next page
    # still starts after the first page's last group (an offset would skip one).
    first = client.list_rule_based_matches(DomainName="d", MaxResults=2)
    client.delete_profile(DomainName="d", ProfileId=pairs[1][0])
    rest = client.list_rule_based_matches(DomainName="d", NextToken=first["NextToken"])
    now = client.list_rule_based_matches(DomainName="d")["MatchIds"]
    assert first["MatchIds"][1] not in now
    assert first["MatchIds"][:1] + rest["MatchIds"] == now
    page = _similar(client, pairs[0][0], MaxResults=1)
    assert page["ProfileIds"] == [pairs[0][0]]
    assert page["RuleLevel"] == 1
    assert "MatchId" in page


def test_ml_job_lifecycle(backend: LocalBackend, client: Any, clock: Clock) -> None:
    client.create_domain(
        DomainName="d",
        DefaultExpirationDays=30,
        Matching={
            "Enabled": True,
            "AutoMerging": {
                "Enabled": True,
                "Consolidation": {"MatchingAttributesList": [["EmailAddress"]]},
                "ConflictResolution": {"ConflictResolvingModel": "RECENCY"},
            },
        },
    )
    a = _profile(client, EmailAddress="a@x.com")
    _profile(client, EmailAddress="a@x.com")
    job_id = backend.start_identity_resolution_job("d")
    get = lambda: client.get_identity_resolution_job(DomainName="d", JobId=job_id)  # noqa: E731
    assert get()["Status"] == "PREPROCESSING"
    clock.advance(60)
    assert get()["Status"] == "FIND_MATCHING"
    clock.advance(60)
    assert get()["Status"] == "MERGING"
    assert len(client.get_matches(DomainName="d")["Matches"]) == 1
    clock.advance(60)
    job = get()
    assert job["Status"] == "COMPLETED"
    assert job["JobStats"] == {
        "NumberOfProfilesReviewed": 2,
        "NumberOfMatchesFound": 1,
        "NumberOfMergesDone": 1,
    }
    assert "JobEndTime" in job
    assert job["AutoMerging"]["Enabled"] is True
    assert (
        client.search_profiles(DomainName="d", KeyName="_email", Values=["a@x.com"])["Items"][0][
            "ProfileId"
        ]
        == a
    )
    later = backend.start_identity_resolution_job("d", at=clock.now() + 3600)
    listed = client.list_identity_resolution_jobs(DomainName="d")["IdentityResolutionJobsList"]
    assert [j["JobId"] for j in listed] == [later, job_id]
    assert listed[0]["Status"] == "PENDING"
    client.update_domain(DomainName="d", Matching={"Enabled": False})
    listed = client.list_identity_resolution_jobs(DomainName="d")["IdentityResolutionJobsList"]
    assert [j["JobId"] for j in listed] == [job_id]
    clock.advance(31 * DAY)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        get()


def test_ml_job_failed_outcome(backend: LocalBackend, client: Any, clock: Clock) -> None:
    client.create_domain(DomainName="d", DefaultExpirationDays=30, Matching={"Enabled": True})
    job_id = backend.start_identity_resolution_job("d", outcome="FAILED", message="boom")
    clock.advance(60)
    job = client.get_identity_resolution_job(DomainName="d", JobId=job_id)
    assert job["Status"] == "FAILED"
    assert job["Message"] == "boom"
    assert "JobStats" not in job
    with pytest.raises(ValueError, match="outcome"):
        backend.start_identity_resolution_job("d", outcome="DONE")


def test_auto_merging_preview(backend: LocalBackend, client: Any, clock: Clock) -> None:
    client.create_domain(DomainName="d", DefaultExpirationDays=30, Matching={"Enabled": True})
    email = "doefamily@anyemail.com"
    b = _profile(
        client, FirstName="John", LastName="Doe", EmailAddress=email, PhoneNumber="555-555-5556"
    )
    c = _profile(
        client, FirstName="Jane", LastName="Doe", EmailAddress=email, PhoneNumber="555-555-5555"
    )
    clock.advance(5)
    a = _profile(
        client, FirstName="John", LastName="Doe", EmailAddress=email, PhoneNumber="555-555-5555"
    )
    backend.set_matches("d", [[a, b, c]], confidence=0.9)
    request = {
        "DomainName": "d",
        "Consolidation": {
            "MatchingAttributesList": [["FirstName", "LastName", "EmailAddress"], ["PhoneNumber"]]
        },
        "ConflictResolution": {"ConflictResolvingModel": "RECENCY"},
    }
    out = client.get_auto_merging_preview(**request)
    assert (
        out["NumberOfMatchesInSample"],
        out["NumberOfProfilesInSample"],
        out["NumberOfProfilesWillBeMerged"],
    ) == (1, 3, 3)
    out = client.get_auto_merging_preview(**request, MinAllowedConfidenceScoreForMerging=0.95)
    assert (
        out["NumberOfMatchesInSample"],
        out["NumberOfProfilesInSample"],
        out["NumberOfProfilesWillBeMerged"],
    ) == (0, 0, 0)
    only_names = {
        **request,
        "Consolidation": {"MatchingAttributesList": [["FirstName", "LastName"]]},
    }
    assert client.get_auto_merging_preview(**only_names)["NumberOfProfilesWillBeMerged"] == 2
    assert (
        len(client.search_profiles(DomainName="d", KeyName="_email", Values=[email])["Items"]) == 3
    )
    ml = client.get_similar_profiles(
        DomainName="d", MatchType="ML_BASED_MATCHING", SearchKey="ProfileId", SearchValue=a
    )
    assert ml["ProfileIds"] == [b, c, a]
    assert ml["ConfidenceScore"] == 0.9
    assert "RuleLevel" not in ml
    with pytest.raises(client.exceptions.BadRequestException, match="SourceName"):
        client.get_auto_merging_preview(
            **{**request, "ConflictResolution": {"ConflictResolvingModel": "SOURCE"}}
        )


def test_run_identity_resolution_records_a_completed_job(
    backend: LocalBackend, client: Any
) -> None:
    client.create_domain(DomainName="d", DefaultExpirationDays=30, Matching={"Enabled": True})
    _profile(client, EmailAddress="a@x.com")
    _profile(client, EmailAddress="a@x.com")
    backend.run_identity_resolution("d")
    (job,) = client.list_identity_resolution_jobs(DomainName="d")["IdentityResolutionJobsList"]
    assert job["Status"] == "COMPLETED"
    assert job["JobStats"]["NumberOfMatchesFound"] == 1


def test_state_file_round_trip_rebuilds_groups(
    backend: LocalBackend, client: Any, tmp_path: Any
) -> None:
    _domain(client, MatchingRules=[{"Rule": ["EmailAddress"]}])
    a = _profile(client, EmailAddress="a@x.com")
    b = _profile(client, EmailAddress="a@x.com")
    path = tmp_path / "state.json"
    backend.save_state(path)
    other = LocalBackend()
    other.load_state(path)
    out = other.client().get_similar_profiles(
        DomainName="d", MatchType="RULE_BASED_MATCHING", SearchKey="_profileId", SearchValue=a
    )
    assert out["ProfileIds"] == [a, b]
    assert out["MatchId"] == _matches(client)[0]


def _snapshot(index: Any) -> list[tuple[str, int, list[tuple[str, int]]]]:
    return sorted((g.anchor, g.level, sorted(g.members.items())) for g in index.groups.values())


@pytest.mark.parametrize("model", ["ONE_TO_ONE", "MANY_TO_MANY"])
def test_incremental_updates_equal_a_full_evaluation(model: str) -> None:
    """After every change, the incrementally maintained groups are exactly those a
    from-scratch evaluation of the same profiles gives (the cut-off included)."""
    import random

    from customer_profiles_sdk.local._rule_engine import RuleIndex, parse_config

    cfg = parse_config(
        {
            "Enabled": True,
            "MatchingRules": [
                {"Rule": ["EmailAddress", "LastName"]},
                {"Rule": ["PhoneNumber"]},
                {"Rule": ["Address.City", "FirstName"]},
            ],
            "AttributeTypesSelector": {
                "AttributeMatchingModel": model,
                "EmailAddress": ["EmailAddress", "BusinessEmailAddress"],
                "PhoneNumber": ["PhoneNumber", "MobilePhoneNumber"],
            },
        }
    )
    rng = random.Random(13)

    def fields() -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, pool in (
            ("EmailAddress", 30),
            ("BusinessEmailAddress", 30),
            ("PhoneNumber", 40),
            ("MobilePhoneNumber", 40),
            ("LastName", 3),
            ("FirstName", 3),
        ):
            if rng.random() < 0.6:
                value = rng.randrange(pool)
                out[name] = f"v{value}@x.com" if "Email" in name else f"{value}"
        if rng.random() < 0.5:
            out["Address"] = {"City": f"c{rng.randrange(3)}"}
        return out

    live = RuleIndex(cfg, limit=4)
    profiles: dict[str, tuple[dict[str, Any], tuple[float, str]]] = {}
    grouped = crowded = joined = 0
    for step in range(300):
        action = rng.random()
        if action < 0.5 or not profiles:
            pid = f"p{step:04d}"
            profiles[pid] = (fields(), (float(step), pid))
            live.update(pid, *profiles[pid])
        elif action < 0.8:
            pid = rng.choice(sorted(profiles))
            profiles[pid] = (fields(), profiles[pid][1])
            live.update(pid, *profiles[pid])
        else:
            pid = rng.choice(sorted(profiles))
            del profiles[pid]
            live.update(pid, None)
        fresh = RuleIndex(cfg, limit=4)
        fresh.rebuild((p, f, o) for p, (f, o) in profiles.items())
        assert _snapshot(live) == _snapshot(fresh), f"step {step}"
        # The listing order (anchor order) kept up to date is the one sorted afresh, and
        # a page resumes strictly after the last order read.
        walked = [(order, group.anchor) for order, group in live.groups_after(None)]
        expected = sorted((profiles[a][1], a) for a in live.groups)
        assert walked == expected, f"step {step}"
        if len(walked) > 2:
            middle = walked[len(walked) // 2][0]
            rest = [order for order, _ in live.groups_after(middle)]
            assert rest == [order for order, _ in expected if order > middle]
        grouped += bool(live.groups)
        crowded += bool(live.crowded)
        joined += any(len(set(g.members.values())) > 1 for g in live.groups.values())
    # The walk was not vacuous: groups, later-level joins and the cut-off all occurred.
    assert grouped > 100
    assert joined > 0
    assert crowded > 0
