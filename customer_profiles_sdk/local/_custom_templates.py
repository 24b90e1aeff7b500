"""Test templates: what :meth:`LocalBackend.register_template` checks and stores.

The real service's template list is fixed by AWS; which templates are store-only, or
carry a default object limit, is not published (ingestion-streams-triggers.md 8.2,
A115). So tests register their own templates on a backend, to exercise ``StoreOnly``,
``DefaultMaxProfileObjectCount`` and ``DefaultMaxProfileObjectCountEffectiveAfter``. A
registered template is a full template of that backend only: listed by
ListProfileObjectTypeTemplates, returned by GetProfileObjectTypeTemplate, usable as
``TemplateId`` and as an implicit object type.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._errors import ServiceFault
from ._object_types import validate_definition
from ._state import DomainRec
from ._support import IMPLEMENTED

_TEMPLATE_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")  # the model's TemplateId / SourceName
#: Members a registered definition may carry (GetProfileObjectTypeTemplate members).
_MEMBERS = frozenset(
    {"Fields", "Keys", "AllowProfileCreation", "SourceName", "SourceObject",
     "SourceLastUpdatedTimestampFormat"}
)  # fmt: skip


def build_template(
    template_id: str,
    definition: Mapping[str, Any],
    *,
    store_only: bool = False,
    default_max_count: int | None = None,
    default_max_count_effective_after: datetime | float | None = None,
) -> dict[str, Any]:
    """Check a test template and return its GetProfileObjectTypeTemplate members.

    Args:
        template_id: the TemplateId (1-64 of ``[a-zA-Z0-9_-]``).
        definition: ``Fields`` and ``Keys`` (required, as for PutProfileObjectType) and
            optionally ``AllowProfileCreation`` (default false), ``SourceName``,
            ``SourceObject`` (default ``"Emulator"`` and the TemplateId) and
            ``SourceLastUpdatedTimestampFormat``.
        store_only: ``StoreOnly``: types made from it cannot feed calculated attributes.
        default_max_count: ``DefaultMaxProfileObjectCount`` (>= 0) used by eviction for
            types made from it that set no ``MaxProfileObjectCount``.
        default_max_count_effective_after: ``DefaultMaxProfileObjectCountEffectiveAfter``:
            the default applies only to domains created after it (an aware datetime or
            epoch seconds); needs ``default_max_count``.

    Returns:
        The template's members.

    Raises:
        ValueError: the id, a member or the mapping is not valid (the message says why).
    """
    if not isinstance(template_id, str) or not _TEMPLATE_ID.match(template_id):
        raise ValueError(f"template id {template_id!r} must be 1-64 of [a-zA-Z0-9_-]")
    unknown = sorted(set(definition) - _MEMBERS)
    if unknown:
        raise ValueError(f"template {template_id}: unknown members {', '.join(unknown)}")
    if "Fields" not in definition or "Keys" not in definition:
        raise ValueError(f"template {template_id}: Fields and Keys are required")
    template: dict[str, Any] = {
        "TemplateId": template_id,
        "SourceName": definition.get("SourceName", "Emulator"),
        "SourceObject": definition.get("SourceObject", template_id),
        "AllowProfileCreation": bool(definition.get("AllowProfileCreation", False)),
        "Fields": copy.deepcopy(dict(definition["Fields"])),
        "Keys": copy.deepcopy(dict(definition["Keys"])),
    }
    for member in ("SourceName", "SourceObject"):
        if not isinstance(template[member], str) or not _TEMPLATE_ID.match(template[member]):
            raise ValueError(f"template {template_id}: {member} must be 1-64 of [a-zA-Z0-9_-]")
    if "SourceLastUpdatedTimestampFormat" in definition:
        template["SourceLastUpdatedTimestampFormat"] = definition[
            "SourceLastUpdatedTimestampFormat"
        ]
    _check_mapping(template_id, template)
    if store_only:
        template["StoreOnly"] = True
    if default_max_count is not None:
        if isinstance(default_max_count, bool) or not isinstance(default_max_count, int):
            raise ValueError(f"template {template_id}: default_max_count must be an int")
        if default_max_count < 0:
            raise ValueError(f"template {template_id}: default_max_count must be >= 0")
        template["DefaultMaxProfileObjectCount"] = default_max_count
    if default_max_count_effective_after is not None:
        if default_max_count is None:
            raise ValueError(
                f"template {template_id}: default_max_count_effective_after needs default_max_count"
            )
        template["DefaultMaxProfileObjectCountEffectiveAfter"] = _epoch(
            template_id, default_max_count_effective_after
        )
    return template


def _check_mapping(template_id: str, template: dict[str, Any]) -> None:
    """The mapping must pass PutProfileObjectType's own rules (as the built-ins do)."""
    for field in template["Fields"].values():
        content_type = field.get("ContentType") if isinstance(field, Mapping) else None
        if content_type is not None and content_type not in IMPLEMENTED["FieldContentType"]:
            raise ValueError(f"template {template_id}: ContentType {content_type} is unknown")
    for entries in template["Keys"].values():
        for entry in entries if isinstance(entries, list) else []:
            for identifier in entry.get("StandardIdentifiers") or []:
                if identifier not in IMPLEMENTED["StandardIdentifier"]:
                    raise ValueError(
                        f"template {template_id}: StandardIdentifier {identifier} is unknown"
                    )
    empty = DomainRec(name="template-check", config={}, tags={}, created_at=0.0, updated_at=0.0)
    try:
        validate_definition(empty, template_id, template)
    except ServiceFault as fault:
        raise ValueError(f"template {template_id}: {fault.message}") from None
    except (AttributeError, KeyError, TypeError) as exc:
        raise ValueError(f"template {template_id}: malformed Fields or Keys") from exc


def _epoch(template_id: str, value: datetime | float) -> float:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"template {template_id}: the effective date must be timezone-aware")
        return value.timestamp()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"template {template_id}: the effective date must be a datetime")
    return float(value)
