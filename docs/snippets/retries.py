"""Retries: throttling is retried; server errors only where a repeat is safe."""

from customer_profiles_sdk import (
    CustomerProfiles,
    InternalServerError,
    Profile,
    RetryPolicy,
    ThrottlingError,
)
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
policy = RetryPolicy(max_attempts=5, initial_wait=0.01, max_wait=0.1, deadline=10.0)
cp = CustomerProfiles.local(backend=backend, retry=policy)
domain = cp.domains.create("retail", default_expiration_days=365)

# Two throttled answers, then success: the caller never sees the throttling.
backend.faults.fail_next("GetDomain", times=2, code="ThrottlingException")
backend.reset_calls()
assert domain.get().domain_name == "retail"
assert backend.call_count("GetDomain") == 3

# A server error on CreateProfile is NOT retried: the profile may have been created
# (the API has no idempotency token) and a repeat could create a second one.
backend.faults.fail_after_commit("CreateProfile", code="InternalServerException")
try:
    domain.profiles.create(Profile(first_name="Ana", email_address="ana@example.com"))
except InternalServerError:
    pass  # the caller decides: here, look before creating again
else:
    raise AssertionError("expected an InternalServerError")
found = domain.profiles.search("_email", ["ana@example.com"]).to_list()
assert len(found) == 1  # created once, not twice: check before creating again

# A safe-to-repeat operation (a read, Put*, Update*, Delete*) is retried on 5xx.
backend.faults.fail_next("GetDomain", code="InternalServerException")
assert domain.get().domain_name == "retail"

# Turn retries off (tests, notebooks).
quiet = CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())
backend.faults.fail_next("GetDomain")
try:
    quiet.domain("retail").get()
except ThrottlingError:
    pass
else:
    raise AssertionError("expected a ThrottlingError")
