"""The same from the command line: customer-profiles plan / apply / export.

Against AWS, leave out --local (the default credential chain and region are used, or
--region / --profile / --endpoint-url). Here the commands run against an emulator
served on a free local port, as `customer-profiles local serve` would.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.local import LocalBackend


def customer_profiles(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the `customer-profiles` command (its entry point, as the installed script does)."""
    entry = "import sys; from customer_profiles_sdk.cli import main; sys.exit(main())"
    command = [sys.executable, "-c", entry]
    return subprocess.run([*command, *args], capture_output=True, text=True, check=False)


backend = LocalBackend()
with backend.serve() as server:  # like `customer-profiles local serve --port ...`
    local = ["--local", server.url]

    planned = customer_profiles(*local, "plan", "examples/domain.yaml")
    assert planned.returncode == 2, planned.stderr  # 0: no changes, 2: changes, 1: error
    assert "+ domain retail" in planned.stdout

    applied = customer_profiles(*local, "apply", "examples/domain.yaml", "--yes")
    assert applied.returncode == 0, applied.stderr
    again = customer_profiles(*local, "plan", "examples/domain.yaml")
    assert again.returncode == 0, again.stderr  # nothing left to do

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "retail.yaml")
        exported = customer_profiles(*local, "export", "retail", "-o", str(out))
        assert exported.returncode == 0, exported.stderr
        assert out.read_text().startswith("DomainName: retail")

assert CustomerProfiles.local(backend=backend).domain("retail").exists()
