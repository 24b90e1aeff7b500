"""Integration workflows: ingest a Salesforce object's history, then keep it in sync."""

from datetime import datetime, timedelta, timezone

from customer_profiles_sdk import (
    CustomerProfiles,
    FlowDefinition,
    ObjectType,
    SalesforceSourceProperties,
    SourceConnectorProperties,
    SourceFlowConfig,
    Task,
    TriggerConfig,
    WorkflowBatch,
    WorkflowStatus,
)
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
cp = CustomerProfiles.local(backend=backend)
domain = cp.domains.create("crm", default_expiration_days=365)
domain.object_types.put(
    ObjectType(
        object_type_name="Account", description="CRM accounts", template_id="Salesforce-Account"
    )
)

flow = FlowDefinition(
    flow_name="crm-accounts",
    kms_arn="arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    source_flow_config=SourceFlowConfig(
        connector_type="Salesforce",
        source_connector_properties=SourceConnectorProperties(
            salesforce=SalesforceSourceProperties(object="Account")
        ),
    ),
    tasks=[Task(source_fields=["Id"], task_type="Map", destination_field="Id")],
    trigger_config=TriggerConfig(trigger_type="OnDemand"),
)
now = datetime.now(timezone.utc)
workflow = domain.workflows.create(
    "Account",
    flow_definition=flow,
    role_arn="arn:aws:iam::123456789012:role/customer-profiles-appflow",
    batches=[  # two batches of history; without them the service picks two-month windows
        WorkflowBatch(start_time=now - timedelta(days=60), end_time=now - timedelta(days=30)),
        WorkflowBatch(start_time=now - timedelta(days=30), end_time=now),
    ],
)
assert workflow.get().status is WorkflowStatus.NOT_STARTED
assert len(workflow.steps().to_list()) == 2

done = workflow.wait()  # on the emulator: advances its clock through both batches
assert done.status is WorkflowStatus.COMPLETE
assert done.metrics is not None
assert done.metrics.appflow_integration is not None
assert done.metrics.appflow_integration.steps_completed == 2
assert [w.workflow_id for w in domain.workflows.list(status="COMPLETE")] == [workflow.workflow_id]

# Once complete, the continuous integration exists.
uri = "arn:aws:appflow:us-east-1:123456789012:flow/crm-accounts"
assert domain.integrations.get(uri).workflow_id == workflow.workflow_id
