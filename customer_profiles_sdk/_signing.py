"""Signature Version 4 for the clients the SDK builds, computed in one pass.

botocore's ``SigV4Auth`` is a third of a small call's cost (``CreateProfile``,
``GetDomain``): it copies the request's headers into a new ``email.message`` twice,
parses the URL three times, checks the host for IPv6 with a regular expression and
derives the signing key with four HMACs on every request. :class:`OnePassSigV4Auth`
computes **the same signature** — the same canonical request, string to sign and
``Authorization``, ``X-Amz-Date`` and ``X-Amz-Security-Token`` headers, byte for byte —
in one pass over the headers, with the signing key kept per day, region and service.
A property test compares it with botocore's signer on generated requests.

Anything it does not do itself goes to botocore's signer unchanged (it *is* a
``SigV4Auth``): a ``Date`` header, query ``params``, a body that is not bytes or text,
unsigned or streaming payloads, an ``X-Amz-Content-SHA256`` header, a header that is not
text or whose name has surrounding spaces, a URL with a tab or line break.

It is used only where botocore would sign with its pure-Python ``v4`` signer: on clients
the SDK builds (never on a client you pass in), for requests botocore's own choice
leaves at ``v4``, and not when botocore signs with ``awscrt``. Everything else of the
request pipeline stays botocore's: serialisation, endpoint rules, ``before-send`` hooks,
``Stubber``, credentials and their refresh. The choice is a handler of the generic
``choose-signer`` event registered last on the client: botocore calls the handlers of
the more specific ``choose-signer.customer-profiles[.Operation]`` events and the other
handlers of ``choose-signer`` before it, so a handler of yours on any of them still
decides first.
"""

from __future__ import annotations

import hmac
import threading
from hashlib import sha256
from typing import Any
from urllib.parse import quote, urlsplit

import botocore.auth
import botocore.compat
from botocore.auth import EMPTY_SHA256_HASH, SIGNED_HEADERS_BLACKLIST, SIGV4_TIMESTAMP, SigV4Auth
from botocore.exceptions import NoCredentialsError
from botocore.utils import normalize_url_path

__all__ = ["SIGNATURE_VERSION", "OnePassSigV4Auth", "install"]

#: The name botocore's ``choose-signer`` event is answered with (an entry of
#: ``botocore.auth.AUTH_TYPE_MAPS``, added once by :func:`install`).
SIGNATURE_VERSION = "v4-customer-profiles-sdk"

_UNSIGNED_HEADERS = frozenset(SIGNED_HEADERS_BLACKLIST)
_DEFAULT_PORTS = {"http": 80, "https": 443}

# Signing keys per (digest of the secret key, date, region, service): a key is valid for
# one day. The cache holds the day's derived keys, never the secret keys themselves.
_KEYS: dict[tuple[bytes, str, str, str], bytes] = {}
_KEYS_MAX = 64
_HOSTS: dict[tuple[str, str], str] = {}
_LOCK = threading.Lock()


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode("utf-8"), sha256).digest()


def _signing_key(secret: str, date: str, region: str, service: str) -> bytes:
    cache_key = (sha256(secret.encode("utf-8")).digest(), date, region, service)
    key = _KEYS.get(cache_key)
    if key is None:
        key = _hmac(
            _hmac(_hmac(_hmac(f"AWS4{secret}".encode(), date), region), service), "aws4_request"
        )
        with _LOCK:
            if len(_KEYS) >= _KEYS_MAX:
                _KEYS.clear()
            _KEYS[cache_key] = key
    return key


def _host(scheme: str, netloc: str) -> str:
    """The ``host`` header botocore signs when the request has none: the lower-case host
    name, in brackets for an IPv6 address, with the port unless it is the scheme's
    default; no user information."""
    host = _HOSTS.get((scheme, netloc))
    if host is None:
        parts = urlsplit(f"{scheme}://{netloc}")
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        port = parts.port
        if port is not None and port != _DEFAULT_PORTS.get(scheme):
            host = f"{host}:{port}"
        with _LOCK:
            if len(_HOSTS) >= _KEYS_MAX:
                _HOSTS.clear()
            _HOSTS[(scheme, netloc)] = host
    return host


def _canonical_query(query: str) -> str:
    """The canonical query string of a URL's (already encoded) query: its pairs sorted."""
    if not query:
        return ""
    pairs = sorted(pair.partition("=")[::2] for pair in query.split("&"))
    return "&".join(f"{key}={value}" for key, value in pairs)


def _signed_headers(request: Any) -> dict[str, str] | None:
    """The headers to sign, lower-case name -> canonical value (trimmed, inner runs of
    whitespace as one space, repeated headers joined with commas), or ``None`` when one
    of them is not what this signer handles."""
    signed: dict[str, str] = {}
    for name, value in request.headers.items():
        if not isinstance(value, str) or not isinstance(name, str) or name != name.strip():
            return None
        lname = name.lower()
        if lname in _UNSIGNED_HEADERS:
            continue
        value = " ".join(value.split())
        signed[lname] = f"{signed[lname]},{value}" if lname in signed else value
    return signed


def _handled(request: Any) -> bool:
    """Whether :class:`OnePassSigV4Auth` signs ``request`` itself (else botocore does)."""
    context = request.context
    if request.params or not isinstance(request.data, (bytes, str)):
        return False
    url = request.url
    if "\t" in url or "\r" in url or "\n" in url:  # botocore's host check differs there
        return False
    if not context.get("payload_signing_enabled", True) or context.get("checksum"):
        return False
    headers = request.headers
    return "Date" not in headers and "X-Amz-Content-SHA256" not in headers


class OnePassSigV4Auth(SigV4Auth):
    """botocore's ``SigV4Auth``, with the common request signed in one pass (see the
    module's docstring); the same signature as ``SigV4Auth`` for every request."""

    def __init__(self, credentials: Any, service_name: str, region_name: str) -> None:
        super().__init__(credentials, service_name, region_name)
        self._cp_service = service_name
        self._cp_region = region_name

    def add_auth(self, request: Any) -> None:
        """Sign ``request`` in place (``Authorization``, ``X-Amz-Date`` and, with a
        session token, ``X-Amz-Security-Token``)."""
        signed = _signed_headers(request) if _handled(request) else None
        if signed is None:
            super().add_auth(request)
            return
        credentials = self.credentials
        if credentials is None or credentials.secret_key is None:
            raise NoCredentialsError()
        stamp = botocore.compat.get_current_datetime().strftime(SIGV4_TIMESTAMP)
        request.context["timestamp"] = stamp
        headers = request.headers
        # A retry carries the previous attempt's signature: replace it.
        for name in ("Authorization", "X-Amz-Date"):
            if name in headers:
                del headers[name]
        headers["X-Amz-Date"] = stamp
        signed.pop("authorization", None)
        signed["x-amz-date"] = stamp
        token = credentials.token
        if token:
            if "X-Amz-Security-Token" in headers:
                del headers["X-Amz-Security-Token"]
            headers["X-Amz-Security-Token"] = token
            signed["x-amz-security-token"] = " ".join(token.split())
        parts = urlsplit(request.url)
        if "host" not in signed:
            signed["host"] = _host(parts.scheme, parts.netloc)
        names = sorted(signed)
        signed_names = ";".join(names)
        data = request.data
        body = data.encode("utf-8") if isinstance(data, str) else data
        canonical = "\n".join(
            (
                request.method.upper(),
                quote(normalize_url_path(parts.path), safe="/~"),
                _canonical_query(parts.query),
                "".join(f"{name}:{signed[name]}\n" for name in names),
                signed_names,
                sha256(body).hexdigest() if body else EMPTY_SHA256_HASH,
            )
        )
        scope = f"{stamp[:8]}/{self._cp_region}/{self._cp_service}/aws4_request"
        string_to_sign = (
            f"AWS4-HMAC-SHA256\n{stamp}\n{scope}\n{sha256(canonical.encode('utf-8')).hexdigest()}"
        )
        key = _signing_key(credentials.secret_key, stamp[:8], self._cp_region, self._cp_service)
        signature = hmac.new(key, string_to_sign.encode("utf-8"), sha256).hexdigest()
        headers["Authorization"] = (
            f"AWS4-HMAC-SHA256 Credential={credentials.access_key}/{scope}, "
            f"SignedHeaders={signed_names}, Signature={signature}"
        )


def _choose_signer(signature_version: Any = None, context: Any = None, **_: Any) -> str | None:
    """``choose-signer`` handler: this module's signer where botocore's choice is ``v4``."""
    if signature_version != "v4" or context is None:
        return None
    if context.get("unsigned_payload") or context.get("auth_type") not in (None, "v4"):
        return None
    return SIGNATURE_VERSION


def install(client: Any) -> bool:
    """Sign ``client``'s ``v4`` requests with :class:`OnePassSigV4Auth`.

    Returns:
        Whether it was installed: not when botocore signs ``v4`` with ``awscrt``
        (already native code) or ``client`` has no botocore event system.
    """
    if botocore.auth.AUTH_TYPE_MAPS.get("v4") is not SigV4Auth:
        return False
    events = getattr(getattr(client, "meta", None), "events", None)
    service_model = getattr(getattr(client, "meta", None), "service_model", None)
    if events is None or service_model is None:
        return False
    botocore.auth.AUTH_TYPE_MAPS.setdefault(SIGNATURE_VERSION, OnePassSigV4Auth)
    # The generic event, not choose-signer.<service>: botocore calls the handlers of a
    # more specific event first, so one there would pre-empt a user's generic handler.
    events.register_last("choose-signer", _choose_signer, unique_id="customer-profiles-sdk-signer")
    return True
