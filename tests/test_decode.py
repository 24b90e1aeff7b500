"""The SDK's own read path (issue 16): the 2xx JSON body decoded without botocore's
parser, models built by the compiled structure functions, requests validated once,
clients sharing one botocore session.

The reference for every comparison is what the SDK did before: botocore's rest-json
parser followed by the cattrs converter.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import botocore.exceptions
import pytest
from botocore.model import Shape, StructureShape
from botocore.parsers import RestJSONParser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from customer_profiles_sdk import (
    CustomerProfiles,
    Profile,
    RetryPolicy,
    _convert,
    _decode,
    _service,
    _transport,
    models,
)
from customer_profiles_sdk import client as client_module
from customer_profiles_sdk._transport import Transport
from customer_profiles_sdk.errors import ResourceNotFoundError, ValidationError
from customer_profiles_sdk.models._generated import _manifest

from ._scripted import Scripted, boto_client
from .test_models import MODELS, _model_value

CATTRS = _convert.make_converter(detailed_validation=False)


def _wire_json(value: Any) -> Any:
    """``value`` as the service sends it: timestamps as epoch seconds."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        return aware.timestamp()
    if isinstance(value, dict):
        return {k: _wire_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_wire_json(v) for v in value]
    return value


# --------------------------------------------------------------------------- structure functions


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_compiled_structure_function_builds_what_cattrs_builds(
    model: type, data: st.DataObject
) -> None:
    shape = _service.structure(model.__wire_shape__)  # type: ignore[attr-defined]
    wire = data.draw(_model_value(shape))
    assert _convert.structure_fn(model)(wire) == CATTRS.structure(wire, model)


def test_a_compiled_model_is_set_slot_by_slot_and_stays_frozen() -> None:
    profile = _convert.structure_fn(Profile)({"ProfileId": "a" * 32, "FirstName": "Ana"})
    assert "o = _new(_cls)" in _convert.structure_fn(Profile).__source__  # type: ignore[attr-defined]
    assert (profile.first_name, profile.last_name, profile.attributes) == ("Ana", None, {})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        profile.first_name = "Bo"  # type: ignore[misc]


def test_a_model_with_a_validator_is_built_through_its_init() -> None:
    # Setting slots directly would skip the validator: such a class keeps its __init__.
    @attrs.frozen(kw_only=True)
    class Checked:
        __wire_shape__ = "Checked"
        name: str | None = attrs.field(
            default=None, metadata={"wire": "Name"}, validator=attrs.validators.instance_of(str)
        )

    build = _convert.structure_fn(Checked)
    assert "_new" not in build.__source__  # type: ignore[attr-defined]
    assert build({"Name": "x"}).name == "x"
    with pytest.raises(TypeError):
        build({"Name": 3})


def test_unknown_members_and_enum_values_survive_the_compiled_function() -> None:
    wire = {"ProfileId": "a" * 32, "Gender": "NEW_2099", "FutureMember": {"A": 1}}
    profile = _convert.from_wire(Profile, wire)
    assert profile.gender == "NEW_2099"
    assert not isinstance(profile.gender, models.Gender)
    assert profile.extra == {"FutureMember": {"A": 1}}
    assert _convert.to_wire(profile) == wire


def test_epoch_seconds_become_aware_utc_datetimes() -> None:
    settings_ = _convert.from_wire(
        models.DomainSettings,
        {"DomainName": "d", "CreatedAt": 1700000000.5, "LastUpdatedAt": "2024-05-01T12:00:00Z"},
    )
    assert settings_.created_at == datetime.fromtimestamp(1700000000.5, tz=timezone.utc)
    assert settings_.created_at.tzinfo is timezone.utc
    assert settings_.last_updated_at == datetime(2024, 5, 1, 12, tzinfo=timezone.utc)


# --------------------------------------------------------------------------- body decoding


def _output_model(operation: str) -> type | None:
    output = _service.operation_model(operation).output_shape
    name = _manifest.STRUCTURES.get(output.name) if output is not None else None
    return getattr(models, name) if name else None


OPERATIONS = sorted(
    op for op in _service.service_model().operation_names if _output_model(op) is not None
)


def _body_value(shape: Shape) -> st.SearchStrategy[Any]:
    """A valid output value, body members only (header-bound ones are not in the body)."""
    assert isinstance(shape, StructureShape)
    bound = {n for n, m in shape.members.items() if m.serialization.get("location")}
    return _model_value(shape).map(lambda v: {k: x for k, x in v.items() if k not in bound})


@pytest.mark.parametrize("operation", OPERATIONS)
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_decoding_a_body_gives_what_botocore_and_cattrs_gave(
    operation: str, data: st.DataObject
) -> None:
    """For every operation: the SDK's decoder and the compiled function build the same
    model as botocore's parser followed by the cattrs converter."""
    op = _service.operation_model(operation)
    body = json.dumps(_wire_json(data.draw(_body_value(op.output_shape)))).encode()
    parsed = RestJSONParser().parse(
        {"status_code": 200, "headers": {}, "body": body}, op.output_shape
    )
    parsed.pop("ResponseMetadata", None)
    # What the transport does: decode the body, take the rest from botocore's parse of
    # the same response with an empty body.
    rest = RestJSONParser().parse({"status_code": 200, "headers": {}, "body": b""}, op.output_shape)
    model = _output_model(operation)
    assert model is not None
    mine = _convert.structure_fn(model)(_transport._decoded(operation, body, rest))
    theirs = CATTRS.structure(parsed, model)
    assert _without_tz(mine) == _without_tz(theirs)


def _without_tz(obj: Any) -> Any:
    """The model as a dict, datetimes as UTC instants (botocore's are in local time)."""

    def walk(value: Any) -> Any:
        if isinstance(value, datetime):
            assert value.tzinfo is not None
            return value.astimezone(timezone.utc)
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(_convert.to_wire(obj))


def test_a_shape_without_timestamps_is_returned_as_json_loads_gives_it() -> None:
    decode = _decode.body_decoder("SearchProfiles")
    assert decode is not None
    assert decode(b'{"Items": [{"FirstName": "Ana"}], "NextToken": null}') == {
        "Items": [{"FirstName": "Ana"}]
    }


def test_nested_timestamps_are_converted() -> None:
    decode = _decode.body_decoder("ListCalculatedAttributesForProfile")
    assert decode is not None
    out = decode(b'{"Items": [{"CalculatedAttributeName": "a", "LastObjectTimestamp": 0}]}')
    assert out["Items"][0]["LastObjectTimestamp"] == datetime(1970, 1, 1, tzinfo=timezone.utc)


# --------------------------------------------------------------------------- through the SDK


def test_sdk_calls_get_utc_datetimes_and_the_raw_client_is_unchanged() -> None:
    cp = CustomerProfiles.local()
    domain = cp.domains.create("decode-tz", default_expiration_days=30)
    settings_ = domain.get()
    assert settings_.created_at.tzinfo is timezone.utc
    raw = cp.client.get_domain(DomainName="decode-tz")
    # A direct call on the client still goes through botocore's parser (local time zone).
    assert raw["CreatedAt"] == settings_.created_at
    assert raw["CreatedAt"].tzinfo is not timezone.utc
    assert "ResponseMetadata" in raw


def test_errors_and_request_ids_are_still_parsed_by_botocore() -> None:
    cp = CustomerProfiles.local()
    with pytest.raises(ResourceNotFoundError) as info:
        cp.domain("missing").get()
    assert info.value.request_id


def test_a_member_botocore_does_not_know_reaches_extra_through_an_sdk_call() -> None:
    """A newer service's member: botocore's parser dropped it; the SDK keeps it."""
    body = {"DomainName": "d", "CreatedAt": 1700000000, "LastUpdatedAt": 1700000000,
            "FutureSetting": {"On": True}}  # fmt: skip
    script = Scripted((200, body))
    cp = CustomerProfiles(client=script.attach(boto_client()), retry=RetryPolicy.none())
    assert cp.domain("d").get().extra == {"FutureSetting": {"On": True}}


def test_a_status_code_member_is_kept_from_botocore() -> None:
    """``StatusCode`` is bound to the HTTP status, not the body: botocore supplies it."""
    script = Scripted((200, {"EstimateId": "e-1"}))
    transport = Transport(script.attach(boto_client()), RetryPolicy.none())
    out = transport.call("CreateSegmentEstimate", {"DomainName": "d", "SegmentQuery": {}})
    assert out == {"EstimateId": "e-1", "StatusCode": 200}


def test_a_transport_on_a_test_double_calls_it_unchanged() -> None:
    class Double:
        def get_domain(self, **kwargs: Any) -> dict[str, Any]:
            return {"DomainName": kwargs["DomainName"], "ResponseMetadata": {}}

    assert Transport(Double(), RetryPolicy.none()).call("GetDomain", {"DomainName": "d"}) == {
        "DomainName": "d"
    }


# --------------------------------------------------------------------------- request side


def test_a_search_is_validated_once_and_later_pages_check_only_the_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cp = CustomerProfiles.local()
    domain = cp.domains.create("decode-once", default_expiration_days=30)
    for i in range(3):
        domain.profiles.create({"account_number": "A", "first_name": f"P{i}"})
    calls: list[tuple[str, frozenset[str]]] = []
    real = _service.check_request

    def counting(operation: str, params: Any, *, skip: Any = ()) -> Any:
        calls.append((operation, frozenset(params) - frozenset(skip)))
        return real(operation, params, skip=skip)

    monkeypatch.setattr(_service, "check_request", counting)
    found = domain.profiles.search("_account", ["A"]).page_size(1).to_list()
    assert len(found) == 3
    base = frozenset({"DomainName", "KeyName", "Values"})
    assert calls[0] == ("SearchProfiles", base)  # the whole request, once
    assert all(checked <= {"NextToken", "MaxResults"} for _, checked in calls[1:])
    assert len(calls) == 1 + 3  # one check per page for its token and size


def test_a_bad_continuation_token_is_still_refused_before_sending() -> None:
    domain = CustomerProfiles.local().domains.create("decode-token", default_expiration_days=3)
    pages = domain.profiles.search("_account", ["A"]).by_page(continuation_token="x" * 2000)
    with pytest.raises(ValidationError, match="NextToken"):
        next(pages)


def test_sdk_built_clients_skip_botocore_parameter_validation_and_user_clients_keep_it() -> None:
    """The SDK validates its own requests; botocore's second check is off on the clients
    it builds (an int where a string goes is serialised, not refused), on only those."""
    body = {"DomainName": "5", "CreatedAt": 0, "LastUpdatedAt": 0}
    built = CustomerProfiles(region_name="us-east-1", endpoint_url="https://scripted.invalid")
    Scripted((200, body)).attach(built.client)
    assert built.client.get_domain(DomainName=5)["DomainName"] == "5"
    local = CustomerProfiles.local()
    with pytest.raises(botocore.exceptions.ClientError):  # the emulator answers, not botocore
        local.client.get_domain(DomainName=5)
    user = Scripted((200, body)).attach(boto_client())
    with pytest.raises(botocore.exceptions.ParamValidationError):
        CustomerProfiles(client=user).client.get_domain(DomainName=5)


def test_clients_the_sdk_builds_share_one_session_and_model_loader() -> None:
    a = CustomerProfiles(region_name="us-east-1")
    b = CustomerProfiles(region_name="eu-west-2")
    assert b.region_name == "eu-west-2"
    shared = client_module._shared_session(None)
    assert client_module._shared_session(None) is shared
    loader = _service.botocore_session().get_component("data_loader")
    assert shared._session.get_component("data_loader") is loader
    assert a.client.meta.service_model.service_name == b.client.meta.service_model.service_name


def test_a_named_profile_gets_its_own_session_on_the_shared_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    config.write_text("[profile other]\nregion = eu-west-3\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    monkeypatch.setattr(client_module, "_SESSIONS", {})
    other = CustomerProfiles(profile_name="other")
    assert other.region_name == "eu-west-3"
    session = client_module._shared_session("other")
    assert session.profile_name == "other"
    default = client_module._shared_session(None)
    assert session._session is not default._session
    loader = _service.botocore_session().get_component("data_loader")
    assert session._session.get_component("data_loader") is loader


def _has_timestamp(shape: Shape, seen: frozenset[str] = frozenset()) -> bool:
    if shape.type_name == "timestamp":
        return True
    if shape.name in seen:
        return False
    seen = seen | {shape.name}
    if isinstance(shape, StructureShape):
        return any(_has_timestamp(m, seen) for m in shape.members.values())
    children = [getattr(shape, a) for a in ("member", "key", "value") if hasattr(shape, a)]
    return any(_has_timestamp(c, seen) for c in children)


@pytest.mark.parametrize("operation", _manifest.OPERATIONS)
def test_a_body_is_walked_for_timestamps_only_when_its_shape_holds_one(operation: str) -> None:
    # A shape met twice (Address under four members of Profile) is not mistaken for one
    # that needs fixing: a SearchProfiles page is used as json.loads gives it.
    from customer_profiles_sdk import _decode, _service

    output = _service.operation_model(operation).output_shape
    if output is None:
        return
    assert (_decode._fixer(output, {}) is not None) == _has_timestamp(output)
