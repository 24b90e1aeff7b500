"""Models of the domains operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model

__all__ = [
    "AttributeMatchingModel",
    "AttributeTypesSelector",
    "AutoMerging",
    "ConflictResolution",
    "ConflictResolvingModel",
    "Consolidation",
    "DataStore",
    "DayOfTheWeek",
    "DeleteDomainResponse",
    "DomainSettings",
    "DomainStats",
    "DomainSummary",
    "ExportingConfig",
    "JobSchedule",
    "ListDomainsResponse",
    "Matching",
    "MatchingRule",
    "Readiness",
    "RuleBasedMatching",
    "RuleBasedMatchingStatus",
    "S3ExportingConfig",
]


class AttributeMatchingModel(str, Enum):
    """Rule-based matching: how attribute types pair up (open enum)."""

    ONE_TO_ONE = "ONE_TO_ONE"
    MANY_TO_MANY = "MANY_TO_MANY"


class ConflictResolvingModel(str, Enum):
    """How merging picks a value when profiles disagree (open enum)."""

    RECENCY = "RECENCY"
    SOURCE = "SOURCE"


class DayOfTheWeek(str, Enum):
    """Day of an identity-resolution job (open enum)."""

    SUNDAY = "SUNDAY"
    MONDAY = "MONDAY"
    TUESDAY = "TUESDAY"
    WEDNESDAY = "WEDNESDAY"
    THURSDAY = "THURSDAY"
    FRIDAY = "FRIDAY"
    SATURDAY = "SATURDAY"


class RuleBasedMatchingStatus(str, Enum):
    """State of rule-based matching (open enum)."""

    PENDING = "PENDING"
    IN_PROGRESS = "IN_PROGRESS"
    ACTIVE = "ACTIVE"


@model
class AttributeTypesSelector:
    """Which address, phone and email fields rule-based matching compares."""

    __wire_shape__: ClassVar[str] = "AttributeTypesSelector"

    attribute_matching_model: AttributeMatchingModel | str = attrs.field(
        metadata={"wire": "AttributeMatchingModel"}
    )
    address: list[str] | None = attrs.field(default=None, metadata={"wire": "Address"})
    phone_number: list[str] | None = attrs.field(default=None, metadata={"wire": "PhoneNumber"})
    email_address: list[str] | None = attrs.field(default=None, metadata={"wire": "EmailAddress"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AutoMerging:
    """Automatic merging of matched profiles (``AutoMerging``)."""

    __wire_shape__: ClassVar[str] = "AutoMerging"

    enabled: bool = attrs.field(metadata={"wire": "Enabled"})
    consolidation: Consolidation | None = attrs.field(
        default=None, metadata={"wire": "Consolidation"}
    )
    conflict_resolution: ConflictResolution | None = attrs.field(
        default=None, metadata={"wire": "ConflictResolution"}
    )
    min_allowed_confidence_score_for_merging: float | None = attrs.field(
        default=None, metadata={"wire": "MinAllowedConfidenceScoreForMerging"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ConflictResolution:
    """Which value wins when merged profiles disagree (``ConflictResolution``)."""

    __wire_shape__: ClassVar[str] = "ConflictResolution"

    conflict_resolving_model: ConflictResolvingModel | str = attrs.field(
        metadata={"wire": "ConflictResolvingModel"}
    )
    source_name: str | None = attrs.field(default=None, metadata={"wire": "SourceName"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Consolidation:
    """Attribute combinations that must match for an automatic merge."""

    __wire_shape__: ClassVar[str] = "Consolidation"

    matching_attributes_list: list[list[str]] = attrs.field(
        metadata={"wire": "MatchingAttributesList"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DataStore:
    """The domain's data store (``DataStoreRequest`` / ``DataStoreResponse``)."""

    __wire_shape__: ClassVar[str] = "DataStoreResponse"

    enabled: bool | None = attrs.field(default=None, metadata={"wire": "Enabled"})
    readiness: Readiness | None = attrs.field(default=None, metadata={"wire": "Readiness"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteDomainResponse:
    """The ``DeleteDomainResponse`` structure, used by ``DeleteDomain`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteDomainResponse"

    message: str = attrs.field(metadata={"wire": "Message"})
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

    domain_name: str = attrs.field(metadata={"wire": "DomainName"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    default_expiration_days: int | None = attrs.field(
        default=None, metadata={"wire": "DefaultExpirationDays"}
    )
    default_encryption_key: str | None = attrs.field(
        default=None, metadata={"wire": "DefaultEncryptionKey"}
    )
    dead_letter_queue_url: str | None = attrs.field(
        default=None, metadata={"wire": "DeadLetterQueueUrl"}
    )
    stats: DomainStats | None = attrs.field(default=None, metadata={"wire": "Stats"})
    matching: Matching | None = attrs.field(default=None, metadata={"wire": "Matching"})
    rule_based_matching: RuleBasedMatching | None = attrs.field(
        default=None, metadata={"wire": "RuleBasedMatching"}
    )
    data_store: DataStore | None = attrs.field(default=None, metadata={"wire": "DataStore"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainStats:
    """Usage figures of a domain (``DomainStats``)."""

    __wire_shape__: ClassVar[str] = "DomainStats"

    profile_count: int | None = attrs.field(default=None, metadata={"wire": "ProfileCount"})
    metering_profile_count: int | None = attrs.field(
        default=None, metadata={"wire": "MeteringProfileCount"}
    )
    object_count: int | None = attrs.field(default=None, metadata={"wire": "ObjectCount"})
    total_size: int | None = attrs.field(default=None, metadata={"wire": "TotalSize"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DomainSummary:
    """One domain in ``ListDomains`` (``ListDomainItem``)."""

    __wire_shape__: ClassVar[str] = "ListDomainItem"

    domain_name: str = attrs.field(metadata={"wire": "DomainName"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ExportingConfig:
    """Where match results are exported (``ExportingConfig``)."""

    __wire_shape__: ClassVar[str] = "ExportingConfig"

    s3_exporting: S3ExportingConfig | None = attrs.field(
        default=None, metadata={"wire": "S3Exporting"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class JobSchedule:
    """When the weekly identity-resolution job runs (``JobSchedule``).

    Example:
        >>> JobSchedule(day_of_the_week=DayOfTheWeek.SUNDAY, time="03:00").time
        '03:00'
    """

    __wire_shape__: ClassVar[str] = "JobSchedule"

    day_of_the_week: DayOfTheWeek | str = attrs.field(metadata={"wire": "DayOfTheWeek"})
    time: str = attrs.field(metadata={"wire": "Time"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListDomainsResponse:
    """The ``ListDomainsResponse`` structure, used by ``ListDomains`` (response)."""

    __wire_shape__: ClassVar[str] = "ListDomainsResponse"

    items: list[DomainSummary] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Matching:
    """ML identity resolution settings (``MatchingRequest`` / ``MatchingResponse``).

    Example:
        >>> Matching(enabled=True).enabled
        True
    """

    __wire_shape__: ClassVar[str] = "MatchingResponse"

    enabled: bool | None = attrs.field(default=None, metadata={"wire": "Enabled"})
    job_schedule: JobSchedule | None = attrs.field(default=None, metadata={"wire": "JobSchedule"})
    auto_merging: AutoMerging | None = attrs.field(default=None, metadata={"wire": "AutoMerging"})
    exporting_config: ExportingConfig | None = attrs.field(
        default=None, metadata={"wire": "ExportingConfig"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class MatchingRule:
    """One rule of rule-based matching: attributes that must all match."""

    __wire_shape__: ClassVar[str] = "MatchingRule"

    rule: list[str] = attrs.field(metadata={"wire": "Rule"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Readiness:
    """Progress of the data store being prepared."""

    __wire_shape__: ClassVar[str] = "Readiness"

    progress_percentage: int | None = attrs.field(
        default=None, metadata={"wire": "ProgressPercentage"}
    )
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class RuleBasedMatching:
    """Rule-based identity resolution (``RuleBasedMatchingRequest`` / ``...Response``).

    ``status`` is read-only (set by the service, never sent).
    """

    __wire_shape__: ClassVar[str] = "RuleBasedMatchingResponse"

    enabled: bool | None = attrs.field(default=None, metadata={"wire": "Enabled"})
    matching_rules: list[MatchingRule] | None = attrs.field(
        default=None, metadata={"wire": "MatchingRules"}
    )
    status: RuleBasedMatchingStatus | str | None = attrs.field(
        default=None, metadata={"wire": "Status"}
    )
    max_allowed_rule_level_for_merging: int | None = attrs.field(
        default=None, metadata={"wire": "MaxAllowedRuleLevelForMerging"}
    )
    max_allowed_rule_level_for_matching: int | None = attrs.field(
        default=None, metadata={"wire": "MaxAllowedRuleLevelForMatching"}
    )
    attribute_types_selector: AttributeTypesSelector | None = attrs.field(
        default=None, metadata={"wire": "AttributeTypesSelector"}
    )
    conflict_resolution: ConflictResolution | None = attrs.field(
        default=None, metadata={"wire": "ConflictResolution"}
    )
    exporting_config: ExportingConfig | None = attrs.field(
        default=None, metadata={"wire": "ExportingConfig"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class S3ExportingConfig:
    """An S3 location for exported match results."""

    __wire_shape__: ClassVar[str] = "S3ExportingConfig"

    s3_bucket_name: str = attrs.field(metadata={"wire": "S3BucketName"})
    s3_key_name: str | None = attrs.field(default=None, metadata={"wire": "S3KeyName"})
    extra: Extra = attrs.field(factory=dict, repr=False)
