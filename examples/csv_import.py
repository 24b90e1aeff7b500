"""CSV import: load a CRM export into profiles with an upload job, then re-import.

1. create a domain;
2. create an upload job: which CSV column fills which profile field, and the column
   that identifies a customer;
3. upload the CSV file, start the job and wait for it;
4. find an imported customer by the unique key;
5. import a second file: known customers are updated, new ones created, a bad row is
   counted as failed.

By default it runs against the embedded emulator (waiting advances its clock)::

    python examples/csv_import.py

With ``--aws`` it runs against your AWS account (default credential chain) in
``--region``; it creates a domain named ``csv-import-<random>`` and deletes it at the
end. The upload goes to the pre-signed S3 URL of the job, through the same HTTP
session (TLS, proxies, timeouts) as the API calls.
"""

from __future__ import annotations

import argparse
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path

from customer_profiles_sdk import (
    CustomerProfiles,
    FieldContentType,
    ObjectTypeField,
    UploadJob,
)
from customer_profiles_sdk.resources.domains import Domain

FIELDS = {
    # The column named like the field, into a profile field:
    "CustomerId": "_profile.AccountNumber",
    "FirstName": "_profile.FirstName",
    "LastName": "_profile.LastName",
    # Or say which column, and how its values are normalised (emails ignore case):
    "Email": ObjectTypeField(
        source="_source.email",
        target="_profile.EmailAddress",
        content_type=FieldContentType.EMAIL_ADDRESS,
    ),
    "City": ObjectTypeField(source="_source.city", target="_profile.Address.City"),
}

FIRST_EXPORT = """\
CustomerId,FirstName,LastName,email,city
C-001,Ana,Silva,ana@example.com,Lisbon
C-002,Li,Wei,li@example.com,Singapore
C-003,Sam,Okafor,sam@example.com,Lagos
"""

SECOND_EXPORT = """\
CustomerId,FirstName,LastName,email,city
C-002,Li,Wei,li.wei@example.com,Singapore
C-004,Eva,Novak,eva@example.com,Prague
,Nameless,Row,nobody@example.com,Nowhere
"""


def import_file(domain: Domain, path: Path, *, timeout: float) -> UploadJob:
    """Create an upload job for ``path``, upload it, start it and wait for the result."""
    job = domain.upload_jobs.create(path.name, fields=FIELDS, unique_key="CustomerId")
    job.upload(path)
    job.start()
    return job.wait(timeout=timeout)


def _status(value: object) -> str:
    """An enum member's value (statuses are open enums: an unknown one is a plain str)."""
    return str(getattr(value, "value", value))


def _summary(job: UploadJob) -> str:
    results = job.results_summary
    assert results is not None
    return (
        f"{_status(job.status)} - created {results.created_records}, "
        f"updated {results.updated_records}, failed {results.failed_records}"
    )


def run(cp: CustomerProfiles, domain_name: str, *, timeout: float) -> None:
    """Import two files into a new domain ``domain_name`` and print what happened."""
    domain = cp.domains.create(domain_name, default_expiration_days=365)
    print(f"1. created domain {domain.name!r}")
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "crm-export-1.csv", Path(folder) / "crm-export-2.csv"
        first.write_text(FIRST_EXPORT, encoding="utf-8")
        second.write_text(SECOND_EXPORT, encoding="utf-8")
        print(f"2. mapping {sorted(FIELDS)}, unique key CustomerId")

        done = import_file(domain, first, timeout=timeout)
        print(f"3. imported {first.name}: {_summary(done)}")

        found = domain.profiles.search("CustomerId", ["C-002"]).first()
        assert found is not None
        city = found.address.city if found.address else None
        print(f"4. found C-002 by the unique key: {found.first_name} {found.last_name}, {city}")

        again = import_file(domain, second, timeout=timeout)
        print(f"5. imported {second.name}: {_summary(again)}")
    updated = domain.profiles.search("CustomerId", ["C-002"]).first()
    assert updated is not None
    print(f"   C-002's email is now {updated.email_address}")
    jobs = [(j.display_name, _status(j.status)) for j in domain.upload_jobs.list()]
    print(f"   upload jobs of the domain: {sorted(jobs)}")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the import."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--aws", action="store_true", help="run against your AWS account instead of the emulator"
    )
    parser.add_argument("--region", help="AWS region for --aws (default: your AWS config)")
    args = parser.parse_args(argv)

    name = f"csv-import-{uuid.uuid4().hex[:8]}"
    if not args.aws:
        print("Running against the embedded emulator (no AWS account needed).")
        run(CustomerProfiles.local(), name, timeout=3600)
        return 0
    cp = CustomerProfiles(region_name=args.region)
    print(f"Running against AWS in {cp.region_name}; domain {name} is deleted at the end.")
    try:
        run(cp, name, timeout=3600)
    finally:
        cp.domain(name).delete()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
