"""Matches: ``domain.matches`` - the results of identity resolution, and merging them.

Identity resolution (``Matching(enabled=True)`` on the domain) runs as a batch job in
the service (weekly by default) and groups the profiles that are likely the same
customer. :meth:`Matches.list` reads the groups of the latest run, :meth:`Matches.summary`
when that run happened and how many groups it found, and :meth:`Matches.merge` merges
one group.

Rule-based matching (``RuleBasedMatching`` on the domain) is evaluated continuously:
:meth:`Matches.rule_based` lists its groups, :meth:`Matches.similar_to` and
:meth:`Matches.group` read one group; :attr:`Matches.jobs` lists the ML identity-
resolution jobs and :meth:`Matches.auto_merge_preview` says what auto-merge would do
before you turn it on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .. import _convert, _display, _service
from .._polling import PollPolicy, wait_for
from ..errors import ValidationError
from ..models import (
    AutoMergingPreview,
    IdentityResolutionJob,
    IdentityResolutionJobDetails,
    SimilarProfiles,
)
from ..models.match import Match, MatchesSummary
from ..models.profile import FieldSourceProfileIds, MergeResult, Profile
from ..paging import Paged
from ._base import DomainResource, api
from .profiles import Profiles

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["IdentityResolutionJobs", "MatchGroupReview", "Matches"]

#: Match types of GetSimilarProfiles.
RULE_BASED = "RULE_BASED_MATCHING"
ML_BASED = "ML_BASED_MATCHING"
_MATCH_TYPES = (RULE_BASED, ML_BASED)
#: Job states after which a job does not change any more.
_ENDED = ("COMPLETED", "PARTIAL_SUCCESS", "FAILED")
#: Default deadline of ``jobs.wait()``, in seconds.
DEFAULT_JOB_TIMEOUT = 3600.0


def _invalid(operation: str, field: str, constraint: str, detail: str) -> ValidationError:
    return ValidationError(operation, [_service.Violation(field, constraint, detail)])


def _match_type(operation: str, match_type: str) -> str:
    value = str(getattr(match_type, "value", match_type))
    if value not in _MATCH_TYPES:
        raise _invalid(operation, "match_type", f"one of {', '.join(_MATCH_TYPES)}", repr(value))
    return value


def _status(job: IdentityResolutionJobDetails) -> str | None:
    status = job.status
    return None if status is None else str(getattr(status, "value", status))


def _job_failure(job: IdentityResolutionJobDetails) -> str | None:
    if _status(job) == "FAILED":
        return job.message or "the identity-resolution job failed"
    return None


@attrs.frozen
class MatchGroupReview:
    """One match group with its profiles, for review before merging (a notebook view).

    ``group`` is what ``GetSimilarProfiles`` says about the group; ``profiles`` the
    group's profiles as read when the review was made, in the group's order. In Jupyter
    it displays as a table, one row per profile; :meth:`to_pandas` gives the same rows as
    a ``DataFrame``. Personal data is shown (the user asked to look at it); ``repr``
    masks it.

    Example:
        >>> from customer_profiles_sdk.models import SimilarProfiles
        >>> review = MatchGroupReview(
        ...     SimilarProfiles(profile_ids=["a" * 32], match_id="m1", rule_level=1),
        ...     [Profile(profile_id="a" * 32, first_name="Ana")])
        >>> "rule level 1" in review._repr_html_()
        True
    """

    group: SimilarProfiles
    profiles: list[Profile]

    @property
    def title(self) -> str:
        """``Match group <id> (rule level N, 2 profiles)``: the caption of the views."""
        detail = []
        if self.group.rule_level is not None:
            detail.append(f"rule level {self.group.rule_level}")
        if self.group.confidence_score is not None:
            detail.append(f"confidence {self.group.confidence_score:.2f}")
        detail.append(f"{len(self.profiles)} profiles")
        return f"Match group {self.group.match_id} ({', '.join(detail)})"

    def to_pandas(self) -> pd.DataFrame:
        """The group's profiles as a ``DataFrame``: one row per profile, the profile's
        fields flattened (``first_name``, ``address.city``...), plus ``match_id`` and
        ``rule_level`` / ``confidence_score`` columns. Personal data is included.

        Raises:
            ImportError: pandas is not installed.

        Example:
            >>> from customer_profiles_sdk.models import SimilarProfiles
            >>> review = MatchGroupReview(
            ...     SimilarProfiles(profile_ids=["a" * 32], match_id="m1", rule_level=2),
            ...     [Profile(profile_id="a" * 32, first_name="Ana")])
            >>> df = review.to_pandas()
            >>> df.loc[0, "first_name"], int(df.loc[0, "rule_level"])
            ('Ana', 2)
        """
        frame = _display.to_pandas(self.profiles)
        frame.insert(0, "match_id", self.group.match_id)
        if self.group.rule_level is not None:
            frame.insert(1, "rule_level", self.group.rule_level)
        if self.group.confidence_score is not None:
            frame.insert(1, "confidence_score", self.group.confidence_score)
        return frame

    def _repr_html_(self) -> str:
        """Jupyter's view: one row per profile, the group's level in the caption."""
        return _display.table_html(self.profiles, title=self.title, more=False)


class IdentityResolutionJobs(DomainResource):
    """The ML identity-resolution jobs of a domain: ``domain.matches.jobs``.

    The service runs one job a week (``Matching.job_schedule``); each reviews the
    profiles, finds match groups and, with auto-merging on, merges them.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> from customer_profiles_sdk.models.domain import Matching
        >>> from customer_profiles_sdk.local import LocalBackend
        >>> backend = LocalBackend()
        >>> cp = CustomerProfiles.local(backend=backend)
        >>> domain = cp.domains.create(
        ...     "docs-jobs", default_expiration_days=365, matching=Matching(enabled=True))
        >>> job_id = backend.start_identity_resolution_job("docs-jobs")
        >>> domain.matches.jobs.wait(job_id).status.value
        'COMPLETED'
    """

    __slots__ = ()

    @api("ListIdentityResolutionJobs", output=IdentityResolutionJob)
    def list(self) -> Paged[IdentityResolutionJob]:
        """The domain's identity-resolution jobs, newest first (``ListIdentityResolutionJobs``).

        Raises:
            ResourceNotFoundError: the domain does not exist (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import Matching
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create(
            ...     "docs-jobs-list", default_expiration_days=365, matching=Matching(enabled=True))
            >>> domain.matches.jobs.list().to_list()
            []
        """
        return self._paged(
            "ListIdentityResolutionJobs", {"DomainName": self._domain}, IdentityResolutionJob
        )

    @api("GetIdentityResolutionJob", output=IdentityResolutionJobDetails)
    def get(self, job_id: str) -> IdentityResolutionJobDetails:
        """One job in full: status, statistics, auto-merge settings (``GetIdentityResolutionJob``).

        Raises:
            ValidationError: ``job_id`` is not 32 hexadecimal characters (nothing sent).
            ResourceNotFoundError: the job (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, ValidationError
            >>> domain = CustomerProfiles.local().domain("any")
            >>> try:
            ...     domain.matches.jobs.get("not-a-job-id")
            ... except ValidationError as e:
            ...     print(e.violations[0].path)
            JobId
        """
        response = self._call(
            "GetIdentityResolutionJob", {"DomainName": self._domain, "JobId": job_id}
        )
        return _convert.from_wire(IdentityResolutionJobDetails, response)

    def wait(
        self,
        job_id: str,
        *,
        timeout: float = DEFAULT_JOB_TIMEOUT,
        policy: PollPolicy | None = None,
    ) -> IdentityResolutionJobDetails:
        """Poll the job (``GetIdentityResolutionJob``) with back-off until it has ended.

        On the emulator waiting advances the emulated clock instead of sleeping.

        Args:
            job_id: the job.
            timeout: seconds to wait at most (default one hour).
            policy: the back-off between reads (default :class:`PollPolicy`).

        Returns:
            The ended job, ``COMPLETED`` or ``PARTIAL_SUCCESS`` (``message`` says what
            was not merged).

        Raises:
            JobFailedError: the job ended ``FAILED``; ``.last`` holds the job.
            WaitTimeoutError: it had not ended at the deadline.
            ResourceNotFoundError: the job (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, JobFailedError
            >>> from customer_profiles_sdk.models.domain import Matching
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> backend = LocalBackend()
            >>> cp = CustomerProfiles.local(backend=backend)
            >>> domain = cp.domains.create(
            ...     "docs-jobs-wait", default_expiration_days=365, matching=Matching(enabled=True))
            >>> job_id = backend.start_identity_resolution_job(
            ...     "docs-jobs-wait", outcome="FAILED", message="no data")
            >>> try:
            ...     domain.matches.jobs.wait(job_id)
            ... except JobFailedError as failed:
            ...     print(failed.last.message)
            no data
        """
        return wait_for(
            lambda: self.get(job_id),
            done=lambda job: _status(job) in _ENDED,
            failed=_job_failure,
            what=f"identity-resolution job {job_id}",
            timeout=timeout,
            waiter=self._transport.waiter,
            policy=policy,
        )


class Matches(DomainResource):
    """The identity-resolution matches of one domain: ``cp.domain("retail").matches``.

    Every read raises :class:`~customer_profiles_sdk.errors.BadRequestError` when
    identity resolution is not enabled on the domain.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> from customer_profiles_sdk.models.domain import Matching
        >>> from customer_profiles_sdk.local import LocalBackend
        >>> backend = LocalBackend()
        >>> cp = CustomerProfiles.local(backend=backend)
        >>> domain = cp.domains.create(
        ...     "docs-matches", default_expiration_days=365, matching=Matching(enabled=True))
        >>> a = domain.profiles.create({"first_name": "Ana", "email_address": "ana@x.com"})
        >>> b = domain.profiles.create({"first_name": "Ana", "email_address": "ANA@x.com"})
        >>> backend.run_identity_resolution("docs-matches")   # the service runs it weekly
        >>> [sorted(m.profile_ids) == sorted([a, b]) for m in domain.matches.list()]
        [True]
    """

    __slots__ = ()

    @property
    def jobs(self) -> IdentityResolutionJobs:
        """The domain's ML identity-resolution jobs (list, get, wait); makes no request.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> type(CustomerProfiles.local().domain("any").matches.jobs).__name__
            'IdentityResolutionJobs'
        """
        return IdentityResolutionJobs(self._transport, self._domain)

    @api("ListRuleBasedMatches", returns=("MatchIds",))
    def rule_based(self) -> Paged[str]:
        """The MatchIds of the domain's rule-based match groups (``ListRuleBasedMatches``), paged.

        Read a group with :meth:`group`. Rule-based matching runs as data arrives: a
        profile created now is matched now.

        Raises:
            ResourceNotFoundError: the domain does not exist (raised while iterating).
            BadRequestError: rule-based matching is not enabled (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import MatchingRule, RuleBasedMatching
            >>> cp = CustomerProfiles.local()
            >>> rules = RuleBasedMatching(
            ...     enabled=True, matching_rules=[MatchingRule(rule=["EmailAddress"])])
            >>> domain = cp.domains.create(
            ...     "docs-rb", default_expiration_days=365, rule_based_matching=rules)
            >>> _ = domain.profiles.create({"email_address": "ana@x.com"})
            >>> _ = domain.profiles.create({"email_address": "ANA@x.com"})
            >>> len(domain.matches.rule_based().to_list())
            1
        """
        return self._paged_with(
            "ListRuleBasedMatches", {"DomainName": self._domain}, lambda item: str(item)
        )

    def _similar_params(self, match_type: str, key: str, value: str, field: str) -> dict[str, Any]:
        if not isinstance(value, str) or not value:
            raise _invalid("GetSimilarProfiles", field, "a non-empty string", repr(value))
        return {
            "DomainName": self._domain,
            "MatchType": _match_type("GetSimilarProfiles", match_type),
            "SearchKey": key,
            "SearchValue": value,
        }

    @api(
        "GetSimilarProfiles",
        params={"SearchValue": "profile_id", "SearchKey": "key"},
        returns=("ProfileIds", "MatchId", "MatchType", "RuleLevel", "ConfidenceScore"),
    )
    def similar_to(
        self, profile_id: str, *, match_type: str = RULE_BASED, key: str = "_profileId"
    ) -> Paged[str]:
        """The ids of the profiles in the same match group as ``profile_id``, paged.

        Calls ``GetSimilarProfiles``; the searched profile is included, and a profile in
        no group gives an empty result. ``MatchId``, ``RuleLevel`` and
        ``ConfidenceScore`` are in each page's ``response`` (``Paged.by_page``);
        :meth:`group` returns them as a model.

        Args:
            profile_id: the profile (or, with ``key``, the value of a search key that
                names exactly one profile, such as ``key="_email"``).
            match_type: ``"RULE_BASED_MATCHING"`` (default) or ``"ML_BASED_MATCHING"``.
            key: the search key ``profile_id`` is a value of (default ``_profileId``).

        Raises:
            ValidationError: an empty ``profile_id`` or an unknown ``match_type``
                (nothing sent).
            ResourceNotFoundError: the profile (or the domain) does not exist.
            BadRequestError: that kind of matching is not enabled.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import MatchingRule, RuleBasedMatching
            >>> cp = CustomerProfiles.local()
            >>> rules = RuleBasedMatching(
            ...     enabled=True, matching_rules=[MatchingRule(rule=["PhoneNumber"])])
            >>> domain = cp.domains.create(
            ...     "docs-similar", default_expiration_days=365, rule_based_matching=rules)
            >>> a = domain.profiles.create({"phone_number": "+1 555 010 0000"})
            >>> b = domain.profiles.create({"phone_number": "555-010-0000"})
            >>> sorted(domain.matches.similar_to(a)) == sorted([a, b])
            True
        """
        params = self._similar_params(match_type, key, profile_id, "profile_id")
        return self._paged_with("GetSimilarProfiles", params, lambda item: str(item))

    @api(
        "GetSimilarProfiles",
        params={"SearchValue": "match_id", "SearchKey": "match_id"},
        output=SimilarProfiles,
    )
    def group(
        self,
        match_id: str | None = None,
        *,
        profile_id: str | None = None,
        match_type: str = RULE_BASED,
    ) -> SimilarProfiles:
        """One match group, all pages read (``GetSimilarProfiles``), by MatchId or profile.

        Args:
            match_id: a MatchId from :meth:`rule_based` (or from :meth:`list` with
                ``match_type="ML_BASED_MATCHING"``).
            profile_id: instead of ``match_id``: the group of this profile.
            match_type: ``"RULE_BASED_MATCHING"`` (default) or ``"ML_BASED_MATCHING"``.

        Returns:
            The group: ``profile_ids``, ``match_id``, ``rule_level`` (rule-based: the
            group's level by MatchId, the profile's level by profile) or
            ``confidence_score`` (ML).

        Raises:
            ValidationError: neither or both of ``match_id`` and ``profile_id`` (nothing
                sent).
            ResourceNotFoundError: no such group or profile.
            BadRequestError: that kind of matching is not enabled.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import MatchingRule, RuleBasedMatching
            >>> cp = CustomerProfiles.local()
            >>> rules = RuleBasedMatching(enabled=True, matching_rules=[
            ...     MatchingRule(rule=["EmailAddress"]), MatchingRule(rule=["LastName"])])
            >>> domain = cp.domains.create(
            ...     "docs-group", default_expiration_days=365, rule_based_matching=rules)
            >>> _ = domain.profiles.create({"email_address": "a@x.com", "last_name": "Doe"})
            >>> _ = domain.profiles.create({"email_address": "b@x.com", "last_name": "Doe"})
            >>> g = domain.matches.group(domain.matches.rule_based().first())
            >>> len(g.profile_ids), g.rule_level
            (2, 2)
        """
        if (match_id is None) == (profile_id is None):
            raise _invalid(
                "GetSimilarProfiles",
                "match_id",
                "exactly one of match_id and profile_id",
                "got both or neither",
            )
        if match_id is not None:
            params = self._similar_params(match_type, "MatchId", match_id, "match_id")
        else:
            params = self._similar_params(match_type, "_profileId", str(profile_id), "profile_id")
        ids: list[str] = []
        response: dict[str, Any] = {}
        for page in Paged.from_operation(
            self._transport.call, "GetSimilarProfiles", params, str
        ).by_page():
            ids.extend(page.items)
            response = dict(page.response)
        response["ProfileIds"] = ids
        return _convert.from_wire(SimilarProfiles, response)

    def review(
        self,
        match_id: str | None = None,
        *,
        profile_id: str | None = None,
        match_type: str = RULE_BASED,
    ) -> MatchGroupReview:
        """A match group together with its profiles, to look at before merging.

        Reads the group (:meth:`group`, ``GetSimilarProfiles``) and its profiles
        (``BatchGetProfile``, 20 at a time). In a notebook the result displays as a
        table; ``.to_pandas()`` gives a ``DataFrame``.

        Args:
            match_id: the group's MatchId.
            profile_id: instead of ``match_id``: the group of this profile.
            match_type: ``"RULE_BASED_MATCHING"`` (default) or ``"ML_BASED_MATCHING"``.

        Raises:
            ValidationError: neither or both of ``match_id`` and ``profile_id``.
            ResourceNotFoundError: no such group or profile.
            BadRequestError: that kind of matching is not enabled.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import MatchingRule, RuleBasedMatching
            >>> cp = CustomerProfiles.local()
            >>> rules = RuleBasedMatching(
            ...     enabled=True, matching_rules=[MatchingRule(rule=["EmailAddress"])])
            >>> domain = cp.domains.create(
            ...     "docs-review", default_expiration_days=365, rule_based_matching=rules)
            >>> a = domain.profiles.create({"first_name": "Ana", "email_address": "a@x.com"})
            >>> b = domain.profiles.create({"first_name": "Anna", "email_address": "A@x.com"})
            >>> review = domain.matches.review(profile_id=a)
            >>> sorted(p.first_name for p in review.profiles)
            ['Ana', 'Anna']
        """
        group = self.group(match_id, profile_id=profile_id, match_type=match_type)
        ids = list(group.profile_ids or [])
        profiles = Profiles(self._transport, self._domain)
        found: dict[str, Profile] = {}
        for start in range(0, len(ids), 20):
            for profile in profiles.batch_get(ids[start : start + 20]).profiles:
                if profile.profile_id is not None:
                    found[profile.profile_id] = profile
        return MatchGroupReview(group, [found[pid] for pid in ids if pid in found])

    def rule_based_to_pandas(self, *, max_groups: int | None = None) -> pd.DataFrame:
        """The rule-based match groups as a ``DataFrame``: one row per (group, profile),
        columns ``match_id``, ``profile_id``, ``rule_level`` (the profile's level).

        Calls ``ListRuleBasedMatches`` and one ``GetSimilarProfiles`` per group.

        Args:
            max_groups: read at most this many groups.

        Raises:
            ImportError: pandas is not installed.
            BadRequestError: rule-based matching is not enabled.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import MatchingRule, RuleBasedMatching
            >>> cp = CustomerProfiles.local()
            >>> rules = RuleBasedMatching(enabled=True, matching_rules=[
            ...     MatchingRule(rule=["EmailAddress"]), MatchingRule(rule=["LastName"])])
            >>> domain = cp.domains.create(
            ...     "docs-rbdf", default_expiration_days=365, rule_based_matching=rules)
            >>> _ = domain.profiles.create({"email_address": "a@x.com", "last_name": "Doe"})
            >>> _ = domain.profiles.create({"email_address": "b@x.com", "last_name": "Doe"})
            >>> df = domain.matches.rule_based_to_pandas()
            >>> len(df), sorted(df.rule_level)
            (2, [2, 2])
        """
        pd = _display.require_pandas()
        groups = self.rule_based()
        if max_groups is not None:
            groups = groups.limit(max_groups)
        rows = []
        for match_id in groups:
            for profile_id in self.group(match_id).profile_ids or []:
                level = self.group(profile_id=profile_id).rule_level
                rows.append({"match_id": match_id, "profile_id": profile_id, "rule_level": level})
        return pd.DataFrame(rows, columns=["match_id", "profile_id", "rule_level"])

    @api(
        "GetAutoMergingPreview",
        params={
            "Consolidation": "consolidation",
            "ConflictResolution": "conflict_resolving_model, source_name",
            "MinAllowedConfidenceScoreForMerging": "min_confidence",
        },
        output=AutoMergingPreview,
    )
    def auto_merge_preview(
        self,
        consolidation: Sequence[Sequence[str]],
        *,
        conflict_resolving_model: str = "RECENCY",
        source_name: str | None = None,
        min_confidence: float | None = None,
    ) -> AutoMergingPreview:
        """What auto-merge would do with these settings, without merging anything.

        Calls ``GetAutoMergingPreview`` over the latest ML match groups. Use it to tune
        the consolidation criteria before enabling ``Matching.auto_merging``.

        Args:
            consolidation: the criteria, in order: each a list of profile attributes
                (``"EmailAddress"``, ``"Address.City"``, ``"Attributes.tier"``) that must
                all be equal for profiles to be merged. 1-10 criteria of 1-20 names.
            conflict_resolving_model: ``"RECENCY"`` (default: the most recently
                updated value wins) or ``"SOURCE"``.
            source_name: with ``SOURCE``: the object type whose values win.
            min_confidence: only groups at least this confident (0-1).

        Returns:
            The counts: matches and profiles in the sample, profiles that would merge.

        Raises:
            ValidationError: empty criteria, ``SOURCE`` without ``source_name``, or a
                value out of range (nothing sent).
            BadRequestError: ML matching is not enabled on the domain.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import Matching
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> backend = LocalBackend()
            >>> cp = CustomerProfiles.local(backend=backend)
            >>> domain = cp.domains.create(
            ...     "docs-preview", default_expiration_days=365, matching=Matching(enabled=True))
            >>> a = domain.profiles.create({"first_name": "Ana", "email_address": "a@x.com"})
            >>> b = domain.profiles.create({"first_name": "Ana", "email_address": "a@x.com"})
            >>> backend.set_matches("docs-preview", [[a, b]], confidence=0.9)
            >>> p = domain.matches.auto_merge_preview([["FirstName", "EmailAddress"]])
            >>> p.number_of_matches_in_sample, p.number_of_profiles_will_be_merged
            (1, 2)
        """
        op = "GetAutoMergingPreview"
        criteria = [list(c) for c in consolidation] if not isinstance(consolidation, str) else []
        if not criteria or any(not c or isinstance(c, str) for c in criteria):
            raise _invalid(
                op, "consolidation", "1-10 lists of attribute names", repr(consolidation)
            )
        model = str(getattr(conflict_resolving_model, "value", conflict_resolving_model))
        if model == "SOURCE" and not source_name:
            raise _invalid(
                op, "source_name", "required when conflict_resolving_model is SOURCE", "None"
            )
        conflict: dict[str, Any] = {"ConflictResolvingModel": model}
        if source_name is not None:
            conflict["SourceName"] = source_name
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "Consolidation": {"MatchingAttributesList": criteria},
            "ConflictResolution": conflict,
        }
        if min_confidence is not None:
            params["MinAllowedConfidenceScoreForMerging"] = min_confidence
        return _convert.from_wire(AutoMergingPreview, self._call(op, params))

    @api("GetMatches", output=Match, returns=("MatchGenerationDate", "PotentialMatches"))
    def list(self) -> Paged[Match]:
        """The match groups of the latest identity-resolution run (``GetMatches``), paged.

        Groups only list profiles that still exist. ``MatchGenerationDate`` and
        ``PotentialMatches`` of the response are in each page's ``response`` (see
        ``Paged.by_page``); :meth:`summary` returns them as a model.

        Raises:
            ResourceNotFoundError: the domain does not exist (raised while iterating).
            BadRequestError: identity resolution is not enabled (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import Matching
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create(
            ...     "docs-mlist", default_expiration_days=365, matching=Matching(enabled=True))
            >>> domain.matches.list().to_list()      # no run yet
            []
        """
        return self._paged("GetMatches", {"DomainName": self._domain}, Match)

    def summary(self) -> MatchesSummary:
        """When the latest identity-resolution run happened and how many groups it found.

        Calls ``GetMatches`` once (for one group). Not an ``@api`` binding of its own:
        the members it reads are bound through :meth:`list` (each page's ``response``).

        Returns:
            ``match_generation_date`` (``None`` before the first run) and
            ``potential_matches``.

        Raises:
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: identity resolution is not enabled on the domain.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import Matching
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create(
            ...     "docs-msummary", default_expiration_days=365, matching=Matching(enabled=True))
            >>> s = domain.matches.summary()
            >>> s.match_generation_date is None, s.potential_matches
            (True, 0)
        """
        response = self._call("GetMatches", {"DomainName": self._domain, "MaxResults": 1})
        wanted = _convert.wire_names(MatchesSummary).values()
        data = {wire: response[wire] for wire in wanted if wire in response}
        return _convert.from_wire(MatchesSummary, data)

    @api(
        "MergeProfiles",
        params={"ProfileIdsToBeMerged": "match", "FieldSourceProfileIds": "field_sources"},
        output=MergeResult,
    )
    def merge(
        self,
        match: Match,
        *,
        main_profile_id: str | None = None,
        field_sources: FieldSourceProfileIds | Mapping[str, Any] | None = None,
    ) -> MergeResult:
        """Merge the profiles of a match group into one (``MergeProfiles``). Irreversible.

        Args:
            match: a group from :meth:`list`.
            main_profile_id: the profile that remains; default: the group's first id.
            field_sources: which profile each field is taken from on a conflict (see
                :meth:`Profiles.merge`).

        Returns:
            The service's answer.

        Raises:
            TypeError: ``match`` is not a :class:`Match` (e.g. ``None``).
            ValidationError: the group has fewer than two ids, or ``main_profile_id`` is
                not one of them (nothing sent).
            ResourceNotFoundError: a profile or the domain does not exist.
            BadRequestError: the service rejected the merge.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import Matching
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> backend = LocalBackend()
            >>> cp = CustomerProfiles.local(backend=backend)
            >>> domain = cp.domains.create(
            ...     "docs-mmerge", default_expiration_days=365, matching=Matching(enabled=True))
            >>> a = domain.profiles.create({"first_name": "Ana", "phone_number": "+15550001111"})
            >>> b = domain.profiles.create({"last_name": "Lima", "phone_number": "5550001111"})
            >>> backend.set_matches("docs-mmerge", [[a, b]])
            >>> match = domain.matches.list().first()
            >>> _ = domain.matches.merge(match)
            >>> p = domain.profiles.get(a)
            >>> p.first_name, p.last_name, domain.profiles.exists(b)
            ('Ana', 'Lima', False)
        """
        if not isinstance(match, Match):
            raise TypeError(
                f"match: expected a Match from matches.list(), got {type(match).__name__}"
            )
        ids = list(dict.fromkeys(match.profile_ids))
        main = ids[0] if main_profile_id is None and ids else main_profile_id
        if main is None or main not in ids or len(ids) < 2:
            detail = (
                f"got {len(ids)} distinct profile ids"
                if len(ids) < 2
                else "main_profile_id is not in the group"
            )
            violation = _service.Violation(
                "match.profile_ids", "at least two ids, including the main profile", detail
            )
            raise ValidationError("MergeProfiles", [violation])
        duplicates = [pid for pid in ids if pid != main]
        profiles = Profiles(self._transport, self._domain)
        return profiles.merge(main, duplicates, field_sources=field_sources)
