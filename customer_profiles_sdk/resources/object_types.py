"""STUB — being written. ``domain.object_types``."""

from __future__ import annotations

from ._base import DomainResource

__all__ = ["ObjectTypes"]


class ObjectTypes(DomainResource):
    """STUB."""

    __slots__ = ()
