"""Injected latency, for every call or for one operation."""

import time

from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
client = backend.client()
backend.faults.latency(0.05)  # every call sleeps 50 ms (real time)
backend.faults.latency(0.5, "SearchProfiles")  # this operation sleeps 500 ms instead
assert backend.faults.delay_for("SearchProfiles") == 0.5

started = time.perf_counter()
client.list_domains()
assert time.perf_counter() - started >= 0.05

backend.faults.latency(0, "SearchProfiles")  # back to the global delay
assert backend.faults.delay_for("SearchProfiles") == 0.05
backend.faults.latency(0)  # no delay
assert backend.faults.delay_for("SearchProfiles") == 0
