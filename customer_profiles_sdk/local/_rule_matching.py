"""Rule-based identity resolution (spec identity-history-jobs 2.1-2.6).

* the status machine of ``RuleBasedMatching`` (ACTIVE / PENDING / IN_PROGRESS) on the
  emulated clock, with the one-day cool-down and the IN_PROGRESS lock of UpdateDomain;
* the engine (:mod:`._rule_engine`) fed by the change feed (:mod:`._changes`): every
  change of a profile re-indexes that profile and regroups only what it touches;
* auto-merge up to ``MaxAllowedRuleLevelForMerging`` with conflict resolution
  (manual values first, then SOURCE, then RECENCY) through MergeProfiles' own code;
* ListRuleBasedMatches and GetSimilarProfiles (both match types).

The engine's index is a cache beside the domain (not saved in the state file): it is
rebuilt from the profiles on first use after a state file is loaded, which gives the
same groups because the engine is a pure function of profiles and configuration.
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Iterator
from typing import Any

import attrs

from ._changes import Change, ChangeKind, subscribe
from ._errors import bad_request, not_found
from ._keys import find_profiles
from ._matching import live_groups
from ._paging import Cursor, SeekableItems
from ._registry import Context, Request, Response, operation
from ._rule_engine import (
    DEFAULT_CARDINALITY_LIMIT,
    Group,
    RuleConfig,
    RuleConfigError,
    RuleIndex,
    parse_config,
)
from ._state import MANUAL, DomainRec, ProfileRec, RuleMatchingRec, TimerRec
from ._timers import on_timer, schedule

PENDING_SECONDS = 3600.0  # [D301] "waits one hour"
EVALUATION_SECONDS = 60.0  # [A]
COOLDOWN_SECONDS = 86400.0  # [D301] "a day after the status is ACTIVE"


@attrs.define
class MatchingSettings:
    """Identity-resolution settings of one emulator (spec section 8). [A]

    Attributes:
        rule_based_pending_seconds: PENDING -> IN_PROGRESS.
        rule_based_evaluation_seconds: IN_PROGRESS -> ACTIVE.
        rule_based_change_cooldown_seconds: no change for this long after ACTIVE.
        rule_based_cardinality_limit: the step-4 cut-off (D302: 500).
        ml_job_phase_seconds: duration of each ML job phase.
    """

    rule_based_pending_seconds: float = PENDING_SECONDS
    rule_based_evaluation_seconds: float = EVALUATION_SECONDS
    rule_based_change_cooldown_seconds: float = COOLDOWN_SECONDS
    rule_based_cardinality_limit: int = DEFAULT_CARDINALITY_LIMIT
    ml_job_phase_seconds: float = 60.0


def settings_of(ctx: Context) -> MatchingSettings:
    """The matching settings of the emulator answering ``ctx``."""
    settings: MatchingSettings = ctx.settings.matching
    return settings


# ------------------------------------------------------------------ the index cache

_INDEXES: dict[int, tuple[weakref.ref[DomainRec], RuleIndex]] = {}


def _drop_index(domain: DomainRec) -> None:
    _INDEXES.pop(id(domain), None)


def index_of(ctx: Context, domain: DomainRec) -> RuleIndex | None:
    """The engine of ``domain``'s active configuration, built on first use; ``None``
    when rule-based matching has no active configuration."""
    state = domain.rule_matching
    if state.active_config is None:
        return None
    cached = _INDEXES.get(id(domain))
    if cached is not None and cached[0]() is domain and cached[1].generation == state.active_gen:
        return cached[1]
    cfg = parse_config(state.active_config)
    limit = settings_of(ctx).rule_based_cardinality_limit
    index = RuleIndex(cfg, limit, on_cutoff=_cutoff_sink(ctx, domain, limit), domain=domain.name)
    index.generation = state.active_gen
    index.rebuild((p.profile_id, p.fields, (p.created_at, p.profile_id)) for p in _live(domain))
    key = id(domain)
    _INDEXES[key] = (weakref.ref(domain, lambda _: _INDEXES.pop(key, None)), index)
    return index


def _live(domain: DomainRec) -> list[ProfileRec]:
    return list(domain.profiles.values())


def _cutoff_sink(ctx: Context, domain: DomainRec, limit: int) -> Any:
    # Only weak references: the cache must not keep a deleted domain (or a dropped
    # backend's store) alive.
    ref = weakref.ref(domain)
    clock = ctx.clock

    def sink(pid: str, level: int) -> None:
        rec = ref()
        # [D302] the documented DLQ message, only when the domain has a dead-letter queue.
        if rec is None or not rec.config.get("DeadLetterQueueUrl"):
            return
        rec.dead_letters.append(
            {
                "ProfileId": pid,
                "RuleLevel": level,
                "Message": (
                    f"All attributes at rule level {level} are associated with more than "
                    f"{limit} records."
                ),
                "Timestamp": clock.now(),
            }
        )

    return sink


# ------------------------------------------------------------------ configuration


def rule_block(domain: DomainRec) -> dict[str, Any]:
    """The stored ``RuleBasedMatching`` block (empty when never configured)."""
    block = domain.config.get("RuleBasedMatching")
    return block if isinstance(block, dict) else {}


def status_of(domain: DomainRec) -> str | None:
    """The reported ``Status``: ``None`` when disabled [A, ambiguity 7]."""
    if not rule_block(domain).get("Enabled"):
        return None
    state = domain.rule_matching
    if state.in_progress_since is not None:
        return "IN_PROGRESS"
    if state.pending_since is not None:
        return "PENDING"
    return "ACTIVE"


def check_block(block: dict[str, Any] | None) -> None:
    """Validate a ``RuleBasedMatching`` request block (BadRequest on a bad rule)."""
    if not block:
        return
    try:
        parse_config(block)
    except RuleConfigError as exc:
        raise bad_request(str(exc)) from exc


def _comparable(block: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(block)
    out.pop("Status", None)
    return out


def before_update(ctx: Context, domain: DomainRec, new: dict[str, Any] | None) -> None:
    """UpdateDomain restrictions (spec 2.1): refuse changes while locked."""
    if new is None:
        return
    check_block(new)
    if not new.get("Enabled"):
        return  # disabling is always accepted
    old = rule_block(domain)
    if not old.get("Enabled") or _comparable(old) == _comparable(new):
        return
    status = status_of(domain)
    if status == "IN_PROGRESS":
        raise bad_request(
            "RuleBasedMatching is IN_PROGRESS: you can no longer change the rule-based "
            "matching configuration until the status is ACTIVE"
        )
    state = domain.rule_matching
    cooldown = settings_of(ctx).rule_based_change_cooldown_seconds
    active = status == "ACTIVE" and state.active_since is not None
    if active and ctx.now() < (state.active_since or 0.0) + cooldown:
        raise bad_request(
            "RuleBasedMatching: you can change the rule a day after the status is ACTIVE"
        )


def after_create(ctx: Context, domain: DomainRec) -> None:
    """CreateDomain: an enabled block is ACTIVE at once (PENDING skipped, D301)."""
    block = rule_block(domain)
    if block.get("Enabled"):
        _activate(ctx, domain, block)


def after_update(ctx: Context, domain: DomainRec, old: dict[str, Any]) -> None:
    """UpdateDomain: start the PENDING wait, or drop everything when disabled."""
    new = rule_block(domain)
    state = domain.rule_matching
    if not new.get("Enabled"):
        if old.get("Enabled"):
            # [A] disabling drops the groups; merged profiles stay merged (D304).
            domain.rule_matching = RuleMatchingRec(generation=state.generation + 1)
            _drop_index(domain)
        return
    if old.get("Enabled") and _comparable(old) == _comparable(new):
        return  # [A] an identical block is not a change
    state.generation += 1
    state.pending_since = ctx.now()  # a change during PENDING restarts the wait [A]
    state.in_progress_since = None
    due = ctx.now() + settings_of(ctx).rule_based_pending_seconds
    schedule(ctx, domain, due, "rule-based-pending", domain.name, str(state.generation))


@on_timer("rule-based-pending")
def _to_in_progress(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    state = domain.rule_matching
    if timer.token != str(state.generation) or state.pending_since is None:
        return
    state.pending_since = None
    state.in_progress_since = ctx.now()
    due = ctx.now() + settings_of(ctx).rule_based_evaluation_seconds
    schedule(ctx, domain, due, "rule-based-evaluated", domain.name, str(state.generation))


@on_timer("rule-based-evaluated")
def _to_active(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    state = domain.rule_matching
    if timer.token != str(state.generation) or state.in_progress_since is None:
        return
    state.in_progress_since = None
    _activate(ctx, domain, rule_block(domain))


def _activate(ctx: Context, domain: DomainRec, block: dict[str, Any]) -> None:
    """The status becomes ACTIVE: ``block`` is now in force; full evaluation."""
    state = domain.rule_matching
    state.active_config = copy.deepcopy(block)
    state.active_since = ctx.now()
    state.active_gen += 1
    _drop_index(domain)
    index = index_of(ctx, domain)
    if index is not None:
        _auto_merge(ctx, domain, index, list(index.groups.values()))


# ------------------------------------------------------------------ the change feed

_PROFILE_CHANGES = frozenset(
    {
        ChangeKind.PROFILE_CREATED,
        ChangeKind.PROFILE_UPDATED,
        ChangeKind.OBJECT_INGESTED,
        ChangeKind.OBJECT_DELETED,
        ChangeKind.OBJECT_EXPIRED,
        ChangeKind.KEY_ADDED,
        ChangeKind.KEY_DELETED,
    }
)
_GONE = frozenset({ChangeKind.PROFILE_DELETED, ChangeKind.PROFILE_EXPIRED})

#: Domains whose auto-merge is running (its own merges must not start another one).
_MERGING: set[int] = set()


@subscribe("rule-based-matching")
def _on_change(ctx: Context, change: Change) -> None:
    domain = change.domain
    if domain.rule_matching.active_config is None or not rule_block(domain).get("Enabled"):
        return
    cached = _INDEXES.get(id(domain))
    fresh = cached is None or cached[0]() is not domain
    index = index_of(ctx, domain)
    if index is None:
        return
    touched: list[Group] = []
    if not fresh:  # a freshly built index already reflects this change
        profile = change.profile
        if change.kind in _GONE:
            touched = index.update(profile.profile_id, None)
        elif change.kind is ChangeKind.PROFILES_MERGED:
            for gone in change.merged:
                index.update(gone.profile_id, None)
            touched = index.update(*_triple(profile))
        elif change.kind in _PROFILE_CHANGES and profile.profile_id in domain.profiles:
            touched = index.update(*_triple(profile))
    else:
        touched = list(index.groups.values())
    if id(domain) not in _MERGING:
        _auto_merge(ctx, domain, index, touched)


def _triple(profile: ProfileRec) -> tuple[str, dict[str, Any], tuple[float, str]]:
    return profile.profile_id, profile.fields, (profile.created_at, profile.profile_id)


# ------------------------------------------------------------------ auto-merge (2.4)

#: FieldSourceProfileIds members and the provenance paths each covers.
_MERGE_MEMBERS = (
    "AccountNumber",
    "AdditionalInformation",
    "PartyType",
    "BusinessName",
    "FirstName",
    "MiddleName",
    "LastName",
    "BirthDate",
    "Gender",
    "PhoneNumber",
    "MobilePhoneNumber",
    "HomePhoneNumber",
    "BusinessPhoneNumber",
    "EmailAddress",
    "PersonalEmailAddress",
    "BusinessEmailAddress",
    "Address",
    "ShippingAddress",
    "MailingAddress",
    "BillingAddress",
    "ProfileType",
    "EngagementPreferences",
)
_ALIASES = {"Gender": ("Gender", "GenderString"), "PartyType": ("PartyType", "PartyTypeString")}


def _has(profile: ProfileRec, member: str) -> bool:
    return any(profile.fields.get(n) not in (None, "", {}) for n in _ALIASES.get(member, (member,)))


def _source_of(profile: ProfileRec, path: str) -> str | None:
    direct = profile.provenance.get(path)
    if direct is not None:
        return direct
    for key, source in profile.provenance.items():
        if key.startswith(f"{path}."):
            return source
    return None


def pick_source(
    candidates: list[ProfileRec], main: ProfileRec, path: str, model: str, source_name: str | None
) -> ProfileRec:
    """Conflict resolution of one field among profiles that have a value (spec 2.4).

    Manual values beat ingested ones [D301]; then, under ``SOURCE``, values from the
    object type ``source_name`` [B][D302]; then the most recently updated profile
    (RECENCY, profile-level update time [A]); ties go to ``main``.
    """

    def rank(p: ProfileRec) -> tuple[int, int, float, int]:
        source = _source_of(p, path)
        manual = 1 if source in (MANUAL, None) else 0
        preferred = 1 if model == "SOURCE" and source_name and source == source_name else 0
        return (manual, preferred, p.updated_at, 1 if p is main else 0)

    return max(candidates, key=rank)


def field_sources(
    main: ProfileRec, others: list[ProfileRec], model: str, source_name: str | None
) -> dict[str, Any]:
    """The ``FieldSourceProfileIds`` an automatic merge of ``others`` into ``main`` uses."""
    everyone = [main, *others]
    out: dict[str, Any] = {}
    for member in _MERGE_MEMBERS:
        candidates = [p for p in everyone if _has(p, member)]
        if len(candidates) < 2 and (not candidates or candidates[0] is main):
            continue
        winner = pick_source(candidates, main, member, model, source_name)
        if winner is not main:
            out[member] = winner.profile_id
    attributes: dict[str, str] = {}
    keys = dict.fromkeys(k for p in everyone for k in (p.fields.get("Attributes") or {}))
    for key in keys:
        candidates = [p for p in everyone if key in (p.fields.get("Attributes") or {})]
        winner = pick_source(candidates, main, f"Attributes.{key}", model, source_name)
        if winner is not main:
            attributes[key] = winner.profile_id
    if attributes:
        out["Attributes"] = attributes
    return out


def _auto_merge(ctx: Context, domain: DomainRec, index: RuleIndex, touched: list[Group]) -> None:
    level = index.cfg.merge_level
    if level is None or not touched:
        return
    from ._profiles import merge_profiles  # late: _profiles imports the matching modules

    cfg: RuleConfig = index.cfg
    _MERGING.add(id(domain))
    try:
        pending = [g.anchor for g in touched]
        while pending:
            anchor = pending.pop(0)
            group = index.groups.get(anchor)
            if group is None:
                continue
            eligible = [p for p, lvl in group.members.items() if lvl <= level]
            if len(eligible) < 2:
                continue
            recs = sorted(
                (domain.profiles[p] for p in eligible), key=lambda r: (r.created_at, r.profile_id)
            )
            main, others = recs[0], recs[1:]
            req: Request = {
                "DomainName": domain.name,
                "MainProfileId": main.profile_id,
                "ProfileIdsToBeMerged": [p.profile_id for p in others],
            }
            sources = field_sources(main, others, cfg.conflict_model, cfg.source_name)
            if sources:
                req["FieldSourceProfileIds"] = sources
            # The service merges by itself: no API operation for the change feed. [A]
            merge_profiles(attrs.evolve(ctx, operation=None), req)
            for gone in others:
                index.update(gone.profile_id, None)
            new_groups = index.update(*_triple(main))
            pending.extend(g.anchor for g in new_groups)  # step 4: re-run until stable
    finally:
        _MERGING.discard(id(domain))


# ------------------------------------------------------------------ read operations


def _require_rule_based(domain: DomainRec) -> None:
    if not rule_block(domain).get("Enabled"):
        raise bad_request(f"Rule-based matching is not enabled for domain {domain.name}")


@operation("ListRuleBasedMatches")
def list_rule_based_matches(ctx: Context, req: Request) -> Response:
    """ListRuleBasedMatches (spec 2.5): MatchIds of the current groups, anchor order."""
    domain = ctx.domain(req["DomainName"])
    _require_rule_based(domain)
    index = index_of(ctx, domain)
    if index is None:
        return {"MatchIds": []}

    def walk(after: Cursor | None) -> Iterator[tuple[Cursor, Group]]:
        # Anchor order: a page resumes after the previous page's last group by bisection.
        start = (float(after[0]), str(after[1])) if after else None
        for order, group in index.groups_after(start):
            yield list(order), group

    return {"MatchIds": SeekableItems(walk, lambda group: group.match_id(domain.name))}


def _profile_by_key(ctx: Context, domain: DomainRec, key: str, value: str) -> str:
    """A search key (as in SearchProfiles) that must name exactly one profile. [A]"""
    ids = [p.profile_id for p in find_profiles(domain, key, [value])]
    if not ids:
        raise not_found(f"No profile has {key} = the given value in domain {domain.name}")
    if len(ids) > 1:
        raise bad_request(f"{key} names {len(ids)} profiles; GetSimilarProfiles needs one")
    return ids[0]


def _order(domain: DomainRec, ids: list[str]) -> list[str]:
    return sorted(ids, key=lambda p: (domain.profiles[p].created_at, p))


@operation("GetSimilarProfiles")
def get_similar_profiles(ctx: Context, req: Request) -> Response:
    """GetSimilarProfiles (spec 2.6): the group of a MatchId, profile id or search key."""
    domain = ctx.domain(req["DomainName"])
    match_type = req["MatchType"]
    key, value = req["SearchKey"], req["SearchValue"]
    by_match = key.lower() in ("matchid", "_matchid")
    profile_id: str | None = None
    if not by_match:
        if key.lower() in ("profileid", "_profileid"):
            profile_id = ctx.profile(domain, value).profile_id
        else:
            profile_id = _profile_by_key(ctx, domain, key, value)
    out: Response = {"MatchType": match_type, "ProfileIds": []}
    if match_type == "RULE_BASED_MATCHING":
        _require_rule_based(domain)
        index = index_of(ctx, domain)
        group: Group | None = None
        if by_match:
            group = index.group_by_match_id(value) if index else None
            if group is None:
                raise not_found(f"No rule-based match {value} in domain {domain.name}")
            level = group.level
        elif index is not None and profile_id in index.group_of:
            group = index.groups[index.group_of[profile_id]]
            level = group.members[profile_id]
        if group is None:
            return out
        out.update(
            ProfileIds=_order(domain, list(group.members)),
            MatchId=group.match_id(domain.name),
            RuleLevel=level,
        )
        return out
    if not (domain.config.get("Matching") or {}).get("Enabled"):
        raise bad_request(f"Matching is not enabled for domain {domain.name}")
    for ml in live_groups(domain):
        if (by_match and ml.match_id == value) or (not by_match and profile_id in ml.profile_ids):
            out.update(
                ProfileIds=_order(domain, ml.profile_ids),
                MatchId=ml.match_id,
                ConfidenceScore=ml.confidence,
            )
            return out
    if by_match:
        raise not_found(f"No ML match {value} in domain {domain.name}")
    return out
