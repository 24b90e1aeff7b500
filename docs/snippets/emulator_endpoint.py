"""boto3 and this SDK on the emulator's HTTP endpoint.

`customer-profiles local serve` listens on http://127.0.0.1:4566; here the same server
runs in-process on a free port, and `endpoint` stands for that URL.
"""

import os

import boto3

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.local import LocalBackend

# CustomerProfiles(...) takes its credentials from the usual chain; any values do.
os.environ.setdefault("AWS_ACCESS_KEY_ID", "x")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "x")

with LocalBackend().serve() as server:
    endpoint = server.url  # http://127.0.0.1:4566 with `customer-profiles local serve`

    raw = boto3.client(
        "customer-profiles",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="x",
        aws_secret_access_key="x",
    )
    cp = CustomerProfiles(endpoint_url=endpoint, region_name="us-east-1")

    raw.create_domain(DomainName="retail", DefaultExpirationDays=365)
    assert cp.domain("retail").get().default_expiration_days == 365
