"""Typical use of the public API; must type-check under ``mypy --strict``.

Checked by ``tests/test_typing.py`` (it is also run, so it must work at runtime).
"""

from __future__ import annotations

from datetime import datetime

import attrs

from customer_profiles_sdk import (
    Address,
    CalculatedAttribute,
    CalculatedAttributeValue,
    CustomerProfiles,
    DomainSettings,
    FieldContentType,
    JobFailedError,
    Match,
    ObjectType,
    ObjectTypeField,
    ObjectTypeKey,
    Page,
    Paged,
    Profile,
    ProfileObject,
    Recommendation,
    Recommender,
    RecommenderRecipeName,
    ResourceNotFoundError,
    RetryPolicy,
    StandardIdentifier,
    UploadJob,
    UploadJobSummary,
    ValidationError,
    WaitTimeoutError,
    WorkflowStatus,
    WorkflowSummary,
)
from customer_profiles_sdk import segments as seg
from customer_profiles_sdk.models import SegmentDefinition, SegmentEstimate, SegmentMembership
from customer_profiles_sdk.resources import RecommenderHandle, UploadJobHandle


def main() -> None:
    cp: CustomerProfiles = CustomerProfiles.local(retry=RetryPolicy(max_attempts=3))
    domain = cp.domains.create("typing", default_expiration_days=30)
    settings: DomainSettings = domain.get()
    created: datetime = settings.created_at
    assert created.tzinfo is not None

    order = ObjectType(
        object_type_name="Order",
        description="orders",
        allow_profile_creation=True,
        fields={
            "email": ObjectTypeField(
                source="_source.email",
                target="_profile.EmailAddress",
                content_type=FieldContentType.EMAIL_ADDRESS,
            ),
            "id": ObjectTypeField(source="_source.id"),
            "total": ObjectTypeField(source="_source.total", content_type="NUMBER"),
        },
        keys={
            "_email": [
                ObjectTypeKey(
                    standard_identifiers=[StandardIdentifier.PROFILE], field_names=["email"]
                )
            ],
            "orderId": [ObjectTypeKey(standard_identifiers=["UNIQUE"], field_names=["id"])],
        },
    )
    stored: ObjectType = domain.object_types.put(order)
    assert stored.object_type_name == "Order"

    pid: str = domain.profiles.create(
        Profile(first_name="Ana", email_address="ana@example.com", address=Address(city="Lyon"))
    )
    unique_key: str = domain.objects.put(
        "Order", {"id": "1", "email": "ana@example.com", "total": "5"}
    )
    assert unique_key

    found: Paged[Profile] = domain.profiles.search("_email", ["ana@example.com"])
    first: Profile | None = found.page_size(10).limit(5).first()
    assert first is not None
    profile = domain.profiles.get(pid)
    renamed: Profile = attrs.evolve(profile, first_name="Anna")
    assert renamed.first_name == "Anna"
    pages: list[Page[Profile]] = list(found.by_page())
    assert pages[0].items

    objects: list[ProfileObject] = domain.objects.list(pid, "Order").to_list()
    assert objects

    definition: CalculatedAttribute = domain.calculated_attributes.create(
        "spend", expression="{Order.total}", statistic="SUM", use_historical_data=True
    )
    assert definition.calculated_attribute_name == "spend"
    value: CalculatedAttributeValue = domain.calculated_attributes.value("spend", pid)
    assert value.value is not None

    matches: Paged[Match] = domain.matches.list()
    assert isinstance(matches, Paged)

    try:
        domain.object_types.get("Nope")
    except ResourceNotFoundError as err:
        code: str = err.code
        assert code == "ResourceNotFoundException"
    try:
        cp.domains.create("x" * 500, default_expiration_days=99999)
    except ValidationError as err:
        problems = err.violations
    else:
        raise AssertionError("an invalid request was sent")
    assert len(problems) == 2
    segment: SegmentDefinition = domain.segments.create(
        "gold",
        display_name="Gold",
        groups=[
            seg.all_of(seg.attribute("tier").is_("gold"), seg.profile.birth_date.after(created))
        ],
        include="ANY",
        sort=seg.sort_by(seg.calculated("spend").descending()),
    )
    assert segment.segment_groups is not None
    estimate: SegmentEstimate = domain.segments.estimate(seg.all_of(within="gold")).wait(timeout=60)
    count: int | None = estimate.count
    assert count == 0
    membership: SegmentMembership = domain.segments.membership("gold", [pid])
    assert membership.member_ids == []
    jobs_and_recommenders(cp)
    deleted: bool = domain.delete()
    assert deleted


def jobs_and_recommenders(cp: CustomerProfiles) -> None:
    """Upload jobs, workflows, recommenders and recommendations."""
    domain = cp.domains.create(
        "typing-jobs", default_expiration_days=30, data_store={"enabled": True}
    )
    job: UploadJobHandle = domain.upload_jobs.create(
        "ids.csv", fields={"Id": "_profile.AccountNumber"}, unique_key="Id"
    )
    etag: str = job.upload(b"Id\nC1\n")
    assert etag
    job.start()
    finished: UploadJob = job.wait(timeout=600)
    assert finished.results_summary is not None
    created_records: int | None = finished.results_summary.created_records
    assert created_records == 1
    summaries: Paged[UploadJobSummary] = domain.upload_jobs.list()
    assert summaries.first() is not None
    workflows: Paged[WorkflowSummary] = domain.workflows.list(status=WorkflowStatus.COMPLETE)
    assert workflows.to_list() == []

    recommender: RecommenderHandle = domain.recommenders.create(
        "picks", recipe=RecommenderRecipeName.POPULAR_ITEMS
    )
    trained: Recommender = recommender.wait()
    metrics: dict[str, float] = trained.metrics
    assert metrics
    pid = domain.profiles.create(Profile(first_name="Bo"))
    picks: list[Recommendation] = domain.recommendations.for_profile(pid, recommender="picks")
    assert picks == []
    try:
        domain.upload_jobs.wait(job.job_id, timeout=0)
    except (JobFailedError, WaitTimeoutError) as err:
        last: object = err.last
        assert last is not None


def domain_configuration() -> None:
    """Data Store types, event streams, event triggers, layouts and detection."""
    from customer_profiles_sdk import (
        DomainLayout,
        DomainObjectType,
        DomainObjectTypeField,
        EventStream,
        EventTrigger,
        EventTriggerSummary,
    )
    from customer_profiles_sdk.triggers import all_of, any_of, at_most, field, limits

    cp = CustomerProfiles.local()
    domain = cp.domains.create(
        "typing-config", default_expiration_days=30, data_store={"enabled": True}
    )
    detected: ObjectType | None = domain.object_types.detect(
        [{"id": "1", "email": "ana@example.com"}], object_type_name="Order", description="o"
    )
    assert detected is not None
    domain.object_types.put(attrs.evolve(detected, allow_profile_creation=True))
    product: DomainObjectType = domain.domain_object_types.put(
        DomainObjectType(
            object_type_name="Product",
            fields={"sku": DomainObjectTypeField(source="_source.sku", target="_p.Sku")},
        )
    )
    assert product.created_at is not None
    stream: EventStream = domain.event_streams.create(
        "export", uri="arn:aws:kinesis:us-east-1:123456789012:stream/profiles"
    )
    name: str = stream.event_stream_name
    assert name == "export"
    trigger: EventTrigger = domain.event_triggers.create(
        "big",
        object_type_name="Order",
        conditions=any_of(field("id").includes("1"), [field("email").ends_with("@example.com")]),
        limits=limits(at_most(1, every=1, unit="DAYS")),
    )
    assert trigger.event_trigger_conditions is not None
    domain.event_triggers.update("big", conditions=[all_of(field("id").excludes("0"))])
    summaries: list[EventTriggerSummary] = domain.event_triggers.list().to_list()
    assert summaries
    domain.integrations.put(
        "arn:aws:connect-campaigns:us-east-1:123456789012:campaign/c",
        object_type_name="Order",
        event_trigger_names=["big"],
    )
    layout: DomainLayout = domain.layouts.create(
        "main", display_name="Main", description="d", layout={"Id": "1"}
    )
    assert layout.version == "1"


if __name__ == "__main__":
    main()
    domain_configuration()
