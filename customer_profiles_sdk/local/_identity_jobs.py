"""ML identity-resolution jobs and the auto-merging preview (spec identity-history-jobs 2.7-2.9).

**An approximation [A]**: the service's weekly job is machine learning; the emulator
runs a deterministic stub (:func:`._matching.compute_ml_matches`) inside a clock-driven
state machine::

    PENDING -(JobStartTime)-> PREPROCESSING -(+d)-> FIND_MATCHING -(+d)-> MERGING -(+d)-> COMPLETED
                                              (AutoMerging off: FIND_MATCHING -(+d)-> COMPLETED)
    an outcome hook ends a job FAILED (at the end of PREPROCESSING, nothing matched or
    merged) or PARTIAL_SUCCESS (matching done, only the first half of the merges).

``d`` is ``MatchingSettings.ml_job_phase_seconds`` (60 s). Jobs are created by the test
hooks :meth:`IdentityResolutionHooks.start_identity_resolution_job` and
``LocalBackend.run_identity_resolution`` (a job COMPLETED at once); nothing runs on a
schedule. Handlers: GetIdentityResolutionJob, ListIdentityResolutionJobs,
GetAutoMergingPreview.

The consolidation of auto-merge (criteria applied in order within each ML group,
conflicts resolved as configured) is shared by the MERGING phase and the preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ._errors import bad_request, not_found
from ._matching import compute_ml_matches, live_groups
from ._registry import Context, Request, Response, operation
from ._rule_engine import _phone, _text
from ._rule_matching import field_sources, pick_source, settings_of
from ._state import DomainRec, IdentityJobRec, MatchGroup, ProfileRec, TimerRec
from ._timers import BackendHost, on_timer, schedule

#: [A] jobs disappear 30 days after they end (ambiguity 11).
JOB_RETENTION_SECONDS = 30 * 86400.0
_TERMINAL = ("COMPLETED", "FAILED", "PARTIAL_SUCCESS")
_OUTCOMES = _TERMINAL
_TIMER = "identity-resolution-job"


# ------------------------------------------------------------------ consolidation (2.9)


def criterion_value(profile: ProfileRec, attribute: str) -> str:
    """The normalized value of one consolidation attribute ("" when absent). [A]

    Names: standard profile fields, ``Address.City``-style paths on any address block,
    ``Attributes.<key>``; an unknown name never has a value.
    """
    fields = profile.fields
    if attribute.startswith("Attributes."):
        raw = (fields.get("Attributes") or {}).get(attribute[11:])
        return str(raw).strip() if raw is not None else ""
    if "." in attribute:
        block_name, member = attribute.split(".", 1)
        block = fields.get(block_name)
        raw = block.get(member) if isinstance(block, dict) else None
        return _text(raw) if raw else ""
    raw = fields.get(attribute)
    if raw in (None, "") or isinstance(raw, dict):
        return ""
    if "Email" in attribute:
        return str(raw).strip().lower()
    if "Phone" in attribute:
        return _phone(raw)
    return _text(raw)


def _unit_value(unit: list[ProfileRec], attribute: str, model: str, source: str | None) -> str:
    candidates = [p for p in unit if criterion_value(p, attribute)]
    if not candidates:
        return ""
    top = attribute.split(".", 1)[0] if not attribute.startswith("Attributes.") else attribute
    winner = pick_source(candidates, unit[0], top, model, source)
    return criterion_value(winner, attribute)


def consolidate(
    members: Sequence[ProfileRec],
    criteria: Sequence[Sequence[str]],
    model: str,
    source: str | None,
) -> list[list[ProfileRec]]:
    """Apply the consolidation criteria to one match group (spec 2.9). [A details]

    Returns:
        The consolidated units (each a list of original profiles, earliest created
        first); units of one profile are the untouched ones.
    """
    units = [[p] for p in sorted(members, key=lambda r: (r.created_at, r.profile_id))]
    for criterion in criteria:
        buckets: dict[tuple[str, ...], list[list[ProfileRec]]] = {}
        rest: list[list[ProfileRec]] = []
        for unit in units:
            values = tuple(_unit_value(unit, a, model, source) for a in criterion)
            if all(values):
                buckets.setdefault(values, []).append(unit)
            else:
                rest.append(unit)
        units = rest
        for same in buckets.values():
            units.append(
                sorted((p for u in same for p in u), key=lambda r: (r.created_at, r.profile_id))
            )
        units.sort(key=lambda u: (u[0].created_at, u[0].profile_id))
    return units


def _sample(domain: DomainRec, min_score: float | None) -> list[MatchGroup]:
    return [g for g in live_groups(domain) if min_score is None or g.confidence >= min_score]


def _criteria(auto: dict[str, Any]) -> tuple[list[list[str]], str, str | None]:
    consolidation = auto.get("Consolidation") or {}
    conflict = auto.get("ConflictResolution") or {}
    return (
        [list(c) for c in consolidation.get("MatchingAttributesList") or []],
        conflict.get("ConflictResolvingModel") or "RECENCY",
        conflict.get("SourceName"),
    )


# ------------------------------------------------------------------ jobs


def _new_job(
    ctx: Context, domain: DomainRec, start: float, outcome: str, message: str | None
) -> IdentityJobRec:
    matching = domain.config.get("Matching") or {}
    job = IdentityJobRec(
        job_id=ctx.new_id(),
        status="PENDING",
        start_time=start,
        last_updated=ctx.now(),
        seq=ctx.seq(),
        phase_seconds=settings_of(ctx).ml_job_phase_seconds,
        outcome=outcome,
        message=message,
        auto_merging=dict(matching["AutoMerging"]) if matching.get("AutoMerging") else None,
    )
    s3 = ((matching.get("ExportingConfig") or {}).get("S3Exporting")) or None
    if s3:
        prefix = s3.get("S3KeyName")
        key = f"{prefix}/{job.job_id}/" if prefix else f"{job.job_id}/"
        job.exporting_location = {
            "S3Exporting": {"S3BucketName": s3["S3BucketName"], "S3KeyName": key}
        }
    domain.identity_jobs[job.job_id] = job
    return job


def start_job(
    ctx: Context, domain: DomainRec, at: float | None, outcome: str, message: str | None
) -> IdentityJobRec:
    """Create a clock-driven job starting at ``at`` (default now)."""
    if outcome not in _OUTCOMES:
        raise ValueError(f"outcome must be one of {', '.join(_OUTCOMES)}")
    if not (domain.config.get("Matching") or {}).get("Enabled"):
        raise ValueError(f"Matching is not enabled for domain {domain.name}")
    start = ctx.now() if at is None else at
    job = _new_job(ctx, domain, start, outcome, message)
    schedule(ctx, domain, start, _TIMER, job.job_id, "PENDING")
    return job


def record_completed_job(ctx: Context, domain: DomainRec, groups: list[MatchGroup]) -> None:
    """``run_identity_resolution``: a job COMPLETED at once (spec 2.7 creation (2))."""
    if not (domain.config.get("Matching") or {}).get("Enabled"):
        return  # [A] a hook run on a domain without Matching leaves no job
    job = _new_job(ctx, domain, ctx.now(), "COMPLETED", None)
    job.status = "COMPLETED"
    job.end_time = ctx.now()
    job.stats = {
        "NumberOfProfilesReviewed": len(domain.profiles),
        "NumberOfMatchesFound": len(groups),
        "NumberOfMergesDone": 0,
    }


def _advance(ctx: Context, domain: DomainRec, job: IdentityJobRec, status: str) -> None:
    job.status = status
    job.last_updated = ctx.now()
    if status in _TERMINAL:
        job.end_time = ctx.now()
        if status == "COMPLETED":
            job.message = None
        elif job.message is None:
            job.message = "The job stopped because of a system error"  # [A] text
        return
    schedule(ctx, domain, ctx.now() + job.phase_seconds, _TIMER, job.job_id, status)


def _merge_phase(ctx: Context, domain: DomainRec, job: IdentityJobRec) -> int:
    from ._profiles import merge_profiles  # late: _profiles imports the matching modules

    auto = job.auto_merging or {}
    criteria, model, source = _criteria(auto)
    score = auto.get("MinAllowedConfidenceScoreForMerging")
    plans: list[list[ProfileRec]] = []
    for group in _sample(domain, score):
        members = [domain.profiles[p] for p in group.profile_ids]
        plans.extend(u for u in consolidate(members, criteria, model, source) if len(u) > 1)
    if job.outcome == "PARTIAL_SUCCESS":
        plans = plans[: len(plans) // 2]
    merged = 0
    service = attrs.evolve(ctx, operation=None)
    for unit in plans:
        main, others = unit[0], unit[1:]
        if main.profile_id not in domain.profiles or any(
            o.profile_id not in domain.profiles for o in others
        ):
            continue
        req: Request = {
            "DomainName": domain.name,
            "MainProfileId": main.profile_id,
            "ProfileIdsToBeMerged": [o.profile_id for o in others],
        }
        sources = field_sources(main, others, model, source)
        if sources:
            req["FieldSourceProfileIds"] = sources
        merge_profiles(service, req)
        merged += len(others)
    return merged


@on_timer(_TIMER)
def _job_transition(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    job = domain.identity_jobs.get(timer.key)
    if job is None or job.status != timer.token:
        return  # deleted (Matching disabled) or already moved on
    if job.status == "PENDING":
        _advance(ctx, domain, job, "PREPROCESSING")
    elif job.status == "PREPROCESSING":
        _advance(ctx, domain, job, "FAILED" if job.outcome == "FAILED" else "FIND_MATCHING")
    elif job.status == "FIND_MATCHING":
        groups = compute_ml_matches(ctx, domain)
        job.stats = {
            "NumberOfProfilesReviewed": len(domain.profiles),
            "NumberOfMatchesFound": len(groups),
            "NumberOfMergesDone": 0,
        }
        merging = (job.auto_merging or {}).get("Enabled")
        _advance(ctx, domain, job, "MERGING" if merging else job.outcome)
    elif job.status == "MERGING":
        assert job.stats is not None
        job.stats["NumberOfMergesDone"] = _merge_phase(ctx, domain, job)
        _advance(ctx, domain, job, job.outcome)


def after_update(ctx: Context, domain: DomainRec, old: dict[str, Any]) -> None:
    """UpdateDomain: turning Matching off deletes PENDING jobs [B]."""
    if old.get("Enabled") and not (domain.config.get("Matching") or {}).get("Enabled"):
        for job_id in [j.job_id for j in domain.identity_jobs.values() if j.status == "PENDING"]:
            del domain.identity_jobs[job_id]


def _purge(ctx: Context, domain: DomainRec) -> None:
    now = ctx.now()
    for job in list(domain.identity_jobs.values()):
        if _expires(job) <= now:
            del domain.identity_jobs[job.job_id]


def _expires(job: IdentityJobRec) -> float:
    return (job.end_time if job.end_time is not None else job.start_time) + JOB_RETENTION_SECONDS


def _summary(domain: DomainRec, job: IdentityJobRec) -> Response:
    out: Response = {
        "DomainName": domain.name,
        "JobId": job.job_id,
        "Status": job.status,
        "JobStartTime": job.start_time,
    }
    if job.end_time is not None:
        out["JobEndTime"] = job.end_time
    if job.stats is not None:
        out["JobStats"] = dict(job.stats)
    if job.exporting_location is not None:
        out["ExportingLocation"] = job.exporting_location
    if job.message is not None and job.status in ("FAILED", "PARTIAL_SUCCESS"):
        out["Message"] = job.message
    return out


@operation("GetIdentityResolutionJob")
def get_identity_resolution_job(ctx: Context, req: Request) -> Response:
    """GetIdentityResolutionJob (spec 2.8): the full record of one job."""
    domain = ctx.domain(req["DomainName"])
    _purge(ctx, domain)
    job = domain.identity_jobs.get(req["JobId"])
    if job is None:
        raise not_found(f"Identity resolution job {req['JobId']} does not exist")
    out = _summary(domain, job)
    out["LastUpdatedAt"] = job.last_updated
    out["JobExpirationTime"] = _expires(job)
    if job.auto_merging is not None:
        out["AutoMerging"] = job.auto_merging
    return out


@operation("ListIdentityResolutionJobs")
def list_identity_resolution_jobs(ctx: Context, req: Request) -> Response:
    """ListIdentityResolutionJobs (spec 2.8): newest JobStartTime first [A]."""
    domain = ctx.domain(req["DomainName"])
    _purge(ctx, domain)
    jobs = sorted(domain.identity_jobs.values(), key=lambda j: (-j.start_time, -j.seq))
    return {"IdentityResolutionJobsList": [_summary(domain, j) for j in jobs]}


@operation("GetAutoMergingPreview")
def get_auto_merging_preview(ctx: Context, req: Request) -> Response:
    """GetAutoMergingPreview (spec 2.9): counts of what auto-merge would do; no change."""
    domain = ctx.domain(req["DomainName"])
    if not (domain.config.get("Matching") or {}).get("Enabled"):
        raise bad_request(f"Matching is not enabled for domain {domain.name}")
    conflict = req["ConflictResolution"]
    if conflict.get("ConflictResolvingModel") == "SOURCE" and not conflict.get("SourceName"):
        raise bad_request("ConflictResolution: SourceName is required for SOURCE")
    criteria, model, source = _criteria(req)
    groups = _sample(domain, req.get("MinAllowedConfidenceScoreForMerging"))
    in_sample = 0
    will_merge = 0
    for group in groups:
        members = [domain.profiles[p] for p in group.profile_ids]
        in_sample += len(members)
        will_merge += sum(
            len(u) for u in consolidate(members, criteria, model, source) if len(u) > 1
        )
    return {
        "DomainName": domain.name,
        "NumberOfMatchesInSample": len(groups),
        "NumberOfProfilesInSample": in_sample,
        "NumberOfProfilesWillBeMerged": will_merge,
    }


class IdentityResolutionHooks:
    """Test hooks of identity-resolution jobs, mixed into :class:`LocalBackend`."""

    def start_identity_resolution_job(
        self: BackendHost,
        domain: str,
        *,
        at: float | None = None,
        outcome: str = "COMPLETED",
        message: str | None = None,
        region: str = "us-east-1",
    ) -> str:
        """Create an ML identity-resolution job that runs on the emulated clock.

        The job is ``PENDING`` until ``at`` (default now), then moves through
        PREPROCESSING, FIND_MATCHING and (with auto-merging) MERGING, one phase per
        ``ml_job_phase_seconds`` (60 s), and ends as ``outcome``. An approximation:
        the matching is the emulator's deterministic stub, not machine learning.

        Args:
            domain: the domain name (``Matching.Enabled`` must be true).
            at: when the job starts (epoch seconds on the emulator's clock).
            outcome: ``COMPLETED``, ``FAILED`` or ``PARTIAL_SUCCESS``.
            message: the job's ``Message`` for FAILED / PARTIAL_SUCCESS.
            region: the domain's region.

        Returns:
            The new ``JobId``.

        Raises:
            ValueError: Matching is not enabled, or ``outcome`` is not one of the three.

        Example:
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> backend = LocalBackend()
            >>> client = backend.client()
            >>> _ = client.create_domain(DomainName="d", DefaultExpirationDays=1,
            ...                          Matching={"Enabled": True})
            >>> job_id = backend.start_identity_resolution_job("d")
            >>> client.get_identity_resolution_job(DomainName="d", JobId=job_id)["Status"]
            'PREPROCESSING'
        """
        with self.lock:
            ctx, rec = self._domain(domain, region)
            job = start_job(ctx, rec, at, outcome, message)
            self._committed()
            return job.job_id
