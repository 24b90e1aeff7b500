"""``customer-profiles plan|apply|export`` with the domain configuration sections
(Data Store object types, event streams, event triggers), run through the command's
entry point against a served emulator (``LocalBackend.serve``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.cli import main
from customer_profiles_sdk.local import LocalBackend

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "domain.yaml"

SPEC = """\
DomainName: config
DefaultExpirationDays: 30
DataStore: {Enabled: true}
ObjectTypes:
  Order:
    Description: orders
    AllowProfileCreation: true
    Fields:
      id: {Source: _source.id}
      email: {Source: _source.email, ContentType: EMAIL_ADDRESS}
      total: {Source: _source.total, ContentType: NUMBER}
    Keys:
      orderId: [{StandardIdentifiers: [UNIQUE], FieldNames: [id]}]
      _email: [{StandardIdentifiers: [PROFILE], FieldNames: [email]}]
Integrations:
  - Uri: arn:aws:connect-campaigns:us-east-1:123456789012:campaign/c1
    ObjectTypeName: Order
    EventTriggerNames: [big-order]
DomainObjectTypes:
  Product:
    Fields:
      sku: {Source: _source.sku, Target: _product.Sku}
EventStreams:
  export: {Uri: "arn:aws:kinesis:us-east-1:123456789012:stream/profiles"}
EventTriggers:
  big-order:
    ObjectTypeName: Order
    EventTriggerConditions:
      - LogicalOperator: ALL
        EventTriggerDimensions:
          - ObjectAttributes:
              - {FieldName: total, ComparisonOperator: GREATER_THAN, Values: ["VALUE"]}
"""


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[LocalBackend, str]]:
    backend = LocalBackend()
    with backend.serve() as server:
        yield backend, server.url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_plan_apply_change_export_prune(
    served: tuple[LocalBackend, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backend, url = served
    spec = tmp_path / "config.yaml"
    spec.write_text(SPEC.replace("VALUE", "100"))

    status, out, _ = run(capsys, "plan", str(spec), "--local", url)
    assert status == 2
    assert out.startswith("Plan for domain config: 6 to create")
    for line in (
        "+ domain_object_type Product",
        "+ event_stream export",
        "+ event_trigger big-order",
    ):
        assert line in out

    status, out, err = run(capsys, "apply", str(spec), "--yes", "--local", url)
    assert status == 0, err
    assert "  + event_trigger big-order ... done" in out
    assert "Applied 6 change(s) to domain config." in out
    assert run(capsys, "plan", str(spec), "--local", url)[:2] == (
        0,
        "No changes: domain config matches the spec.\n",
    )
    backend.reset_calls()
    assert run(capsys, "apply", str(spec), "--yes", "--local", url)[0] == 0
    writes = [
        c.operation for c in backend.calls if not str(c.operation).startswith(("Get", "List"))
    ]
    assert writes == []

    spec.write_text(SPEC.replace("VALUE", "250"))
    status, out, _ = run(capsys, "plan", str(spec), "--local", url)
    assert status == 2
    assert "0 to create, 1 to update" in out
    assert "~ event_trigger big-order\n    EventTriggerConditions[0]" in out
    assert '["100"] -> ["250"]' in out
    assert run(capsys, "apply", str(spec), "--yes", "--local", url)[0] == 0

    exported = tmp_path / "exported.yaml"
    assert run(capsys, "export", "config", "-o", str(exported), "--local", url)[0] == 0
    data = yaml.safe_load(exported.read_text())
    assert sorted(data["EventTriggers"]) == ["big-order"]
    assert data["EventStreams"]["export"]["Uri"].endswith(":stream/profiles")
    assert sorted(data["DomainObjectTypes"]) == ["Product"]
    assert run(capsys, "plan", str(exported), "--local", url)[0] == 0

    spec.write_text(SPEC.split("Integrations:")[0])  # without the new sections
    status, out, _ = run(capsys, "plan", str(spec), "--local", url)
    assert status == 0
    assert "Not in the spec, kept (apply with prune to delete):" in out
    assert "  event_trigger big-order" in out
    status, out, _ = run(capsys, "plan", str(spec), "--prune", "--local", url)
    assert status == 2
    assert out.splitlines()[1:] == [
        "- integration arn:aws:connect-campaigns:us-east-1:123456789012:campaign/c1",
        '    Uri: "arn:aws:connect-campaigns:us-east-1:123456789012:campaign/c1"',
        '    ObjectTypeName: "Order"',
        '    EventTriggerNames: ["big-order"]',
        '    Scope: "PROFILE"',
        "- event_stream export",
        '    Uri: "arn:aws:kinesis:us-east-1:123456789012:stream/profiles"',
        "- event_trigger big-order",
        '    ObjectTypeName: "Order"',
        # The live trigger, in its model's field order (required members first).
        "    EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]"
        '.ComparisonOperator: "GREATER_THAN"',
        "    EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]"
        '.Values: ["250"]',
        "    EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]"
        '.FieldName: "total"',
        '    EventTriggerConditions[0].LogicalOperator: "ALL"',
        "- domain_object_type Product",
        '    Fields.sku.Source: "_source.sku"',
        '    Fields.sku.Target: "_product.Sku"',
    ]
    assert run(capsys, "apply", str(spec), "--prune", "--yes", "--local", url)[0] == 0
    assert run(capsys, "plan", str(spec), "--prune", "--local", url)[0] == 0
    domain = CustomerProfiles.local(backend=backend).domain("config")
    assert domain.event_streams.exists("export") is False
    assert domain.event_triggers.list().to_list() == []
    assert domain.object_types.exists("Order") is True


def test_invalid_configuration_exits_1_before_any_request(
    served: tuple[LocalBackend, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backend, url = served
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        SPEC.replace('"VALUE"', '"lots"').replace(
            "arn:aws:kinesis:us-east-1:123456789012:stream/profiles", "s3://not-kinesis"
        )
    )
    backend.reset_calls()
    status, out, err = run(capsys, "apply", str(bad), "--yes", "--local", url)
    assert status == 1
    assert out == ""
    assert f"error: invalid domain spec {bad}, 2 problems:" in err
    assert "EventStreams.export.Uri: a Kinesis data stream ARN" in err
    assert ".ObjectAttributes[0].Values: a number for GREATER_THAN (not a number; line 32)" in err
    assert backend.call_count() == 0


def test_the_example_file_round_trips(
    served: tuple[LocalBackend, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, url = served
    assert run(capsys, "apply", str(EXAMPLE), "--yes", "--local", url)[0] == 0
    out = tmp_path / "retail.json"
    assert run(capsys, "export", "retail", "-o", str(out), "--local", url)[0] == 0
    assert run(capsys, "plan", str(out), "--local", url)[0] == 0
    assert run(capsys, "plan", str(EXAMPLE), "--local", url)[0] == 0
