"""Upload jobs: import a CSV file of customers, end to end."""

from pathlib import Path
from tempfile import TemporaryDirectory

from customer_profiles_sdk import (
    CustomerProfiles,
    FieldContentType,
    ObjectTypeField,
    UploadJobStatus,
)

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)

job = domain.upload_jobs.create(
    "customers.csv",
    unique_key="CustomerId",  # rows with the same CustomerId update the same profile
    fields={
        # A string is the target of the column named like the field ...
        "CustomerId": "_profile.AccountNumber",
        "FirstName": "_profile.FirstName",
        # ... an ObjectTypeField says which column and how to normalise it.
        "Email": ObjectTypeField(
            source="_source.Email",
            target="_profile.EmailAddress",
            content_type=FieldContentType.EMAIL_ADDRESS,
        ),
    },
)

with TemporaryDirectory() as folder:
    csv = Path(folder) / "customers.csv"
    csv.write_text("CustomerId,FirstName,Email\nC1,Ann,ann@example.com\nC2,Bo,bo@example.com\n")
    job.upload(csv)  # GetUploadJobPath, then the PUT to the pre-signed URL

job.start()
done = job.wait(timeout=3600)  # on the emulator: advances its clock, no sleeping
assert done.status is UploadJobStatus.SUCCEEDED
assert done.results_summary is not None
assert done.results_summary.created_records == 2

# The unique key is a search key of the imported profiles.
assert [p.first_name for p in domain.profiles.search("CustomerId", ["C2"])] == ["Bo"]
assert [j.display_name for j in domain.upload_jobs.list()] == ["customers.csv"]
