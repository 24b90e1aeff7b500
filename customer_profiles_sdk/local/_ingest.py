"""Profile objects: PutProfileObject (ingestion), ListProfileObjects, DeleteProfileObject.

Spec section 7. Ingestion runs synchronously (the real service is asynchronous, [A]):
every rejection is decided before anything is written, so a failed call changes nothing.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import _consistency, _index, _keys
from ._changes import ChangeKind, notify
from ._documents import parse_object
from ._errors import bad_request, not_found
from ._object_types import (
    OBJECTS_PER_PROFILE_QUOTA,
    SOURCE_TIMESTAMP_TARGET,
    STANDARD_INDEX_KEYS,
    STANDARD_KINDS,
    Piece,
    Target,
    compile_source,
    materialize_template_type,
    parse_target,
    profile_enums,
    render_source,
    template_definition,
)
from ._paging import Cursor, SeekableItems
from ._profiles import create_profile_record
from ._registry import Context, operation
from ._state import MANUAL, DomainRec, ObjectRec, ProfileRec, StandardRec
from ._templates import DERIVED_FIELDS, LOOKUP_RULES, default_max_count, templates_of

#: Objects per profile before eviction (D10/D11). Module-level so tests can lower it.
OBJECTS_PER_PROFILE = OBJECTS_PER_PROFILE_QUOTA
#: Largest single object: 250 KB (D11, D19).
MAX_OBJECT_BYTES = 256_000
#: Size of all objects of one profile: 51,200 KB (D11).
MAX_PROFILE_BYTES = 51_200 * 1024

_EMAIL_FIELDS = ("EmailAddress", "PersonalEmailAddress", "BusinessEmailAddress")
_PHONE_FIELDS = ("PhoneNumber", "MobilePhoneNumber", "HomePhoneNumber", "BusinessPhoneNumber")


@dataclass(frozen=True)
class KeyValue:
    """One key entry evaluated against an object: its name, normalized value, identifiers."""

    name: str
    value: str
    ids: frozenset[str]


def unique_object_key(type_name: str, unique_value: str) -> str:
    """ProfileObjectUniqueKey: ``base64(sha256(type + NUL + value))``. [A] spec 1.4."""
    digest = hashlib.sha256(f"{type_name}\x00{unique_value}".encode()).digest()
    return base64.b64encode(digest).decode("ascii")


@functools.lru_cache(maxsize=4096)
def _compiled(source: str) -> list[Piece]:
    return compile_source(source)


def extract_fields(definition: dict[str, Any], doc: Any) -> dict[str, str]:
    """Step 1: every field's value (``""`` when its Source path is missing).

    Fields of a template-based definition may have a derived value (see
    :data:`~._templates.DERIVED_FIELDS`, e.g. the Shopify order StatusCode). [A]
    """
    template_id = definition.get("TemplateId")
    values = {}
    for name, field in (definition.get("Fields") or {}).items():
        value = render_source(_compiled(field["Source"]), doc)
        derive = DERIVED_FIELDS.get((template_id, name)) if template_id else None
        values[name] = derive(value) if derive is not None else value
    return values


def compute_keys(
    domain: DomainRec, definition: dict[str, Any], values: dict[str, str]
) -> list[KeyValue]:
    """Step 2: each key entry's normalized value, in definition order.

    A part is normalized by its field's ContentType; a single-field key whose field has
    none uses the domain's ContentType for that key name (so ``_phone`` stays a phone
    key). [A] multi-field keys join their normalized parts with ``_``; an entry whose
    parts are all empty gets value ``""``.
    """
    fields = definition.get("Fields") or {}
    out: list[KeyValue] = []
    for key, entries in (definition.get("Keys") or {}).items():
        for entry in entries:
            names: list[str] = entry.get("FieldNames") or []
            parts = []
            for name in names:
                content_type = (fields.get(name) or {}).get("ContentType")
                if content_type is None and len(names) == 1:
                    content_type = _keys.key_content_type(domain, key)
                raw = values.get(name, "")
                parts.append(_keys.normalize(raw, content_type) if raw else "")
            value = "_".join(parts) if any(parts) else ""
            ids = frozenset(entry.get("StandardIdentifiers") or [])
            out.append(KeyValue(key, value, ids))
    return out


def _profiles_with(domain: DomainRec, key: str, value: str) -> list[ProfileRec]:
    return _index.profiles_with(domain, key, {value})


def resolve_profile(
    domain: DomainRec, keys: list[KeyValue], rules: Mapping[str, str] | None = None
) -> ProfileRec | None:
    """Step 4: two-pass lookup (D4): PROFILE keys, then PROFILE+SECONDARY keys.

    In each pass keys are tried in definition order [A]; a key matching exactly one
    profile decides; a key matching several is ambiguous and discarded. ``rules``
    (a template's :data:`~._templates.LOOKUP_RULES`) may restrict a key to stored
    values or make several matches a rejection.
    """
    lookup = {"PROFILE", "LOOKUP_ONLY", "NEW_ONLY"}
    primary = [k for k in keys if k.ids & lookup and "SECONDARY" not in k.ids]
    secondary = [k for k in keys if {"PROFILE", "SECONDARY"} <= k.ids]
    for group in (primary, secondary):
        for key in group:
            if not key.value:
                continue
            rule = (rules or {}).get(key.name)
            if rule == "stored":
                found = _index.profiles_storing(domain, key.name, key.value)
            else:
                found = _profiles_with(domain, key.name, key.value)
            if len(found) == 1:
                return found[0]
            if len(found) > 1 and rule == "unique":
                raise bad_request(f"The {key.name} key matches more than one profile")
    return None


@dataclass
class _RecordPlan:
    kind: str
    existing: StandardRec | None


def _plan_records(
    domain: DomainRec, targets: dict[str, Target], keys: list[KeyValue]
) -> list[_RecordPlan]:
    """Which standard records this object feeds, found by their identifier keys (D8)."""
    kinds = [t.kind for t in targets.values() if t.kind != "_profile"]
    identified = {ident for k in keys if k.value for ident in k.ids}
    kinds += [kind for kind, (identifier, _) in STANDARD_KINDS.items() if identifier in identified]
    if not kinds:
        return []
    plans = []
    for kind in dict.fromkeys(kinds):
        identifier = STANDARD_KINDS[kind][0]
        lookups = [k for k in keys if identifier in k.ids and k.value]
        found = {
            rec.record_id: rec
            for k in lookups
            for rec in _index.records_with(domain, kind, k.name, k.value)
        }
        # the order of DomainRec.standard (creation order), as a scan would find them
        found = dict(sorted(found.items(), key=lambda item: item[1].seq))
        if len(found) > 1:
            raise bad_request(f"The {identifier} key matches more than one {kind} record")
        plans.append(_RecordPlan(kind, next(iter(found.values()), None)))
    return plans


def _may_overwrite(
    domain: DomainRec, current: str | None, type_name: str, priority: int | None
) -> bool:
    """SourcePriority and manual-edit protection (D4) for one profile field."""
    if current is None or current == type_name:
        return True
    if current == MANUAL:
        # [A] any SourcePriority ranks the type above manual edits (ambiguity #10).
        return priority is not None
    other = domain.object_types.get(current)
    other_priority = other.definition.get("SourcePriority") if other else None
    if priority is None:
        return other_priority is None  # both unset: last writer wins [A]
    return other_priority is None or priority <= other_priority


def _max_len(member: str) -> int:
    return 1000 if member == "AdditionalInformation" else 255


def _write_profile(
    domain: DomainRec,
    profile: ProfileRec,
    type_name: str,
    definition: dict[str, Any],
    targets: dict[str, Target],
    values: dict[str, str],
) -> None:
    """Step 8 for the standard profile: targeted, non-empty values only."""
    priority = definition.get("SourcePriority")
    for field_name, target in targets.items():
        value = values.get(field_name, "")
        if target.kind != "_profile" or not value:
            continue
        head = target.path[0]
        if head == SOURCE_TIMESTAMP_TARGET:
            continue
        enums = profile_enums()
        if head in enums and value not in enums[head]:
            continue  # [A] an invalid enum value is not written
        if len(value) > _max_len(head):
            continue  # [A] over-long values are not written (Profile members max 255)
        if head == "Attributes":
            path = ["Attributes", ".".join(target.path[1:])]
            if len(path[1]) > 255:
                continue
        else:
            path = list(target.path)
        provenance_path = ".".join(path)
        if not _may_overwrite(domain, profile.provenance.get(provenance_path), type_name, priority):
            continue
        if len(path) == 1:
            profile.fields[path[0]] = value
        else:
            profile.fields.setdefault(path[0], {})[path[1]] = value
        profile.provenance[provenance_path] = type_name


def _write_records(
    ctx: Context,
    domain: DomainRec,
    profile: ProfileRec,
    type_name: str,
    plans: list[_RecordPlan],
    targets: dict[str, Target],
    values: dict[str, str],
    keys: list[KeyValue],
) -> None:
    """Step 8 for other standard objects: merge targeted fields into the record (D8)."""
    now = ctx.now()
    for plan in plans:
        system_id = STANDARD_KINDS[plan.kind][1]
        record = plan.existing
        if record is None:
            record_id = ctx.new_id()
            record = StandardRec(
                kind=plan.kind,
                record_id=record_id,
                profile_id=profile.profile_id,
                fields={system_id: record_id},
                keys={},
                sources=[],
                created_at=now,
                updated_at=now,
                seq=ctx.seq(),
            )
            domain.standard[record_id] = record
        for field_name, target in targets.items():
            value = values.get(field_name, "")
            if target.kind != plan.kind or not value:
                continue
            if target.path[0] == "Attributes":
                record.fields.setdefault("Attributes", {})[".".join(target.path[1:])] = value
            elif len(target.path) == 1:
                record.fields[target.path[0]] = value
            else:
                nested = record.fields.setdefault(target.path[0], {})
                _set_nested(nested, list(target.path[1:]), value)
        # [A] the record is indexed by every key of the objects feeding it (so ObjectFilter
        # works with integration keys, D18) plus its own index keys (D9).
        for key in keys:
            if key.value:
                _add_value(record.keys, key.name, key.value)
        for key_name, member in STANDARD_INDEX_KEYS.get(plan.kind, {}).items():
            member_value = record.fields.get(member)
            if isinstance(member_value, str) and member_value:
                _add_value(record.keys, key_name, member_value)
                _keys.store_key(profile, key_name, member_value, type_name)
        record.profile_id = profile.profile_id  # [A] re-linked to the object's profile
        if type_name not in record.sources:
            record.sources.append(type_name)
        record.updated_at = now
        _index.index_record(domain, record)


def _set_nested(node: dict[str, Any], path: list[str], value: str) -> None:
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = value


def _add_value(index: dict[str, list[str]], key: str, value: str) -> None:
    values = index.setdefault(key, [])
    if value not in values:
        values.append(value)


def type_limit(
    domain: DomainRec, type_name: str, templates: Mapping[str, dict[str, Any]]
) -> int | None:
    """The per-type limit eviction uses (ingestion-streams-triggers.md 8.2 rule 1, D109).

    The type's own MaxProfileObjectCount; else the DefaultMaxProfileObjectCount of the
    template it was created from, when it applies to the domain's creation date; else
    none (a type without a limit is never over it).
    """
    rec = domain.object_types.get(type_name)
    if rec is None:
        return None
    limit = rec.definition.get("MaxProfileObjectCount")
    if limit is not None:
        return int(limit)
    template = templates.get(rec.definition.get("TemplateId") or "")
    return default_max_count(template, domain.created_at)


def _evict(ctx: Context, domain: DomainRec, profile_id: str, incoming_type: str) -> None:
    """Step 9: the objects-per-profile limit (D10)."""
    total = ctx.settings.objects_per_profile or OBJECTS_PER_PROFILE
    if _index.profile_object_count(domain, profile_id) <= total:
        return
    owned = _index.profile_objects(domain, profile_id)
    templates = templates_of(ctx.settings)
    limits: dict[str, int | None] = {}
    while len(owned) > total:
        counts: dict[str, int] = {}
        for obj in owned:
            counts[obj.object_type] = counts.get(obj.object_type, 0) + 1
        over: dict[str, int] = {}
        for type_name, count in counts.items():
            if type_name not in limits:
                limits[type_name] = type_limit(domain, type_name, templates)
            limit = limits[type_name]
            if limit is not None and count > limit:
                over[type_name] = count - limit
        victim_type = max(over, key=lambda t: over[t]) if over else incoming_type
        victim = next(o for o in owned if o.object_type == victim_type)
        owned.remove(victim)
        _index.remove_object(domain, victim.unique_key)


@operation("PutProfileObject")
def put_profile_object(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Ingest one object (spec 7.1 steps 1-10)."""
    if _consistency.is_deferred(ctx):
        return _consistency.accept_ingestion(ctx, req)  # issue 15 item 9: visible later
    domain = ctx.domain(req["DomainName"])
    ingested = ingest_object(ctx, domain, req["ObjectTypeName"], req["Object"])
    return {"ProfileObjectUniqueKey": ingested.unique_key}


@dataclass(frozen=True)
class Ingested:
    """The outcome of :func:`ingest_object`.

    Attributes:
        unique_key: the ProfileObjectUniqueKey.
        profile: the profile the object was applied to (``None``: dead-lettered).
        created: whether ingestion created that profile.
    """

    unique_key: str
    profile: ProfileRec | None
    created: bool


def ingest_object(
    ctx: Context,
    domain: DomainRec,
    type_name: str,
    body: str,
    *,
    transient: dict[str, Any] | None = None,
    by_service: bool = False,
) -> Ingested:
    """Ingest one object into ``domain`` (spec 7.1 steps 1-10): PutProfileObject's pipeline.

    Args:
        ctx: the handler context.
        domain: the domain.
        type_name: the object type (or TemplateId); with ``transient``, only the name
            its writes are recorded under.
        body: the object, a JSON document.
        transient: the definition of an object type that is not stored (upload jobs,
            spec identity-history-jobs 5.4): the object updates or creates a profile
            (steps 1-5, 7, 8, 10) but is itself not stored (no step 6, no eviction) and
            reported to no change feed (the caller reports the profile's change).
        by_service: the service ingests the object by itself (an integration
            workflow's records), not at a caller's request (:mod:`._changes`).

    Raises:
        ServiceFault: the rejection; nothing has been written then.
    """
    object_type = None
    templates = templates_of(ctx.settings)
    if transient is None:
        if type_name.startswith("_"):
            raise bad_request(f"{type_name} is a standard object type and cannot be ingested")
        object_type = domain.object_types.get(type_name)
        if object_type is None and type_name not in templates:
            # [A] the error type: neither a defined object type nor a TemplateId.
            raise not_found(f"Object type {type_name} does not exist")
    # [A] size, JSON and JSON-object checks are synchronous BadRequests here.
    if len(body.encode("utf-8")) > MAX_OBJECT_BYTES:
        raise bad_request("The object is larger than 250 KB")
    # NaN/Infinity, numbers beyond a double, deep nesting and unpaired surrogates are
    # refused here, never stored (issue 15 items 10 and 11) [A].
    doc = parse_object(body)
    if not isinstance(doc, dict):
        raise bad_request("Object must be a JSON object")

    if transient is not None:
        definition = transient
    elif object_type is not None:
        definition = object_type.definition
    else:
        definition = template_definition(type_name, templates)
    values = extract_fields(definition, doc)
    keys = compute_keys(domain, definition, values)
    unique = next(k for k in keys if "UNIQUE" in k.ids)
    if not unique.value:
        raise bad_request(f"The UNIQUE key {unique.name} has no value in this object")
    if not any(k.value for k in keys if "PROFILE" in k.ids):
        raise bad_request("Every PROFILE key is empty in this object")
    targets = {
        name: parse_target(field["Target"])
        for name, field in (definition.get("Fields") or {}).items()
        if field.get("Target")
    }
    plans = _plan_records(domain, targets, keys)

    unique_key = unique_object_key(type_name, unique.value)
    existing = domain.objects.get(unique_key)
    profile: ProfileRec | None = None
    if existing is not None:
        # Step 3: update of a stored object; it stays on its profile [A #24].
        profile = domain.profiles.get(existing.profile_id)
    if profile is None:
        profile = resolve_profile(domain, keys, LOOKUP_RULES.get(definition.get("TemplateId", "")))
    if profile is not None and transient is None:
        # the profile's other objects (a replaced object no longer counts)
        size = _index.profile_object_bytes(domain, profile.profile_id)
        if existing is not None and existing.profile_id == profile.profile_id:
            size -= len(existing.body.encode("utf-8"))
        if size + len(body.encode("utf-8")) > MAX_PROFILE_BYTES:
            raise bad_request("The profile's objects would exceed 51,200 KB")

    if object_type is None and transient is None:
        object_type = materialize_template_type(ctx, domain, type_name)
        definition = object_type.definition

    created = False
    if profile is None:
        if not definition.get("AllowProfileCreation"):
            # Step 5 [A ambiguity #1]: accepted, nothing stored, dead-lettered.
            if ctx.settings.strict_ingestion:
                raise bad_request(
                    "No profile matches the object and the object type does not allow "
                    "profile creation"
                )
            domain.dead_letters.append(
                {
                    "ObjectTypeName": type_name,
                    "Object": body,
                    "Reason": "NO_MATCHING_PROFILE",
                    "Timestamp": ctx.now(),
                }
            )
            return Ingested(unique_key, None, False)
        profile = create_profile_record(
            ctx, domain, {}, inferred=True, provenance_source=type_name, index=False
        )
        created = True

    try:
        now = ctx.now()
        expires_at = ctx.expires_at(domain, definition.get("ExpirationDays"))
        # Step 6: store (a replacement keeps its key, gets a fresh ingestion time) [A].
        if transient is None:
            object_keys: dict[str, list[str]] = {}
            for key in keys:
                if key.value:
                    _add_value(object_keys, key.name, key.value)
            _index.add_object(
                domain,
                ObjectRec(
                    unique_key=unique_key,
                    object_type=type_name,
                    profile_id=profile.profile_id,
                    body=body,
                    keys=object_keys,
                    ingested_at=now,
                    expires_at=expires_at,
                    seq=ctx.seq(),
                    fields=dict(values),
                ),
            )

        # Step 7: keys stored on the profile (D3, D5, D8); [A] the UNIQUE value is stored as
        # a searchable key too (2023 ticket example).
        for key in keys:
            if not key.value or key.name == "_profileId" or "LOOKUP_ONLY" in key.ids:
                continue
            if "NEW_ONLY" in key.ids and not created:
                continue
            _keys.store_key(profile, key.name, key.value, type_name)

        # Step 8: standard objects.
        _write_profile(domain, profile, type_name, definition, targets, values)
        if created:
            _infer_contact_fields(profile, type_name, definition, values)
        _write_records(ctx, domain, profile, type_name, plans, targets, values, keys)

        # Step 9 and 10. [A] the profile's expiration clock restarts; calculated attributes
        # need no invalidation because they are evaluated on every read.
        if transient is None:
            _evict(ctx, domain, profile.profile_id, type_name)
        profile.updated_at = now
        profile.expires_at = expires_at
    finally:
        # Once, after every write (a profile created above is not indexed before),
        # and even if a write failed: the index must match the records.
        _index.reindex_profile(domain, profile)
    if transient is None:
        notify(
            ctx,
            ChangeKind.OBJECT_INGESTED,
            domain,
            profile,
            by_service=by_service,
            object_type=type_name,
            object_key=unique_key,
            object_body=body,
            object_created=existing is None,
            profile_created=created,
            indexed=True,  # the finally block above
        )
    return Ingested(unique_key, profile, created)


def _infer_contact_fields(
    profile: ProfileRec, type_name: str, definition: dict[str, Any], values: dict[str, str]
) -> None:
    """Inferred profiles get EmailAddress/PhoneNumber from typed fields (D4).

    [A] only when no e-mail (phone) member was set by a Target, from the first non-empty
    EMAIL_ADDRESS (PHONE_NUMBER) field in definition order.
    """
    fields = definition.get("Fields") or {}
    for content_type, members, member in (
        ("EMAIL_ADDRESS", _EMAIL_FIELDS, "EmailAddress"),
        ("PHONE_NUMBER", _PHONE_FIELDS, "PhoneNumber"),
    ):
        if any(profile.fields.get(m) for m in members):
            continue
        for name, field in fields.items():
            value = values.get(name, "")
            if field.get("ContentType") == content_type and value and len(value) <= 255:
                profile.fields[member] = value
                profile.provenance[member] = type_name
                break


def _record_kind(type_name: str) -> bool:
    return type_name in STANDARD_KINDS


@operation("ListProfileObjects")
def list_profile_objects(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """List a profile's objects of one type, or its standard records (spec 7.2).

    [A] Missing domain, profile or object type: ResourceNotFound. Items are in
    ingestion order; a standard record's ``Object`` is the record with its system id.
    ``ObjectFilter`` works for any type and any key stored with the objects: an object
    matches when it holds one of the (normalized) ``Values`` under ``KeyName``, so an
    unknown ``KeyName`` gives an empty page.
    """
    domain = ctx.domain(req["DomainName"])
    profile = ctx.profile(domain, req["ProfileId"])
    type_name: str = req["ObjectTypeName"]
    wanted: set[str] | None = None
    object_filter = req.get("ObjectFilter")
    if object_filter is not None:
        filter_values = object_filter.get("Values") or []
        if not filter_values:
            raise bad_request("ObjectFilter.Values must not be empty")
        wanted = _keys.normalize_for_key(domain, object_filter["KeyName"], filter_values)
        # [A] standard-record index keys hold values exactly as written.
        wanted |= set(filter_values)
    if type_name == "_profile":
        # [A] the standard profile object itself, as one item keyed by the profile id.
        from ._profiles import profile_to_wire

        item = {
            "ObjectTypeName": "_profile",
            "ProfileObjectUniqueKey": profile.profile_id,
            "Object": json.dumps(profile_to_wire(profile)),
        }
        if wanted is not None and object_filter is not None:
            have = _keys.profile_key_values(profile, object_filter["KeyName"])
            return {"Items": [item] if have & wanted else []}
        return {"Items": [item]}
    if _record_kind(type_name):
        record_key = object_filter["KeyName"] if object_filter is not None else None

        def records_after(after: Cursor | None) -> Iterator[tuple[Cursor, StandardRec]]:
            # Creation order (``seq``); only the page's records are rendered.
            start = int(after[0]) if after else None
            for r in _index.profile_records(domain, profile.profile_id):
                if r.kind != type_name or (start is not None and r.seq <= start):
                    continue
                if wanted is None or record_key is None or set(r.keys.get(record_key, [])) & wanted:
                    yield [r.seq], r

        def render_record(r: StandardRec) -> dict[str, Any]:
            return {
                "ObjectTypeName": type_name,
                "ProfileObjectUniqueKey": r.record_id,
                "Object": json.dumps(r.fields),
            }

        return {"Items": SeekableItems(records_after, render_record)}
    if type_name.startswith("_"):
        raise not_found(f"Standard object type {type_name} does not exist")
    if type_name not in domain.object_types and type_name not in templates_of(ctx.settings):
        raise not_found(f"Object type {type_name} does not exist")
    profile_id = profile.profile_id
    filter_key = object_filter["KeyName"] if object_filter is not None else None

    def walk(after: Cursor | None) -> Iterator[tuple[Cursor, ObjectRec]]:
        # Ingestion order (``seq``): a page resumes after the previous page's last
        # object by bisection; the filter is applied while walking.
        start = int(after[0]) if after else None
        for obj in _index.objects_after(domain, profile_id, type_name, start):
            if (
                wanted is None
                or filter_key is None
                or not wanted.isdisjoint(obj.keys.get(filter_key, ()))
            ):
                yield [obj.seq], obj

    def render(obj: ObjectRec) -> dict[str, Any]:
        return {
            "ObjectTypeName": type_name,
            "ProfileObjectUniqueKey": obj.unique_key,
            "Object": obj.body,
        }

    return {"Items": SeekableItems(walk, render)}


@operation("DeleteProfileObject")
def delete_profile_object(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Remove one object from a profile (spec 7.3).

    [A] fields and keys it contributed stay on the profile; a missing domain, profile,
    object type or object is ResourceNotFound. A standard record
    (``_asset`` ...) can be deleted the same way with its record id.
    """
    domain = ctx.domain(req["DomainName"])
    profile = ctx.profile(domain, req["ProfileId"])
    type_name: str = req["ObjectTypeName"]
    key: str = req["ProfileObjectUniqueKey"]
    if _record_kind(type_name):
        record = domain.standard.get(key)
        if record is None or record.kind != type_name or record.profile_id != profile.profile_id:
            raise not_found(f"Profile object {key} does not exist")
        del domain.standard[key]
        notify(
            ctx,
            ChangeKind.OBJECT_DELETED,
            domain,
            profile,
            object_type=type_name,
            object_key=key,
            object_body=json.dumps(record.fields),
        )
        return {"Message": "Profile object deleted"}
    if type_name not in domain.object_types:
        raise not_found(f"Object type {type_name} does not exist")
    obj = domain.objects.get(key)
    if obj is None or obj.object_type != type_name or obj.profile_id != profile.profile_id:
        raise not_found(f"Profile object {key} does not exist")
    _index.remove_object(domain, key)
    notify(
        ctx,
        ChangeKind.OBJECT_DELETED,
        domain,
        profile,
        object_type=type_name,
        object_key=key,
        object_body=obj.body,
    )
    return {"Message": "Profile object deleted"}
