"""Fault injection and throttling for the emulator.

Reach them through a backend: ``backend.faults`` (:class:`Faults`) and
``backend.throttling(...)`` (:class:`Throttle`). They exist so that retry logic, bulk
loaders and error handling can be tested without a real service:

>>> from customer_profiles_sdk.local import LocalBackend
>>> backend = LocalBackend()
>>> backend.faults.fail_next("CreateDomain", code="ThrottlingException")
>>> backend.faults.fail_after_commit("CreateProfile")  # state changes, then a 500
>>> backend.faults.latency(0.05)  # every call sleeps 50 ms (real time)
>>> backend.faults.fail_items("BatchPutProfileObject", ids=["i2"], code=429)  # one item
>>> backend.faults.fail_fraction("BatchPutProfileObject", 0.2, seed=7)  # 20 % of calls
>>> backend.faults.clear()

``AccessDeniedException`` and ``InternalServerException`` are produced only through
fault injection. [A] (spec 2.5)
"""

from __future__ import annotations

import random
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from ._clock import Clock
from ._errors import STATUS_BY_CODE, ServiceFault
from ._model import is_model_operation

#: Default API throttling limits in transactions per second, account-level per region
#: (spec 14.2, from the Amazon Connect Administrator Guide).
DOCUMENTED_TPS: dict[str, float] = {
    "ListDomains": 5,
    "GetDomain": 5,
    "CreateDomain": 1,
    "UpdateDomain": 1,
    "DeleteDomain": 1,
    "ListProfileObjectTypes": 5,
    "GetProfileObjectType": 10,
    "PutProfileObjectType": 1,
    "DeleteProfileObjectType": 1,
    "ListProfileObjectTypeTemplates": 5,
    "GetProfileObjectTypeTemplate": 5,
    "ListIntegrations": 5,
    "GetIntegration": 5,
    "PutIntegration": 1,
    "DeleteIntegration": 1,
    "CreateCalculatedAttributeDefinition": 1,
    "GetCalculatedAttributeDefinition": 5,
    "UpdateCalculatedAttributeDefinition": 1,
    "DeleteCalculatedAttributeDefinition": 5,
    "ListCalculatedAttributeDefinitions": 5,
    "SearchProfiles": 100,
    "ListProfileObjects": 100,
    "GetMatches": 100,
    "GetCalculatedAttributeForProfile": 100,
    "ListCalculatedAttributesForProfile": 100,
    "CreateProfile": 100,
    "UpdateProfile": 100,
    "PutProfileObject": 100,
    "AddProfileKey": 100,
    "DeleteProfile": 100,
    "DeleteProfileObject": 100,
    "DeleteProfileKey": 100,
    "MergeProfiles": 100,
    "TagResource": 5,
    "UntagResource": 5,
    "ListTagsForResource": 5,
    "ListAccountIntegrations": 100,
    # No published default for the batch reads: 100. [A] (spec 14.2)
    "BatchGetProfile": 100,
    "BatchGetCalculatedAttributeForProfile": 100,
    # Bulk ingestion: unpublished, the fallback rate; one token per request, its own
    # bucket (not PutProfileObject's). [A] (spec/ingestion-streams-triggers.md 2.2, A101)
    "BatchPutProfileObject": 100,
    # Event streams (spec/ingestion-streams-triggers.md 1.3, D101).
    "CreateEventStream": 1,
    "GetEventStream": 5,
    "ListEventStreams": 5,
    "DeleteEventStream": 5,
    # Upload jobs: unpublished, 5. [A] (spec identity-history-jobs 1.6)
    "CreateUploadJob": 5,
    "GetUploadJob": 5,
    "GetUploadJobPath": 5,
    "StartUploadJob": 5,
    "StopUploadJob": 5,
    "ListUploadJobs": 5,
    # Integration workflows: 5 each (published; spec identity-history-jobs 1.6).
    "CreateIntegrationWorkflow": 5,
    "GetWorkflow": 5,
    "GetWorkflowSteps": 5,
    "ListWorkflows": 5,
    "DeleteWorkflow": 5,
    # Recommenders, filters and schemas: unpublished, 5; the per-profile recommendation
    # reads: 100. [A] (spec identity-history-jobs 1.6)
    "ListRecommenderRecipes": 5,
    "CreateRecommender": 5,
    "GetRecommender": 5,
    "ListRecommenders": 5,
    "UpdateRecommender": 5,
    "DeleteRecommender": 5,
    "StartRecommender": 5,
    "StopRecommender": 5,
    "CreateRecommenderFilter": 5,
    "GetRecommenderFilter": 5,
    "ListRecommenderFilters": 5,
    "DeleteRecommenderFilter": 5,
    "CreateRecommenderSchema": 5,
    "GetRecommenderSchema": 5,
    "ListRecommenderSchemas": 5,
    "DeleteRecommenderSchema": 5,
    "GetProfileRecommendations": 100,
    "SearchRecommendations": 100,
}

#: Rate for an operation missing from :data:`DOCUMENTED_TPS`. [A]
FALLBACK_TPS = 100.0

_DEFAULT_MESSAGES = {
    "ThrottlingException": "Rate exceeded",
    "InternalServerException": "An internal error occurred (injected by the emulator)",
    "AccessDeniedException": "You do not have sufficient access (injected by the emulator)",
    "BadRequestException": "Bad request (injected by the emulator)",
    "ResourceNotFoundException": "The resource does not exist (injected by the emulator)",
}


@dataclass
class _Injected:
    remaining: int
    code: str
    message: str


@dataclass
class _ItemFault:
    """A ``fail_items`` injection: the ids it still fails, or how many items."""

    ids: set[str] | None
    remaining: int
    code: int
    message: str


@dataclass
class _Fraction:
    """A ``fail_fraction`` injection: a share of the calls, drawn at random."""

    fraction: float
    code: str
    message: str
    rng: random.Random


#: Operations whose items ``fail_items`` can fail (spec ingestion-streams-triggers 2.4).
ITEM_OPERATIONS = frozenset({"BatchPutProfileObject"})


def _check_operation(operation: str) -> None:
    if not is_model_operation(operation):
        raise ValueError(f"{operation!r} is not an operation of the Customer Profiles API")


def _check_code(code: str) -> None:
    if code not in STATUS_BY_CODE:
        raise ValueError(f"code must be one of {', '.join(STATUS_BY_CODE)}; got {code!r}")


class Faults:
    """Injected errors and latency, per operation.

    Thread-safe. Injections are consumed in the order they were added.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._before: dict[str, deque[_Injected]] = {}
        self._after: dict[str, deque[_Injected]] = {}
        self._latency: dict[str | None, float] = {}
        self._items: dict[str, deque[_ItemFault]] = {}
        self._fractions: dict[tuple[str, bool], list[_Fraction]] = {}

    def fail_next(
        self,
        operation: str,
        *,
        times: int = 1,
        code: str = "ThrottlingException",
        message: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``operation`` fail before the handler runs.

        Nothing changes in the emulator's state for those calls.

        Args:
            operation: the API operation, e.g. ``"CreateProfile"``.
            times: how many calls fail.
            code: one of the five modeled error codes.
            message: the error ``Message`` (a default text otherwise).

        Raises:
            ValueError: for an unknown operation or error code, or ``times < 1``.
        """
        self._add(self._before, operation, times, code, message)

    def fail_after_commit(
        self,
        operation: str,
        *,
        times: int = 1,
        code: str = "InternalServerException",
        message: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``operation`` change state, then fail.

        The handler runs and its change is kept, but the caller gets the error. This is
        the case where a client must not blindly repeat a non-idempotent call (a
        repeated ``CreateProfile`` makes a second profile).

        Args:
            operation: the API operation, e.g. ``"CreateProfile"``.
            times: how many calls fail.
            code: one of the five modeled error codes.
            message: the error ``Message`` (a default text otherwise).

        Raises:
            ValueError: for an unknown operation or error code, or ``times < 1``.
        """
        self._add(self._after, operation, times, code, message)

    def fail_items(
        self,
        operation: str = "BatchPutProfileObject",
        *,
        ids: list[str] | None = None,
        count: int | None = None,
        code: int = 429,
        message: str | None = None,
    ) -> None:
        """Fail single items of a batch operation (``Failed`` entries, not the call).

        Consumed per item in processing order: with ``ids``, the next item carrying each
        id fails once; with ``count``, the next ``count`` items fail. A failed item is
        not ingested, so resending just that item stores it exactly once. [A] (spec
        ingestion-streams-triggers 2.4)

        Args:
            operation: the batch operation (``"BatchPutProfileObject"``).
            ids: the item ``Id`` values to fail.
            count: how many items to fail (instead of ``ids``).
            code: the item's ``Code``, an HTTP status 400-599 (429: throttled).
            message: the item's ``Message`` (a default text otherwise).

        Raises:
            ValueError: for an operation without items, neither or both of ``ids`` and
                ``count``, ``count < 1`` or a code outside 400-599.
        """
        if operation not in ITEM_OPERATIONS:
            raise ValueError(f"{operation!r} has no items; use one of {sorted(ITEM_OPERATIONS)}")
        if (ids is None) == (count is None):
            raise ValueError("give exactly one of ids and count")
        if count is not None and count < 1:
            raise ValueError("count must be >= 1")
        if not 400 <= code <= 599:
            raise ValueError(f"code must be an HTTP error status (400-599); got {code}")
        text = (
            message
            if message is not None
            else f"Item failed with {code} (injected by the emulator)"
        )
        fault = _ItemFault(
            set(ids) if ids is not None else None,
            len(ids) if ids is not None else int(count or 0),
            code,
            text,
        )
        with self._lock:
            self._items.setdefault(operation, deque()).append(fault)

    def fail_fraction(
        self,
        operation: str,
        fraction: float,
        *,
        code: str = "ThrottlingException",
        after_commit: bool = False,
        message: str | None = None,
        seed: int | None = None,
    ) -> None:
        """Fail a random share of the calls of ``operation``, until :meth:`clear`.

        Each call is drawn independently (after the queued ``fail_next`` /
        ``fail_after_commit`` injections, which come first). With ``after_commit`` the
        handler runs and its change is kept before the error is answered, as with
        :meth:`fail_after_commit`. Used to test bulk loaders against a flaky service.

        Args:
            operation: the API operation, e.g. ``"BatchPutProfileObject"``.
            fraction: the probability (0-1) that a call fails.
            code: one of the five modeled error codes.
            after_commit: fail after the handler ran (state changed) instead of before.
            message: the error ``Message`` (a default text otherwise).
            seed: seed of this injection's random draws (reproducible runs).

        Raises:
            ValueError: for an unknown operation or error code, or a fraction outside
                0-1.
        """
        _check_operation(operation)
        _check_code(code)
        if not 0.0 <= fraction <= 1.0:
            raise ValueError("fraction must be between 0 and 1")
        text = message if message is not None else _DEFAULT_MESSAGES[code]
        with self._lock:
            self._fractions.setdefault((operation, after_commit), []).append(
                _Fraction(fraction, code, text, random.Random(seed))
            )

    def latency(self, seconds: float, operation: str | None = None) -> None:
        """Delay calls (real time, outside the emulator's lock) by ``seconds``.

        Args:
            seconds: the delay; ``0`` removes it.
            operation: only this operation; every operation when ``None``. A
                per-operation delay replaces the global one for that operation.

        Raises:
            ValueError: for a negative delay or an unknown operation.
        """
        if seconds < 0:
            raise ValueError("seconds must be >= 0")
        if operation is not None:
            _check_operation(operation)
        with self._lock:
            if seconds:
                self._latency[operation] = float(seconds)
            else:
                self._latency.pop(operation, None)

    def clear(self) -> None:
        """Remove every injected error and delay."""
        with self._lock:
            self._before.clear()
            self._after.clear()
            self._latency.clear()
            self._items.clear()
            self._fractions.clear()

    # ----------------------------------------------------------------- used by dispatch

    def delay_for(self, operation: str) -> float:
        """The delay to apply to a call of ``operation`` (seconds)."""
        if not self._latency:  # nothing configured: no lock (see take_before)
            return 0.0
        with self._lock:
            return self._latency.get(operation, self._latency.get(None, 0.0))

    def take_before(self, operation: str) -> ServiceFault | None:
        """Consume one ``fail_next`` injection for ``operation``, if any (else draw the
        ``fail_fraction`` ones)."""
        if not self._before and not self._fractions:
            # Nothing injected (the common case) answers without the lock; an injection
            # racing with this call is as if it had been made just after it.
            return None
        return self._take(self._before, operation) or self._draw(operation, False)

    def take_after(self, operation: str) -> ServiceFault | None:
        """Consume one ``fail_after_commit`` injection for ``operation``, if any (else
        draw the ``fail_fraction(after_commit=True)`` ones)."""
        if not self._after and not self._fractions:  # as in take_before
            return None
        return self._take(self._after, operation) or self._draw(operation, True)

    def take_item(self, operation: str, item_id: str) -> tuple[int, str] | None:
        """Consume one ``fail_items`` injection matching item ``item_id``: its (code,
        message), or ``None`` when the item is not failed."""
        with self._lock:
            queue = self._items.get(operation)
            if not queue:
                return None
            for fault in queue:
                if fault.ids is None or item_id in fault.ids:
                    if fault.ids is not None:
                        fault.ids.discard(item_id)
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        queue.remove(fault)
                    return fault.code, fault.message
            return None

    def _draw(self, operation: str, after: bool) -> ServiceFault | None:
        with self._lock:
            for fraction in self._fractions.get((operation, after), ()):
                if fraction.rng.random() < fraction.fraction:
                    return ServiceFault(fraction.code, fraction.message)
            return None

    def _add(
        self,
        table: dict[str, deque[_Injected]],
        operation: str,
        times: int,
        code: str,
        message: str | None,
    ) -> None:
        _check_operation(operation)
        _check_code(code)
        if times < 1:
            raise ValueError("times must be >= 1")
        text = message if message is not None else _DEFAULT_MESSAGES[code]
        with self._lock:
            table.setdefault(operation, deque()).append(_Injected(times, code, text))

    def _take(self, table: dict[str, deque[_Injected]], operation: str) -> ServiceFault | None:
        with self._lock:
            queue = table.get(operation)
            if not queue:
                return None
            head = queue[0]
            head.remaining -= 1
            if head.remaining <= 0:
                queue.popleft()
            return ServiceFault(head.code, head.message)


class Throttle:
    """Token buckets per (region, operation) on the emulator's clock.

    Rate = the documented TPS (:data:`DOCUMENTED_TPS`), capacity = one second's worth
    of calls (bursts are not published). [A] (spec 2.5, 14.2) Off by default.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.enabled = False
        self._rates: dict[str, float] = {}
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}

    def configure(self, enabled: bool, rates: Mapping[str, float] | None) -> None:
        """Switch throttling on or off; ``rates`` overrides TPS per operation."""
        for operation, rate in (rates or {}).items():
            _check_operation(operation)
            if rate <= 0:
                raise ValueError(f"rate for {operation} must be > 0")
        with self._lock:
            self.enabled = enabled
            self._rates = dict(rates or {})
            self._buckets.clear()

    def rate(self, operation: str) -> float:
        """The TPS applied to ``operation``."""
        return self._rates.get(operation, DOCUMENTED_TPS.get(operation, FALLBACK_TPS))

    def admit(self, region: str, operation: str) -> bool:
        """Take a token for a call; ``False`` when the bucket is empty (throttled)."""
        if not self.enabled:
            return True
        now = self._clock.now()
        rate = self.rate(operation)
        capacity = max(rate, 1.0)
        with self._lock:
            tokens, last = self._buckets.get((region, operation), (capacity, now))
            tokens = min(capacity, tokens + max(0.0, now - last) * rate)
            if tokens < 1.0:
                self._buckets[(region, operation)] = (tokens, now)
                return False
            self._buckets[(region, operation)] = (tokens - 1.0, now)
            return True

    def refund(self, region: str, operation: str) -> None:
        """Give back the token of an admitted call that was answered ThrottlingException
        by an injected fault: a throttled call does not use the quota. [A]"""
        if not self.enabled:
            return
        capacity = max(self.rate(operation), 1.0)
        with self._lock:
            state = self._buckets.get((region, operation))
            if state is not None:
                tokens, last = state
                self._buckets[(region, operation)] = (min(capacity, tokens + 1.0), last)
