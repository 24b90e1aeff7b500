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

import enum
import functools
import os
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


#: The converter the SDK uses. Set ``CUSTOMER_PROFILES_SDK_STRICT=1`` (the test suite
#: does) to get cattrs' detailed validation errors.
converter = make_converter(
    detailed_validation=os.environ.get("CUSTOMER_PROFILES_SDK_STRICT") == "1"
)


def from_wire(cls: type[T], data: Mapping[str, Any]) -> T:
    """Build model ``cls`` from a wire dict (botocore response members)."""
    return converter.structure(data, cls)


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
    return _service.prune(_service.service_model().shape_for(shape_name), wire)


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
