"""``domain.event_streams`` (Create/Get/List/DeleteEventStream) on the emulator, and
reading the delivered records through the user's backend."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from customer_profiles_sdk import CustomerProfiles, Profile
from customer_profiles_sdk.errors import BadRequestError, ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models import (
    EventStream,
    EventStreamDestinationStatus,
    EventStreamState,
    EventStreamSummary,
)
from customer_profiles_sdk.resources import Domain

D = "es-tests"
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/profiles"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    return cp.domains.create(D, default_expiration_days=30)


def test_create_returns_the_whole_stream(domain: Domain, backend: LocalBackend) -> None:
    stream = domain.event_streams.create("export", uri=KINESIS, tags={"team": "data"})
    assert isinstance(stream, EventStream)
    assert stream.event_stream_arn == (
        f"arn:aws:profile:us-east-1:123456789012:domains/{D}/event-streams/export"
    )
    assert stream.event_stream_name == "export"
    assert stream.domain_name == D
    assert stream.state is EventStreamState.RUNNING
    assert stream.destination_details.uri == KINESIS
    assert stream.destination_details.status is EventStreamDestinationStatus.HEALTHY
    assert stream.destination_details.message is None
    assert stream.stopped_since is None
    assert isinstance(stream.created_at, datetime)
    assert stream.tags == {"team": "data"}
    assert [c.operation for c in backend.calls][-2:] == ["CreateEventStream", "GetEventStream"]


def test_records_are_read_through_the_users_backend(domain: Domain, backend: LocalBackend) -> None:
    domain.profiles.create(Profile(first_name="Before"))  # no backfill
    stream = domain.event_streams.create("export", uri=KINESIS)
    pid = domain.profiles.create(Profile(first_name="Ana"))
    domain.profiles.update(pid, last_name="Silva")
    records = backend.stream_records(stream.event_stream_arn)
    assert records == backend.stream_records(D, "export")
    events = [json.loads(r["Data"]) for r in records]
    assert [(e["EventType"], e["AssociatedProfileId"]) for e in events] == [
        ("CREATED", pid),
        ("UPDATED", pid),
    ]
    assert events[1]["Object"]["FirstName"] == "Ana"
    assert events[1]["Object"]["LastName"] == "Silva"
    assert {r["StreamARN"] for r in records} == {KINESIS}
    backend.clear_stream_records(stream.event_stream_arn)
    assert backend.stream_records(stream.event_stream_arn) == []


def test_object_ingestion_emits_profile_and_object_records(
    domain: Domain, backend: LocalBackend
) -> None:
    domain.object_types.put(
        {
            "object_type_name": "Order",
            "description": "orders",
            "allow_profile_creation": True,
            "fields": {
                "id": {"source": "_source.id"},
                "email": {"source": "_source.email", "content_type": "EMAIL_ADDRESS"},
            },
            "keys": {
                "orderId": [{"standard_identifiers": ["UNIQUE"], "field_names": ["id"]}],
                "_email": [{"standard_identifiers": ["PROFILE"], "field_names": ["email"]}],
            },
        }
    )
    stream = domain.event_streams.create("export", uri=KINESIS)
    key = domain.objects.put("Order", {"id": "1", "email": "ana@example.com"})
    events = [json.loads(r["Data"]) for r in backend.stream_records(stream.event_stream_arn)]
    assert [(e["ObjectTypeName"], e["EventType"]) for e in events] == [
        ("_profile", "CREATED"),
        ("Order", "CREATED"),
    ]
    assert events[1]["ProfileObjectUniqueKey"] == key


def test_unhealthy_destination_stops_the_stream(domain: Domain, backend: LocalBackend) -> None:
    domain.event_streams.create("export", uri=KINESIS)
    backend.set_stream_destination(
        D, "export", healthy=False, message="The Kinesis Data Stream does not exist."
    )
    stream = domain.event_streams.get("export")
    assert stream.state is EventStreamState.STOPPED
    assert stream.stopped_since is not None
    assert stream.destination_details.status is EventStreamDestinationStatus.UNHEALTHY
    assert stream.destination_details.unhealthy_since is not None
    assert stream.destination_details.message == "The Kinesis Data Stream does not exist."
    (summary,) = domain.event_streams.list()
    assert summary.destination_summary is not None
    assert summary.destination_summary.status is EventStreamDestinationStatus.UNHEALTHY
    domain.profiles.create(Profile(first_name="Lost"))
    assert backend.stream_records(stream.event_stream_arn) == []


def test_list_get_exists_delete(domain: Domain) -> None:
    assert domain.event_streams.list().to_list() == []
    assert domain.event_streams.exists("export") is False
    domain.event_streams.create("export", uri=KINESIS, tags={"a": "b"})
    (summary,) = domain.event_streams.list()
    assert isinstance(summary, EventStreamSummary)
    assert (summary.event_stream_name, summary.domain_name) == ("export", D)
    assert summary.state is EventStreamState.RUNNING
    assert summary.destination_summary is not None
    assert summary.destination_summary.uri == KINESIS
    assert summary.tags == {"a": "b"}
    assert domain.event_streams.exists("export") is True
    assert domain.event_streams.delete("export") is True
    assert domain.event_streams.delete("export") is False
    with pytest.raises(ResourceNotFoundError):
        domain.event_streams.get("export")


def test_one_stream_per_domain_and_same_region(domain: Domain, backend: LocalBackend) -> None:
    domain.event_streams.create("export", uri=KINESIS)
    with pytest.raises(BadRequestError) as caught:
        domain.event_streams.create("second", uri=KINESIS)
    assert caught.value.status_code == 400
    domain.event_streams.delete("export")
    with pytest.raises(BadRequestError):
        domain.event_streams.create("export", uri=KINESIS.replace("us-east-1", "eu-west-1"))
    backend.set_kinesis_stream(KINESIS, exists=False)
    with pytest.raises(BadRequestError):
        domain.event_streams.create("export", uri=KINESIS)


def test_bad_input_is_refused_before_sending(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError) as caught:
        domain.event_streams.create("bad name", uri="arn:aws:sqs:us-east-1:123456789012:q")
    err = caught.value
    assert err.operation == "CreateEventStream"
    assert err.fields == ["EventStreamName", "Uri"]
    by_path = {v.path: v.constraint for v in err.violations}
    assert by_path["Uri"].startswith("a Kinesis data stream ARN")
    with pytest.raises(ValidationError, match="max length 255"):
        domain.event_streams.create("export", uri="arn:aws:kinesis:us-east-1:1:" + "s" * 250)
    with pytest.raises(ValidationError, match="max length 50"):
        domain.event_streams.create("export", uri=KINESIS, tags={str(i): "v" for i in range(51)})
    assert backend.call_count() == 0


def test_missing_domain(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").event_streams.create("export", uri=KINESIS)
    assert cp.domain("nowhere").event_streams.delete("export") is False


def test_records_of_the_users_own_boto3_code_under_the_pytest_plugin(
    customer_profiles: CustomerProfiles, customer_profiles_backend: LocalBackend
) -> None:
    import boto3

    domain = customer_profiles.domains.create("plugin", default_expiration_days=30)
    stream = domain.event_streams.create("export", uri=KINESIS)
    # Application code with its own client: answered by the same backend.
    boto3.client("customer-profiles", region_name="us-east-1").create_profile(
        DomainName="plugin", FirstName="Ana"
    )
    (record,) = customer_profiles_backend.stream_records(stream.event_stream_arn)
    assert json.loads(record["Data"])["Object"]["FirstName"] == "Ana"
