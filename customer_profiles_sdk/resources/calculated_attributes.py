"""STUB — being written. ``domain.calculated_attributes``."""

from __future__ import annotations

from ._base import DomainResource

__all__ = ["CalculatedAttributes"]


class CalculatedAttributes(DomainResource):
    """STUB."""

    __slots__ = ()
