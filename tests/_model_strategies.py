"""Hypothesis strategies driven by botocore's ``customer-profiles`` service model.

:func:`valid_value` builds, for any shape of the model, a strategy whose values satisfy
every constraint of that shape (lengths, sizes, ranges, patterns, enums, required
members); :func:`valid_request` does so for the input of an operation.

The generator decides validity with its own small predicates (:func:`pattern_matches`,
the length and range bounds read from the shape), never with ``check_request``: the tests
compare the two.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timezone
from typing import Any

from botocore.model import ListShape, MapShape, Shape, StringShape, StructureShape
from hypothesis import strategies as st

from customer_profiles_sdk import _service
from customer_profiles_sdk.local._constraints import compile_pattern

#: Below this depth, structures get only their required members and lists/maps their
#: minimum size, so that a recursive shape would terminate (the current model has none).
MAX_DEPTH = 4

#: Largest list/map size generated on purpose (the boundary ``max`` is still drawn when
#: it is at most :data:`BOUNDARY_SIZE`).
SMALL_SIZE = 3
BOUNDARY_SIZE = 20

#: Longest string generated in the bulk of cases; the exact ``max`` length is drawn too
#: when it is at most :data:`BOUNDARY_LENGTH`.
SMALL_LENGTH = 24
BOUNDARY_LENGTH = 2048

_INT32 = (-(2**31), 2**31 - 1)

#: Patterns hypothesis cannot generate from directly, with an equivalent strategy.
#: ``from_regex`` ignores the negative lookahead of the tag-key pattern (it happily
#: produces ``aws:x``), so the lookahead is applied as a filter. Inside the class,
#: ``+-=`` is the range 0x2B-0x3D (digits, ``:;<=`` and ``+,-./``).
_FALLBACK_PATTERNS: dict[str, st.SearchStrategy[str]] = {
    "^(?!aws:)[a-zA-Z+-=._:/]+$": st.from_regex(r"[a-zA-Z+-=._:/]+", fullmatch=True).filter(
        lambda s: not s.startswith("aws:")
    ),
}

#: ``^[class]+$``: generated as ``[class]{min,max}`` so length bounds need no filtering.
_SINGLE_CLASS = re.compile(r"^\^(\[[^\]]+\])\+\$$")


def pattern_matches(pattern: str, value: str) -> bool:
    """Whether ``value`` satisfies a Smithy (ECMA-262) ``pattern``: searched, not anchored.

    The oracle is the emulator's pattern compiler, an implementation independent of the
    SDK's ``_service`` (``$`` only at the very end, ASCII ``\\w``/``\\d``, ``.`` no line
    terminator).
    """
    return compile_pattern(pattern).search(value) is not None


def is_secret(shape: Shape) -> bool:
    """Whether the shape is marked ``sensitive`` in the model."""
    return bool(shape.metadata.get("sensitive"))


def length_ok(shape: Shape, size: int) -> bool:
    """Whether ``size`` is within the ``min``/``max`` length or size of ``shape``."""
    meta = shape.metadata
    return meta.get("min", 0) <= size <= meta.get("max", size)


def string_ok(shape: StringShape, value: str) -> bool:
    """Whether ``value`` satisfies length, pattern and enum of a string shape."""
    if not length_ok(shape, len(value)):
        return False
    if "pattern" in shape.metadata and not pattern_matches(shape.metadata["pattern"], value):
        return False
    return not shape.enum or value in shape.enum


def _sizes(low: int, high: int | None) -> st.SearchStrategy[int]:
    """Sizes in ``[low, high]``: mostly small, sometimes exactly ``low`` or ``high``."""
    top = low + SMALL_SIZE if high is None else min(high, low + SMALL_SIZE)
    choices = [st.integers(low, top), st.just(low)]
    if high is not None and high <= BOUNDARY_SIZE:
        choices.append(st.just(high))
    return st.one_of(choices)


def _string(shape: StringShape) -> st.SearchStrategy[str]:
    meta = shape.metadata
    if shape.enum:
        return st.sampled_from(shape.enum)
    low, high = meta.get("min", 0), meta.get("max")
    pattern = meta.get("pattern")
    if pattern is None:
        small = st.text(min_size=low, max_size=max(low, min(high or SMALL_LENGTH, SMALL_LENGTH)))
        choices = [small]
        if high is not None and high <= BOUNDARY_LENGTH:
            choices.append(st.text(min_size=high, max_size=high))
        return st.one_of(choices)
    single = _SINGLE_CLASS.match(pattern)
    if pattern in _FALLBACK_PATTERNS:
        base = _FALLBACK_PATTERNS[pattern]
    elif single:
        bounds = f"{{{max(low, 1)},{high if high is not None else ''}}}"
        base = st.from_regex(f"{single.group(1)}{bounds}", fullmatch=True)
    else:
        base = st.from_regex(pattern, fullmatch=True)
    if not pattern.endswith("$"):
        # Not anchored at the end: the match survives any suffix, so pad up to ``min``.
        base = base.map(lambda s: s + "x" * (low - len(s)))
    return base.filter(lambda s: string_ok(shape, s))


@functools.cache
def valid_value(shape: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    """A strategy for values of ``shape`` that satisfy every constraint of the model."""
    meta = shape.metadata
    deep = depth >= MAX_DEPTH
    if isinstance(shape, StructureShape):
        members = {n: valid_value(m, depth + 1) for n, m in shape.members.items()}
        required = {n: s for n, s in members.items() if n in shape.required_members}
        optional = {} if deep else {n: s for n, s in members.items() if n not in required}
        return st.fixed_dictionaries(required, optional=optional)
    if isinstance(shape, ListShape):
        low = meta.get("min", 0)
        sizes = st.just(low) if deep else _sizes(low, meta.get("max"))
        item = valid_value(shape.member, depth + 1)
        return sizes.flatmap(lambda n: st.lists(item, min_size=n, max_size=n))
    if isinstance(shape, MapShape):
        low = meta.get("min", 0)
        sizes = st.just(low) if deep else _sizes(low, meta.get("max"))
        key, value = valid_value(shape.key, depth + 1), valid_value(shape.value, depth + 1)
        return sizes.flatmap(lambda n: st.dictionaries(key, value, min_size=n, max_size=n))
    if isinstance(shape, StringShape):
        return _string(shape)
    kind = shape.type_name
    if kind in ("integer", "long"):
        return st.integers(meta.get("min", _INT32[0]), meta.get("max", _INT32[1]))
    if kind in ("double", "float"):
        return st.floats(meta.get("min"), meta.get("max"), allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "timestamp":
        zones = st.none() | st.just(timezone.utc)
        return st.datetimes(datetime(1970, 1, 2), datetime(2100, 1, 1), timezones=zones)
    # The seed operations use no other shape type (e.g. blob); a model that gains one
    # must fail here loudly rather than be skipped.
    raise TypeError(f"the request generator knows no {kind} shape ({shape.name})")


def input_shape(operation: str) -> StructureShape:
    """The input structure of a seed operation."""
    shape = _service.operation_model(operation).input_shape
    assert isinstance(shape, StructureShape), operation
    return shape


def valid_request(operation: str) -> st.SearchStrategy[dict[str, Any]]:
    """A strategy for complete, valid requests of ``operation`` (wire member names)."""
    return valid_value(input_shape(operation))
