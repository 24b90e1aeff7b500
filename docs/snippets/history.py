"""Profile history: the audit trail of one profile, newest first."""

import json

from customer_profiles_sdk import CustomerProfiles, Profile
from customer_profiles_sdk.models import ActionType

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)

pid = domain.profiles.create(Profile(first_name="Ana", email_address="ana@example.com"))
domain.profiles.update(pid, first_name="Anna")
domain.profiles.add_key(pid, "_account", ["A-1"])

# history() is lazily paged, newest first; each record says what happened and who did it.
for record in domain.profiles.history(pid):
    print(record.created_at, record.action_type.value, record.object_type_name)
actions = [r.action_type for r in domain.profiles.history(pid)]
assert actions == [ActionType.ADDED_PROFILE_KEY, ActionType.UPDATED, ActionType.CREATED]

# Filters are exact and combined with AND.
updates = list(domain.profiles.history(pid, action_type=ActionType.UPDATED))
assert len(updates) == 1

# history_record() adds the content: the profile (or object, or key) as it was then.
record = domain.profiles.history_record(pid, updates[0].id)
assert json.loads(record.content or "{}")["FirstName"] == "Anna"

# The history outlives the profile.
domain.profiles.delete(pid)
newest = next(iter(domain.profiles.history(pid)))
assert newest.action_type is ActionType.DELETED_BY_CUSTOMER
