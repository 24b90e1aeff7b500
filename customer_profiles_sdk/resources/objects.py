"""Profile objects of a domain: ``domain.objects``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from .. import _bulk, _service
from .._bulk import BatchResult, BulkProgress, BulkResult
from ..errors import ValidationError
from ..models.profile_object import ObjectFilter, ProfileObject
from ..paging import Paged
from ._base import DomainResource, api, coerce

__all__ = ["Objects"]

#: What ``Objects.list(filter=...)`` accepts: a model, a mapping of its field names, or
#: a ``(key_name, values)`` pair.
FilterLike = ObjectFilter | Mapping[str, Any] | tuple[str, Sequence[str] | str]


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _to_json(data: Mapping[str, Any] | str) -> str:
    """The ``Object`` member: standard JSON (RFC 8259). ``NaN``/``Infinity`` (which
    ``json.dumps`` writes by default) and integers too long to write are refused; the
    values are not echoed (an object is personal data)."""
    if isinstance(data, str):
        return data
    if isinstance(data, Mapping):
        try:
            return json.dumps(
                dict(data), ensure_ascii=False, allow_nan=False, default=_json_default
            )
        except ValueError as exc:  # NaN/inf; an int over sys.get_int_max_str_digits()
            problem = (
                "a number that is NaN or infinite"
                if "Out of range" in str(exc)
                else ("an integer with too many digits")
            )
            violation = _service.Violation("Object", "standard JSON", f"holds {problem}")
        raise ValidationError("PutProfileObject", [violation])
    raise TypeError(f"expected a mapping or a JSON string, got {type(data).__name__}")


def _object_filter(value: FilterLike) -> ObjectFilter:
    if isinstance(value, tuple):
        if len(value) != 2 or not isinstance(value[0], str):
            violation = _service.Violation(
                "ObjectFilter", "a (key_name, values) pair", f"got a tuple of {len(value)}"
            )
            raise ValidationError("ListProfileObjects", [violation])
        key_name, values = value
        if isinstance(values, str):
            return ObjectFilter(key_name=key_name, values=[values])
        if not isinstance(values, Iterable):
            got = f"got {type(values).__name__}"
            violation = _service.Violation("ObjectFilter.Values", "a list of strings", got)
            raise ValidationError("ListProfileObjects", [violation])
        # An empty list is sent: the service answers BadRequestException.
        return ObjectFilter(key_name=key_name, values=list(values))
    return coerce(ObjectFilter, value)


class Objects(DomainResource):
    """The profile objects of a domain: JSON documents ingested through an object type
    and attached to the profile their keys lead to.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> domain = CustomerProfiles.local().domains.create(
        ...     "docs-objects", default_expiration_days=365)
        >>> key = domain.objects.put("Zendesk-users", {"id": "z-1", "email": "ana@example.com"})
        >>> isinstance(key, str)
        True
    """

    __slots__ = ()

    @api("PutProfileObject", params={"Object": "data"}, returns=("ProfileObjectUniqueKey",))
    def put(self, object_type_name: str, data: Mapping[str, Any] | str) -> str:
        """Ingest one object of type ``object_type_name`` (``PutProfileObject``).

        The object type's keys decide which profile the object is attached to (a new
        profile may be created when the type allows it); an object whose ``UNIQUE`` key
        value was ingested before replaces that object.

        Args:
            object_type_name: an object type of the domain, or a template id (the
                template's implicit object type).
            data: the object: a mapping (serialised to JSON for you; ``datetime`` and
                ``date`` values become ISO 8601 strings) or a string already in JSON.

        Returns:
            The object's unique key (``ProfileObjectUniqueKey``), needed to delete it.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain or the object type does not exist.
            BadRequestError: the service rejected the object (not a JSON object, no
                value for the ``UNIQUE`` key...).
            TypeError: ``data`` is neither a mapping nor a string, or holds a value
                JSON cannot represent.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-objects-put", default_expiration_days=365)
            >>> first = domain.objects.put("Zendesk-users", {"id": "z-1"})
            >>> again = domain.objects.put("Zendesk-users", '{"id": "z-1", "phone": "555"}')
            >>> first == again
            True
        """
        response = self._call(
            "PutProfileObject",
            {
                "DomainName": self._domain,
                "ObjectTypeName": object_type_name,
                "Object": _to_json(data),
            },
        )
        return str(response["ProfileObjectUniqueKey"])

    @api(
        "BatchPutProfileObject",
        params={"Items": "objects"},
        returns=("Successful", "Failed"),
    )
    def put_batch(
        self, object_type_name: str, objects: Sequence[Mapping[str, Any] | str]
    ) -> BatchResult:
        """Ingest up to 10 objects of one type in one call (``BatchPutProfileObject``).

        Each object goes through the same ingestion as :meth:`put`; the service answers
        each one separately, so some may be stored while others are refused. Objects
        that are not valid input (not JSON, not a JSON object, over 250 KB) are reported
        as failed with code 400 and not sent. Nothing is retried per item here: use
        :meth:`put_many` for that.

        Args:
            object_type_name: an object type of the domain, or a template id.
            objects: 1 to 10 objects: mappings (serialised to JSON as in :meth:`put`) or
                JSON strings.

        Returns:
            The stored objects (``.stored``: ``index`` in ``objects`` and unique key)
            and the refused ones (``.failed``: ``index``, ``code``, ``message``,
            ``object``).

        Raises:
            ValidationError: no object or more than 10, or an argument breaks the API's
                constraints (nothing sent).
            ResourceNotFoundError: the domain or the object type does not exist.
            BadRequestError: the call was refused as a whole (e.g. a standard type).
            ThrottlingError: throttled after the retry policy's attempts.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-objects-batch", default_expiration_days=365)
            >>> result = domain.objects.put_batch(
            ...     "Zendesk-users", [{"id": "z-1"}, "not json", {"id": "z-2"}])
            >>> [s.index for s in result.stored], [(f.index, f.code) for f in result.failed]
            ([0, 2], [(1, 400)])
        """
        return _bulk.put_batch(self._transport, self._domain, object_type_name, objects)

    @api(
        "BatchPutProfileObject",
        params={"Items": "objects"},
        returns=("Successful", "Failed"),
    )
    def put_many(
        self,
        object_type_name: str,
        objects: Iterable[Mapping[str, Any] | str],
        *,
        concurrency: int = 4,
        rate: float | None = None,
        progress: bool = False,
        on_progress: Callable[[BulkProgress], None] | None = None,
        start: int = 0,
    ) -> BulkResult:
        """Ingest any number of objects of one type, in batches of 10
        (``BatchPutProfileObject``), concurrently, at a controlled rate.

        ``objects`` is read lazily (a generator, a file read line by line, a list,
        ``df.to_dict("records")``): memory stays proportional to ``concurrency`` times
        the batch size plus the failures, whatever the input's length. Batches are sent
        by ``concurrency`` threads through a token bucket of ``rate`` calls per second
        that slows down on throttling and speeds up again (AIMD). Throttled and 5xx
        answers are sent again with the client's :class:`~customer_profiles_sdk.RetryPolicy`
        (safe: an object replaces the stored object with the same ``UNIQUE`` key, so a
        retry never stores an object twice); objects the service refuses, and bad input
        (not JSON, not a JSON object, over 250 KB, never sent), are reported in
        ``.failed`` with their position in the input.

        Args:
            object_type_name: an object type of the domain, or a template id.
            objects: mappings or JSON strings, any iterable.
            concurrency: threads sending batches.
            rate: the most ``BatchPutProfileObject`` calls per second (default 100: AWS
                publishes no quota for this operation; pass your account's quota).
            progress: show a progress bar (tqdm; a widget in notebooks).
            on_progress: called after each batch with a
                :class:`~customer_profiles_sdk.BulkProgress`.
            start: skip the input's first ``start`` items (positions still count from
                the input's beginning): pass an earlier run's ``resume_from`` to go on
                from where it stopped.

        Returns:
            ``.stored`` (count), ``.failed`` (``index``, ``code``, ``message``,
            ``object``; ``repr`` masks the object), ``.resume_from`` (first position not
            yet acknowledged), ``.calls``, ``.throttled``, ``.elapsed``.

        Raises:
            ValidationError: the object type name breaks the API's constraints, or an
                argument is out of range (nothing sent).
            BulkLoadError: the run stopped early: a refusal of the whole call that
                retrying cannot fix (missing domain or object type, access denied) or an
                interruption; ``.result.resume_from`` says where to go on.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-objects-many", default_expiration_days=365)
            >>> rows = ({"id": f"z-{n}"} for n in range(25))
            >>> result = domain.objects.put_many("Zendesk-users", rows)
            >>> result.stored, result.failed, result.resume_from
            (25, [], 25)
        """
        return _bulk.put_many(
            self._transport,
            self._domain,
            object_type_name,
            objects,
            concurrency=concurrency,
            rate=rate,
            progress=progress,
            on_progress=on_progress,
            start=start,
        )

    @api("ListProfileObjects", params={"ObjectFilter": "filter"}, output=ProfileObject)
    def list(
        self,
        profile_id: str,
        object_type_name: str,
        *,
        filter: FilterLike | None = None,
    ) -> Paged[ProfileObject]:
        """The objects of type ``object_type_name`` attached to profile ``profile_id``
        (``ListProfileObjects``), lazily paged, oldest first.

        Args:
            profile_id: the profile.
            object_type_name: an object type of the domain, a template id, or a
                standard object type (``_asset``, ``_case``, ``_order``...).
            filter: keep only the objects having one of the values under a key:
                ``("_orderId", ["1", "2"])``, an :class:`ObjectFilter`, or a mapping
                of its field names.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent;
                raised while iterating).
            ResourceNotFoundError: the domain, the profile or the object type does not
                exist (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-objects-list", default_expiration_days=365)
            >>> _ = domain.objects.put("Zendesk-users", {"id": "z-1"})
            >>> for n in ("1", "2"):
            ...     _ = domain.objects.put("Zendesk-tickets", {"id": n, "requester_id": "z-1"})
            >>> pid = cp.client.search_profiles(DomainName="docs-objects-list",
            ...     KeyName="_zendeskUserId", Values=["z-1"])["Items"][0]["ProfileId"]
            >>> [o.data["id"] for o in domain.objects.list(pid, "Zendesk-tickets")]
            ['1', '2']
            >>> only_2 = ("_zendeskTicketId", ["2"])
            >>> [o.data["id"] for o in domain.objects.list(pid, "Zendesk-tickets", filter=only_2)]
            ['2']
        """
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "ProfileId": profile_id,
            "ObjectTypeName": object_type_name,
        }
        if filter is not None:
            object_filter = _object_filter(filter)
            params["ObjectFilter"] = {
                "KeyName": object_filter.key_name,
                "Values": list(object_filter.values),
            }
        return self._paged("ListProfileObjects", params, ProfileObject)

    @api(
        "DeleteProfileObject",
        params={"ProfileObjectUniqueKey": "unique_key"},
        returns=("Message",),
    )
    def delete(self, profile_id: str, object_type_name: str, unique_key: str) -> bool:
        """Delete one object from a profile (``DeleteProfileObject``).

        Profile fields and keys the object provided stay on the profile. Idempotent:
        deleting an object that does not exist is not an error.

        Args:
            profile_id: the profile the object is attached to.
            object_type_name: the object's type.
            unique_key: the object's unique key (what :meth:`put` returned, or
                ``ProfileObject.profile_object_unique_key``).

        Returns:
            ``True`` if the object was deleted, ``False`` if it (or its profile, type or
            domain) did not exist.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).
            ValidationError: an argument breaks the API's constraints (nothing sent).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-objects-delete", default_expiration_days=365)
            >>> key = domain.objects.put("Zendesk-users", {"id": "z-9"})
            >>> pid = cp.client.search_profiles(DomainName="docs-objects-delete",
            ...     KeyName="_zendeskUserId", Values=["z-9"])["Items"][0]["ProfileId"]
            >>> domain.objects.delete(pid, "Zendesk-users", key)
            True
            >>> domain.objects.delete(pid, "Zendesk-users", key)
            False
        """
        return self._delete_if_exists(
            "DeleteProfileObject",
            {
                "DomainName": self._domain,
                "ProfileId": profile_id,
                "ObjectTypeName": object_type_name,
                "ProfileObjectUniqueKey": unique_key,
            },
        )
