"""Models of the integrations operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model

__all__ = [
    "ConnectorOperator",
    "DataPullMode",
    "DeleteIntegrationResponse",
    "FlowDefinition",
    "FlowOperator",
    "IncrementalPullConfig",
    "Integration",
    "IntegrationScope",
    "IntegrationSpec",
    "ListAccountIntegrationsResponse",
    "ListIntegrationsResponse",
    "MarketoSourceProperties",
    "OperatorPropertiesKey",
    "S3SourceProperties",
    "SalesforceSourceProperties",
    "ScheduledTriggerProperties",
    "ServiceNowSourceProperties",
    "SourceConnectorProperties",
    "SourceConnectorType",
    "SourceFlowConfig",
    "Task",
    "TaskType",
    "TriggerConfig",
    "TriggerProperties",
    "TriggerType",
    "ZendeskSourceProperties",
]


class DataPullMode(str, Enum):
    """Whether a scheduled flow pulls new records only or everything (open enum)."""

    INCREMENTAL = "Incremental"
    COMPLETE = "Complete"


class FlowOperator(str, Enum):
    """A task's operation on its source fields (open enum).

    The model has one operator enum per connector (``SalesforceConnectorOperator``,
    ``ZendeskConnectorOperator``...); this is their union. Each connector accepts a
    subset (Zendesk, for instance, has no ``LESS_THAN``): an operator the connector
    does not know is reported as a ``ValidationError`` before anything is sent.
    """

    PROJECTION = "PROJECTION"
    LESS_THAN = "LESS_THAN"
    GREATER_THAN = "GREATER_THAN"
    BETWEEN = "BETWEEN"
    ADDITION = "ADDITION"
    MULTIPLICATION = "MULTIPLICATION"
    DIVISION = "DIVISION"
    SUBTRACTION = "SUBTRACTION"
    MASK_ALL = "MASK_ALL"
    MASK_FIRST_N = "MASK_FIRST_N"
    MASK_LAST_N = "MASK_LAST_N"
    VALIDATE_NON_NULL = "VALIDATE_NON_NULL"
    VALIDATE_NON_ZERO = "VALIDATE_NON_ZERO"
    VALIDATE_NON_NEGATIVE = "VALIDATE_NON_NEGATIVE"
    VALIDATE_NUMERIC = "VALIDATE_NUMERIC"
    NO_OP = "NO_OP"
    LESS_THAN_OR_EQUAL_TO = "LESS_THAN_OR_EQUAL_TO"
    GREATER_THAN_OR_EQUAL_TO = "GREATER_THAN_OR_EQUAL_TO"
    EQUAL_TO = "EQUAL_TO"
    NOT_EQUAL_TO = "NOT_EQUAL_TO"
    CONTAINS = "CONTAINS"


class IntegrationScope(str, Enum):
    """``Scope`` of an integration (open enum); the service defaults to ``PROFILE``."""

    PROFILE = "PROFILE"
    DOMAIN = "DOMAIN"


class OperatorPropertiesKey(str, Enum):
    """Keys of :attr:`Task.task_properties` (``OperatorPropertiesKeys``).

    Members are strings, so they can be used as keys directly:
    ``{OperatorPropertiesKey.DATA_TYPE: "string"}``.
    """

    VALUE = "VALUE"
    VALUES = "VALUES"
    DATA_TYPE = "DATA_TYPE"
    UPPER_BOUND = "UPPER_BOUND"
    LOWER_BOUND = "LOWER_BOUND"
    SOURCE_DATA_TYPE = "SOURCE_DATA_TYPE"
    DESTINATION_DATA_TYPE = "DESTINATION_DATA_TYPE"
    VALIDATION_ACTION = "VALIDATION_ACTION"
    MASK_VALUE = "MASK_VALUE"
    MASK_LENGTH = "MASK_LENGTH"
    TRUNCATE_LENGTH = "TRUNCATE_LENGTH"
    MATH_OPERATION_FIELDS_ORDER = "MATH_OPERATION_FIELDS_ORDER"
    CONCAT_FORMAT = "CONCAT_FORMAT"
    SUBFIELD_CATEGORY_MAP = "SUBFIELD_CATEGORY_MAP"


class SourceConnectorType(str, Enum):
    """The AppFlow source of a flow (``SourceConnectorType``, open enum)."""

    SALESFORCE = "Salesforce"
    MARKETO = "Marketo"
    ZENDESK = "Zendesk"
    SERVICENOW = "Servicenow"
    S3 = "S3"


class TaskType(str, Enum):
    """What a flow task does to its source fields (``TaskType``, open enum)."""

    ARITHMETIC = "Arithmetic"
    FILTER = "Filter"
    MAP = "Map"
    MASK = "Mask"
    MERGE = "Merge"
    TRUNCATE = "Truncate"
    VALIDATE = "Validate"


class TriggerType(str, Enum):
    """When a flow runs (``TriggerType``, open enum)."""

    SCHEDULED = "Scheduled"
    EVENT = "Event"
    ON_DEMAND = "OnDemand"


@model
class ConnectorOperator:
    """The operation of a task; set the one member that matches the connector type."""

    __wire_shape__: ClassVar[str] = "ConnectorOperator"

    marketo: FlowOperator | str | None = attrs.field(
        default=None, metadata={"wire": "Marketo", "sensitive": True}
    )
    s3: FlowOperator | str | None = attrs.field(
        default=None, metadata={"wire": "S3", "sensitive": True}
    )
    salesforce: FlowOperator | str | None = attrs.field(
        default=None, metadata={"wire": "Salesforce", "sensitive": True}
    )
    service_now: FlowOperator | str | None = attrs.field(
        default=None, metadata={"wire": "ServiceNow", "sensitive": True}
    )
    zendesk: FlowOperator | str | None = attrs.field(
        default=None, metadata={"wire": "Zendesk", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteIntegrationResponse:
    """The ``DeleteIntegrationResponse`` structure, used by ``DeleteIntegration`` (response)."""

    __wire_shape__: ClassVar[str] = "DeleteIntegrationResponse"

    message: str = attrs.field(metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class FlowDefinition:
    """An Amazon AppFlow flow that feeds an integration (``FlowDefinition``).

    Sent with ``PutIntegration`` only: the service does not return it.

    Example:
        >>> flow = FlowDefinition(
        ...     flow_name="sfdc-contacts",
        ...     kms_arn="arn:aws:kms:us-east-1:123456789012:key/k1",
        ...     source_flow_config=SourceFlowConfig(
        ...         connector_type=SourceConnectorType.SALESFORCE,
        ...         source_connector_properties=SourceConnectorProperties(
        ...             salesforce=SalesforceSourceProperties(object="Contact"))),
        ...     tasks=[Task(source_fields=["Id"], task_type=TaskType.FILTER)],
        ...     trigger_config=TriggerConfig(trigger_type=TriggerType.ON_DEMAND))
        >>> flow.source_flow_config.connector_type.value
        'Salesforce'
    """

    __wire_shape__: ClassVar[str] = "FlowDefinition"

    flow_name: str = attrs.field(metadata={"wire": "FlowName", "sensitive": True})
    kms_arn: str = attrs.field(metadata={"wire": "KmsArn", "sensitive": True})
    source_flow_config: SourceFlowConfig = attrs.field(
        metadata={"wire": "SourceFlowConfig", "sensitive": True}
    )
    tasks: list[Task] = attrs.field(metadata={"wire": "Tasks", "sensitive": True})
    trigger_config: TriggerConfig = attrs.field(
        metadata={"wire": "TriggerConfig", "sensitive": True}
    )
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class IncrementalPullConfig:
    """Which date-time field marks new records for incremental pulls."""

    __wire_shape__: ClassVar[str] = "IncrementalPullConfig"

    datetime_type_field_name: str | None = attrs.field(
        default=None, metadata={"wire": "DatetimeTypeFieldName", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Integration:
    """An integration of a domain (``GetIntegration``, ``PutIntegration``, and each item
    of ``ListIntegrations`` / ``ListAccountIntegrations``: ``ListIntegrationItem``).

    Either ``object_type_name`` (one object type for everything the source sends) or
    ``object_type_names`` (event type -> object type) is set.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-integration-model", default_expiration_days=30)
        >>> _ = cp.client.put_profile_object_type(
        ...     DomainName="docs-integration-model", ObjectTypeName="Order",
        ...     Description="orders", TemplateId="Shopify-Order")
        >>> integration = domain.integrations.put("s3://orders", object_type_name="Order")
        >>> integration.uri, integration.object_type_name
        ('s3://orders', 'Order')
    """

    __wire_shape__: ClassVar[str] = "ListIntegrationItem"

    domain_name: str = attrs.field(metadata={"wire": "DomainName"})
    uri: str = attrs.field(metadata={"wire": "Uri"})
    created_at: datetime = attrs.field(metadata={"wire": "CreatedAt"})
    last_updated_at: datetime = attrs.field(metadata={"wire": "LastUpdatedAt"})
    object_type_name: str | None = attrs.field(default=None, metadata={"wire": "ObjectTypeName"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    object_type_names: dict[str, str] | None = attrs.field(
        default=None, metadata={"wire": "ObjectTypeNames"}
    )
    workflow_id: str | None = attrs.field(default=None, metadata={"wire": "WorkflowId"})
    is_unstructured: bool | None = attrs.field(default=None, metadata={"wire": "IsUnstructured"})
    role_arn: str | None = attrs.field(default=None, metadata={"wire": "RoleArn"})
    event_trigger_names: list[str] | None = attrs.field(
        default=None, metadata={"wire": "EventTriggerNames"}
    )
    scope: IntegrationScope | str | None = attrs.field(default=None, metadata={"wire": "Scope"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class IntegrationSpec:
    """One integration of a domain spec: the members of a ``PutIntegration`` request.

    The spec identifies an integration by its ``uri`` (required here, although the
    API can derive it from a ``flow_definition``).

    Example:
        >>> IntegrationSpec(uri="s3://retail-orders", object_type_name="Order").uri
        's3://retail-orders'
    """

    __wire_shape__: ClassVar[str] = "PutIntegrationRequest"

    uri: str = attrs.field(metadata={"wire": "Uri"})
    object_type_name: str | None = attrs.field(default=None, metadata={"wire": "ObjectTypeName"})
    object_type_names: dict[str, str] | None = attrs.field(
        default=None, metadata={"wire": "ObjectTypeNames"}
    )
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    flow_definition: FlowDefinition | None = attrs.field(
        default=None, metadata={"wire": "FlowDefinition", "sensitive": True}
    )
    role_arn: str | None = attrs.field(default=None, metadata={"wire": "RoleArn"})
    event_trigger_names: list[str] | None = attrs.field(
        default=None, metadata={"wire": "EventTriggerNames"}
    )
    scope: IntegrationScope | str | None = attrs.field(default=None, metadata={"wire": "Scope"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListAccountIntegrationsResponse:
    """The ``ListAccountIntegrationsResponse`` structure, used by ``ListAccountIntegrations``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListAccountIntegrationsResponse"

    items: list[Integration] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListIntegrationsResponse:
    """The ``ListIntegrationsResponse`` structure, used by ``ListIntegrations`` (response)."""

    __wire_shape__: ClassVar[str] = "ListIntegrationsResponse"

    items: list[Integration] | None = attrs.field(default=None, metadata={"wire": "Items"})
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class MarketoSourceProperties:
    """The Marketo object a flow reads (``MarketoSourceProperties``)."""

    __wire_shape__: ClassVar[str] = "MarketoSourceProperties"

    object: str = attrs.field(metadata={"wire": "Object", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class S3SourceProperties:
    """The S3 bucket (and prefix) a flow reads (``S3SourceProperties``)."""

    __wire_shape__: ClassVar[str] = "S3SourceProperties"

    bucket_name: str = attrs.field(metadata={"wire": "BucketName", "sensitive": True})
    bucket_prefix: str | None = attrs.field(
        default=None, metadata={"wire": "BucketPrefix", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SalesforceSourceProperties:
    """The Salesforce object a flow reads (``SalesforceSourceProperties``).

    Example:
        >>> SalesforceSourceProperties(object="Contact").object
        'Contact'
    """

    __wire_shape__: ClassVar[str] = "SalesforceSourceProperties"

    object: str = attrs.field(metadata={"wire": "Object", "sensitive": True})
    enable_dynamic_field_update: bool | None = attrs.field(
        default=None, metadata={"wire": "EnableDynamicFieldUpdate", "sensitive": True}
    )
    include_deleted_records: bool | None = attrs.field(
        default=None, metadata={"wire": "IncludeDeletedRecords", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ScheduledTriggerProperties:
    """When a scheduled flow runs (``ScheduledTriggerProperties``)."""

    __wire_shape__: ClassVar[str] = "ScheduledTriggerProperties"

    schedule_expression: str = attrs.field(
        metadata={"wire": "ScheduleExpression", "sensitive": True}
    )
    data_pull_mode: DataPullMode | str | None = attrs.field(
        default=None, metadata={"wire": "DataPullMode", "sensitive": True}
    )
    schedule_start_time: datetime | None = attrs.field(
        default=None, metadata={"wire": "ScheduleStartTime", "sensitive": True}
    )
    schedule_end_time: datetime | None = attrs.field(
        default=None, metadata={"wire": "ScheduleEndTime", "sensitive": True}
    )
    timezone: str | None = attrs.field(
        default=None, metadata={"wire": "Timezone", "sensitive": True}
    )
    schedule_offset: int | None = attrs.field(
        default=None, metadata={"wire": "ScheduleOffset", "sensitive": True}
    )
    first_execution_from: datetime | None = attrs.field(
        default=None, metadata={"wire": "FirstExecutionFrom", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ServiceNowSourceProperties:
    """The ServiceNow object a flow reads (``ServiceNowSourceProperties``)."""

    __wire_shape__: ClassVar[str] = "ServiceNowSourceProperties"

    object: str = attrs.field(metadata={"wire": "Object", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SourceConnectorProperties:
    """What the flow reads; set the one member that matches the connector type."""

    __wire_shape__: ClassVar[str] = "SourceConnectorProperties"

    marketo: MarketoSourceProperties | None = attrs.field(
        default=None, metadata={"wire": "Marketo", "sensitive": True}
    )
    s3: S3SourceProperties | None = attrs.field(
        default=None, metadata={"wire": "S3", "sensitive": True}
    )
    salesforce: SalesforceSourceProperties | None = attrs.field(
        default=None, metadata={"wire": "Salesforce", "sensitive": True}
    )
    service_now: ServiceNowSourceProperties | None = attrs.field(
        default=None, metadata={"wire": "ServiceNow", "sensitive": True}
    )
    zendesk: ZendeskSourceProperties | None = attrs.field(
        default=None, metadata={"wire": "Zendesk", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SourceFlowConfig:
    """The source of a flow: connector type, connector profile and object."""

    __wire_shape__: ClassVar[str] = "SourceFlowConfig"

    connector_type: SourceConnectorType | str = attrs.field(
        metadata={"wire": "ConnectorType", "sensitive": True}
    )
    source_connector_properties: SourceConnectorProperties = attrs.field(
        metadata={"wire": "SourceConnectorProperties", "sensitive": True}
    )
    connector_profile_name: str | None = attrs.field(
        default=None, metadata={"wire": "ConnectorProfileName", "sensitive": True}
    )
    incremental_pull_config: IncrementalPullConfig | None = attrs.field(
        default=None, metadata={"wire": "IncrementalPullConfig", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Task:
    """One step of a flow: filter, map, mask... its source fields (``Task``).

    Example:
        >>> Task(source_fields=["Id"], task_type=TaskType.FILTER).task_type.value
        'Filter'
    """

    __wire_shape__: ClassVar[str] = "Task"

    source_fields: list[str] = attrs.field(metadata={"wire": "SourceFields", "sensitive": True})
    task_type: TaskType | str = attrs.field(metadata={"wire": "TaskType", "sensitive": True})
    connector_operator: ConnectorOperator | None = attrs.field(
        default=None, metadata={"wire": "ConnectorOperator", "sensitive": True}
    )
    destination_field: str | None = attrs.field(
        default=None, metadata={"wire": "DestinationField", "sensitive": True}
    )
    task_properties: dict[OperatorPropertiesKey | str, str] | None = attrs.field(
        default=None, metadata={"wire": "TaskProperties", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class TriggerConfig:
    """How a flow is started (``TriggerConfig``)."""

    __wire_shape__: ClassVar[str] = "TriggerConfig"

    trigger_type: TriggerType | str = attrs.field(
        metadata={"wire": "TriggerType", "sensitive": True}
    )
    trigger_properties: TriggerProperties | None = attrs.field(
        default=None, metadata={"wire": "TriggerProperties", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class TriggerProperties:
    """Details of a trigger (only scheduled triggers have any)."""

    __wire_shape__: ClassVar[str] = "TriggerProperties"

    scheduled: ScheduledTriggerProperties | None = attrs.field(
        default=None, metadata={"wire": "Scheduled", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ZendeskSourceProperties:
    """The Zendesk object a flow reads (``ZendeskSourceProperties``)."""

    __wire_shape__: ClassVar[str] = "ZendeskSourceProperties"

    object: str = attrs.field(metadata={"wire": "Object", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)
