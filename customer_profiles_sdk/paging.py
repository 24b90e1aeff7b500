"""Lazy pagination over every ``NextToken`` operation: :class:`Paged` and :class:`Page`.

botocore ships no paginators for the Customer Profiles operations this SDK covers, so
the SDK has one generic implementation, driven by the service model (which member is
the token, which is the page size, and which list holds the results: ``Items``, or
``Matches`` for ``GetMatches``).

Example:
    >>> from customer_profiles_sdk import CustomerProfiles
    >>> cp = CustomerProfiles.local()
    >>> domains = cp.domains.list()          # nothing requested yet
    >>> [d.domain_name for d in domains.limit(10)]
    []
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import attrs

from . import _service
from .errors import CustomerProfilesError, ValidationError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Page", "Paged"]

T = TypeVar("T")
U = TypeVar("U")

#: Fetches one page: (continuation token, page size) -> (raw items, next token, response).
PageFetcher = Callable[[str | None, int | None], tuple[list[Any], str | None, Mapping[str, Any]]]

_MAX_PAGE_SIZE = 100
#: Rows shown by the notebook view of a :class:`Paged`.
_HTML_ROWS = 10


@functools.cache
def _min_page_size(operation: str) -> int:
    """The smallest ``MaxResults`` the operation accepts (1 when the model says none)."""
    if operation not in _service.service_model().operation_names:
        return 1  # a Paged built by hand (tests) over no real operation
    info = _service.paging_info(operation)
    shape = _service.operation_model(operation).input_shape
    if info is None or info.limit_key is None or shape is None:
        return 1
    return int(shape.members[info.limit_key].metadata.get("min", 1))


@attrs.frozen
class Page(Generic[T]):
    """One page of results.

    Attributes:
        items: the page's items, converted to models.
        next_token: the token of the next page, or ``None`` on the last page. Keep it to
            resume later with ``Paged.by_page(continuation_token=...)``.
        response: the page's other response members (e.g. ``PotentialMatches`` and
            ``MatchGenerationDate`` for ``GetMatches``), in wire names.
    """

    items: list[T]
    next_token: str | None
    response: Mapping[str, Any] = attrs.field(factory=dict)


class Paged(Generic[T]):
    """A lazy, re-iterable sequence of results spread over pages.

    Nothing is requested until the first item is needed; iterating again starts a new
    walk from the first page. :meth:`limit` and :meth:`page_size` return copies. There
    is no ``len()``: the service returns no totals.

    If a request fails in the middle of a walk, the raised error's
    ``continuation_token`` is the token of the page that failed, so the walk can be
    resumed with ``by_page(continuation_token=err.continuation_token)``.
    """

    __slots__ = ("_convert", "_fetch", "_limit", "_operation", "_page_size")

    def __init__(
        self,
        operation: str,
        fetch: PageFetcher,
        convert: Callable[[Any], T],
        *,
        limit: int | None = None,
        page_size: int | None = None,
    ) -> None:
        self._operation = operation
        self._fetch = fetch
        self._convert = convert
        self._limit = limit
        self._page_size = page_size

    @classmethod
    def from_operation(
        cls,
        call: Callable[[str, Mapping[str, Any]], dict[str, Any]],
        operation: str,
        params: Mapping[str, Any],
        convert: Callable[[Any], T],
        *,
        checked_call: Callable[..., dict[str, Any]] | None = None,
    ) -> Paged[T]:
        """Page through ``operation`` with ``params``, converting each raw item.

        Args:
            call: sends one request (normally ``Transport.call``).
            operation: a paged operation (see ``_service.paging_info``).
            params: the request members other than the token and page size.
            convert: turns one raw item (wire dict) into a model.
            checked_call: a ``call`` that takes ``checked=`` (``Transport.call``): the
                members of ``params``, validated here once, are then not validated
                again for each page (only the token and the page size are).
        """
        info = _service.paging_info(operation)
        if info is None:
            raise TypeError(f"{operation} does not page by NextToken")
        # Bad input fails here, where the list was asked for, not at the first next().
        violations = _service.check_request(
            operation, {k: v for k, v in params.items() if v is not None}
        )
        if violations:
            raise ValidationError(operation, violations)
        checked = frozenset(params)
        send: Callable[[str, Mapping[str, Any]], dict[str, Any]] = (
            call
            if checked_call is None
            else lambda op, request: checked_call(op, request, checked=checked)
        )

        def fetch(
            token: str | None, size: int | None
        ) -> tuple[list[Any], str | None, Mapping[str, Any]]:
            request = dict(params)
            request[info.input_token] = token
            if info.limit_key is not None:
                request[info.limit_key] = size
            response = dict(send(operation, request))  # never mutate the caller's dict
            items = list(response.pop(info.result_key, None) or [])
            next_token = response.pop(info.output_token, None) or None
            return items, next_token, response

        return cls(operation, fetch, convert)

    # ------------------------------------------------------------------ copies

    def limit(self, count: int) -> Paged[T]:
        """A copy that yields at most ``count`` items (and requests no more than needed)."""
        if count < 0:
            raise ValueError(f"limit must be >= 0, got {count}")
        return Paged(
            self._operation, self._fetch, self._convert, limit=count, page_size=self._page_size
        )

    def page_size(self, size: int) -> Paged[T]:
        """A copy that asks for ``size`` items per page (``MaxResults``, 1 to 100)."""
        if not 1 <= size <= _MAX_PAGE_SIZE:
            violation = _service.Violation("MaxResults", "between 1 and 100", f"got {size}")
            raise ValidationError(self._operation, [violation])
        return Paged(self._operation, self._fetch, self._convert, limit=self._limit, page_size=size)

    # ------------------------------------------------------------------ walking

    def by_page(self, continuation_token: str | None = None) -> Iterator[Page[T]]:
        """Yield pages, starting after ``continuation_token`` (``None``: the first page).

        A :meth:`limit` applies across pages: the last page yielded is cut to fit.
        """
        token = continuation_token
        remaining = self._limit
        while remaining is None or remaining > 0:
            size = self._page_size
            if remaining is not None and (size is None or size > remaining):
                # Ask for no more than needed, but never fewer than the operation allows
                # (ListRecommenderRecipes pages by 10 at least); the page is cut below.
                size = max(min(remaining, _MAX_PAGE_SIZE), _min_page_size(self._operation))
            try:
                raw, next_token, response = self._fetch(token, size)
            except CustomerProfilesError as exc:
                exc.continuation_token = token
                raise
            items = [self._convert(item) for item in raw]
            if remaining is not None:
                items = items[:remaining]
                remaining -= len(items)
            yield Page(items, next_token, response)
            if next_token is None:
                return
            token = next_token

    def __iter__(self) -> Iterator[T]:
        for page in self.by_page():
            yield from page.items

    def first(self) -> T | None:
        """The first item, or ``None`` when there is none (requests one page at most)."""
        return next(iter(self.limit(1)), None)

    def to_list(self) -> list[T]:
        """Every item, fetching every page."""
        return list(self)

    def map(self, fn: Callable[[T], U]) -> Paged[U]:
        """A copy whose items are ``fn(item)``."""
        convert = self._convert
        return Paged(
            self._operation,
            self._fetch,
            lambda raw: fn(convert(raw)),
            limit=self._limit,
            page_size=self._page_size,
        )

    # ------------------------------------------------------------------ notebook views

    def to_pandas(
        self,
        *,
        max_items: int | None = None,
        columns: Sequence[str] | Literal["all"] | None = None,
        typed: bool = True,
        progress: bool | None = None,
    ) -> pd.DataFrame:
        """The items as a pandas ``DataFrame``, nested members flattened into columns.

        Fetches every page (or only the pages needed for ``max_items``); see
        :func:`customer_profiles_sdk._display.to_pandas` for the columns and types.
        Personal data is included.

        Args:
            max_items: fetch at most this many items (combined with :meth:`limit`).
            columns: the columns to keep; default: those with a value in some row;
                ``"all"``: every column of the model.
            typed: numbers, booleans and timestamps sent as strings become typed.
            progress: a ``tqdm.auto`` progress bar while fetching: ``None`` (default)
                when the walk takes more than 2 seconds and tqdm is installed,
                ``True`` always, ``False`` never.

        Raises:
            ImportError: pandas is not installed
                (``pip install 'customer-profiles-sdk[pandas]'``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> _ = cp.domains.create("docs-pandas", default_expiration_days=365)
            >>> list(cp.domains.list().to_pandas(max_items=5)["domain_name"])
            ['docs-pandas']
        """
        from . import _display  # the notebook helpers load on first use

        _display.require_pandas()  # fail on a missing pandas before any request
        paged = self
        if max_items is not None:
            paged = self.limit(max_items if self._limit is None else min(max_items, self._limit))
        items = list(_display.progress(paged, enabled=progress, desc=self._operation))
        return _display.to_pandas(items, columns=columns, typed=typed)

    def _repr_html_(self) -> str:
        """Jupyter's view: the first items as a table, from one request at most.

        Shows up to 10 items of the first page, columns flattened from the models
        (personal data shown), and says when more items exist. It never walks further
        than the first page: use iteration, :meth:`to_list` or :meth:`to_pandas` for
        everything.
        """
        from . import _display  # the notebook helpers load on first use

        paged = self
        if self._page_size is None:  # ask for one more row than shown: tells if more exist
            paged = self.page_size(_HTML_ROWS + 1)
        page = next(paged.by_page(), None)
        items = page.items if page is not None else []
        more = len(items) > _HTML_ROWS
        if page is not None and page.next_token is not None:
            more = more or self._limit is None or self._limit > len(items)
        return _display.table_html(items[:_HTML_ROWS], title=repr(self), more=more)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        """IPython's plain-text view: the ``repr``; it sends no request.

        Jupyter asks for this view and for :meth:`_repr_html_` at each display, so only
        the HTML view fetches (one page), and a terminal never fetches.
        """
        p.text(f"{self!r}  # lazy: iterate, .to_list() or .to_pandas() to fetch")

    def __repr__(self) -> str:
        parts = [self._operation]
        if self._limit is not None:
            parts.append(f"limit={self._limit}")
        if self._page_size is not None:
            parts.append(f"page_size={self._page_size}")
        return f"Paged({', '.join(parts)})"
