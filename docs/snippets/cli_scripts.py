"""The command in scripts: exit status, --output json, a saved plan applied exactly."""

import json
import tempfile
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

from customer_profiles_sdk.cli import main
from customer_profiles_sdk.local import mock_customer_profiles


def customer_profiles(*argv: str) -> tuple[int, str]:
    """Run `customer-profiles ARGV...`; its exit status and stdout."""
    out = StringIO()
    with redirect_stdout(out):
        status = main(list(argv))
    return status, out.getvalue()


with mock_customer_profiles(), tempfile.TemporaryDirectory() as tmp:
    saved = str(Path(tmp) / "plan.json")

    # 2: changes planned; the plan as data with --output json, and saved with --out.
    status, out = customer_profiles(
        "plan", "examples/domain.yaml", "--output", "json", "--out", saved
    )
    assert status == 2
    plan = json.loads(out)
    assert plan["counts"]["create"] == len(plan["changes"]) > 10
    assert plan["changes"][0]["summary"] == "+ domain retail"

    # A usage error is 64, never 0 or 2.
    assert customer_profiles("plan", "--bogus", "examples/domain.yaml")[0] == 64

    # The saved plan is applied exactly: 0.
    assert customer_profiles("apply", "--plan", saved)[0] == 0
    # Applying it again is refused (1): the domain is no longer what the plan saw.
    assert customer_profiles("apply", "--plan", saved)[0] == 1

    # 0: no changes; the domain exported as JSON.
    assert customer_profiles("plan", "examples/domain.yaml")[0] == 0
    status, out = customer_profiles("export", "retail", "--output", "json")
    assert json.loads(out)["DomainName"] == "retail"
