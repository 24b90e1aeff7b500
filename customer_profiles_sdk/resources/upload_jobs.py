"""Upload jobs (CSV imports of profiles): ``domain.upload_jobs``.

The documented flow: ``CreateUploadJob`` (the column mapping and the unique key) ->
``GetUploadJobPath`` (a pre-signed URL and an encryption key) -> HTTP PUT of the CSV ->
``StartUploadJob`` -> poll ``GetUploadJob`` until the job has ended. The handle that
:meth:`UploadJobs.create` returns does each step: ``job.upload(path)``, ``job.start()``,
``job.wait()``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Any

from .. import _convert, _upload
from .._convert import to_request
from .._polling import PollPolicy, wait_for
from ..models import ObjectTypeField, UploadJob, UploadJobPath, UploadJobSummary
from ..paging import Paged
from ._base import DomainResource, api, coerce

__all__ = ["UploadJobHandle", "UploadJobs"]

#: Default deadline of ``.wait()``, in seconds.
DEFAULT_TIMEOUT = 3600.0

#: What ``upload()`` takes: a path, the bytes, or a binary file object.
FileLike = str | os.PathLike[str] | bytes | bytearray | IO[bytes]
#: One entry of a field mapping: a field, a mapping of its attributes, or a target.
FieldLike = ObjectTypeField | Mapping[str, Any] | str


def _field(name: str, value: FieldLike) -> ObjectTypeField:
    """A field of the mapping; a plain string is the target of column ``name``."""
    if isinstance(value, str):
        return ObjectTypeField(source=f"_source.{name}", target=value)
    return coerce(ObjectTypeField, value)


def _columns(fields: Mapping[str, ObjectTypeField] | None) -> set[str] | None:
    """The CSV columns a mapping reads (its ``_source.<column>`` sources)."""
    if fields is None:
        return None
    out = set()
    for field in fields.values():
        source = field.source or ""
        column = source.removeprefix("_source.")
        if source.startswith("_source.") and column and "." not in column:
            out.add(column)
    return out


def _failure(job: UploadJob) -> str | None:
    if job.status == "FAILED":
        reason = job.status_reason
        return f"FAILED ({getattr(reason, 'value', reason) or 'no reason given'})"
    if job.status == "STOPPED":
        return "STOPPED before it completed"
    return None


class UploadJobHandle:
    """An upload job: what :meth:`UploadJobs.create` returns (``domain.upload_jobs.job(id)``
    makes one for an existing job). Creating a handle makes no request.

    Attributes:
        job_id: the service's id of the job.
        domain_name: the domain.
        fields: the job's column mapping, when known (used to check the file's header
            row before it is sent).

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> domain = CustomerProfiles.local().domains.create(
        ...     "docs-upload-handle", default_expiration_days=30)
        >>> job = domain.upload_jobs.create(
        ...     "ids.csv", fields={"CustomerId": "_profile.AccountNumber"},
        ...     unique_key="CustomerId")
        >>> job.upload(b"CustomerId\\nC1\\nC2\\n").startswith('"')
        True
        >>> job.start()
        >>> job.wait().results_summary.created_records
        2
    """

    __slots__ = ("_jobs", "domain_name", "fields", "job_id")

    def __init__(
        self,
        jobs: UploadJobs,
        job_id: str,
        *,
        fields: Mapping[str, ObjectTypeField] | None = None,
    ) -> None:
        self._jobs = jobs
        self.domain_name = jobs.domain_name
        self.job_id = job_id
        self.fields = None if fields is None else dict(fields)

    def get(self) -> UploadJob:
        """The job's current state (``GetUploadJob``); see :meth:`UploadJobs.get`."""
        return self._jobs.get(self.job_id)

    def path(self) -> UploadJobPath:
        """Where to PUT the file (``GetUploadJobPath``); see :meth:`UploadJobs.path`."""
        return self._jobs.path(self.job_id)

    def upload(self, file: FileLike) -> str:
        """Send the CSV file (``GetUploadJobPath``, then a PUT to its URL); see
        :meth:`UploadJobs.upload`. Returns the stored file's ``ETag``."""
        return self._jobs.upload(self.job_id, file, fields=self.fields)

    def start(self) -> None:
        """Start processing the uploaded file (``StartUploadJob``)."""
        self._jobs.start(self.job_id)

    def stop(self) -> None:
        """Stop the job while it is in progress (``StopUploadJob``)."""
        self._jobs.stop(self.job_id)

    def wait(
        self, timeout: float = DEFAULT_TIMEOUT, *, policy: PollPolicy | None = None
    ) -> UploadJob:
        """Poll the job until it has ended; see :meth:`UploadJobs.wait`."""
        return self._jobs.wait(self.job_id, timeout=timeout, policy=policy)

    def __repr__(self) -> str:
        return f"UploadJobHandle(domain_name={self.domain_name!r}, job_id={self.job_id!r})"


class UploadJobs(DomainResource):
    """The upload jobs of a domain: ``domain.upload_jobs``.

    An upload job imports a CSV file whose rows create or update profiles (for example
    to build a segment from a list of customers). Each row is mapped by ``fields``
    (column -> profile field) and deduplicated by ``unique_key``.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> domain = CustomerProfiles.local().domains.create(
        ...     "docs-upload-jobs", default_expiration_days=30)
        >>> job = domain.upload_jobs.create(
        ...     "customers.csv", unique_key="CustomerId",
        ...     fields={"CustomerId": "_profile.AccountNumber",
        ...             "Email": {"source": "_source.Email",
        ...                       "target": "_profile.EmailAddress",
        ...                       "content_type": "EMAIL_ADDRESS"}})
        >>> _ = job.upload(b"CustomerId,Email\\nC1,ann@example.com\\n")
        >>> job.start()
        >>> done = job.wait(timeout=600)
        >>> done.status.value, done.results_summary.created_records
        ('SUCCEEDED', 1)
    """

    __slots__ = ()

    def job(self, job_id: str) -> UploadJobHandle:
        """A handle on an existing job (no request)."""
        return UploadJobHandle(self, job_id)

    @api("CreateUploadJob", returns=("JobId",))
    def create(
        self,
        display_name: str,
        *,
        fields: Mapping[str, FieldLike],
        unique_key: str,
        data_expiry: int | None = None,
    ) -> UploadJobHandle:
        """Create an upload job (``CreateUploadJob``); it waits for its file in ``CREATED``.

        Args:
            display_name: a name for the job, e.g. the file's name (1-255 characters;
                need not be unique).
            fields: field name -> how a CSV column maps to the profile. Each value is an
                :class:`~customer_profiles_sdk.ObjectTypeField` (``source`` is
                ``"_source.<column>"``, ``target`` a ``_profile`` field, ``content_type``
                how values are normalised), a mapping of its attributes, or a string:
                the target of the column named like the field
                (``{"Email": "_profile.EmailAddress"}`` reads column ``Email``).
            unique_key: the field that identifies a customer: rows with the same value
                update the same profile, in this job and in later jobs.
            data_expiry: days the imported profiles are kept (1-1098; the service's
                default is 14).

        Returns:
            A handle on the new job: ``.upload(file)``, ``.start()``, ``.wait()``.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the service rejected the mapping (e.g. a target that is not
                a profile field, or a unique key that is not one of the fields).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, ObjectTypeField
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-upload-create", default_expiration_days=30)
            >>> job = domain.upload_jobs.create(
            ...     "crm-export.csv", unique_key="CustomerId", data_expiry=30,
            ...     fields={"CustomerId": ObjectTypeField(source="_source.id",
            ...                                           target="_profile.AccountNumber")})
            >>> domain.upload_jobs.get(job.job_id).status.value
            'CREATED'
        """
        mapping = {name: _field(name, value) for name, value in fields.items()}
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "DisplayName": display_name,
            "Fields": to_request(mapping, "FieldMap"),
            "UniqueKey": unique_key,
            "DataExpiry": data_expiry,
        }
        response = self._call("CreateUploadJob", params)
        return UploadJobHandle(self, response["JobId"], fields=mapping)

    @api("GetUploadJob", output=UploadJob)
    def get(self, job_id: str) -> UploadJob:
        """Read a job: its status, mapping and, once ended, its results (``GetUploadJob``).

        Raises:
            ValidationError: ``job_id`` is not 32 hexadecimal characters (nothing sent).
            ResourceNotFoundError: the job (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-upload-get", default_expiration_days=30)
            >>> job = domain.upload_jobs.create(
            ...     "ids.csv", fields={"Id": "_profile.AccountNumber"}, unique_key="Id")
            >>> found = domain.upload_jobs.get(job.job_id)
            >>> found.display_name, found.unique_key, found.done
            ('ids.csv', 'Id', False)
        """
        response = self._call("GetUploadJob", {"DomainName": self._domain, "JobId": job_id})
        return _convert.from_wire(UploadJob, response)

    @api("ListUploadJobs", output=UploadJobSummary)
    def list(self) -> Paged[UploadJobSummary]:
        """The domain's upload jobs (``ListUploadJobs``), lazily paged.

        Raises:
            ResourceNotFoundError: the domain does not exist (when iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-upload-list", default_expiration_days=30)
            >>> for name in ("a.csv", "b.csv"):
            ...     _ = domain.upload_jobs.create(
            ...         name, fields={"Id": "_profile.AccountNumber"}, unique_key="Id")
            >>> sorted(j.display_name for j in domain.upload_jobs.list())
            ['a.csv', 'b.csv']
        """
        return self._paged("ListUploadJobs", {"DomainName": self._domain}, UploadJobSummary)

    @api("GetUploadJobPath", output=UploadJobPath)
    def path(self, job_id: str) -> UploadJobPath:
        """Where to PUT the job's file (``GetUploadJobPath``): a pre-signed URL and the
        client token for the SSE-C headers, valid until ``valid_until``.

        :meth:`upload` does the PUT for you; use this to send the file with another
        tool. Both values are secrets: they are masked in ``repr`` and never logged.

        Raises:
            ValidationError: ``job_id`` breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the job (or the domain) does not exist.
            BadRequestError: the job is no longer ``CREATED``.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-upload-path", default_expiration_days=30)
            >>> job = domain.upload_jobs.create(
            ...     "ids.csv", fields={"Id": "_profile.AccountNumber"}, unique_key="Id")
            >>> path = domain.upload_jobs.path(job.job_id)
            >>> path.valid_until > path.valid_until.now(path.valid_until.tzinfo)
            True
        """
        response = self._call("GetUploadJobPath", {"DomainName": self._domain, "JobId": job_id})
        return _convert.from_wire(UploadJobPath, response)

    def upload(
        self,
        job_id: str,
        file: FileLike,
        *,
        fields: Mapping[str, ObjectTypeField] | None = None,
    ) -> str:
        """Send the job's CSV file: ``GetUploadJobPath``, then an HTTP PUT to its URL with
        the SSE-C headers. A later upload replaces the file, until the job starts.

        The PUT goes through the boto3 client's HTTP session (its TLS, proxy and timeout
        settings) and is retried like a safe call. On :meth:`CustomerProfiles.local
        <customer_profiles_sdk.CustomerProfiles.local>` the file is handed to the
        emulator in-process.

        Args:
            job_id: the job (it must be ``CREATED``).
            file: a path, the file's bytes, or a binary file object (sent from its
                current position). The file must be UTF-8 without a byte-order mark,
                start with a header row, and be under 1 GB.
            fields: the job's mapping, to check that the header row names every column
                it reads (the handle passes the mapping it was created with).

        Returns:
            The ``ETag`` of the stored file (quoted, as S3 sends it).

        Raises:
            ValidationError: the file breaks one of the rules above, or ``job_id`` the
                API's constraints (nothing sent; the error never quotes the file).
            ResourceNotFoundError: the job (or the domain) does not exist.
            BadRequestError: the job is no longer ``CREATED``; or the upload's host
                refused the request (``code`` ``InvalidArgument``...).
            AccessDeniedError: the URL has expired or the job has started (``code``
                ``AccessDenied``).
            ConnectionError: the upload's host could not be reached.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-upload-upload", default_expiration_days=30)
            >>> job = domain.upload_jobs.create(
            ...     "ids.csv", fields={"Id": "_profile.AccountNumber"}, unique_key="Id")
            >>> etag = domain.upload_jobs.upload(job.job_id, b"Id\\nC1\\n")
            >>> etag.startswith('"') and etag.endswith('"')
            True
        """
        body = _upload.open_body(file)
        try:
            _upload.check_csv(body, _columns(fields))
            path = self.path(job_id)
            headers = {} if path.client_token is None else _upload.sse_headers(path.client_token)
            answer = self._transport.put_file(path.url, body, headers)
        finally:
            body.release()
        etag = {k.lower(): v for k, v in answer.headers.items()}.get("etag")
        return etag or ""

    @api("StartUploadJob")
    def start(self, job_id: str) -> None:
        """Start processing the uploaded file (``StartUploadJob``); the job goes
        ``IN_PROGRESS``. Follow it with :meth:`wait`.

        Raises:
            ValidationError: ``job_id`` breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the job (or the domain) does not exist.
            BadRequestError: no file was uploaded, or the job is not ``CREATED`` (a job
                starts once).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-upload-start", default_expiration_days=30)
            >>> job = domain.upload_jobs.create(
            ...     "ids.csv", fields={"Id": "_profile.AccountNumber"}, unique_key="Id")
            >>> _ = job.upload(b"Id\\nC1\\n")
            >>> domain.upload_jobs.start(job.job_id)
            >>> job.get().status.value
            'IN_PROGRESS'
        """
        self._call("StartUploadJob", {"DomainName": self._domain, "JobId": job_id})

    @api("StopUploadJob")
    def stop(self, job_id: str) -> None:
        """Stop a job that is in progress (``StopUploadJob``); it ends ``STOPPED``.

        Raises:
            ValidationError: ``job_id`` breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the job (or the domain) does not exist.
            BadRequestError: the job is not ``IN_PROGRESS``.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-upload-stop", default_expiration_days=30)
            >>> job = domain.upload_jobs.create(
            ...     "ids.csv", fields={"Id": "_profile.AccountNumber"}, unique_key="Id")
            >>> _ = job.upload(b"Id\\nC1\\n")
            >>> job.start()
            >>> domain.upload_jobs.stop(job.job_id)
            >>> job.get().status.value
            'STOPPED'
        """
        self._call("StopUploadJob", {"DomainName": self._domain, "JobId": job_id})

    def wait(
        self,
        job_id: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        policy: PollPolicy | None = None,
    ) -> UploadJob:
        """Poll the job (``GetUploadJob``) with back-off until it has ended.

        On :meth:`CustomerProfiles.local <customer_profiles_sdk.CustomerProfiles.local>`
        waiting advances the emulated clock instead of sleeping. A job that was never
        started stays ``CREATED``: waiting on it runs into the deadline.

        Args:
            job_id: the job.
            timeout: seconds to wait at most (default one hour).
            policy: the back-off between reads (default :class:`PollPolicy`).

        Returns:
            The ended job, ``SUCCEEDED`` or ``PARTIALLY_SUCCEEDED``:
            ``results_summary`` counts the rows created, updated and failed.

        Raises:
            JobFailedError: the job ended ``FAILED`` (``.last.status_reason`` says why)
                or ``STOPPED``; ``.last`` holds the job.
            WaitTimeoutError: it had not ended at the deadline (``.last`` holds the last
                state read).
            ResourceNotFoundError: the job (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, JobFailedError
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-upload-wait", default_expiration_days=30)
            >>> job = domain.upload_jobs.create(
            ...     "ids.csv", fields={"Id": "_profile.AccountNumber"}, unique_key="Id")
            >>> _ = job.upload(b"Id\\nC1\\n")
            >>> job.start(); job.stop()
            >>> try:
            ...     domain.upload_jobs.wait(job.job_id)
            ... except JobFailedError as failed:
            ...     print(failed.last.status.value)
            STOPPED
        """
        return wait_for(
            lambda: self.get(job_id),
            done=lambda job: job.done,
            failed=_failure,
            what=f"upload job {job_id}",
            timeout=timeout,
            waiter=self._transport.waiter,
            policy=policy,
        )
