"""``domain.upload_jobs`` against the embedded emulator: create, upload, start, wait."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest

from customer_profiles_sdk import (
    BadRequestError,
    CustomerProfiles,
    FieldContentType,
    JobFailedError,
    ObjectTypeField,
    ResourceNotFoundError,
    RetryPolicy,
    UploadJob,
    UploadJobPath,
    UploadJobStatus,
    UploadJobStatusReason,
    UploadJobSummary,
    ValidationError,
    WaitTimeoutError,
    _upload,
)
from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.resources import UploadJobHandle
from customer_profiles_sdk.resources.domains import Domain

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
FIELDS = {
    "CustomerId": "_profile.AccountNumber",
    "FirstName": {"source": "_source.FirstName", "target": "_profile.FirstName"},
    "Email": ObjectTypeField(
        source="_source.Email",
        target="_profile.EmailAddress",
        content_type=FieldContentType.EMAIL_ADDRESS,
    ),
}
CSV = b"CustomerId,FirstName,Email\nC1,Ann,ann@example.com\nC2,Bo,bo@example.com\n"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(start=START))


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    return cp.domains.create("imports", default_expiration_days=365)


def _create(domain: Domain, **kwargs: object) -> UploadJobHandle:
    return domain.upload_jobs.create(
        "customers.csv",
        fields=FIELDS,
        unique_key="CustomerId",
        **kwargs,  # type: ignore[arg-type]
    )


def test_create_upload_start_wait_imports_the_rows(domain: Domain, backend: LocalBackend) -> None:
    job = _create(domain)
    assert isinstance(job, UploadJobHandle)
    assert len(job.job_id) == 32
    created = job.get()
    assert isinstance(created, UploadJob)
    assert created.status is UploadJobStatus.CREATED
    assert created.done is False
    # The typed mapping went out as the service's Fields: the string shorthand reads the
    # column named like the field, models and mappings keep their attributes.
    assert created.fields is not None
    assert created.fields["CustomerId"] == ObjectTypeField(
        source="_source.CustomerId", target="_profile.AccountNumber"
    )
    assert created.fields["Email"].content_type is FieldContentType.EMAIL_ADDRESS
    assert created.unique_key == "CustomerId"

    etag = job.upload(CSV)
    assert etag.startswith('"')
    assert etag.endswith('"')
    job.start()
    assert job.get().status is UploadJobStatus.IN_PROGRESS

    before = backend.clock.now()
    done = job.wait(timeout=600)
    waited = backend.clock.now() - before
    assert done.status is UploadJobStatus.SUCCEEDED
    assert done.done is True
    assert done.results_summary is not None
    assert (
        done.results_summary.created_records,
        done.results_summary.updated_records,
        done.results_summary.failed_records,
    ) == (2, 0, 0)
    assert done.completed_at is not None
    # Waiting advanced the emulated clock past the 60 s of processing, not much further.
    assert 60 <= waited < 120
    found = domain.profiles.search("CustomerId", ["C2"]).to_list()
    assert [p.first_name for p in found] == ["Bo"]
    assert [p.email_address for p in domain.profiles.search("_email", ["ANN@example.com"])] == [
        "ann@example.com"
    ]


def test_a_second_job_updates_known_profiles_and_creates_new_ones(domain: Domain) -> None:
    first = _create(domain)
    first.upload(CSV)
    first.start()
    first.wait()
    second = _create(domain, data_expiry=30)
    second.upload(b"CustomerId,FirstName,Email\nC2,Bea,bo@example.com\nC3,Cy,cy@example.com\n")
    second.start()
    done = second.wait()
    assert done.results_summary is not None
    assert done.results_summary.updated_records == 1
    assert done.results_summary.created_records == 1
    assert done.data_expiry == 30
    assert [p.first_name for p in domain.profiles.search("CustomerId", ["C2"])] == ["Bea"]


def test_upload_takes_a_path_a_file_object_from_its_position_and_a_stream(
    domain: Domain, tmp_path: Path
) -> None:
    path = tmp_path / "customers.csv"
    path.write_bytes(CSV)
    outcomes = []
    for source in (path, str(path)):
        job = _create(domain)
        job.upload(source)
        job.start()
        summary = job.wait().results_summary
        assert summary is not None
        outcomes.append((summary.created_records, summary.updated_records))
    assert outcomes == [(2, 0), (0, 2)]  # the second import found the profiles again

    # A seekable file object is sent from its current position (here: after a preamble).
    with path.open("rb") as handle:
        preamble = b"# exported by the CRM\n"
        buffer = io.BytesIO(preamble + handle.read())
    buffer.seek(len(preamble))
    job = _create(domain)
    job.upload(buffer)
    job.start()
    assert job.wait().results_summary.updated_records == 2  # type: ignore[union-attr]

    class Stream(io.RawIOBase):
        """A pipe-like stream: readable, not seekable."""

        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b: bytearray) -> int:  # type: ignore[override]
            chunk = self._data.read(len(b))
            b[: len(chunk)] = chunk
            return len(chunk)

    job = _create(domain)
    job.upload(io.BufferedReader(Stream(CSV)))
    job.start()
    assert job.wait().status is UploadJobStatus.SUCCEEDED


def test_a_later_upload_replaces_the_file(domain: Domain) -> None:
    job = _create(domain)
    job.upload(CSV)
    job.upload(b"CustomerId,FirstName,Email\nC9,Zoe,zoe@example.com\n")
    job.start()
    assert job.wait().results_summary.created_records == 1  # type: ignore[union-attr]
    assert [p.first_name for p in domain.profiles.search("CustomerId", ["C9"])] == ["Zoe"]
    assert domain.profiles.search("CustomerId", ["C1"]).to_list() == []


def test_the_file_is_checked_before_anything_is_sent(
    domain: Domain, backend: LocalBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = _create(domain)
    backend.reset_calls()
    cases = {
        b"\xef\xbb\xbf" + CSV: "UTF-8 without a byte-order mark",
        b"": "a header row",
        b"  \n\n": "a header row",
        b"CustomerId,FirstName\nC1,Ann\n": "a header row naming every mapped column",
        b"Customer\xffId,FirstName,Email\n": "UTF-8",
    }
    for body, constraint in cases.items():
        with pytest.raises(ValidationError) as caught:
            job.upload(body)
        assert caught.value.operation == "UploadFile"
        assert caught.value.fields == ["file"]
        assert caught.value.violations[0].constraint == constraint
        assert b"Ann" not in str(caught.value).encode()  # the file's content is never quoted
    assert "missing Email" in str(_raises(job, b"CustomerId,FirstName\nC1,Ann\n"))

    # The 1 GB limit, lowered for the test.
    monkeypatch.setattr(_upload, "MAX_UPLOAD_BYTES", len(CSV))
    error = _raises(job, CSV)
    assert error.violations[0].constraint == "under 1 GB"
    assert error.violations[0].detail == f"got {len(CSV)} bytes"
    assert backend.calls == []  # not even GetUploadJobPath was called

    with pytest.raises(TypeError, match="binary"):
        job.upload(io.StringIO("CustomerId\nC1\n"))  # type: ignore[arg-type]


def _raises(job: UploadJobHandle, body: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        job.upload(body)
    return caught.value


def test_without_the_mapping_the_header_is_not_checked_for_columns(domain: Domain) -> None:
    created = _create(domain)
    handle = domain.upload_jobs.job(created.job_id)  # a handle without the mapping
    assert handle.fields is None
    handle.upload(b"CustomerId\nC1\n")  # the columns check needs the mapping: the service judges
    handle.start()
    with pytest.raises(JobFailedError) as caught:
        handle.wait()
    assert caught.value.last.status_reason is UploadJobStatusReason.VALIDATION_FAILURE
    assert "FAILED (VALIDATION_FAILURE)" in str(caught.value)


def test_create_checks_the_request_before_sending(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError) as caught:
        domain.upload_jobs.create(
            "x" * 256, fields={"bad key!": "_profile.FirstName"}, unique_key="Id", data_expiry=2000
        )
    assert caught.value.operation == "CreateUploadJob"
    assert set(caught.value.fields) == {"DisplayName", "Fields.<key>", "DataExpiry"}
    assert backend.calls == []
    with pytest.raises(ValidationError) as bad_id:
        domain.upload_jobs.get("not-a-job-id")
    assert bad_id.value.fields == ["JobId"]
    with pytest.raises(TypeError):
        domain.upload_jobs.create("x.csv", fields={"Id": 42}, unique_key="Id")  # type: ignore[dict-item]


def test_the_service_refusals_are_typed_errors(domain: Domain) -> None:
    job = _create(domain)
    with pytest.raises(BadRequestError):
        job.start()  # no file yet
    with pytest.raises(BadRequestError):
        job.stop()  # not in progress
    with pytest.raises(ResourceNotFoundError):
        domain.upload_jobs.get("0" * 32)
    with pytest.raises(BadRequestError):
        domain.upload_jobs.create("x.csv", fields={"Id": "_order.OrderId"}, unique_key="Id")
    job.upload(CSV)
    job.start()
    with pytest.raises(BadRequestError):
        job.upload(CSV)  # a started job has no upload path any more


def test_wait_raises_job_failed_for_stopped_and_failed_jobs(
    domain: Domain, backend: LocalBackend
) -> None:
    stopped = _create(domain)
    stopped.upload(CSV)
    stopped.start()
    stopped.stop()
    with pytest.raises(JobFailedError) as caught:
        stopped.wait()
    assert caught.value.last.status is UploadJobStatus.STOPPED
    assert str(caught.value) == f"upload job {stopped.job_id} failed: STOPPED before it completed"

    failed = _create(domain)
    failed.upload(CSV)
    failed.start()
    backend.fail_upload_job("imports", failed.job_id)
    with pytest.raises(JobFailedError) as internal:
        failed.wait()
    assert internal.value.last.status_reason is UploadJobStatusReason.INTERNAL_FAILURE


def test_a_partially_succeeded_job_is_returned_with_its_counts(domain: Domain) -> None:
    job = _create(domain)
    job.upload(b"CustomerId,FirstName,Email\nC1,Ann,a@example.com\n,Nobody,n@example.com\n")
    job.start()
    done = job.wait()
    assert done.status is UploadJobStatus.PARTIALLY_SUCCEEDED
    assert done.results_summary is not None
    assert (done.results_summary.created_records, done.results_summary.failed_records) == (1, 1)


def test_wait_times_out_on_the_emulated_clock(domain: Domain, backend: LocalBackend) -> None:
    job = _create(domain)  # never started: it stays CREATED
    before = backend.clock.now()
    with pytest.raises(WaitTimeoutError) as caught:
        job.wait(timeout=30)
    assert caught.value.last.status is UploadJobStatus.CREATED
    assert backend.clock.now() - before == pytest.approx(30)


def test_list_pages_lazily_newest_first(domain: Domain, backend: LocalBackend) -> None:
    ids = []
    for _ in range(3):
        ids.append(_create(domain).job_id)
        backend.clock.advance(1)
    backend.reset_calls()
    jobs = domain.upload_jobs.list()
    assert backend.calls == []
    items = jobs.page_size(2).to_list()
    assert all(isinstance(j, UploadJobSummary) for j in items)
    assert [j.job_id for j in items] == list(reversed(ids))
    assert backend.call_count("ListUploadJobs") == 2
    assert [j.done for j in items] == [False, False, False]


def test_path_is_masked_and_an_expired_url_is_access_denied(
    cp: CustomerProfiles, domain: Domain, backend: LocalBackend
) -> None:
    job = _create(domain)
    path = job.path()
    assert isinstance(path, UploadJobPath)
    assert path.url not in repr(path)
    assert path.client_token is not None
    assert path.client_token not in repr(path)
    backend.clock.advance(3601)
    from customer_profiles_sdk import AccessDeniedError

    body = _upload.open_body(CSV)
    with pytest.raises(AccessDeniedError) as caught:
        cp._transport.put_file(path.url, body, _upload.sse_headers(path.client_token))
    assert caught.value.code == "AccessDenied"
    assert caught.value.status_code == 403
    assert caught.value.operation == "UploadFile"
    assert caught.value.request_id
    assert path.url not in str(caught.value)
    # upload() asks for a fresh path each time, so the same job still takes its file.
    job.upload(CSV)
    job.start()
    assert job.wait().status is UploadJobStatus.SUCCEEDED


def test_the_job_model_masks_the_mapping() -> None:
    job = UploadJob(fields={"Email": ObjectTypeField(source="_source.Email")})
    assert "_source.Email" not in repr(job)
