"""What every resource shares: the transport, paging, request building and the
``@api`` binding that ties each public method to the API operation it wraps.

Resources never call boto3: every request goes through :class:`Transport.call`.

The :func:`api` decorator records, for each public method, the operation it wraps and
how the operation's request and response members map to the method (see
:class:`ApiBinding`). The completeness test and the README's operation table are built
from these records, so a method that forgets a member fails a test.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from .. import _convert, _service
from .._transport import Transport
from ..errors import ResourceNotFoundError, ValidationError
from ..paging import Paged

__all__ = ["API_METHODS", "ApiBinding", "DomainResource", "Resource", "api", "as_map"]

T = TypeVar("T")
M = TypeVar("M")
F = TypeVar("F", bound=Callable[..., Any])


@attrs.frozen(kw_only=True)
class ApiBinding:
    """How one public method maps to one API operation.

    Attributes:
        operation: the API operation the method calls.
        bound: request members supplied by the resource handle, not by parameters
            (``DomainName`` for everything under ``cp.domain(name)``).
        params: request member -> the parameter that supplies it, for members whose
            parameter is not simply the member's snake_case name or a model parameter;
            ``"a, b"`` when a structure is assembled from several parameters, one per
            member (each named after the member).
        returns: response members the method hands back directly (e.g. ``ProfileId``)
            rather than through a returned model.
        output: the model that carries the response (or each item of a paged one).
    """

    operation: str
    bound: tuple[str, ...] = ()
    params: Mapping[str, str] = attrs.field(factory=dict)
    returns: tuple[str, ...] = ()
    output: type | None = None
    qualname: str = ""


#: Every ``@api`` method, in definition order.
API_METHODS: list[ApiBinding] = []


def api(
    operation: str,
    *,
    bound: Iterable[str] = ("DomainName",),
    params: Mapping[str, str] | None = None,
    returns: Iterable[str] = (),
    output: type | None = None,
) -> Callable[[F], F]:
    """Mark a public method as the wrapper of ``operation`` (see :class:`ApiBinding`)."""

    def mark(fn: F) -> F:
        binding = ApiBinding(
            operation=operation,
            bound=tuple(bound),
            params=dict(params or {}),
            returns=tuple(returns),
            output=output,
            qualname=fn.__qualname__,
        )
        fn.__api__ = binding  # type: ignore[attr-defined]
        API_METHODS.append(binding)
        return fn

    return mark


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    """A model's resolved field annotations (resolving them is slow; models are fixed)."""
    return typing.get_type_hints(cls)


def coerce(cls: type[M], value: M | Mapping[str, Any]) -> M:
    """Accept a model or a mapping of its field names; nested mappings become models
    too (``{"address": {"city": "Lyon"}}`` gives ``address=Address(city="Lyon")``).

    Raises:
        TypeError: ``value`` is neither a ``cls`` nor a mapping, or names no field of it.
    """
    if isinstance(value, cls):
        return value
    if not isinstance(value, Mapping):
        raise TypeError(f"expected {cls.__name__} or a mapping, got {type(value).__name__}")
    hints = _field_types(typing.cast(type, cls))
    return cls(**{name: _nested(hints.get(name), v) for name, v in value.items()})


def _model_of(tp: Any) -> type | None:
    """The model class in an annotation such as ``Address | None``, if any."""
    if _convert.is_model(tp):
        return tp  # type: ignore[no-any-return]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        models = [a for a in typing.get_args(tp) if _convert.is_model(a)]
        return models[0] if len(models) == 1 else None
    return None


def _nested(tp: Any, value: Any) -> Any:
    """Turn mappings nested in ``value`` into the models annotation ``tp`` expects."""
    model = _model_of(tp)
    if model is not None and isinstance(value, Mapping):
        return coerce(model, value)
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _nested(args[0], value)
    if origin is list and isinstance(value, (list, tuple)):
        (item_type,) = typing.get_args(tp)
        return [_nested(item_type, item) for item in value]
    if origin is dict and isinstance(value, Mapping):
        _, value_type = typing.get_args(tp)
        return {k: _nested(value_type, v) for k, v in value.items()}
    return value


def as_map(value: Any) -> Any:
    """``dict(value)`` for a mapping; anything else unchanged, for the transport's model
    check to refuse with a ``ValidationError`` naming the member (``dict("abc")`` would
    raise a bare ``ValueError``)."""
    return dict(value) if isinstance(value, Mapping) else value


def value_list(operation: str, path: str, values: Iterable[str]) -> list[str]:
    """``values`` as a non-empty list; a bare string is refused (it would be split into
    letters), and so is an empty list (the service answers ``BadRequestException``).

    Raises:
        ValidationError: naming ``operation`` and the member ``path``; nothing is sent.
    """
    if isinstance(values, (str, bytes)):
        violation = _service.Violation(path, "a list of strings", "got a single string")
        raise ValidationError(operation, [violation])
    if not isinstance(values, Iterable):
        violation = _service.Violation(path, "a list of strings", f"got {type(values).__name__}")
        raise ValidationError(operation, [violation])
    out = list(values)
    if not out:
        raise ValidationError(operation, [_service.Violation(path, "at least 1 value", "empty")])
    return out


class Resource:
    """Base of every resource: holds the transport; builds requests and pages."""

    __slots__ = ("_transport",)

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def _call(self, operation: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return self._transport.call(operation, params)

    def _paged(self, operation: str, params: Mapping[str, Any], model: type[T]) -> Paged[T]:
        structure = _convert.structure_fn(model) if _convert.is_model(model) else None
        convert: Callable[[Any], T] = (
            structure if structure is not None and not _convert.STRICT
            else lambda item: _convert.from_wire(model, item)
        )  # fmt: skip
        return Paged.from_operation(
            self._transport.call,
            operation,
            params,
            convert,
            checked_call=self._transport.call,
        )

    def _paged_with(
        self, operation: str, params: Mapping[str, Any], convert: Callable[[Any], T]
    ) -> Paged[T]:
        return Paged.from_operation(
            self._transport.call, operation, params, convert, checked_call=self._transport.call
        )

    def _delete_if_exists(self, operation: str, params: Mapping[str, Any]) -> bool:
        """Run a delete; ``True`` if it deleted, ``False`` if it was already gone.

        A 404 on a retry whose earlier attempt may have committed (a 500 or a lost
        connection) counts as deleted. A 404 for a missing container (the domain) is
        raised: see :meth:`_confirm_container`.
        """
        try:
            self._call(operation, params)
        except ResourceNotFoundError as exc:
            if exc.earlier_attempt_may_have_committed:
                return True
            self._confirm_container(exc)
            return False
        return True

    def _confirm_container(self, not_found: ResourceNotFoundError) -> None:
        """On a 404, raise if what contains the resource is missing (no-op here)."""

    def _exists(self, operation: str, params: Mapping[str, Any]) -> bool:
        """Whether the ``Get*`` call ``operation`` finds its resource: ``False`` on a 404,
        after :meth:`_confirm_container` (a missing container raises)."""
        try:
            self._call(operation, params)
        except ResourceNotFoundError as exc:
            self._confirm_container(exc)
            return False
        return True


class DomainResource(Resource):
    """A resource that lives inside one domain."""

    __slots__ = ("_domain",)

    def __init__(self, transport: Transport, domain_name: str) -> None:
        super().__init__(transport)
        self._domain = domain_name

    @property
    def domain_name(self) -> str:
        """The domain this resource belongs to."""
        return self._domain

    def _confirm_container(self, not_found: ResourceNotFoundError) -> None:
        """A 404 does not say whether the resource or its domain is missing: ask
        ``GetDomain``, and raise its ``ResourceNotFoundError`` if the domain is missing
        (``cp.domain("typo").profiles.delete(pid)`` is an error, not ``False``)."""
        try:
            self._call("GetDomain", {"DomainName": self._domain})
        except ResourceNotFoundError as missing:
            raise missing from not_found

    def __repr__(self) -> str:
        return f"{type(self).__name__}(domain_name={self._domain!r})"
