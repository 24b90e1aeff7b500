"""Event-stream records and event-trigger invocations land in sinks a test reads."""

import json

from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
client = backend.client()
client.create_domain(DomainName="retail", DefaultExpirationDays=30)
client.put_profile_object_type(
    DomainName="retail",
    ObjectTypeName="Purchase",
    Description="purchases",
    AllowProfileCreation=True,
    Fields={
        "id": {"Source": "_source.id"},
        "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
        "amount": {"Source": "_source.amount", "ContentType": "NUMBER"},
    },
    Keys={
        "purchaseId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
        "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    },
)

# Real-time export: every profile and object change becomes Kinesis-style records.
client.create_event_stream(
    DomainName="retail",
    EventStreamName="export",
    Uri="arn:aws:kinesis:us-east-1:123456789012:stream/profiles",
)

# A trigger fires for big purchases once an integration (the campaign) names it.
client.create_event_trigger(
    DomainName="retail",
    EventTriggerName="big-spender",
    ObjectTypeName="Purchase",
    EventTriggerConditions=[
        {
            "EventTriggerDimensions": [
                {
                    "ObjectAttributes": [
                        {
                            "FieldName": "amount",
                            "ComparisonOperator": "GREATER_THAN",
                            "Values": ["100"],
                        }
                    ]
                }
            ],
            "LogicalOperator": "ALL",
        }
    ],
)
client.put_integration(
    DomainName="retail",
    Uri="arn:aws:connect-campaigns:us-east-1:123456789012:campaign/welcome",
    ObjectTypeName="Purchase",
    EventTriggerNames=["big-spender"],
)

purchase = {"id": "p-1", "email": "ana@example.com", "amount": 150}
client.put_profile_object(
    DomainName="retail", ObjectTypeName="Purchase", Object=json.dumps(purchase)
)

events = [json.loads(r["Data"]) for r in backend.stream_records("retail", "export")]
assert [(e["ObjectTypeName"], e["EventType"]) for e in events] == [
    ("_profile", "CREATED"),  # the ingestion created the profile
    ("Purchase", "CREATED"),  # a new object
]
(invocation,) = backend.trigger_invocations("retail", "big-spender")
assert invocation["Object"] == purchase
assert invocation["ProfileId"] == events[0]["AssociatedProfileId"]
