"""An integration workflow: the emulator fakes AppFlow; the test plays the source."""

from datetime import datetime, timezone

from customer_profiles_sdk.local import Clock, LocalBackend

backend = LocalBackend(clock=Clock(start=datetime(2026, 3, 1, tzinfo=timezone.utc)))
client = backend.client()
client.create_domain(DomainName="retail", DefaultExpirationDays=365)
client.put_profile_object_type(
    DomainName="retail",
    ObjectTypeName="Contact",
    Description="Salesforce contacts",
    AllowProfileCreation=True,
    Fields={"id": {"Source": "_source.Id"}, "email": {"Source": "_source.Email"}},
    Keys={"contactId": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]},
)
workflow_id = client.create_integration_workflow(
    DomainName="retail",
    WorkflowType="APPFLOW_INTEGRATION",
    IntegrationConfig={
        "AppflowIntegration": {
            "FlowDefinition": {
                "FlowName": "contacts",
                "KmsArn": "arn:aws:kms:us-east-1:123456789012:key/example",
                "SourceFlowConfig": {
                    "ConnectorType": "Salesforce",
                    "SourceConnectorProperties": {"Salesforce": {"Object": "Contact"}},
                },
                "Tasks": [{"SourceFields": ["Id"], "TaskType": "Map"}],
                "TriggerConfig": {"TriggerType": "OnDemand"},
            }
        }
    },
    ObjectTypeName="Contact",
    RoleArn="arn:aws:iam::123456789012:role/appflow",
)["WorkflowId"]

backend.clock.advance(60)  # NOT_STARTED -> IN_PROGRESS (workflow_start_seconds)
# What the real flow would bring from Salesforce: the records are ingested now.
backend.feed_workflow_records("retail", workflow_id, [{"Id": "003A", "Email": "a@example.com"}])
backend.clock.advance(300)  # the only batch completes (workflow_step_seconds)

workflow = client.get_workflow(DomainName="retail", WorkflowId=workflow_id)
assert workflow["Status"] == "COMPLETE"
assert workflow["Metrics"]["AppflowIntegration"]["RecordsProcessed"] == 1
uri = "arn:aws:appflow:us-east-1:123456789012:flow/contacts"
assert client.get_integration(DomainName="retail", Uri=uri)["WorkflowId"] == workflow_id
