"""``domain.object_types.detect`` (DetectProfileObjectType) on the emulator: the
proposal is an ObjectType that ``put`` accepts, and the samples then ingest."""

from __future__ import annotations

import json

import attrs
import pytest

from customer_profiles_sdk import CustomerProfiles, ObjectType
from customer_profiles_sdk.errors import ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models import FieldContentType, StandardIdentifier
from customer_profiles_sdk.resources import Domain

D = "detect-tests"
SAMPLES = [
    {"id": "c1", "first_name": "Ana", "email": "ana@x.com", "phone": "+15550100", "city": "Lyon"},
    {"id": "c2", "first_name": "Li", "email": "li@x.com", "phone": "+15550101", "city": "Paris"},
]


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    return cp.domains.create(D, default_expiration_days=30)


def test_detect_put_ingest_round_trip(domain: Domain, backend: LocalBackend) -> None:
    detected = domain.object_types.detect(
        SAMPLES, object_type_name="Customer", description="CRM customers"
    )
    assert isinstance(detected, ObjectType)
    assert (detected.object_type_name, detected.description) == ("Customer", "CRM customers")
    email = detected.fields["email"]
    assert (email.target, email.content_type) == (
        "_profile.EmailAddress",
        FieldContentType.EMAIL_ADDRESS,
    )
    roles = {
        name: {r for entry in entries for r in entry.standard_identifiers or []}
        for name, entries in detected.keys.items()
    }
    assert roles["_email"] == {StandardIdentifier.PROFILE}
    assert roles["_phone"] == {StandardIdentifier.PROFILE}
    assert roles["id"] == {StandardIdentifier.UNIQUE}
    assert domain.object_types.list().to_list() == []  # detection stores nothing

    stored = domain.object_types.put(attrs.evolve(detected, allow_profile_creation=True))
    assert stored.fields == detected.fields
    assert stored.keys == detected.keys
    key = domain.objects.put("Customer", SAMPLES[0])
    (ana,) = domain.profiles.search("_email", ["ana@x.com"])
    assert ana.first_name == "Ana"
    assert ana.address is not None
    assert ana.address.city == "Lyon"
    objects = domain.objects.list(ana.profile_id or "", "Customer").to_list()
    assert [(o.profile_object_unique_key, o.data) for o in objects] == [(key, SAMPLES[0])]


def test_put_accepts_the_proposal_as_it_is(domain: Domain, cp: CustomerProfiles) -> None:
    detected = domain.object_types.detect(
        [json.dumps(SAMPLES[0])], object_type_name="Customer", description="d"
    )
    assert detected is not None
    domain.object_types.put(detected)
    pid = domain.profiles.create({"email_address": "ana@x.com"})
    domain.objects.put("Customer", SAMPLES[0])  # attaches to the existing profile
    assert [o.data for o in domain.objects.list(pid, "Customer")] == [SAMPLES[0]]


def test_timestamp_format_is_detected(domain: Domain) -> None:
    samples = [{**s, "updated_at": "2024-05-01T10:00:00Z"} for s in SAMPLES]
    detected = domain.object_types.detect(samples, object_type_name="C", description="d")
    assert detected is not None
    assert detected.source_last_updated_timestamp_format == "yyyy-MM-dd'T'HH:mm:ss'Z'"


def test_no_valid_mapping_is_none(domain: Domain) -> None:
    assert (
        domain.object_types.detect(
            [{"colour": "red", "size": 3}], object_type_name="C", description="d"
        )
        is None
    )


def test_bad_samples_are_refused_before_sending(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    wide = {f"a{i}": {"b": i} for i in range(121)}
    with pytest.raises(ValidationError) as caught:
        domain.object_types.detect(
            ["{oops", "[1, 2]", wide, 42],  # type: ignore[list-item]
            object_type_name="1bad",
            description="",
        )
    err = caught.value
    assert err.operation == "DetectProfileObjectType"
    found = [(v.path, v.constraint) for v in err.violations]
    assert found == [
        ("Objects[0]", "valid JSON"),
        ("Objects[1]", "a JSON object"),
        ("Objects[3]", "a mapping or a JSON string"),
        ("Objects", "at most 120 attributes (nested ones included)"),
        ("ObjectTypeName", "pattern ^[a-zA-Z_][a-zA-Z_0-9-]*$"),
        ("Description", "min length 1"),
    ]
    with pytest.raises(ValidationError, match="max length 5"):
        domain.object_types.detect(SAMPLES * 3, object_type_name="C", description="d")
    with pytest.raises(ValidationError, match="a list of sample objects"):
        domain.object_types.detect(SAMPLES[0], object_type_name="C", description="d")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="min length 1"):
        domain.object_types.detect([], object_type_name="C", description="d")
    assert backend.call_count() == 0


def test_missing_domain(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").object_types.detect(SAMPLES, object_type_name="C", description="d")
