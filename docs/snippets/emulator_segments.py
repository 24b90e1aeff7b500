"""Segments in the emulator: define, estimate, check membership, export a snapshot."""

from datetime import datetime, timezone

from customer_profiles_sdk.local import Clock, LocalBackend

backend = LocalBackend(clock=Clock(start=datetime(2025, 1, 1, tzinfo=timezone.utc)))
client = backend.client()
client.create_domain(DomainName="retail", DefaultExpirationDays=365)
ann = client.create_profile(
    DomainName="retail", FirstName="Ann", Address={"City": "Seattle"}, Attributes={"ltv": "1200"}
)["ProfileId"]
bob = client.create_profile(
    DomainName="retail", FirstName="bob", Address={"City": "seattle"}, Attributes={"ltv": "80"}
)["ProfileId"]

seattle_vips = {
    "Groups": [
        {
            "Dimensions": [
                {"ProfileAttributes": {"Address": {"City": {"DimensionType": "INCLUSIVE", "Values": ["Seattle"]}}}},
                {"ProfileAttributes": {"Attributes": {"ltv": {"DimensionType": "GREATER_THAN", "Values": ["100"]}}}},
            ]
        }
    ]
}  # fmt: skip
client.create_segment_definition(
    DomainName="retail", SegmentDefinitionName="vip", DisplayName="VIP", SegmentGroups=seattle_vips
)

# An estimate is a job: poll it (with the default latency of 0 the first poll succeeds).
estimate_id = client.create_segment_estimate(DomainName="retail", SegmentQuery=seattle_vips)[
    "EstimateId"
]
estimate = client.get_segment_estimate(DomainName="retail", EstimateId=estimate_id)
assert (estimate["Status"], estimate["Estimate"]) == ("SUCCEEDED", "1")  # values are case-sensitive

answer = client.get_segment_membership(
    DomainName="retail", SegmentDefinitionName="vip", ProfileIds=[ann, bob]
)
assert [p["QueryResult"] for p in answer["Profiles"]] == ["PRESENT", "ABSENT"]

# Snapshots are written to the emulator's own object store; read them back with a hook.
snapshot_id = client.create_segment_snapshot(
    DomainName="retail",
    SegmentDefinitionName="vip",
    DataFormat="CSV",
    DestinationUri="s3://exports/vip",
)["SnapshotId"]
files = backend.exported_objects("s3://exports/vip")
csv_text = files[f"vip/{snapshot_id}/part-00000.csv"].decode()
assert csv_text.splitlines()[0] == "ProfileId,FirstName,Address.City,Attributes.ltv"
assert csv_text.splitlines()[1] == f"{ann},Ann,Seattle,1200"

# Jobs can be made to take time on the emulated clock, to test polling code.
backend.set_job_latency("estimate", 30)
slow_id = client.create_segment_estimate(DomainName="retail", SegmentQuery=seattle_vips)[
    "EstimateId"
]
assert client.get_segment_estimate(DomainName="retail", EstimateId=slow_id)["Status"] == "RUNNING"
backend.clock.advance(30)
assert client.get_segment_estimate(DomainName="retail", EstimateId=slow_id)["Status"] == "SUCCEEDED"
