"""Segment estimates and snapshots are jobs: a handle, .status() and .wait()."""

import json

from customer_profiles_sdk import CustomerProfiles, PollPolicy, WaitTimeoutError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.segments import all_of, attribute

backend = LocalBackend()
backend.set_job_latency("estimate", 90)  # emulated jobs take 90 s (default: done at once)
backend.set_job_latency("snapshot", 300)
cp = CustomerProfiles.local(backend=backend)
domain = cp.domains.create("retail", default_expiration_days=365)
for tier in ("gold", "gold", "silver"):
    domain.profiles.create({"attributes": {"tier": tier}})
gold = all_of(attribute("tier").is_("gold"))

job = domain.segments.estimate(gold)  # CreateSegmentEstimate: a handle, nothing to wait yet
assert job.status().status == "RUNNING"  # GetSegmentEstimate, once
try:
    job.wait(timeout=30)  # polls with back-off until the deadline...
except WaitTimeoutError as err:
    assert err.last.status == "RUNNING"  # ...and says what it saw last
estimate = job.wait(timeout=600, policy=PollPolicy(initial=5, max_interval=60))
assert (estimate.status, estimate.count, estimate.estimate) == ("SUCCEEDED", 2, "2")
# On the emulator, waiting advances the emulated clock instead of sleeping.

# A snapshot exports a segment's members to S3 (CSV, JSONL or ORC).
domain.segments.create("gold", display_name="Gold", groups=gold)
snapshot_job = domain.segments.snapshot(
    "gold", data_format="JSONL", destination_uri="s3://exports/gold"
)
snapshot = snapshot_job.wait()
assert (snapshot.status, snapshot.destination_uri) == ("COMPLETED", "s3://exports/gold")

# The emulator keeps the files it "wrote" for tests to read.
files = backend.exported_objects("s3://exports/gold")
(data,) = [body for key, body in files.items() if key.endswith(".jsonl")]
assert [json.loads(line)["Attributes"]["tier"] for line in data.decode().splitlines()] == [
    "gold",
    "gold",
]
