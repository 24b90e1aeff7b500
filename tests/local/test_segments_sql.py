"""SQL ("enhanced") segments (spec/segments.md 5): refused by default, injected results,
and the opt-in ``sqlite3`` evaluator of a Spark SQL subset on the emulator's schema."""

from __future__ import annotations

import json
from typing import Any

import pytest

from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.local.segments import _sql
from tests.local._conformance import check_http_response
from tests.local._segment_fixture import START, D, People, make_people, members
from tests.local.conftest import conformance_checked

BAD = "BadRequestException"
CITY = "SELECT ProfileId FROM _profile WHERE Address.City = 'Seattle'"


def _client(backend: LocalBackend) -> Any:
    return conformance_checked(backend.client())


@pytest.fixture
def refusing() -> tuple[LocalBackend, Any, People]:
    backend = LocalBackend(clock=Clock(start=START))
    client = _client(backend)
    return backend, client, make_people(client, data_store=True)


@pytest.fixture
def sqlite() -> tuple[LocalBackend, Any, People]:
    backend = LocalBackend(clock=Clock(start=START), sql_segments="sqlite")
    client = _client(backend)
    return backend, client, make_people(client, data_store=True)


def define_sql(client: Any, name: str, query: str) -> None:
    client.create_segment_definition(
        DomainName=D, SegmentDefinitionName=name, DisplayName=name, SegmentSqlQuery=query
    )


def estimate(client: Any, query: str) -> dict[str, Any]:
    created = client.create_segment_estimate(DomainName=D, SegmentSqlQuery=query)
    return dict(client.get_segment_estimate(DomainName=D, EstimateId=created["EstimateId"]))


def count(client: Any, query: str) -> str:
    answer = estimate(client, query)
    assert answer["Status"] == "SUCCEEDED", answer.get("Message")
    return str(answer["Estimate"])


def refused_message(client: Any, call: Any) -> str:
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        call()
    return str(caught.value.response["Error"]["Message"])


def test_sql_segments_mode_is_checked() -> None:
    with pytest.raises(ValueError, match="sql_segments"):
        LocalBackend(sql_segments="duckdb")


# --------------------------------------------------------------------------- refuse mode


def test_stored_verbatim(refusing: Any) -> None:
    _, client, _ = refusing
    query = "SELECT ProfileId\nFROM _profile -- all of them\nWHERE FirstName = 'Ann'"
    define_sql(client, "sql_vip", query)
    got = client.get_segment_definition(DomainName=D, SegmentDefinitionName="sql_vip")
    assert (got["SegmentSqlQuery"], got["SegmentType"]) == (query, "ENHANCED")
    assert client.list_segment_definitions(DomainName=D)["Items"][0]["SegmentType"] == "ENHANCED"


@pytest.mark.parametrize(
    "query",
    ["SELEC ProfileId FROM _profile", "SELECT 1; DROP TABLE _profile",
     "INSERT INTO _profile VALUES ('x')",
     "DROP TABLE _profile", "SELECT 'unterminated FROM _profile"],
)  # fmt: skip
def test_statement_checks_in_every_mode(refusing: Any, query: str) -> None:
    _, client, _ = refusing
    with pytest.raises(client.exceptions.BadRequestException):
        define_sql(client, "bad", query)


def test_valid_spark_outside_the_subset_is_stored_in_refuse_mode(refusing: Any) -> None:
    _, client, _ = refusing
    query = "SELECT ProfileId FROM _profile LATERAL VIEW explode(map_keys(Attributes)) t AS k; "
    define_sql(client, "lateral", query)
    assert (
        client.get_segment_definition(DomainName=D, SegmentDefinitionName="lateral")[
            "SegmentSqlQuery"
        ]
        == query
    )


def test_evaluation_is_refused(refusing: Any) -> None:
    backend, client, people = refusing
    define_sql(client, "sql_vip", CITY)
    calls = [
        lambda: client.create_segment_estimate(DomainName=D, SegmentSqlQuery=CITY),
        lambda: client.create_segment_snapshot(
            DomainName=D, SegmentDefinitionName="sql_vip", DataFormat="CSV",
            DestinationUri="s3://bkt/x",
        ),
        lambda: members(client, "sql_vip", people.all),
    ]  # fmt: skip
    for call in calls:
        assert "not supported by the emulator" in refused_message(client, call)
    assert backend.exported_objects("s3://bkt") == {}


def test_sql_estimate_needs_the_data_store(refusing: Any) -> None:
    _, client, _ = refusing
    client.update_domain(DomainName=D, DataStore={"Enabled": False})
    assert "Data store" in refused_message(
        client, lambda: client.create_segment_estimate(DomainName=D, SegmentSqlQuery=CITY)
    )


def test_injected_members(refusing: Any) -> None:
    backend, client, people = refusing
    define_sql(client, "sql_vip", CITY)
    backend.set_sql_segment_members(D, "sql_vip", [people.p1, "0" * 32])
    assert count(client, CITY) == "1"
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        members(client, "sql_vip", people.all)
    assert "CreateSegmentSnapshot" in caught.value.response["Error"]["Message"]
    snapshot = client.create_segment_snapshot(
        DomainName=D,
        SegmentDefinitionName="sql_vip",
        DataFormat="JSONL",
        DestinationUri="s3://bkt/sql",
    )["SnapshotId"]
    answer = client.get_segment_membership(
        DomainName=D, SegmentDefinitionName="sql_vip", ProfileIds=people.all
    )
    assert {p["ProfileId"]: p["QueryResult"] for p in answer["Profiles"]} == {
        people.p1: "PRESENT",
        people.p2: "ABSENT",
        people.p3: "ABSENT",
    }
    assert answer["LastComputedAt"].timestamp() == START.timestamp()
    body = backend.exported_objects("s3://bkt/sql")[f"sql/{snapshot}/part-00000.jsonl"]
    assert [json.loads(line)["ProfileId"] for line in body.decode().splitlines()] == [people.p1]


def test_injection_hook_errors(refusing: Any) -> None:
    backend, client, _ = refusing
    client.create_segment_definition(
        DomainName=D, SegmentDefinitionName="classic", DisplayName="c",
        SegmentGroups={"Groups": [{"Dimensions": [{"ProfileAttributes": {
            "FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann"]}}}]}]},
    )  # fmt: skip
    with pytest.raises(_sql.ServiceFault) as caught:
        backend.set_sql_segment_members(D, "classic", [])
    assert caught.value.code == BAD
    with pytest.raises(_sql.ServiceFault) as missing:
        backend.set_sql_segment_members(D, "ghost", [])
    assert missing.value.code == "ResourceNotFoundException"


def test_sql_segments_cannot_be_sources(refusing: Any) -> None:
    _, client, _ = refusing
    define_sql(client, "sql_vip", CITY)
    message = refused_message(client, lambda: client.create_segment_definition(
        DomainName=D, SegmentDefinitionName="x", DisplayName="x",
        SegmentGroups={"Groups": [{"SourceSegments": [{"SegmentDefinitionName": "sql_vip"}]}]},
    ))  # fmt: skip
    assert "classic" in message


# --------------------------------------------------------------------------- sqlite mode


def test_basics_are_case_sensitive(sqlite: Any) -> None:
    _, client, _ = sqlite
    assert count(client, CITY) == "1"
    assert (
        count(client, "SELECT ProfileId FROM _profile WHERE lower(Address.City) = 'seattle'") == "2"
    )
    assert count(client, "select profileid from _PROFILE where address.city = 'Seattle'") == "1"
    assert count(client, "SELECT ProfileId FROM _profile WHERE FirstName LIKE 'a%'") == "0"
    assert count(client, "SELECT ProfileId FROM _profile WHERE FirstName LIKE '_nn'") == "1"
    assert (
        count(client, 'SELECT ProfileId FROM _profile WHERE FirstName = "Ann"') == "1"
    )  # a string in Spark


def test_the_clock_is_the_emulator_clock(sqlite: Any) -> None:
    backend, client, _ = sqlite
    query = (
        "SELECT ProfileId FROM _profile WHERE LastUpdatedAt > current_timestamp() - INTERVAL "
        "'30' DAY"
    )
    assert count(client, query) == "3"
    backend.clock.advance(days=31)
    assert count(client, query) == "0"
    assert (
        count(
            client,
            "SELECT ProfileId FROM _profile WHERE CreatedAt >= TIMESTAMP '2025-03-10 12:00:00'",
        )
        == "3"
    )
    assert (
        count(
            client,
            "SELECT ProfileId FROM _profile WHERE CreatedAt > TIMESTAMP '2025-03-10 12:00:00'",
        )
        == "0"
    )


def test_map_access_and_explicit_casts(sqlite: Any) -> None:
    _, client, _ = sqlite
    assert (
        count(client, "SELECT p.ProfileId FROM _profile p WHERE p.Attributes['tier'] = 'gold'")
        == "1"
    )
    assert (
        count(
            client, "SELECT ProfileId FROM _profile WHERE CAST(Attributes['ltv'] AS DOUBLE) > 100"
        )
        == "1"
    )
    assert (
        count(
            client,
            "SELECT ProfileId FROM _profile WHERE CAST(Attributes['ltv'] AS DOUBLE) / 8 = 10",
        )
        == "1"
    )
    assert (
        count(client, "SELECT ProfileId FROM _profile WHERE Attributes['missing'] IS NULL") == "3"
    )


def test_implicit_casts_are_refused(sqlite: Any) -> None:
    _, client, _ = sqlite
    for query in (
        "SELECT ProfileId FROM _profile WHERE Attributes['ltv'] > 100",
        "SELECT ProfileId FROM _profile WHERE CreatedAt > '2024-01-01'",
        "SELECT ProfileId FROM _profile WHERE FirstName + 1 = 2",
        "SELECT ProfileId FROM _profile WHERE FirstName",
    ):
        message = refused_message(client, lambda q=query: define_sql(client, "x", q))
        assert "CAST" in message or "boolean" in message


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM read_csv('data.csv')",
        "SELECT ProfileId FROM '/etc/passwd'",
        "SELECT ProfileId, row_number() OVER (ORDER BY FirstName) FROM _profile",
        "SELECT ProfileId FROM _profile WHERE rand() > 0.5",
        "SELECT ProfileId FROM _profile /*+ BROADCAST(_profile) */",
        "SELECT ProfileId FROM _profile TABLESAMPLE (10 PERCENT)",
        "SELECT ProfileId FROM _profile WHERE dayofweek(CreatedAt) = 2",
        "SELECT ProfileId FROM _profile WHERE FirstName RLIKE '^A'",
        "SELECT ProfileId FROM _profile LEFT SEMI JOIN _profile q ON q.ProfileId = ProfileId",
        "SELECT ProfileId FROM _asset",
        "SELECT ProfileId FROM nosuchtable",
        "SELECT ProfileId FROM _profile WHERE nosuchcolumn = 'x'",
        "SELECT ProfileId FROM _profile WHERE 1.5 + 1.5 = 3",
        "SELECT ProfileId FROM _profile WHERE FirstName = 'it\\'s'",
        "SELECT FirstName FROM _profile",
    ],
)
def test_outside_the_subset_is_a_bad_request(sqlite: Any, query: str) -> None:
    _, client, _ = sqlite
    with pytest.raises(client.exceptions.BadRequestException):
        define_sql(client, "x", query)
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_segment_estimate(DomainName=D, SegmentSqlQuery=query)


def test_ctes_set_operations_subqueries_and_order(sqlite: Any) -> None:
    _, client, people = sqlite
    union = (
        "WITH t AS (SELECT ProfileId, FirstName FROM _profile) "
        "SELECT ProfileId FROM t WHERE FirstName IN ('Ann', 'bob') "
        "UNION SELECT ProfileId FROM _profile WHERE ProfileType = 'ACCOUNT_PROFILE'"
    )
    assert count(client, union) == "3"
    # INTERSECT binds tighter than UNION (Spark): A UNION (B INTERSECT C).
    precedence = (
        "SELECT ProfileId FROM _profile WHERE FirstName = 'Ann' UNION "
        "SELECT ProfileId FROM _profile WHERE FirstName = 'bob' INTERSECT "
        "SELECT ProfileId FROM _profile WHERE FirstName = 'Cid'"
    )
    assert count(client, precedence) == "1"
    assert (
        count(
            client,
            "SELECT ProfileId FROM _profile EXCEPT "
            "SELECT ProfileId FROM _profile WHERE FirstName = 'Ann'",
        )
        == "2"
    )
    assert count(client, "SELECT ProfileId FROM _profile ORDER BY FirstName LIMIT 2") == "2"
    define_sql(
        client, "first_two", "SELECT ProfileId FROM _profile ORDER BY FirstName DESC LIMIT 2"
    )
    snapshot = client.create_segment_snapshot(
        DomainName=D,
        SegmentDefinitionName="first_two",
        DataFormat="CSV",
        DestinationUri="s3://bkt/two",
    )
    assert snapshot["SnapshotId"]
    answer = client.get_segment_membership(
        DomainName=D, SegmentDefinitionName="first_two", ProfileIds=people.all
    )
    # DESC on code points: "bob" > "Cid" > "Ann".
    assert {p["ProfileId"] for p in answer["Profiles"] if p["QueryResult"] == "PRESENT"} == {
        people.p2,
        people.p3,
    }
    derived = (
        "SELECT ProfileId FROM (SELECT ProfileId, Address.City FROM _profile) x WHERE x.City = "
        "'Seattle'"
    )
    assert count(client, derived) == "1"
    nested = (
        "SELECT ProfileId FROM _profile WHERE ProfileId IN (SELECT ProfileId FROM _profile WHERE "
        "FirstName = 'bob')"
    )
    assert count(client, nested) == "1"
    exists = (
        "SELECT ProfileId FROM _profile p WHERE NOT EXISTS (SELECT 1 AS one FROM _profile q "
        "WHERE q.FirstName = 'Zed')"
    )
    assert count(client, exists) == "3"
    case = (
        "SELECT ProfileId FROM _profile WHERE CASE WHEN FirstName = 'Ann' THEN 'a' ELSE 'b' END "
        "= 'b'"
    )
    assert count(client, case) == "2"


def test_spark_function_semantics(sqlite: Any) -> None:
    _, client, _ = sqlite
    assert count(client, "SELECT ProfileId FROM _profile WHERE substr(FirstName, -2) = 'nn'") == "1"
    assert (
        count(client, "SELECT ProfileId FROM _profile WHERE substr(FirstName, 0, 1) = 'A'") == "1"
    )
    assert (
        count(client, "SELECT ProfileId FROM _profile WHERE concat(FirstName, LastName) IS NULL")
        == "3"
    )
    assert (
        count(
            client,
            "SELECT ProfileId FROM _profile WHERE concat_ws('-', FirstName, LastName) = 'Ann'",
        )
        == "1"
    )
    assert count(client, "SELECT ProfileId FROM _profile WHERE length(FirstName) = 3") == "3"
    assert count(client, "SELECT ProfileId FROM _profile WHERE 5 / 2 = 2.5D") == "3"
    assert (
        count(client, "SELECT ProfileId FROM _profile WHERE coalesce(LastName, FirstName) = 'bob'")
        == "1"
    )


def test_object_tables_joins_and_aggregates(sqlite: Any) -> None:
    _, client, people = sqlite
    client.put_profile_object_type(
        DomainName=D, ObjectTypeName="Orders", Description="orders", AllowProfileCreation=False,
        Fields={"id": {"Source": "_source.id"}, "email": {"Source": "_source.email"},
                "total": {"Source": "_source.total"}},
        Keys={"orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
              "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}]},
    )  # fmt: skip
    client.update_profile(DomainName=D, ProfileId=people.p2, EmailAddress="bob@example.com")
    for i, (email, total) in enumerate(
        [("ann@example.com", 70), ("ann@example.com", 50.5), ("bob@example.com", 30)]
    ):
        client.put_profile_object(
            DomainName=D,
            ObjectTypeName="Orders",
            Object=json.dumps({"id": f"o{i}", "email": email, "total": total}),
        )
    spenders = (
        "SELECT o.ProfileId FROM Orders o GROUP BY o.ProfileId HAVING sum(CAST(o.total AS "
        "DOUBLE)) >= 100"
    )
    assert count(client, spenders) == "1"
    join = (
        "SELECT p.ProfileId FROM _profile p JOIN Orders o ON o.ProfileId = p.ProfileId WHERE "
        "p.FirstName = 'bob'"
    )
    assert count(client, join) == "1"
    left = (
        "SELECT p.ProfileId FROM _profile p LEFT JOIN orders o ON o.ProfileId = p.ProfileId "
        "WHERE o.ProfileId IS NULL"
    )
    assert count(client, left) == "1"
    failed = estimate(client, "SELECT ProfileId FROM Orders WHERE nosuch = 'x'")
    assert failed["Status"] == "FAILED"
    assert failed["Message"]


def test_calculated_attribute_table(sqlite: Any) -> None:
    _, client, _ = sqlite
    from tests.local._segment_fixture import call_records, calls_attribute

    call_records(client)
    calls_attribute(client, 30)
    query = (
        "SELECT ProfileId FROM _calculated_attribute WHERE CalculatedAttributeName = 'calls' AND "
        "Value = '0'"
    )
    assert count(client, query) == "3"


def test_runtime_failures_fail_the_job_not_the_call(sqlite: Any) -> None:
    backend, client, _ = sqlite
    client.create_profile(DomainName=D, Attributes={"x": "NaN"})
    query = "SELECT ProfileId FROM _profile WHERE CAST(Attributes['x'] AS DOUBLE) > 0"
    answer = estimate(client, query)
    assert answer["Status"] == "FAILED"
    assert "NaN" in answer["Message"]
    define_sql(client, "nan", query)
    snapshot = client.create_segment_snapshot(
        DomainName=D, SegmentDefinitionName="nan", DataFormat="CSV", DestinationUri="s3://bkt/nan"
    )["SnapshotId"]
    got = client.get_segment_snapshot(
        DomainName=D, SegmentDefinitionName="nan", SnapshotId=snapshot
    )
    assert got["Status"] == "FAILED"
    assert got["StatusMessage"]
    assert backend.exported_objects("s3://bkt/nan") == {}


def test_enhanced_membership_comes_from_the_last_snapshot(sqlite: Any) -> None:
    backend, client, people = sqlite
    define_sql(client, "sql_vip", CITY)
    with pytest.raises(client.exceptions.BadRequestException):
        members(client, "sql_vip", people.all)
    client.create_segment_snapshot(
        DomainName=D,
        SegmentDefinitionName="sql_vip",
        DataFormat="CSV",
        DestinationUri="s3://bkt/vip",
    )
    assert members(client, "sql_vip", people.all) == {people.p1}
    late = client.create_profile(DomainName=D, Address={"City": "Seattle"})["ProfileId"]
    answer = client.get_segment_membership(
        DomainName=D, SegmentDefinitionName="sql_vip", ProfileIds=[late]
    )
    assert answer["Profiles"] == [{"ProfileId": late, "QueryResult": "ABSENT"}]
    backend.clock.advance(days=366)
    with pytest.raises(client.exceptions.BadRequestException):
        client.get_segment_membership(
            DomainName=D, SegmentDefinitionName="sql_vip", ProfileIds=[late]
        )


# --------------------------------------------------------------------------- Spark functions


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12.0), (" 1.5 ", 1.5), ("\t-3e2\n", -300.0), ("1.", 1.0), (".5", 0.5), ("2d", 2.0),
     ("7F", 7.0), ("Infinity", float("inf")), ("-inf", float("-inf")), ("0x1p3", 8.0),
     ("1,000", None), ("abc", None), ("", None), ("1_000", None), (None, None)],
)  # fmt: skip
def test_cast_to_double_follows_java(text: str | None, value: float | None) -> None:
    assert _sql.to_double(text) == value


def test_cast_of_nan_is_refused() -> None:
    with pytest.raises(_sql.SqlRuntimeError, match="NaN"):
        _sql.to_double("NaN")


@pytest.mark.parametrize(
    ("args", "expected"),
    [(("Spark SQL", 5), "k SQL"), (("Spark SQL", -3), "SQL"), (("Spark SQL", 5, 1), "k"),
     (("Spark", 0, 2), "Sp"), (("Spark", 1, -1), ""), (("Spark", -10, 3), ""), (("Spark", 10), "")],
)  # fmt: skip
def test_substr_follows_spark(args: tuple[Any, ...], expected: str) -> None:
    assert _sql._substr(*args) == expected


def test_like_escapes() -> None:
    assert _sql._like("50%", "50\\%") == 1
    assert _sql._like("500", "50\\%") == 0
    assert _sql._like("a\nb", "a_b") == 1
    with pytest.raises(_sql.SqlRuntimeError):
        _sql._like("x", "x\\")


def test_conformance_of_an_enhanced_definition(sqlite: Any) -> None:
    backend, _, _ = sqlite
    raw = backend.handle_http(
        "POST",
        f"/domains/{D}/segment-definitions/raw",
        {},
        json.dumps({"DisplayName": "raw", "SegmentSqlQuery": CITY}).encode(),
    )
    from customer_profiles_sdk.local._model import service_model

    check_http_response(
        service_model().operation_model("CreateSegmentDefinition"),
        raw.status,
        raw.headers,
        raw.body,
    )
    assert raw.status == 200
