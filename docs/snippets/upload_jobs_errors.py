"""Upload jobs: what is refused before sending, and a job that does not succeed."""

from customer_profiles_sdk import CustomerProfiles, JobFailedError, ValidationError

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)
job = domain.upload_jobs.create(
    "customers.csv", fields={"CustomerId": "_profile.AccountNumber"}, unique_key="CustomerId"
)

# The file's documented rules are checked before anything is sent.
try:
    job.upload(b"\xef\xbb\xbfCustomerId\nC1\n")  # a UTF-8 byte-order mark
except ValidationError as err:
    assert err.operation == "UploadFile"
    assert err.violations[0].constraint == "UTF-8 without a byte-order mark"
else:
    raise AssertionError("a file with a BOM was sent")
try:
    job.upload(b"Id\nC1\n")  # the mapping reads a CustomerId column
except ValidationError as err:
    assert "missing CustomerId" in str(err)
else:
    raise AssertionError("a file without the mapped column was sent")

job.upload(b"CustomerId\nC1\n")
job.start()
job.stop()  # only while it is in progress
try:
    job.wait()
except JobFailedError as failed:  # FAILED or STOPPED: .last holds the job
    assert failed.last.status == "STOPPED"
else:
    raise AssertionError("a stopped job succeeded")
