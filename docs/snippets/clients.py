"""The ways to build a client."""

import boto3

from customer_profiles_sdk import CustomerProfiles, RetryPolicy

# From the default credential chain and region (building it sends no request).
cp = CustomerProfiles(region_name="eu-west-2")
assert cp.region_name == "eu-west-2"

# Around a boto3 client you already have: the SDK's policy retries the SDK's calls on
# it (botocore's retries are gated off for them); your own calls keep botocore's.
existing = boto3.client("customer-profiles", region_name="us-west-2")
cp = CustomerProfiles(client=existing, retry=RetryPolicy.none())
assert cp.client is existing

# On the embedded emulator: for tests, notebooks and these docs.
cp = CustomerProfiles.local()
assert list(cp.domains.list()) == []
