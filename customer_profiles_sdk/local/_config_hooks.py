"""Test hooks of the domain-configuration features, mixed into :class:`LocalBackend`.

What the service sends out (event-stream records, trigger invocations) goes to
in-memory sinks that these hooks read, and what the emulator cannot know (whether a
Kinesis stream exists, whether its destination is healthy, who is in a segment) is
declared through them. ``spec/ingestion-streams-triggers.md`` section 1.5. [A]

The hooks work the same for in-process clients and for a backend served over HTTP
(``backend.serve()``): they read the backend's state, not the wire.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any

from . import _event_streams
from ._clock import Clock
from ._registry import Context, Settings
from ._state import DomainRec, Store


class ConfigHooks:
    """Event-stream, event-trigger and segment-membership hooks of a backend."""

    store: Store
    clock: Clock
    settings: Settings
    lock: AbstractContextManager[Any]

    def _committed(self) -> None:  # pragma: no cover - LocalBackend provides it
        raise NotImplementedError

    def _hook_domain(self, name: str, region: str) -> tuple[Context, DomainRec]:
        ctx = Context(store=self.store, clock=self.clock, region=region, settings=self.settings)
        return ctx, ctx.domain(name)

    def _stream_target(self, domain: str, stream_name: str | None, region: str) -> tuple[str, str]:
        if stream_name is not None:
            return domain, stream_name
        ctx = Context(store=self.store, clock=self.clock, region=region, settings=self.settings)
        return _event_streams.stream_name_of(ctx, domain)

    # ----------------------------------------------------------------- event streams

    def stream_records(
        self, domain: str, stream_name: str | None = None, *, region: str = "us-east-1"
    ) -> list[dict[str, Any]]:
        """The records an event stream delivered, in delivery order (Kinesis style).

        Each record is ``{"StreamARN", "PartitionKey", "SequenceNumber",
        "ApproximateArrivalTimestamp", "Data"}``: ``Data`` is the UTF-8 JSON of the
        exported event (``json.loads(record["Data"])``), ``PartitionKey`` the profile
        id, ``ApproximateArrivalTimestamp`` a UTC ``datetime`` on the emulator's clock.
        Records stay readable after DeleteEventStream until cleared.

        Args:
            domain: the domain name, or the stream's ``EventStreamArn`` (then leave
                ``stream_name`` out).
            stream_name: the event stream's name.
            region: the domain's region.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for an unknown domain, or a
                stream that does not exist and never delivered anything.
            ValueError: ``domain`` is neither a domain name with ``stream_name`` nor an
                event-stream ARN of this account and region.
        """
        with self.lock:
            domain_name, name = self._stream_target(domain, stream_name, region)
            _, rec = self._hook_domain(domain_name, region)
            return _event_streams.delivered(rec, name)

    def clear_stream_records(
        self, domain: str, stream_name: str | None = None, *, region: str = "us-east-1"
    ) -> None:
        """Forget the records an event stream delivered (arguments as :meth:`stream_records`).

        Raises:
            ServiceFault: as :meth:`stream_records`.
            ValueError: as :meth:`stream_records`.
        """
        with self.lock:
            domain_name, name = self._stream_target(domain, stream_name, region)
            _, rec = self._hook_domain(domain_name, region)
            _event_streams.clear_delivered(rec, name)
            self._committed()

    def set_stream_destination(
        self,
        domain: str,
        stream_name: str,
        healthy: bool,
        message: str | None = None,
        *,
        region: str = "us-east-1",
    ) -> None:
        """Make an event stream's destination unhealthy (or healthy again).

        ``healthy=False`` sets ``DestinationDetails.Status=UNHEALTHY`` with
        ``UnhealthySince`` and ``Message``, and stops the stream (``State=STOPPED``,
        ``StoppedSince``): it delivers nothing from then on. ``healthy=True`` marks the
        destination healthy but does not restart the stream; as for the service, the
        remedy is to delete and recreate it. [A]

        Args:
            domain: the domain name.
            stream_name: the event stream's name.
            healthy: the destination's new health.
            message: the ``Message`` to report, e.g. one of
                :data:`~._event_streams.DOCUMENTED_DESTINATION_MESSAGES`.
            region: the domain's region.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for an unknown domain or stream.
            ValueError: a message that is empty or over 1,000 characters.
        """
        with self.lock:
            ctx, rec = self._hook_domain(domain, region)
            _event_streams.set_destination(ctx, rec, stream_name, healthy=healthy, message=message)
            self._committed()

    def set_kinesis_stream(self, stream_arn: str, exists: bool = True) -> None:
        """Declare whether a Kinesis data stream exists (every well-formed ARN does).

        CreateEventStream with a stream declared absent answers ``BadRequestException``;
        streams already created are not affected. [A]

        Args:
            stream_arn: the Kinesis stream ARN (an event stream's ``Uri``).
            exists: ``False`` declares it absent, ``True`` present again.
        """
        with self.lock:
            if exists:
                self.settings.absent_kinesis_streams.discard(stream_arn)
            else:
                self.settings.absent_kinesis_streams.add(stream_arn)

    # ----------------------------------------------------------------- event triggers

    def trigger_invocations(
        self, domain: str, trigger_name: str | None = None, *, region: str = "us-east-1"
    ) -> list[dict[str, Any]]:
        """A copy of the invocations event triggers made, oldest first.

        Each is ``{"EventTriggerName", "IntegrationUri", "DomainName", "ProfileId",
        "ObjectTypeName", "ProfileObjectUniqueKey", "Object", "Timestamp"}`` with the
        ingested object parsed and ``Timestamp`` in epoch seconds. [A]

        Args:
            domain: the domain name.
            trigger_name: only this trigger's invocations.
            region: the domain's region.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for an unknown domain.
        """
        with self.lock:
            _, rec = self._hook_domain(domain, region)
            found = [
                i
                for i in rec.trigger_invocations
                if trigger_name is None or i["EventTriggerName"] == trigger_name
            ]
            return copy.deepcopy(found)

    def clear_trigger_invocations(self, domain: str, *, region: str = "us-east-1") -> None:
        """Forget the recorded invocations (the per-profile limit counts stay).

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for an unknown domain.
        """
        with self.lock:
            _, rec = self._hook_domain(domain, region)
            rec.trigger_invocations.clear()
            self._committed()

    def set_segment_members(
        self,
        domain: str,
        segment_name: str,
        profile_ids: Iterable[str],
        *,
        region: str = "us-east-1",
    ) -> None:
        """Declare who is in a segment, for event triggers with a ``SegmentFilter``.

        Until segments are evaluated by the emulator, this is the membership a
        trigger's ``SegmentFilter`` sees; replaces any earlier declaration for the
        segment, and a profile not listed is not a member. [A] (A109)

        Args:
            domain: the domain name.
            segment_name: the segment definition name the triggers refer to.
            profile_ids: the member profile ids (need not exist).
            region: the domain's region.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for an unknown domain.
            TypeError: ``profile_ids`` is a single string rather than a collection.
        """
        if isinstance(profile_ids, str):
            raise TypeError("profile_ids must be a collection of profile ids, not a string")
        members = dict.fromkeys((str(pid) for pid in profile_ids), True)
        with self.lock:
            _, rec = self._hook_domain(domain, region)
            rec.segment_members[segment_name] = members
            self._committed()
