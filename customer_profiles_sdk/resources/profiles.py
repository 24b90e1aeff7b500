"""STUB — being written. ``domain.profiles``."""

from __future__ import annotations

from ._base import DomainResource

__all__ = ["Profiles"]


class Profiles(DomainResource):
    """STUB."""

    __slots__ = ()
