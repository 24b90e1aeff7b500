"""Profile, profile-key, search and merge handlers (spec 4, 5, 8, 9.2)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

from . import (
    _index,
    _matching,  # noqa: F401  (importing it registers GetMatches)
)
from ._changes import ChangeKind, notify
from ._errors import ServiceFault, bad_request
from ._keys import (
    default_keys,
    normalize_for_key,
    profile_key_values,
    store_key,
)
from ._paging import Cursor, SeekableItems
from ._registry import Context, Request, Response, delete_profile_data, operation
from ._state import MANUAL, DomainRec, ProfileRec
from ._support import unsupported

#: Profile members that hold a nested map; provenance is tracked per sub-member.
_NESTED = ("Address", "ShippingAddress", "MailingAddress", "BillingAddress", "Attributes")


def field_paths(fields: dict[str, Any]) -> list[str]:
    """Provenance paths of the fields set in ``fields`` (``Address.City``, ...)."""
    paths: list[str] = []
    for name, value in fields.items():
        if name in _NESTED and isinstance(value, dict):
            paths.extend(f"{name}.{sub}" for sub in value)
        else:
            paths.append(name)
    return paths


def profile_to_wire(profile: ProfileRec) -> dict[str, Any]:
    """The standard ``Profile`` shape of a profile: ``ProfileId`` plus its fields."""
    out: dict[str, Any] = {"ProfileId": profile.profile_id}
    for name, value in profile.fields.items():
        if value is None or value == "" or value == {} or value == []:
            continue
        out[name] = dict(value) if isinstance(value, dict) else value
    return out


def create_profile_record(
    ctx: Context,
    domain: DomainRec,
    fields: dict[str, Any],
    *,
    inferred: bool,
    provenance_source: str,
    index: bool = True,
) -> ProfileRec:
    """Create, store and return a new profile of ``domain``.

    Args:
        ctx: the handler context (clock, ids, sequence numbers).
        domain: the domain that receives the profile.
        fields: standard profile members in wire form (without ``ProfileId``).
        inferred: True when ingestion creates the profile.
        provenance_source: who wrote the fields (``MANUAL`` or an object type name).
        index: index the profile now; ``False`` when the caller writes more of it
            and then calls :func:`._index.reindex_profile` itself (ingestion), so
            that the profile is indexed once.

    Returns:
        The stored profile record.
    """
    now = ctx.now()
    clean = {
        k: (dict(v) if isinstance(v, dict) else v)
        for k, v in fields.items()
        if v is not None and v != "" and v != {}
    }
    profile = ProfileRec(
        profile_id=ctx.new_id(),
        fields=clean,
        created_at=now,
        updated_at=now,
        expires_at=ctx.expires_at(domain),
        seq=ctx.seq(),
        provenance=dict.fromkeys(field_paths(clean), provenance_source),
        inferred=inferred,
    )
    domain.profiles[profile.profile_id] = profile
    if index:
        _index.reindex_profile(domain, profile)
    return profile


# --------------------------------------------------------------------------- constants

#: Standard profile members (the ``Profile`` shape without ProfileId / FoundByItems).
PROFILE_FIELDS: tuple[str, ...] = (
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
    "Attributes",
    "PartyTypeString",
    "GenderString",
    "ProfileType",
    "EngagementPreferences",
)
#: Enum members and their free-form alternatives: never both on one profile.
_EXCLUSIVE = (("Gender", "GenderString"), ("PartyType", "PartyTypeString"))
#: [A] Single standard profile (without objects) size limit, bytes (spec 4.1, D11).
MAX_PROFILE_BYTES = 250 * 1024

#: Key names the model predefines (spec 5) plus the standard-object index keys
#: (spec 13.3) and documented template keys (spec 13.5).
PREDEFINED_KEYS = frozenset(
    {
        "_account",
        "_profileId",
        "_assetId",
        "_caseId",
        "_orderId",
        "_fullName",
        "_phone",
        "_email",
        "_ctrContactId",
        "_marketoLeadId",
        "_salesforceAccountId",
        "_salesforceContactId",
        "_salesforceAssetId",
        "_zendeskUserId",
        "_zendeskExternalId",
        "_zendeskTicketId",
        "_serviceNowSystemId",
        "_serviceNowIncidentId",
        "_serviceNowTaskId",
        "_segmentUserId",
        "_shopifyCustomerId",
        "_shopifyOrderId",
        "_assetName",
        "_serialNumber",
        "_communicationRecordId",
    }
)


# --------------------------------------------------------------------------- helpers


def _check_exclusive(fields: dict[str, Any]) -> None:
    for enum_name, text_name in _EXCLUSIVE:
        if fields.get(enum_name) and fields.get(text_name):
            # [A] by analogy with the mapping rule (spec 4.1, D1/D6).
            raise bad_request(f"{enum_name} and {text_name} cannot both be set")


#: Compact JSON, non-ASCII kept (built once: ``json.dumps`` with options builds one a call).
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _check_size(fields: dict[str, Any]) -> None:
    # [A] the size of the profile's compact JSON in UTF-8 bytes (issue 15 item 12), not of
    # its ASCII-escaped form (which counts six bytes for every "é").
    text = _COMPACT.encode(fields)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_PROFILE_BYTES:
        raise bad_request("The profile exceeds the maximum size of 250 KB")


def _request_fields(req: Request) -> dict[str, Any]:
    return {name: req[name] for name in PROFILE_FIELDS if req.get(name) is not None}


def _touch(ctx: Context, domain: DomainRec, profile: ProfileRec) -> None:
    """Reset a profile's update time and expiration clock (spec 2.4)."""
    profile.updated_at = ctx.now()
    profile.expires_at = ctx.expires_at(domain)


def _non_empty(values: list[str]) -> list[str]:
    if not values:
        raise bad_request("Values must contain at least one value")  # [A] spec 1.3 rule 4
    return values


def domain_key_names(domain: DomainRec) -> set[str]:
    """Key names the object types of ``domain`` define."""
    names: set[str] = set()
    for object_type in domain.object_types.values():
        names.update(object_type.definition.get("Keys", {}) or {})
    return names


# --------------------------------------------------------------------------- profiles


@operation("CreateProfile")
def create_profile(ctx: Context, req: Request) -> Response:
    """CreateProfile (spec 4.1)."""
    domain = ctx.domain(req["DomainName"])
    fields = _request_fields(req)
    _check_exclusive(fields)
    _check_size(fields)
    profile = create_profile_record(ctx, domain, fields, inferred=False, provenance_source=MANUAL)
    notify(ctx, ChangeKind.PROFILE_CREATED, domain, profile, indexed=True)
    return {"ProfileId": profile.profile_id}


def _update_nested(
    profile: ProfileRec, name: str, value: dict[str, Any], changed: list[str]
) -> None:
    """Apply one Address/Attributes update: ``""`` removes a sub-member (spec 4.2 [A])."""
    current = dict(profile.fields.get(name) or {})
    for sub, sub_value in value.items():
        path = f"{name}.{sub}"
        if sub_value == "":
            current.pop(sub, None)
            profile.provenance.pop(path, None)
        else:
            current[sub] = sub_value
            changed.append(path)
    if current:
        profile.fields[name] = current
    else:
        profile.fields.pop(name, None)


@operation("UpdateProfile")
def update_profile(ctx: Context, req: Request) -> Response:
    """UpdateProfile (spec 4.2): omitted keeps, ``""`` removes, a value overwrites."""
    domain = ctx.domain(req["DomainName"])
    profile = ctx.profile(domain, req["ProfileId"])
    update = _request_fields(req)
    _check_exclusive(update)
    fields_before = copy.deepcopy(profile.fields)
    provenance_before = dict(profile.provenance)
    changed: list[str] = []
    for name, value in update.items():
        if name in _NESTED:
            # [A] clearing applies per Address sub-member and per Attributes key.
            _update_nested(profile, name, value, changed)
        elif name == "EngagementPreferences":
            # [A] replaced wholesale; empty lists clear it.
            if any(value.get(kind) for kind in ("Phone", "Email")):
                profile.fields[name] = copy.deepcopy(value)
                changed.append(name)
            else:
                profile.fields.pop(name, None)
                profile.provenance.pop(name, None)
        elif value == "":
            profile.fields.pop(name, None)
            profile.provenance.pop(name, None)
        else:
            profile.fields[name] = value
            changed.append(name)
    for enum_name, text_name in _EXCLUSIVE:
        # [A] setting one of an enum/free-form pair clears the other.
        for kept, dropped in ((enum_name, text_name), (text_name, enum_name)):
            if update.get(kept):
                profile.fields.pop(dropped, None)
                profile.provenance.pop(dropped, None)
    try:
        _check_size(profile.fields)
    except ServiceFault:
        profile.fields, profile.provenance = fields_before, provenance_before
        raise
    for path in changed:
        profile.provenance[path] = MANUAL
    _touch(ctx, domain, profile)
    notify(ctx, ChangeKind.PROFILE_UPDATED, domain, profile)
    return {"ProfileId": profile.profile_id}


@operation("DeleteProfile")
def delete_profile(ctx: Context, req: Request) -> Response:
    """DeleteProfile (spec 4.3): the profile, its objects, keys and records."""
    domain = ctx.domain(req["DomainName"])
    profile = ctx.profile(domain, req["ProfileId"])
    delete_profile_data(domain, profile.profile_id)
    notify(ctx, ChangeKind.PROFILE_DELETED, domain, profile)
    return {"Message": "Profile deleted"}  # [A] message text


@operation("BatchGetProfile")
def batch_get_profile(ctx: Context, req: Request) -> Response:
    """BatchGetProfile (spec 4.4): found profiles plus an error per unknown id."""
    domain = ctx.domain(req["DomainName"])
    profiles: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for pid in dict.fromkeys(req["ProfileIds"]):  # [A] duplicates answered once
        profile = domain.profiles.get(pid)
        if profile is None:
            errors.append(
                {
                    "Code": "ResourceNotFoundException",  # [A] error code for unknown ids
                    "Message": "Profile not found",
                    "ProfileId": pid,
                }
            )
        else:
            profiles.append(profile_to_wire(profile))
    return {"Profiles": profiles, "Errors": errors}


# --------------------------------------------------------------------------- keys


@operation("AddProfileKey")
def add_profile_key(ctx: Context, req: Request) -> Response:
    """AddProfileKey (spec 5.1): store normalized values under a key of a profile."""
    domain = ctx.domain(req["DomainName"])
    profile = ctx.profile(domain, req["ProfileId"])
    key_name = req["KeyName"]
    values = _non_empty(req["Values"])
    if key_name == "_profileId":
        raise bad_request("The key _profileId cannot be added")  # [A]
    if (
        key_name.startswith("_")
        and key_name not in PREDEFINED_KEYS
        and key_name not in domain_key_names(domain)
    ):
        # [A] by analogy with the key-naming rule of object types (D2).
        raise bad_request(f"Key name {key_name} is reserved and not defined in the domain")
    for value in sorted(normalize_for_key(domain, key_name, values)):
        store_key(profile, key_name, value, MANUAL)
    _touch(ctx, domain, profile)  # [A] resets the expiration clock
    notify(ctx, ChangeKind.KEY_ADDED, domain, profile, key_name=key_name, key_values=values)
    return {"KeyName": key_name, "Values": list(values)}


@operation("DeleteProfileKey")
def delete_profile_key(ctx: Context, req: Request) -> Response:
    """DeleteProfileKey (spec 5.2): remove values of a key; absent values are ignored."""
    domain = ctx.domain(req["DomainName"])
    profile = ctx.profile(domain, req["ProfileId"])
    key_name = req["KeyName"]
    values = _non_empty(req["Values"])
    # D401 (spec 5.2): any stored value of any key can be deleted, the default keys
    # _account, _email, _phone and _fullName included. [A] a value derived from the
    # profile's own fields (EmailAddress -> _email) stays while the field holds it.
    stored = profile.keys.get(key_name)
    if stored:
        for value in normalize_for_key(domain, key_name, values):
            stored.pop(value, None)  # [A] values not present are ignored
        if not stored:
            del profile.keys[key_name]
        _index.reindex_profile(domain, profile)
    notify(ctx, ChangeKind.KEY_DELETED, domain, profile, key_name=key_name, key_values=values)
    return {"Message": "Key deleted"}  # [A] message text


# --------------------------------------------------------------------------- search


#: A SearchProfiles hit: the profile and its FoundByItems.
Hit = tuple[ProfileRec, list[dict[str, Any]]]


@operation("SearchProfiles")
def search_profiles(ctx: Context, req: Request) -> Response:
    """SearchProfiles (spec 8.1): 1-5 key/values pairs joined by AND or OR."""
    domain = ctx.domain(req["DomainName"])
    extra = req.get("AdditionalSearchKeys") or []
    pairs = [(req["KeyName"], _non_empty(req["Values"]))]
    pairs += [(item["KeyName"], _non_empty(item["Values"])) for item in extra]
    operator = req.get("LogicalOperator", "OR")
    if operator not in ("AND", "OR"):
        raise unsupported("LogicalOperator", operator)  # never read as OR
    use_and = operator == "AND"
    # Per pair: normalized form of each requested value (requested order kept).
    wanted = [
        (name, [(v, normalize_for_key(domain, name, [v])) for v in values])
        for name, values in pairs
    ]
    # Per pair: every normalized value it asks for (the index entries to walk).
    norms = [
        (name, sorted(set().union(*(norm for _, norm in requested)))) for name, requested in wanted
    ]
    # OR walks every pair's holders; AND the pair with the fewest (every pair is
    # checked below).
    walked = [min(norms, key=lambda pair: _index.holder_count(domain, *pair))] if use_and else norms

    def walk(after: Cursor | None) -> Iterator[tuple[Cursor, Hit]]:
        # Creation order (``ProfileRec.seq``): a page resumes after the last profile of
        # the previous one by bisection, and reads the page (plus one) from the index.
        start = int(after[0]) if after else None
        for seq in _index.holders_after(domain, walked, start):
            profile = _index.profile_at(domain, seq)
            if profile is None:
                continue
            # Each candidate is checked against the profile itself (the index may hold
            # a value the profile no longer has).
            found = []
            for name, requested in wanted:
                held = profile_key_values(profile, name)
                matched = [raw for raw, norm in requested if norm & held]
                if matched:
                    found.append({"KeyName": name, "Values": matched})
            if (len(found) == len(wanted)) if use_and else found:
                yield [seq], (profile, found)

    def render(hit: Hit) -> dict[str, Any]:
        profile, found = hit
        item = profile_to_wire(profile)
        if extra:
            # [A] FoundByItems only for multi-key searches, with the matched values
            # (AND: every pair; OR: the pairs that matched).
            item["FoundByItems"] = found
        return item

    # Only the page is read and rendered (the pager asks for it under the backend's lock).
    return {"Items": SeekableItems(walk, render)}


# --------------------------------------------------------------------------- merge

#: FieldSourceProfileIds members and the profile fields each one decides. [A] the
#: free-form alternatives follow their enum member.
_MERGE_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (name, (name, f"{name}String") if name in ("Gender", "PartyType") else (name,))
    for name in PROFILE_FIELDS
    if name not in ("Attributes", "GenderString", "PartyTypeString")
)


def _has_any(profile: ProfileRec, names: tuple[str, ...]) -> bool:
    return any(profile.fields.get(n) not in (None, "", {}) for n in names)


def _copy_fields(
    target: dict[str, Any], prov: dict[str, str], src: ProfileRec, names: tuple[str, ...]
) -> None:
    for name in names:
        value = src.fields.get(name)
        for path in [p for p in prov if p == name or p.startswith(f"{name}.")]:
            del prov[path]
        if value in (None, "", {}):
            target.pop(name, None)
            continue
        target[name] = copy.deepcopy(value)
        for path, source in src.provenance.items():
            if path == name or path.startswith(f"{name}."):
                prov[path] = source  # [A] merged fields keep their provenance


@operation("MergeProfiles")
def merge_profiles(ctx: Context, req: Request) -> Response:
    """MergeProfiles (spec 9.2): fold profiles into the main profile, synchronously [A]."""
    domain = ctx.domain(req["DomainName"])
    main_id = req["MainProfileId"]
    merged_ids: list[str] = list(req["ProfileIdsToBeMerged"])
    if main_id in merged_ids:
        raise bad_request("MainProfileId must not be listed in ProfileIdsToBeMerged")
    if len(set(merged_ids)) != len(merged_ids):
        raise bad_request("ProfileIdsToBeMerged contains duplicate ids")
    main = ctx.profile(domain, main_id)
    others = [ctx.profile(domain, pid) for pid in merged_ids]
    by_id = {p.profile_id: p for p in [main, *others]}
    sources: dict[str, Any] = dict(req.get("FieldSourceProfileIds") or {})
    attr_sources: dict[str, str] = dict(sources.pop("Attributes", None) or {})
    for pid in [*sources.values(), *attr_sources.values()]:
        if pid not in by_id:
            raise bad_request("FieldSourceProfileIds names a profile that is not being merged")

    fields = copy.deepcopy(main.fields)
    prov = dict(main.provenance)
    for member, names in _MERGE_FIELDS:
        if member in sources:
            # The named profile's value is taken even when it has none (field cleared).
            _copy_fields(fields, prov, by_id[sources[member]], names)
        elif not _has_any(main, names):
            # [A] first profile in ProfileIdsToBeMerged order that has a value wins;
            # Address blocks are taken whole.
            donor = next((p for p in others if _has_any(p, names)), None)
            if donor is not None:
                _copy_fields(fields, prov, donor, names)
    attributes: dict[str, str] = dict(main.fields.get("Attributes") or {})
    for other in others:
        for key, value in (other.fields.get("Attributes") or {}).items():
            if key not in attributes:
                attributes[key] = value
                prov[f"Attributes.{key}"] = other.provenance.get(f"Attributes.{key}", MANUAL)
    for key, pid in attr_sources.items():
        source_value = (by_id[pid].fields.get("Attributes") or {}).get(key)
        path = f"Attributes.{key}"
        if source_value is None:
            attributes.pop(key, None)
            prov.pop(path, None)
        else:
            attributes[key] = source_value
            prov[path] = by_id[pid].provenance.get(path, MANUAL)
    if attributes:
        fields["Attributes"] = attributes
    else:
        fields.pop("Attributes", None)

    merged_set = set(merged_ids)
    for other in others:
        for key_name, values in other.keys.items():
            for value, contributors in values.items():
                for source in contributors:
                    store_key(main, key_name, value, source)
        # [A] the merged profile's field-derived keys stay searchable on the main one.
        for key_name, derived in default_keys(other).items():
            if key_name != "_profileId":
                for value in derived:
                    store_key(main, key_name, value, MANUAL)
    for pid in merged_set:
        _index.relink_objects(domain, pid, main_id)
        for record in _index.profile_records(domain, pid):
            record.profile_id = main_id
            _index.index_record(domain, record)
    main.fields = fields
    main.provenance = prov
    for pid in merged_ids:
        delete_profile_data(domain, pid)
    _touch(ctx, domain, main)
    _index.reindex_profile(domain, main)
    notify(ctx, ChangeKind.PROFILES_MERGED, domain, main, merged=tuple(others))
    return {"Message": "Profiles merged"}  # [A] message text
