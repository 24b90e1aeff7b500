"""Profiles: the standard profile object and its parts.

The models are generated (``customer_profiles_sdk.models._generated``); this module keeps
the names it has always offered. Import from ``customer_profiles_sdk`` or
``customer_profiles_sdk.models`` in new code.
"""

from __future__ import annotations

from . import (
    Address,
    BatchGetProfileError,
    BatchGetProfileResult,
    ContactPreference,
    ContactType,
    EngagementPreferences,
    FieldSourceProfileIds,
    FoundByKeyValue,
    Gender,
    Key,
    MergeResult,
    PartyType,
    Profile,
    ProfileType,
    SearchKey,
)

__all__ = [
    "Address",
    "BatchGetProfileError",
    "BatchGetProfileResult",
    "ContactPreference",
    "ContactType",
    "EngagementPreferences",
    "FieldSourceProfileIds",
    "FoundByKeyValue",
    "Gender",
    "Key",
    "MergeResult",
    "PartyType",
    "Profile",
    "ProfileType",
    "SearchKey",
]
