"""Benchmark: the SDK against raw boto3 on canned in-process answers (issue 16).

Every measurement runs both sides in the same process and run, on the same response
bytes: a botocore ``before-send`` handler answers each request with a prepared
``AWSResponse`` (no network, no emulator), so what is compared is the client-side cost
only -- serialising, validating, parsing and building models. The SDK side uses a
client the SDK builds (``CustomerProfiles(region_name=...)``); the boto3 side a plain
``boto3.client("customer-profiles")``. Rounds alternate the two sides; the figure of a
side is the median of its rounds, and the ratio is SDK / boto3 (lower is faster).

Measurements:

* ``SearchProfiles`` page of 100 profiles (``domain.profiles.search(...).to_list()`` vs
  ``client.search_profiles(...)["Items"]``);
* ``ListProfileObjects`` of 100 objects of 1 KB, ``CreateProfile``, ``GetDomain``,
  ``ListCalculatedAttributesForProfile`` (10 values), ``BatchGetProfile`` of 20;
* walking 100,000 profiles over canned pages of 100 (``for p in search(...)`` vs a
  ``NextToken`` loop), and the peak memory of the walk (tracemalloc) at a tenth of the
  profiles and at all of them: the same peak means memory O(page);
* import + first client, in fresh processes (``import customer_profiles_sdk;
  CustomerProfiles(...)`` vs ``import boto3; boto3.client(...)``), timed inside the
  process (interpreter start-up excluded);
* a further ``CustomerProfiles()`` in the same process vs a further ``boto3.client()``.

Run: ``python benchmarks/bench_sdk.py [--rounds 15] [--walk 100000] [--only NAME ...]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ.pop("AWS_PROFILE", None)

import boto3
from botocore.awsrequest import AWSResponse, HTTPHeaders
from botocore.config import Config

from customer_profiles_sdk import Address, CustomerProfiles, Profile, RetryPolicy

REGION = "us-east-1"
DOMAIN = "bench"
PID = "0" * 31 + "1"
NOW = 1764633600.123  # epoch seconds, as the service sends timestamps


# --------------------------------------------------------------------------- canned bytes


def _profile(i: int) -> dict[str, Any]:
    address = {"Address1": f"{i} Main St", "City": "Seattle", "PostalCode": "98101"}
    return {
        "ProfileId": f"{i:032x}",
        "AccountNumber": f"A-{i}",
        "FirstName": f"First{i}",
        "LastName": f"Last{i}",
        "BirthDate": "1990-01-01",
        "Gender": "UNSPECIFIED",
        "PartyType": "INDIVIDUAL",
        "EmailAddress": f"user{i}@example.com",
        "PhoneNumber": f"+1206555{i % 10000:04d}",
        "Address": address,
        "ShippingAddress": address,
        "Attributes": {"tier": "gold", "segment": str(i % 7)},
        "FoundByItems": [{"KeyName": "_email", "Values": [f"user{i}@example.com"]}],
    }


def _object(i: int) -> dict[str, Any]:
    data = {"order_id": str(i), "email": f"user{i}@example.com", "note": "x" * 900}
    return {
        "ObjectTypeName": "Order",
        "ProfileObjectUniqueKey": f"key-{i:08d}",
        "Object": json.dumps(data),
    }


def _domain() -> dict[str, Any]:
    return {
        "DomainName": DOMAIN,
        "DefaultExpirationDays": 365,
        "DefaultEncryptionKey": "arn:aws:kms:us-east-1:123456789012:key/abc",
        "DeadLetterQueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
        "Stats": {"ProfileCount": 1000, "MeteringProfileCount": 900, "ObjectCount": 5000,
                  "TotalSize": 123456},
        "Matching": {"Enabled": True, "JobSchedule": {"DayOfTheWeek": "SUNDAY", "Time": "03:00"},
                     "AutoMerging": {"Enabled": False}},
        "CreatedAt": NOW,
        "LastUpdatedAt": NOW,
        "Tags": {"team": "crm"},
    }  # fmt: skip


def _calculated(i: int) -> dict[str, Any]:
    return {
        "CalculatedAttributeName": f"attr_{i}",
        "DisplayName": f"Attribute {i}",
        "IsDataPartial": "false",
        "Value": str(i * 10),
        "LastObjectTimestamp": NOW,
    }


def _bytes(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload).encode()


class _Raw:
    """What ``AWSResponse`` reads the body from."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Any:
        yield self._body


def _answer(body: bytes) -> Callable[..., AWSResponse]:
    headers = HTTPHeaders()
    headers["Content-Type"] = "application/json"
    headers["x-amzn-RequestId"] = "00000000-0000-0000-0000-000000000000"

    def handler(request: Any, **_: Any) -> AWSResponse:
        return AWSResponse(request.url, 200, headers, _Raw(body))

    return handler


CANNED: dict[str, bytes] = {
    "SearchProfiles": _bytes({"Items": [_profile(i) for i in range(100)]}),
    "ListProfileObjects": _bytes({"Items": [_object(i) for i in range(100)]}),
    "CreateProfile": _bytes({"ProfileId": PID}),
    "GetDomain": _bytes(_domain()),
    "ListCalculatedAttributesForProfile": _bytes({"Items": [_calculated(i) for i in range(10)]}),
    "BatchGetProfile": _bytes({"Profiles": [_profile(i) for i in range(20)], "Errors": []}),
}


def _answer_all(client: Any) -> Any:
    for operation, body in CANNED.items():
        client.meta.events.register(f"before-send.customer-profiles.{operation}", _answer(body))
    return client


def _raw_client() -> Any:
    return _answer_all(boto3.client("customer-profiles", region_name=REGION))


def _sdk() -> CustomerProfiles:
    cp = CustomerProfiles(region_name=REGION, retry=RetryPolicy())
    _answer_all(cp.client)
    return cp


# --------------------------------------------------------------------------- timing


def _timed(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls


def compare(
    raw: Callable[[], object], sdk: Callable[[], object], rounds: int, calls: int
) -> tuple[float, float]:
    """Median seconds per call of (raw, sdk) over ``rounds`` alternating rounds."""
    raw(), sdk()  # warm up: caches, lazily built functions
    raw_times, sdk_times = [], []
    for i in range(rounds):
        order = ((raw, raw_times), (sdk, sdk_times))
        for fn, times in order if i % 2 == 0 else reversed(order):
            times.append(_timed(fn, calls))
    return statistics.median(raw_times), statistics.median(sdk_times)


def _line(
    name: str, raw: float, sdk: float, goal: float | None, unit: str = "ms", label: str = "sdk"
) -> None:
    scale = 1000.0 if unit == "ms" else 1e6
    target = f"  (goal <= {goal})" if goal is not None else ""
    print(
        f"{name:38s} boto3 {raw * scale:9.3f} {unit}  {label} {sdk * scale:9.3f} {unit}  "
        f"ratio {sdk / raw:5.2f}{target}",
        flush=True,
    )


# --------------------------------------------------------------------------- measurements


def calls(rounds: int) -> None:
    """The six calls of the issue, one canned answer each."""
    client = _raw_client()
    domain = _sdk().domain(DOMAIN)
    ids = [f"{i:032x}" for i in range(20)]
    cases: list[tuple[str, Callable[[], object], Callable[[], object], int, float]] = [
        (
            "SearchProfiles page of 100",
            lambda: client.search_profiles(DomainName=DOMAIN, KeyName="_email", Values=["a@b.c"])[
                "Items"
            ],
            lambda: domain.profiles.search("_email", ["a@b.c"]).to_list(),
            5,
            0.6,
        ),
        (
            "ListProfileObjects 100 x 1 KB",
            lambda: client.list_profile_objects(
                DomainName=DOMAIN, ProfileId=PID, ObjectTypeName="Order"
            )["Items"],
            lambda: domain.objects.list(PID, "Order").to_list(),
            10,
            0.9,
        ),
        (
            "CreateProfile",
            lambda: client.create_profile(
                DomainName=DOMAIN,
                FirstName="Ana",
                LastName="Lima",
                EmailAddress="ana@example.com",
                Address={"City": "Lyon", "Country": "FR"},
                Attributes={"tier": "gold"},
            )["ProfileId"],
            lambda: domain.profiles.create(
                Profile(
                    first_name="Ana",
                    last_name="Lima",
                    email_address="ana@example.com",
                    address=Address(city="Lyon", country="FR"),
                    attributes={"tier": "gold"},
                )
            ),
            100,
            0.9,
        ),
        (
            "GetDomain",
            lambda: client.get_domain(DomainName=DOMAIN),
            lambda: domain.get(),
            100,
            0.9,
        ),
        (
            "ListCalculatedAttributesForProfile",
            lambda: client.list_calculated_attributes_for_profile(DomainName=DOMAIN, ProfileId=PID)[
                "Items"
            ],
            lambda: domain.calculated_attributes.for_profile(PID).to_list(),
            50,
            0.9,
        ),
        (
            "BatchGetProfile of 20",
            lambda: client.batch_get_profile(DomainName=DOMAIN, ProfileIds=ids),
            lambda: domain.profiles.batch_get(ids),
            20,
            0.9,
        ),
    ]
    for name, raw, sdk, n, goal in cases:
        raw_s, sdk_s = compare(raw, sdk, rounds, n)
        _line(name, raw_s, sdk_s, goal)
    floor(rounds)


def floor(rounds: int) -> None:
    """What a call with a tiny body costs in botocore itself: a bare botocore client
    with its parameter validation and retries off (as in the clients the SDK builds)
    against raw boto3; the SigV4 signing of one such request, botocore's ``SigV4Auth``
    against the SDK's one-pass signer (same signature); and the what-if of a request
    pipeline of the SDK's own."""
    client = _raw_client()
    bare = _answer_all(
        boto3.client(
            "customer-profiles",
            region_name=REGION,
            config=Config(retries={"total_max_attempts": 1}, parameter_validation=False),
        )
    )
    request = {"DomainName": DOMAIN, "FirstName": "Ana", "LastName": "Lima",
               "EmailAddress": "ana@example.com", "Address": {"City": "Lyon", "Country": "FR"},
               "Attributes": {"tier": "gold"}}  # fmt: skip
    for name, op, params in (
        ("(floor) CreateProfile", "create_profile", request),
        ("(floor) GetDomain", "get_domain", {"DomainName": DOMAIN}),
    ):
        raw_s, bare_s = compare(
            lambda op=op, params=params: getattr(client, op)(**params),
            lambda op=op, params=params: getattr(bare, op)(**params),
            rounds,
            100,
        )
        _line(name, raw_s, bare_s, None, label="bare")
    botocore_sign, one_pass_sign = _signers(client)
    raw_s, one_s = compare(botocore_sign, one_pass_sign, rounds, 500)
    _line("(signer) SigV4 of a CreateProfile", raw_s, one_s, None, unit="us", label="1-pass")
    raw_s, own_s = compare(
        lambda: client.create_profile(**request), _own_pipeline(client, request), rounds, 100
    )
    _line("(what-if) CreateProfile, JSON + SigV4", raw_s, own_s, None, label="own")


def _signers(client: Any) -> tuple[Callable[[], object], Callable[[], object]]:
    """Signing one CreateProfile request: botocore's ``SigV4Auth`` (boto3's side) and
    the one-pass signer of the clients the SDK builds (the same signature)."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest

    from customer_profiles_sdk._signing import OnePassSigV4Auth

    credentials = client._request_signer._credentials
    signing_name = client.meta.service_model.signing_name
    url = f"{client.meta.endpoint_url}/domains/{DOMAIN}/profiles"
    body = b'{"FirstName": "Ana", "LastName": "Lima", "EmailAddress": "ana@example.com"}'
    headers = {"Content-Type": "application/json", "User-Agent": "Boto3/1.44.8 Botocore/1.44.8",
               "Content-Length": str(len(body))}  # fmt: skip

    def signing(auth_class: type[SigV4Auth]) -> Callable[[], object]:
        def sign() -> object:
            request = AWSRequest(method="POST", url=url, data=body, headers=headers)
            auth_class(credentials, signing_name, REGION).add_auth(request)
            return request

        return sign

    return signing(SigV4Auth), signing(OnePassSigV4Auth)


def _own_pipeline(client: Any, request: dict[str, Any]) -> Callable[[], object]:
    """What a request pipeline of the SDK's own would cost (not built: a measurement for
    the decision on the CreateProfile goal): the JSON body and URL written directly,
    signed by botocore's own SigV4 signer, answered by the same canned handler; no
    event system, endpoint rules, user-agent rebuild or generic serialiser/parser."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest

    credentials = client._request_signer._credentials  # the same dummy keys
    signing_name = client.meta.service_model.signing_name
    endpoint = client.meta.endpoint_url
    answer = _answer(CANNED["CreateProfile"])

    def call() -> object:
        body = dict(request)
        domain = body.pop("DomainName")
        prepared = AWSRequest(
            method="POST",
            url=f"{endpoint}/domains/{domain}/profiles",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        SigV4Auth(credentials, signing_name, REGION).add_auth(prepared)
        response = answer(prepared.prepare())
        return json.loads(response.content)["ProfileId"]

    return call


def walk(rounds: int, profiles: int) -> None:
    """Walking ``profiles`` profiles over canned pages of 100 (and the walk's memory)."""
    pages = max(1, profiles // 100)
    items = [_profile(i) for i in range(100)]
    more = _bytes({"Items": items, "NextToken": "next-page-token"})
    last = CANNED["SearchProfiles"]
    counter = {"n": 0}
    headers = HTTPHeaders()
    headers["Content-Type"] = "application/json"
    headers["x-amzn-RequestId"] = "00000000-0000-0000-0000-000000000000"

    def handler(request: Any, **_: Any) -> AWSResponse:
        counter["n"] += 1
        body = last if counter["n"] % pages == 0 else more
        return AWSResponse(request.url, 200, headers, _Raw(body))

    client = boto3.client("customer-profiles", region_name=REGION)
    cp = CustomerProfiles(region_name=REGION)
    for c in (client, cp.client):
        c.meta.events.register("before-send.customer-profiles.SearchProfiles", handler)
    domain = cp.domain(DOMAIN)

    def raw() -> int:
        counter["n"] = 0
        count, token = 0, None
        while True:
            extra = {"NextToken": token} if token else {}
            response = client.search_profiles(
                DomainName=DOMAIN, KeyName="_email", Values=["a@b.c"], MaxResults=100, **extra
            )
            count += len(response["Items"])
            token = response.get("NextToken")
            if not token:
                return count

    def sdk() -> int:
        counter["n"] = 0
        count = 0
        for _ in domain.profiles.search("_email", ["a@b.c"]).page_size(100):
            count += 1
        return count

    assert raw() == sdk() == pages * 100
    raw_times, sdk_times = [], []
    for i in range(rounds):
        order = ((raw, raw_times), (sdk, sdk_times))
        for fn, times in order if i % 2 == 0 else reversed(order):
            times.append(_timed(fn, 1))
    _line(f"walk {pages * 100:,} profiles", statistics.median(raw_times),
          statistics.median(sdk_times), 0.6, unit="ms")  # fmt: skip

    peaks = []
    for n_pages in (max(1, pages // 10), pages):
        pages_before, pages = pages, n_pages
        tracemalloc.start()
        sdk()
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        pages = pages_before
    print(
        f"{'walk memory (tracemalloc peak)':38s} {max(1, pages // 10) * 100:,} profiles "
        f"{peaks[0] / 1e6:.2f} MB, {pages * 100:,} profiles {peaks[1] / 1e6:.2f} MB",
        flush=True,
    )


_START_BOTO3 = """
import time; t = time.perf_counter()
import boto3
boto3.client("customer-profiles", region_name="us-east-1")
print(time.perf_counter() - t)
"""
_START_SDK = """
import time; t = time.perf_counter()
from customer_profiles_sdk import CustomerProfiles
CustomerProfiles(region_name="us-east-1")
print(time.perf_counter() - t)
"""


def startup(rounds: int) -> None:
    """Import + first client, in fresh processes.

    Both sides start from bytecode, as an installed package does (pip compiles
    site-packages at install): with ``PYTHONDONTWRITEBYTECODE`` set, an editable checkout
    would compile the SDK's modules from source on every start while boto3's come from
    ``.pyc`` files, which is not what a user's ``pip install`` gets. A first run of each
    side writes the bytecode and is not counted.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(code: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
        ).stdout
        return float(out.strip().splitlines()[-1])

    run(_START_BOTO3), run(_START_SDK)  # write the bytecode
    raw_times, sdk_times = [], []
    for i in range(rounds):
        order = ((_START_BOTO3, raw_times), (_START_SDK, sdk_times))
        for code, times in order if i % 2 == 0 else reversed(order):
            times.append(run(code))
    _line("import + first client (fresh process)", statistics.median(raw_times),
          statistics.median(sdk_times), 1.1)  # fmt: skip


def further_client(rounds: int) -> None:
    """A further client in the same process."""
    boto3.client("customer-profiles", region_name=REGION)
    CustomerProfiles(region_name=REGION)
    raw_s, sdk_s = compare(
        lambda: boto3.client("customer-profiles", region_name=REGION),
        lambda: CustomerProfiles(region_name=REGION),
        rounds,
        5,
    )
    _line("a further client, same process", raw_s, sdk_s, 2.0)
    local_s = statistics.median(_timed(CustomerProfiles.local, 3) for _ in range(rounds))
    print(f"{'(a further CustomerProfiles.local())':38s} {local_s * 1000:9.3f} ms", flush=True)


def main() -> None:
    """Run the measurements and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--walk", type=int, default=100_000, help="profiles to walk")
    parser.add_argument(
        "--only", nargs="*", choices=["calls", "walk", "startup", "client"], default=None
    )
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"# python {sys.version.split()[0]}, boto3 {boto3.__version__}, "
          f"{os.cpu_count()} cpus, load average {load:.2f}, rounds {args.rounds}")  # fmt: skip
    only = set(args.only or ["calls", "walk", "startup", "client"])
    if "calls" in only:
        calls(args.rounds)
    if "walk" in only:
        walk(args.rounds, args.walk)
    if "startup" in only:
        startup(args.rounds)
    if "client" in only:
        further_client(args.rounds)


if __name__ == "__main__":
    main()
