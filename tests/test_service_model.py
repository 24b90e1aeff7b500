"""Facts read from botocore's service model (customer_profiles_sdk._service)."""

from __future__ import annotations

from pathlib import Path

import pytest

from customer_profiles_sdk import _service
from customer_profiles_sdk.models._generated import _manifest

#: The botocore version whose customer-profiles model the models were generated from
#: (recorded by the generator). CI installs exactly this version (.ci/constraints.txt)
#: and, in a second run, the newest releases; the suite passes on both.
CHECKED_BOTOCORE = _manifest.BOTOCORE_VERSION
ROOT = Path(__file__).resolve().parent.parent


def test_ci_pins_the_checked_model_version() -> None:
    pins = dict(
        line.split("==")
        for line in (ROOT / ".ci" / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    assert pins["botocore"] == CHECKED_BOTOCORE
    installed = tuple(int(p) for p in _service.botocore_version().split(".")[:3])
    assert installed >= tuple(int(p) for p in CHECKED_BOTOCORE.split("."))


def test_every_seed_operation_exists_in_the_model() -> None:
    names = set(_service.service_model().operation_names)
    assert len(_service.SEED_OPERATIONS) == 39
    assert set(_service.SEED_OPERATIONS) <= set(_manifest.OPERATIONS) <= names


def test_the_recorded_model_has_115_operations() -> None:
    """Counts are pinned to the recorded model; a newer botocore may add operations."""
    assert _manifest.BOTOCORE_VERSION == "1.44.8"
    assert len(_manifest.OPERATIONS) == 115
    assert len(set(_manifest.OPERATIONS)) == 115


@pytest.mark.parametrize(
    ("operation", "result_key"),
    [
        ("SearchProfiles", "Items"),
        ("ListDomains", "Items"),
        ("GetMatches", "Matches"),
        ("ListProfileObjects", "Items"),
        ("ListAccountIntegrations", "Items"),
    ],
)
def test_paging_info_reads_the_result_key(operation: str, result_key: str) -> None:
    info = _service.paging_info(operation)
    assert info is not None
    assert info.result_key == result_key
    assert info.limit_key == "MaxResults"


def test_paged_operations_of_the_seed_surface() -> None:
    paged = {op for op in _service.SEED_OPERATIONS if _service.paging_info(op)}
    assert paged == {
        "ListDomains",
        "ListProfileObjectTypes",
        "ListProfileObjectTypeTemplates",
        "ListProfileObjects",
        "SearchProfiles",
        "GetMatches",
        "ListCalculatedAttributeDefinitions",
        "ListCalculatedAttributesForProfile",
        "ListIntegrations",
        "ListAccountIntegrations",
    }
    assert _service.paging_info("CreateDomain") is None


def test_member_names_come_from_the_model() -> None:
    names = _service.member_names("TagResourceRequest")
    assert names == {"resource_arn": "resourceArn", "tags": "tags"}
    assert _service.member_names("Profile")["email_address"] == "EmailAddress"


def test_sensitive_members() -> None:
    assert _service.is_sensitive_member("Profile", "EmailAddress")
    assert _service.is_sensitive_member("Profile", "Address")  # the Address shape is sensitive
    assert _service.is_sensitive_member("SearchProfilesResponse", "Items")  # contains profiles
    assert not _service.is_sensitive_member("Profile", "ProfileId")


def test_idempotency() -> None:
    assert not _service.is_idempotent("CreateProfile")
    assert not _service.is_idempotent("MergeProfiles")
    assert not _service.is_idempotent("CreateCalculatedAttributeDefinition")
    assert _service.is_idempotent("PutProfileObject")
    assert _service.is_idempotent("SearchProfiles")


def test_patterns_follow_ecma_semantics() -> None:
    """``\\w`` is ASCII-only and ``$`` does not match before a final newline."""
    ok = {"DomainName": "shop-1", "DefaultExpirationDays": 1}
    assert _service.check_request("CreateDomain", ok) == []
    for bad in ("café", "shop\n"):
        violations = _service.check_request("CreateDomain", {**ok, "DomainName": bad})
        assert [v.path for v in violations] == ["DomainName"]
