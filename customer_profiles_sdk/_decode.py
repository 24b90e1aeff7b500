"""Decoding the JSON body of a 2xx response without botocore's parser (issue 16).

For the SDK's own calls the transport takes the body before botocore parses it (see
``_transport``): :func:`body_decoder` gives, per operation, a function that turns the
body bytes into the response members, the way botocore's rest-json parser would, in a
fraction of its time:

* ``json.loads``, then top-level ``null`` members dropped;
* timestamps (epoch seconds, or the ISO 8601 strings botocore also accepts) become
  aware ``datetime`` objects **in UTC** -- botocore gives them in the local time zone
  (``tzlocal()``); the instant is the same and they compare equal;
* the conversion visits only the parts of the output shape that hold a timestamp (a
  page of profiles has none and is returned as ``json.loads`` gives it);
* members the installed botocore model does not know are kept (botocore drops them):
  a model keeps them in its ``extra`` mapping and sends them back on update.

Read from botocore's service model, like everything in :mod:`._service`. Operations
whose output has a payload member (a blob or stream body) have no decoder: botocore
parses them as before.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from botocore.model import ListShape, MapShape, Shape, StructureShape
from botocore.utils import parse_timestamp

from . import _service

__all__ = ["body_decoder", "decode_timestamp"]

Fix = Callable[[Any], Any]


def _building(value: Any) -> Any:  # pragma: no cover - a marker, never called
    """The memo's marker of a shape whose fixer is being built."""
    return value


_BUILDING: Fix = _building


def decode_timestamp(value: Any) -> Any:
    """A wire timestamp as an aware UTC ``datetime`` (epoch seconds or a string)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    if isinstance(value, str):
        parsed: datetime = parse_timestamp(value)
        return parsed.astimezone(timezone.utc)
    return value


def _fixer(shape: Shape, memo: dict[str, Fix | None]) -> Fix | None:
    """A function converting the timestamps inside a value of ``shape``, or ``None``
    when the shape holds none (the value is used as ``json.loads`` gives it)."""
    if shape.type_name == "timestamp":
        return decode_timestamp
    if not isinstance(shape, (StructureShape, ListShape, MapShape)):
        return None
    if shape.name in memo:
        found = memo[shape.name]
        if found is not _BUILDING:  # done: its fix, or None when it holds no timestamp
            return found

        def late(value: Any) -> Any:  # a shape reachable from itself, being built
            fix = memo[shape.name]
            return fix(value) if fix is not None else value

        return late
    memo[shape.name] = _BUILDING
    fix: Fix | None = None
    if isinstance(shape, StructureShape):
        fixes = [
            (name, f)
            for name, member in shape.members.items()
            if member.serialization.get("location") is None
            and (f := _fixer(member, memo)) is not None
        ]
        if fixes:

            def fix_structure(value: Any) -> Any:
                if isinstance(value, dict):
                    for name, f in fixes:
                        item = value.get(name)
                        if item is not None:
                            value[name] = f(item)
                return value

            fix = fix_structure
    elif isinstance(shape, ListShape):
        item_fix = _fixer(shape.member, memo)
        if item_fix is not None:
            f_item = item_fix

            def fix_list(value: Any) -> Any:
                if isinstance(value, list):
                    return [None if x is None else f_item(x) for x in value]
                return value

            fix = fix_list
    else:
        value_fix = _fixer(shape.value, memo)
        if value_fix is not None:
            f_value = value_fix

            def fix_map(value: Any) -> Any:
                if isinstance(value, dict):
                    return {k: None if x is None else f_value(x) for k, x in value.items()}
                return value

            fix = fix_map
    memo[shape.name] = fix
    return fix


@functools.cache
def body_decoder(operation: str) -> Callable[[bytes], dict[str, Any]] | None:
    """The decoder of ``operation``'s 2xx JSON body, or ``None`` when botocore must parse
    it (an output with a payload member)."""
    output = _service.operation_model(operation).output_shape
    if output is None:
        return lambda body: {}
    if not isinstance(output, StructureShape) or output.serialization.get("payload"):
        return None
    fix = _fixer(output, {})

    def decode(body: bytes) -> dict[str, Any]:
        data = json.loads(body) if body else {}
        if not isinstance(data, dict):
            raise ValueError(f"{operation}: the response body is not a JSON object")
        data = {k: v for k, v in data.items() if v is not None}
        return fix(data) if fix is not None else data

    return decode
