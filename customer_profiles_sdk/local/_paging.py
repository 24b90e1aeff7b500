"""Paging for the emulator: page sizes and opaque, signed ``NextToken`` values.

:class:`Pager` takes ``NextToken`` and ``MaxResults`` out of the request before the
handler runs (:meth:`Pager.begin`) and cuts the page from the handler's result
afterwards (:meth:`Pager.finish`, under the backend's lock). The result list a handler
returns is either

* a plain list, the whole ordered result: the page is sliced out of it and the token
  holds the offset of the next page (operations whose lists stay small); or
* a :class:`Seekable` result, for lists that may be long: the pager asks it for the
  items strictly after a *cursor* (a small JSON list naming the last item of the
  previous page, e.g. its creation sequence) and the token holds that cursor. A page
  then costs the page (plus a look-ahead of one item, which decides whether a
  ``NextToken`` is issued), not the list; and items created or deleted between pages
  do not shift the next page (no duplicates, no skipped items).

A token is ``base64url(JSON [operation, fingerprint, position]) + "." +
base64url(HMAC)``, where the position is an offset (an int) or a cursor (a list):
opaque to clients, and bound to one operation and one request (the fingerprint covers
the region and every request member except ``NextToken`` and ``MaxResults``, so a page
size may change between pages). A tampered token, garbage, an offset token where a
cursor is expected (or the reverse), or a token used for another operation or another
request is answered with ``BadRequestException``. [A] (spec 1.5)
"""

from __future__ import annotations

import abc
import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ._errors import ServiceFault, bad_request
from ._model import Paging

#: Page size when ``MaxResults`` is absent: 20 for SearchProfiles (model doc), 100 for
#: every other operation. [A] (spec 1.5, ambiguity 19)
DEFAULT_PAGE_SIZE = 100
DEFAULT_PAGE_SIZES: dict[str, int] = {"SearchProfiles": 20}

_SIGNATURE_BYTES = 16

#: Where a seekable result resumes: a small JSON list (ints, floats, strings) naming the
#: last item of the previous page in the result's order.
Cursor = list[Any]


class Seekable(abc.ABC):
    """A handler's ordered result list that can start a page after a cursor.

    Only for a paged operation's result list: :meth:`Pager.finish` calls :meth:`page`
    and puts the rendered items in the response before anything serialises it.
    """

    @abc.abstractmethod
    def page(self, after: Cursor | None, size: int) -> tuple[list[Any], Cursor | None]:
        """The rendered items strictly after ``after`` (from the start when ``None``), at
        most ``size``; and the cursor of the last one returned if at least one more item
        follows, else ``None``."""


class SeekableItems(Seekable):
    """A :class:`Seekable` made of a walk and a renderer.

    Args:
        walk: ``walk(after)`` iterates ``(cursor, record)`` pairs in the result's order,
            strictly after ``after`` (from the start when ``None``), yielding only the
            records that belong to the result (checked and filtered there). It is read
            lazily: a page reads ``size + 1`` pairs at most.
        render: turns a record into its wire item; called for the page's records only.
    """

    __slots__ = ("_render", "_walk")

    def __init__(
        self,
        walk: Callable[[Cursor | None], Iterator[tuple[Cursor, Any]]],
        render: Callable[[Any], Any],
    ) -> None:
        self._walk = walk
        self._render = render

    def page(self, after: Cursor | None, size: int) -> tuple[list[Any], Cursor | None]:
        records: list[Any] = []
        last: Cursor | None = None
        for cursor, record in self._walk(after):
            if len(records) >= size:  # one more follows: the page ends at ``last``
                return [self._render(r) for r in records], last
            records.append(record)
            last = cursor
        return [self._render(r) for r in records], None


@dataclass(frozen=True)
class Page:
    """Where the requested page starts and how many items it holds.

    Attributes:
        offset: the offset an offset token carried (0 for a first page).
        size: the page size (``MaxResults`` or the operation's default).
        fingerprint: the request's fingerprint (see the module docstring).
        after: the cursor a cursor token carried (``None`` otherwise).
    """

    offset: int
    size: int
    fingerprint: str
    after: Cursor | None = None


def _invalid() -> ServiceFault:
    return bad_request("The NextToken is not valid")


class Pager:
    """Issues and checks page tokens with an HMAC key of its own.

    Args:
        key: the signing key; a fresh random key by default (tokens then do not
            survive a restart of the emulator). [A]
    """

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key if key is not None else secrets.token_bytes(32)

    def begin(
        self, operation: str, info: Paging, params: dict[str, Any], region: str
    ) -> tuple[dict[str, Any], Page]:
        """Remove the paging members from ``params`` and decode the requested page.

        Returns:
            The request without ``NextToken``/``MaxResults``, and the page to cut.

        Raises:
            ServiceFault: ``BadRequestException`` for an invalid token.
        """
        rest = dict(params)
        token = rest.pop(info.input_token, None)
        size = rest.pop(info.limit_key, None) if info.limit_key else None
        fingerprint = self._fingerprint(operation, rest, region)
        position: int | Cursor = 0
        if token is not None:
            position = self._decode(operation, fingerprint, str(token))
        if size is None:
            size = DEFAULT_PAGE_SIZES.get(operation, DEFAULT_PAGE_SIZE)
        if isinstance(position, list):
            return rest, Page(0, int(size), fingerprint, position)
        return rest, Page(position, int(size), fingerprint)

    def finish(
        self, operation: str, info: Paging, result: dict[str, Any], page: Page
    ) -> dict[str, Any]:
        """Cut the page out of the handler's result; add ``NextToken`` if more follow.

        Raises:
            ServiceFault: ``BadRequestException`` when the token's kind (offset or
                cursor) does not fit the result.
        """
        out = dict(result)
        out.pop(info.output_token, None)
        items = out.get(info.result_key)
        if items is None:
            return out
        if isinstance(items, Seekable):
            if page.offset:  # an offset token where a cursor is expected
                raise _invalid()
            rendered, cursor = items.page(page.after, page.size)
            out[info.result_key] = rendered
            if cursor is not None:
                out[info.output_token] = self._encode(operation, page.fingerprint, cursor)
            return out
        if page.after is not None:  # a cursor token where an offset is expected
            raise _invalid()
        end = page.offset + page.size
        out[info.result_key] = list(items[page.offset : end])
        if end < len(items):
            out[info.output_token] = self._encode(operation, page.fingerprint, end)
        return out

    # ----------------------------------------------------------------- internals

    @staticmethod
    def _fingerprint(operation: str, params: dict[str, Any], region: str) -> str:
        canonical = json.dumps([operation, region, params], sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()[:_SIGNATURE_BYTES]

    def _encode(self, operation: str, fingerprint: str, position: int | Cursor) -> str:
        payload = json.dumps([operation, fingerprint, position], separators=(",", ":")).encode()
        return f"{_b64(payload)}.{_b64(self._sign(payload))}"

    def _decode(self, operation: str, fingerprint: str, token: str) -> int | Cursor:
        invalid = _invalid()
        try:
            head, _, tail = token.partition(".")
            payload = _unb64(head)
            signature = _unb64(tail)
        except (ValueError, binascii.Error):
            raise invalid from None
        # Only the canonical encoding is accepted (base64 tails carry unused bits).
        if _b64(payload) != head or _b64(signature) != tail:
            raise invalid
        if not head or not hmac.compare_digest(signature, self._sign(payload)):
            raise invalid
        try:
            op, fp, position = json.loads(payload)
        except (ValueError, TypeError):
            raise invalid from None
        if op != operation:
            raise bad_request(f"The NextToken was issued for {op}, not for {operation}")
        is_offset = isinstance(position, int) and not isinstance(position, bool)
        if fp != fingerprint or not (
            (is_offset and position >= 0) or (isinstance(position, list) and position)
        ):
            raise bad_request(
                "The NextToken was issued for a different request: "
                "send the same parameters as the first page (MaxResults may change)"
            )
        assert isinstance(position, (int, list))
        return position


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
