"""State files (``save_state`` / ``load_state``): their format version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.local._state import STATE_FORMAT


def _saved(tmp_path: Path) -> Path:
    backend = LocalBackend()
    backend.client().create_domain(DomainName="kept", DefaultExpirationDays=30)
    path = tmp_path / "state.json"
    backend.save_state(path)
    return path


def test_a_state_file_records_its_format(tmp_path: Path) -> None:
    data = json.loads(_saved(tmp_path).read_text())
    assert data["format"] == STATE_FORMAT == 1


def test_a_file_without_a_format_is_read_as_format_1(tmp_path: Path) -> None:
    """Files written before the key existed still load."""
    path = _saved(tmp_path)
    data = json.loads(path.read_text())
    del data["format"]
    path.write_text(json.dumps(data))
    restored = LocalBackend()
    restored.load_state(path)
    assert [d["DomainName"] for d in restored.client().list_domains()["Items"]] == ["kept"]


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (STATE_FORMAT + 1, "written by a newer emulator"),
        (0, "not a version number"),
        ("1", "not a version number"),
        (True, "not a version number"),
    ],
)
def test_a_file_in_another_format_is_refused_and_nothing_changes(
    tmp_path: Path, version: object, message: str
) -> None:
    path = _saved(tmp_path)
    data = json.loads(path.read_text())
    data["format"] = version
    path.write_text(json.dumps(data))
    backend = LocalBackend()
    client = backend.client()
    client.create_domain(DomainName="mine", DefaultExpirationDays=30)
    with pytest.raises(ValueError, match=message):
        backend.load_state(path)
    assert [d["DomainName"] for d in client.list_domains()["Items"]] == ["mine"]


@pytest.mark.parametrize("content", ["[]", '{"customers": []}'])
def test_a_file_that_is_no_state_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content)
    with pytest.raises(ValueError, match="not a state file"):
        LocalBackend().load_state(path)


def test_a_newer_format_is_named_even_when_its_top_level_keys_changed(tmp_path: Path) -> None:
    path = tmp_path / "newer.json"
    path.write_text(json.dumps({"format": STATE_FORMAT + 1, "accounts": {}}))
    with pytest.raises(ValueError, match="written by a newer emulator"):
        LocalBackend().load_state(path)


@pytest.mark.parametrize(
    "content",
    [
        '{"account_id": "1", "regions": []}',
        '{"account_id": "1", "regions": null}',
        '{"account_id": "1", "regions": {"us-east-1": {"domains": []}}}',
        '{"account_id": "1", "regions": {"us-east-1": {"domains": {"d": {"name": "d"}}}}}',
    ],
)
def test_records_of_the_wrong_shape_are_a_value_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    backend = LocalBackend()
    backend.client().create_domain(DomainName="mine", DefaultExpirationDays=30)
    with pytest.raises(ValueError, match="do not have the shape"):
        backend.load_state(path)
    assert [d["DomainName"] for d in backend.client().list_domains()["Items"]] == ["mine"]


def test_a_deeply_nested_file_is_a_value_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ValueError, match="nested too deeply"):
        LocalBackend().load_state(path)
