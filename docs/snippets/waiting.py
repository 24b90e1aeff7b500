"""Waiting for jobs: .wait(), its deadline, and a job that ends badly."""

from datetime import datetime, timezone

from customer_profiles_sdk import CustomerProfiles, JobFailedError, PollPolicy, WaitTimeoutError
from customer_profiles_sdk.local import Clock, LocalBackend

backend = LocalBackend(clock=Clock(start=datetime(2026, 1, 1, tzinfo=timezone.utc)))
cp = CustomerProfiles.local(backend=backend)
domain = cp.domains.create("retail", default_expiration_days=365)
job = domain.upload_jobs.create(
    "ids.csv", fields={"CustomerId": "_profile.AccountNumber"}, unique_key="CustomerId"
)
job.upload(b"CustomerId\nC1\n")

# Not started yet: it stays CREATED, and the deadline comes first.
start = backend.clock.now()
try:
    job.wait(timeout=30)
except WaitTimeoutError as err:
    assert err.last.status == "CREATED"  # the last state read
else:
    raise AssertionError("a job that never started finished")
assert backend.clock.now() - start == 30  # emulated seconds: nothing slept

job.start()
done = job.wait(timeout=600, policy=PollPolicy(initial=5, max_interval=60))
assert done.status == "SUCCEEDED"

stopped = domain.upload_jobs.create(
    "ids.csv", fields={"CustomerId": "_profile.AccountNumber"}, unique_key="CustomerId"
)
stopped.upload(b"CustomerId\nC2\n")
stopped.start()
stopped.stop()
try:
    stopped.wait()
except JobFailedError as err:
    assert err.last.status == "STOPPED"
    assert str(err).endswith("failed: STOPPED before it completed")
else:
    raise AssertionError("a stopped job succeeded")
