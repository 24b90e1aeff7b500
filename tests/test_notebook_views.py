"""Notebook views: HTML of a domain, a spec and a plan; typed, compact DataFrames;
progress bars on walks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from customer_profiles_sdk import Address, CustomerProfiles, Profile, show_personal_data
from customer_profiles_sdk.domain_spec import DomainSpec

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "domain.yaml"


@pytest.fixture
def cp() -> CustomerProfiles:
    return CustomerProfiles.local()


@pytest.fixture
def spec() -> DomainSpec:
    return DomainSpec.load(EXAMPLE)


def test_a_plan_shows_as_a_coloured_table(cp: CustomerProfiles, spec: DomainSpec) -> None:
    plan = cp.domains.plan(spec)
    creates = len(plan.changes)
    assert creates > 5
    page = plan._repr_html_()
    assert f"Plan for domain retail: {creates} to create" in page
    assert page.count("<tr><td") == creates  # one row per change
    assert "color:#2e7d32" in page  # create is green
    assert "calculated_attribute" in page
    assert "DefaultExpirationDays: 365" in page
    cp.domains.apply(spec)
    assert "No changes: domain retail matches the spec" in cp.domains.plan(spec)._repr_html_()


def test_a_spec_shows_what_it_declares(spec: DomainSpec) -> None:
    page = spec._repr_html_()
    assert "Domain spec retail" in page
    for name in ("Order", "Device", "total_spend", "s3://retail-orders-export", "big_spenders"):
        assert name in page
    assert "{Order.total}" in page
    assert "Web shop orders" not in page  # a description is personal data: masked
    with show_personal_data():
        assert "Web shop orders" in spec._repr_html_()


def test_a_domain_shows_settings_types_attributes_and_integrations(
    cp: CustomerProfiles, spec: DomainSpec
) -> None:
    cp.domains.apply(spec)
    page = cp.domain("retail")._repr_html_()
    for part in ("Settings", "Object types</b> (4)", "Calculated attributes</b> (2)"):
        assert part in page
    assert f"Integrations</b> ({len(spec.integrations)})" in page
    assert "default_expiration_days" in page
    assert "365" in page
    assert "total_spend" in page
    assert "s3://retail-orders-export" in page
    assert "Web shop orders" not in page
    with show_personal_data():
        assert "Web shop orders" in cp.domain("retail")._repr_html_()
    missing = cp.domain("nowhere")._repr_html_()
    assert "does not exist" in missing


def test_to_pandas_keeps_only_columns_with_values(cp: CustomerProfiles) -> None:
    domain = cp.domains.create("pandas-cols", default_expiration_days=30)
    domain.profiles.create(Profile(first_name="Ana", address=Address(city="Oslo")))
    domain.profiles.create(Profile(first_name="Bo", attributes={"tier": "gold"}))
    frame = domain.profiles.search("_fullName", ["Ana", "Bo"]).to_pandas()
    assert "address.city" in frame.columns  # nested members flattened
    assert "attributes.tier" in frame.columns
    assert "last_name" not in frame.columns  # empty everywhere
    assert "billing_address.city" not in frame.columns
    assert len(frame.columns) < 10
    full = domain.profiles.search("_fullName", ["Ana"]).to_pandas(columns="all")
    assert "billing_address.city" in full.columns
    assert len(full.columns) > 40
    chosen = domain.profiles.search("_fullName", ["Ana"]).to_pandas(
        columns=["first_name", "address.city"]
    )
    assert list(chosen.columns) == ["first_name", "address.city"]
    assert chosen.loc[0, "address.city"] == "Oslo"


def test_to_pandas_types_values_sent_as_strings(cp: CustomerProfiles, spec: DomainSpec) -> None:
    cp.domains.apply(spec)
    domain = cp.domain("retail")
    for total in ("40", "29"):
        domain.objects.put(
            "Order",
            {"order_id": f"O-{total}", "email": "ana@example.com", "first_name": "Ana",
             "total": total, "placed_at": "2026-01-01T00:00:00Z"},
        )  # fmt: skip
    pid = domain.profiles.search("_email", ["ana@example.com"]).to_list()[0].profile_id
    frame = domain.calculated_attributes.for_profile(pid).to_pandas()
    row = frame.set_index("calculated_attribute_name").loc["total_spend"]
    assert row["value"] == 69  # sent as the string '69'
    assert str(frame["value"].dtype) == "int64"
    assert frame["is_data_partial"].dtype == bool  # sent as 'true' / 'false'
    raw = domain.calculated_attributes.for_profile(pid).to_pandas(typed=False)
    assert set(raw["value"]) == {"69", "2"}
    assert set(raw["is_data_partial"]) <= {"true", "false"}


def test_identifier_columns_stay_strings() -> None:
    from customer_profiles_sdk._display import to_pandas

    frame = to_pandas(
        [Profile(account_number="00123", phone_number="15551234567",
                 address=Address(postal_code="98101")),
         Profile(account_number="77", phone_number="15550000000",
                 address=Address(postal_code="10001"))]
    )  # fmt: skip
    assert list(frame["account_number"]) == ["00123", "77"]
    assert list(frame["phone_number"]) == ["15551234567", "15550000000"]
    assert list(frame["address.postal_code"]) == ["98101", "10001"]


def test_typed_timestamps_and_mixed_columns() -> None:
    from datetime import datetime, timezone

    from customer_profiles_sdk._display import to_pandas

    frame = to_pandas(
        [Profile(attributes={"seen": "2026-01-02T03:04:05Z", "score": "1.5", "note": "12"}),
         Profile(attributes={"seen": "2026-02-03T00:00:00Z", "score": "2", "note": "n/a"})]
    )  # fmt: skip
    assert frame.loc[0, "attributes.seen"] == datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert list(frame["attributes.score"]) == [1.5, 2.0]
    assert list(frame["attributes.note"]) == ["12", "n/a"]  # not every value a number


def test_progress_bar_on_a_walk(cp: CustomerProfiles, monkeypatch: pytest.MonkeyPatch) -> None:
    import tqdm.auto

    for i in range(3):
        cp.domains.create(f"progress-{i}", default_expiration_days=30)
    bars: list[io.StringIO] = []
    real = tqdm.auto.tqdm

    def recording(*args: object, **kwargs: object) -> object:
        out = io.StringIO()
        bars.append(out)
        return real(*args, file=out, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(tqdm.auto, "tqdm", recording)
    frame = cp.domains.list().page_size(1).to_pandas(progress=True)
    assert len(frame) == 3
    assert len(bars) == 1
    assert "ListDomains" in bars[0].getvalue()
    assert "3" in bars[0].getvalue()
    cp.domains.list().to_pandas(progress=False)
    assert len(bars) == 1  # no bar


def test_progress_true_without_tqdm_says_how_to_install(
    cp: CustomerProfiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(ImportError, match="needs tqdm"):
        cp.domains.list().to_pandas(progress=True)
    assert len(cp.domains.list().to_pandas()) == 0  # the default just shows no bar
