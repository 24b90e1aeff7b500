"""The PUT of an upload job's file (customer_profiles_sdk._upload, Transport.put_file):
the client's own HTTP session, the emulator's in-process hook, retries, errors, secrets."""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Mapping
from typing import Any

import botocore.exceptions
import pytest
from botocore.httpsession import URLLib3Session

from customer_profiles_sdk import (
    BadRequestError,
    ConnectionError,
    CustomerProfiles,
    InternalServerError,
    RetryPolicy,
    ThrottlingError,
    UploadJobStatus,
    ValidationError,
    _upload,
)
from customer_profiles_sdk._transport import Transport
from customer_profiles_sdk._upload import UploadAnswer
from customer_profiles_sdk.local import LocalBackend

URL = "https://bucket.s3.amazonaws.com/key.csv?X-Amz-Signature=secret-signature"
TOKEN = base64.b64encode(b"k" * 32).decode()
CSV = b"Id\nC1\n"


def _error(status: int, code: str) -> UploadAnswer:
    body = f"<Error><Code>{code}</Code><Message>m</Message><RequestId>R1</RequestId></Error>"
    return UploadAnswer(status, {"Content-Type": "application/xml"}, body.encode())


class Hook:
    """An upload hook that answers from a script and records what it was sent."""

    def __init__(self, *answers: UploadAnswer) -> None:
        self.answers = list(answers)
        self.bodies: list[bytes] = []
        self.headers: list[Mapping[str, str]] = []

    def __call__(self, url: str, body: bytes, headers: Mapping[str, str]) -> UploadAnswer:
        self.bodies.append(body)
        self.headers.append(headers)
        return self.answers.pop(0)


def _transport(hook: Any = None, *, client: Any = None, attempts: int = 3) -> Transport:
    sleeps: list[float] = []
    return Transport(
        client, RetryPolicy(max_attempts=attempts), sleep=sleeps.append, upload_hook=hook
    )


def test_sse_headers_follow_s3s_contract() -> None:
    headers = _upload.sse_headers(TOKEN)
    assert headers["x-amz-server-side-encryption-customer-algorithm"] == "AES256"
    assert headers["x-amz-server-side-encryption-customer-key"] == TOKEN
    digest = base64.b64encode(hashlib.md5(b"k" * 32).digest()).decode()
    assert headers["x-amz-server-side-encryption-customer-key-MD5"] == digest
    with pytest.raises(ValidationError) as caught:
        _upload.sse_headers("not base64!")
    assert caught.value.fields == ["ClientToken"]
    assert "not base64!" not in str(caught.value)


def test_throttling_and_server_errors_are_retried_from_the_start_of_the_file() -> None:
    hook = Hook(
        _error(503, "SlowDown"), _error(500, "InternalError"), UploadAnswer(200, {"ETag": '"e"'})
    )
    body = _upload.open_body(CSV)
    answer = _transport(hook).put_file(URL, body, {"h": "v"})
    assert answer.status == 200
    assert hook.bodies == [CSV, CSV, CSV]
    assert hook.headers == [{"h": "v"}] * 3


@pytest.mark.parametrize(
    ("answer", "error", "code"),
    [
        (_error(400, "InvalidArgument"), BadRequestError, "InvalidArgument"),
        (_error(400, "EntityTooLarge"), BadRequestError, "EntityTooLarge"),
        (UploadAnswer(418, {}, b"teapot"), Exception, "418"),
    ],
)
def test_client_errors_are_not_retried(answer: UploadAnswer, error: type, code: str) -> None:
    hook = Hook(answer, UploadAnswer(200, {}))
    with pytest.raises(error) as caught:
        _transport(hook).put_file(URL, _upload.open_body(CSV), {})
    assert caught.value.code == code
    assert caught.value.operation == "UploadFile"
    assert len(hook.bodies) == 1


def test_the_last_error_is_raised_after_the_attempts() -> None:
    hook = Hook(*[_error(503, "SlowDown")] * 2)
    with pytest.raises(ThrottlingError) as caught:
        _transport(hook, attempts=2).put_file(URL, _upload.open_body(CSV), {})
    assert caught.value.request_id == "R1"
    assert len(hook.bodies) == 2
    with pytest.raises(InternalServerError):
        _transport(Hook(_error(502, "BadGateway")), attempts=1).put_file(
            URL, _upload.open_body(CSV), {}
        )


class FakeSession:
    """Stands for the client's URLLib3Session: records requests, answers or raises."""

    def __init__(self, *outcomes: Any) -> None:
        self.outcomes = list(outcomes)
        self.sent: list[tuple[str, str, bytes, dict[str, str]]] = []

    def send(self, request: Any) -> Any:
        body = request.body.read() if hasattr(request.body, "read") else request.body
        self.sent.append((request.method, request.url, body, dict(request.headers)))
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


class FakeResponse:
    def __init__(self, status: int, headers: dict[str, str], content: bytes = b"") -> None:
        self.status_code = status
        self.headers = headers
        self.content = content


class FakeEndpoint:
    def __init__(self, session: FakeSession) -> None:
        self.http_session = session


class FakeClient:
    def __init__(self, session: FakeSession) -> None:
        self._endpoint = FakeEndpoint(session)


def test_without_a_hook_the_clients_http_session_sends_the_put() -> None:
    session = FakeSession(
        botocore.exceptions.ReadTimeoutError(endpoint_url=URL),
        FakeResponse(200, {"ETag": '"abc"'}),
    )
    body = _upload.open_body(CSV)
    answer = _transport(client=FakeClient(session)).put_file(URL, body, {"x-h": "1"})
    assert answer.headers["ETag"] == '"abc"'
    assert [(m, u, b) for m, u, b, _ in session.sent] == [("PUT", URL, CSV)] * 2
    assert session.sent[0][3]["Content-Length"] == str(len(CSV))
    assert session.sent[0][3]["x-h"] == "1"


def test_an_unreachable_host_is_a_connection_error_without_the_signature() -> None:
    url = "https://upload.customer-profiles-local.invalid/_local/upload/d/j?X-Amz-Signature=s3cr3t"
    session = FakeSession(*[botocore.exceptions.EndpointConnectionError(endpoint_url=url)] * 2)
    with pytest.raises(ConnectionError) as caught:
        _transport(client=FakeClient(session), attempts=2).put_file(url, _upload.open_body(CSV), {})
    assert len(session.sent) == 2
    assert "s3cr3t" not in str(caught.value)
    assert "CustomerProfiles.local(backend=...)" in str(caught.value)


def test_real_clients_expose_their_http_session() -> None:
    """The upload relies on ``client._endpoint.http_session`` (no public accessor)."""
    client = LocalBackend().client()
    assert isinstance(_upload._http_session(client), URLLib3Session)
    assert _upload._http_session(client) is client._endpoint.http_session
    assert isinstance(_upload._http_session(object()), URLLib3Session)  # built from defaults


def test_through_local_serve_the_put_goes_over_http(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    backend = LocalBackend()
    with backend.serve() as server:
        cp = CustomerProfiles(endpoint_url=server.url, region_name="us-east-1")
        assert cp._transport.upload_hook is None
        sent: list[str] = []
        session = cp.client._endpoint.http_session
        real_send = session.send

        def spy(request: Any) -> Any:
            sent.append(request.url)
            return real_send(request)

        monkeypatch.setattr(session, "send", spy)
        domain = cp.domains.create("served", default_expiration_days=30)
        job = domain.upload_jobs.create(
            "ids.csv", fields={"Id": "_profile.AccountNumber"}, unique_key="Id"
        )
        with caplog.at_level(logging.DEBUG, logger="customer_profiles_sdk"):
            etag = job.upload(CSV)
        assert etag == f'"{hashlib.md5(CSV).hexdigest()}"'
        uploads = [u for u in sent if "/_local/upload/" in u]
        assert len(uploads) == 1
        assert uploads[0].startswith(f"{server.url}/_local/upload/served/{job.job_id}?")
        sdk_lines = [
            r.getMessage()
            for r in caplog.records
            if not r.name.startswith("customer_profiles_sdk.local")
        ]
        assert any("UploadFile" in line for line in sdk_lines)
        assert not any("X-Amz-Signature" in line for line in sdk_lines)  # the SDK's own logs
        job.start()
        backend.clock.advance(61)
        assert job.get().status is UploadJobStatus.SUCCEEDED


def test_local_hands_the_file_to_the_backend_in_process() -> None:
    backend = LocalBackend()
    cp = CustomerProfiles.local(backend=backend)
    assert cp._transport.upload_hook is not None
    domain = cp.domains.create("inproc", default_expiration_days=30)
    job = domain.upload_jobs.create(
        "ids.csv", fields={"Id": "_profile.AccountNumber"}, unique_key="Id"
    )
    # The emulator's URL names a host that never resolves; the hook answers it.
    assert ".invalid/" in job.path().url
    assert job.upload(CSV) == f'"{hashlib.md5(CSV).hexdigest()}"'
