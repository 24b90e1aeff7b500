"""How a boto3 client is answered in-process: the hooks :meth:`LocalBackend.attach` registers.

Two pipelines, both through botocore's own parameter validation, serialisation and
response parser, and both answered by the backend's ``handle_http`` (the HTTP server's
wire layer):

* ``"full"``: a ``before-send`` handler. botocore builds, signs and "sends" the HTTP
  request as it would to AWS: every client event fires (``request-created``,
  ``before-sign``, ``before-send``, ``needs-retry``, ``response-received`` ...). Used for
  signed clients (a client of your application under ``mock_customer_profiles``).
* ``"short"``: a ``before-call`` handler, the event botocore's ``Stubber`` answers. The
  request botocore serialised (method, URL, headers, body) goes straight to the backend,
  and the answer is parsed the way botocore's endpoint parses one: the ``before-parse``
  event, the parser of the client's parser factory, the modeled error fields,
  ``RetryAttempts``, the ``needs-retry`` event after each attempt (so botocore's retry
  settings, and the SDK's retry gate, still decide), ``after-call-error`` when the call
  fails with an exception. What it skips is building and signing the HTTP request —
  the events ``request-created``, ``choose-signer``, ``before-sign`` and ``before-send``
  — and ``response-received``, botocore's DEBUG log lines of the HTTP request and
  response and its ``history_recorder`` entries of them: about a third of botocore's
  cost of a call. Used for unsigned clients (:meth:`LocalBackend.client`), where
  nothing would check a signature anyway, unless their retry mode is ``adaptive``
  (whose client-side rate limiter waits at ``before-send``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

from botocore.awsrequest import AWSResponse  # loaded by the emulator's import already

from ._wire import HttpResponse, request_id

if TYPE_CHECKING:
    from botocore.client import BaseClient

#: ``handle_http`` of a backend: (method, target, headers, body, region=) -> response.
Handle = Callable[..., HttpResponse]

Pipeline = Literal["auto", "short", "full"]

#: botocore ignores a second register() with the same unique_id: each hook has its own.
_SEND_ID = "customer-profiles-sdk-emulator"
_CALL_ID = "customer-profiles-sdk-emulator-call"
_SERVICE_EVENT = "customer-profiles"


def attach(client: BaseClient, handle: Handle, region: str, pipeline: Pipeline) -> None:
    """Answer every request of ``client`` with ``handle``, through ``pipeline``.

    A previous backend's hooks (either pipeline) are removed first, so attaching again
    replaces the backend.
    """
    if pipeline not in ("auto", "short", "full"):
        raise ValueError(f"pipeline must be 'auto', 'short' or 'full', not {pipeline!r}")
    events = client.meta.events
    events.unregister(f"before-send.{_SERVICE_EVENT}", unique_id=_SEND_ID)
    events.unregister("before-call", unique_id=_CALL_ID)
    short = _short_fits(client) if pipeline == "auto" else pipeline == "short"
    hook: Any  # the stubs type event handlers as returning None
    if short:
        hook = _call_hook(client, handle, region)
        # Last of all before-call handlers (the least specific event name, registered
        # last): the client's other handlers, a user's or a Stubber's, run first.
        events.register_last("before-call", hook, unique_id=_CALL_ID)
    else:
        hook = _send_hook(handle, region)
        events.register(f"before-send.{_SERVICE_EVENT}", hook, unique_id=_SEND_ID)


def _short_fits(client: BaseClient) -> bool:
    """Whether the short pipeline gives this client what the full one would: it is
    unsigned (nothing to sign) and not in adaptive retry mode (whose client-side rate
    limiter waits at ``before-send``)."""
    from botocore import UNSIGNED

    config: Any = client.meta.config  # the stubs do not list signature_version
    retries = config.retries or {}
    return config.signature_version is UNSIGNED and retries.get("mode") != "adaptive"


def _ask(
    handle: Handle, region: str, method: str, url: str, headers: Any, body: Any
) -> HttpResponse:
    """The backend's answer to one request, as either pipeline has it."""
    # In-process the client's own region is known (an unsigned client has no
    # credential scope to read it from).
    return handle(method, url, _RequestHeaders(headers), _body_bytes(body), region=region)


def _aws_response(url: str, response: HttpResponse) -> AWSResponse:
    # AWSResponse copies the headers into its own case-insensitive HeadersDict (the
    # stubs ask for an HTTPHeaders, which would only be copied again).
    reply_headers: Any = response.headers
    return AWSResponse(url, response.status, reply_headers, _RawBody(response.body))


def _send_hook(handle: Handle, region: str) -> Callable[..., Any]:
    def answer(request: Any, **_: Any) -> AWSResponse:
        response = _ask(handle, region, request.method, request.url, request.headers, request.body)
        return _aws_response(request.url, response)

    return answer


def _call_hook(client: BaseClient, handle: Handle, region: str) -> Callable[..., Any]:
    from botocore.endpoint import convert_to_response_dict
    from botocore.hooks import first_non_none_response
    from botocore.parsers import ResponseParserFactory

    events = client.meta.events
    service_model = client.meta.service_model
    protocol = service_model.resolved_protocol
    service_id = service_model.service_id.hyphenize()
    # What botocore's endpoint would use: its parser factory (set_parser_defaults() on
    # the session's ``response_parser_factory`` applies), and the endpoint itself for
    # the needs-retry handlers. Neither is public: without them, botocore's defaults.
    endpoint = getattr(client, "_endpoint", None)
    factory = getattr(endpoint, "_response_parser_factory", None) or ResponseParserFactory()

    def parse(model: Any, url: str, response: HttpResponse) -> tuple[AWSResponse, dict[str, Any]]:
        http = _aws_response(url, response)
        response_dict = convert_to_response_dict(http, model)
        customized: dict[str, Any] = {}
        events.emit(
            f"before-parse.{service_id}.{model.name}",
            operation_model=model,
            response_dict=response_dict,
            customized_response_dict=customized,
        )
        parser = factory.create_parser(protocol)  # one a response, as botocore does
        parsed: dict[str, Any] = parser.parse(response_dict, model.output_shape)
        parsed.update(customized)
        if http.status_code >= 300:
            _add_modeled_error_fields(parser, model, response_dict, parsed)
        return http, parsed

    def needs_retry(
        attempts: int,
        model: Any,
        params: dict[str, Any],
        response: tuple[AWSResponse, dict[str, Any]] | None,
        caught: Exception | None,
    ) -> bool:
        # What botocore's endpoint asks after every attempt, a success too: its retry
        # handler answers (and marks MaxAttemptsReached, even on a success once the
        # attempts are used), and so does the SDK's retry gate.
        delay = first_non_none_response(
            events.emit(
                f"needs-retry.{service_id}.{model.name}",
                response=response,
                endpoint=endpoint,
                operation=model,
                attempts=attempts,
                caught_exception=caught,
                request_dict=params,
            )
        )
        if delay is None or delay is False:
            return False
        time.sleep(delay)
        return True

    def attempt(
        attempts: int, model: Any, params: dict[str, Any], context: dict[str, Any]
    ) -> tuple[tuple[AWSResponse, dict[str, Any]] | None, bool]:
        """One attempt: (the parsed answer, whether to try again)."""
        retries = context.setdefault("retries", {})  # what the endpoint keeps per call
        retries["attempt"] = attempts
        if "invocation-id" not in retries:
            retries["invocation-id"] = request_id()
        try:
            response = _ask(
                handle, region, params["method"], params["url"], params["headers"], params["body"]
            )
        except Exception as exc:  # as botocore treats an error of its HTTP layer
            if needs_retry(attempts, model, params, None, exc):
                return None, True
            raise
        answered = parse(model, params["url"], response)
        return answered, needs_retry(attempts, model, params, answered, None)

    def answer(
        model: Any, params: dict[str, Any], context: dict[str, Any], **_: Any
    ) -> tuple[AWSResponse, dict[str, Any]]:
        attempts = 1
        try:
            answered, again = attempt(attempts, model, params, context)
            while again:
                attempts += 1
                answered, again = attempt(attempts, model, params, context)
        except Exception as exc:
            events.emit(
                f"after-call-error.{service_id}.{model.name}", exception=exc, context=context
            )
            raise
        assert answered is not None  # an attempt without an answer is retried or raises
        http, parsed = answered
        metadata = parsed.get("ResponseMetadata")
        if metadata is not None:
            metadata["RetryAttempts"] = attempts - 1
        return http, parsed

    return answer


def _add_modeled_error_fields(
    parser: Any, model: Any, response_dict: dict[str, Any], parsed: dict[str, Any]
) -> None:
    """The error shape's own members (``Message`` ...), as botocore's endpoint adds them."""
    code = parsed.get("Error", {}).get("Code")
    if code is None:
        return
    shape = model.service_model.shape_for_error_code(code)
    if shape is not None:
        parsed.update(parser.parse(response_dict, shape))


def _text(value: str | bytes) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value


class _RequestHeaders(Mapping[str, str]):
    """A botocore request's headers as text, read only where asked for (most operations
    read none: their members are in the path and the body)."""

    def __init__(self, headers: Any) -> None:
        self._headers = headers

    def __getitem__(self, name: str) -> str:
        value = self._headers[name]
        if value is None:
            raise KeyError(name)
        return _text(value)

    def __iter__(self) -> Iterator[str]:
        return (str(name) for name in self._headers)

    def __len__(self) -> int:
        return len(self._headers)


def _body_bytes(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    if isinstance(body, str):
        return body.encode("utf-8")
    data = body.read()
    if hasattr(body, "seek"):
        body.seek(0)
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


class _RawBody:
    """The ``raw`` object botocore's ``AWSResponse`` reads the body from."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._read = False

    def stream(self, **_: Any) -> Iterator[bytes]:
        if not self._read:
            self._read = True
            yield self._data

    def read(self, amt: int | None = None) -> bytes:
        if self._read:
            return b""
        self._read = True
        return self._data
