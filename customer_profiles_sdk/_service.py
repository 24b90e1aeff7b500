"""Facts read from botocore's ``customer-profiles`` service model.

This is the one place in the package that interprets the service model. Everything
else (the converter, the transport, the paginator and the emulator) asks it:

* which operations make up the supported API surface (:data:`SEED_OPERATIONS`),
* the wire name of a model field (:func:`member_names`),
* which members carry personal data (:func:`is_sensitive_member`),
* which operations page by ``NextToken`` and under which result key (:func:`paging_info`),
* whether a request satisfies every constraint of the model (:func:`check_request`).

The module depends on botocore only, so the emulator in :mod:`customer_profiles_sdk.local`
may use it without depending on the SDK's models or resources.
"""

from __future__ import annotations

import calendar
import functools
import math
import re
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from datetime import date, datetime, timezone
from typing import Any, Generic, TypeVar

import attrs
import botocore.session
from botocore import xform_name
from botocore.model import (
    ListShape,
    MapShape,
    OperationModel,
    ServiceModel,
    Shape,
    StringShape,
    StructureShape,
)

SERVICE_NAME = "customer-profiles"

#: The 39 operations of the seed API surface (see ``service-spec.md``): the 37 of the
#: seed documents plus the two batch reads the current model adds.
SEED_OPERATIONS: tuple[str, ...] = (
    # domains
    "CreateDomain",
    "GetDomain",
    "UpdateDomain",
    "DeleteDomain",
    "ListDomains",
    # profiles and keys
    "CreateProfile",
    "UpdateProfile",
    "DeleteProfile",
    "BatchGetProfile",
    "AddProfileKey",
    "DeleteProfileKey",
    # object types and templates
    "PutProfileObjectType",
    "GetProfileObjectType",
    "ListProfileObjectTypes",
    "DeleteProfileObjectType",
    "GetProfileObjectTypeTemplate",
    "ListProfileObjectTypeTemplates",
    # profile objects
    "PutProfileObject",
    "ListProfileObjects",
    "DeleteProfileObject",
    # search, matches and merge
    "SearchProfiles",
    "GetMatches",
    "MergeProfiles",
    # calculated attributes
    "CreateCalculatedAttributeDefinition",
    "GetCalculatedAttributeDefinition",
    "ListCalculatedAttributeDefinitions",
    "UpdateCalculatedAttributeDefinition",
    "DeleteCalculatedAttributeDefinition",
    "GetCalculatedAttributeForProfile",
    "ListCalculatedAttributesForProfile",
    "BatchGetCalculatedAttributeForProfile",
    # integrations
    "PutIntegration",
    "GetIntegration",
    "DeleteIntegration",
    "ListIntegrations",
    "ListAccountIntegrations",
    # tags
    "TagResource",
    "UntagResource",
    "ListTagsForResource",
)

#: Operations that are safe to send again after a server error or a lost connection:
#: reads, upserts (``Put*``), ``Update*``, ``Delete*`` and tag operations. ``Create*`` and
#: ``MergeProfiles`` are not: the API has no idempotency token, so a repeat can duplicate
#: a profile or a domain.
_NOT_IDEMPOTENT_PREFIXES = ("Create", "Merge")


@functools.cache
def botocore_session() -> botocore.session.Session:
    """The process's botocore session for reading the model (its loader is shared by the
    clients the SDK builds, so the model's JSON is read once)."""
    return botocore.session.get_session()


@functools.cache
def service_model() -> ServiceModel:
    """Return botocore's service model for Customer Profiles (loaded once)."""
    return botocore_session().get_service_model(SERVICE_NAME)


def botocore_version() -> str:
    """The version of the installed botocore, whose model is the wire contract."""
    return str(botocore.__version__)


@functools.cache
def operation_model(operation: str) -> OperationModel:
    """Return the botocore operation model of ``operation`` (e.g. ``"SearchProfiles"``)."""
    return service_model().operation_model(operation)


def is_idempotent(operation: str) -> bool:
    """Whether ``operation`` may be repeated after a 5xx or a connection error."""
    return not operation.startswith(_NOT_IDEMPOTENT_PREFIXES)


def method_name(operation: str) -> str:
    """The boto3 client method of an operation: ``SearchProfiles`` -> ``search_profiles``."""
    return xform_name(operation)


# --------------------------------------------------------------------------- names


@functools.cache
def member_names(shape_name: str) -> Mapping[str, str]:
    """Map the snake_case name of every member of a structure shape to its wire name.

    The snake names come from botocore's own ``xform_name`` applied to the wire name, so
    they are exactly the names boto3 users know (``min_provisioned_tps``,
    ``resource_arn``), and the mapping is read, never guessed backwards.
    """
    return {xform_name(wire): wire for wire in structure(shape_name).members}


@functools.cache
def shape(shape_name: str) -> Shape:
    """Return a named shape of the service model (built once: botocore builds a new
    ``Shape`` object, and its member shapes, on every ``shape_for``)."""
    return service_model().shape_for(shape_name)


def structure(shape_name: str) -> StructureShape:
    """Return a named structure shape of the service model."""
    found = shape(shape_name)
    if not isinstance(found, StructureShape):
        raise TypeError(f"{shape_name} is a {found.type_name}, not a structure")
    return found


C = TypeVar("C")


class PerShape(Generic[C]):
    """Functions compiled once per shape name (a shape's constraints and members are its
    own, whatever refers to it), safe to use from several threads.

    ``compile(shape)`` builds the function of ``shape`` and asks this cache for the
    functions of the shapes inside it. A shape reachable from itself gets ``late(get)``
    while it is being built: a stand-in that calls ``get()`` (the finished function) when
    it runs. Building happens under one lock; another thread asking for a shape being
    built waits for it, so no thread ever runs a half-built function.
    """

    def __init__(
        self,
        compile: Callable[[Shape], C],
        late: Callable[[Callable[[], C]], C],
    ) -> None:
        self._compile = compile
        self._late = late
        self._done: dict[str, C] = {}
        self._building: set[str] = set()
        self._lock = threading.RLock()

    def get(self, shape_: Shape) -> C:
        """The compiled function of ``shape_``, built on first use."""
        name = shape_.name
        if name in self._done:
            return self._done[name]
        with self._lock:
            if name in self._done:
                return self._done[name]
            if name in self._building:  # reached from itself: resolved when it runs
                return self._late(lambda: self.get(shape_))
            self._building.add(name)
            try:
                compiled = self._compile(shape_)
            finally:
                self._building.discard(name)
            self._done[name] = compiled
            return compiled


def prune(shape_: Shape, value: Any) -> Any:
    """Drop from ``value`` (wire data) every structure member ``shape_`` does not have.

    Used when a response model is sent back in a request: response shapes carry
    read-only members (``Status``, ``Readiness``...) that the request shape lacks.
    """
    pruner = _PRUNERS.get(shape_)
    return value if pruner is None else pruner(value)


Prune = Callable[[Any], Any]


def _late_pruner(get: Callable[[], Prune | None]) -> Prune | None:
    def late(value: Any) -> Any:
        found = get()
        return value if found is None else found(value)

    return late


def _compile_pruner(shape_: Shape) -> Prune | None:
    """The compiled ``prune`` of ``shape_`` (``None``: no structure below it)."""
    if isinstance(shape_, StructureShape):
        members = {name: _PRUNERS.get(member) for name, member in shape_.members.items()}

        def prune_structure(value: Any) -> Any:
            if not isinstance(value, Mapping):
                return value
            out = {}
            for k, v in value.items():
                if k in members:
                    f = members[k]
                    out[k] = v if f is None else f(v)
            return out

        return prune_structure
    if isinstance(shape_, ListShape):
        item = _PRUNERS.get(shape_.member)
        if item is None:
            return None
        f_item = item

        def prune_list(value: Any) -> Any:
            return [f_item(v) for v in value] if isinstance(value, list) else value

        return prune_list
    if isinstance(shape_, MapShape):
        entry = _PRUNERS.get(shape_.value)
        if entry is None:
            return None
        f_entry = entry

        def prune_map(value: Any) -> Any:
            if not isinstance(value, Mapping):
                return value
            return {k: f_entry(v) for k, v in value.items()}

        return prune_map
    return None


_PRUNERS: PerShape[Prune | None] = PerShape(_compile_pruner, _late_pruner)


# --------------------------------------------------------------------------- paging


@attrs.frozen
class PagingInfo:
    """How an operation pages: the token member, the page-size member and the result key."""

    input_token: str
    output_token: str
    limit_key: str | None
    result_key: str


@functools.cache
def paging_info(operation: str) -> PagingInfo | None:
    """Return how ``operation`` pages, or ``None`` if it takes no ``NextToken``.

    Read from the model: the operation pages when its input and output both have a
    ``NextToken`` member; the result key is the output's one list member (``Items``, or
    ``Matches`` for ``GetMatches``).
    """
    op = operation_model(operation)
    inp, out = op.input_shape, op.output_shape
    if not isinstance(inp, StructureShape) or not isinstance(out, StructureShape):
        return None
    if "NextToken" not in inp.members or "NextToken" not in out.members:
        return None
    lists = [name for name, m in out.members.items() if m.type_name == "list"]
    if len(lists) != 1:  # pragma: no cover - guards a future model change
        raise RuntimeError(f"{operation}: cannot tell the result key among {lists}")
    limit = "MaxResults" if "MaxResults" in inp.members else None
    return PagingInfo("NextToken", "NextToken", limit, lists[0])


# --------------------------------------------------------------------------- sensitivity


def is_sensitive(shape_: Shape) -> bool:
    """Whether a shape is marked ``sensitive`` (personal data) in the model."""
    return bool(shape_.metadata.get("sensitive"))


@functools.cache
def sensitive_members(shape_name: str) -> frozenset[str]:
    """Wire names of the members of ``shape_name`` that hold personal data.

    A member is sensitive when its own shape is marked ``sensitive``, or when it is a
    structure, list or map that contains sensitive data anywhere below it.
    """
    members = structure(shape_name).members
    return frozenset(name for name, member in members.items() if _contains_sensitive(member, set()))


def is_sensitive_member(shape_name: str, wire_name: str) -> bool:
    """Whether member ``wire_name`` of structure ``shape_name`` holds personal data."""
    return wire_name in sensitive_members(shape_name)


def _contains_sensitive(shape_: Shape, seen: set[str]) -> bool:
    if is_sensitive(shape_):
        return True
    if shape_.name in seen:
        return False
    seen.add(shape_.name)
    return any(_contains_sensitive(child, seen) for child in _children(shape_))


def _children(shape_: Shape) -> Iterator[Shape]:
    if isinstance(shape_, StructureShape):
        yield from shape_.members.values()
    elif isinstance(shape_, ListShape):
        yield shape_.member
    elif isinstance(shape_, MapShape):
        yield shape_.key
        yield shape_.value


# --------------------------------------------------------------------------- constraints


@attrs.frozen
class Violation:
    """One constraint a request value breaks.

    Attributes:
        path: where the value sits, e.g. ``Address.City`` or ``Values[2]``.
        constraint: the rule, e.g. ``max length 255`` or ``one of MALE, FEMALE``.
        detail: what was found (never the value of a sensitive member).
    """

    path: str
    constraint: str
    detail: str

    def __str__(self) -> str:
        return f"{self.path}: {self.constraint} ({self.detail})"


_NUMERIC = ("integer", "long", "double", "float")
#: What an enum value looks like: a word of letters, digits, ``_`` and ``-``.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")
#: String shapes whose pattern the SDK matches in full rather than searches: ids the SDK
#: documents as exactly their pattern (``uuid``: profile ids are 32 lowercase hex
#: characters; a 33-character or ``zz``-prefixed id is refused before sending).
_ANCHORED_SHAPES = frozenset({"uuid"})


def _encodable(value: str) -> bool:
    """Whether ``value`` can be sent as UTF-8 (no lone surrogate such as ``"\\ud800"``)."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def timestamp_problem(value: Any) -> str | None:
    """Why ``value`` cannot be sent as a timestamp, or ``None`` if it can.

    Accepted: a ``datetime`` (naive means UTC, as botocore assumes), finite epoch
    seconds within years 1 to 9999, or a string botocore parses (ISO 8601 or epoch
    seconds). The answer never contains the value (it may be personal data), and no
    exception is kept (a chained one would print the value in tracebacks).
    """
    if isinstance(value, datetime):
        return None
    if isinstance(value, bool) or not isinstance(value, (date, str, int, float)):
        return f"got {type(value).__name__}"
    if isinstance(value, date):
        return "got a date, which has no time of day (use a datetime)"
    if isinstance(value, float) and not math.isfinite(value):
        return "got a number that is not finite"
    try:
        if isinstance(value, str):
            from botocore.utils import parse_to_aware_datetime

            calendar.timegm(parse_to_aware_datetime(value).timetuple())
        else:
            datetime.fromtimestamp(value, tz=timezone.utc)
    except Exception:
        if isinstance(value, str):
            return "got a string that is not an ISO 8601 timestamp or epoch seconds"
        return "got epoch seconds outside years 1 to 9999"
    return None


@functools.cache
def _pattern(pattern: str) -> re.Pattern[str]:
    # Smithy patterns are ECMA-262 regexes, where ``$`` matches only at the very end
    # (Python's ``$`` also matches before a final newline: ``"a\n"`` would pass
    # ``^a$``), ``.`` matches no line terminator and ``\w``/``\d`` are ASCII-only.
    out, in_class, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            escape = pattern[i : i + 2]
            if escape in (r"\w", r"\d"):  # ECMA-262 classes are ASCII-only
                body = "A-Za-z0-9_" if escape == r"\w" else "0-9"
                escape = body if in_class else f"[{body}]"
            out.append(escape)
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        elif char == ".":
            char = "[^\n\r\u2028\u2029]"  # ECMA-262's ``.``: no line terminator
        out.append(char)
        i += 1
    return re.compile("".join(out))


def check_request(
    operation: str, params: Mapping[str, Any], *, skip: Collection[str] = ()
) -> list[Violation]:
    """Check request ``params`` (wire names) against every constraint of the model.

    botocore itself checks only required members, types and minimums. This checks
    those and everything botocore lets through: maximum lengths and sizes, value
    ranges, patterns (searched, not anchored, as Smithy patterns are; profile ids, the
    ``uuid`` shape, are matched in full), enum values, text that cannot be sent as UTF-8
    (a lone surrogate) and timestamps (see :func:`timestamp_problem`), in nested
    structures, lists and maps too.

    Args:
        operation: the API operation, e.g. ``"CreateDomain"``.
        params: the request as boto3 takes it (wire member names).
        skip: top-level members already checked (their values are not checked again;
            required members are still required).

    Returns:
        Every violation found, in document order; an empty list when the request is valid.
    """
    op = operation_model(operation)
    found: list[Violation] = []
    if not isinstance(op.input_shape, StructureShape):
        if params:
            found.append(Violation("", "no parameters", f"got {sorted(params)}"))
        return found
    # The compiled check answers "valid?" without building paths or messages; only a
    # request it does not pass is walked again by ``_check`` to say what is wrong.
    if _valid_top(op.input_shape, params, skip):
        return found
    if skip:
        _check_skipping(op.input_shape, params, skip, found)
    else:
        _check(op.input_shape, params, "", False, found)
    return found


Valid = Callable[[Any], bool]


def _valid_top(shape_: StructureShape, params: Mapping[str, Any], skip: Collection[str]) -> bool:
    """Whether ``params`` break no constraint (the members in ``skip`` are not looked at,
    as ``_check_skipping`` does): what ``_check`` would find nothing in, compiled."""
    if not skip:
        return _VALIDATORS.get(shape_)(params)
    members = _member_validators(shape_)
    for name in shape_.required_members:
        if params.get(name) is None:
            return False
    for name, child in params.items():
        if name in skip:
            continue
        valid = members.get(name)
        if valid is None or (child is not None and not valid(child)):
            return False
    return True


def _late_validator(get: Callable[[], Valid]) -> Valid:
    return lambda value: get()(value)


#: Member name -> its compiled check, by structure shape name.
_MEMBERS: dict[str, dict[str, Valid]] = {}


def _member_validators(shape_: StructureShape) -> dict[str, Valid]:
    members = _MEMBERS.get(shape_.name)
    if members is None:
        members = {name: _VALIDATORS.get(member) for name, member in shape_.members.items()}
        _MEMBERS[shape_.name] = members
    return members


def _sized(meta: Mapping[str, Any]) -> Callable[[int], bool]:
    low, high = meta.get("min"), meta.get("max")
    if low is None and high is None:
        return lambda size: True
    low = -math.inf if low is None else low
    high = math.inf if high is None else high
    return lambda size: low <= size <= high


def _compile_validator(shape_: Shape) -> Valid:
    """Whether a value of ``shape_`` passes every check of ``_check`` (exactly the same
    rules; it only does not say why)."""
    kind, meta = shape_.type_name, shape_.metadata
    if isinstance(shape_, StructureShape):
        required = tuple(shape_.required_members)
        members = _member_validators(shape_)

        def valid_structure(value: Any) -> bool:
            if not isinstance(value, Mapping):
                return False
            for name in required:
                if value.get(name) is None:
                    return False
            for name, child in value.items():
                valid = members.get(name)
                if valid is None or (child is not None and not valid(child)):
                    return False
            return True

        return valid_structure
    if isinstance(shape_, ListShape):
        item, size_ok = _VALIDATORS.get(shape_.member), _sized(meta)

        def valid_list(value: Any) -> bool:
            return (
                isinstance(value, (list, tuple))
                and size_ok(len(value))
                and all(item(x) for x in value)
            )

        return valid_list
    if isinstance(shape_, MapShape):
        key, item = _VALIDATORS.get(shape_.key), _VALIDATORS.get(shape_.value)
        size_ok = _sized(meta)

        def valid_map(value: Any) -> bool:
            return (
                isinstance(value, Mapping)
                and size_ok(len(value))
                and all(key(k) and item(x) for k, x in value.items())
            )

        return valid_map
    if isinstance(shape_, StringShape):
        return _string_validator(shape_)
    if kind in _NUMERIC:
        ok = (int,) if kind in ("integer", "long") else (int, float)
        low, high = meta.get("min", -math.inf), meta.get("max", math.inf)

        def valid_number(value: Any) -> bool:
            return (
                not isinstance(value, bool)
                and isinstance(value, ok)
                and value >= low
                and value <= high
            )

        return valid_number
    if kind == "boolean":
        return lambda value: isinstance(value, bool)
    if kind == "timestamp":
        return lambda value: isinstance(value, datetime) or timestamp_problem(value) is None
    return lambda value: True  # what ``_check`` does not look at (blobs, documents)


def _string_validator(shape_: StringShape) -> Valid:
    meta = shape_.metadata
    size_ok = _sized(meta)
    match: Callable[[str], Any] | None = None
    if "pattern" in meta:
        compiled = _pattern(meta["pattern"])
        match = compiled.fullmatch if shape_.name in _ANCHORED_SHAPES else compiled.search
    enum = frozenset(shape_.enum) if shape_.enum else None

    def valid_string(value: Any) -> bool:
        if not isinstance(value, str) or not _encodable(value) or not size_ok(len(value)):
            return False
        if match is not None and not match(value):
            return False
        return enum is None or value in enum

    return valid_string


_VALIDATORS: PerShape[Valid] = PerShape(_compile_validator, _late_validator)


def _check_skipping(
    shape_: StructureShape, params: Mapping[str, Any], skip: Collection[str], found: list[Violation]
) -> None:
    """The top level of ``_check`` for a request some members of which were checked."""
    secret = is_sensitive(shape_)
    for name in shape_.required_members:
        if params.get(name) is None:
            found.append(Violation(name, "required", "missing"))
    for name, child in params.items():
        if name in skip:
            continue
        if name not in shape_.members:
            found.append(Violation(name, "known member", "unknown parameter"))
        elif child is not None:
            _check(shape_.members[name], child, name, secret, found)


def _check(shape_: Shape, value: Any, path: str, secret: bool, found: list[Violation]) -> None:
    secret = secret or is_sensitive(shape_)
    kind = shape_.type_name
    meta = shape_.metadata
    where = path or "(request)"
    if isinstance(shape_, StructureShape):
        if not isinstance(value, Mapping):
            found.append(Violation(where, "a structure", f"got {type(value).__name__}"))
            return
        members = shape_.members
        for name in shape_.required_members:
            if value.get(name) is None:
                found.append(Violation(_join(path, name), "required", "missing"))
        for name, child in value.items():
            if name not in members:
                found.append(Violation(_join(path, name), "known member", "unknown parameter"))
            elif child is not None:
                _check(members[name], child, _join(path, name), secret, found)
        return
    if isinstance(shape_, ListShape):
        if not isinstance(value, (list, tuple)):
            found.append(Violation(where, "a list", f"got {type(value).__name__}"))
            return
        _check_size(meta, len(value), where, "items", found)
        for i, item in enumerate(value):
            _check(shape_.member, item, f"{path}[{i}]", secret, found)
        return
    if isinstance(shape_, MapShape):
        if not isinstance(value, Mapping):
            found.append(Violation(where, "a map", f"got {type(value).__name__}"))
            return
        _check_size(meta, len(value), where, "entries", found)
        for key, item in value.items():
            _check(shape_.key, key, f"{path}.<key>", secret, found)
            _check(
                shape_.value,
                item,
                f"{path}[{key!r}]" if not secret else f"{path}[…]",
                secret,
                found,
            )
        return
    if isinstance(shape_, StringShape):
        if not isinstance(value, str):
            found.append(Violation(where, "a string", f"got {type(value).__name__}"))
            return
        if not _encodable(value):
            found.append(Violation(where, "valid Unicode text", "got a lone surrogate"))
            return
        _check_size(meta, len(value), where, "characters", found)
        if "pattern" in meta and not (
            _pattern(meta["pattern"]).fullmatch(value)
            if shape_.name in _ANCHORED_SHAPES
            else _pattern(meta["pattern"]).search(value)
        ):
            shown = "value hidden: personal data" if secret else f"got {value!r}"
            whole = " (the whole value)" if shape_.name in _ANCHORED_SHAPES else ""
            found.append(Violation(where, f"pattern {meta['pattern']}{whole}", shown))
        if shape_.enum and value not in shape_.enum:
            # The value given is named even for a personal-data member when it looks like
            # an enum token (a misspelt ``"MAIL"``), never when it could be data itself.
            shown = (
                "value hidden: personal data"
                if secret and not _TOKEN.fullmatch(value)
                else f"got {value!r}"
            )
            found.append(Violation(where, "one of " + ", ".join(shape_.enum), shown))
        return
    if kind in _NUMERIC:
        ok = (int,) if kind in ("integer", "long") else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok):
            found.append(Violation(where, f"a number ({kind})", f"got {type(value).__name__}"))
            return
        # ``not >=`` rather than ``<`` so that NaN (outside every range) is caught.
        if "min" in meta and not value >= meta["min"]:
            found.append(Violation(where, f"minimum {meta['min']}", _shown_number(value)))
        if "max" in meta and not value <= meta["max"]:
            found.append(Violation(where, f"maximum {meta['max']}", _shown_number(value)))
        return
    if kind == "boolean":
        if not isinstance(value, bool):
            found.append(Violation(where, "a boolean", f"got {type(value).__name__}"))
        return
    if kind == "timestamp":
        problem = timestamp_problem(value)
        if problem is not None:
            constraint = "a timestamp (datetime, ISO 8601 string or epoch seconds)"
            found.append(Violation(where, constraint, problem))


def _shown_number(value: float) -> str:
    """``got <value>``; an integer too long to print (``str()`` refuses more than 4300
    digits) is described by its size."""
    if isinstance(value, int) and value.bit_length() > 128:
        return f"got an integer of {value.bit_length()} bits"
    return f"got {value}"


def _check_size(
    meta: Mapping[str, Any], size: int, where: str, unit: str, out: list[Violation]
) -> None:
    if "min" in meta and size < meta["min"]:
        out.append(Violation(where, f"min length {meta['min']}", f"got {size} {unit}"))
    if "max" in meta and size > meta["max"]:
        out.append(Violation(where, f"max length {meta['max']}", f"got {size} {unit}"))


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
