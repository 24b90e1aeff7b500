"""The emulator's controllable clock.

Every timestamp the emulator writes (``CreatedAt``, expirations, calculated-attribute
ranges) comes from one :class:`Clock`, so tests can move time forward instead of
sleeping.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta


class Clock:
    """Wall-clock time plus an offset, or a frozen instant.

    By default the clock follows real time. :meth:`advance` moves it forward;
    :meth:`freeze` stops it at an instant (``now()`` then never changes by itself).

    Example:
        >>> clock = Clock()
        >>> before = clock.now()
        >>> clock.advance(days=400)
        >>> clock.now() - before >= 400 * 86400
        True
    """

    def __init__(self, start: datetime | float | None = None) -> None:
        self._lock = threading.Lock()
        self._offset = 0.0
        self._frozen: float | None = None
        if start is not None:
            self.freeze(start)

    def now(self) -> float:
        """The current emulated time, in epoch seconds."""
        # No lock (this runs several times a request): each writer below changes one
        # attribute at a time, and unfreeze() sets the offset before it thaws, so a
        # reader sees either the frozen instant or the running clock, never a mix.
        frozen = self._frozen
        if frozen is not None:
            return frozen
        return time.time() + self._offset

    def advance(self, seconds: float = 0.0, *, days: float = 0.0) -> None:
        """Move the clock forward by ``seconds`` plus ``days``."""
        delta = seconds + timedelta(days=days).total_seconds()
        with self._lock:
            if self._frozen is not None:
                self._frozen += delta
            else:
                self._offset += delta

    def freeze(self, at: datetime | float | None = None) -> None:
        """Stop the clock at ``at`` (default: now)."""
        instant = at.timestamp() if isinstance(at, datetime) else at
        with self._lock:
            self._frozen = instant if instant is not None else time.time() + self._offset

    def unfreeze(self) -> None:
        """Let the clock run again from where it stands."""
        with self._lock:
            if self._frozen is not None:
                self._offset = self._frozen - time.time()
                self._frozen = None
