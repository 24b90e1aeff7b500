"""Benchmark: rule-based matching over 100,000 emulated profiles with 3 rules, in-process.

Three measurements:

1. ``full evaluation``: the status of ``RuleBasedMatching`` becomes ACTIVE (after
   UpdateDomain and the PENDING / IN_PROGRESS wait on the emulated clock) and the engine
   evaluates every profile of the domain. Timed: the one ``GetDomain`` call that applies
   the transition. Goal: under 10 s for 100,000 profiles.
2. ``incremental``: ``CreateProfile`` of a duplicate in that domain, with rule-based
   matching on vs off in an identical domain (ratio): the change re-indexes one profile
   and regroups only what it touches.
3. ``list``: ``ListRuleBasedMatches`` walked through the SDK (``domain.matches.rule_based()``)
   vs raw boto3 paging, in the same run (ratio).

The profiles are loaded into the emulator's state directly (100,000 CreateProfile calls
through botocore would measure botocore, not matching); every read and the transition
go through the real API path.

Run: ``python benchmarks/bench_matching.py [--profiles N] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from typing import Any

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.local._state import ProfileRec

RULES = [
    {"Rule": ["EmailAddress", "FirstName", "LastName"]},
    {"Rule": ["PhoneNumber", "FirstName", "LastName"]},
    {"Rule": ["Address.Address", "Address.PostalCode", "LastName"]},
]
START = 1_800_000_000.0


def _fields(rng: random.Random, i: int) -> dict[str, Any]:
    return {
        "FirstName": f"First{rng.randrange(300)}",
        "LastName": f"Last{rng.randrange(2000)}",
        "EmailAddress": f"user{i}@example.com",
        "PhoneNumber": f"+1206{i:07d}",
        "Address": {"Address1": f"{i} Main St", "PostalCode": f"{98000 + i % 900}"},
    }


def _duplicate(rng: random.Random, of: dict[str, Any], i: int) -> dict[str, Any]:
    """A near-duplicate: same person, one identifier kept, the others different."""
    dup = {k: (dict(v) if isinstance(v, dict) else v) for k, v in of.items()}
    kept = rng.randrange(3)
    if kept != 0:
        dup["EmailAddress"] = f"other{i}@example.com"
    if kept != 1:
        dup["PhoneNumber"] = f"+1425{i:07d}"
    if kept != 2:
        dup["Address"] = {"Address1": f"{i} Side St", "PostalCode": "10001"}
    dup["EmailAddress"] = str(dup["EmailAddress"]).upper()  # normalisation matters
    return dup


def _load(backend: LocalBackend, domain: str, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    rec = backend.store.region("us-east-1").domains[domain]
    originals: list[dict[str, Any]] = []
    for i in range(count):
        if originals and i % 5 == 0:  # 20 % near-duplicates
            fields = _duplicate(rng, rng.choice(originals), i)
        else:
            fields = _fields(rng, i)
            originals.append(fields)
        pid = f"{i:032x}"
        at = START + i * 0.001
        rec.profiles[pid] = ProfileRec(pid, fields, at, at, START + 10**8, i)


def _domain(backend: LocalBackend, name: str, rule_based: bool) -> None:
    client = backend.client()
    kwargs: dict[str, Any] = {}
    if rule_based:
        kwargs["RuleBasedMatching"] = {"Enabled": True, "MatchingRules": RULES[:1]}
    client.create_domain(DomainName=name, DefaultExpirationDays=365, **kwargs)


def main() -> None:
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    clock = Clock(START)
    backend = LocalBackend(clock=clock)
    client = backend.client()
    _domain(backend, "on", rule_based=True)
    _domain(backend, "off", rule_based=False)
    _load(backend, "on", args.profiles)
    _load(backend, "off", args.profiles)

    # 1. Full evaluation: change to the 3 rules, wait out PENDING, time the ACTIVE tick.
    clock.advance(86_400)
    client.update_domain(
        DomainName="on", RuleBasedMatching={"Enabled": True, "MatchingRules": RULES}
    )
    clock.advance(3_600 + 60)
    started, cpu = time.perf_counter(), time.process_time()
    status = client.get_domain(DomainName="on")["RuleBasedMatching"]["Status"]
    full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
    assert status == "ACTIVE", status
    groups = len(client.list_rule_based_matches(DomainName="on", MaxResults=100)["MatchIds"])
    print(
        f"full evaluation: {args.profiles:,} profiles, 3 rules: {full:.2f} s wall, "
        f"{full_cpu:.2f} s CPU (goal < 10 s){'' if full < 10 else '  ** wall over goal **'}"
    )

    # 2. Incremental: one CreateProfile (a duplicate of profile 1) with matching on vs off.
    template = backend.store.region("us-east-1").domains["on"].profiles[f"{1:032x}"].fields
    body = {k: v for k, v in template.items() if k != "Address"}

    def create(domain: str) -> float:
        started = time.perf_counter()
        client.create_profile(DomainName=domain, **body)
        return time.perf_counter() - started

    on = statistics.median(create("on") for _ in range(args.repeat))
    off = statistics.median(create("off") for _ in range(args.repeat))
    print(
        f"incremental CreateProfile in {args.profiles:,}: rule-based on {on * 1000:.2f} ms, "
        f"off {off * 1000:.2f} ms (ratio {on / off:.2f})"
    )

    # 3. Listing the groups: SDK vs raw boto3 paging.
    cp = CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())

    def raw() -> int:
        total, token = 0, None
        while True:
            kw = {"NextToken": token} if token else {}
            page = client.list_rule_based_matches(DomainName="on", MaxResults=100, **kw)
            total += len(page["MatchIds"])
            token = page.get("NextToken")
            if not token:
                return total

    def sdk() -> int:
        return len(cp.domain("on").matches.rule_based().page_size(100).to_list())

    timings: dict[str, list[float]] = {"boto3": [], "sdk": []}
    counts = set()
    for _ in range(max(3, args.repeat // 5)):
        for name, fn in (("boto3", raw), ("sdk", sdk)):
            started = time.perf_counter()
            counts.add(fn())
            timings[name].append(time.perf_counter() - started)
    b, s = (statistics.median(timings[k]) for k in ("boto3", "sdk"))
    print(
        f"list {counts.pop():,} match ids (first page had {groups}): boto3 {b * 1000:.1f} ms, "
        f"SDK {s * 1000:.1f} ms (ratio {s / b:.2f})"
    )


if __name__ == "__main__":
    main()
