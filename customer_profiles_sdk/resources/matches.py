"""Matches: ``domain.matches`` - the results of identity resolution, and merging them.

Identity resolution (``Matching(enabled=True)`` on the domain) runs as a batch job in
the service (weekly by default) and groups the profiles that are likely the same
customer. :meth:`Matches.list` reads the groups of the latest run, :meth:`Matches.summary`
when that run happened and how many groups it found, and :meth:`Matches.merge` merges
one group.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _convert, _service
from ..errors import ValidationError
from ..models.match import Match, MatchesSummary
from ..models.profile import FieldSourceProfileIds, MergeResult
from ..paging import Paged
from ._base import DomainResource, api
from .profiles import Profiles

__all__ = ["Matches"]


class Matches(DomainResource):
    """The identity-resolution matches of one domain: ``cp.domain("retail").matches``.

    Every read raises :class:`~customer_profiles_sdk.errors.BadRequestError` when
    identity resolution is not enabled on the domain.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> from customer_profiles_sdk.models.domain import Matching
        >>> from customer_profiles_sdk.local import LocalBackend
        >>> backend = LocalBackend()
        >>> cp = CustomerProfiles.local(backend=backend)
        >>> domain = cp.domains.create(
        ...     "docs-matches", default_expiration_days=365, matching=Matching(enabled=True))
        >>> a = domain.profiles.create({"first_name": "Ana", "email_address": "ana@x.com"})
        >>> b = domain.profiles.create({"first_name": "Ana", "email_address": "ANA@x.com"})
        >>> backend.run_identity_resolution("docs-matches")   # the service runs it weekly
        >>> [sorted(m.profile_ids) == sorted([a, b]) for m in domain.matches.list()]
        [True]
    """

    __slots__ = ()

    @api("GetMatches", output=Match, returns=("MatchGenerationDate", "PotentialMatches"))
    def list(self) -> Paged[Match]:
        """The match groups of the latest identity-resolution run (``GetMatches``), paged.

        Groups only list profiles that still exist. ``MatchGenerationDate`` and
        ``PotentialMatches`` of the response are in each page's ``response`` (see
        ``Paged.by_page``); :meth:`summary` returns them as a model.

        Raises:
            ResourceNotFoundError: the domain does not exist (raised while iterating).
            BadRequestError: identity resolution is not enabled (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import Matching
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create(
            ...     "docs-mlist", default_expiration_days=365, matching=Matching(enabled=True))
            >>> domain.matches.list().to_list()      # no run yet
            []
        """
        return self._paged("GetMatches", {"DomainName": self._domain}, Match)

    def summary(self) -> MatchesSummary:
        """When the latest identity-resolution run happened and how many groups it found.

        Calls ``GetMatches`` once (for one group). Not an ``@api`` binding of its own:
        the members it reads are bound through :meth:`list` (each page's ``response``).

        Returns:
            ``match_generation_date`` (``None`` before the first run) and
            ``potential_matches``.

        Raises:
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: identity resolution is not enabled on the domain.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import Matching
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create(
            ...     "docs-msummary", default_expiration_days=365, matching=Matching(enabled=True))
            >>> s = domain.matches.summary()
            >>> s.match_generation_date is None, s.potential_matches
            (True, 0)
        """
        response = self._call("GetMatches", {"DomainName": self._domain, "MaxResults": 1})
        wanted = _convert.wire_names(MatchesSummary).values()
        data = {wire: response[wire] for wire in wanted if wire in response}
        return _convert.from_wire(MatchesSummary, data)

    @api(
        "MergeProfiles",
        params={"ProfileIdsToBeMerged": "match", "FieldSourceProfileIds": "field_sources"},
        output=MergeResult,
    )
    def merge(
        self,
        match: Match,
        *,
        main_profile_id: str | None = None,
        field_sources: FieldSourceProfileIds | Mapping[str, Any] | None = None,
    ) -> MergeResult:
        """Merge the profiles of a match group into one (``MergeProfiles``). Irreversible.

        Args:
            match: a group from :meth:`list`.
            main_profile_id: the profile that remains; default: the group's first id.
            field_sources: which profile each field is taken from on a conflict (see
                :meth:`Profiles.merge`).

        Returns:
            The service's answer.

        Raises:
            TypeError: ``match`` is not a :class:`Match` (e.g. ``None``).
            ValidationError: the group has fewer than two ids, or ``main_profile_id`` is
                not one of them (nothing sent).
            ResourceNotFoundError: a profile or the domain does not exist.
            BadRequestError: the service rejected the merge.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.models.domain import Matching
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> backend = LocalBackend()
            >>> cp = CustomerProfiles.local(backend=backend)
            >>> domain = cp.domains.create(
            ...     "docs-mmerge", default_expiration_days=365, matching=Matching(enabled=True))
            >>> a = domain.profiles.create({"first_name": "Ana", "phone_number": "+15550001111"})
            >>> b = domain.profiles.create({"last_name": "Lima", "phone_number": "5550001111"})
            >>> backend.set_matches("docs-mmerge", [[a, b]])
            >>> match = domain.matches.list().first()
            >>> _ = domain.matches.merge(match)
            >>> p = domain.profiles.get(a)
            >>> p.first_name, p.last_name, domain.profiles.exists(b)
            ('Ana', 'Lima', False)
        """
        if not isinstance(match, Match):
            raise TypeError(
                f"match: expected a Match from matches.list(), got {type(match).__name__}"
            )
        ids = list(dict.fromkeys(match.profile_ids))
        main = ids[0] if main_profile_id is None and ids else main_profile_id
        if main is None or main not in ids or len(ids) < 2:
            detail = (
                f"got {len(ids)} distinct profile ids"
                if len(ids) < 2
                else "main_profile_id is not in the group"
            )
            violation = _service.Violation(
                "match.profile_ids", "at least two ids, including the main profile", detail
            )
            raise ValidationError("MergeProfiles", [violation])
        duplicates = [pid for pid in ids if pid != main]
        profiles = Profiles(self._transport, self._domain)
        return profiles.merge(main, duplicates, field_sources=field_sources)
