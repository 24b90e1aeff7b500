"""Notebook views: to_dict, HTML tables, IPython pretty text, DataFrames, Paged's views."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any, ClassVar

import attrs
import pandas as pd
import pytest

from customer_profiles_sdk import (
    Address,
    ContactPreference,
    ContactType,
    DomainSettings,
    DomainStats,
    EngagementPreferences,
    FoundByKeyValue,
    Gender,
    Profile,
)
from customer_profiles_sdk._convert import from_wire, to_wire
from customer_profiles_sdk._display import (
    PANDAS_MISSING,
    flatten,
    pretty,
    to_dict,
    to_html,
    to_pandas,
)
from customer_profiles_sdk.models._base import REDACTED, model
from customer_profiles_sdk.paging import Paged


def full_profile() -> Profile:
    return Profile(
        profile_id="p-1",
        first_name="Ana",
        last_name="Silva",
        gender=Gender.FEMALE,
        email_address="ana@example.com",
        address=Address(address1="1 Main St", city="Oslo", country="NO"),
        attributes={"tier": "gold"},
        engagement_preferences=EngagementPreferences(
            email=[
                ContactPreference(
                    key_value="ana@example.com", contact_type=ContactType.EMAIL_ADDRESS
                )
            ]
        ),
        found_by_items=[FoundByKeyValue(key_name="_email", values=["ana@example.com"])],
        extra={"BrandNewMember": {"Nested": 1}},
    )


def rebuild_profile(data: Mapping[str, Any]) -> Profile:
    """Inverse of to_dict for Profile, written out by hand (what a user would do)."""
    fields = dict(data)
    for name in ("address", "shipping_address", "mailing_address", "billing_address"):
        if fields[name] is not None:
            fields[name] = Address(**fields[name])
    prefs = fields["engagement_preferences"]
    if prefs is not None:
        fields["engagement_preferences"] = EngagementPreferences(
            phone=None,
            email=[
                ContactPreference(**{**c, "contact_type": ContactType(c["contact_type"])})
                for c in prefs["email"]
            ],
        )
    fields["found_by_items"] = [FoundByKeyValue(**f) for f in fields["found_by_items"]]
    fields["gender"] = Gender(fields["gender"])
    return Profile(**fields)


# ---------------------------------------------------------------------------- to_dict


def test_to_dict_round_trips_nested_models_enums_and_extra() -> None:
    profile = full_profile()
    data = profile.to_dict()  # type: ignore[attr-defined]
    assert data == to_dict(profile)
    assert data["gender"] == "FEMALE"
    assert type(data["gender"]) is str
    assert data["address"]["city"] == "Oslo"
    assert data["engagement_preferences"]["email"][0]["contact_type"] == "EmailAddress"
    assert data["found_by_items"] == [{"key_name": "_email", "values": ["ana@example.com"]}]
    assert data["extra"] == {"BrandNewMember": {"Nested": 1}}
    assert rebuild_profile(data) == profile


def test_to_dict_keeps_none_fields_and_leaves_out_empty_extra() -> None:
    data = to_dict(Profile(first_name="Ana"))
    assert "extra" not in data
    assert data["last_name"] is None
    assert data["address"] is None
    assert set(data) == {f.name for f in attrs.fields(Profile)} - {"extra"}


def test_to_dict_of_a_model_read_from_the_wire_keeps_datetimes() -> None:
    created = datetime(2024, 1, 2, tzinfo=timezone.utc)
    wire = {
        "DomainName": "retail",
        "CreatedAt": created,
        "LastUpdatedAt": created,
        "Stats": {"ProfileCount": 3},
        "FutureMember": "x",
    }
    settings = from_wire(DomainSettings, wire)
    data = to_dict(settings)
    assert data["created_at"] == created
    assert data["stats"]["profile_count"] == 3
    assert data["extra"] == {"FutureMember": "x"}
    assert to_wire(settings)["FutureMember"] == "x"


# ---------------------------------------------------------------------------- flatten


def test_flatten_gives_dotted_columns_and_stable_columns_for_absent_parts() -> None:
    with_address = flatten(full_profile())
    without = flatten(Profile(first_name="Bo"))
    assert with_address["address.city"] == "Oslo"
    assert with_address["attributes.tier"] == "gold"
    assert with_address["extra.BrandNewMember"] == {"Nested": 1}
    assert without["address.city"] is None
    assert {k for k in with_address if k.startswith("address.")} == {
        k for k in without if k.startswith("address.")
    }
    assert "address" not in with_address


# ---------------------------------------------------------------------------- HTML and repr


def test_html_shows_personal_data_that_repr_masks() -> None:
    profile = full_profile()
    page = profile._repr_html_()  # type: ignore[attr-defined]
    assert page == to_html(profile)
    assert "ana@example.com" in page
    assert "Oslo" in page
    assert "address.city" in page
    assert "attributes.tier" in page
    assert "found_by_items[0].key_name" in page
    assert "ana@example.com" not in repr(profile)
    assert "Oslo" not in repr(profile)
    assert REDACTED in repr(profile)


def test_html_escapes_values() -> None:
    profile = Profile(first_name="<script>alert(1)</script>", attributes={"a&b": '"q"'})
    page = to_html(profile)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "attributes.a&amp;b" in page
    assert "&quot;q&quot;" in page


def test_html_leaves_out_unset_fields() -> None:
    page = to_html(Profile(first_name="Ana"))
    assert "first_name" in page
    assert "last_name" not in page
    assert "no fields set" in to_html(Profile())


# ---------------------------------------------------------------------------- pretty


class RecordingPrinter:
    """The part of IPython's RepresentationPrinter that the pretty view uses."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.indent = 0

    def text(self, text: str) -> None:
        self.out.append(text)

    def break_(self) -> None:
        self.out.append("\n" + " " * self.indent)

    def begin_group(self, indent: int, open_: str) -> None:
        self.indent += indent
        self.out.append(open_)

    def end_group(self, dedent: int, close: str) -> None:
        self.indent -= dedent
        self.out.append(close)

    def pretty(self, value: Any) -> None:
        method = getattr(type(value), "_repr_pretty_", None)
        if method is not None:
            method(value, self, False)
        else:
            self.out.append(repr(value))

    def render(self, obj: Any) -> str:
        self.pretty(obj)
        return "".join(self.out)


def test_pretty_is_multi_line_and_masks_like_repr() -> None:
    text = RecordingPrinter().render(full_profile())
    assert text.splitlines()[0] == "Profile("
    assert "    profile_id='p-1'," in text.splitlines()
    assert f"    first_name={REDACTED}," in text.splitlines()
    assert "ana@example.com" not in text
    assert "Oslo" not in text
    assert "middle_name" not in text  # None fields are left out
    assert text.endswith("\n)")


def test_pretty_of_a_cycle_and_of_an_empty_model() -> None:
    printer = RecordingPrinter()
    pretty(Profile(first_name="Ana"), printer, True)
    assert printer.out == ["Profile(...)"]
    assert RecordingPrinter().render(DomainStats()) == "DomainStats()"


# ---------------------------------------------------------------------------- the decorator


def test_model_is_a_drop_in_for_the_attrs_decorator() -> None:
    @model
    class Thing:
        __wire_shape__: ClassVar[str] = ""

        name: str
        secret: str | None = attrs.field(default=None, metadata={"sensitive": True})

        def to_dict(self) -> dict[str, Any]:
            return {"own": True}

    thing = Thing(name="n", secret="s3cr3t")
    assert repr(thing) == f"Thing(name='n', secret={REDACTED})"
    assert thing.to_dict() == {"own": True}  # a method the class defines is kept
    assert "s3cr3t" in Thing._repr_html_(thing)  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        Thing("n")  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        thing.name = "m"  # type: ignore[misc]


# ---------------------------------------------------------------------------- Paged


class FakePages:
    """A page fetcher over ``total`` profiles, tokens ``t<offset>``; counts requests."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.requests: list[tuple[str | None, int | None]] = []

    def __call__(
        self, token: str | None, size: int | None
    ) -> tuple[list[Any], str | None, Mapping[str, Any]]:
        self.requests.append((token, size))
        start = int(token[1:]) if token else 0
        end = min(start + (size or 100), self.total)
        items = [
            {"ProfileId": f"p{i}", "EmailAddress": f"u{i}@example.com", "Address": {"City": "Oslo"}}
            for i in range(start, end)
        ]
        return items, (f"t{end}" if end < self.total else None), {}


def paged_profiles(server: FakePages) -> Paged[Profile]:
    return Paged("SearchProfiles", server, lambda raw: from_wire(Profile, raw))


def test_paged_html_makes_one_request_and_says_more_exist() -> None:
    server = FakePages(250)
    page = paged_profiles(server)._repr_html_()
    assert len(server.requests) == 1
    assert "more items exist" in page
    assert page.count("<tr>") == 1 + 10  # header and ten rows
    assert "u0@example.com" in page
    assert "address.city" in page


def test_paged_html_with_a_large_first_page_and_no_token_says_more_exist() -> None:
    server = FakePages(30)
    page = paged_profiles(server).page_size(50)._repr_html_()
    assert server.requests == [(None, 50)]
    assert "more items exist" in page
    assert "p10" not in page


def test_paged_html_of_everything_says_nothing_more() -> None:
    server = FakePages(4)
    page = paged_profiles(server)._repr_html_()
    assert len(server.requests) == 1
    assert "more items exist" not in page
    assert "4 items" in page


def test_paged_html_respects_limit() -> None:
    server = FakePages(50)
    page = paged_profiles(server).limit(3)._repr_html_()
    assert len(server.requests) == 1
    assert "more items exist" not in page
    assert "3 items" in page
    assert paged_profiles(server).limit(0)._repr_html_().count("no items") == 1
    assert len(server.requests) == 1


def test_paged_html_of_plain_values_and_of_nothing() -> None:
    server = FakePages(2)
    page = paged_profiles(server).map(lambda p: f"<{p.profile_id}>")._repr_html_()
    assert "&lt;p0&gt;" in page
    assert "no items" in paged_profiles(FakePages(0))._repr_html_()


def test_paged_pretty_sends_no_request() -> None:
    server = FakePages(5)
    text = RecordingPrinter().render(paged_profiles(server))
    assert server.requests == []
    assert text.startswith("Paged(SearchProfiles)")


# ---------------------------------------------------------------------------- pandas


def test_to_pandas_flattens_nested_members_into_columns() -> None:
    frame = to_pandas([full_profile(), Profile(first_name="Bo")])
    assert list(frame["first_name"]) == ["Ana", "Bo"]
    assert frame.loc[0, "address.city"] == "Oslo"
    assert frame.loc[0, "attributes.tier"] == "gold"
    assert frame.loc[0, "gender"] == "FEMALE"
    assert pd.isna(frame.loc[1, "address.city"])
    assert "address" not in frame.columns
    assert list(frame.columns).index("first_name") < list(frame.columns).index("address.city")


def test_paged_to_pandas_fetches_what_it_needs() -> None:
    server = FakePages(250)
    frame = paged_profiles(server).to_pandas(max_items=5)
    assert len(frame) == 5
    assert server.requests == [(None, 5)]
    assert list(frame["address.city"]) == ["Oslo"] * 5
    everything = paged_profiles(FakePages(150)).limit(120).to_pandas(max_items=1000)
    assert len(everything) == 120


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'customer-profiles-sdk\[pandas\]'"):
        to_pandas([Profile()])
    server = FakePages(3)
    with pytest.raises(ImportError) as info:
        paged_profiles(server).to_pandas()
    assert str(info.value) == PANDAS_MISSING
    assert server.requests == []
