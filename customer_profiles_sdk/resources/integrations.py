"""STUB — being written. ``domain.integrations``."""

from __future__ import annotations

from ._base import DomainResource

__all__ = ["Integrations"]


class Integrations(DomainResource):
    """STUB."""

    __slots__ = ()
