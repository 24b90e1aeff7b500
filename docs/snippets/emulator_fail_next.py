"""Failing the next calls of an operation, before anything changes."""

import pytest

from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
client = backend.client()
backend.faults.fail_next("CreateDomain", times=2, code="InternalServerException")
for _ in range(2):
    with pytest.raises(client.exceptions.InternalServerException) as caught:
        client.create_domain(DomainName="retail", DefaultExpirationDays=30)
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500
assert client.list_domains()["Items"] == []  # nothing was created
client.create_domain(DomainName="retail", DefaultExpirationDays=30)  # the third works
