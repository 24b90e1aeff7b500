"""Issue 15, items 15-18 and 20: bad input never escapes as a raw Python or botocore error.

Every case raises :class:`ValidationError` naming the member (or a documented
``TypeError`` for an argument of the wrong Python type) before anything is sent. The
requests sent are counted at botocore's ``before-call`` event (the SDK's in-process
client answers there; it builds no HTTP request, so ``before-send`` does not fire).
A property test feeds generated bad values to a set of public methods.
"""

from __future__ import annotations

import math
import traceback
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from customer_profiles_sdk import CustomerProfiles, Profile
from customer_profiles_sdk.errors import ServiceError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models.match import Match
from customer_profiles_sdk.retry import RetryPolicy

PID = "0123456789abcdef" * 2
ARN = "arn:aws:profile:us-east-1:123456789012:domains/d"


class World:
    """One emulator with a domain, and a count of the requests sent."""

    def __init__(self) -> None:
        self.backend = LocalBackend()
        self.cp = CustomerProfiles.local(backend=self.backend, retry=RetryPolicy.none())
        self.domain = self.cp.domains.create("d", default_expiration_days=365)
        self.sent = 0
        self.cp.client.meta.events.register_first("before-call.customer-profiles", self._count)

    def _count(self, **_: Any) -> None:
        self.sent += 1


@pytest.fixture
def world() -> World:
    return World()


def refused(world: World, call: Callable[[], Any]) -> ValidationError:
    """Run ``call``; assert it raised ValidationError before sending, and return it."""
    before = world.sent
    with pytest.raises(ValidationError) as info:
        call()
    assert world.sent == before, "a request was sent"
    return info.value


# --------------------------------------------------------------------------- item 15


def test_a_lone_surrogate_in_a_profile_id_is_a_validation_error(world: World) -> None:
    error = refused(world, lambda: world.domain.profiles.delete("a" * 31 + "\ud800"))
    assert error.fields == ["ProfileId"]
    assert "surrogate" in str(error)


def test_a_lone_surrogate_in_an_arn_is_a_validation_error(world: World) -> None:
    error = refused(world, lambda: world.cp.tags.list(ARN + "\udfff"))
    assert error.fields == ["resourceArn"]


def test_a_lone_surrogate_in_a_map_key_is_a_validation_error(world: World) -> None:
    error = refused(world, lambda: world.domain.profiles.create({"attributes": {"\ud800": "x"}}))
    assert error.fields == ["Attributes.<key>"]


@pytest.mark.parametrize(
    "profile",
    [{"address": 5}, Profile(address=5), {"address": "Lyon"}],  # type: ignore[arg-type]
    ids=["mapping", "model", "string"],
)
def test_a_structure_field_of_the_wrong_type_names_the_member(world: World, profile: Any) -> None:
    error = refused(world, lambda: world.domain.profiles.create(profile))
    assert error.fields == ["Address"]
    assert "a structure" in str(error)


def test_attributes_given_as_a_string_name_the_member(world: World) -> None:
    error = refused(world, lambda: world.domain.profiles.create({"attributes": "abc"}))
    assert error.fields == ["Attributes"]
    error = refused(world, lambda: world.domain.profiles.update(PID, attributes="abc"))  # type: ignore[arg-type]
    assert error.fields == ["Attributes"]


def test_tags_given_as_a_string_name_the_member(world: World) -> None:
    error = refused(
        world,
        lambda: world.cp.domains.create("d2", default_expiration_days=3, tags="abc"),  # type: ignore[arg-type]
    )
    assert error.fields == ["Tags"]


def test_a_non_mapping_object_type_field_names_the_member(world: World) -> None:
    object_type = {"object_type_name": "T", "description": "t", "fields": {"id": 5}}
    error = refused(world, lambda: world.domain.object_types.put(object_type))
    assert error.fields == ["Fields[…]"]  # keys of a personal-data map are hidden


def test_merging_none_is_a_type_error(world: World) -> None:
    with pytest.raises(TypeError, match="match: expected a Match"):
        world.domain.matches.merge(None)  # type: ignore[arg-type]
    assert world.sent == 0


def test_merging_none_duplicates_is_a_validation_error(world: World) -> None:
    error = refused(world, lambda: world.domain.profiles.merge(PID, None))  # type: ignore[arg-type]
    assert error.fields == ["ProfileIdsToBeMerged"]


@pytest.mark.parametrize(
    "bad", [("_orderId",), ("_orderId", ["1"], "x"), (5, ["1"]), ("_orderId", 5)]
)
def test_a_malformed_object_filter_is_a_validation_error(world: World, bad: Any) -> None:
    error = refused(world, lambda: world.domain.objects.list(PID, "Order", filter=bad))
    assert error.fields[0].startswith("ObjectFilter")


# --------------------------------------------------------------------------- item 16

BAD_TIMESTAMPS = {
    "inf": math.inf,
    "nan": math.nan,
    "1e20": 10**20,
    "large negative": -(10**15),
    "unparseable": "Ana's birthday, probably",
    "a date": date(2024, 1, 2),
    "bool": True,
}


@pytest.mark.parametrize("name", sorted(BAD_TIMESTAMPS))
def test_a_bad_timestamp_names_the_member_and_chains_nothing(world: World, name: str) -> None:
    value = BAD_TIMESTAMPS[name]
    error = refused(world, lambda: world.domain.workflows.list(query_start_date=value).first())
    assert error.fields == ["QueryStartDate"]
    assert error.__cause__ is None
    assert error.__context__ is None
    text = "".join(traceback.format_exception(error))
    if isinstance(value, str):
        assert value not in text


@pytest.mark.parametrize(
    "value",
    [datetime(2024, 1, 2, tzinfo=timezone.utc), datetime(2024, 1, 2), "2024-01-02T00:00:00Z", 0],
)
def test_good_timestamps_are_sent(world: World, value: Any) -> None:
    world.domain.workflows.list(query_start_date=value).to_list()


# --------------------------------------------------------------------------- item 17


@pytest.mark.parametrize("bad", ["a" * 33, "zz" + "a" * 32, "a" * 32 + "\n", "A" * 32])
def test_a_profile_id_must_be_exactly_32_lowercase_hex(world: World, bad: str) -> None:
    for call in (
        lambda: world.domain.profiles.delete(bad),
        lambda: world.domain.profiles.get(bad),
        lambda: world.domain.profiles.exists(bad),
        lambda: world.domain.profiles.update(bad, first_name="Ana"),
    ):
        assert refused(world, call).fields == ["ProfileId"]


# --------------------------------------------------------------------------- item 18


@pytest.mark.parametrize(
    "bad", [math.nan, math.inf, -math.inf, 10**5000], ids=["nan", "inf", "-inf", "5000 digits"]
)
def test_an_object_that_is_not_standard_json_is_refused(world: World, bad: Any) -> None:
    error = refused(world, lambda: world.domain.objects.put("Order", {"id": "1", "n": bad}))
    assert error.fields == ["Object"]
    assert "standard JSON" in str(error)
    assert error.__cause__ is None


# --------------------------------------------------------------------------- item 20


def test_include_hidden_must_be_a_bool(world: World) -> None:
    error = refused(world, lambda: world.domain.integrations.list(include_hidden="no"))  # type: ignore[arg-type]
    assert error.fields == ["IncludeHidden"]


def test_tags_add_none_is_refused(world: World) -> None:
    assert refused(world, lambda: world.cp.tags.add(ARN, None)).fields == ["tags"]  # type: ignore[arg-type]
    assert refused(world, lambda: world.cp.tags.add(ARN, "env")).fields == ["tags"]  # type: ignore[arg-type]


def test_tags_remove_none_is_refused(world: World) -> None:
    assert refused(world, lambda: world.cp.tags.remove(ARN, None)).fields == ["tagKeys"]  # type: ignore[arg-type]


def test_an_empty_tag_mapping_still_sends_nothing(world: World) -> None:
    before = world.sent
    world.cp.tags.add(ARN, {})
    assert world.sent == before


# --------------------------------------------------------------------------- property

#: Values a careless caller passes: wrong types, non-finite numbers, huge integers, lone
#: surrogates, dates, nested junk.
BAD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.just(10**5000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(st.characters(categories=["Cs", "Ll", "Nd"]), max_size=40),
    st.binary(max_size=8),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers() | st.none(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers() | st.none() | st.floats(), max_size=3),
    st.tuples(st.integers()),
    st.builds(object),
)

#: Public methods, each with one argument taken from the generated value.
CALLS: dict[str, Callable[[World, Any], Any]] = {
    "profiles.create": lambda w, v: w.domain.profiles.create(v),
    "profiles.create address": lambda w, v: w.domain.profiles.create({"address": v}),
    "profiles.create attributes": lambda w, v: w.domain.profiles.create({"attributes": v}),
    "profiles.create first_name": lambda w, v: w.domain.profiles.create({"first_name": v}),
    "Profile(address=...)": lambda w, v: w.domain.profiles.create(Profile(address=v)),
    "profiles.update": lambda w, v: w.domain.profiles.update(PID, attributes=v),
    "profiles.delete": lambda w, v: w.domain.profiles.delete(v),
    "profiles.get": lambda w, v: w.domain.profiles.get(v),
    "profiles.merge": lambda w, v: w.domain.profiles.merge(PID, v),
    "profiles.add_key": lambda w, v: w.domain.profiles.add_key(PID, "_email", v),
    "matches.merge": lambda w, v: w.domain.matches.merge(v),
    "matches.merge ids": lambda w, v: w.domain.matches.merge(Match(profile_ids=v)),
    "objects.put": lambda w, v: w.domain.objects.put("Order", v),
    "objects.put value": lambda w, v: w.domain.objects.put("Order", {"id": "1", "v": v}),
    "objects.list filter": lambda w, v: w.domain.objects.list(PID, "Order", filter=v).first(),
    "object_types.put field": lambda w, v: w.domain.object_types.put(
        {"object_type_name": "T", "description": "t", "fields": {"id": v}}
    ),
    "domains.create tags": lambda w, v: w.cp.domains.create(
        "d2", default_expiration_days=3, tags=v
    ),
    "domains.create days": lambda w, v: w.cp.domains.create("d2", default_expiration_days=v),
    "tags.add": lambda w, v: w.cp.tags.add(ARN, v),
    "tags.add arn": lambda w, v: w.cp.tags.add(v, {"env": "dev"}),
    "tags.remove": lambda w, v: w.cp.tags.remove(ARN, v),
    "tags.list": lambda w, v: w.cp.tags.list(v),
    "integrations.list": lambda w, v: w.domain.integrations.list(include_hidden=v).first(),
    "workflows.list": lambda w, v: w.domain.workflows.list(query_start_date=v).first(),
}

_WORLD: list[World] = []


def _shared_world() -> World:
    if not _WORLD:
        _WORLD.append(World())
    return _WORLD[0]


@pytest.mark.parametrize("name", sorted(CALLS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=BAD)
def test_bad_input_escapes_only_as_validation_or_type_error(name: str, value: Any) -> None:
    """Whatever comes in, the caller gets a success, a service error (the input was
    valid and sent), or ValidationError/TypeError with nothing sent; never a raw
    KeyError, AttributeError, UnicodeEncodeError, RuntimeError or bare ValueError."""
    world = _shared_world()
    before = world.sent
    try:
        CALLS[name](world, value)
    except (ValidationError, TypeError):
        assert world.sent == before, "a refused call sent a request"
    except ServiceError:
        assert world.sent > before
