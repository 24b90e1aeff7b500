"""Identity-resolution matches: groups of profiles that are likely the same customer.

The models are generated (``customer_profiles_sdk.models._generated``); this module keeps
the names it has always offered. Import from ``customer_profiles_sdk`` or
``customer_profiles_sdk.models`` in new code.
"""

from __future__ import annotations

from . import Match, MatchesSummary

__all__ = ["Match", "MatchesSummary"]
