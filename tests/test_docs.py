"""The documentation site: its examples run, its tables are current, and it builds.

* Every script in ``docs/snippets/`` is a small program against the embedded emulator
  that asserts what it shows; each runs here in a fresh namespace (``runpy``), from
  the repository root as a reader would run it.
* Python examples live only in those scripts: pages include them with
  ``--8<-- "docs/snippets/NAME.py"``, so no example on the site is untested.
* The boto3 -> SDK table of ``docs/migrating.md`` is the one the completeness test
  generates from the SDK's methods (and checks in the README).
* ``mkdocs build --strict`` succeeds: no broken link, no missing page, no docstring
  that mkdocstrings cannot render.
"""

from __future__ import annotations

import importlib.util
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from customer_profiles_sdk.models._generated import _manifest
from tests.test_completeness import operation_table

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = sorted((DOCS / "snippets").glob("*.py"))
PAGES = sorted(DOCS.rglob("*.md"))

_INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^"]+)"')
_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S
)


def _includes() -> dict[str, list[Path]]:
    """Included file (relative to the repository root) -> the pages including it."""
    found: dict[str, list[Path]] = {}
    for page in PAGES:
        for match in _INCLUDE.finditer(page.read_text(encoding="utf-8")):
            found.setdefault(match.group("path"), []).append(page)
    return found


def test_there_are_snippets_and_pages() -> None:
    assert len(SNIPPETS) >= 15
    assert (DOCS / "index.md") in PAGES


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.stem for s in SNIPPETS])
def test_snippet_runs(snippet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # snippets use repository paths such as examples/domain.yaml
    runpy.run_path(str(snippet), run_name="__main__")


def test_the_pytest_snippet_passes_as_a_pytest_session(tmp_path: Path) -> None:
    """The plugin's fixtures reach a test module through the package's entry point."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(DOCS / "snippets" / "testing_pytest.py"), "--rootdir", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    assert "2 passed" in result.stdout


def test_every_snippet_is_shown_on_a_page() -> None:
    included = _includes()
    orphans = [s.name for s in SNIPPETS if s.relative_to(ROOT).as_posix() not in included]
    assert orphans == []


def test_every_included_file_exists() -> None:
    missing = [path for path in _includes() if not (ROOT / path).is_file()]
    assert missing == []


def test_python_examples_are_included_from_snippet_files() -> None:
    """A ```python block of a page holds only an include: its code is a tested file."""
    inline = []
    for page in PAGES:
        for fence in _FENCE.finditer(page.read_text(encoding="utf-8")):
            if fence.group("lang") in ("python", "py", "pycon"):
                body = fence.group("body").strip()
                if not _INCLUDE.fullmatch(body):
                    inline.append(f"{page.relative_to(ROOT)}: {body.splitlines()[0]}")
    assert inline == []


def test_migrating_page_lists_every_operation() -> None:
    text = (DOCS / "migrating.md").read_text(encoding="utf-8")
    table = operation_table()
    assert table in text
    assert len(table.splitlines()) == 2 + len(_manifest.OPERATIONS)


def _griffe_extension() -> ModuleType:
    path = DOCS / "_griffe" / "rest_to_markdown.py"
    spec = importlib.util.spec_from_file_location("rest_to_markdown", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docstrings_are_rewritten_for_markdown() -> None:
    to_markdown = _griffe_extension().to_markdown
    text = (
        "Read :class:`Paged` and :meth:`~customer_profiles_sdk.paging.Paged.limit`, or\n"
        ":attr:`the domains <customer_profiles_sdk.CustomerProfiles.domains>`::\n"
        "\n"
        "    cp.domains\n"
        "\n"
        ".. code-block:: yaml\n"
        "\n"
        "    DomainName: retail\n"
        "\n"
        "Example:\n"
        "    >>> 1 + 1\n"
        "    2\n"
    )
    assert to_markdown(text) == (
        "Read `Paged` and `limit`, or\n"
        "`the domains`:\n"
        "\n"
        "    cp.domains\n"
        "\n"
        "\n"
        "\n"
        "    DomainName: retail\n"
        "\n"
        "Examples:\n"
        "    >>> 1 + 1\n"
        "    2\n"
    )


def test_mkdocs_build_is_strict_clean(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert result.returncode == 0, "\n".join(warnings) or result.stderr[-3000:]
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "reference" / "resources" / "index.html").is_file()
    _every_model_field_is_in_the_reference(tmp_path / "site" / "reference" / "models")


_ROW = re.compile(r"<tr>\s*<td><code>(?P<name>\w+)</code>.*?</td>\s*<td>.*?</td>\s*"
                  r"<td><code>(?P<type>.*?)</code></td>\s*<td>(?P<doc>.*?)</td>\s*</tr>",
                  re.S)  # fmt: skip


def _every_model_field_is_in_the_reference(pages: Path) -> None:
    """The built API reference shows every field of every model with its type and a
    description (from the SDK or from the installed botocore model)."""
    import attrs

    from customer_profiles_sdk import _convert, models

    missing: list[str] = []
    checked = 0
    for name in models.__all__:
        cls = getattr(models, name)
        if not _convert.is_model(cls):
            continue
        module = cls.__module__.rsplit(".", 1)[-1]
        page = (pages / module / "index.html").read_text(encoding="utf-8")
        start = page.index(f'id="{cls.__module__}.{name}"')
        end = page.find("doc doc-object doc-class", start)
        rows = {m["name"]: m for m in _ROW.finditer(page[start : end if end > 0 else None])}
        for field in attrs.fields(cls):
            if field.name == "extra":
                continue
            checked += 1
            row = rows.get(field.name)
            if row is None or not row["type"].strip() or not row["doc"].strip():
                missing.append(f"{name}.{field.name}")
    assert checked > 800
    assert missing == []
