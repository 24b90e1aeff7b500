"""Benchmark: the embedded emulator's cost as the domain grows, in-process through boto3.

Every call goes through a real boto3 client on the embedded emulator
(``LocalBackend.client()``: the short in-process pipeline, botocore's ``before-call``
event, no HTTP), so each figure includes botocore's own validation, serialisation and
parsing; what should not change with the size of the domain is the emulator's share.

All sizes are loaded first (profiles straight into the store with
``create_profile_record``, objects with ``ingest_object``; both are what the handlers
call, without the per-call boto3 round trip that would make loading 100,000 slow), then
every figure is measured with the sizes taking turns round by round in that one process
(median over the rounds' calls): a machine whose speed moves between rounds moves every
size alike, so a difference across sizes is the cost of the size, not the moment.

* ``search``: one ``SearchProfiles`` on ``_email`` matching one profile; the ratio of the
  largest size to the smallest non-empty one (goal <= 2).
* ``create``: ``CreateProfile`` calls per second (goal >= 2,000/s, flat within 1.5x from
  0 to 100,000 profiles): the median round and 1 / the median call.
* ``put``: ``PutProfileObject`` calls per second, each object creating a new profile
  through a ``_email`` PROFILE key lookup (same goal).
* ``list``: one ``ListProfileObjects`` of a profile holding 10 objects, in a domain that
  also holds one object per loaded profile.
* ``handlers alone``: the CreateProfile, PutProfileObject and SearchProfiles handlers
  called directly (no botocore), microseconds a call: the emulator's own share.
* ``client ceiling`` (its rounds take turns with the sizes' rounds too): the same client
  as ``LocalBackend.client()`` (unsigned, retries off, the same in-process pipeline) with
  a canned answer in place of the emulator: the calls/s no in-process emulator can pass
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
from typing import Any, NamedTuple

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


def _rates(
    fns: dict[str, Callable[[int], object]], calls: int, rounds: int
) -> dict[str, tuple[float, float]]:
    """Calls/s of each ``fn(i)`` (i unique): the median over ``rounds`` rounds of ``calls``
    calls, and 1 / the median single call (less sensitive to other processes taking the
    CPU). The functions take turns round by round, so all of them meet the machine at the
    same moments: their ratios hold even when its speed moves between rounds. The order
    rotates from one round to the next, so no function always goes first."""
    rates: dict[str, list[float]] = {name: [] for name in fns}
    singles: dict[str, list[float]] = {name: [] for name in fns}
    names = list(fns)
    counter = 0
    for round_no in range(rounds):
        shift = round_no % len(names)
        for name in names[shift:] + names[:shift]:
            fn = fns[name]
            start = time.perf_counter()
            for _ in range(calls):
                before = time.perf_counter()
                fn(counter)
                singles[name].append(time.perf_counter() - before)
                counter += 1
            rates[name].append(calls / (time.perf_counter() - start))
    return {
        name: (statistics.median(rates[name]), 1 / statistics.median(singles[name])) for name in fns
    }


def _order(email: str, order: str) -> str:
    return json.dumps({"order": order, "email": email, "amount": "12.50"})


def create_call(client: Any) -> Callable[[int], object]:
    """``CreateProfile`` of a new profile per ``i``."""
    return lambda i: client.create_profile(
        DomainName=DOMAIN, FirstName=f"New{i}", EmailAddress=f"new{i}@example.com"
    )


def put_call(client: Any) -> Callable[[int], object]:
    """``PutProfileObject`` of a new order per ``i``, creating a profile (new e-mail)."""
    return lambda i: client.put_profile_object(
        DomainName=DOMAIN, ObjectTypeName="Order", Object=_order(f"put{i}@example.com", f"p{i}")
    )


def ceiling_client() -> Any:
    """The client ``LocalBackend.client()`` builds, answered with canned bodies for
    CreateProfile and PutProfileObject (no emulator): botocore's client side alone."""
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
    return client


class Loaded(NamedTuple):
    """One loaded domain size: its boto3 client, a handler context, the id of the profile
    holding 10 objects and the e-mail a search looks for."""

    client: Any
    ctx: Context
    many: str
    probe: str


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


def measure(
    sizes: list[int], calls: int, rounds: int, repeat: int
) -> tuple[dict[int, dict[str, float]], dict[str, float]]:
    """Every figure at every size, the sizes taking turns round by round in one process;
    and the client ceiling's (``create_per_s``, ``create_single_per_s``, ``put_per_s``,
    ``put_single_per_s``), measured in the same rounds.

    All domains are loaded first, so every size is measured with the same heap and, round
    by round, at the same moments: a machine whose speed moves (a shared or burstable CPU,
    a large load just done) moves every size alike, and what still differs across sizes
    is the cost of the size. The price: every size runs in the heap of the largest (the
    garbage collector's full collections, the allocator's arenas), so a cost that comes
    from the process holding a large domain, rather than from the operation, shows at
    every size alike; the handlers' figures at each size are what tell the two apart.
    """
    results: dict[int, dict[str, float]] = {}
    domains: dict[int, Loaded] = {}
    for size in sizes:
        started = time.perf_counter()
        backend, client, many = build(size)
        results[size] = {"load_s": time.perf_counter() - started}
        ctx = Context(store=backend.store, clock=backend.clock, region="us-east-1")
        probe = f"user{size // 2}@example.com" if size else "many@example.com"
        domains[size] = Loaded(client, ctx, many, probe)
        print(f"{size:>7} profiles loaded in {results[size]['load_s']:.1f} s", flush=True)
    handlers = _load_handlers()

    def search(d: Loaded) -> Callable[[int], object]:
        def call(_: int) -> object:
            items = d.client.search_profiles(DomainName=DOMAIN, KeyName="_email", Values=[d.probe])
            assert len(items["Items"]) == 1
            return items

        return call

    def listing(d: Loaded) -> Callable[[int], object]:
        def call(_: int) -> object:
            items = d.client.list_profile_objects(
                DomainName=DOMAIN, ProfileId=d.many, ObjectTypeName="Order", MaxResults=100
            )
            assert len(items["Items"]) == 10
            return items

        return call

    # The emulator's own share: the handlers called directly (no botocore).
    def direct(operation: str, request: Callable[[Loaded, int], dict[str, Any]]) -> Any:
        handler = handlers[operation]
        return lambda d: lambda i: handler(d.ctx, request(d, i))

    def direct_create(_: Loaded, i: int) -> dict[str, Any]:
        return {"DomainName": DOMAIN, "EmailAddress": f"direct{i}@example.com"}

    def direct_put(_: Loaded, i: int) -> dict[str, Any]:
        return {
            "DomainName": DOMAIN,
            "ObjectTypeName": "Order",
            "Object": _order(f"dput{i}@example.com", f"d{i}"),
        }

    def direct_search(d: Loaded, _: int) -> dict[str, Any]:
        return {"DomainName": DOMAIN, "KeyName": "_email", "Values": [d.probe]}

    def each_size(make: Callable[[Loaded], Callable[[int], object]]) -> Any:
        return {size: make(domains[size]) for size in sizes}

    def per_call(timed: dict[Any, tuple[float, float]], scale: float) -> dict[Any, float]:
        return {size: scale / single for size, (_, single) in timed.items()}

    searched = per_call(_rates(each_size(search), repeat, rounds), 1e3)
    listed = per_call(_rates(each_size(listing), repeat, rounds), 1e3)
    alone = {
        name: per_call(_rates(each_size(direct(operation, request)), calls, rounds), 1e6)
        for name, operation, request in (
            ("create_handler_us", "CreateProfile", direct_create),
            ("put_handler_us", "PutProfileObject", direct_put),
            ("search_handler_us", "SearchProfiles", direct_search),
        )
    }
    ceiling = ceiling_client()

    def beside_ceiling(call: Callable[[Any], Callable[[int], object]]) -> Any:
        """The call through each size's client and through the ceiling's, in turns."""
        fns = {"ceiling": call(ceiling), **each_size(lambda d: call(d.client))}
        return _rates(fns, calls, rounds)

    through = {"create": beside_ceiling(create_call), "put": beside_ceiling(put_call)}
    ceiling_figures: dict[str, float] = {}
    for size in sizes:
        r = results[size]
        r["search_ms"] = searched[size]
        r["list_ms"] = listed[size]
        for name, figures in alone.items():
            r[name] = figures[size]
        for key, timed in through.items():
            r[f"{key}_per_s"], r[f"{key}_single_per_s"] = timed[size]
    for key, timed in through.items():
        ceiling_figures[f"{key}_per_s"], ceiling_figures[f"{key}_single_per_s"] = timed["ceiling"]
    return results, ceiling_figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,1000,20000,100000")
    parser.add_argument("--calls", type=int, default=500, help="calls per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=15, help="repeats of search/list")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores", flush=True)
    results, ceiling = measure(sizes, args.calls, args.rounds, args.repeat)
    for size in sizes:
        r = results[size]
        print(
            f"{size:>7} profiles: "
            f"SearchProfiles {r['search_ms']:8.2f} ms  ListProfileObjects {r['list_ms']:8.2f} ms  "
            f"CreateProfile {r['create_per_s']:6.0f}/s "
            f"(1/median call {r['create_single_per_s']:5.0f}/s)  "
            f"PutProfileObject {r['put_per_s']:6.0f}/s ({r['put_single_per_s']:5.0f}/s); "
            f"handlers alone: CreateProfile {r['create_handler_us']:.0f} us, "
            f"PutProfileObject {r['put_handler_us']:.0f} us, "
            f"SearchProfiles {r['search_handler_us']:.0f} us",
            flush=True,
        )
    print(
        "client ceiling (canned answers, no emulator): "
        f"CreateProfile {ceiling['create_per_s']:.0f}/s "
        f"(1/median call {ceiling['create_single_per_s']:.0f}/s)  "
        f"PutProfileObject {ceiling['put_per_s']:.0f}/s ({ceiling['put_single_per_s']:.0f}/s)"
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
    # The emulator's share of a call: its median call less the ceiling's (botocore's side),
    # and each rate over the ceiling.
    for operation, key in (("CreateProfile", "create"), ("PutProfileObject", "put")):
        client_us = 1e6 / ceiling[f"{key}_single_per_s"]
        shares = ", ".join(
            f"{1e6 / results[s][f'{key}_single_per_s'] - client_us:.0f}" for s in sizes
        )
        over = [results[s][f"{key}_per_s"] / ceiling[f"{key}_per_s"] for s in sizes]
        print(
            f"{operation}: emulator's share of the median call {shares} us at {args.sizes} "
            f"profiles; rounds / ceiling {', '.join(f'{r:.2f}' for r in over)} "
            f"(max/min {max(over) / min(over):.2f})"
        )


if __name__ == "__main__":
    main()
