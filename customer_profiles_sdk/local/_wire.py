"""The emulator's wire protocol: rest-json HTTP requests in, HTTP responses out.

Everything here is read from botocore's service model, for all of its operations (not
only the ones the emulator implements), so a request for an operation the emulator
does not implement is still recognised and answered with a clear error:

* :func:`route` finds the operation from the method and the request path, matching
  the model's ``requestUri`` templates (labels arrive URL-encoded, e.g.
  ``/tags/arn%3Aaws%3Aprofile%3A...``; greedy ``{Label+}`` labels may span ``/``);
* :func:`parse_params` merges path labels, query-string members (``max-results``,
  ``next-token``, ``include-hidden``, repeated ``tagKeys``), header members and the
  JSON body into one dict of wire member names, typed per the model;
* :func:`success_response` / :func:`error_response` / :func:`unknown_route` build the
  HTTP answer in the service's format: JSON body, timestamps as epoch seconds, errors
  with ``x-amzn-ErrorType`` and a ``{"Message": ...}`` body, and a fresh
  ``x-amzn-RequestId`` on every response;
* :func:`region_of` reads the caller's region from the SigV4 ``Authorization`` header.
"""

from __future__ import annotations

import base64
import functools
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from botocore.model import ListShape, MapShape, Shape, StructureShape

from ._errors import STATUS_BY_CODE, ServiceFault, bad_request
from ._model import service_model

#: Region used when a request carries no SigV4 credential scope. [A]
DEFAULT_REGION = "us-east-1"

_CREDENTIAL_SCOPE = re.compile(r"Credential=[^/,\s]+/\d{8}/([a-z0-9-]+)/[^/,\s]+/aws4_request")
_LABEL = re.compile(r"\{([^}]+?)(\+?)\}")


@dataclass(frozen=True)
class HttpResponse:
    """An HTTP answer of the emulator.

    Attributes:
        status: the HTTP status code.
        headers: response headers (``Content-Type``, ``x-amzn-RequestId`` ...).
        body: the response body (JSON).
    """

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class _Route:
    operation: str
    method: str
    regex: re.Pattern[str]
    labels: tuple[tuple[str, bool], ...]  # (label, greedy)
    literal_chars: int


# --------------------------------------------------------------------------- routing


@functools.cache
def _routes() -> tuple[_Route, ...]:
    model = service_model()
    routes: list[_Route] = []
    for name in model.operation_names:
        http = model.operation_model(name).http
        uri = str(http["requestUri"]).split("?", 1)[0]
        pattern = ""
        labels: list[tuple[str, bool]] = []
        pos = 0
        for m in _LABEL.finditer(uri):
            pattern += re.escape(uri[pos : m.start()])
            greedy = m.group(2) == "+"
            pattern += "(.+)" if greedy else "([^/]+)"
            labels.append((m.group(1), greedy))
            pos = m.end()
        pattern += re.escape(uri[pos:])
        literal = len(_LABEL.sub("", uri))
        regex = re.compile(f"^{pattern}/?$" if uri != "/" else "^/$")
        routes.append(_Route(name, str(http["method"]).upper(), regex, tuple(labels), literal))
    # The most specific template wins: more literal characters, then fewer labels.
    routes.sort(key=lambda r: (-r.literal_chars, len(r.labels)))
    return tuple(routes)


def route(method: str, path: str) -> tuple[str, dict[str, str]] | None:
    """Find the operation a request is for.

    Args:
        method: the HTTP method (``GET``, ``POST`` ...).
        path: the raw (still URL-encoded) request path, without the query string.

    Returns:
        The operation name and its decoded path labels, or ``None`` when no operation
        of the model has this method and path.
    """
    method = method.upper()
    for candidate in _routes():
        if candidate.method != method:
            continue
        found = candidate.regex.match(path)
        if found is None:
            continue
        labels = {
            label: unquote(value)
            for (label, _), value in zip(candidate.labels, found.groups(), strict=True)
        }
        return candidate.operation, labels
    return None


def region_of(headers: Mapping[str, str]) -> str:
    """The region of a request: the SigV4 credential scope's region, else ``us-east-1``."""
    auth = _header(headers, "authorization")
    if auth:
        found = _CREDENTIAL_SCOPE.search(auth)
        if found:
            return found.group(1)
    return DEFAULT_REGION


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


# --------------------------------------------------------------------------- requests


def parse_params(
    operation: str,
    labels: Mapping[str, str],
    query: str,
    headers: Mapping[str, str],
    body: bytes,
) -> dict[str, Any]:
    """Build an operation's request parameters (wire member names) from an HTTP request.

    Args:
        operation: the operation :func:`route` found.
        labels: the decoded path labels :func:`route` returned.
        query: the raw query string (without ``?``).
        headers: the request headers.
        body: the raw request body.

    Returns:
        The request as a dict of wire member names, typed per the model.

    Raises:
        ServiceFault: ``BadRequestException`` for a body that is not a JSON object or a
            query/header value of the wrong type.
    """
    shape = service_model().operation_model(operation).input_shape
    params: dict[str, Any] = {}
    if not isinstance(shape, StructureShape):
        return params
    qs = parse_qs(query, keep_blank_values=True)
    payload_member = shape.serialization.get("payload")
    for name, member in shape.members.items():
        location = member.serialization.get("location")
        wire = member.serialization.get("name", name)
        if location == "uri" and wire in labels:
            params[name] = _from_text(member, [labels[wire]], name)
        elif location == "querystring" and wire in qs:
            params[name] = _from_text(member, qs[wire], name)
        elif location == "header":
            value = _header(headers, str(wire).lower())
            if value is not None:
                params[name] = _from_text(member, [value], name)
    located = {n for n, m in shape.members.items() if m.serialization.get("location")}
    document = _json_body(body)
    if payload_member:
        if document is not None:
            params[payload_member] = _from_json(shape.members[payload_member], document)
        return params
    if document is None:
        return params
    if not isinstance(document, dict):
        raise bad_request("The request body must be a JSON object")
    for name, value in document.items():
        if name in located:
            continue  # path/query/header members are taken from their own location
        known = shape.members.get(name)
        # Unknown members are kept: the model check reports them by name.
        params[name] = value if known is None else _from_json(known, value)
    return params


def _json_body(body: bytes) -> Any:
    if not body or not body.strip():
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise bad_request("The request body is not valid JSON") from None


def _from_text(shape: Shape, values: list[str], name: str) -> Any:
    if isinstance(shape, ListShape):
        return [_scalar_from_text(shape.member, v, name) for v in values]
    return _scalar_from_text(shape, values[-1], name)


def _scalar_from_text(shape: Shape, value: str, name: str) -> Any:
    kind = shape.type_name
    if kind in ("integer", "long"):
        try:
            return int(value)
        except ValueError:
            raise bad_request(f"{name}: expected an integer") from None
    if kind in ("double", "float"):
        try:
            return float(value)
        except ValueError:
            raise bad_request(f"{name}: expected a number") from None
    if kind == "boolean":
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise bad_request(f"{name}: expected true or false")
    if kind == "timestamp":
        return _timestamp_in(value, name)
    return value


def _from_json(shape: Shape, value: Any) -> Any:
    """Type a JSON value per its shape (timestamps become epoch seconds)."""
    if value is None:
        return None
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        return {
            k: _from_json(shape.members[k], v) if k in shape.members else v
            for k, v in value.items()
        }
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [_from_json(shape.member, v) for v in value]
    if isinstance(shape, MapShape) and isinstance(value, dict):
        return {k: _from_json(shape.value, v) for k, v in value.items()}
    if shape.type_name == "timestamp":
        return _timestamp_in(value, shape.name)
    return value


def _timestamp_in(value: Any, name: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise bad_request(f"{name}: expected a timestamp") from None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed.timestamp()
    raise bad_request(f"{name}: expected a timestamp")


# --------------------------------------------------------------------------- responses


def _base_headers() -> dict[str, str]:
    return {"Content-Type": "application/json", "x-amzn-RequestId": str(uuid.uuid4())}


def success_response(operation: str, result: Mapping[str, Any]) -> HttpResponse:
    """Serialize an operation's output dict into a 200 rest-json response.

    Members the model binds to a header or to the status code go there; every other
    member goes into the JSON body, with timestamps as epoch seconds.
    """
    shape = service_model().operation_model(operation).output_shape
    headers = _base_headers()
    status = 200
    body: dict[str, Any] = {}
    members = shape.members if isinstance(shape, StructureShape) else {}
    for name, value in result.items():
        if value is None:
            continue
        member = members.get(name)
        location = member.serialization.get("location") if member is not None else None
        if member is not None and location == "statusCode":
            status = int(value)
        elif member is not None and location == "header":
            headers[str(member.serialization.get("name", name))] = _text_out(value)
        else:
            # Members unknown to the shape are kept so that conformance checks see them.
            body[name] = _to_json(member, value)
    return HttpResponse(status, headers, json.dumps(body).encode("utf-8"))


def _text_out(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return str(value.timestamp())
    return str(value)


def _to_json(shape: Shape | None, value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.timestamp()
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc).timestamp()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        if isinstance(shape, StructureShape):
            return {k: _to_json(shape.members.get(k), v) for k, v in value.items() if v is not None}
        child = shape.value if isinstance(shape, MapShape) else None
        return {k: _to_json(child, v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        item = shape.member if isinstance(shape, ListShape) else None
        return [_to_json(item, v) for v in value]
    return value


def error_response(fault: ServiceFault) -> HttpResponse:
    """Serialize a :class:`ServiceFault` in the service's error format."""
    headers = _base_headers()
    headers["x-amzn-ErrorType"] = fault.code
    status = STATUS_BY_CODE.get(fault.code, fault.status)
    return HttpResponse(status, headers, json.dumps({"Message": fault.message}).encode("utf-8"))


def unknown_route(method: str, path: str) -> HttpResponse:
    """The 404 answer for a request that matches no operation of the model."""
    headers = _base_headers()
    headers["x-amzn-ErrorType"] = "UnknownOperationException"
    message = (
        f"No Customer Profiles operation matches {method.upper()} {path} "
        "(the emulator routes on the service model's HTTP bindings)"
    )
    return HttpResponse(404, headers, json.dumps({"Message": message}).encode("utf-8"))


def split_target(target: str) -> tuple[str, str]:
    """Split a request target (``/path?query`` or a full URL) into path and query."""
    parts = urlsplit(target)
    return parts.path or "/", parts.query
