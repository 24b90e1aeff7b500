"""STUB — being written. ``cp.templates``."""

from __future__ import annotations

from ._base import Resource

__all__ = ["Templates"]


class Templates(Resource):
    """STUB."""

    __slots__ = ()
