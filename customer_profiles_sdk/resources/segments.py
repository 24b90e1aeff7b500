"""Segments of one domain: ``domain.segments`` (definitions, estimates, membership,
snapshots), ``domain.segments.subscriptions`` (membership events) and
``domain.segments.stream`` (where the events go).

Build definitions with :mod:`customer_profiles_sdk.segments`.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from .. import _convert, _segment_checks, _service
from .._convert import to_request
from .._polling import PollPolicy, wait_for
from .._service import Violation
from ..errors import ResourceNotFoundError, ValidationError
from ..models import (
    DataFormat,
    Group,
    IncludeOptions,
    ScheduleConfigurationUnit,
    SegmentDefinition,
    SegmentDefinitionSummary,
    SegmentEstimate,
    SegmentGroup,
    SegmentGroupStructure,
    SegmentMembership,
    SegmentSnapshot,
    SegmentSort,
    SegmentStreamAssociation,
    SegmentSubscription,
    SegmentSubscriptionEvent,
)
from ..paging import Paged
from ._base import DomainResource, api, as_map, coerce, value_list

__all__ = [
    "SegmentEstimateJob",
    "SegmentSnapshotJob",
    "SegmentStream",
    "SegmentSubscriptions",
    "Segments",
]

#: What ``groups=`` takes: one audience group, or several (models or mappings of their
#: fields).
GroupsLike = Group | Sequence[Group | Mapping[str, Any]]
#: Default deadline of ``.wait()``, in seconds.
DEFAULT_TIMEOUT = 600.0


def _enum_value(value: Any) -> Any:
    return None if value is None else _convert.converter.unstructure(value)


def _groups_request(
    groups: GroupsLike | None, include: IncludeOptions | str | None, operation: str, member: str
) -> dict[str, Any] | None:
    """``SegmentGroups`` / ``SegmentQuery`` from ``groups=`` and ``include=``."""
    if groups is None:
        if include is not None:
            violation = Violation(f"{member}.Include", "only with groups", "include without groups")
            raise ValidationError(operation, [violation])
        return None
    if isinstance(groups, (SegmentGroup, SegmentGroupStructure)):
        raise TypeError(
            "groups= takes the audience groups: pass groups=query.groups, include=query.include"
        )
    items = [groups] if isinstance(groups, Group) else builtins.list(groups)
    request: dict[str, Any] = {"Groups": [to_request(coerce(Group, g), "Group") for g in items]}
    if include is not None:
        request = {"Include": _enum_value(include), **request}
    return request


def _raise_if(operation: str, request: Mapping[str, Any], found: list[Violation]) -> None:
    """Raise every problem at once: the documented rules, then the model's constraints."""
    if found:
        compact = {k: v for k, v in request.items() if v is not None}
        raise ValidationError(operation, [*found, *_service.check_request(operation, compact)])


def _estimate_failure(state: SegmentEstimate) -> str | None:
    if state.status == "FAILED":
        return state.message or "the service gave no reason"
    return None


def _snapshot_failure(state: SegmentSnapshot) -> str | None:
    if state.status == "FAILED":
        return state.status_message or "the service gave no reason"
    return None


class SegmentEstimateJob:
    """A segment estimate being computed: what ``domain.segments.estimate(...)`` returns.

    Creating it made one request (``CreateSegmentEstimate``); :meth:`status` reads the
    current state, :meth:`wait` polls until it is final.

    Attributes:
        estimate_id: the service's id of the estimate.
        domain_name: the domain.
        status_code: the HTTP status the service answered the creation with.
    """

    __slots__ = ("_segments", "domain_name", "estimate_id", "status_code")

    def __init__(
        self, segments: Segments, estimate_id: str, *, status_code: int | None = None
    ) -> None:
        self._segments = segments
        self.domain_name = segments.domain_name
        self.estimate_id = estimate_id
        self.status_code = status_code

    def status(self) -> SegmentEstimate:
        """The estimate's current state (``GetSegmentEstimate``).

        Raises:
            ResourceNotFoundError: the estimate (or the domain) does not exist.
        """
        return self._segments.get_estimate(self.estimate_id)

    def wait(
        self, timeout: float = DEFAULT_TIMEOUT, *, policy: PollPolicy | None = None
    ) -> SegmentEstimate:
        """Poll the estimate (``GetSegmentEstimate``) until it is final, with back-off.

        On the embedded emulator waiting advances the emulated clock instead of
        sleeping.

        Args:
            timeout: seconds to wait at most.
            policy: the back-off between reads (default :class:`PollPolicy`).

        Returns:
            The ``SUCCEEDED`` estimate; ``.count`` is the number of profiles.

        Raises:
            JobFailedError: the estimate ``FAILED`` (``.last`` holds it, with its message).
            WaitTimeoutError: it was still running at the deadline (``.last`` holds the
                last state read).
        """
        return wait_for(
            self.status,
            done=lambda state: state.done,
            failed=_estimate_failure,
            what=f"segment estimate {self.estimate_id}",
            timeout=timeout,
            waiter=self._segments._transport.waiter,
            policy=policy,
        )

    def __repr__(self) -> str:
        return (
            f"SegmentEstimateJob(domain_name={self.domain_name!r}, "
            f"estimate_id={self.estimate_id!r})"
        )


class SegmentSnapshotJob:
    """A segment snapshot (an export of its members) being written: what
    ``domain.segments.snapshot(...)`` returns.

    Attributes:
        snapshot_id: the service's id of the snapshot.
        segment_name: the segment definition exported.
        domain_name: the domain.
    """

    __slots__ = ("_segments", "domain_name", "segment_name", "snapshot_id")

    def __init__(self, segments: Segments, segment_name: str, snapshot_id: str) -> None:
        self._segments = segments
        self.domain_name = segments.domain_name
        self.segment_name = segment_name
        self.snapshot_id = snapshot_id

    def status(self) -> SegmentSnapshot:
        """The snapshot's current state (``GetSegmentSnapshot``).

        Raises:
            ResourceNotFoundError: the snapshot, the segment or the domain does not exist.
        """
        return self._segments.get_snapshot(self.segment_name, self.snapshot_id)

    def wait(
        self, timeout: float = DEFAULT_TIMEOUT, *, policy: PollPolicy | None = None
    ) -> SegmentSnapshot:
        """Poll the snapshot (``GetSegmentSnapshot``) until it is final, with back-off.

        Args:
            timeout: seconds to wait at most.
            policy: the back-off between reads (default :class:`PollPolicy`).

        Returns:
            The ``COMPLETED`` snapshot (the export is at its ``destination_uri``).

        Raises:
            JobFailedError: the snapshot ``FAILED`` (``.last`` holds it, with its
                ``status_message``).
            WaitTimeoutError: it was still in progress at the deadline.
        """
        return wait_for(
            self.status,
            done=lambda state: state.done,
            failed=_snapshot_failure,
            what=f"segment snapshot {self.snapshot_id} of {self.segment_name}",
            timeout=timeout,
            waiter=self._segments._transport.waiter,
            policy=policy,
        )

    def __repr__(self) -> str:
        return (
            f"SegmentSnapshotJob(domain_name={self.domain_name!r}, "
            f"segment_name={self.segment_name!r}, snapshot_id={self.snapshot_id!r})"
        )


class Segments(DomainResource):
    """The segments of a domain: ``domain.segments``.

    A segment is a definition of an audience: audience groups of conditions on profile
    fields and calculated attributes (a *classic* segment, built with
    :mod:`customer_profiles_sdk.segments`), or a Spark SQL query (an *enhanced* one, on a
    domain with a data store). The service evaluates it when asked: :meth:`estimate`
    counts the profiles of a query, :meth:`membership` tells which of some profiles are
    members, :meth:`snapshot` exports the members to S3. Definitions cannot be changed
    once created.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> from customer_profiles_sdk.segments import all_of, attribute
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-segments", default_expiration_days=30)
        >>> ann = domain.profiles.create({"first_name": "Ann", "attributes": {"tier": "gold"}})
        >>> bob = domain.profiles.create({"first_name": "Bob", "attributes": {"tier": "silver"}})
        >>> gold = all_of(attribute("tier").is_("gold"))
        >>> _ = domain.segments.create("gold", display_name="Gold members", groups=gold)
        >>> domain.segments.estimate(gold).wait().count
        1
        >>> domain.segments.membership("gold", [ann, bob]).member_ids == [ann]
        True
    """

    __slots__ = ()

    @property
    def subscriptions(self) -> SegmentSubscriptions:
        """The segments' membership-event subscriptions."""
        return SegmentSubscriptions(self._transport, self._domain)

    @property
    def stream(self) -> SegmentStream:
        """The Kinesis data stream that receives the membership events."""
        return SegmentStream(self._transport, self._domain)

    # ----------------------------------------------------------------- definitions

    @api(
        "CreateSegmentDefinition",
        params={
            "SegmentDefinitionName": "name",
            "SegmentGroups": "groups, include",
            "SegmentSqlQuery": "sql",
            "SegmentSort": "sort",
        },
        output=SegmentDefinition,
    )
    def create(
        self,
        name: str,
        *,
        display_name: str,
        groups: GroupsLike | None = None,
        include: IncludeOptions | str | None = None,
        sql: str | None = None,
        sort: SegmentSort | Mapping[str, Any] | None = None,
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> SegmentDefinition:
        """Define a segment (``CreateSegmentDefinition``).

        Give either ``groups`` (a classic segment) or ``sql`` (an enhanced one). A
        definition cannot be changed afterwards: delete it and create it again.

        Args:
            name: the definition's name (letters, digits, ``_`` and ``-``; at most 64).
            display_name: the name shown to people.
            groups: the audience groups: one (``all_of(...)``) or several, built with
                :mod:`customer_profiles_sdk.segments` (``Group`` models or mappings of
                their fields).
            include: how several groups combine: ``ALL`` (profiles in every group),
                ``ANY`` (in at least one) or ``NONE`` (in none); the service's default
                when absent.
            sql: a Spark SQL query (the domain needs a data store).
            sort: the order of the segment's profiles, e.g. ``sort_by(...)``.
            description: a description.
            tags: tags of the definition.

        Returns:
            The new definition: the service's answer (ARN, creation time) with the
            groups, SQL and sort as sent (the service stores them as sent).

        Raises:
            ValidationError: an argument breaks the API's constraints: both or neither
                of ``groups`` and ``sql``, no group, more than 5 source segments in a
                group, a condition that is empty or on both kinds of attributes,
                ``between`` without two values, a range override outside 1-366 days,
                more than 60 unique attributes or 10 calculated ones (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the name is taken, a source segment or calculated attribute
                does not exist, SQL on a domain without a data store, or the service
                rejected the definition.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import (
            ...     all_of, any_of, attribute, profile, sort_by)
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-create", default_expiration_days=30)
            >>> seattle = domain.segments.create(
            ...     "seattle", display_name="Seattle",
            ...     groups=all_of(profile.address.city.is_("Seattle")))
            >>> vips = domain.segments.create(
            ...     "vip", display_name="VIPs",
            ...     groups=[any_of(attribute("tier").is_("gold"), within="seattle"),
            ...             all_of(attribute("ltv").greater_than(10_000))],
            ...     include="ANY", sort=sort_by(attribute("ltv").descending()))
            >>> vips.segment_definition_arn.split(":")[-1]
            'domains/docs-seg-create/segment-definitions/vip'
            >>> vips.segment_type.value, len(vips.segment_groups.groups)
            ('CLASSIC', 2)
        """
        operation = "CreateSegmentDefinition"
        segment_groups = _groups_request(groups, include, operation, "SegmentGroups")
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "SegmentDefinitionName": name,
            "DisplayName": display_name,
            "Description": description,
            "SegmentGroups": segment_groups,
            "SegmentSqlQuery": sql,
            "SegmentSort": None
            if sort is None
            else to_request(coerce(SegmentSort, sort), "SegmentSort"),
            "Tags": as_map(tags),
        }
        found = _segment_checks.check_one_of(segment_groups, sql, groups_member="SegmentGroups")
        if segment_groups is not None:
            found += _segment_checks.check_groups(segment_groups, "SegmentGroups")
        _raise_if(operation, params, found)
        response = self._call(operation, params)
        sent = {
            k: v
            for k, v in params.items()
            if k in ("DisplayName", "Description", "SegmentGroups", "SegmentSqlQuery")
            or k in ("SegmentSort", "Tags")
        }
        sent = {k: v for k, v in sent.items() if v is not None}
        # The service's documented rule: CLASSIC from groups, ENHANCED from SQL.
        sent["SegmentType"] = "CLASSIC" if segment_groups is not None else "ENHANCED"
        return _convert.from_wire(SegmentDefinition, {**sent, **response})

    @api(
        "GetSegmentDefinition",
        params={"SegmentDefinitionName": "name"},
        output=SegmentDefinition,
    )
    def get(self, name: str) -> SegmentDefinition:
        """Read a definition with its groups or SQL (``GetSegmentDefinition``).

        Raises:
            ResourceNotFoundError: the definition (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of, profile
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-get", default_expiration_days=30)
            >>> _ = domain.segments.create(
            ...     "anns", display_name="Ann", groups=all_of(profile.first_name.is_("Ann")))
            >>> print(domain.segments.get("anns").describe())
            anns (Ann)
            Profiles in every group (Include not set):
              Group 1: where ALL of
                FirstName is "Ann"
        """
        response = self._call(
            "GetSegmentDefinition", {"DomainName": self._domain, "SegmentDefinitionName": name}
        )
        return _convert.from_wire(SegmentDefinition, response)

    def exists(self, name: str) -> bool:
        """Whether definition ``name`` exists (``GetSegmentDefinition``).

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-exists", default_expiration_days=30)
            >>> domain.segments.exists("nothing")
            False
        """
        try:
            self.get(name)
        except ResourceNotFoundError as exc:
            self._confirm_container(exc)
            return False
        return True

    @api("ListSegmentDefinitions", output=SegmentDefinitionSummary)
    def list(self) -> Paged[SegmentDefinitionSummary]:
        """Every definition of the domain (``ListSegmentDefinitions``), lazily paged,
        without groups or SQL.

        Raises:
            ResourceNotFoundError: the domain does not exist (when iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of, attribute
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-list", default_expiration_days=30)
            >>> for tier in ("gold", "silver"):
            ...     _ = domain.segments.create(tier, display_name=tier.title(),
            ...                                groups=all_of(attribute("tier").is_(tier)))
            >>> [(s.segment_definition_name, s.segment_type.value)
            ...  for s in domain.segments.list().page_size(1)]
            [('gold', 'CLASSIC'), ('silver', 'CLASSIC')]
        """
        return self._paged(
            "ListSegmentDefinitions", {"DomainName": self._domain}, SegmentDefinitionSummary
        )

    @api(
        "DeleteSegmentDefinition",
        params={"SegmentDefinitionName": "name"},
        returns=("Message",),
    )
    def delete(self, name: str) -> bool:
        """Delete a definition for good (``DeleteSegmentDefinition``), with its
        subscription and snapshots. Segments that use it as a source stop working.

        Idempotent: deleting a definition that does not exist is not an error.

        Returns:
            ``True`` if the definition was deleted, ``False`` if it did not exist.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-delete", default_expiration_days=30)
            >>> _ = domain.segments.create("everyone", display_name="All", groups=all_of())
            >>> domain.segments.delete("everyone"), domain.segments.delete("everyone")
            (True, False)
        """
        return self._delete_if_exists(
            "DeleteSegmentDefinition", {"DomainName": self._domain, "SegmentDefinitionName": name}
        )

    # ----------------------------------------------------------------- estimates

    @api(
        "CreateSegmentEstimate",
        params={"SegmentQuery": "groups, include", "SegmentSqlQuery": "sql"},
        returns=("DomainName", "EstimateId", "StatusCode"),
    )
    def estimate(
        self,
        groups: GroupsLike | None = None,
        *,
        include: IncludeOptions | str | None = None,
        sql: str | None = None,
    ) -> SegmentEstimateJob:
        """Start counting the profiles of a query (``CreateSegmentEstimate``).

        The query is given like a definition's (``groups`` and ``include``, or ``sql``)
        and is not stored. To count an existing segment, estimate a group that starts
        from it: ``estimate(all_of(within="vip"))``.

        Returns:
            A handle: ``.wait()`` polls until the estimate is final and returns it
            (``.count`` is the number of profiles), ``.status()`` reads it once.

        Raises:
            ValidationError: both or neither of ``groups`` and ``sql``, or the query
                breaks the API's constraints (see :meth:`create`; nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: a source segment or calculated attribute does not exist,
                or the service rejected the query.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of, profile
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-estimate", default_expiration_days=30)
            >>> for name in ("Ann", "Anna", "Bob"):
            ...     _ = domain.profiles.create({"first_name": name})
            >>> job = domain.segments.estimate(all_of(profile.first_name.begins_with("An")))
            >>> estimate = job.wait(timeout=60)
            >>> estimate.status.value, estimate.count
            ('SUCCEEDED', 2)
        """
        operation = "CreateSegmentEstimate"
        query = _groups_request(groups, include, operation, "SegmentQuery")
        params = {"DomainName": self._domain, "SegmentQuery": query, "SegmentSqlQuery": sql}
        found = _segment_checks.check_one_of(query, sql, groups_member="SegmentQuery")
        if query is not None:
            found += _segment_checks.check_groups(query, "SegmentQuery")
        _raise_if(operation, params, found)
        response = self._call(operation, params)
        status = response.get("StatusCode")
        return SegmentEstimateJob(
            self, str(response["EstimateId"]), status_code=None if status is None else int(status)
        )

    @api("GetSegmentEstimate", output=SegmentEstimate)
    def get_estimate(self, estimate_id: str) -> SegmentEstimate:
        """The state of an estimate (``GetSegmentEstimate``); the handle's ``status()``.

        Raises:
            ResourceNotFoundError: the estimate (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-get-estimate", default_expiration_days=30)
            >>> job = domain.segments.estimate(all_of())
            >>> domain.segments.get_estimate(job.estimate_id).estimate
            '0'
        """
        response = self._call(
            "GetSegmentEstimate", {"DomainName": self._domain, "EstimateId": estimate_id}
        )
        return _convert.from_wire(SegmentEstimate, response)

    # ----------------------------------------------------------------- membership

    @api(
        "GetSegmentMembership",
        params={"SegmentDefinitionName": "name"},
        output=SegmentMembership,
    )
    def membership(self, name: str, profile_ids: Sequence[str]) -> SegmentMembership:
        """Which of ``profile_ids`` are in segment ``name`` (``GetSegmentMembership``).

        A classic segment is evaluated now; an enhanced (SQL) one is answered from its
        last completed snapshot.

        Args:
            name: the segment definition.
            profile_ids: 1 to 100 profile ids.

        Returns:
            The answer: ``.members`` (the profiles in the segment), ``.is_member(id)``,
            ``.failures`` (ids the service could not answer for) and ``.to_pandas()``.

        Raises:
            ValidationError: no id, more than 100, or an id that is not a profile id
                (nothing sent).
            ResourceNotFoundError: the segment (or the domain) does not exist.
            BadRequestError: a source segment of it was deleted, or an enhanced segment
                has no usable snapshot.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of, profile
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-membership", default_expiration_days=30)
            >>> ann = domain.profiles.create({"email_address": "ann@example.com"})
            >>> bob = domain.profiles.create({"email_address": "bob@example.org"})
            >>> _ = domain.segments.create(
            ...     "example_com", display_name="example.com",
            ...     groups=all_of(profile.email_address.ends_with("@example.com")))
            >>> answer = domain.segments.membership("example_com", [ann, bob])
            >>> [m.email_address for m in answer.members], answer.is_member(bob)
            (['ann@example.com'], False)
        """
        ids = value_list("GetSegmentMembership", "ProfileIds", profile_ids)
        response = self._call(
            "GetSegmentMembership",
            {"DomainName": self._domain, "SegmentDefinitionName": name, "ProfileIds": ids},
        )
        return _convert.from_wire(SegmentMembership, response)

    # ----------------------------------------------------------------- snapshots

    @api(
        "CreateSegmentSnapshot",
        params={"SegmentDefinitionName": "name"},
        returns=("SnapshotId",),
    )
    def snapshot(
        self,
        name: str,
        *,
        data_format: DataFormat | str,
        destination_uri: str,
        role_arn: str | None = None,
        encryption_key: str | None = None,
    ) -> SegmentSnapshotJob:
        """Start exporting the members of segment ``name`` to S3 (``CreateSegmentSnapshot``).

        The export holds the members' profiles. For an enhanced (SQL) segment, the last
        completed snapshot is also what :meth:`membership` answers from.

        Args:
            name: the segment definition.
            data_format: ``CSV``, ``JSONL`` or ``ORC``.
            destination_uri: where to write, ``s3://bucket[/prefix]`` (required outside
                the Amazon Connect admin website).
            role_arn: an IAM role the service assumes to write to the destination.
            encryption_key: a KMS key for the export.

        Returns:
            A handle: ``.wait()`` polls until the snapshot is final, ``.status()`` reads
            it once.

        Raises:
            ValidationError: a destination that is not an ``s3://`` URI, or an argument
                breaking the API's constraints (nothing sent).
            ResourceNotFoundError: the segment (or the domain) does not exist.
            BadRequestError: the daily snapshot quota is used up, or the service
                rejected the request.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-snapshot", default_expiration_days=30)
            >>> _ = domain.segments.create("everyone", display_name="All", groups=all_of())
            >>> job = domain.segments.snapshot(
            ...     "everyone", data_format="JSONL", destination_uri="s3://exports/everyone")
            >>> job.wait().status.value
            'COMPLETED'
        """
        operation = "CreateSegmentSnapshot"
        params = {
            "DomainName": self._domain,
            "SegmentDefinitionName": name,
            "DataFormat": _enum_value(data_format),
            "DestinationUri": destination_uri,
            "RoleArn": role_arn,
            "EncryptionKey": encryption_key,
        }
        _raise_if(operation, params, _segment_checks.check_destination_uri(destination_uri))
        response = self._call(operation, params)
        return SegmentSnapshotJob(self, name, str(response["SnapshotId"]))

    @api(
        "GetSegmentSnapshot",
        params={"SegmentDefinitionName": "name"},
        output=SegmentSnapshot,
    )
    def get_snapshot(self, name: str, snapshot_id: str) -> SegmentSnapshot:
        """The state of a snapshot of segment ``name`` (``GetSegmentSnapshot``); the
        handle's ``status()``.

        Raises:
            ResourceNotFoundError: the snapshot, the segment or the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-get-snapshot", default_expiration_days=30)
            >>> _ = domain.segments.create("everyone", display_name="All", groups=all_of())
            >>> job = domain.segments.snapshot(
            ...     "everyone", data_format="CSV", destination_uri="s3://exports")
            >>> domain.segments.get_snapshot("everyone", job.snapshot_id).destination_uri
            's3://exports'
        """
        response = self._call(
            "GetSegmentSnapshot",
            {"DomainName": self._domain, "SegmentDefinitionName": name, "SnapshotId": snapshot_id},
        )
        return _convert.from_wire(SegmentSnapshot, response)


class SegmentSubscriptions(DomainResource):
    """Membership-event subscriptions: ``domain.segments.subscriptions``.

    A subscribed segment reports each profile that joins or leaves it, as events listed
    by :meth:`events` and as records on the domain's segment stream
    (``domain.segments.stream``, which must be associated first). At most one
    subscription per segment and 10 per domain.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> from customer_profiles_sdk.segments import all_of, attribute
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-seg-subscriptions", default_expiration_days=30)
        >>> _ = domain.segments.create(
        ...     "gold", display_name="Gold", groups=all_of(attribute("tier").is_("gold")))
        >>> domain.segments.stream.associate(
        ...     "arn:aws:kinesis:us-east-1:123456789012:stream/segment-events",
        ...     role_arn="arn:aws:iam::123456789012:role/segment-events")
        >>> _ = domain.segments.subscriptions.put("gold")
        >>> ann = domain.profiles.create({"attributes": {"tier": "gold"}})
        >>> [(e.profile_id == ann, e.event.value, e.event_type.value)
        ...  for e in domain.segments.subscriptions.events("gold")]
        [(True, 'JOINED', 'LIVE')]
    """

    __slots__ = ()

    @api(
        "PutSegmentSubscription",
        params={"SegmentDefinitionName": "name", "ScheduleConfiguration": "interval, unit"},
        output=SegmentSubscription,
    )
    def put(
        self,
        name: str,
        *,
        interval: int | None = None,
        unit: ScheduleConfigurationUnit | str | None = None,
    ) -> SegmentSubscription:
        """Subscribe segment ``name`` to membership events, or change its schedule
        (``PutSegmentSubscription``).

        Besides the events seen as profiles change (``LIVE``, classic segments only),
        scheduled runs re-evaluate the whole segment every ``interval`` hours
        (``SCHEDULE`` events; the only kind for SQL segments).

        Args:
            name: the segment definition.
            interval: hours between scheduled runs, 1 to 24 (the service's default: 24).
            unit: the unit of ``interval``: ``HOURLY`` (the only one, sent by default
                with ``interval``).

        Returns:
            The subscription: ``STARTING`` while the service records the current
            members (no event is sent for them), then ``RUNNING``.

        Raises:
            ValidationError: ``interval`` outside 1-24, or ``unit`` without ``interval``
                (nothing sent).
            ResourceNotFoundError: the segment (or the domain) does not exist.
            BadRequestError: no segment stream is associated, or the domain has 10
                subscriptions already.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-sub-put", default_expiration_days=30)
            >>> _ = domain.segments.create("everyone", display_name="All", groups=all_of())
            >>> domain.segments.stream.associate(
            ...     "arn:aws:kinesis:us-east-1:123456789012:stream/events",
            ...     role_arn="arn:aws:iam::123456789012:role/events")
            >>> subscription = domain.segments.subscriptions.put("everyone", interval=6)
            >>> subscription.status.value, subscription.schedule_configuration.interval
            ('STARTING', 6)
        """
        operation = "PutSegmentSubscription"
        schedule: dict[str, Any] | None = None
        found: list[Violation] = []
        if interval is not None:
            unit_value = _enum_value(unit) or ScheduleConfigurationUnit.HOURLY.value
            schedule = {"Interval": interval, "Unit": unit_value}
        elif unit is not None:
            found.append(
                Violation("ScheduleConfiguration.Interval", "required", "unit without interval")
            )
        params = {
            "DomainName": self._domain,
            "SegmentDefinitionName": name,
            "ScheduleConfiguration": schedule,
        }
        _raise_if(operation, params, found)
        response = self._call(operation, params)
        return _convert.from_wire(SegmentSubscription, response)

    @api(
        "GetSegmentSubscription",
        params={"SegmentDefinitionName": "name"},
        output=SegmentSubscription,
    )
    def get(self, name: str) -> SegmentSubscription:
        """The subscription of segment ``name`` (``GetSegmentSubscription``): its status,
        schedule and scheduled runs.

        Raises:
            ResourceNotFoundError: the segment has no subscription (or does not exist).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-sub-get", default_expiration_days=30)
            >>> _ = domain.segments.create("everyone", display_name="All", groups=all_of())
            >>> domain.segments.stream.associate(
            ...     "arn:aws:kinesis:us-east-1:123456789012:stream/events",
            ...     role_arn="arn:aws:iam::123456789012:role/events")
            >>> _ = domain.segments.subscriptions.put("everyone")
            >>> subscription = domain.segments.subscriptions.get("everyone")
            >>> subscription.status.value, subscription.schedule_configuration.interval
            ('RUNNING', 24)
        """
        response = self._call(
            "GetSegmentSubscription",
            {"DomainName": self._domain, "SegmentDefinitionName": name},
        )
        return _convert.from_wire(SegmentSubscription, response)

    def wait_until_running(
        self, name: str, *, timeout: float = DEFAULT_TIMEOUT, policy: PollPolicy | None = None
    ) -> SegmentSubscription:
        """Poll the subscription of segment ``name`` (``GetSegmentSubscription``) until it
        has recorded the initial membership (no longer ``STARTING``).

        Returns:
            The ``RUNNING`` subscription.

        Raises:
            JobFailedError: it ended ``FAILED`` or ``STOPPED`` (``.last`` holds it).
            WaitTimeoutError: it was still ``STARTING`` at the deadline.
            ResourceNotFoundError: the segment has no subscription.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> from customer_profiles_sdk.segments import all_of
            >>> backend = LocalBackend()
            >>> backend.set_job_latency("subscription", 120)   # two emulated minutes
            >>> cp = CustomerProfiles.local(backend=backend)
            >>> domain = cp.domains.create("docs-seg-sub-wait", default_expiration_days=30)
            >>> _ = domain.segments.create("everyone", display_name="All", groups=all_of())
            >>> domain.segments.stream.associate(
            ...     "arn:aws:kinesis:us-east-1:123456789012:stream/events",
            ...     role_arn="arn:aws:iam::123456789012:role/events")
            >>> domain.segments.subscriptions.put("everyone").status.value
            'STARTING'
            >>> domain.segments.subscriptions.wait_until_running("everyone").status.value
            'RUNNING'
        """

        def failure(state: SegmentSubscription) -> str | None:
            if state.status in ("FAILED", "STOPPED"):
                return f"{state.status}: {state.message or 'the service gave no reason'}"
            return None

        return wait_for(
            lambda: self.get(name),
            done=lambda state: state.status != "STARTING",
            failed=failure,
            what=f"subscription of segment {name}",
            timeout=timeout,
            waiter=self._transport.waiter,
            policy=policy,
        )

    @api(
        "DeleteSegmentSubscription",
        params={"SegmentDefinitionName": "name"},
        returns=("Message",),
    )
    def delete(self, name: str) -> bool:
        """Stop the membership events of segment ``name`` (``DeleteSegmentSubscription``).

        Idempotent: a segment without a subscription is not an error.

        Returns:
            ``True`` if a subscription was deleted, ``False`` if there was none.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-sub-delete", default_expiration_days=30)
            >>> _ = domain.segments.create("everyone", display_name="All", groups=all_of())
            >>> domain.segments.stream.associate(
            ...     "arn:aws:kinesis:us-east-1:123456789012:stream/events",
            ...     role_arn="arn:aws:iam::123456789012:role/events")
            >>> _ = domain.segments.subscriptions.put("everyone")
            >>> domain.segments.subscriptions.delete("everyone")
            True
            >>> domain.segments.subscriptions.delete("everyone")
            False
        """
        return self._delete_if_exists(
            "DeleteSegmentSubscription",
            {"DomainName": self._domain, "SegmentDefinitionName": name},
        )

    @api(
        "ListSegmentSubscriptionEvents",
        params={"SegmentDefinitionName": "name"},
        output=SegmentSubscriptionEvent,
    )
    def events(self, name: str) -> Paged[SegmentSubscriptionEvent]:
        """The most recent membership changes of segment ``name``, newest first
        (``ListSegmentSubscriptionEvents``), lazily paged.

        Raises:
            ResourceNotFoundError: the segment has no subscription (when iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.segments import all_of, profile
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-events", default_expiration_days=30)
            >>> _ = domain.segments.create(
            ...     "anns", display_name="Ann", groups=all_of(profile.first_name.is_("Ann")))
            >>> domain.segments.stream.associate(
            ...     "arn:aws:kinesis:us-east-1:123456789012:stream/events",
            ...     role_arn="arn:aws:iam::123456789012:role/events")
            >>> _ = domain.segments.subscriptions.put("anns")
            >>> pid = domain.profiles.create({"first_name": "Ann"})
            >>> _ = domain.profiles.update(pid, first_name="Anna")
            >>> [e.event.value for e in domain.segments.subscriptions.events("anns")]
            ['LEFT', 'JOINED']
        """
        return self._paged(
            "ListSegmentSubscriptionEvents",
            {"DomainName": self._domain, "SegmentDefinitionName": name},
            SegmentSubscriptionEvent,
        )


class SegmentStream(DomainResource):
    """The domain's segment stream: ``domain.segments.stream``.

    One Kinesis data stream per domain receives the membership events of every
    subscribed segment. Associating it is the first step of
    ``domain.segments.subscriptions``.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-seg-stream", default_expiration_days=30)
        >>> domain.segments.stream.exists()
        False
        >>> domain.segments.stream.associate(
        ...     "arn:aws:kinesis:us-east-1:123456789012:stream/events",
        ...     role_arn="arn:aws:iam::123456789012:role/events")
        >>> domain.segments.stream.get().state.value
        'RUNNING'
    """

    __slots__ = ()

    @api(
        "AssociateStreamForSegments",
        params={"DestinationRoleArn": "role_arn"},
    )
    def associate(self, destination_arn: str, *, role_arn: str) -> None:
        """Send the domain's membership events to a Kinesis data stream
        (``AssociateStreamForSegments``).

        Args:
            destination_arn: the stream, ``arn:aws:kinesis:<region>:<account>:stream/<name>``.
            role_arn: an IAM role the service assumes to put records on it
                (``kinesis:PutRecord``, ``PutRecords``, ``DescribeStream``).

        Raises:
            ValidationError: ``destination_arn`` is not a Kinesis stream ARN, or
                ``role_arn`` not an IAM role ARN (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: a stream is associated already (disassociate it first).
        """
        operation = "AssociateStreamForSegments"
        params = {
            "DomainName": self._domain,
            "DestinationArn": destination_arn,
            "DestinationRoleArn": role_arn,
        }
        _raise_if(operation, params, _segment_checks.check_stream_arn(destination_arn))
        self._call(operation, params)

    @api("GetStreamForSegments", output=SegmentStreamAssociation)
    def get(self) -> SegmentStreamAssociation:
        """The domain's segment stream and the state of each subscribed segment
        (``GetStreamForSegments``). A disassociated stream stays readable, ``STOPPED``.

        Raises:
            ResourceNotFoundError: no stream was ever associated (or the domain does
                not exist).
        """
        response = self._call("GetStreamForSegments", {"DomainName": self._domain})
        return _convert.from_wire(SegmentStreamAssociation, response)

    def exists(self) -> bool:
        """Whether a stream was ever associated with the domain (``GetStreamForSegments``).

        Raises:
            ResourceNotFoundError: the domain does not exist.
        """
        try:
            self.get()
        except ResourceNotFoundError as exc:
            self._confirm_container(exc)
            return False
        return True

    @api("DisassociateStreamForSegments", returns=("Message",))
    def disassociate(self) -> bool:
        """Stop sending membership events to the stream (``DisassociateStreamForSegments``);
        every subscription of the domain stops.

        Returns:
            ``True`` if a running stream was disassociated, ``False`` if there was none.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-seg-stream-off", default_expiration_days=30)
            >>> domain.segments.stream.associate(
            ...     "arn:aws:kinesis:us-east-1:123456789012:stream/events",
            ...     role_arn="arn:aws:iam::123456789012:role/events")
            >>> domain.segments.stream.disassociate(), domain.segments.stream.disassociate()
            (True, False)
            >>> domain.segments.stream.get().state.value
            'STOPPED'
        """
        return self._delete_if_exists("DisassociateStreamForSegments", {"DomainName": self._domain})
