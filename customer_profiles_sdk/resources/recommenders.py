"""Recommenders, their filters and schemas: ``domain.recommenders``,
``domain.recommenders.filters``, ``domain.recommenders.schemas``; the recipes they are
built from: ``cp.recommender_recipes``.

A recommender is trained asynchronously and moves through states (``PENDING`` ->
``IN_PROGRESS`` -> ``ACTIVE``; ``STOPPING`` -> ``INACTIVE``; ``STARTING`` -> ``ACTIVE``);
``.wait()`` polls until no transition is under way. Filters are activated
asynchronously too. All of them need a domain with the Data store enabled.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .. import _convert, _service
from .._convert import to_request
from .._polling import PollPolicy, wait_for
from ..errors import ValidationError
from ..models import (
    Recommender,
    RecommenderConfig,
    RecommenderFilterDefinition,
    RecommenderFilterSummary,
    RecommenderRecipe,
    RecommenderRecipeName,
    RecommenderSchema,
    RecommenderSchemaField,
    RecommenderSchemaSummary,
    RecommenderSummary,
)
from ..paging import Paged
from ._base import DomainResource, Resource, api, as_map, coerce

__all__ = [
    "RecommenderFilterHandle",
    "RecommenderFilters",
    "RecommenderHandle",
    "RecommenderRecipes",
    "RecommenderSchemas",
    "Recommenders",
]

#: Default deadline of a recommender's ``.wait()``, in seconds (training takes hours).
DEFAULT_TIMEOUT = 4 * 3600.0
#: Default deadline of a filter's ``.wait()``, in seconds.
DEFAULT_FILTER_TIMEOUT = 1800.0
#: The dataset keys of schemas and column maps ("The _webAnalytics and _catalogItem keys
#: are supported").
DATASETS = ("_webAnalytics", "_catalogItem")
#: Columns always used in training, which cannot be excluded (RecommenderConfig docs).
MANDATORY_COLUMNS = {
    "_webAnalytics": ("Item.Id", "EventTimestamp", "EventType"),
    "_catalogItem": ("Id",),
}
#: A diversity cap: "an integer literal (for example, "25") or a placeholder expression
#: of the form $name" (the model's pattern is not anchored).
_DIVERSITY_TARGET = re.compile(r"\d+|\$[a-z_]+")


def _plain(value: Any) -> Any:
    return None if value is None else _convert.converter.unstructure(value)


def _raise_if(
    operation: str, params: Mapping[str, Any], found: builtins.list[_service.Violation]
) -> None:
    """Raise every problem at once: the documented rules, then the model's constraints."""
    if found:
        compact = {k: v for k, v in params.items() if v is not None}
        raise ValidationError(operation, [*found, *_service.check_request(operation, compact)])


def _dataset_checks(path: str, keys: Any) -> builtins.list[_service.Violation]:
    return [
        _service.Violation(f"{path}.<key>", f"one of {', '.join(DATASETS)}", f"got {key!r}")
        for key in keys
        if key not in DATASETS
    ]


def _config_checks(config: Mapping[str, Any] | None) -> builtins.list[_service.Violation]:
    """The documented rules of a ``RecommenderConfig`` that the model cannot express."""
    if not config:
        return []
    found: builtins.list[_service.Violation] = []
    included = config.get("IncludedColumns")
    excluded = config.get("ExcludedColumns")
    if included is not None and excluded is not None:
        found.append(
            _service.Violation(
                "RecommenderConfig.ExcludedColumns",
                "mutually exclusive with IncludedColumns",
                "both given",
            )
        )
    for member, columns in (("IncludedColumns", included), ("ExcludedColumns", excluded)):
        if isinstance(columns, Mapping):
            found += _dataset_checks(f"RecommenderConfig.{member}", columns)
    if isinstance(excluded, Mapping):
        for dataset, names in excluded.items():
            mandatory = sorted(set(MANDATORY_COLUMNS.get(dataset, ())) & set(names or ()))
            if mandatory:
                found.append(
                    _service.Violation(
                        f"RecommenderConfig.ExcludedColumns[{dataset!r}]",
                        "no mandatory column (they are always used in training)",
                        f"names {', '.join(mandatory)}",
                    )
                )
    columns = (config.get("DiversityConfig") or {}).get("DiversityColumns") or []
    for i, column in enumerate(columns):
        target = column.get("Target")
        if isinstance(target, str) and not _DIVERSITY_TARGET.fullmatch(target):
            found.append(
                _service.Violation(
                    f"RecommenderConfig.DiversityConfig.DiversityColumns[{i}].Target",
                    "an integer (e.g. '25') or a placeholder $name",
                    f"got {target!r}",
                )
            )
    return found


def _config(config: RecommenderConfig | Mapping[str, Any] | None) -> dict[str, Any] | None:
    if config is None:
        return None
    wire: dict[str, Any] = to_request(coerce(RecommenderConfig, config), "RecommenderConfig")
    return wire


def _recommender_failure(retraining: bool) -> Callable[[Recommender], str | None]:
    def failure(recommender: Recommender) -> str | None:
        if recommender.status == "FAILED":
            return f"FAILED ({recommender.failure_reason or 'no reason given'})"
        if recommender.status == "DELETING":
            return "DELETING (the recommender is being deleted)"
        update = recommender.latest_recommender_update
        if retraining and update is not None and update.status == "FAILED":
            return f"retraining FAILED ({update.failure_reason or 'no reason given'})"
        return None

    return failure


def _recommender_done(retraining: bool) -> Callable[[Recommender], bool]:
    def done(recommender: Recommender) -> bool:
        if not recommender.settled:
            return False
        update = recommender.latest_recommender_update
        if retraining and recommender.status in ("ACTIVE", "INACTIVE") and update is not None:
            return update.status not in ("PENDING", "IN_PROGRESS")
        return True

    return done


def _filter_failure(found: RecommenderFilterDefinition) -> str | None:
    if found.status == "FAILED":
        return f"FAILED ({found.failure_reason or 'no reason given'})"
    if found.status == "DELETING":
        return "DELETING (the filter is being deleted)"
    return None


# --------------------------------------------------------------------------- handles


class RecommenderHandle:
    """A recommender: what :meth:`Recommenders.create` returns
    (``domain.recommenders.recommender(name)`` makes one for an existing recommender).
    Creating a handle makes no request.

    Attributes:
        name: the recommender's name.
        domain_name: the domain.
        arn: its ARN (``None`` for a handle on an existing recommender).
        tags: its tags as the creation answered them (``{}`` when unknown).
    """

    __slots__ = ("_recommenders", "arn", "domain_name", "name", "tags")

    def __init__(
        self,
        recommenders: Recommenders,
        name: str,
        *,
        arn: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> None:
        self._recommenders = recommenders
        self.domain_name = recommenders.domain_name
        self.name = name
        self.arn = arn
        self.tags = dict(tags or {})

    def get(self, *, training_metrics_count: int | None = None) -> Recommender:
        """The recommender's current state (``GetRecommender``); see :meth:`Recommenders.get`."""
        return self._recommenders.get(self.name, training_metrics_count=training_metrics_count)

    def start(self) -> None:
        """Start the stopped recommender (``StartRecommender``)."""
        self._recommenders.start(self.name)

    def stop(self) -> None:
        """Stop the recommender (``StopRecommender``)."""
        self._recommenders.stop(self.name)

    def delete(self) -> bool:
        """Delete the recommender (``DeleteRecommender``)."""
        return self._recommenders.delete(self.name)

    def wait(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        policy: PollPolicy | None = None,
        retraining: bool = False,
    ) -> Recommender:
        """Poll until no transition is under way; see :meth:`Recommenders.wait`."""
        return self._recommenders.wait(
            self.name, timeout=timeout, policy=policy, retraining=retraining
        )

    def __repr__(self) -> str:
        return f"RecommenderHandle(domain_name={self.domain_name!r}, name={self.name!r})"


class RecommenderFilterHandle:
    """A recommender filter: what :meth:`RecommenderFilters.create` returns.

    Attributes:
        name: the filter's name.
        domain_name: the domain.
        arn: its ARN (``None`` for a handle on an existing filter).
        tags: its tags as the creation answered them (``{}`` when unknown).
    """

    __slots__ = ("_filters", "arn", "domain_name", "name", "tags")

    def __init__(
        self,
        filters: RecommenderFilters,
        name: str,
        *,
        arn: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> None:
        self._filters = filters
        self.domain_name = filters.domain_name
        self.name = name
        self.arn = arn
        self.tags = dict(tags or {})

    def get(self) -> RecommenderFilterDefinition:
        """The filter's current state (``GetRecommenderFilter``)."""
        return self._filters.get(self.name)

    def delete(self) -> bool:
        """Delete the filter (``DeleteRecommenderFilter``)."""
        return self._filters.delete(self.name)

    def wait(
        self, timeout: float = DEFAULT_FILTER_TIMEOUT, *, policy: PollPolicy | None = None
    ) -> RecommenderFilterDefinition:
        """Poll until the filter is active; see :meth:`RecommenderFilters.wait`."""
        return self._filters.wait(self.name, timeout=timeout, policy=policy)

    def __repr__(self) -> str:
        return f"RecommenderFilterHandle(domain_name={self.domain_name!r}, name={self.name!r})"


# --------------------------------------------------------------------------- resources


class Recommenders(DomainResource):
    """The recommenders of a domain: ``domain.recommenders``.

    A recommender is trained with a recipe (``cp.recommender_recipes.list()``) on the
    domain's data, optionally restricted to the columns of a schema
    (:attr:`schemas`); once ``ACTIVE`` it serves ``domain.recommendations``, possibly
    through :attr:`filters`. The domain needs the Data store enabled.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-recommenders", default_expiration_days=30,
        ...                            data_store={"enabled": True})
        >>> picks = domain.recommenders.create("picks", recipe="popular-items")
        >>> trained = picks.wait()        # on the emulator: advances its clock
        >>> trained.status.value, sorted(trained.metrics)[:2]
        ('ACTIVE', ['coverage', 'freshness'])
    """

    __slots__ = ()

    @property
    def filters(self) -> RecommenderFilters:
        """The domain's recommender filters."""
        return RecommenderFilters(self._transport, self._domain)

    @property
    def schemas(self) -> RecommenderSchemas:
        """The domain's recommender schemas."""
        return RecommenderSchemas(self._transport, self._domain)

    def recommender(self, name: str) -> RecommenderHandle:
        """A handle on an existing recommender (no request)."""
        return RecommenderHandle(self, name)

    @api(
        "CreateRecommender",
        params={
            "RecommenderName": "name",
            "RecommenderRecipeName": "recipe",
            "RecommenderSchemaName": "schema_name",
            "RecommenderConfig": "config",
        },
        returns=("RecommenderArn", "Tags"),
    )
    def create(
        self,
        name: str,
        *,
        recipe: RecommenderRecipeName | str,
        schema_name: str | None = None,
        config: RecommenderConfig | Mapping[str, Any] | None = None,
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> RecommenderHandle:
        """Create a recommender (``CreateRecommender``); it is ``PENDING``, then trains.

        Args:
            name: the recommender's name (letters, digits, ``_`` and ``-``; at most 64).
            recipe: what it recommends, e.g. ``RecommenderRecipeName.RECOMMENDED_FOR_YOU``
                (see ``cp.recommender_recipes.list()``).
            schema_name: the schema whose columns it trains on (default: the service's
                default schema).
            config: events, retraining frequency (days, ``0`` for none), inference
                capacity, the columns to include or exclude, diversity caps; a
                :class:`~customer_profiles_sdk.RecommenderConfig` or a mapping of its
                fields.
            description: a description (personal data: masked in ``repr``).
            tags: tags of the recommender.

        Returns:
            A handle: ``.wait()`` polls until it is trained.

        Raises:
            ValidationError: an argument breaks the API's constraints or a documented
                rule (included and excluded columns together, a mandatory column
                excluded, a dataset other than ``_webAnalytics``/``_catalogItem``, a
                diversity target that is neither an integer nor ``$name``); nothing sent.
            ResourceNotFoundError: the domain or the schema does not exist.
            BadRequestError: the name is taken, the Data store is not enabled, or the
                service rejected the configuration.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-create", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> handle = domain.recommenders.create(
            ...     "for-you", recipe="recommended-for-you",
            ...     config={"training_frequency": 7,
            ...             "excluded_columns": {"_catalogItem": ["Price"]}})
            >>> handle.get().status.value
            'PENDING'
        """
        wire = _config(config)
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "RecommenderName": name,
            "RecommenderRecipeName": _plain(recipe),
            "RecommenderSchemaName": schema_name,
            "RecommenderConfig": wire,
            "Description": description,
            "Tags": as_map(tags),
        }
        _raise_if("CreateRecommender", params, _config_checks(wire))
        response = self._call("CreateRecommender", params)
        return RecommenderHandle(
            self, name, arn=response.get("RecommenderArn"), tags=response.get("Tags")
        )

    @api("GetRecommender", params={"RecommenderName": "name"}, output=Recommender)
    def get(self, name: str, *, training_metrics_count: int | None = None) -> Recommender:
        """Read a recommender: status, configuration, versions, metrics (``GetRecommender``).

        Args:
            name: the recommender.
            training_metrics_count: how many of the newest trainings' metrics to return
                (0-5; the service's default applies when ``None``).

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the recommender (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-get", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> domain.recommenders.create("trending", recipe="trending-now").wait()
            ... # doctest: +ELLIPSIS
            Recommender(...)
            >>> found = domain.recommenders.get("trending", training_metrics_count=5)
            >>> len(found.training_metrics), found.active_recommender_version_name[:9]
            (1, 'trending/')
        """
        params = {
            "DomainName": self._domain,
            "RecommenderName": name,
            "TrainingMetricsCount": training_metrics_count,
        }
        return _convert.from_wire(Recommender, self._call("GetRecommender", params))

    @api("ListRecommenders", output=RecommenderSummary)
    def list(self) -> Paged[RecommenderSummary]:
        """The domain's recommenders (``ListRecommenders``), lazily paged.

        Raises:
            ResourceNotFoundError: the domain does not exist (when iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-list", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> _ = domain.recommenders.create("popular", recipe="popular-items")
            >>> [(r.recommender_name, r.recipe_name.value) for r in domain.recommenders.list()]
            [('popular', 'popular-items')]
        """
        return self._paged("ListRecommenders", {"DomainName": self._domain}, RecommenderSummary)

    @api(
        "UpdateRecommender",
        params={
            "RecommenderName": "name",
            "RecommenderConfig": "config",
            "RecommenderVersionName": "version_name",
        },
        returns=("RecommenderName",),
    )
    def update(
        self,
        name: str,
        *,
        description: str | None = None,
        config: RecommenderConfig | Mapping[str, Any] | None = None,
        version_name: str | None = None,
    ) -> RecommenderHandle:
        """Change a recommender (``UpdateRecommender``).

        A new ``config`` retrains the recommender (see ``latest_recommender_update``);
        ``version_name`` makes an earlier trained version serve again (a roll-back).
        Only the arguments you pass are sent.

        Args:
            name: the recommender.
            description: a new description.
            config: a new configuration; it replaces the configuration once trained.
            version_name: the version to activate, ``<name>/<YYYY-MM-DDTHH-MM-SSZ>``.

        Returns:
            A handle: ``.wait(retraining=True)`` polls until the retraining has ended.

        Raises:
            ValidationError: an argument breaks the API's constraints or a documented
                rule of ``config`` (see :meth:`create`); nothing sent.
            ResourceNotFoundError: the recommender (or the domain) does not exist.
            BadRequestError: the recommender cannot be updated in its state, or the
                version does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-update", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> first = domain.recommenders.create("picks", recipe="popular-items").wait()
            >>> again = domain.recommenders.update(
            ...     "picks", config={"training_frequency": 0}).wait(retraining=True)
            >>> again.active_recommender_version_name != first.active_recommender_version_name
            True
        """
        wire = _config(config)
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "RecommenderName": name,
            "Description": description,
            "RecommenderConfig": wire,
            "RecommenderVersionName": version_name,
        }
        _raise_if("UpdateRecommender", params, _config_checks(wire))
        self._call("UpdateRecommender", params)
        return RecommenderHandle(self, name)

    @api("DeleteRecommender", params={"RecommenderName": "name"})
    def delete(self, name: str) -> bool:
        """Delete a recommender (``DeleteRecommender``); it is ``DELETING``, then gone.

        Returns:
            ``True`` if the deletion started, ``False`` if it did not exist.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).
            BadRequestError: it is already being deleted.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-delete", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> _ = domain.recommenders.create("old", recipe="popular-items")
            >>> domain.recommenders.delete("old"), domain.recommenders.delete("nothing")
            (True, False)
        """
        return self._delete_if_exists(
            "DeleteRecommender", {"DomainName": self._domain, "RecommenderName": name}
        )

    @api("StartRecommender", params={"RecommenderName": "name"})
    def start(self, name: str) -> None:
        """Start a stopped recommender (``StartRecommender``): ``STARTING``, then ``ACTIVE``.

        Raises:
            ResourceNotFoundError: the recommender (or the domain) does not exist.
            BadRequestError: it is not stopped (``INACTIVE``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-start", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> picks = domain.recommenders.create("picks", recipe="popular-items")
            >>> _ = picks.wait(); picks.stop(); _ = picks.wait()
            >>> domain.recommenders.start("picks")
            >>> picks.get().status.value, picks.wait().status.value
            ('STARTING', 'ACTIVE')
        """
        self._call("StartRecommender", {"DomainName": self._domain, "RecommenderName": name})

    @api("StopRecommender", params={"RecommenderName": "name"})
    def stop(self, name: str) -> None:
        """Stop a recommender (``StopRecommender``): ``STOPPING``, then ``INACTIVE``; it
        serves no recommendations until started again.

        Raises:
            ResourceNotFoundError: the recommender (or the domain) does not exist.
            BadRequestError: it is not ``ACTIVE``.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-stop", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> picks = domain.recommenders.create("picks", recipe="popular-items")
            >>> _ = picks.wait()
            >>> domain.recommenders.stop("picks")
            >>> picks.wait().status.value
            'INACTIVE'
        """
        self._call("StopRecommender", {"DomainName": self._domain, "RecommenderName": name})

    def wait(
        self,
        name: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        policy: PollPolicy | None = None,
        retraining: bool = False,
    ) -> Recommender:
        """Poll the recommender (``GetRecommender``) with back-off until no transition is
        under way: ``ACTIVE`` or ``INACTIVE``.

        On :meth:`CustomerProfiles.local <customer_profiles_sdk.CustomerProfiles.local>`
        waiting advances the emulated clock instead of sleeping.

        Args:
            name: the recommender.
            timeout: seconds to wait at most (default four hours).
            policy: the back-off between reads (default :class:`PollPolicy`).
            retraining: also wait until a retraining in progress
                (``latest_recommender_update``) has ended, e.g. after :meth:`update`.

        Returns:
            The recommender, ``ACTIVE`` (serving) or ``INACTIVE`` (stopped).

        Raises:
            JobFailedError: it is ``FAILED`` (``.last.failure_reason`` says why) or
                ``DELETING``, or (with ``retraining``) the retraining failed.
            WaitTimeoutError: a transition was still under way at the deadline.
            ResourceNotFoundError: the recommender (or the domain) does not exist.
        """
        return wait_for(
            lambda: self.get(name),
            done=_recommender_done(retraining),
            failed=_recommender_failure(retraining),
            what=f"recommender {name}",
            timeout=timeout,
            waiter=self._transport.waiter,
            policy=policy,
        )


class RecommenderFilters(DomainResource):
    """The recommender filters of a domain: ``domain.recommenders.filters``.

    A filter is an expression that includes or excludes items from recommendations
    (``EXCLUDE ItemID WHERE Items.Category IN ($CATEGORY)``); its ``$NAME``
    placeholders get values when recommendations are asked for. A new filter is
    ``PENDING`` and becomes ``ACTIVE`` (or ``FAILED``) asynchronously.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> domain = CustomerProfiles.local().domains.create(
        ...     "docs-recommender-filters", default_expiration_days=30,
        ...     data_store={"enabled": True})
        >>> no_shoes = domain.recommenders.filters.create(
        ...     "no-category", expression="EXCLUDE ItemID WHERE Items.Category IN ($CATEGORY)")
        >>> no_shoes.wait().status.value
        'ACTIVE'
    """

    __slots__ = ()

    def filter(self, name: str) -> RecommenderFilterHandle:
        """A handle on an existing filter (no request)."""
        return RecommenderFilterHandle(self, name)

    @api(
        "CreateRecommenderFilter",
        params={
            "RecommenderFilterName": "name",
            "RecommenderFilterExpression": "expression",
            "RecommenderSchemaName": "schema_name",
        },
        returns=("RecommenderFilterArn", "Tags"),
    )
    def create(
        self,
        name: str,
        *,
        expression: str,
        schema_name: str | None = None,
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> RecommenderFilterHandle:
        """Create a filter (``CreateRecommenderFilter``); it is ``PENDING``, then
        ``ACTIVE`` or ``FAILED``.

        Args:
            name: the filter's name, unique in the domain (letters, digits, ``_``, ``-``;
                at most 63).
            expression: which items to include or exclude (at most 2,500 characters).
            schema_name: the schema whose columns the expression uses (default: the
                service's default schema).
            description: a description.
            tags: tags of the filter.

        Returns:
            A handle: ``.wait()`` polls until the filter is active.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain or the schema does not exist.
            BadRequestError: the name is taken or the Data store is not enabled.
        """
        params = {
            "DomainName": self._domain,
            "RecommenderFilterName": name,
            "RecommenderFilterExpression": expression,
            "RecommenderSchemaName": schema_name,
            "Description": description,
            "Tags": as_map(tags),
        }
        response = self._call("CreateRecommenderFilter", params)
        return RecommenderFilterHandle(
            self, name, arn=response.get("RecommenderFilterArn"), tags=response.get("Tags")
        )

    @api(
        "GetRecommenderFilter",
        params={"RecommenderFilterName": "name"},
        output=RecommenderFilterDefinition,
    )
    def get(self, name: str) -> RecommenderFilterDefinition:
        """Read a filter: its expression, status and failure reason
        (``GetRecommenderFilter``).

        Raises:
            ResourceNotFoundError: the filter (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-filter-get", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> _ = domain.recommenders.filters.create("all", expression="show me everything")
            >>> domain.recommenders.filters.get("all").status.value
            'PENDING'
        """
        params = {"DomainName": self._domain, "RecommenderFilterName": name}
        response = self._call("GetRecommenderFilter", params)
        return _convert.from_wire(RecommenderFilterDefinition, response)

    @api("ListRecommenderFilters", output=RecommenderFilterSummary)
    def list(self) -> Paged[RecommenderFilterSummary]:
        """The domain's filters (``ListRecommenderFilters``), lazily paged.

        Raises:
            ResourceNotFoundError: the domain does not exist (when iterated).
        """
        return self._paged(
            "ListRecommenderFilters", {"DomainName": self._domain}, RecommenderFilterSummary
        )

    @api("DeleteRecommenderFilter", params={"RecommenderFilterName": "name"}, returns=("Message",))
    def delete(self, name: str) -> bool:
        """Delete a filter (``DeleteRecommenderFilter``).

        Returns:
            ``True`` if the filter was deleted, ``False`` if it did not exist.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-filter-delete", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> _ = domain.recommenders.filters.create("f", expression="EXCLUDE ItemID WHERE x")
            >>> domain.recommenders.filters.delete("f"), domain.recommenders.filters.delete("f")
            (True, False)
        """
        return self._delete_if_exists(
            "DeleteRecommenderFilter", {"DomainName": self._domain, "RecommenderFilterName": name}
        )

    def wait(
        self,
        name: str,
        *,
        timeout: float = DEFAULT_FILTER_TIMEOUT,
        policy: PollPolicy | None = None,
    ) -> RecommenderFilterDefinition:
        """Poll the filter (``GetRecommenderFilter``) with back-off until it is ``ACTIVE``.

        On :meth:`CustomerProfiles.local <customer_profiles_sdk.CustomerProfiles.local>`
        waiting advances the emulated clock instead of sleeping.

        Args:
            name: the filter.
            timeout: seconds to wait at most (default 30 minutes).
            policy: the back-off between reads (default :class:`PollPolicy`).

        Returns:
            The ``ACTIVE`` filter.

        Raises:
            JobFailedError: the filter ``FAILED`` (``.last.failure_reason`` says why, e.g.
                an invalid expression) or is being deleted.
            WaitTimeoutError: it was not active at the deadline.
            ResourceNotFoundError: the filter (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, JobFailedError
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-recommender-filter-wait", default_expiration_days=30,
            ...     data_store={"enabled": True})
            >>> _ = domain.recommenders.filters.create("bad", expression="show me everything")
            >>> try:
            ...     domain.recommenders.filters.wait("bad")
            ... except JobFailedError as failed:
            ...     print(failed.last.failure_reason)
            Invalid filter expression
        """
        return wait_for(
            lambda: self.get(name),
            done=lambda found: found.done,
            failed=_filter_failure,
            what=f"recommender filter {name}",
            timeout=timeout,
            waiter=self._transport.waiter,
            policy=policy,
        )


class RecommenderSchemas(DomainResource):
    """The recommender schemas of a domain: ``domain.recommenders.schemas``.

    A schema names, per dataset (``_webAnalytics`` for interaction events,
    ``_catalogItem`` for items), the columns that recommenders and filters may use.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> domain = CustomerProfiles.local().domains.create(
        ...     "docs-recommender-schemas", default_expiration_days=30,
        ...     data_store={"enabled": True})
        >>> schema = domain.recommenders.schemas.create("shop", fields={
        ...     "_webAnalytics": [{"target_field_name": "Location.City"}],
        ...     "_catalogItem": [{"target_field_name": "Category",
        ...                       "feature_type": "CATEGORICAL"}]})
        >>> schema.status.value, sorted(schema.fields)
        ('ACTIVE', ['_catalogItem', '_webAnalytics'])
    """

    __slots__ = ()

    @api(
        "CreateRecommenderSchema",
        params={"RecommenderSchemaName": "name"},
        output=RecommenderSchema,
    )
    def create(
        self,
        name: str,
        *,
        fields: Mapping[str, Sequence[RecommenderSchemaField | Mapping[str, Any]]],
        tags: Mapping[str, str] | None = None,
    ) -> RecommenderSchema:
        """Create a schema (``CreateRecommenderSchema``).

        Args:
            name: the schema's name, unique in the domain.
            fields: dataset (``"_webAnalytics"``, ``"_catalogItem"``) -> its columns
                (1-9 :class:`~customer_profiles_sdk.RecommenderSchemaField`, or mappings
                of their fields: ``target_field_name`` such as ``"Location.City"`` or
                ``"Attributes.MealTime"``, ``content_type``, ``feature_type``).
            tags: tags of the schema.

        Returns:
            The new schema, as the service answers it (with its ARN).

        Raises:
            ValidationError: an argument breaks the API's constraints, or a dataset is
                neither ``_webAnalytics`` nor ``_catalogItem`` (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the name is taken or the Data store is not enabled.
        """
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "RecommenderSchemaName": name,
            "Fields": {
                dataset: [
                    to_request(coerce(RecommenderSchemaField, c), "RecommenderSchemaField")
                    for c in columns
                ]
                for dataset, columns in fields.items()
            },
            "Tags": as_map(tags),
        }
        _raise_if("CreateRecommenderSchema", params, _dataset_checks("Fields", fields))
        response = self._call("CreateRecommenderSchema", params)
        return _convert.from_wire(RecommenderSchema, response)

    @api("GetRecommenderSchema", params={"RecommenderSchemaName": "name"}, output=RecommenderSchema)
    def get(self, name: str) -> RecommenderSchema:
        """Read a schema (``GetRecommenderSchema``).

        Raises:
            ResourceNotFoundError: the schema (or the domain) does not exist.
        """
        params = {"DomainName": self._domain, "RecommenderSchemaName": name}
        return _convert.from_wire(RecommenderSchema, self._call("GetRecommenderSchema", params))

    @api("ListRecommenderSchemas", output=RecommenderSchemaSummary)
    def list(self) -> Paged[RecommenderSchemaSummary]:
        """The domain's schemas (``ListRecommenderSchemas``), lazily paged.

        Raises:
            ResourceNotFoundError: the domain does not exist (when iterated).
        """
        return self._paged(
            "ListRecommenderSchemas", {"DomainName": self._domain}, RecommenderSchemaSummary
        )

    @api("DeleteRecommenderSchema", params={"RecommenderSchemaName": "name"})
    def delete(self, name: str) -> bool:
        """Delete a schema (``DeleteRecommenderSchema``).

        Returns:
            ``True`` if the schema was deleted, ``False`` if it did not exist.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).
            BadRequestError: a recommender or a filter still uses the schema.
        """
        return self._delete_if_exists(
            "DeleteRecommenderSchema", {"DomainName": self._domain, "RecommenderSchemaName": name}
        )


class RecommenderRecipes(Resource):
    """The recipes recommenders are built from: ``cp.recommender_recipes``.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> recipes = CustomerProfiles.local().recommender_recipes.list()
        >>> [r.name.value for r in recipes][:2]
        ['recommended-for-you', 'similar-items']
    """

    __slots__ = ()

    @api("ListRecommenderRecipes", bound=(), output=RecommenderRecipe)
    def list(self) -> Paged[RecommenderRecipe]:
        """Every recipe available to recommenders (``ListRecommenderRecipes``), lazily
        paged. Pages hold at least 10 recipes: a ``.page_size()`` below 10 is refused.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> [r.name.value for r in cp.recommender_recipes.list().limit(1)]
            ['recommended-for-you']
        """
        return self._paged("ListRecommenderRecipes", {}, RecommenderRecipe)

    def __repr__(self) -> str:
        return "RecommenderRecipes()"
