"""Scripted domain setup: a domain as code.

A :class:`DomainSpec` describes a whole domain: its settings, object types, calculated
attributes, integrations and segment definitions. It is written in YAML or JSON with the
API's own member names (the PascalCase names of the AWS documentation and of the AWS
CLI's JSON), so anything the API reference shows can be pasted in:

.. code-block:: yaml

    DomainName: retail
    DefaultExpirationDays: 365
    Matching: {Enabled: true}
    Tags: {team: crm}
    ObjectTypes:
      Order:                      # PutProfileObjectType members
        Description: Web shop orders
        Fields:
          order_id: {Source: _source.order_id}
          email: {Source: _source.email, Target: _profile.EmailAddress,
                  ContentType: EMAIL_ADDRESS}
        Keys:
          _orderNumber: [{StandardIdentifiers: [UNIQUE], FieldNames: [order_id]}]
          _email: [{StandardIdentifiers: [PROFILE], FieldNames: [email]}]
      Contact: {Description: Salesforce contacts, TemplateId: Salesforce-Contact}
    CalculatedAttributes:
      total_spend:                # CreateCalculatedAttributeDefinition members
        AttributeDetails:
          Attributes: [{Name: total}]
          Expression: "{Order.total}"
        Statistic: SUM
    Integrations:                 # PutIntegration members
      - {Uri: "s3://retail-orders", ObjectTypeName: Order}
    SegmentDefinitions:           # CreateSegmentDefinition members
      big_spenders:
        DisplayName: Big spenders
        SegmentGroups:
          Groups:
            - Dimensions:
                - CalculatedAttributes:
                    total_spend: {DimensionType: GREATER_THAN, Values: ["1000"]}
    DomainObjectTypes:            # PutDomainObjectType members (Data Store)
      Item:
        Fields:
          title: {Source: _source.title, Target: _item.Title}
    EventStreams:                 # CreateEventStream members
      export: {Uri: "arn:aws:kinesis:us-east-1:123456789012:stream/profiles"}
    EventTriggers:                # CreateEventTrigger members
      big-order:
        ObjectTypeName: Order
        EventTriggerConditions:
          - LogicalOperator: ALL
            EventTriggerDimensions:
              - ObjectAttributes:
                  - {FieldName: total, ComparisonOperator: GREATER_THAN, Values: ["100"]}

``cp.domains.plan(spec)`` shows what would change, ``cp.domains.apply(spec)`` makes the
domain match the spec, ``cp.domains.export(name)`` writes an existing domain as a spec.
The same is available as ``customer-profiles plan|apply|export``.

Every problem of a spec is reported at once, before any request is sent, by a
:class:`SpecError` naming the entry, the member and why (:meth:`DomainSpec.problems`).
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Literal

import attrs
import yaml

from . import _convert, _segment_checks, _service
from ._config_checks import kinesis_uri_violations, trigger_violations
from ._service import Violation
from .errors import CustomerProfilesError, ValidationError
from .models import (
    CalculatedAttribute,
    DataStore,
    DomainObjectType,
    EventStreamSpec,
    EventTrigger,
    IntegrationSpec,
    Matching,
    ObjectType,
    RuleBasedMatching,
    SegmentDefinition,
)

__all__ = [
    "ApplyError",
    "ApplyResult",
    "Change",
    "DomainSpec",
    "EventStreamSpec",
    "IntegrationSpec",
    "Plan",
    "PlanDriftError",
    "SavedPlan",
    "SpecError",
]

# --------------------------------------------------------------------------- file format

#: Top-level members of a spec file for the domain's settings (``CreateDomain`` members).
SETTINGS_MEMBERS: tuple[str, ...] = tuple(
    m for m in _service.structure("CreateDomainRequest").members if m not in ("DomainName", "Tags")
)
#: Top-level members of a spec file for what lives in the domain.
SECTION_MEMBERS = (
    "ObjectTypes",
    "CalculatedAttributes",
    "Integrations",
    "DomainObjectTypes",
    "EventStreams",
    "EventTriggers",
    "SegmentDefinitions",
)
TOP_MEMBERS: tuple[str, ...] = ("DomainName", *SETTINGS_MEMBERS, "Tags", *SECTION_MEMBERS)

#: Members a template supplies; a spec gives them only for types without ``TemplateId``.
TEMPLATE_MEMBERS = ("Fields", "Keys", "AllowProfileCreation", "SourceLastUpdatedTimestampFormat")

#: The request shape each kind of entry is checked against and the members the spec
#: supplies itself (the domain name, and the entry's name for keyed sections).
_ENTRY_OPERATION = {
    "ObjectTypes": ("PutProfileObjectType", "ObjectTypeName"),
    "CalculatedAttributes": ("CreateCalculatedAttributeDefinition", "CalculatedAttributeName"),
    "Integrations": ("PutIntegration", None),
    "SegmentDefinitions": ("CreateSegmentDefinition", "SegmentDefinitionName"),
    "DomainObjectTypes": ("PutDomainObjectType", "ObjectTypeName"),
    "EventStreams": ("CreateEventStream", "EventStreamName"),
    "EventTriggers": ("CreateEventTrigger", "EventTriggerName"),
}

#: A domain has one event stream at most (a quota that cannot be raised).
MAX_EVENT_STREAMS = 1

_REFERENCE = re.compile(r"\{([^{}]*)\}")


def _domain_name_of(data: Mapping[str, Any]) -> str:
    name = data.get("DomainName")
    return name if isinstance(name, str) else "?"


# --------------------------------------------------------------------------- models


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class DomainSpec:
    """A domain as code: its settings, object types, calculated attributes, integrations,
    Data Store object types, event streams and event triggers.

    Build one from a file (:meth:`load`), from a dict in the API's member names
    (:meth:`from_dict`), from an existing domain (``cp.domains.export(name)``), or in
    Python from the SDK's models. Then ``cp.domains.plan(spec)`` and
    ``cp.domains.apply(spec)``.

    Members absent from a spec: ``DefaultEncryptionKey`` and ``DeadLetterQueueUrl`` are
    cleared, ``Matching`` and ``RuleBasedMatching`` are disabled, ``DataStore`` is left
    as it is. Tags are added and updated but never removed (the update operations of
    the API only add tags). Object types, calculated attributes, integrations, Data
    Store object types, event streams, event triggers and segment definitions that are not
    in the spec are deleted only by ``apply(spec, prune=True)``. Segment definitions cannot
    be updated: one whose definition changes is replaced (deleted and created again); only
    tags are added to an existing one.

    Attributes:
        domain_name: the domain.
        default_expiration_days: how long profile data is kept (1 to 1098 days).
        default_encryption_key: a KMS key ARN.
        dead_letter_queue_url: an SQS queue for ingestion failures.
        matching: ML identity resolution settings.
        rule_based_matching: rule-based identity resolution settings.
        data_store: data store settings.
        tags: the domain's tags.
        object_types: the object types (from a template with ``template_id``, or with
            ``fields`` and ``keys``).
        calculated_attributes: the calculated attribute definitions.
        integrations: the integrations, identified by their URI.
        segment_definitions: the segment definitions (classic or SQL).
        domain_object_types: the Data Store object types (they need the domain's Data
            Store enabled).
        event_streams: the event stream (one at most), to a Kinesis data stream.
        event_triggers: the event triggers; an integration names the one it runs in
            ``event_trigger_names``.

    Example:
        >>> from customer_profiles_sdk.models import Matching
        >>> spec = DomainSpec.from_dict({
        ...     "DomainName": "retail",
        ...     "DefaultExpirationDays": 365,
        ...     "Matching": {"Enabled": True},
        ...     "ObjectTypes": {
        ...         "Contact": {"Description": "CRM contacts", "TemplateId": "Salesforce-Contact"}
        ...     },
        ... })
        >>> spec.matching == Matching(enabled=True), spec.object_type("Contact").template_id
        (True, 'Salesforce-Contact')
        >>> spec.to_dict()["ObjectTypes"]
        {'Contact': {'Description': 'CRM contacts', 'TemplateId': 'Salesforce-Contact'}}
    """

    domain_name: str
    default_expiration_days: int
    default_encryption_key: str | None = None
    dead_letter_queue_url: str | None = None
    matching: Matching | None = None
    rule_based_matching: RuleBasedMatching | None = None
    data_store: DataStore | None = None
    tags: Mapping[str, str] = attrs.field(factory=dict)
    object_types: tuple[ObjectType, ...] = attrs.field(factory=tuple, converter=_tuple)
    calculated_attributes: tuple[CalculatedAttribute, ...] = attrs.field(
        factory=tuple, converter=_tuple
    )
    integrations: tuple[IntegrationSpec, ...] = attrs.field(factory=tuple, converter=_tuple)
    segment_definitions: tuple[SegmentDefinition, ...] = attrs.field(
        factory=tuple, converter=_tuple
    )
    domain_object_types: tuple[DomainObjectType, ...] = attrs.field(factory=tuple, converter=_tuple)
    event_streams: tuple[EventStreamSpec, ...] = attrs.field(factory=tuple, converter=_tuple)
    event_triggers: tuple[EventTrigger, ...] = attrs.field(factory=tuple, converter=_tuple)

    # ----------------------------------------------------------------- lookups

    def object_type(self, name: str) -> ObjectType:
        """The object type ``name`` of the spec.

        Raises:
            KeyError: the spec has no such object type.
        """
        for item in self.object_types:
            if item.object_type_name == name:
                return item
        raise KeyError(name)

    def calculated_attribute(self, name: str) -> CalculatedAttribute:
        """The calculated attribute ``name`` of the spec.

        Raises:
            KeyError: the spec has no such calculated attribute.
        """
        for item in self.calculated_attributes:
            if item.calculated_attribute_name == name:
                return item
        raise KeyError(name)

    def segment_definition(self, name: str) -> SegmentDefinition:
        """The segment definition ``name`` of the spec.

        Raises:
            KeyError: the spec has no such segment definition.
        """
        for item in self.segment_definitions:
            if item.segment_definition_name == name:
                return item
        raise KeyError(name)

    def domain_object_type(self, name: str) -> DomainObjectType:
        """The Data Store object type ``name`` of the spec.

        Raises:
            KeyError: the spec has no such Data Store object type.
        """
        for item in self.domain_object_types:
            if item.object_type_name == name:
                return item
        raise KeyError(name)

    def event_stream(self, name: str) -> EventStreamSpec:
        """The event stream ``name`` of the spec.

        Raises:
            KeyError: the spec has no such event stream.
        """
        for item in self.event_streams:
            if item.event_stream_name == name:
                return item
        raise KeyError(name)

    def event_trigger(self, name: str) -> EventTrigger:
        """The event trigger ``name`` of the spec.

        Raises:
            KeyError: the spec has no such event trigger.
        """
        for item in self.event_triggers:
            if item.event_trigger_name == name:
                return item
        raise KeyError(name)

    # ----------------------------------------------------------------- dict form

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str | None = None) -> DomainSpec:
        """Build a spec from a dict in the API's member names (the file format).

        Args:
            data: the spec, e.g. parsed from YAML or JSON.
            source: where the data came from (shown in error messages).

        Raises:
            SpecError: every problem found: unknown members, members breaking the API's
                constraints, object types without a ``UNIQUE`` key, keys naming
                undefined fields, references to object types the spec does not define
                (checked against the domain by ``plan``), ...

        Example:
            >>> DomainSpec.from_dict({"DomainName": "retail", "DefaultExpirationDays": 30,
            ...                       "Tags": {"team": "crm"}}).tags
            {'team': 'crm'}
        """
        problems = check_spec(data)
        if problems:
            raise SpecError(problems, source=source)
        return cls._from_valid(data)

    @classmethod
    def _from_valid(cls, data: Mapping[str, Any]) -> DomainSpec:
        def model(model_cls: type[Any], key: str) -> Any:
            value = data.get(key)
            return None if value is None else _convert.from_wire(model_cls, value)

        object_types = [
            _convert.from_wire(ObjectType, {**body, "ObjectTypeName": name})
            for name, body in (data.get("ObjectTypes") or {}).items()
        ]
        calculated = [
            _convert.from_wire(CalculatedAttribute, {**body, "CalculatedAttributeName": name})
            for name, body in (data.get("CalculatedAttributes") or {}).items()
        ]
        integrations = [
            _convert.from_wire(IntegrationSpec, body) for body in data.get("Integrations") or []
        ]
        segments = [
            _convert.from_wire(SegmentDefinition, {**body, "SegmentDefinitionName": name})
            for name, body in (data.get("SegmentDefinitions") or {}).items()
        ]
        domain_object_types = [
            _convert.from_wire(DomainObjectType, {**body, "ObjectTypeName": name})
            for name, body in (data.get("DomainObjectTypes") or {}).items()
        ]
        event_streams = [
            _convert.from_wire(EventStreamSpec, {**body, "EventStreamName": name})
            for name, body in (data.get("EventStreams") or {}).items()
        ]
        event_triggers = [
            _convert.from_wire(EventTrigger, {**body, "EventTriggerName": name})
            for name, body in (data.get("EventTriggers") or {}).items()
        ]
        return cls(
            domain_name=data["DomainName"],
            default_expiration_days=data["DefaultExpirationDays"],
            default_encryption_key=data.get("DefaultEncryptionKey"),
            dead_letter_queue_url=data.get("DeadLetterQueueUrl"),
            matching=model(Matching, "Matching"),
            rule_based_matching=model(RuleBasedMatching, "RuleBasedMatching"),
            data_store=model(DataStore, "DataStore"),
            tags=dict(data.get("Tags") or {}),
            object_types=object_types,
            calculated_attributes=calculated,
            integrations=integrations,
            segment_definitions=segments,
            domain_object_types=domain_object_types,
            event_streams=event_streams,
            event_triggers=event_triggers,
        )

    def to_dict(self) -> dict[str, Any]:
        """The spec in the API's member names (the file format); absent members omitted.

        Object types with a ``template_id`` leave out the members the template supplies.
        """
        out: dict[str, Any] = {
            "DomainName": self.domain_name,
            "DefaultExpirationDays": self.default_expiration_days,
        }
        if self.default_encryption_key is not None:
            out["DefaultEncryptionKey"] = self.default_encryption_key
        if self.dead_letter_queue_url is not None:
            out["DeadLetterQueueUrl"] = self.dead_letter_queue_url
        if self.matching is not None:
            out["Matching"] = _convert.to_request(self.matching, "MatchingRequest")
        if self.rule_based_matching is not None:
            out["RuleBasedMatching"] = _convert.to_request(
                self.rule_based_matching, "RuleBasedMatchingRequest"
            )
        if self.data_store is not None:
            out["DataStore"] = _convert.to_request(self.data_store, "DataStoreRequest")
        if self.tags:
            out["Tags"] = dict(self.tags)
        if self.object_types:
            out["ObjectTypes"] = {
                item.object_type_name: object_type_body(item) for item in self.object_types
            }
        if self.calculated_attributes:
            out["CalculatedAttributes"] = {
                item.calculated_attribute_name: _without(
                    _convert.to_request(item, "CreateCalculatedAttributeDefinitionRequest"),
                    ("DomainName", "CalculatedAttributeName"),
                )
                for item in self.calculated_attributes
            }
        if self.integrations:
            out["Integrations"] = [
                _without(_convert.to_request(item, "PutIntegrationRequest"), ("DomainName",))
                for item in self.integrations
            ]
        if self.segment_definitions:
            out["SegmentDefinitions"] = {
                item.segment_definition_name: segment_definition_body(item)
                for item in self.segment_definitions
            }
        if self.domain_object_types:
            out["DomainObjectTypes"] = {
                item.object_type_name: _without(
                    _convert.to_request(item, "PutDomainObjectTypeRequest"),
                    ("DomainName", "ObjectTypeName"),
                )
                for item in self.domain_object_types
            }
        if self.event_streams:
            out["EventStreams"] = {
                item.event_stream_name: _without(
                    _convert.to_request(item, "CreateEventStreamRequest"),
                    ("DomainName", "EventStreamName"),
                )
                for item in self.event_streams
            }
        if self.event_triggers:
            out["EventTriggers"] = {
                item.event_trigger_name: _without(
                    _convert.to_request(item, "CreateEventTriggerRequest"),
                    ("DomainName", "EventTriggerName"),
                )
                for item in self.event_triggers
            }
        return out

    # ----------------------------------------------------------------- files

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> DomainSpec:
        """Read a spec from a YAML (``.yaml``/``.yml``) or JSON (``.json``) file.

        Raises:
            SpecError: the file cannot be parsed, or the spec is invalid (every problem
                at once).
            OSError: the file cannot be read.

        Example:
            .. code-block:: python

                spec = DomainSpec.load("examples/domain.yaml")
                print(cp.domains.plan(spec))
        """
        source = os.fspath(path)
        return cls.loads(
            Path(source).read_text(encoding="utf-8"), _format_of(source), source=source
        )

    @classmethod
    def loads(
        cls, text: str, format: Literal["yaml", "json"] = "yaml", *, source: str | None = None
    ) -> DomainSpec:
        """Read a spec from YAML or JSON text.

        A problem found in YAML text names its line, and a value YAML read as something
        else than the text shows (``Time: 10:30`` is the number 630 in YAML 1.1, ``yes``
        is ``true``) comes with the fix: quote it.

        Raises:
            SpecError: the text cannot be parsed, or the spec is invalid.

        Example:
            >>> try:
            ...     DomainSpec.loads("DomainName: retail\\nDefaultExpirationDays: 30\\n"
            ...                      "Matching:\\n  Enabled: true\\n"
            ...                      "  JobSchedule: {DayOfTheWeek: SUNDAY, Time: 10:30}\\n")
            ... except SpecError as err:
            ...     print(err.violations[0].detail)
            got int; line 5: YAML 1.1 reads 10:30 as the number 630 (base 60), quote it: "10:30"
        """
        try:
            data = _parse(text, format)
        except (yaml.YAMLError, json.JSONDecodeError) as exc:
            raise SpecError([_parse_violation(exc, format)], source=source) from exc
        if not isinstance(data, Mapping):
            raise SpecError(
                [Violation("(file)", "a mapping of members", f"got {type(data).__name__}")],
                source=source,
            )
        try:
            return cls.from_dict(data, source=source)
        except SpecError as exc:
            if format != "yaml":
                raise
            nodes = _yaml_nodes(text)
            raise SpecError([_located(v, nodes) for v in exc.violations], source=source) from None

    def _repr_html_(self) -> str:
        """Jupyter's view: what the spec declares, as tables (personal data masked)."""
        from ._display import spec_html

        page: str = spec_html(self)
        return page

    def dumps(self, format: Literal["yaml", "json"] = "yaml") -> str:
        """The spec as YAML or JSON text (members in the API's order).

        Example:
            >>> print(DomainSpec(domain_name="retail", default_expiration_days=30).dumps())
            DomainName: retail
            DefaultExpirationDays: 30
            <BLANKLINE>
        """
        data = self.to_dict()
        if format == "json":
            return json.dumps(data, indent=2, default=_json_default) + "\n"
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)

    def dump(self, path: str | os.PathLike[str]) -> None:
        """Write the spec to a YAML or JSON file (chosen by the file's extension)."""
        target = os.fspath(path)
        Path(target).write_text(self.dumps(_format_of(target)), encoding="utf-8")

    # ----------------------------------------------------------------- validation

    def problems(
        self,
        *,
        known_object_types: Collection[str] | None = None,
        known_event_triggers: Collection[str] | None = None,
    ) -> list[Violation]:
        """Every problem of the spec (empty when valid); nothing is sent.

        Args:
            known_object_types: object types that exist besides the spec's own (the
                domain's, the templates'). With ``None``, references to object types the
                spec does not define are not checked.
            known_event_triggers: event triggers that exist besides the spec's own (the
                domain's). With ``None``, integrations' references to event triggers the
                spec does not define are not checked.
        """
        return check_spec(
            self.to_dict(),
            known_object_types=known_object_types,
            known_event_triggers=known_event_triggers,
        )

    def validate(
        self,
        *,
        known_object_types: Collection[str] | None = None,
        known_event_triggers: Collection[str] | None = None,
    ) -> None:
        """Raise :class:`SpecError` listing every problem of the spec, if any."""
        problems = self.problems(
            known_object_types=known_object_types, known_event_triggers=known_event_triggers
        )
        if problems:
            raise SpecError(problems)


def object_type_body(item: ObjectType) -> dict[str, Any]:
    """An object type as the members of its spec entry (``PutProfileObjectType`` less the
    names); a template-based type leaves out what the template supplies."""
    body = _without(
        _convert.to_request(item, "PutProfileObjectTypeRequest"), ("DomainName", "ObjectTypeName")
    )
    if item.template_id is not None:
        body = _without(body, TEMPLATE_MEMBERS)
    return body


def _without(data: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    drop = set(names)
    return {k: v for k, v in data.items() if k not in drop}


def _format_of(path: str) -> Literal["yaml", "json"]:
    return "json" if path.lower().endswith(".json") else "yaml"


def _parse(text: str, fmt: str) -> Any:
    if fmt == "json":
        return json.loads(text)
    return yaml.safe_load(text)


# --------------------------------------------------------------------------- YAML positions

_LAST_STEP = re.compile(r"(\.[^.\[\]]*|\[[^\]]*\])$")
#: What a plain YAML 1.1 scalar that PyYAML reads as a number or boolean looks like.
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")


def _parse_violation(exc: Exception, fmt: str) -> Violation:
    """A parse error as a violation naming the line and, for common mistakes, the fix."""
    if isinstance(exc, json.JSONDecodeError):
        return Violation(f"line {exc.lineno}, column {exc.colno}", "valid JSON", exc.msg)
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    where = "(file)" if mark is None else f"line {mark.line + 1}, column {mark.column + 1}"
    hint = ""
    if "'\\t'" in problem or "\\t" in problem:
        hint = "; indent with spaces: YAML does not allow tabs"
    elif "mapping values are not allowed" in problem:
        hint = '; a value that contains ": " must be quoted, e.g. Description: "a: b"'
    elif "found undefined alias" in problem or "found character '*'" in problem:
        hint = '; a value starting with "*" or "&" must be quoted'
    elif "found character '@'" in problem or "found character '`'" in problem:
        hint = "; a value starting with @ or ` must be quoted"
    return Violation(where, "valid YAML", problem + hint)


def _yaml_nodes(text: str) -> dict[str, yaml.Node]:
    """Each member of a YAML document by its spec path (``ObjectTypes.Order.Keys``,
    ``Integrations[0]`` and ``Integrations[<Uri>]``)."""
    out: dict[str, yaml.Node] = {}

    def walk(node: yaml.Node, path: str) -> None:
        out[path] = node
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = str(key.value)
                walk(value, f"{path}.{name}" if path else name)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, f"{path}[{index}]")
                uri = _member(item, "Uri")
                if uri is not None:
                    walk(item, f"{path}[{uri}]")

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:  # pragma: no cover - the text parsed once already
        return out
    if root is not None:
        walk(root, "")
    return out


def _member(node: yaml.Node, name: str) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return None


def _located(violation: Violation, nodes: Mapping[str, yaml.Node]) -> Violation:
    """``violation`` with the line of the member it is about and, for a plain scalar that
    YAML read as a number or boolean where a string was wanted, how to quote it."""
    path = violation.path
    while path not in nodes and _LAST_STEP.search(path):
        path = _LAST_STEP.sub("", path)
    node = nodes.get(path)
    if node is None:
        return violation
    line = f"line {node.start_mark.line + 1}"
    hint = ""
    if (
        path == violation.path
        and isinstance(node, yaml.ScalarNode)
        and node.style is None
        and violation.constraint == "a string"
    ):
        hint = _quote_hint(str(node.value))
    return Violation(violation.path, violation.constraint, f"{violation.detail}; {line}{hint}")


def _quote_hint(text: str) -> str:
    value = yaml.safe_load(text)
    if _SEXAGESIMAL.fullmatch(text) and isinstance(value, (int, float)):
        return f': YAML 1.1 reads {text} as the number {value} (base 60), quote it: "{text}"'
    if isinstance(value, bool):
        return f': YAML reads {text} as {str(value).lower()}, quote it: "{text}"'
    if value is None:
        return f': YAML reads {text or "an empty value"} as null, quote it: "{text}"'
    return f': YAML reads {text} as a {type(value).__name__}, quote it: "{text}"'


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


# --------------------------------------------------------------------------- checks


def check_spec(
    data: Any,
    *,
    known_object_types: Collection[str] | None = None,
    known_event_triggers: Collection[str] | None = None,
) -> list[Violation]:
    """Every problem of a spec in dict form, in document order.

    Checks: the layout of the file (unknown members, sections of the wrong kind), each
    entry against the request it produces (``CreateDomain``, ``PutProfileObjectType``,
    ``CreateCalculatedAttributeDefinition``, ``PutIntegration``, ``PutDomainObjectType``,
    ``CreateEventStream``, ``CreateEventTrigger``) with
    :func:`~customer_profiles_sdk._service.check_request` and the documented rules the
    model cannot express, and the cross-checks the service would otherwise refuse
    halfway through an apply.

    Args:
        data: the spec in the API's member names.
        known_object_types: object types that exist outside the spec; ``None`` skips
            the check of references to object types the spec does not define.
        known_event_triggers: event triggers that exist outside the spec; ``None``
            skips the check of integrations' references to triggers the spec does not
            define.
    """
    if not isinstance(data, Mapping):
        return [Violation("(spec)", "a mapping of members", f"got {type(data).__name__}")]
    found: list[Violation] = []
    for key in data:
        if key not in TOP_MEMBERS:
            found.append(_unknown(str(key), str(key), TOP_MEMBERS))
    settings = {k: data[k] for k in ("DomainName", *SETTINGS_MEMBERS, "Tags") if k in data}
    found += _service.check_request("CreateDomain", settings)

    types_section = _section(data, "ObjectTypes", found)
    calculated_section = _section(data, "CalculatedAttributes", found)
    integrations = data.get("Integrations")
    if integrations is not None and not isinstance(integrations, list):
        found.append(Violation("Integrations", "a list", f"got {type(integrations).__name__}"))
        integrations = []

    data_types_section = _section(data, "DomainObjectTypes", found)
    streams_section = _section(data, "EventStreams", found)
    triggers_section = _section(data, "EventTriggers", found)

    spec_types = set(types_section)
    known = None if known_object_types is None else spec_types | set(known_object_types)
    spec_triggers = set(triggers_section)
    known_triggers = (
        None if known_event_triggers is None else spec_triggers | set(known_event_triggers)
    )
    for name, body in types_section.items():
        where = f"ObjectTypes.{name}"
        if _entry_ok(body, where, "ObjectTypes", found):
            found += _entry_request(where, "ObjectTypes", name, body)
            found += _object_type_checks(where, body)
    for name, body in calculated_section.items():
        where = f"CalculatedAttributes.{name}"
        if _entry_ok(body, where, "CalculatedAttributes", found):
            found += _entry_request(where, "CalculatedAttributes", name, body)
            found += _calculated_checks(where, body, spec_types, known)
    seen_uris: set[str] = set()
    trigger_users: dict[str, str] = {}
    for index, body in enumerate(integrations or []):
        uri = body.get("Uri") if isinstance(body, Mapping) else None
        where = f"Integrations[{uri}]" if isinstance(uri, str) else f"Integrations[{index}]"
        if not _entry_ok(body, where, "Integrations", found):
            continue
        found += _entry_request(where, "Integrations", None, body)
        found += _integration_checks(where, body, spec_types, known)
        found += _integration_trigger_checks(where, body, known_triggers, trigger_users)
        if isinstance(uri, str):
            if uri in seen_uris:
                found.append(Violation(f"{where}.Uri", "unique", "the Uri is listed twice"))
            seen_uris.add(uri)
    found += _segment_definitions_checks(_section(data, "SegmentDefinitions", found))
    for name, body in data_types_section.items():
        where = f"DomainObjectTypes.{name}"
        if _entry_ok(body, where, "DomainObjectTypes", found):
            found += _entry_request(where, "DomainObjectTypes", name, body)
            if isinstance(body.get("Fields"), Mapping) and not body["Fields"]:
                found.append(Violation(f"{where}.Fields", "at least 1 field", "empty"))
    if len(streams_section) > MAX_EVENT_STREAMS:
        found.append(
            Violation(
                "EventStreams",
                f"at most {MAX_EVENT_STREAMS} event stream per domain",
                f"got {len(streams_section)}",
            )
        )
    for name, body in streams_section.items():
        where = f"EventStreams.{name}"
        if _entry_ok(body, where, "EventStreams", found):
            found += _entry_request(where, "EventStreams", name, body)
            found += [_at(where, v) for v in kinesis_uri_violations(body.get("Uri"))]
    for name, body in triggers_section.items():
        where = f"EventTriggers.{name}"
        if _entry_ok(body, where, "EventTriggers", found):
            found += _entry_request(where, "EventTriggers", name, body)
            found += [_at(where, v) for v in trigger_violations(body)]
            type_name = body.get("ObjectTypeName")
            if (
                isinstance(type_name, str)
                and not type_name.startswith("_")
                and _unresolved(type_name, spec_types, known)
            ):
                found.append(_missing_type(f"{where}.ObjectTypeName", type_name))
    return found


def _at(where: str, violation: Violation) -> Violation:
    return Violation(f"{where}.{violation.path}", violation.constraint, violation.detail)


def _unknown(path: str, name: str, allowed: Sequence[str]) -> Violation:
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f"did you mean {close[0]}?" if close else "known: " + ", ".join(allowed)
    return Violation(path, "known member", f"unknown member, {hint}")


def _section(data: Mapping[str, Any], key: str, found: list[Violation]) -> Mapping[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        found.append(Violation(key, "a mapping of name to entry", f"got {type(value).__name__}"))
        return {}
    return value


def _entry_ok(body: Any, where: str, section: str, found: list[Violation]) -> bool:
    if not isinstance(body, Mapping):
        found.append(Violation(where, "a mapping of members", f"got {type(body).__name__}"))
        return False
    name_member = _ENTRY_OPERATION[section][1]
    for own in ("DomainName", name_member):
        if own is not None and own in body:
            found.append(
                Violation(
                    f"{where}.{own}",
                    "not in an entry",
                    "set by the spec (DomainName at the top, the entry's name as its key)",
                )
            )
    return True


def _entry_request(
    where: str, section: str, name: str | None, body: Mapping[str, Any]
) -> list[Violation]:
    operation, name_member = _ENTRY_OPERATION[section]
    own = {"DomainName", name_member}
    request: dict[str, Any] = {k: v for k, v in body.items() if k not in own}
    request["DomainName"] = "spec"  # checked once, at the top
    if name_member is not None:
        request[name_member] = name
    out = []
    for v in _service.check_request(operation, request):
        if v.path == "DomainName":
            continue
        if name_member is not None and v.path == name_member:
            out.append(Violation(f"{where} (name)", v.constraint, v.detail))
            continue
        detail = v.detail
        if v.constraint == "known member":
            members = _service.structure(operation + "Request").members
            allowed = [m for m in members if m not in own] if "." not in v.path else []
            detail = (
                _unknown(v.path, v.path.rsplit(".", 1)[-1], allowed).detail
                if allowed
                else (v.detail)
            )
        out.append(Violation(f"{where}.{v.path}", v.constraint, detail))
    return out


def _object_type_checks(where: str, body: Mapping[str, Any]) -> list[Violation]:
    out: list[Violation] = []
    if body.get("TemplateId") is not None:
        for member in TEMPLATE_MEMBERS:
            if member in body:
                out.append(
                    Violation(
                        f"{where}.{member}", "not with TemplateId", "the template supplies it"
                    )
                )
        return out
    fields, keys = body.get("Fields"), body.get("Keys")
    for member, value in (("Fields", fields), ("Keys", keys)):
        if value is None:
            out.append(
                Violation(f"{where}.{member}", "required", "give TemplateId, or Fields and Keys")
            )
    if not isinstance(fields, Mapping) or not isinstance(keys, Mapping):
        return out
    unique = profile = 0
    for key, entries in keys.items():
        if not isinstance(entries, list):
            continue
        for i, entry in enumerate(entries):
            if not isinstance(entry, Mapping):
                continue
            ids = entry.get("StandardIdentifiers") or []
            ids = ids if isinstance(ids, list) else []
            unique += "UNIQUE" in ids
            profile += "PROFILE" in ids
            names = entry.get("FieldNames") or []
            for j, field in enumerate(names if isinstance(names, list) else []):
                if field not in fields:
                    defined = ", ".join(map(str, fields)) or "none"
                    out.append(
                        Violation(
                            f"{where}.Keys.{key}[{i}].FieldNames[{j}]",
                            "a field of Fields",
                            f"{field!r} is not defined (Fields: {defined})",
                        )
                    )
    if unique != 1:
        out.append(Violation(f"{where}.Keys", "exactly one UNIQUE key", f"found {unique}"))
    if profile == 0:
        out.append(Violation(f"{where}.Keys", "at least one PROFILE key", "found none"))
    return out


def expression_references(expression: str) -> list[tuple[str, str]]:
    """The ``(ObjectTypeName, AttributeName)`` pairs of an ``AttributeDetails.Expression``.

    Example:
        >>> expression_references("{Order.price} * {Order.quantity}")
        [('Order', 'price'), ('Order', 'quantity')]
    """
    pairs = []
    for ref in _REFERENCE.findall(expression):
        type_name, _, attribute = ref.strip().partition(".")
        pairs.append((type_name, attribute))
    return pairs


def _unresolved(name: str, spec_types: set[str], known: set[str] | None) -> bool:
    """Whether a reference names no known object type (``known`` is ``None``: unchecked)."""
    return known is not None and name not in known and name not in spec_types


def _calculated_checks(
    where: str, body: Mapping[str, Any], spec_types: set[str], known: set[str] | None
) -> list[Violation]:
    details = body.get("AttributeDetails")
    if not isinstance(details, Mapping) or not isinstance(details.get("Expression"), str):
        return []
    expression = details["Expression"]
    path = f"{where}.AttributeDetails.Expression"
    refs = expression_references(expression)
    if not refs or any(not t or not a for t, a in refs):
        return [Violation(path, "{ObjectTypeName.AttributeName} references", f"got {expression!r}")]
    out = []
    types = sorted({t for t, _ in refs})
    if len(types) > 1:
        out.append(Violation(path, "one object type", "references " + ", ".join(types)))
    attributes = details.get("Attributes")
    names = (
        {a.get("Name") for a in attributes or [] if isinstance(a, Mapping)}
        if isinstance(attributes, list)
        else set()
    )
    for _, attribute in refs:
        if attribute not in names:
            out.append(
                Violation(
                    path,
                    "attributes listed in Attributes",
                    f"{attribute!r} is not in AttributeDetails.Attributes",
                )
            )
    for type_name in types:
        if _unresolved(type_name, spec_types, known):
            out.append(_missing_type(path, type_name))
    return out


def _integration_checks(
    where: str, body: Mapping[str, Any], spec_types: set[str], known: set[str] | None
) -> list[Violation]:
    out = []
    if body.get("Uri") is None:
        out.append(Violation(f"{where}.Uri", "required", "the spec identifies integrations by Uri"))
    single, mapping = body.get("ObjectTypeName"), body.get("ObjectTypeNames")
    if (single is None) == (mapping is None):
        out.append(
            Violation(
                where,
                "exactly one of ObjectTypeName and ObjectTypeNames",
                "got " + ("both" if single is not None else "neither"),
            )
        )
    if isinstance(single, str) and _unresolved(single, spec_types, known):
        out.append(_missing_type(f"{where}.ObjectTypeName", single))
    if isinstance(mapping, Mapping):
        for event, type_name in mapping.items():
            if isinstance(type_name, str) and _unresolved(type_name, spec_types, known):
                out.append(_missing_type(f"{where}.ObjectTypeNames[{event!r}]", type_name))
    return out


def _integration_trigger_checks(
    where: str, body: Mapping[str, Any], known: set[str] | None, users: dict[str, str]
) -> list[Violation]:
    """``EventTriggerNames``: triggers of the spec or the domain, one integration each."""
    names = body.get("EventTriggerNames")
    out = []
    for i, name in enumerate(names if isinstance(names, list) else []):
        if not isinstance(name, str):
            continue
        path = f"{where}.EventTriggerNames[{i}]"
        if known is not None and name not in known:
            out.append(
                Violation(
                    path,
                    MISSING_TRIGGER,
                    f"event trigger {name!r} is neither in the spec nor in the domain",
                )
            )
        if name in users:
            out.append(
                Violation(path, "one integration per event trigger", f"{users[name]} lists it too")
            )
        users.setdefault(name, where)
    return out


#: The constraint of a reference to an event trigger that does not exist.
MISSING_TRIGGER = "an event trigger of the spec or the domain"


def _missing_type(path: str, type_name: str) -> Violation:
    return Violation(
        path,
        "an object type of the spec or the domain",
        f"object type {type_name!r} is neither in the spec nor in the domain",
    )


# --------------------------------------------------------------------------- segments


def segment_definition_body(item: SegmentDefinition) -> dict[str, Any]:
    """A segment definition as the members of its spec entry (``CreateSegmentDefinition``
    less the names); read-only members (ARN, creation time, type) are left out."""
    return _without(
        _convert.to_request(item, "CreateSegmentDefinitionRequest"),
        ("DomainName", "SegmentDefinitionName"),
    )


def segment_sources(body: Mapping[str, Any]) -> list[str]:
    """The segments a definition (spec entry or request) starts from
    (``SegmentGroups.Groups[].SourceSegments``), in order, each once."""
    groups = body.get("SegmentGroups")
    names: list[str] = []
    if isinstance(groups, Mapping) and isinstance(groups.get("Groups"), list):
        for group in groups["Groups"]:
            sources = group.get("SourceSegments") if isinstance(group, Mapping) else None
            for source in sources if isinstance(sources, list) else []:
                name = source.get("SegmentDefinitionName") if isinstance(source, Mapping) else None
                if isinstance(name, str) and name not in names:
                    names.append(name)
    return names


def _segment_definitions_checks(section: Mapping[str, Any]) -> list[Violation]:
    """Each ``SegmentDefinitions`` entry against ``CreateSegmentDefinition`` and the
    documented rules the service would refuse halfway through an apply; and no cycle of
    source segments inside the spec (such definitions could never all be created)."""
    found: list[Violation] = []
    for name, body in section.items():
        where = f"SegmentDefinitions.{name}"
        if not _entry_ok(body, where, "SegmentDefinitions", found):
            continue
        found += _entry_request(where, "SegmentDefinitions", name, body)
        groups = body.get("SegmentGroups")
        own = _segment_checks.check_one_of(
            groups, body.get("SegmentSqlQuery"), groups_member="SegmentGroups"
        )
        if isinstance(groups, Mapping):
            own += _segment_checks.check_groups(groups, "SegmentGroups")
        found += [attrs.evolve(v, path=f"{where}.{v.path}") for v in own]
    graph = {
        name: [s for s in segment_sources(body) if s in section]
        for name, body in section.items()
        if isinstance(body, Mapping)
    }
    for cycle in _cycles(graph):
        found.append(
            Violation(
                f"SegmentDefinitions.{cycle[0]}.SegmentGroups",
                "no cycle of source segments",
                " -> ".join([*cycle, cycle[0]]),
            )
        )
    return found


def _cycles(graph: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """The cycles of a dependency graph, each once (starting at its first node in
    ``graph`` order)."""
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def walk(node: str, path: list[str]) -> None:
        for nxt in graph.get(node, ()):
            if nxt in path:
                cycle = path[path.index(nxt) :]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    start = min(cycle, key=list(graph).index)
                    i = cycle.index(start)
                    found.append(cycle[i:] + cycle[:i])
            else:
                walk(nxt, [*path, nxt])

    for node in graph:
        walk(node, [node])
    return found


def segment_reference_problems(
    data: Mapping[str, Any],
    *,
    known_segments: Collection[str],
    known_calculated_attributes: Collection[str],
) -> list[Violation]:
    """References of a spec's segment definitions (dict form) to segments and
    calculated attributes that are neither in the spec nor in ``known_*`` (what exists in
    the domain and is kept): source segments, calculated-attribute conditions and
    ``{{_calculated_attribute.X}}`` values, ``CALCULATED`` sort attributes."""
    section = data.get("SegmentDefinitions") or {}
    segments = set(section) | set(known_segments)
    calculated = set(data.get("CalculatedAttributes") or {}) | set(known_calculated_attributes)
    found: list[Violation] = []
    for name, body in section.items():
        where = f"SegmentDefinitions.{name}"
        for source in segment_sources(body):
            if source not in segments:
                found.append(
                    Violation(
                        f"{where}.SegmentGroups",
                        "a segment of the spec or the domain",
                        f"source segment {source!r} is neither in the spec nor in the domain",
                    )
                )
        for path, attribute in _calculated_references(body):
            if attribute not in calculated:
                found.append(
                    Violation(
                        f"{where}.{path}",
                        "a calculated attribute of the spec or the domain",
                        f"calculated attribute {attribute!r} is neither in the spec nor in "
                        "the domain",
                    )
                )
    return found


_CALCULATED_REFERENCE = re.compile(r"\{\{_calculated_attribute\.([^{}]+)\}\}")


def _calculated_references(body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(member path, calculated attribute)`` of every calculated attribute a segment
    definition names."""
    out: list[tuple[str, str]] = []

    def values(condition: Any, path: str) -> None:
        items = condition.get("Values") if isinstance(condition, Mapping) else None
        for value in items if isinstance(items, list) else []:
            for name in _CALCULATED_REFERENCE.findall(str(value)):
                out.append((f"{path}.Values", name))

    groups = body.get("SegmentGroups")
    group_list = groups.get("Groups") if isinstance(groups, Mapping) else None
    for g, group in enumerate(group_list if isinstance(group_list, list) else []):
        dimensions = group.get("Dimensions") if isinstance(group, Mapping) else None
        for d, dimension in enumerate(dimensions if isinstance(dimensions, list) else []):
            if not isinstance(dimension, Mapping):
                continue
            path = f"SegmentGroups.Groups[{g}].Dimensions[{d}]"
            for member, condition in (dimension.get("ProfileAttributes") or {}).items():
                nested = condition if isinstance(condition, Mapping) else {}
                if member == "Attributes" or "DimensionType" not in nested:
                    for key, item in nested.items():
                        values(item, f"{path}.ProfileAttributes.{member}[{key!r}]")
                else:
                    values(nested, f"{path}.ProfileAttributes.{member}")
            for name, condition in (dimension.get("CalculatedAttributes") or {}).items():
                where = f"{path}.CalculatedAttributes[{name!r}]"
                out.append((where, str(name)))
                values(condition, where)
    sort = body.get("SegmentSort")
    attributes = sort.get("Attributes") if isinstance(sort, Mapping) else None
    for i, item in enumerate(attributes if isinstance(attributes, list) else []):
        if isinstance(item, Mapping) and item.get("Type") == "CALCULATED":
            out.append((f"SegmentSort.Attributes[{i}]", str(item.get("Name"))))
    return out


# --------------------------------------------------------------------------- errors


class SpecError(ValidationError):
    """A domain spec is invalid; nothing was sent. Every problem is listed at once.

    Attributes:
        violations: each problem: ``path`` names the entry and member (e.g.
            ``ObjectTypes.Order.Keys._email[0].FieldNames[0]``), ``constraint`` the rule,
            ``detail`` what was found.
        source: the file the spec came from, if any.

    Example:
        >>> try:
        ...     DomainSpec.from_dict({"DomainName": "retail", "DefaultExpirationDay": 30})
        ... except SpecError as err:
        ...     print(err)
        invalid domain spec, 2 problems:
          - DefaultExpirationDay: known member (unknown member, did you mean DefaultExpirationDays?)
          - DefaultExpirationDays: required (missing)
    """

    def __init__(self, violations: Iterable[Violation], *, source: str | None = None) -> None:
        super().__init__("DomainSpec", violations)
        self.source = source

    def __str__(self) -> str:
        count = len(self.violations)
        where = f" {self.source}" if self.source else ""
        noun = "problem" if count == 1 else "problems"
        lines = [f"invalid domain spec{where}, {count} {noun}:"]
        lines += [f"  - {v}" for v in self.violations]
        return "\n".join(lines)


# --------------------------------------------------------------------------- plans

ChangeKind = Literal["create", "update", "delete", "replace"]
ResourceKind = Literal[
    "domain",
    "object_type",
    "calculated_attribute",
    "integration",
    "domain_object_type",
    "event_stream",
    "event_trigger",
    "segment_definition",
]

_SYMBOL = {"create": "+", "update": "~", "delete": "-", "replace": "-/+"}


@attrs.frozen(kw_only=True)
class Change:
    """One change of a plan.

    Attributes:
        kind: ``create``, ``update``, ``delete`` or ``replace`` (delete, then create:
            for calculated attributes, whose definition other than ``DisplayName``,
            ``Description`` and ``Conditions`` cannot be updated; for event streams,
            which cannot be updated at all; for event triggers, when a member is removed; and
            for segment definitions, which cannot be updated at all: their ``update`` only
            adds tags).
        resource: ``domain``, ``object_type``, ``calculated_attribute``, ``integration``,
            ``domain_object_type``, ``event_stream``, ``event_trigger`` or
            ``segment_definition``.
        name: the name of the domain or resource, or the integration's URI.
        before: the resource as it is, in request members (``None`` for a create).
        after: the resource as the spec wants it (``None`` for a delete).
        reason: why a change is a replace.
        request: the request members ``apply`` sends (without ``DomainName``; for a
            tag change of an event stream, the ``TagResource`` request).
    """

    kind: ChangeKind
    resource: ResourceKind
    name: str
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    reason: str | None = None
    request: Mapping[str, Any] | None = attrs.field(default=None, repr=False, eq=False)

    def differences(self) -> list[tuple[str, Any, Any]]:
        """Each changed leaf member: ``(path, before, after)``; ``None`` when absent.

        Example:
            >>> Change(kind="update", resource="domain", name="retail",
            ...        before={"DefaultExpirationDays": 30},
            ...        after={"DefaultExpirationDays": 60}).differences()
            [('DefaultExpirationDays', 30, 60)]
        """
        before = dict(_flatten(self.before or {}))
        after = dict(_flatten(self.after or {}))
        paths = list(dict.fromkeys([*before, *after]))
        return [(p, before.get(p), after.get(p)) for p in paths if before.get(p) != after.get(p)]

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON-ready data (``customer-profiles plan --output json``).

        Example:
            >>> Change(kind="create", resource="object_type", name="Order",
            ...        after={"Description": "Orders"}).to_dict()["summary"]
            '+ object_type Order'
        """
        data: dict[str, Any] = _jsonable(
            {
                "kind": self.kind,
                "resource": self.resource,
                "name": self.name,
                "summary": self.summary(),
                "reason": self.reason,
                "before": self.before,
                "after": self.after,
                "request": self.request,
                "differences": [
                    {"path": path, "before": before, "after": after}
                    for path, before, after in self.differences()
                ],
            }
        )
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        """A change from :meth:`to_dict`'s data (a saved plan file)."""
        return cls(
            kind=data["kind"],
            resource=data["resource"],
            name=data["name"],
            before=data.get("before"),
            after=data.get("after"),
            reason=data.get("reason"),
            request=data.get("request"),
        )

    def summary(self) -> str:
        """One line: ``+ object_type Order``."""
        line = f"{_SYMBOL[self.kind]} {self.resource} {self.name}"
        return f"{line} ({self.reason})" if self.reason else line

    def __str__(self) -> str:
        lines = [self.summary()]
        for path, before, after in self.differences():
            if self.kind == "create":
                lines.append(f"    {path}: {_show(after)}")
            elif self.kind == "delete":
                lines.append(f"    {path}: {_show(before)}")
            else:
                lines.append(f"    {path}: {_show(before)} -> {_show(after)}")
        return "\n".join(lines)


def _flatten(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping) and (value or not path):
        for key, item in value.items():
            yield from _flatten(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list) and any(isinstance(v, (Mapping, list)) for v in value):
        for i, item in enumerate(value):
            yield from _flatten(item, f"{path}[{i}]")
    else:
        yield path, value


def _show(value: Any) -> str:
    if value is None:
        return "(absent)"
    return json.dumps(value, default=_json_default, ensure_ascii=False)


@attrs.frozen(kw_only=True)
class Plan:
    """What ``apply`` would change, in the order it would change it.

    ``str(plan)`` is a diff for people (e.g. in a pull request): ``+`` create, ``~``
    update, ``-`` delete, ``-/+`` replace, each with its members' before and after.

    Attributes:
        domain_name: the domain.
        changes: the changes ``apply`` makes, in order.
        unmanaged: resources of the domain that the spec does not list; ``apply``
            deletes them only with ``prune=True`` (they are in ``changes`` then).
        prune: whether the plan deletes what the spec does not list.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> spec = DomainSpec(domain_name="docs-plan", default_expiration_days=30)
        >>> plan = cp.domains.plan(spec)
        >>> plan.has_changes
        True
        >>> print(plan)
        Plan for domain docs-plan: 1 to create, 0 to update, 0 to replace, 0 to delete
        + domain docs-plan
            DefaultExpirationDays: 30
    """

    domain_name: str
    changes: tuple[Change, ...] = ()
    unmanaged: tuple[Change, ...] = ()
    prune: bool = False

    @property
    def has_changes(self) -> bool:
        """Whether applying the spec would change anything."""
        return bool(self.changes)

    def count(self, kind: ChangeKind) -> int:
        """How many changes of ``kind`` the plan makes."""
        return sum(1 for c in self.changes if c.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON-ready data: what ``customer-profiles plan --output json`` prints.

        Example:
            >>> plan = Plan(domain_name="retail", changes=(
            ...     Change(kind="create", resource="domain", name="retail",
            ...            after={"DefaultExpirationDays": 30}),))
            >>> data = plan.to_dict()
            >>> data["has_changes"], data["counts"]["create"], data["changes"][0]["summary"]
            (True, 1, '+ domain retail')
        """
        return {
            "domain_name": self.domain_name,
            "prune": self.prune,
            "has_changes": self.has_changes,
            "counts": {k: self.count(k) for k in ("create", "update", "replace", "delete")},
            "changes": [c.to_dict() for c in self.changes],
            "unmanaged": [c.to_dict() for c in self.unmanaged],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        """A plan from :meth:`to_dict`'s data."""
        return cls(
            domain_name=data["domain_name"],
            changes=tuple(Change.from_dict(c) for c in data.get("changes") or ()),
            unmanaged=tuple(Change.from_dict(c) for c in data.get("unmanaged") or ()),
            prune=bool(data.get("prune", False)),
        )

    def _repr_html_(self) -> str:
        from ._display import plan_html

        page: str = plan_html(self)
        return page

    def __str__(self) -> str:
        if not self.changes:
            lines = [f"No changes: domain {self.domain_name} matches the spec."]
        else:
            counts = ", ".join(
                f"{self.count(k)} to {k}" for k in ("create", "update", "replace", "delete")
            )
            lines = [f"Plan for domain {self.domain_name}: {counts}"]
            lines += [str(c) for c in self.changes]
        if self.unmanaged:
            lines.append("Not in the spec, kept (apply with prune to delete):")
            lines += [f"  {c.resource} {c.name}" for c in self.unmanaged]
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class ApplyResult:
    """What ``apply`` did.

    Attributes:
        plan: the plan that was applied.
        applied: the changes made, in order (all of the plan's).
    """

    plan: Plan
    applied: tuple[Change, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether anything was changed."""
        return bool(self.applied)


class ApplyError(CustomerProfilesError):
    """``apply`` stopped at a change that failed; the changes before it were made.

    Apply the same spec again to finish the job: the new plan starts from what exists.

    Attributes:
        applied: the changes made before the failure.
        pending: the changes not made, the failed one first.
        failed: the change that failed.
        error: the error it raised (also ``__cause__``).
    """

    def __init__(
        self,
        *,
        applied: Sequence[Change],
        pending: Sequence[Change],
        error: BaseException,
    ) -> None:
        self.applied = tuple(applied)
        self.pending = tuple(pending)
        self.failed = self.pending[0]
        self.error = error
        super().__init__(
            f"apply stopped at {self.failed.summary()}: {error} "
            f"({len(self.applied)} applied, {len(self.pending)} pending; apply again to finish)"
        )


#: A callback ``apply`` calls after each change it makes.
OnChange = Callable[[Change], None]


# --------------------------------------------------------------------------- saved plans

#: The ``format`` member of a saved plan file.
PLAN_FILE_FORMAT = "customer-profiles-sdk/plan/1"


@attrs.frozen(kw_only=True)
class SavedPlan:
    """A plan saved to a file with the spec it was made from, to apply later exactly.

    ``customer-profiles plan spec.yaml --out plan.json`` writes one; ``customer-profiles
    apply --plan plan.json`` applies it, and refuses if the domain changed since the plan
    was made (:meth:`check`), as a reviewed plan must not turn into something else.

    Attributes:
        plan: the plan as it was made.
        spec: the spec it was made from (what ``apply`` applies).
        created_at: when the plan was made (UTC, ISO 8601).

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> spec = DomainSpec(domain_name="docs-saved", default_expiration_days=30)
        >>> saved = SavedPlan.make(spec, cp.domains.plan(spec))
        >>> saved = SavedPlan.loads(saved.dumps())      # e.g. through a file
        >>> saved.check(cp.domains.plan(saved.spec, prune=saved.plan.prune))
        >>> cp.domains.apply(saved.spec).changed
        True
        >>> try:
        ...     saved.check(cp.domains.plan(saved.spec))
        ... except PlanDriftError as err:
        ...     print(err.drift)
        ['planned: + domain docs-saved', 'now: no changes']
    """

    plan: Plan
    spec: DomainSpec
    created_at: str = ""

    @classmethod
    def make(cls, spec: DomainSpec, plan: Plan) -> SavedPlan:
        """Pair ``plan`` with the ``spec`` it was made from, stamped now."""
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return cls(plan=plan, spec=spec, created_at=stamp)

    def to_dict(self) -> dict[str, Any]:
        """The saved plan file's content."""
        return {
            "format": PLAN_FILE_FORMAT,
            "created_at": self.created_at,
            "plan": self.plan.to_dict(),
            "spec": _jsonable(self.spec.to_dict()),
        }

    def dumps(self) -> str:
        """The saved plan as JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def dump(self, path: str | os.PathLike[str]) -> None:
        """Write the saved plan to a (JSON) file."""
        Path(path).write_text(self.dumps(), encoding="utf-8")

    @classmethod
    def loads(cls, text: str, *, source: str | None = None) -> SavedPlan:
        """Read a saved plan from JSON text.

        Raises:
            SpecError: not a saved plan file, or its spec is invalid.
        """
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError([_parse_violation(exc, "json")], source=source) from exc
        if not isinstance(data, Mapping) or data.get("format") != PLAN_FILE_FORMAT:
            found = data.get("format") if isinstance(data, Mapping) else type(data).__name__
            raise SpecError(
                [Violation("format", f"a saved plan ({PLAN_FILE_FORMAT})", f"got {found!r}")],
                source=source,
            )
        try:
            plan = Plan.from_dict(data["plan"])
        except (KeyError, TypeError) as exc:
            raise SpecError(
                [Violation("plan", "a plan (domain_name, changes)", f"missing {exc}")],
                source=source,
            ) from exc
        spec = DomainSpec.from_dict(data.get("spec") or {}, source=source)
        return cls(plan=plan, spec=spec, created_at=str(data.get("created_at", "")))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SavedPlan:
        """Read a saved plan file (see :meth:`loads`)."""
        source = os.fspath(path)
        return cls.loads(Path(source).read_text(encoding="utf-8"), source=source)

    def check(self, current: Plan) -> None:
        """Raise :class:`PlanDriftError` unless ``current`` (a new plan of the same spec)
        makes exactly the saved plan's changes.

        Raises:
            PlanDriftError: the domain changed since the plan was made.
        """
        drift = plan_drift(self.plan, current)
        if drift:
            raise PlanDriftError(self, current, drift)


def plan_drift(saved: Plan, current: Plan) -> list[str]:
    """What differs between two plans of one spec: ``planned:`` changes of the saved plan
    that the current one does not make (or makes differently), ``now:`` changes of the
    current one that the saved plan did not make (empty when they make the same changes)."""

    def lines(plan: Plan) -> list[tuple[str, str]]:
        out = []
        for change in plan.changes:
            data = change.to_dict()
            data.pop("differences")
            out.append((change.summary(), json.dumps(data, sort_keys=True)))
        return out

    old, new = lines(saved), lines(current)
    if saved.domain_name != current.domain_name or saved.prune != current.prune:
        return [
            f"planned: domain {saved.domain_name}, prune {saved.prune}",
            f"now: domain {current.domain_name}, prune {current.prune}",
        ]
    if old == new:
        return []
    gone = [f"planned: {summary}" for summary, key in old if (summary, key) not in new]
    came = [f"now: {summary}" for summary, key in new if (summary, key) not in old]
    if not came and not new:
        came = ["now: no changes"]
    return gone + came


class PlanDriftError(CustomerProfilesError):
    """A saved plan no longer matches the domain: it changed since the plan was made.

    Make a new plan and review it. Nothing was changed.

    Attributes:
        saved: the saved plan.
        current: the plan the spec makes now.
        drift: the differing changes (``planned: ...``, ``now: ...``).
    """

    def __init__(self, saved: SavedPlan, current: Plan, drift: Sequence[str]) -> None:
        self.saved = saved
        self.current = current
        self.drift = list(drift)
        made = f" (made {saved.created_at})" if saved.created_at else ""
        super().__init__(
            f"domain {current.domain_name} changed since the plan was made{made}: "
            + "; ".join(self.drift[:6])
            + (f" (and {len(self.drift) - 6} more)" if len(self.drift) > 6 else "")
            + ". Nothing was applied: make a new plan."
        )


def _jsonable(value: Any) -> Any:
    """``value`` with datetimes as ISO strings (JSON-ready), containers copied."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value
