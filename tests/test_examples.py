"""The examples run, against the embedded emulator, as a user would run them.

Every script under ``examples/`` runs in a subprocess (``python examples/<name>.py``)
and must exit 0; the scripts whose output is known are checked further. The notebook
``examples/exploration.ipynb`` is executed top to bottom with nbclient, on a kernel of
the interpreter running the tests.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import nbclient
import nbformat
import pytest

from customer_profiles_sdk import CustomerProfiles

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
NOTEBOOK = EXAMPLES / "exploration.ipynb"

#: Lines each known script must print, in this order (regular expressions, searched
#: line by line). Scripts not listed here must still exit 0.
EXPECTED_LINES: dict[str, list[str]] = {
    "quickstart.py": [
        r"^Running against the embedded emulator",
        r"^1\. created domain 'quickstart-[0-9a-f]{8}'",
        r"^2\. defined object type 'Order' with keys \['_email', '_phone', 'orderId'\]",
        r"^3\. ingested 3 orders -> 2 profiles",
        r"^4\. found Ana Silva by email AND phone \(profile [0-9a-f]{8}\.\.\.\) with 2 orders",
        r"^5\. merged a duplicate: 2 profiles with her email -> 1; kept attributes "
        r"\{'loyalty_tier': 'gold'\}",
        r"^6\. calculated attribute total_spend for Ana = 200(\.0+)?$",
    ],
    "contact_center.py": [
        r"^1\. Ana calls for the first time",
        r"found profile [0-9a-f]{32} by email; added the phone key",
        r"^   -> Ana Silva, profile [0-9a-f]{32}$",
        r"^2\. Ana calls again",
        r"found profile [0-9a-f]{32} by phone",
        r"^   -> same profile: True$",
        r"^3\. a new caller, Li Wei",
        r"created profile [0-9a-f]{32}",
        r"^   -> Li Wei, new profile [0-9a-f]{32}$",
        r"^4\. the service throttles",
        r"^   -> same profile: True, after 2 retries$",
    ],
    "history_and_attributes.py": [
        r"^1\. created domain 'history-[0-9a-f]{8}' with object type Order",
        r"^3\. Ana's history, newest first: \['MERGED', 'UPDATED', 'INGESTED', 'INGESTED', "
        r"'CREATED'\]",
        r"^   the MERGED record names the merged profiles: True",
        r"^   the duplicate's history ends with DELETED_BY_MERGE",
        r"^4\. cities of the customers: \['Lisbon', 'Singapore'\]",
        r"^   recent order totals, newest first: \['75', '25', '60', '40'\]",
        r"^5\. statistics before the daily computation: None",
        r"^   after it: min 25, max 75, average 50, median 50",
    ],
    "segments.py": [
        r"^1\. domain segments-example: 4 customers with orders",
        r"^2\. defined \['big_spenders', 'seattle_big_spenders'\]",
        r'^       Address\.City is "Seattle"$',
        r"^3\. estimate [0-9a-f]{8}\.\.\.: RUNNING -> SUCCEEDED, 3 big spenders$",
        r"^4\. members of seattle_big_spenders: \['Ana'\]$",
        r"^5\. snapshot COMPLETED: exported \['Di', 'Ana', 'Cy'\]",
        r"^6\. Bo ordered for 1500: events \[\('JOINED', 'LIVE'\)\]$",
        r"^   -> Bo joined seattle_big_spenders$",
    ],
    "bulk_load.py": [
        r"^1\. created domain 'bulk-load-[0-9a-f]{8}' with object type 'Order'$",
        r"^2\. stored 1998 of 2000 in \d+ calls \([1-9]\d* throttled answers retried\)$",
        r"^   objects in the domain: 1998 \(no duplicates\)$",
        r"^3\. refused: \[\(500, 400\), \(1500, 400\)\]$",
        r"^   position 500: Object is not valid JSON \(not sent\)$",
        r"^   position 1500: The UNIQUE key orderId has no value",
        r"^4\. interrupted; every position before [1-5]\d\d is acknowledged$",
        r"^   resumed from [1-5]\d\d: the run ends at 600 of 600$",
    ],
    "csv_import.py": [
        r"^1\. created domain 'csv-import-[0-9a-f]{8}'",
        r"^3\. imported crm-export-1\.csv: SUCCEEDED - created 3, updated 0, failed 0$",
        r"^4\. found C-002 by the unique key: Li Wei, Singapore$",
        r"^5\. imported crm-export-2\.csv: PARTIALLY_SUCCEEDED - created 1, updated 1, failed 1$",
        r"^   C-002's email is now li\.wei@example\.com$",
    ],
    "recommendations.py": [
        r"^2\. recommender 'for-you' is ACTIVE after 6\d emulated minutes, version "
        r"for-you/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$",
        r"^3\. training metrics: coverage=",
        r"^4\. filter 'no-category' is ACTIVE$",
        r"^5\. for Ana \(by profile id\): \[\('",
        r"^   by email: profile found, same items: True$",
        r"^6\. stopped: INACTIVE; started again: ACTIVE$",
    ],
    "domain_configuration.py": [
        r"^1\. detected object type 'Purchase': fields \['amount', 'email', 'first_name', "
        r"'purchase_id'\], keys \['_email', 'purchase_id'\]$",
        r"^2\. event stream 'export' is RUNNING$",
        r"^3\. event trigger 'big-spender' starts the campaign",
        r"^4\. layout 'agent-view' version 1, Data Store object type 'Product'$",
        r"^5\. 8 records exported: _profile CREATED, Purchase CREATED, _profile CREATED",
        r"^   the campaign started for purchases \['p-1', 'p-4'\]",
    ],
}

#: The examples need no AWS account: hide the developer's AWS configuration and
#: credentials so that a script reaching for AWS by mistake fails instead of using them.
_AWS_VARIABLES = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID",
                  "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")  # fmt: skip


def _offline_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _AWS_VARIABLES}
    env["AWS_CONFIG_FILE"] = str(tmp_path / "no-aws-config")
    env["AWS_SHARED_CREDENTIALS_FILE"] = str(tmp_path / "no-aws-credentials")
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    return env


def _assert_lines_in_order(output: str, patterns: list[str]) -> None:
    """Each pattern matches a line of ``output``, after the line the previous matched."""
    lines = output.splitlines()
    position = 0
    for pattern in patterns:
        found = next((i for i in range(position, len(lines)) if re.search(pattern, lines[i])), None)
        assert found is not None, f"no line matching {pattern!r} after line {position}:\n{output}"
        position = found + 1


def _load_example(name: str) -> ModuleType:
    """Import ``examples/<name>.py`` as a module (its ``main()`` does not run)."""
    spec = importlib.util.spec_from_file_location(f"examples_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_examples_folder_is_not_empty() -> None:
    names = {path.name for path in SCRIPTS}
    assert {"quickstart.py", "contact_center.py"} <= names
    assert NOTEBOOK.is_file()


@pytest.mark.parametrize("script", SCRIPTS, ids=[path.name for path in SCRIPTS])
def test_example_script_runs_against_the_emulator(script: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script.relative_to(ROOT))],
        cwd=ROOT,
        env=_offline_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, report
    assert "Traceback" not in result.stderr, report
    assert result.stdout.strip(), report
    _assert_lines_in_order(result.stdout, EXPECTED_LINES.get(script.name, []))


def test_contact_center_function_is_importable_application_code() -> None:
    """``find_or_create_caller`` works when imported, with no ``main()`` side effect."""
    contact_center = _load_example("contact_center")
    domain = CustomerProfiles.local().domains.create("cc-test", default_expiration_days=30)
    created = domain.profiles.create({"first_name": "Bo", "email_address": "bo@example.com"})

    # Unknown phone and email: a profile is created from what the caller told.
    new = contact_center.find_or_create_caller(domain, "+44 20 7946 0000", name="Cy Van Dyke")
    assert new.profile_id is not None
    assert (new.first_name, new.last_name) == ("Cy", "Van Dyke")
    assert new.phone_number == "+44 20 7946 0000"

    # Known email, unknown phone: found, and the phone key is added to that profile.
    found = contact_center.find_or_create_caller(domain, "+1 555 0100", email="BO@example.com")
    assert found.profile_id == created
    by_phone = domain.profiles.search("_phone", ["+15550100"]).to_list()
    assert [p.profile_id for p in by_phone] == [created]

    # Known phone: found by phone, whatever email is given; nothing is created.
    again = contact_center.find_or_create_caller(domain, "+15550100", email="new@example.com")
    assert again.profile_id == created
    assert domain.get().stats is not None
    assert domain.get().stats.profile_count == 2


# ---------------------------------------------------------------------------- notebook


def test_committed_notebook_has_no_outputs() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code_cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code_cells
    for cell in code_cells:
        assert cell["outputs"] == [], cell["source"]
        assert cell["execution_count"] is None, cell["source"]


@pytest.fixture
def kernel_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernelspec running ipykernel on this very interpreter.

    ``pip install -e ".[dev]"`` installs ipykernel, which provides a ``python3``
    kernelspec, but a user-level ``python3`` kernelspec (``~/.local/share/jupyter``)
    could point at another Python. ``JUPYTER_PATH`` comes first in Jupyter's search
    path, so this spec is the one found.
    """
    name = "customer-profiles-sdk-tests"
    spec_dir = tmp_path / "jupyter" / "kernels" / name
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "customer-profiles-sdk tests",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    for key, value in _offline_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    for key in _AWS_VARIABLES:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.delenv("MPLBACKEND", raising=False)
    return name


def test_notebook_runs_top_to_bottom(kernel_name: str) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name=kernel_name,
        timeout=300,
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    # Every code cell ran, in order, and none wrote an error.
    assert [cell.execution_count for cell in code_cells] == list(range(1, len(code_cells) + 1))
    outputs = [output for cell in code_cells for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]

    data = [o.get("data", {}) for o in outputs]
    html_tables = [d["text/html"] for d in data if "<table" in d.get("text/html", "")]
    profile_tables = [t for t in html_tables if "<caption><b>Profile</b></caption>" in t]
    assert profile_tables, "no cell rendered a Profile as an HTML table"
    assert "@example.com" in profile_tables[0]  # the notebook view shows the data
    assert any("Paged(SearchProfiles)" in t for t in html_tables)
    assert any("image/png" in d for d in data), "no cell produced a plot"
    segment_views = [t for t in html_tables if "<caption><b>Segment big_spenders</b>" in t]
    assert segment_views, "no cell rendered a segment definition"
    assert "calculated attribute total_spend is greater than 500" in segment_views[0]
    assert any("Segment estimate" in t and "SUCCEEDED" in t for t in html_tables)
    # The views of issue 17: a domain, its spec, a plan, typed calculated attribute values.
    html_views = [d.get("text/html", "") for d in data]
    domain_views = [v for v in html_views if "Domain retail-exploration</h4>" in v]
    assert any("total_spend" in v and "Object types</b> (1)" in v for v in domain_views)
    assert any("Domain spec retail-exploration" in v for v in html_views)
    assert any("Plan for domain retail-exploration: 0 to create, 1 to update" in v
               for v in html_views)  # fmt: skip
    assert any("DefaultExpirationDays: 365 -&gt; 180" in v for v in html_views)
    values = [v for v in html_views if "calculated_attribute_name" in v and "<table" in v]
    assert values, "no cell showed calculated attribute values as a DataFrame"
