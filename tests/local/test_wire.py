"""The emulator's wire layer: routing, parameter parsing, errors, paging tokens."""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timezone
from typing import Any

import pytest
from botocore.exceptions import ClientError

from customer_profiles_sdk._service import SEED_OPERATIONS, service_model
from customer_profiles_sdk.local import LocalBackend, _registry
from customer_profiles_sdk.local._backend import _load_handlers
from customer_profiles_sdk.local._errors import STATUS_BY_CODE, ServiceFault
from customer_profiles_sdk.local._wire import parse_params, region_of, request_id, route
from tests.local._conformance import ConformanceError, output_problems

ARN = "arn:aws:profile:us-east-1:123456789012:domains/shop"

# --------------------------------------------------------------------------- routing


def _all_operations() -> list[str]:
    return sorted(service_model().operation_names)


@pytest.mark.parametrize("operation", _all_operations())
def test_every_model_operation_routes_to_itself(operation: str) -> None:
    http = service_model().operation_model(operation).http
    # Labels as botocore sends them: URL-encoded, here with an encoded slash inside.
    path = re.sub(r"\{[^}]+\}", "a%2Fb", http["requestUri"].split("?")[0])
    found = route(http["method"], path)
    assert found is not None
    assert found[0] == operation
    assert all(value == "a/b" for value in found[1].values())


def test_model_has_the_39_seed_operations() -> None:
    assert set(SEED_OPERATIONS) <= set(_all_operations())


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    [
        ("PUT", "/domains/d/profiles/objects", "PutProfileObject"),
        ("POST", "/domains/d/profiles/objects", "ListProfileObjects"),
        ("POST", "/domains/d/profiles/objects/delete", "DeleteProfileObject"),
        ("POST", "/domains/d/profiles/objects/merge", "MergeProfiles"),
        ("GET", "/domains/d/matches", "GetMatches"),
        ("POST", "/domains/d/matches", "GetSimilarProfiles"),
        ("PUT", "/domains/d/integrations", "PutIntegration"),
        ("POST", "/domains/d/integrations", "GetIntegration"),
        ("GET", "/domains/d/integrations", "ListIntegrations"),
        ("POST", "/integrations", "ListAccountIntegrations"),
        ("GET", "/domains", "ListDomains"),
        ("GET", "/domains/d", "GetDomain"),
        ("GET", "/templates/salesforce-account", "GetProfileObjectTypeTemplate"),
    ],
)
def test_shared_paths_route_on_the_method(method: str, path: str, operation: str) -> None:
    found = route(method, path)
    assert found is not None
    assert found[0] == operation


def test_url_encoded_arn_label_is_decoded() -> None:
    found = route("GET", "/tags/arn%3Aaws%3Aprofile%3Aus-east-1%3A123456789012%3Adomains%2Fshop")
    assert found == ("ListTagsForResource", {"resourceArn": ARN})


def test_unknown_route_answers_404_with_a_json_message(backend: LocalBackend) -> None:
    response = backend.handle_http("GET", "/no/such/thing", {}, b"")
    assert response.status == 404
    assert response.headers["x-amzn-RequestId"]
    assert "GET /no/such/thing" in json.loads(response.body)["Message"]
    assert backend.calls[-1].status == 404


def test_known_path_with_a_wrong_method_is_404(backend: LocalBackend) -> None:
    assert backend.handle_http("PATCH", "/domains/d", {}, b"").status == 404


# --------------------------------------------------------------------------- parameters


def test_query_string_members_are_typed() -> None:
    params = parse_params(
        "ListIntegrations",
        {"DomainName": "d"},
        "max-results=5&next-token=abc&include-hidden=true",
        {},
        b"",
    )
    assert params == {"DomainName": "d", "MaxResults": 5, "NextToken": "abc", "IncludeHidden": True}


def test_repeated_query_member_becomes_a_list() -> None:
    params = parse_params("UntagResource", {"resourceArn": ARN}, "tagKeys=a&tagKeys=b", {}, b"")
    assert params == {"resourceArn": ARN, "tagKeys": ["a", "b"]}


@pytest.mark.parametrize(
    ("operation", "query", "word"),
    [
        ("ListDomains", "max-results=five", "integer"),
        ("ListIntegrations", "include-hidden=maybe", "true or false"),
    ],
)
def test_badly_typed_query_values_are_bad_requests(operation: str, query: str, word: str) -> None:
    with pytest.raises(ServiceFault) as caught:
        parse_params(operation, {"DomainName": "d"}, query, {}, b"")
    assert caught.value.code == "BadRequestException"
    assert word in caught.value.message


def test_body_members_are_merged_with_path_labels() -> None:
    body = json.dumps({"KeyName": "_email", "Values": ["a@example.com"]}).encode()
    params = parse_params("SearchProfiles", {"DomainName": "d"}, "max-results=3", {}, body)
    assert params == {
        "DomainName": "d",
        "MaxResults": 3,
        "KeyName": "_email",
        "Values": ["a@example.com"],
    }


def test_input_timestamps_become_epoch_seconds() -> None:
    body = {
        "Uri": "arn:aws:flow",
        "FlowDefinition": {
            "TriggerConfig": {
                "TriggerType": "Scheduled",
                "TriggerProperties": {
                    "Scheduled": {"ScheduleExpression": "rate(1hours)", "ScheduleStartTime": 100}
                },
            }
        },
    }
    params = parse_params("PutIntegration", {"DomainName": "d"}, "", {}, json.dumps(body).encode())
    scheduled = params["FlowDefinition"]["TriggerConfig"]["TriggerProperties"]["Scheduled"]
    assert scheduled["ScheduleStartTime"] == 100.0


@pytest.mark.parametrize(
    ("body", "text"),
    [(b"{not json", "not valid JSON"), (b"[1, 2]", "JSON object")],
)
def test_bad_bodies_are_bad_requests(backend: LocalBackend, body: bytes, text: str) -> None:
    response = backend.handle_http("POST", "/domains/d/profiles/search", {}, body)
    assert response.status == 400
    assert response.headers["x-amzn-ErrorType"] == "BadRequestException"
    assert text in json.loads(response.body)["Message"]


def test_region_comes_from_the_sigv4_credential_scope() -> None:
    auth = (
        "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-2/profile/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=abc"
    )
    assert region_of({"Authorization": auth}) == "eu-west-2"
    assert region_of({}) == "us-east-1"


def test_in_process_client_passes_its_region(backend: LocalBackend, override_handler: Any) -> None:
    seen: list[str] = []
    override_handler("ListDomains", lambda ctx, req: seen.append(ctx.region) or {"Items": []})
    backend.client(region_name="ap-southeast-2").list_domains()
    assert seen == ["ap-southeast-2"]
    assert backend.calls[-1].region == "ap-southeast-2"


def test_boto3_request_reaches_the_handler_fully_parsed(client: Any, override_handler: Any) -> None:
    seen: list[dict[str, Any]] = []
    override_handler("UntagResource", lambda ctx, req: seen.append(req) or {})
    override_handler("ListIntegrations", lambda ctx, req: seen.append(req) or {"Items": []})
    client.untag_resource(resourceArn=ARN, tagKeys=["team", "cost-centre"])
    client.list_integrations(DomainName="shop", IncludeHidden=True, MaxResults=7)
    assert seen == [
        {"resourceArn": ARN, "tagKeys": ["team", "cost-centre"]},
        # Paging members are taken out by the framework before the handler runs.
        {"DomainName": "shop", "IncludeHidden": True},
    ]


# --------------------------------------------------------------------------- responses


def test_timestamps_are_sent_as_epoch_seconds(client: Any, override_handler: Any) -> None:
    created = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    override_handler(
        "ListDomains",
        lambda ctx, req: {
            "Items": [{"DomainName": "d", "CreatedAt": created, "LastUpdatedAt": 1714566000.5}]
        },
    )
    item = client.list_domains()["Items"][0]
    assert item["CreatedAt"] == created
    assert item["LastUpdatedAt"].timestamp() == 1714566000.5


@pytest.mark.parametrize("code", sorted(STATUS_BY_CODE))
def test_errors_use_the_service_format(client: Any, override_handler: Any, code: str) -> None:
    def fail(ctx: Any, req: Any) -> dict[str, Any]:
        raise ServiceFault(code, f"it went wrong: {code}")

    override_handler("GetDomain", fail)
    error_class = getattr(client.exceptions, code)
    with pytest.raises(error_class) as caught:
        client.get_domain(DomainName="shop")
    response = caught.value.response
    assert response["Error"] == {"Code": code, "Message": f"it went wrong: {code}"}
    assert response["ResponseMetadata"]["HTTPStatusCode"] == STATUS_BY_CODE[code]
    assert re.fullmatch(r"[0-9a-f-]{36}", response["ResponseMetadata"]["RequestId"])


def test_every_response_has_a_fresh_request_id(client: Any, override_handler: Any) -> None:
    override_handler("ListDomains", lambda ctx, req: {"Items": []})
    first = client.list_domains()["ResponseMetadata"]["RequestId"]
    second = client.list_domains()["ResponseMetadata"]["RequestId"]
    assert first
    assert second
    assert first != second


def test_request_ids_are_random_version_4_uuids() -> None:
    ids = [request_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text  # lower-case, dashed, 36 characters
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
    # every hex digit of the random part turns up (it is not a counter or a constant)
    assert {c for text in ids for c in text[:8]} == set("0123456789abcdef")
    assert {text[19] for text in ids} == set("89ab")


def test_handler_crash_is_an_internal_server_error_without_details(
    client: Any, override_handler: Any
) -> None:
    def crash(ctx: Any, req: Any) -> dict[str, Any]:
        raise KeyError("jane.doe@example.com")

    override_handler("GetDomain", crash)
    with pytest.raises(client.exceptions.InternalServerException) as caught:
        client.get_domain(DomainName="shop")
    message = caught.value.response["Error"]["Message"]
    assert "GetDomain" in message
    assert "KeyError" in message
    assert "jane.doe" not in message


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("call", "field", "constraint"),
    [
        (
            lambda c: c.create_domain(DomainName="bad name!", DefaultExpirationDays=3),
            "DomainName",
            "pattern",
        ),
        (
            lambda c: c.create_domain(DomainName="d", DefaultExpirationDays=5000),
            "DefaultExpirationDays",
            "maximum 1098",
        ),
        (
            lambda c: c.create_domain(DomainName="d" * 65, DefaultExpirationDays=3),
            "DomainName",
            "max length 64",
        ),
        (lambda c: c.create_profile(DomainName="d", Gender="ROBOT"), "Gender", "one of MALE"),
        (lambda c: c.list_domains(MaxResults=500), "MaxResults", "maximum 100"),
    ],
)
def test_constraints_botocore_lets_through_are_bad_requests(
    client: Any, call: Any, field: str, constraint: str
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        call(client)
    message = caught.value.response["Error"]["Message"]
    assert field in message
    assert constraint in message


def test_sensitive_values_are_not_echoed_in_validation_errors(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        client.create_profile(DomainName="d", Gender="Secret-Gender", FirstName="N" * 300)
    message = caught.value.response["Error"]["Message"]
    assert "FirstName" in message
    assert "max length 255" in message
    assert "Secret-Gender" not in message
    assert "NNNN" not in message


def test_validation_runs_before_the_handler(client: Any, override_handler: Any) -> None:
    calls: list[Any] = []
    override_handler("CreateDomain", lambda ctx, req: calls.append(req) or {})
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_domain(DomainName="bad name!", DefaultExpirationDays=3)
    assert calls == []


def test_unsupported_model_operation_is_a_clear_bad_request(
    client: Any, backend: LocalBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load_handlers()
    monkeypatch.delitem(_registry._HANDLERS, "ListDomains")  # as if it had no handler
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        client.list_domains()
    assert "not implemented" in caught.value.response["Error"]["Message"]
    assert "ListDomains" in caught.value.response["Error"]["Message"]
    assert backend.calls[-1].error_code == "BadRequestException"


def test_dispatch_rejects_names_outside_the_model(backend: LocalBackend) -> None:
    with pytest.raises(ServiceFault) as caught:
        backend.dispatch("MakeCoffee", {}, region="us-east-1")
    assert caught.value.code == "BadRequestException"


# --------------------------------------------------------------------------- paging


def _domains(count: int) -> Any:
    def handler(ctx: Any, req: Any) -> dict[str, Any]:
        return {
            "Items": [
                {"DomainName": f"d{i:03}", "CreatedAt": 1.0, "LastUpdatedAt": 1.0}
                for i in range(count)
            ]
        }

    return handler


def _object_types(ctx: Any, req: Any) -> dict[str, Any]:
    return {
        "Items": [
            {"ObjectTypeName": f"{req['DomainName']}-{i}", "Description": "t"} for i in range(5)
        ]
    }


def test_pages_follow_each_other_and_the_last_has_no_token(
    client: Any, override_handler: Any
) -> None:
    override_handler("ListDomains", _domains(5))
    names: list[str] = []
    token = None
    pages = 0
    while True:
        kwargs = {"MaxResults": 2} if token is None else {"MaxResults": 2, "NextToken": token}
        page = client.list_domains(**kwargs)
        pages += 1
        names += [item["DomainName"] for item in page["Items"]]
        token = page.get("NextToken")
        if token is None:
            break
    assert pages == 3
    assert names == [f"d{i:03}" for i in range(5)]


def test_exact_multiple_has_no_empty_last_page(client: Any, override_handler: Any) -> None:
    override_handler("ListDomains", _domains(4))
    first = client.list_domains(MaxResults=2)
    second = client.list_domains(MaxResults=2, NextToken=first["NextToken"])
    assert len(second["Items"]) == 2
    assert "NextToken" not in second


def test_default_page_sizes(client: Any, override_handler: Any) -> None:
    override_handler("ListDomains", _domains(150))
    override_handler(
        "SearchProfiles",
        lambda ctx, req: {"Items": [{"ProfileId": f"{i:032x}"} for i in range(30)]},
    )
    assert len(client.list_domains()["Items"]) == 100
    search = client.search_profiles(DomainName="d", KeyName="_email", Values=["x"])
    assert len(search["Items"]) == 20
    assert "NextToken" in search


def test_page_size_may_change_between_pages(client: Any, override_handler: Any) -> None:
    override_handler("ListDomains", _domains(10))
    first = client.list_domains(MaxResults=3)
    second = client.list_domains(MaxResults=5, NextToken=first["NextToken"])
    assert [i["DomainName"] for i in second["Items"]] == [f"d{i:03}" for i in range(3, 8)]


def test_garbage_and_tampered_tokens_are_rejected(client: Any, override_handler: Any) -> None:
    override_handler("ListDomains", _domains(5))
    token = client.list_domains(MaxResults=2)["NextToken"]
    head, _, signature = token.partition(".")
    forged_offset = head[:-2] + ("A" if head[-2] != "A" else "B") + head[-1]
    for bad in [
        "garbage",
        "x.y",
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        forged_offset + "." + signature,
    ]:
        with pytest.raises(client.exceptions.BadRequestException) as caught:
            client.list_domains(MaxResults=2, NextToken=bad)
        assert "NextToken" in caught.value.response["Error"]["Message"]


def test_token_from_another_operation_is_rejected(client: Any, override_handler: Any) -> None:
    override_handler("ListDomains", _domains(5))
    override_handler("ListProfileObjectTypes", _object_types)
    token = client.list_domains(MaxResults=2)["NextToken"]
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        client.list_profile_object_types(DomainName="a", NextToken=token)
    assert "ListDomains" in caught.value.response["Error"]["Message"]


def test_token_from_another_request_is_rejected(client: Any, override_handler: Any) -> None:
    override_handler("ListProfileObjectTypes", _object_types)
    token = client.list_profile_object_types(DomainName="a", MaxResults=2)["NextToken"]
    following = client.list_profile_object_types(DomainName="a", MaxResults=2, NextToken=token)
    assert [i["ObjectTypeName"] for i in following["Items"]] == ["a-2", "a-3"]
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        client.list_profile_object_types(DomainName="b", MaxResults=2, NextToken=token)
    assert "different request" in caught.value.response["Error"]["Message"]


def test_token_from_another_region_is_rejected(
    backend: LocalBackend, override_handler: Any
) -> None:
    override_handler("ListDomains", _domains(5))
    token = backend.client(region_name="us-east-1").list_domains(MaxResults=2)["NextToken"]
    other = backend.client(region_name="eu-west-1")
    with pytest.raises(other.exceptions.BadRequestException):
        other.list_domains(MaxResults=2, NextToken=token)


def test_token_from_another_backend_is_rejected(override_handler: Any) -> None:
    override_handler("ListDomains", _domains(5))
    token = LocalBackend().client().list_domains(MaxResults=2)["NextToken"]
    other = LocalBackend().client()
    with pytest.raises(ClientError) as caught:
        other.list_domains(MaxResults=2, NextToken=token)
    assert caught.value.response["Error"]["Code"] == "BadRequestException"


# --------------------------------------------------------------------------- conformance


def test_conformance_check_catches_a_non_conforming_response(
    client: Any, override_handler: Any
) -> None:
    override_handler("ListDomains", lambda ctx, req: {"Items": [{"DomainName": "d"}]})
    with pytest.raises(ConformanceError, match="CreatedAt: required member missing"):
        client.list_domains()


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            {"Items": [{"DomainName": "d", "CreatedAt": 1, "LastUpdatedAt": 1, "X": 1}]},
            "not a member",
        ),
        ({"Items": [{"DomainName": 5, "CreatedAt": 1, "LastUpdatedAt": 1}]}, "expected a string"),
        ({"Items": [{"DomainName": "d" * 65, "CreatedAt": 1, "LastUpdatedAt": 1}]}, "> max 64"),
        (
            {"Items": [{"DomainName": "d", "CreatedAt": "soon", "LastUpdatedAt": 1}]},
            "epoch seconds",
        ),
        ({"Items": {}}, "expected a list"),
    ],
)
def test_output_validator_finds_problems(body: dict[str, Any], problem: str) -> None:
    shape = service_model().operation_model("ListDomains").output_shape
    problems = output_problems(shape, body)
    assert any(problem in p for p in problems), problems


def test_output_validator_checks_enums() -> None:
    shape = service_model().operation_model("GetProfileObjectTypeTemplate").output_shape
    body = {"Keys": {"k": [{"StandardIdentifiers": ["NOT_AN_IDENTIFIER"], "FieldNames": ["f"]}]}}
    assert any("is not one of" in p for p in output_problems(shape, body))


def test_max_recorded_calls_keeps_the_latest_calls() -> None:
    backend = LocalBackend(max_recorded_calls=2)
    client = backend.client()
    client.list_domains()
    client.create_domain(DomainName="capped", DefaultExpirationDays=30)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_domain(DomainName="missing")
    assert [c.operation for c in backend.calls] == ["CreateDomain", "GetDomain"]
    assert backend.calls[-1].error_code == "ResourceNotFoundException"
    assert backend.call_count() == 2
    assert backend.call_count("ListDomains") == 0


def test_max_recorded_calls_zero_records_nothing() -> None:
    backend = LocalBackend(max_recorded_calls=0)
    backend.client().list_domains()
    assert backend.calls == []
    assert backend.call_count() == 0


@pytest.mark.parametrize("bad", [-1, 1.5, True, "10"])
def test_max_recorded_calls_must_be_none_or_a_count(bad: Any) -> None:
    with pytest.raises(ValueError, match="max_recorded_calls"):
        LocalBackend(max_recorded_calls=bad)
