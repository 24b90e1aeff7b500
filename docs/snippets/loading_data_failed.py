"""Loading data: fix the refused objects and load them again."""

from customer_profiles_sdk import CustomerProfiles

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)
rows = [{"id": "u-1"}, {"user_id": "u-2"}, {"id": "u-3"}, {"user_id": "u-4"}]

result = domain.objects.put_many("Zendesk-users", rows)
print([(f.index, f.code) for f in result.failed])  # [(1, 400), (3, 400)]: no "id"


def fix(row):
    return {"id": row["user_id"]}


fixed = [fix(f.object) for f in result.failed if not f.retryable]
again = domain.objects.put_many("Zendesk-users", fixed)
assert again.stored == 2
assert again.failed == []
