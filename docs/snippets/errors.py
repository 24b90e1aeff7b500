"""Errors: validation before sending, and service errors with their details."""

from customer_profiles_sdk import (
    BadRequestError,
    CustomerProfiles,
    CustomerProfilesError,
    ResourceNotFoundError,
    ServiceError,
    ValidationError,
)
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
cp = CustomerProfiles.local(backend=backend)

# Checked against the service model before anything is sent; every problem at once.
try:
    cp.domains.create("x" * 100, default_expiration_days=99999)
except ValidationError as err:
    assert err.operation == "CreateDomain"
    assert err.fields == ["DomainName", "DefaultExpirationDays"]
    print(err)  # CreateDomain: invalid request, 2 problems: DomainName: max length 64 ...
else:
    raise AssertionError("expected a ValidationError")
assert backend.call_count() == 0  # nothing reached the service

# Service errors carry the code, message, HTTP status, request id and operation.
try:
    cp.domain("nowhere").get()
except ResourceNotFoundError as err:
    assert isinstance(err, ServiceError)
    assert err.code == "ResourceNotFoundException"
    assert err.status_code == 404
    assert err.operation == "GetDomain"
    assert err.request_id  # quote it in a support case
else:
    raise AssertionError("expected a ResourceNotFoundError")

# Every SDK error derives from CustomerProfilesError.
cp.domains.create("retail", default_expiration_days=30)
try:
    cp.domains.create("retail", default_expiration_days=30)
except CustomerProfilesError as err:
    assert isinstance(err, BadRequestError)  # the domain already exists
else:
    raise AssertionError("expected a BadRequestError")

# Deletes are idempotent: a missing resource answers False instead of raising.
assert cp.domain("nowhere").delete() is False
