"""CSV upload jobs (spec identity-history-jobs 5).

Handlers: CreateUploadJob, GetUploadJob, GetUploadJobPath, StartUploadJob,
StopUploadJob, ListUploadJobs; the pre-signed upload endpoint; the test hooks
``put_upload``, ``upload`` and ``fail_upload_job`` (mixed into :class:`LocalBackend`).

The documented flow: CreateUploadJob (field mapping, unique key) -> GetUploadJobPath
(pre-signed URL and client key) -> HTTP PUT of the CSV with SSE-C headers ->
StartUploadJob -> poll GetUploadJob. A started job is processed in one step,
``upload_processing_seconds`` later on the emulated clock (:mod:`._timers`); every row
goes through PutProfileObject's pipeline (:func:`._ingest.ingest_object`) as an object
of a transient object type that is not stored.

The upload URL is served by ``local serve`` under ``/_local/upload/`` (no API path
starts with ``/_local/``); in-process there is no listener, the URL names the
unreachable host ``upload.customer-profiles-local.invalid`` and the bytes come through
:meth:`UploadJobHooks.put_upload`, which applies exactly the same checks.
"""

from __future__ import annotations

import base64
import binascii
import csv
import hashlib
import hmac
import io
import json
import secrets
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, quote, unquote

from . import _index
from ._changes import ChangeKind, notify
from ._errors import ServiceFault, bad_request, not_found
from ._ingest import _max_len, compute_keys, extract_fields, ingest_object
from ._object_types import (
    SOURCE_TIMESTAMP_TARGET,
    compile_source,
    parse_target,
    profile_enums,
    validate_definition,
)
from ._registry import Context, Request, Response, operation
from ._state import DomainRec, TimerRec, UploadJobRec
from ._timers import BackendHost, on_timer, schedule
from ._wire import HttpResponse, split_target

#: Every path under this prefix is answered by the emulator itself, not by the API.
LOCAL_PREFIX = "/_local/"
UPLOAD_PREFIX = "/_local/upload/"
#: The host of upload URLs when no ``local serve`` server runs (never resolves). [A]
IN_PROCESS_UPLOAD_ENDPOINT = "https://upload.customer-profiles-local.invalid"
#: Files must be "under 1GB" (D314). Module-level so that tests can lower it.
MAX_UPLOAD_BYTES = 1 << 30
#: DataExpiry when the request has none: "2 weeks" (model doc, D314, D315).
DEFAULT_DATA_EXPIRY_DAYS = 14
#: The writer recorded (field provenance, key contributors) for values from upload jobs:
#: not a possible object type name, so DeleteProfileObjectType never scrubs them. [A]
UPLOAD_SOURCE = "_upload-job"

_ALGORITHM = "x-amz-server-side-encryption-customer-algorithm"
_KEY = "x-amz-server-side-encryption-customer-key"
_KEY_MD5 = "x-amz-server-side-encryption-customer-key-MD5"
_BOM = b"\xef\xbb\xbf"
_TERMINAL = ("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "STOPPED")


# --------------------------------------------------------------------------- helpers


def _job(domain: DomainRec, job_id: str) -> UploadJobRec:
    job = domain.upload_jobs.get(job_id)
    if job is None:
        raise not_found(f"Upload job {job_id} does not exist in domain {domain.name}")
    return job


def _column(source: str) -> str | None:
    """The CSV column a ``_source.<column>`` Source reads, or None for another form."""
    try:
        pieces = compile_source(source)
    except ServiceFault:
        return None
    if len(pieces) == 1 and pieces[0][0] == "path" and len(pieces[0][1]) == 1:
        column = pieces[0][1][0]
        if isinstance(column, str) and source == f"_source.{column}":
            return column
    return None


def _definition(job: UploadJobRec) -> dict[str, Any]:
    """The transient object type a job's rows are ingested as (spec 5.4). [A]"""
    return {
        "Fields": job.fields,
        "Keys": {
            job.unique_key: [
                {"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": [job.unique_key]}
            ]
        },
        "AllowProfileCreation": True,
        "ExpirationDays": job.data_expiry or DEFAULT_DATA_EXPIRY_DAYS,
    }


def _summary(created: int = 0, updated: int = 0, failed: int = 0) -> dict[str, int]:
    return {"CreatedRecords": created, "UpdatedRecords": updated, "FailedRecords": failed}


def _finish(job: UploadJobRec, now: float, status: str, reason: str | None = None) -> None:
    job.status = status
    job.status_reason = reason
    job.completed_at = now
    job.file_b64 = None  # [A] the file is not kept once the job has ended


# --------------------------------------------------------------------------- handlers


@operation("CreateUploadJob")
def create_upload_job(ctx: Context, req: Request) -> Response:
    """CreateUploadJob (spec 5.2): store the mapping; the job starts in CREATED."""
    domain = ctx.domain(req["DomainName"])
    fields: dict[str, Any] = req["Fields"]
    unique_key: str = req["UniqueKey"]
    if not fields:
        raise bad_request("Fields must map at least one CSV column")
    for name, field in fields.items():
        source = field.get("Source")
        if source is None or _column(source) is None:
            # [A] a row is a flat {column: cell} object: only _source.<column> reads it.
            raise bad_request(f"Field {name}: Source must be _source.<column>")
        target = field.get("Target")
        if target is None:
            continue
        if parse_target(target).kind != "_profile":
            # [A] upload jobs create and update profiles only (D317, D314).
            raise bad_request(f"Field {name}: Target must be a _profile field")
        if target == f"_profile.{SOURCE_TIMESTAMP_TARGET}":
            raise bad_request(f"Field {name}: Target {target} is not supported by upload jobs")
    if unique_key not in fields:
        # [A] one mapped attribute is the customer identifier (D314); no composite keys.
        raise bad_request(f"UniqueKey {unique_key} must be one of the Fields")
    job = UploadJobRec(
        job_id=ctx.new_id(),
        display_name=req["DisplayName"],  # [A] not required to be unique
        fields=fields,
        unique_key=unique_key,
        data_expiry=req.get("DataExpiry"),  # [A] 1-1,098 days accepted (ambiguity 19)
        status="CREATED",
        created_at=ctx.now(),
        seq=ctx.seq(),
    )
    # The field and key rules of object types apply to the transient type as well.
    validate_definition(domain, UPLOAD_SOURCE, _definition(job))
    domain.upload_jobs[job.job_id] = job
    return {"JobId": job.job_id}


def _path(ctx: Context, domain: DomainRec, job: UploadJobRec) -> dict[str, Any]:
    """The job's pre-signed path: the current one, or a new one after ``ValidUntil``."""
    if job.status != "CREATED":
        raise bad_request(f"Upload job {job.job_id} is {job.status}; only a CREATED job has a path")
    now = ctx.now()
    path = job.upload_path
    if path is None or now >= path["ValidUntil"]:
        seconds = ctx.settings.upload_url_seconds
        signature = secrets.token_hex(32)
        endpoint = ctx.settings.upload_endpoint or IN_PROCESS_UPLOAD_ENDPOINT
        url = (
            f"{endpoint}{UPLOAD_PREFIX}{quote(domain.name)}/{job.job_id}"
            f"?X-Amz-Expires={int(seconds)}&X-Amz-Signature={signature}"
        )
        path = {
            "Url": url,
            # [A] a 256-bit key, base64: what S3's SSE-C headers carry (D319).
            "ClientToken": base64.b64encode(secrets.token_bytes(32)).decode("ascii"),
            "ValidUntil": now + seconds,
            "Signature": signature,
        }
        job.upload_path = path
    return path


@operation("GetUploadJobPath")
def get_upload_job_path(ctx: Context, req: Request) -> Response:
    """GetUploadJobPath (spec 5.3): pre-signed URL, client key, validity."""
    domain = ctx.domain(req["DomainName"])
    path = _path(ctx, domain, _job(domain, req["JobId"]))
    return {
        "Url": path["Url"],
        "ClientToken": path["ClientToken"],
        "ValidUntil": path["ValidUntil"],
    }


@operation("StartUploadJob")
def start_upload_job(ctx: Context, req: Request) -> Response:
    """StartUploadJob (spec 5.4): CREATED with a file -> IN_PROGRESS."""
    domain = ctx.domain(req["DomainName"])
    job = _job(domain, req["JobId"])
    if job.status != "CREATED":
        # [A] a retried Start fails cleanly instead of importing twice.
        raise bad_request(f"Upload job {job.job_id} is {job.status}, not CREATED")
    if job.file_b64 is None:
        raise bad_request(f"No file has been uploaded for upload job {job.job_id}")
    now = ctx.now()
    job.status = "IN_PROGRESS"
    schedule(
        ctx, domain, now + ctx.settings.upload_processing_seconds, "upload.process", job.job_id
    )
    return {}


@operation("StopUploadJob")
def stop_upload_job(ctx: Context, req: Request) -> Response:
    """StopUploadJob (spec 5.5): IN_PROGRESS -> STOPPED; no row has been applied [A]."""
    domain = ctx.domain(req["DomainName"])
    job = _job(domain, req["JobId"])
    if job.status != "IN_PROGRESS":
        raise bad_request(f"Upload job {job.job_id} is {job.status}, not IN_PROGRESS")
    _finish(job, ctx.now(), "STOPPED")
    return {}


def _summary_item(job: UploadJobRec) -> Response:
    out: Response = {
        "JobId": job.job_id,
        "DisplayName": job.display_name,
        "Status": job.status,
        "CreatedAt": job.created_at,
    }
    if job.status == "FAILED":
        out["StatusReason"] = job.status_reason
    if job.status in _TERMINAL:
        out["CompletedAt"] = job.completed_at
    if job.data_expiry is not None:
        out["DataExpiry"] = job.data_expiry
    return out


@operation("GetUploadJob")
def get_upload_job(ctx: Context, req: Request) -> Response:
    """GetUploadJob (spec 5.6)."""
    domain = ctx.domain(req["DomainName"])
    job = _job(domain, req["JobId"])
    out = _summary_item(job)
    out["Fields"] = job.fields
    out["UniqueKey"] = job.unique_key
    if job.results is not None:
        out["ResultsSummary"] = dict(job.results)
    return out


@operation("ListUploadJobs")
def list_upload_jobs(ctx: Context, req: Request) -> Response:
    """ListUploadJobs (spec 5.6): newest first [A]."""
    domain = ctx.domain(req["DomainName"])
    jobs = sorted(domain.upload_jobs.values(), key=lambda j: (j.created_at, j.seq), reverse=True)
    return {"Items": [_summary_item(j) for j in jobs]}


# --------------------------------------------------------------------------- processing


@on_timer("upload.process")
def _process(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    """Apply a started job's whole file at its completion instant (spec 5.4)."""
    job = domain.upload_jobs.get(timer.key)
    if job is None or job.status != "IN_PROGRESS":
        return  # stopped or failed meanwhile
    ctx.domain(domain.name)  # profiles expired by this instant are gone before the rows apply
    now = ctx.now()
    table = _read_csv(job)
    if table is None:
        job.results = _summary()
        _finish(job, now, "FAILED", "VALIDATION_FAILURE")
        return
    header, rows = table
    definition = _definition(job)
    columns = {
        name: header.index(_column(field["Source"]) or "") for name, field in job.fields.items()
    }
    created = updated = failed = 0
    for row in rows:
        outcome = _apply_row(ctx, domain, definition, header, columns, row)
        if outcome == "created":
            created += 1
        elif outcome == "updated":
            updated += 1
        else:
            failed += 1
    job.results = _summary(created, updated, failed)
    if not failed:
        _finish(job, now, "SUCCEEDED")  # a header-only file included [A]
    elif created or updated:
        _finish(job, now, "PARTIALLY_SUCCEEDED")
    else:
        _finish(job, now, "FAILED", "VALIDATION_FAILURE")


def _read_csv(job: UploadJobRec) -> tuple[list[str], list[list[str]]] | None:
    """The header and data rows of the job's file, or None when the file is rejected.

    [A] RFC 4180 (comma, ``"`` quoting with ``""``, LF or CRLF); UTF-8 without a BOM
    (D314); header names trimmed and unique; every mapped column present; blank lines
    skipped.
    """
    raw = base64.b64decode(job.file_b64 or "")
    if raw.startswith(_BOM):
        return None  # the console's "missing header" failure (D314)
    try:
        text = raw.decode("utf-8")
        lines = [row for row in csv.reader(io.StringIO(text, newline="")) if row]
    except (UnicodeDecodeError, csv.Error):
        return None
    if not lines:
        return None
    header = [name.strip() for name in lines[0]]
    if len(set(header)) != len(header):
        return None
    if any(_column(f["Source"]) not in header for f in job.fields.values()):
        return None
    return header, lines[1:]


def _apply_row(
    ctx: Context,
    domain: DomainRec,
    definition: dict[str, Any],
    header: list[str],
    columns: dict[str, int],
    row: list[str],
) -> str:
    """Ingest one row; ``"created"``, ``"updated"`` or ``"failed"`` (spec 5.4). [A]"""
    if len(row) != len(header):
        return "failed"
    doc = {header[i]: row[i] for i in columns.values() if row[i] != ""}
    values = extract_fields(definition, doc)
    if not _valid_for_profile(definition, values):
        return "failed"
    (key,) = compute_keys(domain, definition, values)
    if not key.value:
        return "failed"
    holders = _index.profiles_with(domain, key.name, {key.value})
    if len(holders) > 1:
        return "failed"  # the unique key must not find several profiles
    previous = holders[0].expires_at if holders else None
    try:
        ingested = ingest_object(ctx, domain, UPLOAD_SOURCE, json.dumps(doc), transient=definition)
    except ServiceFault:
        return "failed"
    profile = ingested.profile
    if profile is None:  # pragma: no cover - AllowProfileCreation is always true here
        return "failed"
    if previous is not None:
        # "Customer Profiles will always respect the longest expiry time" (D315).
        profile.expires_at = max(previous, profile.expires_at)
    # The row is no stored object: the feed sees the profile's change, made by the service.
    kind = ChangeKind.PROFILE_CREATED if ingested.created else ChangeKind.PROFILE_UPDATED
    notify(ctx, kind, domain, profile, by_service=True)
    return "created" if ingested.created else "updated"


def _valid_for_profile(definition: dict[str, Any], values: dict[str, str]) -> bool:
    """Whether every mapped value fits the profile model (enums, lengths). [A]"""
    for name, field in definition["Fields"].items():
        value = values.get(name, "")
        target = field.get("Target")
        if not value or not target:
            continue
        path = parse_target(target).path
        head = path[0]
        enums = profile_enums()
        if head in enums and value not in enums[head]:
            return False
        if len(value) > _max_len(head):
            return False
        if head == "Attributes" and len(".".join(path[1:])) > 255:
            return False
    return True


# --------------------------------------------------------------------------- upload endpoint


def _s3_error(status: int, code: str, message: str) -> HttpResponse:
    request_id = uuid.uuid4().hex[:16].upper()
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{message}</Message>"
        f"<RequestId>{request_id}</RequestId></Error>"
    ).encode()
    headers = {"Content-Type": "application/xml", "x-amz-request-id": request_id}
    return HttpResponse(status, headers, body)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    return next((v for k, v in headers.items() if k.lower() == wanted), None)


def _key_md5(token: str) -> str | None:
    try:
        raw = base64.b64decode(token, validate=True)
    except (binascii.Error, ValueError):
        return None
    return base64.b64encode(hashlib.md5(raw, usedforsecurity=False).digest()).decode("ascii")


def accept_upload(
    host: BackendHost,
    method: str,
    target: str,
    headers: Mapping[str, str],
    body: bytes,
) -> HttpResponse:
    """Answer one request to the upload endpoint, S3-style (spec 5.3). [A]

    Checks, in order: unknown path or signature -> 403 ``AccessDenied``; URL expired ->
    403; job no longer CREATED -> 403; SSE-C headers wrong -> 400 ``InvalidArgument``;
    body of 1 GiB or more -> 400 ``EntityTooLarge``. Success stores the file (a later
    PUT replaces it) and answers 200 with the ``ETag``.
    """
    path, query = split_target(target)
    if method.upper() != "PUT":
        return _s3_error(405, "MethodNotAllowed", "Only PUT is allowed on an upload URL")
    parts = path[len(UPLOAD_PREFIX) :].split("/") if path.startswith(UPLOAD_PREFIX) else []
    signature = (parse_qs(query).get("X-Amz-Signature") or [""])[-1]
    denied = _s3_error(403, "AccessDenied", "Access Denied")
    if len(parts) != 2:
        return denied
    domain_name, job_id = unquote(parts[0]), unquote(parts[1])
    with host.lock:
        found = _find_upload(host, domain_name, job_id, signature)
        if found is None:
            return denied
        ctx, job = found
        path_info = job.upload_path or {}
        if ctx.now() > path_info["ValidUntil"]:
            return _s3_error(403, "AccessDenied", "Request has expired")
        if job.status != "CREATED":
            return denied
        token = path_info["ClientToken"]
        if (
            _header(headers, _ALGORITHM) != "AES256"
            or _header(headers, _KEY) != token
            or _header(headers, _KEY_MD5) != _key_md5(token)
        ):
            return _s3_error(
                400,
                "InvalidArgument",
                "The server-side encryption headers do not match the upload's client token",
            )
        if len(body) >= MAX_UPLOAD_BYTES:
            return _s3_error(400, "EntityTooLarge", "Your proposed upload exceeds the limit")
        job.file_b64 = base64.b64encode(body).decode("ascii")
        host._committed()
    etag = hashlib.md5(body, usedforsecurity=False).hexdigest()  # S3's single-part ETag
    reply = {
        "ETag": f'"{etag}"',
        _ALGORITHM: "AES256",
        _KEY_MD5: _key_md5(token) or "",
        "x-amz-request-id": uuid.uuid4().hex[:16].upper(),
        "Content-Type": "application/xml",
    }
    return HttpResponse(200, reply, b"")


def _find_upload(
    host: BackendHost, domain_name: str, job_id: str, signature: str
) -> tuple[Context, UploadJobRec] | None:
    """The job an upload URL names, in whichever region holds it (regions are few)."""
    for region in list(host.store.regions):
        if domain_name not in host.store.region(region).domains:
            continue
        ctx, domain = host._domain(domain_name, region)
        job = domain.upload_jobs.get(job_id)
        expected = (job.upload_path or {}).get("Signature") if job is not None else None
        if job is not None and expected and hmac.compare_digest(expected, signature):
            return ctx, job
    return None


# --------------------------------------------------------------------------- test hooks


class UploadJobHooks:
    """Test hooks of upload jobs, mixed into :class:`LocalBackend`."""

    def put_upload(
        self: BackendHost,
        url: str,
        body: bytes,
        headers: Mapping[str, str] | None = None,
    ) -> HttpResponse:
        """The in-process equivalent of the HTTP PUT of a file to a pre-signed URL.

        Applies exactly the checks of the URL served by ``local serve`` (validity, job
        state, the three SSE-C headers, size) and answers the same S3-style response;
        a boto3-free way for tests to deliver a CSV.

        Args:
            url: the ``Url`` of GetUploadJobPath (any host; path and query count).
            body: the file's bytes.
            headers: the request headers, e.g. the SSE-C headers of :func:`sse_headers`.

        Returns:
            The HTTP answer: ``status`` 200 with an ``ETag`` header, else 400/403 with an
            XML ``<Error>`` body.
        """
        return accept_upload(self, "PUT", url, headers or {}, body)

    def upload(
        self: BackendHost, domain: str, job_id: str, body: bytes, *, region: str = "us-east-1"
    ) -> str:
        """Deliver a CSV for an upload job in one call: path, SSE-C headers and PUT.

        Args:
            domain: the domain name.
            job_id: the upload job (must be CREATED).
            body: the file's bytes.
            region: the domain's region.

        Returns:
            The ``ETag`` of the stored file.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for a missing domain or job,
                ``BadRequestException`` for a job that is not CREATED.
            ValueError: when the upload endpoint refuses the file (e.g. too large).
        """
        with self.lock:
            ctx, rec = self._domain(domain, region)
            path = _path(ctx, rec, _job(rec, job_id))
            url, token = path["Url"], path["ClientToken"]
        answer = accept_upload(self, "PUT", url, sse_headers(token), body)
        if answer.status != 200:
            raise ValueError(f"the upload was refused: HTTP {answer.status}")
        return answer.headers["ETag"]

    def fail_upload_job(
        self: BackendHost, domain: str, job_id: str, *, region: str = "us-east-1"
    ) -> None:
        """Fail an IN_PROGRESS upload job with ``StatusReason=INTERNAL_FAILURE`` now.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for a missing domain or job.
            ValueError: when the job is not IN_PROGRESS.
        """
        with self.lock:
            ctx, rec = self._domain(domain, region)
            job = _job(rec, job_id)
            if job.status != "IN_PROGRESS":
                raise ValueError(f"upload job {job_id} is {job.status}, not IN_PROGRESS")
            job.results = _summary()
            _finish(job, ctx.now(), "FAILED", "INTERNAL_FAILURE")
            self._committed()

    def _answer_local(
        self: BackendHost, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> HttpResponse:
        """Answer a request under ``/_local/`` (the server hands them over unparsed)."""
        path, _ = split_target(target)
        if path.startswith(UPLOAD_PREFIX):
            return accept_upload(self, method, target, headers, body)
        return _s3_error(404, "NoSuchKey", "No emulator resource at this path")


def sse_headers(client_token: str) -> dict[str, str]:
    """The three SSE-C headers a PUT to an upload URL needs (``ClientToken`` of the path).

    Example:
        >>> sorted(sse_headers("AAAA"))[0]
        'x-amz-server-side-encryption-customer-algorithm'
    """
    return {_ALGORITHM: "AES256", _KEY: client_token, _KEY_MD5: _key_md5(client_token) or ""}
