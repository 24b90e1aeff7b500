"""What every model shares: personal-data masking in ``repr`` and the ``extra`` field.

Models are ``attrs.frozen(kw_only=True, field_transformer=mask_sensitive)`` classes
with a ``__wire_shape__`` class attribute naming their botocore shape (see
:mod:`customer_profiles_sdk._convert`). Models never do I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .. import _service

REDACTED = "<redacted>"


def _masked(value: object) -> str:
    return "None" if value is None else REDACTED


def mask_sensitive(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """attrs field transformer: ``repr`` masks fields the model marks as personal data.

    A field is personal data when the service model marks its member ``sensitive`` (or
    anything inside it), or when it sets ``metadata={"sensitive": True}`` itself. Reprs
    end up in logs and tracebacks; the notebook view shows values on request instead.
    """
    shape = getattr(cls, "__wire_shape__", None)
    sensitive = _service.sensitive_members(shape) if shape else frozenset()
    names = _service.member_names(shape) if shape else {}
    out = []
    for field in fields:
        wire = field.metadata.get("wire") or names.get(field.name)
        if field.metadata.get("sensitive") or (wire is not None and wire in sensitive):
            field = field.evolve(repr=_masked)
        out.append(field)
    return out


#: Type of every model's ``extra`` field: wire members this SDK version does not know,
#: kept as-is and sent back. Declare it as ``extra: Extra = attrs.field(factory=dict,
#: repr=False)``.
Extra = Mapping[str, Any]
