"""One backend, several regions: each region has its own domains."""

from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend(account_id="111122223333")
east = backend.client(region_name="us-east-1")
west = backend.client(region_name="eu-west-2")
east.create_domain(DomainName="retail", DefaultExpirationDays=30)
assert west.list_domains()["Items"] == []
assert east.get_domain(DomainName="retail")["DomainName"] == "retail"
