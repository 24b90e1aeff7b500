"""Integrations: where a domain's data comes from (AppFlow flows, Connect, S3...).

The models are generated (``customer_profiles_sdk.models._generated``); this module keeps
the names it has always offered. Import from ``customer_profiles_sdk`` or
``customer_profiles_sdk.models`` in new code.
"""

from __future__ import annotations

from . import (
    ConnectorOperator,
    DataPullMode,
    FlowDefinition,
    FlowOperator,
    IncrementalPullConfig,
    Integration,
    IntegrationScope,
    MarketoSourceProperties,
    OperatorPropertiesKey,
    S3SourceProperties,
    SalesforceSourceProperties,
    ScheduledTriggerProperties,
    ServiceNowSourceProperties,
    SourceConnectorProperties,
    SourceConnectorType,
    SourceFlowConfig,
    Task,
    TaskType,
    TriggerConfig,
    TriggerProperties,
    TriggerType,
    ZendeskSourceProperties,
)

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
