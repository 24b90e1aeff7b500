"""Identity-resolution matches: groups of profiles that are likely the same customer."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import attrs

from ._base import Extra, model

__all__ = ["Match", "MatchesSummary"]


@model
class Match:
    """One group of profiles that identity resolution found to match (``MatchItem``).

    Attributes:
        match_id: the service's id of the group.
        profile_ids: the ids of the matching profiles (at least two).
        confidence_score: how sure the service is, from 0 to 1.

    Example:
        >>> m = Match(match_id="m1", profile_ids=["a" * 32, "b" * 32], confidence_score=0.9)
        >>> len(m.profile_ids), m.confidence_score
        (2, 0.9)
    """

    __wire_shape__: ClassVar[str] = "MatchItem"

    match_id: str | None = None
    profile_ids: list[str] = attrs.field(factory=list)
    confidence_score: float | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class MatchesSummary:
    """What ``GetMatches`` says about the latest identity-resolution run as a whole.

    Attributes:
        match_generation_date: when the matches were generated; ``None`` before the
            first run.
        potential_matches: how many match groups the run found in all.
    """

    __wire_shape__: ClassVar[str] = "GetMatchesResponse"

    match_generation_date: datetime | None = None
    potential_matches: int | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)
