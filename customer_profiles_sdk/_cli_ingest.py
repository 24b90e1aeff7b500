"""``customer-profiles ingest FILE --domain NAME --object-type TYPE``.

Loads a file of objects with :meth:`Objects.put_many` (``BatchPutProfileObject``):

* formats: JSON Lines (one object per line; read as a stream, any size), a JSON array
  (read whole), or CSV with a header row (each row an object of strings; empty cells are
  left out). ``--format`` chooses; by default ``.csv`` files are CSV and other input is
  a JSON array when its first character is ``[``, else JSON Lines. ``-`` reads standard
  input.
* unreadable lines (not JSON, not a JSON object, a CSV row with more cells than the
  header) are reported with their line number and never sent;
* objects the service refuses are reported with their line number and written to
  ``--failed-out`` (JSON Lines) so that they can be fixed and loaded again;
* a progress bar on a terminal (``--no-progress`` turns it off), then a summary;
* exit status 0 when every object was stored, 1 when anything was refused or
  unreadable, or on an error (the summary then says ``--start N`` to resume).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from array import array
from collections.abc import Iterator
from typing import IO, Any

#: At most this many refused or unreadable lines are listed on stderr.
MAX_LISTED = 20


def add_ingest_command(groups: Any, *options: argparse.ArgumentParser) -> None:
    """Register ``ingest`` (``options``: the shared connection and script options)."""
    ingest = groups.add_parser(
        "ingest",
        parents=list(options),
        help="load objects from a file (JSON Lines, JSON array or CSV) into a domain",
        description="Load objects of one object type into a domain with "
        "BatchPutProfileObject (exit 0: all stored, 1: something refused or an error).",
    )
    ingest.add_argument("file", metavar="FILE", help="the objects; '-' for standard input")
    ingest.add_argument("--domain", required=True, metavar="NAME", help="the domain")
    ingest.add_argument(
        "--object-type", required=True, metavar="TYPE", help="the object type (or template id)"
    )
    ingest.add_argument(
        "--format",
        choices=("auto", "jsonl", "json", "csv"),
        default="auto",
        help="the file's format (default: from the name and first character)",
    )
    ingest.add_argument(
        "--failed-out",
        metavar="FILE",
        help="write the refused objects there (JSON Lines), to fix and load again",
    )
    ingest.add_argument(
        "--concurrency", type=int, default=4, metavar="N", help="parallel calls (default 4)"
    )
    ingest.add_argument(
        "--rate",
        type=float,
        default=None,
        metavar="TPS",
        help="most calls per second (default 100; set your account's quota)",
    )
    ingest.add_argument(
        "--start",
        type=int,
        default=0,
        metavar="N",
        help="skip the first N objects (resume a stopped run at the position it printed)",
    )
    ingest.add_argument(
        "--no-progress", action="store_true", help="no progress bar, even on a terminal"
    )
    ingest.set_defaults(func=run_ingest)


class Reader:
    """Objects of a file, read lazily, with the line number of each one.

    ``lines`` holds the line of every object yielded (4 bytes each); ``unreadable``
    the (line, reason) of every line that is not an object.
    """

    def __init__(self, stream: IO[str], fmt: str, name: str) -> None:
        self._stream = stream
        self._format = fmt
        self._name = name
        self.lines = array("I")
        self.unreadable: list[tuple[int, str]] = []

    def __iter__(self) -> Iterator[Any]:
        fmt = self._format
        stream: Any = self._stream
        if fmt == "auto":
            if self._name.lower().endswith(".csv"):
                fmt = "csv"
            else:
                head = stream.read(1)
                while head.isspace():
                    head = stream.read(1)
                fmt = "json" if head == "[" else "jsonl"
                stream = _Prefixed(head, stream)
        if fmt == "csv":
            yield from self._csv(stream)
        elif fmt == "json":
            yield from self._array(stream)
        else:
            yield from self._jsonl(stream)

    def _jsonl(self, stream: Any) -> Iterator[Any]:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except ValueError:
                self.unreadable.append((number, "not valid JSON"))
                continue
            if not isinstance(doc, dict):
                self.unreadable.append((number, "not a JSON object"))
                continue
            self.lines.append(number)
            yield line.strip()

    def _array(self, stream: Any) -> Iterator[Any]:
        try:
            docs = json.load(stream)
        except ValueError as exc:
            self.unreadable.append((getattr(exc, "lineno", 0), f"not valid JSON ({exc})"))
            return
        if not isinstance(docs, list):
            self.unreadable.append((1, "a JSON array of objects was expected"))
            return
        for position, doc in enumerate(docs, start=1):
            if not isinstance(doc, dict):
                self.unreadable.append((position, "array item is not a JSON object"))
                continue
            self.lines.append(position)
            yield doc

    def _csv(self, stream: Any) -> Iterator[Any]:
        rows = csv.DictReader(stream)
        for row in rows:
            number = rows.line_num
            if None in row:
                self.unreadable.append((number, "more cells than the header has columns"))
                continue
            self.lines.append(number)
            yield {key: value for key, value in row.items() if value not in (None, "")}

    def line_of(self, index: int) -> int:
        """The line (for a JSON array: item number) of the object at ``index``."""
        return int(self.lines[index]) if 0 <= index < len(self.lines) else 0


class _Prefixed:
    """A text stream with ``head`` put back in front of it."""

    def __init__(self, head: str, rest: IO[str]) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int | None = -1) -> str:
        head, self._head = self._head, ""
        if size is None or size < 0:
            return head + self._rest.read()
        return head + self._rest.read(max(0, size - len(head)))

    def readline(self, size: int | None = -1) -> str:
        head, self._head = self._head, ""
        if "\n" in head:  # pragma: no cover - the head is one character
            return head
        return head + self._rest.readline()

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line


def run_ingest(args: argparse.Namespace) -> int:
    """``customer-profiles ingest FILE``: 0 all stored, 1 refused/unreadable or error."""
    from .cli import _guarded

    return int(_guarded(_ingest)(args))


def _ingest(args: argparse.Namespace) -> int:
    from ._bulk import BulkLoadError, BulkResult
    from .cli import _client

    domain = _client(args).domain(args.domain)
    stream: IO[str] = (
        sys.stdin if args.file == "-" else open(args.file, encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    )
    reader = Reader(stream, args.format, args.file)
    show_progress = not args.no_progress and sys.stderr.isatty()
    stopped: BulkLoadError | None = None
    try:
        try:
            result: BulkResult = domain.objects.put_many(
                args.object_type,
                reader,
                concurrency=args.concurrency,
                rate=args.rate,
                progress=show_progress,
                start=args.start,
            )
        except BulkLoadError as exc:
            stopped = exc
            result = exc.result
    finally:
        if stream is not sys.stdin:
            stream.close()

    err = sys.stderr
    problems = [(line, why) for line, why in reader.unreadable]
    problems += [
        (reader.line_of(f.index), f"refused ({f.code}): {f.message}") for f in result.failed
    ]
    problems.sort()
    for line, why in problems[:MAX_LISTED]:
        print(f"{args.file}:{line}: {why}", file=err)
    if len(problems) > MAX_LISTED:
        print(f"... and {len(problems) - MAX_LISTED} more", file=err)
    if args.failed_out and result.failed:
        with open(args.failed_out, "w", encoding="utf-8") as out:
            for failed in result.failed:
                data = failed.object
                out.write((data if isinstance(data, str) else json.dumps(data)) + "\n")
    from .cli import emit

    def text() -> None:
        print(
            f"stored {result.stored}, refused {len(result.failed)}, unreadable "
            f"{len(reader.unreadable)} ({result.calls} calls, {result.elapsed:.1f} s)",
        )
        if args.failed_out and result.failed:
            print(f"refused objects written to {args.failed_out}")

    # ``--output json``: the summary as data (the objects themselves are left out: they
    # hold personal data; ``--failed-out`` writes the refused ones).
    summary = {
        "stored": result.stored,
        "refused": [
            {
                "index": f.index,
                "line": reader.line_of(f.index),
                "code": f.code,
                "message": f.message,
            }
            for f in result.failed
        ],
        "unreadable": [{"line": line, "reason": why} for line, why in reader.unreadable],
        "calls": result.calls,
        "elapsed_seconds": round(result.elapsed, 3),
        "failed_out": args.failed_out if result.failed else None,
        "error": None if stopped is None else str(stopped),
        "resume_from": None if stopped is None else result.resume_from,
    }
    emit(args, summary, text)
    if stopped is not None:
        print(f"error: {stopped}", file=err)
        print(f"resume with --start {result.resume_from}", file=err)
        return 1
    return 1 if result.failed or reader.unreadable else 0
