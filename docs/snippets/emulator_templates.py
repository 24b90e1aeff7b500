"""Test templates: store-only types and default object limits."""

from datetime import datetime, timezone

from customer_profiles_sdk.local import Clock, LocalBackend

backend = LocalBackend(
    clock=Clock(start=datetime(2026, 10, 1, tzinfo=timezone.utc)),
    objects_per_profile=150,  # the per-profile total (1,000 by default)
)
backend.register_template(
    "Audit-Events",
    {
        "Fields": {"id": {"Source": "_source.id"}, "user": {"Source": "_source.user"}},
        "Keys": {
            "auditId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "auditUser": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["user"]}],
        },
        "AllowProfileCreation": True,
    },
    store_only=True,  # its types cannot feed calculated attributes
    default_max_count=20,  # evicted first above 20 objects per profile ...
    default_max_count_effective_after=datetime(2026, 9, 1, tzinfo=timezone.utc),
)  # ... in domains created after that date
client = backend.client()
template = client.get_profile_object_type_template(TemplateId="Audit-Events")
assert template["StoreOnly"] is True
assert template["DefaultMaxProfileObjectCount"] == 20
clickstream = client.get_profile_object_type_template(TemplateId="WebAnalytics-Clickstream")
assert clickstream["DefaultMaxProfileObjectCount"] == 100
