"""Object types (mappings) and templates: spec 6.

Handlers: PutProfileObjectType, GetProfileObjectType, ListProfileObjectTypes,
DeleteProfileObjectType, GetProfileObjectTypeTemplate, ListProfileObjectTypeTemplates.

Also home of the mapping vocabulary shared with ingestion (:mod:`._ingest`): standard
object kinds and their identifiers, target parsing and Source compilation.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from botocore.model import StructureShape

from . import _index
from ._errors import bad_request, not_found
from ._model import service_model
from ._registry import Context, operation
from ._state import DomainRec, ObjectTypeRec, ProfileRec
from ._templates import TEMPLATES, templates_of

# --------------------------------------------------------------------------- vocabulary

#: Per-profile object quota (D11); also the base of MaxAvailableProfileObjectCount.
OBJECTS_PER_PROFILE_QUOTA = 1000
MAX_FIELDS = 250
MAX_KEY_ENTRIES = 10
MAX_OBJECT_TYPES = 100

#: Standard object kind -> (standard identifier, system id member). (D1, D8, 13.3)
STANDARD_KINDS: dict[str, tuple[str, str]] = {
    "_asset": ("ASSET", "AssetId"),
    "_case": ("CASE", "CaseId"),
    "_order": ("ORDER", "OrderId"),
    "_communicationRecord": ("COMMUNICATION_RECORD", "CommunicationRecordId"),
    "_airPreference": ("AIR_PREFERENCE", "PreferenceId"),
    "_hotelPreference": ("HOTEL_PREFERENCE", "PreferenceId"),
    "_airBooking": ("AIR_BOOKING", "BookingId"),
    "_airSegment": ("AIR_SEGMENT", "SegmentId"),
    "_hotelReservation": ("HOTEL_RESERVATION", "ReservationId"),
    "_hotelStayRevenue": ("HOTEL_STAY_REVENUE", "StayRevenueId"),
    "_loyalty": ("LOYALTY", "LoyaltyId"),
    "_loyaltyTransaction": ("LOYALTY_TRANSACTION", "TransactionId"),
    "_loyaltyPromotion": ("LOYALTY_PROMOTION", "PromotionId"),
    "_device": ("DEVICE", "DeviceId"),
    "_webAnalytics": ("WEB_ANALYTICS", "EventId"),
}

#: Index keys of standard records: kind -> {key name: record member}. (D9, 13.3)
STANDARD_INDEX_KEYS: dict[str, dict[str, str]] = {
    "_asset": {"_assetId": "AssetId", "_assetName": "AssetName", "_serialNumber": "SerialNumber"},
    "_case": {"_caseId": "CaseId"},
    "_order": {"_orderId": "OrderId"},
    "_communicationRecord": {"_communicationRecordId": "CommunicationRecordId"},
}

ADDRESS_MEMBERS = (
    "Address1",
    "Address2",
    "Address3",
    "Address4",
    "City",
    "County",
    "State",
    "Province",
    "Country",
    "PostalCode",
)
PROFILE_ADDRESSES = ("Address", "ShippingAddress", "MailingAddress", "BillingAddress")
#: Plain string members of the standard profile that a mapping may target.
PROFILE_SCALARS = (
    "AccountNumber",
    "AdditionalInformation",
    "PartyType",
    "PartyTypeString",
    "BusinessName",
    "FirstName",
    "MiddleName",
    "LastName",
    "BirthDate",
    "Gender",
    "GenderString",
    "PhoneNumber",
    "MobilePhoneNumber",
    "HomePhoneNumber",
    "BusinessPhoneNumber",
    "EmailAddress",
    "PersonalEmailAddress",
    "BusinessEmailAddress",
    "ProfileType",
)


@functools.cache
def profile_enums() -> dict[str, frozenset[str]]:
    """Enum-typed members of the standard profile and their values, from the model.

    [A] an ingested value outside the enum is not written. Read from the installed
    model, so a value botocore adds is written like the others (never silently
    dropped).
    """
    profile = service_model().shape_for("Profile")
    if not isinstance(profile, StructureShape):  # pragma: no cover - botocore invariant
        return {}
    return {
        name: frozenset(member.metadata["enum"])
        for name, member in profile.members.items()
        if member.metadata.get("enum")
    }


#: Target accepted (it drives SourcePriority in the service) but not a Profile member,
#: so the emulator never writes it. [A]
SOURCE_TIMESTAMP_TARGET = "SourceLastUpdatedTimestamp"

_RECORD_SCALARS: dict[str, tuple[str, ...]] = {
    "_asset": (
        "AssetName",
        "SerialNumber",
        "ModelNumber",
        "ModelName",
        "ProductSKU",
        "PurchaseDate",
        "UsageEndDate",
        "Status",
        "Price",
        "Quantity",
        "Description",
        "AdditionalInformation",
        "DataSource",
    ),
    "_case": (
        "Title",
        "Summary",
        "Status",
        "Reason",
        "CreatedBy",
        "CreatedDate",
        "UpdatedDate",
        "ClosedDate",
        "AdditionalInformation",
        "DataSource",
    ),
    "_order": (
        "CustomerEmail",
        "CustomerPhone",
        "CreatedDate",
        "UpdatedDate",
        "ProcessedDate",
        "ClosedDate",
        "CancelledDate",
        "CancelReason",
        "Name",
        "AdditionalInformation",
        "Gateway",
        "Status",
        "StatusCode",
        "StatusUrl",
        "CreditCardNumber",
        "CreditCardCompany",
        "FulfillmentStatus",
        "TotalPrice",
        "TotalTax",
        "TotalDiscounts",
        "TotalItemsPrice",
        "TotalShippingPrice",
        "TotalTipReceived",
        "Currency",
        "TotalWeight",
    ),
}
_ORDER_ADDRESS_MEMBERS = ("Name", *ADDRESS_MEMBERS)

#: Key names starting with ``_`` that a mapping may use without another object type
#: defining them first: the model's predefined keys plus the standard index keys and the
#: template keys of 13.5. [A]
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
        "_segmentUserId",
        "_shopifyCustomerId",
        "_shopifyOrderId",
        # [A] not in the model's list but documented as index/template keys
        "_assetName",
        "_serialNumber",
        "_communicationRecordId",
        "_serviceNowTaskId",
    }
)
#: Keys reserved for lookups: they must be declared LOOKUP_ONLY (D3, D8).
RESERVED_LOOKUP_KEYS = frozenset({"_profileId", "_orderId", "_caseId", "_assetId"})

_FIELD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")  # D1 (stricter than the model) [A]
_KEY_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_ACCESSOR = re.compile(r"^_source((?:\.[^.\[\]\s{}\"']+|\[\d+\])+)$")
_ACCESSOR_PART = re.compile(r"\.([^.\[\]\s{}\"']+)|\[(\d+)\]")
_TARGET = re.compile(r"^(_[A-Za-z]+)\.(.+)$")
_HELPER_ARG = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[^\s\"']+)")


@dataclass(frozen=True)
class Target:
    """A parsed field Target: the standard object kind and the member path in it."""

    kind: str
    path: tuple[str, ...]


@functools.lru_cache(maxsize=4096)
def parse_target(target: str) -> Target:
    """Parse and check a Target (spec 6.1); ``BadRequest`` when it is not allowed.

    Each text is parsed once (every ingested object reads its type's targets); a refused
    one is not remembered and is refused again."""
    match = _TARGET.match(target)
    if not match:
        raise bad_request(f"Target {target} is not a standard object accessor")
    kind, rest = match.group(1), match.group(2)
    path = tuple(rest.split("."))
    if any(not part for part in path):
        raise bad_request(f"Target {target} is not a valid accessor")
    if kind == "_profile":
        _check_profile_target(target, path)
    elif kind in _RECORD_SCALARS:
        _check_record_target(target, kind, path)
    elif kind in STANDARD_KINDS:
        # [A] other standard objects (13.3): free-form paths except the system id.
        if path[0] == STANDARD_KINDS[kind][1]:
            raise bad_request(f"Target {target} is a system-assigned identifier")
    else:
        raise bad_request(f"Target {target} does not name a standard object")
    return Target(kind, path)


def _check_profile_target(target: str, path: tuple[str, ...]) -> None:
    head = path[0].removesuffix("[]")
    if head in ("ProfileId", "ImportIds", "FoundByItems"):
        raise bad_request(f"Target {target} cannot be written by a mapping")
    if len(path) == 1 and (head in PROFILE_SCALARS or head == SOURCE_TIMESTAMP_TARGET):
        return
    if len(path) == 2 and head in PROFILE_ADDRESSES and path[1] in ADDRESS_MEMBERS:
        return
    if len(path) >= 2 and head == "Attributes":
        return
    raise bad_request(f"Target {target} is not a field of the standard profile")


def _check_record_target(target: str, kind: str, path: tuple[str, ...]) -> None:
    head = path[0]
    if head == STANDARD_KINDS[kind][1]:
        raise bad_request(f"Target {target} is a system-assigned identifier")
    if len(path) == 1 and head in _RECORD_SCALARS[kind]:
        return
    if len(path) >= 2 and head == "Attributes":
        return
    if (
        kind == "_order"
        and len(path) == 2
        and head in ("BillingAddress", "ShippingAddress")
        and path[1] in _ORDER_ADDRESS_MEMBERS
    ):
        return
    raise bad_request(f"Target {target} is not a field of the {kind} standard object")


# --------------------------------------------------------------------------- Source


def _accessor_parts(expr: str) -> list[str | int] | None:
    match = _ACCESSOR.match(expr)
    if not match:
        return None
    parts: list[str | int] = []
    for name, index in _ACCESSOR_PART.findall(match.group(1)):
        parts.append(int(index) if index else name)
    return parts


def _lookup(doc: Any, parts: list[str | int]) -> Any:
    node = doc
    for part in parts:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
            node = node[part]
        else:
            if not isinstance(node, dict):
                return None
            node = node.get(part)
    return node


def scalar_text(value: Any) -> str:
    """The string form of an extracted JSON value ("" for null/missing). [A]"""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


#: A compiled Source: literal text pieces and value producers, concatenated.
Piece = tuple[str, Any]


def compile_source(source: str) -> list[Piece]:
    """Compile a field Source into pieces; ``BadRequest`` for invalid expressions.

    Supported [A]: a JSON accessor rooted at ``_source`` (``_source.a.b``, ``[0]``
    indexes), or text with ``{{accessor}}`` interpolations and the helper
    ``{{removeExtraSpace arg ...}}`` (args: accessors or quoted strings; concatenated,
    inner white space collapsed, trimmed). Other Handlebars blocks/helpers (``#if``,
    ``#each``, ``#unless``, ``#with``) are valid for the service but unsupported here.
    """
    if "{{" not in source and "}}" not in source:
        parts = _accessor_parts(source)
        if parts is None:
            raise bad_request(f"Source {source} must be a _source accessor or a Handlebars text")
        return [("path", parts)]
    pieces: list[Piece] = []
    rest = source
    while rest:
        start = rest.find("{{")
        close = rest.find("}}")
        if start < 0:
            if close >= 0:
                raise bad_request(f"Source {source} is not valid Handlebars")
            pieces.append(("text", rest))
            break
        if start > 0:
            if 0 <= close < start:
                raise bad_request(f"Source {source} is not valid Handlebars")
            pieces.append(("text", rest[:start]))
        end = rest.find("}}", start + 2)
        if end < 0:
            raise bad_request(f"Source {source} is not valid Handlebars")
        pieces.append(_compile_mustache(source, rest[start + 2 : end].strip()))
        rest = rest[end + 2 :]
    return pieces


def _compile_mustache(source: str, inner: str) -> Piece:
    if not inner or inner.startswith("{"):
        raise bad_request(f"Source {source} is not valid Handlebars")
    if inner[0] in "#/^!>" or inner == "else" or inner.startswith("else "):
        raise bad_request(f"Source {source}: Handlebars blocks are unsupported in the emulator")
    parts = _accessor_parts(inner)
    if parts is not None:
        return ("path", parts)
    head, _, args = inner.partition(" ")
    if head == "removeExtraSpace":
        compiled: list[Piece] = []
        for raw in _HELPER_ARG.findall(args):
            if raw[0] in "\"'":
                compiled.append(("text", raw[1:-1]))
                continue
            arg_parts = _accessor_parts(raw)
            if arg_parts is None:
                raise bad_request(f"Source {source}: bad removeExtraSpace argument")
            compiled.append(("path", arg_parts))
        if not compiled:
            raise bad_request(f"Source {source}: removeExtraSpace needs an argument")
        return ("squash", compiled)
    raise bad_request(f"Source {source}: unsupported Handlebars expression in the emulator")


def render_source(pieces: list[Piece], doc: Any) -> str:
    """Evaluate a compiled Source against the parsed object (missing paths give "")."""
    out: list[str] = []
    for kind, payload in pieces:
        if kind == "text":
            out.append(payload)
        elif kind == "path":
            out.append(scalar_text(_lookup(doc, payload)))
        else:
            out.append(" ".join(render_source(payload, doc).split()))
    return "".join(out)


# --------------------------------------------------------------------------- validation


def _entry_ids(entry: dict[str, Any]) -> set[str]:
    return set(entry.get("StandardIdentifiers") or [])


def field_content_types(definition: dict[str, Any], entry: dict[str, Any]) -> tuple[str, ...]:
    """The ContentTypes (default STRING) of a key entry's fields."""
    fields = definition.get("Fields") or {}
    return tuple(
        (fields.get(name) or {}).get("ContentType") or "STRING"
        for name in entry.get("FieldNames") or []
    )


def validate_definition(domain: DomainRec, type_name: str, definition: dict[str, Any]) -> None:
    """Check Fields and Keys of a mapping (spec 6.1-6.3 rules 3-9); ``BadRequest`` if bad."""
    fields: dict[str, Any] = definition.get("Fields") or {}
    keys: dict[str, list[dict[str, Any]]] = definition.get("Keys") or {}
    allow_creation = bool(definition.get("AllowProfileCreation"))
    if len(fields) > MAX_FIELDS:
        raise bad_request(f"An object type can have at most {MAX_FIELDS} fields")

    targets: dict[str, Target] = {}
    for name, field in fields.items():
        if not _FIELD_NAME.match(name) or name in ("Tags", "tags"):
            raise bad_request(f"Field name {name} is not allowed")
        if "Source" not in field:
            raise bad_request(f"Field {name} needs a Source")
        compile_source(field["Source"])
        if field.get("Target"):
            targets[name] = parse_target(field["Target"])
    profile_paths = {t.path[0] for t in targets.values() if t.kind == "_profile"}
    for a, b in (("Gender", "GenderString"), ("PartyType", "PartyTypeString")):
        if a in profile_paths and b in profile_paths:
            raise bad_request(f"Targets _profile.{a} and _profile.{b} are mutually exclusive")
    if SOURCE_TIMESTAMP_TARGET in profile_paths and not definition.get(
        "SourceLastUpdatedTimestampFormat"
    ):
        raise bad_request(
            "Target _profile.SourceLastUpdatedTimestamp requires SourceLastUpdatedTimestampFormat"
        )

    entries = [(key, entry) for key, entry_list in keys.items() for entry in entry_list]
    if len(entries) > MAX_KEY_ENTRIES:
        raise bad_request(f"An object type can have at most {MAX_KEY_ENTRIES} keys")
    for key, entry in entries:
        _check_key_name(domain, type_name, key)
        names = entry.get("FieldNames") or []
        if not names:
            raise bad_request(f"Key {key} must reference at least one field")
        for name in names:
            if name not in fields:
                raise bad_request(f"Key {key} references field {name}, which is not defined")
        ids = _entry_ids(entry)
        if "UNIQUE" in ids and ids & {"LOOKUP_ONLY", "NEW_ONLY"}:
            raise bad_request(f"Key {key}: UNIQUE cannot be combined with LOOKUP_ONLY/NEW_ONLY")
        if "SECONDARY" in ids and "PROFILE" not in ids:
            raise bad_request(f"Key {key}: SECONDARY is only allowed together with PROFILE")
        if key in RESERVED_LOOKUP_KEYS and "LOOKUP_ONLY" not in ids:
            raise bad_request(f"Key {key} is reserved and must be LOOKUP_ONLY")
        _check_reused_key(domain, type_name, definition, key, entry)

    unique = [key for key, entry in entries if "UNIQUE" in _entry_ids(entry)]
    if len(unique) != 1:
        raise bad_request("An object type needs exactly one key with the UNIQUE identifier")
    profile_entries = [(k, e) for k, e in entries if "PROFILE" in _entry_ids(e)]
    if not profile_entries:
        raise bad_request("An object type needs at least one key with the PROFILE identifier")
    if allow_creation:
        # D3/D6: PROFILE combined with LOOKUP_ONLY/NEW_ONLY needs another PROFILE key.
        # [A] For a LOOKUP_ONLY key, "another PROFILE key" = a different entry with
        # PROFILE and without LOOKUP_ONLY (a PROFILE+SECONDARY+NEW_ONLY key counts: it
        # is stored on a new profile). For a NEW_ONLY key any other PROFILE entry
        # counts, so the documented ticket example (_email PROFILE+LOOKUP_ONLY,
        # ticketEmail PROFILE+SECONDARY+NEW_ONLY) is accepted. _profileId is exempt.
        for key, entry in profile_entries:
            ids = _entry_ids(entry)
            if key == "_profileId" or not ids & {"LOOKUP_ONLY", "NEW_ONLY"}:
                continue
            lookup_only = "LOOKUP_ONLY" in ids
            if not any(
                other is not entry and not (lookup_only and "LOOKUP_ONLY" in _entry_ids(other))
                for _, other in profile_entries
            ):
                raise bad_request(
                    f"Key {key} combines PROFILE with LOOKUP_ONLY/NEW_ONLY; another PROFILE "
                    "key is required when AllowProfileCreation is true"
                )
    identifiers = {i for _, entry in entries for i in _entry_ids(entry)}
    for name, target in targets.items():
        if target.kind == "_profile":
            continue
        needed = STANDARD_KINDS[target.kind][0]
        if needed not in identifiers:
            raise bad_request(
                f"Field {name} targets {target.kind}; a key with the {needed} identifier "
                "is required"
            )


def _check_key_name(domain: DomainRec, type_name: str, key: str) -> None:
    if key in ("Tags", "tags"):
        raise bad_request(f"Key name {key} is not allowed")
    if key.startswith("_"):
        defined = any(
            key in (rec.definition.get("Keys") or {})
            for name, rec in domain.object_types.items()
            if name != type_name
        )
        if key not in PREDEFINED_KEYS and not defined:
            raise bad_request(f"Key name {key} starts with _ but is not a predefined key")
    elif not _KEY_NAME.match(key):
        raise bad_request(f"Key name {key} must start with a letter")


def _check_reused_key(
    domain: DomainRec,
    type_name: str,
    definition: dict[str, Any],
    key: str,
    entry: dict[str, Any],
) -> None:
    mine = field_content_types(definition, entry)
    for name, rec in domain.object_types.items():
        if name == type_name:
            continue
        for other in (rec.definition.get("Keys") or {}).get(key) or []:
            if field_content_types(rec.definition, other) != mine:
                raise bad_request(
                    f"Key {key} is already defined by object type {name} with different "
                    "field ContentTypes"
                )


# --------------------------------------------------------------------------- rendering

_DEFINITION_MEMBERS = (
    "Description",
    "TemplateId",
    "ExpirationDays",
    "EncryptionKey",
    "AllowProfileCreation",
    "SourceLastUpdatedTimestampFormat",
    "MaxProfileObjectCount",
    "SourcePriority",
    "Fields",
    "Keys",
)


def max_available(domain: DomainRec, type_name: str) -> int:
    """MaxAvailableProfileObjectCount. [A] quota minus the other types' limits."""
    used = sum(
        int(rec.definition.get("MaxProfileObjectCount") or 0)
        for name, rec in domain.object_types.items()
        if name != type_name
    )
    return max(0, OBJECTS_PER_PROFILE_QUOTA - used)


def object_type_to_wire(domain: DomainRec, rec: ObjectTypeRec) -> dict[str, Any]:
    """The Get/PutProfileObjectType response members of an object type."""
    out: dict[str, Any] = {"ObjectTypeName": rec.name}
    for member in _DEFINITION_MEMBERS:
        value = rec.definition.get(member)
        if value is not None:
            out[member] = value
    out["CreatedAt"] = rec.created_at
    out["LastUpdatedAt"] = rec.updated_at
    out["MaxAvailableProfileObjectCount"] = max_available(domain, rec.name)
    if rec.tags:
        out["Tags"] = dict(rec.tags)
    return out


def template_definition(
    template_id: str, templates: Mapping[str, dict[str, Any]] = TEMPLATES
) -> dict[str, Any]:
    """The stored definition of an object type built from a template."""
    template = templates[template_id]
    definition: dict[str, Any] = {
        "TemplateId": template_id,
        "AllowProfileCreation": template["AllowProfileCreation"],
        "Fields": json.loads(json.dumps(template["Fields"])),
        "Keys": json.loads(json.dumps(template["Keys"])),
    }
    if "SourceLastUpdatedTimestampFormat" in template:
        definition["SourceLastUpdatedTimestampFormat"] = template[
            "SourceLastUpdatedTimestampFormat"
        ]
    return definition


def materialize_template_type(ctx: Context, domain: DomainRec, template_id: str) -> ObjectTypeRec:
    """Create the implicit object type of a template on first use (spec 6.7, D15)."""
    if len(domain.object_types) >= MAX_OBJECT_TYPES:
        raise bad_request(f"A domain can have at most {MAX_OBJECT_TYPES} object types")
    definition = template_definition(template_id, templates_of(ctx.settings))
    # [A] implicit types get a generated Description (the member is required on output).
    # A template's DefaultMaxProfileObjectCount is not copied into the type: eviction
    # reads it from the template (ingestion-streams-triggers.md 8.2 rule 2).
    definition["Description"] = f"Implicit object type of template {template_id}"
    now = ctx.now()
    rec = ObjectTypeRec(
        name=template_id,
        definition=definition,
        tags={},
        created_at=now,
        updated_at=now,
        implicit=True,
    )
    domain.object_types[template_id] = rec
    return rec


# --------------------------------------------------------------------------- handlers


@operation("PutProfileObjectType")
def put_profile_object_type(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Create or replace an object type (spec 6.3)."""
    domain = ctx.domain(req["DomainName"])
    name: str = req["ObjectTypeName"]
    if name.startswith("_"):
        raise bad_request("Object type names starting with _ are reserved for standard objects")
    template_id = req.get("TemplateId")
    if template_id is not None:
        extra = [
            m
            for m in ("Fields", "Keys", "AllowProfileCreation", "SourceLastUpdatedTimestampFormat")
            if m in req
        ]
        if extra:
            raise bad_request(f"TemplateId cannot be combined with {', '.join(extra)}")
        templates = templates_of(ctx.settings)
        if template_id not in templates:
            raise bad_request(f"Template {template_id} does not exist")
        definition = template_definition(template_id, templates)
    else:
        if "Fields" not in req or "Keys" not in req:
            raise bad_request("Provide either TemplateId, or both Fields and Keys")
        definition = {
            "AllowProfileCreation": bool(req.get("AllowProfileCreation", False)),
            "Fields": req["Fields"],
            "Keys": req["Keys"],
        }
        if "SourceLastUpdatedTimestampFormat" in req:
            definition["SourceLastUpdatedTimestampFormat"] = req["SourceLastUpdatedTimestampFormat"]
    for member in (
        "Description",
        "ExpirationDays",
        "EncryptionKey",
        "MaxProfileObjectCount",
        "SourcePriority",
    ):
        if member in req:
            definition[member] = req[member]
    limit = definition.get("MaxProfileObjectCount")
    if limit is not None and limit > OBJECTS_PER_PROFILE_QUOTA:
        # [A] the per-profile quota bounds any per-type limit.
        raise bad_request(
            f"MaxProfileObjectCount cannot exceed the quota of {OBJECTS_PER_PROFILE_QUOTA}"
        )
    existing = domain.object_types.get(name)
    if existing is None and len(domain.object_types) >= MAX_OBJECT_TYPES:
        raise bad_request(f"A domain can have at most {MAX_OBJECT_TYPES} object types")
    validate_definition(domain, name, definition)

    now = ctx.now()
    if existing is None:
        rec = ObjectTypeRec(
            name=name,
            definition=definition,
            tags=dict(req.get("Tags") or {}),
            created_at=now,
            updated_at=now,
        )
        domain.object_types[name] = rec
    else:
        # [A] replacement keeps CreatedAt and does not re-process objects. D406: the
        # request's Tags are ignored; tags change through TagResource/UntagResource.
        existing.definition = definition
        existing.updated_at = now
        existing.implicit = False
        rec = existing
    return object_type_to_wire(domain, rec)


@operation("GetProfileObjectType")
def get_profile_object_type(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Return one object type (spec 6.4)."""
    domain = ctx.domain(req["DomainName"])
    rec = domain.object_types.get(req["ObjectTypeName"])
    if rec is None:
        raise not_found(f"Object type {req['ObjectTypeName']} does not exist")
    return object_type_to_wire(domain, rec)


@operation("ListProfileObjectTypes")
def list_profile_object_types(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """List the domain's object types in creation order (spec 6.5)."""
    domain = ctx.domain(req["DomainName"])
    items = []
    for rec in domain.object_types.values():
        item: dict[str, Any] = {
            "ObjectTypeName": rec.name,
            "Description": rec.definition.get("Description", ""),
            "CreatedAt": rec.created_at,
            "LastUpdatedAt": rec.updated_at,
            "MaxAvailableProfileObjectCount": max_available(domain, rec.name),
        }
        for member in ("MaxProfileObjectCount", "SourcePriority"):
            if rec.definition.get(member) is not None:
                item[member] = rec.definition[member]
        if rec.tags:
            item["Tags"] = dict(rec.tags)
        items.append(item)
    return {"Items": items}


@operation("DeleteProfileObjectType")
def delete_profile_object_type(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Delete an object type with its objects and scrub what it wrote (spec 6.6)."""
    domain = ctx.domain(req["DomainName"])
    name: str = req["ObjectTypeName"]
    if name not in domain.object_types:
        raise not_found(f"Object type {name} does not exist")
    del domain.object_types[name]
    for key in [k for k, o in domain.objects.items() if o.object_type == name]:
        _index.remove_object(domain, key)
    for profile in domain.profiles.values():
        # [A] scrub: fields whose provenance is this type; keys only it contributed.
        for path in [p for p, source in profile.provenance.items() if source == name]:
            del profile.provenance[path]
            _remove_path(profile.fields, path.split(".", 1))
        _scrub_keys(profile, name)
        _index.reindex_profile(domain, profile)
    for record_id in list(domain.standard):
        record = domain.standard[record_id]
        record.sources = [s for s in record.sources if s != name]
        if not record.sources:
            del domain.standard[record_id]
    for uri in list(domain.integrations):
        definition = domain.integrations[uri].definition
        mapped = set((definition.get("ObjectTypeNames") or {}).values())
        if definition.get("ObjectTypeName") == name or name in mapped:
            del domain.integrations[uri]
    return {"Message": f"Object type {name} deleted"}


def _scrub_keys(profile: ProfileRec, name: str) -> None:
    """Remove the key values only object type ``name`` contributed to ``profile``."""
    for key_name in list(profile.keys):
        values = profile.keys[key_name]
        for value in list(values):
            contributors = [c for c in values[value] if c != name]
            if contributors:
                values[value] = contributors
            else:
                del values[value]
        if not values:
            del profile.keys[key_name]


def _remove_path(fields: dict[str, Any], path: list[str]) -> None:
    if len(path) == 1:
        fields.pop(path[0], None)
        return
    nested = fields.get(path[0])
    if isinstance(nested, dict):
        nested.pop(path[1], None)
        if not nested:
            del fields[path[0]]


@operation("GetProfileObjectTypeTemplate")
def get_profile_object_type_template(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """Return one template (spec 6.7)."""
    template = templates_of(ctx.settings).get(req["TemplateId"])
    if template is None:
        raise not_found(f"Template {req['TemplateId']} does not exist")
    # Only members the installed model has (StoreOnly, DefaultMaxProfileObjectCount and
    # ...EffectiveAfter are new in botocore 1.44); absent members are omitted.
    members = _template_members()
    out: dict[str, Any] = {
        k: v for k, v in json.loads(json.dumps(template)).items() if k in members
    }
    return out


def _template_members() -> frozenset[str]:
    shape = service_model().operation_model("GetProfileObjectTypeTemplate").output_shape
    return frozenset(shape.members) if shape is not None else frozenset()


@operation("ListProfileObjectTypeTemplates")
def list_profile_object_type_templates(ctx: Context, req: dict[str, Any]) -> dict[str, Any]:
    """List every template the emulator ships (spec 6.7)."""
    items = [
        {
            "TemplateId": t["TemplateId"],
            "SourceName": t["SourceName"],
            "SourceObject": t["SourceObject"],
        }
        for t in templates_of(ctx.settings).values()
    ]
    return {"Items": items}
