"""customer-profiles-sdk: a typed, high-level SDK for Amazon Connect Customer Profiles."""

from __future__ import annotations

from ._version import __version__

__all__ = ["__version__"]
