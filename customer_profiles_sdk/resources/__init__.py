"""Resource classes: the objects behind ``cp.domains``, ``cp.domain(name)`` and their
collections. Resources build requests, call the transport and return models."""

from __future__ import annotations

from .account_integrations import AccountIntegrations
from .attributes import Attributes
from .calculated_attributes import CalculatedAttributes
from .domain_object_types import DomainObjectTypes
from .domains import Domain, Domains
from .event_streams import EventStreams
from .event_triggers import EventTriggers
from .history import ProfileHistory
from .integrations import Integrations
from .layouts import Layouts
from .matches import IdentityResolutionJobs, Matches, MatchGroupReview
from .object_types import ObjectTypes
from .objects import Objects
from .profiles import Profiles
from .recommendations import Recommendations
from .recommenders import (
    RecommenderFilterHandle,
    RecommenderFilters,
    RecommenderHandle,
    RecommenderRecipes,
    Recommenders,
    RecommenderSchemas,
)
from .segments import (
    SegmentEstimateJob,
    Segments,
    SegmentSnapshotJob,
    SegmentStream,
    SegmentSubscriptions,
)
from .tags import Tags
from .templates import Templates
from .upload_jobs import UploadJobHandle, UploadJobs
from .workflows import WorkflowHandle, Workflows

__all__ = [
    "AccountIntegrations",
    "Attributes",
    "CalculatedAttributes",
    "Domain",
    "DomainObjectTypes",
    "Domains",
    "EventStreams",
    "EventTriggers",
    "IdentityResolutionJobs",
    "Integrations",
    "Layouts",
    "MatchGroupReview",
    "Matches",
    "ObjectTypes",
    "Objects",
    "ProfileHistory",
    "Profiles",
    "Recommendations",
    "RecommenderFilterHandle",
    "RecommenderFilters",
    "RecommenderHandle",
    "RecommenderRecipes",
    "RecommenderSchemas",
    "Recommenders",
    "SegmentEstimateJob",
    "SegmentSnapshotJob",
    "SegmentStream",
    "SegmentSubscriptions",
    "Segments",
    "Tags",
    "Templates",
    "UploadJobHandle",
    "UploadJobs",
    "WorkflowHandle",
    "Workflows",
]
