"""Paged[T]: lazy, re-iterable NextToken walks through a real botocore client."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from botocore.awsrequest import AWSResponse

from customer_profiles_sdk._transport import Transport
from customer_profiles_sdk.errors import ThrottlingError, ValidationError
from customer_profiles_sdk.paging import Page, Paged
from customer_profiles_sdk.retry import RetryPolicy

from ._scripted import _Raw, boto_client


class DomainPages:
    """Serves ListDomains from ``total`` domains; tokens are ``t<offset>``."""

    def __init__(self, total: int, *, fail_at_page: int | None = None) -> None:
        self.total = total
        self.fail_at_page = fail_at_page
        self.requests: list[dict[str, Any]] = []

    def __call__(self, request: Any, **_: Any) -> AWSResponse:
        query = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
        self.requests.append(query)
        headers = {"x-amzn-RequestId": f"r{len(self.requests)}"}
        if self.fail_at_page == len(self.requests):
            headers["x-amzn-ErrorType"] = "ThrottlingException"
            return AWSResponse(request.url, 429, headers, _Raw(b'{"Message": "slow down"}'))
        start = int(query.get("next-token", "t0")[1:])
        size = int(query.get("max-results", "100"))
        end = min(start + size, self.total)
        body: dict[str, Any] = {
            "Items": [
                {"DomainName": f"d{i}", "CreatedAt": 0, "LastUpdatedAt": 0}
                for i in range(start, end)
            ]
        }
        if end < self.total:
            body["NextToken"] = f"t{end}"
        return AWSResponse(request.url, 200, headers, _Raw(json.dumps(body).encode()))


def paged(server: DomainPages) -> Paged[str]:
    client = boto_client(retries={"total_max_attempts": 1})
    client.meta.events.register("before-send.customer-profiles", server)
    transport = Transport(client, RetryPolicy.none())
    return Paged.from_operation(
        transport.call, "ListDomains", {}, lambda item: str(item["DomainName"])
    )


def test_nothing_is_requested_before_iteration() -> None:
    server = DomainPages(5)
    result = paged(server).page_size(2).limit(3)
    assert server.requests == []
    assert "ListDomains" in repr(result)


@pytest.mark.parametrize(
    ("total", "size", "pages"), [(0, 2, 1), (1, 2, 1), (2, 2, 1), (7, 2, 4), (250, 100, 3)]
)
def test_walks_every_page(total: int, size: int, pages: int) -> None:
    server = DomainPages(total)
    assert list(paged(server).page_size(size)) == [f"d{i}" for i in range(total)]
    assert len(server.requests) == pages
    assert all(r.get("max-results") == str(size) for r in server.requests)


def test_reiterating_starts_a_fresh_walk() -> None:
    server = DomainPages(3)
    result = paged(server).page_size(2)
    assert list(result) == list(result) == ["d0", "d1", "d2"]
    assert len(server.requests) == 4


def test_limit_requests_no_more_than_needed() -> None:
    server = DomainPages(500)
    assert list(paged(server).limit(5)) == ["d0", "d1", "d2", "d3", "d4"]
    assert server.requests == [{"max-results": "5"}]


def test_limit_across_pages_cuts_the_last_page() -> None:
    server = DomainPages(50)
    pages = list(paged(server).page_size(4).limit(10).by_page())
    assert [len(p.items) for p in pages] == [4, 4, 2]
    assert len(server.requests) == 3


def test_limit_and_page_size_return_copies() -> None:
    server = DomainPages(10)
    base = paged(server)
    limited = base.limit(2)
    assert list(limited) == ["d0", "d1"]
    assert len(list(base)) == 10


def test_by_page_exposes_tokens_and_resumes() -> None:
    server = DomainPages(5)
    pages = iter(paged(server).page_size(2).by_page())
    first = next(pages)
    assert first == Page(["d0", "d1"], "t2", {})
    resumed = list(paged(DomainPages(5)).page_size(2).by_page(continuation_token=first.next_token))
    assert [p.items for p in resumed] == [["d2", "d3"], ["d4"]]
    assert resumed[-1].next_token is None


def test_error_on_page_three_carries_page_threes_token() -> None:
    server = DomainPages(10, fail_at_page=3)
    seen: list[str] = []
    with pytest.raises(ThrottlingError) as info:
        seen.extend(paged(server).page_size(2))
    assert seen == ["d0", "d1", "d2", "d3"]
    assert info.value.continuation_token == "t4"
    rest = [
        item
        for page in paged(DomainPages(10)).page_size(2).by_page(info.value.continuation_token)
        for item in page.items
    ]
    assert seen + rest == [f"d{i}" for i in range(10)]


def test_error_on_the_first_page_has_no_token() -> None:
    with pytest.raises(ThrottlingError) as info:
        list(paged(DomainPages(3, fail_at_page=1)))
    assert info.value.continuation_token is None


def test_page_size_is_validated() -> None:
    with pytest.raises(ValidationError) as info:
        paged(DomainPages(1)).page_size(101)
    assert info.value.fields == ["MaxResults"]
    with pytest.raises(ValidationError):
        paged(DomainPages(1)).page_size(0)


def test_first_and_map() -> None:
    server = DomainPages(30)
    assert paged(server).first() == "d0"
    assert server.requests == [{"max-results": "1"}]
    assert paged(DomainPages(0)).first() is None
    assert list(paged(DomainPages(3)).map(str.upper)) == ["D0", "D1", "D2"]


def test_other_response_members_stay_on_the_page() -> None:
    def matches(request: Any, **_: Any) -> AWSResponse:
        body = {
            "Matches": [{"MatchId": "m1", "ProfileIds": ["a" * 32, "b" * 32]}],
            "PotentialMatches": 1,
        }
        return AWSResponse(request.url, 200, {}, _Raw(json.dumps(body).encode()))

    client = boto_client()
    client.meta.events.register("before-send.customer-profiles", matches)
    result = Paged.from_operation(
        Transport(client, RetryPolicy.none()).call,
        "GetMatches",
        {"DomainName": "d"},
        lambda m: m["MatchId"],
    )
    (page,) = list(result.by_page())
    assert page.items == ["m1"]
    assert page.response == {"PotentialMatches": 1}


def test_only_paged_operations() -> None:
    with pytest.raises(TypeError):
        Paged.from_operation(lambda op, p: {}, "CreateDomain", {}, lambda x: x)
