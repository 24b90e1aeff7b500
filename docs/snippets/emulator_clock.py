"""The emulated clock: move it instead of sleeping."""

from datetime import datetime, timezone

from customer_profiles_sdk.local import Clock, LocalBackend

clock = Clock(start=datetime(2025, 1, 1, tzinfo=timezone.utc))  # frozen at that instant
backend = LocalBackend(clock=clock)
client = backend.client()
client.create_domain(DomainName="retail", DefaultExpirationDays=1)
client.create_profile(DomainName="retail", AccountNumber="A-1")

clock.advance(days=2)  # the profile expires after one day without updates
found = client.search_profiles(DomainName="retail", KeyName="_account", Values=["A-1"])
assert found["Items"] == []
assert clock.now() == datetime(2025, 1, 3, tzinfo=timezone.utc).timestamp()
