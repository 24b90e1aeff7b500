"""The one-pass SigV4 signer gives botocore's signature, and only where it should sign."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterator
from typing import Any

import boto3
import botocore.auth
import botocore.compat
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest, AWSResponse
from botocore.credentials import Credentials
from botocore.exceptions import NoCredentialsError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk._signing import OnePassSigV4Auth

NOW = datetime.datetime(2026, 12, 2, 21, 30, 5)


@pytest.fixture(autouse=True)
def _frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same instant for both signers (botocore's reads it through its own module)."""
    for module in (botocore.auth, botocore.compat):
        monkeypatch.setattr(module, "get_current_datetime", lambda *a, **k: NOW)


# --------------------------------------------------------------------------- generated requests

_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=8)
_segment = st.one_of(
    st.sampled_from(["", ".", "..", "domains", "retail", "a%2Fb", "~x", "é", "a\nb", "t\tu"]),
    _text.filter(lambda s: "/" not in s and "?" not in s and "#" not in s),
)
_host = st.sampled_from(
    [
        "profile.us-east-1.amazonaws.com",
        "Profile.EU-West-2.amazonaws.com",
        "localhost:4566",
        "localhost:443",
        "localhost:80",
        "user:pw@example.com:8443",
        "[::1]:8080",
        "[fe80::1]",
        "127.0.0.1",
    ]
)
_query_pair = st.tuples(
    st.sampled_from(["max-results", "next-token", "a", "A", "z", "object-type-name", ""]),
    st.sampled_from(["", "100", "abc%3D%3D", "x+y", "%E2%82%AC", "2"]),
)
_header_name = st.sampled_from(
    [
        "Content-Type",
        "content-type",
        "X-Amz-Target",
        "x-amz-meta-Thing",
        "User-Agent",
        "Expect",
        "Transfer-Encoding",
        "X-Amzn-Trace-Id",
        "Host",
        "X-Amz-Date",
        "Authorization",
        "X-Amz-Security-Token",
        "Content-Length",
        " X-Spaced",
    ]
)
_header_value = st.one_of(
    st.sampled_from(["application/json", "  a   b  ", "x\ty", "", "1.1", "\u00e9t\u00e9"]),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=12),
)
_body = st.one_of(st.just(b""), st.just(""), st.binary(max_size=64), _text)


#: What sends a request to botocore's own signer (``None``: signed in one pass).
_FALLBACKS = [None, None, None, None, None, None, "Date", "params", "unsigned payload",
              "checksum trailer", "X-Amz-Content-SHA256", "no body", "form body"]  # fmt: skip


@st.composite
def requests(draw: st.DrawFn) -> tuple[AWSRequest, Credentials, str, str]:
    fallback = draw(st.sampled_from(_FALLBACKS))
    scheme = draw(st.sampled_from(["https", "http"]))
    path = "/" + "/".join(draw(st.lists(_segment, max_size=5)))
    pairs = draw(st.lists(_query_pair, max_size=4))
    query = "&".join(f"{k}={v}" if v or draw(st.booleans()) else k for k, v in pairs)
    url = f"{scheme}://{draw(_host)}{path}" + (f"?{query}" if query else "")
    body = {"no body": None, "form body": {"a": "1"}}.get(fallback or "", draw(_body))
    request = AWSRequest(
        method=draw(st.sampled_from(["GET", "post", "PUT", "DELETE", "PATCH"])),
        url=url,
        data=body,
        params={"b": "2 3", "a": "\u00e9"} if fallback == "params" else {},
    )
    for name, value in draw(st.lists(st.tuples(_header_name, _header_value), max_size=6)):
        request.headers[name] = value  # AWSRequest keeps repeated headers, in order
    if fallback == "Date":
        request.headers["Date"] = "Wed, 02 Dec 2026 21:00:00 GMT"
    if fallback == "X-Amz-Content-SHA256":
        request.headers["X-Amz-Content-SHA256"] = "UNSIGNED-PAYLOAD"
    if fallback == "unsigned payload":
        request.context["payload_signing_enabled"] = False
    if fallback == "checksum trailer":
        request.context["checksum"] = {"request_algorithm": {"in": "trailer", "algorithm": "crc32"}}
    token = draw(st.sampled_from([None, "", "FwoGZXIvYXdzEJr//token==", " spaced  token "]))
    credentials = Credentials("AKIDEXAMPLE", draw(st.sampled_from(["secret", "s3cr3t/+="])), token)
    region = draw(st.sampled_from(["us-east-1", "eu-west-2"]))
    service = draw(st.sampled_from(["profile", "execute-api"]))
    return request, credentials, region, service


def _signed(auth_class: type[SigV4Auth], case: tuple[AWSRequest, Credentials, str, str]) -> Any:
    request, credentials, region, service = copy.deepcopy(case)
    auth_class(credentials, service, region).add_auth(request)
    return list(request.headers.items()), request.context.get("timestamp")


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(case=requests())
def test_the_signature_and_headers_are_botocores(
    case: tuple[AWSRequest, Credentials, str, str],
) -> None:
    assert _signed(OnePassSigV4Auth, case) == _signed(SigV4Auth, case)


def _json_request() -> AWSRequest:
    return AWSRequest(
        method="POST",
        url="https://profile.us-east-1.amazonaws.com/domains/retail/profiles",
        data=b'{"FirstName": "Ana"}',
        headers={"Content-Type": "application/json", "User-Agent": "Boto3/1.44"},
    )


def test_a_common_request_is_signed_without_botocores_signer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    credentials = Credentials("AKIDEXAMPLE", "secret", "token")
    expected = _json_request()
    SigV4Auth(credentials, "profile", "us-east-1").add_auth(expected)

    def refuse(self: Any, request: Any) -> None:
        raise AssertionError("botocore's signer was used")

    monkeypatch.setattr(SigV4Auth, "add_auth", refuse)
    request = _json_request()
    OnePassSigV4Auth(credentials, "profile", "us-east-1").add_auth(request)
    assert list(request.headers.items()) == list(expected.headers.items())
    assert request.headers["Authorization"].startswith(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/us-east-1/profile/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature="
    )


def test_a_retry_replaces_the_previous_signature() -> None:
    credentials = Credentials("AKIDEXAMPLE", "secret", "token")
    request = _json_request()
    auth = OnePassSigV4Auth(credentials, "profile", "us-east-1")
    auth.add_auth(request)
    first = request.headers["Authorization"]
    auth.add_auth(request)
    assert request.headers.get_all("Authorization") == [first]
    assert request.headers.get_all("X-Amz-Date") == ["20261202T213005Z"]
    assert request.headers.get_all("X-Amz-Security-Token") == ["token"]


def test_no_credentials_is_botocores_error() -> None:
    with pytest.raises(NoCredentialsError):
        OnePassSigV4Auth(None, "profile", "us-east-1").add_auth(_json_request())


# --------------------------------------------------------------------------- on clients


@pytest.fixture
def sent() -> list[Any]:
    """Requests as they go out (after signing)."""
    return []


def _answering(client: Any, sent: list[Any]) -> Any:
    def handler(request: Any, **_: Any) -> AWSResponse:
        sent.append(request)

        class _Raw:
            def stream(self, **_: Any) -> Iterator[bytes]:
                yield (
                    b'{"ProfileId": "p1", "DomainName": "retail", "DefaultExpirationDays": 30,'
                    b' "CreatedAt": 1700000000, "LastUpdatedAt": 1700000000}'
                )

        return AWSResponse(request.url, 200, {"Content-Type": "application/json"}, _Raw())

    client.meta.events.register("before-send.customer-profiles", handler)
    return client


class _Spy:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        original = OnePassSigV4Auth.add_auth

        def add_auth(auth: OnePassSigV4Auth, request: Any) -> None:
            self.calls += 1
            original(auth, request)

        monkeypatch.setattr(OnePassSigV4Auth, "add_auth", add_auth)


def _create(client: Any) -> None:
    client.create_profile(DomainName="retail", FirstName="Ana", Attributes={"tier": "gold"})


def test_clients_the_sdk_builds_sign_in_one_pass_with_botocores_signature(
    monkeypatch: pytest.MonkeyPatch, sent: list[Any]
) -> None:
    spy = _Spy(monkeypatch)
    cp = CustomerProfiles(region_name="us-east-1", retry=RetryPolicy(max_attempts=1))
    _answering(cp.client, sent)
    cp.domain("retail").get()
    cp.domain("retail").profiles.create({"first_name": "Ana", "attributes": {"tier": "gold"}})
    assert spy.calls == 2
    raw = _answering(boto3.client("customer-profiles", region_name="us-east-1"), sent)
    raw.get_domain(DomainName="retail")
    _create(raw)
    assert spy.calls == 2  # a plain boto3 client keeps botocore's signer
    ours, theirs = sent[:2], sent[2:]
    for mine, botocores in zip(ours, theirs, strict=True):
        assert (mine.url, mine.body) == (botocores.url, botocores.body)
        assert mine.headers["Authorization"] == botocores.headers["Authorization"]
        assert mine.headers["X-Amz-Date"] == botocores.headers["X-Amz-Date"]


def test_a_client_you_pass_in_keeps_botocores_signer(
    monkeypatch: pytest.MonkeyPatch, sent: list[Any]
) -> None:
    spy = _Spy(monkeypatch)
    client = _answering(boto3.client("customer-profiles", region_name="us-east-1"), sent)
    CustomerProfiles(client=client).domain("retail").get()
    assert spy.calls == 0
    assert "Authorization" in sent[0].headers


def test_your_own_choose_signer_handler_still_decides(
    monkeypatch: pytest.MonkeyPatch, sent: list[Any]
) -> None:
    spy = _Spy(monkeypatch)
    cp = CustomerProfiles(region_name="us-east-1")
    _answering(cp.client, sent)
    cp.client.meta.events.register("choose-signer.customer-profiles", lambda **_: "v4")
    _create(cp.client)
    assert spy.calls == 0
    assert sent[0].headers["Authorization"].startswith(b"AWS4-HMAC-SHA256")
