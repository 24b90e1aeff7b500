"""Integration workflows: ``domain.workflows``.

An integration workflow ingests the history of an Amazon AppFlow source (Salesforce,
ServiceNow or Marketo) in batches, one flow per batch, and then sets up the continuous
integration of that source. It runs asynchronously: :meth:`Workflows.create` returns a
handle whose ``.wait()`` polls ``GetWorkflow`` until the workflow has ended.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from .. import _convert, _service
from .._convert import to_request
from .._polling import PollPolicy, wait_for
from ..errors import ValidationError
from ..models import (
    FlowDefinition,
    Workflow,
    WorkflowBatch,
    WorkflowStatus,
    WorkflowStep,
    WorkflowSummary,
    WorkflowType,
)
from ..paging import Paged
from ._base import DomainResource, api, as_map, coerce

__all__ = ["WorkflowHandle", "Workflows"]

#: Default deadline of ``.wait()``, in seconds (historical ingestion takes hours).
DEFAULT_TIMEOUT = 6 * 3600.0
#: The AppFlow sources a workflow can ingest ("Salesforce, ServiceNow, and Marketo",
#: CreateIntegrationWorkflow's documentation), as ``SourceConnectorType`` spells them.
SUPPORTED_CONNECTORS = ("Salesforce", "Marketo", "Servicenow")


def _plain(value: Any) -> Any:
    return None if value is None else _convert.converter.unstructure(value)


def _failure(workflow: Workflow) -> str | None:
    if workflow.status == "FAILED":
        return f"FAILED ({workflow.error_description or 'no description given'})"
    if workflow.status == "CANCELLED":
        return "CANCELLED (the workflow was deleted)"
    return None


def _instant(value: Any) -> datetime | None:
    """A batch bound as an aware datetime (naive ones are UTC), or None if unreadable."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None  # the model check reports it
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = datetime.fromtimestamp(value, tz=timezone.utc)
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def _workflow_checks(
    flow: Mapping[str, Any], batches: builtins.list[dict[str, Any]] | None
) -> builtins.list[_service.Violation]:
    """The documented rules the model cannot express (CreateIntegrationWorkflow)."""
    found = []
    where = "IntegrationConfig.AppflowIntegration"
    connector = (flow.get("SourceFlowConfig") or {}).get("ConnectorType")
    if connector is not None and connector not in SUPPORTED_CONNECTORS:
        found.append(
            _service.Violation(
                f"{where}.FlowDefinition.SourceFlowConfig.ConnectorType",
                f"one of {', '.join(SUPPORTED_CONNECTORS)} (the sources workflows support)",
                f"got {connector!r}",
            )
        )
    for i, batch in enumerate(batches or []):
        start, end = _instant(batch.get("StartTime")), _instant(batch.get("EndTime"))
        if start is not None and end is not None and not start < end:
            found.append(
                _service.Violation(f"{where}.Batches[{i}]", "StartTime before EndTime", "it is not")
            )
    return found


class WorkflowHandle:
    """An integration workflow: what :meth:`Workflows.create` returns
    (``domain.workflows.workflow(id)`` makes one for an existing workflow). Creating a
    handle makes no request.

    Attributes:
        workflow_id: the service's id of the workflow.
        domain_name: the domain.
        message: the service's message when the workflow was created (``None`` for a
            handle on an existing workflow).
    """

    __slots__ = ("_workflows", "domain_name", "message", "workflow_id")

    def __init__(
        self, workflows: Workflows, workflow_id: str, *, message: str | None = None
    ) -> None:
        self._workflows = workflows
        self.domain_name = workflows.domain_name
        self.workflow_id = workflow_id
        self.message = message

    def get(self) -> Workflow:
        """The workflow's current state (``GetWorkflow``); see :meth:`Workflows.get`."""
        return self._workflows.get(self.workflow_id)

    def steps(self) -> Paged[WorkflowStep]:
        """The workflow's steps (``GetWorkflowSteps``); see :meth:`Workflows.steps`."""
        return self._workflows.steps(self.workflow_id)

    def wait(
        self, timeout: float = DEFAULT_TIMEOUT, *, policy: PollPolicy | None = None
    ) -> Workflow:
        """Poll the workflow until it has ended; see :meth:`Workflows.wait`."""
        return self._workflows.wait(self.workflow_id, timeout=timeout, policy=policy)

    def delete(self) -> bool:
        """Delete (cancel) the workflow (``DeleteWorkflow``); see :meth:`Workflows.delete`."""
        return self._workflows.delete(self.workflow_id)

    def __repr__(self) -> str:
        return f"WorkflowHandle(domain_name={self.domain_name!r}, workflow_id={self.workflow_id!r})"


class Workflows(DomainResource):
    """The integration workflows of a domain: ``domain.workflows``.

    A workflow ingests the history of a Salesforce, ServiceNow or Marketo object through
    Amazon AppFlow, in batches (by default, windows of two months), and then creates the
    integration that keeps the domain up to date with the source.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> domain = CustomerProfiles.local().domains.create(
        ...     "docs-workflows", default_expiration_days=30)
        >>> [w.workflow_id for w in domain.workflows.list()]
        []
    """

    __slots__ = ()

    def workflow(self, workflow_id: str) -> WorkflowHandle:
        """A handle on an existing workflow (no request)."""
        return WorkflowHandle(self, workflow_id)

    @api(
        "CreateIntegrationWorkflow",
        params={"IntegrationConfig": "flow_definition, batches"},
        returns=("WorkflowId", "Message"),
    )
    def create(
        self,
        object_type_name: str,
        *,
        flow_definition: FlowDefinition | Mapping[str, Any],
        role_arn: str,
        batches: Sequence[WorkflowBatch | Mapping[str, Any]] | None = None,
        workflow_type: WorkflowType | str = WorkflowType.APPFLOW_INTEGRATION,
        tags: Mapping[str, str] | None = None,
    ) -> WorkflowHandle:
        """Start ingesting a source's history (``CreateIntegrationWorkflow``).

        Args:
            object_type_name: the object type (or template id) the records map to.
            flow_definition: the AppFlow flow to create: a Salesforce, ServiceNow or
                Marketo source (``SourceFlowConfig``), its tasks and its trigger. With
                no ``batches``, the history from the scheduled trigger's
                ``first_execution_from`` is split into batches by the service.
            role_arn: the IAM role the service assumes to create the flows.
            batches: the time windows to ingest, one flow each, instead of the
                service's batches.
            workflow_type: ``APPFLOW_INTEGRATION``, the only type.
            tags: tags of the workflow.

        Returns:
            A handle on the workflow: ``.wait()``, ``.get()``, ``.steps()``.

        Raises:
            ValidationError: an argument breaks the API's constraints or a documented
                rule (a source other than Salesforce, ServiceNow or Marketo, a batch that
                ends before it starts); nothing was sent.
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the service rejected the workflow (an unknown object type,
                a flow name in use...).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-workflow-create", default_expiration_days=30)
            >>> domain.object_types.put({"object_type_name": "Account",
            ...     "description": "CRM accounts", "template_id": "Salesforce-Account"}
            ... ).object_type_name
            'Account'
            >>> flow = {"flow_name": "crm-accounts",
            ...     "kms_arn": "arn:aws:kms:us-east-1:123456789012:key/k-1",
            ...     "source_flow_config": {"connector_type": "Salesforce",
            ...         "source_connector_properties": {"salesforce": {"object": "Account"}}},
            ...     "tasks": [{"source_fields": ["Id"], "task_type": "Map",
            ...                "destination_field": "Id"}],
            ...     "trigger_config": {"trigger_type": "OnDemand"}}
            >>> workflow = domain.workflows.create(
            ...     "Account", flow_definition=flow,
            ...     role_arn="arn:aws:iam::123456789012:role/appflow")
            >>> workflow.get().status.value
            'NOT_STARTED'
        """
        flow = to_request(coerce(FlowDefinition, flow_definition), "FlowDefinition")
        batch_list = (
            None
            if batches is None
            else [to_request(coerce(WorkflowBatch, b), "Batch") for b in batches]
        )
        appflow: dict[str, Any] = {"FlowDefinition": flow}
        if batch_list is not None:
            appflow["Batches"] = batch_list
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "WorkflowType": _plain(workflow_type),
            "IntegrationConfig": {"AppflowIntegration": appflow},
            "ObjectTypeName": object_type_name,
            "RoleArn": role_arn,
            "Tags": as_map(tags),
        }
        found = _workflow_checks(flow, batch_list)
        if found:
            compact = {k: v for k, v in params.items() if v is not None}
            found += _service.check_request("CreateIntegrationWorkflow", compact)
            raise ValidationError("CreateIntegrationWorkflow", found)
        response = self._call("CreateIntegrationWorkflow", params)
        return WorkflowHandle(self, response["WorkflowId"], message=response.get("Message"))

    @api("GetWorkflow", output=Workflow)
    def get(self, workflow_id: str) -> Workflow:
        """Read a workflow: its status, source and progress (``GetWorkflow``).

        Raises:
            ValidationError: ``workflow_id`` is not 32 hexadecimal characters (nothing
                sent).
            ResourceNotFoundError: the workflow (or the domain) does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, ResourceNotFoundError
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-workflow-get", default_expiration_days=30)
            >>> try:
            ...     domain.workflows.get("0" * 32)
            ... except ResourceNotFoundError as missing:
            ...     print(missing.code)
            ResourceNotFoundException
        """
        response = self._call(
            "GetWorkflow", {"DomainName": self._domain, "WorkflowId": workflow_id}
        )
        return _convert.from_wire(Workflow, response)

    @api("GetWorkflowSteps", output=WorkflowStep, returns=("WorkflowId", "WorkflowType"))
    def steps(self, workflow_id: str) -> Paged[WorkflowStep]:
        """The steps of a workflow, in batch order (``GetWorkflowSteps``), lazily paged.

        Each step's ``appflow_integration`` has its flow, status, records processed and
        time window. The workflow's ``WorkflowId`` and ``WorkflowType`` are in each
        page's ``response`` (``.by_page()``).

        Raises:
            ValidationError: ``workflow_id`` is not 32 hexadecimal characters.
            ResourceNotFoundError: the workflow (or the domain) does not exist (when
                iterated).
        """
        params = {"DomainName": self._domain, "WorkflowId": workflow_id}
        return self._paged("GetWorkflowSteps", params, WorkflowStep)

    @api("ListWorkflows", output=WorkflowSummary)
    def list(
        self,
        *,
        workflow_type: WorkflowType | str | None = None,
        status: WorkflowStatus | str | None = None,
        query_start_date: datetime | str | None = None,
        query_end_date: datetime | str | None = None,
    ) -> Paged[WorkflowSummary]:
        """The domain's workflows (``ListWorkflows``), lazily paged; the filters combine.

        Args:
            workflow_type: only workflows of this type.
            status: only workflows in this state, e.g. ``WorkflowStatus.COMPLETE``.
            query_start_date: only workflows started after this instant.
            query_end_date: the service documents it as "ended after this instant".

        Raises:
            ValidationError: a filter breaks the API's constraints (raised here).
            ResourceNotFoundError: the domain does not exist (when iterated).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles, WorkflowStatus
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-workflow-list", default_expiration_days=30)
            >>> domain.workflows.list(status=WorkflowStatus.COMPLETE).to_list()
            []
        """
        params = {
            "DomainName": self._domain,
            "WorkflowType": _plain(workflow_type),
            "Status": _plain(status),
            "QueryStartDate": query_start_date,
            "QueryEndDate": query_end_date,
        }
        return self._paged("ListWorkflows", params, WorkflowSummary)

    @api("DeleteWorkflow")
    def delete(self, workflow_id: str) -> bool:
        """Delete a workflow (``DeleteWorkflow``); one that has not ended is
        ``CANCELLED`` first. The deletion is asynchronous; the data already ingested and
        the integration the workflow created stay.

        Returns:
            ``True`` if the workflow was deleted, ``False`` if it did not exist.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).
            ValidationError: ``workflow_id`` breaks the API's constraints (nothing sent).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-workflow-delete", default_expiration_days=30)
            >>> domain.workflows.delete("0" * 32)
            False
        """
        return self._delete_if_exists(
            "DeleteWorkflow", {"DomainName": self._domain, "WorkflowId": workflow_id}
        )

    def wait(
        self,
        workflow_id: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        policy: PollPolicy | None = None,
    ) -> Workflow:
        """Poll the workflow (``GetWorkflow``) with back-off until it has ended.

        On :meth:`CustomerProfiles.local <customer_profiles_sdk.CustomerProfiles.local>`
        waiting advances the emulated clock instead of sleeping.

        Args:
            workflow_id: the workflow.
            timeout: seconds to wait at most (default six hours).
            policy: the back-off between reads (default :class:`PollPolicy`).

        Returns:
            The ``COMPLETE`` workflow (its continuous integration now exists).

        Raises:
            JobFailedError: the workflow ended ``FAILED`` (``.last.error_description``
                says why) or ``CANCELLED``; ``.last`` holds it.
            WaitTimeoutError: it had not ended at the deadline (``.last`` holds the last
                state read).
            ResourceNotFoundError: the workflow (or the domain) does not exist.
        """
        return wait_for(
            lambda: self.get(workflow_id),
            done=lambda workflow: workflow.done,
            failed=_failure,
            what=f"workflow {workflow_id}",
            timeout=timeout,
            waiter=self._transport.waiter,
            policy=policy,
        )
