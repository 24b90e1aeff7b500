"""Every one of the 39 seed operations answers a conforming success and a conforming error.

For each operation the table holds one valid request and one invalid request, both sent
through a boto3 client whose raw responses are checked by :mod:`tests.local._conformance`
against botocore's output shape (success) and the service's error format (error).
Operations of the model that no handler answers must say so with ``BadRequestException``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from customer_profiles_sdk._service import SEED_OPERATIONS, service_model
from customer_profiles_sdk.local import LocalBackend, _registry
from customer_profiles_sdk.local._backend import _load_handlers
from customer_profiles_sdk.local._errors import ServiceFault
from customer_profiles_sdk.local._model import implemented_operations
from tests.local import _conformance
from tests.local.conftest import conformance_checked

D = "retail"
T = "Purchase"
URI = "arn:aws:flow:us-east-1:123456789012:flow/purchases"
ARN = f"arn:aws:profile:us-east-1:123456789012:domains/{D}"
MISSING_ARN = "arn:aws:profile:us-east-1:123456789012:domains/nope"
NO_PROFILE = "f" * 32
BAD = "BadRequestException"
NOT_FOUND = "ResourceNotFoundException"


@dataclass
class Env:
    """What the setup created."""

    backend: LocalBackend
    pid: str
    other: str
    object_key: str
    template: str


Call = Callable[[Any, Env], Any]


def _object_type(c: Any, name: str) -> Any:
    return c.put_profile_object_type(
        DomainName=D,
        ObjectTypeName=name,
        Description="purchases",
        Fields={
            "id": {"Source": "_source.id"},
            "account": {"Source": "_source.account"},
            "amount": {"Source": "_source.amount", "ContentType": "NUMBER"},
        },
        Keys={
            "purchaseId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["account"]}],
        },
    )


def _put_object(c: Any, domain: str, obj_id: str) -> Any:
    body = {"id": obj_id, "account": "A-1", "amount": 12}
    return c.put_profile_object(DomainName=domain, ObjectTypeName=T, Object=json.dumps(body))


def _calculated(c: Any, name: str) -> Any:
    return c.create_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName=name,
        AttributeDetails={"Attributes": [{"Name": "amount"}], "Expression": "{Purchase.amount}"},
        Statistic="SUM",
    )


#: operation -> (valid request, invalid request, the error code it must answer)
CASES: dict[str, tuple[Call, Call, str]] = {
    # ------------------------------------------------------------------ domains
    "CreateDomain": (
        lambda c, e: c.create_domain(DomainName="other", DefaultExpirationDays=5),
        lambda c, e: c.create_domain(DomainName=D, DefaultExpirationDays=5),
        BAD,
    ),
    "GetDomain": (
        lambda c, e: c.get_domain(DomainName=D),
        lambda c, e: c.get_domain(DomainName="nope"),
        NOT_FOUND,
    ),
    "UpdateDomain": (
        lambda c, e: c.update_domain(DomainName=D, DefaultExpirationDays=10),
        lambda c, e: c.update_domain(DomainName="nope", DefaultExpirationDays=10),
        NOT_FOUND,
    ),
    "DeleteDomain": (
        lambda c, e: c.delete_domain(DomainName=D),
        lambda c, e: c.delete_domain(DomainName="nope"),
        NOT_FOUND,
    ),
    "ListDomains": (
        lambda c, e: c.list_domains(MaxResults=1),
        lambda c, e: c.list_domains(NextToken="garbage"),
        BAD,
    ),
    # ------------------------------------------------------------------ profiles and keys
    "CreateProfile": (
        lambda c, e: c.create_profile(DomainName=D, FirstName="Cy", Gender="UNSPECIFIED"),
        lambda c, e: c.create_profile(DomainName="nope", FirstName="Cy"),
        NOT_FOUND,
    ),
    "UpdateProfile": (
        lambda c, e: c.update_profile(DomainName=D, ProfileId=e.pid, FirstName="Ann"),
        lambda c, e: c.update_profile(DomainName=D, ProfileId=NO_PROFILE, FirstName="Ann"),
        NOT_FOUND,
    ),
    "DeleteProfile": (
        lambda c, e: c.delete_profile(DomainName=D, ProfileId=e.other),
        lambda c, e: c.delete_profile(DomainName=D, ProfileId=NO_PROFILE),
        NOT_FOUND,
    ),
    "BatchGetProfile": (
        lambda c, e: c.batch_get_profile(DomainName=D, ProfileIds=[e.pid, NO_PROFILE]),
        lambda c, e: c.batch_get_profile(DomainName="nope", ProfileIds=[e.pid]),
        NOT_FOUND,
    ),
    "AddProfileKey": (
        lambda c, e: c.add_profile_key(
            DomainName=D, ProfileId=e.pid, KeyName="_account", Values=["X-9"]
        ),
        lambda c, e: c.add_profile_key(
            DomainName=D, ProfileId=NO_PROFILE, KeyName="_account", Values=["X-9"]
        ),
        NOT_FOUND,
    ),
    "DeleteProfileKey": (
        lambda c, e: c.delete_profile_key(
            DomainName=D, ProfileId=e.pid, KeyName="crmId", Values=["C-1"]
        ),
        lambda c, e: c.delete_profile_key(
            DomainName="nope", ProfileId=e.pid, KeyName="crmId", Values=["C-1"]
        ),
        NOT_FOUND,
    ),
    # ------------------------------------------------------------------ object types, templates
    "PutProfileObjectType": (
        lambda c, e: _object_type(c, "Refund"),
        lambda c, e: c.put_profile_object_type(
            DomainName=D, ObjectTypeName="Refund", Description="no keys and no template"
        ),
        BAD,
    ),
    "GetProfileObjectType": (
        lambda c, e: c.get_profile_object_type(DomainName=D, ObjectTypeName=T),
        lambda c, e: c.get_profile_object_type(DomainName=D, ObjectTypeName="Nope"),
        NOT_FOUND,
    ),
    "ListProfileObjectTypes": (
        lambda c, e: c.list_profile_object_types(DomainName=D),
        lambda c, e: c.list_profile_object_types(DomainName="nope"),
        NOT_FOUND,
    ),
    "DeleteProfileObjectType": (
        lambda c, e: c.delete_profile_object_type(DomainName=D, ObjectTypeName=T),
        lambda c, e: c.delete_profile_object_type(DomainName=D, ObjectTypeName="Nope"),
        NOT_FOUND,
    ),
    "GetProfileObjectTypeTemplate": (
        lambda c, e: c.get_profile_object_type_template(TemplateId=e.template),
        lambda c, e: c.get_profile_object_type_template(TemplateId="no-such-template"),
        NOT_FOUND,
    ),
    "ListProfileObjectTypeTemplates": (
        lambda c, e: c.list_profile_object_type_templates(MaxResults=2),
        lambda c, e: c.list_profile_object_type_templates(NextToken="garbage"),
        BAD,
    ),
    # ------------------------------------------------------------------ objects, search, matches
    "PutProfileObject": (
        lambda c, e: _put_object(c, D, "p-2"),
        lambda c, e: _put_object(c, "nope", "p-2"),
        NOT_FOUND,
    ),
    "ListProfileObjects": (
        lambda c, e: c.list_profile_objects(DomainName=D, ObjectTypeName=T, ProfileId=e.pid),
        lambda c, e: c.list_profile_objects(DomainName=D, ObjectTypeName="Nope", ProfileId=e.pid),
        NOT_FOUND,
    ),
    "DeleteProfileObject": (
        lambda c, e: c.delete_profile_object(
            DomainName=D, ProfileId=e.pid, ProfileObjectUniqueKey=e.object_key, ObjectTypeName=T
        ),
        lambda c, e: c.delete_profile_object(
            DomainName="nope",
            ProfileId=e.pid,
            ProfileObjectUniqueKey=e.object_key,
            ObjectTypeName=T,
        ),
        NOT_FOUND,
    ),
    "SearchProfiles": (
        lambda c, e: c.search_profiles(DomainName=D, KeyName="_account", Values=["A-1"]),
        lambda c, e: c.search_profiles(DomainName="nope", KeyName="_account", Values=["A-1"]),
        NOT_FOUND,
    ),
    "GetMatches": (
        lambda c, e: c.get_matches(DomainName=D),
        lambda c, e: c.get_matches(DomainName="nope"),
        NOT_FOUND,
    ),
    "MergeProfiles": (
        lambda c, e: c.merge_profiles(
            DomainName=D, MainProfileId=e.pid, ProfileIdsToBeMerged=[e.other]
        ),
        lambda c, e: c.merge_profiles(
            DomainName=D, MainProfileId=NO_PROFILE, ProfileIdsToBeMerged=[e.other]
        ),
        NOT_FOUND,
    ),
    # ------------------------------------------------------------------ calculated attributes
    "CreateCalculatedAttributeDefinition": (
        lambda c, e: _calculated(c, "spend2"),
        lambda c, e: _calculated(c, "spend"),
        BAD,
    ),
    "GetCalculatedAttributeDefinition": (
        lambda c, e: c.get_calculated_attribute_definition(
            DomainName=D, CalculatedAttributeName="spend"
        ),
        lambda c, e: c.get_calculated_attribute_definition(
            DomainName=D, CalculatedAttributeName="nope"
        ),
        NOT_FOUND,
    ),
    "ListCalculatedAttributeDefinitions": (
        lambda c, e: c.list_calculated_attribute_definitions(DomainName=D),
        lambda c, e: c.list_calculated_attribute_definitions(DomainName="nope"),
        NOT_FOUND,
    ),
    "UpdateCalculatedAttributeDefinition": (
        lambda c, e: c.update_calculated_attribute_definition(
            DomainName=D, CalculatedAttributeName="spend", DisplayName="Spend"
        ),
        lambda c, e: c.update_calculated_attribute_definition(
            DomainName=D, CalculatedAttributeName="nope", DisplayName="Spend"
        ),
        NOT_FOUND,
    ),
    "DeleteCalculatedAttributeDefinition": (
        lambda c, e: c.delete_calculated_attribute_definition(
            DomainName=D, CalculatedAttributeName="spend"
        ),
        lambda c, e: c.delete_calculated_attribute_definition(
            DomainName=D, CalculatedAttributeName="nope"
        ),
        NOT_FOUND,
    ),
    "GetCalculatedAttributeForProfile": (
        lambda c, e: c.get_calculated_attribute_for_profile(
            DomainName=D, ProfileId=e.pid, CalculatedAttributeName="spend"
        ),
        lambda c, e: c.get_calculated_attribute_for_profile(
            DomainName=D, ProfileId=NO_PROFILE, CalculatedAttributeName="spend"
        ),
        NOT_FOUND,
    ),
    "ListCalculatedAttributesForProfile": (
        lambda c, e: c.list_calculated_attributes_for_profile(DomainName=D, ProfileId=e.pid),
        lambda c, e: c.list_calculated_attributes_for_profile(DomainName=D, ProfileId=NO_PROFILE),
        NOT_FOUND,
    ),
    "BatchGetCalculatedAttributeForProfile": (
        lambda c, e: c.batch_get_calculated_attribute_for_profile(
            DomainName=D, CalculatedAttributeName="spend", ProfileIds=[e.pid, NO_PROFILE]
        ),
        lambda c, e: c.batch_get_calculated_attribute_for_profile(
            DomainName=D, CalculatedAttributeName="nope", ProfileIds=[e.pid]
        ),
        NOT_FOUND,
    ),
    # ------------------------------------------------------------------ integrations
    "PutIntegration": (
        lambda c, e: c.put_integration(DomainName=D, Uri=URI + "-2", ObjectTypeName=T),
        lambda c, e: c.put_integration(DomainName=D, Uri=URI + "-2", ObjectTypeName="Nope"),
        BAD,
    ),
    "GetIntegration": (
        lambda c, e: c.get_integration(DomainName=D, Uri=URI),
        lambda c, e: c.get_integration(DomainName=D, Uri=URI + "-nope"),
        NOT_FOUND,
    ),
    "DeleteIntegration": (
        lambda c, e: c.delete_integration(DomainName=D, Uri=URI),
        lambda c, e: c.delete_integration(DomainName=D, Uri=URI + "-nope"),
        NOT_FOUND,
    ),
    "ListIntegrations": (
        lambda c, e: c.list_integrations(DomainName=D, IncludeHidden=True),
        lambda c, e: c.list_integrations(DomainName="nope"),
        NOT_FOUND,
    ),
    "ListAccountIntegrations": (
        lambda c, e: c.list_account_integrations(Uri=URI),
        lambda c, e: c.list_account_integrations(Uri=URI, NextToken="garbage"),
        BAD,
    ),
    # ------------------------------------------------------------------ tags
    "TagResource": (
        lambda c, e: c.tag_resource(resourceArn=ARN, tags={"team": "crm"}),
        lambda c, e: c.tag_resource(resourceArn=MISSING_ARN, tags={"team": "crm"}),
        NOT_FOUND,
    ),
    "UntagResource": (
        lambda c, e: c.untag_resource(resourceArn=ARN, tagKeys=["env"]),
        lambda c, e: c.untag_resource(resourceArn=MISSING_ARN, tagKeys=["env"]),
        NOT_FOUND,
    ),
    "ListTagsForResource": (
        lambda c, e: c.list_tags_for_resource(resourceArn=ARN),
        lambda c, e: c.list_tags_for_resource(resourceArn=MISSING_ARN),
        NOT_FOUND,
    ),
}


@pytest.fixture(scope="module")
def checked_client() -> Any:
    """One conformance-checked client, attached to a fresh backend per test."""
    return conformance_checked(LocalBackend().client())


@pytest.fixture
def env(checked_client: Any) -> Env:
    backend = LocalBackend()
    c = backend.attach(checked_client)
    c.create_domain(
        DomainName=D, DefaultExpirationDays=30, Matching={"Enabled": True}, Tags={"env": "t"}
    )
    _object_type(c, T)
    pid = c.create_profile(DomainName=D, AccountNumber="A-1", FirstName="Ann")["ProfileId"]
    other = c.create_profile(DomainName=D, AccountNumber="B-1", FirstName="Ann")["ProfileId"]
    c.add_profile_key(DomainName=D, ProfileId=pid, KeyName="crmId", Values=["C-1"])
    key = _put_object(c, D, "p-1")["ProfileObjectUniqueKey"]
    _calculated(c, "spend")
    c.put_integration(DomainName=D, Uri=URI, ObjectTypeName=T)
    backend.set_matches(D, [[pid, other]], confidence=0.9)
    template = c.list_profile_object_type_templates()["Items"][0]["TemplateId"]
    return Env(backend, pid, other, key, template)


def test_the_table_covers_exactly_the_39_seed_operations() -> None:
    assert len(SEED_OPERATIONS) == 39
    assert set(CASES) == set(SEED_OPERATIONS)


@pytest.mark.parametrize("operation", list(CASES))
def test_operation_answers_a_conforming_success_and_error(
    checked_client: Any, env: Env, operation: str
) -> None:
    valid, invalid, code = CASES[operation]
    successes = _conformance.SEEN_SUCCESS[operation]
    env.backend.reset_calls()

    valid(checked_client, env)
    assert _conformance.SEEN_SUCCESS[operation] == successes + 1
    assert [(c.operation, c.status) for c in env.backend.calls] == [(operation, 200)]

    _conformance.SEEN_ERROR[operation].discard(code)
    with pytest.raises(getattr(checked_client.exceptions, code)) as caught:
        invalid(checked_client, env)
    assert caught.value.response["Error"]["Message"]
    assert code in _conformance.SEEN_ERROR[operation]
    assert env.backend.calls[-1].operation == operation
    assert env.backend.calls[-1].error_code == code


# --------------------------------------------------------------------------- out of scope


def _out_of_scope() -> list[str]:
    """Operations of the installed model that no handler answers (yet)."""
    return sorted(set(service_model().operation_names) - implemented_operations())


def test_seed_operations_are_implemented_and_every_handler_is_a_model_operation() -> None:
    implemented = implemented_operations()
    assert set(SEED_OPERATIONS) <= implemented
    assert implemented <= set(service_model().operation_names)


def test_every_operation_of_the_recorded_model_is_implemented() -> None:
    from customer_profiles_sdk.models._generated._manifest import OPERATIONS

    assert sorted(set(OPERATIONS) - implemented_operations()) == []


def test_an_operation_without_a_handler_is_refused_clearly(monkeypatch) -> None:
    # A newer botocore may add operations before the emulator answers them: each is a
    # clear BadRequestException, never a guessed answer or a 500. On the recorded model
    # every operation has a handler, so one is taken away to check the refusal.
    missing = _out_of_scope() or ["ListDomainLayouts"]
    handlers = dict(_registry.handlers())
    for operation in missing:
        handlers.pop(operation, None)
    monkeypatch.setattr(_registry, "_HANDLERS", handlers)
    backend = LocalBackend()
    for operation in missing:
        with pytest.raises(ServiceFault) as caught:
            backend.dispatch(operation, {}, region="us-east-1")
        assert caught.value.code == BAD
        assert caught.value.status == 400
        assert "not implemented" in str(caught.value.message)
    assert f"operation {operation} is not implemented" in caught.value.message
    assert backend.calls[-1].error_code == BAD


def test_an_unimplemented_operation_through_boto3(
    checked_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model operation without a handler is a clear 400 through boto3 and changes
    nothing (here CreateDomain, its handler removed for the test)."""
    backend = LocalBackend()
    c = backend.attach(checked_client)
    _load_handlers()
    monkeypatch.delitem(_registry._HANDLERS, "CreateDomain")
    with pytest.raises(c.exceptions.BadRequestException) as caught:
        c.create_domain(DomainName=D, DefaultExpirationDays=30)
    message = caught.value.response["Error"]["Message"]
    assert "CreateDomain" in message
    assert "not implemented" in message
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert "CreateDomain" in _conformance.SEEN_ERROR
    assert c.list_domains()["Items"] == []
