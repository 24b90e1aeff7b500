"""Integration workflows (spec identity-history-jobs 6): the state machine on the emulated
clock, batching, retries and splits, asynchronous deletion, listing, and the fake of the
external system (``feed_workflow_records``) whose records go through PutProfileObject's
pipeline."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timezone
from typing import Any

import pytest

from customer_profiles_sdk.local import Clock, LocalBackend, ServiceFault, _changes
from customer_profiles_sdk.local._changes import Change, ChangeKind
from tests.local.conftest import conformance_checked

D = "retail"
T = "Contact"
T0 = datetime(2026, 8, 1, tzinfo=timezone.utc).timestamp()
DAY = 86400.0
FLOW = "sf-contacts"
ROLE = "arn:aws:iam::123456789012:role/appflow"
FLOW_DEFINITION: dict[str, Any] = {
    "FlowName": FLOW,
    "KmsArn": "arn:aws:kms:us-east-1:123456789012:key/abcd-1234",
    "SourceFlowConfig": {
        "ConnectorType": "Salesforce",
        "SourceConnectorProperties": {"Salesforce": {"Object": "Contact"}},
    },
    "Tasks": [{"SourceFields": ["Id"], "TaskType": "Map", "DestinationField": "Id"}],
    "TriggerConfig": {"TriggerType": "OnDemand"},
}


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(T0))


@pytest.fixture(scope="module")
def checked_client() -> Any:
    return conformance_checked(LocalBackend().client())


@pytest.fixture
def client(backend: LocalBackend, checked_client: Any) -> Any:
    c = backend.attach(checked_client)
    c.create_domain(DomainName=D, DefaultExpirationDays=365)
    c.put_profile_object_type(
        DomainName=D,
        ObjectTypeName=T,
        Description="Salesforce contacts",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.Id"},
            "email": {
                "Source": "_source.Email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
        },
        Keys={
            "contactId": [{"StandardIdentifiers": ["UNIQUE", "PROFILE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    return c


def _create(
    client: Any,
    *,
    batches: list[tuple[float, float]] | None = None,
    flow: dict[str, Any] | None = None,
    **extra: Any,
) -> str:
    appflow: dict[str, Any] = {"FlowDefinition": flow or FLOW_DEFINITION}
    if batches is not None:
        appflow["Batches"] = [{"StartTime": s, "EndTime": e} for s, e in batches]
    request = {
        "WorkflowType": "APPFLOW_INTEGRATION",
        "IntegrationConfig": {"AppflowIntegration": appflow},
        "ObjectTypeName": T,
        "RoleArn": ROLE,
        **extra,
    }
    answer = client.create_integration_workflow(DomainName=D, **request)
    assert answer["Message"]
    workflow_id: str = answer["WorkflowId"]
    return workflow_id


def _steps(client: Any, workflow_id: str) -> list[dict[str, Any]]:
    items = client.get_workflow_steps(DomainName=D, WorkflowId=workflow_id)["Items"]
    return [item["AppflowIntegration"] for item in items]


def _metrics(client: Any, workflow_id: str) -> tuple[int, int, int]:
    m = client.get_workflow(DomainName=D, WorkflowId=workflow_id)["Metrics"]["AppflowIntegration"]
    return m["RecordsProcessed"], m["StepsCompleted"], m["TotalSteps"]


def _status(client: Any, workflow_id: str) -> str:
    status: str = client.get_workflow(DomainName=D, WorkflowId=workflow_id)["Status"]
    return status


def _two_batches() -> list[tuple[float, float]]:
    return [(T0 - 60 * DAY, T0 - 30 * DAY), (T0 - 30 * DAY, T0)]


def _flow_uri() -> str:
    return f"arn:aws:appflow:us-east-1:123456789012:flow/{FLOW}"


# --------------------------------------------------------------------------- lifecycle


def test_lifecycle_with_two_batches(backend: LocalBackend, client: Any) -> None:
    workflow_id = _create(client, batches=list(reversed(_two_batches())))  # sorted by time
    created = client.get_workflow(DomainName=D, WorkflowId=workflow_id)
    assert created["Status"] == "NOT_STARTED"
    assert created["WorkflowType"] == "APPFLOW_INTEGRATION"
    assert "StartDate" not in created
    assert "ErrorDescription" not in created
    assert created["Attributes"]["AppflowIntegration"] == {
        "SourceConnectorType": "Salesforce",
        "ConnectorProfileName": FLOW,  # none in the request: the FlowName stands in
        "RoleArn": ROLE,
    }
    assert _metrics(client, workflow_id) == (0, 0, 2)
    steps = _steps(client, workflow_id)
    assert [s["FlowName"] for s in steps] == [f"{FLOW}-1", f"{FLOW}-2"]
    assert steps[0]["BatchRecordsStartTime"] == _iso(T0 - 60 * DAY)
    assert steps[1]["BatchRecordsEndTime"] == _iso(T0)
    with pytest.raises(ValueError, match="no step is running"):
        backend.feed_workflow_records(D, workflow_id, [{"Id": "1"}])

    backend.clock.advance(60)
    running = client.get_workflow(DomainName=D, WorkflowId=workflow_id)
    assert running["Status"] == "IN_PROGRESS"
    assert running["StartDate"].timestamp() == T0 + 60
    assert [s["Status"] for s in _steps(client, workflow_id)] == ["IN_PROGRESS", "NOT_STARTED"]

    records = [{"Id": f"003-{n}", "Email": f"c{n}@example.com"} for n in range(3)]
    assert backend.feed_workflow_records(D, workflow_id, records) == 3
    assert _metrics(client, workflow_id) == (3, 0, 2)
    (profile,) = client.search_profiles(DomainName=D, KeyName="_email", Values=["C1@example.com"])[
        "Items"
    ]
    objects = client.list_profile_objects(
        DomainName=D, ObjectTypeName=T, ProfileId=profile["ProfileId"]
    )["Items"]
    assert [json.loads(o["Object"]) for o in objects] == [records[1]]

    backend.clock.advance(300)
    assert _metrics(client, workflow_id) == (3, 1, 2)
    steps = _steps(client, workflow_id)
    assert [s["Status"] for s in steps] == ["COMPLETE", "IN_PROGRESS"]
    assert steps[0]["RecordsProcessed"] == 3
    assert steps[1]["RecordsProcessed"] == 0
    assert steps[0]["LastUpdatedAt"].timestamp() == T0 + 360
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_integration(DomainName=D, Uri=_flow_uri())  # not before completion

    backend.clock.advance(300)
    assert _status(client, workflow_id) == "COMPLETE"
    assert _metrics(client, workflow_id) == (3, 2, 2)
    integration = client.get_integration(DomainName=D, Uri=_flow_uri())
    assert integration["WorkflowId"] == workflow_id
    assert integration["ObjectTypeName"] == T
    assert integration["RoleArn"] == ROLE
    assert integration["CreatedAt"].timestamp() == T0 + 660


def test_a_completion_observed_late_carries_its_own_time(
    backend: LocalBackend, client: Any
) -> None:
    workflow_id = _create(client)  # one 60-day window
    backend.clock.advance(10 * DAY)
    (item,) = client.list_integrations(DomainName=D)["Items"]  # observed via another call
    assert item["WorkflowId"] == workflow_id
    assert item["CreatedAt"].timestamp() == T0 + 360
    (step,) = _steps(client, workflow_id)
    assert step["Status"] == "COMPLETE"
    assert step["BatchRecordsStartTime"] == _iso(T0 - 60 * DAY)


def test_automatic_two_month_batches_from_first_execution(client: Any) -> None:
    flow = copy.deepcopy(FLOW_DEFINITION)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc).timestamp()  # 7 months before T0
    flow["TriggerConfig"] = {
        "TriggerType": "Scheduled",
        "TriggerProperties": {
            "Scheduled": {"ScheduleExpression": "rate(1days)", "FirstExecutionFrom": start}
        },
    }
    steps = _steps(client, _create(client, flow=flow))
    assert [(s["BatchRecordsStartTime"], s["BatchRecordsEndTime"]) for s in steps] == [
        ("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"),
        ("2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z"),
        ("2026-05-01T00:00:00Z", "2026-07-01T00:00:00Z"),
        ("2026-07-01T00:00:00Z", "2026-08-01T00:00:00Z"),
    ]


def test_retries_then_failure(backend: LocalBackend, client: Any) -> None:
    workflow_id = _create(client, batches=_two_batches())
    backend.clock.advance(60)
    for _ in range(3):
        backend.clock.advance(299)  # each (re)run takes a fresh 300 s: fail just before
        backend.fail_workflow_step(D, workflow_id)
        assert _status(client, workflow_id) == "RETRY"
        assert [s["Status"] for s in _steps(client, workflow_id)] == ["RETRY", "NOT_STARTED"]
    backend.clock.advance(299)
    assert _steps(client, workflow_id)[0]["Status"] == "RETRY"
    backend.clock.advance(1)
    assert [s["Status"] for s in _steps(client, workflow_id)] == ["COMPLETE", "IN_PROGRESS"]
    assert _status(client, workflow_id) == "IN_PROGRESS"

    # Step 2: three retries are allowed, the fourth failure is final.
    for _ in range(3):
        backend.fail_workflow_step(D, workflow_id, message="Salesforce API timeout")
    backend.fail_workflow_step(D, workflow_id, message="Salesforce API timeout")
    failed = client.get_workflow(DomainName=D, WorkflowId=workflow_id)
    assert failed["Status"] == "FAILED"
    assert failed["ErrorDescription"] == "Salesforce API timeout"
    steps = _steps(client, workflow_id)
    assert [s["Status"] for s in steps] == ["COMPLETE", "FAILED"]
    assert steps[1]["ExecutionMessage"] == "Salesforce API timeout"
    backend.clock.advance(3600)
    assert _status(client, workflow_id) == "FAILED"
    assert client.list_integrations(DomainName=D)["Items"] == []
    with pytest.raises(ValueError, match="is FAILED: no step is running"):
        backend.fail_workflow_step(D, workflow_id)


def test_a_permanent_failure_leaves_the_other_steps_not_started(
    backend: LocalBackend, client: Any
) -> None:
    workflow_id = _create(client, batches=_two_batches())
    backend.clock.advance(60)
    backend.fail_workflow_step(D, workflow_id, transient=False)
    assert _status(client, workflow_id) == "FAILED"
    assert [s["Status"] for s in _steps(client, workflow_id)] == ["FAILED", "NOT_STARTED"]


def test_split_replaces_the_running_step_by_its_two_halves(
    backend: LocalBackend, client: Any
) -> None:
    workflow_id = _create(client, batches=[(T0 - 20 * DAY, T0)])
    backend.clock.advance(60)
    backend.split_workflow_step(D, workflow_id)
    steps = _steps(client, workflow_id)
    assert [(s["FlowName"], s["Status"]) for s in steps] == [
        (f"{FLOW}-1", "SPLIT"),
        (f"{FLOW}-1-1", "IN_PROGRESS"),
        (f"{FLOW}-1-2", "NOT_STARTED"),
    ]
    assert (
        steps[1]["BatchRecordsEndTime"] == steps[2]["BatchRecordsStartTime"] == _iso(T0 - 10 * DAY)
    )
    assert _metrics(client, workflow_id) == (0, 0, 2)
    backend.clock.advance(600)
    assert _status(client, workflow_id) == "COMPLETE"
    assert _metrics(client, workflow_id) == (0, 2, 2)


def test_fed_records_are_reported_to_the_change_feed(backend: LocalBackend, client: Any) -> None:
    workflow_id = _create(client)
    backend.clock.advance(60)
    seen: list[Change] = []
    _changes.subscribe("test-workflow-records")(lambda ctx, change: seen.append(change))
    try:
        backend.feed_workflow_records(D, workflow_id, [{"Id": "1", "Email": "a@example.com"}])
    finally:
        _changes.unsubscribe("test-workflow-records")
    (change,) = seen
    assert change.kind is ChangeKind.OBJECT_INGESTED
    assert (change.by_service, change.operation, change.at) == (True, None, T0 + 60)
    assert (change.object_type, change.profile_created) == (T, True)


def test_rejected_records_are_counted_and_dead_lettered(backend: LocalBackend, client: Any) -> None:
    workflow_id = _create(client)
    backend.clock.advance(60)
    applied = backend.feed_workflow_records(
        D, workflow_id, [{"Id": "1", "Email": "a@example.com"}, {"Email": "no-id@example.com"}]
    )
    assert applied == 1
    assert _metrics(client, workflow_id)[0] == 2
    (letter,) = backend.dead_letters(D)
    assert letter["Reason"] == "REJECTED"
    assert letter["ObjectTypeName"] == T
    assert "UNIQUE" in letter["Message"]
    assert client.get_domain(DomainName=D)["Stats"]["ObjectCount"] == 1


def test_hooks_on_unknown_workflows_are_not_found(backend: LocalBackend, client: Any) -> None:
    with pytest.raises(ServiceFault) as caught:
        backend.feed_workflow_records(D, "f" * 32, [])
    assert caught.value.code == "ResourceNotFoundException"


# --------------------------------------------------------------------------- delete, list


def test_delete_cancels_then_the_workflow_disappears(backend: LocalBackend, client: Any) -> None:
    workflow_id = _create(client)
    backend.clock.advance(60)
    client.delete_workflow(DomainName=D, WorkflowId=workflow_id)
    assert _status(client, workflow_id) == "CANCELLED"
    assert [s["Status"] for s in _steps(client, workflow_id)] == ["CANCELLED"]
    with pytest.raises(ValueError, match="is CANCELLED"):
        backend.feed_workflow_records(D, workflow_id, [{"Id": "1"}])
    backend.clock.advance(30)
    client.delete_workflow(DomainName=D, WorkflowId=workflow_id)  # repeated: still 200
    assert [w["Status"] for w in client.list_workflows(DomainName=D)["Items"]] == ["CANCELLED"]
    backend.clock.advance(30)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_workflow(DomainName=D, WorkflowId=workflow_id)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_workflow(DomainName=D, WorkflowId=workflow_id)
    assert client.list_workflows(DomainName=D)["Items"] == []
    backend.clock.advance(3600)
    assert client.list_integrations(DomainName=D)["Items"] == []  # it never completed
    # The FlowName is free again.
    assert _create(client)


def test_delete_after_completion_keeps_the_integration_and_the_data(
    backend: LocalBackend, client: Any
) -> None:
    workflow_id = _create(client)
    backend.clock.advance(60)
    backend.feed_workflow_records(D, workflow_id, [{"Id": "1", "Email": "a@example.com"}])
    backend.clock.advance(300)
    client.delete_workflow(DomainName=D, WorkflowId=workflow_id)
    assert _status(client, workflow_id) == "COMPLETE"
    backend.clock.advance(60)
    assert client.get_integration(DomainName=D, Uri=_flow_uri())["WorkflowId"] == workflow_id
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == 1


def test_list_filters_and_order(backend: LocalBackend, client: Any) -> None:
    first = _create(client)
    backend.clock.advance(400)
    assert _status(client, first) == "COMPLETE"
    other_flow = {**FLOW_DEFINITION, "FlowName": "sf-other"}
    second = _create(client, flow=other_flow)
    items = client.list_workflows(DomainName=D)["Items"]
    assert [(w["WorkflowId"], w["Status"]) for w in items] == [
        (second, "NOT_STARTED"),
        (first, "COMPLETE"),
    ]
    assert all(w["StatusDescription"] for w in items)
    assert [
        w["WorkflowId"] for w in client.list_workflows(DomainName=D, Status="COMPLETE")["Items"]
    ] == [first]
    after = datetime.fromtimestamp(T0 + 401, tz=timezone.utc)
    assert client.list_workflows(DomainName=D, QueryStartDate=after)["Items"] == []
    before_second = datetime.fromtimestamp(T0 + 399, tz=timezone.utc)
    assert [
        w["WorkflowId"]
        for w in client.list_workflows(DomainName=D, QueryEndDate=before_second)["Items"]
    ] == [first]
    page = client.list_workflows(DomainName=D, WorkflowType="APPFLOW_INTEGRATION", MaxResults=1)
    assert [w["WorkflowId"] for w in page["Items"]] == [second]
    rest = client.list_workflows(
        DomainName=D, WorkflowType="APPFLOW_INTEGRATION", MaxResults=1, NextToken=page["NextToken"]
    )
    assert [w["WorkflowId"] for w in rest["Items"]] == [first]


def test_workflow_steps_page_and_repeat_the_workflow_members(client: Any) -> None:
    workflow_id = _create(client, batches=_two_batches())
    page = client.get_workflow_steps(DomainName=D, WorkflowId=workflow_id, MaxResults=1)
    assert (page["WorkflowId"], page["WorkflowType"]) == (workflow_id, "APPFLOW_INTEGRATION")
    assert len(page["Items"]) == 1
    rest = client.get_workflow_steps(
        DomainName=D, WorkflowId=workflow_id, MaxResults=1, NextToken=page["NextToken"]
    )
    assert rest["WorkflowId"] == workflow_id
    assert rest["Items"][0]["AppflowIntegration"]["FlowName"] == f"{FLOW}-2"
    assert "NextToken" not in rest


# --------------------------------------------------------------------------- validation


def _with_source(connector: str, properties: dict[str, Any]) -> dict[str, Any]:
    flow = copy.deepcopy(FLOW_DEFINITION)
    flow["SourceFlowConfig"] = {
        "ConnectorType": connector,
        "SourceConnectorProperties": properties,
    }
    return flow


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"flow": _with_source("Zendesk", {"Zendesk": {"Object": "Ticket"}})}, "not supported"),
        ({"flow": _with_source("S3", {"S3": {"BucketName": "bucket"}})}, "not supported"),
        ({"flow": _with_source("Marketo", {"Salesforce": {"Object": "Lead"}})}, "Marketo block"),
        ({"ObjectTypeName": "Nope"}, "Nope"),
        ({"batches": [(T0, T0 - DAY)]}, "StartTime before its EndTime"),
        ({"batches": [(T0 - 10 * DAY, T0), (T0 - 20 * DAY, T0 - 5 * DAY)]}, "overlap"),
        ({"WorkflowType": "OTHER"}, "WorkflowType"),
    ],
)
def test_create_validation(client: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match=message):
        _create(client, **kwargs)
    assert client.list_workflows(DomainName=D)["Items"] == []


def test_create_needs_the_appflow_block_a_past_first_execution_and_a_free_flow_name(
    client: Any,
) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="AppflowIntegration"):
        client.create_integration_workflow(
            DomainName=D,
            WorkflowType="APPFLOW_INTEGRATION",
            IntegrationConfig={},
            ObjectTypeName=T,
            RoleArn=ROLE,
        )
    future = copy.deepcopy(FLOW_DEFINITION)
    future["TriggerConfig"] = {
        "TriggerType": "Scheduled",
        "TriggerProperties": {
            "Scheduled": {"ScheduleExpression": "rate(1days)", "FirstExecutionFrom": T0 + DAY}
        },
    }
    with pytest.raises(client.exceptions.BadRequestException, match="FirstExecutionFrom"):
        _create(client, flow=future)
    _create(client)
    with pytest.raises(client.exceptions.BadRequestException, match="already used"):
        _create(client)


def test_missing_domain_and_workflow_are_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_integration_workflow(
            DomainName="nope",
            WorkflowType="APPFLOW_INTEGRATION",
            IntegrationConfig={"AppflowIntegration": {"FlowDefinition": FLOW_DEFINITION}},
            ObjectTypeName=T,
            RoleArn=ROLE,
        )
    for call in (
        lambda: client.get_workflow(DomainName=D, WorkflowId="f" * 32),
        lambda: client.get_workflow_steps(DomainName=D, WorkflowId="f" * 32),
        lambda: client.delete_workflow(DomainName=D, WorkflowId="any-id"),
        lambda: client.list_workflows(DomainName="nope"),
    ):
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            call()
