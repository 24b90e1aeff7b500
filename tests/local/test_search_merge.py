"""SearchProfiles, GetMatches and MergeProfiles of the emulator (spec 8, 9) through boto3."""

from __future__ import annotations

import json

import pytest

D = "retail"


@pytest.fixture
def domain(client):
    client.create_domain(DomainName=D, DefaultExpirationDays=30, Matching={"Enabled": True})
    return D


def _profile(client, **fields):
    return client.create_profile(DomainName=D, **fields)["ProfileId"]


def _search(client, key, values, **kw):
    return client.search_profiles(DomainName=D, KeyName=key, Values=values, **kw)["Items"]


def _ids(items):
    return [p["ProfileId"] for p in items]


def _get(client, pid):
    items = _search(client, "_profileId", [pid])
    assert len(items) == 1
    return items[0]


# --------------------------------------------------------------------------- search


@pytest.fixture
def people(client, domain):
    ann = _profile(client, FirstName="Ann", EmailAddress="ann@example.com", AccountNumber="A1")
    bob = _profile(client, FirstName="Bob", EmailAddress="bob@example.com", AccountNumber="A1")
    cat = _profile(client, FirstName="Cat", PhoneNumber="+1 555 000 1111", AccountNumber="C3")
    return ann, bob, cat


def test_search_single_key_has_no_found_by_items(client, people):
    ann, bob, _ = people
    items = _search(client, "_account", ["A1"])
    assert _ids(items) == [ann, bob]
    assert all("FoundByItems" not in p for p in items)


def test_search_or_reports_only_matched_pairs_and_values(client, people):
    ann, _, cat = people
    items = _search(
        client,
        "_email",
        ["ANN@example.com", "nobody@example.com"],
        AdditionalSearchKeys=[
            {"KeyName": "_phone", "Values": ["(555) 000-1111"]},
            {"KeyName": "_account", "Values": ["ZZ"]},
        ],
    )
    assert _ids(items) == [ann, cat]  # OR is the default
    assert items[0]["FoundByItems"] == [{"KeyName": "_email", "Values": ["ANN@example.com"]}]
    assert items[1]["FoundByItems"] == [{"KeyName": "_phone", "Values": ["(555) 000-1111"]}]


def test_search_and_requires_every_pair(client, people):
    ann, bob, _ = people
    items = _search(
        client,
        "_account",
        ["A1"],
        AdditionalSearchKeys=[{"KeyName": "_email", "Values": ["bob@example.com"]}],
        LogicalOperator="AND",
    )
    assert _ids(items) == [bob]
    assert items[0]["FoundByItems"] == [
        {"KeyName": "_account", "Values": ["A1"]},
        {"KeyName": "_email", "Values": ["bob@example.com"]},
    ]
    items = _search(
        client,
        "_account",
        ["A1"],
        AdditionalSearchKeys=[{"KeyName": "_email", "Values": ["cat@example.com"]}],
        LogicalOperator="AND",
    )
    assert items == []
    assert ann


def test_search_unknown_key_or_value_is_empty(client, people):
    assert _search(client, "neverStored", ["x"]) == []
    assert _search(client, "_email", ["zz@example.com"]) == []


def test_search_errors(client, people):
    five = [{"KeyName": "_account", "Values": ["A1"]}] * 5
    with pytest.raises(client.exceptions.BadRequestException):
        _search(client, "_account", ["A1"], AdditionalSearchKeys=five)
    with pytest.raises(client.exceptions.BadRequestException):
        _search(client, "_account", [])
    with pytest.raises(client.exceptions.BadRequestException):
        _search(client, "_account", ["A1"], AdditionalSearchKeys=[{"KeyName": "k", "Values": []}])
    with pytest.raises(client.exceptions.BadRequestException):
        _search(client, "_account", ["A1"], LogicalOperator="XOR")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.search_profiles(DomainName="nope", KeyName="_account", Values=["A1"])


def test_search_pages_default_20_in_creation_order(client, domain):
    ids = [_profile(client, AccountNumber="same") for _ in range(25)]
    first = client.search_profiles(DomainName=D, KeyName="_account", Values=["same"])
    assert _ids(first["Items"]) == ids[:20]
    rest = client.search_profiles(
        DomainName=D, KeyName="_account", Values=["same"], NextToken=first["NextToken"]
    )
    assert _ids(rest["Items"]) == ids[20:]
    assert "NextToken" not in rest


# --------------------------------------------------------------------------- matches


def test_get_matches_requires_matching_enabled(client):
    client.create_domain(DomainName="plain", DefaultExpirationDays=30)
    with pytest.raises(client.exceptions.BadRequestException):
        client.get_matches(DomainName="plain")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_matches(DomainName="nope")


def test_get_matches_before_any_run(client, domain):
    _profile(client, EmailAddress="a@example.com")
    _profile(client, EmailAddress="a@example.com")
    out = client.get_matches(DomainName=D)
    assert out["Matches"] == []
    assert out["PotentialMatches"] == 0
    assert "MatchGenerationDate" not in out


def test_identity_resolution_groups_by_email_phone_and_name(client, backend, domain):
    a = _profile(client, EmailAddress="Ann@Example.com")
    b = _profile(client, EmailAddress="ann@example.com ", PhoneNumber="555-123-4567")
    c = _profile(client, PhoneNumber="+1 (555) 123 4567")  # joins a+b through b's phone
    d = _profile(client, FirstName="Zed", LastName="Doe")
    e = _profile(client, FirstName="zed", LastName="DOE")
    _profile(client, FirstName="Solo")
    backend.run_identity_resolution(D)
    out = client.get_matches(DomainName=D)
    assert out["PotentialMatches"] == 2
    assert "MatchGenerationDate" in out
    groups = {tuple(m["ProfileIds"]): m["ConfidenceScore"] for m in out["Matches"]}
    assert groups == {(a, b, c): 1.0, (d, e): 0.8}
    assert all(m["MatchId"] for m in out["Matches"])


def test_identity_resolution_name_link_lowers_confidence_of_joined_group(client, backend, domain):
    a = _profile(client, EmailAddress="x@example.com", FirstName="Al", LastName="Bo")
    b = _profile(client, EmailAddress="x@example.com")
    c = _profile(client, FirstName="al", LastName="bo")
    backend.run_identity_resolution(D)
    (match,) = client.get_matches(DomainName=D)["Matches"]
    assert match["ProfileIds"] == [a, b, c]  # [A] transitive
    assert match["ConfidenceScore"] == 0.8


def test_matches_filter_deleted_profiles_at_read_time(client, backend, domain):
    a = _profile(client, EmailAddress="x@example.com")
    b = _profile(client, EmailAddress="x@example.com")
    c = _profile(client, EmailAddress="x@example.com")
    d = _profile(client, PhoneNumber="5550001111")
    e = _profile(client, PhoneNumber="5550001111")
    backend.run_identity_resolution(D)
    client.delete_profile(DomainName=D, ProfileId=b)
    client.delete_profile(DomainName=D, ProfileId=e)
    out = client.get_matches(DomainName=D)
    assert [m["ProfileIds"] for m in out["Matches"]] == [[a, c]]
    assert out["PotentialMatches"] == 1
    assert d


def test_set_matches_and_paging(client, backend, domain):
    ids = [_profile(client, FirstName=f"P{i}") for i in range(6)]
    backend.set_matches(D, [ids[0:2], ids[2:4], ids[4:6]], confidence=0.5)
    first = client.get_matches(DomainName=D, MaxResults=2)
    assert [m["ProfileIds"] for m in first["Matches"]] == [ids[0:2], ids[2:4]]
    assert first["PotentialMatches"] == 3
    assert {m["ConfidenceScore"] for m in first["Matches"]} == {0.5}
    rest = client.get_matches(DomainName=D, MaxResults=2, NextToken=first["NextToken"])
    assert [m["ProfileIds"] for m in rest["Matches"]] == [ids[4:6]]


def test_set_matches_rejects_unknown_profiles(backend, client, domain):
    a = _profile(client)
    with pytest.raises(ValueError, match="unknown"):
        backend.set_matches(D, [[a, "f" * 32]])
    with pytest.raises(ValueError, match="two"):
        backend.set_matches(D, [[a, a]])


# --------------------------------------------------------------------------- merge


def _order_type(client):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id"},
            "acct": {"Source": "_source.acct", "Target": "_profile.AccountNumber"},
        },
        Keys={
            "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["acct"]}],
        },
    )


def test_merge_profiles_scenario_8(client, backend, domain):
    """Spec 17 scenario 8: keys/objects move, field rules, merged ids disappear."""
    _order_type(client)
    main = _profile(
        client,
        AccountNumber="M",
        EmailAddress="main@example.com",
        FirstName="Main",
        BirthDate="1990",
    )
    other = _profile(
        client,
        AccountNumber="O",
        EmailAddress="other@example.com",
        LastName="Other",
        PhoneNumber="5550001111",
    )
    client.put_profile_object(
        DomainName=D, ObjectTypeName="Order", Object=json.dumps({"id": "o1", "acct": "O"})
    )
    client.add_profile_key(DomainName=D, ProfileId=other, KeyName="loyalty", Values=["L9"])
    assert client.list_profile_objects(DomainName=D, ObjectTypeName="Order", ProfileId=other)[
        "Items"
    ]
    third = _profile(client, BirthDate="2000")

    out = client.merge_profiles(
        DomainName=D,
        MainProfileId=main,
        ProfileIdsToBeMerged=[other, third],
        FieldSourceProfileIds={"AccountNumber": other, "BirthDate": third},
    )
    assert out["Message"]
    merged = _get(client, main)
    assert merged["EmailAddress"] == "main@example.com"  # conflict: main wins
    assert merged["AccountNumber"] == "O"  # FieldSourceProfileIds names the other one
    assert merged["BirthDate"] == "2000"
    assert merged["LastName"] == "Other"  # no conflict: union
    assert merged["PhoneNumber"] == "5550001111"
    assert merged["FirstName"] == "Main"
    # keys and objects moved
    assert _ids(_search(client, "loyalty", ["L9"])) == [main]
    objects = client.list_profile_objects(DomainName=D, ObjectTypeName="Order", ProfileId=main)
    assert len(objects["Items"]) == 1
    # merged ids are gone
    assert _search(client, "_profileId", [other]) == []
    assert _search(client, "_profileId", [third]) == []
    errors = client.batch_get_profile(DomainName=D, ProfileIds=[other])["Errors"]
    assert [e["ProfileId"] for e in errors] == [other]
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == 1
    assert client.get_domain(DomainName=D)["Stats"]["ObjectCount"] == 1


def test_merge_relinks_standard_object_records(client, domain):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Device",
        Description="assets",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id"},
            "serial": {"Source": "_source.serial", "Target": "_asset.SerialNumber"},
            "acct": {"Source": "_source.acct", "Target": "_profile.AccountNumber"},
        },
        Keys={
            "deviceId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["acct"]}],
            "deviceSerial": [{"StandardIdentifiers": ["ASSET"], "FieldNames": ["serial"]}],
        },
    )
    main = _profile(client, AccountNumber="M")
    other = _profile(client, AccountNumber="O")
    client.put_profile_object(
        DomainName=D,
        ObjectTypeName="Device",
        Object=json.dumps({"id": "d1", "serial": "SN-1", "acct": "O"}),
    )
    assert _ids(_search(client, "_serialNumber", ["SN-1"])) == [other]
    client.merge_profiles(DomainName=D, MainProfileId=main, ProfileIdsToBeMerged=[other])
    assert _ids(_search(client, "_serialNumber", ["SN-1"])) == [main]
    assets = client.list_profile_objects(DomainName=D, ObjectTypeName="_asset", ProfileId=main)
    assert [json.loads(a["Object"])["SerialNumber"] for a in assets["Items"]] == ["SN-1"]


def test_merge_field_source_with_empty_value_clears_field(client, domain):
    main = _profile(client, EmailAddress="main@example.com", Address={"City": "Paris"})
    other = _profile(client, FirstName="Other")
    client.merge_profiles(
        DomainName=D,
        MainProfileId=main,
        ProfileIdsToBeMerged=[other],
        FieldSourceProfileIds={"EmailAddress": other, "Address": other},
    )
    got = _get(client, main)
    assert "EmailAddress" not in got
    assert "Address" not in got
    assert got["FirstName"] == "Other"


def test_merge_first_listed_wins_and_addresses_are_whole_blocks(client, domain):
    main = _profile(client, FirstName="Main")
    b = _profile(client, LastName="B", Address={"City": "Berlin"})
    c = _profile(client, LastName="C", Address={"City": "Cork", "Country": "IE"})
    client.merge_profiles(DomainName=D, MainProfileId=main, ProfileIdsToBeMerged=[b, c])
    got = _get(client, main)
    assert got["LastName"] == "B"
    assert got["Address"] == {"City": "Berlin"}


def test_merge_attributes_per_key(client, domain):
    main = _profile(client, Attributes={"tier": "gold", "x": "1"})
    other = _profile(client, Attributes={"tier": "silver", "y": "2", "x": "3"})
    client.merge_profiles(
        DomainName=D,
        MainProfileId=main,
        ProfileIdsToBeMerged=[other],
        FieldSourceProfileIds={"Attributes": {"tier": other, "z": other}},
    )
    assert _get(client, main)["Attributes"] == {"tier": "silver", "x": "1", "y": "2"}


def test_merge_gender_source_takes_free_form_alternative(client, domain):
    main = _profile(client, Gender="MALE")
    other = _profile(client, GenderString="non-binary")
    client.merge_profiles(
        DomainName=D,
        MainProfileId=main,
        ProfileIdsToBeMerged=[other],
        FieldSourceProfileIds={"Gender": other},
    )
    got = _get(client, main)
    assert got.get("GenderString") == "non-binary"
    assert "Gender" not in got


def test_merge_moves_keys_and_prunes_matches(client, backend, domain):
    main = _profile(client, EmailAddress="x@example.com")
    other = _profile(client, EmailAddress="x@example.com", PhoneNumber="5550001111")
    backend.run_identity_resolution(D)
    assert client.get_matches(DomainName=D)["PotentialMatches"] == 1
    client.merge_profiles(DomainName=D, MainProfileId=main, ProfileIdsToBeMerged=[other])
    out = client.get_matches(DomainName=D)
    assert out["Matches"] == []
    assert out["PotentialMatches"] == 0
    # [A] the merged profile's field-derived keys stay searchable on the main profile.
    assert _ids(_search(client, "_phone", ["15550001111"])) == [main]


@pytest.mark.parametrize("case", ["main_listed", "duplicates", "outsider_source"])
def test_merge_bad_requests(client, domain, case):
    main = _profile(client, FirstName="M")
    other = _profile(client, FirstName="O")
    outsider = _profile(client, FirstName="X")
    kwargs: dict = {"MainProfileId": main, "ProfileIdsToBeMerged": [other]}
    if case == "main_listed":
        kwargs["ProfileIdsToBeMerged"] = [other, main]
    elif case == "duplicates":
        kwargs["ProfileIdsToBeMerged"] = [other, other]
    else:
        kwargs["FieldSourceProfileIds"] = {"FirstName": outsider}
    with pytest.raises(client.exceptions.BadRequestException):
        client.merge_profiles(DomainName=D, **kwargs)
    assert _get(client, other)["FirstName"] == "O"  # nothing happened


def test_merge_not_found(client, domain):
    main = _profile(client)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.merge_profiles(DomainName=D, MainProfileId=main, ProfileIdsToBeMerged=["a" * 32])
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.merge_profiles(DomainName=D, MainProfileId="a" * 32, ProfileIdsToBeMerged=[main])
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.merge_profiles(DomainName="nope", MainProfileId=main, ProfileIdsToBeMerged=[main])


def _matches(client, **kw):
    out = client.get_matches(DomainName=D, **kw)
    return [m["ProfileIds"] for m in out["Matches"]], out["PotentialMatches"], out


def test_matches_follow_merges_expiry_and_deletes_between_pages(tmp_path):
    from customer_profiles_sdk.local import Clock, LocalBackend

    clock = Clock(1_700_000_000.0)
    backend = LocalBackend(clock=clock)
    client = backend.client()
    client.create_domain(DomainName=D, DefaultExpirationDays=10, Matching={"Enabled": True})
    ids = [_profile(client, FirstName=f"P{i}") for i in range(10)]
    groups = [ids[0:2], ids[2:4], ids[4:7], ids[7:10]]
    backend.set_matches(D, groups)
    assert _matches(client)[:2] == (groups, 4)

    # A merge takes the merged profiles out of their groups (ids[0:2] drops below two).
    client.merge_profiles(DomainName=D, MainProfileId=ids[2], ProfileIdsToBeMerged=[ids[1]])
    assert _matches(client)[:2] == ([ids[2:4], ids[4:7], ids[7:10]], 3)

    # A page boundary, then a delete before the next page: nothing skipped or repeated.
    first, _, out = _matches(client, MaxResults=2)
    assert first == [ids[2:4], ids[4:7]]
    client.delete_profile(DomainName=D, ProfileId=ids[3])  # on the first page
    client.delete_profile(DomainName=D, ProfileId=ids[8])  # on the second
    rest, count, _ = _matches(client, MaxResults=2, NextToken=out["NextToken"])
    assert rest == [[ids[7], ids[9]]]
    assert count == 2  # ids[2:4] fell below two members

    # A state file keeps the result; profiles that expire afterwards leave their groups.
    path = tmp_path / "state.json"
    backend.save_state(path)
    other = LocalBackend(clock=clock)
    other.load_state(path)
    reloaded = other.client()
    assert _matches(reloaded)[:2] == ([ids[4:7], [ids[7], ids[9]]], 2)
    clock.advance(11 * 86400.0)  # past DefaultExpirationDays: every profile expires
    assert _matches(reloaded)[:2] == ([], 0)
