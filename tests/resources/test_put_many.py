"""``domain.objects.put_batch`` and ``domain.objects.put_many`` against the embedded
emulator (BatchPutProfileObject), with the emulator's fault injection."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk._bulk import BulkLoadError, BulkProgress, FailedObject, TokenBucket
from customer_profiles_sdk.errors import ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.resources.domains import Domain

OP = "BatchPutProfileObject"
TYPE = "Zendesk-users"  # a template: UNIQUE key _zendeskUserId from "id"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def domain(backend: LocalBackend) -> Domain:
    retry = RetryPolicy(max_attempts=6, initial_wait=0.001, max_wait=0.01)
    cp = CustomerProfiles.local(backend=backend, retry=retry)
    return cp.domains.create("bulk", default_expiration_days=365)


def users(n: int, first: int = 0) -> Iterator[dict[str, Any]]:
    for i in range(first, first + n):
        yield {"id": f"u-{i}", "email": f"user{i}@example.com"}


def object_count(domain: Domain) -> int:
    stats = domain.get().stats
    assert stats is not None
    return int(stats.object_count or 0)


def items_sent(backend: LocalBackend) -> int:
    return backend.call_count(OP)


# --------------------------------------------------------------------------- put_batch


def test_put_batch_reports_each_item(domain, backend):
    result = domain.objects.put_batch(
        TYPE, [{"id": "a"}, "{not json", '{"id": "b"}', {"no_id": 1}, [1, 2]]
    )
    assert [s.index for s in result.stored] == [0, 2]
    assert all(s.unique_key for s in result.stored)
    assert [(f.index, f.code) for f in result.failed] == [(1, 400), (3, 400), (4, 400)]
    assert "not sent" in result.failed[0].message  # refused locally
    assert "not sent" not in result.failed[1].message  # refused by the service
    assert result.failed[2].object == [1, 2]
    assert items_sent(backend) == 1
    assert object_count(domain) == 2


def test_put_batch_limits_are_checked_before_sending(domain, backend):
    with pytest.raises(ValidationError, match="1 to 10 items"):
        domain.objects.put_batch(TYPE, [{"id": str(n)} for n in range(11)])
    with pytest.raises(ValidationError, match="1 to 10 items"):
        domain.objects.put_batch(TYPE, [])
    assert items_sent(backend) == 0


def test_put_batch_only_bad_input_sends_nothing(domain, backend):
    result = domain.objects.put_batch(TYPE, ["[]", "x" * 10, {"id": "é" * 200_000}])
    assert [f.message for f in result.failed] == [
        "Object is not a JSON object (not sent)",
        "Object is not valid JSON (not sent)",
        "Object is larger than 250 KB (not sent)",
    ]
    assert items_sent(backend) == 0


def test_put_batch_missing_type(domain):
    with pytest.raises(ResourceNotFoundError):
        domain.objects.put_batch("Nope", [{"id": "a"}])


# --------------------------------------------------------------------------- put_many


def test_put_many_stores_a_generator(domain, backend):
    result = domain.objects.put_many(TYPE, users(95))
    assert result.stored == 95
    assert result.failed == []
    assert result.complete
    assert result.resume_from == 95
    assert result.read == 95
    assert result.calls == 10
    assert items_sent(backend) == 10
    assert object_count(domain) == 95


def test_bad_input_is_reported_with_its_position_and_never_sent(domain, backend):
    rows: list[Any] = list(users(12))
    rows[3] = "not json"
    rows[7] = json.dumps(["an", "array"])
    rows[9] = {"id": "x", "big": "y" * 260_000}
    rows[11] = {"id": object()}  # not representable in JSON
    result = domain.objects.put_many(TYPE, iter(rows))
    assert [f.index for f in result.failed] == [3, 7, 9, 11]
    assert {f.code for f in result.failed} == {400}
    assert result.failed[0].object == "not json"
    assert result.stored == 8
    assert result.resume_from == 12
    assert items_sent(backend) == 1  # the 8 good ones, one batch


def test_refused_items_are_reported_not_retried(domain, backend):
    rows = [*users(5), {"email": "no-id@example.com"}, *users(5, first=5)]
    result = domain.objects.put_many(TYPE, rows)
    (failed,) = result.failed
    assert failed.index == 5
    assert failed.code == 400
    assert not failed.retryable
    assert "UNIQUE" in failed.message
    assert result.stored == 10
    assert items_sent(backend) == 2  # 10 + 1 items: two calls, no retry


def test_throttled_items_are_sent_again(domain, backend):
    backend.faults.fail_items(OP, count=3, code=429)
    result = domain.objects.put_many(TYPE, users(30), concurrency=1)
    assert result.stored == 30
    assert result.failed == []
    assert result.throttled == 1
    assert result.calls == 4  # three batches and one resend of the 3 throttled items
    assert object_count(domain) == 30


def test_5xx_items_are_sent_again(domain, backend):
    backend.faults.fail_items(OP, ids=["4", "15"], code=500)
    result = domain.objects.put_many(TYPE, users(20), concurrency=1)
    assert result.stored == 20
    assert result.throttled == 0
    assert result.calls == 4


def test_throttled_calls_are_sent_again(domain, backend):
    backend.faults.fail_next(OP, times=3, code="ThrottlingException")
    result = domain.objects.put_many(TYPE, users(20), concurrency=1)
    assert result.stored == 20
    assert result.throttled == 3
    assert result.calls == 5


def test_commit_then_500_does_not_duplicate(domain, backend):
    backend.faults.fail_after_commit(OP, times=2)
    result = domain.objects.put_many(TYPE, users(40))
    assert result.stored == 40
    assert result.calls == 6
    assert object_count(domain) == 40  # the resent batches replaced their objects


def test_retries_exhausted_are_reported_as_retryable(backend):
    cp = CustomerProfiles.local(
        backend=backend, retry=RetryPolicy(max_attempts=2, initial_wait=0.001)
    )
    domain = cp.domains.create("bulk", default_expiration_days=365)
    backend.faults.fail_next(OP, times=2, code="ThrottlingException")
    backend.faults.fail_items(OP, ids=["12"], code=503)
    backend.faults.fail_items(OP, ids=["12"], code=503)
    result = domain.objects.put_many(TYPE, users(15), concurrency=1)
    assert [(f.index, f.code) for f in result.failed[:1]] == [(0, 429)]
    assert [f.index for f in result.failed] == [*range(10), 12]
    assert result.failed[-1].code == 503
    assert all(f.retryable for f in result.failed)
    assert result.stored == 4
    assert result.resume_from == 15  # every position was acknowledged, as failed or stored


def test_a_fatal_refusal_stops_the_run(domain, backend):
    with pytest.raises(BulkLoadError) as info:
        domain.objects.put_many("Nope", users(50))
    assert isinstance(info.value.__cause__, ResourceNotFoundError)
    assert info.value.result.stored == 0
    assert info.value.result.resume_from == 0


def test_interrupt_then_resume_from_the_first_unacknowledged_position(domain, backend):
    seen: list[BulkProgress] = []

    def stop_after_three(progress: BulkProgress) -> None:
        seen.append(progress)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(BulkLoadError) as info:
        domain.objects.put_many(TYPE, users(200), concurrency=2, on_progress=stop_after_three)
    partial = info.value.result
    assert isinstance(info.value.__cause__, KeyboardInterrupt)
    assert 30 <= partial.resume_from < 200
    assert partial.resume_from % 10 == 0
    assert partial.stored >= partial.resume_from
    rest = domain.objects.put_many(TYPE, users(200), start=partial.resume_from)
    assert rest.resume_from == 200
    assert rest.read == 200 - partial.resume_from
    assert object_count(domain) == 200  # no object stored twice


def test_start_skips_positions_but_keeps_them(domain, backend):
    rows: list[Any] = list(users(30))
    rows[25] = "nope"
    result = domain.objects.put_many(TYPE, rows, start=20)
    assert result.stored == 9
    assert [f.index for f in result.failed] == [25]
    assert result.resume_from == 30
    assert object_count(domain) == 9


def test_input_is_read_lazily(domain):
    consumed = 0
    ahead: list[int] = []

    def endless() -> Iterator[dict[str, Any]]:
        nonlocal consumed
        for row in users(300):
            consumed += 1
            yield row

    def check(progress: BulkProgress) -> None:
        # Read but not yet acknowledged (stored or refused): what is held in memory.
        # (``resume_from`` may lag further: batches finish out of order, and a finished
        # batch after an unfinished one holds no objects, only its position.)
        ahead.append(consumed - (progress.stored + progress.failed))

    domain.objects.put_many(TYPE, endless(), concurrency=2, on_progress=check)
    # At most 2 x concurrency batches in flight plus the one being read.
    assert max(ahead) <= (2 * 2 + 1) * 10
    assert len(ahead) == 30


def test_progress_callback_is_monotonic(domain):
    seen: list[BulkProgress] = []
    domain.objects.put_many(TYPE, users(55), on_progress=seen.append)
    positions = [p.resume_from for p in seen]
    assert positions == sorted(positions)
    assert seen[-1].stored == 55
    assert seen[-1].resume_from == 55
    assert all(p.rate == 100.0 for p in seen)


def test_progress_bar(domain, capsys):
    domain.objects.put_many(TYPE, list(users(25)), progress=True)
    err = capsys.readouterr().err
    assert "put_many" in err
    assert "25/25" in err


def test_failed_repr_masks_the_object():
    failed = FailedObject(index=3, code=400, message="bad", object={"email": "ana@example.com"})
    assert "ana@example.com" not in repr(failed)
    assert "index=3" in repr(failed)


def test_arguments_are_checked_before_reading(domain, backend):
    def never() -> Iterator[dict[str, Any]]:
        raise AssertionError("read")
        yield {}

    with pytest.raises(ValidationError, match="ObjectTypeName"):
        domain.objects.put_many("bad name!", never())
    with pytest.raises(ValidationError, match="concurrency"):
        domain.objects.put_many(TYPE, never(), concurrency=0)
    with pytest.raises(ValidationError, match="rate"):
        domain.objects.put_many(TYPE, never(), rate=0)
    assert items_sent(backend) == 0


def test_rate_limits_calls_against_the_emulators_quota(backend):
    # The emulator throttles at 5 calls/s; the loader asks for 50 and adapts down.
    backend.throttling(rates={OP: 5})
    cp = CustomerProfiles.local(
        backend=backend, retry=RetryPolicy(max_attempts=20, initial_wait=0.05, max_wait=0.2)
    )
    domain = cp.domains.create("bulk", default_expiration_days=365)
    result = domain.objects.put_many(TYPE, users(150), rate=50, concurrency=2)
    assert result.stored == 150
    assert result.throttled > 0
    assert object_count(domain) == 150


# --------------------------------------------------------------------------- the bucket


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_token_bucket_paces_calls():
    fake = FakeTime()
    bucket = TokenBucket(10, clock=fake.clock, sleep=fake.sleep)
    for _ in range(21):
        bucket.acquire()
    assert fake.now == pytest.approx(2.0, abs=0.11)


def test_token_bucket_aimd():
    fake = FakeTime()
    bucket = TokenBucket(100, clock=fake.clock, sleep=fake.sleep)
    bucket.throttled()
    bucket.throttled()
    low = bucket.rate
    assert low == pytest.approx(81)  # x 0.9 per throttled answer
    bucket.accepted()
    assert bucket.rate == pytest.approx(low + 10)  # + 10 % of the configured rate
    for _ in range(100):
        bucket.accepted()
    assert bucket.rate == 100
    for _ in range(1000):
        bucket.throttled()
    assert bucket.rate == pytest.approx(1.0)
