"""Segments: bad input is refused before anything is sent, naming field and rule."""

from customer_profiles_sdk import CustomerProfiles, Dimension, ValidationError
from customer_profiles_sdk.segments import all_of, attribute, calculated, profile

cp = CustomerProfiles.local()
segments = cp.domains.create("retail", default_expiration_days=365).segments

try:
    segments.create(
        "bad",
        display_name="Bad",
        groups=[
            all_of(within=["a", "b", "c", "d", "e", "f"]),  # at most 5 source segments
            all_of(calculated("calls", range_days=400).greater_than(1)),  # 1 to 366 days
            all_of(
                Dimension(  # a condition is on profile fields OR calculated attributes
                    profile_attributes=profile.first_name.is_("Ann").profile_attributes,
                    calculated_attributes=calculated("calls").equal(1).calculated_attributes,
                )
            ),
            all_of(attribute("tier").is_(*[f"t{n}" for n in range(51)])),  # 50 values at most
        ],
        include="EVERY",  # ALL, ANY or NONE
    )
except ValidationError as err:
    assert err.operation == "CreateSegmentDefinition"
    for violation in err.violations:
        print(violation)  # path: rule (what was found); values are never echoed
    assert err.fields == [
        "SegmentGroups.Groups[0].SourceSegments",
        "SegmentGroups.Groups[1].Dimensions[0].CalculatedAttributes['calls'].ConditionOverrides.Range.Start",
        "SegmentGroups.Groups[2].Dimensions[0]",
        "SegmentGroups.Include",
        "SegmentGroups.Groups[3].Dimensions[0].ProfileAttributes.Attributes[…].Values",
    ]

for bad_call in (
    lambda: segments.create("bad", display_name="Bad"),  # groups or sql
    lambda: segments.membership("vip", ["not-a-profile-id"]),
    lambda: segments.snapshot("vip", data_format="CSV", destination_uri="https://example.com"),
    lambda: segments.subscriptions.put("vip", interval=48),  # 1 to 24 hours
    lambda: segments.stream.associate(
        "arn:aws:sqs:us-east-1:123456789012:queue", role_arn="arn:aws:iam::123456789012:role/r"
    ),  # a Kinesis data stream
):
    try:
        bad_call()
    except ValidationError as err:
        print(err)
    else:
        raise AssertionError("expected a ValidationError")
