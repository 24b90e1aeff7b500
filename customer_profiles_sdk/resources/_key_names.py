"""The check of search key names: a misspelt key (``"_emial"``) is an error, not ``[]``.

A search on a key that no profile can hold finds nothing, which reads as "no such
customer". :func:`check_search_keys` refuses a key name that is neither a standard key
of the service nor defined by an object type of the domain, with the closest known
names (``difflib``). The domain's key names are read once per client and domain
(``ListProfileObjectTypes`` and ``GetProfileObjectType`` for each type; the template's
keys for a template-based type; the unique keys of upload jobs if a name is still
missing) and read again when a name is not among them, so an
object type added since is found. ``search(..., check_key=False)`` skips the check, e.g.
for a key only ever added with ``add_key`` by another process (keys added through the
same client are remembered).

If the caller may not read object types (``AccessDeniedException``) the check is
skipped: it must never make a permitted search fail.
"""

from __future__ import annotations

import difflib
import logging
import threading
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import _service
from ..errors import AccessDeniedError, ValidationError

if TYPE_CHECKING:
    from .._transport import Transport
    from ._base import DomainResource

__all__ = ["STANDARD_KEYS", "check_search_keys", "remember_key"]

logger = logging.getLogger("customer_profiles_sdk")

#: Key names every domain can search without an object type defining them: the default
#: profile keys, the model's predefined keys and the standard objects' index keys
#: (service spec sections 2.3, 5 and 13.3).
STANDARD_KEYS = frozenset(
    {
        "_account",
        "_email",
        "_fullName",
        "_phone",
        "_profileId",
        "_assetId",
        "_assetName",
        "_caseId",
        "_communicationRecordId",
        "_ctrContactId",
        "_marketoLeadId",
        "_orderId",
        "_salesforceAccountId",
        "_salesforceAssetId",
        "_salesforceContactId",
        "_segmentUserId",
        "_serialNumber",
        "_serviceNowIncidentId",
        "_serviceNowSystemId",
        "_serviceNowTaskId",
        "_shopifyCustomerId",
        "_shopifyOrderId",
        "_zendeskExternalId",
        "_zendeskTicketId",
        "_zendeskUserId",
    }
)

_lock = threading.Lock()
#: Per client (transport), per domain: the key names its object types define and those
#: added through the client.
_known: weakref.WeakKeyDictionary[Transport, dict[str, set[str]]] = weakref.WeakKeyDictionary()


def _cache(transport: Transport, domain: str) -> set[str] | None:
    with _lock:
        return _known.get(transport, {}).get(domain)


def remember_key(resource: DomainResource, key_name: str) -> None:
    """Record a key name added to a profile of the domain (``add_key``)."""
    with _lock:
        domains = _known.setdefault(resource._transport, {})
        domains.setdefault(resource.domain_name, set()).add(key_name)


def _read(resource: DomainResource, wanted: Iterable[str]) -> set[str]:
    """The key names the domain's object types define (one request per type), and, if
    ``wanted`` names are still missing, the unique keys of its upload jobs."""
    domain = resource.domain_name
    names: set[str] = set()
    types = resource._paged_with(
        "ListProfileObjectTypes", {"DomainName": domain}, lambda item: str(item["ObjectTypeName"])
    )
    templates: dict[str, list[str]] = {}
    for type_name in types:
        body = resource._call(
            "GetProfileObjectType", {"DomainName": domain, "ObjectTypeName": type_name}
        )
        keys = body.get("Keys") or {}
        template = body.get("TemplateId")
        if not keys and template:
            if template not in templates:
                found = resource._call("GetProfileObjectTypeTemplate", {"TemplateId": template})
                templates[template] = list(found.get("Keys") or {})
            names.update(templates[template])
        names.update(keys)
    if any(name not in names for name in wanted):
        # An upload job's UniqueKey is a key of the profiles it imports.
        jobs = resource._paged_with(
            "ListUploadJobs", {"DomainName": domain}, lambda item: str(item["JobId"])
        )
        for job_id in jobs:
            job = resource._call("GetUploadJob", {"DomainName": domain, "JobId": job_id})
            if job.get("UniqueKey"):
                names.add(str(job["UniqueKey"]))
    return names


def _refresh(resource: DomainResource, wanted: Iterable[str]) -> set[str]:
    names = _read(resource, wanted)
    with _lock:
        domains = _known.setdefault(resource._transport, {})
        known = domains.setdefault(resource.domain_name, set())
        known.update(names)
        return set(known)


def check_search_keys(resource: DomainResource, operation: str, names: Iterable[str]) -> None:
    """Raise :class:`ValidationError` for a key name no profile of the domain can hold.

    Standard keys are accepted without a request; other names are looked up in the
    domain's key names (read on first use and again on a miss).

    Raises:
        ValidationError: naming each unknown key and the closest known names.
    """
    wanted = [name for name in dict.fromkeys(names) if name not in STANDARD_KEYS]
    if not wanted:
        return
    known = _cache(resource._transport, resource.domain_name)
    if known is None or any(name not in known for name in wanted):
        try:
            known = _refresh(resource, wanted)
        except AccessDeniedError:
            logger.debug("key name check skipped: object types of %s cannot be read", operation)
            return
    unknown = [name for name in wanted if name not in known]
    if unknown:
        choices = sorted(STANDARD_KEYS | known)
        raise ValidationError(operation, [_violation(name, choices) for name in unknown])


def _violation(name: str, choices: list[str]) -> _service.Violation:
    close = difflib.get_close_matches(name, choices, n=3, cutoff=0.6)
    if not close:  # "_emial" vs "_email": compare without the leading underscore too
        bare = {c.lstrip("_").lower(): c for c in choices}
        close = [bare[c] for c in difflib.get_close_matches(name.lstrip("_").lower(), bare, n=3)]
    hint = f"did you mean {' or '.join(close)}?" if close else "no similar key name"
    return _service.Violation(
        f"KeyName {name!r}",
        "a standard key or a key of an object type of the domain",
        f"unknown key, {hint} (check_key=False searches it anyway)",
    )
