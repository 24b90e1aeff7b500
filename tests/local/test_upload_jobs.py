"""CSV upload jobs (spec identity-history-jobs 5): the five-step flow, the pre-signed
upload URL (in-process and through ``local serve``), file and row validation, the state
machine on the emulated clock, and the rows going through PutProfileObject's pipeline."""

from __future__ import annotations

import base64
import hashlib
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_sdk.local import Clock, LocalBackend, ServiceFault, _changes
from customer_profiles_sdk.local import _upload_jobs as upload_jobs
from customer_profiles_sdk.local._changes import Change, ChangeKind
from customer_profiles_sdk.local._upload_jobs import sse_headers
from tests.local.conftest import conformance_checked
from tests.local.test_server import remote_client

D = "retail"
T0 = 1_800_000_000.0
DAY = 86400.0
FIELDS = {
    "CustomerId": {"Source": "_source.CustomerId", "Target": "_profile.AccountNumber"},
    "FirstName": {
        "Source": "_source.FirstName",
        "Target": "_profile.FirstName",
        "ContentType": "NAME",
    },
    "Email": {
        "Source": "_source.Email",
        "Target": "_profile.EmailAddress",
        "ContentType": "EMAIL_ADDRESS",
    },
}
CSV = b"CustomerId,FirstName,Email\r\nC1,Ann,ann@example.com\r\nC2,Bob,bob@example.com\r\n"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(T0))


@pytest.fixture(scope="module")
def checked_client() -> Any:
    """One conformance-checked client (building one costs ~0.3 s), attached per test."""
    return conformance_checked(LocalBackend().client())


@pytest.fixture
def client(backend: LocalBackend, checked_client: Any) -> Any:
    c = backend.attach(checked_client)
    c.create_domain(DomainName=D, DefaultExpirationDays=365)
    return c


def _create(client: Any, **extra: Any) -> str:
    request = {"DisplayName": "customers.csv", "Fields": FIELDS, "UniqueKey": "CustomerId"}
    request.update(extra)
    job_id: str = client.create_upload_job(DomainName=D, **request)["JobId"]
    return job_id


def _put(backend: LocalBackend, client: Any, job_id: str, body: bytes) -> Any:
    path = client.get_upload_job_path(DomainName=D, JobId=job_id)
    return backend.put_upload(path["Url"], body, sse_headers(path["ClientToken"]))


def _run(backend: LocalBackend, client: Any, body: bytes, **extra: Any) -> dict[str, Any]:
    """Create, upload, start and finish a job; return its GetUploadJob answer."""
    job_id = _create(client, **extra)
    assert _put(backend, client, job_id, body).status == 200
    client.start_upload_job(DomainName=D, JobId=job_id)
    backend.clock.advance(60)
    job: dict[str, Any] = client.get_upload_job(DomainName=D, JobId=job_id)
    return job


def _search(client: Any, key: str, value: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.search_profiles(DomainName=D, KeyName=key, Values=[value])[
        "Items"
    ]
    return items


def _summary(job: dict[str, Any]) -> tuple[int, int, int]:
    s = job["ResultsSummary"]
    return s["CreatedRecords"], s["UpdatedRecords"], s["FailedRecords"]


# --------------------------------------------------------------------------- the happy path


def test_five_step_happy_path(backend: LocalBackend, client: Any) -> None:
    job_id = _create(client)
    created = client.get_upload_job(DomainName=D, JobId=job_id)
    assert created["Status"] == "CREATED"
    assert created["CreatedAt"].timestamp() == T0
    assert created["Fields"] == FIELDS
    assert created["UniqueKey"] == "CustomerId"
    assert {"CompletedAt", "ResultsSummary", "StatusReason", "DataExpiry"}.isdisjoint(created)

    path = client.get_upload_job_path(DomainName=D, JobId=job_id)
    assert path["ValidUntil"].timestamp() == T0 + 3600
    assert path["Url"].startswith(
        f"https://upload.customer-profiles-local.invalid/_local/upload/{D}/"
    )
    assert len(base64.b64decode(path["ClientToken"])) == 32
    answer = backend.put_upload(path["Url"], CSV, sse_headers(path["ClientToken"]))
    assert answer.status == 200
    assert answer.headers["ETag"] == f'"{hashlib.md5(CSV).hexdigest()}"'

    client.start_upload_job(DomainName=D, JobId=job_id)
    running = client.get_upload_job(DomainName=D, JobId=job_id)
    assert running["Status"] == "IN_PROGRESS"
    assert "CompletedAt" not in running
    assert "ResultsSummary" not in running
    backend.clock.advance(59)
    assert client.get_upload_job(DomainName=D, JobId=job_id)["Status"] == "IN_PROGRESS"
    assert _search(client, "CustomerId", "C1") == []

    backend.clock.advance(1)
    done = client.get_upload_job(DomainName=D, JobId=job_id)
    assert done["Status"] == "SUCCEEDED"
    assert done["CompletedAt"].timestamp() == T0 + 60
    assert _summary(done) == (2, 0, 0)
    assert "StatusReason" not in done
    for key, value in (("_account", "C2"), ("CustomerId", "C2"), ("_email", "BOB@example.com")):
        (found,) = _search(client, key, value)
        assert found["FirstName"] == "Bob"
    # The rows are not stored as profile objects.
    assert client.get_domain(DomainName=D)["Stats"]["ObjectCount"] == 0

    # New profiles expire DataExpiry (default 14 days) after the completion.
    backend.clock.advance(14 * DAY - 1)
    assert len(_search(client, "CustomerId", "C1")) == 1
    backend.clock.advance(1)
    assert _search(client, "CustomerId", "C1") == []


def test_completion_is_applied_at_its_own_instant_whenever_it_is_observed(
    backend: LocalBackend, client: Any
) -> None:
    job_id = _create(client)
    _put(backend, client, job_id, CSV)
    client.start_upload_job(DomainName=D, JobId=job_id)
    backend.clock.advance(13 * DAY)  # nobody looks at the job for 13 days
    (profile,) = _search(client, "CustomerId", "C1")  # a search, not a job read, observes it
    assert client.get_upload_job(DomainName=D, JobId=job_id)["CompletedAt"].timestamp() == T0 + 60
    # Expiry counts from the completion (T0 + 60), not from the first read.
    backend.clock.advance(DAY + 60 - 1)
    assert _search(client, "_profileId", profile["ProfileId"])
    backend.clock.advance(1)
    assert _search(client, "_profileId", profile["ProfileId"]) == []


def test_reimport_updates_known_profiles_and_keeps_the_longest_expiry(
    backend: LocalBackend, client: Any
) -> None:
    _run(backend, client, CSV)  # completes at T0 + 60, 14 days
    second = b"CustomerId,FirstName,Email\nC1,Ann,ann@example.org\nC3,Cy,cy@example.com\n"
    job = _run(backend, client, second, DataExpiry=30)  # completes at T0 + 120, 30 days
    assert job["Status"] == "SUCCEEDED"
    assert job["DataExpiry"] == 30
    assert _summary(job) == (1, 1, 0)
    (c1,) = _search(client, "CustomerId", "C1")
    assert c1["EmailAddress"] == "ann@example.org"
    backend.clock.advance(30 * DAY - 1)
    assert _search(client, "CustomerId", "C1")
    assert _search(client, "CustomerId", "C3")
    assert _search(client, "CustomerId", "C2") == []  # only in the 14-day import
    backend.clock.advance(1)
    assert _search(client, "CustomerId", "C1") == []

    # An update never shortens a longer expiry.
    backend.clock.advance(1)
    two = {name: FIELDS[name] for name in ("CustomerId", "FirstName")}
    assert (
        _run(backend, client, b"CustomerId,FirstName\nC9,\n", Fields=two, DataExpiry=90)["Status"]
        == "SUCCEEDED"
    )
    _run(backend, client, b"CustomerId,FirstName\nC9,Nine\n", Fields=two, DataExpiry=1)
    backend.clock.advance(2 * DAY)
    (c9,) = _search(client, "CustomerId", "C9")
    assert c9["FirstName"] == "Nine"


def test_a_profile_that_expired_before_the_completion_is_created_again(
    backend: LocalBackend, client: Any
) -> None:
    _run(backend, client, CSV, DataExpiry=1)  # done at T0 + 60: expires at T0 + 60 + 1 day
    job_id = _create(client)
    _put(backend, client, job_id, CSV)
    backend.clock.advance(DAY - 30)
    client.start_upload_job(DomainName=D, JobId=job_id)  # completes 30 s after the expiry
    backend.clock.advance(10 * DAY)  # observed much later
    assert _summary(client.get_upload_job(DomainName=D, JobId=job_id)) == (2, 0, 0)


def test_rows_are_reported_to_the_change_feed_as_the_service_s_changes(
    backend: LocalBackend, client: Any
) -> None:
    seen: list[tuple[ChangeKind, bool, float, str | None]] = []

    @_changes.subscribe("test-upload-rows")
    def record(ctx: Any, change: Change) -> None:
        seen.append((change.kind, change.by_service, change.at, change.operation))

    try:
        _run(backend, client, CSV)  # completes at T0 + 60, observed by GetUploadJob
        client.update_profile(
            DomainName=D,
            ProfileId=_search(client, "CustomerId", "C1")[0]["ProfileId"],
            FirstName="Ann",
        )
        backend.clock.advance(1)
        _run(backend, client, CSV)  # completes at T0 + 121
    finally:
        _changes.unsubscribe("test-upload-rows")
    created, updated = ChangeKind.PROFILE_CREATED, ChangeKind.PROFILE_UPDATED
    assert seen == [
        (created, True, T0 + 60, None),
        (created, True, T0 + 60, None),
        (updated, False, T0 + 60, "UpdateProfile"),
        (updated, True, T0 + 121, None),
        (updated, True, T0 + 121, None),
    ]


def test_manual_values_win_over_a_later_import(backend: LocalBackend, client: Any) -> None:
    _run(backend, client, b"CustomerId,FirstName,Email\nC1,Ann,ann@example.com\n")
    (profile,) = _search(client, "CustomerId", "C1")
    client.update_profile(DomainName=D, ProfileId=profile["ProfileId"], FirstName="John")
    job = _run(backend, client, b"CustomerId,FirstName,Email\nC1,Peter,peter@example.com\n")
    assert _summary(job) == (0, 1, 0)
    (after,) = _search(client, "CustomerId", "C1")
    assert after["FirstName"] == "John"  # set manually: kept
    assert after["EmailAddress"] == "peter@example.com"  # written by the first import: updated


def test_rows_are_normalized_like_ingested_objects(backend: LocalBackend, client: Any) -> None:
    fields = {
        "CustomerId": {"Source": "_source.id"},
        "Phone": {
            "Source": "_source.phone",
            "Target": "_profile.PhoneNumber",
            "ContentType": "PHONE_NUMBER",
        },
        "Tier": {"Source": "_source.tier", "Target": "_profile.Attributes.tier"},
    }
    job = _run(
        backend,
        client,
        b'id,phone,tier,ignored\nX-1,"+1 (555) 123-4567",gold,whatever\n',
        Fields=fields,
    )
    assert job["Status"] == "SUCCEEDED"
    (profile,) = _search(client, "_phone", "5551234567")
    assert profile["Attributes"] == {"tier": "gold"}
    assert _search(client, "CustomerId", "X-1") == [profile]


# --------------------------------------------------------------------------- the upload URL


def test_presigned_url_checks(backend: LocalBackend, client: Any) -> None:
    job_id = _create(client)
    with pytest.raises(client.exceptions.BadRequestException, match="No file"):
        client.start_upload_job(DomainName=D, JobId=job_id)
    path = client.get_upload_job_path(DomainName=D, JobId=job_id)
    url, token = path["Url"], path["ClientToken"]
    good = sse_headers(token)

    for broken in (
        {
            **good,
            "x-amz-server-side-encryption-customer-key-MD5": base64.b64encode(b"x" * 16).decode(),
        },
        {**good, "x-amz-server-side-encryption-customer-key": base64.b64encode(b"k" * 32).decode()},
        {**good, "x-amz-server-side-encryption-customer-algorithm": "aws:kms"},
        {k: v for k, v in good.items() if not k.endswith("-MD5")},
    ):
        answer = backend.put_upload(url, CSV, broken)
        assert answer.status == 400
        assert b"<Code>InvalidArgument</Code>" in answer.body
    wrong_signature = url.replace("X-Amz-Signature=", "X-Amz-Signature=0")
    assert backend.put_upload(wrong_signature, CSV, good).status == 403
    assert backend.put_upload(url.replace(job_id, "f" * 32), CSV, good).status == 403
    # The header names are case-insensitive, like HTTP's.
    assert backend.put_upload(url, CSV, {k.upper(): v for k, v in good.items()}).status == 200

    # A second call before ValidUntil returns the same URL, token and validity.
    backend.clock.advance(3599)
    again = client.get_upload_job_path(DomainName=D, JobId=job_id)
    assert (again["Url"], again["ClientToken"], again["ValidUntil"]) == (
        url,
        token,
        path["ValidUntil"],
    )
    backend.clock.advance(2)
    expired = backend.put_upload(url, CSV, good)
    assert expired.status == 403
    assert b"<Code>AccessDenied</Code>" in expired.body
    assert b"expired" in expired.body
    fresh = client.get_upload_job_path(DomainName=D, JobId=job_id)
    assert fresh["Url"] != url
    assert fresh["ClientToken"] != token
    assert fresh["ValidUntil"].timestamp() == T0 + 3601 + 3600
    assert backend.put_upload(url, CSV, good).status == 403  # the old URL is dead
    assert backend.put_upload(fresh["Url"], CSV, sse_headers(fresh["ClientToken"])).status == 200


def test_a_later_put_replaces_the_file_and_started_jobs_refuse_uploads(
    backend: LocalBackend, client: Any
) -> None:
    job_id = _create(client, Fields={"CustomerId": FIELDS["CustomerId"]})
    _put(backend, client, job_id, b"CustomerId\nOLD\n")
    path = client.get_upload_job_path(DomainName=D, JobId=job_id)
    assert _put(backend, client, job_id, b"CustomerId\nNEW\n").status == 200
    client.start_upload_job(DomainName=D, JobId=job_id)
    late = backend.put_upload(path["Url"], CSV, sse_headers(path["ClientToken"]))
    assert late.status == 403
    with pytest.raises(client.exceptions.BadRequestException, match="only a CREATED job"):
        client.get_upload_job_path(DomainName=D, JobId=job_id)
    backend.clock.advance(60)
    assert _search(client, "CustomerId", "NEW")
    assert not _search(client, "CustomerId", "OLD")


def test_files_of_1_gib_are_refused(
    backend: LocalBackend, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(upload_jobs, "MAX_UPLOAD_BYTES", len(CSV))
    job_id = _create(client)
    answer = _put(backend, client, job_id, CSV)
    assert answer.status == 400
    assert b"<Code>EntityTooLarge</Code>" in answer.body
    assert _put(backend, client, job_id, CSV[:-1]).status == 200


def test_upload_hook_delivers_a_file_in_one_call(backend: LocalBackend, client: Any) -> None:
    job_id = _create(client)
    assert backend.upload(D, job_id, CSV) == f'"{hashlib.md5(CSV).hexdigest()}"'
    client.start_upload_job(DomainName=D, JobId=job_id)
    with pytest.raises(ServiceFault, match="only a CREATED job") as caught:
        backend.upload(D, job_id, CSV)  # no longer CREATED
    assert caught.value.code == "BadRequestException"
    backend.clock.advance(60)
    assert _summary(client.get_upload_job(DomainName=D, JobId=job_id)) == (2, 0, 0)


@pytest.fixture
def served(backend: LocalBackend) -> Iterator[tuple[Any, str]]:
    with backend.serve() as server:
        remote = conformance_checked(remote_client(server.url))
        remote.create_domain(DomainName=D, DefaultExpirationDays=365)
        yield remote, server.url


def _http_put(url: str, body: bytes, headers: dict[str, str], method: str = "PUT") -> Any:
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_local_serve_hosts_the_upload_url(backend: LocalBackend, served: tuple[Any, str]) -> None:
    remote, url = served
    job_id = _create(remote)
    path = remote.get_upload_job_path(DomainName=D, JobId=job_id)
    assert path["Url"].startswith(f"{url}/_local/upload/{D}/{job_id}?")
    headers = sse_headers(path["ClientToken"])

    status, _, body = _http_put(
        path["Url"], CSV, {**headers, "x-amz-server-side-encryption-customer-key": "AAAA"}
    )
    assert status == 400
    assert b"<Code>InvalidArgument</Code>" in body
    status, _, body = _http_put(path["Url"], CSV, headers, method="POST")
    assert status == 405
    status, reply, _ = _http_put(path["Url"], CSV, headers)
    assert status == 200
    assert reply["ETag"] == f'"{hashlib.md5(CSV).hexdigest()}"'
    assert (
        reply["x-amz-server-side-encryption-customer-key-MD5"]
        == headers["x-amz-server-side-encryption-customer-key-MD5"]
    )
    status, _, _ = _http_put(f"{url}/_local/elsewhere", b"", {})
    assert status == 404

    remote.start_upload_job(DomainName=D, JobId=job_id)
    backend.clock.advance(60)
    assert remote.get_upload_job(DomainName=D, JobId=job_id)["Status"] == "SUCCEEDED"
    assert (
        len(remote.search_profiles(DomainName=D, KeyName="CustomerId", Values=["C1"])["Items"]) == 1
    )


# --------------------------------------------------------------------------- files and rows


@pytest.mark.parametrize(
    "body",
    [
        b"\xef\xbb\xbf" + CSV,  # a byte-order mark: "missing header" (D314)
        b"CustomerId,FirstName\nC1,Ann\n",  # the Email column is missing
        b"CustomerId,FirstName,Email\nC1,\xff\xfe,x@example.com\n",  # not UTF-8
        b"CustomerId,FirstName,Email,Email\nC1,Ann,a@example.com,b@example.com\n",  # duplicate
        b"",  # no header
        b"\n\n",
    ],
)
def test_a_rejected_file_fails_the_job_with_no_counts(
    backend: LocalBackend, client: Any, body: bytes
) -> None:
    job = _run(backend, client, body)
    assert job["Status"] == "FAILED"
    assert job["StatusReason"] == "VALIDATION_FAILURE"
    assert _summary(job) == (0, 0, 0)
    assert job["CompletedAt"].timestamp() == T0 + 60
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == 0


def test_failed_rows_give_a_partial_success(backend: LocalBackend, client: Any) -> None:
    fields = {**FIELDS, "Gender": {"Source": "_source.Gender", "Target": "_profile.Gender"}}
    body = (
        b" CustomerId , FirstName,Email,Gender\n"  # header names are trimmed
        b"C1,Ann,ann@example.com,FEMALE\n"
        b",Nobody,no@example.com,MALE\n"  # empty unique key
        b"C3,Cy,cy@example.com\n"  # a cell short
        b"C4,Di,di@example.com,ROBOT\n"  # not a Gender value
        b"C5," + b"x" * 256 + b",e@example.com,MALE\n"  # longer than 255 characters
        b"\n"  # blank lines are skipped
        b'C6,"Eve, ""the"" second",eve@example.com,FEMALE\n'
    )
    job = _run(backend, client, body, Fields=fields)
    assert job["Status"] == "PARTIALLY_SUCCEEDED"
    assert "StatusReason" not in job
    assert _summary(job) == (2, 0, 4)
    (eve,) = _search(client, "CustomerId", "C6")
    assert eve["FirstName"] == 'Eve, "the" second'


def test_a_second_row_with_the_same_key_updates_the_profile_of_the_first(
    backend: LocalBackend, client: Any
) -> None:
    job = _run(
        backend, client, b"CustomerId,FirstName,Email\nC1,Ann,a@example.com\nC1,,b@example.com\n"
    )
    assert _summary(job) == (1, 1, 0)
    (profile,) = _search(client, "CustomerId", "C1")
    assert (profile["FirstName"], profile["EmailAddress"]) == ("Ann", "b@example.com")


def test_every_row_failing_fails_the_job_and_a_header_only_file_succeeds(
    backend: LocalBackend, client: Any
) -> None:
    failed = _run(backend, client, b"CustomerId,FirstName,Email\n,Ann,a@example.com\n")
    assert (failed["Status"], failed["StatusReason"]) == ("FAILED", "VALIDATION_FAILURE")
    assert _summary(failed) == (0, 0, 1)
    empty = _run(backend, client, b"CustomerId,FirstName,Email\n")
    assert empty["Status"] == "SUCCEEDED"
    assert _summary(empty) == (0, 0, 0)


def test_a_unique_key_that_finds_several_profiles_fails_the_row(
    backend: LocalBackend, client: Any
) -> None:
    for _ in range(2):
        pid = client.create_profile(DomainName=D, FirstName="Dup")["ProfileId"]
        client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="CustomerId", Values=["C1"])
    job = _run(backend, client, CSV)
    assert job["Status"] == "PARTIALLY_SUCCEEDED"
    assert _summary(job) == (1, 0, 1)
    assert len(_search(client, "CustomerId", "C1")) == 2


# --------------------------------------------------------------------------- states


def test_stop_cancels_the_import(backend: LocalBackend, client: Any) -> None:
    job_id = _create(client)
    _put(backend, client, job_id, CSV)
    with pytest.raises(client.exceptions.BadRequestException, match="not IN_PROGRESS"):
        client.stop_upload_job(DomainName=D, JobId=job_id)
    client.start_upload_job(DomainName=D, JobId=job_id)
    backend.clock.advance(30)
    client.stop_upload_job(DomainName=D, JobId=job_id)
    stopped = client.get_upload_job(DomainName=D, JobId=job_id)
    assert stopped["Status"] == "STOPPED"
    assert stopped["CompletedAt"].timestamp() == T0 + 30
    assert "ResultsSummary" not in stopped
    assert "StatusReason" not in stopped
    backend.clock.advance(60)
    assert client.get_upload_job(DomainName=D, JobId=job_id)["Status"] == "STOPPED"
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == 0
    with pytest.raises(client.exceptions.BadRequestException):
        client.stop_upload_job(DomainName=D, JobId=job_id)
    with pytest.raises(client.exceptions.BadRequestException, match="not CREATED"):
        client.start_upload_job(DomainName=D, JobId=job_id)


def test_fail_upload_job_hook(backend: LocalBackend, client: Any) -> None:
    job_id = _create(client)
    with pytest.raises(ValueError, match="not IN_PROGRESS"):
        backend.fail_upload_job(D, job_id)
    _put(backend, client, job_id, CSV)
    client.start_upload_job(DomainName=D, JobId=job_id)
    backend.fail_upload_job(D, job_id)
    job = client.get_upload_job(DomainName=D, JobId=job_id)
    assert (job["Status"], job["StatusReason"]) == ("FAILED", "INTERNAL_FAILURE")
    backend.clock.advance(60)
    assert client.get_upload_job(DomainName=D, JobId=job_id)["Status"] == "FAILED"
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == 0


def test_list_upload_jobs_newest_first_with_paging(backend: LocalBackend, client: Any) -> None:
    ids = []
    for n in range(3):
        ids.append(_create(client, DisplayName=f"file-{n}.csv", **({"DataExpiry": 5} if n else {})))
        backend.clock.advance(1)
    page = client.list_upload_jobs(DomainName=D, MaxResults=2)
    assert [i["JobId"] for i in page["Items"]] == [ids[2], ids[1]]
    assert page["Items"][0]["DataExpiry"] == 5
    rest = client.list_upload_jobs(DomainName=D, MaxResults=2, NextToken=page["NextToken"])
    assert [i["JobId"] for i in rest["Items"]] == [ids[0]]
    assert "NextToken" not in rest
    assert "DataExpiry" not in rest["Items"][0]
    assert [
        i["Status"] for i in client.list_upload_jobs(DomainName=D, MaxResults=500)["Items"]
    ] == ["CREATED"] * 3
    with pytest.raises(client.exceptions.BadRequestException, match="MaxResults"):
        client.list_upload_jobs(DomainName=D, MaxResults=501)


def test_state_file_keeps_a_running_job_and_its_file(
    backend: LocalBackend, client: Any, tmp_path: Path
) -> None:
    job_id = _create(client)
    _put(backend, client, job_id, CSV)
    client.start_upload_job(DomainName=D, JobId=job_id)
    backend.save_state(tmp_path / "state.json")
    restored = LocalBackend(clock=Clock(T0 + 60))
    restored.load_state(tmp_path / "state.json")
    again = conformance_checked(restored.client())
    assert _summary(again.get_upload_job(DomainName=D, JobId=job_id)) == (2, 0, 0)
    assert (
        len(again.search_profiles(DomainName=D, KeyName="CustomerId", Values=["C1"])["Items"]) == 1
    )


def test_a_read_that_applies_a_transition_is_autosaved(
    backend: LocalBackend, client: Any, tmp_path: Path
) -> None:
    job_id = _create(client)
    _put(backend, client, job_id, CSV)
    client.start_upload_job(DomainName=D, JobId=job_id)
    backend.autosave(tmp_path / "state.json")
    backend.clock.advance(60)
    (seen,) = _search(client, "CustomerId", "C1")  # a read: it applied the completion
    restored = LocalBackend(clock=Clock(T0 + 60))
    restored.load_state(tmp_path / "state.json")
    again = restored.client()
    (reloaded,) = again.search_profiles(DomainName=D, KeyName="CustomerId", Values=["C1"])["Items"]
    assert reloaded["ProfileId"] == seen["ProfileId"]  # not created a second time


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"UniqueKey": "AccountId"}, "UniqueKey"),
        ({"Fields": {}}, "at least one"),
        (
            {"Fields": {**FIELDS, "Order": {"Source": "_source.o", "Target": "_order.Status"}}},
            "_profile field",
        ),
        ({"Fields": {**FIELDS, "Nested": {"Source": "_source.a.b"}}}, "_source.<column>"),
        ({"Fields": {**FIELDS, "Text": {"Source": "{{_source.a}}"}}}, "_source.<column>"),
        ({"Fields": {**FIELDS, "Bad": {"Source": "_source.x", "Target": "_profile.Nope"}}}, "Nope"),
        (
            {
                "Fields": {
                    **FIELDS,
                    "Ts": {"Source": "_source.t", "Target": "_profile.SourceLastUpdatedTimestamp"},
                }
            },
            "not supported",
        ),
        ({"DataExpiry": 2000}, "DataExpiry"),
    ],
)
def test_create_validation(client: Any, change: dict[str, Any], message: str) -> None:
    request = {"DisplayName": "x.csv", "Fields": FIELDS, "UniqueKey": "CustomerId", **change}
    with pytest.raises(client.exceptions.BadRequestException, match=message):
        client.create_upload_job(DomainName=D, **request)
    assert client.list_upload_jobs(DomainName=D)["Items"] == []


def test_data_expiry_up_to_the_model_maximum_is_accepted(client: Any) -> None:
    job_id = _create(client, DataExpiry=1098)  # above the documented 90 days (ambiguity 19)
    assert client.get_upload_job(DomainName=D, JobId=job_id)["DataExpiry"] == 1098


def test_missing_domain_and_job_are_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_upload_job(
            DomainName="nope", DisplayName="x", Fields=FIELDS, UniqueKey="CustomerId"
        )
    for call in (
        lambda: client.get_upload_job(DomainName=D, JobId="f" * 32),
        lambda: client.get_upload_job_path(DomainName=D, JobId="no-such-job"),
        lambda: client.start_upload_job(DomainName=D, JobId="no-such-job"),
        lambda: client.stop_upload_job(DomainName=D, JobId="no-such-job"),
        lambda: client.list_upload_jobs(DomainName="nope"),
    ):
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            call()
    with pytest.raises(client.exceptions.BadRequestException, match="JobId"):
        client.get_upload_job(DomainName=D, JobId="not-hex")  # the model's 32-hex pattern
