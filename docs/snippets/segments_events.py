"""Segment membership events: a stream for the domain, a subscription per segment."""

from customer_profiles_sdk import CustomerProfiles, JobFailedError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.segments import all_of, attribute

backend = LocalBackend()
cp = CustomerProfiles.local(backend=backend)
domain = cp.domains.create("retail", default_expiration_days=365)
domain.segments.create("gold", display_name="Gold", groups=all_of(attribute("tier").is_("gold")))
ann = domain.profiles.create({"first_name": "Ann", "attributes": {"tier": "gold"}})

# 1. One Kinesis data stream receives the events of every subscribed segment.
segments = domain.segments
segments.stream.associate(
    "arn:aws:kinesis:us-east-1:123456789012:stream/segment-events",
    role_arn="arn:aws:iam::123456789012:role/segment-events",
)
assert segments.stream.get().state == "RUNNING"

# 2. Subscribe a segment: the service first records who is in it (no event for them).
subscription = segments.subscriptions.put("gold", interval=6)  # scheduled runs every 6 h
assert subscription.status == "STARTING"
assert segments.subscriptions.wait_until_running("gold").status == "RUNNING"

# 3. Profiles that join or leave are events (LIVE as the data changes, SCHEDULE for runs).
bob = domain.profiles.create({"first_name": "Bob", "attributes": {"tier": "gold"}})
domain.profiles.update(ann, attributes={"tier": "silver"})
events = [(e.profile_id, e.event, e.event_type) for e in segments.subscriptions.events("gold")]
assert events == [(ann, "LEFT", "LIVE"), (bob, "JOINED", "LIVE")]  # newest first
records = backend.segment_stream_records("retail")["Records"]  # what went to the stream
assert [r["OperationType"] for r in records] == ["JOINED", "LEFT"]

# 4. Disassociating the stream stops every subscription.
assert segments.stream.disassociate() is True
assert segments.subscriptions.get("gold").status == "STOPPED"
try:
    segments.subscriptions.wait_until_running("gold")
except JobFailedError as err:
    assert err.last.status == "STOPPED"
assert segments.subscriptions.delete("gold") is True
