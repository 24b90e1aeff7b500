"""Models of the event streams operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model
from .._mixins import EventStreamMixin

__all__ = [
    "CreateEventStreamResponse",
    "DeleteEventStreamResponse",
    "DestinationSummary",
    "EventStream",
    "EventStreamDestinationDetails",
    "EventStreamDestinationStatus",
    "EventStreamSpec",
    "EventStreamState",
    "EventStreamSummary",
    "ListEventStreamsResponse",
]


class EventStreamDestinationStatus(str, Enum):
    """Health of an event stream's Kinesis destination (open enum)."""

    HEALTHY = "HEALTHY"
    UNHEALTHY = "UNHEALTHY"


class EventStreamState(str, Enum):
    """Whether an event stream delivers events (``RUNNING``) or not (``STOPPED``; open enum)."""

    RUNNING = "RUNNING"
    STOPPED = "STOPPED"


@model
class CreateEventStreamResponse:
    """The ``CreateEventStreamResponse`` structure, used by ``CreateEventStream`` (response)."""

    __wire_shape__: ClassVar[str] = "CreateEventStreamResponse"

    event_stream_arn: str = attrs.field(metadata={"wire": "EventStreamArn"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteEventStreamResponse:
    """The ``DeleteEventStreamResponse`` structure, used by ``DeleteEventStream`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteEventStreamResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DestinationSummary:
    """The destination of an event stream in ``ListEventStreams`` (no ``message``)."""

    __wire_shape__: ClassVar[str] = "DestinationSummary"

    uri: str = attrs.field(metadata={"wire": "Uri"})
    status: EventStreamDestinationStatus | str = attrs.field(metadata={"wire": "Status"})
    unhealthy_since: datetime | None = attrs.field(
        default=None, metadata={"wire": "UnhealthySince"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventStream(EventStreamMixin):
    """An event stream: the real-time export of a domain's profile and object changes to
    a Kinesis data stream (``GetEventStream``).

    ``state`` is ``RUNNING`` while events are delivered; ``destination_details`` holds
    the stream's ``uri`` and its health. The service's answer has no name:
    :attr:`event_stream_name` reads it from ``event_stream_arn``.
    """

    __wire_shape__: ClassVar[str] = "GetEventStreamResponse"

    domain_name: str = attrs.field(metadata={"wire": "DomainName"})
    event_stream_arn: str = attrs.field(metadata={"wire": "EventStreamArn"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    state: EventStreamState | str = attrs.field(metadata={"wire": "State"})
    destination_details: EventStreamDestinationDetails = attrs.field(
        metadata={"wire": "DestinationDetails"}
    )
    stopped_since: datetime | None = attrs.field(default=None, metadata={"wire": "StoppedSince"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventStreamDestinationDetails:
    """The Kinesis data stream an event stream delivers to, and its health; ``message``
    says what is wrong when ``status`` is ``UNHEALTHY`` (``EventStreamDestinationDetails``).
    """

    __wire_shape__: ClassVar[str] = "EventStreamDestinationDetails"

    uri: str = attrs.field(metadata={"wire": "Uri"})
    status: EventStreamDestinationStatus | str = attrs.field(metadata={"wire": "Status"})
    unhealthy_since: datetime | None = attrs.field(
        default=None, metadata={"wire": "UnhealthySince"}
    )
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventStreamSpec:
    """One event stream of a domain spec: the members of a ``CreateEventStream`` request.

    Example:
        >>> EventStreamSpec(event_stream_name="export",
        ...                 uri="arn:aws:kinesis:us-east-1:123456789012:stream/cp").uri
        'arn:aws:kinesis:us-east-1:123456789012:stream/cp'
    """

    __wire_shape__: ClassVar[str] = "CreateEventStreamRequest"

    uri: str = attrs.field(metadata={"wire": "Uri"})
    event_stream_name: str = attrs.field(metadata={"wire": "EventStreamName"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventStreamSummary:
    """One event stream in ``ListEventStreams`` (``EventStreamSummary``)."""

    __wire_shape__: ClassVar[str] = "EventStreamSummary"

    domain_name: str = attrs.field(metadata={"wire": "DomainName"})
    event_stream_name: str = attrs.field(metadata={"wire": "EventStreamName"})
    event_stream_arn: str = attrs.field(metadata={"wire": "EventStreamArn"})
    state: EventStreamState | str = attrs.field(metadata={"wire": "State"})
    stopped_since: datetime | None = attrs.field(default=None, metadata={"wire": "StoppedSince"})
    destination_summary: DestinationSummary | None = attrs.field(
        default=None, metadata={"wire": "DestinationSummary"}
    )
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListEventStreamsResponse:
    """The ``ListEventStreamsResponse`` structure, used by ``ListEventStreams`` (response)."""

    __wire_shape__: ClassVar[str] = "ListEventStreamsResponse"

    items: list[EventStreamSummary] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)
