"""Throttling at the documented per-operation rates, on the emulated clock."""

import pytest

from customer_profiles_sdk.local import DOCUMENTED_TPS, Clock, LocalBackend

assert DOCUMENTED_TPS["PutProfileObjectType"] == 1
assert DOCUMENTED_TPS["CreateProfile"] == 100

backend = LocalBackend(clock=Clock(start=1_700_000_000))  # frozen: no refill
client = backend.client()
client.create_domain(DomainName="retail", DefaultExpirationDays=30)

backend.throttling()  # on, at the documented rates
client.create_profile(DomainName="retail")  # bucket of 100, one token used
backend.throttling(rates={"CreateProfile": 1})  # overrides; buckets start full
client.create_profile(DomainName="retail")
with pytest.raises(client.exceptions.ThrottlingException) as caught:
    client.create_profile(DomainName="retail")
assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429

backend.clock.advance(1.0)  # one second refills one token at 1 TPS
client.create_profile(DomainName="retail")
backend.throttling(False)  # off again (the default)
