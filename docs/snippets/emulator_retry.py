"""The SDK's retry policy is the only retry loop: every attempt reaches the backend."""

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
cp = CustomerProfiles.local(backend=backend, retry=RetryPolicy(max_attempts=3, initial_wait=0.01))
cp.domains.create("retail", default_expiration_days=30)
backend.faults.fail_next("GetDomain", times=2)  # two ThrottlingExceptions
assert cp.domain("retail").get().domain_name == "retail"
assert backend.call_count("GetDomain") == 3
