"""Reading profile values and parsing the values segments compare (segments spec 2.2-2.6).

No normalisation anywhere: values compare exactly as stored, code point by code point
and case-sensitively (spec 2.2, D201).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from .._state import ProfileRec

#: Standard string members a ``ProfileDimension`` reads (spec 1.1 table) plus the other
#: free-text members a reference or a sort may name.
STRING_FIELDS: tuple[str, ...] = (
    "AccountNumber",
    "AdditionalInformation",
    "BusinessName",
    "FirstName",
    "MiddleName",
    "LastName",
    "BirthDate",
    "PhoneNumber",
    "MobilePhoneNumber",
    "HomePhoneNumber",
    "BusinessPhoneNumber",
    "EmailAddress",
    "PersonalEmailAddress",
    "BusinessEmailAddress",
    "PartyTypeString",
    "GenderString",
    "PartyType",
    "Gender",
    "ProfileType",
)
ADDRESS_BLOCKS: tuple[str, ...] = ("Address", "ShippingAddress", "MailingAddress", "BillingAddress")
#: The parts of an ``AddressDimension`` (no Address1-4, spec 1.1).
ADDRESS_DIMENSION_PARTS: tuple[str, ...] = (
    "City",
    "Country",
    "County",
    "PostalCode",
    "Province",
    "State",
)
#: Every part of a stored address (for references, sorts and exports).
ADDRESS_PARTS: tuple[str, ...] = (
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
#: [A] the free-form members fall back to their enum member (spec 2.2, ambiguity 8).
_FALLBACK = {"GenderString": "Gender", "PartyTypeString": "PartyType"}

Reader = Callable[[ProfileRec], "str | None"]


def is_profile_path(path: str) -> bool:
    """Whether ``path`` names a profile value: ``FirstName``, ``Address.City``,
    ``Attributes.tier`` (the paths of spec 2.2)."""
    head, dot, tail = path.partition(".")
    if not dot:
        return head in STRING_FIELDS
    if head in ADDRESS_BLOCKS:
        return tail in ADDRESS_PARTS
    return head == "Attributes" and bool(tail)


def reader(path: str) -> Reader:
    """A function reading the value at ``path`` of a profile; ``None`` when missing.

    A value is missing when the member is absent or empty (spec 2.2). ``path`` must
    satisfy :func:`is_profile_path`.
    """
    head, dot, tail = path.partition(".")
    if dot:

        def nested(profile: ProfileRec) -> str | None:
            block = profile.fields.get(head)
            if not isinstance(block, dict):
                return None
            value = block.get(tail)
            return value if isinstance(value, str) and value else None

        return nested
    fallback = _FALLBACK.get(head)

    def flat(profile: ProfileRec) -> str | None:
        value = profile.fields.get(head)
        if (value is None or value == "") and fallback is not None:
            value = profile.fields.get(fallback)
        return value if isinstance(value, str) and value else None

    return flat


# --------------------------------------------------------------------------- numbers

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def number(text: str) -> float | None:
    """A decimal number (``12``, ``-3.5``, ``1e3``); ``None`` for anything else
    (``NaN``, ``Infinity``, ``1,000``, ``1_000``, surrounding spaces). [A] spec 2.5"""
    if _NUMBER.fullmatch(text) is None:
        return None
    value = float(text)
    return value if value not in (float("inf"), float("-inf")) else None


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?"
    r"(Z|[+-]\d{2}:\d{2})?"
)
_EPOCH = re.compile(r"\d+")
#: [A] an all-digit epoch above this is in milliseconds (as the calculated-attribute code).
_MILLIS_ABOVE = 10**11


def filter_instant(text: str) -> float | None:
    """A filter value as an instant: ``YYYY-MM-DD`` (00:00:00 UTC) or an ISO-8601
    date-time ``YYYY-MM-DDThh:mm[:ss[.fff]]`` with ``Z``, ``±hh:mm`` or nothing (UTC).
    ``None`` for anything else. [A] spec 2.4"""
    found = _DATE.fullmatch(text)
    if found is not None:
        y, m, d = (int(g) for g in found.groups())
        try:
            day = datetime(y, m, d, tzinfo=timezone.utc)
        except ValueError:
            return None
        return day.timestamp()
    found = _DATE_TIME.fullmatch(text)
    if found is None:
        return None
    year, month, dom, hour, minute, second, fraction, zone = found.groups()
    try:
        moment = datetime(
            int(year),
            int(month),
            int(dom),
            int(hour),
            int(minute),
            int(second or 0),
            tzinfo=timezone.utc,
        )
    except ValueError:
        return None
    value = moment.timestamp() + (float(f"0.{fraction}") if fraction else 0.0)
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        hours, minutes = int(zone[1:3]), int(zone[4:6])
        if hours > 23 or minutes > 59:
            return None
        value -= sign * timedelta(hours=hours, minutes=minutes).total_seconds()
    return value


def value_instant(text: str) -> float | None:
    """A profile or calculated-attribute value as an instant: the forms of
    :func:`filter_instant` plus an all-digit epoch (seconds, or milliseconds above
    10^11). Anything else (``05/01/1990``) is missing. [A] spec 2.4"""
    if _EPOCH.fullmatch(text) is not None:
        epoch = int(text)
        return epoch / 1000.0 if epoch > _MILLIS_ABOVE else float(epoch)
    return filter_instant(text)


def utc_day(instant: float) -> int:
    """The UTC calendar day of an instant, as a day number."""
    return int(instant // 86400)


# --------------------------------------------------------------------------- lists


def as_list(text: str) -> list[str]:
    """A list value: a JSON array text is that list (scalars rendered as text), any
    other value a one-element list. [A] spec 2.6, ambiguity 7"""
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            return [text]
        if isinstance(parsed, list):
            return [_scalar_text(item) for item in parsed]
    return [text]


def _scalar_text(item: Any) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, bool):
        return "true" if item else "false"
    if item is None:
        return "null"
    if isinstance(item, (int, float)):
        return json.dumps(item)
    return json.dumps(item, separators=(",", ":"))
