"""The emulator's own reading of botocore's ``customer-profiles`` service model.

The emulator is a second, independent implementation of the service: it reads the
service model straight from botocore and never asks the SDK (``customer_profiles_sdk``
outside this package) for facts about the API, so that it can catch the SDK's mistakes.
This module holds the few model facts the emulator's layers share:

* :func:`service_model`, loaded once from botocore;
* :func:`paging` - how an operation pages (token member, page-size member, result list);
* :func:`shapes_holding` - the shapes under which values of given shapes can occur;
* :func:`implemented_operations` - the operations that have a handler (the 39 of the
  seed API surface, ``service-spec.md``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import botocore.session
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StructureShape

#: botocore's name of the service.
SERVICE_NAME = "customer-profiles"

_TOKEN = "NextToken"
_LIMIT = "MaxResults"


@functools.lru_cache(maxsize=1)
def service_model() -> ServiceModel:
    """botocore's model of Customer Profiles, loaded on first use."""
    return botocore.session.get_session().get_service_model(SERVICE_NAME)


@functools.cache
def shapes_holding(names: frozenset[str]) -> frozenset[str]:
    """The names of the model's shapes under which a value of one of the shapes ``names``
    can occur, at any depth (those shapes included): a walk of a request for such values
    can skip every member whose shape is not in the answer."""
    model = service_model()
    shapes = [model.shape_for(name) for name in model.shape_names]
    holding = set(names)
    grew = True
    while grew:  # to a fixed point (a shape may hold a shape found on a later pass)
        grew = False
        for shape in shapes:
            if shape.name not in holding and any(c.name in holding for c in _children(shape)):
                holding.add(shape.name)
                grew = True
    return frozenset(holding)


def _children(shape: Shape) -> list[Shape]:
    if isinstance(shape, StructureShape):
        return list(shape.members.values())
    if isinstance(shape, ListShape):
        return [shape.member]
    if isinstance(shape, MapShape):
        return [shape.key, shape.value]
    return []


def is_model_operation(operation: str) -> bool:
    """Whether ``operation`` is an operation of the model (implemented or not)."""
    return operation in _operation_names()


@functools.cache
def _operation_names() -> frozenset[str]:
    return frozenset(service_model().operation_names)  # botocore's is a list


@dataclass(frozen=True)
class Paging:
    """The members an operation pages with.

    Attributes:
        input_token: the request's continuation-token member (``NextToken``).
        output_token: the response's continuation-token member (``NextToken``).
        limit_key: the request's page-size member (``MaxResults``), if it has one.
        result_key: the response's list of results (``Items``, ``Matches`` ...).
    """

    input_token: str
    output_token: str
    limit_key: str | None
    result_key: str


@functools.cache
def paging(operation: str) -> Paging | None:
    """How ``operation`` pages, or ``None`` when it does not.

    An operation pages when both its input and its output carry ``NextToken``; the page
    holds the output's list member (the model has exactly one per paged output).
    """
    op = service_model().operation_model(operation)
    request, response = op.input_shape, op.output_shape
    if not (isinstance(request, StructureShape) and isinstance(response, StructureShape)):
        return None
    if _TOKEN not in request.members or _TOKEN not in response.members:
        return None
    result_keys = sorted(
        name for name, member in response.members.items() if member.type_name == "list"
    )
    if len(result_keys) != 1:  # pragma: no cover - only a model change can cause this
        raise RuntimeError(f"{operation} pages, but its result list is ambiguous: {result_keys}")
    limit = _LIMIT if _LIMIT in request.members else None
    return Paging(_TOKEN, _TOKEN, limit, result_keys[0])


def implemented_operations() -> frozenset[str]:
    """The operations the emulator answers: those with a registered handler."""
    from ._registry import handlers  # late: the handler modules import this module

    return frozenset(handlers())
