"""The one-pass SigV4 signer gives botocore's signature, and only where it should sign."""

from __future__ import annotations

import copy
import datetime
import random
import threading
from collections.abc import Iterator
from typing import Any

import boto3
import botocore
import botocore.auth
import botocore.compat
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest, AWSResponse
from botocore.config import Config
from botocore.credentials import Credentials, RefreshableCredentials
from botocore.exceptions import NoCredentialsError
from dateutil.tz import tzutc
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


def test_your_generic_choose_signer_handler_still_decides(sent: list[Any]) -> None:
    # botocore calls the handlers of choose-signer.customer-profiles before those of the
    # generic event: the SDK's handler must not be there, or it would pre-empt this one.
    cp = CustomerProfiles(region_name="us-east-1")
    _answering(cp.client, sent)
    cp.client.meta.events.register("choose-signer", lambda **_: botocore.UNSIGNED)
    _create(cp.client)
    assert "Authorization" not in sent[0].headers
    plain = _answering(boto3.client("customer-profiles", region_name="us-east-1"), sent)
    plain.meta.events.register("choose-signer", lambda **_: botocore.UNSIGNED)
    _create(plain)
    assert "Authorization" not in sent[1].headers  # what plain boto3 does


def test_an_unsigned_client_stays_unsigned(
    monkeypatch: pytest.MonkeyPatch, sent: list[Any]
) -> None:
    spy = _Spy(monkeypatch)
    cp = CustomerProfiles(
        region_name="us-east-1", botocore_config=Config(signature_version=botocore.UNSIGNED)
    )
    _create(_answering(cp.client, sent))
    assert spy.calls == 0
    assert "Authorization" not in sent[0].headers


@pytest.mark.parametrize("token", [None, "session-token"])
def test_presigned_urls_are_botocores(monkeypatch: pytest.MonkeyPatch, token: str | None) -> None:
    # Presigning asks for query auth (v4-query), which stays botocore's.
    spy = _Spy(monkeypatch)
    ours = CustomerProfiles(region_name="us-east-1").client
    plain = boto3.client("customer-profiles", region_name="us-east-1")
    for client in (ours, plain):
        client._request_signer._credentials = Credentials("AKIDEXAMPLE", "secret", token)
    for operation, params in [
        ("get_domain", {"DomainName": "retail"}),
        ("list_profile_objects", {"DomainName": "retail", "ObjectTypeName": "o", "ProfileId": "p"}),
    ]:
        url = ours.generate_presigned_url(operation, Params=params, ExpiresIn=60)
        assert url == plain.generate_presigned_url(operation, Params=params, ExpiresIn=60)
        assert "X-Amz-Signature=" in url
    assert spy.calls == 0


def test_refreshed_credentials_sign_each_request_with_their_own_key(
    monkeypatch: pytest.MonkeyPatch, sent: list[Any]
) -> None:
    numbers = iter(range(100))

    def refresh() -> dict[str, str]:
        n = next(numbers)
        soon = datetime.datetime.now(tzutc()) + datetime.timedelta(minutes=5)  # always stale
        token = f"token{n}" if n % 2 else ""
        return {"access_key": f"AK{n}", "secret_key": f"SK{n}", "token": token,
                "expiry_time": soon.isoformat()}  # fmt: skip

    signed: list[tuple[str, str, str | None]] = []
    original = OnePassSigV4Auth.add_auth

    def add_auth(auth: OnePassSigV4Auth, request: Any) -> None:
        # Each request against botocore's signer, with the snapshot botocore handed over.
        expected = copy.deepcopy(request)
        SigV4Auth(auth.credentials, "profile", "us-east-1").add_auth(expected)
        original(auth, request)
        assert list(request.headers.items()) == list(expected.headers.items())
        frozen = auth.credentials
        signed.append((frozen.access_key, frozen.secret_key, frozen.token))

    monkeypatch.setattr(OnePassSigV4Auth, "add_auth", add_auth)
    cp = CustomerProfiles(region_name="us-east-1")
    credentials = RefreshableCredentials.create_from_metadata(refresh(), refresh, "test")
    cp.client._request_signer._credentials = credentials
    _answering(cp.client, sent)
    for _ in range(4):
        _create(cp.client)
    assert len({access_key for access_key, _, _ in signed}) == 4  # refreshed every time
    for (access_key, secret, token), request in zip(signed, sent, strict=True):
        n = int(access_key[2:])
        assert secret == f"SK{n}"  # key, secret and token of one snapshot
        assert (token or None) == (f"token{n}" if n % 2 else None)
        assert f"Credential={access_key}/".encode() in request.headers["Authorization"]


def _both(request: AWSRequest, credentials: Credentials, region: str = "us-east-1") -> Any:
    mine, theirs = copy.deepcopy(request), copy.deepcopy(request)
    OnePassSigV4Auth(credentials, "profile", region).add_auth(mine)
    SigV4Auth(credentials, "profile", region).add_auth(theirs)
    return list(mine.headers.items()), list(theirs.headers.items())


def test_a_rotated_secret_is_never_signed_with_the_cached_key() -> None:
    signatures = set()
    for secret in ("one", "two", "one"):
        mine, theirs = _both(_json_request(), Credentials("AKIDEXAMPLE", secret))
        assert mine == theirs
        signatures.add(dict(mine)["Authorization"])
    assert len(signatures) == 2


def test_the_signing_key_changes_at_midnight(monkeypatch: pytest.MonkeyPatch) -> None:
    auth = OnePassSigV4Auth(Credentials("AKIDEXAMPLE", "secret"), "profile", "us-east-1")
    for now in (datetime.datetime(2026, 12, 31, 23, 59, 59, 999999), datetime.datetime(2027, 1, 1)):
        for module in (botocore.auth, botocore.compat):
            monkeypatch.setattr(module, "get_current_datetime", lambda *a, now=now, **k: now)
        mine, theirs = _json_request(), _json_request()
        auth.add_auth(mine)  # one signer instance across the day boundary
        SigV4Auth(Credentials("AKIDEXAMPLE", "secret"), "profile", "us-east-1").add_auth(theirs)
        assert list(mine.headers.items()) == list(theirs.headers.items())
        assert f"/{now:%Y%m%d}/us-east-1/" in mine.headers["Authorization"]


def test_threads_signing_at_once_get_botocores_signatures() -> None:
    # The key and host caches are shared by every thread of the process.
    mismatches: list[Any] = []

    def work(seed: int) -> None:
        draw = random.Random(seed)
        for _ in range(150):
            region = draw.choice(["us-east-1", "eu-west-2", "ap-south-1"])
            host = draw.choice([f"profile.{region}.amazonaws.com", f"[::1]:{draw.randrange(99)}"])
            secret = f"secret{draw.randrange(80)}"
            credentials = Credentials("AKID", secret, draw.choice([None, "t"]))
            request = AWSRequest(
                "POST", f"https://{host}/domains/d{draw.randrange(9)}", data=b'{"a": 1}',
                headers={"X-N": str(draw.random())},
            )  # fmt: skip
            mine, theirs = _both(request, credentials, region)
            if mine != theirs:
                mismatches.append((mine, theirs))

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert mismatches == []
