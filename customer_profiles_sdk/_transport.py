"""The single place where an API call happens.

``Transport.call`` does, in order: drop ``None`` members (botocore rejects
``NextToken=None``), validate the request against the service model (raising
:class:`~.errors.ValidationError` before anything is sent), call the boto3 client,
retry per the :class:`~.retry.RetryPolicy`, map botocore errors to the SDK's
exceptions, and strip ``ResponseMetadata`` from the result.

Logs go to the ``customer_profiles_sdk`` logger: the operation, the attempt and the
request id, never a request or response value (most Profile members are personal data).
"""

from __future__ import annotations

import contextvars
import logging
import sys
import time
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any

import botocore.exceptions

from . import _decode, _service
from .errors import (
    ConnectionError,
    CustomerProfilesError,
    InternalServerError,
    ValidationError,
    service_error_from,
)
from .retry import RetryPolicy

if TYPE_CHECKING:
    import tenacity

    from . import _upload
    from ._polling import Waiter

_log = logging.getLogger("customer_profiles_sdk")

_CONNECTION_ERRORS = (botocore.exceptions.ConnectionError, botocore.exceptions.HTTPClientError)


# --------------------------------------------------------------------------- retry gate
#
# botocore retries by itself: its retry handler answers the ``needs-retry.<service>``
# event of every attempt (registered by the client at creation, unique id
# ``retry-config-<service>``, in legacy, standard and adaptive modes alike). The endpoint
# takes the first answer that is not ``None``, and ``False`` means "do not retry". The
# gate below is registered FIRST on a client the SDK is given and answers ``False``
# while the SDK's own call is in flight (a context variable, so per thread and per
# task), ``None`` otherwise: the SDK's :class:`RetryPolicy` is then the only retry loop
# of the SDK's calls, and the user's direct calls on the same client keep botocore's
# retries. Clients the SDK builds have botocore's retries off anyway.

_SDK_CALL: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "customer_profiles_sdk_call", default=False
)
_GATE_ID = "customer-profiles-sdk-retry-gate"


def _retry_gate(**_: Any) -> bool | None:
    """``needs-retry`` handler: ``False`` (no botocore retry) during an SDK call."""
    return False if _SDK_CALL.get() else None


def install_retry_gate(client: Any) -> bool:
    """Put the retry gate on ``client``'s event system (once; idempotent).

    Returns:
        Whether the gate is on the client (``False`` for an object without a botocore
        event system, e.g. a test double: it has no botocore retries to gate either).
    """
    events = getattr(getattr(client, "meta", None), "events", None)
    service_model = getattr(getattr(client, "meta", None), "service_model", None)
    if events is None or service_model is None:
        return False
    service = service_model.service_id.hyphenize()
    events.register_first(f"needs-retry.{service}", _retry_gate, unique_id=_GATE_ID)
    return True


def _may_have_committed(error: BaseException) -> bool:
    """Whether a failed attempt may still have been applied by the service: a 5xx answer
    or a lost connection may come after the change was made; a 4xx never does."""
    return isinstance(error, (InternalServerError, ConnectionError))


def _send_gated(method: Callable[..., Any], request: Mapping[str, Any]) -> Any:
    """Call ``method`` with botocore's own retries gated off (see above)."""
    token = _SDK_CALL.set(True)
    try:
        return method(**request)
    finally:
        _SDK_CALL.reset(token)


# --------------------------------------------------------------------------- transport


class Transport:
    """Calls operations on a boto3 ``customer-profiles`` client.

    Args:
        client: the boto3 client (any object with the boto3 method names).
        retry: the retry policy.
        sleep: how to wait between attempts (tests pass a fake; default ``time.sleep``).
        waiter: the clock and sleep that ``.wait()`` on asynchronous jobs uses (default:
            real time; the embedded emulator passes its emulated clock).
        upload_hook: sends the PUT of an upload job's file in place of the network
            (default: none, the client's HTTP session sends it; the embedded emulator
            passes one that delivers the file in-process). See :meth:`put_file`.
    """

    def __init__(
        self,
        client: Any,
        retry: RetryPolicy,
        *,
        sleep: Callable[[float], None] | None = None,
        waiter: Waiter | None = None,
        upload_hook: _upload.UploadHook | None = None,
    ) -> None:
        self._client = client
        self._gated = False  # the retry gate goes on at the first send, not before
        self._retry = retry
        self._sleep = sleep
        self._waiter = waiter  # default: real time, built on first use (not at import)
        self._upload_hook = upload_hook
        self._loops: dict[str, tenacity.Retrying] = {}
        #: Whether the client's bodies are decoded by the SDK; known at the first send
        #: (nothing of the client is touched before a request is about to go out).
        self._decodes: bool | None = None

    @property
    def client(self) -> Any:
        """The boto3 client this transport calls."""
        return self._client

    @property
    def waiter(self) -> Waiter:
        """The clock and sleep of ``.wait()`` (see :mod:`customer_profiles_sdk._polling`)."""
        if self._waiter is None:
            from ._polling import Waiter

            self._waiter = Waiter.real()
        return self._waiter

    @property
    def upload_hook(self) -> _upload.UploadHook | None:
        """What sends upload files instead of the network, if anything (see :meth:`put_file`)."""
        return self._upload_hook

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy applied to every call."""
        return self._retry

    def call(
        self,
        operation: str,
        params: Mapping[str, Any] | None = None,
        *,
        checked: Collection[str] = (),
    ) -> dict[str, Any]:
        """Validate, send and retry one API call; return the response without metadata.

        Args:
            operation: the API operation, e.g. ``"SearchProfiles"``.
            params: the request in wire member names; ``None`` values are dropped.
            checked: top-level members the caller has already validated with
                ``_service.check_request`` (a paged request checks its fixed members
                once, then only the token and page size of each page).

        Returns:
            The response members (``ResponseMetadata`` removed).

        Raises:
            ValidationError: the request breaks the model; nothing was sent.
            ServiceError: the service answered an error (a subclass per error code).
            ConnectionError: the service could not be reached after all retries.
        """
        request = {k: v for k, v in (params or {}).items() if v is not None}
        violations = _service.check_request(operation, request, skip=checked)
        if violations:
            raise ValidationError(operation, violations)
        if not self._gated:
            install_retry_gate(self._client)
            self._gated = True
        method = getattr(self._client, _service.method_name(operation))
        # The first attempt runs outside tenacity's machinery (most calls succeed at
        # once); a failure worth retrying continues in the policy's loop as attempt 1.
        start = time.monotonic()
        try:
            return self._send(method, operation, request, 1)
        except BaseException as exc:
            if self._retry.max_attempts == 1 or not self._retry.should_retry(operation, exc):
                raise
            first = sys.exc_info()
        return self._retry_after_first(method, operation, request, start, first)

    def _retry_after_first(
        self,
        method: Callable[..., Any],
        operation: str,
        request: dict[str, Any],
        start: float,
        first: Any,
    ) -> dict[str, Any]:
        """Attempts 2 and later, in the policy's tenacity loop (built once per operation),
        as if tenacity had run the first one: same waits, logs, stop and deadline."""
        import tenacity

        loop = self._loops.get(operation)
        if loop is None:
            loop = self._loops[operation] = self._retry.retrying(operation, sleep=self._sleep)
        loop.begin()
        state = tenacity.RetryCallState(loop, fn=None, args=(), kwargs={})
        state.start_time = start
        state.set_exception(first)
        # Whether an earlier attempt may have been applied (a 5xx or a lost connection):
        # the error that ends the call then says so (``delete()`` counts a 404 as done).
        uncertain = _may_have_committed(first[1])
        while True:
            do = loop.iter(retry_state=state)
            if isinstance(do, tenacity.DoAttempt):
                try:
                    result = self._send(method, operation, request, state.attempt_number)
                except CustomerProfilesError as exc:
                    if uncertain:
                        exc.earlier_attempt_may_have_committed = True
                    uncertain = uncertain or _may_have_committed(exc)
                    state.set_exception(sys.exc_info())  # type: ignore[arg-type]
                except BaseException:
                    state.set_exception(sys.exc_info())  # type: ignore[arg-type]
                else:
                    state.set_result(result)
            elif isinstance(do, tenacity.DoSleep):
                state.prepare_for_next_attempt()
                loop.sleep(do)
            else:
                return do  # type: ignore[no-any-return]

    def _send(
        self, method: Callable[..., Any], operation: str, request: dict[str, Any], attempt: int
    ) -> dict[str, Any]:
        rejected = False
        _log.debug("%s: sending (attempt %d)", operation, attempt)
        if self._decodes is None:
            self._decodes = _attach_decoder(self._client)
        capture = _Capture(operation) if self._decodes else None
        token = _CAPTURE.set(capture)
        try:
            response: dict[str, Any] = _send_gated(method, request)
        except botocore.exceptions.ClientError as exc:
            error = service_error_from(dict(exc.response), operation)
            _log.info(
                "%s: %s (status %s, request id %s, attempt %d)",
                operation,
                error.code,
                error.status_code,
                error.request_id,
                attempt,
            )
            raise error from exc
        except botocore.exceptions.ParamValidationError:
            # The model check above catches all botocore checks; botocore's text may echo
            # values (personal data), so it is neither copied into the message nor kept
            # as the cause or context (raised below, outside this block).
            rejected = True
        except _CONNECTION_ERRORS as exc:
            _log.info(
                "%s: connection error %s (attempt %d)", operation, type(exc).__name__, attempt
            )
            raise ConnectionError(f"{operation}: {exc}") from exc
        except CustomerProfilesError:
            raise
        except botocore.exceptions.BotoCoreError as exc:
            # E.g. NoCredentialsError, NoRegionError: not retried, but still an SDK error.
            _log.info("%s: %s (attempt %d)", operation, type(exc).__name__, attempt)
            raise CustomerProfilesError(f"{operation}: {exc}") from exc
        finally:
            _CAPTURE.reset(token)
        if rejected:
            violation = _service.Violation("(request)", "botocore validation", "rejected")
            raise ValidationError(operation, [violation])
        meta = response.get("ResponseMetadata") or {}
        _log.debug("%s: ok (request id %s)", operation, meta.get("RequestId"))
        if capture is not None and capture.body is not None:
            return _decoded(operation, capture.body, response)
        return {k: v for k, v in response.items() if k != "ResponseMetadata"}

    def put_file(
        self, url: str, body: _upload.Body, headers: Mapping[str, str]
    ) -> _upload.UploadAnswer:
        """PUT a file to a pre-signed URL (an upload job's ``GetUploadJobPath``), retried.

        Sent through the upload hook when the transport has one, else through the boto3
        client's own HTTP session (its TLS, proxy, timeout and pool settings). Throttling,
        5xx answers and connection errors are retried by the retry policy (a PUT replaces
        the file: repeating it is safe); the file is sent again from its start.

        Returns:
            The successful answer (its ``ETag`` header names the stored file).

        Raises:
            ServiceError: the URL's host refused the file (S3's code, e.g.
                ``AccessDenied`` for an expired URL); see :func:`_upload.raise_for_status`.
            ConnectionError: the host could not be reached after all retries.
        """
        from . import _upload  # upload jobs only: loaded on first use

        operation = _upload.UPLOAD_OPERATION
        for attempt in self._retry.retrying(operation, sleep=self._sleep):
            with attempt:
                _log.debug(
                    "%s: sending (attempt %d)", operation, attempt.retry_state.attempt_number
                )
                if self._upload_hook is not None:
                    answer = self._upload_hook(url, body.read_all(), dict(headers))
                else:
                    answer = _upload.send(self._client, url, body, headers)
                _upload.raise_for_status(answer)
                return answer
        raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover


# --------------------------------------------------------------------------- own decoding
# For the SDK's calls to operations with a JSON body, the 2xx body is taken from botocore
# before its generic parser runs (the ``before-parse`` event of the client) and decoded
# by ``_decode`` (``json.loads``, timestamps as aware UTC datetimes). botocore still
# parses errors, headers and the response metadata (it parses an empty body instead).
# The handler acts only inside ``Transport._send`` (a context variable says which
# operation the SDK is sending), so a user's own calls on ``cp.client`` are untouched.


class _Capture:
    """The body the ``before-parse`` handler took for the call being sent."""

    __slots__ = ("body", "operation")

    def __init__(self, operation: str) -> None:
        self.operation = operation
        self.body: bytes | None = None


_CAPTURE: contextvars.ContextVar[_Capture | None] = contextvars.ContextVar(
    "customer_profiles_sdk_capture", default=None
)
_DECODER_ID = "customer-profiles-sdk-decode"


def _take_body(operation_model: Any, response_dict: dict[str, Any], **_: Any) -> None:
    capture = _CAPTURE.get()
    if capture is None or capture.operation != operation_model.name:
        return
    capture.body = None  # a previous attempt's body (botocore's own retries) is stale
    body = response_dict.get("body")
    if not 200 <= response_dict.get("status_code", 0) < 300 or not isinstance(body, bytes):
        return
    if _decode.body_decoder(capture.operation) is None:
        return
    capture.body = body
    response_dict["body"] = b""


def _attach_decoder(client: Any) -> bool:
    """Register the ``before-parse`` handler on ``client`` (once); ``False`` when the
    client has no botocore event system (a test double), which is then left alone."""
    events = getattr(getattr(client, "meta", None), "events", None)
    if events is None or not hasattr(events, "register"):
        return False
    events.register("before-parse.customer-profiles", _take_body, unique_id=_DECODER_ID)
    return True


def _decoded(operation: str, body: bytes, parsed: Mapping[str, Any]) -> dict[str, Any]:
    """The response members: the decoded body, plus what botocore parsed from the
    headers and status (``StatusCode`` of a few operations)."""
    decoder = _decode.body_decoder(operation)
    assert decoder is not None  # _take_body only takes bodies it can decode
    try:
        result = decoder(body)
    except ValueError as exc:
        raise CustomerProfilesError(f"{operation}: the response is not valid JSON") from exc
    for key, value in parsed.items():
        if key != "ResponseMetadata":
            result[key] = value
    return result
