"""Identity resolution: GetMatches and the matching test hooks (spec 9.1).

Nothing runs on a schedule in the emulator [A]: tests call
:func:`run_identity_resolution` (rule-based grouping) or :func:`set_matches`
(explicit groups), then read the result with GetMatches.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ._errors import bad_request
from ._index import live_members, match_order
from ._keys import by_creation, default_keys
from ._paging import Cursor, SeekableItems
from ._registry import Context, Request, Response, operation
from ._state import DomainRec, MatchGroup

#: [A] Confidence of a group linked by identical (normalized) email or phone.
STRONG_CONFIDENCE = 1.0
#: [A] Confidence of a group that needs a full-name coincidence to hold together.
NAME_CONFIDENCE = 0.8

_STRONG_KEYS = ("_email", "_phone")
_NAME_KEY = "_fullName"


class _UnionFind:
    def __init__(self, items: list[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _link(uf: _UnionFind, owners: dict[str, list[str]]) -> None:
    for ids in owners.values():
        for other in ids[1:]:
            uf.union(ids[0], other)


def run_identity_resolution(ctx: Context, domain: DomainRec) -> list[MatchGroup]:
    """The ``run_identity_resolution`` hook: the ML stub now, recorded as a COMPLETED job.

    See :func:`compute_ml_matches`; the job (spec identity-history-jobs 2.7) is listed by
    ListIdentityResolutionJobs when Matching is enabled.
    """
    from ._identity_jobs import record_completed_job  # late: it imports this module

    groups = compute_ml_matches(ctx, domain)
    record_completed_job(ctx, domain, groups)
    return groups


def compute_ml_matches(ctx: Context, domain: DomainRec) -> list[MatchGroup]:
    """Run the emulator's identity resolution on ``domain`` and store the result. [A]

    Profiles whose normalized email, normalized phone or casefolded full name coincide
    are grouped; overlapping groups are merged transitively [A]. A group held together
    by email/phone links alone has confidence 1.0, one that needs a name link 0.8 [A].
    Sets ``MatchGenerationDate`` to the clock's now.

    Args:
        ctx: the handler context (clock and ids).
        domain: the domain to analyse.

    Returns:
        The new match groups (also stored on the domain), members in creation order.
    """
    profiles = list(by_creation(domain.profiles.values()))
    ids = [p.profile_id for p in profiles]
    strong = _UnionFind(ids)
    every = _UnionFind(ids)
    strong_owners: dict[str, list[str]] = {}
    name_owners: dict[str, list[str]] = {}
    for profile in profiles:
        keys = default_keys(profile)
        for key in _STRONG_KEYS:
            for value in keys.get(key, ()):
                strong_owners.setdefault(f"{key}\x00{value}", []).append(profile.profile_id)
        for value in keys.get(_NAME_KEY, ()):
            name_owners.setdefault(value, []).append(profile.profile_id)
    _link(strong, strong_owners)
    _link(every, strong_owners)
    _link(every, name_owners)

    members: dict[str, list[str]] = {}
    for pid in ids:
        members.setdefault(every.find(pid), []).append(pid)
    groups = []
    for group in members.values():
        if len(group) < 2:
            continue
        one_strong_component = len({strong.find(pid) for pid in group}) == 1
        confidence = STRONG_CONFIDENCE if one_strong_component else NAME_CONFIDENCE
        groups.append(MatchGroup(ctx.new_id(), group, confidence))
    domain.matches = groups
    domain.match_generation_date = ctx.now()
    return list(groups)


def set_matches(
    ctx: Context, domain: DomainRec, groups: list[list[str]], confidence: float = 1.0
) -> list[MatchGroup]:
    """Replace the domain's match result with explicit ``groups`` (test hook). [A]

    Args:
        ctx: the handler context (clock and ids).
        domain: the domain whose matches are set.
        groups: profile-id lists, each naming at least two existing profiles.
        confidence: the ``ConfidenceScore`` of every group (0 to 1).

    Returns:
        The stored match groups.

    Raises:
        ValueError: a group names fewer than two distinct profiles or an unknown profile,
            or ``confidence`` is outside [0, 1].
    """
    if not 0.0 <= confidence <= 1.0:
        raise ValueError("confidence must be between 0 and 1")
    stored = []
    for group in groups:
        ids = list(dict.fromkeys(group))
        if len(ids) < 2:
            raise ValueError("a match group needs at least two distinct profile ids")
        unknown = [pid for pid in ids if pid not in domain.profiles]
        if unknown:
            raise ValueError(f"unknown profile ids in match group: {unknown}")
        stored.append(MatchGroup(ctx.new_id(), ids, confidence))
    domain.matches = stored
    domain.match_generation_date = ctx.now()
    return list(stored)


def live_groups(domain: DomainRec) -> list[MatchGroup]:
    """Match groups without deleted/merged profiles; groups left with <2 dropped."""
    return [group for _, group in _live_after(domain, -1)]


def _live_after(domain: DomainRec, after: int) -> Iterator[tuple[int, MatchGroup]]:
    """(position, group with its live members) of the groups after position ``after``
    that still have two live members. The stored result keeps every group as identity
    resolution made it; profiles that left since (each removal goes through
    :func:`._registry.delete_profile_data`, which updates the counts) are left out here."""
    alive = match_order(domain).alive
    for position in range(after + 1, len(domain.matches)):
        if alive[position] >= 2:
            group = domain.matches[position]
            ids = live_members(domain, group)
            if len(ids) >= 2:  # (what ``alive`` counts, checked where it is read)
                yield position, MatchGroup(group.match_id, ids, group.confidence)


@operation("GetMatches")
def get_matches(ctx: Context, req: Request) -> Response:
    """GetMatches (spec 9.1): the latest identity-resolution result, paged by the
    position of a page's last group in it (a page costs the page)."""
    domain = ctx.domain(req["DomainName"])
    if not (domain.config.get("Matching") or {}).get("Enabled"):
        # [A] identity resolution must be enabled first.
        raise bad_request(f"Matching is not enabled for domain {domain.name}")

    def walk(after: Cursor | None) -> Iterator[tuple[Cursor, MatchGroup]]:
        start = int(after[0]) if after else -1
        for position, group in _live_after(domain, start):
            yield [position], group

    def render(group: MatchGroup) -> dict[str, Any]:
        return {
            "MatchId": group.match_id,
            "ProfileIds": group.profile_ids,
            "ConfidenceScore": group.confidence,
        }

    out: Response = {
        "Matches": SeekableItems(walk, render),
        "PotentialMatches": match_order(domain).live,
    }
    if domain.match_generation_date is not None:
        out["MatchGenerationDate"] = domain.match_generation_date
    return out
