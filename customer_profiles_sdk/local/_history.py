"""Profile history: ListProfileHistoryRecords, GetProfileHistoryRecord and the recorder.

History is a consumer of the change feed (:mod:`._changes`): every write path that
reports a change (CreateProfile, UpdateProfile, Add/DeleteProfileKey, PutProfileObject
and everything that ingests through ``ingest_object`` -- BatchPutProfileObject, upload
jobs, workflows --, DeleteProfile, DeleteProfileObject, MergeProfiles, expiry) gets its
records here, with no call of its own. Which change writes which record is the table of
spec identity-history-jobs 3.2 [A]:

=====================  ==============================================================
change                 records (``ObjectTypeName``, ``ActionType``)
=====================  ==============================================================
PROFILE_CREATED        ``_profile`` CREATED (the profile after the call)
PROFILE_UPDATED        ``_profile`` UPDATED (also when nothing changed)
OBJECT_INGESTED        ``_profile`` CREATED when the ingestion created the profile, then
                       the object type INGESTED (the object as ingested, its key)
KEY_ADDED / DELETED    ``_profile`` ADDED_PROFILE_KEY / DELETED_PROFILE_KEY
                       (``{"KeyName", "Values"}`` as sent)
PROFILE_DELETED        ``_profile`` DELETED_BY_CUSTOMER (the last state)
OBJECT_DELETED         the object type DELETED_BY_CUSTOMER (the deleted object)
PROFILE_EXPIRED        ``_profile`` EXPIRED (``PerformedBy`` the service principal)
OBJECT_EXPIRED         the object type EXPIRED
PROFILES_MERGED        main: ``_profile`` MERGED (+ ``MergedProfileIds``); each
                       merged-away profile: DELETED_BY_MERGE (+ ``MainProfileId``)
=====================  ==============================================================

Cost: an append is one dict insertion under the profile's id (no scan of the domain
or of the profile's history), plus one insertion in the profile's history order when
the index has built it; a page of ListProfileHistoryRecords reads the page from that
order (:func:`._index.history_before`), whatever the profile's history holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

from . import _index
from ._changes import Change, ChangeKind, subscribe
from ._errors import not_found
from ._paging import Cursor, SeekableItems
from ._profiles import profile_to_wire
from ._registry import Context, Request, Response, Settings, operation
from ._state import DomainRec, HistoryRec, ProfileRec
from ._timers import BackendHost

#: ``ObjectTypeName`` of profile-level records. [A]
PROFILE_TYPE = "_profile"
#: ``PerformedBy`` of what the service does by itself (expiry, auto-merge). [A] (1.5)
SERVICE_PRINCIPAL = "profile.amazonaws.com"
#: ``Content`` is at most 256,000 characters [B]; a longer document is replaced. [A]
MAX_CONTENT = 256_000


def caller_arn(ctx: Context) -> str:
    """The ``PerformedBy`` of an API call: the ``caller_arn`` setting or the local user."""
    return ctx.settings.caller_arn or f"arn:aws:iam::{ctx.account_id}:user/customer-profiles-local"


#: The encoder of ``Content`` (built once: ``json.dumps`` with options builds one a call;
#: the documents are the emulator's own, never circular).
_ENCODER = json.JSONEncoder(
    separators=(",", ":"), sort_keys=True, ensure_ascii=False, check_circular=False
)


def _content(document: dict[str, Any], profile_id: str) -> str:
    text = _ENCODER.encode(document)
    if len(text) > MAX_CONTENT:  # [A] never cut mid-document
        return json.dumps({"ProfileId": profile_id, "Truncated": True}, separators=(",", ":"))
    return text


def _object(body: str | None) -> Any:
    try:
        return json.loads(body) if body else {}
    except ValueError:  # pragma: no cover - bodies are validated JSON at ingestion
        return body


def content_text(rec: HistoryRec, profile_id: str) -> str:
    """A record's ``Content``: an object's record keeps the body as it was ingested (an
    immutable text) and is put in the records' form only when read."""
    return _content(_object(rec.content), profile_id) if rec.raw else rec.content


def append(
    ctx: Context,
    domain: DomainRec,
    profile_id: str,
    action: str,
    content: dict[str, Any] | str | None,
    *,
    at: float,
    by_service: bool,
    object_type: str = PROFILE_TYPE,
    unique_key: str | None = None,
) -> HistoryRec:
    """Append one record to ``profile_id``'s history: O(1), whatever the history holds.

    ``content`` is the record's document, or an object's body (JSON text), kept as it is
    until the record is read (:func:`content_text`).
    """
    if isinstance(content, str) and content:
        text, raw = content, True
    else:
        text, raw = _content(content if isinstance(content, dict) else {}, profile_id), False
    rec = HistoryRec(
        record_id=ctx.new_id(),
        object_type=object_type,
        action=action,
        created_at=at,
        seq=ctx.seq(),
        content=text,
        performed_by=SERVICE_PRINCIPAL if by_service else caller_arn(ctx),
        unique_key=unique_key,
        raw=raw,
    )
    domain.history.setdefault(profile_id, {})[rec.record_id] = rec
    _index.note_history(domain, profile_id, rec)
    return rec


def _profile_doc(profile: ProfileRec, **extra: Any) -> dict[str, Any]:
    doc = profile_to_wire(profile)
    doc.update(extra)
    return doc


@subscribe("profile-history")
def record(ctx: Context, change: Change) -> None:
    """Change-feed consumer: append the records of ``change`` (module table)."""
    if not ctx.settings.history_enabled:
        return
    domain, profile, kind = change.domain, change.profile, change.kind
    pid = profile.profile_id
    at, by_service = change.at, change.by_service

    def add(action: str, content: dict[str, Any] | str | None, **kw: Any) -> None:
        append(ctx, domain, pid, action, content, at=at, by_service=by_service, **kw)

    if kind is ChangeKind.PROFILE_CREATED:
        add("CREATED", _profile_doc(profile))
    elif kind is ChangeKind.PROFILE_UPDATED:
        add("UPDATED", _profile_doc(profile))
    elif kind is ChangeKind.OBJECT_INGESTED:
        if change.profile_created:
            add("CREATED", _profile_doc(profile))
        add(
            "INGESTED",
            change.object_body,
            object_type=change.object_type or PROFILE_TYPE,
            unique_key=change.object_key,
        )
    elif kind in (ChangeKind.KEY_ADDED, ChangeKind.KEY_DELETED):
        action = "ADDED_PROFILE_KEY" if kind is ChangeKind.KEY_ADDED else "DELETED_PROFILE_KEY"
        add(action, {"KeyName": change.key_name, "Values": list(change.key_values)})
    elif kind is ChangeKind.PROFILE_DELETED:
        add("DELETED_BY_CUSTOMER", _profile_doc(profile))
    elif kind is ChangeKind.PROFILE_EXPIRED:
        add("EXPIRED", _profile_doc(profile))
    elif kind in (ChangeKind.OBJECT_DELETED, ChangeKind.OBJECT_EXPIRED):
        action = "EXPIRED" if kind is ChangeKind.OBJECT_EXPIRED else "DELETED_BY_CUSTOMER"
        add(
            action,
            change.object_body,
            object_type=change.object_type or PROFILE_TYPE,
            unique_key=change.object_key,
        )
    elif kind is ChangeKind.PROFILES_MERGED:
        merged_ids = [p.profile_id for p in change.merged]
        add("MERGED", _profile_doc(profile, MergedProfileIds=merged_ids))
        for gone in change.merged:
            append(
                ctx,
                domain,
                gone.profile_id,
                "DELETED_BY_MERGE",
                _profile_doc(gone, MainProfileId=pid),
                at=at,
                by_service=by_service,
            )


def _records(ctx: Context, domain: DomainRec, profile_id: str) -> dict[str, HistoryRec]:
    records = domain.history.get(profile_id)
    if records is None:
        if profile_id in domain.profiles:
            return {}
        # [A] 3.3: a ProfileId that never existed in the domain.
        raise not_found(f"Profile {profile_id} does not exist in domain {domain.name}")
    return records


def _summary(rec: HistoryRec) -> dict[str, Any]:
    out: dict[str, Any] = {
        "Id": rec.record_id,
        "ObjectTypeName": rec.object_type,
        "CreatedAt": rec.created_at,
        "LastUpdatedAt": rec.created_at,  # [A] records are immutable
        "ActionType": rec.action,
        "PerformedBy": rec.performed_by,
    }
    if rec.unique_key is not None:
        out["ProfileObjectUniqueKey"] = rec.unique_key
    return out


@operation("ListProfileHistoryRecords")
def list_profile_history_records(ctx: Context, req: Request) -> Response:
    """The profile's records, newest first, filtered by type, action and principal.

    [A] 3.3: order ``CreatedAt`` descending, then insertion descending; filters are
    exact, case-sensitive and AND-combined; a deleted or merged-away profile's records
    stay listable.
    """
    domain = ctx.domain(req["DomainName"])
    profile_id = req["ProfileId"]
    _records(ctx, domain, profile_id)  # a profile that never existed: not found
    wanted = {
        attr: req[member]
        for attr, member in (
            ("object_type", "ObjectTypeName"),
            ("action", "ActionType"),
            ("performed_by", "PerformedBy"),
        )
        if member in req
    }
    filters = list(wanted.items())

    def walk(after: Cursor | None) -> Iterator[tuple[Cursor, HistoryRec]]:
        # A page resumes after the previous page's last record, found by bisection in
        # the profile's history order; the filters are applied while walking.
        start = (after[0], int(after[1])) if after else None
        for rec in _index.history_before(domain, profile_id, start):
            if all(getattr(rec, attr) == value for attr, value in filters):
                yield [rec.created_at, rec.seq], rec

    return {"ProfileHistoryRecords": SeekableItems(walk, _summary)}


@operation("GetProfileHistoryRecord")
def get_profile_history_record(ctx: Context, req: Request) -> Response:
    """One record with its ``Content``; an id of another profile is not found. [A] 3.4"""
    domain = ctx.domain(req["DomainName"])
    rec = domain.history.get(req["ProfileId"], {}).get(req["Id"])
    if rec is None:
        raise not_found(f"History record {req['Id']} does not exist for profile {req['ProfileId']}")
    out = _summary(rec)
    out["Content"] = content_text(rec, req["ProfileId"])
    return out


class _Host(BackendHost, Protocol):
    @property
    def settings(self) -> Settings:
        """The backend's settings."""
        ...


class HistoryHooks:
    """Test hooks of profile history, mixed into :class:`LocalBackend`."""

    def configure_history(
        self: _Host, *, enabled: bool | None = None, caller_arn: str | None = None
    ) -> None:
        """Switch history recording and set the ``PerformedBy`` of API calls. [A] (8)

        Args:
            enabled: record history (default True; performance tests may switch it
                off). ``None`` leaves it as it is.
            caller_arn: the principal ARN recorded for actions caused by an API call
                (default ``arn:aws:iam::{account}:user/customer-profiles-local``).
                ``None`` leaves it as it is.

        Example:
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> backend = LocalBackend()
            >>> backend.configure_history(caller_arn="arn:aws:iam::123456789012:role/agent")
        """
        with self.lock:
            if enabled is not None:
                self.settings.history_enabled = bool(enabled)
            if caller_arn is not None:
                self.settings.caller_arn = caller_arn
