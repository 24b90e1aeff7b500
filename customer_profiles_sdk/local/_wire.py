"""The emulator's wire protocol: rest-json HTTP requests in, HTTP responses out.

Everything here is read from botocore's service model, for all of its operations (not
only the ones the emulator implements), so a request for an operation the emulator
does not implement is still recognised and answered with a clear error:

* :func:`route` finds the operation from the method and the request path, matching
  the model's ``requestUri`` templates (labels arrive URL-encoded, e.g.
  ``/tags/arn%3Aaws%3Aprofile%3A...``; greedy ``{Label+}`` labels may span ``/``);
* :func:`parse_params` merges path labels, query-string members (``max-results``,
  ``next-token``, ``include-hidden``, repeated ``tagKeys``), header members and the
  JSON body into one dict of wire member names, typed per the model; a malformed body
  (not UTF-8, not standard JSON, nested too deeply, not an object, an integer its
  member cannot hold ...) is a ``BadRequestException``, never an exception that escapes;
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
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from botocore.model import ListShape, MapShape, Shape, StructureShape

from ._errors import STATUS_BY_CODE, ServiceFault, bad_request
from ._model import service_model, shapes_holding

#: Region used when a request carries no SigV4 credential scope. [A]
DEFAULT_REGION = "us-east-1"

#: Deepest nesting of objects and arrays a request body may have. The model's deepest
#: input is 10 levels; Python's parser would overflow its stack near 1,000. [A]
MAX_JSON_DEPTH = 64

#: Longest integer literal a request body may hold (a 64-bit integer has 19 digits). [A]
MAX_INTEGER_DIGITS = 64

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


_Table = tuple[re.Pattern[str], dict[str, tuple[_Route, int]]]


@functools.cache
def _method_tables() -> dict[str, _Table]:
    """Per HTTP method, one regular expression for all of its routes, in priority order.

    The first alternative that matches wins, as when trying each route in turn, but in
    a single match. Each alternative is a named group ``r<i>``; the table gives its
    route and the number of its first label group.
    """
    tables: dict[str, _Table] = {}
    for method in sorted({r.method for r in _routes()}):
        alternatives: list[str] = []
        table: dict[str, tuple[_Route, int]] = {}
        group = 1
        for index, candidate in enumerate(r for r in _routes() if r.method == method):
            body = candidate.regex.pattern.removeprefix("^").removesuffix("$")
            alternatives.append(f"(?P<r{index}>{body}\\Z)")
            table[f"r{index}"] = (candidate, group + 1)
            group += 1 + len(candidate.labels)
        tables[method] = (re.compile("^(?:" + "|".join(alternatives) + ")"), table)
    return tables


def route(method: str, path: str) -> tuple[str, dict[str, str]] | None:
    """Find the operation a request is for.

    Args:
        method: the HTTP method (``GET``, ``POST`` ...).
        path: the raw (still URL-encoded) request path, without the query string.

    Returns:
        The operation name and its decoded path labels, or ``None`` when no operation
        of the model has this method and path.
    """
    tables = _method_tables().get(method.upper())
    if tables is None:
        return None
    regex, table = tables
    found = regex.match(path)
    if found is None or found.lastgroup is None:
        return None
    candidate, first = table[found.lastgroup]
    labels = {
        label: unquote(found.group(first + offset))
        for offset, (label, _) in enumerate(candidate.labels)
    }
    return candidate.operation, labels


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
        ServiceFault: ``BadRequestException`` for a body that is not UTF-8, not standard
            JSON (``NaN``, ``Infinity`` and numbers beyond a double or
            :data:`MAX_INTEGER_DIGITS` digits included), nested deeper than
            :data:`MAX_JSON_DEPTH` levels or not a JSON object; for an integer out of
            its member's range (32-bit ``integer``, 64-bit ``long``), a timestamp that is
            not one or lies outside the years 1 to 9999, and a query/header value of the
            wrong type. Other type mismatches (an object where the model has a string, a
            string where it has a list ...) are left to the model check, which names them.
    """
    plan = _request_plan(operation)
    params: dict[str, Any] = {}
    if plan is None:
        return params
    if plan.located:
        qs = parse_qs(query, keep_blank_values=True) if query else {}
        for name, member, location, wire in plan.located:
            if location == "uri" and wire in labels:
                params[name] = _from_text(member, [labels[wire]], name)
            elif location == "querystring" and wire in qs:
                params[name] = _from_text(member, qs[wire], name)
            elif location == "header":
                value = _header(headers, wire.lower())
                if value is not None:
                    params[name] = _from_text(member, [value], name)
    if not body.strip():
        return params  # no body: every body member is absent
    document = _json_body(body)
    if plan.payload is not None:
        if document is not None:
            params[plan.payload] = _from_json(plan.members[plan.payload], document, plan.payload)
        return params
    if not isinstance(document, dict):  # an array, a string, a number, true or null
        raise bad_request("The request body must be a JSON object")
    members = plan.members
    for name, value in document.items():
        if name in plan.located_names:
            continue  # path/query/header members are taken from their own location
        known = members.get(name)
        # Unknown members are kept: the model check reports them by name. A member whose
        # shape holds no integer or timestamp is taken as parsed.
        if known is None or known.name not in _typed():
            params[name] = value
        else:
            params[name] = _from_json(known, value, name)
    return params


@dataclass(frozen=True)
class _RequestPlan:
    """What :func:`parse_params` reads of an operation's input shape (built once)."""

    #: (member, shape, location, wire name) of the path, query and header members.
    located: tuple[tuple[str, Shape, str, str], ...]
    located_names: frozenset[str]
    members: dict[str, Shape]
    payload: str | None


@functools.cache
def _request_plan(operation: str) -> _RequestPlan | None:
    shape = service_model().operation_model(operation).input_shape
    if not isinstance(shape, StructureShape):
        return None
    located = tuple(
        (name, member, str(where), str(member.serialization.get("name", name)))
        for name, member in shape.members.items()
        if (where := member.serialization.get("location"))
    )
    return _RequestPlan(
        located=located,
        located_names=frozenset(name for name, _, _, _ in located),
        members=dict(shape.members),
        payload=shape.serialization.get("payload"),
    )


@functools.cache
def _typed() -> frozenset[str]:
    """The names of the shapes that hold an integer, a long or a timestamp at some depth:
    their values go through :func:`_from_json`; any other is taken as parsed."""
    model = service_model()
    leaves = (model.shape_for(name) for name in model.shape_names)
    return shapes_holding(
        frozenset(s.name for s in leaves if s.type_name in ("integer", "long", "timestamp"))
    )


class _BadNumberError(ValueError):
    """A JSON number the emulator refuses (raised from inside ``json.loads``)."""


def _refuse_constant(name: str) -> Any:
    # Python's json module accepts NaN, Infinity and -Infinity; JSON (RFC 8259) has no
    # such literals. [A] the service's parser refuses them too.
    raise _BadNumberError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        # 1e999 parses as infinity in Python. [A] refused rather than stored.
        raise _BadNumberError("a number is too large for a double")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _BadNumberError(f"an integer has more than {MAX_INTEGER_DIGITS} digits")
    return int(text)


@functools.cache
def _body_decoder() -> json.JSONDecoder:
    """The request-body decoder, built once (``json.loads`` with hooks builds one a call)."""
    return json.JSONDecoder(
        parse_constant=_refuse_constant, parse_float=_finite_float, parse_int=_bounded_int
    )


def _json_body(body: bytes) -> Any:
    """Decode a request body: UTF-8, standard JSON, at most :data:`MAX_JSON_DEPTH` deep."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad_request(f"The request body is not valid UTF-8 (byte {exc.start})") from None
    try:
        if text.startswith("\ufeff"):  # what json.loads refuses before decoding
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        document = _body_decoder().decode(text)
    except _BadNumberError as exc:
        raise bad_request(f"The request body is not valid JSON: {exc}") from None
    except json.JSONDecodeError as exc:
        # The decoder's message and position only: never the text around it.
        raise bad_request(
            f"The request body is not valid JSON: {exc.msg} at character {exc.pos}"
        ) from None
    except RecursionError:
        raise _too_deep() from None
    # Nesting deeper than the limit takes more opening brackets than the limit: a body
    # with fewer (brackets inside strings counted too) need not be walked.
    if text.count("{") + text.count("[") > MAX_JSON_DEPTH and _depth_exceeds(
        document, MAX_JSON_DEPTH
    ):
        raise _too_deep()
    return document


def _too_deep() -> ServiceFault:
    return bad_request(f"The request body is nested deeper than {MAX_JSON_DEPTH} levels")


def _depth_exceeds(document: Any, limit: int) -> bool:
    """Whether ``document`` nests objects/arrays deeper than ``limit`` (no recursion)."""
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        children: Any
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


#: A query-string or header integer: ASCII digits only (``int()`` also takes ``"5_000"``,
#: ``" 5 "`` and non-ASCII digits).
_INTEGER_TEXT = re.compile(rf"-?[0-9]{{1,{MAX_INTEGER_DIGITS}}}")


def _from_text(shape: Shape, values: list[str], name: str) -> Any:
    if isinstance(shape, ListShape):
        return [_scalar_from_text(shape.member, v, name) for v in values]
    return _scalar_from_text(shape, values[-1], name)


def _scalar_from_text(shape: Shape, value: str, name: str) -> Any:
    kind = shape.type_name
    if kind in ("integer", "long"):
        if _INTEGER_TEXT.fullmatch(value) is None:
            raise bad_request(f"{name}: expected an integer")
        return _integer_in(shape, int(value), name)
    if kind in ("double", "float"):
        try:
            number = float(value)
        except ValueError:
            raise bad_request(f"{name}: expected a number") from None
        if not math.isfinite(number):
            raise bad_request(f"{name}: expected a finite number")
        return number
    if kind == "boolean":
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise bad_request(f"{name}: expected true or false")
    if kind == "timestamp":
        return _timestamp_in(value, name)
    return value


def _integer_in(shape: Shape, value: int, path: str) -> int:
    """``value`` if it fits the member's type (``integer`` 32-bit, ``long`` 64-bit)."""
    low, high = _INTEGER_RANGE[shape.type_name]
    if not low <= value <= high:
        # [A] the service's deserializer refuses a number its integer type cannot hold
        # (a Java int or long) instead of wrapping it around.
        raise bad_request(
            f"{path}: the number is out of range for a {_INTEGER_BITS[shape.type_name]}-bit integer"
        )
    return value


#: Range of the model's integer types: Smithy ``integer`` is 32-bit, ``long`` 64-bit.
_INTEGER_RANGE = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}
_INTEGER_BITS = {"integer": 32, "long": 64}


def _from_json(shape: Shape, value: Any, path: str) -> Any:
    """Type a JSON value per its shape (timestamps become epoch seconds).

    A value of the wrong JSON type is passed on unchanged: the model check
    (:func:`._constraints.validate`) reports it with its member path.
    """
    if value is None:
        return None
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        return {
            k: _from_json(shape.members[k], v, _member_path(path, k)) if k in shape.members else v
            for k, v in value.items()
        }
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [_from_json(shape.member, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(shape, MapShape) and isinstance(value, dict):
        return {k: _from_json(shape.value, v, f"{path}[…]") for k, v in value.items()}
    kind = shape.type_name
    if kind in _INTEGER_RANGE and isinstance(value, int) and not isinstance(value, bool):
        return _integer_in(shape, value, path)
    if kind == "timestamp":
        return _timestamp_in(value, path)
    return value


def _member_path(path: str, name: str) -> str:
    return name if not path else f"{path}.{name}"


#: The timestamps a request may carry: those a ``datetime`` can hold (years 1 to 9999).
_EARLIEST = datetime(1, 1, 1, tzinfo=timezone.utc).timestamp()
_LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone.utc).timestamp()


def _timestamp_in(value: Any, name: str) -> float:
    seconds: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            seconds = float(value)
        except OverflowError:  # an int beyond a double
            seconds = math.inf
    elif isinstance(value, str):
        seconds = _timestamp_text(value)
    if seconds is None:
        raise bad_request(f"{name}: expected a timestamp")
    if not _EARLIEST <= seconds <= _LATEST:
        # [A] the service refuses a date outside years 1-9999 rather than wrapping it.
        raise bad_request(f"{name}: the timestamp is outside the years 1 to 9999")
    return seconds


def _timestamp_text(value: str) -> float | None:
    """Epoch seconds of a timestamp sent as text (epoch seconds or ISO 8601)."""
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) else math.inf
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    try:
        return parsed.timestamp()
    except (OverflowError, ValueError):
        return math.inf


# --------------------------------------------------------------------------- responses


def _base_headers() -> dict[str, str]:
    return {"Content-Type": "application/json", "x-amzn-RequestId": request_id()}


def request_id() -> str:
    """A fresh request id in the service's form, a random (version 4) UUID: what
    ``str(uuid.uuid4())`` gives, without building a ``UUID`` (a third of the time)."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


#: The RFC 4122 variant: the two high bits of the clock-sequence byte are ``10``.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def success_response(operation: str, result: Mapping[str, Any]) -> HttpResponse:
    """Serialize an operation's output dict into a 200 rest-json response.

    Members the model binds to a header or to the status code go there; every other
    member goes into the JSON body, with timestamps as epoch seconds.
    """
    members = _output_members(operation)
    headers = _base_headers()
    status = 200
    body: dict[str, Any] = {}
    for name, value in result.items():
        if value is None:
            continue
        member = members.get(name)
        location = member.serialization.get("location") if member is not None else None
        if member is not None and location == "statusCode":
            status = int(value)
        elif member is not None and location == "header":
            headers[str(member.serialization.get("name", name))] = _text_out(value)
        elif isinstance(value, (str, int, float)):
            body[name] = value  # text, numbers and booleans are written as they are
        else:
            # Members unknown to the shape are kept so that conformance checks see them.
            body[name] = _to_json(member, value)
    return HttpResponse(status, headers, json.dumps(body).encode("utf-8"))


@functools.cache
def _output_members(operation: str) -> dict[str, Shape]:
    shape = service_model().operation_model(operation).output_shape
    return dict(shape.members) if isinstance(shape, StructureShape) else {}


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
    if not target.startswith("/"):  # absolute form: http://host:port/path?query
        try:
            parts = urlsplit(target)
        except ValueError:  # e.g. "http://[broken"; routed as a path, it matches nothing
            return target, ""
        return parts.path or "/", parts.query
    path, _, query = target.partition("#")[0].partition("?")
    return path, query
