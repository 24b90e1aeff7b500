"""Domains: settings, matching configuration and statistics.

The models are generated (``customer_profiles_sdk.models._generated``); this module keeps
the names it has always offered. Import from ``customer_profiles_sdk`` or
``customer_profiles_sdk.models`` in new code.
"""

from __future__ import annotations

from . import (
    AttributeMatchingModel,
    AttributeTypesSelector,
    AutoMerging,
    ConflictResolution,
    ConflictResolvingModel,
    Consolidation,
    DataStore,
    DayOfTheWeek,
    DomainSettings,
    DomainStats,
    DomainSummary,
    ExportingConfig,
    JobSchedule,
    Matching,
    MatchingRule,
    Readiness,
    RuleBasedMatching,
    RuleBasedMatchingStatus,
    S3ExportingConfig,
)

__all__ = [
    "AttributeMatchingModel",
    "AttributeTypesSelector",
    "AutoMerging",
    "ConflictResolution",
    "ConflictResolvingModel",
    "Consolidation",
    "DataStore",
    "DayOfTheWeek",
    "DomainSettings",
    "DomainStats",
    "DomainSummary",
    "ExportingConfig",
    "JobSchedule",
    "Matching",
    "MatchingRule",
    "Readiness",
    "RuleBasedMatching",
    "RuleBasedMatchingStatus",
    "S3ExportingConfig",
]
