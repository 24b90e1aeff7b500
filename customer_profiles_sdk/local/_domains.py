"""Domain handlers: CreateDomain, GetDomain, UpdateDomain, DeleteDomain, ListDomains (spec 3)."""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

from . import _identity_jobs, _rule_matching
from ._attributes import data_store_changed
from ._errors import bad_request
from ._registry import Context, Request, Response, operation
from ._state import DomainRec

#: Domains per account and region (spec 14.1, D11).
MAX_DOMAINS = 100
#: Maximum tags per resource (spec 12).
MAX_TAGS = 50

#: Configuration members stored as sent (the echoed part of a domain).
_CONFIG_MEMBERS = (
    "DefaultExpirationDays",
    "DefaultEncryptionKey",
    "DeadLetterQueueUrl",
    "Matching",
    "RuleBasedMatching",
    "DataStore",
)
#: Members that an empty string clears on UpdateDomain (spec 3.3).
_CLEARABLE = ("DefaultEncryptionKey", "DeadLetterQueueUrl")

#: [A] Weekly identity-resolution schedule recorded when Matching is enabled without
#: a JobSchedule (spec 3.1: Saturday 00:00 UTC).
DEFAULT_JOB_SCHEDULE = {"DayOfTheWeek": "SATURDAY", "Time": "00:00"}


def _check_config(req: Request) -> None:
    """Semantic checks of the Matching / RuleBasedMatching blocks."""
    conflict_blocks = []
    auto = (req.get("Matching") or {}).get("AutoMerging") or {}
    if auto.get("ConflictResolution"):
        conflict_blocks.append(("Matching.AutoMerging", auto["ConflictResolution"]))
    rule_based = req.get("RuleBasedMatching") or {}
    _rule_matching.check_block(rule_based)
    if rule_based.get("ConflictResolution"):
        conflict_blocks.append(("RuleBasedMatching", rule_based["ConflictResolution"]))
    for where, block in conflict_blocks:
        # [A] SOURCE conflict resolution needs the object type it ranks first.
        if block.get("ConflictResolvingModel") == "SOURCE" and not block.get("SourceName"):
            raise bad_request(f"{where}.ConflictResolution: SourceName is required for SOURCE")


def _stored_block(name: str, value: dict[str, Any]) -> dict[str, Any]:
    block = copy.deepcopy(value)
    if name == "Matching" and block.get("Enabled") and "JobSchedule" not in block:
        block["JobSchedule"] = dict(DEFAULT_JOB_SCHEDULE)  # [A] default weekly schedule
    return block


def _apply_config(domain_config: dict[str, Any], req: Request) -> None:
    for name in _CONFIG_MEMBERS:
        if name not in req or req[name] is None:
            continue
        value = req[name]
        if name in _CLEARABLE and value == "":
            # spec 3.3: "" clears the value ([A] on create it means "not set").
            domain_config.pop(name, None)
        elif isinstance(value, dict):
            # [A] Matching / RuleBasedMatching / DataStore are replaced wholesale.
            domain_config[name] = _stored_block(name, value)
        else:
            domain_config[name] = value


def merge_tags(current: dict[str, str], new: dict[str, str]) -> None:
    """Add ``new`` to ``current`` (existing keys take the new value); at most 50 tags."""
    merged = {**current, **new}
    if len(merged) > MAX_TAGS:
        raise bad_request(f"A resource can have at most {MAX_TAGS} tags")
    current.clear()
    current.update(merged)


def domain_to_wire(domain: DomainRec) -> Response:
    """The domain's configuration as the Create/Get/UpdateDomain responses render it."""
    out: Response = {"DomainName": domain.name}
    for name in _CONFIG_MEMBERS:
        if name not in domain.config:
            continue
        value = copy.deepcopy(domain.config[name])
        if name == "RuleBasedMatching" and isinstance(value, dict):
            # Status from the clock-driven machine; absent when disabled [A] (spec 2.2).
            status = _rule_matching.status_of(domain)
            if status is not None:
                value["Status"] = status
        if name == "DataStore" and isinstance(value, dict):
            value["Readiness"] = {"ProgressPercentage": 100}  # [A] always ready
        out[name] = value
    out["CreatedAt"] = domain.created_at
    out["LastUpdatedAt"] = domain.updated_at
    if domain.tags:
        out["Tags"] = dict(domain.tags)
    return out


def domain_stats(domain: DomainRec) -> dict[str, int]:
    """``Stats`` of GetDomain (spec 3.2)."""
    per_profile = Counter(o.profile_id for o in domain.objects.values())
    # [A] a profile with n objects meters as max(1, 1 + (n - 1) // 100) profiles.
    metering = sum(max(1, 1 + (per_profile.get(pid, 0) - 1) // 100) for pid in domain.profiles)
    return {
        "ProfileCount": len(domain.profiles),
        "MeteringProfileCount": metering,
        "ObjectCount": len(domain.objects),
        # [A] TotalSize = UTF-8 length of the stored object documents.
        "TotalSize": sum(len(o.body.encode("utf-8")) for o in domain.objects.values()),
    }


@operation("CreateDomain")
def create_domain(ctx: Context, req: Request) -> Response:
    """CreateDomain (spec 3.1)."""
    name = req["DomainName"]
    domains = ctx.regional.domains
    if name in domains:
        raise bad_request(f"Domain {name} already exists")  # [A] duplicate -> BadRequest
    if len(domains) >= MAX_DOMAINS:
        raise bad_request(f"The account already has {MAX_DOMAINS} domains in this region")
    _check_config(req)
    now = ctx.now()
    domain = DomainRec(name=name, config={}, tags={}, created_at=now, updated_at=now)
    _apply_config(domain.config, req)
    merge_tags(domain.tags, req.get("Tags") or {})
    domains[name] = domain
    _rule_matching.after_create(ctx, domain)
    data_store_changed(ctx, domain)  # the daily attribute-statistics cycle (_attributes)
    return domain_to_wire(domain)


@operation("GetDomain")
def get_domain(ctx: Context, req: Request) -> Response:
    """GetDomain (spec 3.2): configuration plus Stats."""
    domain = ctx.domain(req["DomainName"])
    out = domain_to_wire(domain)
    out["Stats"] = domain_stats(domain)
    return out


@operation("UpdateDomain")
def update_domain(ctx: Context, req: Request) -> Response:
    """UpdateDomain (spec 3.3): present members replace, absent keep, "" clears."""
    domain = ctx.domain(req["DomainName"])
    _check_config(req)
    _rule_matching.before_update(ctx, domain, req.get("RuleBasedMatching"))
    old_rule_based = copy.deepcopy(_rule_matching.rule_block(domain))
    old_matching = copy.deepcopy(domain.config.get("Matching") or {})
    _apply_config(domain.config, req)
    _rule_matching.after_update(ctx, domain, old_rule_based)
    _identity_jobs.after_update(ctx, domain, old_matching)
    # [A] Tags given to UpdateDomain are merged like TagResource (never removes a tag).
    merge_tags(domain.tags, req.get("Tags") or {})
    domain.updated_at = ctx.now()
    data_store_changed(ctx, domain)  # the daily attribute-statistics cycle (_attributes)
    return domain_to_wire(domain)


@operation("DeleteDomain")
def delete_domain(ctx: Context, req: Request) -> Response:
    """DeleteDomain (spec 3.4): the domain and everything in it."""
    domain = ctx.domain(req["DomainName"])
    del ctx.regional.domains[domain.name]
    return {"Message": "Domain deleted"}  # [A] message text


@operation("ListDomains")
def list_domains(ctx: Context, req: Request) -> Response:
    """ListDomains (spec 3.5): the caller's region, in creation order [A]."""
    items = []
    for domain in sorted(ctx.regional.domains.values(), key=lambda d: d.created_at):
        item: Response = {
            "DomainName": domain.name,
            "CreatedAt": domain.created_at,
            "LastUpdatedAt": domain.updated_at,
        }
        if domain.tags:
            item["Tags"] = dict(domain.tags)
        items.append(item)
    return {"Items": items}
