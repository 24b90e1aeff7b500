"""Recommendations for profiles: ``domain.recommendations``.

Both operations ask an ``ACTIVE`` recommender (``domain.recommenders``) for the items
to recommend to one profile: :meth:`Recommendations.for_profile` by profile id
(``GetProfileRecommendations``), :meth:`Recommendations.search` by a search key that
must find exactly one profile (``SearchRecommendations``).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from .. import _convert, _service
from .._convert import to_request
from ..errors import ValidationError
from ..models import (
    ProfileRecommendations,
    Recommendation,
    RecommendationDiversityConfig,
    RecommenderFilter,
    RecommenderPromotionalFilter,
    RecommenderSelection,
)
from ._base import DomainResource, api, coerce, value_list

__all__ = ["Recommendations"]

#: ``filters=``: filters to apply (one at most), models or mappings of their fields.
FiltersLike = Sequence[RecommenderFilter | Mapping[str, Any]]
PromotionsLike = Sequence[RecommenderPromotionalFilter | Mapping[str, Any]]
#: ``diversity=``: ``True``/``False``, the ``$name`` cap values (enabled), or the model.
DiversityLike = bool | Mapping[str, int] | RecommendationDiversityConfig


def _list_of(cls: type, shape: str, items: Any) -> builtins.list[Any] | None:
    """One filter (a model or a mapping) or a sequence of them, as wire dicts."""
    if items is None:
        return None
    if isinstance(items, (cls, Mapping)):
        items = [items]
    return [to_request(coerce(cls, item), shape) for item in items]


def _diversity(value: DiversityLike | None) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return {"Enabled": value}
    if isinstance(value, RecommendationDiversityConfig):
        wire: dict[str, Any] = to_request(value, "RecommendationDiversityConfig")
        return wire
    return {"Enabled": True, "Values": dict(value)}


def _columns(value: Sequence[str] | None, operation: str, member: str) -> builtins.list[str] | None:
    return None if value is None else value_list(operation, member, value)


class Recommendations(DomainResource):
    """Recommendations for the profiles of a domain: ``domain.recommendations``.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> from customer_profiles_sdk.local import LocalBackend
        >>> backend = LocalBackend()
        >>> cp = CustomerProfiles.local(backend=backend)
        >>> domain = cp.domains.create("docs-recommendations", default_expiration_days=30,
        ...                            data_store={"enabled": True})
        >>> backend.set_catalog("docs-recommendations", [{"Id": "sku-1"}, {"Id": "sku-2"}])
        >>> _ = domain.recommenders.create("picks", recipe="popular-items").wait()
        >>> pid = domain.profiles.create({"first_name": "Ana"})
        >>> sorted(r.catalog_item.id for r in domain.recommendations.for_profile(
        ...     pid, recommender="picks"))
        ['sku-1', 'sku-2']
    """

    __slots__ = ()

    @api(
        "GetProfileRecommendations",
        params={
            "RecommenderName": "recommender",
            "RecommenderFilters": "filters",
            "RecommenderPromotionalFilters": "promotional_filters",
            "MetadataConfig": "metadata_columns",
            "DiversityConfig": "diversity",
        },
        returns=("Recommendations",),
    )
    def for_profile(
        self,
        profile_id: str,
        *,
        recommender: str,
        filters: FiltersLike | RecommenderFilter | None = None,
        promotional_filters: PromotionsLike | RecommenderPromotionalFilter | None = None,
        candidate_ids: Sequence[str] | None = None,
        context: Mapping[str, str] | None = None,
        max_results: int | None = None,
        metadata_columns: Sequence[str] | None = None,
        diversity: DiversityLike | None = None,
    ) -> builtins.list[Recommendation]:
        """The items a recommender recommends to one profile, best first
        (``GetProfileRecommendations``).

        Args:
            profile_id: the profile.
            recommender: the recommender's name (it must be ``ACTIVE``).
            filters: a filter to apply (one at most), with a value for each ``$NAME``
                placeholder of its expression: ``[{"name": "no-category", "values":
                {"CATEGORY": '"shoes"'}}]`` (several values: comma-separated).
            promotional_filters: a filter whose items are promoted (one at most), with
                ``promotion_name`` and ``percent_promoted_items``.
            candidate_ids: the items to rank (at most 50); required by
                ``personalized-ranking`` recommenders.
            context: runtime context, key -> value (personal data).
            max_results: how many items (1-500; the service's default is 10).
            metadata_columns: item columns to return with each item (1-10), e.g.
                ``["Name", "Category"]``.
            diversity: ``True`` or ``False`` to switch the recommender's diversity caps
                on or off, or the values of its ``$name`` caps (enabled).

        Returns:
            The recommendations: ``catalog_item`` and ``score`` (0-1); masked in
            ``repr``.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the profile, the recommender, a filter or the domain
                does not exist.
            BadRequestError: the recommender is not active, a filter is not active or
                lacks a placeholder value, or ``candidate_ids`` is missing for
                ``personalized-ranking``.
        """
        operation = "GetProfileRecommendations"
        params = {
            "DomainName": self._domain,
            "ProfileId": profile_id,
            "RecommenderName": recommender,
            "Context": None if context is None else dict(context),
            "RecommenderFilters": _list_of(RecommenderFilter, "RecommenderFilter", filters),
            "RecommenderPromotionalFilters": _list_of(
                RecommenderPromotionalFilter,
                "RecommenderPromotionalFilter",
                promotional_filters,
            ),
            "CandidateIds": None if candidate_ids is None else builtins.list(candidate_ids),
            "MaxResults": max_results,
            "MetadataConfig": None
            if metadata_columns is None
            else {
                "MetadataColumns": _columns(
                    metadata_columns, operation, "MetadataConfig.MetadataColumns"
                )
            },
            "DiversityConfig": _diversity(diversity),
        }
        response = self._call(operation, params)
        return [
            _convert.from_wire(Recommendation, item)
            for item in response.get("Recommendations") or []
        ]

    @api(
        "SearchRecommendations",
        params={
            "Recommender": "recommender",
            "Metadata": "metadata_columns",
        },
        output=ProfileRecommendations,
    )
    def search(
        self,
        key_name: str,
        key_values: Sequence[str],
        *,
        recommender: str | RecommenderSelection | Mapping[str, Any],
        filters: FiltersLike | RecommenderFilter | None = None,
        promotional_filters: PromotionsLike | RecommenderPromotionalFilter | None = None,
        candidate_ids: Sequence[str] | None = None,
        context: Mapping[str, str] | None = None,
        max_recommendations: int | None = None,
        metadata_columns: Sequence[str] | None = None,
        diversity: DiversityLike | None = None,
    ) -> ProfileRecommendations:
        """The items a recommender recommends to the one profile a search key finds
        (``SearchRecommendations``).

        Args:
            key_name: a search key: ``_profileId``, ``_email``, ``_phone`` or a key of
                the domain's object types.
            key_values: one value for each field of the key.
            recommender: the recommender's name (or a
                :class:`~customer_profiles_sdk.RecommenderSelection` with its filters).
            filters: a filter to apply (see :meth:`for_profile`).
            promotional_filters: a filter whose items are promoted.
            candidate_ids: the items to rank (at most 50; ``personalized-ranking``).
            context: runtime context, key -> value.
            max_recommendations: how many items (1-500; the service's default is 5).
            metadata_columns: item columns to return with each item (1-10).
            diversity: as in :meth:`for_profile` (the ``Diversity`` member).

        Returns:
            The profile found and its recommendations, best first.

        Raises:
            ValidationError: an argument breaks the API's constraints, or filters are
                given both in ``recommender`` and as arguments (nothing sent).
            ResourceNotFoundError: no profile matches the key, or the recommender, a
                filter or the domain does not exist.
            BadRequestError: the key matches several profiles (the search key must
                match exactly one), or the recommender or a filter cannot serve.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.local import LocalBackend
            >>> backend = LocalBackend()
            >>> cp = CustomerProfiles.local(backend=backend)
            >>> domain = cp.domains.create("docs-recommendations-search",
            ...     default_expiration_days=30, data_store={"enabled": True})
            >>> backend.set_catalog("docs-recommendations-search",
            ...                     [{"Id": "sku-1", "Name": "Boots"}])
            >>> _ = domain.recommenders.create("picks", recipe="popular-items").wait()
            >>> pid = domain.profiles.create({"email_address": "ana@example.com"})
            >>> found = domain.recommendations.search(
            ...     "_email", ["ana@example.com"], recommender="picks",
            ...     metadata_columns=["Name"])
            >>> found.profile_id == pid, found.recommendations[0].catalog_item.name
            (True, 'Boots')
        """
        operation = "SearchRecommendations"
        selection = (
            RecommenderSelection(name=recommender)
            if isinstance(recommender, str)
            else coerce(RecommenderSelection, recommender)
        )
        wire: dict[str, Any] = to_request(selection, "Recommender")
        found: builtins.list[_service.Violation] = []
        for member, given, cls, shape in (
            ("Filters", filters, RecommenderFilter, "RecommenderFilter"),
            ("PromotionalFilters", promotional_filters, RecommenderPromotionalFilter,
             "RecommenderPromotionalFilter"),
        ):  # fmt: skip
            if given is None:
                continue
            if wire.get(member) is not None:
                found.append(
                    _service.Violation(
                        f"Recommender.{member}", "given once", "in recommender and as an argument"
                    )
                )
            wire[member] = _list_of(cls, shape, given)
        params = {
            "DomainName": self._domain,
            "KeyName": key_name,
            "KeyValues": value_list(operation, "KeyValues", key_values),
            "Recommender": wire,
            "CandidateIds": None if candidate_ids is None else builtins.list(candidate_ids),
            "Context": None if context is None else dict(context),
            "Diversity": _diversity(diversity),
            "Metadata": None
            if metadata_columns is None
            else {"Columns": _columns(metadata_columns, operation, "Metadata.Columns")},
            "MaxRecommendations": max_recommendations,
        }
        if found:
            compact = {k: v for k, v in params.items() if v is not None}
            raise ValidationError(operation, [*found, *_service.check_request(operation, compact)])
        return _convert.from_wire(ProfileRecommendations, self._call(operation, params))
