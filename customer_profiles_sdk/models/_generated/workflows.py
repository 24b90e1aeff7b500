"""Models of the workflows operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model
from .._mixins import WorkflowMixin
from .integrations import FlowDefinition, SourceConnectorType

__all__ = [
    "AppflowIntegration",
    "AppflowIntegrationWorkflowAttributes",
    "AppflowIntegrationWorkflowMetrics",
    "AppflowIntegrationWorkflowStep",
    "CreateIntegrationWorkflowResponse",
    "DeleteWorkflowResponse",
    "GetWorkflowStepsResponse",
    "IntegrationConfig",
    "ListWorkflowsResponse",
    "Workflow",
    "WorkflowAttributes",
    "WorkflowBatch",
    "WorkflowMetrics",
    "WorkflowStatus",
    "WorkflowStep",
    "WorkflowSummary",
    "WorkflowType",
]


class WorkflowStatus(str, Enum):
    """State of an integration workflow or of one of its steps (``Status``, open enum).

    ``COMPLETE``, ``FAILED`` and ``CANCELLED`` are final; ``RETRY`` means a step runs
    again after a transient failure, ``SPLIT`` that a step was cut in two.
    """

    NOT_STARTED = "NOT_STARTED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETE = "COMPLETE"
    FAILED = "FAILED"
    SPLIT = "SPLIT"
    RETRY = "RETRY"
    CANCELLED = "CANCELLED"


class WorkflowType(str, Enum):
    """``WorkflowType``, an open enum: a value this SDK does not know stays a ``str``."""

    APPFLOW_INTEGRATION = "APPFLOW_INTEGRATION"


@model
class AppflowIntegration:
    """The ``AppflowIntegration`` structure, used by ``CreateIntegrationWorkflow``."""

    __wire_shape__: ClassVar[str] = "AppflowIntegration"

    flow_definition: FlowDefinition = attrs.field(
        metadata={"wire": "FlowDefinition", "sensitive": True}
    )
    batches: list[WorkflowBatch] | None = attrs.field(default=None, metadata={"wire": "Batches"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AppflowIntegrationWorkflowAttributes:
    """The ``AppflowIntegrationWorkflowAttributes`` structure, used by ``GetWorkflow``."""

    __wire_shape__: ClassVar[str] = "AppflowIntegrationWorkflowAttributes"

    source_connector_type: SourceConnectorType | str = attrs.field(
        metadata={"wire": "SourceConnectorType"}
    )
    connector_profile_name: str = attrs.field(metadata={"wire": "ConnectorProfileName"})
    role_arn: str | None = attrs.field(default=None, metadata={"wire": "RoleArn"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AppflowIntegrationWorkflowMetrics:
    """The ``AppflowIntegrationWorkflowMetrics`` structure, used by ``GetWorkflow``."""

    __wire_shape__: ClassVar[str] = "AppflowIntegrationWorkflowMetrics"

    records_processed: int = attrs.field(metadata={"wire": "RecordsProcessed"})
    steps_completed: int = attrs.field(metadata={"wire": "StepsCompleted"})
    total_steps: int = attrs.field(metadata={"wire": "TotalSteps"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AppflowIntegrationWorkflowStep:
    """The ``AppflowIntegrationWorkflowStep`` structure, used by ``GetWorkflowSteps``."""

    __wire_shape__: ClassVar[str] = "AppflowIntegrationWorkflowStep"

    flow_name: str = attrs.field(metadata={"wire": "FlowName"})
    status: WorkflowStatus | str = attrs.field(metadata={"wire": "Status"})
    execution_message: str = attrs.field(metadata={"wire": "ExecutionMessage"})
    records_processed: int = attrs.field(metadata={"wire": "RecordsProcessed"})
    batch_records_start_time: str = attrs.field(metadata={"wire": "BatchRecordsStartTime"})
    batch_records_end_time: str = attrs.field(metadata={"wire": "BatchRecordsEndTime"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CreateIntegrationWorkflowResponse:
    """The ``CreateIntegrationWorkflowResponse`` structure, used by
    ``CreateIntegrationWorkflow`` (response).
    """

    __wire_shape__: ClassVar[str] = "CreateIntegrationWorkflowResponse"

    workflow_id: str = attrs.field(metadata={"wire": "WorkflowId"})
    message: str = attrs.field(metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteWorkflowResponse:
    """The ``DeleteWorkflowResponse`` structure, used by ``DeleteWorkflow`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteWorkflowResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class GetWorkflowStepsResponse:
    """The ``GetWorkflowStepsResponse`` structure, used by ``GetWorkflowSteps`` (response)."""

    __wire_shape__: ClassVar[str] = "GetWorkflowStepsResponse"

    workflow_id: str | None = attrs.field(default=None, metadata={"wire": "WorkflowId"})
    workflow_type: WorkflowType | str | None = attrs.field(
        default=None, metadata={"wire": "WorkflowType"}
    )
    items: list[WorkflowStep] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class IntegrationConfig:
    """The ``IntegrationConfig`` structure, used by ``CreateIntegrationWorkflow``."""

    __wire_shape__: ClassVar[str] = "IntegrationConfig"

    appflow_integration: AppflowIntegration | None = attrs.field(
        default=None, metadata={"wire": "AppflowIntegration"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListWorkflowsResponse:
    """The ``ListWorkflowsResponse`` structure, used by ``ListWorkflows`` (response)."""

    __wire_shape__: ClassVar[str] = "ListWorkflowsResponse"

    items: list[WorkflowSummary] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Workflow(WorkflowMixin):
    """An integration workflow (``GetWorkflow``): the ingestion of a source's history by
    AppFlow, in batches, before a continuous integration is set up.

    ``status`` goes ``NOT_STARTED`` -> ``IN_PROGRESS`` (``RETRY`` while a batch is
    run again) -> ``COMPLETE``, ``FAILED`` (``error_description``) or ``CANCELLED``;
    ``metrics.appflow_integration`` counts steps and records.

    Example:
        >>> Workflow(workflow_id="a" * 32, status=WorkflowStatus.IN_PROGRESS).done
        False
    """

    __wire_shape__: ClassVar[str] = "GetWorkflowResponse"

    workflow_id: str | None = attrs.field(default=None, metadata={"wire": "WorkflowId"})
    workflow_type: WorkflowType | str | None = attrs.field(
        default=None, metadata={"wire": "WorkflowType"}
    )
    status: WorkflowStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    error_description: str | None = attrs.field(default=None, metadata={"wire": "ErrorDescription"})
    start_date: datetime | None = attrs.field(default=None, metadata={"wire": "StartDate"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    attributes: WorkflowAttributes | None = attrs.field(
        default=None, metadata={"wire": "Attributes"}
    )
    metrics: WorkflowMetrics | None = attrs.field(default=None, metadata={"wire": "Metrics"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class WorkflowAttributes:
    """The ``WorkflowAttributes`` structure, used by ``GetWorkflow``."""

    __wire_shape__: ClassVar[str] = "WorkflowAttributes"

    appflow_integration: AppflowIntegrationWorkflowAttributes | None = attrs.field(
        default=None, metadata={"wire": "AppflowIntegration"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class WorkflowBatch:
    """One batch of a workflow's historical ingestion: the records from ``start_time``
    to ``end_time`` (``Batch``).
    """

    __wire_shape__: ClassVar[str] = "Batch"

    start_time: datetime = attrs.field(metadata={"wire": "StartTime"})
    end_time: datetime = attrs.field(metadata={"wire": "EndTime"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class WorkflowMetrics:
    """The ``WorkflowMetrics`` structure, used by ``GetWorkflow``."""

    __wire_shape__: ClassVar[str] = "WorkflowMetrics"

    appflow_integration: AppflowIntegrationWorkflowMetrics | None = attrs.field(
        default=None, metadata={"wire": "AppflowIntegration"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class WorkflowStep:
    """One step of a workflow in ``GetWorkflowSteps`` (``WorkflowStepItem``): for an
    AppFlow workflow, one batch of the history (``appflow_integration``).
    """

    __wire_shape__: ClassVar[str] = "WorkflowStepItem"

    appflow_integration: AppflowIntegrationWorkflowStep | None = attrs.field(
        default=None, metadata={"wire": "AppflowIntegration"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class WorkflowSummary(WorkflowMixin):
    """One workflow in ``ListWorkflows`` (``ListWorkflowsItem``)."""

    __wire_shape__: ClassVar[str] = "ListWorkflowsItem"

    workflow_type: WorkflowType | str = attrs.field(metadata={"wire": "WorkflowType"})
    workflow_id: str = attrs.field(metadata={"wire": "WorkflowId"})
    status: WorkflowStatus | str = attrs.field(metadata={"wire": "Status"})
    status_description: str = attrs.field(metadata={"wire": "StatusDescription"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    extra: Extra = attrs.field(factory=dict, repr=False)
