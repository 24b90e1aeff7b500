"""Integrations: what connects a data source (an S3 bucket, an AppFlow flow, Amazon
Connect, Segment, Shopify...) to the object types of a domain.

:class:`Integration` is what ``PutIntegration``, ``GetIntegration`` and the two list
operations answer. :class:`FlowDefinition` and its parts describe an Amazon AppFlow flow
that ``PutIntegration`` creates for Salesforce, Marketo, Zendesk, ServiceNow or S3
sources; the service does not return it afterwards.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from ._base import Extra, model

__all__ = [
    "ConnectorOperator",
    "DataPullMode",
    "FlowDefinition",
    "FlowOperator",
    "IncrementalPullConfig",
    "Integration",
    "IntegrationScope",
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


class IntegrationScope(str, Enum):
    """``Scope`` of an integration (open enum); the service defaults to ``PROFILE``."""

    PROFILE = "PROFILE"
    DOMAIN = "DOMAIN"


class SourceConnectorType(str, Enum):
    """The AppFlow source of a flow (``SourceConnectorType``, open enum)."""

    SALESFORCE = "Salesforce"
    MARKETO = "Marketo"
    ZENDESK = "Zendesk"
    SERVICENOW = "Servicenow"
    S3 = "S3"


class TriggerType(str, Enum):
    """When a flow runs (``TriggerType``, open enum)."""

    SCHEDULED = "Scheduled"
    EVENT = "Event"
    ON_DEMAND = "OnDemand"


class TaskType(str, Enum):
    """What a flow task does to its source fields (``TaskType``, open enum)."""

    ARITHMETIC = "Arithmetic"
    FILTER = "Filter"
    MAP = "Map"
    MASK = "Mask"
    MERGE = "Merge"
    TRUNCATE = "Truncate"
    VALIDATE = "Validate"


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
    CONTAINS = "CONTAINS"
    BETWEEN = "BETWEEN"
    LESS_THAN_OR_EQUAL_TO = "LESS_THAN_OR_EQUAL_TO"
    GREATER_THAN_OR_EQUAL_TO = "GREATER_THAN_OR_EQUAL_TO"
    EQUAL_TO = "EQUAL_TO"
    NOT_EQUAL_TO = "NOT_EQUAL_TO"
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


# --------------------------------------------------------------------------- sources


@model
class MarketoSourceProperties:
    """The Marketo object a flow reads (``MarketoSourceProperties``)."""

    __wire_shape__: ClassVar[str] = "MarketoSourceProperties"

    object: str
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class S3SourceProperties:
    """The S3 bucket (and prefix) a flow reads (``S3SourceProperties``)."""

    __wire_shape__: ClassVar[str] = "S3SourceProperties"

    bucket_name: str
    bucket_prefix: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SalesforceSourceProperties:
    """The Salesforce object a flow reads (``SalesforceSourceProperties``).

    Example:
        >>> SalesforceSourceProperties(object="Contact").object
        'Contact'
    """

    __wire_shape__: ClassVar[str] = "SalesforceSourceProperties"

    object: str
    enable_dynamic_field_update: bool | None = None
    include_deleted_records: bool | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ServiceNowSourceProperties:
    """The ServiceNow object a flow reads (``ServiceNowSourceProperties``)."""

    __wire_shape__: ClassVar[str] = "ServiceNowSourceProperties"

    object: str
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ZendeskSourceProperties:
    """The Zendesk object a flow reads (``ZendeskSourceProperties``)."""

    __wire_shape__: ClassVar[str] = "ZendeskSourceProperties"

    object: str
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SourceConnectorProperties:
    """What the flow reads; set the one member that matches the connector type."""

    __wire_shape__: ClassVar[str] = "SourceConnectorProperties"

    marketo: MarketoSourceProperties | None = None
    s3: S3SourceProperties | None = None
    salesforce: SalesforceSourceProperties | None = None
    service_now: ServiceNowSourceProperties | None = None
    zendesk: ZendeskSourceProperties | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class IncrementalPullConfig:
    """Which date-time field marks new records for incremental pulls."""

    __wire_shape__: ClassVar[str] = "IncrementalPullConfig"

    datetime_type_field_name: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SourceFlowConfig:
    """The source of a flow: connector type, connector profile and object."""

    __wire_shape__: ClassVar[str] = "SourceFlowConfig"

    connector_type: SourceConnectorType | str
    source_connector_properties: SourceConnectorProperties
    connector_profile_name: str | None = None
    incremental_pull_config: IncrementalPullConfig | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


# --------------------------------------------------------------------------- tasks


@model
class ConnectorOperator:
    """The operation of a task; set the one member that matches the connector type."""

    __wire_shape__: ClassVar[str] = "ConnectorOperator"

    marketo: FlowOperator | str | None = None
    s3: FlowOperator | str | None = None
    salesforce: FlowOperator | str | None = None
    service_now: FlowOperator | str | None = None
    zendesk: FlowOperator | str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Task:
    """One step of a flow: filter, map, mask... its source fields (``Task``).

    Example:
        >>> Task(source_fields=["Id"], task_type=TaskType.FILTER).task_type.value
        'Filter'
    """

    __wire_shape__: ClassVar[str] = "Task"

    source_fields: list[str]
    task_type: TaskType | str
    connector_operator: ConnectorOperator | None = None
    destination_field: str | None = None
    task_properties: dict[str, str] | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


# --------------------------------------------------------------------------- triggers


@model
class ScheduledTriggerProperties:
    """When a scheduled flow runs (``ScheduledTriggerProperties``)."""

    __wire_shape__: ClassVar[str] = "ScheduledTriggerProperties"

    schedule_expression: str
    data_pull_mode: DataPullMode | str | None = None
    schedule_start_time: datetime | None = None
    schedule_end_time: datetime | None = None
    timezone: str | None = None
    schedule_offset: int | None = None
    first_execution_from: datetime | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class TriggerProperties:
    """Details of a trigger (only scheduled triggers have any)."""

    __wire_shape__: ClassVar[str] = "TriggerProperties"

    scheduled: ScheduledTriggerProperties | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class TriggerConfig:
    """How a flow is started (``TriggerConfig``)."""

    __wire_shape__: ClassVar[str] = "TriggerConfig"

    trigger_type: TriggerType | str
    trigger_properties: TriggerProperties | None = None
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

    flow_name: str
    kms_arn: str
    source_flow_config: SourceFlowConfig
    tasks: list[Task]
    trigger_config: TriggerConfig
    description: str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)


# --------------------------------------------------------------------------- integration


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

    domain_name: str
    uri: str
    created_at: datetime
    last_updated_at: datetime
    object_type_name: str | None = None
    object_type_names: dict[str, str] | None = None
    tags: dict[str, str] = attrs.field(factory=dict)
    workflow_id: str | None = None
    is_unstructured: bool | None = None
    role_arn: str | None = None
    event_trigger_names: list[str] | None = None
    scope: IntegrationScope | str | None = None
    extra: Extra = attrs.field(factory=dict, repr=False)
