"""The retry policy: the SDK's one retry loop (tenacity).

botocore retries on its own, and stacked under another loop the counts multiply (5 x 3
requests for one call) and a ``CreateProfile`` that answered 500 after it was applied
is repeated blindly. So this policy is the only loop of the SDK's calls on any client:
clients that the SDK builds are created with ``Config(retries={"total_max_attempts":
1})``, and on a boto3 client that you pass in the transport gates botocore's retry
handler off for the SDK's own calls (see ``_transport.install_retry_gate``); your own
calls on that client keep botocore's retries.

What is retried:

* ``ThrottlingException`` (429): for every operation, since the request was refused.
* ``InternalServerException`` (5xx) and connection errors: only for operations that
  are safe to repeat (reads, ``Put*``, ``Update*``, ``Delete*``, tags). ``Create*`` and
  ``MergeProfiles`` are never repeated blindly: the API has no idempotency token, so a
  repeat could create a second profile.

Waits are full-jitter exponential (``wait_random_exponential``), capped by
``max_wait``; ``deadline`` bounds the whole call, including waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from . import _service
from .errors import ConnectionError, InternalServerError, ThrottlingError

if TYPE_CHECKING:  # tenacity (and the asyncio it imports) loads on the first retry
    import tenacity

__all__ = ["RetryPolicy"]

_log = logging.getLogger("customer_profiles_sdk")


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How the SDK retries a failed call.

    Attributes:
        max_attempts: total attempts per call, the first one included (1 = no retry).
        initial_wait: scale of the exponential back-off, in seconds.
        max_wait: the longest single wait, in seconds.
        deadline: give up once this many seconds have passed since the first attempt
            (no attempt starts after it); ``None`` for no deadline.

    Example:
        >>> policy = RetryPolicy(max_attempts=8, deadline=30.0)
        >>> RetryPolicy.none().max_attempts
        1
    """

    max_attempts: int = attrs.field(default=5, validator=attrs.validators.ge(1))
    initial_wait: float = attrs.field(default=0.2, validator=attrs.validators.gt(0))
    max_wait: float = attrs.field(default=20.0, validator=attrs.validators.gt(0))
    deadline: float | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.gt(0))
    )

    @classmethod
    def none(cls) -> RetryPolicy:
        """A policy that never retries (tests, notebooks)."""
        return cls(max_attempts=1)

    def should_retry(self, operation: str, error: BaseException) -> bool:
        """Whether ``error`` raised by ``operation`` is worth another attempt."""
        if isinstance(error, ThrottlingError):
            return True
        if isinstance(error, (InternalServerError, ConnectionError)):
            return _service.is_idempotent(operation)
        return False

    def retrying(
        self, operation: str, *, sleep: Callable[[float], None] | None = None
    ) -> tenacity.Retrying:
        """A tenacity ``Retrying`` loop for one call of ``operation``."""
        import tenacity

        stop: tenacity.stop.stop_base = tenacity.stop_after_attempt(self.max_attempts)
        if self.deadline is not None:
            stop = stop | tenacity.stop_before_delay(self.deadline)
        return tenacity.Retrying(
            sleep=sleep if sleep is not None else tenacity.nap.sleep,
            stop=stop,
            wait=tenacity.wait_random_exponential(multiplier=self.initial_wait, max=self.max_wait),
            retry=tenacity.retry_if_exception(lambda exc: self.should_retry(operation, exc)),
            reraise=True,
            before_sleep=_log_retry(operation),
        )


def _log_retry(operation: str) -> Callable[[tenacity.RetryCallState], None]:
    def log(state: tenacity.RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        code = getattr(exc, "code", type(exc).__name__)
        wait = state.next_action.sleep if state.next_action else 0.0
        _log.debug(
            "%s failed with %s (attempt %d); retrying in %.2fs",
            operation,
            code,
            state.attempt_number,
            wait,
        )

    return log
