"""The pytest plugin of customer-profiles-sdk (registered through the package's
``pytest11`` entry point, so installing the package is enough).

Fixtures:

* ``customer_profiles_backend``: a fresh emulator backend for one test, with every
  ``customer-profiles`` client created during the test answered by it (see
  :class:`~customer_profiles_sdk.local.mock_customer_profiles`): your application's own
  ``boto3.client("customer-profiles")`` included. Use it to inspect state, inject faults
  (``backend.faults``) or move the clock (``backend.clock``).
* ``customer_profiles``: a :class:`~customer_profiles_sdk.CustomerProfiles` on that
  backend.

Example (in a test module; no import needed)::

    def test_signup_creates_a_profile(customer_profiles, customer_profiles_backend):
        domain = customer_profiles.domains.create("shop", default_expiration_days=30)
        my_app.signup(domain="shop", email="ana@example.com")   # uses boto3 itself
        assert domain.profiles.search("_email", ["ana@example.com"]).first()
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from . import CustomerProfiles
    from .local import LocalBackend


@pytest.fixture
def customer_profiles_backend() -> Iterator[LocalBackend]:
    """A fresh emulator backend answering every Customer Profiles client of the test."""
    from .local import mock_customer_profiles

    with mock_customer_profiles() as backend:
        yield backend


@pytest.fixture
def customer_profiles(customer_profiles_backend: LocalBackend) -> CustomerProfiles:
    """A :class:`~customer_profiles_sdk.CustomerProfiles` on the test's emulator backend."""
    from . import CustomerProfiles

    return CustomerProfiles.local(backend=customer_profiles_backend)
