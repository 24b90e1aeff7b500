"""The one polling helper: wait for an asynchronous job with back-off and a deadline.

Segment estimates and snapshots, upload jobs, identity-resolution jobs, workflows and
recommenders all finish later than the call that starts them. Every ``.wait()`` of the
SDK goes through :func:`wait_for`: it reads the job's state, stops when it is done,
raises :class:`JobFailedError` when it ended badly, and otherwise sleeps with
exponential back-off (``PollPolicy``) until a deadline, after which it raises
:class:`WaitTimeoutError` carrying the last state read.

Time comes from a :class:`Waiter`: real time for AWS; on the embedded emulator
(:meth:`CustomerProfiles.local`) the emulated clock, so that waiting *advances* the
emulator's clock instead of sleeping and a job of ten emulated minutes finishes at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

import attrs

from .errors import CustomerProfilesError

__all__ = ["JobFailedError", "PollPolicy", "WaitTimeoutError", "Waiter", "wait_for"]

T = TypeVar("T")

_log = logging.getLogger("customer_profiles_sdk")


@attrs.frozen(kw_only=True)
class PollPolicy:
    """How often :func:`wait_for` reads a job's state.

    Attributes:
        initial: the first wait, in seconds.
        multiplier: each wait is this many times the previous one.
        max_interval: the longest single wait, in seconds.

    Example:
        >>> PollPolicy().intervals(4)
        [1.0, 2.0, 4.0, 8.0]
    """

    initial: float = attrs.field(default=1.0, validator=attrs.validators.gt(0))
    multiplier: float = attrs.field(default=2.0, validator=attrs.validators.ge(1))
    max_interval: float = attrs.field(default=30.0, validator=attrs.validators.gt(0))

    def intervals(self, count: int) -> list[float]:
        """The first ``count`` waits (for documentation and tests)."""
        out, wait = [], self.initial
        for _ in range(count):
            out.append(min(wait, self.max_interval))
            wait *= self.multiplier
        return out


@attrs.frozen
class Waiter:
    """Where :func:`wait_for` gets time from: a monotonic clock and a sleep.

    Example:
        >>> Waiter.real().clock() > 0
        True
    """

    clock: Callable[[], float]
    sleep: Callable[[float], None]

    @classmethod
    def real(cls) -> Waiter:
        """Real time (``time.monotonic`` and ``time.sleep``)."""
        return cls(time.monotonic, time.sleep)


class WaitTimeoutError(CustomerProfilesError, TimeoutError):
    """A job did not finish before the deadline.

    Attributes:
        what: what was waited for (e.g. ``"segment estimate e-1"``).
        last: the last state read (a model), to inspect or to wait on again.
    """

    def __init__(self, what: str, timeout: float, last: object) -> None:
        super().__init__(f"{what} did not finish within {timeout:g} s")
        self.what = what
        self.last = last


class JobFailedError(CustomerProfilesError):
    """A job ended in a failed state.

    Attributes:
        what: what was waited for.
        last: the final state read (a model).
    """

    def __init__(self, what: str, reason: str, last: object) -> None:
        super().__init__(f"{what} failed: {reason}")
        self.what = what
        self.last = last


def wait_for(
    read: Callable[[], T],
    *,
    done: Callable[[T], bool],
    failed: Callable[[T], str | None] | None = None,
    what: str,
    timeout: float,
    waiter: Waiter,
    policy: PollPolicy | None = None,
) -> T:
    """Read a job's state until it is done, with back-off and a deadline.

    Args:
        read: reads the current state (one API call).
        done: whether a state is final (success or failure).
        failed: for a final state, the reason it failed, or ``None`` if it succeeded.
        what: what is waited for, for messages and logs (no personal data).
        timeout: seconds to wait at most (on the ``waiter``'s clock).
        waiter: the clock and sleep to use.
        policy: the back-off (default :class:`PollPolicy`).

    Returns:
        The final, successful state.

    Raises:
        JobFailedError: the job ended in a failed state.
        WaitTimeoutError: the deadline passed first (``.last`` holds the last state).
        ServiceError: reading the state failed (throttling is retried by the transport).

    Example:
        >>> states = iter(["RUNNING", "RUNNING", "DONE"])
        >>> slept = []
        >>> waiter = Waiter(clock=lambda: sum(slept), sleep=slept.append)
        >>> wait_for(lambda: next(states), done=lambda s: s == "DONE", what="job",
        ...          timeout=60, waiter=waiter)
        'DONE'
        >>> slept
        [1.0, 2.0]
    """
    if timeout < 0:
        raise ValueError(f"timeout must be >= 0, got {timeout}")
    policy = policy or PollPolicy()
    deadline = waiter.clock() + timeout
    interval = policy.initial
    attempt = 0
    while True:
        attempt += 1
        state = read()
        if done(state):
            reason = failed(state) if failed is not None else None
            if reason is not None:
                raise JobFailedError(what, reason, state)
            return state
        remaining = deadline - waiter.clock()
        if remaining <= 0:
            raise WaitTimeoutError(what, timeout, state)
        pause = min(interval, policy.max_interval, remaining)
        _log.debug("%s: not finished (poll %d); next read in %.2fs", what, attempt, pause)
        waiter.sleep(pause)
        interval *= policy.multiplier
