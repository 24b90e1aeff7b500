"""The HTTP PUT of an upload job's file to its pre-signed URL (``GetUploadJobPath``).

An upload job's CSV does not go through the Customer Profiles API: ``GetUploadJobPath``
hands out a pre-signed S3 URL and a client token (a 256-bit key), and the file is PUT
there with S3's SSE-C headers. This module does that PUT for :meth:`Transport.put_file
<customer_profiles_sdk._transport.Transport.put_file>`:

* through the boto3 client's own HTTP session (botocore's ``URLLib3Session``), so the
  upload has the client's connection settings: TLS verification and CA bundle, proxies,
  client certificate, timeouts, pool size — no second HTTP stack;
* or through an *upload hook* when the transport has one: ``CustomerProfiles.local()``
  sets one that hands the bytes to the embedded emulator in-process (its upload URLs
  name a host that does not resolve), the way it sets the ``waiter`` of ``.wait()``.
  The SDK never imports the emulator for this: the hook is a plain callable.

Errors come back S3-style (an XML ``<Error>`` body) and are mapped to the SDK's
exceptions by HTTP status; the URL (it carries a signature) and the token are never
logged nor put in an exception.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import logging
import os
import re
from collections.abc import Callable, Mapping
from typing import IO, Any
from urllib.parse import urlsplit

import attrs
import botocore.exceptions

from ._service import Violation
from .errors import (
    AccessDeniedError,
    BadRequestError,
    ConnectionError,
    InternalServerError,
    ResourceNotFoundError,
    ServiceError,
    ThrottlingError,
    ValidationError,
)

__all__ = [
    "MAX_UPLOAD_BYTES",
    "UPLOAD_OPERATION",
    "UploadAnswer",
    "UploadHook",
    "sse_headers",
]

_log = logging.getLogger("customer_profiles_sdk")

#: What errors and logs of the PUT name as their operation (it is no API operation).
UPLOAD_OPERATION = "UploadFile"
#: Upload files must be "under 1GB" (Customer Profiles administrator guide).
MAX_UPLOAD_BYTES = 1 << 30

_ALGORITHM = "x-amz-server-side-encryption-customer-algorithm"
_KEY = "x-amz-server-side-encryption-customer-key"
_KEY_MD5 = "x-amz-server-side-encryption-customer-key-MD5"
_BOM = b"\xef\xbb\xbf"
#: How much of the file is read to check its header row before sending.
_HEAD_BYTES = 64 * 1024
_XML_FIELD = re.compile(r"<(Code|Message|RequestId)>([^<]*)</\1>")
#: Reserved for names that never resolve (RFC 2606): an emulator's in-process URL.
_NEVER_RESOLVES = ".invalid"


@attrs.frozen
class UploadAnswer:
    """The HTTP answer to the PUT of a file.

    Attributes:
        status: the HTTP status.
        headers: the response headers (``ETag`` on success).
        body: the response body (an XML ``<Error>`` on failure, else usually empty).
    """

    status: int
    headers: Mapping[str, str]
    body: bytes = b""


#: Sends one PUT in place of the network: ``(url, body, headers) -> UploadAnswer``.
UploadHook = Callable[[str, bytes, Mapping[str, str]], UploadAnswer]


def sse_headers(client_token: str) -> dict[str, str]:
    """The three SSE-C headers of a PUT to an upload URL, for ``ClientToken``.

    S3's contract: the key header is the base64 256-bit key (the token as given), the
    MD5 header the base64 MD5 digest of the decoded key.

    Raises:
        ValidationError: the token is not base64 (nothing was sent).

    Example:
        >>> sorted(sse_headers("AAAA"))[0]
        'x-amz-server-side-encryption-customer-algorithm'
    """
    try:
        raw = base64.b64decode(client_token, validate=True)
    except ValueError:
        violation = Violation("ClientToken", "base64 (an SSE-C key)", "not base64")
        raise ValidationError(UPLOAD_OPERATION, [violation]) from None
    digest = base64.b64encode(hashlib.md5(raw, usedforsecurity=False).digest()).decode("ascii")
    return {_ALGORITHM: "AES256", _KEY: client_token, _KEY_MD5: digest}


# --------------------------------------------------------------------------- the file


@attrs.define
class Body:
    """A file to upload: an open binary stream positioned at its start, and its size."""

    stream: IO[bytes]
    size: int
    start: int
    close: bool

    def rewind(self) -> None:
        """Back to the start (before each attempt)."""
        self.stream.seek(self.start)

    def read_all(self) -> bytes:
        """The whole content (for an upload hook)."""
        self.rewind()
        return self.stream.read()

    def head(self) -> bytes:
        """The first bytes, to check the header row; the position is restored."""
        self.rewind()
        data = self.stream.read(_HEAD_BYTES)
        self.rewind()
        return data

    def release(self) -> None:
        """Close the stream if this module opened it."""
        if self.close:
            self.stream.close()


def open_body(file: str | os.PathLike[str] | bytes | bytearray | IO[bytes]) -> Body:
    """The file to upload, from a path, bytes or a binary file object.

    A path is opened (and closed by :meth:`Body.release`); a seekable file object is
    sent from its current position; a stream that cannot seek is read into memory.

    Raises:
        TypeError: ``file`` is none of those (a text stream, for instance).
        OSError: the path cannot be opened.
    """
    if isinstance(file, (bytes, bytearray)):
        data = bytes(file)
        return Body(io.BytesIO(data), len(data), 0, True)
    if isinstance(file, (str, os.PathLike)):
        stream: IO[bytes] = open(file, "rb")  # noqa: SIM115 - released by Body.release
        size = os.fstat(stream.fileno()).st_size
        return Body(stream, size, 0, True)
    if isinstance(file, io.TextIOBase) or not hasattr(file, "read"):
        raise TypeError(
            "upload() takes a path, bytes or a binary file object "
            f"(open the file with 'rb'), not {type(file).__name__}"
        )
    seekable = getattr(file, "seekable", lambda: False)()
    if not seekable:
        data = file.read()
        if not isinstance(data, bytes):
            raise TypeError("the file object must be opened in binary mode ('rb')")
        return Body(io.BytesIO(data), len(data), 0, True)
    start = file.tell()
    end = file.seek(0, os.SEEK_END)
    file.seek(start)
    return Body(file, end - start, start, False)


def check_csv(body: Body, columns: set[str] | None) -> None:
    """The documented rules of an upload file, checked before sending.

    The file must be under 1 GB, UTF-8 without a byte-order mark (a BOM makes the job
    fail with a missing header), and start with a header row; when the job's field
    mapping is known, the header must name every column a ``_source.<column>`` of the
    mapping reads.

    Raises:
        ValidationError: naming ``file``, the rule and what was found (never the
            file's content: it is personal data); nothing was sent.
    """
    problems: list[Violation] = []
    if body.size >= MAX_UPLOAD_BYTES:
        problems.append(Violation("file", "under 1 GB", f"got {body.size} bytes"))
    head = body.head()
    if head.startswith(_BOM):
        problems.append(Violation("file", "UTF-8 without a byte-order mark", "starts with a BOM"))
    elif not head.strip():
        problems.append(Violation("file", "a header row", "the file is empty"))
    else:
        line = head.splitlines()[0] if head.splitlines() else b""
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Violation("file", "UTF-8", "the header row is not UTF-8"))
        else:
            header = {name.strip() for name in next(csv.reader([text]), [])}
            missing = sorted((columns or set()) - header)
            if missing:
                problems.append(
                    Violation(
                        "file",
                        "a header row naming every mapped column",
                        f"missing {', '.join(missing)}",
                    )
                )
    if problems:
        raise ValidationError(UPLOAD_OPERATION, problems)


# --------------------------------------------------------------------------- sending


def send(client: Any, url: str, body: Body, headers: Mapping[str, str]) -> UploadAnswer:
    """PUT ``body`` to ``url`` through the boto3 client's HTTP session.

    Raises:
        ConnectionError: the host could not be reached or the connection broke.
    """
    from botocore.awsrequest import AWSRequest

    body.rewind()
    request = AWSRequest(method="PUT", url=url, data=body.stream, headers=dict(headers))
    request.headers["Content-Length"] = str(body.size)
    try:
        response = _http_session(client).send(request.prepare())
        content = response.content
    except (botocore.exceptions.ConnectionError, botocore.exceptions.HTTPClientError) as exc:
        host = urlsplit(url).hostname or ""
        hint = ""
        if host.endswith(_NEVER_RESOLVES):
            hint = (
                " (an in-process emulator's URL: build the client with "
                "CustomerProfiles.local(backend=...) so that it delivers the file)"
            )
        _log.info("%s: connection error %s", UPLOAD_OPERATION, type(exc).__name__)
        raise ConnectionError(
            f"{UPLOAD_OPERATION}: could not PUT the file to {host}: {type(exc).__name__}{hint}"
        ) from exc
    return UploadAnswer(response.status_code, dict(response.headers.items()), content or b"")


def _http_session(client: Any) -> Any:
    """The boto3 client's HTTP session (its TLS, proxy, timeout and pool settings).

    botocore has no public accessor; every client has had ``_endpoint.http_session``
    since botocore's first releases (``tests/test_upload_transport.py`` fails if that
    changes). A client without one (a test double) gets a session built from its
    ``meta.config``.
    """
    session = getattr(getattr(client, "_endpoint", None), "http_session", None)
    if session is not None:
        return session
    from botocore.httpsession import URLLib3Session

    config = getattr(getattr(client, "meta", None), "config", None)
    # botocore takes (connect, read) timeouts as a pair, as its endpoints pass them.
    timeout: Any = (getattr(config, "connect_timeout", 60), getattr(config, "read_timeout", 60))
    return URLLib3Session(
        timeout=timeout,
        proxies=getattr(config, "proxies", None),
        proxies_config=getattr(config, "proxies_config", None),
        client_cert=getattr(config, "client_cert", None),
    )


def raise_for_status(answer: UploadAnswer) -> None:
    """Raise the SDK's error for a failed PUT (an S3-style XML ``<Error>``).

    By HTTP status: 400 :class:`BadRequestError`, 403 :class:`AccessDeniedError` (an
    expired URL, a job no longer ``CREATED``), 404 :class:`ResourceNotFoundError`, 429
    and 503 ``SlowDown`` :class:`ThrottlingError`, other 5xx
    :class:`InternalServerError` — the last two are retried by the retry policy (a PUT
    replaces the file, so repeating it is safe). ``code`` is S3's (``AccessDenied``,
    ``InvalidArgument``, ``EntityTooLarge``...).
    """
    if 200 <= answer.status < 300:
        return
    found = dict(_XML_FIELD.findall(answer.body.decode("utf-8", "replace")))
    code = found.get("Code") or str(answer.status)
    message = found.get("Message") or f"HTTP {answer.status}"
    lowered = {k.lower(): v for k, v in answer.headers.items()}
    request_id = found.get("RequestId") or lowered.get("x-amz-request-id")
    cls: type[ServiceError]
    if answer.status == 429 or code == "SlowDown":
        cls = ThrottlingError
    elif answer.status >= 500:
        cls = InternalServerError
    elif answer.status == 403:
        cls = AccessDeniedError
    elif answer.status == 404:
        cls = ResourceNotFoundError
    elif answer.status == 400:
        cls = BadRequestError
    else:
        cls = ServiceError
    _log.info("%s: %s (status %s)", UPLOAD_OPERATION, code, answer.status)
    raise cls(
        message,
        code=code,
        status_code=answer.status,
        request_id=request_id,
        operation=UPLOAD_OPERATION,
    )
