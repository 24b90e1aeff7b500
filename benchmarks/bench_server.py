"""Benchmark: calls per second over one keep-alive connection to the emulator's server.

Two calls, ``GetDomain`` (a GET without a body) and ``CreateProfile`` (a POST with a
JSON body), each measured three ways:

1. ``in-process``: a boto3 client answered by the embedded emulator in-process
   (``LocalBackend.client()``, botocore's ``before-call`` event): no HTTP at all, the
   reference.
2. ``boto3 http``: a boto3 client against ``LocalBackend.serve()`` (the HTTP server in a
   background thread of the same process) with a pool of one connection, so every call
   travels over the same keep-alive TCP connection.
3. ``http.client``: a raw :class:`http.client.HTTPConnection` loop on one connection:
   the server's own cost without botocore's signing, serialisation and parsing.

Run: ``python benchmarks/bench_server.py [--calls N] [--rounds R]``. For each it prints
the median throughput of the rounds (calls/s) and the median latency of a single call
(with the calls/s it stands for: robust to other processes stealing the CPU now and
then), and at the end how many TCP connections the server accepted in all (2, one per
client, means every call travelled over a kept-alive connection).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import time
from collections.abc import Callable

from botocore.config import Config

from customer_profiles_sdk.local import LocalBackend, emulator_client

DOMAIN = "bench"


def _measure(fn: Callable[[], object], calls: int, rounds: int) -> tuple[float, float]:
    """(median calls/s over the rounds, median seconds of one call)."""
    fn()  # warm-up: the first call loads handlers and opens the connection
    rates: list[float] = []
    latencies: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            before = time.perf_counter()
            fn()
            latencies.append(time.perf_counter() - before)
        rates.append(calls / (time.perf_counter() - start))
    return statistics.median(rates), statistics.median(latencies)


def _report(name: str, figures: tuple[float, float]) -> None:
    rate, latency = figures
    print(
        f"{name:26s} {rate:8.1f} calls/s   median call {latency * 1000:6.3f} ms "
        f"({1 / latency:7.1f}/s)"
    )


def _raw_call(connection: http.client.HTTPConnection, method: str, path: str, body: bytes) -> None:
    headers = {"Content-Type": "application/json"} if body else {}
    connection.request(method, path, body=body or None, headers=headers)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"unexpected status {response.status}")


def main() -> None:
    """Run the measurements and print calls/s."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=500, help="calls per round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, load average {load:.2f}; {args.rounds} x {args.calls} calls")

    backend = LocalBackend()
    backend.client().create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    local = backend.client()
    profile = {"DomainName": DOMAIN, "FirstName": "Ann", "EmailAddress": "ann@example.com"}
    body = json.dumps({k: v for k, v in profile.items() if k != "DomainName"}).encode()

    with backend.serve() as server:
        client = emulator_client(server.url, config=Config(max_pool_connections=1))
        connection = http.client.HTTPConnection(server.host, server.port, timeout=10)
        cases: list[tuple[str, Callable[[], object], Callable[[], object], Callable[[], None]]] = [
            (
                "GetDomain",
                lambda: local.get_domain(DomainName=DOMAIN),
                lambda: client.get_domain(DomainName=DOMAIN),
                lambda: _raw_call(connection, "GET", f"/domains/{DOMAIN}", b""),
            ),
            (
                "CreateProfile",
                lambda: local.create_profile(**profile),
                lambda: client.create_profile(**profile),
                lambda: _raw_call(connection, "POST", f"/domains/{DOMAIN}/profiles", body),
            ),
        ]
        for operation, in_process, boto3_http, raw in cases:
            _report(f"{operation} in-process", _measure(in_process, args.calls, args.rounds))
            _report(f"{operation} boto3 http", _measure(boto3_http, args.calls, args.rounds))
            _report(f"{operation} http.client", _measure(raw, args.calls, args.rounds))
        connection.close()
        print(
            f"the server accepted {server.connections_accepted} TCP connection(s) in all "
            "(2 means one per client: keep-alive throughout)"
        )


if __name__ == "__main__":
    main()
