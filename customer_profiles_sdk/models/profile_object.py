"""Profile objects: the JSON documents ingested into a domain and attached to profiles.

The models are generated (``customer_profiles_sdk.models._generated``); this module keeps
the names it has always offered. Import from ``customer_profiles_sdk`` or
``customer_profiles_sdk.models`` in new code.
"""

from __future__ import annotations

from . import ObjectFilter, ProfileObject

__all__ = ["ObjectFilter", "ProfileObject"]
