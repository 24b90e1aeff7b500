"""The SDK's exceptions.

::

    CustomerProfilesError
    ├── ValidationError            raised before sending: the request breaks the model
    ├── ServiceError               the service answered an error (also a botocore ClientError)
    │   ├── BadRequestError              400 BadRequestException
    │   ├── AccessDeniedError            403 AccessDeniedException
    │   ├── ResourceNotFoundError        404 ResourceNotFoundException
    │   ├── ThrottlingError              429 ThrottlingException
    │   └── InternalServerError          500 InternalServerException
    └── ServiceConnectionError     the service could not be reached (after retries)

Service errors are mapped from botocore's ``ClientError`` through one registry keyed
by error code (:func:`service_error_from`); a code the SDK does not know still maps to
:class:`ServiceError`. Every :class:`ServiceError` is also a
``botocore.exceptions.ClientError`` with the same ``.response`` and ``.operation_name``,
so code written for boto3 (``except ClientError as e: e.response["Error"]["Code"]``)
keeps catching the SDK's errors. :class:`ServiceConnectionError` is also Python's
built-in ``ConnectionError`` (``ConnectionError`` here is a deprecated alias of it,
kept for old imports and left out of ``__all__`` so that a star import never shadows
the built-in).

Example:
    >>> from customer_profiles_sdk.errors import ResourceNotFoundError, ServiceError
    >>> issubclass(ResourceNotFoundError, ServiceError)
    True
"""

from __future__ import annotations

import builtins
import typing
from collections.abc import Iterable
from typing import Any, ClassVar

import botocore.exceptions

from ._service import Violation

__all__ = [
    "AccessDeniedError",
    "BadRequestError",
    "CustomerProfilesError",
    "InternalServerError",
    "ResourceNotFoundError",
    "ServiceConnectionError",
    "ServiceError",
    "ThrottlingError",
    "ValidationError",
    "Violation",
    "service_error_from",
]


class CustomerProfilesError(Exception):
    """Base class of every error the SDK raises.

    Attributes:
        continuation_token: set when the error interrupted a paginated walk: the
            ``NextToken`` of the page that failed (``None`` for the first page). Pass it
            to ``Paged.by_page(continuation_token=...)`` to resume where the walk stopped.
        earlier_attempt_may_have_committed: ``True`` when an earlier attempt of the same
            call failed in a way that may have applied it (a 5xx answer or a lost
            connection) before this error ended the retries: e.g. a ``DeleteProfile``
            that committed, answered 500, and whose retry found nothing to delete (404).
    """

    continuation_token: str | None = None
    earlier_attempt_may_have_committed: bool = False


class ValidationError(CustomerProfilesError, ValueError):
    """A request breaks the service model's constraints; nothing was sent.

    Every problem of the request is reported at once. Values of members that hold
    personal data are never echoed.

    Attributes:
        operation: the API operation that was about to be called, e.g. ``"CreateDomain"``.
        violations: each broken constraint, with its field path.

    Example:
        >>> from customer_profiles_sdk.errors import ValidationError, Violation
        >>> bad = Violation("DomainName", "max length 64", "got 500 characters")
        >>> err = ValidationError("CreateDomain", [bad])
        >>> err.fields
        ['DomainName']
    """

    def __init__(self, operation: str, violations: Iterable[Violation]) -> None:
        self.operation = operation
        self.violations: tuple[Violation, ...] = tuple(violations)
        count = len(self.violations)
        listing = "; ".join(str(v) for v in self.violations)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{operation}: invalid request, {count} {noun}: {listing}")

    @property
    def fields(self) -> list[str]:
        """The paths of the offending fields, in the order found."""
        return [v.path for v in self.violations]


class ServiceError(CustomerProfilesError, botocore.exceptions.ClientError):
    """The service answered with an error.

    It is also a ``botocore.exceptions.ClientError``: ``.response`` is botocore's parsed
    error response (``{"Error": {"Code", "Message"}, "ResponseMetadata": {...}}``) and
    ``.operation_name`` the operation, so ``except ClientError`` handlers written for
    boto3 keep working.

    Attributes:
        code: the service's error code, e.g. ``"ResourceNotFoundException"``.
        message: the service's message (for people; do not parse it).
        status_code: the HTTP status, when known.
        request_id: the ``x-amzn-RequestId`` of the failed request, for support cases.
        operation: the API operation that failed (also ``operation_name``).

    Example:
        >>> from botocore.exceptions import ClientError
        >>> err = ResourceNotFoundError("Domain nope not found", operation="GetDomain")
        >>> isinstance(err, ClientError), err.response["Error"]["Code"]
        (True, 'ResourceNotFoundException')
    """

    #: The error code this class stands for (``None`` on the generic base).
    error_code: ClassVar[str | None] = None

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status_code: int | None = None,
        request_id: str | None = None,
        operation: str | None = None,
        response: dict[str, Any] | None = None,
    ) -> None:
        self.code = code or self.error_code or "Unknown"
        self.message = message
        self.status_code = status_code
        self.request_id = request_id
        self.operation = operation
        self.operation_name = operation or "Unknown"
        meta: dict[str, Any] = {}
        if status_code is not None:
            meta["HTTPStatusCode"] = status_code
        if request_id:
            meta["RequestId"] = request_id
        self.response = typing.cast(  # botocore-stubs' TypedDict of ClientError.response
            Any,
            response
            or {"Error": {"Code": self.code, "Message": message}, "ResponseMetadata": meta},
        )
        where = f"{operation}: " if operation else ""
        rid = f" (request id {request_id})" if request_id else ""
        # Not ClientError.__init__: its message format and arguments are botocore's.
        Exception.__init__(self, f"{where}{self.code}: {message}{rid}")

    def __reduce__(self) -> Any:
        kwargs = {
            "code": self.code,
            "status_code": self.status_code,
            "request_id": self.request_id,
            "operation": self.operation,
            "response": self.response,
        }
        return (_rebuild, (type(self), self.message, kwargs))


def _rebuild(cls: type[ServiceError], message: str, kwargs: dict[str, Any]) -> ServiceError:
    return cls(message, **kwargs)


_REGISTRY: dict[str, type[ServiceError]] = {}


def _registered(cls: type[ServiceError]) -> type[ServiceError]:
    assert cls.error_code is not None
    _REGISTRY[cls.error_code] = cls
    return cls


@_registered
class BadRequestError(ServiceError):
    """400 ``BadRequestException``: the service rejected the input."""

    error_code = "BadRequestException"


@_registered
class AccessDeniedError(ServiceError):
    """403 ``AccessDeniedException``: the caller lacks permission."""

    error_code = "AccessDeniedException"


@_registered
class ResourceNotFoundError(ServiceError):
    """404 ``ResourceNotFoundException``: the named resource does not exist."""

    error_code = "ResourceNotFoundException"


@_registered
class ThrottlingError(ServiceError):
    """429 ``ThrottlingException``: the request rate was exceeded (retried by default)."""

    error_code = "ThrottlingException"


@_registered
class InternalServerError(ServiceError):
    """500 ``InternalServerException``: a fault in the service."""

    error_code = "InternalServerException"


class ServiceConnectionError(CustomerProfilesError, builtins.ConnectionError):
    """The service could not be reached, or the connection broke, after all retries.

    Also Python's built-in ``ConnectionError`` (and ``OSError``)."""


#: Deprecated alias of :class:`ServiceConnectionError` (not in ``__all__``: a star import
#: must not shadow the built-in ``ConnectionError``).
ConnectionError = ServiceConnectionError


def service_error_from(response: dict[str, Any], operation: str | None) -> ServiceError:
    """Build the SDK error for a botocore error response (``ClientError.response``).

    Args:
        response: the parsed error response: ``{"Error": {"Code", "Message"},
            "ResponseMetadata": {"HTTPStatusCode", "RequestId"}}``.
        operation: the API operation that failed.

    Returns:
        An instance of the class registered for the code. An unregistered code (e.g. an
        HTML 502/503/504 from a gateway, whose code botocore reports as ``"503"``) maps
        by HTTP status: 429 to :class:`ThrottlingError`, 5xx to
        :class:`InternalServerError`, anything else to :class:`ServiceError`.
    """
    error = response.get("Error", {})
    meta = response.get("ResponseMetadata", {})
    code = str(error.get("Code") or "Unknown")
    status = meta.get("HTTPStatusCode")
    cls = _REGISTRY.get(code)
    if cls is None:
        if status == 429:
            cls = ThrottlingError
        elif isinstance(status, int) and 500 <= status < 600:
            cls = InternalServerError
        else:
            cls = ServiceError
    return cls(
        str(error.get("Message") or response.get("Message") or ""),
        code=code,
        status_code=status,
        request_id=meta.get("RequestId") or None,
        operation=operation,
        response=response,
    )
