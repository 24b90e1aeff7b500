"""Models of the matches operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model
from .domains import AutoMerging

__all__ = [
    "AutoMergingPreview",
    "ExportingLocation",
    "IdentityResolutionJob",
    "IdentityResolutionJobDetails",
    "IdentityResolutionJobStatus",
    "JobStats",
    "ListIdentityResolutionJobsResponse",
    "ListRuleBasedMatchesResponse",
    "Match",
    "MatchType",
    "MatchesSummary",
    "S3ExportingLocation",
    "SimilarProfiles",
]


class IdentityResolutionJobStatus(str, Enum):
    """``IdentityResolutionJobStatus``, an open enum: a value this SDK does not know stays
    a ``str``.
    """

    PENDING = "PENDING"
    PREPROCESSING = "PREPROCESSING"
    FIND_MATCHING = "FIND_MATCHING"
    MERGING = "MERGING"
    COMPLETED = "COMPLETED"
    PARTIAL_SUCCESS = "PARTIAL_SUCCESS"
    FAILED = "FAILED"


class MatchType(str, Enum):
    """``MatchType``, an open enum: a value this SDK does not know stays a ``str``."""

    RULE_BASED_MATCHING = "RULE_BASED_MATCHING"
    ML_BASED_MATCHING = "ML_BASED_MATCHING"


@model
class AutoMergingPreview:
    """What auto-merge would do with the given settings (``GetAutoMergingPreview``).

    Attributes:
        number_of_matches_in_sample: match groups in the sample.
        number_of_profiles_in_sample: profiles in those groups.
        number_of_profiles_will_be_merged: profiles that would end up merged.
    """

    __wire_shape__: ClassVar[str] = "GetAutoMergingPreviewResponse"

    domain_name: str = attrs.field(metadata={"wire": "DomainName"})
    number_of_matches_in_sample: int | None = attrs.field(
        default=None, metadata={"wire": "NumberOfMatchesInSample"}
    )
    number_of_profiles_in_sample: int | None = attrs.field(
        default=None, metadata={"wire": "NumberOfProfilesInSample"}
    )
    number_of_profiles_will_be_merged: int | None = attrs.field(
        default=None, metadata={"wire": "NumberOfProfilesWillBeMerged"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ExportingLocation:
    """The ``ExportingLocation`` structure, used by ``GetIdentityResolutionJob``,
    ``ListIdentityResolutionJobs``.
    """

    __wire_shape__: ClassVar[str] = "ExportingLocation"

    s3_exporting: S3ExportingLocation | None = attrs.field(
        default=None, metadata={"wire": "S3Exporting"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class IdentityResolutionJob:
    """The ``IdentityResolutionJob`` structure, used by ``ListIdentityResolutionJobs``."""

    __wire_shape__: ClassVar[str] = "IdentityResolutionJob"

    domain_name: str | None = attrs.field(default=None, metadata={"wire": "DomainName"})
    job_id: str | None = attrs.field(default=None, metadata={"wire": "JobId"})
    status: IdentityResolutionJobStatus | str | None = attrs.field(
        default=None, metadata={"wire": "Status"}
    )
    job_start_time: datetime | None = attrs.field(default=None, metadata={"wire": "JobStartTime"})
    job_end_time: datetime | None = attrs.field(default=None, metadata={"wire": "JobEndTime"})
    job_stats: JobStats | None = attrs.field(default=None, metadata={"wire": "JobStats"})
    exporting_location: ExportingLocation | None = attrs.field(
        default=None, metadata={"wire": "ExportingLocation"}
    )
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class IdentityResolutionJobDetails:
    """One ML identity-resolution job in full (``GetIdentityResolutionJob``).

    ``done`` is true once the job has ended (``COMPLETED``, ``PARTIAL_SUCCESS`` or
    ``FAILED``); ``job_stats`` counts the profiles reviewed, the matches found and
    the merges done.
    """

    __wire_shape__: ClassVar[str] = "GetIdentityResolutionJobResponse"

    domain_name: str | None = attrs.field(default=None, metadata={"wire": "DomainName"})
    job_id: str | None = attrs.field(default=None, metadata={"wire": "JobId"})
    status: IdentityResolutionJobStatus | str | None = attrs.field(
        default=None, metadata={"wire": "Status"}
    )
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    job_start_time: datetime | None = attrs.field(default=None, metadata={"wire": "JobStartTime"})
    job_end_time: datetime | None = attrs.field(default=None, metadata={"wire": "JobEndTime"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    job_expiration_time: datetime | None = attrs.field(
        default=None, metadata={"wire": "JobExpirationTime"}
    )
    auto_merging: AutoMerging | None = attrs.field(default=None, metadata={"wire": "AutoMerging"})
    exporting_location: ExportingLocation | None = attrs.field(
        default=None, metadata={"wire": "ExportingLocation"}
    )
    job_stats: JobStats | None = attrs.field(default=None, metadata={"wire": "JobStats"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class JobStats:
    """The ``JobStats`` structure, used by ``GetIdentityResolutionJob``,
    ``ListIdentityResolutionJobs``.
    """

    __wire_shape__: ClassVar[str] = "JobStats"

    number_of_profiles_reviewed: int | None = attrs.field(
        default=None, metadata={"wire": "NumberOfProfilesReviewed"}
    )
    number_of_matches_found: int | None = attrs.field(
        default=None, metadata={"wire": "NumberOfMatchesFound"}
    )
    number_of_merges_done: int | None = attrs.field(
        default=None, metadata={"wire": "NumberOfMergesDone"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListIdentityResolutionJobsResponse:
    """The ``ListIdentityResolutionJobsResponse`` structure, used by
    ``ListIdentityResolutionJobs`` (response).
    """

    __wire_shape__: ClassVar[str] = "ListIdentityResolutionJobsResponse"

    identity_resolution_jobs_list: list[IdentityResolutionJob] | None = attrs.field(
        default=None, metadata={"wire": "IdentityResolutionJobsList"}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListRuleBasedMatchesResponse:
    """The ``ListRuleBasedMatchesResponse`` structure, used by ``ListRuleBasedMatches``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListRuleBasedMatchesResponse"

    match_ids: list[str] | None = attrs.field(default=None, metadata={"wire": "MatchIds"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Match:
    """One group of profiles that identity resolution found to match (``MatchItem``).

    Attributes:
        match_id: the service's id of the group.
        profile_ids: the ids of the matching profiles (at least two).
        confidence_score: how sure the service is, from 0 to 1.

    Example:
        >>> m = Match(match_id="m1", profile_ids=["a" * 32, "b" * 32], confidence_score=0.9)
        >>> len(m.profile_ids), m.confidence_score
        (2, 0.9)
    """

    __wire_shape__: ClassVar[str] = "MatchItem"

    match_id: str | None = attrs.field(default=None, metadata={"wire": "MatchId"})
    profile_ids: list[str] = attrs.field(factory=list, metadata={"wire": "ProfileIds"})
    confidence_score: float | None = attrs.field(default=None, metadata={"wire": "ConfidenceScore"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class MatchesSummary:
    """What ``GetMatches`` says about the latest identity-resolution run as a whole.

    Attributes:
        match_generation_date: when the matches were generated; ``None`` before the
            first run.
        potential_matches: how many match groups the run found in all.
    """

    __wire_shape__: ClassVar[str] = "GetMatchesResponse"

    match_generation_date: datetime | None = attrs.field(
        default=None, metadata={"wire": "MatchGenerationDate"}
    )
    potential_matches: int | None = attrs.field(default=None, metadata={"wire": "PotentialMatches"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class S3ExportingLocation:
    """The ``S3ExportingLocation`` structure, used by ``GetIdentityResolutionJob``,
    ``ListIdentityResolutionJobs``.
    """

    __wire_shape__: ClassVar[str] = "S3ExportingLocation"

    s3_bucket_name: str | None = attrs.field(default=None, metadata={"wire": "S3BucketName"})
    s3_key_name: str | None = attrs.field(default=None, metadata={"wire": "S3KeyName"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SimilarProfiles:
    """One match group as ``GetSimilarProfiles`` describes it, all pages collected.

    Attributes:
        profile_ids: the group's profile ids (the searched profile included).
        match_id: the group's id; ``None`` when the profile is in no group.
        match_type: ``RULE_BASED_MATCHING`` or ``ML_BASED_MATCHING``.
        rule_level: rule-based only: the rule level that matched.
        confidence_score: ML only: how sure the service is, from 0 to 1.

    Example:
        >>> g = SimilarProfiles(profile_ids=["a" * 32, "b" * 32], match_id="m1", rule_level=1)
        >>> len(g.profile_ids), g.rule_level
        (2, 1)
    """

    __wire_shape__: ClassVar[str] = "GetSimilarProfilesResponse"

    profile_ids: list[str] | None = attrs.field(default=None, metadata={"wire": "ProfileIds"})
    match_id: str | None = attrs.field(default=None, metadata={"wire": "MatchId"})
    match_type: MatchType | str | None = attrs.field(default=None, metadata={"wire": "MatchType"})
    rule_level: int | None = attrs.field(default=None, metadata={"wire": "RuleLevel"})
    confidence_score: float | None = attrs.field(default=None, metadata={"wire": "ConfidenceScore"})
    extra: Extra = attrs.field(factory=dict, repr=False)
