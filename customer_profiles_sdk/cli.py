"""The ``customer-profiles`` command.

Subcommands:

* ``customer-profiles local serve [--host 127.0.0.1] [--port 4566] [--state FILE]
  [--account-id ID]``: run the emulator as an HTTP server for the AWS CLI and other
  SDKs (``--endpoint-url http://127.0.0.1:4566``).
* ``customer-profiles plan FILE [--prune] [--out PLAN.json]``: show what ``apply`` would
  change; ``--out`` saves the plan for ``apply --plan``.
* ``customer-profiles apply FILE [--prune] [--yes]`` or ``apply --plan PLAN.json``: make
  the domain match the spec file (asks for confirmation on a terminal unless ``--yes``),
  or apply a saved plan exactly (refused if the domain changed since).
* ``customer-profiles export NAME [-o FILE]``: write a domain as a spec (YAML, or JSON
  for a ``.json`` file or with ``--output json``).
* ``customer-profiles ingest FILE --domain NAME --object-type TYPE [--failed-out FILE]``:
  load JSON Lines, a JSON array or CSV (``-``: standard input) with
  ``objects.put_many`` (exit 0: all stored, 1: something refused or an error); see
  :mod:`._cli_ingest`.

Every command takes ``--output text|json`` (``json``: the result as data on stdout,
messages on stderr) and ``--debug`` (tracebacks, and botocore's debug log with request
and response bodies left out). ``plan``, ``apply``, ``export`` and ``ingest`` take
``--endpoint-url``, ``--region``, ``--profile`` and ``--local [URL]`` (the emulator served
by ``local serve``, default ``http://127.0.0.1:4566``, with dummy credentials).

Exit status (the same for every command):

* ``0``: success; for ``plan``: no changes.
* ``2``: ``plan`` only: changes are planned.
* ``1``: an error (invalid spec, service error, refused apply, drifted saved plan).
* ``64``: a usage error (unknown option, missing argument): ``EX_USAGE`` of
  ``sysexits.h``, never ``0`` or ``2``, so a CI drift check tells a bad command from
  drift.
* ``130``: interrupted (Ctrl-C).

On a terminal the output has colour and tables (with the ``cli`` extra, which installs
rich); piped or redirected, or with ``NO_COLOR`` set, it is plain text.

Other command groups register themselves in :func:`build_parser`, each with a
``func(args) -> int`` default; they take the shared options with
``parents=[script_options()]`` and print results with :func:`emit`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from ._version import __version__
from .local._server import add_serve_arguments, run_serve

if TYPE_CHECKING:
    from .client import CustomerProfiles
    from .domain_spec import Change, Plan

#: Where ``--local`` without a URL points: ``customer-profiles local serve``'s default.
LOCAL_URL = "http://127.0.0.1:4566"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``customer-profiles`` command."""
    parser = UsageParser(
        prog="customer-profiles",
        description="Tools for Amazon Connect Customer Profiles (customer-profiles-sdk).",
        epilog="exit status: 0 success (plan: no changes), 2 plan: changes planned, "
        "1 error, 64 usage error, 130 interrupted",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_client_options(parser)
    _add_script_options(parser)
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

    add_ingest_command(groups, _client_options(), script_options())
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``customer-profiles`` command; return its exit status (see the module)."""
    try:
        args = build_parser().parse_args(_local_default(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, --version (0) and usage errors (EXIT_USAGE)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    undo = _start_debug_log() if getattr(args, "debug", False) else None
    try:
        status: int = args.func(args)
    except UsageError as exc:
        print(f"customer-profiles: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if undo is not None:
            undo()
    return status


# --------------------------------------------------------------------------- scripts
# Exit status, --output, --debug and terminal rendering: shared by every command.

EXIT_OK = 0
EXIT_ERROR = 1
#: ``plan``: changes are planned.
EXIT_CHANGES = 2
#: A usage error: ``EX_USAGE`` of ``sysexits.h`` (argparse's own 2 would read as drift).
EXIT_USAGE = 64
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A command line that cannot be run (exit status :data:`EXIT_USAGE`)."""


class UsageParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage errors exit with :data:`EXIT_USAGE`, not 2
    (its subcommand parsers are of the same class)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_script_options(parser: argparse.ArgumentParser, default: Any = None) -> None:
    group = parser.add_argument_group("output")
    group.add_argument(
        "--output",
        choices=("text", "json"),
        default="text" if default is None else default,
        help="text (default; colour and tables on a terminal) or json (the result as data)",
    )
    group.add_argument(
        "--debug",
        action="store_true",
        default=False if default is None else default,
        help="show tracebacks and botocore's debug log (request and response bodies left out)",
    )


def script_options() -> argparse.ArgumentParser:
    """A parent parser with ``--output`` and ``--debug`` for a subcommand
    (``groups.add_parser(..., parents=[script_options()])``); a value given before the
    subcommand is kept."""
    options = argparse.ArgumentParser(add_help=False)
    _add_script_options(options, default=argparse.SUPPRESS)
    return options


def wants_json(args: argparse.Namespace) -> bool:
    """Whether the command was asked for ``--output json``."""
    return getattr(args, "output", "text") == "json"


def emit(args: argparse.Namespace, data: Any, text: Callable[[], None] | None = None) -> None:
    """Print a command's result: ``data`` as JSON with ``--output json``, else call
    ``text`` (which prints for people; without it, ``data`` is printed as JSON too)."""
    if wants_json(args) or text is None:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    else:
        text()


def console(stream: TextIO | None = None) -> Any:
    """A rich ``Console`` on ``stream`` (default stdout) when it is a terminal (or
    ``FORCE_COLOR`` is set) and rich is installed (the ``cli`` extra), else ``None``:
    print plain text then."""
    stream = sys.stdout if stream is None else stream
    forced = bool(os.environ.get("FORCE_COLOR"))
    if not forced and not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    try:
        from rich.console import Console
    except ImportError:
        return None
    return Console(file=stream, force_terminal=True if forced else None, highlight=False)


def _fail(message: object, *, hint: str | None = None) -> int:
    err = console(sys.stderr)
    if err is not None:
        err.print(f"[bold red]error:[/] {_markup_escape(str(message))}")
        if hint:
            err.print(f"[dim]{_markup_escape(hint)}[/]")
    else:
        print(f"error: {message}", file=sys.stderr)
        if hint:
            print(hint, file=sys.stderr)
    return EXIT_ERROR


def _markup_escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _guarded(run: Any) -> Any:
    """Print errors on stderr and exit 1: the message only, or with ``--debug`` the
    traceback too; an unexpected error says how to see its traceback."""

    def wrapper(args: argparse.Namespace) -> int:
        import botocore.exceptions

        from .errors import CustomerProfilesError

        debug = getattr(args, "debug", False)
        try:
            status: int = run(args)
        except (UsageError, KeyboardInterrupt):
            raise
        except (CustomerProfilesError, OSError, botocore.exceptions.BotoCoreError) as exc:
            if debug:
                traceback.print_exc()
            return _fail(exc)
        except Exception as exc:
            if debug:
                traceback.print_exc()
                return _fail(f"unexpected {type(exc).__name__}: {exc}")
            return _fail(
                f"unexpected {type(exc).__name__}: {exc}",
                hint="run again with --debug for the traceback",
            )
        return status

    wrapper.__doc__ = run.__doc__
    return wrapper


class _DebugRedaction(logging.Filter):
    """Keeps personal data out of botocore's debug log: request and response bodies,
    signing material and the ``Authorization`` header are replaced by their size."""

    _SIGNING = ("CanonicalRequest", "StringToSign", "Signature", "String to sign")

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("botocore") or not record.args:
            return True
        message = str(record.msg)
        if any(word in message for word in self._SIGNING):
            record.args = tuple("<not logged>" for _ in _as_tuple(record.args))
            return True
        record.args = tuple(_redact(arg) for arg in _as_tuple(record.args))
        return True


def _as_tuple(args: Any) -> tuple[Any, ...]:
    return args if isinstance(args, tuple) else (args,)


def _redact(value: Any) -> Any:
    from botocore.awsrequest import AWSPreparedRequest

    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes not logged>"
    if isinstance(value, AWSPreparedRequest):
        return f"<AWSPreparedRequest method={value.method} url={value.url}>"
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if key == "body":
                size = len(item) if isinstance(item, (bytes, str)) else "?"
                out[key] = f"<{size} bytes not logged>"
            elif str(key).lower() in ("authorization", "x-amz-security-token"):
                out[key] = "<not logged>"
            else:
                out[key] = _redact(item)
        return out
    return value


def _start_debug_log() -> Callable[[], None]:
    """Send botocore's and the SDK's debug log to stderr, redacted; return the undo."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler.addFilter(_DebugRedaction())
    loggers = [logging.getLogger(name) for name in ("botocore", "customer_profiles_sdk")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.DEBUG)

    def undo() -> None:
        for lg, level in zip(loggers, levels, strict=True):
            lg.removeHandler(handler)
            lg.setLevel(level)

    return undo


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
    options = [_client_options(), script_options()]
    plan = groups.add_parser(
        "plan",
        parents=options,
        help="show what apply would change (exit 0: none, 2: changes, 1: error)",
    )
    plan.add_argument("file", metavar="FILE", help="the domain spec (YAML or JSON)")
    plan.add_argument(
        "--prune", action="store_true", help="also delete what the spec does not list"
    )
    plan.add_argument(
        "--out",
        metavar="PLAN",
        help="save the plan (JSON) for 'apply --plan PLAN', which applies exactly it",
    )
    plan.set_defaults(func=run_plan)

    apply = groups.add_parser("apply", parents=options, help="make a domain match a spec file")
    apply.add_argument("file", metavar="FILE", nargs="?", help="the domain spec (YAML or JSON)")
    apply.add_argument(
        "--plan",
        metavar="PLAN",
        help="apply a plan saved by 'plan --out' (refused if the domain changed since)",
    )
    apply.add_argument("--prune", action="store_true", help="delete what the spec does not list")
    apply.add_argument("--yes", "-y", action="store_true", help="apply without asking")
    apply.set_defaults(func=run_apply)

    export = groups.add_parser("export", parents=options, help="write a domain as a spec")
    export.add_argument("name", metavar="NAME", help="the domain")
    export.add_argument(
        "-o", "--out", metavar="FILE", help="write to FILE (.json: JSON, else YAML)"
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


@_guarded
def run_plan(args: argparse.Namespace) -> int:
    """``customer-profiles plan FILE``: 0 no changes, 2 changes planned, 1 error."""
    from .domain_spec import DomainSpec, SavedPlan

    spec = DomainSpec.load(args.file)
    plan = _client(args).domains.plan(spec, prune=args.prune)
    if args.out:
        SavedPlan.make(spec, plan).dump(args.out)
        print(f"Saved the plan to {args.out}: apply it with 'apply --plan'", file=sys.stderr)
    emit(args, plan.to_dict(), lambda: show_plan(plan))
    return EXIT_CHANGES if plan.has_changes else EXIT_OK


def show_plan(plan: Plan, stream: TextIO | None = None) -> None:
    """Print a plan for people: a table with colour on a terminal, else the text diff."""
    out = console(stream)
    if out is None:
        print(plan, file=stream or sys.stdout)
        return
    from rich.table import Table

    colour = {"create": "green", "update": "yellow", "replace": "magenta", "delete": "red"}
    if not plan.changes:
        out.print(f"[green]No changes:[/] domain {plan.domain_name} matches the spec.")
    else:
        counts = ", ".join(
            f"[{colour[k]}]{plan.count(k)} to {k}[/]"
            for k in ("create", "update", "replace", "delete")
        )
        table = Table(title=f"Plan for domain {plan.domain_name}", caption=None)
        for column in ("change", "resource", "name", "members"):
            table.add_column(column)
        for change in plan.changes:
            lines = str(change).splitlines()[1:]
            table.add_row(
                f"[{colour[change.kind]}]{change.kind}[/]",
                change.resource,
                _markup_escape(change.name + (f" ({change.reason})" if change.reason else "")),
                _markup_escape("\n".join(line.strip() for line in lines)),
            )
        out.print(table)
        out.print(counts)
    if plan.unmanaged:
        out.print("[dim]Not in the spec, kept (apply with prune to delete):[/]")
        for change in plan.unmanaged:
            out.print(f"  [dim]{change.resource} {_markup_escape(change.name)}[/]")


@_guarded
def run_apply(args: argparse.Namespace) -> int:
    """``customer-profiles apply FILE`` or ``apply --plan PLAN``: 0 applied (or nothing to
    do), 1 error, refused, or the saved plan no longer matches the domain."""
    from .domain_spec import ApplyError, DomainSpec, SavedPlan

    if (args.file is None) == (args.plan is None):
        raise UsageError("apply takes a spec FILE or --plan PLAN (one of them)")
    cp = _client(args)
    # Messages go to stderr with --output json, so stdout stays the data.
    say = sys.stderr if wants_json(args) else sys.stdout
    if args.plan is not None:
        saved = SavedPlan.load(args.plan)
        spec, prune = saved.spec, saved.plan.prune
        # A reviewed plan is applied as it is or not at all: compare it with a new one.
        saved.check(cp.domains.plan(spec, prune=prune))
        source = args.plan
    else:
        spec, prune, source = DomainSpec.load(args.file), args.prune, args.file
        if not args.yes:
            plan = cp.domains.plan(spec, prune=prune)
            if not plan.has_changes:
                emit(
                    args,
                    {"domain_name": spec.domain_name, "changed": False, "applied": []},
                    lambda: show_plan(plan),
                )
                return EXIT_OK
            if not sys.stdin.isatty():
                return _fail(
                    "refusing to apply without --yes: stdin is not a terminal",
                    hint="review with 'plan --out PLAN', then 'apply --plan PLAN'",
                )
            show_plan(plan, say)
            answer = input(f"Apply these changes to domain {spec.domain_name}? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Not applied.", file=say)
                return EXIT_ERROR

    def progress(change: Change) -> None:
        print(f"  {change.summary()} ... done", file=say, flush=True)

    print(f"Applying {source} to domain {spec.domain_name}", file=say, flush=True)
    try:
        result = cp.domains.apply(spec, prune=prune, on_change=progress)
    except ApplyError as exc:
        _fail(exc)
        for change in exc.pending:
            print(f"  pending: {change.summary()}", file=sys.stderr)
        return EXIT_ERROR
    data = {
        "domain_name": spec.domain_name,
        "changed": result.changed,
        "applied": [c.to_dict() for c in result.applied],
    }

    def text() -> None:
        if result.changed:
            print(f"Applied {len(result.applied)} change(s) to domain {spec.domain_name}.")
        else:
            print(f"No changes: domain {spec.domain_name} matches the spec.")

    emit(args, data, text)
    return EXIT_OK


@_guarded
def run_export(args: argparse.Namespace) -> int:
    """``customer-profiles export NAME [-o FILE] [--output json]``."""
    spec = _client(args).domains.export(args.name)
    if args.out:
        if wants_json(args) and not args.out.lower().endswith(".json"):
            sys.stderr.write("note: --output json writes JSON whatever the file's extension\n")
            Path(args.out).write_text(spec.dumps("json"), encoding="utf-8")
        else:
            spec.dump(args.out)
        print(f"Wrote domain {args.name} to {args.out}", file=sys.stderr)
    elif wants_json(args):
        sys.stdout.write(spec.dumps("json"))
    else:
        out = console()
        if out is None:
            sys.stdout.write(spec.dumps())
        else:
            from rich.syntax import Syntax

            out.print(Syntax(spec.dumps(), "yaml", background_color="default"))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
