"""mock_customer_profiles: the application's own boto3 clients answered by the emulator."""

import boto3
import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.local import mock_customer_profiles


def register_caller(domain: str, phone: str) -> str:
    """Application code under test: it calls boto3 itself and knows nothing of the SDK.
    Finds the caller's profile by phone number, or creates one; returns its id."""
    client = boto3.client("customer-profiles")
    found = client.search_profiles(DomainName=domain, KeyName="_phone", Values=[phone])
    if found["Items"]:
        return str(found["Items"][0]["ProfileId"])
    return str(client.create_profile(DomainName=domain, PhoneNumber=phone)["ProfileId"])


# As a context manager: it yields the backend (state, faults, clock).
with mock_customer_profiles() as backend:
    CustomerProfiles().domains.create("calls", default_expiration_days=30)
    first = register_caller("calls", "+12065550100")
    again = register_caller("calls", "(206) 555-0100")  # normalised: the same caller
    assert first == again
    assert [c.operation for c in backend.calls].count("CreateProfile") == 1

    # Fault injection reaches the application's client too, which keeps botocore's
    # own retries: one throttled search is retried and the call still succeeds.
    backend.faults.fail_next("SearchProfiles", code="ThrottlingException")
    register_caller("calls", "+12065550199")
    searches = [c.error_code for c in backend.calls if c.operation == "SearchProfiles"]
    assert searches[-2:] == ["ThrottlingException", None]

    # Past botocore's retries the error reaches the application.
    backend.faults.fail_next("SearchProfiles", times=10, code="ThrottlingException")
    with pytest.raises(Exception, match="ThrottlingException"):
        register_caller("calls", "+12065550199")


# As a decorator: a fresh backend for every call (taken as ``backend`` if asked for).
@mock_customer_profiles
def test_a_new_caller_gets_a_profile(backend):
    CustomerProfiles().domains.create("calls", default_expiration_days=30)
    register_caller("calls", "+12065550100")
    assert backend.calls[-1].operation == "CreateProfile"


test_a_new_caller_gets_a_profile()
