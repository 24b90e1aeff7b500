"""Calculated attributes: definitions and their evaluation for profiles (spec 10).

The evaluation rules (spec 10.2) are mostly emulator assumptions [A]: the service only
documents one-line meanings of the statistics.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ._errors import bad_request, not_found
from ._registry import DAY, Context, operation
from ._state import CalculatedAttributeRec, DomainRec, ObjectRec, ProfileRec
from ._support import unsupported
from ._templates import TEMPLATES, is_store_only, templates_of

#: Definitions per domain (D11, not adjustable).
MAX_DEFINITIONS = 50
#: Attributes one definition may use (S, D13).
MAX_ATTRIBUTES = 2
TIMESTAMP_FORMATS = ("EPOCHMILLI", "ISO_8601")

# --------------------------------------------------------------------------- expressions
# A tiny recursive-descent evaluator for "{Type.attr}", numbers, + - * / and parentheses.
# Never eval(). [A] spec 10.2 step 5.

_TOKEN = re.compile(r"\s*(?:(\{[^{}]*\})|(\d+(?:\.\d+)?|\.\d+)|([-+*/()]))")


@dataclass(frozen=True)
class Expression:
    """A parsed AttributeDetails.Expression."""

    tree: Any
    object_type: str
    #: Attribute paths (after the object type name) the expression reads, in order.
    attributes: tuple[str, ...]

    @property
    def single(self) -> str | None:
        """The attribute path when the whole expression is one reference."""
        return str(self.tree[1]) if self.tree[0] == "ref" else None


def parse_expression(text: str) -> Expression:
    """Parse an expression; ``BadRequest`` when malformed or when it mixes object types."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    stripped = text.rstrip()
    while pos < len(stripped):
        match = _TOKEN.match(stripped, pos)
        if not match:
            raise bad_request("Expression is malformed")
        ref, number, op = match.groups()
        if ref is not None:
            tokens.append(("ref", ref[1:-1].strip()))
        elif number is not None:
            tokens.append(("num", number))
        else:
            tokens.append(("op", op))
        pos = match.end()
    parser = _Parser(tokens)
    tree = parser.expr()
    if parser.pos != len(tokens):
        raise bad_request("Expression is malformed")
    refs = parser.refs
    if not refs:
        raise bad_request("Expression must reference at least one {ObjectTypeName.AttributeName}")
    types = set()
    attributes = []
    for ref in refs:
        type_name, dot, attr = ref.partition(".")
        if not dot or not type_name or not attr:
            raise bad_request("Expression elements must look like {ObjectTypeName.AttributeName}")
        types.add(type_name)
        attributes.append(attr)
    if len(types) > 1:
        raise bad_request("Expression attributes must come from one object type")
    return Expression(_strip_types(tree), types.pop(), tuple(dict.fromkeys(attributes)))


def _strip_types(node: Any) -> Any:
    if node[0] == "ref":
        return ("ref", node[1].partition(".")[2])
    if node[0] == "neg":
        return ("neg", _strip_types(node[1]))
    if node[0] == "bin":
        return ("bin", node[1], _strip_types(node[2]), _strip_types(node[3]))
    return node


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.refs: list[str] = []

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def expr(self) -> Any:
        node = self.term()
        while (tok := self._peek()) is not None and tok in (("op", "+"), ("op", "-")):
            self.pos += 1
            node = ("bin", tok[1], node, self.term())
        return node

    def term(self) -> Any:
        node = self.factor()
        while (tok := self._peek()) is not None and tok in (("op", "*"), ("op", "/")):
            self.pos += 1
            node = ("bin", tok[1], node, self.factor())
        return node

    def factor(self) -> Any:
        tok = self._peek()
        if tok is None:
            raise bad_request("Expression is malformed")
        self.pos += 1
        kind, text = tok
        if kind == "num":
            return ("num", float(text))
        if kind == "ref":
            self.refs.append(text)
            return ("ref", text)
        if text == "-":
            return ("neg", self.factor())
        if text == "+":
            return self.factor()
        if text == "(":
            node = self.expr()
            if self._peek() != ("op", ")"):
                raise bad_request("Expression has unbalanced parentheses")
            self.pos += 1
            return node
        raise bad_request("Expression is malformed")


_OPS: dict[str, Callable[[float, float], float]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}


def evaluate_numeric(node: Any, values: dict[str, str]) -> float | None:
    """Numeric value of a parsed expression; None when a value is missing/non-numeric
    or on division by zero (the object is then skipped, [A])."""
    kind = node[0]
    if kind == "num":
        return float(node[1])
    if kind == "ref":
        return _number(values.get(node[1], ""))
    if kind == "neg":
        inner = evaluate_numeric(node[1], values)
        return None if inner is None else -inner
    left = evaluate_numeric(node[2], values)
    right = evaluate_numeric(node[3], values)
    if left is None or right is None or (node[1] == "/" and right == 0):
        return None
    result = _OPS[node[1]](left, right)
    # [A] a result a double cannot hold (1e308 * 10) skips the object like a division
    # by zero (issue 15 item 10).
    return result if math.isfinite(result) else None


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and value not in (float("inf"), float("-inf")) else None


# --------------------------------------------------------------------------- helpers


def _path_value(doc: Any, path: str) -> Any:
    node = doc
    for part in path.split("."):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def _render_number(value: float) -> str:
    """Integers without ``.0``; others with up to 12 significant digits. [A]"""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".12g")


#: Instants a timestamp can name: 0001-01-01 to 9999-12-31 (what a datetime, and so
#: botocore's parser of LastObjectTimestamp, can hold).
_EARLIEST = -62135596800.0
_LATEST = 253402300799.0


def parse_time(value: Any, fmt: str | None = None) -> float | None:
    """Epoch seconds from an EPOCHMILLI or ISO_8601 value; None when unparseable.

    [A] EPOCHMILLI accepts seconds or milliseconds: numbers above 1e11 are milliseconds.
    Without a format both forms are tried. An instant outside the years 1-9999 is
    unparseable (issue 15 item 10: it must never reach a response).
    """
    if value is None or isinstance(value, bool):
        return None
    if fmt in (None, "EPOCHMILLI"):
        number = _number(value) if isinstance(value, str) else value
        if isinstance(number, (int, float)):
            try:
                seconds = float(number) / 1000.0 if abs(number) > 1e11 else float(number)
            except OverflowError:
                return None
            return seconds if _EARLIEST <= seconds <= _LATEST else None
        if fmt == "EPOCHMILLI":
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    match = re.search(r"([+-])(\d{2})(\d{2})$", text)
    if match and "T" in text:
        text = text[: match.start()] + f"{match.group(1)}{match.group(2)}:{match.group(3)}"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)  # [A] naive times are UTC
    return parsed.timestamp()


def type_definition(
    domain: DomainRec, type_name: str, templates: Mapping[str, dict[str, Any]] = TEMPLATES
) -> dict[str, Any] | None:
    """The definition of an object type of ``domain``, or of the implicit type of the
    template of that name (with its ``TemplateId``); None when neither exists."""
    rec = domain.object_types.get(type_name)
    if rec is not None:
        return rec.definition
    template = templates.get(type_name)
    if template is None:
        return None
    return {"TemplateId": type_name, "Fields": template.get("Fields") or {}}


def object_values(domain: DomainRec, obj: ObjectRec) -> dict[str, str]:
    """The field values of an object: its ``Source`` expressions applied (D402).

    They are extracted at ingestion (so replacing the object type later does not
    re-process stored objects, spec 6.3); an object stored without them is extracted
    now with its type's current definition.
    """
    if obj.fields is not None:
        return obj.fields
    from ._ingest import extract_fields

    rec = domain.object_types.get(obj.object_type)
    if rec is None:
        return {}
    return extract_fields(rec.definition, json.loads(obj.body))


def _strip_braces(name: str, object_type: str) -> str:
    """Filter/timestamp attribute names: ``{Type.path}`` or ``path``. [A]"""
    name = name.strip()
    if name.startswith("{") and name.endswith("}"):
        type_name, _, path = name[1:-1].partition(".")
        if type_name != object_type or not path:
            raise bad_request(f"{name} must reference the object type {object_type}")
        return path
    return name


# --------------------------------------------------------------------------- validation


def _validate_conditions(
    conditions: dict[str, Any] | None, object_type: str, statistic: str
) -> None:
    if not conditions:
        return
    if conditions.get("Threshold") and statistic in LIST_STATISTICS:
        # ingestion-streams-triggers.md 8.1 rule 1 [A]: a list of values has no threshold.
        raise bad_request(f"A Threshold cannot be used with the statistic {statistic}")
    range_ = conditions.get("Range")
    if range_ is not None:
        if "Value" not in range_ and "ValueRange" not in range_:
            raise bad_request("Conditions.Range needs Value or ValueRange")  # [A]
        fmt = range_.get("TimestampFormat")
        if fmt is not None and fmt not in TIMESTAMP_FORMATS:
            raise bad_request("Conditions.Range.TimestampFormat must be EPOCHMILLI or ISO_8601")
        source = range_.get("TimestampSource")
        if source is not None:
            if not (source.startswith("{") and source.endswith("}")):
                raise bad_request("Conditions.Range.TimestampSource must look like {Type.path}")
            _strip_braces(source, object_type)


def _validate_filter(filter_: dict[str, Any] | None, object_type: str) -> None:
    if not filter_:
        return
    for group in filter_.get("Groups") or []:
        for dimension in group.get("Dimensions") or []:
            for name, spec in (dimension.get("Attributes") or {}).items():
                _strip_braces(name, object_type)
                values = spec.get("Values") or []
                if not values:
                    raise bad_request(f"Filter dimension {name} needs Values")
                if spec.get("DimensionType") in ("BETWEEN", "NOT_BETWEEN") and len(values) != 2:
                    raise bad_request(f"Filter dimension {name}: BETWEEN needs two values")


def _definition_or_404(domain: DomainRec, name: str) -> CalculatedAttributeRec:
    rec = domain.calculated_attributes.get(name)
    if rec is None:  # [A] the error type
        raise not_found(f"Calculated attribute definition {name} does not exist")
    return rec


# --------------------------------------------------------------------------- evaluation


@dataclass
class _Candidate:
    obj: ObjectRec
    values: dict[str, str]
    event_time: float


#: The DimensionTypes :func:`_matches_dimension` has a rule for; exactly
#: ``_support.IMPLEMENTED["FilterDimensionType"]``.
DIMENSION_TYPES = frozenset(
    {
        "INCLUSIVE",
        "EXCLUSIVE",
        "CONTAINS",
        "BEGINS_WITH",
        "ENDS_WITH",
        "BEFORE",
        "AFTER",
        "ON",
        "BETWEEN",
        "NOT_BETWEEN",
        "EQUAL",
        "GREATER_THAN",
        "LESS_THAN",
        "GREATER_THAN_OR_EQUAL",
        "LESS_THAN_OR_EQUAL",
    }
)


def _matches_dimension(text: str, dimension: dict[str, Any]) -> bool:
    kind = str(dimension.get("DimensionType"))
    if kind not in DIMENSION_TYPES:
        raise unsupported("Filter DimensionType", kind)
    wanted: list[str] = dimension.get("Values") or []
    value = text
    if kind == "INCLUSIVE":
        return text in wanted
    if kind == "EXCLUSIVE":
        return text not in wanted
    if kind == "CONTAINS":
        return any(w in text for w in wanted)
    if kind == "BEGINS_WITH":
        return any(text.startswith(w) for w in wanted)
    if kind == "ENDS_WITH":
        return any(text.endswith(w) for w in wanted)
    if kind in ("BEFORE", "AFTER", "ON"):
        moment = parse_time(value)
        bound = parse_time(wanted[0])
        if moment is None or bound is None:
            return False
        if kind == "BEFORE":
            return moment < bound
        if kind == "AFTER":
            return moment > bound
        day = datetime.fromtimestamp(moment, timezone.utc).date()
        return day == datetime.fromtimestamp(bound, timezone.utc).date()
    number = _number(text)
    if kind in ("BETWEEN", "NOT_BETWEEN"):
        low, high = (_number(w) for w in wanted[:2])
        if number is None or low is None or high is None:
            # [A] dates are compared as instants
            moment, low_t, high_t = parse_time(value), parse_time(wanted[0]), parse_time(wanted[1])
            if moment is None or low_t is None or high_t is None:
                return kind == "NOT_BETWEEN"
            inside = low_t <= moment <= high_t
        else:
            inside = low <= number <= high
        return inside if kind == "BETWEEN" else not inside
    bound_n = _number(wanted[0])
    if kind == "EQUAL":
        return (
            number == bound_n if number is not None and bound_n is not None else text == wanted[0]
        )
    compare: dict[str, Callable[[float, float], bool]] = {
        "GREATER_THAN": lambda a, b: a > b,
        "LESS_THAN": lambda a, b: a < b,
        "GREATER_THAN_OR_EQUAL": lambda a, b: a >= b,
        "LESS_THAN_OR_EQUAL": lambda a, b: a <= b,
    }
    if number is None or bound_n is None:
        return False
    return bool(compare[kind](number, bound_n))


def _combine(kind: str, results: list[bool]) -> bool:
    if kind == "ALL":
        return all(results)
    if kind == "ANY":
        return any(results)
    if kind == "NONE":
        return not any(results)
    raise unsupported("Filter Include/Type", kind)


def _passes_filter(
    filter_: dict[str, Any] | None, values: dict[str, str], object_type: str
) -> bool:
    """[A] standard boolean semantics: a dimension holds when all its attributes match;
    a group combines its dimensions by Type; Include combines the groups. Dimension
    names are fields of the object type (D402)."""
    if not filter_:
        return True
    group_results = []
    for group in filter_.get("Groups") or []:
        dims = [
            all(
                _matches_dimension(values.get(_strip_braces(name, object_type), ""), spec)
                for name, spec in (dimension.get("Attributes") or {}).items()
            )
            for dimension in group.get("Dimensions") or []
        ]
        group_results.append(_combine(group.get("Type", "ALL"), dims))
    return _combine(filter_.get("Include", "ALL"), group_results)


def _reach(range_: dict[str, Any] | None) -> int | None:
    """How many days into the past a range reaches (its far end), or None without one."""
    if not range_:
        return None
    if "Start" in range_:  # ConditionOverrides.Range
        return max(int(range_["Start"]), int(range_.get("End", 0)))
    if range_.get("ValueRange"):
        return max(int(range_["ValueRange"]["Start"]), int(range_["ValueRange"]["End"]))
    if range_.get("Value") is not None:
        return int(range_["Value"])
    return None


def _is_data_partial(
    rec: CalculatedAttributeRec,
    range_: dict[str, Any] | None,
    qualifying: int,
    now: float,
) -> bool:
    """IsDataPartial (D404): the range or object count is not yet covered.

    D404: "either the time range (30 days) or object count have not been achieved ...
    only after 30 days have elapsed will the IsDataPartial field be set to false".
    [A] Data is missing before the definition's creation (without UseHistoricalData)
    and before the bound of every range widening (D405); with no such gap, or with
    neither a range nor an object count, the data is complete. With both, covering
    either one suffices: the whole range, or the ObjectCount most recent objects
    (counted after Filter and Range), are then known.
    """
    gaps = [] if rec.definition.get("UseHistoricalData") else [rec.created_at]
    gaps += [bound for _, bound in rec.history_floors]
    if not gaps:
        return False
    covered_from = max(gaps)
    checks: list[bool] = []
    reach = _reach(range_)
    if reach is not None:
        checks.append(now - reach * DAY >= covered_from)
    count = (rec.definition.get("Conditions") or {}).get("ObjectCount")
    if count:
        checks.append(qualifying >= count)
    return bool(checks) and not any(checks)


def _window(range_: dict[str, Any] | None, now: float) -> tuple[float, float] | None:
    """[lo, hi] in epoch seconds. Positive day numbers are in the past (B)."""
    if not range_:
        return None
    if "Start" in range_:  # ConditionOverrides.Range [A: same sign convention]
        start, end = range_["Start"], range_.get("End", 0)
    elif range_.get("ValueRange"):
        start, end = range_["ValueRange"]["Start"], range_["ValueRange"]["End"]
    elif range_.get("Value") is not None:
        start, end = range_["Value"], 0
    else:
        return None
    unit = range_.get("Unit", "DAYS")
    if unit != "DAYS":
        raise unsupported("Range.Unit", str(unit))
    a, b = now - start * DAY, now - end * DAY
    return (min(a, b), max(a, b))


def evaluate(
    ctx: Context,
    domain: DomainRec,
    rec: CalculatedAttributeRec,
    profile: ProfileRec,
    range_override: dict[str, Any] | None = None,
    *,
    objects: Iterable[ObjectRec] | None = None,
) -> dict[str, Any]:
    """The value of a calculated attribute for one profile (spec 10.2).

    ``objects`` may narrow the objects looked at (a caller holding an index of the
    profile's objects, e.g. segment evaluation); by default every object of the domain.
    """
    definition = rec.definition
    expression = parse_expression(definition["AttributeDetails"]["Expression"])
    object_type = expression.object_type
    conditions = definition.get("Conditions") or {}
    range_ = range_override or conditions.get("Range")
    ts_source = (conditions.get("Range") or {}).get("TimestampSource")
    ts_format = (conditions.get("Range") or {}).get("TimestampFormat")
    ts_path = _strip_braces(ts_source, object_type) if ts_source else None

    candidates: list[_Candidate] = []
    for obj in domain.objects.values() if objects is None else objects:
        if obj.profile_id != profile.profile_id or obj.object_type != object_type:
            continue
        if not definition.get("UseHistoricalData") and obj.ingested_at < rec.created_at:
            continue
        values = object_values(domain, obj)
        if not _passes_filter(definition.get("Filter"), values, object_type):
            continue
        event_time = obj.ingested_at
        if ts_path is not None:
            # TimestampSource is a raw JSON path into the object (the model's own doc).
            parsed = parse_time(_path_value(json.loads(obj.body), ts_path), ts_format)
            if parsed is not None:
                event_time = parsed  # [A] unparseable -> ingestion time
        if any(obj.ingested_at < at and event_time < bound for at, bound in rec.history_floors):
            continue  # D405: older than the range was when the range was widened
        candidates.append(_Candidate(obj, values, event_time))

    now = ctx.now()
    window = _window(range_, now)
    if window is not None:
        candidates = [c for c in candidates if window[0] <= c.event_time <= window[1]]
    is_partial = _is_data_partial(rec, range_, len(candidates), now)
    # [A] "first"/"last" follow the event time (TimestampSource, else ingestion time),
    # ties in ingestion order.
    candidates.sort(key=lambda c: (c.event_time, c.obj.seq))
    count_limit = conditions.get("ObjectCount")
    if count_limit:
        candidates = candidates[-count_limit:]

    statistic = definition["Statistic"]
    numeric_needed = statistic in NUMERIC_STATISTICS
    rendered: list[tuple[_Candidate, str, float | None]] = []
    for cand in candidates:
        # D402/D403: attribute names are fields of the object type ({CTR.channel} reads
        # the field "channel", whose Source is _source.Channel), never raw JSON paths.
        values = {a: cand.values.get(a, "") for a in expression.attributes}
        number = evaluate_numeric(expression.tree, values)
        if expression.single is not None:
            text = values[expression.single]
        else:
            text = _render_number(number) if number is not None else ""
        if not text or (numeric_needed and number is None):
            continue  # [A] objects without a usable value are skipped
        rendered.append((cand, text, number))

    value = _aggregate(statistic, rendered, conditions)
    out: dict[str, Any] = {
        "CalculatedAttributeName": rec.name,
        "IsDataPartial": "true" if is_partial else "false",
    }
    if definition.get("DisplayName"):
        out["DisplayName"] = definition["DisplayName"]
    threshold = conditions.get("Threshold")
    if value is not None and threshold:  # [A] the answer is "true"/"false"
        value = "true" if _compare(value, threshold) else "false"
    if value is not None:
        out["Value"] = value[:255]
    if rendered:
        out["LastObjectTimestamp"] = rendered[-1][0].event_time
    return out


#: One qualifying object: its candidate record, the expression's text and number.
Rendered = tuple[_Candidate, str, float | None]

#: [A] RECENT_OCCURRENCES keeps this many distinct values when ObjectCount is absent.
RECENT_DEFAULT_COUNT = 10
#: A calculated attribute's Value is a string of at most 255 characters (B).
MAX_VALUE_CHARS = 255


def _first(rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    return rendered[0][1]


def _last(rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    return rendered[-1][1]


def _count(rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    return str(len(rendered))  # [A] no objects -> "0"


def _numbers(rendered: list[Rendered]) -> list[float]:
    return [n for _, _, n in rendered if n is not None]


def _finite(value: float) -> str | None:
    """[A] An aggregate a double cannot hold (a sum of two 1e308) has no Value."""
    return _render_number(value) if math.isfinite(value) else None


def _sum(rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    return _finite(sum(_numbers(rendered)))


def _minimum(rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    return _render_number(min(_numbers(rendered)))


def _maximum(rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    return _render_number(max(_numbers(rendered)))


def _average(rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    numbers = _numbers(rendered)
    # Divided first, so that the mean of large numbers does not overflow on the way.
    return _finite(sum(n / len(numbers) for n in numbers))


def _max_occurrence(rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    texts = [t for _, t, _ in rendered]
    counts = Counter(texts)
    best = max(counts.values())
    # [A] ties -> the most recent value
    return next(t for t in reversed(texts) if counts[t] == best)


def _recent_occurrences(rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    """[A] (A114) the distinct recent values as compact JSON array text.

    AWS publishes no semantics for RECENT_OCCURRENCES; the segment builder treats it as
    list-valued. Most recent first (event time, then ingestion order), at most
    ObjectCount entries (default 10), the oldest dropped until the text fits 255
    characters; nothing fits -> no Value.
    """
    limit = conditions.get("ObjectCount") or RECENT_DEFAULT_COUNT
    entries: list[str] = []
    for _, text, _ in reversed(rendered):
        if text not in entries:
            entries.append(text)
        if len(entries) == limit:
            break
    while entries:
        encoded = json.dumps(entries, separators=(",", ":"), ensure_ascii=False)
        if len(encoded) <= MAX_VALUE_CHARS:
            return encoded
        entries.pop()
    return None


#: Statistic -> its aggregation over the qualifying objects (D13; spec 10.2 step 6).
#: The keys are exactly ``_support.IMPLEMENTED["Statistic"]``.
AGGREGATORS: dict[str, Callable[[list[Rendered], dict[str, Any]], str | None]] = {
    "FIRST_OCCURRENCE": _first,
    "LAST_OCCURRENCE": _last,
    "COUNT": _count,
    "SUM": _sum,
    "MINIMUM": _minimum,
    "MAXIMUM": _maximum,
    "AVERAGE": _average,
    "MAX_OCCURRENCE": _max_occurrence,
    "RECENT_OCCURRENCES": _recent_occurrences,
}
#: Statistics that aggregate numbers: objects without a numeric value are skipped.
NUMERIC_STATISTICS = frozenset({"SUM", "MINIMUM", "MAXIMUM", "AVERAGE"})
#: Statistics whose value is a list: a Threshold cannot apply to them. [A]
LIST_STATISTICS = frozenset({"RECENT_OCCURRENCES"})


def _aggregate(statistic: str, rendered: list[Rendered], conditions: dict[str, Any]) -> str | None:
    aggregate = AGGREGATORS.get(statistic)
    if aggregate is None:
        # Refused at creation (see _support); never guess another statistic's value.
        raise unsupported("Statistic", statistic)
    if not rendered and statistic != "COUNT":
        return None  # [A] other statistics: no Value
    return aggregate(rendered, conditions)


#: Threshold.Operator -> the comparison (spec 10.2 step 7). Keys are exactly
#: ``_support.IMPLEMENTED["Operator"]``.
THRESHOLD_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "EQUAL_TO": lambda a, b: bool(a == b),
    "NOT_EQUAL_TO": lambda a, b: bool(a != b),
    "GREATER_THAN": lambda a, b: bool(a > b),
    "LESS_THAN": lambda a, b: bool(a < b),
}


def _compare(value: str, threshold: dict[str, Any]) -> bool:
    """[A] numeric comparison when both sides are numbers, else string comparison."""
    left, right = _number(value), _number(threshold["Value"])
    compare = THRESHOLD_OPERATORS.get(threshold["Operator"])
    if compare is None:
        raise unsupported("Threshold.Operator", threshold["Operator"])
    if left is not None and right is not None:
        return compare(left, right)
    return compare(value, threshold["Value"])


# --------------------------------------------------------------------------- rendering


def _definition_to_wire(rec: CalculatedAttributeRec, *, with_filter: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"CalculatedAttributeName": rec.name}
    members = ["DisplayName", "Description", "AttributeDetails", "Conditions", "Statistic"]
    if with_filter:
        members.append("Filter")
    for member in members:
        value = rec.definition.get(member)
        if value is not None:
            out[member] = value
    out["UseHistoricalData"] = bool(rec.definition.get("UseHistoricalData"))
    out["CreatedAt"] = rec.created_at
    out["LastUpdatedAt"] = rec.updated_at
    out["Status"] = "COMPLETED"  # [A] ready immediately
    out["Readiness"] = {"ProgressPercentage": 100}
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


# --------------------------------------------------------------------------- handlers


@operation("CreateCalculatedAttributeDefinition")
def create_calculated_attribute_definition(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Create a definition (spec 10.1)."""
    domain = ctx.domain(req["DomainName"])
    name: str = req["CalculatedAttributeName"]
    if name in domain.calculated_attributes:
        raise bad_request(f"Calculated attribute definition {name} already exists")
    if len(domain.calculated_attributes) >= MAX_DEFINITIONS:
        raise bad_request(f"A domain can have at most {MAX_DEFINITIONS} calculated attributes")
    details = req["AttributeDetails"]
    attribute_names = [a["Name"] for a in details["Attributes"]]
    if len(attribute_names) > MAX_ATTRIBUTES:
        raise bad_request(f"A calculated attribute can use at most {MAX_ATTRIBUTES} attributes")
    expression = parse_expression(details["Expression"])
    for attribute in expression.attributes:
        if attribute not in attribute_names:
            raise bad_request(f"Expression references {attribute}, which is not in Attributes")
    templates = templates_of(ctx.settings)
    # [A] template ids count as (implicit) object types of the domain.
    type_def = type_definition(domain, expression.object_type, templates)
    if type_def is None:
        raise bad_request(f"Object type {expression.object_type} does not exist in the domain")
    if is_store_only(type_def, templates):
        # B (StoreOnly): objects of a store-only template's type are stored, but the type
        # cannot be used by calculated attributes (ingestion-streams-triggers.md 8.2).
        raise bad_request(
            f"Object type {expression.object_type} is store-only and cannot be used by "
            "calculated attributes"
        )
    _validate_conditions(req.get("Conditions"), expression.object_type, req["Statistic"])
    # D402: the attributes name fields of the object type; [A] a name that is no field
    # is accepted (the spec lists no such check) and never has a value.
    _validate_filter(req.get("Filter"), expression.object_type)
    definition: dict[str, Any] = {
        m: req[m]
        for m in (
            "DisplayName",
            "Description",
            "AttributeDetails",
            "Conditions",
            "Statistic",
            "Filter",
        )
        if m in req
    }
    # [A] absent UseHistoricalData: only objects ingested after creation count (S).
    definition["UseHistoricalData"] = bool(req.get("UseHistoricalData", False))
    now = ctx.now()
    rec = CalculatedAttributeRec(
        name=name,
        definition=definition,
        tags=dict(req.get("Tags") or {}),
        created_at=now,
        updated_at=now,
    )
    domain.calculated_attributes[name] = rec
    return _definition_to_wire(rec, with_filter=True)


@operation("GetCalculatedAttributeDefinition")
def get_calculated_attribute_definition(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Return one definition (spec 10.3)."""
    domain = ctx.domain(req["DomainName"])
    rec = _definition_or_404(domain, req["CalculatedAttributeName"])
    return _definition_to_wire(rec, with_filter=True)


@operation("ListCalculatedAttributeDefinitions")
def list_calculated_attribute_definitions(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """List the domain's definitions in creation order (spec 10.3)."""
    domain = ctx.domain(req["DomainName"])
    items = []
    for rec in domain.calculated_attributes.values():
        full = _definition_to_wire(rec, with_filter=False)
        items.append(
            {
                k: full[k]
                for k in (
                    "CalculatedAttributeName",
                    "DisplayName",
                    "Description",
                    "CreatedAt",
                    "LastUpdatedAt",
                    "UseHistoricalData",
                    "Status",
                    "Tags",
                )
                if k in full
            }
        )
    return {"Items": items}


@operation("UpdateCalculatedAttributeDefinition")
def update_calculated_attribute_definition(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Change DisplayName, Description and/or Conditions (spec 10.4).

    [A] present members replace, absent ones are kept. New Conditions do not pull in
    history older than the old range's start at the time of the update (D405:
    "increasing the date range ... will not trigger inclusion of historical data
    greater than the current date range"), recorded in ``history_floors``.
    """
    domain = ctx.domain(req["DomainName"])
    rec = _definition_or_404(domain, req["CalculatedAttributeName"])
    if "Conditions" in req:
        expression = parse_expression(rec.definition["AttributeDetails"]["Expression"])
        _validate_conditions(req["Conditions"], expression.object_type, rec.definition["Statistic"])
        reach = _reach((rec.definition.get("Conditions") or {}).get("Range"))
        if reach is not None:
            now = ctx.now()
            rec.history_floors.append([now, now - reach * DAY])
    for member in ("DisplayName", "Description", "Conditions"):
        if member in req:
            rec.definition[member] = req[member]
    rec.updated_at = ctx.now()
    return _definition_to_wire(rec, with_filter=False)


@operation("DeleteCalculatedAttributeDefinition")
def delete_calculated_attribute_definition(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Delete a definition (spec 10.5). [A] the emulator provisions no default ones."""
    domain = ctx.domain(req["DomainName"])
    _definition_or_404(domain, req["CalculatedAttributeName"])
    del domain.calculated_attributes[req["CalculatedAttributeName"]]
    return {}


@operation("GetCalculatedAttributeForProfile")
def get_calculated_attribute_for_profile(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Evaluate one definition for one profile (spec 10.6)."""
    domain = ctx.domain(req["DomainName"])
    profile = ctx.profile(domain, req["ProfileId"])
    rec = _definition_or_404(domain, req["CalculatedAttributeName"])
    return evaluate(ctx, domain, rec, profile)


@operation("ListCalculatedAttributesForProfile")
def list_calculated_attributes_for_profile(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Evaluate every definition for one profile; those with a Value (spec 10.7) [A]."""
    domain = ctx.domain(req["DomainName"])
    profile = ctx.profile(domain, req["ProfileId"])
    items = [evaluate(ctx, domain, rec, profile) for rec in domain.calculated_attributes.values()]
    return {"Items": [item for item in items if "Value" in item]}


@operation("BatchGetCalculatedAttributeForProfile")
def batch_get_calculated_attribute_for_profile(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Evaluate one definition for up to 100 profiles (spec 10.8).

    [A] an unknown profile id is reported in ``Errors``, not as a failed call.
    """
    domain = ctx.domain(req["DomainName"])
    rec = _definition_or_404(domain, req["CalculatedAttributeName"])
    overrides = req.get("ConditionOverrides")
    range_override = (overrides or {}).get("Range")
    values: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for profile_id in dict.fromkeys(req["ProfileIds"]):  # [A] duplicates answered once
        profile = domain.profiles.get(profile_id)
        if profile is None:
            errors.append(
                {
                    "Code": "ResourceNotFoundException",
                    "Message": "Profile does not exist",
                    "ProfileId": profile_id,
                }
            )
            continue
        item = evaluate(ctx, domain, rec, profile, range_override)
        item["ProfileId"] = profile_id
        values.append(item)
    out: dict[str, Any] = {"CalculatedAttributeValues": values, "Errors": errors}
    if overrides is not None:
        out["ConditionOverrides"] = overrides
    return out
