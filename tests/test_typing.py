"""The public API type-checks under ``mypy --strict`` as users write it, and its
annotations catch typical mistakes."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "typing"


def _mypy(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parent.parent,
    )


@pytest.mark.parametrize("name", ["api_usage.py"])
def test_typical_use_type_checks_strictly_and_runs(name: str) -> None:
    result = _mypy(HERE / name)
    assert result.returncode == 0, result.stdout + result.stderr
    runpy.run_path(str(HERE / name), run_name="__main__")


def test_mistakes_are_type_errors_on_exactly_the_marked_lines() -> None:
    path = HERE / "api_misuse.py"
    marked = {
        number
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if "# E:" in line
    }
    result = _mypy(path)
    reported = {int(m.group(1)) for m in re.finditer(r"api_misuse\.py:(\d+): error", result.stdout)}
    assert result.returncode == 1
    assert reported == marked, result.stdout
