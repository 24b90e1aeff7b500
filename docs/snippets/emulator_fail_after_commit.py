"""Failing a call after its write is committed."""

import pytest

from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
client = backend.client()
client.create_domain(DomainName="retail", DefaultExpirationDays=30)

backend.faults.fail_after_commit("CreateProfile")  # InternalServerException by default
with pytest.raises(client.exceptions.InternalServerException):
    client.create_profile(DomainName="retail", AccountNumber="A-1")
found = client.search_profiles(DomainName="retail", KeyName="_account", Values=["A-1"])
assert len(found["Items"]) == 1  # the profile exists although the call failed
