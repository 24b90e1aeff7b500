"""Event triggers: conditions on ingested objects that start an outbound campaign."""

from datetime import timedelta

from customer_profiles_sdk import CustomerProfiles, ObjectType, ObjectTypeField, ObjectTypeKey
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.triggers import all_of, any_of, at_most, field, limits

backend = LocalBackend()
cp = CustomerProfiles.local(backend=backend)
domain = cp.domains.create("retail", default_expiration_days=365)
domain.object_types.put(
    ObjectType(
        object_type_name="Purchase",
        description="Shop purchases",
        allow_profile_creation=True,
        fields={
            "id": ObjectTypeField(source="_source.id"),
            "email": ObjectTypeField(source="_source.email", content_type="EMAIL_ADDRESS"),
            "amount": ObjectTypeField(source="_source.amount", content_type="NUMBER"),
            "tier": ObjectTypeField(source="_source.tier"),
        },
        keys={
            "purchaseId": [ObjectTypeKey(standard_identifiers=["UNIQUE"], field_names=["id"])],
            "_email": [ObjectTypeKey(standard_identifiers=["PROFILE"], field_names=["email"])],
        },
    )
)

# 1. The condition: a big purchase, or any purchase by a gold customer ...
trigger = domain.event_triggers.create(
    "big-spender",
    object_type_name="Purchase",
    description="Thank big spenders",
    conditions=any_of(field("amount").greater_than(100), field("tier").includes("gold")),
    limits=limits(at_most(1, every=1, unit="DAYS"), expiration=timedelta(minutes=15)),
)
(condition,) = trigger.event_trigger_conditions
assert condition.logical_operator == "ANY"
assert trigger.event_trigger_limits.event_expiration == 900_000  # milliseconds

# 2. ... and the action: the integration that lists the trigger (an outbound campaign).
campaign = "arn:aws:connect-campaigns:us-east-1:123456789012:campaign/thank-you"
domain.integrations.put(campaign, object_type_name="Purchase", event_trigger_names=["big-spender"])

domain.objects.put("Purchase", {"id": "p1", "email": "ana@example.com", "amount": 150})
domain.objects.put("Purchase", {"id": "p2", "email": "li@example.com", "amount": 20})
domain.objects.put("Purchase", {"id": "p3", "email": "ana@example.com", "amount": 900})

# In a test: which profiles the trigger started the campaign for (once a day at most).
fired = backend.trigger_invocations("retail", "big-spender")
assert [(i["IntegrationUri"], i["Object"]["id"]) for i in fired] == [(campaign, "p1")]

# Conditions and limits can change; ANDed comparisons go in one list.
domain.event_triggers.update(
    "big-spender",
    conditions=all_of([field("amount").at_least(500), field("tier").excludes("staff")]),
)
assert domain.event_triggers.get("big-spender").description == "Thank big spenders"
assert [t.event_trigger_name for t in domain.event_triggers.list()] == ["big-spender"]

# A trigger an integration lists cannot be deleted: remove the integration first.
domain.integrations.delete(campaign)
assert domain.event_triggers.delete("big-spender") is True
