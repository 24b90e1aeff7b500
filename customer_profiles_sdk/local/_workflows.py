"""Integration workflows (spec identity-history-jobs 6).

Handlers: CreateIntegrationWorkflow, GetWorkflow, GetWorkflowSteps, ListWorkflows,
DeleteWorkflow; the test hooks ``feed_workflow_records``, ``fail_workflow_step`` and
``split_workflow_step`` (mixed into :class:`LocalBackend`).

A workflow ingests the history of an Amazon AppFlow source (Salesforce, ServiceNow,
Marketo) in batches, one flow per batch, then sets up the continuous integration. The
emulator has no AppFlow and no source system: it is a **fake of the external system**
that keeps only the workflow's bookkeeping (steps, statuses, metrics, the final
integration) on the emulated clock (:mod:`._timers`) and never invents records. A test
plays the source with ``feed_workflow_records``: those records go through
PutProfileObject's pipeline (:func:`._ingest.ingest_object`). [A]

State machine [A] (durations are settings)::

    NOT_STARTED -(workflow_start_seconds)-> IN_PROGRESS; steps run one at a time, each
    IN_PROGRESS -(workflow_step_seconds)-> COMPLETE; all COMPLETE -> COMPLETE and the
    integration is created. A transient step failure -> RETRY (the step runs again, at
    most 3 retries, D320); a 4th or a permanent failure -> step and workflow FAILED.
    DeleteWorkflow: NOT_STARTED/IN_PROGRESS/RETRY -> CANCELLED; the workflow disappears
    workflow_delete_seconds after the call.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from ._errors import ServiceFault, bad_request, not_found
from ._ingest import ingest_object
from ._integrations import _check_object_types, put_integration
from ._registry import DAY, Context, Request, Response, operation
from ._state import DomainRec, TimerRec, WorkflowRec, WorkflowStepRec
from ._timers import BackendHost, iso_utc, on_timer, schedule

#: Sources a workflow can ingest (model doc); Zendesk and S3 are in the enum only.
SUPPORTED_CONNECTORS: dict[str, str] = {
    "Salesforce": "Salesforce",
    "Marketo": "Marketo",
    "Servicenow": "ServiceNow",
}
#: Retries of a step after transient failures before it fails (D320).
MAX_RETRIES = 3
#: Window without Batches nor FirstExecutionFrom: the console's bulk threshold (D320). [A]
DEFAULT_WINDOW_DAYS = 60
#: Historical ingestion is cut into windows of two months (D320).
BATCH_MONTHS = 2

_RUNNING = ("IN_PROGRESS", "RETRY")
_STEP_MESSAGES = {
    "NOT_STARTED": "Step not started",
    "IN_PROGRESS": "Step in progress",
    "RETRY": "Step is running again after a transient failure",
    "COMPLETE": "Step completed",
    "FAILED": "Step failed",
    "SPLIT": "Step split into two smaller batches",
    "CANCELLED": "Step cancelled",
}
_STATUS_DESCRIPTIONS = {
    "NOT_STARTED": "The workflow has not started yet",
    "IN_PROGRESS": "The workflow is ingesting historical data",
    "RETRY": "A step of the workflow is running again after a transient failure",
    "COMPLETE": "The workflow completed and the integration is set up",
    "FAILED": "The workflow failed",
    "SPLIT": "A step of the workflow was split",
    "CANCELLED": "The workflow was deleted",
}


def _workflow(domain: DomainRec, workflow_id: str) -> WorkflowRec:
    workflow = domain.workflows.get(workflow_id)
    if workflow is None:
        raise not_found(f"Workflow {workflow_id} does not exist in domain {domain.name}")
    return workflow


def _add_months(instant: float, months: int) -> float:
    moment = datetime.fromtimestamp(instant, tz=timezone.utc)
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day).timestamp()


def _windows(appflow: dict[str, Any], now: float) -> list[tuple[float, float]]:
    """The batch windows of a new workflow, in time order (spec 6.3). [A]"""
    batches = appflow.get("Batches")
    if batches:
        windows = sorted((b["StartTime"], b["EndTime"]) for b in batches)
        for i, (start, end) in enumerate(windows):
            if start >= end:
                raise bad_request("Each batch needs a StartTime before its EndTime")
            if i and start < windows[i - 1][1]:
                raise bad_request("Batches must not overlap")
        return windows
    trigger = appflow["FlowDefinition"]["TriggerConfig"]
    scheduled = (trigger.get("TriggerProperties") or {}).get("Scheduled") or {}
    start = scheduled.get("FirstExecutionFrom")
    if start is None:
        return [(now - DEFAULT_WINDOW_DAYS * DAY, now)]
    if start >= now:
        raise bad_request("FirstExecutionFrom must be in the past to ingest historical data")
    windows = []
    while start < now:
        end = min(_add_months(start, BATCH_MONTHS), now)
        windows.append((start, end))
        start = end
    return windows


def _flow_name(base: str, suffix: str) -> str:
    return base[: 256 - len(suffix)] + suffix  # FlowName max 256


@operation("CreateIntegrationWorkflow")
def create_integration_workflow(ctx: Context, req: Request) -> Response:
    """CreateIntegrationWorkflow (spec 6.3): one step per batch window, NOT_STARTED."""
    domain = ctx.domain(req["DomainName"])
    appflow = req["IntegrationConfig"].get("AppflowIntegration")
    if appflow is None:
        raise bad_request("IntegrationConfig.AppflowIntegration is required")
    flow = appflow["FlowDefinition"]
    source = flow["SourceFlowConfig"]
    connector = source["ConnectorType"]
    properties = SUPPORTED_CONNECTORS.get(connector)
    if properties is None:
        raise bad_request(
            f"ConnectorType {connector} is not supported by integration workflows "
            f"(supported: {', '.join(SUPPORTED_CONNECTORS)})"
        )
    if properties not in source["SourceConnectorProperties"]:
        raise bad_request(f"SourceConnectorProperties needs the {properties} block")
    _check_object_types(ctx, domain, {"ObjectTypeName": req["ObjectTypeName"]})
    flow_name = flow["FlowName"]
    if any(
        w.flow_definition["FlowName"] == flow_name and w.deleted_at is None
        for w in domain.workflows.values()
    ):
        raise bad_request(f"FlowName {flow_name} is already used by another workflow")
    now = ctx.now()
    steps = [
        WorkflowStepRec(
            flow_name=_flow_name(flow_name, f"-{n}"),
            status="NOT_STARTED",
            batch_start=start,
            batch_end=end,
            created_at=now,
            updated_at=now,
        )
        for n, (start, end) in enumerate(_windows(appflow, now), start=1)
    ]
    workflow = WorkflowRec(
        workflow_id=ctx.new_id(),
        workflow_type=req["WorkflowType"],
        object_type_name=req["ObjectTypeName"],
        role_arn=req["RoleArn"],
        flow_definition=flow,
        tags=dict(req.get("Tags") or {}),  # [A] stored, not addressable by an ARN
        status="NOT_STARTED",
        created_at=now,
        updated_at=now,
        seq=ctx.seq(),
        steps=steps,
    )
    domain.workflows[workflow.workflow_id] = workflow
    schedule(
        ctx,
        domain,
        now + ctx.settings.workflow_start_seconds,
        "workflow.start",
        workflow.workflow_id,
    )
    return {"WorkflowId": workflow.workflow_id, "Message": "Workflow creation request received"}


# --------------------------------------------------------------------------- transitions


def _running_step(workflow: WorkflowRec) -> tuple[int, WorkflowStepRec] | None:
    if workflow.status not in _RUNNING:
        return None
    return next(((i, s) for i, s in enumerate(workflow.steps) if s.status in _RUNNING), None)


def _run_step(ctx: Context, domain: DomainRec, workflow: WorkflowRec, index: int) -> None:
    """(Re)start step ``index`` now; it completes ``workflow_step_seconds`` later."""
    now = ctx.now()
    step = workflow.steps[index]
    step.status = "RETRY" if step.retries else "IN_PROGRESS"
    step.updated_at = now
    workflow.status = step.status
    workflow.updated_at = now
    due = now + ctx.settings.workflow_step_seconds
    schedule(ctx, domain, due, "workflow.step", workflow.workflow_id, f"{index}:{step.retries}")


@on_timer("workflow.start")
def _start(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    workflow = domain.workflows.get(timer.key)
    if workflow is None or workflow.status != "NOT_STARTED":
        return  # cancelled meanwhile
    workflow.start_date = ctx.now()
    _run_step(ctx, domain, workflow, 0)


@on_timer("workflow.step")
def _step_done(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    workflow = domain.workflows.get(timer.key)
    running = _running_step(workflow) if workflow is not None else None
    if workflow is None or running is None or f"{running[0]}:{running[1].retries}" != timer.token:
        return  # failed, split, retried or cancelled meanwhile
    index, step = running
    now = ctx.now()
    step.status = "COMPLETE"
    step.updated_at = now
    following = next(
        (
            i
            for i in range(index + 1, len(workflow.steps))
            if workflow.steps[i].status == "NOT_STARTED"
        ),
        None,
    )
    if following is not None:
        _run_step(ctx, domain, workflow, following)
        return
    workflow.updated_at = now
    try:
        # D320: the continuous integration is created once the history is in, exactly
        # as PutIntegration would (Uri = the flow's AppFlow ARN).
        integration = put_integration(
            ctx,
            {
                "DomainName": domain.name,
                "ObjectTypeName": workflow.object_type_name,
                "FlowDefinition": workflow.flow_definition,
                "RoleArn": workflow.role_arn,
            },
        )
    except ServiceFault as fault:
        # [A] e.g. the object type was deleted meanwhile.
        workflow.status = "FAILED"
        workflow.error_description = fault.message[:255]
        return
    domain.integrations[integration["Uri"]].definition["WorkflowId"] = workflow.workflow_id
    workflow.status = "COMPLETE"


@on_timer("workflow.purge")
def _purge(ctx: Context, domain: DomainRec, timer: TimerRec) -> None:
    domain.workflows.pop(timer.key, None)


# --------------------------------------------------------------------------- reads, delete


def _connector_profile(workflow: WorkflowRec) -> str:
    source = workflow.flow_definition["SourceFlowConfig"]
    # [A] optional in the request, required in the response: the FlowName stands in.
    return str(source.get("ConnectorProfileName") or workflow.flow_definition["FlowName"])


@operation("GetWorkflow")
def get_workflow(ctx: Context, req: Request) -> Response:
    """GetWorkflow (spec 6.4): status, attributes and metrics."""
    domain = ctx.domain(req["DomainName"])
    workflow = _workflow(domain, req["WorkflowId"])
    attributes: dict[str, Any] = {
        "SourceConnectorType": workflow.flow_definition["SourceFlowConfig"]["ConnectorType"],
        "ConnectorProfileName": _connector_profile(workflow),
    }
    if len(workflow.role_arn) <= 255:  # [A] the output member is shorter than the input
        attributes["RoleArn"] = workflow.role_arn
    out: Response = {
        "WorkflowId": workflow.workflow_id,
        "WorkflowType": workflow.workflow_type,
        "Status": workflow.status,
        "LastUpdatedAt": workflow.updated_at,
        "Attributes": {"AppflowIntegration": attributes},
        "Metrics": {
            "AppflowIntegration": {
                "RecordsProcessed": sum(s.records_processed for s in workflow.steps),
                "StepsCompleted": sum(s.status == "COMPLETE" for s in workflow.steps),
                "TotalSteps": sum(s.status != "SPLIT" for s in workflow.steps),
            }
        },
    }
    if workflow.start_date is not None:
        out["StartDate"] = workflow.start_date
    if workflow.status == "FAILED":
        out["ErrorDescription"] = workflow.error_description or "The workflow failed"
    return out


@operation("GetWorkflowSteps")
def get_workflow_steps(ctx: Context, req: Request) -> Response:
    """GetWorkflowSteps (spec 6.5): the steps in batch order."""
    domain = ctx.domain(req["DomainName"])
    workflow = _workflow(domain, req["WorkflowId"])
    items = [
        {
            "AppflowIntegration": {
                "FlowName": step.flow_name,
                "Status": step.status,
                "ExecutionMessage": (step.message or _STEP_MESSAGES[step.status])[:255],
                "RecordsProcessed": step.records_processed,
                "BatchRecordsStartTime": iso_utc(step.batch_start),
                "BatchRecordsEndTime": iso_utc(step.batch_end),
                "CreatedAt": step.created_at,
                "LastUpdatedAt": step.updated_at,
            }
        }
        for step in workflow.steps
    ]
    return {
        "WorkflowId": workflow.workflow_id,
        "WorkflowType": workflow.workflow_type,
        "Items": items,
    }


@operation("ListWorkflows")
def list_workflows(ctx: Context, req: Request) -> Response:
    """ListWorkflows (spec 6.6): AND-combined filters on creation time; newest first."""
    domain = ctx.domain(req["DomainName"])
    start, end = req.get("QueryStartDate"), req.get("QueryEndDate")
    # [A] QueryEndDate is read as the window's upper bound (ambiguity 24).
    selected = [
        w
        for w in domain.workflows.values()
        if req.get("WorkflowType") in (None, w.workflow_type)
        and req.get("Status") in (None, w.status)
        and (start is None or w.created_at >= start)
        and (end is None or w.created_at <= end)
    ]
    selected.sort(key=lambda w: (w.created_at, w.seq), reverse=True)
    items = [
        {
            "WorkflowType": w.workflow_type,
            "WorkflowId": w.workflow_id,
            "Status": w.status,
            "StatusDescription": _STATUS_DESCRIPTIONS[w.status],
            "CreatedAt": w.created_at,
            "LastUpdatedAt": w.updated_at,
        }
        for w in selected
    ]
    return {"Items": items}


@operation("DeleteWorkflow")
def delete_workflow(ctx: Context, req: Request) -> Response:
    """DeleteWorkflow (spec 6.7): cancel at once, disappear after a delay.

    [A] Profiles and objects already ingested stay; the integration created on
    completion is kept (it is managed with DeleteIntegration, ambiguity 25).
    """
    domain = ctx.domain(req["DomainName"])
    workflow = _workflow(domain, req["WorkflowId"])
    if workflow.deleted_at is not None:
        return {}  # a repeated Delete during the delay
    now = ctx.now()
    if workflow.status in ("NOT_STARTED", *_RUNNING):
        workflow.status = "CANCELLED"
        for step in workflow.steps:
            if step.status in _RUNNING:
                step.status = "CANCELLED"
                step.updated_at = now
    workflow.deleted_at = now
    workflow.updated_at = now
    due = now + ctx.settings.workflow_delete_seconds
    schedule(ctx, domain, due, "workflow.purge", workflow.workflow_id)
    return {}


# --------------------------------------------------------------------------- test hooks


def _hook_step(
    host: BackendHost, domain: str, workflow_id: str, region: str
) -> tuple[Context, DomainRec, WorkflowRec, int, WorkflowStepRec]:
    ctx, rec = host._domain(domain, region)
    workflow = _workflow(rec, workflow_id)
    running = _running_step(workflow)
    if running is None:
        raise ValueError(f"workflow {workflow_id} is {workflow.status}: no step is running")
    return ctx, rec, workflow, running[0], running[1]


class WorkflowHooks:
    """Test hooks of integration workflows, mixed into :class:`LocalBackend`.

    They play the external system (AppFlow and its source) that the emulator does not
    have.
    """

    def feed_workflow_records(
        self: BackendHost,
        domain: str,
        workflow_id: str,
        records: Iterable[Mapping[str, Any]],
        *,
        region: str = "us-east-1",
    ) -> int:
        """Deliver records as the running step's flow would bring them from the source.

        Each record is ingested now as a PutProfileObject of the workflow's
        ``ObjectTypeName`` and counted in the step's ``RecordsProcessed``. A record the
        pipeline rejects is counted too, not stored, and appended to the dead-letter
        list (``Reason`` ``REJECTED`` and the rejection ``Message``). [A]

        Args:
            domain: the domain name.
            workflow_id: the workflow.
            records: the source records, JSON objects.
            region: the domain's region.

        Returns:
            How many records were applied to a profile.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for a missing domain or workflow.
            ValueError: when no step of the workflow is running (IN_PROGRESS or RETRY).
        """
        with self.lock:
            ctx, rec, workflow, _, step = _hook_step(self, domain, workflow_id, region)
            applied = 0
            for record in records:
                body = json.dumps(dict(record))
                try:
                    ingested = ingest_object(
                        ctx, rec, workflow.object_type_name, body, by_service=True
                    )
                except ServiceFault as fault:
                    rec.dead_letters.append(
                        {
                            "ObjectTypeName": workflow.object_type_name,
                            "Object": body,
                            "Reason": "REJECTED",
                            "Message": fault.message,
                            "Timestamp": ctx.now(),
                        }
                    )
                else:
                    applied += ingested.profile is not None
                step.records_processed += 1
            step.updated_at = workflow.updated_at = ctx.now()
            self._committed()
            return applied

    def fail_workflow_step(
        self: BackendHost,
        domain: str,
        workflow_id: str,
        *,
        transient: bool = True,
        message: str = "The flow run failed (injected by the emulator)",
        region: str = "us-east-1",
    ) -> None:
        """Fail the running step now, as a failed flow run would.

        A transient failure puts the step in RETRY and runs it again (a fresh
        ``workflow_step_seconds``); after 3 retries (D320) the next failure, or any
        ``transient=False`` failure, fails the step and the workflow (``ErrorDescription``
        = ``message``; the remaining steps stay NOT_STARTED; no integration is created).

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for a missing domain or workflow.
            ValueError: when no step is running.
        """
        with self.lock:
            ctx, rec, workflow, index, step = _hook_step(self, domain, workflow_id, region)
            now = ctx.now()
            step.message = message or None
            if transient and step.retries < MAX_RETRIES:
                step.retries += 1
                _run_step(ctx, rec, workflow, index)
            else:
                step.status = workflow.status = "FAILED"
                step.updated_at = workflow.updated_at = now
                workflow.error_description = (message or "The workflow failed")[:255]
            self._committed()

    def split_workflow_step(
        self: BackendHost, domain: str, workflow_id: str, *, region: str = "us-east-1"
    ) -> None:
        """Split the running step: it becomes SPLIT and two steps replace it.

        The new steps cover the two halves of its window (flow names ``<name>-1`` and
        ``<name>-2``); the first half starts running now.

        Raises:
            ServiceFault: ``ResourceNotFoundException`` for a missing domain or workflow.
            ValueError: when no step is running.
        """
        with self.lock:
            ctx, rec, workflow, index, step = _hook_step(self, domain, workflow_id, region)
            now = ctx.now()
            step.status = "SPLIT"
            step.updated_at = now
            middle = (step.batch_start + step.batch_end) / 2
            halves = [
                WorkflowStepRec(
                    flow_name=_flow_name(step.flow_name, f"-{n}"),
                    status="NOT_STARTED",
                    batch_start=start,
                    batch_end=end,
                    created_at=now,
                    updated_at=now,
                )
                for n, (start, end) in enumerate(
                    [(step.batch_start, middle), (middle, step.batch_end)], start=1
                )
            ]
            workflow.steps[index + 1 : index + 1] = halves
            _run_step(ctx, rec, workflow, index + 1)
            self._committed()
