"""STUB — being written. ``cp.tags``."""

from __future__ import annotations

from ._base import Resource

__all__ = ["Tags"]


class Tags(Resource):
    """STUB."""

    __slots__ = ()
