"""A valid enum value the emulator does not implement is a clear BadRequestException.

botocore adds enum values with new releases. The emulator lists what it implements per
model shape (``_support.IMPLEMENTED``); a request carrying another value of the model is
refused before the handler runs, with a message saying the emulator does not support it
(never a 500, never another value's answer). The tests simulate a newer model by
removing a value from the implemented set; the handlers' own dispatch tables are checked
against the same sets, and their last branch is explicit.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import botocore.session
import pytest

from customer_profiles_sdk.local import ServiceFault, _calculated, _keys, _object_types, _support

D = "enums"
UNSUPPORTED = "not supported by the customer-profiles-sdk emulator"
MODEL = botocore.session.get_session().get_service_model("customer-profiles")


@pytest.fixture
def domain(client: Any) -> str:
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Sale",
        Description="sales",
        Fields={
            "id": {"Source": "_source.id"},
            "account": {"Source": "_source.account"},
            "total": {"Source": "_source.total", "ContentType": "NUMBER"},
        },
        Keys={
            "saleId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["account"]}],
        },
    )
    return D


def _definition(**kwargs: Any) -> dict[str, Any]:
    params: dict[str, Any] = {
        "DomainName": D,
        "CalculatedAttributeName": "spend",
        "AttributeDetails": {"Attributes": [{"Name": "total"}], "Expression": "{Sale.total}"},
        "Statistic": "SUM",
    }
    params.update(kwargs)
    return params


def _filter(kind: str = "GREATER_THAN", include: str = "ALL", type_: str = "ALL") -> Any:
    dimension = {"Attributes": {"total": {"DimensionType": kind, "Values": ["1"]}}}
    return {"Include": include, "Groups": [{"Type": type_, "Dimensions": [dimension]}]}


def _object_type(content_type: str = "STRING", identifier: str = "PROFILE") -> Any:
    return {
        "DomainName": D,
        "ObjectTypeName": "Visit",
        "Description": "visits",
        "Fields": {
            "id": {"Source": "_source.id", "ContentType": content_type},
            "account": {"Source": "_source.account"},
        },
        "Keys": {
            "visitId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_account": [{"StandardIdentifiers": [identifier], "FieldNames": ["account"]}],
        },
    }


#: (model shape, value used, the call sending it).
CASES: list[tuple[str, str, Callable[[Any, str], Any]]] = [
    (
        "Statistic",
        "AVERAGE",
        lambda c, pid: c.create_calculated_attribute_definition(**_definition(Statistic="AVERAGE")),
    ),
    (
        "Operator",
        "NOT_EQUAL_TO",
        lambda c, pid: c.create_calculated_attribute_definition(
            **_definition(Conditions={"Threshold": {"Value": "1", "Operator": "NOT_EQUAL_TO"}})
        ),
    ),
    (
        "FilterDimensionType",
        "LESS_THAN_OR_EQUAL",
        lambda c, pid: c.create_calculated_attribute_definition(
            **_definition(Filter=_filter(kind="LESS_THAN_OR_EQUAL"))
        ),
    ),
    (
        "Include",
        "NONE",
        lambda c, pid: c.create_calculated_attribute_definition(
            **_definition(Filter=_filter(include="NONE"))
        ),
    ),
    (
        "Type",
        "ANY",
        lambda c, pid: c.create_calculated_attribute_definition(
            **_definition(Filter=_filter(type_="ANY"))
        ),
    ),
    (
        "Unit",
        "DAYS",
        lambda c, pid: c.create_calculated_attribute_definition(
            **_definition(Conditions={"Range": {"Value": 3, "Unit": "DAYS"}})
        ),
    ),
    (
        "RangeUnit",
        "DAYS",
        lambda c, pid: c.batch_get_calculated_attribute_for_profile(
            DomainName=D,
            CalculatedAttributeName="stored",
            ProfileIds=[pid],
            ConditionOverrides={"Range": {"Start": 3, "Unit": "DAYS"}},
        ),
    ),
    (
        "FieldContentType",
        "NAME",
        lambda c, pid: c.put_profile_object_type(**_object_type(content_type="NAME")),
    ),
    (
        "StandardIdentifier",
        "NEW_ONLY",
        lambda c, pid: c.put_profile_object_type(
            **{
                **_object_type(),
                "Keys": {
                    "visitId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
                    "_account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["account"]}],
                    "visitor": [
                        {"StandardIdentifiers": ["PROFILE", "NEW_ONLY"], "FieldNames": ["id"]}
                    ],
                },
            }
        ),
    ),
    (
        "logicalOperator",
        "AND",
        lambda c, pid: c.search_profiles(
            DomainName=D,
            KeyName="_account",
            Values=["A-1"],
            AdditionalSearchKeys=[{"KeyName": "_profileId", "Values": [pid]}],
            LogicalOperator="AND",
        ),
    ),
]


@pytest.mark.parametrize(("shape", "value", "call"), CASES, ids=[c[0] for c in CASES])
def test_an_unimplemented_model_value_is_a_clear_bad_request(
    backend, client, domain, monkeypatch, shape, value, call
):
    assert value in MODEL.shape_for(shape).metadata["enum"]
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    client.create_calculated_attribute_definition(**_definition(CalculatedAttributeName="stored"))
    # As if a newer botocore had added ``value`` and the emulator had no rule for it.
    monkeypatch.setitem(_support.IMPLEMENTED, shape, _support.IMPLEMENTED[shape] - {value})
    with pytest.raises(client.exceptions.BadRequestException, match=UNSUPPORTED) as caught:
        call(client, pid)
    assert value in str(caught.value)
    assert backend.calls[-1].status == 400
    # The same request is answered once the value is implemented.
    monkeypatch.setitem(_support.IMPLEMENTED, shape, _support.IMPLEMENTED[shape] | {value})
    call(client, pid)


def test_the_implemented_values_are_values_of_the_model():
    for shape, values in _support.IMPLEMENTED.items():
        assert values <= set(MODEL.shape_for(shape).metadata["enum"]), shape


def test_the_cases_cover_every_dispatched_shape():
    assert {shape for shape, _, _ in CASES} == set(_support.IMPLEMENTED)


def test_dispatch_tables_match_the_implemented_values():
    assert set(_calculated.AGGREGATORS) == _support.IMPLEMENTED["Statistic"]
    assert set(_calculated.THRESHOLD_OPERATORS) == _support.IMPLEMENTED["Operator"]
    assert set(_calculated.DIMENSION_TYPES) == _support.IMPLEMENTED["FilterDimensionType"]


def test_every_implemented_dimension_type_and_content_type_has_a_rule():
    for kind in _support.IMPLEMENTED["FilterDimensionType"]:
        values = ["1", "9"] if "BETWEEN" in kind else ["1"]
        assert isinstance(
            _calculated._matches_dimension("5", {"DimensionType": kind, "Values": values}), bool
        )
    for content_type in _support.IMPLEMENTED["FieldContentType"]:
        assert isinstance(_keys.normalize("Ann (555) 010", content_type), str)


@pytest.mark.parametrize(
    "evaluate",
    [
        lambda: _calculated._matches_dimension("5", {"DimensionType": "SOUNDS_LIKE", "Values": []}),
        lambda: _calculated._combine("MOST", [True]),
        lambda: _calculated._compare("5", {"Value": "1", "Operator": "ROUGHLY"}),
        lambda: _calculated._aggregate("MEDIAN", [], {}),
        lambda: _calculated._window({"Value": 1, "Unit": "WEEKS"}, 0.0),
        lambda: _keys.normalize("x", "POSTCODE"),
    ],
)
def test_the_last_branch_of_every_dispatch_is_explicit(evaluate):
    with pytest.raises(ServiceFault, match=UNSUPPORTED) as caught:
        evaluate()
    assert caught.value.code == "BadRequestException"


def test_values_of_stored_only_enums_need_no_rule(client, domain):
    # Scope is only stored and echoed: every value of the model is handled alike.
    out = client.put_integration(
        DomainName=D, Uri="s3://bucket", ObjectTypeName="Sale", Scope="DOMAIN"
    )
    assert out["Scope"] == "DOMAIN"


@pytest.mark.parametrize("gender", MODEL.shape_for("Gender").metadata["enum"])
def test_ingestion_writes_every_enum_value_of_the_model(client, domain, gender):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Person",
        Description="people",
        Fields={
            "id": {"Source": "_source.id"},
            "gender": {"Source": "_source.g", "Target": "_profile.Gender"},
        },
        Keys={"_account": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]},
    )
    pid = client.create_profile(DomainName=D, AccountNumber="A-9")["ProfileId"]
    client.put_profile_object(
        DomainName=D, ObjectTypeName="Person", Object=json.dumps({"id": "A-9", "g": gender})
    )
    got = client.search_profiles(DomainName=D, KeyName="_profileId", Values=[pid])["Items"][0]
    assert got["Gender"] == gender
    assert set(_object_types.profile_enums()["Gender"]) == set(
        MODEL.shape_for("Gender").metadata["enum"]
    )
