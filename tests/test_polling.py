"""The one polling helper (customer_profiles_sdk._polling): back-off, deadline, failure."""

from __future__ import annotations

import pytest

from customer_profiles_sdk import (
    CustomerProfiles,
    CustomerProfilesError,
    JobFailedError,
    PollPolicy,
    WaitTimeoutError,
)
from customer_profiles_sdk._polling import Waiter, wait_for
from customer_profiles_sdk.local import LocalBackend


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def waiter(self) -> Waiter:
        return Waiter(clock=lambda: self.now, sleep=self.sleep)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_backs_off_exponentially_up_to_the_cap_and_returns_the_final_state() -> None:
    time = FakeTime()
    states = iter(["A"] * 6 + ["OK"])
    result = wait_for(
        lambda: next(states),
        done=lambda s: s == "OK",
        what="job",
        timeout=1000,
        waiter=time.waiter(),
        policy=PollPolicy(initial=1, multiplier=2, max_interval=5),
    )
    assert result == "OK"
    assert time.sleeps == [1, 2, 4, 5, 5, 5]


def test_the_deadline_raises_with_the_last_state_and_never_oversleeps() -> None:
    time = FakeTime()
    reads: list[float] = []

    def read() -> str:
        reads.append(time.now)
        return "RUNNING"

    with pytest.raises(WaitTimeoutError) as caught:
        wait_for(read, done=lambda s: False, what="estimate e-1", timeout=10, waiter=time.waiter())
    assert caught.value.last == "RUNNING"
    assert "estimate e-1 did not finish within 10 s" in str(caught.value)
    assert isinstance(caught.value, TimeoutError)
    assert isinstance(caught.value, CustomerProfilesError)
    assert time.now == 10  # the last wait was cut to the deadline
    assert reads[-1] == 10  # and the state was read once more at the deadline


def test_a_failed_final_state_raises_job_failed_with_the_reason() -> None:
    time = FakeTime()
    with pytest.raises(JobFailedError) as caught:
        wait_for(
            lambda: {"Status": "FAILED", "Reason": "bad CSV"},
            done=lambda s: s["Status"] in ("SUCCEEDED", "FAILED"),
            failed=lambda s: s["Reason"] if s["Status"] == "FAILED" else None,
            what="upload job j-1",
            timeout=5,
            waiter=time.waiter(),
        )
    assert str(caught.value) == "upload job j-1 failed: bad CSV"
    assert caught.value.last == {"Status": "FAILED", "Reason": "bad CSV"}
    assert time.sleeps == []


def test_a_zero_timeout_reads_once() -> None:
    time = FakeTime()
    with pytest.raises(WaitTimeoutError):
        wait_for(lambda: 1, done=lambda s: False, what="x", timeout=0, waiter=time.waiter())
    with pytest.raises(ValueError, match="timeout"):
        wait_for(lambda: 1, done=lambda s: True, what="x", timeout=-1, waiter=time.waiter())


def test_waiting_on_the_emulator_advances_its_clock_instead_of_sleeping() -> None:
    backend = LocalBackend()
    backend.clock.freeze(1_000_000.0)
    cp = CustomerProfiles.local(backend=backend)
    waiter = cp._transport.waiter
    finish_at = 1_000_000.0 + 600  # a job of ten emulated minutes
    state = wait_for(
        lambda: "DONE" if backend.clock.now() >= finish_at else "RUNNING",
        done=lambda s: s == "DONE",
        what="job",
        timeout=3600,
        waiter=waiter,
    )
    assert state == "DONE"
    assert finish_at <= backend.clock.now() < finish_at + 600
