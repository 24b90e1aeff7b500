"""``domain.profiles.history()`` and ``.history_record()`` against the embedded emulator."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from customer_profiles_sdk import (
    CustomerProfiles,
    Profile,
    ResourceNotFoundError,
    RetryPolicy,
    ValidationError,
)
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models import ActionType, ProfileHistoryRecord
from customer_profiles_sdk.resources.domains import Domain


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def domain(backend: LocalBackend) -> Domain:
    cp = CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())
    return cp.domains.create("history-sdk", default_expiration_days=30)


def test_history_is_typed_newest_first_and_filtered(domain: Domain) -> None:
    pid = domain.profiles.create(Profile(first_name="Ana"))
    domain.profiles.update(pid, first_name="Anna")
    domain.profiles.add_key(pid, "_account", ["A-1"])

    records = list(domain.profiles.history(pid))
    assert all(isinstance(r, ProfileHistoryRecord) for r in records)
    assert [r.action_type for r in records] == [
        ActionType.ADDED_PROFILE_KEY,
        ActionType.UPDATED,
        ActionType.CREATED,
    ]
    assert isinstance(records[0].created_at, datetime)
    assert records[0].created_at.tzinfo is not None
    assert records[0].object_type_name == "_profile"
    only = list(domain.profiles.history(pid, action_type=ActionType.UPDATED))
    assert [r.id for r in only] == [records[1].id]
    assert list(domain.profiles.history(pid, performed_by="arn:aws:iam::1:user/x")) == []
    assert len(list(domain.profiles.history(pid, object_type_name="_profile"))) == 3


def test_history_pages(domain: Domain) -> None:
    pid = domain.profiles.create(Profile(first_name="P"))
    for name in ("Q", "R", "S", "T"):
        domain.profiles.update(pid, first_name=name)
    pages = list(domain.profiles.history(pid).page_size(2).by_page())
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert pages[-1].next_token is None


def test_history_record_content_and_repr_masking(domain: Domain) -> None:
    pid = domain.profiles.create(Profile(first_name="Secretname"))
    newest = next(iter(domain.profiles.history(pid)))
    record = domain.profiles.history_record(pid, newest.id)
    assert record.action_type is ActionType.CREATED
    assert json.loads(record.content or "")["FirstName"] == "Secretname"
    assert "Secretname" not in repr(record)


def test_history_errors(domain: Domain) -> None:
    pid = domain.profiles.create(Profile(first_name="E"))
    with pytest.raises(ValidationError) as exc:
        domain.profiles.history("not-an-id")
    assert exc.value.operation == "ListProfileHistoryRecords"
    with pytest.raises(ValidationError):
        domain.profiles.history(pid, action_type="ARCHIVED")
    with pytest.raises(ValidationError):
        domain.profiles.history_record(pid, "xyz")
    with pytest.raises(ResourceNotFoundError):
        list(domain.profiles.history("a" * 32))
    with pytest.raises(ResourceNotFoundError):
        domain.profiles.history_record(pid, "b" * 32)


def test_history_sends_nothing_on_validation_error(backend: LocalBackend, domain: Domain) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError):
        domain.profiles.history("bad")
    assert backend.call_count() == 0


def test_merged_away_profile_history(domain: Domain) -> None:
    main = domain.profiles.create(Profile(first_name="Main"))
    dup = domain.profiles.create(Profile(first_name="Dup"))
    domain.profiles.merge(main, [dup])
    assert next(iter(domain.profiles.history(main))).action_type is ActionType.MERGED
    gone = next(iter(domain.profiles.history(dup)))
    assert gone.action_type is ActionType.DELETED_BY_MERGE
    assert (
        json.loads(domain.profiles.history_record(dup, gone.id).content or "")["MainProfileId"]
        == main
    )
