"""Loading data: one BatchPutProfileObject call, and the emulator's faults."""

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
cp = CustomerProfiles.local(backend=backend, retry=RetryPolicy(initial_wait=0.01))
domain = cp.domains.create("retail", default_expiration_days=365)

# One call, up to 10 objects, one result per object.
batch = domain.objects.put_batch("Zendesk-users", [{"id": "a"}, {"id": "b"}, "[]"])
print([s.index for s in batch.stored], [(f.index, f.code) for f in batch.failed])
assert [f.index for f in batch.failed] == [2]

# A flaky service: 20 % of the calls throttled, some items throttled, one batch
# committed then answered 500. put_many retries them; nothing is stored twice.
backend.faults.fail_fraction("BatchPutProfileObject", 0.2, seed=1)
backend.faults.fail_items("BatchPutProfileObject", count=5, code=429)
backend.faults.fail_after_commit("BatchPutProfileObject")
result = domain.objects.put_many("Zendesk-users", ({"id": f"u-{n}"} for n in range(300)))
print(result.stored, result.calls, result.throttled)
assert result.stored == 300
assert domain.get().stats.object_count == 302  # 300 + "a" and "b"
