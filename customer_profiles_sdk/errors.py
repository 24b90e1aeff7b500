"""The SDK's exceptions.

::

    CustomerProfilesError
    ├── ValidationError            raised before sending: the request breaks the model
    ├── ServiceError               the service answered an error
    │   ├── BadRequestError              400 BadRequestException
    │   ├── AccessDeniedError            403 AccessDeniedException
    │   ├── ResourceNotFoundError        404 ResourceNotFoundException
    │   ├── ThrottlingError              429 ThrottlingException
    │   └── InternalServerError          500 InternalServerException
    └── ConnectionError            the service could not be reached (after retries)

Service errors are mapped from botocore's ``ClientError`` through one registry keyed
by error code (:func:`service_error_from`); a code the SDK does not know still maps to
:class:`ServiceError`.

Example:
    >>> from customer_profiles_sdk.errors import ResourceNotFoundError, ServiceError
    >>> issubclass(ResourceNotFoundError, ServiceError)
    True
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Any, ClassVar

from ._service import Violation

__all__ = [
    "AccessDeniedError",
    "BadRequestError",
    "ConnectionError",
    "CustomerProfilesError",
    "InternalServerError",
    "ResourceNotFoundError",
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
    """

    continuation_token: str | None = None


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


class ServiceError(CustomerProfilesError):
    """The service answered with an error.

    Attributes:
        code: the service's error code, e.g. ``"ResourceNotFoundException"``.
        message: the service's message (for people; do not parse it).
        status_code: the HTTP status, when known.
        request_id: the ``x-amzn-RequestId`` of the failed request, for support cases.
        operation: the API operation that failed.
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
    ) -> None:
        self.code = code or self.error_code or "Unknown"
        self.message = message
        self.status_code = status_code
        self.request_id = request_id
        self.operation = operation
        where = f"{operation}: " if operation else ""
        rid = f" (request id {request_id})" if request_id else ""
        super().__init__(f"{where}{self.code}: {message}{rid}")


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


class ConnectionError(CustomerProfilesError, builtins.ConnectionError):
    """The service could not be reached, or the connection broke, after all retries."""


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
    )
