"""``domain.segments`` (and its subscriptions and stream) against the embedded emulator,
and the builders of ``customer_profiles_sdk.segments``."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from customer_profiles_sdk import (
    CustomerProfiles,
    Dimension,
    EstimateStatus,
    Group,
    IncludeOptions,
    JobFailedError,
    PollPolicy,
    Profile,
    ProfileType,
    SegmentDefinition,
    SegmentDefinitionSummary,
    SegmentEstimate,
    SegmentGroup,
    SegmentMembership,
    SegmentSnapshot,
    SegmentSubscriptionEvent,
    SortAttribute,
    WaitTimeoutError,
    _convert,
)
from customer_profiles_sdk.errors import (
    BadRequestError,
    ResourceNotFoundError,
    ValidationError,
)
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.resources import Segments, SegmentSnapshotJob
from customer_profiles_sdk.segments import (
    all_of,
    any_of,
    attribute,
    calculated,
    describe,
    members_of_all,
    members_of_any,
    members_of_none,
    none_of,
    profile,
    sort_by,
)

D = "shop"
STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/segment-events"
ROLE = "arn:aws:iam::123456789012:role/segment-events"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


@pytest.fixture
def segments(cp: CustomerProfiles) -> Segments:
    return cp.domains.create(D, default_expiration_days=30).segments


@pytest.fixture
def people(cp: CustomerProfiles, segments: Segments) -> dict[str, str]:
    """The spec's evaluation fixture (segments spec 2.11): P1 Ann, P2 bob, P3 Cid."""
    profiles = cp.domain(D).profiles
    return {
        "ann": profiles.create(
            {
                "first_name": "Ann",
                "address": {"city": "Seattle"},
                "attributes": {"tier": "gold", "ltv": "1200", "nextVisit": "2024-10-01"},
                "birth_date": "1990-05-01",
                "email_address": "ann@example.com",
            }
        ),
        "bob": profiles.create(
            {
                "first_name": "bob",
                "address": {"city": "seattle"},
                "attributes": {"tier": "silver", "ltv": "80"},
                "birth_date": "05/01/1985",
            }
        ),
        "cid": profiles.create(Profile(first_name="Cid", profile_type=ProfileType.ACCOUNT_PROFILE)),
    }


def _count(segments: Segments, *groups: Group, include: str | None = None) -> int | None:
    return segments.estimate(list(groups), include=include).wait().count


def _wire(value: Any) -> Any:
    return _convert.to_wire(value)


# --------------------------------------------------------------------------- builders


def test_profile_fields_build_the_wire_dimension_of_their_member() -> None:
    assert _wire(profile.first_name.is_("Ann", "Anna")) == {
        "ProfileAttributes": {
            "FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann", "Anna"]}
        }
    }
    assert _wire(profile.shipping_address.postal_code.begins_with("98")) == {
        "ProfileAttributes": {
            "ShippingAddress": {"PostalCode": {"DimensionType": "BEGINS_WITH", "Values": ["98"]}}
        }
    }
    assert _wire(profile.additional_information.contains("vip")) == {
        "ProfileAttributes": {
            "AdditionalInformation": {"DimensionType": "CONTAINS", "Values": ["vip"]}
        }
    }
    assert _wire(profile.profile_type.is_(ProfileType.ACCOUNT_PROFILE)) == {
        "ProfileAttributes": {
            "ProfileType": {"DimensionType": "INCLUSIVE", "Values": ["ACCOUNT_PROFILE"]}
        }
    }
    assert _wire(attribute("tier").list_contains_all("a", "b")) == {
        "ProfileAttributes": {
            "Attributes": {"tier": {"DimensionType": "LIST_CONTAINS_ALL", "Values": ["a", "b"]}}
        }
    }
    assert profile.attribute("tier") == attribute("tier")


def test_values_are_written_as_the_api_expects() -> None:
    eastern = timezone(timedelta(hours=-5))
    dimension = profile.birth_date.between(
        date(1990, 1, 1), datetime(1999, 12, 31, 19, 0, 0, 500, tzinfo=eastern)
    )
    assert dimension.profile_attributes.birth_date.values == [
        "1990-01-01T00:00:00Z",
        "2000-01-01T00:00:00.000500Z",
    ]
    numbers = attribute("ltv").greater_than(100, 2.5, Decimal("1E+3"), "7")
    assert numbers.profile_attributes.attributes["ltv"].values == ["100", "2.5", "1E+3", "7"]
    with pytest.raises(ValueError, match="naive datetime"):
        profile.birth_date.before(datetime(2000, 1, 1))
    with pytest.raises(TypeError, match="bool"):
        attribute("flag").equal(True)
    with pytest.raises(ValueError, match="finite"):
        attribute("ltv").less_than(float("nan"))
    with pytest.raises(TypeError, match="a string or a field"):
        profile.first_name.is_(42)  # type: ignore[arg-type]


def test_fields_as_values_are_references_to_the_profiles_own_values() -> None:
    dimension = profile.shipping_address.city.is_not(profile.address.city)
    assert dimension.profile_attributes.shipping_address.city.values == [
        "{{_profile.Address.City}}"
    ]
    compared = attribute("ltv").greater_than(calculated("spend"), attribute("floor"))
    assert compared.profile_attributes.attributes["ltv"].values == [
        "{{_calculated_attribute.spend}}",
        "{{_profile.Attributes.floor}}",
    ]
    assert profile.birth_date.reference == "{{_profile.BirthDate}}"


def test_calculated_conditions_carry_the_range_override() -> None:
    assert _wire(calculated("calls", range_days=(60, 30)).greater_than_or_equal(4)) == {
        "CalculatedAttributes": {
            "calls": {
                "DimensionType": "GREATER_THAN_OR_EQUAL",
                "Values": ["4"],
                "ConditionOverrides": {"Range": {"Start": 60, "End": 30, "Unit": "DAYS"}},
            }
        }
    }
    assert (
        calculated("calls").on(date(2024, 1, 2)).calculated_attributes["calls"].condition_overrides
        is None
    )


def test_groups_sources_and_sort() -> None:
    group = none_of(profile.first_name.is_("Ann"), within=members_of_all("a", "b"))
    assert _wire(group) == {
        "Dimensions": [
            {"ProfileAttributes": {"FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann"]}}}
        ],
        "SourceSegments": [{"SegmentDefinitionName": "a"}, {"SegmentDefinitionName": "b"}],
        "SourceType": "ALL",
        "Type": "NONE",
    }
    assert _wire(all_of(within=["a", "b"])) == {
        "SourceSegments": [{"SegmentDefinitionName": "a"}, {"SegmentDefinitionName": "b"}],
        "SourceType": "ANY",
    }
    assert _wire(all_of()) == {}
    mapping = {
        "profile_attributes": {"first_name": {"dimension_type": "CONTAINS", "values": ["n"]}}
    }
    assert any_of(mapping).dimensions == [profile.first_name.contains("n")]
    with pytest.raises(TypeError):
        all_of(all_of())  # type: ignore[arg-type]  # a group is not a condition
    order = sort_by(
        attribute("ltv").descending(data_type="NUMBER"),
        profile.address.city.ascending(),
        calculated("spend").descending(),
        {"name": "LastName", "order": "ASC"},
    )
    assert _wire(order) == {
        "Attributes": [
            {"Name": "ltv", "Order": "DESC", "DataType": "NUMBER", "Type": "PROFILE"},
            {"Name": "Address.City", "Order": "ASC", "Type": "PROFILE"},
            {"Name": "spend", "Order": "DESC", "Type": "CALCULATED"},
            {"Name": "LastName", "Order": "ASC"},
        ]
    }
    assert isinstance(order.attributes[3], SortAttribute)


def test_describe_reads_as_sentences() -> None:
    text = describe(
        [
            any_of(
                attribute("visit").between(date(2024, 1, 1), "2024-02-01"),
                profile.email_address.ends_with("@a.com", "@b.com"),
                within=members_of_none("blocked"),
            ),
            all_of(calculated("calls", range_days=60).greater_than(3)),
        ],
        include=IncludeOptions.NONE,
    )
    assert text.splitlines() == [
        "Profiles in no group (Include NONE):",
        "  Group 1: members of none of the segments blocked (SourceType NONE), where ANY of",
        "    Attributes.visit is between 2024-01-01T00:00:00Z and 2024-02-01",
        '    EmailAddress ends with "@a.com" or "@b.com"',
        "  Group 2: where ALL of",
        "    calculated attribute calls is greater than 3 (over the range from 60 to 0 days ago)",
    ]
    assert describe(all_of()) == (
        "Profiles in every group (Include not set):\n  Group 1: every profile of the domain"
    )


# --------------------------------------------------------------------------- definitions


def test_create_get_list_delete_a_classic_definition(
    segments: Segments, backend: LocalBackend
) -> None:
    groups = [
        all_of(profile.address.city.is_("Seattle")),
        any_of(attribute("tier").is_("gold")),
    ]
    created = segments.create(
        "vip",
        display_name="VIPs",
        groups=groups,
        include="ANY",
        sort=sort_by(attribute("ltv").descending()),
        description="Seattle or gold",
        tags={"team": "crm"},
    )
    assert isinstance(created, SegmentDefinition)
    assert created.segment_definition_arn is not None
    assert created.segment_definition_arn.endswith(":domains/shop/segment-definitions/vip")
    assert created.created_at is not None
    assert created.segment_type == "CLASSIC"
    assert created.tags == {"team": "crm"}
    read = segments.get("vip")
    assert _wire(read.segment_groups) == {"Include": "ANY", "Groups": [_wire(g) for g in groups]}
    assert read.segment_groups == created.segment_groups
    assert read.segment_sort == created.segment_sort
    assert (read.description, read.segment_sql_query) == ("Seattle or gold", None)
    assert segments.exists("vip")
    assert not segments.exists("nope")

    listed = segments.list().to_list()
    assert [type(s) for s in listed] == [SegmentDefinitionSummary]
    assert listed[0].segment_definition_name == "vip"
    assert segments.delete("vip") is True
    assert segments.delete("vip") is False
    with pytest.raises(ResourceNotFoundError):
        segments.get("vip")


def test_sql_definitions_need_a_data_store(cp: CustomerProfiles) -> None:
    plain = cp.domains.create("plain", default_expiration_days=30).segments
    with pytest.raises(BadRequestError):
        plain.create("sql", display_name="SQL", sql="SELECT ProfileId FROM _profile")
    stored = cp.domains.create(
        "stored", default_expiration_days=30, data_store={"enabled": True}
    ).segments
    created = stored.create("sql", display_name="SQL", sql="SELECT ProfileId FROM _profile")
    assert (created.segment_type, created.segment_groups) == ("ENHANCED", None)
    assert stored.get("sql").segment_sql_query == "SELECT ProfileId FROM _profile"


def test_list_pages_and_a_missing_domain(cp: CustomerProfiles, segments: Segments) -> None:
    for n in range(5):
        segments.create(f"s{n}", display_name=f"S{n}", groups=all_of())
    pages = list(segments.list().page_size(2).by_page())
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert pages[-1].next_token is None
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").segments.list().to_list()


# --------------------------------------------------------------------------- evaluation


def test_estimates_follow_the_documented_operator_semantics(
    segments: Segments, people: dict[str, str]
) -> None:
    city = profile.address.city
    assert _count(segments, all_of(city.is_("Seattle", "Boston"))) == 1
    assert _count(segments, all_of(city.is_not("Seattle"))) == 1  # Cid has no city
    assert _count(segments, all_of(profile.first_name.contains("o"))) == 1
    assert _count(segments, all_of(profile.birth_date.before(date(1991, 1, 1)))) == 1
    visit = attribute("nextVisit")
    assert _count(segments, all_of(visit.between(date(2024, 9, 1), date(2024, 10, 1)))) == 1
    assert _count(segments, all_of(attribute("ltv").equal(Decimal("80.0")))) == 1
    assert _count(segments, all_of(profile.profile_type.is_("ACCOUNT_PROFILE"))) == 1
    either = any_of(city.is_("Seattle"), attribute("tier").is_("silver"))
    assert _count(segments, either) == 2
    assert _count(segments, none_of(city.is_("Seattle"), attribute("tier").is_("silver"))) == 1
    groups = (all_of(city.is_("Seattle")), all_of(attribute("tier").is_("gold")))
    assert _count(segments, *groups, include="ALL") == 1
    assert _count(segments, *groups, include="NONE") == 2


def test_source_segments_start_the_audience(segments: Segments, people: dict[str, str]) -> None:
    segments.create("gold", display_name="Gold", groups=all_of(attribute("tier").is_("gold")))
    segments.create("silver", display_name="Silver", groups=all_of(attribute("tier").is_("silver")))
    assert _count(segments, all_of(within="gold")) == 1
    assert _count(segments, all_of(within=members_of_any("gold", "silver"))) == 2
    assert _count(segments, all_of(within=members_of_none("gold", "silver"))) == 1
    assert _count(segments, all_of(profile.first_name.is_("bob"), within="gold")) == 0
    with pytest.raises(BadRequestError):
        segments.estimate(all_of(within="missing"))


def test_membership_answers_the_profiles_asked_about(
    segments: Segments, people: dict[str, str]
) -> None:
    segments.create(
        "seattle", display_name="Seattle", groups=all_of(profile.address.city.is_("Seattle"))
    )
    unknown = "f" * 32
    answer = segments.membership("seattle", [people["ann"], people["bob"], unknown])
    assert isinstance(answer, SegmentMembership)
    assert answer.member_ids == [people["ann"]]
    assert [m.first_name for m in answer.members] == ["Ann"]
    assert answer.is_member(people["ann"])
    assert not answer.is_member(people["bob"])
    assert [f.profile_id for f in answer.failures] == [unknown]

    frame = answer.to_pandas()
    assert list(frame["query_result"]) == ["PRESENT", "ABSENT"]
    assert frame.loc[0, "profile.address.city"] == "Seattle"
    members = answer.to_pandas(members_only=True)
    assert list(members["profile_id"]) == [people["ann"]]
    page = answer._repr_html_()
    assert "Membership of segment seattle" in page
    assert "Seattle" in page

    with pytest.raises(ResourceNotFoundError):
        segments.membership("nope", [people["ann"]])


def test_live_membership_and_calculated_attributes_with_an_override(
    cp: CustomerProfiles, backend: LocalBackend, segments: Segments
) -> None:
    domain = cp.domain(D)
    domain.object_types.put(
        {
            "object_type_name": "Call",
            "description": "calls",
            "fields": {
                "id": {"source": "_source.id"},
                "email": {"source": "_source.email", "target": "_profile.EmailAddress"},
                "at": {"source": "_source.at"},
            },
            "keys": {
                "callId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["id"]}],
                "_email": [{"standard_identifiers": ["PROFILE"], "field_names": ["email"]}],
            },
        }
    )
    domain.calculated_attributes.create(
        "calls",
        expression="{Call.id}",
        statistic="COUNT",
        conditions={
            "range": {
                "value": 30,
                "unit": "DAYS",
                "timestamp_source": "{Call.at}",
                "timestamp_format": "ISO_8601",
            }
        },
    )
    pid = domain.profiles.create(Profile(email_address="ann@example.com"))
    now = datetime.fromtimestamp(backend.clock.now(), tz=timezone.utc)
    for n, days in enumerate((10, 10, 10, 45, 45)):
        at = (now - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
        domain.objects.put("Call", {"id": str(n), "email": "ann@example.com", "at": at})
    frequent = segments.create(
        "frequent",
        display_name="Frequent",
        groups=all_of(calculated("calls").greater_than_or_equal(4)),
    )
    assert not segments.membership(frequent.segment_definition_name, [pid]).is_member(pid)
    over_60 = all_of(calculated("calls", range_days=60).greater_than_or_equal(4))
    segments.create("frequent60", display_name="Frequent (60 days)", groups=over_60)
    assert segments.membership("frequent60", [pid]).is_member(pid)


# --------------------------------------------------------------------------- jobs


def test_estimate_job_waits_on_the_emulated_clock(
    backend: LocalBackend, segments: Segments, people: dict[str, str]
) -> None:
    backend.set_job_latency("estimate", 90)
    start = backend.clock.now()
    job = segments.estimate(all_of(profile.address.city.is_("Seattle")))
    assert (job.status_code, job.domain_name) == (200, D)
    first = job.status()
    assert isinstance(first, SegmentEstimate)
    assert (first.status, first.count, first.done) == (EstimateStatus.RUNNING, None, False)
    assert "RUNNING" in first._repr_html_()
    with pytest.raises(WaitTimeoutError) as caught:
        job.wait(timeout=30)
    assert caught.value.last.status == "RUNNING"
    done = job.wait(timeout=600, policy=PollPolicy(initial=5, multiplier=2, max_interval=20))
    assert (done.status, done.count) == ("SUCCEEDED", 1)
    assert 90 <= backend.clock.now() - start < 90 + 20
    page = done._repr_html_()
    assert f"Segment estimate {job.estimate_id}" in page
    assert "SUCCEEDED" in page
    assert segments.get_estimate(job.estimate_id) == done
    assert job.estimate_id in repr(job)


def test_a_failed_estimate_raises_job_failed_with_the_service_message() -> None:
    backend = LocalBackend(sql_segments="sqlite")
    cp = CustomerProfiles.local(backend=backend)
    domain = cp.domains.create("sql", default_expiration_days=30, data_store={"enabled": True})
    domain.object_types.put(
        {
            "object_type_name": "Orders",
            "description": "orders",
            "fields": {"id": {"source": "_source.id"}, "email": {"source": "_source.email",
                                                              "target": "_profile.EmailAddress"}},
            "keys": {
                "orderId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["id"]}],
                "_email": [{"standard_identifiers": ["PROFILE"], "field_names": ["email"]}],
            },
        }
    )  # fmt: skip
    domain.profiles.create({"email_address": "a@example.com"})
    domain.objects.put("Orders", {"id": "1", "email": "a@example.com"})
    job = domain.segments.estimate(sql="SELECT ProfileId FROM Orders WHERE nope = 'x'")
    with pytest.raises(JobFailedError) as caught:
        job.wait()
    assert caught.value.last.status == "FAILED"
    assert caught.value.last.message
    assert "FAILED" in caught.value.last._repr_html_()
    ok = domain.segments.estimate(sql="SELECT ProfileId FROM Orders").wait()
    assert ok.count == 1


def test_snapshot_job_exports_the_members(
    backend: LocalBackend, segments: Segments, people: dict[str, str]
) -> None:
    segments.create(
        "seattle",
        display_name="Seattle",
        groups=all_of(profile.address.city.is_("Seattle")),
    )
    backend.set_job_latency("snapshot", 10)
    job = segments.snapshot("seattle", data_format="JSONL", destination_uri="s3://exports/vip")
    assert isinstance(job, SegmentSnapshotJob)
    assert job.status().status == "IN_PROGRESS"
    assert "IN_PROGRESS" in job.status()._repr_html_()
    final = job.wait()
    assert isinstance(final, SegmentSnapshot)
    assert (final.status, final.data_format, final.destination_uri) == (
        "COMPLETED",
        "JSONL",
        "s3://exports/vip",
    )
    files = backend.exported_objects("s3://exports/vip")
    data = files[f"vip/{job.snapshot_id}/part-00000.jsonl"].decode()
    assert [json.loads(line)["ProfileId"] for line in data.splitlines()] == [people["ann"]]
    with pytest.raises(ResourceNotFoundError):
        segments.get_snapshot("seattle", "0" * 32)


# --------------------------------------------------------------------------- subscriptions


def test_subscriptions_and_the_stream(
    cp: CustomerProfiles, backend: LocalBackend, segments: Segments
) -> None:
    segments.create("gold", display_name="Gold", groups=all_of(attribute("tier").is_("gold")))
    assert not segments.stream.exists()
    with pytest.raises(BadRequestError):
        segments.subscriptions.put("gold")  # no stream yet
    segments.stream.associate(STREAM, role_arn=ROLE)
    backend.set_job_latency("subscription", 60)
    started = segments.subscriptions.put("gold", interval=2)
    assert started.status == "STARTING"
    assert started.schedule_configuration is not None
    assert (started.schedule_configuration.interval, started.schedule_configuration.unit) == (
        2,
        "HOURLY",
    )
    running = segments.subscriptions.wait_until_running("gold")
    assert running.status == "RUNNING"
    assert running.scheduled_executions is not None

    profiles = cp.domain(D).profiles
    ids = [profiles.create(Profile(attributes={"tier": "gold"})) for _ in range(3)]
    profiles.update(ids[0], attributes={"tier": "silver"})
    events = segments.subscriptions.events("gold")
    assert all(isinstance(e, SegmentSubscriptionEvent) for e in events)
    assert [(e.profile_id, e.event) for e in events.page_size(1).limit(2)] == [
        (ids[0], "LEFT"),
        (ids[2], "JOINED"),
    ]
    assert len(events.to_list()) == 4

    stream = segments.stream.get()
    assert (stream.destination_arn, stream.state) == (STREAM, "RUNNING")
    assert [(s.segment_name, s.status) for s in stream.associated_segments] == [("gold", "RUNNING")]
    assert segments.stream.disassociate() is True
    assert segments.subscriptions.get("gold").status == "STOPPED"
    assert segments.stream.get().state == "STOPPED"
    with pytest.raises(JobFailedError, match="STOPPED"):
        segments.subscriptions.wait_until_running("gold")
    assert segments.subscriptions.delete("gold") is True
    assert segments.subscriptions.delete("gold") is False
    with pytest.raises(ResourceNotFoundError):
        segments.subscriptions.get("gold")


# --------------------------------------------------------------------------- bad input


def _rejected(backend: LocalBackend, call: Any) -> ValidationError:
    before = backend.call_count()
    with pytest.raises(ValidationError) as caught:
        call()
    assert backend.call_count() == before, "a request was sent"
    return caught.value


def test_definitions_are_checked_before_sending(segments: Segments, backend: LocalBackend) -> None:
    def create(**kwargs: Any) -> Any:
        return lambda: segments.create("s", display_name="S", **kwargs)

    err = _rejected(backend, create())
    assert err.operation == "CreateSegmentDefinition"
    assert [(v.path, v.constraint, v.detail) for v in err.violations] == [
        ("SegmentGroups", "exactly one of SegmentGroups and SegmentSqlQuery", "got neither")
    ]
    err = _rejected(backend, create(groups=all_of(), sql="SELECT 1"))
    assert err.violations[0].detail == "got both"
    assert _rejected(backend, create(groups=[])).fields == ["SegmentGroups.Groups"]
    err = _rejected(backend, create(groups=all_of(within=[f"s{n}" for n in range(6)])))
    assert err.violations[0].path == "SegmentGroups.Groups[0].SourceSegments"
    assert err.violations[0].constraint == "at most 5 source segments"

    both = Dimension(
        profile_attributes=profile.first_name.is_("A").profile_attributes,
        calculated_attributes=calculated("c").equal(1).calculated_attributes,
    )
    empty = {"profile_attributes": {}}
    no_part = {"profile_attributes": {"address": {}}}
    one_value = {
        "profile_attributes": {
            "birth_date": {"dimension_type": "BETWEEN", "values": ["2024-01-01"]}
        }
    }
    err = _rejected(backend, create(groups=[{"dimensions": [both, empty, no_part, one_value]}]))
    assert [(v.path, v.constraint) for v in err.violations] == [
        (
            "SegmentGroups.Groups[0].Dimensions[0]",
            "exactly one of ProfileAttributes and CalculatedAttributes",
        ),
        ("SegmentGroups.Groups[0].Dimensions[1].ProfileAttributes", "at least one attribute"),
        (
            "SegmentGroups.Groups[0].Dimensions[2].ProfileAttributes.Address",
            "at least one address part",
        ),
        (
            "SegmentGroups.Groups[0].Dimensions[3].ProfileAttributes.BirthDate.Values",
            "exactly 2 values for BETWEEN (start, end)",
        ),
    ]
    err = _rejected(
        backend,
        create(groups=any_of(calculated("c", range_days=(0, 367)).equal(1))),
    )
    assert [(v.path.rsplit(".", 1)[-1], v.constraint) for v in err.violations] == [
        ("Start", "between 1 and 366 days"),
        ("End", "between 0 and 366 days"),
    ]
    many = all_of(*(attribute(f"a{n}").is_("x") for n in range(61)))
    assert _rejected(backend, create(groups=many)).violations[0].constraint == (
        "at most 60 unique attributes"
    )
    calcs = all_of(*(calculated(f"c{n}").equal(1) for n in range(11)))
    assert _rejected(backend, create(groups=calcs)).violations[0].constraint == (
        "at most 10 unique calculated attributes"
    )
    assert _rejected(backend, create(sql="SELECT 1", include="ALL")).fields == [
        "SegmentGroups.Include"
    ]
    query = SegmentGroup(groups=[all_of()])
    with pytest.raises(TypeError, match=r"groups=query\.groups, include=query\.include"):
        segments.create("s", display_name="S", groups=query)  # type: ignore[arg-type]


def test_model_constraints_are_reported_with_the_documented_ones(
    segments: Segments, backend: LocalBackend
) -> None:
    fifty_one = attribute("tier").is_(*[str(n) for n in range(51)])
    err = _rejected(
        backend,
        lambda: segments.create(
            "bad name!", display_name="S", groups=[all_of(fifty_one)], include="SOME"
        ),
    )
    paths = err.fields
    assert "SegmentDefinitionName" in paths
    assert "SegmentGroups.Include" in paths
    assert any(p.startswith("SegmentGroups.Groups[0].Dimensions[0]") for p in paths)
    assert "CreateSegmentDefinition" in str(err)


def test_the_other_operations_check_their_input(segments: Segments, backend: LocalBackend) -> None:
    err = _rejected(backend, lambda: segments.estimate())
    assert (err.operation, err.fields) == ("CreateSegmentEstimate", ["SegmentQuery"])
    assert _rejected(backend, lambda: segments.estimate(all_of(), sql="SELECT 1")).fields == [
        "SegmentQuery"
    ]
    assert _rejected(backend, lambda: segments.estimate([])).fields == ["SegmentQuery.Groups"]

    err = _rejected(backend, lambda: segments.membership("s", ["a" * 32] * 101))
    assert (err.operation, err.fields) == ("GetSegmentMembership", ["ProfileIds"])
    assert _rejected(backend, lambda: segments.membership("s", ["zz"])).fields == ["ProfileIds[0]"]
    assert _rejected(backend, lambda: segments.membership("s", [])).fields == ["ProfileIds"]
    assert _rejected(backend, lambda: segments.membership("s", "a" * 32)).fields == ["ProfileIds"]

    err = _rejected(
        backend,
        lambda: segments.snapshot("s", data_format="CSV", destination_uri="https://x/y"),
    )
    assert (err.operation, err.fields) == ("CreateSegmentSnapshot", ["DestinationUri"])
    err = _rejected(
        backend, lambda: segments.snapshot("s", data_format="XML", destination_uri="s3://b")
    )
    assert err.fields == ["DataFormat"]

    stream = segments.stream
    err = _rejected(backend, lambda: stream.associate("arn:aws:sqs:us-east-1:1:q", role_arn=ROLE))
    assert (err.operation, err.fields) == ("AssociateStreamForSegments", ["DestinationArn"])
    assert _rejected(backend, lambda: stream.associate(STREAM, role_arn="role/r")).fields == [
        "DestinationRoleArn"
    ]
    subscriptions = segments.subscriptions
    assert _rejected(backend, lambda: subscriptions.put("s", interval=25)).fields == [
        "ScheduleConfiguration.Interval"
    ]
    err = _rejected(backend, lambda: subscriptions.put("s", unit="HOURLY"))
    assert err.violations[0].detail == "unit without interval"


# --------------------------------------------------------------------------- notebook views


def test_a_definition_shows_who_is_in_it_and_masks_its_values_in_repr(
    segments: Segments,
) -> None:
    segments.create(
        "tagged",
        display_name="<Tagged>",
        groups=all_of(profile.first_name.is_("<Ann>")),
        sort=sort_by(profile.last_name.ascending()),
        tags={"team": "crm"},
    )
    definition = segments.get("tagged")
    page = definition._repr_html_()
    assert "<caption><b>Segment tagged</b></caption>" in page
    assert "&lt;Tagged&gt;" in page
    assert "<Ann>" not in page
    assert "FirstName is &quot;&lt;Ann&gt;&quot;" in page
    assert "LastName ASC (PROFILE)" in page
    assert "team=crm" in page
    assert "<Ann>" in definition.describe()
    assert "<Ann>" not in repr(definition)  # personal data stays out of logs
    sql = SegmentDefinition(segment_definition_name="sql", segment_sql_query="SELECT 1")
    assert "Profiles returned by the SQL query:\nSELECT 1" in sql.describe()
