"""A scripted HTTP layer for transport tests: answers botocore's ``before-send`` event.

Every request still goes through botocore's real serialisation, its retry handler and
its response parsing; only the socket is replaced. (``botocore.stub.Stubber`` would
bypass the retry handler, which these tests need in the path.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.config import Config


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


class Scripted:
    """Answers requests from a script of responses; records every request sent.

    Each script entry is ``(status, body_dict)``, ``(status, raw_bytes)`` (sent as-is, no
    error-type header), or an exception instance to raise (e.g.
    a botocore ``ConnectionClosedError``). The last entry repeats once the script runs out.
    """

    def __init__(self, *script: tuple[int, dict[str, Any] | bytes] | Exception) -> None:
        self.script = list(script)
        self.requests: list[AWSPreparedRequest] = []

    def attach(self, client: Any) -> Any:
        client.meta.events.register("before-send.customer-profiles", self._answer)
        return client

    def _answer(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse:
        self.requests.append(request)
        entry = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(entry, Exception):
            raise entry
        status, body = entry
        headers = {"x-amzn-RequestId": f"req-{len(self.requests)}"}
        if isinstance(body, bytes):  # a raw body, e.g. a gateway's HTML error page
            return AWSResponse(request.url, status, {}, _Raw(body))
        if status >= 400:
            headers["x-amzn-ErrorType"] = body["__type"]
            body = {"Message": body.get("Message", "scripted error")}
        return AWSResponse(request.url, status, headers, _Raw(json.dumps(body).encode()))


def error(code: str, status: int, message: str = "scripted") -> tuple[int, dict[str, Any]]:
    """A scripted error response."""
    return status, {"__type": code, "Message": message}


def boto_client(*, retries: dict[str, Any] | None = None) -> Any:
    """A real boto3 customer-profiles client with dummy credentials."""
    config = Config(retries=retries) if retries is not None else None
    return boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
    ).client("customer-profiles", endpoint_url="https://scripted.invalid", config=config)
