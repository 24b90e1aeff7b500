"""Clock-driven state: timers that apply transitions when the emulated clock passes them.

What the service does in the background (an upload job finishing, a workflow step
completing, a recommender training) is a transition due at an instant. A capability
schedules it with :func:`schedule`; every request that touches a domain (and every test
hook) runs :func:`run_due` first (from :meth:`Context.domain`), which applies, in
timestamp order, every transition whose instant is ``<= clock.now()``. [A] (spec
identity-history-jobs 1.4)

* A transition runs with a context whose clock is frozen at the transition's own
  instant, so everything it writes (profiles, ``CompletedAt``, versions) carries that
  time, not the time of the request that observed it; two reads at the same instant
  agree. Its context has no ``operation``: what it changes is reported to the change
  feed (:mod:`._changes`) as made outside an API call.
* The timers of a domain are a heap in :attr:`DomainRec.timers` (part of the saved
  state): a request with nothing due costs one comparison, never a scan.
* A timer names the record it applies to and a ``token`` the record must still show;
  the handler decides whether the timer is stale (the job was stopped, the step was
  retried) and then does nothing.

Handlers register with :func:`on_timer`. Also here: :class:`BackendHost`, what the test
hooks of a capability (mixed into :class:`LocalBackend`) may use of the backend.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from ._clock import Clock
from ._state import DomainRec, Store, TimerRec

if TYPE_CHECKING:
    from ._registry import Context

TimerHandler = Callable[["Context", DomainRec, TimerRec], None]

_HANDLERS: dict[str, TimerHandler] = {}


def on_timer(kind: str) -> Callable[[TimerHandler], TimerHandler]:
    """Register the decorated function as the handler of timers of ``kind``."""

    def register(fn: TimerHandler) -> TimerHandler:
        if kind in _HANDLERS:
            raise RuntimeError(f"two handlers for timer {kind}")
        _HANDLERS[kind] = fn
        return fn

    return register


def schedule(
    ctx: Context, domain: DomainRec, due: float, kind: str, key: str, token: str = ""
) -> None:
    """Add a transition of ``kind`` for record ``key`` due at ``due``."""
    heapq.heappush(domain.timers, TimerRec(due, ctx.seq(), kind, key, token))


def run_due(ctx: Context, domain: DomainRec) -> None:
    """Apply every transition of ``domain`` due at or before ``ctx.now()``, in order.

    A transition may schedule further ones; those run in the same call when they are
    due too. Each runs with a context frozen at its own instant that does not tick
    again (:attr:`Context.ticking`).
    """
    timers = domain.timers
    if not timers or timers[0].due > ctx.now():
        return
    _load_handlers()
    now = ctx.now()
    while timers and timers[0].due <= now:
        timer = heapq.heappop(timers)
        handler = _HANDLERS.get(timer.kind)
        if handler is None:  # pragma: no cover - only a renamed kind in an old state file
            continue
        # The service acts by itself: no API operation, no injected latency (_changes).
        at = attrs.evolve(ctx, clock=Clock(timer.due), ticking=True, operation=None, latency=0.0)
        handler(at, domain, timer)
        ctx.transitions += 1


def _load_handlers() -> None:
    from ._registry import handlers  # late: the handler modules import this module

    handlers()


def iso_utc(epoch: float) -> str:
    """``2026-01-01T00:00:00Z``: an instant as ISO-8601 UTC text, whole seconds."""
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class BackendHost(Protocol):
    """What a capability's test hooks use of :class:`LocalBackend` (they are mixed in)."""

    @property
    def lock(self) -> AbstractContextManager[Any]:
        """The backend's lock; hooks hold it like a request does."""
        ...

    @property
    def store(self) -> Store:
        """The emulated account."""
        ...

    def _domain(self, name: str, region: str) -> tuple[Context, DomainRec]: ...

    def _committed(self) -> None: ...
