"""Event streams: real-time export of profile and object changes to Kinesis."""

import json

from customer_profiles_sdk import CustomerProfiles, Profile, ValidationError
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()  # keep the backend: it holds what the stream delivered
cp = CustomerProfiles.local(backend=backend)
domain = cp.domains.create("retail", default_expiration_days=365)

stream = domain.event_streams.create(
    "export", uri="arn:aws:kinesis:us-east-1:123456789012:stream/profiles"
)
assert stream.state == "RUNNING"
assert stream.destination_details.status == "HEALTHY"
assert stream.event_stream_arn.endswith(":domains/retail/event-streams/export")

# Every change from now on is delivered, as it happens.
pid = domain.profiles.create(Profile(first_name="Ana", email_address="ana@example.com"))
domain.profiles.update(pid, last_name="Silva")

# In a test: read what your code sent to the stream, as a Kinesis consumer would.
records = backend.stream_records(stream.event_stream_arn)
events = [json.loads(record["Data"]) for record in records]
assert [(e["ObjectTypeName"], e["EventType"]) for e in events] == [
    ("_profile", "CREATED"),
    ("_profile", "UPDATED"),
]
assert {r["PartitionKey"] for r in records} == {pid}  # partitioned by profile
assert events[1]["Object"]["LastName"] == "Silva"  # the whole profile after the change
backend.clear_stream_records(stream.event_stream_arn)

# A destination in trouble stops the stream; the service's remedy is to recreate it.
gone = "The Kinesis Data Stream does not exist."
backend.set_stream_destination("retail", "export", healthy=False, message=gone)
stopped = domain.event_streams.get("export")
assert (stopped.state, stopped.destination_details.status) == ("STOPPED", "UNHEALTHY")
assert stopped.destination_details.message == gone

assert [s.event_stream_name for s in domain.event_streams.list()] == ["export"]
assert domain.event_streams.delete("export") is True
assert domain.event_streams.exists("export") is False

# The destination must be a Kinesis data stream ARN: checked before anything is sent.
try:
    domain.event_streams.create("export", uri="arn:aws:sqs:us-east-1:123456789012:queue")
except ValidationError as err:
    assert err.fields == ["Uri"]
else:
    raise AssertionError("expected a ValidationError")
