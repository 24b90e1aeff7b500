"""STUB — being written. ``domain.matches``."""

from __future__ import annotations

from ._base import DomainResource

__all__ = ["Matches"]


class Matches(DomainResource):
    """STUB."""

    __slots__ = ()
