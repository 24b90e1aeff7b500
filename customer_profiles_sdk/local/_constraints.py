"""Server-side request validation: the emulator's own check of the model's constraints.

The real service rejects a request that breaks a constraint of its model with
``BadRequestException``, whoever sent it (boto3 checks only some of them, the AWS CLI
and raw HTTP callers none). This module is the emulator's implementation of that
check, written from botocore's service model alone and independently of the SDK's
client-side check, so that a constraint the SDK gets wrong shows up as a disagreement
with the emulator (``tests/local/test_independence.py``).

Checked, at every depth (structures, list items, map keys and map values):

* required members (a member sent as ``null`` counts as missing) and unknown members;
* the JSON type of each value;
* ``min``/``max`` of strings (characters), lists (items) and maps (entries);
* ``min``/``max`` of numbers (NaN is outside every range);
* ``pattern`` of strings: Smithy patterns are ECMA-262 regular expressions that are
  *searched*, not implicitly anchored; see :func:`compile_pattern` for the dialect;
* ``enum`` of strings;
* strings are valid Unicode: no unpaired surrogate (a ``"\ud800"`` escape in JSON);
* tagged unions: exactly one member set.

A problem names the member path (``Address.City``, ``Values[2]``, ``Attributes['k']``)
and the constraint; the value itself is shown only for members that are not marked
``sensitive`` in the model (nor nested in one).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from botocore.model import ListShape, MapShape, Shape, StructureShape

from ._documents import has_unpaired_surrogate
from ._model import service_model

_HIDDEN = "value hidden: personal data"


@dataclass(frozen=True)
class Problem:
    """One broken constraint.

    Attributes:
        path: the member path, e.g. ``Address.City``; ``(request)`` for the whole input.
        rule: the constraint, e.g. ``max length 64`` or ``one of MALE, FEMALE``.
        found: what was sent instead (never the value of a sensitive member).
    """

    path: str
    rule: str
    found: str

    def __str__(self) -> str:
        return f"{self.path}: {self.rule} ({self.found})"


def validate(operation: str, params: Mapping[str, Any]) -> list[Problem]:
    """Check an operation's request against its input shape.

    Args:
        operation: an operation of the model, e.g. ``"CreateDomain"``.
        params: the parsed request, keyed by wire member names.

    Returns:
        The problems in the order they were found; empty for a valid request.
    """
    if _compiled(operation)(params):
        return []  # the common case: one yes/no check, compiled once per operation
    shape = service_model().operation_model(operation).input_shape
    walker = _Walker()
    if shape is None:
        if params:
            walker.add("(request)", "no members", f"got {', '.join(sorted(params))}")
    else:
        walker.visit(shape, params, "", hide=False)
    return walker.problems


# --------------------------------------------------------------------------- compiled check

_Check = Callable[[Any], bool]


def _ok(_: Any) -> bool:
    return True


@functools.cache
def _compiled(operation: str) -> _Check:
    """Whether a request of ``operation`` breaks no constraint: what :class:`_Walker`
    decides (no problem found), as one function per shape built once, without paths,
    messages or the list of problems. A request it refuses is walked to name them.

    Built whole for one operation before it is cached (a recursive shape refers to its
    own function through this build's table), so a thread never sees half of it.
    """
    shape = service_model().operation_model(operation).input_shape
    if shape is None:
        return lambda params: not params
    return _Compiler().check(shape)


class _Compiler:
    """Builds the yes/no check of each shape of one operation's input (see
    :func:`_compiled`); each branch mirrors one method of :class:`_Walker`."""

    def __init__(self) -> None:
        self._built: dict[str, _Check] = {}

    def check(self, shape: Shape) -> _Check:
        built = self._built.get(shape.name)
        if built is not None:
            return built
        table = self._built
        name = shape.name
        # A stand-in while the shape is being built, for a shape that contains itself.
        self._built[name] = lambda value: table[name](value)
        kind = shape.type_name
        made: _Check
        if isinstance(shape, StructureShape):
            made = self._structure(shape)
        elif isinstance(shape, ListShape):
            made = self._list(shape)
        elif isinstance(shape, MapShape):
            made = self._map(shape)
        elif kind == "string":
            made = _string_check(shape)
        elif kind in ("integer", "long", "double", "float"):
            made = _number_check(shape, integral=kind in ("integer", "long"))
        elif kind == "boolean":
            made = _is_bool
        elif kind == "timestamp":
            made = _is_timestamp
        else:  # blob and document members: the wire layer already decoded them
            made = _ok
        self._built[name] = made
        return made

    def _structure(self, shape: StructureShape) -> _Check:
        members = {name: self.check(member) for name, member in shape.members.items()}
        required = tuple(shape.metadata.get("required", ()))
        union = bool(shape.metadata.get("union"))

        def check(value: Any) -> bool:
            if not isinstance(value, Mapping):
                return False
            for name in required:
                if value.get(name) is None:
                    return False
            sent = 0
            for name, item in value.items():
                member = members.get(name)
                if member is None:
                    return False  # not a member of the model
                if item is not None:
                    if not member(item):
                        return False
                    sent += 1
            return not union or sent == 1

        return check

    def _list(self, shape: ListShape) -> _Check:
        item_ok = self.check(shape.member)
        size_ok = _size_check(shape)

        def check(value: Any) -> bool:
            if not isinstance(value, (list, tuple)) or not size_ok(len(value)):
                return False
            return all(item_ok(item) for item in value)

        return check

    def _map(self, shape: MapShape) -> _Check:
        key_ok = self.check(shape.key)
        value_ok = self.check(shape.value)
        size_ok = _size_check(shape)

        def check(value: Any) -> bool:
            if not isinstance(value, Mapping) or not size_ok(len(value)):
                return False
            return all(key_ok(key) and value_ok(item) for key, item in value.items())

        return check


def _size_check(shape: Shape) -> Callable[[int], bool]:
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    low = 0 if low is None else low
    high = math.inf if high is None else high
    return lambda size: low <= size <= high


def _string_check(shape: Shape) -> _Check:
    size_ok = _size_check(shape)
    source = shape.metadata.get("pattern")
    search = compile_pattern(source).search if source is not None else None
    allowed = frozenset(shape.metadata.get("enum") or ())

    def check(value: Any) -> bool:
        if not isinstance(value, str) or not size_ok(len(value)) or has_unpaired_surrogate(value):
            return False
        if search is not None and search(value) is None:
            return False
        return not allowed or value in allowed

    return check


def _number_check(shape: Shape, *, integral: bool) -> _Check:
    accepted: tuple[type, ...] = (int,) if integral else (int, float)
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")

    def check(value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, accepted):
            return False
        if low is None and high is None:
            return True
        if isinstance(value, float) and math.isnan(value):
            return False  # NaN is outside every range
        return (low is None or value >= low) and (high is None or value <= high)

    return check


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


# --------------------------------------------------------------------------- patterns

#: ECMA-262 classes (without the ``u`` flag) are ASCII; Python's are Unicode.
_ASCII_CLASSES = {"w": "A-Za-z0-9_", "d": "0-9"}
_ASCII_NEGATED = {"W": "[^A-Za-z0-9_]", "D": "[^0-9]"}
#: ECMA-262 ``.`` matches anything but a line terminator; Python's only excludes ``\n``.
_ANY_BUT_TERMINATOR = "[^\n\r\u2028\u2029]"


@functools.cache
def compile_pattern(source: str) -> re.Pattern[str]:
    """Compile a model ``pattern`` (ECMA-262 syntax) with ECMA-262 meaning.

    The patterns of this model only use syntax Python shares with ECMA-262; what
    differs is the meaning of a few tokens, translated here:

    * ``$`` (outside a class) is the very end of the input (``\\Z``): Python's ``$``
      also matches before a final newline, so ``"abc\\n"`` would pass ``^[a-z]+$``;
    * ``\\w``, ``\\d`` (and ``\\W``, ``\\D``) are ASCII classes;
    * ``.`` does not match ``\\r``, U+2028 or U+2029 either.
    """
    pieces: list[str] = []
    in_class = False
    pos = 0
    while pos < len(source):
        token = source[pos]
        if token == "\\" and pos + 1 < len(source):
            letter = source[pos + 1]
            pos += 2
            if letter in _ASCII_CLASSES:
                body = _ASCII_CLASSES[letter]
                pieces.append(body if in_class else f"[{body}]")
            elif letter in _ASCII_NEGATED and not in_class:
                pieces.append(_ASCII_NEGATED[letter])
            else:
                pieces.append("\\" + letter)
            continue
        pos += 1
        if in_class:
            # A ``]`` right after ``[`` or ``[^`` is a literal in Python, but closes an
            # (empty) class in ECMA-262; no pattern of the model has one.
            in_class = token != "]"
            pieces.append(token)
        elif token == "[":
            in_class = True
            pieces.append(token)
        elif token == "$":
            pieces.append(r"\Z")
        elif token == ".":
            pieces.append(_ANY_BUT_TERMINATOR)
        else:
            pieces.append(token)
    return re.compile("".join(pieces))


# --------------------------------------------------------------------------- walking


class _Walker:
    """Visits a value along its shape and collects :class:`Problem` s."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, rule: str, found: str) -> None:
        self.problems.append(Problem(path or "(request)", rule, found))

    def visit(self, shape: Shape, value: Any, path: str, *, hide: bool) -> None:
        hide = hide or bool(shape.metadata.get("sensitive"))
        kind = shape.type_name
        if kind == "structure":
            self._structure(shape, value, path, hide)
        elif kind == "list":
            self._list(shape, value, path, hide)
        elif kind == "map":
            self._map(shape, value, path, hide)
        elif kind == "string":
            self._string(shape, value, path, hide)
        elif kind in ("integer", "long"):
            self._number(shape, value, path, integral=True)
        elif kind in ("double", "float"):
            self._number(shape, value, path, integral=False)
        elif kind == "boolean":
            if not isinstance(value, bool):
                self.add(path, "a boolean", _type_of(value))
        elif kind == "timestamp" and not _is_timestamp(value):
            self.add(path, "a timestamp", _type_of(value))
        # blob and document members: the wire layer already decoded them.

    # ------------------------------------------------------------- containers

    def _structure(self, shape: Shape, value: Any, path: str, hide: bool) -> None:
        if not isinstance(shape, StructureShape):  # pragma: no cover - botocore invariant
            return
        if not isinstance(value, Mapping):
            self.add(path, "a structure", _type_of(value))
            return
        members = shape.members
        for name in shape.metadata.get("required", ()):
            if value.get(name) is None:
                self.add(_child(path, name), "required", "missing")
        for name in value:
            if name not in members:
                self.add(_child(path, name), "a member of the model", "unknown member")
        if shape.metadata.get("union"):
            sent = [name for name in members if value.get(name) is not None]
            if len(sent) != 1:
                self.add(path, "exactly one member (union)", f"got {len(sent)}")
        for name, member in members.items():
            item = value.get(name)
            if item is not None:
                self.visit(member, item, _child(path, name), hide=hide)

    def _list(self, shape: Shape, value: Any, path: str, hide: bool) -> None:
        if not isinstance(shape, ListShape):  # pragma: no cover - botocore invariant
            return
        if not isinstance(value, (list, tuple)):
            self.add(path, "a list", _type_of(value))
            return
        self._size(shape, len(value), path, "items")
        for index, item in enumerate(value):
            self.visit(shape.member, item, f"{path}[{index}]", hide=hide)

    def _map(self, shape: Shape, value: Any, path: str, hide: bool) -> None:
        if not isinstance(shape, MapShape):  # pragma: no cover - botocore invariant
            return
        if not isinstance(value, Mapping):
            self.add(path, "a map", _type_of(value))
            return
        self._size(shape, len(value), path, "entries")
        for key, item in value.items():
            self.visit(shape.key, key, f"{path} (a key)", hide=hide)
            where = f"{path}[…]" if hide else f"{path}[{key!r}]"
            self.visit(shape.value, item, where, hide=hide)

    # ------------------------------------------------------------- scalars

    def _string(self, shape: Shape, value: Any, path: str, hide: bool) -> None:
        if not isinstance(value, str):
            self.add(path, "a string", _type_of(value))
            return
        self._size(shape, len(value), path, "characters")
        if has_unpaired_surrogate(value):
            # A lone surrogate escape ("\ud800") decodes to text with no UTF-8 form.
            self.add(path, "valid Unicode text", "got an unpaired surrogate")
            return
        shown = _HIDDEN if hide else f"got {value!r}"
        pattern = shape.metadata.get("pattern")
        if pattern is not None and compile_pattern(pattern).search(value) is None:
            self.add(path, f"pattern {pattern}", shown)
        allowed = shape.metadata.get("enum")
        if allowed and value not in allowed:
            self.add(path, "one of " + ", ".join(allowed), shown)

    def _number(self, shape: Shape, value: Any, path: str, *, integral: bool) -> None:
        accepted: tuple[type, ...] = (int,) if integral else (int, float)
        if isinstance(value, bool) or not isinstance(value, accepted):
            self.add(path, f"a number ({shape.type_name})", _type_of(value))
            return
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        nan = isinstance(value, float) and math.isnan(value)
        if low is not None and (nan or value < low):
            self.add(path, f"minimum {low}", f"got {value}")
        if high is not None and (nan or value > high):
            self.add(path, f"maximum {high}", f"got {value}")

    def _size(self, shape: Shape, size: int, path: str, unit: str) -> None:
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        if low is not None and size < low:
            self.add(path, f"min length {low}", f"got {size} {unit}")
        if high is not None and size > high:
            self.add(path, f"max length {high}", f"got {size} {unit}")


def _child(path: str, name: str) -> str:
    return name if not path else f"{path}.{name}"


def _is_timestamp(value: Any) -> bool:
    # The wire layer turns timestamps into epoch seconds; in-process callers may differ.
    return not isinstance(value, bool) and isinstance(value, (int, float, str, datetime, date))


def _type_of(value: Any) -> str:
    return f"got {type(value).__name__}"


# --------------------------------------------------------------------------- messages

#: Operations whose constraint violations are worded like the service's own messages
#: (``Value at 'objects' failed to satisfy constraint: Member must have length less
#: than or equal to 5``): the 20 operations of ``spec/ingestion-streams-triggers.md``,
#: where AWS documents that form. [A] (its section 1.1)
AWS_WORDED_OPERATIONS = frozenset(
    {
        "BatchPutProfileObject",
        "PutDomainObjectType",
        "GetDomainObjectType",
        "ListDomainObjectTypes",
        "DeleteDomainObjectType",
        "CreateEventStream",
        "GetEventStream",
        "ListEventStreams",
        "DeleteEventStream",
        "CreateEventTrigger",
        "GetEventTrigger",
        "UpdateEventTrigger",
        "DeleteEventTrigger",
        "ListEventTriggers",
        "CreateDomainLayout",
        "GetDomainLayout",
        "UpdateDomainLayout",
        "DeleteDomainLayout",
        "ListDomainLayouts",
        "DetectProfileObjectType",
    }
)

_AWS_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^required$"), "Member must not be null"),
    (re.compile(r"^max length (\d+)$"), "Member must have length less than or equal to {0}"),
    (re.compile(r"^min length (\d+)$"), "Member must have length greater than or equal to {0}"),
    (re.compile(r"^maximum (\S+)$"), "Member must have value less than or equal to {0}"),
    (re.compile(r"^minimum (\S+)$"), "Member must have value greater than or equal to {0}"),
    (
        re.compile(r"^pattern (.*)$", re.DOTALL),
        "Member must satisfy regular expression pattern: {0}",
    ),
    (re.compile(r"^one of (.*)$", re.DOTALL), "Member must satisfy enum value set: [{0}]"),
)
_PATH_PART = re.compile(r"([^.\[\]]+)|\[([^\]]*)\]")


def validation_message(operation: str, problems: list[Problem]) -> str:
    """The ``BadRequestException`` message for the constraint violations of a request.

    Args:
        operation: the operation the request was for.
        problems: what :func:`validate` found (at least one).

    Returns:
        For the operations of :data:`AWS_WORDED_OPERATIONS` the service's wording
        (``1 validation error detected: Value at 'objects' failed to satisfy
        constraint: Member must have length less than or equal to 5``); for the others
        the emulator's own (``1 validation error(s) in CreateProfile: FirstName: max
        length 255 (got 256 characters)``).
    """
    if operation not in AWS_WORDED_OPERATIONS:
        detail = "; ".join(str(p) for p in problems)
        return f"{len(problems)} validation error(s) in {operation}: {detail}"
    count = len(problems)
    texts = "; ".join(_aws_text(p) for p in problems)
    return f"{count} validation error{'s' if count > 1 else ''} detected: {texts}"


def _aws_text(problem: Problem) -> str:
    """One problem in the service's words; never the value itself."""
    rule = problem.rule
    for pattern, template in _AWS_RULES:
        found = pattern.match(rule)
        if found is not None:
            rule = template.format(*found.groups())
            break
    else:
        rule = f"Member must be {rule}"
    path = problem.path
    if path.endswith(" (a key)"):
        path = path.removesuffix(" (a key)")
        rule = f"Map keys must satisfy constraint: [{rule}]"
    return f"Value at '{_camel_path(path)}' failed to satisfy constraint: {rule}"


def _camel_path(path: str) -> str:
    """``Fields['Ab'].ContentType`` -> ``fields.Ab.contentType``; indexes as ``.N``."""
    parts = []
    for member, index in _PATH_PART.findall(path):
        if member:
            parts.append(member[:1].lower() + member[1:])
        else:
            parts.append(index.strip("'\""))
    return ".".join(parts)
