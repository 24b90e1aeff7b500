"""Malformed request bodies and badly typed members, parsed in-process (issue 15.11).

Every case is a 400 ``BadRequestException`` in the service's wire format: never an
exception escaping :meth:`LocalBackend.handle_http`, never a 500. The same cases go
through the real HTTP server in ``test_server_http.py``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.local import _backend as backend_module
from customer_profiles_sdk.local._errors import ServiceFault
from customer_profiles_sdk.local._model import service_model
from customer_profiles_sdk.local._wire import (
    MAX_INTEGER_DIGITS,
    MAX_JSON_DEPTH,
    HttpResponse,
    _routes,
    parse_params,
    route,
    split_target,
)

D = "shop"
IDS = ["PROFILE", "UNIQUE"]
SEARCH = f"/domains/{D}/profiles/search"
OBJECTS = f"/domains/{D}/profiles/objects"


@pytest.fixture
def shop(backend: LocalBackend) -> LocalBackend:
    """A backend with domain ``shop`` and an object type ``Order``."""
    client = backend.client()
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={"orderId": {"Source": "_source.id", "Target": "_profile.AccountNumber"}},
        Keys={
            "_account": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["orderId"]}]
        },
    )
    return backend


def answer(backend: LocalBackend, method: str, path: str, body: bytes) -> HttpResponse:
    response = backend.handle_http(method, path, {}, body)
    assert isinstance(response, HttpResponse)
    return response


def assert_bad_request(response: HttpResponse, *fragments: str) -> str:
    """A 400 in the service's wire format whose message holds every fragment."""
    assert response.status == 400, response.body
    assert response.headers["x-amzn-ErrorType"] == "BadRequestException"
    assert re.fullmatch(r"[0-9a-f-]{36}", response.headers["x-amzn-RequestId"])
    message = json.loads(response.body)["Message"]
    assert isinstance(message, str)
    for fragment in fragments:
        assert fragment in message
    return message


def nested(depth: int) -> bytes:
    """A JSON object whose unknown member ``X`` nests arrays to ``depth`` levels in all."""
    return b'{"X": ' + b"[" * (depth - 1) + b"]" * (depth - 1) + b"}"


# --------------------------------------------------------------------------- nesting


def test_a_body_nested_beyond_the_parser_is_a_bad_request(shop: LocalBackend) -> None:
    # Deep enough that Python's parser raises RecursionError (it used to escape).
    body = b"[" * 100_000 + b"]" * 100_000
    assert_bad_request(answer(shop, "POST", SEARCH, body), f"deeper than {MAX_JSON_DEPTH}")
    assert shop.calls[-1].error_code == "BadRequestException"


def test_nesting_limit_is_exact(shop: LocalBackend) -> None:
    assert_bad_request(answer(shop, "POST", SEARCH, nested(MAX_JSON_DEPTH + 1)), "deeper than")
    # At the limit the body parses; the model check then refuses the unknown member.
    message = assert_bad_request(answer(shop, "POST", SEARCH, nested(MAX_JSON_DEPTH)), "X")
    assert "deeper" not in message


def test_the_limit_leaves_room_for_the_deepest_input_of_the_model() -> None:
    def depth(shape: Any) -> int:
        kind = shape.type_name
        if kind == "structure":
            return 1 + max((depth(m) for m in shape.members.values()), default=0)
        if kind == "list":
            return 1 + depth(shape.member)
        if kind == "map":
            return 1 + depth(shape.value)
        return 0

    model = service_model()
    deepest = max(
        depth(model.operation_model(name).input_shape)
        for name in model.operation_names
        if model.operation_model(name).input_shape is not None
    )
    assert 2 * deepest < MAX_JSON_DEPTH


# --------------------------------------------------------------------------- bytes and JSON


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b'{"KeyName": "\xff\xfe"}', "not valid UTF-8"),
        (b'{"KeyName": "caf\xc3"}', "not valid UTF-8"),
        # json.loads(bytes) would accept UTF-16 and UTF-32; the service reads UTF-8.
        ('{"KeyName": "_email", "Values": ["a"]}'.encode("utf-16"), "not valid UTF-8"),
        (b"{not json", "not valid JSON"),
        (b'{"KeyName": "_email",}', "not valid JSON"),
        (b'{"KeyName": "_email"} trailing', "not valid JSON"),
        # A UTF-8 byte-order mark is not JSON (json.loads refuses it; so must the decoder).
        (b'\xef\xbb\xbf{"KeyName": "_email", "Values": ["a"]}', "Unexpected UTF-8 BOM"),
        (b'{"MaxResults": NaN}', "NaN is not a JSON number"),
        (b'{"MaxResults": Infinity}', "Infinity is not a JSON number"),
        (b'{"MaxResults": -Infinity}', "-Infinity is not a JSON number"),
        (b'{"X": 1e999}', "too large for a double"),
        (b'{"X": ' + b"7" * 5000 + b"}", f"more than {MAX_INTEGER_DIGITS} digits"),
    ],
)
def test_bodies_that_are_not_utf8_standard_json_are_bad_requests(
    shop: LocalBackend, body: bytes, fragment: str
) -> None:
    assert_bad_request(answer(shop, "POST", SEARCH, body), fragment)


def test_json_errors_give_the_position_not_the_text(shop: LocalBackend) -> None:
    body = b'{"KeyName": "_email", "Values": ["ann@example.com" "bob@example.com"]}'
    message = assert_bad_request(answer(shop, "POST", SEARCH, body), "character")
    assert "example.com" not in message


@pytest.mark.parametrize("body", [b"[]", b'"text"', b"42", b"true", b"null", b"[{}]"])
def test_a_body_that_is_not_an_object_is_a_bad_request(shop: LocalBackend, body: bytes) -> None:
    assert_bad_request(answer(shop, "POST", SEARCH, body), "must be a JSON object")


def test_an_empty_or_blank_body_is_no_members(shop: LocalBackend) -> None:
    for body in (b"", b"  \r\n"):
        assert answer(shop, "GET", "/domains", body).status == 200
    # For an operation with required body members, the model check names them.
    assert_bad_request(answer(shop, "POST", SEARCH, b""), "KeyName: required")


# --------------------------------------------------------------------------- member types


@pytest.mark.parametrize(
    ("method", "path", "document", "fragments"),
    [
        # A nested object where the model has a string (PutProfileObject's Object).
        ("PUT", OBJECTS, {"ObjectTypeName": "Order", "Object": {"id": "1"}}, ("Object", "string")),
        ("POST", SEARCH, {"KeyName": "_email", "Values": "ann@example.com"}, ("Values", "list")),
        ("POST", SEARCH, {"KeyName": ["_email"], "Values": ["a"]}, ("KeyName", "string")),
        ("POST", SEARCH, {"KeyName": "_email", "Values": [{"v": 1}]}, ("Values[0]", "string")),
        ("POST", f"/domains/{D}", {"DefaultExpirationDays": "30"}, ("DefaultExpirationDays",)),
        ("POST", f"/domains/{D}", {"DefaultExpirationDays": 30.5}, ("DefaultExpirationDays",)),
        ("POST", f"/domains/{D}", {"DefaultExpirationDays": True}, ("DefaultExpirationDays",)),
        ("POST", f"/domains/{D}", {"DefaultExpirationDays": 3, "Tags": [1]}, ("Tags", "map")),
        ("POST", f"/domains/{D}", {"DefaultExpirationDays": 3, "Tags": {"k": {}}}, ("Tags",)),
    ],
)
def test_members_of_the_wrong_json_type_are_bad_requests(
    shop: LocalBackend, method: str, path: str, document: Any, fragments: tuple[str, ...]
) -> None:
    assert_bad_request(answer(shop, method, path, json.dumps(document).encode()), *fragments)


@pytest.mark.parametrize(
    ("value", "accepted"),
    [(2**31 - 1, True), (2**31, False), (10**30, False)],
)
def test_integers_must_fit_their_32_bit_member(client: Any, value: int, accepted: bool) -> None:
    # SourcePriority has a min of 1 and no max: only its type bounds it, and botocore
    # sends any Python int.
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    kwargs: dict[str, Any] = {
        "DomainName": D,
        "ObjectTypeName": "Order",
        "Description": "orders",
        "SourcePriority": value,
        "Fields": {"id": {"Source": "_source.id", "Target": "_profile.AccountNumber"}},
        "Keys": {"_account": [{"StandardIdentifiers": IDS, "FieldNames": ["id"]}]},
    }
    if accepted:
        assert client.put_profile_object_type(**kwargs)["ObjectTypeName"] == "Order"
        return
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        client.put_profile_object_type(**kwargs)
    message = caught.value.response["Error"]["Message"]
    assert "SourcePriority" in message
    assert "32-bit" in message


def test_integers_nested_in_structures_name_their_path() -> None:
    body = {"Conditions": {"Range": {"ValueRange": {"Start": -(2**31) - 1, "End": 3}}}}
    with pytest.raises(ServiceFault) as caught:
        parse_params(
            "UpdateCalculatedAttributeDefinition",
            {"DomainName": D, "CalculatedAttributeName": "c"},
            "",
            {},
            json.dumps(body).encode(),
        )
    assert caught.value.code == "BadRequestException"
    assert "Conditions.Range.ValueRange.Start" in caught.value.message
    assert "32-bit" in caught.value.message


def test_long_members_hold_64_bits() -> None:
    def scheduled(offset: int) -> bytes:
        trigger = {"ScheduleExpression": "rate(1hours)", "ScheduleOffset": offset}
        flow = {
            "TriggerConfig": {
                "TriggerType": "Scheduled",
                "TriggerProperties": {"Scheduled": trigger},
            }
        }
        return json.dumps({"Uri": "u", "FlowDefinition": flow}).encode()

    params = parse_params("PutIntegration", {"DomainName": D}, "", {}, scheduled(2**63 - 1))
    offset = params["FlowDefinition"]["TriggerConfig"]["TriggerProperties"]["Scheduled"]
    assert offset["ScheduleOffset"] == 2**63 - 1
    with pytest.raises(ServiceFault) as caught:
        parse_params("PutIntegration", {"DomainName": D}, "", {}, scheduled(2**63))
    assert "ScheduleOffset" in caught.value.message
    assert "64-bit" in caught.value.message


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ({"at": 1}, "expected a timestamp"),
        ([1], "expected a timestamp"),
        (True, "expected a timestamp"),
        ("not a date", "expected a timestamp"),
        ("nan", "outside the years 1 to 9999"),
        ("inf", "outside the years 1 to 9999"),
        (1e20, "outside the years 1 to 9999"),
        (-1e15, "outside the years 1 to 9999"),
        ("99999-01-01", "expected a timestamp"),
    ],
)
def test_timestamps_that_are_not_dates_are_bad_requests(value: Any, fragment: str) -> None:
    trigger = {"ScheduleExpression": "rate(1hours)", "ScheduleStartTime": value}
    flow = {
        "TriggerConfig": {"TriggerType": "Scheduled", "TriggerProperties": {"Scheduled": trigger}}
    }
    body = json.dumps({"Uri": "u", "FlowDefinition": flow}).encode()
    with pytest.raises(ServiceFault) as caught:
        parse_params("PutIntegration", {"DomainName": D}, "", {}, body)
    assert caught.value.code == "BadRequestException"
    # The member's path, not the name of its shape.
    assert "FlowDefinition.TriggerConfig.TriggerProperties.Scheduled.ScheduleStartTime" in (
        caught.value.message
    )
    assert fragment in caught.value.message


def test_timestamps_at_the_edges_of_the_range_are_accepted() -> None:
    for value, seconds in [
        ("0001-01-01T00:00:00Z", -62135596800.0),
        (253402300799, 253402300799.0),
    ]:
        trigger = {"ScheduleExpression": "rate(1hours)", "ScheduleStartTime": value}
        flow = {
            "TriggerConfig": {
                "TriggerType": "Scheduled",
                "TriggerProperties": {"Scheduled": trigger},
            }
        }
        body = json.dumps({"Uri": "u", "FlowDefinition": flow}).encode()
        params = parse_params("PutIntegration", {"DomainName": D}, "", {}, body)
        got = params["FlowDefinition"]["TriggerConfig"]["TriggerProperties"]["Scheduled"]
        assert got["ScheduleStartTime"] == seconds


@pytest.mark.parametrize(
    "query",
    [
        "max-results=5_0",  # int() takes underscores
        "max-results=%205",  # and surrounding blanks
        "max-results=%D9%A3",  # and non-ASCII digits (Arabic-Indic three)
        "max-results=",
        "max-results=" + "9" * (MAX_INTEGER_DIGITS + 1),
    ],
)
def test_query_integers_are_ascii_digits(shop: LocalBackend, query: str) -> None:
    assert_bad_request(answer(shop, "GET", f"/domains?{query}", b""), "MaxResults")


def test_query_integers_must_fit_32_bits(shop: LocalBackend) -> None:
    assert_bad_request(answer(shop, "GET", f"/domains?max-results={2**31}", b""), "32-bit")
    assert answer(shop, "GET", "/domains?max-results=7", b"").status == 200


# --------------------------------------------------------------------------- targets and routing


def test_a_broken_absolute_target_is_a_404_not_an_exception(shop: LocalBackend) -> None:
    assert split_target("http://[broken/domains") == ("http://[broken/domains", "")
    response = answer(shop, "GET", "http://[broken/domains", b"")
    assert response.status == 404
    assert response.headers["x-amzn-ErrorType"] == "UnknownOperationException"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/domains/d?max-results=3&next-token=x", ("/domains/d", "max-results=3&next-token=x")),
        ("/domains/d#frag?no=query", ("/domains/d", "")),
        ("https://h.example/tags/a%2Fb?x=1", ("/tags/a%2Fb", "x=1")),
        ("/", ("/", "")),
    ],
)
def test_split_target(target: str, expected: tuple[str, str]) -> None:
    assert split_target(target) == expected


def _linear_route(method: str, path: str) -> tuple[str, dict[str, str]] | None:
    """The reference: try every route in priority order."""
    from urllib.parse import unquote

    for candidate in _routes():
        if candidate.method != method:
            continue
        found = candidate.regex.match(path)
        if found is not None and not path.endswith("\n"):
            values = [unquote(v) for v in found.groups()]
            return candidate.operation, dict(
                zip([n for n, _ in candidate.labels], values, strict=True)
            )
    return None


def test_the_combined_route_table_agrees_with_trying_each_route() -> None:
    model = service_model()
    paths: set[tuple[str, str]] = set()
    for name in model.operation_names:
        http = model.operation_model(name).http
        uri = http["requestUri"].split("?")[0]
        for label in ("d", "a%2Fb", "x/y/z", "objects", "delete"):
            path = re.sub(r"\{[^}]+\}", label, uri)
            for method in ("GET", "POST", "PUT", "DELETE", "PATCH"):
                paths.add((method, path))
                paths.add((method, path + "/"))
                paths.add((method, path + "/extra"))
    assert len(paths) > 1000
    for method, path in sorted(paths):
        assert route(method, path) == _linear_route(method, path), (method, path)
    assert route("OPTIONS", "/domains") is None
    assert route("BREW", "/domains") is None


# --------------------------------------------------------------------------- safety net


def test_a_parser_bug_is_answered_not_raised(
    shop: LocalBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> dict[str, Any]:
        raise KeyError("ann@example.com")

    monkeypatch.setattr(backend_module, "parse_params", broken)
    response = answer(shop, "POST", SEARCH, b"{}")
    assert response.status == 500
    assert response.headers["x-amzn-ErrorType"] == "InternalServerException"
    message = json.loads(response.body)["Message"]
    assert "KeyError" in message
    assert "SearchProfiles" in message
    assert "ann@example.com" not in message
