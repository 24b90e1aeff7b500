"""Data Store object types: typed field schemas of the domain's Data Store."""

import attrs

from customer_profiles_sdk import (
    BadRequestError,
    CustomerProfiles,
    DomainObjectType,
    DomainObjectTypeField,
    ValidationError,
)

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)
product = DomainObjectType(
    object_type_name="Product",
    description="Catalogue products",
    fields={
        "sku": DomainObjectTypeField(
            source="_source.sku", target="_product.Sku", feature_type="CATEGORICAL"
        ),
        "price": DomainObjectTypeField(
            source="_source.price", target="_product.Price", content_type="NUMBER"
        ),
    },
)

# Creating one needs the domain's Data Store enabled: the service refuses it otherwise.
try:
    domain.domain_object_types.put(product)
except BadRequestError as err:
    assert err.code == "BadRequestException"
else:
    raise AssertionError("expected a BadRequestError")
domain.update(data_store={"enabled": True})
stored = domain.domain_object_types.put(product)
assert stored.created_at == stored.last_updated_at

# A put replaces the fields as a whole: read, change, put back.
title = DomainObjectTypeField(source="_source.title", target="_product.Title")
current = domain.domain_object_types.get("Product")
domain.domain_object_types.put(attrs.evolve(current, fields={**current.fields, "title": title}))
assert sorted(domain.domain_object_types.get("Product").fields) == ["price", "sku", "title"]

assert [t.object_type_name for t in domain.domain_object_types.list()] == ["Product"]

# Only STRING and NUMBER are Data Store content types: checked before sending.
email = DomainObjectTypeField(source="_source.email", target="_c.Email", content_type="EMAIL")
try:
    domain.domain_object_types.put(attrs.evolve(product, fields={"email": email}))
except ValidationError as err:
    assert err.fields == ["Fields['email'].ContentType"]
else:
    raise AssertionError("expected a ValidationError")

assert domain.domain_object_types.delete("Product") is True
