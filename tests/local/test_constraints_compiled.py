"""The emulator's compiled constraint check agrees with its walker (``local._constraints``).

``validate`` answers a valid request from one yes/no function per operation and walks the
request (to name each problem) only when that function refuses it. Both must decide
alike: a request the compiled check passes wrongly would be stored by the emulator
without a word; one it refuses wrongly would reach the walker, find no problem and pass
anyway, so that direction would only cost time, and is checked all the same.
"""

from __future__ import annotations

import copy
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from customer_profiles_sdk.local import _constraints
from customer_profiles_sdk.models._generated import _manifest
from tests._model_strategies import input_shape, valid_request
from tests.test_validation import locations, mutations

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


def _walked(operation: str, request: Any) -> list[_constraints.Problem]:
    walker = _constraints._Walker()
    walker.visit(input_shape(operation), request, "", hide=False)
    return walker.problems


def _agree(operation: str, request: Any) -> bool:
    compiled = _constraints._compiled(operation)(request)
    assert compiled == (_walked(operation, request) == []), request
    return compiled


@pytest.mark.parametrize("operation", _manifest.OPERATIONS)
@settings(max_examples=5, deadline=None, suppress_health_check=_SLOW_OK)
@given(data=st.data())
def test_the_compiled_check_agrees_with_the_walker_on_every_operation(
    operation: str, data: st.DataObject
) -> None:
    request = data.draw(valid_request(operation), label="request")
    assert _agree(operation, request)
    assert _constraints.validate(operation, request) == []
    catalogue = [m for loc in locations(input_shape(operation), request) for m in mutations(loc)]
    if not catalogue:
        return
    mutation = data.draw(st.sampled_from(catalogue), label="mutation")
    broken = copy.deepcopy(request)
    mutation.apply(broken, data)
    if not _agree(operation, broken):
        assert _constraints.validate(operation, broken) != []


def _confidence(score: Any) -> dict[str, Any]:
    """An UpdateDomain whose merging confidence (a double from 0 to 1) is ``score``."""
    merging = {"Enabled": True, "MinAllowedConfidenceScoreForMerging": score}
    return {"DomainName": "d", "Matching": {"Enabled": True, "AutoMerging": merging}}


@pytest.mark.parametrize(
    ("operation", "request_", "valid"),
    [
        # a member sent as null counts as missing
        ("GetDomain", {"DomainName": None}, False),
        ("GetDomain", {"DomainName": "d"}, True),
        ("GetDomain", {"DomainName": "d", "Extra": 1}, False),
        # null members are skipped, a null list item is checked
        ("CreateProfile", {"DomainName": "d", "FirstName": None}, True),
        ("SearchProfiles", {"DomainName": "d", "KeyName": "k", "Values": ["a", None]}, False),
        # map values are checked, null ones too
        ("CreateProfile", {"DomainName": "d", "Attributes": {"k": None}}, False),
        ("CreateProfile", {"DomainName": "d", "Attributes": {"k": "v"}}, True),
        # NaN is outside every range; a boolean is not a number
        ("ListProfileObjectTypes", {"DomainName": "d", "MaxResults": math.nan}, False),
        ("ListProfileObjectTypes", {"DomainName": "d", "MaxResults": True}, False),
        ("ListProfileObjectTypes", {"DomainName": "d", "MaxResults": 100}, True),
        ("ListProfileObjectTypes", {"DomainName": "d", "MaxResults": 101}, False),
        ("UpdateDomain", _confidence(math.nan), False),
        ("UpdateDomain", _confidence(1.5), False),
        ("UpdateDomain", _confidence(0.5), True),
        ("UpdateDomain", _confidence(1), True),
        # map keys are checked (a tag key must not start with aws:)
        ("TagResource", {"resourceArn": "arn:aws:profile:x", "tags": {"aws:k": "v"}}, False),
        ("TagResource", {"resourceArn": "arn:aws:profile:x", "tags": {"k": "v"}}, True),
        # an unpaired surrogate is not text (FirstName has no pattern to refuse it)
        ("GetDomain", {"DomainName": "d\ud800"}, False),
        ("CreateProfile", {"DomainName": "d", "FirstName": "Ann\ud800"}, False),
        ("CreateProfile", {"DomainName": "d", "FirstName": "Ann\u00e9"}, True),
        # a boolean member takes only a boolean
        ("UpdateDomain", {"DomainName": "d", "Matching": {"Enabled": "true"}}, False),
        ("UpdateDomain", {"DomainName": "d", "Matching": {"Enabled": 1}}, False),
        ("UpdateDomain", {"DomainName": "d", "Matching": {"Enabled": False}}, True),
        # an input with no members takes no request members
        ("ListDomains", {}, True),
    ],
)
def test_the_compiled_check_on_the_walkers_edge_cases(
    operation: str, request_: dict[str, Any], valid: bool
) -> None:
    assert _agree(operation, request_) is valid
    assert (_constraints.validate(operation, request_) == []) is valid


def test_a_union_takes_exactly_one_member() -> None:
    # Filter dimensions of a segment group are unions (ProfileDimension / CalculatedAttribute).
    operation = "CreateSegmentEstimate"
    profile = {"FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann"]}}
    base = {
        "DomainName": "d",
        "SegmentQuery": {"Groups": [{"Dimensions": [{"ProfileAttributes": profile}]}]},
    }
    assert _agree(operation, base)
    both = copy.deepcopy(base)
    both["SegmentQuery"]["Groups"][0]["Dimensions"][0]["CalculatedAttributes"] = {
        "ltv": {"DimensionType": "GREATER_THAN", "Values": ["5"]}
    }
    assert not _agree(operation, both)
    none = copy.deepcopy(base)
    none["SegmentQuery"]["Groups"][0]["Dimensions"][0] = {}
    assert not _agree(operation, none)
