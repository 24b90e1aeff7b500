"""The one cattrs converter between attrs models and wire dicts.

Conventions a model follows (see :mod:`customer_profiles_sdk.models`):

* it is an attrs class with a class attribute ``__wire_shape__`` naming its botocore
  shape (``"Profile"``, ``"Address"``...), and each field carries its wire name in
  ``metadata={"wire": "..."}`` (the generator writes both from the service model, so
  converting loads no model);
* ``None`` means absent and is never sent; empty collections with a default are omitted;
* open enums are typed ``SomeEnum | str``: a value the SDK does not know yet (AWS adds
  them) is kept as a plain ``str`` instead of failing the read;
* an ``extra`` field keeps the members a newer service returns that the model does not
  know, and they are sent back on update (a read-modify-write never drops data);
* datetimes pass through as aware ``datetime`` objects; ISO strings and epoch numbers
  are accepted on input.

The module-level :data:`converter` is built without cattrs' detailed validation (it is
on the hot path: every item of every page); tests use :func:`make_converter` with
``detailed_validation=True``.
"""

from __future__ import annotations

import collections.abc
import enum
import functools
import os
import threading
import types
import typing
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from . import _service

T = TypeVar("T")

#: Name of the class attribute holding a model's botocore shape name.
SHAPE_ATTR = "__wire_shape__"
#: Name of the field that keeps unknown wire members.
EXTRA_FIELD = "extra"


def is_model(cls: Any) -> bool:
    """Whether ``cls`` is an SDK model (an attrs class that declares its wire shape)."""
    return isinstance(cls, type) and attrs.has(cls) and hasattr(cls, SHAPE_ATTR)


@functools.cache
def wire_names(cls: type) -> Mapping[str, str]:
    """Map each field of model ``cls`` (except ``extra``) to its wire member name, read
    from the field's ``metadata={"wire": ...}`` (the generator writes it from the model).

    Raises:
        TypeError: a field has no wire name.
    """
    names: dict[str, str] = {}
    for field in attrs.fields(cls):
        if field.name == EXTRA_FIELD:
            continue
        wire = field.metadata.get("wire")
        if wire is None:
            raise TypeError(f"{cls.__name__}.{field.name} has no wire name (metadata 'wire')")
        names[field.name] = wire
    return names


def _open_enum_of(tp: Any) -> type[enum.Enum] | None:
    """The Enum of an open-enum annotation ``E | str`` (optionally ``| None``)."""
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    args = {a for a in typing.get_args(tp) if a is not type(None)}
    enums = [a for a in args if isinstance(a, type) and issubclass(a, enum.Enum)]
    if len(enums) == 1 and args == {enums[0], str}:
        return enums[0]
    return None


def _structure_open_enum(tp: Any) -> Callable[[Any, Any], Any]:
    enum_cls = _open_enum_of(tp)
    assert enum_cls is not None
    known = enum_cls._value2member_map_

    def structure(value: Any, _: Any) -> Any:
        if value is None:
            return None
        member = known.get(value)
        return member if member is not None else str(value)

    return structure


def _unstructure_open_enum(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _passthrough(value: Any, _: Any) -> Any:
    return value


def _structure_datetime(value: Any, _: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    raise TypeError(
        f"expected a datetime, an ISO 8601 string or epoch seconds, got {type(value).__name__}"
    )


def _model_structure_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        names = wire_names(cls)
        has_extra = EXTRA_FIELD in attrs.fields_dict(cls)
        overrides = {name: override(rename=wire) for name, wire in names.items()}
        if has_extra:
            overrides[EXTRA_FIELD] = override(omit=True)
        base = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=False, **typing.cast(Any, overrides)
        )
        known = frozenset(names.values())

        def structure(data: Mapping[str, Any], _: Any) -> Any:
            obj = base(data, cls)
            if has_extra:
                unknown = {k: v for k, v in data.items() if k not in known}
                if unknown:
                    obj = attrs.evolve(obj, **{EXTRA_FIELD: unknown})
            return obj

        return structure

    return factory


def _model_unstructure_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(cls: Any) -> Callable[[Any], Any]:
        names = wire_names(cls)
        has_extra = EXTRA_FIELD in attrs.fields_dict(cls)
        overrides = {name: override(rename=wire) for name, wire in names.items()}
        if has_extra:
            overrides[EXTRA_FIELD] = override(omit=True)
        base = make_dict_unstructure_fn(
            cls, conv, _cattrs_omit_if_default=True, **typing.cast(Any, overrides)
        )

        def unstructure(obj: Any) -> dict[str, Any]:
            data: dict[str, Any] = base(obj)
            extra = getattr(obj, EXTRA_FIELD, None) if has_extra else None
            if extra:
                for key, value in extra.items():
                    data.setdefault(key, value)
            return data

        return unstructure

    return factory


def make_converter(*, detailed_validation: bool = False) -> cattrs.Converter:
    """Build the SDK's converter.

    Args:
        detailed_validation: collect every structuring error with its path (slower;
            used by the tests).
    """
    conv = cattrs.Converter(detailed_validation=detailed_validation)
    conv.register_structure_hook(datetime, _structure_datetime)
    if not detailed_validation:
        # Hot path: botocore already parsed scalars to their types, so optional scalars
        # pass through instead of taking cattrs' generic Optional route (2-3x faster).
        for scalar in (str, int, float, bool):
            conv.register_structure_hook(scalar | None, _passthrough)
            conv.register_structure_hook(typing.Optional[scalar], _passthrough)  # noqa: UP045
    conv.register_unstructure_hook(datetime, lambda value: value)
    conv.register_structure_hook_factory(
        lambda tp: _open_enum_of(tp) is not None, _structure_open_enum
    )
    conv.register_unstructure_hook_factory(
        lambda tp: _open_enum_of(tp) is not None, lambda _: _unstructure_open_enum
    )
    conv.register_structure_hook_factory(is_model, _model_structure_hook(conv))
    conv.register_unstructure_hook_factory(is_model, _model_unstructure_hook(conv))
    return conv


#: Whether models are built by cattrs with its detailed validation errors (set
#: ``CUSTOMER_PROFILES_SDK_STRICT=1``; slower, for debugging) instead of the compiled
#: structure functions below.
STRICT = os.environ.get("CUSTOMER_PROFILES_SDK_STRICT") == "1"
#: The converter the SDK uses (cattrs): requests, and responses when ``STRICT``.
converter = make_converter(detailed_validation=STRICT)


def from_wire(cls: type[T], data: Mapping[str, Any]) -> T:
    """Build model ``cls`` from a wire dict (response members), with the compiled
    structure function of ``cls`` (cattrs with detailed validation when
    ``CUSTOMER_PROFILES_SDK_STRICT=1``)."""
    if STRICT or not is_model(cls):
        return converter.structure(data, cls)
    fn = _FAST.get(cls)
    return (fn if fn is not None else structure_fn(cls))(data)


def to_wire(obj: Any) -> dict[str, Any]:
    """Turn a model into a wire dict (``None`` members omitted, ``extra`` merged back)."""
    data: dict[str, Any] = converter.unstructure(obj)
    return data


def to_request(value: Any, shape_name: str) -> Any:
    """Unstructure ``value`` (a model, or a list/dict of them) for a request member of
    shape ``shape_name``, dropping members the request shape does not have (response
    shapes carry read-only members such as ``Status`` or ``Readiness``).

    A field holding a value of the wrong Python type (``Profile(address=5)``, a string
    for ``attributes``) makes cattrs fail; the value is then unstructured leniently
    (:func:`_lenient_wire`: wrong values are kept as they are) so that the transport's
    model check reports it as a ``ValidationError`` naming the member, before sending.
    """
    try:
        wire = converter.unstructure(value)
    except (AttributeError, TypeError, ValueError):
        wire = _lenient_wire(value)
    return _service.prune(_service.shape(shape_name), wire)


def _is_default(field: Any, value: Any) -> bool:
    """Whether ``value`` is ``field``'s default (omitted, as cattrs' omit-if-default)."""
    default = field.default
    if default is attrs.NOTHING:
        return False
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            return False
        return bool(value == default.factory())
    return bool(value == default)


def _lenient_wire(value: Any) -> Any:
    """Unstructure like the converter, keeping a value of the wrong type as it is."""
    if is_model(type(value)):
        cls = typing.cast(type, type(value))
        names = wire_names(cls)
        data: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if field.name == EXTRA_FIELD:
                continue
            member = getattr(value, field.name)
            if member is None or _is_default(field, member):
                continue
            data[names[field.name]] = _lenient_wire(member)
        extra = getattr(value, EXTRA_FIELD, None)
        if isinstance(extra, Mapping):
            for key, item in extra.items():
                data.setdefault(key, item)
        return data
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {key: _lenient_wire(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lenient_wire(item) for item in value]
    return value


# --------------------------------------------------------------------------- hot path
# The structure functions of the read path (issue 16). For each model class one plain
# Python function is compiled from the class's own fields (their annotations and wire
# names, which the generator writes from the service model): one keyword per field, no
# per-field hook calls for scalars, nested models through their own compiled function.
# ``from_wire`` uses them unless ``CUSTOMER_PROFILES_SDK_STRICT=1`` (cattrs' detailed
# validation, for debugging). They build exactly what the cattrs converter builds for
# well-typed wire data (tests/test_convert.py checks it for every model).

#: Types whose wire values are used as they are.
_PASSTHROUGH: frozenset[Any] = frozenset({str, int, float, bool, Any, object})


def structure_datetime(value: Any) -> datetime:
    """A wire timestamp as an aware ``datetime``: kept if it is one, epoch seconds as
    UTC, an ISO 8601 string parsed (a naive one taken as UTC)."""
    if isinstance(value, datetime):
        return value
    parsed = _structure_datetime(value, datetime)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


class _Compiler:
    """Writes the source of one structure function; names what it refers to."""

    def __init__(self) -> None:
        self.globals: dict[str, Any] = {"_dt": structure_datetime, "_str": str}
        self._count = 0

    def ref(self, value: Any, prefix: str = "_r") -> str:
        self._count += 1
        name = f"{prefix}{self._count}"
        self.globals[name] = value
        return name

    def expr(self, tp: Any, var: str, depth: int = 0) -> str | None:
        """An expression structuring ``var`` (not ``None``) as ``tp``; ``None`` when the
        value passes through unchanged."""
        if tp in _PASSTHROUGH:
            return None
        if tp is datetime:
            return f"_dt({var})"
        if is_model(tp):
            return f"{self.ref(_structure_fn_ref(tp), '_m')}({var})"
        enum_cls = _open_enum_of(tp)
        if enum_cls is not None:
            known = self.ref(enum_cls._value2member_map_, "_e")
            return f"({known}.get({var}) or _str({var}))"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return f"{self.ref(tp, '_c')}({var})"
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            inner = _strip_optional(tp)
            if inner is not tp:
                item = self.expr(inner, var, depth)
                return None if item is None else f"(None if {var} is None else {item})"
        elif origin in (list, collections.abc.Sequence) and len(args) == 1:
            x = f"_x{depth}"
            item = self.expr(args[0], x, depth + 1)
            return f"list({var})" if item is None else f"[{item} for {x} in {var}]"
        elif origin in (dict, collections.abc.Mapping) and len(args) == 2:
            k, x = f"_k{depth}", f"_x{depth}"
            key = self.expr(args[0], k, depth + 1)
            item = self.expr(args[1], x, depth + 1)
            if key is None and item is None:
                return f"dict({var})"
            return f"{{{key or k}: {item or x} for {k}, {x} in {var}.items()}}"
        # Anything else: the cattrs converter (correct, slower).
        return f"_conv({var}, {self.ref(tp, '_t')})"


def _strip_optional(tp: Any) -> Any:
    """``X`` for ``X | None`` (``tp`` itself otherwise)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(inner) == 1:
            return inner[0]
        if len(inner) < len(typing.get_args(tp)):
            return typing.Union[tuple(inner)]  # noqa: UP007
    return tp


#: The compiled functions, by model class.
_FAST: dict[type, Callable[[Mapping[str, Any]], Any]] = {}
#: The classes being compiled (a model reachable from itself gets a late reference).
_BUILDING: set[type] = set()


#: Held while compiling (by one thread at a time; ``_BUILDING`` is that thread's).
_COMPILING = threading.RLock()


def _structure_fn_ref(cls: type) -> Callable[[Mapping[str, Any]], Any]:
    if cls not in _BUILDING:
        return structure_fn(cls)

    def late(data: Mapping[str, Any]) -> Any:  # resolved when it runs (waits for a builder)
        return structure_fn(cls)(data)

    return late


def structure_fn(cls: type[T]) -> Callable[[Mapping[str, Any]], T]:
    """The compiled structure function of model ``cls`` (wire dict -> model), built on
    first use and kept. Safe from several threads: one compiles, the others wait."""
    fn = _FAST.get(cls)
    if fn is not None:
        return fn
    with _COMPILING:
        fn = _FAST.get(cls)
        if fn is None:
            _BUILDING.add(cls)
            try:
                fn = _compile_structure(cls)
            finally:
                _BUILDING.discard(cls)
            _FAST[cls] = fn
    return typing.cast(Callable[[Mapping[str, Any]], T], fn)


def _slot_setters(cls: type) -> dict[str, Callable[[Any, Any], None]] | None:
    """Each field's slot ``__set__``, when building ``cls`` by setting its slots is what
    its attrs ``__init__`` would do (no validator, converter, ``on_setattr`` hook,
    ``__attrs_post_init__`` or cached hash); ``None`` otherwise."""
    fields = attrs.fields(cls)
    if (
        hasattr(cls, "__attrs_post_init__")
        or hasattr(cls, "__attrs_pre_init__")
        or "__slots__" not in cls.__dict__
        or "__attrs_cached_hash__" in cls.__dict__["__slots__"]
        or any(f.validator or f.converter or f.on_setattr for f in fields)
    ):
        return None
    setters: dict[str, Callable[[Any, Any], None]] = {}
    for field in fields:
        slot = next((k.__dict__[field.name] for k in cls.__mro__ if field.name in k.__dict__), None)
        if not isinstance(slot, types.MemberDescriptorType):
            return None
        setters[field.name] = slot.__set__
    return setters


def _compile_structure(cls: type) -> Callable[[Mapping[str, Any]], Any]:
    comp = _Compiler()
    comp.globals["_conv"] = converter.structure
    comp.globals["_cls"] = cls
    hints = typing.get_type_hints(cls)
    names = wire_names(cls)
    values: list[tuple[str, str]] = []  # (field name, expression of its value)
    for field in attrs.fields(cls):
        if field.name == EXTRA_FIELD:
            continue
        wire = names[field.name]
        tp = _strip_optional(hints[field.name])
        default = field.default
        if default is attrs.NOTHING:
            item = comp.expr(tp, "_v")
            values.append((field.name, f"_v if (_v := d[{wire!r}]) is None else {item}" if item
                           else f"d[{wire!r}]"))  # fmt: skip
            continue
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory = default.factory
            literal = {dict: "{}", list: "[]"}.get(factory)
            fallback = literal or comp.ref(factory, "_f") + "()"
        elif default is None:
            fallback = "None"
        else:
            fallback = comp.ref(default, "_d")
        item = comp.expr(tp, "_v")
        if item is None and fallback == "None":
            values.append((field.name, f"get({wire!r})"))
        else:
            values.append(
                (field.name, f"{fallback} if (_v := get({wire!r})) is None else {item or '_v'}")
            )
    if EXTRA_FIELD in attrs.fields_dict(cls):
        known = comp.ref(frozenset(names.values()), "_known")
        values.append(
            (
                EXTRA_FIELD,
                f"{{}} if d.keys() <= {known} else "
                f"{{_k: _x for _k, _x in d.items() if _k not in {known}}}",
            )
        )
    setters = _slot_setters(cls)
    if setters is not None and set(setters) == {name for name, _ in values}:
        # Frozen slotted models: set each slot directly, as attrs' own __init__ does
        # through ``object.__setattr__`` (a third of a page's cost, without the lookups).
        comp.globals["_new"] = object.__new__
        lines = [f"    {comp.ref(setters[name], '_s')}(o, {expr})" for name, expr in values]
        body = "    o = _new(_cls)\n" + "\n".join(lines) + "\n    return o\n"
    else:
        args = ",\n        ".join(f"{name}={expr}" for name, expr in values)
        body = f"    return _cls(\n        {args}\n    )\n"
    source = f"def structure_{cls.__name__}(d):\n    get = d.get\n{body}"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<structure {cls.__qualname__}>", "exec"), comp.globals, namespace)
    fn: Callable[[Mapping[str, Any]], Any] = namespace[f"structure_{cls.__name__}"]
    fn.__source__ = source  # type: ignore[attr-defined]  # for debugging
    return fn
