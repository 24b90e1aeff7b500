"""Output-shape conformance checks for the emulator's wire responses.

Every response the ``client`` fixture receives is checked here, on the raw JSON body
(before botocore parses it, because botocore silently drops members it does not know):

* a success body must match the operation's output shape: member names exist, types,
  required members, enum values, lengths and ranges, patterns;
* an error must carry one of the five modeled codes in ``x-amzn-ErrorType``, the
  code's HTTP status and a string ``Message``;
* every response carries an ``x-amzn-RequestId``.

Which operations were seen (success and error) is recorded in :data:`SEEN_SUCCESS` /
:data:`SEEN_ERROR` for the whole test session.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

from customer_profiles_sdk.local._errors import STATUS_BY_CODE

#: Operations answered with a conforming success during this session (with counts).
SEEN_SUCCESS: defaultdict[str, int] = defaultdict(int)
#: Operations answered with a conforming error during this session: op -> codes.
SEEN_ERROR: defaultdict[str, set[str]] = defaultdict(set)


class ConformanceError(AssertionError):
    """A response that does not match the service model."""


#: (operation, member path) whose value may break the model's ``min`` on output: what the
#: service is documented to answer there although the model forbids it.
#: ListTagsForResource on an untagged resource answers ``{"tags": {}}`` (spec 12.3),
#: while the model gives TagMap a minimum of one entry.
EMPTY_ALLOWED: frozenset[tuple[str, str]] = frozenset({("ListTagsForResource", "tags")})

#: Operations whose required output members may be JSON ``null``: statistics are null
#: until the first daily cycle and for attributes without numbers, which the service
#: sends as nulls (spec identity-history-jobs 1.1, 4.4).
NULL_ALLOWED: frozenset[str] = frozenset({"GetObjectTypeAttributeStatistics"})
_NULL_PROBLEMS = (": required member missing", ": null (omit the member instead)")


def output_problems(
    shape: Shape | None, value: Any, path: str = "", *, operation: str = ""
) -> list[str]:
    """Every way ``value`` (a decoded JSON body) breaks ``shape``; empty when it conforms."""
    problems: list[str] = []
    if shape is None:
        if value not in ({}, None):
            problems.append(f"{path or '(body)'}: the operation has no output, got {value!r}")
        return problems
    _check(shape, value, path, problems)
    if operation in NULL_ALLOWED:
        problems = [p for p in problems if not p.endswith(_NULL_PROBLEMS)]
    return [
        p
        for p in problems
        if not any(
            operation == op and p == f"{member}: length 0 < min 1" for op, member in EMPTY_ALLOWED
        )
    ]


def _check(shape: Shape, value: Any, path: str, out: list[str], required: bool = False) -> None:
    where = path or "(body)"
    meta = shape.metadata
    if required and isinstance(shape, (ListShape, MapShape)) and not value:
        # A required member whose shape has a minimum size cannot be both present and
        # small enough when there is nothing to send (GetRecommenderFilter's ``Tags``,
        # a TagMap of min 1, when untagged): an empty one is the only conforming answer.
        meta = {k: v for k, v in meta.items() if k != "min"}
    if isinstance(shape, StructureShape):
        if not isinstance(value, Mapping):
            out.append(f"{where}: expected an object, got {type(value).__name__}")
            return
        for name in shape.required_members:
            if value.get(name) is None:
                out.append(f"{_join(path, name)}: required member missing")
        for name, child in value.items():
            member = shape.members.get(name)
            if member is None:
                out.append(f"{_join(path, name)}: not a member of {shape.name}")
            elif member.serialization.get("location"):
                out.append(f"{_join(path, name)}: bound to {member.serialization['location']}")
            elif child is None:
                out.append(f"{_join(path, name)}: null (omit the member instead)")
            else:
                required = name in shape.required_members
                _check(member, child, _join(path, name), out, required)
        return
    if isinstance(shape, ListShape):
        if not isinstance(value, list):
            out.append(f"{where}: expected a list, got {type(value).__name__}")
            return
        _size(meta, len(value), where, out)
        for i, item in enumerate(value):
            _check(shape.member, item, f"{path}[{i}]", out)
        return
    if isinstance(shape, MapShape):
        if not isinstance(value, Mapping):
            out.append(f"{where}: expected a map, got {type(value).__name__}")
            return
        _size(meta, len(value), where, out)
        for key, item in value.items():
            _check(shape.key, key, f"{path}.<key>", out)
            _check(shape.value, item, f"{path}[{key!r}]", out)
        return
    kind = shape.type_name
    if kind == "string":
        if not isinstance(value, str):
            out.append(f"{where}: expected a string, got {type(value).__name__}")
            return
        _size(meta, len(value), where, out)
        if shape.enum and value not in shape.enum:
            out.append(f"{where}: {value!r} is not one of {list(shape.enum)}")
        if "pattern" in meta and not re.search(meta["pattern"], value):
            out.append(f"{where}: does not match pattern {meta['pattern']}")
        return
    if kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            out.append(f"{where}: expected an integer, got {type(value).__name__}")
            return
        _range(meta, value, where, out)
        return
    if kind in ("double", "float"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            out.append(f"{where}: expected a number, got {type(value).__name__}")
            return
        _range(meta, value, where, out)
        return
    if kind == "boolean":
        if not isinstance(value, bool):
            out.append(f"{where}: expected a boolean, got {type(value).__name__}")
        return
    if kind == "timestamp":
        # rest-json: epoch seconds in JSON bodies.
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            out.append(f"{where}: expected epoch seconds, got {type(value).__name__}")
        return
    if kind == "blob" and not isinstance(value, str):
        out.append(f"{where}: expected base64 text, got {type(value).__name__}")


def _size(meta: Mapping[str, Any], size: int, where: str, out: list[str]) -> None:
    if "min" in meta and size < meta["min"]:
        out.append(f"{where}: length {size} < min {meta['min']}")
    if "max" in meta and size > meta["max"]:
        out.append(f"{where}: length {size} > max {meta['max']}")


def _range(meta: Mapping[str, Any], value: float, where: str, out: list[str]) -> None:
    if "min" in meta and value < meta["min"]:
        out.append(f"{where}: {value} < min {meta['min']}")
    if "max" in meta and value > meta["max"]:
        out.append(f"{where}: {value} > max {meta['max']}")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def check_http_response(model: OperationModel, status: int, headers: Any, body: bytes) -> None:
    """Check one raw HTTP response of ``model``'s operation; record what was seen.

    Raises:
        ConformanceError: when the response breaks the model or the error format.
    """
    name = model.name
    if not headers.get("x-amzn-RequestId"):
        raise ConformanceError(f"{name}: response without x-amzn-RequestId")
    try:
        document = json.loads(body) if body else {}
    except ValueError as exc:
        raise ConformanceError(f"{name}: body is not JSON: {body[:200]!r}") from exc
    if status >= 300:
        code = headers.get("x-amzn-ErrorType", "")
        if code not in STATUS_BY_CODE:
            raise ConformanceError(f"{name}: error code {code!r} is not a modeled code")
        if STATUS_BY_CODE[code] != status:
            raise ConformanceError(f"{name}: {code} answered with HTTP {status}")
        if not isinstance(document, dict) or not isinstance(document.get("Message"), str):
            raise ConformanceError(f"{name}: error body without a string Message: {document!r}")
        SEEN_ERROR[name].add(code)
        return
    if status != 200:
        raise ConformanceError(f"{name}: success answered with HTTP {status}")
    problems = output_problems(model.output_shape, document, operation=name)
    if problems:
        raise ConformanceError(
            f"{name}: response breaks its output shape:\n  " + "\n  ".join(problems)
        )
    SEEN_SUCCESS[name] += 1
