"""The SDK's attrs models: typed, frozen, keyword-only; converted to and from the wire
by :mod:`customer_profiles_sdk._convert`. Models never do I/O."""

from __future__ import annotations

from .profile import (
    Address,
    ContactPreference,
    ContactType,
    EngagementPreferences,
    FoundByKeyValue,
    Gender,
    PartyType,
    Profile,
    ProfileType,
)

__all__ = [
    "Address",
    "ContactPreference",
    "ContactType",
    "EngagementPreferences",
    "FoundByKeyValue",
    "Gender",
    "PartyType",
    "Profile",
    "ProfileType",
]
