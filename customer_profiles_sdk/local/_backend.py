"""The emulator's front door: :class:`LocalBackend`.

One backend is one emulated AWS account (all regions). Every request, whether it
comes from an in-process boto3 client (:meth:`LocalBackend.client`) or from the HTTP
server (:meth:`LocalBackend.serve`, ``customer-profiles local serve``), goes through
the same steps: :mod:`._wire` parses the HTTP request, :meth:`LocalBackend.dispatch`
validates, injects faults, throttles, pages and runs the handler under one lock, and
:mod:`._wire` writes the HTTP answer.
"""

from __future__ import annotations

import functools
import importlib
import json
import logging
import os
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import _consistency, _inprocess, _registry, _state
from ._attributes import AttributeHooks
from ._clock import Clock
from ._config_hooks import ConfigHooks
from ._constraints import validate, validation_message
from ._errors import ServiceFault, bad_request
from ._faults import Faults, Throttle
from ._history import HistoryHooks
from ._identity_jobs import IdentityResolutionHooks
from ._inprocess import Pipeline
from ._model import SERVICE_NAME, is_model_operation, paging
from ._paging import Pager
from ._recommenders import RecommenderHooks
from ._registry import Context, Handler, Settings
from ._state import DomainRec, Store
from ._support import UNSUPPORTED, unsupported_values
from ._upload_jobs import LOCAL_PREFIX, UploadJobHooks
from ._wire import (
    DEFAULT_REGION,
    HttpResponse,
    error_response,
    parse_params,
    region_of,
    route,
    split_target,
    success_response,
    unknown_route,
)
from ._workflows import WorkflowHooks
from .segments import _hooks as _segment_hooks

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from botocore.client import BaseClient

    from ._server import EmulatorServer

logger = logging.getLogger("customer_profiles_sdk.local")

#: Where in-process clients "send" requests; nothing ever listens there.
EMULATOR_ENDPOINT = "https://customer-profiles.local.emulator"

_READ_PREFIXES = ("Get", "List", "Search", "BatchGet")


@dataclass(frozen=True)
class CallRecord:
    """One call the backend answered.

    Attributes:
        operation: the API operation (``None`` for a request no operation matched).
        region: the caller's region.
        status: the HTTP status answered.
        error_code: the error code, or ``None`` for a success.
    """

    operation: str | None
    region: str
    status: int
    error_code: str | None


def emulator_client(
    endpoint_url: str = "http://127.0.0.1:4566",
    *,
    region_name: str = "us-east-1",
    **client_kwargs: Any,
) -> BaseClient:
    """A plain boto3 ``customer-profiles`` client for an emulator: dummy credentials.

    The user's AWS configuration and credentials are never read, and botocore retries
    are off (``total_max_attempts=1``). Point it at a server started with
    ``customer-profiles local serve``; :meth:`LocalBackend.client` builds the same
    client and answers it in-process instead.

    Args:
        endpoint_url: where the emulator listens.
        region_name: the region the client calls.
        **client_kwargs: passed to ``boto3.Session.client`` (e.g. ``config=``, merged
            over the retry setting).

    Example:
        >>> client = emulator_client("http://127.0.0.1:4566")
        >>> client.meta.endpoint_url
        'http://127.0.0.1:4566'
    """
    from botocore.config import Config

    config = Config(retries={"total_max_attempts": 1})
    user_config = client_kwargs.pop("config", None)
    if user_config is not None:
        config = config.merge(user_config)
    with _SESSION_LOCK:  # botocore sessions are not safe to build clients from at once
        client: BaseClient = _isolated_session().client(
            "customer-profiles",
            endpoint_url=endpoint_url,
            region_name=region_name,
            config=config,
            **client_kwargs,
        )
    return client


_SESSION_LOCK = threading.Lock()


@functools.cache
def _isolated_session() -> Any:
    """The process's one boto3 session for emulator clients: dummy credentials, and a
    botocore session that ignores AWS_PROFILE and the user's config files. Shared, so a
    further client costs what a further ``boto3.client()`` does (the service model is
    loaded once)."""
    import boto3
    import botocore.session

    core = botocore.session.Session(
        session_vars={
            "profile": (None, None, None, None),
            "config_file": (None, None, os.devnull, None),
            "credentials_file": (None, None, os.devnull, None),
        }
    )
    return boto3.session.Session(
        botocore_session=core,
        aws_access_key_id="AKIDEMULATOR00000000",
        aws_secret_access_key="emulator-secret-key-not-a-real-one",
    )


def _is_count(value: object, minimum: int) -> bool:
    """``value`` is an ``int`` (not a ``bool``) of at least ``minimum``."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


class LocalBackend(
    ConfigHooks,
    UploadJobHooks,
    WorkflowHooks,
    RecommenderHooks,
    _segment_hooks.SegmentHooks,
    IdentityResolutionHooks,
    HistoryHooks,
    AttributeHooks,
):
    """An in-memory Amazon Connect Customer Profiles service.

    The test hooks of upload jobs, integration workflows and recommenders
    (``put_upload``, ``feed_workflow_records``, ``set_catalog`` ...) come from the
    mixins of their capability modules.

    Args:
        account_id: the emulated AWS account id used in ARNs.
        clock: the clock every timestamp comes from (a real-time :class:`Clock` by
            default); freeze or advance it to test expiry and throttling.
        strict_ingestion: answer ``BadRequestException`` for an object that finds no
            profile and may not create one, instead of accepting it into the
            dead-letter list like the service does. [A]
        upload_url_seconds: validity of pre-signed upload URLs (default 3,600). [A]
        upload_processing_seconds: how long an upload job runs (default 60). [A]
        workflow_start_seconds: NOT_STARTED to IN_PROGRESS of a workflow (default 60). [A]
        workflow_step_seconds: how long one workflow step runs (default 300). [A]
        workflow_delete_seconds: how long a deleted workflow stays visible (default 60). [A]
        filter_activation_seconds: PENDING to ACTIVE of a recommender filter (default 60). [A]
        recommender_training_seconds: one training of a recommender (default 3,600). [A]
        recommender_transition_seconds: PENDING, STOPPING, STARTING (default 60). [A]
        recommender_delete_seconds: how long a DELETING recommender stays (default 60). [A]
        sql_segments: how SQL ("enhanced") segments are evaluated: ``"refuse"`` (the
            default: "not supported by the emulator" unless members are injected with
            :meth:`set_sql_segment_members`) or ``"sqlite"`` (a documented Spark SQL
            subset on the emulator's own schema). [A] (segments spec 5.3)
        objects_per_profile: the per-profile object total above which ingestion evicts
            (default: the quota of 1,000; the quota is adjustable, so tests may lower it).
        consistency: ``"synchronous"`` (default): every effect is visible to the next
            call. ``"eventual"``: PutProfileObject and identity resolution take effect
            ``visibility_delay`` seconds of the emulated clock after the call, as the
            service's asynchronous ingestion and matching do. [A]
        visibility_delay: the delay of the eventual mode, in seconds (default 5).
        max_recorded_calls: how many of the latest calls :attr:`calls` keeps (``None``,
            the default: every call; ``0``: none, as ``local serve`` does, whose record
            nobody can read). A long-lived backend with a cap keeps a bounded memory.

    Example:
        >>> backend = LocalBackend()
        >>> client = backend.client()
        >>> client.list_domains()["Items"]
        []
    """

    def __init__(
        self,
        *,
        account_id: str = "123456789012",
        clock: Clock | None = None,
        strict_ingestion: bool = False,
        upload_url_seconds: float = 3600.0,
        upload_processing_seconds: float = 60.0,
        workflow_start_seconds: float = 60.0,
        workflow_step_seconds: float = 300.0,
        workflow_delete_seconds: float = 60.0,
        filter_activation_seconds: float = 60.0,
        recommender_training_seconds: float = 3600.0,
        recommender_transition_seconds: float = 60.0,
        recommender_delete_seconds: float = 60.0,
        sql_segments: str = "refuse",
        objects_per_profile: int | None = None,
        consistency: str = "synchronous",
        visibility_delay: float = _consistency.DEFAULT_VISIBILITY_DELAY,
        max_recorded_calls: int | None = None,
    ) -> None:
        if sql_segments not in ("refuse", "sqlite"):
            raise ValueError("sql_segments must be 'refuse' or 'sqlite'")
        _consistency.check_settings(consistency, visibility_delay)
        if objects_per_profile is not None and not _is_count(objects_per_profile, 1):
            raise ValueError("objects_per_profile must be an int >= 1")
        if max_recorded_calls is not None and not _is_count(max_recorded_calls, 0):
            raise ValueError("max_recorded_calls must be None or an int >= 0")
        self.store = Store(account_id=account_id)
        self.clock = clock if clock is not None else Clock()
        self.settings = Settings(
            strict_ingestion=strict_ingestion,
            upload_url_seconds=upload_url_seconds,
            upload_processing_seconds=upload_processing_seconds,
            workflow_start_seconds=workflow_start_seconds,
            workflow_step_seconds=workflow_step_seconds,
            workflow_delete_seconds=workflow_delete_seconds,
            filter_activation_seconds=filter_activation_seconds,
            recommender_training_seconds=recommender_training_seconds,
            recommender_transition_seconds=recommender_transition_seconds,
            recommender_delete_seconds=recommender_delete_seconds,
            sql_segments=sql_segments,
            objects_per_profile=objects_per_profile,
            consistency=consistency,
            visibility_delay=float(visibility_delay),
        )
        self.lock = threading.RLock()
        self.faults = Faults()
        self._throttle = Throttle(self.clock)
        self._pager = Pager()
        # Plain tuples (a tuple of strings and ints is not tracked by the garbage
        # collector, a CallRecord would be): CallRecords are built when read.
        self._calls: deque[tuple[str | None, str, int, str | None]] = deque(
            maxlen=max_recorded_calls
        )
        self._calls_lock = threading.Lock()
        self._state_file: str | None = None

    @property
    def account_id(self) -> str:
        """The emulated AWS account id."""
        return self.store.account_id

    # ----------------------------------------------------------------- dispatch

    def dispatch(self, operation: str, params: Mapping[str, Any], *, region: str) -> dict[str, Any]:
        """Answer one API call.

        Steps: the operation must be implemented; the request must satisfy every
        constraint of the model; then injected latency, throttling and ``fail_next``
        faults apply; paging members are taken out; the handler runs under the
        backend's lock; the result is cut to the requested page; ``fail_after_commit``
        faults apply last.

        Args:
            operation: the API operation, e.g. ``"CreateDomain"``.
            params: the request in wire member names.
            region: the caller's region.

        Returns:
            The response in wire member names (timestamps as epoch seconds).

        Raises:
            ServiceFault: the service error to answer.
        """
        try:
            result = self._dispatch(operation, dict(params), region)
        except ServiceFault as fault:
            self._record(operation, region, fault.status, fault.code)
            raise
        except Exception:
            self._record(operation, region, 500, "InternalServerException")
            raise
        self._record(operation, region, 200, None)
        return result

    def _dispatch(self, operation: str, params: dict[str, Any], region: str) -> dict[str, Any]:
        handler = self._handler(operation)
        violations = validate(operation, params)
        if violations:
            raise bad_request(validation_message(operation, violations))
        unsupported = unsupported_values(operation, params)
        if unsupported:
            # A valid value of the model the emulator has no rule for: say so, never guess.
            raise bad_request(f"{'; '.join(unsupported)}: {UNSUPPORTED}")
        delay = self.faults.delay_for(operation)
        if delay:
            time.sleep(delay)
        if not self._throttle.admit(region, operation):
            raise ServiceFault("ThrottlingException", "Rate exceeded")
        injected = self.faults.take_before(operation)
        if injected is not None:
            if injected.code == "ThrottlingException":
                self._throttle.refund(region, operation)  # a throttled call uses no quota
            raise injected
        info = paging(operation)
        page = None
        if info is not None:
            params, page = self._pager.begin(operation, info, params, region)
        with self.lock:
            ctx = Context(
                store=self.store,
                clock=self.clock,
                region=region,
                settings=self.settings,
                operation=operation,
                latency=delay,
                faults=self.faults,
            )
            _segment_hooks.before_call(ctx, params)  # due scheduled segment runs
            result = handler(ctx, params)
            _segment_hooks.after_call(ctx, params)  # LIVE segment membership events
            if ctx.transitions or not operation.startswith(_READ_PREFIXES):
                self._committed()
            if info is not None and page is not None:  # a seekable result reads the state
                result = self._pager.finish(operation, info, result, page)
        injected = self.faults.take_after(operation)
        if injected is not None:
            raise injected
        return result

    @staticmethod
    def _handler(operation: str) -> Handler:
        if not is_model_operation(operation):
            raise bad_request(f"{operation} is not an operation of the Customer Profiles API")
        handler = _load_handlers().get(operation)
        if handler is None:
            raise bad_request(
                f"operation {operation} is not implemented by the customer-profiles-sdk emulator"
            )
        return handler

    def handle_http(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        body: bytes,
        *,
        region: str | None = None,
    ) -> HttpResponse:
        """Answer one HTTP request (the server and the in-process hook both use this).

        Args:
            method: the HTTP method.
            target: the request target: ``/path?query`` or a full URL.
            headers: the request headers (the region is read from ``Authorization``
                unless ``region`` is given).
            body: the raw request body.
            region: the caller's region, when it is known (the in-process hook).

        Returns:
            The HTTP response in the service's wire format. Never raises: an
            unexpected error in a handler is answered as ``InternalServerException``.
        """
        region = region or region_of(headers)
        path, query = split_target(target)
        if path.startswith(_segment_hooks.EXPORTS_PATH):
            return self._export_route(method, path)  # segment snapshot files
        if path.startswith(LOCAL_PREFIX):
            # The emulator's own endpoints (pre-signed upload URLs), not API operations.
            return self._answer_local(method, target, headers, body)
        found = route(method, path)
        if found is None:
            self._record(None, region, 404, "UnknownOperationException")
            return unknown_route(method, path)
        operation, labels = found
        try:
            params = parse_params(operation, labels, query, headers, body)
        except ServiceFault as fault:
            self._record(operation, region, fault.status, fault.code)
            return error_response(fault)
        except Exception as exc:
            # The wire layer refuses every malformed request with a ServiceFault; anything
            # else is a bug of the emulator, answered (not raised) like a handler crash.
            logger.exception("emulator failed to parse a %s request", operation)
            self._record(operation, region, 500, "InternalServerException")
            return error_response(
                ServiceFault(
                    "InternalServerException",
                    f"The emulator failed while parsing a {operation} request "
                    f"({type(exc).__name__}); this is a bug in customer-profiles-sdk",
                )
            )
        try:
            result = self.dispatch(operation, params, region=region)
        except ServiceFault as fault:
            return error_response(fault)
        except Exception as exc:
            # Only the type and the operation: exception texts may hold personal data.
            logger.exception("emulator handler for %s failed", operation)
            return error_response(
                ServiceFault(
                    "InternalServerException",
                    f"The emulator failed while handling {operation} ({type(exc).__name__}); "
                    "this is a bug in customer-profiles-sdk",
                )
            )
        return success_response(operation, result)

    # ----------------------------------------------------------------- clients

    def client(
        self, region_name: str = "us-east-1", *, pipeline: Pipeline = "auto", **client_kwargs: Any
    ) -> BaseClient:
        """A boto3 ``customer-profiles`` client answered in-process by this backend.

        The client has dummy credentials (the user's AWS configuration and credentials
        are never read), botocore retries off (``total_max_attempts=1``) and a
        placeholder endpoint that is never contacted, and is unsigned (nothing checks a
        signature in-process; ``config=Config(signature_version="v4")`` signs again).
        Requests still go through botocore's parameter validation, serialization and
        response parsing. An unsigned client is answered through the short pipeline
        (see :meth:`attach`: no HTTP request is built, so ``before-send`` and the
        signing events do not fire); pass ``pipeline="full"`` to have every botocore
        event fire as against AWS.

        Args:
            region_name: the region the client calls.
            pipeline: ``"auto"``, ``"short"`` or ``"full"``, as for :meth:`attach`.
            **client_kwargs: passed to ``boto3.Session.client`` (e.g. ``config=``,
                which is merged over the retry setting).

        Returns:
            The boto3 client, already :meth:`attach`-ed.

        Example:
            >>> backend = LocalBackend()
            >>> client = backend.client(region_name="eu-west-1")
            >>> _ = client.create_domain(DomainName="shop", DefaultExpirationDays=30)
            >>> client.get_domain(DomainName="shop")["DefaultExpirationDays"]
            30
        """
        from botocore import UNSIGNED
        from botocore.config import Config

        client_kwargs.setdefault("endpoint_url", EMULATOR_ENDPOINT)
        # Nothing checks a signature in-process: signing would be a quarter of a call.
        config = Config(signature_version=UNSIGNED)
        user_config = client_kwargs.pop("config", None)
        client_kwargs["config"] = config if user_config is None else config.merge(user_config)
        client = emulator_client(region_name=region_name, **client_kwargs)
        return self.attach(client, pipeline=pipeline)

    def attach(self, client: BaseClient, *, pipeline: Pipeline = "auto") -> BaseClient:
        """Answer every request of a ``customer-profiles`` boto3 client from this backend.

        Requests are answered by the same wire layer as the HTTP server's, through one
        of two botocore pipelines (both validate, serialise and parse as botocore does):

        * ``"full"``: a ``before-send`` handler; botocore builds and signs the HTTP
          request, and every client event fires, as against AWS.
        * ``"short"``: a ``before-call`` handler (the event botocore's ``Stubber``
          answers), run after the client's other ``before-call`` handlers (those
          registered before it, and all on a more specific event name); the
          serialised request goes straight to the backend and the answer is parsed as
          botocore's endpoint parses one (``before-parse``, ``needs-retry`` and
          ``after-call-error`` still fire, so retry settings still apply). The events
          of building and signing the HTTP request (``request-created``,
          ``choose-signer``, ``before-sign``, ``before-send``), ``response-received``
          and botocore's DEBUG log lines of the HTTP exchange do not: about a third of
          botocore's cost of a call.
        * ``"auto"`` (the default): short for an unsigned client (such as
          :meth:`client` builds) unless its retry mode is ``adaptive`` (its rate
          limiter waits at ``before-send``), full otherwise.

        Attaching a second backend to the same client replaces the first.

        Args:
            client: a boto3 ``customer-profiles`` client.
            pipeline: ``"auto"``, ``"short"`` or ``"full"``.

        Returns:
            The same client.

        Raises:
            TypeError: if ``client`` is not a Customer Profiles client.
            ValueError: if ``pipeline`` is not one of the three.

        Example:
            >>> import boto3
            >>> from botocore import UNSIGNED
            >>> from botocore.config import Config
            >>> backend = LocalBackend()
            >>> plain = boto3.client(
            ...     "customer-profiles", region_name="eu-west-1",
            ...     endpoint_url=EMULATOR_ENDPOINT, config=Config(signature_version=UNSIGNED),
            ... )
            >>> client = backend.attach(plain)
            >>> client.list_domains()["Items"]
            []
        """
        if client.meta.service_model.service_name != SERVICE_NAME:
            raise TypeError("attach() takes a boto3 'customer-profiles' client")
        region = client.meta.region_name or DEFAULT_REGION
        _inprocess.attach(client, self.handle_http, region, pipeline)
        return client

    # ----------------------------------------------------------------- throttling / calls

    def throttling(self, enabled: bool = True, rates: Mapping[str, float] | None = None) -> None:
        """Switch throttling on (or off) at the documented per-operation rates.

        One token bucket per (region, operation), refilled on the backend's clock at the
        operation's documented TPS, holding at most one second's worth of calls; an
        empty bucket answers 429 ``ThrottlingException``. [A] (spec 2.5)

        Args:
            enabled: ``False`` switches throttling off.
            rates: TPS overrides per operation, e.g. ``{"CreateProfile": 2}``.

        Raises:
            ValueError: for an unknown operation or a rate <= 0.
        """
        self._throttle.configure(enabled, rates)

    @property
    def calls(self) -> list[CallRecord]:
        """A copy of the record of the calls answered, oldest first (every call, or the
        latest ``max_recorded_calls``)."""
        with self._calls_lock:
            return [CallRecord(*call) for call in self._calls]

    def call_count(self, operation: str | None = None) -> int:
        """How many calls (of ``operation``, or of any operation) were answered, among the
        recorded ones (:attr:`calls`)."""
        with self._calls_lock:
            if operation is None:
                return len(self._calls)
            return sum(1 for call in self._calls if call[0] == operation)

    def reset_calls(self) -> None:
        """Forget the recorded calls."""
        with self._calls_lock:
            self._calls.clear()

    def _record(self, operation: str | None, region: str, status: int, code: str | None) -> None:
        with self._calls_lock:
            self._calls.append((operation, region, status, code))

    # ----------------------------------------------------------------- test hooks

    def run_identity_resolution(self, domain: str, *, region: str = "us-east-1") -> None:
        """Run identity resolution on a domain now (the service runs it weekly).

        In the eventual mode its result is published ``visibility_delay`` seconds later.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` if the domain does not exist.
        """
        from . import _matching

        with self.lock:
            ctx, rec = self._domain(domain, region)
            if _consistency.is_deferred(ctx):
                # Eventual mode: the result is published after the visibility delay.
                _consistency.defer_identity_resolution(ctx, rec)
            else:
                _matching.run_identity_resolution(ctx, rec)
            self._committed()

    def set_matches(
        self,
        domain: str,
        groups: Sequence[Sequence[str]],
        *,
        confidence: float = 1.0,
        region: str = "us-east-1",
    ) -> None:
        """Replace a domain's match groups (what ``GetMatches`` answers) with ``groups``.

        Args:
            domain: the domain name.
            groups: lists of profile ids that are the same customer.
            confidence: the ``ConfidenceScore`` of every group.
            region: the domain's region.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` if the domain does not exist.
        """
        from . import _matching

        with self.lock:
            ctx, rec = self._domain(domain, region)
            _matching.set_matches(ctx, rec, [list(g) for g in groups], confidence)
            self._committed()

    def register_template(
        self,
        template_id: str,
        definition: Mapping[str, Any],
        *,
        store_only: bool = False,
        default_max_count: int | None = None,
        default_max_count_effective_after: datetime | float | None = None,
    ) -> None:
        """Add a test template to this backend (it replaces one of the same id).

        See :func:`._custom_templates.build_template` for the arguments: ``definition``
        holds ``Fields`` and ``Keys`` (and optionally ``AllowProfileCreation``,
        ``SourceName``, ``SourceObject``, ``SourceLastUpdatedTimestampFormat``);
        ``store_only``, ``default_max_count`` and ``default_max_count_effective_after``
        become ``StoreOnly``, ``DefaultMaxProfileObjectCount`` and
        ``DefaultMaxProfileObjectCountEffectiveAfter``.

        Raises:
            ValueError: for an invalid id, member or mapping.
        """
        from ._custom_templates import build_template

        template = build_template(
            template_id,
            definition,
            store_only=store_only,
            default_max_count=default_max_count,
            default_max_count_effective_after=default_max_count_effective_after,
        )
        with self.lock:
            self.settings.templates[template_id] = template

    def dead_letters(self, domain: str, *, region: str = "us-east-1") -> list[dict[str, Any]]:
        """A copy of the objects ingestion could not attach to a profile (spec 7.1).

        Raises:
            ServiceFault: ``ResourceNotFoundException`` if the domain does not exist.
        """
        with self.lock:
            _, rec = self._domain(domain, region)
            return json.loads(json.dumps(rec.dead_letters))  # type: ignore[no-any-return]

    def pending(self) -> list[dict[str, Any]]:
        """The effects of the eventual mode not visible yet, in the order they apply.

        Each is ``{"Operation", "DomainName", "Region", "VisibleAt"}`` (``VisibleAt`` an
        aware datetime). Always empty in synchronous mode.
        """
        with self.lock:
            for region, regional in self.store.regions.items():
                for name in list(regional.domains):
                    self._domain(name, region)  # applies what is due
            return _consistency.describe(self.store)

    def _domain(self, name: str, region: str) -> tuple[Context, DomainRec]:
        ctx = Context(store=self.store, clock=self.clock, region=region, settings=self.settings)
        return ctx, ctx.domain(name)

    # ----------------------------------------------------------------- state files / server

    def save_state(self, path: str | os.PathLike[str]) -> None:
        """Write the whole store to a JSON file atomically (temp file + ``os.replace``).

        The file records its format (``"format"``): an emulator that reads an older
        format refuses it instead of loading it wrongly (emulators from before the key
        existed ignore it).
        """
        with self.lock:
            data = json.dumps(_state.dump_store(self.store))
        target = os.fspath(path)
        directory = os.path.dirname(os.path.abspath(target))
        fd, tmp = tempfile.mkstemp(prefix=".cp-state-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def load_state(self, path: str | os.PathLike[str]) -> None:
        """Replace the store with the one saved in a JSON file by :meth:`save_state`.

        Raises:
            ValueError: the file is not JSON, not a state file, in a newer format than
                this emulator reads, or its records do not have the shape of its format
                (the top-level keys and the structure of the records are checked, not
                the type of every value); the store is then left unchanged.
        """
        with open(path, encoding="utf-8") as fh:
            try:
                data = json.load(fh)
            except RecursionError as exc:  # json's own limit on nesting
                raise ValueError("the state file is nested too deeply to be one") from exc
        store = _state.load_store(data)
        with self.lock:
            self.store = store

    def autosave(self, path: str | os.PathLike[str] | None) -> None:
        """Save the store to ``path`` after every successful state-changing call.

        ``None`` stops saving.
        """
        with self.lock:
            self._state_file = os.fspath(path) if path is not None else None

    def _committed(self) -> None:
        if self._state_file is not None:
            self.save_state(self._state_file)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> EmulatorServer:
        """Serve this backend over HTTP in a background thread.

        Args:
            host: the address to bind (loopback by default).
            port: the port; ``0`` picks a free one.

        Returns:
            The running server: use ``.url``, ``.stop()``, or ``with backend.serve()``.
        """
        from ._server import EmulatorServer

        server = EmulatorServer(self, host, port).start()
        self.settings.upload_endpoint = server.url  # it hosts the pre-signed upload URLs
        return server


_HANDLERS_LOADED: list[bool] = []


def _load_handlers() -> dict[str, Handler]:
    """The registered handlers; a handler module that does not exist yet is skipped."""
    if _HANDLERS_LOADED:  # every module was imported (or found missing) once already
        return _registry._HANDLERS
    for module in _registry.HANDLER_MODULES:
        name = f"{_registry.__package__}.{module}"
        if name in sys.modules:  # imported already: skip the import machinery per call
            continue
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    _HANDLERS_LOADED.append(True)
    return _registry._HANDLERS
