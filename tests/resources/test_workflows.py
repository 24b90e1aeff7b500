"""``domain.workflows`` against the embedded emulator (a fake of AppFlow and its source)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from customer_profiles_sdk import (
    BadRequestError,
    CustomerProfiles,
    FlowDefinition,
    JobFailedError,
    ResourceNotFoundError,
    RetryPolicy,
    ValidationError,
    WaitTimeoutError,
    Workflow,
    WorkflowBatch,
    WorkflowStatus,
    WorkflowStep,
    WorkflowSummary,
    WorkflowType,
)
from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.resources import WorkflowHandle
from customer_profiles_sdk.resources._base import coerce
from customer_profiles_sdk.resources.domains import Domain

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
ROLE = "arn:aws:iam::123456789012:role/appflow"
KMS = "arn:aws:kms:us-east-1:123456789012:key/k-1"


def _flow(name: str = "crm-accounts", connector: str = "Salesforce") -> dict[str, Any]:
    block = {"Salesforce": "salesforce", "Zendesk": "zendesk", "Marketo": "marketo"}[connector]
    return {
        "flow_name": name,
        "kms_arn": KMS,
        "source_flow_config": {
            "connector_type": connector,
            "source_connector_properties": {block: {"object": "Account"}},
        },
        "tasks": [{"source_fields": ["Id"], "task_type": "Map", "destination_field": "Id"}],
        "trigger_config": {"trigger_type": "OnDemand"},
    }


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(start=START))


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    domain = cp.domains.create("crm", default_expiration_days=365)
    domain.object_types.put(
        {
            "object_type_name": "Account",
            "description": "accounts",
            "template_id": "Salesforce-Account",
        }
    )
    return domain


def _batches(count: int) -> list[WorkflowBatch]:
    start = START - timedelta(days=30 * count)
    return [
        WorkflowBatch(
            start_time=start + timedelta(days=30 * i), end_time=start + timedelta(days=30 * (i + 1))
        )
        for i in range(count)
    ]


def test_create_runs_the_batches_and_wait_returns_the_complete_workflow(
    domain: Domain, backend: LocalBackend
) -> None:
    workflow = domain.workflows.create(
        "Account", flow_definition=coerce(FlowDefinition, _flow()), role_arn=ROLE,
        batches=_batches(2), tags={"team": "crm"},
    )  # fmt: skip
    assert isinstance(workflow, WorkflowHandle)
    assert workflow.message == "Workflow creation request received"
    state = workflow.get()
    assert isinstance(state, Workflow)
    assert state.status is WorkflowStatus.NOT_STARTED
    assert state.workflow_type is WorkflowType.APPFLOW_INTEGRATION
    assert state.done is False
    assert state.metrics is not None
    assert state.metrics.appflow_integration is not None
    assert state.metrics.appflow_integration.total_steps == 2

    backend.clock.advance(60)
    steps = workflow.steps().to_list()
    assert all(isinstance(s, WorkflowStep) for s in steps)
    flows = [(s.appflow_integration.flow_name, s.appflow_integration.status) for s in steps]  # type: ignore[union-attr]
    assert flows == [
        ("crm-accounts-1", WorkflowStatus.IN_PROGRESS),
        ("crm-accounts-2", WorkflowStatus.NOT_STARTED),
    ]
    page = next(workflow.steps().by_page())
    assert page.response["WorkflowId"] == workflow.workflow_id
    # The test plays the source system: records arrive while a step runs.
    backend.feed_workflow_records(
        "crm", workflow.workflow_id, [{"Id": "001", "Name": "Acme"}, {"Id": "002", "Name": "Beta"}]
    )

    before = backend.clock.now()
    done = workflow.wait(timeout=3600)
    assert done.status is WorkflowStatus.COMPLETE
    assert done.done is True
    assert done.metrics.appflow_integration.records_processed == 2  # type: ignore[union-attr]
    assert done.metrics.appflow_integration.steps_completed == 2  # type: ignore[union-attr]
    assert 600 <= backend.clock.now() - before < 700  # two steps of 300 s, on the clock
    # The continuous integration exists, named after the flow, with the workflow's id.
    integration = domain.integrations.get(
        "arn:aws:appflow:us-east-1:123456789012:flow/crm-accounts"
    )
    assert integration.workflow_id == workflow.workflow_id


def test_without_batches_the_history_is_split_in_two_month_windows(domain: Domain) -> None:
    flow = _flow()
    flow["trigger_config"] = {
        "trigger_type": "Scheduled",
        "trigger_properties": {
            "scheduled": {
                "schedule_expression": "rate(1days)",
                "first_execution_from": START - timedelta(days=7 * 30),
            }
        },
    }
    workflow = domain.workflows.create("Account", flow_definition=flow, role_arn=ROLE)
    assert len(workflow.steps().to_list()) == 4  # 2 + 2 + 2 + 1 months


def test_a_failed_step_fails_the_wait_with_the_description(
    domain: Domain, backend: LocalBackend
) -> None:
    workflow = domain.workflows.create("Account", flow_definition=_flow(), role_arn=ROLE)
    backend.clock.advance(60)
    backend.fail_workflow_step(
        "crm", workflow.workflow_id, transient=False, message="Salesforce refused the query"
    )
    with pytest.raises(JobFailedError) as caught:
        workflow.wait()
    assert caught.value.last.status is WorkflowStatus.FAILED
    assert "Salesforce refused the query" in str(caught.value)


def test_a_retried_step_is_still_running(domain: Domain, backend: LocalBackend) -> None:
    workflow = domain.workflows.create("Account", flow_definition=_flow(), role_arn=ROLE)
    backend.clock.advance(60)
    backend.fail_workflow_step("crm", workflow.workflow_id, transient=True)
    state = workflow.get()
    assert state.status is WorkflowStatus.RETRY
    assert state.done is False
    assert workflow.wait().status is WorkflowStatus.COMPLETE


def test_delete_cancels_and_the_workflow_disappears(domain: Domain, backend: LocalBackend) -> None:
    workflow = domain.workflows.create("Account", flow_definition=_flow(), role_arn=ROLE)
    assert workflow.delete() is True
    with pytest.raises(JobFailedError) as caught:
        workflow.wait()
    assert caught.value.last.status is WorkflowStatus.CANCELLED
    assert "CANCELLED" in str(caught.value)
    backend.clock.advance(61)
    with pytest.raises(ResourceNotFoundError):
        workflow.get()
    assert domain.workflows.delete(workflow.workflow_id) is False


def test_wait_times_out_on_the_emulated_clock(domain: Domain, backend: LocalBackend) -> None:
    workflow = domain.workflows.create("Account", flow_definition=_flow(), role_arn=ROLE)
    before = backend.clock.now()
    with pytest.raises(WaitTimeoutError) as caught:
        workflow.wait(timeout=100)  # start (60 s) + one step (300 s) take longer
    assert caught.value.last.status is WorkflowStatus.IN_PROGRESS
    assert backend.clock.now() - before == pytest.approx(100)


def test_list_filters_and_pages(domain: Domain, backend: LocalBackend) -> None:
    first = domain.workflows.create("Account", flow_definition=_flow("one"), role_arn=ROLE)
    first.wait()
    backend.clock.advance(10)
    second = domain.workflows.create("Account", flow_definition=_flow("two"), role_arn=ROLE)
    everything = domain.workflows.list().page_size(1).to_list()
    assert all(isinstance(w, WorkflowSummary) for w in everything)
    assert [w.workflow_id for w in everything] == [second.workflow_id, first.workflow_id]
    complete = domain.workflows.list(status=WorkflowStatus.COMPLETE).to_list()
    assert [w.workflow_id for w in complete] == [first.workflow_id]
    assert complete[0].done is True
    later = domain.workflows.list(query_start_date=START + timedelta(days=1)).to_list()
    assert later == []
    with pytest.raises(ValidationError) as caught:
        domain.workflows.list(status="DONE")
    assert caught.value.fields == ["Status"]


def test_documented_rules_are_checked_before_sending(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError) as caught:
        domain.workflows.create(
            "Account",
            flow_definition=_flow(connector="Zendesk"),
            role_arn="not-an-arn",
            batches=[WorkflowBatch(start_time=START, end_time=START - timedelta(days=1))],
        )
    error = caught.value
    assert error.operation == "CreateIntegrationWorkflow"
    assert error.fields == [
        "IntegrationConfig.AppflowIntegration.FlowDefinition.SourceFlowConfig.ConnectorType",
        "IntegrationConfig.AppflowIntegration.Batches[0]",
        "RoleArn",
    ]
    assert "Salesforce, Marketo, Servicenow" in str(error)
    assert backend.calls == []
    with pytest.raises(ValidationError) as from_text:  # ISO strings and mappings too
        domain.workflows.create(
            "Account",
            flow_definition=_flow(),
            role_arn=ROLE,
            batches=[{"start_time": "2026-02-01T00:00:00Z", "end_time": "2026-01-01T00:00:00"}],
        )
    assert from_text.value.fields == ["IntegrationConfig.AppflowIntegration.Batches[0]"]
    with pytest.raises(ValidationError) as bad_type:
        domain.workflows.create(
            "Account", flow_definition=_flow(), role_arn=ROLE, workflow_type="OTHER"
        )
    assert bad_type.value.fields == ["WorkflowType"]
    with pytest.raises(ValidationError) as bad_id:
        domain.workflows.get("nope")
    assert bad_id.value.fields == ["WorkflowId"]


def test_the_service_refusals_are_typed_errors(domain: Domain) -> None:
    with pytest.raises(BadRequestError):
        domain.workflows.create("Nothing", flow_definition=_flow(), role_arn=ROLE)
    domain.workflows.create("Account", flow_definition=_flow(), role_arn=ROLE)
    with pytest.raises(BadRequestError):  # the flow name is in use
        domain.workflows.create("Account", flow_definition=_flow(), role_arn=ROLE)
