"""The curated layer over the generated models: public names, docstrings and the few
field rules that differ from the service model's defaults.

This is the one place where the generated models are customised (see
``tools/codegen/generate.py`` for the defaults). Keys are botocore shape names; a shape
that is not listed here becomes a model named after the shape, with a generated
docstring. A top-level request shape gets a model only when it is listed here. Each
entry can:

* give the public class name and its docstring (with examples: they run as doctests);
* make the class stand ``also`` for other shapes with the same or fewer members (a
  response model that is also sent back in a request, or the same item in several
  responses); the generator checks that every member of those shapes has a field;
* make members ``required`` or ``optional`` against the model's own ``required`` list,
  give list and map members an empty default (``factories``), ``omit`` members the class
  does not carry (a paged result list), ``rename`` a field, mark members ``sensitive``
  beyond what the model marks, document fields (``field_docs``, shown in the API
  reference instead of the service model's text), and add hand-written methods through a
  ``mixin`` class of ``customer_profiles_sdk/models/_mixins.py``.

Enums (``CuratedEnum``) can be renamed, documented, and merged from several enum shapes
(``also``): the class then holds every value of all of them.

After editing this file run ``python -m tools.codegen`` and commit both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Curated:
    """The curated form of one structure shape (and of the shapes in ``also``)."""

    name: str
    doc: str
    also: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    factories: tuple[str, ...] = ()
    omit: tuple[str, ...] = ()
    rename: Mapping[str, str] = field(default_factory=dict)
    sensitive: tuple[str, ...] = ()
    field_docs: Mapping[str, str] = field(default_factory=dict)
    mixin: str | None = None


@dataclass(frozen=True)
class CuratedEnum:
    """The curated form of one enum shape (and of the enum shapes in ``also``)."""

    name: str
    doc: str
    also: tuple[str, ...] = ()


#: enum shape -> its curated form.
ENUMS: dict[str, CuratedEnum] = {
    "OperatorPropertiesKeys": CuratedEnum(
        "OperatorPropertiesKey",
        """\
        Keys of :attr:`Task.task_properties` (``OperatorPropertiesKeys``).

        Members are strings, so they can be used as keys directly:
        ``{OperatorPropertiesKey.DATA_TYPE: "string"}``.
        """,
    ),
    "Statistic": CuratedEnum(
        "Statistic",
        "How a calculated attribute aggregates the objects' values (open enum).",
    ),
    "Unit": CuratedEnum(
        "Unit",
        "Unit of a range of time (``Unit`` and ``RangeUnit``; open enum).",
        also=("RangeUnit",),
    ),
    "Operator": CuratedEnum(
        "Operator",
        "Comparison of a :class:`Threshold` (open enum).",
    ),
    "Include": CuratedEnum(
        "Include",
        """\
        How a filter combines its groups, or a group its dimensions (``Include`` and
        ``Type``; open enum).
        """,
        also=("Type",),
    ),
    "FilterDimensionType": CuratedEnum(
        "FilterDimensionType",
        "How a filter dimension compares an object's attribute with its values (open enum).",
    ),
    "ReadinessStatus": CuratedEnum(
        "ReadinessStatus",
        "Whether a calculated attribute has finished processing existing data (open enum).",
    ),
    "JobScheduleDayOfTheWeek": CuratedEnum(
        "DayOfTheWeek",
        "Day of an identity-resolution job (open enum).",
    ),
    "ConflictResolvingModel": CuratedEnum(
        "ConflictResolvingModel",
        "How merging picks a value when profiles disagree (open enum).",
    ),
    "AttributeMatchingModel": CuratedEnum(
        "AttributeMatchingModel",
        "Rule-based matching: how attribute types pair up (open enum).",
    ),
    "RuleBasedMatchingStatus": CuratedEnum(
        "RuleBasedMatchingStatus",
        "State of rule-based matching (open enum).",
    ),
    "Scope": CuratedEnum(
        "IntegrationScope",
        "``Scope`` of an integration (open enum); the service defaults to ``PROFILE``.",
    ),
    "SourceConnectorType": CuratedEnum(
        "SourceConnectorType",
        "The AppFlow source of a flow (``SourceConnectorType``, open enum).",
    ),
    "TriggerType": CuratedEnum(
        "TriggerType",
        "When a flow runs (``TriggerType``, open enum).",
    ),
    "TaskType": CuratedEnum(
        "TaskType",
        "What a flow task does to its source fields (``TaskType``, open enum).",
    ),
    "DataPullMode": CuratedEnum(
        "DataPullMode",
        "Whether a scheduled flow pulls new records only or everything (open enum).",
    ),
    "MarketoConnectorOperator": CuratedEnum(
        "FlowOperator",
        """\
        A task's operation on its source fields (open enum).

        The model has one operator enum per connector (``SalesforceConnectorOperator``,
        ``ZendeskConnectorOperator``...); this is their union. Each connector accepts a
        subset (Zendesk, for instance, has no ``LESS_THAN``): an operator the connector
        does not know is reported as a ``ValidationError`` before anything is sent.

        """,
        also=(
            "S3ConnectorOperator",
            "SalesforceConnectorOperator",
            "ServiceNowConnectorOperator",
            "ZendeskConnectorOperator",
        ),
    ),
    "FieldContentType": CuratedEnum(
        "FieldContentType",
        """\
        How a field's values are normalised for keys and matching (open enum).

        ``STRING`` (the default) compares values exactly, ``EMAIL_ADDRESS`` ignores case,
        ``PHONE_NUMBER`` ignores formatting.

        """,
    ),
    "StandardIdentifier": CuratedEnum(
        "StandardIdentifier",
        """\
        The role a key plays when an object is ingested (open enum).

        ``UNIQUE`` identifies the object itself, ``PROFILE`` finds the profile it belongs to,
        ``SECONDARY``, ``LOOKUP_ONLY`` and ``NEW_ONLY`` refine that lookup, and the others
        (``ASSET``, ``CASE``, ``ORDER``...) link it to a standard object.

        """,
    ),
    "Gender": CuratedEnum(
        "Gender",
        "``Gender`` (open enum: an unknown value is kept as a plain ``str``).",
    ),
    "PartyType": CuratedEnum(
        "PartyType",
        "``PartyType`` (open enum).",
    ),
    "ProfileType": CuratedEnum(
        "ProfileType",
        "``ProfileType`` (open enum).",
    ),
    "ContactType": CuratedEnum(
        "ContactType",
        "The profile field an engagement preference refers to (open enum).",
    ),
    # ------------------------------------------------------------ upload jobs, workflows
    "StatusReason": CuratedEnum(
        "UploadJobStatusReason",
        """\
        Why an upload job ``FAILED`` (``StatusReason``, open enum): ``VALIDATION_FAILURE``
        (the file or its rows could not be ingested) or ``INTERNAL_FAILURE`` (the service).
        """,
    ),
    "Status": CuratedEnum(
        "WorkflowStatus",
        """\
        State of an integration workflow or of one of its steps (``Status``, open enum).

        ``COMPLETE``, ``FAILED`` and ``CANCELLED`` are final; ``RETRY`` means a step runs
        again after a transient failure, ``SPLIT`` that a step was cut in two.
        """,
    ),
    # ------------------------------------------------ domain configuration (sdkconfig)
    "ContentType": CuratedEnum(
        "ContentType",
        """\
        The type of a Data Store field (:class:`DomainObjectTypeField`; open enum).

        Only ``STRING`` and ``NUMBER``: the ``EMAIL_ADDRESS``, ``PHONE_NUMBER`` and ``NAME``
        of profile object types (:class:`FieldContentType`) are not accepted here.

        """,
    ),
    "FeatureType": CuratedEnum(
        "FeatureType",
        "How a Data Store field is used by segmentation and predictive insights (open enum).",
    ),
    "EventStreamState": CuratedEnum(
        "EventStreamState",
        "Whether an event stream delivers events (``RUNNING``) or not (``STOPPED``; open enum).",
    ),
    "EventStreamDestinationStatus": CuratedEnum(
        "EventStreamDestinationStatus",
        "Health of an event stream's Kinesis destination (open enum).",
    ),
    "ComparisonOperator": CuratedEnum(
        "ComparisonOperator",
        """\
        How an event trigger's :class:`ObjectAttribute` compares the object's value with
        its ``values`` (open enum).

        ``INCLUSIVE`` (the value includes all the values; one value: equality),
        ``EXCLUSIVE`` (it does not), ``CONTAINS``, ``BEGINS_WITH`` and ``ENDS_WITH`` compare
        strings; ``GREATER_THAN``, ``LESS_THAN``, ``GREATER_THAN_OR_EQUAL``,
        ``LESS_THAN_OR_EQUAL`` and ``EQUAL`` compare with one number; ``BEFORE``, ``AFTER``
        and ``ON`` with one timestamp; ``BETWEEN`` and ``NOT_BETWEEN`` with a range of two
        numbers or two timestamps. The builders of :mod:`customer_profiles_sdk.triggers`
        (``field("amount").greater_than(100)``) pick the operator and format the values.

        """,
    ),
    "EventTriggerLogicalOperator": CuratedEnum(
        "EventTriggerLogicalOperator",
        """\
        How an :class:`EventTriggerCondition` combines its dimensions: ``ALL`` of them,
        ``ANY`` of them, or ``NONE`` of them must hold (open enum).
        """,
    ),
    "PeriodUnit": CuratedEnum(
        "PeriodUnit",
        "The unit of an event trigger's limit :class:`Period` (open enum).",
    ),
    "LayoutType": CuratedEnum(
        "LayoutType",
        "The kind of a domain layout; ``PROFILE_EXPLORER`` is the only one (open enum).",
    ),
}

#: structure shape -> its curated form.
STRUCTURES: dict[str, Curated] = {
    "AttributeItem": Curated(
        "AttributeItem",
        """\
        One object attribute a calculated attribute reads (``AttributeItem``).

        Example:
            >>> AttributeItem(name="total").name
            'total'

        """,
    ),
    "AttributeDetails": Curated(
        "AttributeDetails",
        """\
        What a calculated attribute computes (``AttributeDetails``).

        Attributes:
            attributes: the object attributes the expression uses.
            expression: ``{ObjectTypeName.AttributeName}`` references, optionally combined
                with ``+ - * /``, e.g. ``"{Order.price} * {Order.quantity}"``.

        """,
    ),
    "ValueRange": Curated(
        "ValueRange",
        "A window of relative days: positive numbers are in the past (``ValueRange``).",
    ),
    "Range": Curated(
        "Range",
        """\
        Which objects count, by time (``Range``).

        Either ``value`` (the last ``value`` days) or ``value_range``; ``timestamp_source``
        (``"{Order.date}"``) and ``timestamp_format`` (``EPOCHMILLI`` or ``ISO_8601``) say
        where an object's event time is, instead of its ingestion time.

        Example:
            >>> Range(value=30, unit=Unit.DAYS).value
            30

        """,
    ),
    "Threshold": Curated(
        "Threshold",
        """\
        Answer whether the aggregate compares to ``value``, instead of the aggregate.

        Example:
            >>> Threshold(value="2", operator=Operator.GREATER_THAN).operator.value
            'GREATER_THAN'

        """,
    ),
    "Conditions": Curated(
        "Conditions",
        """\
        Limits on the objects a calculated attribute aggregates (``Conditions``).

        Attributes:
            range: only objects within this window of time.
            object_count: only the most recent ``object_count`` objects.
            threshold: answer ``"true"``/``"false"`` against a threshold instead of the value.

        """,
    ),
    "FilterAttributeDimension": Curated(
        "FilterAttributeDimension",
        "One comparison of an object attribute with values (``FilterAttributeDimension``).",
    ),
    "FilterDimension": Curated(
        "FilterDimension",
        "Comparisons that must all hold: attribute name -> comparison (``FilterDimension``).",
    ),
    "FilterGroup": Curated(
        "FilterGroup",
        "Dimensions combined by ``type`` (``ALL``, ``ANY`` or ``NONE``) (``FilterGroup``).",
    ),
    "Filter": Curated(
        "Filter",
        """\
        Which objects a calculated attribute aggregates, by their attributes (``Filter``).

        Example:
            >>> big = FilterAttributeDimension(
            ...     dimension_type=FilterDimensionType.GREATER_THAN, values=["100"])
            >>> f = Filter(include=Include.ALL, groups=[
            ...     FilterGroup(type=Include.ALL, dimensions=[FilterDimension(
            ...         attributes={"total": big})])])
            >>> f.groups[0].dimensions[0].attributes["total"].values
            ['100']

        """,
    ),
    "RangeOverride": Curated(
        "RangeOverride",
        """\
        A range of relative days that replaces a definition's range for one call
        (``RangeOverride``): from ``start`` days ago to ``end`` days ago (default: now).

        ``unit`` is required by the API; ``CalculatedAttributes.batch_values`` sends
        ``DAYS`` (the only unit) when it is ``None``.

        """,
        optional=("Unit",),
    ),
    "ConditionOverrides": Curated(
        "ConditionOverrides",
        """\
        Conditions that replace a definition's for one batch read (``ConditionOverrides``).

        Example:
            >>> ConditionOverrides(range=RangeOverride(start=7, end=0)).range.start
            7

        """,
    ),
    "GetCalculatedAttributeDefinitionResponse": Curated(
        "CalculatedAttribute",
        """\
        A calculated attribute definition (``GetCalculatedAttributeDefinition``; also what
        ``CreateCalculatedAttributeDefinition`` and ``UpdateCalculatedAttributeDefinition``
        answer; the update's answer has no ``filter``).

        ``status`` and ``readiness`` are read-only (set by the service).

        """,
        also=(
            "CreateCalculatedAttributeDefinitionResponse",
            "UpdateCalculatedAttributeDefinitionResponse",
        ),
        required=("CalculatedAttributeName",),
        factories=("Tags",),
    ),
    "ListCalculatedAttributeDefinitionItem": Curated(
        "CalculatedAttributeSummary",
        """\
        One definition in ``ListCalculatedAttributeDefinitions``
        (``ListCalculatedAttributeDefinitionItem``).
        """,
        required=("CalculatedAttributeName",),
        factories=("Tags",),
    ),
    "CalculatedAttributeValue": Curated(
        "CalculatedAttributeValue",
        """\
        The value of one calculated attribute for one profile (``CalculatedAttributeValue``;
        also each item of ``ListCalculatedAttributesForProfile`` and the answer of
        ``GetCalculatedAttributeForProfile``, to which the SDK adds the ``profile_id`` asked).

        ``value`` is a string as the service sends it (``"42.5"``, or ``"true"``/``"false"``
        under a threshold); ``None`` when no object qualifies. ``is_data_partial`` is the
        service's string flag; :attr:`partial` reads it as a ``bool``.

        Example:
            >>> CalculatedAttributeValue(
            ...     calculated_attribute_name="spend", value="42.5", is_data_partial="false"
            ... ).partial
            False

        """,
        also=("GetCalculatedAttributeForProfileResponse", "ListCalculatedAttributeForProfileItem"),
        required=("CalculatedAttributeName",),
        mixin="CalculatedAttributeValueMixin",
    ),
    "BatchGetCalculatedAttributeForProfileError": Curated(
        "BatchGetCalculatedAttributeForProfileError",
        "A profile a batch read could not answer for (``ResourceNotFoundException``...).",
    ),
    "BatchGetCalculatedAttributeForProfileResponse": Curated(
        "BatchCalculatedAttributeValues",
        """\
        What ``BatchGetCalculatedAttributeForProfile`` answers.

        Attributes:
            values: one value per profile found, in the order asked.
            errors: one error per profile that could not be answered.
            condition_overrides: the overrides applied, echoed back.

        """,
        factories=("CalculatedAttributeValues", "Errors"),
        rename={"CalculatedAttributeValues": "values"},
    ),
    "JobSchedule": Curated(
        "JobSchedule",
        """\
        When the weekly identity-resolution job runs (``JobSchedule``).

        Example:
            >>> JobSchedule(day_of_the_week=DayOfTheWeek.SUNDAY, time="03:00").time
            '03:00'

        """,
    ),
    "Consolidation": Curated(
        "Consolidation",
        "Attribute combinations that must match for an automatic merge.",
    ),
    "ConflictResolution": Curated(
        "ConflictResolution",
        "Which value wins when merged profiles disagree (``ConflictResolution``).",
    ),
    "AutoMerging": Curated(
        "AutoMerging",
        "Automatic merging of matched profiles (``AutoMerging``).",
    ),
    "S3ExportingConfig": Curated(
        "S3ExportingConfig",
        "An S3 location for exported match results.",
    ),
    "ExportingConfig": Curated(
        "ExportingConfig",
        "Where match results are exported (``ExportingConfig``).",
    ),
    "MatchingResponse": Curated(
        "Matching",
        """\
        ML identity resolution settings (``MatchingRequest`` / ``MatchingResponse``).

        Example:
            >>> Matching(enabled=True).enabled
            True

        """,
        also=("MatchingRequest",),
    ),
    "MatchingRule": Curated(
        "MatchingRule",
        "One rule of rule-based matching: attributes that must all match.",
    ),
    "AttributeTypesSelector": Curated(
        "AttributeTypesSelector",
        "Which address, phone and email fields rule-based matching compares.",
    ),
    "RuleBasedMatchingResponse": Curated(
        "RuleBasedMatching",
        """\
        Rule-based identity resolution (``RuleBasedMatchingRequest`` / ``...Response``).

        ``status`` is read-only (set by the service, never sent).

        """,
        also=("RuleBasedMatchingRequest",),
    ),
    "Readiness": Curated(
        "Readiness",
        "Progress of the data store being prepared.",
    ),
    "DataStoreResponse": Curated(
        "DataStore",
        "The domain's data store (``DataStoreRequest`` / ``DataStoreResponse``).",
        also=("DataStoreRequest",),
    ),
    "DomainStats": Curated(
        "DomainStats",
        "Usage figures of a domain (``DomainStats``).",
    ),
    "GetDomainResponse": Curated(
        "DomainSettings",
        """\
        A domain's settings and statistics (``GetDomain``; also what ``CreateDomain`` and
        ``UpdateDomain`` answer, without ``stats``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> settings = cp.domains.create("docs-settings", default_expiration_days=30).get()
            >>> settings.default_expiration_days
            30

        """,
        also=("CreateDomainResponse", "UpdateDomainResponse"),
        factories=("Tags",),
    ),
    "ListDomainItem": Curated(
        "DomainSummary",
        "One domain in ``ListDomains`` (``ListDomainItem``).",
        factories=("Tags",),
    ),
    "MarketoSourceProperties": Curated(
        "MarketoSourceProperties",
        "The Marketo object a flow reads (``MarketoSourceProperties``).",
    ),
    "S3SourceProperties": Curated(
        "S3SourceProperties",
        "The S3 bucket (and prefix) a flow reads (``S3SourceProperties``).",
    ),
    "SalesforceSourceProperties": Curated(
        "SalesforceSourceProperties",
        """\
        The Salesforce object a flow reads (``SalesforceSourceProperties``).

        Example:
            >>> SalesforceSourceProperties(object="Contact").object
            'Contact'

        """,
    ),
    "ServiceNowSourceProperties": Curated(
        "ServiceNowSourceProperties",
        "The ServiceNow object a flow reads (``ServiceNowSourceProperties``).",
    ),
    "ZendeskSourceProperties": Curated(
        "ZendeskSourceProperties",
        "The Zendesk object a flow reads (``ZendeskSourceProperties``).",
    ),
    "SourceConnectorProperties": Curated(
        "SourceConnectorProperties",
        "What the flow reads; set the one member that matches the connector type.",
    ),
    "IncrementalPullConfig": Curated(
        "IncrementalPullConfig",
        "Which date-time field marks new records for incremental pulls.",
    ),
    "SourceFlowConfig": Curated(
        "SourceFlowConfig",
        "The source of a flow: connector type, connector profile and object.",
    ),
    "ConnectorOperator": Curated(
        "ConnectorOperator",
        "The operation of a task; set the one member that matches the connector type.",
    ),
    "Task": Curated(
        "Task",
        """\
        One step of a flow: filter, map, mask... its source fields (``Task``).

        Example:
            >>> Task(source_fields=["Id"], task_type=TaskType.FILTER).task_type.value
            'Filter'

        """,
    ),
    "ScheduledTriggerProperties": Curated(
        "ScheduledTriggerProperties",
        "When a scheduled flow runs (``ScheduledTriggerProperties``).",
    ),
    "TriggerProperties": Curated(
        "TriggerProperties",
        "Details of a trigger (only scheduled triggers have any).",
    ),
    "TriggerConfig": Curated(
        "TriggerConfig",
        "How a flow is started (``TriggerConfig``).",
    ),
    "FlowDefinition": Curated(
        "FlowDefinition",
        """\
        An Amazon AppFlow flow that feeds an integration (``FlowDefinition``).

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

        """,
    ),
    "ListIntegrationItem": Curated(
        "Integration",
        """\
        An integration of a domain (``GetIntegration``, ``PutIntegration``, and each item
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

        """,
        also=("GetIntegrationResponse", "PutIntegrationResponse"),
        factories=("Tags",),
    ),
    "MatchItem": Curated(
        "Match",
        """\
        One group of profiles that identity resolution found to match (``MatchItem``).

        Attributes:
            match_id: the service's id of the group.
            profile_ids: the ids of the matching profiles (at least two).
            confidence_score: how sure the service is, from 0 to 1.

        Example:
            >>> m = Match(match_id="m1", profile_ids=["a" * 32, "b" * 32], confidence_score=0.9)
            >>> len(m.profile_ids), m.confidence_score
            (2, 0.9)

        """,
        factories=("ProfileIds",),
    ),
    "GetMatchesResponse": Curated(
        "MatchesSummary",
        """\
        What ``GetMatches`` says about the latest identity-resolution run as a whole.

        Attributes:
            match_generation_date: when the matches were generated; ``None`` before the
                first run.
            potential_matches: how many match groups the run found in all.

        """,
        omit=("NextToken", "Matches"),
    ),
    "ObjectTypeField": Curated(
        "ObjectTypeField",
        """\
        One field of an object type: where its value comes from in the ingested JSON
        (``source``), which standard-object member it fills (``target``, optional) and how
        it is normalised (``content_type``, ``STRING`` when absent).

        Example:
            >>> f = ObjectTypeField(source="_source.email", target="_profile.EmailAddress",
            ...                     content_type=FieldContentType.EMAIL_ADDRESS)
            >>> f.content_type.value
            'EMAIL_ADDRESS'

        """,
    ),
    "ObjectTypeKey": Curated(
        "ObjectTypeKey",
        """\
        One entry of a key: the fields whose values make up the key and the roles the
        key plays (``standard_identifiers``).

        Example:
            >>> key = ObjectTypeKey(standard_identifiers=[StandardIdentifier.PROFILE],
            ...                     field_names=["email"])
            >>> key.field_names
            ['email']

        """,
    ),
    "GetProfileObjectTypeResponse": Curated(
        "ObjectType",
        """\
        An object type: how the service ingests one kind of JSON object
        (``PutProfileObjectType`` request and response, ``GetProfileObjectType``).

        Either give ``template_id`` (the template then supplies ``fields``, ``keys``,
        ``allow_profile_creation`` and ``source_last_updated_timestamp_format``), or give
        ``fields`` and ``keys`` yourself. ``created_at``, ``last_updated_at`` and
        ``max_available_profile_object_count`` are set by the service and never sent, so a
        model read with ``get`` can be changed with ``attrs.evolve`` and put back.

        Example:
            >>> order = ObjectType(
            ...     object_type_name="Order",
            ...     description="Web shop orders",
            ...     fields={"email": ObjectTypeField(source="_source.email",
            ...                                      target="_profile.EmailAddress")},
            ...     keys={"_email": [ObjectTypeKey(standard_identifiers=["PROFILE"],
            ...                                    field_names=["email"])]},
            ... )
            >>> order.object_type_name, sorted(order.fields)
            ('Order', ['email'])

        """,
        also=("PutProfileObjectTypeResponse",),
        field_docs={
            "MaxAvailableProfileObjectCount": (
                "Read-only: the objects-per-profile quota left for this type."
            ),
            "CreatedAt": "Read-only.",
            "LastUpdatedAt": "Read-only.",
        },
        factories=(
            "Fields",
            "Keys",
            "Tags",
        ),
    ),
    "ListProfileObjectTypeItem": Curated(
        "ObjectTypeSummary",
        """\
        One object type in ``ListProfileObjectTypes`` (``ListProfileObjectTypeItem``).

        It has no fields or keys: read them with ``domain.object_types.get(name)``.

        """,
        factories=("Tags",),
    ),
    "ListProfileObjectTypeTemplateItem": Curated(
        "TemplateSummary",
        """\
        One template in ``ListProfileObjectTypeTemplates``
        (``ListProfileObjectTypeTemplateItem``).
        """,
    ),
    "GetProfileObjectTypeTemplateResponse": Curated(
        "ObjectTypeTemplate",
        """\
        A predefined object type that AWS provides (``GetProfileObjectTypeTemplate``).

        Use it by naming it: ``ObjectType(..., template_id=template.template_id)``, or put
        objects whose object type name is the template id.

        """,
        factories=(
            "Fields",
            "Keys",
        ),
    ),
    "Address": Curated(
        "Address",
        """\
        A postal address (``Address`` shape). Every member is optional.

        Example:
            >>> home = Address(address1="1 Main St", city="Seattle", country="US")
            >>> home.city
            'Seattle'

        """,
        also=("UpdateAddress",),
    ),
    "ContactPreference": Curated(
        "ContactPreference",
        "A preferred way to contact a profile (``ContactPreference`` shape).",
        field_docs={"KeyValue": "The phone number or email: personal data, masked in ``repr``."},
    ),
    "EngagementPreferences": Curated(
        "EngagementPreferences",
        "Preferred phone numbers and emails (``EngagementPreferences`` shape).",
    ),
    "FoundByKeyValue": Curated(
        "FoundByKeyValue",
        "Which search key and values found a profile (``FoundByKeyValue``, search only).",
        field_docs={
            "Values": "The searched values (emails, phones...): personal data, masked in ``repr``."
        },
        sensitive=("Values",),
    ),
    "Profile": Curated(
        "Profile",
        """\
        A customer profile (the standard ``Profile`` object).

        Every member is optional; ``profile_id`` is set by the service. Personal data
        (names, phones, emails, addresses, attributes) is masked in ``repr``.

        Example:
            >>> p = Profile(first_name="Ana", email_address="ana@example.com")
            >>> p.first_name
            'Ana'
            >>> "ana@" in repr(p)
            False

        """,
        field_docs={
            "FoundByItems": "Set by ``SearchProfiles`` only: which keys found this profile."
        },
        factories=("Attributes",),
    ),
    "AddProfileKeyResponse": Curated(
        "Key",
        """\
        A search key and values added to a profile (``AddProfileKey``'s response).

        Example:
            >>> key = Key(key_name="_account", values=["A-1"])
            >>> key.key_name, "A-1" in repr(key)
            ('_account', False)

        """,
        field_docs={"Values": "Key values are often emails or phone numbers: masked in ``repr``."},
        factories=("Values",),
        sensitive=("Values",),
    ),
    "BatchGetProfileError": Curated(
        "BatchGetProfileError",
        "Why ``BatchGetProfile`` could not return one profile (``BatchGetProfileError``).",
        optional=("Code", "Message", "ProfileId"),
    ),
    "BatchGetProfileResponse": Curated(
        "BatchGetProfileResult",
        """\
        The answer of ``BatchGetProfile``: the profiles found and an error per other id.

        Attributes:
            profiles: the profiles that were found.
            errors: one entry per requested id that could not be returned.

        """,
        factories=("Profiles", "Errors"),
    ),
    "FieldSourceProfileIds": Curated(
        "FieldSourceProfileIds",
        """\
        For a merge: which profile each field's value is taken from (``FieldSourceProfileIds``).

        Each member is a profile id (the main profile or one of those merged). A field that
        names a profile takes that profile's value even when it has none (the field is then
        cleared). ``attributes`` maps an attribute key to the profile to take it from.

        Example:
            >>> sources = FieldSourceProfileIds(email_address="a" * 32)
            >>> sources.email_address == "a" * 32
            True

        """,
        factories=("Attributes",),
    ),
    "MergeProfilesResponse": Curated(
        "MergeResult",
        """\
        The answer of ``MergeProfiles`` (``MergeProfilesResponse``).

        Attributes:
            message: the service's message (for people; do not parse it).

        """,
    ),
    "AdditionalSearchKey": Curated(
        "SearchKey",
        """\
        One key and its values to search for (``AdditionalSearchKey`` shape).

        ``profiles.search(keys=[SearchKey(key_name="_email", values=["ana@example.com"])])``
        is the same as ``profiles.search(keys={"_email": ["ana@example.com"]})``.

        """,
        field_docs={
            "Values": "The searched values (emails, phones...): personal data, masked in ``repr``."
        },
        factories=("Values",),
        sensitive=("Values",),
    ),
    "ObjectFilter": Curated(
        "ObjectFilter",
        """\
        Keep only the objects that have one of ``values`` under key ``key_name``
        (``ObjectFilter`` of ``ListProfileObjects``).

        Example:
            >>> ObjectFilter(key_name="_orderId", values=["1", "2"]).values
            ['1', '2']

        """,
        field_docs={
            "Values": "Key values (emails, phones, ids...): may be personal data, masked in repr."
        },
        sensitive=("Values",),
    ),
    "ListProfileObjectsItem": Curated(
        "ProfileObject",
        """\
        One object attached to a profile (``ListProfileObjectsItem``).

        ``object`` is the document as the service returns it, a JSON string (masked in
        ``repr``: it is personal data); :attr:`data` decodes it.

        Example:
            >>> item = ProfileObject(object_type_name="Order", profile_object_unique_key="k1",
            ...                      object='{"order_id": "1"}')
            >>> item.data["order_id"]
            '1'
            >>> item.object_type_name, "order_id" in repr(item)
            ('Order', False)

        """,
        mixin="ProfileObjectMixin",
    ),
    # ------------------------------------------------------------ requests
    "PutIntegrationRequest": Curated(
        "IntegrationSpec",
        """\
        One integration of a domain spec: the members of a ``PutIntegration`` request.

        The spec identifies an integration by its ``uri`` (required here, although the
        API can derive it from a ``flow_definition``).

        Example:
            >>> IntegrationSpec(uri="s3://retail-orders", object_type_name="Order").uri
            's3://retail-orders'
        """,
        omit=("DomainName",),
        required=("Uri",),
        factories=("Tags",),
    ),
    # ------------------------------------------------------------ segments
    "SegmentGroup": Curated(
        "SegmentGroup",
        """\
        Which profiles a classic segment holds: audience ``groups`` combined by
        ``include`` (``ALL``: in every group, ``ANY``: in at least one, ``NONE``: in none).

        Build the groups with :mod:`customer_profiles_sdk.segments`
        (``all_of(...)``, ``any_of(...)``, ``none_of(...)``).

        Example:
            >>> from customer_profiles_sdk.segments import all_of, profile
            >>> query = SegmentGroup(include=IncludeOptions.ALL,
            ...                      groups=[all_of(profile.address.city.is_("Seattle"))])
            >>> query.groups[0].type.value
            'ALL'

        """,
    ),
    "Group": Curated(
        "Group",
        """\
        One audience group of a segment (``Group``): the profiles of its starting
        audience (``source_segments`` combined by ``source_type``; every profile of the
        domain when there is none) for which its ``dimensions``, combined by ``type``,
        hold.

        Build it with :func:`customer_profiles_sdk.segments.all_of` (or ``any_of``,
        ``none_of``).

        Example:
            >>> from customer_profiles_sdk.segments import any_of, attribute, members_of_any
            >>> group = any_of(attribute("tier").is_("gold", "platinum"),
            ...                within=members_of_any("newsletter"))
            >>> group.type.value, group.source_segments[0].segment_definition_name
            ('ANY', 'newsletter')

        """,
    ),
    "Dimension": Curated(
        "Dimension",
        """\
        One condition of an audience group (``Dimension``): either on profile fields
        (``profile_attributes``) or on calculated attributes (``calculated_attributes``),
        never both; every field it sets must hold.

        Build it from the fields of :mod:`customer_profiles_sdk.segments`:
        ``profile.first_name.is_("Ann")``, ``attribute("ltv").greater_than(100)``,
        ``calculated("spend").less_than(10)``.

        Example:
            >>> from customer_profiles_sdk.segments import profile
            >>> condition = profile.email_address.ends_with("@example.com")
            >>> condition.profile_attributes.email_address.dimension_type.value
            'ENDS_WITH'

        """,
    ),
    "SegmentSort": Curated(
        "SegmentSort",
        """\
        The order of a segment's profiles (``SegmentSort``): sort attributes applied top
        to bottom, each later one breaking the ties of those before it.

        Build it with :func:`customer_profiles_sdk.segments.sort_by`.

        Example:
            >>> from customer_profiles_sdk.segments import attribute, profile, sort_by
            >>> order = sort_by(attribute("ltv").descending(data_type="NUMBER"),
            ...                 profile.last_name.ascending())
            >>> [(a.name, a.order.value) for a in order.attributes]
            [('ltv', 'DESC'), ('LastName', 'ASC')]

        """,
    ),
    "GetSegmentDefinitionResponse": Curated(
        "SegmentDefinition",
        """\
        A segment definition (``GetSegmentDefinition``; also what ``domain.segments.create``
        returns, and an entry of a domain spec's ``SegmentDefinitions``).

        A classic definition has ``segment_groups``, an enhanced one
        ``segment_sql_query``; ``segment_type`` says which. Definitions cannot be changed
        once created. In a notebook the definition shows as a readable description of who
        is in the segment; :meth:`describe` gives the same as text.

        Example:
            >>> from customer_profiles_sdk.segments import all_of, profile
            >>> definition = SegmentDefinition(
            ...     segment_definition_name="seattle", display_name="Seattle",
            ...     segment_groups=SegmentGroup(groups=[all_of(
            ...         profile.address.city.is_("Seattle", "Tacoma"))]))
            >>> print(definition.describe())
            seattle (Seattle)
            Profiles in every group (Include not set):
              Group 1: where ALL of
                Address.City is "Seattle" or "Tacoma"

        """,
        required=("SegmentDefinitionName",),
        optional=("SegmentDefinitionArn",),
        factories=("Tags",),
        mixin="SegmentDefinitionMixin",
    ),
    "SegmentDefinitionItem": Curated(
        "SegmentDefinitionSummary",
        """\
        One definition in ``ListSegmentDefinitions`` (``SegmentDefinitionItem``): no groups
        and no SQL; read them with ``domain.segments.get(name)``.
        """,
        required=("SegmentDefinitionName",),
        factories=("Tags",),
    ),
    "GetSegmentEstimateResponse": Curated(
        "SegmentEstimate",
        """\
        The state of a segment estimate (``GetSegmentEstimate``): ``status`` is
        ``RUNNING``, then ``SUCCEEDED`` (with ``estimate``, the number of profiles, as the
        service's string) or ``FAILED`` (with ``message``). :attr:`count` reads the
        estimate as an ``int``; in a notebook the estimate shows with its status.

        Example:
            >>> SegmentEstimate(estimate_id="e1", status=EstimateStatus.SUCCEEDED,
            ...                 estimate="42").count
            42

        """,
        mixin="SegmentEstimateMixin",
    ),
    "GetSegmentMembershipResponse": Curated(
        "SegmentMembership",
        """\
        Which of the profiles asked about are in a segment (``GetSegmentMembership``).

        ``profiles`` has one :class:`ProfileQueryResult` per profile found (``PRESENT``
        with the full profile, or ``ABSENT``), ``failures`` one entry per profile that
        could not be answered. :attr:`members` are the profiles in the segment;
        :meth:`to_pandas` gives them as a DataFrame.

        Example:
            >>> membership = SegmentMembership(profiles=[
            ...     ProfileQueryResult(profile_id="a" * 32, query_result=QueryResult.PRESENT,
            ...                        profile=Profile(profile_id="a" * 32, first_name="Ann")),
            ...     ProfileQueryResult(profile_id="b" * 32, query_result=QueryResult.ABSENT)])
            >>> [p.first_name for p in membership.members], membership.is_member("b" * 32)
            (['Ann'], False)

        """,
        factories=("Profiles", "Failures"),
        mixin="SegmentMembershipMixin",
    ),
    "GetSegmentSnapshotResponse": Curated(
        "SegmentSnapshot",
        """\
        The state of a segment snapshot (``GetSegmentSnapshot``): ``status`` is
        ``IN_PROGRESS``, then ``COMPLETED`` (the export is at ``destination_uri``) or
        ``FAILED`` (with ``status_message``). In a notebook it shows with its status.
        """,
        mixin="SegmentSnapshotMixin",
    ),
    "GetSegmentSubscriptionResponse": Curated(
        "SegmentSubscription",
        """\
        A segment's membership-event subscription (``GetSegmentSubscription``; also what
        ``PutSegmentSubscription`` answers, with ``status``, ``schedule_configuration``
        and ``started_at`` only).

        ``status`` is ``STARTING`` while the service records the initial membership, then
        ``RUNNING``; ``STOPPED`` or ``FAILED`` (see ``message``) when events stop.
        """,
        also=("PutSegmentSubscriptionResponse",),
    ),
    "GetStreamForSegmentsResponse": Curated(
        "SegmentStreamAssociation",
        """\
        The Kinesis data stream that receives a domain's segment membership events
        (``GetStreamForSegments``), with the state of each subscribed segment
        (``associated_segments``).
        """,
        factories=("AssociatedSegments",),
    ),
    "SubscriptionEventItem": Curated(
        "SegmentSubscriptionEvent",
        """\
        One membership change of a subscribed segment (``SubscriptionEventItem``): a
        profile ``JOINED`` or ``LEFT`` the segment at ``updated_at``, seen when the
        profile changed (``LIVE``) or by a scheduled run (``SCHEDULE``).
        """,
    ),
    # ------------------------------------------------------------ upload jobs
    "GetUploadJobResponse": Curated(
        "UploadJob",
        """\
        An upload job: the import of a CSV file of profiles (``GetUploadJob``).

        ``status`` goes ``CREATED`` -> ``IN_PROGRESS`` -> ``SUCCEEDED``,
        ``PARTIALLY_SUCCEEDED`` or ``FAILED`` (with ``status_reason``), or ``STOPPED``;
        ``results_summary`` counts the rows created, updated and failed once it has
        finished. ``fields`` is the column mapping (personal data: masked in ``repr``).

        Example:
            >>> job = UploadJob(job_id="a" * 32, status=UploadJobStatus.SUCCEEDED,
            ...                 results_summary=ResultsSummary(created_records=2))
            >>> job.done, job.results_summary.created_records
            (True, 2)

        """,
        mixin="UploadJobMixin",
    ),
    "UploadJobItem": Curated(
        "UploadJobSummary",
        """\
        One upload job in ``ListUploadJobs`` (``UploadJobItem``): no mapping and no
        results; read them with ``domain.upload_jobs.get(job_id)``.
        """,
        mixin="UploadJobMixin",
    ),
    "GetUploadJobPathResponse": Curated(
        "UploadJobPath",
        """\
        Where to PUT an upload job's file (``GetUploadJobPath``): a pre-signed URL, valid
        until ``valid_until``, and the ``client_token``, the encryption key the PUT must
        send in its SSE-C headers. Both are secrets (masked in ``repr``):
        ``domain.upload_jobs.upload(job_id, file)`` uses them for you.

        Example:
            >>> path = UploadJobPath(url="https://bucket.example/key?X-Amz-Signature=s",
            ...                      client_token="a2V5")
            >>> "Signature" in repr(path), "a2V5" in repr(path)
            (False, False)

        """,
        sensitive=("Url", "ClientToken"),
    ),
    "ResultsSummary": Curated(
        "ResultsSummary",
        """\
        What an upload job did with the rows of its file (``ResultsSummary``): profiles
        created, profiles updated, rows that failed.
        """,
    ),
    # ------------------------------------------------------------ workflows
    "GetWorkflowResponse": Curated(
        "Workflow",
        """\
        An integration workflow (``GetWorkflow``): the ingestion of a source's history by
        AppFlow, in batches, before a continuous integration is set up.

        ``status`` goes ``NOT_STARTED`` -> ``IN_PROGRESS`` (``RETRY`` while a batch is
        run again) -> ``COMPLETE``, ``FAILED`` (``error_description``) or ``CANCELLED``;
        ``metrics.appflow_integration`` counts steps and records.

        Example:
            >>> Workflow(workflow_id="a" * 32, status=WorkflowStatus.IN_PROGRESS).done
            False

        """,
        mixin="WorkflowMixin",
    ),
    "ListWorkflowsItem": Curated(
        "WorkflowSummary",
        "One workflow in ``ListWorkflows`` (``ListWorkflowsItem``).",
        mixin="WorkflowMixin",
    ),
    "WorkflowStepItem": Curated(
        "WorkflowStep",
        """\
        One step of a workflow in ``GetWorkflowSteps`` (``WorkflowStepItem``): for an
        AppFlow workflow, one batch of the history (``appflow_integration``).
        """,
    ),
    "Batch": Curated(
        "WorkflowBatch",
        """\
        One batch of a workflow's historical ingestion: the records from ``start_time``
        to ``end_time`` (``Batch``).
        """,
    ),
    # ------------------------------------------------------------ recommenders
    "GetRecommenderResponse": Curated(
        "Recommender",
        """\
        A recommender (``GetRecommender``): a model trained on the domain's data with a
        recipe, serving recommendations when ``ACTIVE``.

        ``status`` goes ``PENDING`` -> ``IN_PROGRESS`` (training) -> ``ACTIVE``, or
        ``FAILED`` (``failure_reason``); ``STOPPING`` -> ``INACTIVE`` and ``STARTING`` ->
        ``ACTIVE`` on stop and start. ``training_metrics`` holds the newest trainings'
        metrics (as many as ``get(..., training_metrics_count=)`` asked for);
        :attr:`metrics` reads the newest.

        Example:
            >>> r = Recommender(recommender_name="picks", recommender_recipe_name="popular-items",
            ...                 status=RecommenderStatus.ACTIVE,
            ...                 training_metrics=[TrainingMetrics(metrics={"hit": 0.5})])
            >>> r.settled, r.metrics
            (True, {'hit': 0.5})

        """,
        mixin="RecommenderMixin",
    ),
    "RecommenderSummary": Curated(
        "RecommenderSummary",
        """\
        One recommender in ``ListRecommenders`` (``RecommenderSummary``); its recipe is
        ``recipe_name`` there (the service's member name).
        """,
        mixin="RecommenderMixin",
    ),
    "Recommender": Curated(
        "RecommenderSelection",
        """\
        Which recommender ``SearchRecommendations`` asks, with its filters (the
        ``Recommender`` member of the request).
        """,
    ),
    "GetRecommenderFilterResponse": Curated(
        "RecommenderFilterDefinition",
        """\
        A recommender filter (``GetRecommenderFilter``): an expression that includes or
        excludes items from recommendations. ``status`` goes ``PENDING`` ->
        ``IN_PROGRESS`` -> ``ACTIVE``, or ``FAILED`` (``failure_reason``).
        ``recommender_filter_expression`` is masked in ``repr``.
        """,
        mixin="RecommenderFilterMixin",
    ),
    "RecommenderFilterSummary": Curated(
        "RecommenderFilterSummary",
        "One filter in ``ListRecommenderFilters`` (``RecommenderFilterSummary``).",
        mixin="RecommenderFilterMixin",
    ),
    "CreateRecommenderSchemaResponse": Curated(
        "RecommenderSchema",
        """\
        A recommender schema (``CreateRecommenderSchema``, ``GetRecommenderSchema``): per
        dataset (``_webAnalytics``, ``_catalogItem``), the columns recommenders and
        filters may use. ``recommender_schema_arn`` and ``tags`` come with the creation
        only.
        """,
        also=("GetRecommenderSchemaResponse",),
        optional=("RecommenderSchemaArn",),
    ),
    # ------------------------------------------------------------ recommendations
    "SearchRecommendationsResponse": Curated(
        "ProfileRecommendations",
        """\
        What ``SearchRecommendations`` answers: the profile the search key found and the
        items recommended for it, best first (scores and items are masked in ``repr``).
        """,
        factories=("Recommendations",),
    ),
    # ------------------------------------------------ domain configuration (sdkconfig)
    "DomainObjectTypeField": Curated(
        "DomainObjectTypeField",
        """\
        One field of a Data Store object type: where its value comes from (``source``),
        where it goes (``target``), its type and how it is used (``DomainObjectTypeField``).

        Example:
            >>> f = DomainObjectTypeField(source="_source.title", target="_item.Title",
            ...                           content_type=ContentType.STRING)
            >>> f.content_type.value
            'STRING'

        """,
    ),
    "GetDomainObjectTypeResponse": Curated(
        "DomainObjectType",
        """\
        A Data Store object type: a typed field schema of the domain's Data Store
        (``PutDomainObjectType`` request and response, ``GetDomainObjectType``).

        Unlike a profile object type it has fields only, no keys. ``created_at`` and
        ``last_updated_at`` are set by the service and never sent, so a model read with
        ``get`` can be changed with ``attrs.evolve`` and put back.

        Example:
            >>> item = DomainObjectType(
            ...     object_type_name="Item",
            ...     fields={"title": DomainObjectTypeField(source="_source.title",
            ...                                            target="_item.Title")})
            >>> item.object_type_name, sorted(item.fields)
            ('Item', ['title'])

        """,
        also=("PutDomainObjectTypeResponse",),
        factories=("Fields", "Tags"),
        field_docs={"CreatedAt": "Read-only.", "LastUpdatedAt": "Read-only."},
    ),
    "DomainObjectTypesListItem": Curated(
        "DomainObjectTypeSummary",
        """\
        One Data Store object type in ``ListDomainObjectTypes`` (``DomainObjectTypesListItem``).

        It has no fields: read them with ``domain.domain_object_types.get(name)``.

        """,
        factories=("Tags",),
    ),
    "GetEventStreamResponse": Curated(
        "EventStream",
        """\
        An event stream: the real-time export of a domain's profile and object changes to
        a Kinesis data stream (``GetEventStream``).

        ``state`` is ``RUNNING`` while events are delivered; ``destination_details`` holds
        the stream's ``uri`` and its health. The service's answer has no name:
        :attr:`event_stream_name` reads it from ``event_stream_arn``.

        """,
        factories=("Tags",),
        mixin="EventStreamMixin",
    ),
    "EventStreamDestinationDetails": Curated(
        "EventStreamDestinationDetails",
        """\
        The Kinesis data stream an event stream delivers to, and its health; ``message``
        says what is wrong when ``status`` is ``UNHEALTHY`` (``EventStreamDestinationDetails``).
        """,
    ),
    "EventStreamSummary": Curated(
        "EventStreamSummary",
        "One event stream in ``ListEventStreams`` (``EventStreamSummary``).",
        factories=("Tags",),
    ),
    "DestinationSummary": Curated(
        "DestinationSummary",
        "The destination of an event stream in ``ListEventStreams`` (no ``message``).",
    ),
    "CreateEventStreamRequest": Curated(
        "EventStreamSpec",
        """\
        One event stream of a domain spec: the members of a ``CreateEventStream`` request.

        Example:
            >>> EventStreamSpec(event_stream_name="export",
            ...                 uri="arn:aws:kinesis:us-east-1:123456789012:stream/cp").uri
            'arn:aws:kinesis:us-east-1:123456789012:stream/cp'

        """,
        omit=("DomainName",),
        factories=("Tags",),
    ),
    "ObjectAttribute": Curated(
        "ObjectAttribute",
        """\
        One comparison of an event trigger: an attribute of the ingested object, an
        operator and the values to compare with (``ObjectAttribute``).

        Name the attribute with exactly one of ``field_name`` (a field of the object
        type) and ``source`` (a ``_source.`` accessor into the ingested JSON). ``values``
        are strings: numbers and timestamps as text. The builders of
        :mod:`customer_profiles_sdk.triggers` read better:
        ``field("amount").greater_than(100)``.

        Example:
            >>> big = ObjectAttribute(field_name="amount",
            ...                       comparison_operator=ComparisonOperator.GREATER_THAN,
            ...                       values=["100"])
            >>> big.comparison_operator.value
            'GREATER_THAN'

        """,
    ),
    "EventTriggerDimension": Curated(
        "EventTriggerDimension",
        """\
        Comparisons that must all hold (``EventTriggerDimension``): its
        object attributes (:class:`ObjectAttribute`) are combined with AND.
        """,
    ),
    "EventTriggerCondition": Curated(
        "EventTriggerCondition",
        """\
        One condition of an event trigger: dimensions combined by ``logical_operator``
        (``ALL``, ``ANY`` or ``NONE``). A trigger fires when any of its conditions holds.

        Example:
            >>> amount = ObjectAttribute(field_name="amount", comparison_operator="GREATER_THAN",
            ...                          values=["100"])
            >>> condition = EventTriggerCondition(
            ...     event_trigger_dimensions=[EventTriggerDimension(object_attributes=[amount])],
            ...     logical_operator=EventTriggerLogicalOperator.ALL)
            >>> condition.logical_operator.value
            'ALL'

        """,
    ),
    "Period": Curated(
        "Period",
        """\
        A per-profile limit of an event trigger over a trailing window of ``value``
        times ``unit`` (``Period``): at most ``max_invocations_per_profile`` invocations, or
        ``unlimited=True``.

        Example:
            >>> Period(unit=PeriodUnit.DAYS, value=1, max_invocations_per_profile=2).value
            1

        """,
    ),
    "EventTriggerLimits": Curated(
        "EventTriggerLimits",
        """\
        How often an event trigger may fire for one profile (``EventTriggerLimits``).

        Without limits the service allows 10 invocations per profile per day. Every
        period must allow an invocation; ``event_expiration`` (milliseconds) drops events
        processed later than that.

        """,
    ),
    "GetEventTriggerResponse": Curated(
        "EventTrigger",
        """\
        An event trigger: a condition on the objects ingested into one object type that
        starts an action, e.g. an outbound campaign (``GetEventTrigger``; also what
        ``CreateEventTrigger`` and ``UpdateEventTrigger`` answer).

        The action is the integration that lists the trigger in its
        ``event_trigger_names``. ``created_at`` and ``last_updated_at`` are read-only.

        Example:
            >>> from customer_profiles_sdk.triggers import all_of, field
            >>> trigger = EventTrigger(
            ...     event_trigger_name="big-spender", object_type_name="Purchase",
            ...     event_trigger_conditions=[all_of(field("amount").greater_than(100))])
            >>> trigger.event_trigger_conditions[0].logical_operator.value
            'ALL'

        """,
        also=("CreateEventTriggerResponse", "UpdateEventTriggerResponse"),
        required=("EventTriggerName",),
        factories=("Tags",),
        field_docs={"CreatedAt": "Read-only.", "LastUpdatedAt": "Read-only."},
    ),
    "EventTriggerSummaryItem": Curated(
        "EventTriggerSummary",
        """\
        One event trigger in ``ListEventTriggers`` (``EventTriggerSummaryItem``).

        It has no conditions or limits: read them with ``domain.event_triggers.get(name)``.

        """,
        factories=("Tags",),
    ),
    "GetDomainLayoutResponse": Curated(
        "DomainLayout",
        """\
        A domain layout: how Profile Explorer shows a profile (``GetDomainLayout``; also
        what ``CreateDomainLayout`` and ``UpdateDomainLayout`` answer).

        ``layout`` is the layout's JSON text; ``version`` changes with every update.

        """,
        also=("CreateDomainLayoutResponse", "UpdateDomainLayoutResponse"),
        optional=("LastUpdatedAt",),
        factories=("Tags",),
    ),
    "LayoutItem": Curated(
        "DomainLayoutSummary",
        """\
        One layout in ``ListDomainLayouts`` (``LayoutItem``): no ``layout``, no ``version``.
        """,
        factories=("Tags",),
    ),
    "DetectedProfileObjectType": Curated(
        "DetectedProfileObjectType",
        """\
        The object type mapping ``DetectProfileObjectType`` proposes for sample objects.

        ``domain.object_types.detect(samples, ...)`` returns it as an :class:`ObjectType`
        ready for ``domain.object_types.put``.

        """,
    ),
}
