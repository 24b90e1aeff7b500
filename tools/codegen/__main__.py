"""``python -m tools.codegen [--check]``: regenerate the models (see the package docs)."""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path

from .generate import OUTPUT, GenerationError, generate, owned_files


def main(argv: list[str] | None = None) -> int:
    """Regenerate ``customer_profiles_sdk/models/_generated`` (or, with ``--check``, say
    whether it is current). Returns the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m tools.codegen", description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="only check that the committed models are current"
    )
    args = parser.parse_args(argv)
    try:
        if not args.check:
            plan = generate()
            print(
                f"generated {len(plan.classes)} models and {len(plan.enums)} enums "
                f"for {len(plan.operations)} operations (botocore {plan.version}) in {OUTPUT}"
            )
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            stale = stale_files(Path(tmp))
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if stale:
        print("stale generated files: " + ", ".join(stale), file=sys.stderr)
        return 1
    print("generated models are current")
    return 0


def stale_files(scratch: Path) -> list[str]:
    """Generate into ``scratch`` and name the committed generated files that differ
    (or are missing, or should not be there)."""
    generate(scratch)
    names = {p.relative_to(scratch).as_posix() for p in owned_files(scratch)}
    names |= {p.relative_to(OUTPUT).as_posix() for p in owned_files(OUTPUT)}
    return sorted(n for n in names if not _same(scratch / n, OUTPUT / n))


def _same(a: Path, b: Path) -> bool:
    return a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)


if __name__ == "__main__":
    sys.exit(main())
