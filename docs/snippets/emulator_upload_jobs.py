"""A CSV upload job against the emulator: create, upload, start, wait on the clock."""

from datetime import datetime, timezone

from customer_profiles_sdk.local import Clock, LocalBackend

backend = LocalBackend(clock=Clock(start=datetime(2026, 1, 1, tzinfo=timezone.utc)))
client = backend.client()
client.create_domain(DomainName="retail", DefaultExpirationDays=365)

job_id = client.create_upload_job(
    DomainName="retail",
    DisplayName="customers.csv",
    Fields={
        "CustomerId": {"Source": "_source.CustomerId", "Target": "_profile.AccountNumber"},
        "Email": {
            "Source": "_source.Email",
            "Target": "_profile.EmailAddress",
            "ContentType": "EMAIL_ADDRESS",
        },
    },
    UniqueKey="CustomerId",
)["JobId"]

# In-process there is no listener behind the pre-signed URL: deliver the file with a
# hook (it issues the URL and the SSE-C headers, and applies the URL's checks).
backend.upload("retail", job_id, b"CustomerId,Email\nC1,ann@example.com\nC2,\n")
client.start_upload_job(DomainName="retail", JobId=job_id)
assert client.get_upload_job(DomainName="retail", JobId=job_id)["Status"] == "IN_PROGRESS"

backend.clock.advance(60)  # upload_processing_seconds
job = client.get_upload_job(DomainName="retail", JobId=job_id)
assert job["Status"] == "SUCCEEDED"
assert job["ResultsSummary"] == {"CreatedRecords": 2, "UpdatedRecords": 0, "FailedRecords": 0}
found = client.search_profiles(DomainName="retail", KeyName="CustomerId", Values=["C1"])
assert found["Items"][0]["EmailAddress"] == "ann@example.com"
