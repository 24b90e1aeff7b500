"""The ``customer-profiles`` command.

Subcommands:

* ``customer-profiles local serve [--host 127.0.0.1] [--port 4566] [--state FILE]
  [--account-id ID]``: run the emulator as an HTTP server for the AWS CLI and other
  SDKs (``--endpoint-url http://127.0.0.1:4566``).
* ``customer-profiles plan FILE [--prune]``: show what ``apply`` would change (exit 0:
  no changes, 2: changes planned, 1: error).
* ``customer-profiles apply FILE [--prune] [--yes]``: make the domain match the spec
  file (asks for confirmation on a terminal unless ``--yes``).
* ``customer-profiles export NAME [-o FILE]``: write a domain as a spec (YAML, or JSON
  for a ``.json`` file).
* ``customer-profiles ingest FILE --domain NAME --object-type TYPE [--failed-out FILE]``:
  load JSON Lines, a JSON array or CSV (``-``: standard input) with
  ``objects.put_many`` (exit 0: all stored, 1: something refused or an error); see
  :mod:`._cli_ingest`.

``plan``, ``apply``, ``export`` and ``ingest`` take ``--endpoint-url``, ``--region``, ``--profile``
and ``--local [URL]`` (the emulator served by ``local serve``, default
``http://127.0.0.1:4566``, with dummy credentials).

Other command groups register themselves in :func:`build_parser`, each with a
``func(args) -> int`` default.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .local._server import add_serve_arguments, run_serve

if TYPE_CHECKING:
    from .client import CustomerProfiles
    from .domain_spec import Change

#: Where ``--local`` without a URL points: ``customer-profiles local serve``'s default.
LOCAL_URL = "http://127.0.0.1:4566"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``customer-profiles`` command."""
    parser = argparse.ArgumentParser(
        prog="customer-profiles",
        description="Tools for Amazon Connect Customer Profiles (customer-profiles-sdk).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_client_options(parser)
    groups = parser.add_subparsers(dest="group", metavar="COMMAND", required=True)

    local = groups.add_parser("local", help="the embedded emulator")
    local_commands = local.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    serve = local_commands.add_parser(
        "serve",
        help="serve the emulator over HTTP (loopback only unless --host says otherwise)",
    )
    add_serve_arguments(serve)
    serve.set_defaults(func=run_serve)
    _add_domain_commands(groups)
    from ._cli_ingest import add_ingest_command  # self-contained: _cli_ingest.py

    add_ingest_command(groups, _client_options())
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``customer-profiles`` command; return its exit status."""
    args = build_parser().parse_args(_local_default(sys.argv[1:] if argv is None else argv))
    status: int = args.func(args)
    return status


# --------------------------------------------------------------------------- domains as code


def _add_client_options(parser: argparse.ArgumentParser, default: Any = None) -> None:
    """The connection options; on subcommands ``default=SUPPRESS`` keeps a value given
    before the subcommand (``customer-profiles --local plan FILE``)."""
    group = parser.add_argument_group("connection")
    group.add_argument(
        "--endpoint-url", default=default, help="the service endpoint (e.g. an emulator)"
    )
    group.add_argument(
        "--region", default=default, help="the AWS region (default: from the AWS configuration)"
    )
    group.add_argument("--profile", default=default, help="a named profile of the AWS config")
    group.add_argument(
        "--local",
        nargs="?",
        const=LOCAL_URL,
        default=default,
        metavar="URL",
        help=f"use the emulator served by 'customer-profiles local serve' (default {LOCAL_URL})"
        " with dummy credentials",
    )


def _client_options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    _add_client_options(options, default=argparse.SUPPRESS)
    return options


def _add_domain_commands(groups: Any) -> None:
    options = _client_options()
    plan = groups.add_parser(
        "plan",
        parents=[options],
        help="show what apply would change (exit 0: none, 2: changes, 1: error)",
    )
    plan.add_argument("file", metavar="FILE", help="the domain spec (YAML or JSON)")
    plan.add_argument(
        "--prune", action="store_true", help="also delete what the spec does not list"
    )
    plan.set_defaults(func=run_plan)

    apply = groups.add_parser("apply", parents=[options], help="make a domain match a spec file")
    apply.add_argument("file", metavar="FILE", help="the domain spec (YAML or JSON)")
    apply.add_argument("--prune", action="store_true", help="delete what the spec does not list")
    apply.add_argument("--yes", "-y", action="store_true", help="apply without asking")
    apply.set_defaults(func=run_apply)

    export = groups.add_parser("export", parents=[options], help="write a domain as a spec")
    export.add_argument("name", metavar="NAME", help="the domain")
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (.json: JSON, else YAML)"
    )
    export.set_defaults(func=run_export)


def _local_default(argv: Sequence[str]) -> list[str]:
    """``--local`` followed by something that is not a URL means ``--local`` alone."""
    out = list(argv)
    for i, arg in enumerate(out):
        if arg == "--local" and (i + 1 == len(out) or "://" not in out[i + 1]):
            out[i] = f"--local={LOCAL_URL}"
    return out


def _client(args: argparse.Namespace) -> CustomerProfiles:
    from .client import CustomerProfiles

    if args.local:
        from .local import emulator_client

        client = emulator_client(args.local, region_name=args.region or "us-east-1")
        return CustomerProfiles(client=client)
    return CustomerProfiles(
        region_name=args.region, profile_name=args.profile, endpoint_url=args.endpoint_url
    )


def _fail(message: object) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def _guarded(run: Any) -> Any:
    """Print errors on stderr (no traceback) and exit 1."""

    def wrapper(args: argparse.Namespace) -> int:
        import botocore.exceptions

        from .errors import CustomerProfilesError

        try:
            status: int = run(args)
        except (CustomerProfilesError, OSError, botocore.exceptions.BotoCoreError) as exc:
            return _fail(exc)
        return status

    wrapper.__doc__ = run.__doc__
    return wrapper


@_guarded
def run_plan(args: argparse.Namespace) -> int:
    """``customer-profiles plan FILE``: 0 no changes, 2 changes planned, 1 error."""
    from .domain_spec import DomainSpec

    spec = DomainSpec.load(args.file)
    plan = _client(args).domains.plan(spec, prune=args.prune)
    print(plan)
    return 2 if plan.has_changes else 0


@_guarded
def run_apply(args: argparse.Namespace) -> int:
    """``customer-profiles apply FILE``: 0 applied (or nothing to do), 1 error or refused."""
    from .domain_spec import ApplyError, DomainSpec

    spec = DomainSpec.load(args.file)
    cp = _client(args)
    if not args.yes:
        plan = cp.domains.plan(spec, prune=args.prune)
        if not plan.has_changes:
            print(plan)
            return 0
        if not sys.stdin.isatty():
            return _fail("refusing to apply without --yes: stdin is not a terminal")
        print(plan)
        answer = input(f"Apply these changes to domain {spec.domain_name}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Not applied.")
            return 1

    def progress(change: Change) -> None:
        print(f"  {change.summary()} ... done", flush=True)

    print(f"Applying spec {args.file} to domain {spec.domain_name}", flush=True)
    try:
        result = cp.domains.apply(spec, prune=args.prune, on_change=progress)
    except ApplyError as exc:
        _fail(exc)
        for change in exc.pending:
            print(f"  pending: {change.summary()}", file=sys.stderr)
        return 1
    if result.changed:
        print(f"Applied {len(result.applied)} change(s) to domain {spec.domain_name}.")
    else:
        print(f"No changes: domain {spec.domain_name} matches the spec.")
    return 0


@_guarded
def run_export(args: argparse.Namespace) -> int:
    """``customer-profiles export NAME [-o FILE]``."""
    spec = _client(args).domains.export(args.name)
    if args.output:
        spec.dump(args.output)
        print(f"Wrote domain {args.name} to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(spec.dumps())
    return 0


if __name__ == "__main__":
    sys.exit(main())
