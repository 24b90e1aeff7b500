"""Fixtures for the emulator tests.

* ``backend``: a fresh :class:`LocalBackend`.
* ``override_handler``: ``override_handler("ListDomains", fn)`` replaces (or adds) one
  operation's handler for the duration of a test.
* ``client``: a boto3 ``customer-profiles`` client answered in-process by ``backend``,
  botocore retries off; every raw response it receives is checked against the
  operation's output shape (success) or the service's error format (error) by
  :mod:`tests.local._conformance`, which fails the call with ``ConformanceError``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from customer_profiles_sdk.local import LocalBackend, _backend, _registry
from tests.local._conformance import check_http_response


@pytest.fixture
def backend() -> LocalBackend:
    """A fresh emulator backend."""
    return LocalBackend()


def conformance_checked(client: Any) -> Any:
    """Check every response ``client`` receives with :mod:`tests.local._conformance`."""

    def after_call(http_response: Any, model: Any, **_: Any) -> None:
        check_http_response(
            model, http_response.status_code, http_response.headers, http_response.content
        )

    client.meta.events.register(
        "after-call.customer-profiles", after_call, unique_id="conformance-check"
    )
    return client


@pytest.fixture
def client(backend: LocalBackend) -> Any:
    """A boto3 client wired to ``backend``, every response conformance-checked."""
    return conformance_checked(backend.client())


@pytest.fixture
def override_handler(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, Any], None]:
    """Replace one operation's handler for this test (restored afterwards)."""
    _backend._load_handlers()  # register the real handlers first, so none collides later

    def override(operation: str, handler: Any) -> None:
        monkeypatch.setitem(_registry._HANDLERS, operation, handler)

    return override
