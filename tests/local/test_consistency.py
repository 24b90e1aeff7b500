"""The opt-in eventual-consistency mode (issue 15 item 9; spec 2.2).

The service ingests objects and runs identity resolution asynchronously ("searching
immediately after ingest may not yet show the association", D7). The emulator is
synchronous by default; ``LocalBackend(consistency="eventual", visibility_delay=...)``
makes those effects visible only once the emulated clock has moved past the delay, so
that users can test their waiting logic without sleeping.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from customer_profiles_sdk.local import Clock, LocalBackend
from tests.local.conftest import conformance_checked

D = "eventual"
START = datetime(2025, 3, 1, tzinfo=timezone.utc)
DELAY = 10.0


def setup(backend: LocalBackend) -> Any:
    client = conformance_checked(backend.client())
    client.create_domain(DomainName=D, DefaultExpirationDays=30, Matching={"Enabled": True})
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id"},
            "email": {
                "Source": "_source.email",
                "ContentType": "EMAIL_ADDRESS",
                "Target": "_profile.EmailAddress",
            },
            "total": {"Source": "_source.total", "ContentType": "NUMBER"},
        },
        Keys={
            "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    return client


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(start=START), consistency="eventual", visibility_delay=DELAY)


@pytest.fixture
def client(backend: LocalBackend) -> Any:
    return setup(backend)


def put(client: Any, **obj: Any) -> str:
    out = client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=json.dumps(obj))
    return str(out["ProfileObjectUniqueKey"])


def found(client: Any, email: str) -> list[str]:
    items = client.search_profiles(DomainName=D, KeyName="_email", Values=[email])["Items"]
    return [p["ProfileId"] for p in items]


def orders(client: Any, pid: str) -> list[dict[str, Any]]:
    out = client.list_profile_objects(DomainName=D, ObjectTypeName="Order", ProfileId=pid)
    return [json.loads(i["Object"]) for i in out["Items"]]


def test_synchronous_is_the_default():
    backend = LocalBackend(clock=Clock(start=START))
    client = setup(backend)
    put(client, id="o1", email="ann@example.com")
    assert len(found(client, "ann@example.com")) == 1
    assert backend.pending() == []


def test_ingestion_becomes_visible_after_the_delay(backend, client):
    pid = client.create_profile(DomainName=D, EmailAddress="ann@example.com")["ProfileId"]
    key = put(client, id="o1", email="ann@example.com", total=5)
    put(client, id="o2", email="bo@example.com", total=7)  # will create an inferred profile
    assert orders(client, pid) == []
    assert found(client, "bo@example.com") == []
    assert client.get_domain(DomainName=D)["Stats"]["ObjectCount"] == 0
    assert [(p["Operation"], p["DomainName"]) for p in backend.pending()] == [
        ("PutProfileObject", D),
        ("PutProfileObject", D),
    ]
    assert backend.pending()[0]["VisibleAt"] == START + timedelta(seconds=DELAY)
    backend.clock.advance(DELAY - 0.5)
    assert orders(client, pid) == []
    backend.clock.advance(0.5)
    assert orders(client, pid) == [{"id": "o1", "email": "ann@example.com", "total": 5}]
    assert len(found(client, "bo@example.com")) == 1
    assert backend.pending() == []
    # The key answered at once is the stored object's key.
    listed = client.list_profile_objects(DomainName=D, ObjectTypeName="Order", ProfileId=pid)
    assert listed["Items"][0]["ProfileObjectUniqueKey"] == key


def test_an_object_is_ingested_at_the_instant_it_becomes_visible(backend, client):
    pid = client.create_profile(DomainName=D, EmailAddress="ann@example.com")["ProfileId"]
    client.create_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName="spend",
        AttributeDetails={"Attributes": [{"Name": "total"}], "Expression": "{Order.total}"},
        Statistic="SUM",
    )
    put(client, id="o1", email="ann@example.com", total=5)
    backend.clock.advance(DELAY * 3)
    out = client.get_calculated_attribute_for_profile(
        DomainName=D, ProfileId=pid, CalculatedAttributeName="spend"
    )
    assert out["Value"] == "5"
    assert out["LastObjectTimestamp"] == START + timedelta(seconds=DELAY)


def test_effects_apply_in_call_order(backend, client):
    client.create_profile(DomainName=D, EmailAddress="ann@example.com")
    put(client, id="o1", email="ann@example.com", total=1)
    backend.clock.advance(1)
    put(client, id="o1", email="ann@example.com", total=2)
    backend.clock.advance(DELAY)
    (pid,) = found(client, "ann@example.com")
    assert orders(client, pid) == [{"id": "o1", "email": "ann@example.com", "total": 2}]


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("{not json", "BadRequestException"),
        (json.dumps({"id": "", "email": "a@x.com"}), "BadRequestException"),
        (json.dumps({"id": "o1"}), "BadRequestException"),
        ('{"id": "o1", "email": "a@x.com", "total": NaN}', "BadRequestException"),
    ],
)
def test_invalid_objects_are_still_refused_at_once(backend, client, body, error):
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)
    assert caught.value.response["Error"]["Code"] == error
    assert backend.pending() == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.put_profile_object(DomainName=D, ObjectTypeName="Nope", Object="{}")


def test_a_rejection_found_later_goes_to_the_dead_letter_list(backend, client):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Ticket",
        Description="no profile creation",
        Fields={
            "id": {"Source": "_source.id"},
            "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
        },
        Keys={
            "ticketId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    client.put_profile_object(
        DomainName=D, ObjectTypeName="Ticket", Object=json.dumps({"id": "t1", "email": "x@y.z"})
    )
    assert backend.dead_letters(D) == []
    backend.clock.advance(DELAY)
    (letter,) = backend.dead_letters(D)
    assert letter["ObjectTypeName"] == "Ticket"
    assert letter["Reason"] == "NO_MATCHING_PROFILE"


def test_strict_ingestion_rejections_become_dead_letters_in_eventual_mode():
    backend = LocalBackend(
        clock=Clock(start=START),
        consistency="eventual",
        visibility_delay=DELAY,
        strict_ingestion=True,
    )
    client = setup(backend)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Ticket",
        Description="no profile creation",
        Fields={
            "id": {"Source": "_source.id"},
            "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
        },
        Keys={
            "ticketId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    client.put_profile_object(
        DomainName=D, ObjectTypeName="Ticket", Object=json.dumps({"id": "t1", "email": "x@y.z"})
    )
    backend.clock.advance(DELAY)
    (letter,) = backend.dead_letters(D)
    assert letter["Reason"] == "REJECTED"
    assert "profile creation" in letter["Message"]


def test_pending_ingestion_of_a_deleted_domain_is_dropped(backend, client):
    put(client, id="o1", email="ann@example.com")
    client.delete_domain(DomainName=D)
    backend.clock.advance(DELAY)
    assert client.list_domains()["Items"] == []
    assert backend.pending() == []


def test_identity_resolution_results_appear_after_the_delay(backend, client):
    a = client.create_profile(DomainName=D, EmailAddress="ann@example.com")["ProfileId"]
    b = client.create_profile(DomainName=D, PersonalEmailAddress="ANN@example.com")["ProfileId"]
    backend.run_identity_resolution(D)
    assert client.get_matches(DomainName=D)["Matches"] == []
    assert [p["Operation"] for p in backend.pending()] == ["IdentityResolution"]
    backend.clock.advance(DELAY)
    out = client.get_matches(DomainName=D)
    assert [sorted(m["ProfileIds"]) for m in out["Matches"]] == [sorted([a, b])]
    assert out["MatchGenerationDate"] == START + timedelta(seconds=DELAY)


def test_pending_effects_survive_a_state_file(backend, client, tmp_path):
    client.create_profile(DomainName=D, EmailAddress="ann@example.com")
    put(client, id="o1", email="ann@example.com")
    path = tmp_path / "state.json"
    backend.save_state(path)
    restored = LocalBackend(
        clock=Clock(start=START), consistency="eventual", visibility_delay=DELAY
    )
    restored.load_state(path)
    other = conformance_checked(restored.client())
    assert len(restored.pending()) == 1
    restored.clock.advance(DELAY)
    (pid,) = found(other, "ann@example.com")
    assert [o["id"] for o in orders(other, pid)] == ["o1"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"consistency": "sometimes"},
        {"consistency": "eventual", "visibility_delay": -1.0},
        {"consistency": "eventual", "visibility_delay": float("nan")},
        {"consistency": "eventual", "visibility_delay": float("inf")},
    ],
)
def test_consistency_settings_are_validated(kwargs):
    with pytest.raises(ValueError, match=r"consistency|visibility_delay"):
        LocalBackend(**kwargs)
