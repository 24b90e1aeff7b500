"""Benchmark: what the SDK adds on top of raw boto3 for reading profiles.

Two measurements, each SDK vs raw boto3 in the same run (ratios, not absolute times):

1. ``stubbed``: one ``SearchProfiles`` page of 100 full profiles served by
   ``botocore.stub.Stubber`` (no network, no emulator): the SDK's own cost (validation,
   transport, converting 100 items to ``Profile`` models) against botocore's
   serialisation and parsing alone.
2. ``emulator``: walking 500 profiles in pages of 100 against the embedded emulator, the
   way tests and notebooks use it.

Run: ``python benchmarks/bench_search.py [--repeat N]``. It prints one line per
measurement with the median time of each side and the ratio SDK / boto3.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import boto3
from botocore.stub import Stubber

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk.local import LocalBackend

DOMAIN = "bench"


def _profile(i: int) -> dict[str, Any]:
    address = {"Address1": f"{i} Main St", "City": "Seattle", "PostalCode": "98101"}
    return {
        "ProfileId": f"{i:032x}",
        "FirstName": f"First{i}",
        "LastName": f"Last{i}",
        "EmailAddress": f"user{i}@example.com",
        "PhoneNumber": f"+1206555{i:04d}",
        "Gender": "UNSPECIFIED",
        "Address": address,
        "ShippingAddress": address,
        "Attributes": {"tier": "gold", "segment": str(i % 7)},
    }


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stubbed(repeat: int) -> tuple[float, float]:
    """Median seconds (raw boto3, SDK) for one stubbed page of 100 profiles."""
    page = {"Items": [_profile(i) for i in range(100)]}
    request = {"DomainName": DOMAIN, "KeyName": "_email", "Values": ["x@example.com"]}
    client = boto3.client(
        "customer-profiles",
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
    )
    stubber = Stubber(client)
    stubber.activate()
    domain = CustomerProfiles(client=client, retry=RetryPolicy.none()).domain(DOMAIN)

    def queue() -> None:  # Stubber validates each response when queued: not timed
        for _ in range(repeat):
            stubber.add_response("search_profiles", page, request)

    def raw() -> object:
        return client.search_profiles(**request)["Items"]

    def sdk() -> object:
        return domain.profiles.search("_email", ["x@example.com"]).to_list()

    queue()
    raw_time = _median(raw, repeat)
    queue()
    return raw_time, _median(sdk, repeat)


def emulator(repeat: int) -> tuple[float, float]:
    """Median seconds (raw boto3, SDK) to walk 500 profiles in pages of 100."""
    backend = LocalBackend()
    client = backend.client()
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    for i in range(500):
        client.create_profile(
            DomainName=DOMAIN, **{k: v for k, v in _profile(i).items() if k != "ProfileId"}
        )
    cp = CustomerProfiles(client=client, retry=RetryPolicy.none())
    domain = cp.domain(DOMAIN)

    def raw() -> object:
        items: list[Any] = []
        for chunk in range(5):
            vals = [f"user{chunk * 100 + i}@example.com" for i in range(100)]
            token = None
            while True:
                kwargs: dict[str, Any] = {"NextToken": token} if token else {}
                response = client.search_profiles(
                    DomainName=DOMAIN, KeyName="_email", Values=vals, MaxResults=100,
                    **kwargs,
                )  # fmt: skip
                items += response["Items"]
                token = response.get("NextToken")
                if not token:
                    break
        return items

    def sdk() -> object:
        items: list[Any] = []
        for chunk in range(5):
            vals = [f"user{chunk * 100 + i}@example.com" for i in range(100)]
            items += domain.profiles.search("_email", vals).page_size(100).to_list()
        return items

    return _median(raw, repeat), _median(sdk, repeat)


def main() -> None:
    """Run both measurements and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    for name, measure in (("stubbed", stubbed), ("emulator", emulator)):
        raw, sdk = measure(args.repeat)
        print(
            f"{name:9s} boto3 {raw * 1000:8.2f} ms  sdk {sdk * 1000:8.2f} ms  "
            f"ratio sdk/boto3 {sdk / raw:5.2f}"
        )


if __name__ == "__main__":
    main()
