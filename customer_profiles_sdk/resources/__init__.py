"""Resource classes: the objects behind ``cp.domains``, ``cp.domain(name)`` and their
collections. Resources build requests, call the transport and return models."""

from __future__ import annotations

from .account_integrations import AccountIntegrations
from .calculated_attributes import CalculatedAttributes
from .domains import Domain, Domains
from .integrations import Integrations
from .matches import Matches
from .object_types import ObjectTypes
from .objects import Objects
from .profiles import Profiles
from .segments import (
    SegmentEstimateJob,
    Segments,
    SegmentSnapshotJob,
    SegmentStream,
    SegmentSubscriptions,
)
from .tags import Tags
from .templates import Templates

__all__ = [
    "AccountIntegrations",
    "CalculatedAttributes",
    "Domain",
    "Domains",
    "Integrations",
    "Matches",
    "ObjectTypes",
    "Objects",
    "Profiles",
    "SegmentEstimateJob",
    "SegmentSnapshotJob",
    "SegmentStream",
    "SegmentSubscriptions",
    "Segments",
    "Tags",
    "Templates",
]
