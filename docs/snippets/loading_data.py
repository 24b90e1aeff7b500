"""Loading data: put_many from a generator, failures, resuming."""

import json

from customer_profiles_sdk import CustomerProfiles

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)


def orders():  # any iterable: a generator, a list, df.to_dict("records") ...
    for n in range(1, 251):
        yield {"id": f"u-{n}", "email": f"customer{n}@example.com"}
    yield "this line is not JSON"  # bad input: reported, never sent
    yield json.dumps({"email": "no-id@example.com"})  # refused by the service (no id)


result = domain.objects.put_many("Zendesk-users", orders(), concurrency=4, rate=100)
print(result.stored)  # 250
for failed in result.failed:
    print(failed.index, failed.code, failed.message)  # positions 250 and 251, code 400
print(result.resume_from)  # 252: every position was acknowledged

assert result.stored == 250
assert [f.index for f in result.failed] == [250, 251]
assert not any(f.retryable for f in result.failed)
