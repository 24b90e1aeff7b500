"""customer-profiles-sdk: a typed, high-level SDK for Amazon Connect Customer Profiles.

Example:
    >>> from customer_profiles_sdk import CustomerProfiles, Profile
    >>> cp = CustomerProfiles.local()                 # embedded emulator
    >>> domain = cp.domains.create("docs-root", default_expiration_days=365)
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from . import models
from ._lazy import attach
from ._version import __version__
from .client import CustomerProfiles
from .errors import (
    AccessDeniedError,
    BadRequestError,
    CustomerProfilesError,
    InternalServerError,
    ResourceNotFoundError,
    ServiceConnectionError,
    ServiceError,
    ThrottlingError,
    ValidationError,
)
from .errors import (
    ConnectionError as ConnectionError,  # deprecated alias, not in __all__
)
from .retry import RetryPolicy

if TYPE_CHECKING:
    from ._bulk import (
        BatchResult,
        BulkLoadError,
        BulkProgress,
        BulkResult,
        FailedObject,
        StoredObject,
    )
    from ._display import to_pandas
    from ._polling import JobFailedError, PollPolicy, WaitTimeoutError
    from .models import *  # noqa: F403  (the models package defines the public model list)
    from .models._base import show_personal_data
    from .paging import Page, Paged
    from .resources.tags import (
        calculated_attribute_arn,
        domain_arn,
        domain_object_type_arn,
        event_stream_arn,
        event_trigger_arn,
        integration_arn,
        layout_arn,
        object_type_arn,
    )

#: Names imported on first use (the models, paging, polling, bulk loading, notebook
#: helpers), so that ``import customer_profiles_sdk`` costs about what ``import boto3``
#: does.
_WHERE: dict[str, str] = {
    **dict.fromkeys(["JobFailedError", "PollPolicy", "WaitTimeoutError"], "._polling"),
    **dict.fromkeys(["Page", "Paged"], ".paging"),
    **dict.fromkeys(models.__all__, ".models"),
    **dict.fromkeys(
        [
            "BatchResult",
            "BulkLoadError",
            "BulkProgress",
            "BulkResult",
            "FailedObject",
            "StoredObject",
        ],
        "._bulk",
    ),
    "to_pandas": "._display",
    "show_personal_data": ".models._base",
    **dict.fromkeys(
        [
            "calculated_attribute_arn",
            "domain_arn",
            "domain_object_type_arn",
            "event_stream_arn",
            "event_trigger_arn",
            "integration_arn",
            "layout_arn",
            "object_type_arn",
        ],
        ".resources.tags",
    ),
}

logging.getLogger("customer_profiles_sdk").addHandler(logging.NullHandler())

__all__ = [
    "AccessDeniedError",
    "BadRequestError",
    "BatchResult",
    "BulkLoadError",
    "BulkProgress",
    "BulkResult",
    "CustomerProfiles",
    "CustomerProfilesError",
    "FailedObject",
    "InternalServerError",
    "JobFailedError",
    "Page",
    "Paged",
    "PollPolicy",
    "ResourceNotFoundError",
    "RetryPolicy",
    "ServiceConnectionError",
    "ServiceError",
    "StoredObject",
    "ThrottlingError",
    "ValidationError",
    "WaitTimeoutError",
    "__version__",
    "calculated_attribute_arn",
    "domain_arn",
    "integration_arn",
    "object_type_arn",
    "show_personal_data",
    "domain_object_type_arn",
    "event_stream_arn",
    "event_trigger_arn",
    "layout_arn",
    "to_pandas",
    *models.__all__,
]

__getattr__, __dir__ = attach(__name__, globals(), _WHERE, __all__)
