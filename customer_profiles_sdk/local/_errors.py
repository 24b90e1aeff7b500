"""Service errors the emulator answers, in the service's own vocabulary.

A handler raises :class:`ServiceFault`; the wire layer turns it into an HTTP response
with the status, ``x-amzn-ErrorType`` header and JSON ``Message`` body of the real
service (see ``service-spec.md`` section 1.2).
"""

from __future__ import annotations

#: HTTP status of every error code the model declares for the seed operations.
STATUS_BY_CODE: dict[str, int] = {
    "BadRequestException": 400,
    "AccessDeniedException": 403,
    "ResourceNotFoundException": 404,
    "ThrottlingException": 429,
    "InternalServerException": 500,
}


class ServiceFault(Exception):  # noqa: N818 - the service's own word, not a local error
    """An error answer of the emulated service.

    Args:
        code: the modeled error code, e.g. ``"BadRequestException"``.
        message: the human-readable ``Message``; clients must not parse it.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    @property
    def status(self) -> int:
        """The HTTP status code of this error."""
        return STATUS_BY_CODE.get(self.code, 400)


def bad_request(message: str) -> ServiceFault:
    """A ``BadRequestException`` (400): invalid input or a broken semantic rule."""
    return ServiceFault("BadRequestException", message)


def not_found(message: str) -> ServiceFault:
    """A ``ResourceNotFoundException`` (404): the subject of the call does not exist."""
    return ServiceFault("ResourceNotFoundException", message)
