"""Event streams (real-time export to Kinesis) of a domain: ``domain.event_streams``."""

from __future__ import annotations

from collections.abc import Mapping

from .. import _convert
from .._config_checks import kinesis_uri_violations, raise_for
from ..models import EventStream, EventStreamSummary
from ..paging import Paged
from ._base import DomainResource, api, as_map

__all__ = ["EventStreams"]


class EventStreams(DomainResource):
    """The event streams of a domain: ``domain.event_streams``.

    An event stream sends every profile creation, profile update, merge and object
    ingestion of the domain, as it happens, to a Kinesis data stream in the domain's
    region and account (real-time export). A domain has one event stream at most; the
    stream cannot be changed, only deleted and created again.

    On the embedded emulator the delivered records are kept in memory:
    ``backend.stream_records(stream.event_stream_arn)`` returns them (see the
    event-streams page of the documentation).

    Example:
        >>> import json
        >>> from customer_profiles_sdk import CustomerProfiles, Profile
        >>> from customer_profiles_sdk.local import LocalBackend
        >>> backend = LocalBackend()
        >>> cp = CustomerProfiles.local(backend=backend)
        >>> domain = cp.domains.create("docs-es", default_expiration_days=30)
        >>> stream = domain.event_streams.create(
        ...     "export", uri="arn:aws:kinesis:us-east-1:123456789012:stream/profiles")
        >>> pid = domain.profiles.create(Profile(first_name="Ana"))
        >>> [json.loads(r["Data"])["EventType"]
        ...  for r in backend.stream_records(stream.event_stream_arn)]
        ['CREATED']
    """

    __slots__ = ()

    @api("CreateEventStream", params={"EventStreamName": "name"}, output=EventStream)
    def create(self, name: str, *, uri: str, tags: Mapping[str, str] | None = None) -> EventStream:
        """Create an event stream to the Kinesis data stream ``uri``
        (``CreateEventStream``, then ``GetEventStream`` to return it whole).

        Delivery starts with the changes made after the stream is created; nothing that
        happened before is sent.

        Args:
            name: the event stream's name (letters, digits, ``_`` and ``-``; at most 64).
            uri: the Kinesis data stream's ARN,
                ``arn:aws:kinesis:<region>:<account-id>:stream/<name>``, in the domain's
                region and account.
            tags: tags of the event stream.

        Returns:
            The new event stream (``state`` ``RUNNING``, a ``HEALTHY`` destination).

        Raises:
            ValidationError: an argument breaks the API's constraints, e.g. ``uri`` is
                not a Kinesis data stream ARN (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the domain already has an event stream, or the service
                rejected the destination (another region or account, a stream it cannot
                find).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-es-create", default_expiration_days=30)
            >>> stream = domain.event_streams.create(
            ...     "export", uri="arn:aws:kinesis:us-east-1:123456789012:stream/cp",
            ...     tags={"team": "data"})
            >>> stream.event_stream_name, stream.state.value, stream.tags
            ('export', 'RUNNING', {'team': 'data'})
        """
        params = {
            "DomainName": self._domain,
            "EventStreamName": name,
            "Uri": uri,
            "Tags": as_map(tags),
        }
        raise_for("CreateEventStream", params, kinesis_uri_violations(uri))
        self._call("CreateEventStream", params)
        return self.get(name)

    @api("GetEventStream", params={"EventStreamName": "name"}, output=EventStream)
    def get(self, name: str) -> EventStream:
        """Read event stream ``name`` with its state and destination (``GetEventStream``).

        Raises:
            ValidationError: ``name`` breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain or the event stream does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-es-get", default_expiration_days=30)
            >>> _ = domain.event_streams.create(
            ...     "export", uri="arn:aws:kinesis:us-east-1:123456789012:stream/cp")
            >>> details = domain.event_streams.get("export").destination_details
            >>> details.uri, details.status.value
            ('arn:aws:kinesis:us-east-1:123456789012:stream/cp', 'HEALTHY')
        """
        response = self._call(
            "GetEventStream", {"DomainName": self._domain, "EventStreamName": name}
        )
        return _convert.from_wire(EventStream, response)

    def exists(self, name: str) -> bool:
        """Whether event stream ``name`` exists (``GetEventStream``).

        A missing domain raises ``ResourceNotFoundError`` (a 404 is checked with
        ``GetDomain``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-es-exists", default_expiration_days=30)
            >>> domain.event_streams.exists("export")
            False
        """
        return self._exists("GetEventStream", {"DomainName": self._domain, "EventStreamName": name})

    @api("ListEventStreams", output=EventStreamSummary)
    def list(self) -> Paged[EventStreamSummary]:
        """The domain's event streams (``ListEventStreams``), lazily paged.

        Raises:
            ResourceNotFoundError: the domain does not exist (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-es-list", default_expiration_days=30)
            >>> _ = domain.event_streams.create(
            ...     "export", uri="arn:aws:kinesis:us-east-1:123456789012:stream/cp")
            >>> [(s.event_stream_name, s.destination_summary.status.value)
            ...  for s in domain.event_streams.list()]
            [('export', 'HEALTHY')]
        """
        return self._paged("ListEventStreams", {"DomainName": self._domain}, EventStreamSummary)

    @api("DeleteEventStream", params={"EventStreamName": "name"})
    def delete(self, name: str) -> bool:
        """Stop and delete event stream ``name`` (``DeleteEventStream``).

        Idempotent: deleting a stream that does not exist is not an error. The Kinesis
        data stream itself is not touched.

        Returns:
            ``True`` if the stream was deleted, ``False`` if it did not
            exist (a missing domain raises ``ResourceNotFoundError``).

        Raises:
            ValidationError: ``name`` breaks the API's constraints (nothing sent).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-es-delete", default_expiration_days=30)
            >>> _ = domain.event_streams.create(
            ...     "export", uri="arn:aws:kinesis:us-east-1:123456789012:stream/cp")
            >>> domain.event_streams.delete("export"), domain.event_streams.delete("export")
            (True, False)
        """
        return self._delete_if_exists(
            "DeleteEventStream", {"DomainName": self._domain, "EventStreamName": name}
        )
