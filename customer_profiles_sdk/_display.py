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
import typing
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs

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


def to_pandas(models: Iterable[Any]) -> pd.DataFrame:
    """A pandas ``DataFrame`` of ``models``, one row each, nested members flattened.

    Columns are the dotted keys of :func:`flatten` (``address.city``,
    ``attributes.tier``), in first-seen order; enum members are their values. Items that
    are not models become a single ``value`` column. Personal data is included.

    Args:
        models: SDK models, e.g. a list of :class:`~customer_profiles_sdk.Profile` (for
            a ``Paged`` result, use its own ``to_pandas()``).

    Raises:
        ImportError: pandas is not installed
            (``pip install 'customer-profiles-sdk[pandas]'``).

    Example:
        >>> from customer_profiles_sdk import Address, Profile
        >>> df = to_pandas([Profile(first_name="Ana", address=Address(city="Oslo"))])
        >>> df.loc[0, "address.city"]
        'Oslo'
    """
    pandas = require_pandas()
    rows, columns = _rows(models)
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=columns)
    return frame


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
