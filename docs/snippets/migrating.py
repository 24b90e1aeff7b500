"""The same job with boto3 and with the SDK, side by side, on one emulator."""

import json

from customer_profiles_sdk import CustomerProfiles, Profile

cp = CustomerProfiles.local()
client = cp.client  # the underlying boto3 "customer-profiles" client

# boto3: PascalCase members, dicts in and out, pagination by hand.
client.create_domain(DomainName="retail", DefaultExpirationDays=365)
client.create_profile(DomainName="retail", FirstName="Ana", EmailAddress="ana@example.com")
items, token = [], None
while True:
    kwargs = {"NextToken": token} if token else {}  # botocore rejects NextToken=None
    page = client.search_profiles(
        DomainName="retail", KeyName="_email", Values=["ana@example.com"], **kwargs
    )
    items += page["Items"]
    token = page.get("NextToken")
    if not token:
        break
assert items[0]["FirstName"] == "Ana"

# The SDK: typed models, snake_case, lazy pagination, validation before sending.
domain = cp.domain("retail")
domain.profiles.create(Profile(first_name="Bo", email_address="bo@example.com"))
ana = domain.profiles.search("_email", ["ana@example.com"]).first()
assert ana.first_name == "Ana"

# Objects: boto3 wants a JSON string; the SDK serialises a mapping for you.
client.put_profile_object_type(
    DomainName="retail", ObjectTypeName="Contact", Description="contacts",
    TemplateId="Salesforce-Contact",
)  # fmt: skip
client.put_profile_object(
    DomainName="retail", ObjectTypeName="Contact", Object=json.dumps({"Id": "c-1"})
)
domain.objects.put("Contact", {"Id": "c-2"})

# Errors: ClientError with a code to compare, or one exception class per code.
try:
    client.get_domain(DomainName="nowhere")
except client.exceptions.ResourceNotFoundException as err:
    assert err.response["Error"]["Code"] == "ResourceNotFoundException"
else:
    raise AssertionError("expected ResourceNotFoundException")
assert cp.domain("nowhere").exists() is False
