"""Notebook views of models and pages: plain dicts, flat rows, HTML tables, DataFrames.

What each view shows of personal data (see DESIGN.md, "Personal data"):

* ``repr()`` and IPython's pretty printer (:func:`pretty`, plain text that ends up in
  terminals, logs and tracebacks) mask the fields a model marks as sensitive;
* :func:`to_dict`, :func:`flatten`, :func:`to_html` and :func:`to_pandas` show the
  values: the user asked to look at the data.

The functions here work on any SDK model (an attrs class with ``__wire_shape__``);
the :func:`customer_profiles_sdk.models._base.model` decorator attaches them to every
model as ``to_dict()``, ``_repr_html_()`` and ``_repr_pretty_()``, and
:class:`customer_profiles_sdk.paging.Paged` uses them for its own views.

pandas is optional: ``pip install 'customer-profiles-sdk[pandas]'``.
"""

from __future__ import annotations

import enum
import functools
import html
import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

import attrs

from . import _convert
from ._convert import EXTRA_FIELD, is_model

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["flatten", "pretty", "to_dict", "to_html", "to_pandas"]

#: Message of the ``ImportError`` raised when pandas is not installed.
PANDAS_MISSING = (
    "to_pandas() needs pandas, which is an optional dependency: "
    "pip install 'customer-profiles-sdk[pandas]'"
)


# ---------------------------------------------------------------------------- dicts


def _plain(value: Any) -> Any:
    """``value`` with models turned into dicts and enums into their values, recursively."""
    if is_model(type(value)):
        return to_dict(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def to_dict(obj: Any) -> dict[str, Any]:
    """A model as a plain dict: snake_case field names, nested models as dicts.

    Every field is kept, ``None`` included, so that rows of one model type always have
    the same keys. Enum members become their values; ``extra`` (wire members this SDK
    version does not know, in wire names) is included only when it is not empty.
    Personal data is included: this is the data, not a log line.

    Example:
        >>> from customer_profiles_sdk import Address, Gender, Profile
        >>> p = Profile(first_name="Ana", gender=Gender.FEMALE, address=Address(city="Oslo"))
        >>> d = to_dict(p)
        >>> d["first_name"], d["gender"], d["address"]["city"], d["last_name"]
        ('Ana', 'FEMALE', 'Oslo', None)
    """
    out: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if field.name == EXTRA_FIELD and not value:
            continue
        out[field.name] = _plain(value)
    return out


@functools.cache
def _nested_models(cls: Any) -> Mapping[str, type]:
    """Fields of model ``cls`` typed as one nested model (``Address | None``)."""
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):  # an annotation that cannot be resolved: no expansion
        return {}
    nested: dict[str, type] = {}
    for field in attrs.fields(cls):
        hint = hints.get(field.name)
        args = typing.get_args(hint) or (hint,)
        models = [a for a in args if is_model(a)]
        if len(models) == 1:
            nested[field.name] = models[0]
    return nested


def flatten(obj: Any, prefix: str = "") -> dict[str, Any]:
    """A model as one flat row: nested members become dotted keys.

    Nested models become ``address.city``; mappings become ``attributes.tier`` (and
    ``extra.SomeMember``); lists stay lists (of plain dicts for lists of models). An
    absent nested model (``None``) still yields its columns, all ``None``, so rows of
    one model type have stable columns. Personal data is included.

    Example:
        >>> from customer_profiles_sdk import Address, Profile
        >>> row = flatten(Profile(address=Address(city="Oslo"), attributes={"tier": "gold"}))
        >>> row["address.city"], row["attributes.tier"], row["billing_address.city"]
        ('Oslo', 'gold', None)
    """
    cls: Any = type(obj)
    nested = _nested_models(cls)
    row: dict[str, Any] = {}
    for field in attrs.fields(cls):
        name = prefix + field.name
        value = getattr(obj, field.name)
        if is_model(type(value)):
            row.update(flatten(value, f"{name}."))
        elif value is None and field.name in nested:
            row.update(_empty_row(nested[field.name], f"{name}."))
        elif isinstance(value, Mapping):
            row.update({f"{name}.{key}": _plain(item) for key, item in value.items()})
        else:
            row[name] = _plain(value)
    return row


def _empty_row(cls: type, prefix: str) -> dict[str, Any]:
    row: dict[str, Any] = {}
    nested = _nested_models(cls)
    for field in attrs.fields(cls):
        if field.name in nested:
            row.update(_empty_row(nested[field.name], f"{prefix}{field.name}."))
        elif field.default is None:  # mappings and lists with a factory have no columns
            row[prefix + field.name] = None
    return row


def _rows(items: Iterable[Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Flat rows of ``items`` and their columns, in first-seen order.

    Items that are not models (e.g. after ``Paged.map``) become a ``value`` column.
    """
    rows = [flatten(item) if is_model(type(item)) else {"value": item} for item in items]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return rows, list(columns)


# ---------------------------------------------------------------------------- pandas


def require_pandas() -> Any:
    """The ``pandas`` module.

    Raises:
        ImportError: pandas is not installed, with the command that installs it.
    """
    try:
        import pandas  # optional dependency: imported on use
    except ImportError as exc:
        raise ImportError(PANDAS_MISSING) from exc
    return pandas


def to_pandas(
    models: Iterable[Any],
    *,
    columns: Sequence[str] | Literal["all"] | None = None,
    typed: bool = True,
) -> pd.DataFrame:
    """A pandas ``DataFrame`` of ``models``, one row each, nested members flattened.

    Columns are the dotted keys of :func:`flatten` (``address.city``,
    ``attributes.tier``), in first-seen order; enum members are their values. Items that
    are not models become a single ``value`` column. Personal data is included.

    Args:
        models: SDK models, e.g. a list of :class:`~customer_profiles_sdk.Profile` (for
            a ``Paged`` result, use its own ``to_pandas()``).
        columns: the columns to keep, in this order (missing ones are all ``None``);
            ``None`` (default) keeps the columns that have a value in some row,
            ``"all"`` keeps every column of the models.
        typed: turn string columns whose every value is a canonical number, boolean
            or ISO 8601 timestamp (the service sends calculated attribute values as
            ``'69'`` and ``'false'``) into numbers, booleans and datetimes. Columns
            named like identifiers (``*_id``, ``*_number``, ``postal_code``, phone
            numbers, ...) stay strings.

    Raises:
        ImportError: pandas is not installed
            (``pip install 'customer-profiles-sdk[pandas]'``).

    Example:
        >>> from customer_profiles_sdk import Address, Profile
        >>> df = to_pandas([Profile(first_name="Ana", address=Address(city="Oslo"))])
        >>> df.loc[0, "address.city"], list(df.columns)
        ('Oslo', ['first_name', 'address.city'])
        >>> from customer_profiles_sdk.models import CalculatedAttributeValue
        >>> df = to_pandas([CalculatedAttributeValue(
        ...     calculated_attribute_name="orders", value="69", is_data_partial="false")])
        >>> int(df.loc[0, "value"]) + 1, str(df["value"].dtype), bool(df.loc[0, "is_data_partial"])
        (70, 'int64', False)
    """
    pandas = require_pandas()
    rows, found = _rows(models)
    if columns is None:
        found = [c for c in found if any(_has_value(row.get(c)) for row in rows)]
    elif columns != "all":
        found = list(columns)
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=found)
    if typed:
        for column in found:
            converted = _typed_column([row.get(column) for row in rows], column)
            if converted is not None:
                frame[column] = pandas.Series(converted, index=frame.index, dtype=object)
                frame[column] = frame[column].infer_objects()
    return frame


def _has_value(value: Any) -> bool:
    return value is not None and not (isinstance(value, (list, tuple, Mapping)) and not value)


#: Columns that hold identifiers written with digits: never turned into numbers.
_IDENTIFIER = re.compile(r"(^|[._])(\w*_id|\w*_ids|\w*number\w*|postal_code|\w*phone\w*|\w*code)$")
_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,17})")
_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+([eE][-+]?[0-9]+)?")
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
    r"(Z|[-+][0-9]{2}:?[0-9]{2})?"
)


def _typed_column(values: Sequence[Any], name: str) -> list[Any] | None:
    """``values`` as numbers, booleans or datetimes when every string among them is one
    (``None`` kept); ``None`` when the column should stay as it is."""
    strings = [v for v in values if v is not None]
    if not strings or not all(isinstance(v, str) for v in strings) or _IDENTIFIER.search(name):
        return None
    if all(v.lower() in ("true", "false") for v in strings):
        return [None if v is None else v.lower() == "true" for v in values]
    if all(_INTEGER.fullmatch(v) for v in strings):
        return [None if v is None else int(v) for v in values]
    if all(_INTEGER.fullmatch(v) or _FLOAT.fullmatch(v) for v in strings):
        return [None if v is None else float(v) for v in values]
    if all(_TIMESTAMP.fullmatch(v) for v in strings):
        try:
            return [
                None if v is None else datetime.fromisoformat(v.replace("Z", "+00:00"))
                for v in values
            ]
        except ValueError:
            return None
    return None


def progress(items: Iterable[Any], *, enabled: bool | None, desc: str) -> Iterable[Any]:
    """``items`` with a ``tqdm.auto`` progress bar (items counted: the service gives no
    totals).

    Args:
        enabled: ``True`` always shows the bar; ``None`` shows it only when the walk
            takes longer than 2 seconds and tqdm is installed; ``False`` never.
        desc: the bar's label.

    Raises:
        ImportError: ``enabled=True`` but tqdm is not installed.
    """
    if enabled is False:
        return items
    try:
        from tqdm.auto import tqdm
    except ImportError as exc:
        if enabled:
            raise ImportError(
                "progress=True needs tqdm: pip install 'customer-profiles-sdk[pandas]'"
            ) from exc
        return items
    bar: Iterable[Any] = tqdm(items, desc=desc, unit=" items", delay=0 if enabled else 2.0)
    return bar


# ---------------------------------------------------------------------------- HTML

_STYLE = "border-collapse:collapse;text-align:left"
_CELL = "padding:2px 8px;text-align:left;vertical-align:top"


def _cell(value: Any) -> str:
    """One value as escaped HTML text."""
    if value is None:
        return '<span style="opacity:.5">None</span>'
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, (datetime, date)):
        text = value.isoformat()
    elif isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        text = ", ".join(str(_plain(item)) for item in value)
    else:
        text = str(_plain(value))
    return html.escape(text)


def _field_rows(obj: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """(dotted name, value) of the fields of ``obj`` that are set, nested ones flattened."""
    out: list[tuple[str, Any]] = []
    for field in attrs.fields(type(obj)):
        name = prefix + field.name
        value = getattr(obj, field.name)
        if value is None or (isinstance(value, (Mapping, list, tuple)) and not value):
            continue
        if is_model(type(value)):
            out.extend(_field_rows(value, f"{name}."))
        elif isinstance(value, Mapping):
            out.extend((f"{name}.{key}", item) for key, item in value.items())
        elif isinstance(value, (list, tuple)) and any(is_model(type(v)) for v in value):
            for index, item in enumerate(value):
                if is_model(type(item)):
                    out.extend(_field_rows(item, f"{name}[{index}]."))
                else:
                    out.append((f"{name}[{index}]", item))
        else:
            out.append((name, value))
    return out


def to_html(obj: Any) -> str:
    """An HTML table of the fields of model ``obj`` that are set (Jupyter's view).

    Nested models are flattened into dotted rows (``address.city``); ``None`` fields
    are left out. Values are HTML-escaped. Personal data is shown: the user asked to
    look at it (``repr()`` still masks it).

    Example:
        >>> from customer_profiles_sdk import Profile
        >>> page = to_html(Profile(first_name="<Ana>"))
        >>> "&lt;Ana&gt;" in page, "<Ana>" in page
        (True, False)
    """
    rows = "".join(
        f'<tr><th style="{_CELL}">{html.escape(name)}</th><td style="{_CELL}">{_cell(value)}</td>'
        "</tr>"
        for name, value in _field_rows(obj)
    )
    if not rows:
        rows = f'<tr><td style="{_CELL}" colspan="2"><i>no fields set</i></td></tr>'
    caption = html.escape(type(obj).__name__)
    return f'<table style="{_STYLE}"><caption><b>{caption}</b></caption>{rows}</table>'


def table_html(items: Sequence[Any], *, title: str, more: bool) -> str:
    """An HTML table of ``items``, one row each, nested members flattened into columns.

    Columns that are ``None`` in every row are left out. Values are HTML-escaped;
    personal data is shown.

    Args:
        items: the rows to show (models, or any values).
        title: the caption (escaped).
        more: whether more items exist than those shown (a note says so).
    """
    rows, columns = _rows(items)
    columns = [c for c in columns if any(row.get(c) is not None for row in rows)]
    head = "".join(f'<th style="{_CELL}">{html.escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_CELL}">{_cell(row.get(c))}</td>' for c in columns) + "</tr>"
        for row in rows
    )
    if not items:
        note = "no items"
    elif more:
        note = f"first {len(items)} items shown; more items exist"
    else:
        note = f"{len(items)} item{'s' if len(items) != 1 else ''}"
    caption = f"<b>{html.escape(title)}</b> ({html.escape(note)})"
    return (
        f'<table style="{_STYLE}"><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


# ---------------------------------------------------------------------------- pretty


def pretty(obj: Any, p: Any, cycle: bool) -> None:
    """IPython's pretty printer for a model: one field a line, personal data masked.

    ``p`` is IPython's ``RepresentationPrinter`` (IPython is not a dependency).

    The pretty printer writes plain text, which ends up in terminals and logs like a
    ``repr()``, so it masks what ``repr()`` masks. Fields that are ``None`` (or empty
    with a default) are left out to keep a profile readable; ``repr()`` lists them all.
    """
    name = type(obj).__name__
    if cycle:
        p.text(f"{name}(...)")
        return
    shown: list[tuple[str, Any]] = []
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if field.repr is False or value is None:
            continue
        if isinstance(value, (Mapping, list, tuple)) and not value:
            continue
        shown.append((field.name, field.repr if callable(field.repr) else None))
    if not shown:
        p.text(f"{name}()")
        return
    p.begin_group(4, f"{name}(")
    for field_name, mask in shown:
        p.break_()
        p.text(f"{field_name}=")
        value = getattr(obj, field_name)
        if mask is not None:
            p.text(mask(value))
        else:
            p.pretty(value)
        p.text(",")
    p.end_group(4, "")
    p.break_()
    p.text(")")


# ---------------------------------------------------------------------------- segments

#: How each dimension operator reads in a description of a segment.
_OPERATOR_TEXT = {
    "INCLUSIVE": "is",
    "EXCLUSIVE": "is not",
    "CONTAINS": "contains",
    "BEGINS_WITH": "begins with",
    "ENDS_WITH": "ends with",
    "BEFORE": "is before",
    "AFTER": "is after",
    "ON": "is on",
    "BETWEEN": "is between",
    "NOT_BETWEEN": "is not between",
    "GREATER_THAN": "is greater than",
    "LESS_THAN": "is less than",
    "GREATER_THAN_OR_EQUAL": "is greater than or equal to",
    "LESS_THAN_OR_EQUAL": "is less than or equal to",
    "EQUAL": "is equal to",
    "LIST_CONTAINS": "contains any of",
    "LIST_CONTAINS_ALL": "contains all of",
}
#: How ``Include`` / ``Type`` / ``SourceType`` read for groups and for conditions.
_GROUPS_TEXT = {"ALL": "every group", "ANY": "at least one group", "NONE": "no group"}
_SOURCES_TEXT = {"ALL": "every one", "ANY": "any", "NONE": "none"}


#: Operators whose values are shown unquoted (numbers and dates).
_UNQUOTED = frozenset(
    (
        *("BEFORE", "AFTER", "ON", "BETWEEN", "NOT_BETWEEN"),
        *("GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN_OR_EQUAL", "EQUAL"),
    )
)


def _value_text(value: Any, operator: str) -> str:
    text = str(value)
    if (text.startswith("{{") and text.endswith("}}")) or operator in _UNQUOTED:
        return text  # a reference to the profile's own value, a number or a date
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _condition_text(path: str, condition: Mapping[str, Any]) -> str:
    operator = str(condition.get("DimensionType"))
    values = [_value_text(v, operator) for v in condition.get("Values") or []]
    joiner = " and " if operator in ("BETWEEN", "NOT_BETWEEN", "LIST_CONTAINS_ALL") else " or "
    text = f"{path} {_OPERATOR_TEXT.get(operator, operator)} {joiner.join(values)}"
    override = (condition.get("ConditionOverrides") or {}).get("Range")
    if isinstance(override, Mapping):
        start, end = override.get("Start"), override.get("End") or 0
        unit = str(override.get("Unit") or "DAYS").lower()
        text += f" (over the range from {start} to {end} {unit} ago)"
    return text


def _dimension_lines(dimension: Mapping[str, Any]) -> list[str]:
    lines: list[str] = []
    for member, value in (dimension.get("ProfileAttributes") or {}).items():
        if not isinstance(value, Mapping):
            continue
        if member == "Attributes":
            lines += [_condition_text(f"Attributes.{k}", v) for k, v in value.items()]
        elif "DimensionType" in value:
            lines.append(_condition_text(member, value))
        else:  # an address: City, PostalCode...
            lines += [_condition_text(f"{member}.{k}", v) for k, v in value.items()]
    for name, value in (dimension.get("CalculatedAttributes") or {}).items():
        lines.append(_condition_text(f"calculated attribute {name}", value))
    if len(lines) > 1:
        return [f"all of: {'; '.join(lines)}"]
    return lines or ["(an empty condition)"]


def describe_segment_groups(groups: Mapping[str, Any]) -> list[str]:
    """A classic segment's ``SegmentGroups`` (wire form) as lines of text for people.

    Combinators that are not set are shown as such: the service applies its own default.

    Example:
        >>> print("\\n".join(describe_segment_groups({"Include": "ANY", "Groups": [
        ...     {"Type": "ALL", "Dimensions": [{"ProfileAttributes": {"Address": {
        ...         "City": {"DimensionType": "INCLUSIVE", "Values": ["Seattle"]}}}}]},
        ...     {"SourceSegments": [{"SegmentDefinitionName": "vip"}]}]})))
        Profiles in at least one group (Include ANY):
          Group 1: where ALL of
            Address.City is "Seattle"
          Group 2: members of any of the segments vip (SourceType not set)
    """
    include = groups.get("Include")
    said = _GROUPS_TEXT.get(str(include), "every group") if include else "every group"
    setting = f"Include {include}" if include else "Include not set"
    lines = [f"Profiles in {said} ({setting}):"]
    for number, group in enumerate(groups.get("Groups") or [], start=1):
        parts = []
        sources = [
            str(s.get("SegmentDefinitionName"))
            for s in group.get("SourceSegments") or []
            if isinstance(s, Mapping)
        ]
        if sources:
            source_type = group.get("SourceType")
            which = _SOURCES_TEXT.get(str(source_type), "any") if source_type else "any"
            setting = f"SourceType {source_type}" if source_type else "SourceType not set"
            parts.append(f"members of {which} of the segments {', '.join(sources)} ({setting})")
        dimensions = [d for d in group.get("Dimensions") or [] if isinstance(d, Mapping)]
        if dimensions:
            kind = group.get("Type")
            parts.append(f"where {kind} of" if kind else "where (Type not set)")
        elif not sources:
            parts.append("every profile of the domain")
        lines.append(f"  Group {number}: {', '.join(parts)}")
        for dimension in dimensions:
            lines += [f"    {line}" for line in _dimension_lines(dimension)]
    return lines


def _sort_text(sort: Mapping[str, Any]) -> str:
    items = []
    for attribute in sort.get("Attributes") or []:
        details = [str(attribute.get(k)) for k in ("DataType", "Type") if attribute.get(k)]
        extra = f" ({', '.join(details)})" if details else ""
        items.append(f"{attribute.get('Name')} {attribute.get('Order')}{extra}")
    return ", ".join(items)


def describe_segment(definition: Any) -> str:
    """A segment definition model (``SegmentDefinition``) as text for people: its name,
    then who is in it (the groups, or the SQL query), then its sort order."""
    wire = _convert.to_wire(definition)
    name = wire.get("SegmentDefinitionName")
    title = str(name)
    if wire.get("DisplayName") and wire.get("DisplayName") != name:
        title += f" ({wire['DisplayName']})"
    lines = [title]
    if wire.get("SegmentGroups") is not None:
        lines += describe_segment_groups(wire["SegmentGroups"])
    if wire.get("SegmentSqlQuery") is not None:
        lines += ["Profiles returned by the SQL query:", *wire["SegmentSqlQuery"].splitlines()]
    if wire.get("SegmentSort"):
        lines.append(f"Sorted by {_sort_text(wire['SegmentSort'])}")
    return "\n".join(lines)


def segment_definition_html(definition: Any) -> str:
    """A segment definition's notebook view: its settings, then who is in it, readably.

    Example:
        >>> from customer_profiles_sdk import SegmentDefinition
        >>> page = segment_definition_html(SegmentDefinition(
        ...     segment_definition_name="sql_vip", segment_sql_query="SELECT <x>"))
        >>> "SELECT &lt;x&gt;" in page
        True
    """
    wire = _convert.to_wire(definition)
    rows = [
        (label, wire.get(member))
        for label, member in (
            ("display name", "DisplayName"),
            ("type", "SegmentType"),
            ("description", "Description"),
            ("created at", "CreatedAt"),
            ("ARN", "SegmentDefinitionArn"),
        )
        if wire.get(member) is not None
    ]
    if wire.get("Tags"):
        rows.append(("tags", ", ".join(f"{k}={v}" for k, v in wire["Tags"].items())))
    body = "".join(
        f'<tr><th style="{_CELL}">{html.escape(label)}</th><td style="{_CELL}">{_cell(value)}'
        "</td></tr>"
        for label, value in rows
    )
    if wire.get("SegmentGroups") is not None:
        who = "\n".join(describe_segment_groups(wire["SegmentGroups"]))
    elif wire.get("SegmentSqlQuery") is not None:
        who = wire["SegmentSqlQuery"]
    else:
        who = "(no groups and no SQL query)"
    body += (
        f'<tr><th style="{_CELL}">members</th><td style="{_CELL}">'
        f'<pre style="margin:0">{html.escape(who)}</pre></td></tr>'
    )
    if wire.get("SegmentSort"):
        body += (
            f'<tr><th style="{_CELL}">sorted by</th><td style="{_CELL}">'
            f"{html.escape(_sort_text(wire['SegmentSort']))}</td></tr>"
        )
    caption = html.escape(f"Segment {wire.get('SegmentDefinitionName')}")
    return f'<table style="{_STYLE}"><caption><b>{caption}</b></caption>{body}</table>'


#: Colours of job states in the notebook: finished well, finished badly, not finished.
_DONE_COLOUR, _FAILED_COLOUR, _PENDING_COLOUR = "#1a7f37", "#cf222e", "#9a6700"


def status_html(title: str, status: Any, rows: Sequence[tuple[str, Any]], *, finished: bool) -> str:
    """The notebook view of an asynchronous job's state: its status as a coloured badge,
    then the rows that are set.

    Args:
        title: the caption (escaped), e.g. ``"Segment estimate 0f3c..."``.
        status: the job's status (an enum member or a string).
        rows: (label, value) pairs; ``None`` values are left out.
        finished: whether the status is final (a final status other than a failure is
            shown as a success).
    """
    text = str(status.value if isinstance(status, enum.Enum) else status)
    if text == "FAILED":
        colour = _FAILED_COLOUR
    elif finished:
        colour = _DONE_COLOUR
    else:
        colour = _PENDING_COLOUR
    badge = (
        f'<span style="color:#fff;background:{colour};border-radius:4px;padding:1px 6px">'
        f"{html.escape(text)}</span>"
    )
    body = f'<tr><th style="{_CELL}">status</th><td style="{_CELL}">{badge}</td></tr>'
    body += "".join(
        f'<tr><th style="{_CELL}">{html.escape(label)}</th><td style="{_CELL}">{_cell(value)}'
        "</td></tr>"
        for label, value in rows
        if value is not None
    )
    return f'<table style="{_STYLE}"><caption><b>{html.escape(title)}</b></caption>{body}</table>'


# ---------------------------------------------------------------------------- domain views
# Views of a domain, a domain spec and a plan. Unlike a model's own view, which shows
# the data the user asked for, these overviews mask the members the service model marks
# as personal data (an object type's description, ...) unless show_personal_data() is on:
# an overview is shared in screenshots and notebooks more than it is read for values.

_KIND_COLOUR = {"create": "#2e7d32", "update": "#b26a00", "replace": "#8e24aa", "delete": "#c62828"}
_SYMBOL = {"create": "+", "update": "~", "delete": "-", "replace": "-/+"}


def _revealed() -> bool:
    from .models._base import _Reveal

    return _Reveal.on


def _shown(obj: Any, name: str) -> Any:
    """Field ``name`` of model ``obj``, masked if it is personal data and not revealed."""
    from .models._base import REDACTED

    value = getattr(obj, name, None)
    if value is None or _revealed():
        return value
    field = attrs.fields_dict(type(obj)).get(name)
    if field is not None and field.metadata.get("sensitive"):
        return REDACTED
    return value


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f'<th style="{_CELL}">{html.escape(c)}</th>' for c in columns)
    if rows:
        body = "".join(
            "<tr>" + "".join(f'<td style="{_CELL}">{_cell(v)}</td>' for v in row) + "</tr>"
            for row in rows
        )
    else:
        body = f'<tr><td style="{_CELL}" colspan="{len(columns)}"><i>none</i></td></tr>'
    return (
        f'<table style="{_STYLE}"><caption><b>{html.escape(title)}</b> ({len(rows)})</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _pairs(title: str, pairs: Sequence[tuple[str, Any]]) -> str:
    rows = "".join(
        f'<tr><th style="{_CELL}">{html.escape(k)}</th><td style="{_CELL}">{_cell(v)}</td></tr>'
        for k, v in pairs
        if v is not None
    )
    return f'<table style="{_STYLE}"><caption><b>{html.escape(title)}</b></caption>{rows}</table>'


def _model_pairs(obj: Any, skip: Sequence[str] = ()) -> list[tuple[str, Any]]:
    """(dotted name, value) of the set fields of ``obj``, personal data masked."""
    from .models._base import REDACTED

    out = []
    for name, value in _field_rows(obj):
        top = name.split(".", 1)[0].split("[", 1)[0]
        if top in skip:
            continue
        field = attrs.fields_dict(type(obj)).get(top)
        if field is not None and field.metadata.get("sensitive") and not _revealed():
            value = REDACTED
        out.append((name, value))
    return out


def domain_html(
    settings: Any,
    object_types: Sequence[Any],
    calculated: Sequence[Any],
    integrations: Sequence[Any],
) -> str:
    """A domain's overview: settings, object types, calculated attributes, integrations.

    Args:
        settings: the :class:`~customer_profiles_sdk.DomainSettings`.
        object_types: its :class:`~customer_profiles_sdk.ObjectTypeSummary` items.
        calculated: its :class:`~customer_profiles_sdk.CalculatedAttributeSummary` items.
        integrations: its :class:`~customer_profiles_sdk.Integration` items.
    """
    name = getattr(settings, "domain_name", "?")
    parts = [
        f'<div><h4 style="margin:4px 0">Domain {html.escape(str(name))}</h4>',
        _pairs("Settings", _model_pairs(settings, skip=("domain_name", "tags"))),
        _table(
            "Object types",
            ("name", "description", "template", "last updated"),
            [
                (
                    t.object_type_name,
                    _shown(t, "description"),
                    getattr(t, "template_id", None),
                    getattr(t, "last_updated_at", None),
                )
                for t in object_types
            ],
        ),
        _table(
            "Calculated attributes",
            ("name", "display name", "description", "status"),
            [
                (
                    c.calculated_attribute_name,
                    _shown(c, "display_name"),
                    _shown(c, "description"),
                    getattr(c, "status", None),
                )
                for c in calculated
            ],
        ),
        _table(
            "Integrations",
            ("uri", "object type", "workflow", "created"),
            [
                (
                    i.uri,
                    i.object_type_name,
                    getattr(i, "workflow_id", None),
                    getattr(i, "created_at", None),
                )
                for i in integrations
            ],
        ),
        "</div>",
    ]
    return "".join(parts)


def spec_html(spec: Any) -> str:
    """A domain spec's overview (what it declares; personal data masked)."""
    from .models._base import REDACTED

    data = spec.to_dict()
    sections = _sections()
    settings = [(k, v) for k, v in _flat_items(data, sections) if k.split(".")[0] not in sections]
    types = data.get("ObjectTypes") or {}
    calculated = data.get("CalculatedAttributes") or {}
    segments = data.get("SegmentDefinitions") or {}
    masked = not _revealed()
    parts = [
        f'<div><h4 style="margin:4px 0">Domain spec {html.escape(spec.domain_name)}</h4>',
        _pairs("Settings", settings),
        _table(
            "Object types",
            ("name", "description", "template", "fields", "keys"),
            [
                (
                    name,
                    REDACTED if masked and body.get("Description") else body.get("Description"),
                    body.get("TemplateId"),
                    len(body.get("Fields") or {}),
                    ", ".join(body.get("Keys") or {}),
                )
                for name, body in types.items()
            ],
        ),
        _table(
            "Calculated attributes",
            ("name", "expression", "statistic", "range"),
            [
                (
                    name,
                    (body.get("AttributeDetails") or {}).get("Expression"),
                    body.get("Statistic"),
                    _range_text(body.get("Conditions") or {}),
                )
                for name, body in calculated.items()
            ],
        ),
        _table(
            "Integrations",
            ("uri", "object type"),
            [
                (i.get("Uri"), i.get("ObjectTypeName") or i.get("ObjectTypeNames"))
                for i in data.get("Integrations") or []
            ],
        ),
    ]
    if segments:
        parts.append(
            _table(
                "Segment definitions",
                ("name", "display name"),
                [(name, body.get("DisplayName")) for name, body in segments.items()],
            )
        )
    for section in _sections():
        if section in _SHOWN or not data.get(section):
            continue
        entries = data[section]
        items = entries.items() if isinstance(entries, Mapping) else enumerate(entries)
        parts.append(
            _table(
                re.sub(r"(?<!^)(?=[A-Z])", " ", section).capitalize(),
                ("name", "members"),
                [
                    (name, ", ".join(body) if isinstance(body, Mapping) else body)
                    for name, body in items
                ],
            )
        )
    parts.append("</div>")
    return "".join(parts)


_SHOWN = ("ObjectTypes", "CalculatedAttributes", "Integrations", "SegmentDefinitions")


def _sections() -> tuple[str, ...]:
    from .domain_spec import SECTION_MEMBERS  # the spec's sections, however many

    return SECTION_MEMBERS


def _flat_items(
    data: Mapping[str, Any], sections: Sequence[str], prefix: str = ""
) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value and key not in sections:
            out.extend(_flat_items(value, sections, f"{name}."))
        else:
            out.append((name, value))
    return out


def _range_text(conditions: Mapping[str, Any]) -> str | None:
    span = conditions.get("Range")
    if not isinstance(span, Mapping):
        return None
    return f"{span.get('Value')} {str(span.get('Unit', '')).lower()}".strip()


def plan_html(plan: Any) -> str:
    """A plan as a coloured table: one row per change, its members' before and after."""
    counts = ", ".join(f"{plan.count(k)} to {k}" for k in ("create", "update", "replace", "delete"))
    title = (
        f"Plan for domain {plan.domain_name}: {counts}"
        if plan.changes
        else f"No changes: domain {plan.domain_name} matches the spec"
    )
    rows = []
    for change in plan.changes:
        colour = _KIND_COLOUR[change.kind]
        diffs = "<br>".join(
            html.escape(f"{path}: {_diff_text(change.kind, before, after)}")
            for path, before, after in change.differences()
        )
        name = change.name + (f" ({change.reason})" if change.reason else "")
        rows.append(
            f'<tr><td style="{_CELL};color:{colour};font-weight:bold">'
            f"{html.escape(_SYMBOL[change.kind])} {change.kind}</td>"
            f'<td style="{_CELL}">{html.escape(change.resource)}</td>'
            f'<td style="{_CELL}">{html.escape(name)}</td>'
            f'<td style="{_CELL};font-family:monospace">{diffs}</td></tr>'
        )
    head = "".join(
        f'<th style="{_CELL}">{c}</th>' for c in ("change", "resource", "name", "members")
    )
    out = (
        f'<table style="{_STYLE}"><caption><b>{html.escape(title)}</b></caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    if plan.unmanaged:
        kept = ", ".join(html.escape(f"{c.resource} {c.name}") for c in plan.unmanaged)
        out += f"<p><i>Not in the spec, kept (apply with prune to delete):</i> {kept}</p>"
    return out


def _diff_text(kind: str, before: Any, after: Any) -> str:
    import json

    def show(value: Any) -> str:
        return "(absent)" if value is None else json.dumps(value, default=str)

    if kind == "create":
        return show(after)
    if kind == "delete":
        return show(before)
    return f"{show(before)} -> {show(after)}"
