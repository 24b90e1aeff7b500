"""Profile history: ``domain.profiles.history(profile_id)`` and
``domain.profiles.history_record(profile_id, record_id)``.

The audit trail of a profile: one record per creation, update, key change, ingested
object, merge, deletion and expiry, newest first. The methods live on
:class:`~customer_profiles_sdk.resources.Profiles` (this module holds them so that the
profile resource stays small); see ``docs/concepts/history.md``.
"""

from __future__ import annotations

from typing import Any

from .. import _convert, _service
from ..errors import ValidationError
from ..models import ActionType, GetProfileHistoryRecordResponse, ProfileHistoryRecord
from ..paging import Paged
from ._base import DomainResource, api

__all__ = ["ProfileHistory", "ProfileHistoryRecord", "ProfileHistoryRecordDetail"]

#: A record with its ``content`` (what :meth:`ProfileHistory.history_record` returns).
ProfileHistoryRecordDetail = GetProfileHistoryRecordResponse


class ProfileHistory(DomainResource):
    """The history methods of ``domain.profiles`` (mixed into
    :class:`~customer_profiles_sdk.resources.Profiles`)."""

    __slots__ = ()

    def _checked(self, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        violations = _service.check_request(operation, params)
        if violations:
            raise ValidationError(operation, violations)
        return params

    @api("ListProfileHistoryRecords", output=ProfileHistoryRecord)
    def history(
        self,
        profile_id: str,
        *,
        object_type_name: str | None = None,
        action_type: ActionType | str | None = None,
        performed_by: str | None = None,
    ) -> Paged[ProfileHistoryRecord]:
        """The profile's history records, newest first (``ListProfileHistoryRecords``),
        lazily paged.

        The records of a deleted, expired or merged-away profile stay listable. Filters
        are exact, case-sensitive and combined with AND. A summary has no ``content``:
        read it with :meth:`history_record`.

        Args:
            profile_id: the profile (32 hex characters).
            object_type_name: only records of this object type (``"_profile"`` for
                profile-level records, or an object type such as ``"Order"``).
            action_type: only records of this action (``ActionType.UPDATED``,
                ``"INGESTED"``, ...).
            performed_by: only records made by this principal ARN (the service's own
                actions, such as expiry, are ``"profile.amazonaws.com"``).

        Raises:
            ValidationError: an argument breaks the API's constraints (raised now,
                nothing sent).
            ResourceNotFoundError: the domain does not exist, or the profile never
                existed in it (when iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, Profile
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-history", default_expiration_days=30)
            >>> pid = domain.profiles.create(Profile(first_name="Ana"))
            >>> _ = domain.profiles.update(pid, first_name="Anna")
            >>> [r.action_type.value for r in domain.profiles.history(pid)]
            ['UPDATED', 'CREATED']
            >>> [r.action_type.value for r in domain.profiles.history(pid, action_type="CREATED")]
            ['CREATED']
        """
        params: dict[str, Any] = {"DomainName": self._domain, "ProfileId": profile_id}
        if object_type_name is not None:
            params["ObjectTypeName"] = object_type_name
        if action_type is not None:
            params["ActionType"] = getattr(action_type, "value", action_type)
        if performed_by is not None:
            params["PerformedBy"] = performed_by
        operation = "ListProfileHistoryRecords"
        return self._paged(operation, self._checked(operation, params), ProfileHistoryRecord)

    @api("GetProfileHistoryRecord", params={"Id": "record_id"}, output=ProfileHistoryRecordDetail)
    def history_record(self, profile_id: str, record_id: str) -> ProfileHistoryRecordDetail:
        """One history record with its ``content`` (``GetProfileHistoryRecord``).

        ``content`` is JSON text: the profile, the object or the key as it was at that
        moment (personal data: masked in ``repr``). ``json.loads(record.content)``
        gives the document.

        Args:
            profile_id: the profile the record belongs to.
            record_id: the record's ``id`` from :meth:`history`.

        Raises:
            ValidationError: an id is malformed (nothing sent).
            ResourceNotFoundError: no such record for this profile (an id of another
                profile's record is not found either), or the domain does not exist.

        Example:
            >>> import json
            >>> from customer_profiles_sdk import CustomerProfiles, Profile
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-history-record", default_expiration_days=30)
            >>> pid = domain.profiles.create(Profile(first_name="Ana"))
            >>> newest = next(iter(domain.profiles.history(pid)))
            >>> json.loads(domain.profiles.history_record(pid, newest.id).content)["FirstName"]
            'Ana'
        """
        operation = "GetProfileHistoryRecord"
        params = {"DomainName": self._domain, "ProfileId": profile_id, "Id": record_id}
        response = self._call(operation, self._checked(operation, params))
        return _convert.from_wire(ProfileHistoryRecordDetail, response)
