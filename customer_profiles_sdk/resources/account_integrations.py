"""STUB — being written. ``cp.account_integrations``."""

from __future__ import annotations

from ._base import Resource

__all__ = ["AccountIntegrations"]


class AccountIntegrations(Resource):
    """STUB."""

    __slots__ = ()
