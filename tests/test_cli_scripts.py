"""The ``customer-profiles`` command in scripts: exit status, ``--output json``, saved
plans, terminal rendering, ``--debug`` and YAML hints.

In-process tests run :func:`customer_profiles_sdk.cli.main` under
``mock_customer_profiles`` (the CLI builds its own client, which the mock answers);
the exit status of the real process is checked through subprocesses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.cli import EXIT_CHANGES, EXIT_ERROR, EXIT_OK, EXIT_USAGE, main
from customer_profiles_sdk.domain_spec import DomainSpec
from customer_profiles_sdk.local import LocalBackend, mock_customer_profiles
from tests.test_cli_domain import _env, endpoint, run

__all__ = ["endpoint"]  # the served emulator fixture, shared with test_cli_domain

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "domain.yaml"
SMALL = """\
DomainName: scripts
DefaultExpirationDays: 30
ObjectTypes:
  Order:
    Description: Orders
    Fields:
      order_id: {Source: _source.order_id}
      email: {Source: _source.email, Target: _profile.EmailAddress}
    Keys:
      orderNumber: [{StandardIdentifiers: [UNIQUE], FieldNames: [order_id]}]
      _email: [{StandardIdentifiers: [PROFILE], FieldNames: [email]}]
"""


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalBackend]:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    with mock_customer_profiles() as backend:
        yield backend


@pytest.fixture
def spec_file(tmp_path: Path) -> Path:
    path = tmp_path / "scripts.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


# ------------------------------------------------------------------ exit status


def test_plan_exits_2_with_changes_and_0_without(
    backend: LocalBackend, spec_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", str(spec_file)]) == EXIT_CHANGES == 2
    assert "Plan for domain scripts: 2 to create" in capsys.readouterr().out
    assert main(["apply", str(spec_file), "--yes"]) == EXIT_OK
    assert main(["plan", str(spec_file)]) == EXIT_OK == 0
    assert "No changes" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "--bogus", "x.yaml"],
        ["plan"],
        ["nonsense"],
        ["apply"],  # neither FILE nor --plan
        ["apply", "x.yaml", "--plan", "p.json"],  # both
        ["export", "d", "--output", "xml"],
    ],
    ids=[
        "unknown-option",
        "missing-file",
        "unknown-command",
        "apply-nothing",
        "apply-both",
        "bad-choice",
    ],
)
def test_a_usage_error_is_64_never_0_or_2(
    backend: LocalBackend, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == EXIT_USAGE == 64
    assert "error:" in capsys.readouterr().err


def test_an_error_is_1(
    backend: LocalBackend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", str(tmp_path / "missing.yaml")]) == EXIT_ERROR
    assert main(["export", "no-such-domain"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "No such file" in err
    assert "no-such-domain" in err
    assert "Traceback" not in err


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "64 usage error" in capsys.readouterr().out
    assert main(["--version"]) == 0


def test_exit_status_of_the_process() -> None:
    def status(*args: str) -> int:
        return run(*args).returncode

    assert status("plan", "--bogus", str(EXAMPLE)) == 64
    assert status("apply") == 64
    assert status("plan", "/nonexistent/spec.yaml") == 1
    assert status("--version") == 0


def test_process_plan_json_is_data_and_piped_output_is_plain(endpoint: str) -> None:
    env = {**_env(), "NO_COLOR": ""}
    env.pop("FORCE_COLOR", None)
    planned = subprocess.run(
        [sys.executable, "-m", "customer_profiles_sdk.cli", "plan", str(EXAMPLE),
         "--local", endpoint, "--output", "json"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    # The served emulator may hold "retail" from test_cli_domain: 2 or 0 by its state.
    data = json.loads(planned.stdout)
    assert planned.returncode == (2 if data["has_changes"] else 0), planned.stderr
    assert data["domain_name"] == "retail"
    text = run("plan", str(EXAMPLE), "--local", endpoint)
    assert "\x1b[" not in text.stdout  # a pipe: no colour
    assert "┃" not in text.stdout  # and no table
    assert text.stdout.startswith(("Plan for domain retail", "No changes"))


# ------------------------------------------------------------------ --output json


def test_plan_output_json_lists_the_changes_as_data(
    backend: LocalBackend, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", str(EXAMPLE), "--output", "json"]) == EXIT_CHANGES
    data = json.loads(capsys.readouterr().out)
    assert data["domain_name"] == "retail"
    assert data["has_changes"] is True
    expected = len(CustomerProfiles.local().domains.plan(DomainSpec.load(EXAMPLE)).changes)
    assert data["counts"] == {"create": expected, "update": 0, "replace": 0, "delete": 0}
    assert len(data["changes"]) == expected
    kinds = {(c["kind"], c["resource"], c["name"]) for c in data["changes"]}
    assert ("create", "calculated_attribute", "total_spend") in kinds
    order = next(c for c in data["changes"] if c["name"] == "Order")
    assert order["after"]["Description"] == "Web shop orders"
    assert {"path": "Description", "before": None, "after": "Web shop orders"} in order[
        "differences"
    ]


def test_output_json_before_the_command_works_too(
    backend: LocalBackend, spec_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--output", "json", "plan", str(spec_file)]) == EXIT_CHANGES
    assert json.loads(capsys.readouterr().out)["counts"]["create"] == 2


def test_export_output_json(
    backend: LocalBackend, spec_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["apply", str(spec_file), "--yes", "--output", "json"]) == EXIT_OK
    applied = json.loads(capsys.readouterr().out)
    assert applied["changed"] is True
    assert [c["summary"] for c in applied["applied"]] == ["+ domain scripts", "+ object_type Order"]
    assert main(["export", "scripts", "--output", "json"]) == EXIT_OK
    exported = json.loads(capsys.readouterr().out)
    assert exported["DomainName"] == "scripts"
    assert set(exported["ObjectTypes"]["Order"]["Keys"]) == {"orderNumber", "_email"}
    out = tmp_path / "out.yaml"
    assert main(["export", "scripts", "-o", str(out), "--output", "json"]) == EXIT_OK
    assert json.loads(out.read_text())["DefaultExpirationDays"] == 30


# ------------------------------------------------------------------ saved plans


def test_a_saved_plan_is_applied_exactly(
    backend: LocalBackend, spec_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "plan.json"
    assert main(["plan", str(spec_file), "--out", str(saved)]) == EXIT_CHANGES
    assert json.loads(saved.read_text())["format"] == "customer-profiles-sdk/plan/1"
    # The spec file may change after the plan: the saved plan carries its own spec.
    spec_file.write_text(SMALL.replace("30", "90"), encoding="utf-8")
    assert main(["apply", "--plan", str(saved)]) == EXIT_OK
    assert "Applied 2 change(s)" in capsys.readouterr().out
    cp = CustomerProfiles(client=backend.client())
    assert cp.domain("scripts").get().default_expiration_days == 30


def test_a_saved_plan_is_refused_when_the_domain_drifted(
    backend: LocalBackend, spec_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["apply", str(spec_file), "--yes"]) == EXIT_OK
    spec_file.write_text(SMALL.replace("30", "60"), encoding="utf-8")
    saved = tmp_path / "plan.json"
    assert main(["plan", str(spec_file), "--out", str(saved)]) == EXIT_CHANGES
    capsys.readouterr()
    cp = CustomerProfiles(client=backend.client())
    cp.domain("scripts").update(default_expiration_days=45)  # someone else changed it
    assert main(["apply", "--plan", str(saved)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "changed since the plan was made" in err
    assert "Nothing was applied" in err
    assert cp.domain("scripts").get().default_expiration_days == 45


def test_a_file_that_is_not_a_saved_plan_is_an_error(
    backend: LocalBackend, spec_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["apply", "--plan", str(spec_file)]) == EXIT_ERROR
    assert "valid JSON" in capsys.readouterr().err


# ------------------------------------------------------------------ YAML mistakes


def test_a_yaml_11_time_points_at_the_line_and_says_to_quote_it(
    backend: LocalBackend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "time.yaml"
    path.write_text(
        "DomainName: t\nDefaultExpirationDays: 30\nMatching:\n  Enabled: true\n"
        "  JobSchedule:\n    DayOfTheWeek: SUNDAY\n    Time: 10:30\n",
        encoding="utf-8",
    )
    assert main(["plan", str(path)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "Matching.JobSchedule.Time" in err
    assert "line 7" in err
    assert "630" in err
    assert 'quote it: "10:30"' in err


def test_a_yaml_boolean_and_a_syntax_error_say_where_and_how_to_fix(
    backend: LocalBackend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bool.yaml"
    path.write_text(
        "DomainName: t\nDefaultExpirationDays: 30\nIntegrations:\n"
        "  - Uri: s3://bucket\n    ObjectTypeName: no\n",
        encoding="utf-8",
    )
    assert main(["plan", str(path)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "Integrations[s3://bucket].ObjectTypeName" in err
    assert 'line 5: YAML reads no as false, quote it: "no"' in err
    path.write_text("DomainName: t\n\tDefaultExpirationDays: 30\n", encoding="utf-8")
    assert main(["plan", str(path)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "line 2, column 1" in err
    assert "tabs" in err


# ------------------------------------------------------------------ terminal rendering


def test_colour_and_a_table_on_a_terminal(
    backend: LocalBackend, spec_file: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("FORCE_COLOR", "1")  # what a terminal gets
    assert main(["plan", str(spec_file)]) == EXIT_CHANGES
    out = capsys.readouterr().out
    assert "\x1b[" in out  # colour
    assert "┃" in out or "│" in out  # a table
    assert "object_type" in out


def test_without_rich_a_terminal_gets_plain_text(
    backend: LocalBackend, spec_file: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setitem(sys.modules, "rich.console", None)  # as if rich were not installed
    assert main(["plan", str(spec_file)]) == EXIT_CHANGES
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert out.startswith("Plan for domain scripts: 2 to create")


# ------------------------------------------------------------------ --debug


def test_debug_shows_the_traceback_and_botocore_log(
    backend: LocalBackend, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--debug", "export", "no-such-domain"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert "botocore" in err
    assert main(["export", "no-such-domain"]) == EXIT_ERROR
    assert "Traceback" not in capsys.readouterr().err


def test_debug_log_leaves_out_personal_data(
    backend: LocalBackend, capsys: pytest.CaptureFixture[str]
) -> None:
    from customer_profiles_sdk import Profile
    from customer_profiles_sdk.cli import _start_debug_log

    cp = CustomerProfiles(client=backend.client())
    domain = cp.domains.create("debuglog", default_expiration_days=30)
    undo = _start_debug_log()
    try:
        pid = domain.profiles.create(Profile(email_address="secret.ana@example.com"))
        found = list(domain.profiles.search("_email", ["secret.ana@example.com"]))
    finally:
        undo()
    assert [p.profile_id for p in found] == [pid]
    err = capsys.readouterr().err
    assert "CreateProfile" in err  # the log is there...
    assert "bytes not logged" in err
    assert "secret.ana" not in err  # ...without the personal data
    assert "Signature" not in err or "<not logged>" in err


def test_an_unexpected_error_says_how_to_see_the_traceback(
    backend: LocalBackend, spec_file: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from customer_profiles_sdk import domain_spec

    def broken(path: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(domain_spec.DomainSpec, "load", staticmethod(broken))
    assert main(["plan", str(spec_file)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "unexpected RuntimeError: boom" in err
    assert "--debug" in err
    assert main(["plan", str(spec_file), "--debug"]) == EXIT_ERROR
    assert "Traceback" in capsys.readouterr().err
