"""An error in the middle of a walk carries the token of the page that failed."""

from customer_profiles_sdk import CustomerProfiles, RetryPolicy, ThrottlingError
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
cp = CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())
for n in range(5):
    cp.domains.create(f"shop-{n}", default_expiration_days=30)

seen = []
try:
    for page in cp.domains.list().page_size(2).by_page():
        seen.extend(d.domain_name for d in page.items)
        backend.faults.fail_next("ListDomains")  # the next page request is throttled
except ThrottlingError as err:
    token = err.continuation_token
else:
    raise AssertionError("expected a ThrottlingError")

assert seen == ["shop-0", "shop-1"]
assert token is not None

# Resume where the walk stopped: no page is read twice.
for page in cp.domains.list().page_size(2).by_page(continuation_token=token):
    seen.extend(d.domain_name for d in page.items)
assert seen == ["shop-0", "shop-1", "shop-2", "shop-3", "shop-4"]
