"""What every model shares: the :func:`model` decorator, personal-data masking in
``repr`` and the ``extra`` field.

Models are ``@model`` classes (``attrs.frozen(kw_only=True,
field_transformer=mask_sensitive)`` plus notebook views) with a ``__wire_shape__``
class attribute naming their botocore shape (see :mod:`customer_profiles_sdk._convert`).
Models never do I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .. import _display

__all__ = ["REDACTED", "Extra", "mask_sensitive", "model", "show_personal_data"]

_C = TypeVar("_C", bound=type)

REDACTED = "<redacted>"


class _Reveal:
    """The state of :func:`show_personal_data` (process-wide), and the context manager
    it returns."""

    on = False

    def __init__(self, previous: bool) -> None:
        self._previous = previous

    def __enter__(self) -> _Reveal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        _Reveal.on = self._previous


def show_personal_data(enabled: bool = True) -> _Reveal:
    """Show (or mask again) personal data in ``repr()`` and IPython's plain-text view.

    Off by default: reprs end up in logs and tracebacks. Turn it on for local work on
    test data; it applies to the whole process. Used as a context manager it restores
    the previous setting on exit. Logs never contain personal data either way. A model's
    own notebook (HTML) view always shows it; the overviews of a domain, a domain spec
    and a plan (``_repr_html_``) mask it unless this is on.

    Args:
        enabled: ``True`` to show values, ``False`` to mask them again.

    Returns:
        A context manager that restores the previous setting.

    Example:
        >>> from customer_profiles_sdk import Profile, show_personal_data
        >>> ana = Profile(first_name="Ana")
        >>> "Ana" in repr(ana)
        False
        >>> with show_personal_data():
        ...     "Ana" in repr(ana)
        True
        >>> "Ana" in repr(ana)
        False
    """
    previous = _Reveal.on
    _Reveal.on = bool(enabled)
    return _Reveal(previous)


def _masked(value: object) -> str:
    if value is None:
        return "None"
    return repr(value) if _Reveal.on else REDACTED


def mask_sensitive(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """attrs field transformer: ``repr`` masks the fields whose metadata says
    ``"sensitive": True``.

    The generator sets it exactly where the service model marks personal data: a member
    whose shape (or a list or map shape inside it) is ``sensitive``, and every member of
    a structure that is only reached through a sensitive shape, so a model shown on its
    own masks what it masks inside its parent. Reprs end up in logs and tracebacks; the
    notebook views and :func:`customer_profiles_sdk.show_personal_data` show values on
    request instead.
    """
    return [
        field.evolve(repr=_masked) if field.metadata.get("sensitive") else field for field in fields
    ]


#: Type of every model's ``extra`` field: wire members this SDK version does not know,
#: kept as-is and sent back. Declare it as ``extra: Extra = attrs.field(factory=dict,
#: repr=False)``.
Extra = Mapping[str, Any]


def _to_dict(self: Any) -> dict[str, Any]:
    """This model as a plain dict (see :func:`customer_profiles_sdk._display.to_dict`).

    Snake_case field names, nested models as dicts, enums as their values, ``None``
    fields kept, ``extra`` only when not empty. Personal data is included.
    """
    return _display.to_dict(self)


def _repr_html_(self: Any) -> str:
    """Jupyter's view: an HTML table of the fields that are set, personal data shown."""
    return _display.to_html(self)


def _repr_pretty_(self: Any, p: Any, cycle: bool) -> None:
    """IPython's plain-text view: one field a line, personal data masked like ``repr``."""
    _display.pretty(self, p, cycle)


_VIEWS: dict[str, Callable[..., Any]] = {
    "to_dict": _to_dict,
    "_repr_html_": _repr_html_,
    "_repr_pretty_": _repr_pretty_,
}


def _model(cls: _C) -> _C:
    """Make ``cls`` an SDK model: ``attrs.frozen(kw_only=True,
    field_transformer=mask_sensitive)`` plus ``to_dict()``, ``_repr_html_()`` and
    ``_repr_pretty_()`` (a method the class or a mixin of it defines is kept).

    Example:
        >>> from typing import ClassVar
        >>> @model
        ... class Point:
        ...     __wire_shape__: ClassVar[str] = ""
        ...     x: int
        ...     secret: str = attrs.field(default="", metadata={"sensitive": True})
        >>> pt = Point(x=1, secret="s3cr3t")
        >>> pt
        Point(x=1, secret=<redacted>)
        >>> pt.to_dict()
        {'x': 1, 'secret': 's3cr3t'}
    """
    # A view the class or one of its mixins defines (``SegmentDefinition._repr_html_``)
    # is kept.
    own = {name for name in _VIEWS if any(name in c.__dict__ for c in cls.__mro__[:-1])}
    built: _C = attrs.frozen(kw_only=True, field_transformer=mask_sensitive)(cls)
    for name, function in _VIEWS.items():
        if name not in own:
            setattr(built, name, function)
    return built


if TYPE_CHECKING:
    # mypy's attrs plugin only knows attrs' own decorators by name; seen as
    # ``attrs.frozen``, models stay attrs classes to the type checker (``attrs.evolve``,
    # ``attrs.fields`` type-check). Trade-offs: mypy does not enforce keyword-only
    # construction, and does not see ``to_dict()``: typed code can call
    # ``customer_profiles_sdk._display.to_dict(obj)`` instead.
    from attrs import frozen as model
else:
    model = _model
