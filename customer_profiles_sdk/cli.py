"""The ``customer-profiles`` command.

Subcommands:

* ``customer-profiles local serve [--host 127.0.0.1] [--port 4566] [--state FILE]
  [--account-id ID]``: run the emulator as an HTTP server for the AWS CLI and other
  SDKs (``--endpoint-url http://127.0.0.1:4566``).

Other command groups register themselves in :func:`build_parser`, each with a
``func(args) -> int`` default.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ._version import __version__
from .local._server import add_serve_arguments, run_serve


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``customer-profiles`` command."""
    parser = argparse.ArgumentParser(
        prog="customer-profiles",
        description="Tools for Amazon Connect Customer Profiles (customer-profiles-sdk).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    groups = parser.add_subparsers(dest="group", metavar="COMMAND", required=True)

    local = groups.add_parser("local", help="the embedded emulator")
    local_commands = local.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    serve = local_commands.add_parser(
        "serve",
        help="serve the emulator over HTTP (loopback only unless --host says otherwise)",
    )
    add_serve_arguments(serve)
    serve.set_defaults(func=run_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``customer-profiles`` command; return its exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.func(args)
    return status
