"""pytest fixtures sharing one backend between the SDK and a plain boto3 client.

Run as a script (``python docs/snippets/emulator_fixtures.py``), this file runs its own
test with pytest.
"""

import pytest

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk.local import LocalBackend


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())


def test_sdk_and_boto3_see_the_same_data(backend: LocalBackend, cp: CustomerProfiles) -> None:
    cp.domains.create("retail", default_expiration_days=365)

    raw = backend.client()  # a plain boto3 "customer-profiles" client
    assert raw.get_domain(DomainName="retail")["DefaultExpirationDays"] == 365
    assert backend.call_count("CreateDomain") == 1


if __name__ == "__main__":
    exit_code = pytest.main(["-q", "-p", "no:cacheprovider", "--import-mode=importlib", __file__])
    assert exit_code == pytest.ExitCode.OK
