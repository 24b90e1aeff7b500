"""Every answered call is recorded on the backend."""

import pytest

from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
client = backend.client()
client.list_domains()
with pytest.raises(client.exceptions.ResourceNotFoundException):
    client.get_domain(DomainName="missing")

assert backend.call_count() == 2
assert backend.call_count("GetDomain") == 1
last = backend.calls[-1]  # CallRecord(operation, region, status, error_code)
assert (last.operation, last.status, last.error_code) == (
    "GetDomain",
    404,
    "ResourceNotFoundException",
)
backend.reset_calls()
assert backend.calls == []

# A long-lived backend can keep only the latest calls.
capped = LocalBackend(max_recorded_calls=1)
capped.client().list_domains()
capped.client().list_domains()
assert capped.call_count() == 1
