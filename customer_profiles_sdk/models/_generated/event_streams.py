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

__all__ = [
    "CreateEventStreamResponse",
    "DeleteEventStreamResponse",
    "DestinationSummary",
    "EventStreamDestinationDetails",
    "EventStreamDestinationStatus",
    "EventStreamState",
    "EventStreamSummary",
    "GetEventStreamResponse",
    "ListEventStreamsResponse",
]


class EventStreamDestinationStatus(str, Enum):
    """``EventStreamDestinationStatus``, an open enum: a value this SDK does not know stays
    a ``str``.
    """

    HEALTHY = "HEALTHY"
    UNHEALTHY = "UNHEALTHY"


class EventStreamState(str, Enum):
    """``EventStreamState``, an open enum: a value this SDK does not know stays a ``str``."""

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
    """The ``DestinationSummary`` structure, used by ``ListEventStreams``."""

    __wire_shape__: ClassVar[str] = "DestinationSummary"

    uri: str = attrs.field(metadata={"wire": "Uri"})
    status: EventStreamDestinationStatus | str = attrs.field(metadata={"wire": "Status"})
    unhealthy_since: datetime | None = attrs.field(
        default=None, metadata={"wire": "UnhealthySince"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventStreamDestinationDetails:
    """The ``EventStreamDestinationDetails`` structure, used by ``GetEventStream``."""

    __wire_shape__: ClassVar[str] = "EventStreamDestinationDetails"

    uri: str = attrs.field(metadata={"wire": "Uri"})
    status: EventStreamDestinationStatus | str = attrs.field(metadata={"wire": "Status"})
    unhealthy_since: datetime | None = attrs.field(
        default=None, metadata={"wire": "UnhealthySince"}
    )
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class EventStreamSummary:
    """The ``EventStreamSummary`` structure, used by ``ListEventStreams``."""

    __wire_shape__: ClassVar[str] = "EventStreamSummary"

    domain_name: str = attrs.field(metadata={"wire": "DomainName"})
    event_stream_name: str = attrs.field(metadata={"wire": "EventStreamName"})
    event_stream_arn: str = attrs.field(metadata={"wire": "EventStreamArn"})
    state: EventStreamState | str = attrs.field(metadata={"wire": "State"})
    stopped_since: datetime | None = attrs.field(default=None, metadata={"wire": "StoppedSince"})
    destination_summary: DestinationSummary | None = attrs.field(
        default=None, metadata={"wire": "DestinationSummary"}
    )
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetEventStreamResponse:
    """The ``GetEventStreamResponse`` structure, used by ``GetEventStream`` (response)."""

    __wire_shape__: ClassVar[str] = "GetEventStreamResponse"

    domain_name: str = attrs.field(metadata={"wire": "DomainName"})
    event_stream_arn: str = attrs.field(metadata={"wire": "EventStreamArn"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    state: EventStreamState | str = attrs.field(metadata={"wire": "State"})
    destination_details: EventStreamDestinationDetails = attrs.field(
        metadata={"wire": "DestinationDetails"}
    )
    stopped_since: datetime | None = attrs.field(default=None, metadata={"wire": "StoppedSince"})
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListEventStreamsResponse:
    """The ``ListEventStreamsResponse`` structure, used by ``ListEventStreams`` (response)."""

    __wire_shape__: ClassVar[str] = "ListEventStreamsResponse"

    items: list[EventStreamSummary] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)
