"""Models of the segments operations.

Generated from botocore 1.44.8's ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

import attrs

from .._base import Extra, model
from .._mixins import (
    SegmentDefinitionMixin,
    SegmentEstimateMixin,
    SegmentMembershipMixin,
    SegmentSnapshotMixin,
)
from .calculated_attributes import ConditionOverrides
from .profiles import Profile, ProfileType

__all__ = [
    "AddressDimension",
    "AssociateStreamForSegmentsResponse",
    "AssociatedSegment",
    "AttributeDimension",
    "AttributeDimensionType",
    "CalculatedAttributeDimension",
    "CreateSegmentDefinitionResponse",
    "CreateSegmentEstimateResponse",
    "CreateSegmentSnapshotResponse",
    "DataFormat",
    "DateDimension",
    "DateDimensionType",
    "DeleteSegmentDefinitionResponse",
    "DeleteSegmentSubscriptionResponse",
    "Dimension",
    "DisassociateStreamForSegmentsResponse",
    "EstimateStatus",
    "EventSubscriptionSegmentStatus",
    "EventSubscriptionState",
    "ExtraLengthValueProfileDimension",
    "Group",
    "IncludeOptions",
    "ListSegmentDefinitionsResponse",
    "ListSegmentSubscriptionEventsResponse",
    "ProfileAttributes",
    "ProfileDimension",
    "ProfileQueryFailures",
    "ProfileQueryResult",
    "ProfileTypeDimension",
    "ProfileTypeDimensionType",
    "QueryResult",
    "ScheduleConfiguration",
    "ScheduleConfigurationUnit",
    "ScheduledExecutions",
    "SegmentDefinition",
    "SegmentDefinitionSummary",
    "SegmentEstimate",
    "SegmentGroup",
    "SegmentGroupStructure",
    "SegmentMembership",
    "SegmentSnapshot",
    "SegmentSnapshotStatus",
    "SegmentSort",
    "SegmentSortDataType",
    "SegmentSortOrder",
    "SegmentStreamAssociation",
    "SegmentSubscription",
    "SegmentSubscriptionEvent",
    "SegmentSubscriptionStatus",
    "SegmentType",
    "SortAttribute",
    "SortAttributeType",
    "SourceSegment",
    "StringDimensionType",
    "SubscriptionEvent",
    "SubscriptionEventType",
]


class AttributeDimensionType(str, Enum):
    """``AttributeDimensionType``, an open enum: a value this SDK does not know stays a ``str``."""

    INCLUSIVE = "INCLUSIVE"
    EXCLUSIVE = "EXCLUSIVE"
    CONTAINS = "CONTAINS"
    BEGINS_WITH = "BEGINS_WITH"
    ENDS_WITH = "ENDS_WITH"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    BETWEEN = "BETWEEN"
    NOT_BETWEEN = "NOT_BETWEEN"
    ON = "ON"
    GREATER_THAN = "GREATER_THAN"
    LESS_THAN = "LESS_THAN"
    GREATER_THAN_OR_EQUAL = "GREATER_THAN_OR_EQUAL"
    LESS_THAN_OR_EQUAL = "LESS_THAN_OR_EQUAL"
    EQUAL = "EQUAL"
    LIST_CONTAINS = "LIST_CONTAINS"
    LIST_CONTAINS_ALL = "LIST_CONTAINS_ALL"


class DataFormat(str, Enum):
    """``DataFormat``, an open enum: a value this SDK does not know stays a ``str``."""

    CSV = "CSV"
    JSONL = "JSONL"
    ORC = "ORC"


class DateDimensionType(str, Enum):
    """``DateDimensionType``, an open enum: a value this SDK does not know stays a ``str``."""

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    BETWEEN = "BETWEEN"
    NOT_BETWEEN = "NOT_BETWEEN"
    ON = "ON"


class EstimateStatus(str, Enum):
    """``EstimateStatus``, an open enum: a value this SDK does not know stays a ``str``."""

    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


class EventSubscriptionSegmentStatus(str, Enum):
    """``EventSubscriptionSegmentStatus``, an open enum: a value this SDK does not know
    stays a ``str``.
    """

    STARTING = "STARTING"
    RUNNING = "RUNNING"
    STOPPED = "STOPPED"
    FAILED = "FAILED"


class EventSubscriptionState(str, Enum):
    """``EventSubscriptionState``, an open enum: a value this SDK does not know stays a ``str``."""

    RUNNING = "RUNNING"
    UNHEALTHY = "UNHEALTHY"
    STOPPED = "STOPPED"


class IncludeOptions(str, Enum):
    """``IncludeOptions``, an open enum: a value this SDK does not know stays a ``str``."""

    ALL = "ALL"
    ANY = "ANY"
    NONE = "NONE"


class ProfileTypeDimensionType(str, Enum):
    """``ProfileTypeDimensionType``, an open enum: a value this SDK does not know stays a
    ``str``.
    """

    INCLUSIVE = "INCLUSIVE"
    EXCLUSIVE = "EXCLUSIVE"


class QueryResult(str, Enum):
    """``QueryResult``, an open enum: a value this SDK does not know stays a ``str``."""

    PRESENT = "PRESENT"
    ABSENT = "ABSENT"


class ScheduleConfigurationUnit(str, Enum):
    """``ScheduleConfigurationUnit``, an open enum: a value this SDK does not know stays a
    ``str``.
    """

    HOURLY = "HOURLY"


class SegmentSnapshotStatus(str, Enum):
    """``SegmentSnapshotStatus``, an open enum: a value this SDK does not know stays a ``str``."""

    COMPLETED = "COMPLETED"
    IN_PROGRESS = "IN_PROGRESS"
    FAILED = "FAILED"


class SegmentSortDataType(str, Enum):
    """``SegmentSortDataType``, an open enum: a value this SDK does not know stays a ``str``."""

    STRING = "STRING"
    NUMBER = "NUMBER"
    DATE = "DATE"


class SegmentSortOrder(str, Enum):
    """``SegmentSortOrder``, an open enum: a value this SDK does not know stays a ``str``."""

    ASC = "ASC"
    DESC = "DESC"


class SegmentSubscriptionStatus(str, Enum):
    """``SegmentSubscriptionStatus``, an open enum: a value this SDK does not know stays a
    ``str``.
    """

    STARTING = "STARTING"
    RUNNING = "RUNNING"
    STOPPED = "STOPPED"
    FAILED = "FAILED"


class SegmentType(str, Enum):
    """``SegmentType``, an open enum: a value this SDK does not know stays a ``str``."""

    CLASSIC = "CLASSIC"
    ENHANCED = "ENHANCED"


class SortAttributeType(str, Enum):
    """``SortAttributeType``, an open enum: a value this SDK does not know stays a ``str``."""

    PROFILE = "PROFILE"
    CALCULATED = "CALCULATED"


class StringDimensionType(str, Enum):
    """``StringDimensionType``, an open enum: a value this SDK does not know stays a ``str``."""

    INCLUSIVE = "INCLUSIVE"
    EXCLUSIVE = "EXCLUSIVE"
    CONTAINS = "CONTAINS"
    BEGINS_WITH = "BEGINS_WITH"
    ENDS_WITH = "ENDS_WITH"


class SubscriptionEvent(str, Enum):
    """``SubscriptionEvent``, an open enum: a value this SDK does not know stays a ``str``."""

    JOINED = "JOINED"
    LEFT = "LEFT"


class SubscriptionEventType(str, Enum):
    """``SubscriptionEventType``, an open enum: a value this SDK does not know stays a ``str``."""

    LIVE = "LIVE"
    SCHEDULE = "SCHEDULE"


@model
class AddressDimension:
    """The ``AddressDimension`` structure, used by ``CreateSegmentDefinition``,
    ``CreateSegmentEstimate``, ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "AddressDimension"

    city: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "City", "sensitive": True}
    )
    country: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "Country", "sensitive": True}
    )
    county: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "County", "sensitive": True}
    )
    postal_code: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "PostalCode", "sensitive": True}
    )
    province: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "Province", "sensitive": True}
    )
    state: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "State", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AssociateStreamForSegmentsResponse:
    """The ``AssociateStreamForSegmentsResponse`` structure, used by
    ``AssociateStreamForSegments`` (response).
    """

    __wire_shape__: ClassVar[str] = "AssociateStreamForSegmentsResponse"

    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AssociatedSegment:
    """The ``AssociatedSegment`` structure, used by ``GetStreamForSegments``."""

    __wire_shape__: ClassVar[str] = "AssociatedSegment"

    segment_name: str | None = attrs.field(default=None, metadata={"wire": "SegmentName"})
    status: EventSubscriptionSegmentStatus | str | None = attrs.field(
        default=None, metadata={"wire": "Status"}
    )
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class AttributeDimension:
    """The ``AttributeDimension`` structure, used by ``CreateSegmentDefinition``,
    ``CreateSegmentEstimate``, ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "AttributeDimension"

    dimension_type: AttributeDimensionType | str = attrs.field(
        metadata={"wire": "DimensionType", "sensitive": True}
    )
    values: list[str] = attrs.field(metadata={"wire": "Values", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CalculatedAttributeDimension:
    """The ``CalculatedAttributeDimension`` structure, used by ``CreateSegmentDefinition``,
    ``CreateSegmentEstimate``, ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "CalculatedAttributeDimension"

    dimension_type: AttributeDimensionType | str = attrs.field(
        metadata={"wire": "DimensionType", "sensitive": True}
    )
    values: list[str] = attrs.field(metadata={"wire": "Values", "sensitive": True})
    condition_overrides: ConditionOverrides | None = attrs.field(
        default=None, metadata={"wire": "ConditionOverrides", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CreateSegmentDefinitionResponse:
    """The ``CreateSegmentDefinitionResponse`` structure, used by ``CreateSegmentDefinition``
    (response).
    """

    __wire_shape__: ClassVar[str] = "CreateSegmentDefinitionResponse"

    segment_definition_name: str = attrs.field(metadata={"wire": "SegmentDefinitionName"})
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    segment_definition_arn: str | None = attrs.field(
        default=None, metadata={"wire": "SegmentDefinitionArn"}
    )
    tags: dict[str, str] | None = attrs.field(default=None, metadata={"wire": "Tags"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CreateSegmentEstimateResponse:
    """The ``CreateSegmentEstimateResponse`` structure, used by ``CreateSegmentEstimate``
    (response).
    """

    __wire_shape__: ClassVar[str] = "CreateSegmentEstimateResponse"

    domain_name: str | None = attrs.field(default=None, metadata={"wire": "DomainName"})
    estimate_id: str | None = attrs.field(default=None, metadata={"wire": "EstimateId"})
    status_code: int | None = attrs.field(default=None, metadata={"wire": "StatusCode"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class CreateSegmentSnapshotResponse:
    """The ``CreateSegmentSnapshotResponse`` structure, used by ``CreateSegmentSnapshot``
    (response).
    """

    __wire_shape__: ClassVar[str] = "CreateSegmentSnapshotResponse"

    snapshot_id: str = attrs.field(metadata={"wire": "SnapshotId"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DateDimension:
    """The ``DateDimension`` structure, used by ``CreateSegmentDefinition``,
    ``CreateSegmentEstimate``, ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "DateDimension"

    dimension_type: DateDimensionType | str = attrs.field(
        metadata={"wire": "DimensionType", "sensitive": True}
    )
    values: list[str] = attrs.field(metadata={"wire": "Values", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteSegmentDefinitionResponse:
    """The ``DeleteSegmentDefinitionResponse`` structure, used by ``DeleteSegmentDefinition``
    (response).
    """

    __wire_shape__: ClassVar[str] = "DeleteSegmentDefinitionResponse"

    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DeleteSegmentSubscriptionResponse:
    """The ``DeleteSegmentSubscriptionResponse`` structure, used by
    ``DeleteSegmentSubscription`` (response).
    """

    __wire_shape__: ClassVar[str] = "DeleteSegmentSubscriptionResponse"

    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Dimension:
    """One condition of an audience group (``Dimension``): either on profile fields
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
    """

    __wire_shape__: ClassVar[str] = "Dimension"

    profile_attributes: ProfileAttributes | None = attrs.field(
        default=None, metadata={"wire": "ProfileAttributes", "sensitive": True}
    )
    calculated_attributes: dict[str, CalculatedAttributeDimension] | None = attrs.field(
        default=None, metadata={"wire": "CalculatedAttributes", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class DisassociateStreamForSegmentsResponse:
    """The ``DisassociateStreamForSegmentsResponse`` structure, used by
    ``DisassociateStreamForSegments`` (response).
    """

    __wire_shape__: ClassVar[str] = "DisassociateStreamForSegmentsResponse"

    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ExtraLengthValueProfileDimension:
    """The ``ExtraLengthValueProfileDimension`` structure, used by ``CreateSegmentDefinition``,
    ``CreateSegmentEstimate``, ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "ExtraLengthValueProfileDimension"

    dimension_type: StringDimensionType | str = attrs.field(
        metadata={"wire": "DimensionType", "sensitive": True}
    )
    values: list[str] = attrs.field(metadata={"wire": "Values", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class Group:
    """One audience group of a segment (``Group``): the profiles of its starting
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
    """

    __wire_shape__: ClassVar[str] = "Group"

    dimensions: list[Dimension] | None = attrs.field(
        default=None, metadata={"wire": "Dimensions", "sensitive": True}
    )
    source_segments: list[SourceSegment] | None = attrs.field(
        default=None, metadata={"wire": "SourceSegments", "sensitive": True}
    )
    source_type: IncludeOptions | str | None = attrs.field(
        default=None, metadata={"wire": "SourceType", "sensitive": True}
    )
    type: IncludeOptions | str | None = attrs.field(
        default=None, metadata={"wire": "Type", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListSegmentDefinitionsResponse:
    """The ``ListSegmentDefinitionsResponse`` structure, used by ``ListSegmentDefinitions``
    (response).
    """

    __wire_shape__: ClassVar[str] = "ListSegmentDefinitionsResponse"

    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    items: list[SegmentDefinitionSummary] | None = attrs.field(
        default=None, metadata={"wire": "Items"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ListSegmentSubscriptionEventsResponse:
    """The ``ListSegmentSubscriptionEventsResponse`` structure, used by
    ``ListSegmentSubscriptionEvents`` (response).
    """

    __wire_shape__: ClassVar[str] = "ListSegmentSubscriptionEventsResponse"

    events: list[SegmentSubscriptionEvent] | None = attrs.field(
        default=None, metadata={"wire": "Events"}
    )
    next_token: str | None = attrs.field(default=None, metadata={"wire": "NextToken"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileAttributes:
    """The ``ProfileAttributes`` structure, used by ``CreateSegmentDefinition``,
    ``CreateSegmentEstimate``, ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "ProfileAttributes"

    account_number: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "AccountNumber", "sensitive": True}
    )
    additional_information: ExtraLengthValueProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "AdditionalInformation", "sensitive": True}
    )
    first_name: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "FirstName", "sensitive": True}
    )
    last_name: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "LastName", "sensitive": True}
    )
    middle_name: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "MiddleName", "sensitive": True}
    )
    gender_string: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "GenderString", "sensitive": True}
    )
    party_type_string: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "PartyTypeString", "sensitive": True}
    )
    birth_date: DateDimension | None = attrs.field(
        default=None, metadata={"wire": "BirthDate", "sensitive": True}
    )
    phone_number: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "PhoneNumber", "sensitive": True}
    )
    business_name: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "BusinessName", "sensitive": True}
    )
    business_phone_number: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "BusinessPhoneNumber", "sensitive": True}
    )
    home_phone_number: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "HomePhoneNumber", "sensitive": True}
    )
    mobile_phone_number: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "MobilePhoneNumber", "sensitive": True}
    )
    email_address: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "EmailAddress", "sensitive": True}
    )
    personal_email_address: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "PersonalEmailAddress", "sensitive": True}
    )
    business_email_address: ProfileDimension | None = attrs.field(
        default=None, metadata={"wire": "BusinessEmailAddress", "sensitive": True}
    )
    address: AddressDimension | None = attrs.field(
        default=None, metadata={"wire": "Address", "sensitive": True}
    )
    shipping_address: AddressDimension | None = attrs.field(
        default=None, metadata={"wire": "ShippingAddress", "sensitive": True}
    )
    mailing_address: AddressDimension | None = attrs.field(
        default=None, metadata={"wire": "MailingAddress", "sensitive": True}
    )
    billing_address: AddressDimension | None = attrs.field(
        default=None, metadata={"wire": "BillingAddress", "sensitive": True}
    )
    attributes: dict[str, AttributeDimension] | None = attrs.field(
        default=None, metadata={"wire": "Attributes", "sensitive": True}
    )
    profile_type: ProfileTypeDimension | None = attrs.field(
        default=None, metadata={"wire": "ProfileType", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileDimension:
    """The ``ProfileDimension`` structure, used by ``CreateSegmentDefinition``,
    ``CreateSegmentEstimate``, ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "ProfileDimension"

    dimension_type: StringDimensionType | str = attrs.field(
        metadata={"wire": "DimensionType", "sensitive": True}
    )
    values: list[str] = attrs.field(metadata={"wire": "Values", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileQueryFailures:
    """The ``ProfileQueryFailures`` structure, used by ``GetSegmentMembership``."""

    __wire_shape__: ClassVar[str] = "ProfileQueryFailures"

    profile_id: str = attrs.field(metadata={"wire": "ProfileId"})
    message: str = attrs.field(metadata={"wire": "Message"})
    status: int | None = attrs.field(default=None, metadata={"wire": "Status"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileQueryResult:
    """The ``ProfileQueryResult`` structure, used by ``GetSegmentMembership``."""

    __wire_shape__: ClassVar[str] = "ProfileQueryResult"

    profile_id: str = attrs.field(metadata={"wire": "ProfileId"})
    query_result: QueryResult | str = attrs.field(metadata={"wire": "QueryResult"})
    profile: Profile | None = attrs.field(default=None, metadata={"wire": "Profile"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ProfileTypeDimension:
    """The ``ProfileTypeDimension`` structure, used by ``CreateSegmentDefinition``,
    ``CreateSegmentEstimate``, ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "ProfileTypeDimension"

    dimension_type: ProfileTypeDimensionType | str = attrs.field(
        metadata={"wire": "DimensionType", "sensitive": True}
    )
    values: list[ProfileType | str] = attrs.field(metadata={"wire": "Values", "sensitive": True})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ScheduleConfiguration:
    """The ``ScheduleConfiguration`` structure, used by ``GetSegmentSubscription``,
    ``PutSegmentSubscription``.
    """

    __wire_shape__: ClassVar[str] = "ScheduleConfiguration"

    interval: int = attrs.field(metadata={"wire": "Interval"})
    unit: ScheduleConfigurationUnit | str | None = attrs.field(
        default=None, metadata={"wire": "Unit"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class ScheduledExecutions:
    """The ``ScheduledExecutions`` structure, used by ``GetSegmentSubscription``."""

    __wire_shape__: ClassVar[str] = "ScheduledExecutions"

    next_executed_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "NextExecutedAt"}
    )
    last_executed_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "LastExecutedAt"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentDefinition(SegmentDefinitionMixin):
    """A segment definition (``GetSegmentDefinition``; also what ``domain.segments.create``
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
    """

    __wire_shape__: ClassVar[str] = "GetSegmentDefinitionResponse"

    segment_definition_name: str = attrs.field(metadata={"wire": "SegmentDefinitionName"})
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    segment_groups: SegmentGroup | None = attrs.field(
        default=None, metadata={"wire": "SegmentGroups", "sensitive": True}
    )
    segment_sort: SegmentSort | None = attrs.field(
        default=None, metadata={"wire": "SegmentSort", "sensitive": True}
    )
    segment_definition_arn: str | None = attrs.field(
        default=None, metadata={"wire": "SegmentDefinitionArn"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    segment_sql_query: str | None = attrs.field(
        default=None, metadata={"wire": "SegmentSqlQuery", "sensitive": True}
    )
    segment_type: SegmentType | str | None = attrs.field(
        default=None, metadata={"wire": "SegmentType"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentDefinitionSummary:
    """One definition in ``ListSegmentDefinitions`` (``SegmentDefinitionItem``): no groups
    and no SQL; read them with ``domain.segments.get(name)``.
    """

    __wire_shape__: ClassVar[str] = "SegmentDefinitionItem"

    segment_definition_name: str = attrs.field(metadata={"wire": "SegmentDefinitionName"})
    display_name: str | None = attrs.field(default=None, metadata={"wire": "DisplayName"})
    description: str | None = attrs.field(
        default=None, metadata={"wire": "Description", "sensitive": True}
    )
    segment_definition_arn: str | None = attrs.field(
        default=None, metadata={"wire": "SegmentDefinitionArn"}
    )
    created_at: datetime | None = attrs.field(default=None, metadata={"wire": "CreatedAt"})
    tags: dict[str, str] = attrs.field(factory=dict, metadata={"wire": "Tags"})
    segment_type: SegmentType | str | None = attrs.field(
        default=None, metadata={"wire": "SegmentType"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentEstimate(SegmentEstimateMixin):
    """The state of a segment estimate (``GetSegmentEstimate``): ``status`` is
    ``RUNNING``, then ``SUCCEEDED`` (with ``estimate``, the number of profiles, as the
    service's string) or ``FAILED`` (with ``message``). :attr:`count` reads the
    estimate as an ``int``; in a notebook the estimate shows with its status.

    Example:
        >>> SegmentEstimate(estimate_id="e1", status=EstimateStatus.SUCCEEDED,
        ...                 estimate="42").count
        42
    """

    __wire_shape__: ClassVar[str] = "GetSegmentEstimateResponse"

    domain_name: str | None = attrs.field(default=None, metadata={"wire": "DomainName"})
    estimate_id: str | None = attrs.field(default=None, metadata={"wire": "EstimateId"})
    status: EstimateStatus | str | None = attrs.field(default=None, metadata={"wire": "Status"})
    estimate: str | None = attrs.field(default=None, metadata={"wire": "Estimate"})
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    status_code: int | None = attrs.field(default=None, metadata={"wire": "StatusCode"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentGroup:
    """Which profiles a classic segment holds: audience ``groups`` combined by
    ``include`` (``ALL``: in every group, ``ANY``: in at least one, ``NONE``: in none).

    Build the groups with :mod:`customer_profiles_sdk.segments`
    (``all_of(...)``, ``any_of(...)``, ``none_of(...)``).

    Example:
        >>> from customer_profiles_sdk.segments import all_of, profile
        >>> query = SegmentGroup(include=IncludeOptions.ALL,
        ...                      groups=[all_of(profile.address.city.is_("Seattle"))])
        >>> query.groups[0].type.value
        'ALL'
    """

    __wire_shape__: ClassVar[str] = "SegmentGroup"

    groups: list[Group] | None = attrs.field(
        default=None, metadata={"wire": "Groups", "sensitive": True}
    )
    include: IncludeOptions | str | None = attrs.field(
        default=None, metadata={"wire": "Include", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentGroupStructure:
    """The ``SegmentGroupStructure`` structure, used by ``CreateSegmentEstimate``."""

    __wire_shape__: ClassVar[str] = "SegmentGroupStructure"

    groups: list[Group] | None = attrs.field(default=None, metadata={"wire": "Groups"})
    include: IncludeOptions | str | None = attrs.field(default=None, metadata={"wire": "Include"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentMembership(SegmentMembershipMixin):
    """Which of the profiles asked about are in a segment (``GetSegmentMembership``).

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
    """

    __wire_shape__: ClassVar[str] = "GetSegmentMembershipResponse"

    segment_definition_name: str | None = attrs.field(
        default=None, metadata={"wire": "SegmentDefinitionName"}
    )
    profiles: list[ProfileQueryResult] = attrs.field(factory=list, metadata={"wire": "Profiles"})
    failures: list[ProfileQueryFailures] = attrs.field(factory=list, metadata={"wire": "Failures"})
    last_computed_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "LastComputedAt"}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentSnapshot(SegmentSnapshotMixin):
    """The state of a segment snapshot (``GetSegmentSnapshot``): ``status`` is
    ``IN_PROGRESS``, then ``COMPLETED`` (the export is at ``destination_uri``) or
    ``FAILED`` (with ``status_message``). In a notebook it shows with its status.
    """

    __wire_shape__: ClassVar[str] = "GetSegmentSnapshotResponse"

    snapshot_id: str = attrs.field(metadata={"wire": "SnapshotId"})
    status: SegmentSnapshotStatus | str = attrs.field(metadata={"wire": "Status"})
    data_format: DataFormat | str = attrs.field(metadata={"wire": "DataFormat"})
    status_message: str | None = attrs.field(default=None, metadata={"wire": "StatusMessage"})
    encryption_key: str | None = attrs.field(default=None, metadata={"wire": "EncryptionKey"})
    role_arn: str | None = attrs.field(default=None, metadata={"wire": "RoleArn"})
    destination_uri: str | None = attrs.field(default=None, metadata={"wire": "DestinationUri"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentSort:
    """The order of a segment's profiles (``SegmentSort``): sort attributes applied top
    to bottom, each later one breaking the ties of those before it.

    Build it with :func:`customer_profiles_sdk.segments.sort_by`.

    Example:
        >>> from customer_profiles_sdk.segments import attribute, profile, sort_by
        >>> order = sort_by(attribute("ltv").descending(data_type="NUMBER"),
        ...                 profile.last_name.ascending())
        >>> [(a.name, a.order.value) for a in order.attributes]
        [('ltv', 'DESC'), ('LastName', 'ASC')]
    """

    __wire_shape__: ClassVar[str] = "SegmentSort"

    attributes: list[SortAttribute] = attrs.field(
        metadata={"wire": "Attributes", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentStreamAssociation:
    """The Kinesis data stream that receives a domain's segment membership events
    (``GetStreamForSegments``), with the state of each subscribed segment
    (``associated_segments``).
    """

    __wire_shape__: ClassVar[str] = "GetStreamForSegmentsResponse"

    associated_at: datetime | None = attrs.field(default=None, metadata={"wire": "AssociatedAt"})
    associated_segments: list[AssociatedSegment] = attrs.field(
        factory=list, metadata={"wire": "AssociatedSegments"}
    )
    domain_name: str | None = attrs.field(default=None, metadata={"wire": "DomainName"})
    destination_arn: str | None = attrs.field(default=None, metadata={"wire": "DestinationArn"})
    destination_role_arn: str | None = attrs.field(
        default=None, metadata={"wire": "DestinationRoleArn"}
    )
    state: EventSubscriptionState | str | None = attrs.field(
        default=None, metadata={"wire": "State"}
    )
    disassociated_at: datetime | None = attrs.field(
        default=None, metadata={"wire": "DisassociatedAt"}
    )
    failure_reason: str | None = attrs.field(default=None, metadata={"wire": "FailureReason"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentSubscription:
    """A segment's membership-event subscription (``GetSegmentSubscription``; also what
    ``PutSegmentSubscription`` answers, with ``status``, ``schedule_configuration``
    and ``started_at`` only).

    ``status`` is ``STARTING`` while the service records the initial membership, then
    ``RUNNING``; ``STOPPED`` or ``FAILED`` (see ``message``) when events stop.
    """

    __wire_shape__: ClassVar[str] = "GetSegmentSubscriptionResponse"

    status: SegmentSubscriptionStatus | str | None = attrs.field(
        default=None, metadata={"wire": "Status"}
    )
    message: str | None = attrs.field(default=None, metadata={"wire": "Message"})
    schedule_configuration: ScheduleConfiguration | None = attrs.field(
        default=None, metadata={"wire": "ScheduleConfiguration"}
    )
    scheduled_executions: ScheduledExecutions | None = attrs.field(
        default=None, metadata={"wire": "ScheduledExecutions"}
    )
    started_at: datetime | None = attrs.field(default=None, metadata={"wire": "StartedAt"})
    last_updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "LastUpdatedAt"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SegmentSubscriptionEvent:
    """One membership change of a subscribed segment (``SubscriptionEventItem``): a
    profile ``JOINED`` or ``LEFT`` the segment at ``updated_at``, seen when the
    profile changed (``LIVE``) or by a scheduled run (``SCHEDULE``).
    """

    __wire_shape__: ClassVar[str] = "SubscriptionEventItem"

    profile_id: str | None = attrs.field(default=None, metadata={"wire": "ProfileId"})
    updated_at: datetime | None = attrs.field(default=None, metadata={"wire": "UpdatedAt"})
    event_type: SubscriptionEventType | str | None = attrs.field(
        default=None, metadata={"wire": "EventType"}
    )
    event: SubscriptionEvent | str | None = attrs.field(default=None, metadata={"wire": "Event"})
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SortAttribute:
    """The ``SortAttribute`` structure, used by ``CreateSegmentDefinition``,
    ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "SortAttribute"

    name: str = attrs.field(metadata={"wire": "Name", "sensitive": True})
    order: SegmentSortOrder | str = attrs.field(metadata={"wire": "Order", "sensitive": True})
    data_type: SegmentSortDataType | str | None = attrs.field(
        default=None, metadata={"wire": "DataType", "sensitive": True}
    )
    type: SortAttributeType | str | None = attrs.field(
        default=None, metadata={"wire": "Type", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)


@model
class SourceSegment:
    """The ``SourceSegment`` structure, used by ``CreateSegmentDefinition``,
    ``CreateSegmentEstimate``, ``GetSegmentDefinition``.
    """

    __wire_shape__: ClassVar[str] = "SourceSegment"

    segment_definition_name: str | None = attrs.field(
        default=None, metadata={"wire": "SegmentDefinitionName", "sensitive": True}
    )
    extra: Extra = attrs.field(factory=dict, repr=False)
