"""``customer-profiles ingest`` against an emulator served over HTTP (in-process server,
the command run through ``cli.main``)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_sdk import cli
from customer_profiles_sdk.local import LocalBackend

TYPE = "Zendesk-users"


@pytest.fixture
def backend() -> Iterator[LocalBackend]:
    backend = LocalBackend()
    backend.client().create_domain(DomainName="d", DefaultExpirationDays=30)
    with backend.serve() as server:
        backend.url = server.url  # type: ignore[attr-defined]
        yield backend


def ingest(backend: LocalBackend, path: str, *extra: str) -> int:
    url = backend.url  # type: ignore[attr-defined]
    return cli.main(
        ["ingest", path, "--domain", "d", "--object-type", TYPE, "--local", url, *extra]
    )


def object_count(backend: LocalBackend) -> int:
    return int(backend.client().get_domain(DomainName="d")["Stats"]["ObjectCount"])


def test_jsonl_with_unreadable_and_refused_lines(backend, tmp_path, capsys):
    lines = [json.dumps({"id": f"u{n}", "email": f"u{n}@example.com"}) for n in range(25)]
    lines[4] = "{not json"
    lines[9] = "[1, 2]"
    lines[14] = json.dumps({"email": "no-id@example.com"})  # refused: no UNIQUE value
    lines.insert(20, "")  # blank lines are skipped
    source = tmp_path / "users.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    failed_out = tmp_path / "failed.jsonl"

    status = ingest(backend, str(source), "--failed-out", str(failed_out))

    out, err = capsys.readouterr()
    assert status == 1
    assert "stored 22, refused 1, unreadable 2" in out
    assert f"{source}:5: not valid JSON" in err
    assert f"{source}:10: not a JSON object" in err
    assert f"{source}:15: refused (400)" in err
    assert "no-id@example.com" not in err + out  # no personal data printed
    assert [json.loads(line) for line in failed_out.read_text().splitlines()] == [
        {"email": "no-id@example.com"}
    ]
    assert object_count(backend) == 22


def test_all_stored_exits_0(backend, tmp_path, capsys):
    source = tmp_path / "users.json"
    source.write_text(json.dumps([{"id": f"u{n}"} for n in range(12)]), encoding="utf-8")
    assert ingest(backend, str(source)) == 0
    assert "stored 12, refused 0, unreadable 0" in capsys.readouterr().out
    assert object_count(backend) == 12


def test_json_array_item_that_is_not_an_object(backend, tmp_path, capsys):
    source = tmp_path / "users.json"
    source.write_text(json.dumps([{"id": "a"}, 3, {"id": "b"}]), encoding="utf-8")
    assert ingest(backend, str(source)) == 1
    _, err = capsys.readouterr()
    assert f"{source}:2: array item is not a JSON object" in err
    assert object_count(backend) == 2


def test_csv(backend, tmp_path, capsys):
    source = tmp_path / "users.csv"
    source.write_text("id,email\nu1,a@example.com\nu2,\nu3,c@example.com,extra\n", encoding="utf-8")
    assert ingest(backend, str(source)) == 1
    out, err = capsys.readouterr()
    assert "stored 2, refused 0, unreadable 1" in out
    assert f"{source}:4: more cells than the header has columns" in err
    client = backend.client()
    (profile,) = client.search_profiles(DomainName="d", KeyName="_zendeskUserId", Values=["u2"])[
        "Items"
    ]
    objects = client.list_profile_objects(
        DomainName="d", ProfileId=profile["ProfileId"], ObjectTypeName=TYPE
    )["Items"]
    assert json.loads(objects[0]["Object"]) == {"id": "u2"}  # the empty cell is left out


def test_stdin(backend, monkeypatch, capsys):
    data = "\n".join(json.dumps({"id": f"s{n}"}) for n in range(7))
    monkeypatch.setattr(sys, "stdin", io.StringIO(data))
    assert ingest(backend, "-") == 0
    assert "stored 7" in capsys.readouterr().out
    assert object_count(backend) == 7


def test_stdin_json_array_detected(backend, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO('  [{"id": "a"}, {"id": "b"}]'))
    assert ingest(backend, "-") == 0
    assert "stored 2" in capsys.readouterr().out


def test_missing_object_type_stops_with_resume_position(backend, tmp_path, capsys):
    source = tmp_path / "users.jsonl"
    source.write_text('{"id": "a"}\n', encoding="utf-8")
    url = backend.url
    status = cli.main(
        ["ingest", str(source), "--domain", "d", "--object-type", "Nope", "--local", url]
    )
    _, err = capsys.readouterr()
    assert status == 1
    assert "resume with --start 0" in err


def test_start_resumes(backend, tmp_path, capsys):
    source = tmp_path / "users.jsonl"
    source.write_text("".join(json.dumps({"id": f"u{n}"}) + "\n" for n in range(30)))
    assert ingest(backend, str(source), "--start", "20") == 0
    assert "stored 10" in capsys.readouterr().out
    assert object_count(backend) == 10


def test_missing_file(backend, tmp_path, capsys):
    assert ingest(backend, str(tmp_path / "nope.jsonl")) == 1
    assert "error:" in capsys.readouterr().err


def test_help_lists_ingest(capsys):
    assert cli.main(["ingest", "--help"]) == 0
    out: Any = capsys.readouterr().out
    assert "--failed-out" in out
    assert "--object-type" in out


def test_progress_bar_only_on_a_terminal(backend, tmp_path, capsys, monkeypatch):
    source = tmp_path / "users.jsonl"
    source.write_text("".join(json.dumps({"id": f"u{n}"}) + "\n" for n in range(5)))
    assert ingest(backend, str(source)) == 0
    assert "put_many" not in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert ingest(backend, str(source)) == 0
    assert "put_many" in capsys.readouterr().err


def test_path_type(tmp_path: Path) -> None:
    assert (
        cli.build_parser()
        .parse_args(["ingest", str(tmp_path), "--domain", "d", "--object-type", "T"])
        .format
        == "auto"
    )


def test_output_json_is_the_summary_as_data(backend, tmp_path, capsys):
    lines = [json.dumps({"id": f"u{n}", "email": f"u{n}@example.com"}) for n in range(5)]
    lines[1] = "{not json"
    lines[3] = json.dumps({"email": "no-id@example.com"})  # refused: no UNIQUE value
    source = tmp_path / "users.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")

    status = ingest(backend, str(source), "--output", "json")

    out, err = capsys.readouterr()
    assert status == 1
    summary = json.loads(out)  # stdout holds the data only
    assert summary["stored"] == 3
    assert [(r["index"], r["line"], r["code"]) for r in summary["refused"]] == [
        (2, 4, 400)
    ]  # index: among the objects read
    assert [u["line"] for u in summary["unreadable"]] == [2]
    assert summary["error"] is None
    assert "no-id@example.com" not in out + err
