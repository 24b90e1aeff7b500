"""Plan, apply and export of domain specs (the logic behind ``cp.domains.plan/apply/export``).

Desired and actual state are compared as request-shaped wire dicts (the members the
``Create*``/``Put*`` request takes, without ``DomainName`` and the resource's name), after
normalising what the service fills in or never returns:

* read-only members (``CreatedAt``, ``Status``, ``Readiness``, ``Stats``...) are dropped
  by pruning the response to the request shape;
* defaults: ``AllowProfileCreation`` false, a field's ``ContentType`` ``STRING``,
  ``UseHistoricalData`` false, an integration's ``Scope`` ``PROFILE``, a disabled
  ``Matching``/``RuleBasedMatching`` equal to an absent one, and a ``Matching.JobSchedule``
  the spec does not give (the service picks one);
* members a template supplies are not compared for a type with a ``TemplateId``;
* an integration's ``FlowDefinition`` is never returned by the service: not compared;
* tags: only the spec's tags are compared (the update operations never remove a tag);
* segment definitions are compared as stored (the service keeps them as sent); they
  cannot be updated, so any change but tags is a replace (delete, then create).
  an event stream's tags change through ``TagResource`` (the stream cannot be updated),
  an event trigger's and a calculated attribute's are set when they are created (their
  update operations have no tags, and the API returns no trigger ARN to tag by).

An event stream whose ``Uri`` changes is replaced (there is no update operation); an
event trigger is updated in place, or replaced when the spec removes a member (an
update keeps what it does not send).

So ``export`` followed by ``plan`` shows no changes.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .. import _service
from .._service import Violation
from ..domain_spec import (
    SETTINGS_MEMBERS,
    TEMPLATE_MEMBERS,
    ApplyError,
    ApplyResult,
    Change,
    DomainSpec,
    OnChange,
    Plan,
    ResourceKind,
    SpecError,
    segment_reference_problems,
    segment_sources,
)
from ..errors import CustomerProfilesError, ResourceNotFoundError
from ._base import Resource

__all__ = ["DomainSetup"]

#: Calculated attribute members ``UpdateCalculatedAttributeDefinition`` can change.
CALCULATED_UPDATABLE = ("DisplayName", "Description", "Conditions")
_CLEARABLE = ("DefaultEncryptionKey", "DeadLetterQueueUrl")
_SWITCHES = ("Matching", "RuleBasedMatching")
_MISSING_TYPE = "an object type of the spec or the domain"
#: Event trigger members ``UpdateEventTrigger`` can change (all but the name and tags).
TRIGGER_UPDATABLE = (
    "ObjectTypeName",
    "Description",
    "EventTriggerConditions",
    "SegmentFilter",
    "EventTriggerLimits",
)


def _prune(shape_name: str, data: Mapping[str, Any], drop: tuple[str, ...]) -> dict[str, Any]:
    pruned = _service.prune(_service.service_model().shape_for(shape_name), dict(data))
    return {k: v for k, v in pruned.items() if k not in drop and v is not None}


def _compact(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _own_tags(desired: Mapping[str, Any], actual: Mapping[str, Any]) -> dict[str, str]:
    """The actual tags, restricted to the keys the spec manages."""
    wanted = desired.get("Tags") or {}
    have = actual.get("Tags") or {}
    return {k: have[k] for k in wanted if k in have}


# --------------------------------------------------------------------------- normalising


def _domain_states(
    desired: Mapping[str, Any], actual: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    after = copy.deepcopy(dict(desired))
    before = {k: copy.deepcopy(v) for k, v in actual.items() if k in (*SETTINGS_MEMBERS, "Tags")}
    for member in _SWITCHES:
        wanted = after.get(member) or {"Enabled": False}
        have = before.get(member) or {"Enabled": False}
        if member == "Matching" and "JobSchedule" not in wanted:
            have.pop("JobSchedule", None)  # the service schedules the job itself
        if not wanted.get("Enabled") and not have.get("Enabled"):
            have = wanted
        after[member], before[member] = wanted, have
    if "DataStore" not in after:
        before.pop("DataStore", None)  # not managed when the spec leaves it out
    before["Tags"] = _own_tags(after, before)
    after.setdefault("Tags", {})
    return before, after


def _domain_update_request(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    request: dict[str, Any] = {}
    for member in dict.fromkeys([*before, *after]):
        old, new = before.get(member), after.get(member)
        if old == new:
            continue
        if member == "Tags":
            request["Tags"] = {k: v for k, v in (new or {}).items() if (old or {}).get(k) != v}
        elif new is None and member in _CLEARABLE:
            request[member] = ""  # an empty string clears the member
        elif new is not None:
            request[member] = new
    return request


def _object_type_state(body: Mapping[str, Any], *, template: bool) -> dict[str, Any]:
    state = copy.deepcopy(dict(body))
    if template:
        for member in TEMPLATE_MEMBERS:
            state.pop(member, None)
        return state
    state.setdefault("AllowProfileCreation", False)
    for field in (state.get("Fields") or {}).values():
        if isinstance(field, dict):
            field.setdefault("ContentType", "STRING")
    return state


def _object_type_states(
    desired: Mapping[str, Any], actual: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    template = desired.get("TemplateId") is not None
    after = _object_type_state(desired, template=template)
    before = _object_type_state(actual, template=template)
    before["Tags"] = _own_tags(desired, actual)
    after.setdefault("Tags", {})
    return before, after


def _calculated_state(body: Mapping[str, Any]) -> dict[str, Any]:
    state = copy.deepcopy(dict(body))
    state.setdefault("UseHistoricalData", False)
    return state


def _integration_state(body: Mapping[str, Any]) -> dict[str, Any]:
    state = copy.deepcopy(dict(body))
    state.pop("FlowDefinition", None)  # write-only: the service never returns it
    state.setdefault("Scope", "PROFILE")
    return state


def _plain_state(body: Mapping[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(dict(body))


def _with_tags(
    desired: Mapping[str, Any], actual: Mapping[str, Any], normalise: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    after: dict[str, Any] = normalise(desired)
    before: dict[str, Any] = normalise(actual)
    before["Tags"] = _own_tags(desired, actual)
    after.setdefault("Tags", {})
    return before, after


def _drop_empty_tags(state: dict[str, Any]) -> dict[str, Any]:
    if not state.get("Tags"):
        state.pop("Tags", None)
    return state


# --------------------------------------------------------------------------- the engine


class DomainSetup(Resource):
    """Plans, applies and exports :class:`~customer_profiles_sdk.domain_spec.DomainSpec`\\ s.

    Reached through ``cp.domains.plan(spec)``, ``cp.domains.apply(spec)`` and
    ``cp.domains.export(name)``.
    """

    __slots__ = ()

    # ----------------------------------------------------------------- reading

    def _read_domain(self, name: str) -> dict[str, Any] | None:
        try:
            response = self._call("GetDomain", {"DomainName": name})
        except ResourceNotFoundError:
            return None
        return _prune("CreateDomainRequest", response, ("DomainName",))

    def _names(self, operation: str, name: str, member: str) -> list[str]:
        paged = self._paged_with(operation, {"DomainName": name}, lambda item: str(item[member]))
        return list(paged)

    def _read_object_types(self, name: str) -> dict[str, dict[str, Any]]:
        out = {}
        for type_name in self._names("ListProfileObjectTypes", name, "ObjectTypeName"):
            response = self._call(
                "GetProfileObjectType", {"DomainName": name, "ObjectTypeName": type_name}
            )
            out[type_name] = _prune(
                "PutProfileObjectTypeRequest", response, ("DomainName", "ObjectTypeName")
            )
        return out

    def _read_calculated(self, name: str) -> dict[str, dict[str, Any]]:
        out = {}
        operation, member = "ListCalculatedAttributeDefinitions", "CalculatedAttributeName"
        for attr_name in self._names(operation, name, member):
            response = self._call(
                "GetCalculatedAttributeDefinition", {"DomainName": name, member: attr_name}
            )
            out[attr_name] = _prune(
                "CreateCalculatedAttributeDefinitionRequest", response, ("DomainName", member)
            )
        return out

    def _read_integrations(self, name: str) -> dict[str, dict[str, Any]]:
        paged = self._paged_with(
            "ListIntegrations",
            {"DomainName": name},
            lambda item: _prune("PutIntegrationRequest", item, ("DomainName",)),
        )
        return {str(item["Uri"]): item for item in paged}

    def _read_domain_object_types(self, name: str) -> dict[str, dict[str, Any]]:
        out = {}
        for type_name in self._names("ListDomainObjectTypes", name, "ObjectTypeName"):
            response = self._call(
                "GetDomainObjectType", {"DomainName": name, "ObjectTypeName": type_name}
            )
            out[type_name] = _prune(
                "PutDomainObjectTypeRequest", response, ("DomainName", "ObjectTypeName")
            )
        return out

    def _read_event_streams(self, name: str) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        """The streams as ``CreateEventStream`` members, and their ARNs (for tagging)."""
        paged = self._paged_with("ListEventStreams", {"DomainName": name}, lambda item: item)
        streams: dict[str, dict[str, Any]] = {}
        arns: dict[str, str] = {}
        for item in paged:
            stream_name = str(item["EventStreamName"])
            body = {
                "Uri": (item.get("DestinationSummary") or {}).get("Uri"),
                "Tags": item.get("Tags"),
            }
            streams[stream_name] = _compact(body)
            arns[stream_name] = str(item["EventStreamArn"])
        return streams, arns

    def _read_event_triggers(self, name: str) -> dict[str, dict[str, Any]]:
        out = {}
        for trigger in self._names("ListEventTriggers", name, "EventTriggerName"):
            response = self._call(
                "GetEventTrigger", {"DomainName": name, "EventTriggerName": trigger}
            )
            out[trigger] = _prune(
                "CreateEventTriggerRequest", response, ("DomainName", "EventTriggerName")
            )
        return out

    def _template_ids(self) -> set[str]:
        paged = self._paged_with(
            "ListProfileObjectTypeTemplates", {}, lambda item: str(item.get("TemplateId"))
        )
        return set(paged)

    # ----------------------------------------------------------------- plan

    def plan(self, spec: DomainSpec, *, prune: bool = False) -> Plan:
        """Compare ``spec`` with the domain; see :meth:`Domains.plan`."""
        desired = spec.to_dict()
        spec.validate()  # layout and constraints, before any request
        name = spec.domain_name
        settings = {k: desired[k] for k in (*SETTINGS_MEMBERS, "Tags") if k in desired}
        actual = self._read_domain(name)
        data_types: dict[str, dict[str, Any]] = {}
        streams: dict[str, dict[str, Any]] = {}
        stream_arns: dict[str, str] = {}
        triggers: dict[str, dict[str, Any]] = {}
        if actual is None:
            types: dict[str, dict[str, Any]] = {}
            calculated: dict[str, dict[str, Any]] = {}
            integrations: dict[str, dict[str, Any]] = {}
        else:
            types = self._read_object_types(name)
            calculated = self._read_calculated(name)
            integrations = self._read_integrations(name)
            data_types = self._read_domain_object_types(name)
            streams, stream_arns = self._read_event_streams(name)
            triggers = self._read_event_triggers(name)
        segments, segment_arns = self._read_segments(name) if actual is not None else ({}, {})
        self._check_references(
            spec, set() if prune else set(types), set() if prune else set(triggers)
        )
        self._check_segment_references(
            desired, set() if prune else set(segments), set() if prune else set(calculated)
        )
        self._check_data_store(desired, actual, data_types)

        changes: list[Change] = []
        if actual is None:
            changes.append(
                Change(
                    kind="create", resource="domain", name=name, after=settings, request=settings
                )
            )
        else:
            before, after = _domain_states(settings, actual)
            if before != after:
                changes.append(
                    Change(
                        kind="update",
                        resource="domain",
                        name=name,
                        before=before,
                        after=after,
                        request=_domain_update_request(before, after),
                    )
                )

        want_types: dict[str, Any] = desired.get("ObjectTypes") or {}
        want_calculated: dict[str, Any] = desired.get("CalculatedAttributes") or {}
        want_integrations = {i["Uri"]: i for i in desired.get("Integrations") or []}
        want_segments: dict[str, Any] = desired.get("SegmentDefinitions") or {}
        want_data_types: dict[str, Any] = desired.get("DomainObjectTypes") or {}
        want_streams: dict[str, Any] = desired.get("EventStreams") or {}
        want_triggers: dict[str, Any] = desired.get("EventTriggers") or {}

        # Deleted first: what depends on nothing else, and the event stream (a domain
        # has one at most, so a renamed stream goes before the new one comes).
        unmanaged = [
            *self._segment_deletes(segments, want_segments),
            *self._deletes("integration", integrations, want_integrations),
            *self._deletes("calculated_attribute", calculated, want_calculated),
            *self._deletes("event_stream", streams, want_streams),
        ]
        # Deleted last: what the changes before may still use (a trigger an
        # integration listed, the object types everything refers to).
        late_deletes = [
            *self._deletes("event_trigger", triggers, want_triggers),
            *self._deletes("domain_object_type", data_types, want_data_types),
            *self._deletes("object_type", types, want_types),
        ]
        if prune:
            changes += unmanaged

        for type_name, body in want_types.items():
            changes += self._compare(
                "object_type", type_name, body, types.get(type_name), _object_type_states
            )
        for type_name, body in want_data_types.items():
            changes += self._compare(
                "domain_object_type",
                type_name,
                body,
                data_types.get(type_name),
                lambda d, a: _with_tags(d, a, _plain_state),
            )
        for stream_name, body in want_streams.items():
            changes += self._compare_stream(
                stream_name, body, streams.get(stream_name), stream_arns.get(stream_name)
            )
        for trigger, body in want_triggers.items():
            changes += self._compare_trigger(trigger, body, triggers.get(trigger))
        for uri, body in want_integrations.items():
            changes += self._compare(
                "integration",
                uri,
                body,
                integrations.get(uri),
                lambda d, a: _with_tags(d, a, _integration_state),
            )
        for attr_name, body in want_calculated.items():
            changes += self._compare_calculated(attr_name, body, calculated.get(attr_name))
        for segment_name in _dependency_order(want_segments):
            changes += self._compare_segment(
                segment_name,
                want_segments[segment_name],
                segments.get(segment_name),
                segment_arns.get(segment_name),
            )
        if prune:
            changes += late_deletes
        return Plan(
            domain_name=name,
            changes=tuple(changes),
            unmanaged=() if prune else (*unmanaged, *late_deletes),
            prune=prune,
        )

    def _check_references(
        self, spec: DomainSpec, existing: set[str], existing_triggers: set[str]
    ) -> None:
        problems = spec.problems(
            known_object_types=existing, known_event_triggers=existing_triggers
        )
        if any(p.constraint == _MISSING_TYPE for p in problems):
            # A template id also names an (implicit) object type: one more read.
            problems = spec.problems(
                known_object_types=existing | self._template_ids(),
                known_event_triggers=existing_triggers,
            )
        if problems:
            raise SpecError(problems)

    @staticmethod
    def _check_data_store(
        desired: Mapping[str, Any],
        actual: Mapping[str, Any] | None,
        data_types: Mapping[str, Any],
    ) -> None:
        """A new Data Store object type needs the domain's Data Store enabled, as the
        spec sets it (or, when the spec leaves ``DataStore`` out, as the domain has it)."""
        new = [n for n in desired.get("DomainObjectTypes") or {} if n not in data_types]
        if not new:
            return
        store = desired.get("DataStore")
        if store is None:
            store = (actual or {}).get("DataStore")
        if (store or {}).get("Enabled"):
            return
        raise SpecError(
            Violation(
                f"DomainObjectTypes.{n}",
                "the domain's Data Store enabled",
                "set DataStore: {Enabled: true} to create Data Store object types",
            )
            for n in new
        )

    @staticmethod
    def _deletes(
        resource: Any, actual: Mapping[str, Mapping[str, Any]], desired: Mapping[str, Any]
    ) -> list[Change]:
        return [
            Change(kind="delete", resource=resource, name=key, before=_drop_empty_tags(dict(body)))
            for key, body in actual.items()
            if key not in desired
        ]

    @staticmethod
    def _compare(
        resource: Any,
        key: str,
        desired: Mapping[str, Any],
        actual: Mapping[str, Any] | None,
        states: Any,
    ) -> list[Change]:
        if actual is None:
            return [
                Change(kind="create", resource=resource, name=key, after=desired, request=desired)
            ]
        before, after = states(desired, actual)
        if before == after:
            return []
        return [
            Change(
                kind="update",
                resource=resource,
                name=key,
                before=_drop_empty_tags(before),
                after=_drop_empty_tags(after),
                request=desired,
            )
        ]

    @staticmethod
    def _compare_stream(
        key: str, desired: Mapping[str, Any], actual: Mapping[str, Any] | None, arn: str | None
    ) -> list[Change]:
        resource: ResourceKind = "event_stream"
        if actual is None:
            return [
                Change(kind="create", resource=resource, name=key, after=desired, request=desired)
            ]
        before, after = _with_tags(desired, actual, _plain_state)
        if before == after:
            return []
        before, after = _drop_empty_tags(before), _drop_empty_tags(after)
        if before.get("Uri") != after.get("Uri"):
            return [
                Change(
                    kind="replace",
                    resource=resource,
                    name=key,
                    before=before,
                    after=after,
                    reason="replace: an event stream cannot be updated",
                    request=desired,
                )
            ]
        old, new = before.get("Tags") or {}, after.get("Tags") or {}
        tags = {k: v for k, v in new.items() if old.get(k) != v}
        return [
            Change(
                kind="update",
                resource=resource,
                name=key,
                before=before,
                after=after,
                request={"resourceArn": arn, "tags": tags},
            )
        ]

    @staticmethod
    def _compare_trigger(
        key: str, desired: Mapping[str, Any], actual: Mapping[str, Any] | None
    ) -> list[Change]:
        resource: ResourceKind = "event_trigger"
        if actual is None:
            return [
                Change(kind="create", resource=resource, name=key, after=desired, request=desired)
            ]
        # Tags are set when the trigger is created: UpdateEventTrigger has no Tags, and
        # the API returns no trigger ARN to tag by; later tag changes go through cp.tags.
        before, after = _plain_state(actual), _plain_state(desired)
        before.pop("Tags", None)
        after.pop("Tags", None)
        if before == after:
            return []
        changed = [m for m in dict.fromkeys([*before, *after]) if before.get(m) != after.get(m)]
        removed = [m for m in changed if m not in after]
        if removed:
            return [
                Change(
                    kind="replace",
                    resource=resource,
                    name=key,
                    before=before,
                    after=after,
                    reason="replace: " + ", ".join(removed) + " cannot be removed by an update",
                    request=desired,
                )
            ]
        return [
            Change(
                kind="update",
                resource=resource,
                name=key,
                before=before,
                after=after,
                request={m: after[m] for m in changed},
            )
        ]

    @staticmethod
    def _compare_calculated(
        key: str, desired: Mapping[str, Any], actual: Mapping[str, Any] | None
    ) -> list[Change]:
        resource: ResourceKind = "calculated_attribute"
        if actual is None:
            return [
                Change(kind="create", resource=resource, name=key, after=desired, request=desired)
            ]
        before, after = _with_tags(desired, actual, _calculated_state)
        # Tags are set when the definition is created. UpdateCalculatedAttributeDefinition
        # has no Tags member, and replacing a definition (losing its computed values)
        # only to change a tag would be far worse: later tag changes go through cp.tags.
        before.pop("Tags", None)
        after.pop("Tags", None)
        if before == after:
            return []
        changed = [m for m in dict.fromkeys([*before, *after]) if before.get(m) != after.get(m)]
        fixed = [m for m in changed if m not in CALCULATED_UPDATABLE]
        removed = [m for m in changed if m in CALCULATED_UPDATABLE and m not in after]
        before, after = _drop_empty_tags(before), _drop_empty_tags(after)
        if fixed or removed:
            reasons = []
            if fixed:
                reasons.append(", ".join(fixed) + " cannot be updated")
            if removed:
                reasons.append(", ".join(removed) + " cannot be removed by an update")
            return [
                Change(
                    kind="replace",
                    resource=resource,
                    name=key,
                    before=before,
                    after=after,
                    reason="replace: " + "; ".join(reasons),
                    request=desired,
                )
            ]
        return [
            Change(
                kind="update",
                resource=resource,
                name=key,
                before=before,
                after=after,
                request={m: after[m] for m in changed},
            )
        ]

    # ----------------------------------------------------------------- apply

    def apply(
        self, spec: DomainSpec, *, prune: bool = False, on_change: OnChange | None = None
    ) -> ApplyResult:
        """Make the domain match ``spec``; see :meth:`Domains.apply`."""
        plan = self.plan(spec, prune=prune)
        done: list[Change] = []
        for index, change in enumerate(plan.changes):
            try:
                self._apply_one(plan.domain_name, change)
            except CustomerProfilesError as exc:
                raise ApplyError(applied=done, pending=plan.changes[index:], error=exc) from exc
            done.append(change)
            if on_change is not None:
                on_change(change)
        return ApplyResult(plan=plan, applied=tuple(done))

    def _apply_one(self, domain: str, change: Change) -> None:
        request = dict(change.request or {})
        target = {"DomainName": domain}
        if change.resource == "domain":
            operation = "CreateDomain" if change.kind == "create" else "UpdateDomain"
            self._call(operation, {**request, **target})
        elif change.resource == "object_type":
            target["ObjectTypeName"] = change.name
            if change.kind == "delete":
                self._call("DeleteProfileObjectType", target)
            else:
                self._call("PutProfileObjectType", {**request, **target})
        elif change.resource == "integration":
            if change.kind == "delete":
                self._call("DeleteIntegration", {**target, "Uri": change.name})
            else:
                self._call("PutIntegration", {**request, **target})
        elif change.resource == "segment_definition":
            self._apply_segment(domain, change)
        elif change.resource == "domain_object_type":
            target["ObjectTypeName"] = change.name
            if change.kind == "delete":
                self._call("DeleteDomainObjectType", target)
            else:
                self._call("PutDomainObjectType", {**request, **target})
        elif change.resource == "event_stream":
            target["EventStreamName"] = change.name
            if change.kind == "update":
                self._call("TagResource", request)
                return
            if change.kind in ("delete", "replace"):
                self._delete_if_exists("DeleteEventStream", target)
            if change.kind in ("create", "replace"):
                self._call("CreateEventStream", {**request, **target})
        elif change.resource == "event_trigger":
            target["EventTriggerName"] = change.name
            if change.kind in ("delete", "replace"):
                self._delete_if_exists("DeleteEventTrigger", target)
            if change.kind in ("create", "replace"):
                self._call("CreateEventTrigger", {**request, **target})
            elif change.kind == "update":
                self._call("UpdateEventTrigger", {**request, **target})
        else:
            target["CalculatedAttributeName"] = change.name
            if change.kind in ("delete", "replace"):
                self._delete_if_exists("DeleteCalculatedAttributeDefinition", target)
            if change.kind in ("create", "replace"):
                self._call("CreateCalculatedAttributeDefinition", {**request, **target})
            elif change.kind == "update":
                self._call("UpdateCalculatedAttributeDefinition", {**request, **target})

    # ----------------------------------------------------------------- export

    def export(self, name: str) -> DomainSpec:
        """The domain ``name`` as a spec; see :meth:`Domains.export`."""
        settings = self._read_domain(name)
        if settings is None:
            # Same error as every other read of a missing domain.
            self._call("GetDomain", {"DomainName": name})
            raise AssertionError("unreachable")  # pragma: no cover
        data: dict[str, Any] = {"DomainName": name, **_drop_empty_tags(settings)}
        types = {}
        for type_name, body in self._read_object_types(name).items():
            if body.get("TemplateId") is not None:
                body = {k: v for k, v in body.items() if k not in TEMPLATE_MEMBERS}
            types[type_name] = _drop_empty_tags(body)
        calculated = {k: _drop_empty_tags(v) for k, v in self._read_calculated(name).items()}
        integrations = [_drop_empty_tags(v) for v in self._read_integrations(name).values()]
        segments = {k: _drop_empty_tags(v) for k, v in self._read_segments(name)[0].items()}
        data_types = {
            k: _drop_empty_tags(v) for k, v in self._read_domain_object_types(name).items()
        }
        streams = {k: _drop_empty_tags(v) for k, v in self._read_event_streams(name)[0].items()}
        triggers = {k: _drop_empty_tags(v) for k, v in self._read_event_triggers(name).items()}
        if types:
            data["ObjectTypes"] = types
        if calculated:
            data["CalculatedAttributes"] = calculated
        if integrations:
            data["Integrations"] = integrations
        if segments:
            data["SegmentDefinitions"] = segments
        if data_types:
            data["DomainObjectTypes"] = data_types
        if streams:
            data["EventStreams"] = streams
        if triggers:
            data["EventTriggers"] = triggers
        return DomainSpec.from_dict(_compact(data), source=f"export of domain {name}")

    # ----------------------------------------------------------------- segment definitions

    def _read_segments(self, name: str) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        """The domain's segment definitions as spec entries, and their ARNs."""
        out: dict[str, dict[str, Any]] = {}
        arns: dict[str, str] = {}
        member = "SegmentDefinitionName"
        for segment_name in self._names("ListSegmentDefinitions", name, member):
            response = self._call(
                "GetSegmentDefinition", {"DomainName": name, member: segment_name}
            )
            out[segment_name] = _prune(
                "CreateSegmentDefinitionRequest", response, ("DomainName", member)
            )
            arns[segment_name] = str(response.get("SegmentDefinitionArn"))
        return out, arns

    @staticmethod
    def _check_segment_references(
        desired: Mapping[str, Any], segments: set[str], calculated: set[str]
    ) -> None:
        problems = segment_reference_problems(
            desired, known_segments=segments, known_calculated_attributes=calculated
        )
        if problems:
            raise SpecError(problems)

    @staticmethod
    def _segment_deletes(
        actual: Mapping[str, Mapping[str, Any]], desired: Mapping[str, Any]
    ) -> list[Change]:
        """Deletions of the definitions the spec does not list, those that use others
        as sources first."""
        order = _dependency_order(actual)
        return [
            Change(
                kind="delete",
                resource="segment_definition",
                name=key,
                before=_drop_empty_tags(dict(actual[key])),
            )
            for key in reversed(order)
            if key not in desired
        ]

    @staticmethod
    def _compare_segment(
        key: str, desired: Mapping[str, Any], actual: Mapping[str, Any] | None, arn: str | None
    ) -> list[Change]:
        resource: ResourceKind = "segment_definition"
        if actual is None:
            return [
                Change(kind="create", resource=resource, name=key, after=desired, request=desired)
            ]
        before, after = _with_tags(desired, actual, lambda body: copy.deepcopy(dict(body)))
        changed = [m for m in dict.fromkeys([*before, *after]) if before.get(m) != after.get(m)]
        if not changed:
            return []
        fixed = [m for m in changed if m != "Tags"]
        shown_before, shown_after = _drop_empty_tags(before), _drop_empty_tags(after)
        if fixed:
            reason = (
                f"replace: {', '.join(fixed)} cannot be updated; the definition's "
                "subscription and snapshots are deleted with it"
            )
            return [
                Change(
                    kind="replace",
                    resource=resource,
                    name=key,
                    before=shown_before,
                    after=shown_after,
                    reason=reason,
                    request=desired,
                )
            ]
        # Only tags differ: added to the definition with TagResource.
        old, new = before.get("Tags") or {}, after.get("Tags") or {}
        tags = {k: v for k, v in new.items() if old.get(k) != v}
        return [
            Change(
                kind="update",
                resource=resource,
                name=key,
                before=shown_before,
                after=shown_after,
                request={"resourceArn": arn, "tags": tags},
            )
        ]

    def _apply_segment(self, domain: str, change: Change) -> None:
        request = dict(change.request or {})
        target = {"DomainName": domain, "SegmentDefinitionName": change.name}
        if change.kind in ("delete", "replace"):
            self._delete_if_exists("DeleteSegmentDefinition", target)
        if change.kind in ("create", "replace"):
            self._call("CreateSegmentDefinition", {**request, **target})
        elif change.kind == "update":
            self._call("TagResource", request)


def _dependency_order(definitions: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Segment names with each one's source segments (among ``definitions``) before it;
    otherwise in the given order. (The spec's checks refuse cycles.)"""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order or name in visiting:
            return
        visiting.add(name)
        for source in segment_sources(definitions[name]):
            if source in definitions:
                visit(source)
        visiting.discard(name)
        order.append(name)

    for name in definitions:
        visit(name)
    return order
