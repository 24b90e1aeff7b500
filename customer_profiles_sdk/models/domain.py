"""Domains: settings, matching configuration and statistics."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from ._base import Extra, model

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


class DayOfTheWeek(str, Enum):
    """Day of an identity-resolution job (open enum)."""

    SUNDAY = "SUNDAY"
    MONDAY = "MONDAY"
    TUESDAY = "TUESDAY"
    WEDNESDAY = "WEDNESDAY"
    THURSDAY = "THURSDAY"
    FRIDAY = "FRIDAY"
    SATURDAY = "SATURDAY"


class ConflictResolvingModel(str, Enum):
    """How merging picks a value when profiles disagree (open enum)."""

    RECENCY = "RECENCY"
    SOURCE = "SOURCE"


class AttributeMatchingModel(str, Enum):
    """Rule-based matching: how attribute types pair up (open enum)."""

    ONE_TO_ONE = "ONE_TO_ONE"
    MANY_TO_MANY = "MANY_TO_MANY"


class RuleBasedMatchingStatus(str, Enum):
    """State of rule-based matching (open enum)."""

    PENDING = "PENDING"
    IN_PROGRESS = "IN_PROGRESS"
    ACTIVE = "ACTIVE"


@model
class JobSchedule:
    """When the weekly identity-resolution job runs (``JobSchedule``).

    Example:
        >>> JobSchedule(day_of_the_week=DayOfTheWeek.SUNDAY, time="03:00").time
        '03:00'
    """

    __wire_shape__: ClassVar[str] = "JobSchedule"

    day_of_the_week: DayOfTheWeek | str
    time: str
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Consolidation:
    """Attribute combinations that must match for an automatic merge."""

    __wire_shape__: ClassVar[str] = "Consolidation"

    matching_attributes_list: list[list[str]]
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ConflictResolution:
    """Which value wins when merged profiles disagree (``ConflictResolution``)."""

    __wire_shape__: ClassVar[str] = "ConflictResolution"

    conflict_resolving_model: ConflictResolvingModel | str
    source_name: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AutoMerging:
    """Automatic merging of matched profiles (``AutoMerging``)."""

    __wire_shape__: ClassVar[str] = "AutoMerging"

    enabled: bool
    consolidation: Consolidation | None = None
    conflict_resolution: ConflictResolution | None = None
    min_allowed_confidence_score_for_merging: float | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class S3ExportingConfig:
    """An S3 location for exported match results."""

    __wire_shape__: ClassVar[str] = "S3ExportingConfig"

    s3_bucket_name: str
    s3_key_name: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ExportingConfig:
    """Where match results are exported (``ExportingConfig``)."""

    __wire_shape__: ClassVar[str] = "ExportingConfig"

    s3_exporting: S3ExportingConfig | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Matching:
    """ML identity resolution settings (``MatchingRequest`` / ``MatchingResponse``).

    Example:
        >>> Matching(enabled=True).enabled
        True
    """

    __wire_shape__: ClassVar[str] = "MatchingResponse"

    enabled: bool | None = None
    job_schedule: JobSchedule | None = None
    auto_merging: AutoMerging | None = None
    exporting_config: ExportingConfig | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class MatchingRule:
    """One rule of rule-based matching: attributes that must all match."""

    __wire_shape__: ClassVar[str] = "MatchingRule"

    rule: list[str]
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AttributeTypesSelector:
    """Which address, phone and email fields rule-based matching compares."""

    __wire_shape__: ClassVar[str] = "AttributeTypesSelector"

    attribute_matching_model: AttributeMatchingModel | str
    address: list[str] | None = None
    phone_number: list[str] | None = None
    email_address: list[str] | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RuleBasedMatching:
    """Rule-based identity resolution (``RuleBasedMatchingRequest`` / ``...Response``).

    ``status`` is read-only (set by the service, never sent).
    """

    __wire_shape__: ClassVar[str] = "RuleBasedMatchingResponse"

    enabled: bool | None = None
    matching_rules: list[MatchingRule] | None = None
    status: RuleBasedMatchingStatus | str | None = None
    max_allowed_rule_level_for_merging: int | None = None
    max_allowed_rule_level_for_matching: int | None = None
    attribute_types_selector: AttributeTypesSelector | None = None
    conflict_resolution: ConflictResolution | None = None
    exporting_config: ExportingConfig | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Readiness:
    """Progress of the data store being prepared."""

    __wire_shape__: ClassVar[str] = "Readiness"

    progress_percentage: int | None = None
    message: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DataStore:
    """The domain's data store (``DataStoreRequest`` / ``DataStoreResponse``)."""

    __wire_shape__: ClassVar[str] = "DataStoreResponse"

    enabled: bool | None = None
    readiness: Readiness | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainStats:
    """Usage figures of a domain (``DomainStats``)."""

    __wire_shape__: ClassVar[str] = "DomainStats"

    profile_count: int | None = None
    metering_profile_count: int | None = None
    object_count: int | None = None
    total_size: int | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainSettings:
    """A domain's settings and statistics (``GetDomain``; also what ``CreateDomain`` and
    ``UpdateDomain`` answer, without ``stats``).

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> settings = cp.domains.create("docs-settings", default_expiration_days=30).get()
        >>> settings.default_expiration_days
        30
    """

    __wire_shape__: ClassVar[str] = "GetDomainResponse"

    domain_name: str
    created_at: datetime
    last_updated_at: datetime
    default_expiration_days: int | None = None
    default_encryption_key: str | None = None
    dead_letter_queue_url: str | None = None
    stats: DomainStats | None = None
    matching: Matching | None = None
    rule_based_matching: RuleBasedMatching | None = None
    data_store: DataStore | None = None
    tags: dict[str, str] = attrs.field(factory=dict)
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainSummary:
    """One domain in ``ListDomains`` (``ListDomainItem``)."""

    __wire_shape__: ClassVar[str] = "ListDomainItem"

    domain_name: str
    created_at: datetime
    last_updated_at: datetime
    tags: dict[str, str] = attrs.field(factory=dict)
    extra: Extra = attrs.field(factory=dict, repr=False)
