"""The JSON documents ingestion accepts (the ``Object`` of PutProfileObject).

Python's :func:`json.loads` is more permissive than JSON (RFC 8259) and than the
service: it reads ``NaN``, ``Infinity`` and ``-Infinity``, turns ``1e999`` into an
infinite float, reads integers of any size, raises :class:`RecursionError` on deep
nesting and decodes an unpaired surrogate escape (``"\\ud800"``) into a string that
cannot be encoded as UTF-8. Each of these used to be stored and then break a later
read (a calculated attribute answering 500 forever) or the call itself. So an object
is refused with ``BadRequestException`` at ingestion, before anything is written, when
it holds [A]:

* ``NaN`` / ``Infinity`` / ``-Infinity`` (not JSON numbers, RFC 8259 section 6);
* a number outside the range of an IEEE 754 double (``1e999``, a 400-digit integer);
  RFC 8259 section 6 names doubles as the range interoperable implementations share;
* more than :data:`MAX_DEPTH` levels of nested arrays/objects;
* an unpaired surrogate escape in a string or a member name (no UTF-8 form exists).

Messages never echo the document's values (they may be personal data).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from ._errors import bad_request

#: [A] Deepest nesting of arrays and objects accepted in one object (the service's
#: limit is not published; JSON parsers commonly stop between 500 and 1000 levels).
MAX_DEPTH = 256
#: More digits than any integer a double can hold (the largest has 309).
_MAX_INT_DIGITS = 310


class _RefusedError(ValueError):
    """A document the emulator refuses, with the reason to answer."""


def _constant(name: str) -> Any:
    raise _RefusedError(f"Object is not valid JSON: {name} is not a JSON number")


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _RefusedError("Object holds a number outside the range of a double")
    return value


def _int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > _MAX_INT_DIGITS or abs(int(text)) > sys.float_info.max:
        raise _RefusedError("Object holds a number outside the range of a double")
    return int(text)


#: The object decoder, built once (``json.loads`` with hooks builds one a call).
_DECODER = json.JSONDecoder(parse_constant=_constant, parse_float=_float, parse_int=_int)


def parse_object(body: str) -> Any:
    """Parse an ingested ``Object``; ``BadRequest`` for what the service does not accept.

    Args:
        body: the ``Object`` member as sent.

    Returns:
        The parsed JSON value (the caller checks that it is an object).

    Raises:
        ServiceFault: ``BadRequestException`` naming the reason, never the values.
    """
    try:
        if body.startswith("\ufeff"):  # what json.loads refuses before decoding
            raise ValueError("Unexpected UTF-8 BOM")
        doc = _DECODER.decode(body)
    except _RefusedError as refused:
        raise bad_request(str(refused)) from None
    except RecursionError:
        raise bad_request(f"Object is nested more than {MAX_DEPTH} levels deep") from None
    except ValueError:
        raise bad_request("Object is not valid JSON") from None
    # A lone surrogate in the document comes from the text itself or from a \u escape,
    # and nesting deeper than MAX_DEPTH takes more opening brackets than that: a body
    # with neither (most of them) need not be walked.
    if (
        "\\u" in body
        or has_unpaired_surrogate(body)
        or body.count("{") + body.count("[") > MAX_DEPTH
    ):
        _check_tree(doc)
    return doc


def _check_tree(doc: Any) -> None:
    """Depth and unpaired surrogates, walking iteratively (no recursion to overflow)."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            _check_text(node)
            continue
        if not isinstance(node, (dict, list)):
            continue
        if depth > MAX_DEPTH:
            raise bad_request(f"Object is nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, dict):
            for key, value in node.items():
                _check_text(key)
                stack.append((value, depth + 1))
        else:
            stack.extend((value, depth + 1) for value in node)


def _check_text(text: str) -> None:
    if has_unpaired_surrogate(text):
        raise bad_request("Object is not valid JSON: it holds an unpaired surrogate escape")


def has_unpaired_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone UTF-16 surrogate (it then has no UTF-8 form)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
