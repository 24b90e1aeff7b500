"""Benchmark: a profile-history append costs O(1) per write.

The emulator records history in a change-feed consumer (``local/_history.py``). Its
promise: appending a record costs the same whatever the domain holds. Three
measurements, each at a small and a large size in the same run, reported as a ratio
(large / small; 1.0 is constant cost):

1. ``domain``: the consumer's cost per change (an ``UPDATED`` record), in a domain of
   1,000 vs 100,000 profiles that each already have a history record;
2. ``profile``: the same, for a profile whose own history holds 1,000 vs 100,000 records;
3. ``call``: what recording adds to a whole ``UpdateProfile`` call through boto3
   (history on minus history off, same backend, same run), at 1,000 vs 100,000 records
   of the profile's history. The call itself is the raw-boto3 reference.

The large states are seeded directly in the emulator's store (``ProfileRec`` and the
same ``append`` the consumer uses), so seeding measures the append too.

Run: ``python benchmarks/bench_history.py [--small 1000] [--large 100000] [--changes 5000]``.
"""

from __future__ import annotations

import argparse
import gc
import time
from typing import Any

from customer_profiles_sdk.local import LocalBackend, _history
from customer_profiles_sdk.local._changes import Change, ChangeKind
from customer_profiles_sdk.local._registry import Context
from customer_profiles_sdk.local._state import DomainRec, ProfileRec

DOMAIN = "bench-history"
FAR = 4_000_000_000.0  # nothing expires during the run


def _backend() -> tuple[LocalBackend, Any, Context, DomainRec]:
    backend = LocalBackend()
    client = backend.client()
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=1000)
    ctx = Context(
        store=backend.store, clock=backend.clock, region="us-east-1", settings=backend.settings
    )
    return backend, client, ctx, backend.store.region("us-east-1").domains[DOMAIN]


def _profile(domain: DomainRec, i: int) -> ProfileRec:
    pid = f"{i:032x}"
    rec = ProfileRec(
        profile_id=pid,
        fields={"FirstName": f"First{i}", "LastName": f"Last{i}", "EmailAddress": f"u{i}@x.io"},
        created_at=0.0,
        updated_at=0.0,
        expires_at=FAR,
        seq=i,
    )
    domain.profiles[pid] = rec
    return rec


def _seed_domain(ctx: Context, domain: DomainRec, profiles: int) -> tuple[list[ProfileRec], float]:
    """``profiles`` profiles with one CREATED record each; returns them and µs/append."""
    recs = [_profile(domain, i) for i in range(profiles)]
    start = time.perf_counter()
    for rec in recs:
        _history.append(ctx, domain, rec.profile_id, "CREATED", {}, at=0.0, by_service=False)
    return recs, (time.perf_counter() - start) / profiles * 1e6


def _seed_profile(ctx: Context, domain: DomainRec, records: int) -> ProfileRec:
    """One profile whose history holds ``records`` records."""
    rec = _profile(domain, 10**9)
    for _ in range(records):
        _history.append(ctx, domain, rec.profile_id, "UPDATED", {}, at=0.0, by_service=False)
    return rec


def _per_change(ctx: Context, domain: DomainRec, profiles: list[ProfileRec], n: int) -> float:
    """Best of 7 rounds of the consumer's µs per UPDATED change (the machine is shared:
    the minimum is the least disturbed round)."""
    gc.collect()
    gc.freeze()  # the seeded state is not re-scanned by the cyclic GC (see README)
    rounds = []
    for _ in range(7):
        changes = [
            Change(ChangeKind.PROFILE_UPDATED, domain, profiles[i % len(profiles)], 1.0)
            for i in range(n)
        ]
        start = time.perf_counter()
        for change in changes:
            _history.record(ctx, change)
        rounds.append((time.perf_counter() - start) / n * 1e6)
    gc.unfreeze()
    return min(rounds)


def domain_size(small: int, large: int, n: int) -> tuple[float, float, float, float]:
    out = []
    for size in (small, large):
        _, _, ctx, domain = _backend()
        profiles, seed_us = _seed_domain(ctx, domain, size)
        out += [_per_change(ctx, domain, profiles, n), seed_us]
    return out[0], out[2], out[1], out[3]


def profile_size(small: int, large: int, n: int) -> tuple[float, float]:
    out = []
    for size in (small, large):
        _, _, ctx, domain = _backend()
        rec = _seed_profile(ctx, domain, size)
        out.append(_per_change(ctx, domain, [rec], n))
    return out[0], out[1]


def call_cost(small: int, large: int, calls: int) -> list[tuple[float, float]]:
    """(UpdateProfile µs with history off, on) at each size of the profile's history."""
    out = []
    for size in (small, large):
        backend, client, ctx, domain = _backend()
        pid = _seed_profile(ctx, domain, size).profile_id
        gc.collect()
        gc.freeze()
        pair = []
        for enabled in (False, True):
            backend.configure_history(enabled=enabled)
            rounds = []
            for _ in range(7):
                start = time.perf_counter()
                for i in range(calls):
                    client.update_profile(DomainName=DOMAIN, ProfileId=pid, FirstName=f"N{i}")
                rounds.append((time.perf_counter() - start) / calls * 1e6)
            pair.append(min(rounds))
        gc.unfreeze()
        out.append((pair[0], pair[1]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=5000)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    small, large = args.small, args.large

    d_small, d_large, seed_small, seed_large = domain_size(small, large, args.changes)
    print(
        f"domain : {small:>7} profiles {d_small:6.2f} µs/append | {large:>7} profiles "
        f"{d_large:6.2f} µs/append | ratio {d_large / d_small:.2f} "
        f"(seeding: {seed_small:.2f} vs {seed_large:.2f} µs/append)"
    )
    p_small, p_large = profile_size(small, large, args.changes)
    print(
        f"profile: {small:>7} records  {p_small:6.2f} µs/append | {large:>7} records  "
        f"{p_large:6.2f} µs/append | ratio {p_large / p_small:.2f}"
    )
    (off_s, on_s), (off_l, on_l) = call_cost(small, large, args.calls)
    print(
        f"call   : UpdateProfile via boto3, history off/on: {small:>7} records "
        f"{off_s:.0f}/{on_s:.0f} µs (+{on_s - off_s:.1f}) | {large:>7} records "
        f"{off_l:.0f}/{on_l:.0f} µs (+{on_l - off_l:.1f})"
    )


if __name__ == "__main__":
    main()
