"""Domain as code: segment definitions are replaced when they change."""

import copy

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.domain_spec import DomainSpec, SpecError

cp = CustomerProfiles.local()
spec = DomainSpec.load("examples/domain.yaml")
cp.domains.apply(spec)  # creates big_spenders before seattle_big_spenders, its source
segments = cp.domain("retail").segments
assert [s.segment_definition_name for s in segments.list()] == [
    "big_spenders",
    "seattle_big_spenders",
]

# The API cannot update a segment definition: a changed one is deleted and created again.
data = spec.to_dict()
condition = data["SegmentDefinitions"]["big_spenders"]["SegmentGroups"]["Groups"][0]
condition["Dimensions"][0]["CalculatedAttributes"]["total_spend"]["Values"] = ["5000"]
plan = cp.domains.plan(DomainSpec.from_dict(data))
(change,) = plan.changes
assert change.summary() == (
    "-/+ segment_definition big_spenders (replace: SegmentGroups cannot be updated; "
    "the definition's subscription and snapshots are deleted with it)"
)
print(change)  # the changed values: ...CalculatedAttributes.total_spend.Values: ["1000"] -> ["5000"]
cp.domains.apply(DomainSpec.from_dict(data))
assert not cp.domains.plan(DomainSpec.from_dict(data)).has_changes

# New tags are the one change made in place (TagResource).
tagged = copy.deepcopy(data)
tagged["SegmentDefinitions"]["big_spenders"]["Tags"] = {"team": "marketing"}
(change,) = cp.domains.plan(DomainSpec.from_dict(tagged)).changes
assert change.summary() == "~ segment_definition big_spenders"

# A source segment or calculated attribute must be in the spec or in the domain.
del tagged["SegmentDefinitions"]["big_spenders"]
try:
    cp.domains.plan(DomainSpec.from_dict(tagged), prune=True)  # prune would delete it
except SpecError as err:
    assert "source segment 'big_spenders' is neither in the spec nor in the domain" in str(err)
else:
    raise AssertionError("expected a SpecError")
