"""Pagination: lazy iteration, limits, page sizes, pages and resuming."""

from customer_profiles_sdk import CustomerProfiles, Paged

cp = CustomerProfiles.local()
for name in ("a-shop", "b-shop", "c-shop", "d-shop", "e-shop"):
    cp.domains.create(name, default_expiration_days=30)

domains = cp.domains.list()  # a Paged[DomainSummary]: nothing is requested yet
assert isinstance(domains, Paged)

# Iterating walks every page for you; iterating again starts over.
assert [d.domain_name for d in domains] == ["a-shop", "b-shop", "c-shop", "d-shop", "e-shop"]

# .limit(n) and .page_size(n) return copies; limit requests no more than it needs.
assert [d.domain_name for d in domains.page_size(2).limit(3)] == ["a-shop", "b-shop", "c-shop"]
assert domains.first().domain_name == "a-shop"
assert domains.map(lambda d: d.domain_name).to_list()[-1] == "e-shop"

# Page by page: each Page has .items and .next_token.
pages = list(domains.page_size(2).by_page())
assert [len(p.items) for p in pages] == [2, 2, 1]
assert pages[-1].next_token is None

# Stop, keep the token, resume later (even in another process).
first_page = next(domains.page_size(2).by_page())
token = first_page.next_token
rest = [d.domain_name for p in domains.page_size(2).by_page(token) for d in p.items]
assert rest == ["c-shop", "d-shop", "e-shop"]
