"""The README's promises: its Python blocks run as pasted, and its commands are the ones
CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```python\n(.*?)^```", README, re.M | re.S)


def test_the_readme_has_a_tour() -> None:
    assert BLOCKS
    assert "CustomerProfiles.local()" in BLOCKS[0]


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_python_blocks_run_as_pasted_in_a_fresh_namespace(
    index: int, capsys: pytest.CaptureFixture[str]
) -> None:
    exec(compile(BLOCKS[index], f"README.md python block {index + 1}", "exec"), {})
    if index == 0:
        assert capsys.readouterr().out == "Ana\n"


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.search(r"```bash\n(.*?)```", README, re.S)
    assert commands is not None
    assert "python -m pytest" in commands.group(1)
    assert "python -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
