"""DetectProfileObjectType: a mapping proposed from sample objects.

``spec/ingestion-streams-triggers.md`` section 7. The service detects mappings with a
large language model (D111); the emulator uses the deterministic rules of section 7.1
instead [A] (A113): the same input always gives the same output, nothing is stored, and
a proposed mapping is always valid PutProfileObjectType input for the domain (it is
checked with the object-type validator before it is returned).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ._errors import ServiceFault, bad_request
from ._object_types import field_content_types, scalar_text, validate_definition
from ._registry import Context, Request, Response, operation
from ._state import DomainRec

#: Attributes (leaves, nested ones included) detection accepts (D111).
MAX_ATTRIBUTES = 120
#: Key entries an object type may have (spec 14.1).
MAX_KEY_ENTRIES = 10
_MAX_FIELD_NAME = 64
_MAX_SOURCE = 1000

#: A path segment a ``_source`` accessor can address (spec 6.1 accessor syntax).
_SEGMENT = re.compile(r"^[^.\[\]\s{}\"']+$")
#: [A] rule 2 keeps dots, but a key's FieldNames allow none (model pattern
#: ``^[a-zA-Z0-9_-]+$``): nesting is written with ``_`` so every field can be a key part.
_NOT_FIELD_CHAR = re.compile(r"[^a-zA-Z0-9_-]")
_ID_SUFFIX = re.compile(r"^[iI][dD]$|[_-][iI][dD]$|[a-z0-9](?:Id|ID)$")

#: (last-segment rule, Target, ContentType); names compared case-insensitively with
#: ``_`` and ``-`` removed. [A] section 7.1 rule 3.
_PREFIX_RULES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("email",), "_profile.EmailAddress", "EMAIL_ADDRESS"),
    (("phone", "mobile", "tel"), "_profile.PhoneNumber", "PHONE_NUMBER"),
)
_EXACT_RULES: dict[str, tuple[str, str]] = {
    "firstname": ("_profile.FirstName", "NAME"),
    "givenname": ("_profile.FirstName", "NAME"),
    "lastname": ("_profile.LastName", "NAME"),
    "surname": ("_profile.LastName", "NAME"),
    "familyname": ("_profile.LastName", "NAME"),
    "birthdate": ("_profile.BirthDate", "STRING"),
    "dob": ("_profile.BirthDate", "STRING"),
    "dateofbirth": ("_profile.BirthDate", "STRING"),
    "address1": ("_profile.Address.Address1", "STRING"),
    "street": ("_profile.Address.Address1", "STRING"),
    "addressline1": ("_profile.Address.Address1", "STRING"),
    "city": ("_profile.Address.City", "STRING"),
    "state": ("_profile.Address.State", "STRING"),
    "province": ("_profile.Address.Province", "STRING"),
    "country": ("_profile.Address.Country", "STRING"),
    "postalcode": ("_profile.Address.PostalCode", "STRING"),
    "zip": ("_profile.Address.PostalCode", "STRING"),
    "zipcode": ("_profile.Address.PostalCode", "STRING"),
    "accountnumber": ("_profile.AccountNumber", "STRING"),
    "customerid": ("_profile.AccountNumber", "STRING"),
    "accountid": ("_profile.AccountNumber", "STRING"),
    "businessname": ("_profile.BusinessName", "STRING"),
    "company": ("_profile.BusinessName", "STRING"),
}
_ACCOUNT_TARGET = "_profile.AccountNumber"
_TIMESTAMP_TARGET = "_profile.SourceLastUpdatedTimestamp"
_TIMESTAMP_NAME = re.compile(r"updated|modified|lastupdate", re.IGNORECASE)
#: (value pattern, SourceLastUpdatedTimestampFormat). [A] rule 5.
_TIMESTAMP_FORMATS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\d{13}$"), "EpochMilli"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"), "yyyy-MM-dd'T'HH:mm:ss'Z'"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"), "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "yyyy-MM-dd"),
)
#: Field names the object-type validator refuses.
_RESERVED_FIELD_NAMES = frozenset({"Tags", "tags"})


def _parse(objects: list[str]) -> list[dict[str, Any]]:
    docs = []
    for text in objects:
        try:
            doc = json.loads(text)
        except ValueError:
            raise bad_request("Could not parse object string into JSON") from None  # D111
        if not isinstance(doc, dict):
            raise bad_request("Object must be a JSON object")  # [A]
        docs.append(doc)
    return docs


def _leaves(node: dict[str, Any], prefix: tuple[str, ...], out: dict[tuple[str, ...], Any]) -> None:
    """Leaf paths of one object (arrays skipped, rule 1), first-seen order."""
    for key, value in node.items():
        path = (*prefix, str(key))
        if isinstance(value, dict):
            _leaves(value, path, out)
        elif not isinstance(value, list):
            out[path] = value


def _field_name(path: tuple[str, ...], taken: set[str]) -> str:
    """Rule 2: sanitized (no dots, see above), starting with a letter, <= 64, unique. [A]"""
    name = _NOT_FIELD_CHAR.sub("_", ".".join(path))
    if not name[:1].isalpha() or name in _RESERVED_FIELD_NAMES:
        name = f"f_{name}"
    name = name[:_MAX_FIELD_NAME]
    candidate, n = name, 2
    while candidate in taken:  # [A] collisions after sanitizing get a counter
        suffix = f"_{n}"
        candidate = name[: _MAX_FIELD_NAME - len(suffix)] + suffix
        n += 1
    taken.add(candidate)
    return candidate


def _target(path: tuple[str, ...], field_name: str, values: list[Any]) -> tuple[str | None, str]:
    """Rule 3: (Target, ContentType) of a leaf by its last segment, else by its values."""
    last = re.sub(r"[_-]", "", path[-1]).lower()
    for prefixes, target, content_type in _PREFIX_RULES:
        if last.startswith(prefixes):
            return target, content_type
    if last in _EXACT_RULES:
        return _EXACT_RULES[last]
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return None, "NUMBER"
    return f"_profile.Attributes.{field_name}", "STRING"


def _timestamp_format(values: list[Any]) -> str | None:
    """Rule 5: the one format every sample's value has, if any."""
    texts = [scalar_text(v) for v in values]
    if not texts or any(not t for t in texts):
        return None
    for pattern, name in _TIMESTAMP_FORMATS:
        if all(pattern.match(t) for t in texts):
            return name
    return None


def _unique_candidate(path: tuple[str, ...], values: list[Any], samples: int) -> bool:
    """Rule 4: an id-like name, non-empty in every sample, pairwise distinct values."""
    if not _ID_SUFFIX.search(path[-1]):
        return False
    texts = [scalar_text(v) for v in values]
    return len(texts) == samples and all(texts) and len(set(texts)) == len(texts)


def _compatible(
    domain: DomainRec, definition: dict[str, Any], key: str, entry: dict[str, Any]
) -> bool:
    """Whether the domain's other object types define ``key`` with the same field types."""
    mine = field_content_types(definition, entry)
    for rec in domain.object_types.values():
        for other in (rec.definition.get("Keys") or {}).get(key) or []:
            if field_content_types(rec.definition, other) != mine:
                return False
    return True


def detect(domain: DomainRec, docs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The mapping the rules of section 7.1 propose for ``docs``, or ``None``. [A]

    Raises:
        ServiceFault: ``BadRequestException`` for more than 120 attributes.
    """
    per_doc: list[dict[tuple[str, ...], Any]] = []
    paths: dict[tuple[str, ...], None] = {}
    for doc in docs:
        leaves: dict[tuple[str, ...], Any] = {}
        _leaves(doc, (), leaves)
        per_doc.append(leaves)
        paths.update(dict.fromkeys(leaves))
    if len(paths) > MAX_ATTRIBUTES:
        raise bad_request(f"Breached limit of {MAX_ATTRIBUTES} attributes")  # D111

    fields: dict[str, dict[str, str]] = {}
    values_of: dict[str, list[Any]] = {}
    path_of: dict[str, tuple[str, ...]] = {}
    taken: set[str] = set()
    timestamp_format: str | None = None
    for path in paths:
        source = "_source." + ".".join(path)
        if not all(_SEGMENT.match(p) for p in path) or len(source) > _MAX_SOURCE:
            continue  # [A] not addressable by a _source accessor: not mapped
        name = _field_name(path, taken)
        values = [leaves[path] for leaves in per_doc if path in leaves]
        target, content_type = _target(path, name, values)
        field = {"Source": source, "ContentType": content_type}
        if timestamp_format is None and _TIMESTAMP_NAME.search(name):
            found = _timestamp_format(values) if len(values) == len(per_doc) else None
            if found is not None:
                timestamp_format, target = found, _TIMESTAMP_TARGET
        if target is not None:
            field["Target"] = target
        fields[name] = field
        values_of[name] = values
        path_of[name] = path

    definition: dict[str, Any] = {"Fields": fields, "Keys": {}}
    profile_entries: list[tuple[str, dict[str, Any]]] = []
    account_field: str | None = None
    for name, field in fields.items():
        key = {"EMAIL_ADDRESS": "_email", "PHONE_NUMBER": "_phone"}.get(field["ContentType"])
        if key is None and field.get("Target") == _ACCOUNT_TARGET:
            key = "_account"
            account_field = account_field or name
        if key is not None:
            profile_entries.append(
                (key, {"StandardIdentifiers": ["PROFILE"], "FieldNames": [name]})
            )
    profile_fields = {e["FieldNames"][0] for _, e in profile_entries}
    candidates = [
        name for name in fields if _unique_candidate(path_of[name], values_of[name], len(per_doc))
    ]
    unique: tuple[str, dict[str, Any]] | None = None
    for name in candidates:
        if name not in profile_fields:
            unique = (name, {"StandardIdentifiers": ["UNIQUE"], "FieldNames": [name]})
            break
    else:
        if account_field is not None and account_field in candidates:
            for _, entry in profile_entries:
                if entry["FieldNames"] == [account_field]:
                    entry["StandardIdentifiers"] = ["PROFILE", "UNIQUE"]
                    unique = ("_account", entry)
                    profile_entries = [(k, e) for k, e in profile_entries if e is not entry]
    entries = ([unique] if unique else []) + profile_entries
    entries = [(k, e) for k, e in entries if _compatible(domain, definition, k, e)]
    entries = entries[:MAX_KEY_ENTRIES]
    ids = [set(e["StandardIdentifiers"]) for _, e in entries]
    if not any("UNIQUE" in i for i in ids) or not any("PROFILE" in i for i in ids):
        return None  # D111: no valid object type found
    keys: dict[str, list[dict[str, Any]]] = {}
    for key, entry in entries:
        keys.setdefault(key, []).append(entry)
    definition["Keys"] = keys
    if timestamp_format is not None:
        definition["SourceLastUpdatedTimestampFormat"] = timestamp_format
    try:
        # The promise: PutProfileObjectType accepts what detection proposes.
        validate_definition(domain, "\x00detected", definition)
    except ServiceFault:  # pragma: no cover - the rules above build valid mappings
        return None
    return definition


@operation("DetectProfileObjectType")
def detect_profile_object_type(ctx: Context, req: Request) -> Response:
    """DetectProfileObjectType (section 7.1): at most one mapping; nothing is stored."""
    domain = ctx.domain(req["DomainName"])
    docs = _parse(req["Objects"])
    mapping = detect(domain, docs)
    if mapping is None:
        return {"DetectedProfileObjectTypes": []}
    out: dict[str, Any] = {"Fields": mapping["Fields"], "Keys": mapping["Keys"]}
    if "SourceLastUpdatedTimestampFormat" in mapping:
        out = {
            "SourceLastUpdatedTimestampFormat": mapping["SourceLastUpdatedTimestampFormat"],
            **out,
        }
    return {"DetectedProfileObjectTypes": [out]}
