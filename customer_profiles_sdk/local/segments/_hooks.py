"""What the backend does for segments around every request, and the segment test hooks.

* :func:`before_call` / :func:`after_call` run under the backend's lock around each
  handler of a call on a domain that has subscriptions: LIVE events for the profiles
  the call changed, due scheduled runs (segments spec 4.9). They cost nothing for a
  domain without subscriptions.
* :class:`SegmentHooks` is mixed into :class:`~.._backend.LocalBackend`: the test hooks
  of segments spec 7 and the ``/_local/exports/...`` route of ``local serve``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from .._errors import ServiceFault, bad_request
from .._registry import Context
from .._state import DomainRec, Store

if TYPE_CHECKING:
    from .._clock import Clock
    from .._registry import Settings
    from .._wire import HttpResponse

#: Path prefix of the export route of ``local serve`` (not an AWS path). [A]
EXPORTS_PATH = "/_local/exports/"


def _domain_of(ctx: Context, params: Mapping[str, Any]) -> DomainRec | None:
    name = params.get("DomainName")
    if not isinstance(name, str):
        return None
    domain = ctx.regional.domains.get(name)
    if domain is None or not domain.segments.subscriptions:
        return None
    return domain


def before_call(ctx: Context, params: Mapping[str, Any]) -> None:
    """LIVE events left over from a failed call, then the due scheduled runs."""
    domain = _domain_of(ctx, params)
    if domain is None:
        return
    from . import _subscriptions

    _subscriptions.process_changes(ctx, domain)
    now = ctx.now()
    subscriptions = domain.segments.subscriptions.values()
    if any(_subscriptions.is_due(s, now) for s in subscriptions):
        ctx.domain(domain.name)  # the expiry purge first: expired profiles leave LIVE
        _subscriptions.process_changes(ctx, domain)
        _subscriptions.run_schedules(ctx, domain)


def after_call(ctx: Context, params: Mapping[str, Any]) -> None:
    """LIVE events for the profiles the call changed."""
    domain = _domain_of(ctx, params)
    if domain is not None:
        from . import _subscriptions

        _subscriptions.process_changes(ctx, domain)


class SegmentHooks:
    """The segment test hooks of :class:`~.._backend.LocalBackend` (segments spec 7)."""

    if TYPE_CHECKING:
        store: Store
        clock: Clock
        lock: AbstractContextManager[Any]
        settings: Settings

        def _domain(self, name: str, region: str) -> tuple[Context, DomainRec]: ...

        def _committed(self) -> None: ...

    def set_job_latency(self, kind: str, seconds: float) -> None:
        """Delay the reported completion of segment jobs of one kind.

        Estimates answer ``RUNNING``, snapshots ``IN_PROGRESS`` and subscriptions
        ``STARTING`` until ``seconds`` have passed on the backend's clock after their
        creation; the result itself is computed at creation. The default is 0 (the first
        poll succeeds). [A] (segments spec 0)

        Args:
            kind: ``"estimate"``, ``"snapshot"`` or ``"subscription"``.
            seconds: the latency, >= 0; applies to jobs created afterwards.

        Raises:
            ValueError: for an unknown kind or a negative latency.
        """
        from ._jobs import JOB_KINDS

        if kind not in JOB_KINDS:
            raise ValueError(f"kind must be one of {', '.join(JOB_KINDS)}")
        if not seconds >= 0:
            raise ValueError("seconds must be >= 0")
        with self.lock:
            self.settings.job_latency[kind] = float(seconds)

    def run_segment_schedules(
        self, domain: str, *, region: str = "us-east-1", force: bool = False
    ) -> int:
        """Make the due scheduled runs of a domain's subscriptions now (spec 4.9.2).

        Due runs also happen by themselves at the start of the next API call on the
        domain. ``force=True`` runs every active subscription at the current instant.

        Returns:
            The number of runs made.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` if the domain does not exist.
        """
        from . import _subscriptions

        with self.lock:
            ctx, rec = self._domain(domain, region)
            _subscriptions.process_changes(ctx, rec)
            runs = _subscriptions.run_schedules(ctx, rec, force=force)
            self._committed()
            return runs

    def segment_stream_records(self, domain: str, *, region: str = "us-east-1") -> dict[str, Any]:
        """What the emulator "put" on the domain's segment stream, and the metrics.

        Returns:
            ``{"Records": [...], "Metrics": {segment: {...}}}``: the records oldest
            first (``AccountId``, ``DomainName``, ``SegmentDefinitionName``,
            ``SegmentType``, ``ProfileId``, ``OperationType``, ``MembershipCalculatedAt``,
            ``PreviousMembershipChangedAt``, ``EventType``; D205) and per segment the
            counters ``ProfilesJoined``, ``ProfilesLeft``, ``NotificationsFailed``,
            ``ScheduledRunsSucceeded``.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` if the domain does not exist.
        """
        from . import _subscriptions

        with self.lock:
            ctx, rec = self._domain(domain, region)
            _subscriptions.process_changes(ctx, rec)
            data = {"Records": rec.segments.stream_records, "Metrics": rec.segments.metrics}
            return json.loads(json.dumps(data))  # type: ignore[no-any-return]

    def set_segment_stream_health(
        self,
        domain: str,
        healthy: bool,
        reason: str | None = None,
        *,
        region: str = "us-east-1",
    ) -> None:
        """Make the domain's segment stream ``UNHEALTHY`` (``FailureReason`` = ``reason``;
        active subscriptions ``FAILED``, changes counted in ``NotificationsFailed``) or
        healthy again. [A] failed subscriptions stay failed until PutSegmentSubscription.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` if the domain does not exist or
                has no associated stream.
        """
        from . import _subscriptions

        with self.lock:
            ctx, rec = self._domain(domain, region)
            _subscriptions.process_changes(ctx, rec)
            _subscriptions.set_stream_health(ctx, rec, healthy, reason)
            self._committed()

    def set_sql_segment_members(
        self,
        domain: str,
        segment: str,
        profile_ids: Iterable[str],
        *,
        region: str = "us-east-1",
    ) -> None:
        """Inject the result of a SQL segment (segments spec 5.3): its members for
        estimates of the same SQL text, snapshots and subscription runs, in every
        ``sql_segments`` mode. Ids of profiles that do not exist are ignored.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` if the domain or the definition
                does not exist; ``BadRequestException`` if it is a classic definition.
        """
        from ._definitions import definition_or_404

        with self.lock:
            _, rec = self._domain(domain, region)
            definition = definition_or_404(rec, segment)
            if definition.segment_type != "ENHANCED":
                raise bad_request(f"Segment {segment} is not a SQL segment")
            rec.segments.sql_members[segment] = list(dict.fromkeys(profile_ids))
            self._committed()

    def exported_objects(self, destination_uri: str) -> dict[str, bytes]:
        """The objects segment snapshots wrote under an ``s3://`` destination.

        Nothing leaves the process: snapshots write into the backend's object store
        (saved with the state). Objects of a snapshot still ``IN_PROGRESS`` are not
        visible yet.

        Args:
            destination_uri: ``s3://bucket`` or ``s3://bucket/prefix`` (a ``DestinationUri``).

        Returns:
            ``{key: content}`` with keys relative to the bucket, e.g.
            ``vip/<SnapshotId>/part-00000.csv``.
        """
        if not destination_uri.startswith("s3://"):
            raise ValueError("destination_uri must start with s3://")
        with self.lock:
            return self._exports(destination_uri.rstrip("/"))

    def _exports(self, prefix: str) -> dict[str, bytes]:
        from ._jobs import snapshot_ready

        now = self.clock.now()
        domains = [d for r in self.store.regions.values() for d in r.domains.values()]
        found: dict[str, bytes] = {}
        for uri, body in self.store.exports.items():
            if uri != prefix and not uri.startswith(prefix + "/"):
                continue
            if not snapshot_ready(domains, uri, now):
                continue
            key = uri[len("s3://") :].partition("/")[2]
            found[key] = body.encode("utf-8")
        return found

    def _export_route(self, method: str, path: str) -> HttpResponse:
        """``GET /_local/exports/<bucket>/<key>``: one exported object;
        ``GET /_local/exports/<bucket>[/<prefix>]/``: the keys below, as JSON."""
        from .._wire import HttpResponse, error_response

        if method.upper() not in ("GET", "HEAD"):
            return error_response(bad_request("The export route answers GET only"))
        target = unquote(path[len(EXPORTS_PATH) :])
        bucket, _, key = target.partition("/")
        with self.lock:
            if not bucket:
                return error_response(bad_request("Name a bucket: /_local/exports/<bucket>/"))
            if not key or key.endswith("/"):
                objects = self._exports(f"s3://{bucket}/{key}".rstrip("/"))
                body = json.dumps({"Keys": sorted(objects)}).encode("utf-8")
                return HttpResponse(200, {"Content-Type": "application/json"}, body)
            content = self._exports(f"s3://{bucket}/{key}").get(key)
        if content is None:
            fault = ServiceFault("ResourceNotFoundException", "No exported object has this key")
            return error_response(fault)
        kind = "text/csv" if key.endswith(".csv") else "application/x-ndjson"
        return HttpResponse(200, {"Content-Type": kind}, content)
