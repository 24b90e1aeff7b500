"""Hand-written methods of generated models.

A generated model inherits one of these mixins when ``tools/codegen/overrides.py`` names
it (``mixin=...``). Mixins hold no state (``__slots__ = ()``) and do no I/O.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = [
    "CalculatedAttributeValueMixin",
    "ProfileObjectMixin",
    "RecommenderFilterMixin",
    "RecommenderMixin",
    "UploadJobMixin",
    "WorkflowMixin",
]


class ProfileObjectMixin:
    """``ProfileObject.data``: the object's JSON document, decoded."""

    __slots__ = ()
    object: str | None

    @property
    def data(self) -> Any:
        """The object's JSON document decoded (``None`` when the item has no object).

        Raises:
            ValueError: ``object`` is not valid JSON.
        """
        return None if self.object is None else json.loads(self.object)


class CalculatedAttributeValueMixin:
    """``CalculatedAttributeValue.partial``: the service's string flag as a ``bool``."""

    __slots__ = ()
    is_data_partial: str | None

    @property
    def partial(self) -> bool:
        """Whether the value is based on partial data (``is_data_partial == "true"``)."""
        return (self.is_data_partial or "").lower() == "true"


# ------------------------------------------------------- upload jobs, workflows, recommenders

#: Final states (the generated enums are ``str`` subclasses: they compare with these).
_UPLOAD_JOB_FINAL = ("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "STOPPED")
_WORKFLOW_FINAL = ("COMPLETE", "FAILED", "CANCELLED")
_FILTER_FINAL = ("ACTIVE", "FAILED", "DELETING")
_RECOMMENDER_SETTLED = ("ACTIVE", "INACTIVE", "FAILED", "DELETING")


class UploadJobMixin:
    """``UploadJob.done``: whether the job has ended."""

    __slots__ = ()
    status: Any

    @property
    def done(self) -> bool:
        """Whether the job has ended: ``SUCCEEDED``, ``PARTIALLY_SUCCEEDED``, ``FAILED``
        or ``STOPPED``."""
        return self.status in _UPLOAD_JOB_FINAL


class WorkflowMixin:
    """``Workflow.done``: whether the workflow has ended."""

    __slots__ = ()
    status: Any

    @property
    def done(self) -> bool:
        """Whether the workflow has ended: ``COMPLETE``, ``FAILED`` or ``CANCELLED``."""
        return self.status in _WORKFLOW_FINAL


class RecommenderFilterMixin:
    """``RecommenderFilterDefinition.done``: whether the filter's activation has ended."""

    __slots__ = ()
    status: Any

    @property
    def done(self) -> bool:
        """Whether the filter is no longer being activated: ``ACTIVE``, ``FAILED`` or
        ``DELETING``."""
        return self.status in _FILTER_FINAL


class RecommenderMixin:
    """``Recommender.settled`` and ``Recommender.metrics``."""

    __slots__ = ()
    status: Any

    @property
    def settled(self) -> bool:
        """Whether no status transition is under way: ``ACTIVE``, ``INACTIVE``,
        ``FAILED`` or ``DELETING`` (not ``PENDING``, ``IN_PROGRESS``, ``STOPPING`` or
        ``STARTING``). A retraining of an ``ACTIVE`` recommender shows in
        ``latest_recommender_update`` instead."""
        return self.status in _RECOMMENDER_SETTLED

    @property
    def metrics(self) -> dict[str, float]:
        """The newest training's metrics (name -> value), ``{}`` before any training or
        when the read asked for none (``training_metrics_count=0``)."""
        entries = getattr(self, "training_metrics", None) or []
        if not entries:
            return {}
        newest = max(entries, key=lambda e: (e.time is not None, e.time or 0))
        return {str(getattr(k, "value", k)): v for k, v in (newest.metrics or {}).items()}
