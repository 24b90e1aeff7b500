"""Hand-written methods of generated models.

A generated model inherits one of these mixins when ``tools/codegen/overrides.py`` names
it (``mixin=...``). Mixins hold no state (``__slots__ = ()``) and do no I/O.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import _display

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CalculatedAttributeValueMixin",
    "EventStreamMixin",
    "ProfileObjectMixin",
    "RecommenderFilterMixin",
    "RecommenderMixin",
    "SegmentDefinitionMixin",
    "SegmentEstimateMixin",
    "SegmentMembershipMixin",
    "SegmentSnapshotMixin",
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


# ---------------------------------------------------------------------------- segments


class SegmentDefinitionMixin:
    """``SegmentDefinition``: who is in the segment, readably (text and notebook view)."""

    __slots__ = ()

    def describe(self) -> str:
        """The definition as text for people: its name, who is in it (the groups as
        sentences, or the SQL query) and its sort order. Personal data (the values the
        conditions compare with) is shown: use it where the definition may be seen."""
        return _display.describe_segment(self)

    def _repr_html_(self) -> str:
        """Jupyter's view: the settings, then who is in the segment, readably."""
        return _display.segment_definition_html(self)


#: Final states of estimates and snapshots.
_ESTIMATE_FINAL = ("SUCCEEDED", "FAILED")
_SNAPSHOT_FINAL = ("COMPLETED", "FAILED")


class SegmentEstimateMixin:
    """``SegmentEstimate``: the count as an ``int``, whether it is final, and its notebook
    view with the status."""

    __slots__ = ()
    estimate_id: str | None
    status: Any
    estimate: str | None
    message: str | None

    @property
    def done(self) -> bool:
        """Whether the estimate is final (``SUCCEEDED`` or ``FAILED``)."""
        return self.status in _ESTIMATE_FINAL

    @property
    def count(self) -> int | None:
        """The estimated number of profiles, or ``None`` until the estimate succeeded
        (or when the service's text is not a whole number)."""
        if self.status != "SUCCEEDED" or self.estimate is None:
            return None
        try:
            return int(self.estimate.replace(",", ""))
        except ValueError:
            return None

    def _repr_html_(self) -> str:
        """Jupyter's view: the status as a badge, then the estimate or the failure."""
        rows = [("profiles", self.estimate), ("message", self.message)]
        return _display.status_html(
            f"Segment estimate {self.estimate_id}", self.status, rows, finished=self.done
        )


class SegmentSnapshotMixin:
    """``SegmentSnapshot``: whether it is final, and its notebook view with the status."""

    __slots__ = ()
    snapshot_id: str
    status: Any
    status_message: str | None
    data_format: Any
    destination_uri: str | None

    @property
    def done(self) -> bool:
        """Whether the snapshot is final (``COMPLETED`` or ``FAILED``)."""
        return self.status in _SNAPSHOT_FINAL

    def _repr_html_(self) -> str:
        """Jupyter's view: the status as a badge, then the format and destination."""
        rows = [
            ("format", self.data_format),
            ("destination", self.destination_uri),
            ("message", self.status_message),
        ]
        return _display.status_html(
            f"Segment snapshot {self.snapshot_id}", self.status, rows, finished=self.done
        )


class SegmentMembershipMixin:
    """``SegmentMembership``: the members, a membership test, a DataFrame, an HTML table."""

    __slots__ = ()
    segment_definition_name: str | None
    profiles: list[Any]

    @property
    def members(self) -> list[Any]:
        """The profiles (``Profile``) of those asked about that are in the segment, in
        the order of the answer."""
        return [
            p.profile
            for p in self.profiles
            if p.query_result == "PRESENT" and p.profile is not None
        ]

    @property
    def member_ids(self) -> list[str]:
        """The ids of the profiles asked about that are in the segment."""
        return [str(p.profile_id) for p in self.profiles if p.query_result == "PRESENT"]

    def is_member(self, profile_id: str) -> bool:
        """Whether ``profile_id`` was answered as in the segment (``False`` for a profile
        that is not, and for one that was not asked about or not found)."""
        return profile_id in self.member_ids

    def to_pandas(self, *, members_only: bool = False) -> pd.DataFrame:
        """The answer as a pandas ``DataFrame``: one row per profile answered, with its
        ``profile_id``, its ``query_result`` and, for members, the profile's fields
        flattened (``profile.first_name``, ``profile.address.city``...). Personal data is
        included.

        Args:
            members_only: keep only the rows of the profiles in the segment.

        Raises:
            ImportError: pandas is not installed.
        """
        rows = [p for p in self.profiles if not members_only or p.query_result == "PRESENT"]
        return _display.to_pandas(rows)

    def _repr_html_(self) -> str:
        """Jupyter's view: one row per profile answered, personal data shown."""
        title = f"Membership of segment {self.segment_definition_name}"
        return _display.table_html(self.profiles, title=title, more=False)


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


class EventStreamMixin:
    """``EventStream.event_stream_name``: the name, which ``GetEventStream`` does not return."""

    __slots__ = ()
    event_stream_arn: str

    @property
    def event_stream_name(self) -> str:
        """The event stream's name: the last part of its ARN
        (``arn:aws:profile:…:domains/retail/event-streams/export`` -> ``export``)."""
        return self.event_stream_arn.rsplit("/", 1)[-1]
