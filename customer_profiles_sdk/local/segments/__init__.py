"""Segments: definitions, their evaluation, estimates, snapshots, subscriptions (spec segments).

The behaviour follows ``spec/segments.md`` (the "segments spec"); rules marked [A] there
are emulator assumptions and are marked ``[A]`` in the code as well. Modules:

* :mod:`._records` - the per-domain state (JSON types only, part of the saved store);
* :mod:`._values` - reading profile values and parsing dates and numbers (spec 2.2-2.6);
* :mod:`._evaluate` - the classic evaluator: a definition compiled to a per-profile
  predicate (spec 2.1-2.9) and the sort of snapshot rows (spec 2.10);
* :mod:`._checks` - the semantic checks of CreateSegmentDefinition and estimates (1.4);
* :mod:`._sql` - SQL ("enhanced") segments: the refuse policy, injected members and the
  opt-in ``sqlite3`` evaluator of a documented Spark SQL subset (spec 5);
* :mod:`._definitions`, :mod:`._jobs`, :mod:`._subscriptions` - the 16 operations;
* :mod:`._hooks` - what the backend calls around every request (LIVE events, due
  scheduled runs) and the test hooks' implementations.

This package imports nothing at import time, so that :mod:`.._state` can use
:mod:`._records` without an import cycle.
"""
