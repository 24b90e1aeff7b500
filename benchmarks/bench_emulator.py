"""Benchmark: the embedded emulator's cost as the domain grows, in-process through boto3.

Every call goes through a real boto3 client on the embedded emulator
(``LocalBackend.client()``: the short in-process pipeline, botocore's ``before-call``
event, no HTTP), so each figure includes botocore's own validation, serialisation and
parsing; what should not change with the size of the domain is the emulator's share.

Measured, per domain size (profiles loaded straight into the store with
``create_profile_record``, objects with ``ingest_object``; both are what the handlers
call, without the per-call boto3 round trip that would make loading 100,000 slow):

* ``search``: median of one ``SearchProfiles`` on ``_email`` matching one profile; the
  ratio of the largest size to the smallest (goal <= 2).
* ``create``: ``CreateProfile`` calls per second (goal >= 2,000/s, flat within 1.5x from
  0 to 100,000 profiles).
* ``put``: ``PutProfileObject`` calls per second, each object creating a new profile
  through a ``_email`` PROFILE key lookup (same goal).
* ``list``: median of one ``ListProfileObjects`` of a profile holding 10 objects, in a
  domain that also holds one object per loaded profile.
* ``handlers alone``: the median microseconds of the CreateProfile, PutProfileObject and
  SearchProfiles handlers called directly (no botocore): the emulator's own share.
* ``client ceiling`` (once, before the sizes): the same client as
  ``LocalBackend.client()`` (unsigned, retries off, the same in-process pipeline) with a
  canned answer in place of the emulator: the calls/s no in-process emulator can pass
  through boto3 on this machine, so an absolute goal can be read against the machine.

Run: ``python benchmarks/bench_emulator.py [--sizes 0,1000,20000,100000] [--calls 500]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.local._backend import _load_handlers
from customer_profiles_sdk.local._ingest import ingest_object
from customer_profiles_sdk.local._profiles import create_profile_record
from customer_profiles_sdk.local._registry import Context
from customer_profiles_sdk.local._state import MANUAL

DOMAIN = "bench"
ORDER_TYPE = {
    "AllowProfileCreation": True,
    "Fields": {
        "order": {"Source": "_source.order"},
        "email": {
            "Source": "_source.email",
            "Target": "_profile.EmailAddress",
            "ContentType": "EMAIL_ADDRESS",
        },
    },
    "Keys": {
        "orderId": [{"FieldNames": ["order"], "StandardIdentifiers": ["UNIQUE"]}],
        "_email": [{"FieldNames": ["email"], "StandardIdentifiers": ["PROFILE"]}],
    },
}


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _rate(fn: Callable[[int], object], calls: int, rounds: int) -> tuple[float, float]:
    """Calls/s of ``fn(i)`` (i unique): median over ``rounds`` rounds of ``calls`` calls,
    and 1 / the median single call (less sensitive to other processes taking the CPU)."""
    rates = []
    singles = []
    counter = 0
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            before = time.perf_counter()
            fn(counter)
            singles.append(time.perf_counter() - before)
            counter += 1
        rates.append(calls / (time.perf_counter() - start))
    return statistics.median(rates), 1 / statistics.median(singles)


def _order(email: str, order: str) -> str:
    return json.dumps({"order": order, "email": email, "amount": "12.50"})


def client_ceiling(calls: int, rounds: int) -> dict[str, float]:
    """Calls/s of CreateProfile and PutProfileObject answered with canned bodies (no
    emulator): botocore's client side alone, as ``LocalBackend.client()`` builds it."""
    from botocore import UNSIGNED
    from botocore.config import Config

    from customer_profiles_sdk.local import _inprocess, emulator_client
    from customer_profiles_sdk.local._wire import HttpResponse

    client: Any = emulator_client(config=Config(signature_version=UNSIGNED))
    canned = {
        "POST": b'{"ProfileId": "0123456789abcdef0123456789abcdef"}',  # CreateProfile
        "PUT": b'{"ProfileObjectUniqueKey": "k"}',  # PutProfileObject
    }

    def answer(method: str, *_: Any, **__: Any) -> HttpResponse:
        return HttpResponse(200, {"Content-Type": "application/json"}, canned[method])

    _inprocess.attach(client, answer, "us-east-1", "auto")  # what LocalBackend.attach does
    create, create_single = _rate(
        lambda i: client.create_profile(
            DomainName=DOMAIN, FirstName=f"New{i}", EmailAddress=f"new{i}@example.com"
        ),
        calls,
        rounds,
    )
    put, put_single = _rate(
        lambda i: client.put_profile_object(
            DomainName=DOMAIN, ObjectTypeName="Order", Object=_order(f"put{i}@example.com", f"p{i}")
        ),
        calls,
        rounds,
    )
    return {"create": create, "create_single": create_single, "put": put, "put_single": put_single}


def build(size: int) -> tuple[LocalBackend, Any, str]:
    """A backend with ``size`` profiles and one order object per profile.

    Returns the backend, a boto3 client and the id of a profile holding 10 objects.
    """
    backend = LocalBackend(clock=Clock(start=1_760_000_000.0))
    client = backend.client()
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    client.put_profile_object_type(
        DomainName=DOMAIN, ObjectTypeName="Order", Description="orders", **ORDER_TYPE
    )
    ctx = Context(store=backend.store, clock=backend.clock, region="us-east-1")
    domain = ctx.domain(DOMAIN)
    for i in range(size):
        create_profile_record(
            ctx,
            domain,
            {"FirstName": f"First{i}", "EmailAddress": f"user{i}@example.com"},
            inferred=False,
            provenance_source=MANUAL,
        )
        ingest_object(ctx, domain, "Order", _order(f"user{i}@example.com", f"o{i}"))
    for j in range(10):
        ingest_object(ctx, domain, "Order", _order("many@example.com", f"m{j}"))
    many = client.search_profiles(DomainName=DOMAIN, KeyName="_email", Values=["many@example.com"])
    return backend, client, many["Items"][0]["ProfileId"]


def measure(size: int, calls: int, rounds: int, repeat: int) -> dict[str, float]:
    started = time.perf_counter()
    backend, client, many = build(size)
    loaded = time.perf_counter() - started
    probe = f"user{size // 2}@example.com" if size else "many@example.com"

    def search() -> object:
        items = client.search_profiles(DomainName=DOMAIN, KeyName="_email", Values=[probe])
        assert len(items["Items"]) == 1
        return items

    def listing() -> object:
        items = client.list_profile_objects(
            DomainName=DOMAIN, ProfileId=many, ObjectTypeName="Order", MaxResults=100
        )
        assert len(items["Items"]) == 10
        return items

    def create(i: int) -> object:
        return client.create_profile(
            DomainName=DOMAIN, FirstName=f"New{i}", EmailAddress=f"new{i}@example.com"
        )

    def put(i: int) -> object:
        return client.put_profile_object(
            DomainName=DOMAIN,
            ObjectTypeName="Order",
            Object=_order(f"put{i}@example.com", f"p{i}"),
        )

    # The emulator's own share: the handlers called directly (no botocore), per call.
    ctx = Context(store=backend.store, clock=backend.clock, region="us-east-1")
    handlers = _load_handlers()

    def direct(operation: str, request: Callable[[int], dict[str, Any]]) -> float:
        times = []
        for i in range(calls):
            before = time.perf_counter()
            handlers[operation](ctx, request(i))
            times.append(time.perf_counter() - before)
        return statistics.median(times) * 1e6

    create_us = direct(
        "CreateProfile",
        lambda i: {"DomainName": DOMAIN, "EmailAddress": f"direct{i}@example.com"},
    )
    put_us = direct(
        "PutProfileObject",
        lambda i: {
            "DomainName": DOMAIN,
            "ObjectTypeName": "Order",
            "Object": _order(f"dput{i}@example.com", f"d{i}"),
        },
    )
    search_us = direct(
        "SearchProfiles",
        lambda i: {"DomainName": DOMAIN, "KeyName": "_email", "Values": [probe]},
    )
    create_rate, create_single = _rate(create, calls, rounds)
    put_rate, put_single = _rate(put, calls, rounds)
    return {
        "load_s": loaded,
        "create_handler_us": create_us,
        "put_handler_us": put_us,
        "search_handler_us": search_us,
        "search_ms": _median(search, repeat) * 1000,
        "list_ms": _median(listing, repeat) * 1000,
        "create_per_s": create_rate,
        "create_single_per_s": create_single,
        "put_per_s": put_rate,
        "put_single_per_s": put_single,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,1000,20000,100000")
    parser.add_argument("--calls", type=int, default=500, help="calls per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=15, help="repeats of search/list")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores", flush=True)
    ceiling = client_ceiling(args.calls, args.rounds)
    print(
        "client ceiling (canned answers, no emulator): "
        f"CreateProfile {ceiling['create']:.0f}/s "
        f"(1/median call {ceiling['create_single']:.0f}/s)  "
        f"PutProfileObject {ceiling['put']:.0f}/s ({ceiling['put_single']:.0f}/s)",
        flush=True,
    )
    results = {}
    for size in sizes:
        results[size] = r = measure(size, args.calls, args.rounds, args.repeat)
        print(
            f"{size:>7} profiles (loaded in {r['load_s']:6.1f} s): "
            f"SearchProfiles {r['search_ms']:8.2f} ms  ListProfileObjects {r['list_ms']:8.2f} ms  "
            f"CreateProfile {r['create_per_s']:6.0f}/s "
            f"(1/median call {r['create_single_per_s']:5.0f}/s)  "
            f"PutProfileObject {r['put_per_s']:6.0f}/s ({r['put_single_per_s']:5.0f}/s); "
            f"handlers alone: CreateProfile {r['create_handler_us']:.0f} us, "
            f"PutProfileObject {r['put_handler_us']:.0f} us, "
            f"SearchProfiles {r['search_handler_us']:.0f} us",
            flush=True,
        )
    small = min(s for s in sizes if s > 0) if any(s > 0 for s in sizes) else sizes[0]
    large = max(sizes)
    print(
        f"SearchProfiles {large} / {small}: "
        f"{results[large]['search_ms'] / results[small]['search_ms']:.2f} (goal <= 2)"
    )
    print(
        f"ListProfileObjects {large} / {small}: "
        f"{results[large]['list_ms'] / results[small]['list_ms']:.2f}"
    )
    for name in ("create_per_s", "create_single_per_s", "put_per_s", "put_single_per_s"):
        rates = [results[s][name] for s in sizes]
        print(
            f"{name}: min {min(rates):.0f}/s, max/min {max(rates) / min(rates):.2f} "
            "(goal >= 2000/s, within 1.5x)"
        )
    # The emulator's share of a call: its median call less the ceiling's (botocore's side).
    for operation, key in (("CreateProfile", "create"), ("PutProfileObject", "put")):
        client_us = 1e6 / ceiling[f"{key}_single"]
        shares = ", ".join(
            f"{1e6 / results[s][f'{key}_single_per_s'] - client_us:.0f}" for s in sizes
        )
        ratios = ", ".join(f"{results[s][f'{key}_per_s'] / ceiling[key]:.2f}" for s in sizes)
        print(
            f"{operation}: emulator's share of the median call {shares} us at {args.sizes} "
            f"profiles (botocore's {client_us:.0f} us); rounds / ceiling {ratios}"
        )


if __name__ == "__main__":
    main()
