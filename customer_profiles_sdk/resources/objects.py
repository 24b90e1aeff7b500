"""STUB — being written. ``domain.objects``."""

from __future__ import annotations

from ._base import DomainResource

__all__ = ["Objects"]


class Objects(DomainResource):
    """STUB."""

    __slots__ = ()
