"""Search keys: value normalization and the profile key index (spec 2.3, 4, 5, 8).

Shared by search, profile keys, ingestion, ObjectFilter and matching so that every
one of them compares values the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ._state import DomainRec, ProfileRec
from ._support import unsupported

#: ContentType of the default keys every profile has (spec 2.3). [A]
DEFAULT_KEY_TYPES: dict[str, str] = {
    "_phone": "PHONE_NUMBER",
    "_email": "EMAIL_ADDRESS",
    "_fullName": "NAME",
    "_account": "STRING",
    "_profileId": "STRING",
}

#: Standard profile fields feeding each default key (D9).
DEFAULT_KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "_phone": ("PhoneNumber", "MobilePhoneNumber", "HomePhoneNumber", "BusinessPhoneNumber"),
    "_email": ("EmailAddress", "PersonalEmailAddress", "BusinessEmailAddress"),
    "_account": ("AccountNumber",),
}

_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")


def normalize(value: str, content_type: str | None) -> str:
    """Normalize a key value for indexing and comparison. [A: spec 2.3]

    * ``PHONE_NUMBER``: keep the digits; a 10-digit number gets the prefix ``1``.
    * ``EMAIL_ADDRESS``: trim and lowercase.
    * ``NAME``: trim, collapse inner white space, casefold.
    * ``STRING``/``NUMBER``/none: the value exactly as written.
    """
    if content_type == "PHONE_NUMBER":
        digits = _NOT_DIGIT.sub("", value)
        return "1" + digits if len(digits) == 10 else digits
    if content_type == "EMAIL_ADDRESS":
        return value.strip().lower()
    if content_type == "NAME":
        return _SPACES.sub(" ", value.strip()).casefold()
    if content_type in (None, "STRING", "NUMBER"):
        return value
    # A ContentType of the model without a rule here was refused when the object type
    # was defined (see _support); never compare it like another type.
    raise unsupported("ContentType", content_type)


def full_name(fields: dict[str, object]) -> str | None:
    """``"First Middle Last"`` from the non-empty name parts, or None. [A]"""
    parts = [fields.get(n) for n in ("FirstName", "MiddleName", "LastName")]
    text = " ".join(p for p in parts if isinstance(p, str) and p)
    return text or None


#: Every default key, in the order :func:`default_keys` lists them.
_DEFAULT_KEYS = ("_profileId", *DEFAULT_KEY_FIELDS, "_fullName")


def default_keys(profile: ProfileRec) -> dict[str, set[str]]:
    """The normalized values of the default keys derived from a profile's fields (D9)."""
    keys: dict[str, set[str]] = {}
    for key in _DEFAULT_KEYS:
        values = default_key_values(profile, key)
        if values:
            keys[key] = values
    return keys


def key_content_type(domain: DomainRec, key_name: str) -> str | None:
    """The ContentType a domain associates with ``key_name``. [A]

    From the first object type whose key ``key_name`` is built from a single field with
    a ContentType; else the default-key type (spec 2.3); else None (STRING).
    """
    for object_type in domain.object_types.values():
        entries = object_type.definition.get("Keys", {}).get(key_name)
        if not entries:
            continue
        fields = object_type.definition.get("Fields", {})
        for entry in entries:
            names = entry.get("FieldNames", [])
            if len(names) == 1 and names[0] in fields:
                content_type = fields[names[0]].get("ContentType")
                if content_type:
                    return str(content_type)
    return DEFAULT_KEY_TYPES.get(key_name)


def normalize_for_key(domain: DomainRec, key_name: str, values: Iterable[str]) -> set[str]:
    """Normalize ``values`` with the ContentType the domain uses for ``key_name``."""
    content_type = key_content_type(domain, key_name)
    return {normalize(v, content_type) for v in values}


def default_key_values(profile: ProfileRec, key_name: str) -> set[str] | None:
    """``default_keys(profile).get(key_name)``, computing that one key only (a search
    re-checks every candidate profile for the keys it names; this runs on every write)."""
    if key_name == "_profileId":
        return {profile.profile_id}
    names = DEFAULT_KEY_FIELDS.get(key_name)
    if names is not None:
        fields = profile.fields
        content_type = DEFAULT_KEY_TYPES[key_name]
        values = set()
        for member in names:
            value = fields.get(member)
            if isinstance(value, str) and value:
                values.add(normalize(value, content_type))
        return values or None
    if key_name == "_fullName":
        name = full_name(profile.fields)
        return {normalize(name, "NAME")} if name else None
    return None


def profile_key_values(profile: ProfileRec, key_name: str) -> set[str]:
    """Every normalized value a profile has for ``key_name`` (default and stored keys)."""
    found = set(profile.keys.get(key_name, {}))
    derived = default_key_values(profile, key_name)
    if derived:
        found |= derived
    return found


def find_profiles(domain: DomainRec, key_name: str, values: Iterable[str]) -> list[ProfileRec]:
    """Profiles holding any of ``values`` (raw, normalized here) under ``key_name``.

    Checks the default keys derived from each profile's fields and the keys stored on
    the profile (AddProfileKey, ingestion, standard-object identifiers). Returned in
    creation order.
    """
    from ._index import profiles_with

    return profiles_with(domain, key_name, normalize_for_key(domain, key_name, values))


def store_key(profile: ProfileRec, key_name: str, normalized: str, source: str) -> None:
    """Record that ``source`` stored ``normalized`` under ``key_name`` on a profile."""
    sources = profile.keys.setdefault(key_name, {}).setdefault(normalized, [])
    if source not in sources:
        sources.append(source)


def by_creation(profiles: Iterable[ProfileRec]) -> Iterator[ProfileRec]:
    """Profiles in creation order."""
    return iter(sorted(profiles, key=lambda p: p.seq))
