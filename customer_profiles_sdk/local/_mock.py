"""moto-style interception: :class:`mock_customer_profiles`.

Under ``with mock_customer_profiles() as backend:`` (or on a function decorated with
``@mock_customer_profiles``) every ``customer-profiles`` client that botocore creates —
``boto3.client("customer-profiles")`` in your application code, a client of a
``boto3.Session``, the SDK's own ``CustomerProfiles()``, in any region — is answered
in-process by one fresh :class:`~customer_profiles_sdk.local.LocalBackend`. No
credentials, region or network are needed: a client created without them gets dummy
credentials and ``us-east-1``, and the emulator's placeholder endpoint. Clients of other
services are untouched, and on exit nothing stays patched.

How: botocore's ``Session.create_client`` is wrapped for the duration; each new
Customer Profiles client is :meth:`~customer_profiles_sdk.local.LocalBackend.attach`-ed
to the backend. Clients created *before* the mock started keep talking to wherever they
pointed. botocore's own retry settings of the client are kept, so your code sees the
retries it would see in production when you inject faults.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

import botocore.session

from ._backend import EMULATOR_ENDPOINT, LocalBackend

if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["mock_customer_profiles"]

F = TypeVar("F", bound=Callable[..., Any])

_SERVICE = "customer-profiles"
_DUMMY_KEY = "AKIDMOCKEDEMULATOR00"
_DUMMY_SECRET = "mocked-emulator-secret-not-a-real-one"
_DEFAULT_REGION = "us-east-1"

_original_create_client = botocore.session.Session.create_client
_create_client_signature = inspect.signature(_original_create_client)
_lock = threading.Lock()
_active: list[mock_customer_profiles] = []  # innermost last


def _patched_create_client(self: botocore.session.Session, *args: Any, **kwargs: Any) -> Any:
    bound = _create_client_signature.bind(self, *args, **kwargs)
    bound.apply_defaults()
    arguments = bound.arguments
    if arguments["service_name"] != _SERVICE or not _active:
        return _original_create_client(self, *args, **kwargs)
    mock = _active[-1]
    if arguments["region_name"] is None and self.get_config_variable("region") is None:
        arguments["region_name"] = mock.region_name
    if arguments["endpoint_url"] is None:
        arguments["endpoint_url"] = EMULATOR_ENDPOINT
    if arguments["aws_access_key_id"] is None and self.get_credentials() is None:
        arguments["aws_access_key_id"] = _DUMMY_KEY
        arguments["aws_secret_access_key"] = _DUMMY_SECRET
    arguments.pop("self")
    client = _original_create_client(self, **arguments)
    return mock.backend.attach(client)


class mock_customer_profiles:  # noqa: N801  (a decorator and context manager, like moto's)
    """Answer every ``customer-profiles`` client created inside by one emulator backend.

    Use it as a context manager (it yields the backend, to inspect state, inject faults
    or move the clock), or as a decorator of a test function, with or without
    parentheses (a fresh backend for each call; the function may take it as a keyword
    argument named ``backend``).

    Args:
        backend: the backend to use (default: a fresh :class:`LocalBackend`).
        region_name: the region of clients created without one (default ``us-east-1``).

    Example:
        >>> import boto3
        >>> from customer_profiles_sdk.local import mock_customer_profiles
        >>> with mock_customer_profiles() as backend:
        ...     client = boto3.client("customer-profiles")  # plain application code
        ...     _ = client.create_domain(DomainName="shop", DefaultExpirationDays=30)
        ...     [d["DomainName"] for d in client.list_domains()["Items"]]
        ['shop']
        >>> len(backend.calls)
        2
    """

    def __new__(cls, backend: Any = None, *, region_name: str = _DEFAULT_REGION) -> Any:
        if callable(backend) and not isinstance(backend, LocalBackend):
            return cls()(backend)  # ``@mock_customer_profiles`` without parentheses
        return super().__new__(cls)

    def __init__(
        self, backend: LocalBackend | None = None, *, region_name: str = _DEFAULT_REGION
    ) -> None:
        self._given = backend
        self.region_name = region_name
        self._backend: LocalBackend | None = None

    @property
    def backend(self) -> LocalBackend:
        """The backend answering the clients while the mock is active.

        Raises:
            RuntimeError: the mock is not active.
        """
        if self._backend is None:
            raise RuntimeError("mock_customer_profiles is not active")
        return self._backend

    def start(self) -> LocalBackend:
        """Start intercepting (what ``__enter__`` does); returns the backend."""
        with _lock:
            if self in _active:
                raise RuntimeError("this mock_customer_profiles is already active")
            self._backend = self._given if self._given is not None else LocalBackend()
            if not _active:
                botocore.session.Session.create_client = _patched_create_client  # type: ignore[method-assign]
            _active.append(self)
        return self._backend

    def stop(self) -> None:
        """Stop intercepting (what ``__exit__`` does); the original botocore is restored
        once the outermost mock stops."""
        with _lock:
            if self in _active:
                _active.remove(self)
            if not _active:
                botocore.session.Session.create_client = _original_create_client  # type: ignore[method-assign]
            self._backend = None

    def __enter__(self) -> LocalBackend:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @overload
    def __call__(self, func: F) -> F: ...

    @overload
    def __call__(self, func: None = None) -> mock_customer_profiles: ...

    def __call__(self, func: F | None = None) -> F | mock_customer_profiles:
        if func is None:
            return self
        takes_backend = "backend" in inspect.signature(func).parameters
        given, region = self._given, self.region_name

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with mock_customer_profiles(given, region_name=region) as backend:
                if takes_backend:
                    kwargs.setdefault("backend", backend)
                return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]
