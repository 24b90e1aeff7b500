"""Paging for the emulator: page sizes and opaque, signed ``NextToken`` values.

Handlers return the whole ordered result list; :class:`Pager` takes ``NextToken`` and
``MaxResults`` out of the request before the handler runs (:meth:`Pager.begin`) and
slices the handler's list afterwards (:meth:`Pager.finish`, under the backend's lock).
A handler whose items are costly to render returns :class:`LazyItems`: the ordered
records, rendered only for the page that is cut.

A token is ``base64url(JSON [operation, fingerprint, offset]) + "." + base64url(HMAC)``:
opaque to clients, and bound to one operation and one request (the fingerprint covers
the region and every request member except ``NextToken`` and ``MaxResults``, so a page
size may change between pages). A tampered token, garbage, or a token used for another
operation or another request is answered with ``BadRequestException``. [A] (spec 1.5)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, overload

from ._errors import bad_request
from ._model import Paging

#: Page size when ``MaxResults`` is absent: 20 for SearchProfiles (model doc), 100 for
#: every other operation. [A] (spec 1.5, ambiguity 19)
DEFAULT_PAGE_SIZE = 100
DEFAULT_PAGE_SIZES: dict[str, int] = {"SearchProfiles": 20}

_SIGNATURE_BYTES = 16


class LazyItems(Sequence[Any]):
    """A handler's ordered result list whose items are rendered on access: slicing out a
    page renders that page only (a page costs its own items, not the whole list's).

    Only for a paged operation's result list: :meth:`Pager.finish` turns the page into a
    plain list before anything serialises it.
    """

    __slots__ = ("_records", "_render")

    def __init__(self, records: Sequence[Any], render: Callable[[Any], Any]) -> None:
        self._records = records
        self._render = render

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._render(record) for record in self._records[index]]
        return self._render(self._records[index])


@dataclass(frozen=True)
class Page:
    """Where the requested page starts and how many items it holds."""

    offset: int
    size: int
    fingerprint: str


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
        offset = 0 if token is None else self._decode(operation, fingerprint, str(token))
        if size is None:
            size = DEFAULT_PAGE_SIZES.get(operation, DEFAULT_PAGE_SIZE)
        return rest, Page(offset, int(size), fingerprint)

    def finish(
        self, operation: str, info: Paging, result: dict[str, Any], page: Page
    ) -> dict[str, Any]:
        """Cut the handler's whole list down to the page; add ``NextToken`` if more remain."""
        out = dict(result)
        out.pop(info.output_token, None)
        items = out.get(info.result_key)
        if items is None:
            return out
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

    def _encode(self, operation: str, fingerprint: str, offset: int) -> str:
        payload = json.dumps([operation, fingerprint, offset], separators=(",", ":")).encode()
        return f"{_b64(payload)}.{_b64(self._sign(payload))}"

    def _decode(self, operation: str, fingerprint: str, token: str) -> int:
        invalid = bad_request("The NextToken is not valid")
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
            op, fp, offset = json.loads(payload)
        except (ValueError, TypeError):
            raise invalid from None
        if op != operation:
            raise bad_request(f"The NextToken was issued for {op}, not for {operation}")
        if fp != fingerprint or not isinstance(offset, int) or offset < 0:
            raise bad_request(
                "The NextToken was issued for a different request: "
                "send the same parameters as the first page (MaxResults may change)"
            )
        return offset


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
