"""Bulk ingestion: ``domain.objects.put_batch`` and ``domain.objects.put_many``.

``BatchPutProfileObject`` takes up to 10 objects of one type and answers one
``Successful`` or ``Failed`` entry per item. :func:`put_batch` is one such call;
:func:`put_many` streams any iterable through it:

* the input is read lazily, one batch at a time, and at most ``2 x concurrency``
  batches are in flight, so memory is O(concurrency x batch + failures);
* a pool of ``concurrency`` threads sends the batches; a client-side token bucket keeps
  the calls at ``rate`` per second and adapts to throttling (multiplicative decrease on
  every throttled answer, additive increase on every accepted one, never above ``rate``);
* throttled (429) and 5xx answers, of the whole call or of single items, are sent again
  with back-off by the client's :class:`~.retry.RetryPolicy` (one policy, one loop: the
  attempts of a batch are the policy's attempts, each one a single request). Repeating
  is safe: an object replaces the stored object with the same ``UNIQUE`` key value, so a
  batch committed and then answered 500 is not stored twice;
* items refused by the service (4xx per item) and bad input (not JSON, not a JSON
  object, over 250 KB) are reported with their position in the input, never retried,
  and bad input never reaches the wire;
* the result says how many objects were stored, which ones failed, and the first input
  position not yet acknowledged (``resume_from``): pass it as ``start=`` to go on.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING, Any

import attrs

from . import _service
from .errors import (
    CustomerProfilesError,
    InternalServerError,
    ServiceConnectionError,
    ServiceError,
    ThrottlingError,
    ValidationError,
)
from .retry import RetryPolicy

if TYPE_CHECKING:
    from ._transport import Transport

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_RATE",
    "MAX_OBJECT_BYTES",
    "BatchResult",
    "BulkLoadError",
    "BulkProgress",
    "BulkResult",
    "FailedObject",
    "StoredObject",
]

_log = logging.getLogger("customer_profiles_sdk")

OPERATION = "BatchPutProfileObject"
#: Most objects per ``BatchPutProfileObject`` call (the model's ``Items`` maximum).
BATCH_SIZE = 10
#: Largest object the service accepts: 250 KB of UTF-8 (and 256,000 characters).
MAX_OBJECT_BYTES = 256_000
#: Calls per second when ``rate`` is not given. AWS publishes no quota for
#: ``BatchPutProfileObject``; 100 is the quota of its single-object sibling
#: ``PutProfileObject`` and what the embedded emulator applies. Pass your account's real
#: quota (Service Quotas console) as ``rate=``.
DEFAULT_RATE = 100.0
#: Multiplicative decrease of the call rate on a throttled answer.
_DECREASE = 0.9
#: Additive increase per accepted call, as a share of the configured rate.
_INCREASE = 0.1


def _masked(_: Any) -> str:
    return "<personal data>"


@attrs.frozen(kw_only=True)
class StoredObject:
    """An object the service stored.

    Attributes:
        index: its position in the input (in the call's list for ``put_batch``).
        unique_key: its ``ProfileObjectUniqueKey``.
    """

    index: int
    unique_key: str


@attrs.frozen(kw_only=True)
class FailedObject:
    """An object that was not stored.

    Attributes:
        index: its position in the input (in the call's list for ``put_batch``).
        code: the HTTP status of the refusal (``400`` for bad input refused before
            sending; ``429`` or 5xx when the retries ran out).
        message: why (for people; do not parse it).
        object: the object as it was given (masked in ``repr``: personal data).
    """

    index: int
    code: int
    message: str
    object: Any = attrs.field(repr=_masked, eq=False)

    @property
    def retryable(self) -> bool:
        """Whether sending it again later may succeed (throttled or a 5xx)."""
        return self.code == 429 or self.code >= 500


@attrs.frozen(kw_only=True)
class BatchResult:
    """The outcome of one ``BatchPutProfileObject`` call (:meth:`Objects.put_batch`).

    Attributes:
        stored: the stored objects, in request order.
        failed: the refused objects, in request order (bad input included).
    """

    stored: list[StoredObject]
    failed: list[FailedObject]


@attrs.frozen(kw_only=True)
class BulkProgress:
    """A snapshot of a running :meth:`Objects.put_many` (given to ``on_progress``).

    Attributes:
        read: input items read so far.
        stored: objects stored so far.
        failed: objects refused so far.
        resume_from: the first input position not yet acknowledged.
        rate: the current call rate of the token bucket (calls per second).
    """

    read: int
    stored: int
    failed: int
    resume_from: int
    rate: float


@attrs.frozen(kw_only=True)
class BulkResult:
    """The outcome of :meth:`Objects.put_many`.

    Attributes:
        stored: how many objects were stored.
        failed: one entry per object not stored, ordered by input position.
        resume_from: the first input position not yet acknowledged (stored or reported
            failed); every earlier position is. After a complete run it is the input's
            length. Pass it as ``start=`` to resume an interrupted run.
        read: how many input items were read (from ``start``).
        calls: ``BatchPutProfileObject`` requests sent, retries included.
        throttled: throttled answers received (whole calls and items).
        elapsed: seconds the run took.
    """

    stored: int
    failed: list[FailedObject]
    resume_from: int
    read: int
    calls: int
    throttled: int
    elapsed: float

    @property
    def complete(self) -> bool:
        """Whether every object read was stored."""
        return not self.failed


class BulkLoadError(CustomerProfilesError):
    """:meth:`Objects.put_many` stopped before the end of its input.

    Raised for a refusal of the whole call that retrying cannot fix (the domain or the
    object type does not exist, access denied) and when the run is interrupted
    (``KeyboardInterrupt``). The cause is chained (``__cause__``).

    Attributes:
        result: what was done until then; ``result.resume_from`` is where to go on.
    """

    def __init__(self, message: str, result: BulkResult) -> None:
        super().__init__(message)
        self.result = result


# --------------------------------------------------------------------------- input


def encode(data: Any) -> tuple[str | None, str]:
    """``(json, "")`` for a valid object, ``(None, why)`` for bad input (never sent)."""
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            return None, "not UTF-8 text"
    if isinstance(data, str):
        try:
            doc = json.loads(data)
        except ValueError:
            return None, "not valid JSON"
        if not isinstance(doc, dict):
            return None, "not a JSON object"
        text = data
    elif isinstance(data, Mapping):
        from .resources.objects import _to_json  # the one encoding of objects.put

        try:
            text = _to_json(data)
        except (TypeError, ValueError) as exc:
            return None, f"not representable in JSON ({exc})"
    else:
        return None, f"not a JSON object (got {type(data).__name__})"
    if len(text) > MAX_OBJECT_BYTES or len(text.encode("utf-8")) > MAX_OBJECT_BYTES:
        return None, "larger than 250 KB"
    return text, ""


def _bad_input(index: int, why: str, data: Any) -> FailedObject:
    return FailedObject(index=index, code=400, message=f"Object is {why} (not sent)", object=data)


# --------------------------------------------------------------------------- one call


def put_batch(
    transport: Transport, domain: str, object_type_name: str, objects: Sequence[Any]
) -> BatchResult:
    """One ``BatchPutProfileObject`` call (see :meth:`Objects.put_batch`)."""
    if not 1 <= len(objects) <= BATCH_SIZE:
        raise ValidationError(
            OPERATION,
            [_service.Violation("objects", f"1 to {BATCH_SIZE} items", f"got {len(objects)}")],
        )
    failed: list[FailedObject] = []
    items: list[dict[str, str]] = []
    for index, data in enumerate(objects):
        text, why = encode(data)
        if text is None:
            failed.append(_bad_input(index, why, data))
        else:
            items.append({"Id": str(index), "Object": text})
    if not items:
        return BatchResult(stored=[], failed=failed)
    response = transport.call(
        OPERATION, {"DomainName": domain, "ObjectTypeName": object_type_name, "Items": items}
    )
    stored = [
        StoredObject(index=int(s["Id"]), unique_key=str(s["ProfileObjectUniqueKey"]))
        for s in response.get("Successful") or []
    ]
    for entry in response.get("Failed") or []:
        index = int(entry["Id"])
        failed.append(
            FailedObject(
                index=index,
                code=int(entry["Code"]),
                message=str(entry.get("Message") or ""),
                object=objects[index],
            )
        )
    failed.sort(key=lambda f: f.index)
    return BatchResult(stored=stored, failed=failed)


# --------------------------------------------------------------------------- rate


class TokenBucket:
    """Calls per second with additive increase / multiplicative decrease (thread-safe).

    Args:
        rate: the highest rate, in calls per second.
        clock: monotonic seconds (tests pass a fake).
        sleep: how to wait (tests pass a fake).
    """

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be > 0")
        self.max_rate = float(rate)
        self.rate = float(rate)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tokens = 1.0
        self._last = clock()

    def acquire(self) -> None:
        """Wait for a token and take it."""
        while True:
            with self._lock:
                now = self._clock()
                capacity = max(1.0, self.rate / 10)  # a burst of at most 100 ms of calls
                self._tokens = min(capacity, self._tokens + (now - self._last) * self.rate)
                self._last = now
                if self._tokens >= 1.0 - 1e-9:  # rounding must not wait forever
                    self._tokens = max(0.0, self._tokens - 1.0)
                    return
                wait_for = max((1.0 - self._tokens) / self.rate, 1e-4)
            self._sleep(wait_for)

    def throttled(self) -> None:
        """A call was throttled: it used no quota (token back), and slow down."""
        with self._lock:
            self._tokens = min(max(1.0, self.rate / 10), self._tokens + 1.0)
            self.rate = max(self.max_rate / 100, self.rate * _DECREASE)

    def accepted(self) -> None:
        """A call was accepted: speed up, up to the configured rate."""
        with self._lock:
            self.rate = min(self.max_rate, self.rate + self.max_rate * _INCREASE)


# --------------------------------------------------------------------------- many


class _ItemsThrottledError(ThrottlingError):
    """Items of an answered batch were throttled: the policy retries them."""


class _ItemsFailedError(InternalServerError):
    """Items of an answered batch got a 5xx: the policy retries them."""


def _single_attempt(transport: Transport) -> Transport:
    """A transport on the same client whose calls are tried once: the attempts of a
    batch are the retry policy's, in :meth:`_Loader.send` (no stacked loops)."""
    from ._transport import Transport

    return Transport(
        transport.client,
        RetryPolicy.none(),
        waiter=transport.waiter,
        upload_hook=transport.upload_hook,
    )


#: One input item ready to send: (position, the object as given, its JSON).
_Item = tuple[int, Any, str]


class _Loader:
    """Sends batches of :func:`put_many`, each with the client's retry policy."""

    def __init__(
        self,
        transport: Transport,
        domain: str,
        object_type_name: str,
        bucket: TokenBucket,
        sleep: Callable[[float], None] | None,
    ) -> None:
        self._once = _single_attempt(transport)
        self._policy = transport.retry_policy
        self._domain = domain
        self._type = object_type_name
        self._bucket = bucket
        self._sleep = sleep
        self._lock = threading.Lock()
        self.calls = 0
        self.throttled = 0

    def send(self, batch: list[_Item]) -> tuple[int, list[FailedObject]]:
        """Send one batch until every item is acknowledged: (stored count, failures).

        Raises:
            ServiceError: a refusal of the whole call that retrying cannot fix.
        """
        pending = {str(index): item for item in batch for index in (item[0],)}
        stored: list[int] = []
        failed: list[FailedObject] = []
        last: dict[str, tuple[int, str]] = {}
        try:
            for attempt in self._policy.retrying(OPERATION, sleep=self._sleep):
                with attempt:
                    self._attempt(pending, stored, failed, last)
        except (_ItemsThrottledError, _ItemsFailedError):
            pass  # the attempts ran out: the items still pending are reported below
        except (ThrottlingError, InternalServerError, ServiceConnectionError) as exc:
            code = 429 if isinstance(exc, ThrottlingError) else 500
            if isinstance(exc, ServiceError) and exc.status_code:
                code = exc.status_code
            reason = exc.code if isinstance(exc, ServiceError) else type(exc).__name__
            for item_id in pending:
                last[item_id] = (code, f"{reason} (retries exhausted)")
        for item_id, (index, data, _) in pending.items():
            code, message = last[item_id]
            failed.append(FailedObject(index=index, code=code, message=message, object=data))
        return len(stored), failed

    def _attempt(
        self,
        pending: dict[str, _Item],
        stored: list[int],
        failed: list[FailedObject],
        last: dict[str, tuple[int, str]],
    ) -> None:
        """One request of the batch; acknowledged items leave ``pending``."""
        self._bucket.acquire()
        with self._lock:
            self.calls += 1
        items = [{"Id": item_id, "Object": text} for item_id, (_, _, text) in pending.items()]
        try:
            response = self._once.call(
                OPERATION,
                {"DomainName": self._domain, "ObjectTypeName": self._type, "Items": items},
            )
        except ThrottlingError:
            self._throttled()
            raise
        for entry in response.get("Successful") or []:
            stored.append(pending.pop(str(entry["Id"]))[0])
        throttled = False
        for entry in response.get("Failed") or []:
            item_id = str(entry["Id"])
            code = int(entry["Code"])
            message = str(entry.get("Message") or "")
            if code == 429 or code >= 500:  # worth another attempt
                throttled = throttled or code == 429
                last[item_id] = (code, message)
                continue
            index, data, _ = pending.pop(item_id)  # refused: reported, not retried
            failed.append(FailedObject(index=index, code=code, message=message, object=data))
        if throttled:
            self._throttled()
        else:
            self._bucket.accepted()
        if pending:
            error = _ItemsThrottledError if throttled else _ItemsFailedError
            raise error(f"{len(pending)} items to send again", operation=OPERATION)

    def _throttled(self) -> None:
        self._bucket.throttled()
        with self._lock:
            self.throttled += 1


def _batches(
    objects: Iterable[Any], start: int
) -> Iterator[tuple[int, int, list[_Item], list[FailedObject]]]:
    """(first position, end position, items to send, bad input) per batch of 10."""
    items: list[_Item] = []
    bad: list[FailedObject] = []
    first = start
    index = start - 1
    for index, data in enumerate(objects):
        if index < start:
            continue
        text, why = encode(data)
        if text is None:
            bad.append(_bad_input(index, why, data))
        else:
            items.append((index, data, text))
        if len(items) == BATCH_SIZE:
            yield first, index + 1, items, bad
            items, bad, first = [], [], index + 1
    if items or bad:
        yield first, index + 1, items, bad


def put_many(
    transport: Transport,
    domain: str,
    object_type_name: str,
    objects: Iterable[Any],
    *,
    concurrency: int = 4,
    rate: float | None = None,
    progress: bool = False,
    on_progress: Callable[[BulkProgress], None] | None = None,
    start: int = 0,
    sleep: Callable[[float], None] | None = None,
) -> BulkResult:
    """Load any number of objects (see :meth:`Objects.put_many`)."""
    arguments = [
        _service.Violation(name, constraint, f"got {value}")
        for name, value, ok, constraint in (
            ("concurrency", concurrency, concurrency >= 1, ">= 1"),
            ("start", start, start >= 0, ">= 0"),
            ("rate", rate, rate is None or rate > 0, "> 0"),
        )
        if not ok
    ]
    if arguments:
        raise ValidationError(OPERATION, arguments)
    probe = {"DomainName": domain, "ObjectTypeName": object_type_name}
    violations = _service.check_request(
        OPERATION, {**probe, "Items": [{"Id": "0", "Object": "{}"}]}
    )
    if violations:
        raise ValidationError(OPERATION, violations)
    bucket = TokenBucket(rate if rate is not None else DEFAULT_RATE)
    loader = _Loader(transport, domain, object_type_name, bucket, sleep)
    total = len(objects) - start if isinstance(objects, Sequence) else None
    bar = _progress_bar(total) if progress else None

    began = time.monotonic()
    failed: list[FailedObject] = []
    stored = 0
    read = 0
    resume_from = start
    done: dict[int, int] = {}  # acknowledged ranges not yet joined: first -> end
    stopping: list[BaseException] = []
    inflight: dict[Future[tuple[int, list[FailedObject]]], tuple[int, int, int]] = {}

    def result() -> BulkResult:
        return BulkResult(
            stored=stored,
            failed=sorted(failed, key=lambda f: f.index),
            resume_from=resume_from,
            read=read,
            calls=loader.calls,
            throttled=loader.throttled,
            elapsed=time.monotonic() - began,
        )

    def acknowledge(first: int, end: int, count: int) -> None:
        nonlocal resume_from
        done[first] = end
        while resume_from in done:
            resume_from = done.pop(resume_from)
        if bar is not None:
            bar.update(count)
            bar.set_postfix(failed=len(failed), refresh=False)
        if on_progress is not None and not stopping:
            on_progress(
                BulkProgress(
                    read=read,
                    stored=stored,
                    failed=len(failed),
                    resume_from=resume_from,
                    rate=bucket.rate,
                )
            )

    def collect(finished: Iterable[Future[tuple[int, list[FailedObject]]]]) -> None:
        nonlocal stored
        for future in finished:
            first, end, count = inflight.pop(future)
            ok, refused = future.result()  # raises a fatal error of the batch
            stored += ok
            failed.extend(refused)
            acknowledge(first, end, count)

    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="put_many")
    try:
        try:
            for first, end, items, bad in _batches(objects, start):
                read += end - first
                failed.extend(bad)
                if not items:
                    acknowledge(first, end, end - first)
                    continue
                inflight[pool.submit(loader.send, items)] = (first, end, end - first)
                while len(inflight) >= 2 * concurrency:
                    finished, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                    collect(finished)
            while inflight:
                finished, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                collect(finished)
        except (ServiceError, KeyboardInterrupt) as exc:
            stopping.append(exc)  # no more callbacks: collect what is in flight
            for future in inflight:
                future.cancel()
            for future in list(inflight):
                if future.cancelled():
                    inflight.pop(future)
            try:
                wait(list(inflight))
                collect([f for f in inflight if f.exception() is None])
            finally:
                inflight.clear()
            reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc)
            raise BulkLoadError(
                f"put_many stopped at position {resume_from}: {reason}", result()
            ) from exc
    finally:
        pool.shutdown(wait=True)
        if bar is not None:
            bar.close()
    _log.debug("put_many: %d stored, %d failed, %d calls", stored, len(failed), loader.calls)
    return result()


def _progress_bar(total: int | None) -> Any:
    from tqdm.auto import tqdm  # notebook widget in Jupyter, text bar elsewhere

    return tqdm(total=total, unit="obj", desc="put_many", dynamic_ncols=True)
