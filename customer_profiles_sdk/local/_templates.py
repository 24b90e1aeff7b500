"""Object-type templates the emulator ships (spec 6.7, 13.5).

The real service publishes its template list only through the live
``ListProfileObjectTypeTemplates`` API and never documents the full ``Fields`` and
``Keys`` of a template. [A] Every template below is an *approximation* built from the
documented mapping tables (Salesforce, Zendesk, Marketo, ServiceNow, Segment, Shopify,
contact records); ``SourceName``/``SourceObject`` values are our own choice. Each one
passes the emulator's own PutProfileObjectType validation (a test checks it).

``TEMPLATES`` maps TemplateId to the GetProfileObjectTypeTemplate response members.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Mapping
from typing import Any

_SALESFORCE_TS = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"


def _f(source: str, target: str | None = None, content_type: str | None = None) -> dict[str, str]:
    field: dict[str, str] = {"Source": source}
    if target is not None:
        field["Target"] = target
    if content_type is not None:
        field["ContentType"] = content_type
    return field


def _k(*field_names: str, ids: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [{"StandardIdentifiers": list(ids), "FieldNames": list(field_names)}]


def _address(prefix: str, target: str, **members: str) -> dict[str, dict[str, str]]:
    """Fields ``{prefix}{Member}`` reading ``_source.{path}`` into ``{target}.{Member}``."""
    return {
        f"{prefix}{member}": _f(f"_source.{path}", f"{target}.{member}")
        for member, path in members.items()
    }


def _template(
    template_id: str,
    source_name: str,
    source_object: str,
    *,
    allow_profile_creation: bool,
    fields: dict[str, dict[str, str]],
    keys: dict[str, list[dict[str, Any]]],
    timestamp_format: str | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "TemplateId": template_id,
        "SourceName": source_name,
        "SourceObject": source_object,
        "AllowProfileCreation": allow_profile_creation,
        "Fields": fields,
        "Keys": keys,
    }
    if timestamp_format is not None:
        out["SourceLastUpdatedTimestampFormat"] = timestamp_format
    return out


_CTR_FIELDS = {
    "contactId": _f("_source.ContactId"),
    "phone": _f("_source.CustomerEndpoint.Address", "_profile.PhoneNumber", "PHONE_NUMBER"),
    "channel": _f("_source.Channel"),
    "initiationMethod": _f("_source.InitiationMethod"),
    "initiationTimestamp": _f("_source.InitiationTimestamp"),
    "disconnectTimestamp": _f("_source.DisconnectTimestamp"),
    "queueName": _f("_source.Queue.Name"),
    "agentUsername": _f("_source.Agent.Username"),
}

_SALESFORCE_CONTACT_FIELDS = {
    "sfdcContactId": _f("_source.Id", "_profile.Attributes.sfdcContactId"),
    "sfdcAccountId": _f("_source.AccountId", "_profile.Attributes.sfdcAccountId"),
    "firstName": _f("_source.FirstName", "_profile.FirstName", "NAME"),
    "lastName": _f("_source.LastName", "_profile.LastName", "NAME"),
    "phone": _f("_source.Phone", "_profile.PhoneNumber", "PHONE_NUMBER"),
    "mobilePhone": _f("_source.MobilePhone", "_profile.MobilePhoneNumber", "PHONE_NUMBER"),
    "homePhone": _f("_source.HomePhone", "_profile.HomePhoneNumber", "PHONE_NUMBER"),
    "email": _f("_source.Email", "_profile.EmailAddress", "EMAIL_ADDRESS"),
    "birthDate": _f("_source.Birthdate", "_profile.BirthDate"),
    "lastModified": _f("_source.LastModifiedDate", "_profile.SourceLastUpdatedTimestamp"),
    **_address(
        "mailing",
        "_profile.MailingAddress",
        Address1="MailingStreet",
        City="MailingCity",
        State="MailingState",
        PostalCode="MailingPostalCode",
        Country="MailingCountry",
    ),
    **_address(
        "other",
        "_profile.Address",
        Address1="OtherStreet",
        City="OtherCity",
        State="OtherState",
        PostalCode="OtherPostalCode",
        Country="OtherCountry",
    ),
}

_SALESFORCE_ACCOUNT_FIELDS = {
    "sfdcAccountId": _f("_source.Id", "_profile.Attributes.sfdcAccountId"),
    "accountNumber": _f("_source.AccountNumber", "_profile.AccountNumber"),
    "name": _f("_source.Name", "_profile.BusinessName"),
    "phone": _f("_source.Phone", "_profile.BusinessPhoneNumber", "PHONE_NUMBER"),
    "lastModified": _f("_source.LastModifiedDate", "_profile.SourceLastUpdatedTimestamp"),
    **_address(
        "billing",
        "_profile.BillingAddress",
        Address1="BillingStreet",
        City="BillingCity",
        State="BillingState",
        PostalCode="BillingPostalCode",
        Country="BillingCountry",
    ),
    **_address(
        "shipping",
        "_profile.ShippingAddress",
        Address1="ShippingStreet",
        City="ShippingCity",
        State="ShippingState",
        PostalCode="ShippingPostalCode",
        Country="ShippingCountry",
    ),
}

_SALESFORCE_ASSET_FIELDS = {
    "sfdcAssetId": _f("_source.Id", "_asset.Attributes.sfdcAssetId"),
    "sfdcContactId": _f("_source.ContactId"),
    "sfdcAccountId": _f("_source.AccountId"),
    "name": _f("_source.Name", "_asset.AssetName"),
    "serialNumber": _f("_source.SerialNumber", "_asset.SerialNumber"),
    "status": _f("_source.Status", "_asset.Status"),
    "price": _f("_source.Price", "_asset.Price", "NUMBER"),
    "quantity": _f("_source.Quantity", "_asset.Quantity", "NUMBER"),
    "purchaseDate": _f("_source.PurchaseDate", "_asset.PurchaseDate"),
    "usageEndDate": _f("_source.UsageEndDate", "_asset.UsageEndDate"),
    "description": _f("_source.Description", "_asset.Description"),
    "lastModified": _f("_source.LastModifiedDate"),
}

_ZENDESK_USER_FIELDS = {
    "zendeskUserId": _f("_source.id", "_profile.Attributes.ZendeskUserId"),
    "zendeskExternalId": _f("_source.external_id", "_profile.Attributes.ZendeskExternalId"),
    "email": _f("_source.email", "_profile.EmailAddress", "EMAIL_ADDRESS"),
    "phone": _f("_source.phone", "_profile.PhoneNumber", "PHONE_NUMBER"),
}

_ZENDESK_TICKET_FIELDS = {
    "ticketId": _f("_source.id"),
    "requesterId": _f("_source.requester_id"),
    "subject": _f("_source.subject", "_case.Title"),
    "description": _f("_source.description", "_case.Summary"),
    "status": _f("_source.status", "_case.Status"),
    "createdAt": _f("_source.created_at", "_case.CreatedDate"),
    "updatedAt": _f("_source.updated_at", "_case.UpdatedDate"),
}

_MARKETO_FIELDS = {
    "marketoLeadId": _f("_source.id", "_profile.Attributes.marketoLeadId"),
    "sfdcAccountId": _f("_source.sfdcAccountId"),
    "sfdcContactId": _f("_source.sfdcContactId"),
    "firstName": _f("_source.firstName", "_profile.FirstName", "NAME"),
    "lastName": _f("_source.lastName", "_profile.LastName", "NAME"),
    "email": _f("_source.email", "_profile.EmailAddress", "EMAIL_ADDRESS"),
    "phone": _f("_source.phone", "_profile.PhoneNumber", "PHONE_NUMBER"),
    "company": _f("_source.company", "_profile.BusinessName"),
    **_address(
        "address",
        "_profile.Address",
        Address1="address",
        City="city",
        State="state",
        PostalCode="postalCode",
        Country="country",
    ),
}

_SERVICENOW_USER_FIELDS = {
    "sysId": _f("_source.sys_id", "_profile.Attributes.serviceNowSystemId"),
    "firstName": _f("_source.first_name", "_profile.FirstName", "NAME"),
    "lastName": _f("_source.last_name", "_profile.LastName", "NAME"),
    "email": _f("_source.email", "_profile.EmailAddress", "EMAIL_ADDRESS"),
    "phone": _f("_source.phone", "_profile.BusinessPhoneNumber", "PHONE_NUMBER"),
    "mobilePhone": _f("_source.mobile_phone", "_profile.MobilePhoneNumber", "PHONE_NUMBER"),
    **_address(
        "address",
        "_profile.Address",
        Address1="street",
        City="city",
        State="state",
        PostalCode="zip",
        Country="country",
    ),
}


def _servicenow_case(id_key: str, caller_path: str) -> tuple[dict[str, Any], dict[str, Any]]:
    fields = {
        "sysId": _f("_source.sys_id"),
        "callerId": _f(f"_source.{caller_path}"),
        "number": _f("_source.number", "_case.Attributes.number"),
        "shortDescription": _f("_source.short_description", "_case.Title"),
        "description": _f("_source.description", "_case.Summary"),
        "state": _f("_source.state", "_case.Status"),
        "openedAt": _f("_source.opened_at", "_case.CreatedDate"),
        "updatedAt": _f("_source.sys_updated_on", "_case.UpdatedDate"),
        "closedAt": _f("_source.closed_at", "_case.ClosedDate"),
    }
    keys = {
        id_key: _k("sysId", ids=("UNIQUE", "CASE")),
        "_serviceNowSystemId": _k("callerId", ids=("PROFILE",)),
    }
    return fields, keys


_SEGMENT_FIELDS = {
    "segmentUserId": _f("_source.userId", "_profile.Attributes.segmentUserId"),
    "firstName": _f("_source.traits.firstName", "_profile.FirstName", "NAME"),
    "lastName": _f("_source.traits.lastName", "_profile.LastName", "NAME"),
    "email": _f("_source.traits.email", "_profile.EmailAddress", "EMAIL_ADDRESS"),
    "phone": _f("_source.traits.phone", "_profile.PhoneNumber", "PHONE_NUMBER"),
    "birthday": _f("_source.traits.birthday", "_profile.BirthDate"),
    **_address(
        "address",
        "_profile.Address",
        Address1="traits.address.street",
        City="traits.address.city",
        State="traits.address.state",
        PostalCode="traits.address.postalCode",
        Country="traits.address.country",
    ),
}

_SHOPIFY_CUSTOMER_FIELDS = {
    "shopifyCustomerId": _f("_source.id", "_profile.Attributes.shopifyCustomerId"),
    "firstName": _f("_source.first_name", "_profile.FirstName", "NAME"),
    "lastName": _f("_source.last_name", "_profile.LastName", "NAME"),
    "email": _f("_source.email", "_profile.EmailAddress", "EMAIL_ADDRESS"),
    "phone": _f("_source.phone", "_profile.PhoneNumber", "PHONE_NUMBER"),
    **_address(
        "address",
        "_profile.Address",
        Address1="default_address.address1",
        Address2="default_address.address2",
        City="default_address.city",
        Province="default_address.province",
        PostalCode="default_address.zip",
        Country="default_address.country",
    ),
}

_SHOPIFY_ORDER_FIELDS = {
    "shopifyOrderId": _f("_source.id"),
    "shopifyCustomerId": _f("_source.customer.id"),
    "name": _f("_source.name", "_order.Name"),
    "email": _f("_source.email", "_order.CustomerEmail", "EMAIL_ADDRESS"),
    "phone": _f("_source.phone", "_order.CustomerPhone", "PHONE_NUMBER"),
    "createdAt": _f("_source.created_at", "_order.CreatedDate"),
    "updatedAt": _f("_source.updated_at", "_order.UpdatedDate"),
    "closedAt": _f("_source.closed_at", "_order.ClosedDate"),
    "cancelledAt": _f("_source.cancelled_at", "_order.CancelledDate"),
    "cancelReason": _f("_source.cancel_reason", "_order.CancelReason"),
    "financialStatus": _f("_source.financial_status", "_order.Status"),
    "fulfillmentStatus": _f("_source.fulfillment_status", "_order.FulfillmentStatus"),
    "statusUrl": _f("_source.order_status_url", "_order.StatusUrl"),
    "statusCode": _f("_source.order_status_url", "_order.StatusCode"),
    "totalPrice": _f("_source.total_price", "_order.TotalPrice", "NUMBER"),
    "totalTax": _f("_source.total_tax", "_order.TotalTax", "NUMBER"),
    "currency": _f("_source.currency", "_order.Currency"),
    **_address(
        "shipping",
        "_order.ShippingAddress",
        Address1="shipping_address.address1",
        City="shipping_address.city",
        Province="shipping_address.province",
        PostalCode="shipping_address.zip",
        Country="shipping_address.country",
    ),
}
# Shopify orders: StatusCode is ACTIVATED when order_status_url is present, else DRAFT
# (spec 13.5). The service's template does this with a Handlebars #if block, which the
# emulator does not run; [A] the field reads order_status_url and DERIVED_FIELDS turns
# that value into the status code at ingestion.
_SHOPIFY_ORDER_KEYS = {
    "_shopifyOrderId": _k("shopifyOrderId", ids=("UNIQUE", "ORDER")),
    "_shopifyCustomerId": _k("shopifyCustomerId", ids=("PROFILE",)),
}

_SN_TASK_FIELDS, _SN_TASK_KEYS = _servicenow_case("_serviceNowTaskId", "opened_by.value")
_SN_INCIDENT_FIELDS, _SN_INCIDENT_KEYS = _servicenow_case(
    "_serviceNowIncidentId", "caller_id.value"
)

_CLICKSTREAM_FIELDS = {
    "eventId": _f("_source.eventId"),
    "userId": _f("_source.userId"),
    "sessionId": _f("_source.sessionId"),
    "eventType": _f("_source.eventType"),
    "pageUrl": _f("_source.pageUrl"),
    "eventTimestamp": _f("_source.timestamp"),
}

_ALL: list[dict[str, Any]] = [
    # Contact records (D407, D408). CTR attaches a record to the profile an agent
    # associated (_ctrContactId), else creates an inferred profile; it never attaches
    # by phone to a profile created with CreateProfile. [A] _phone is still looked up,
    # but only among the _phone values contact records stored (see LOOKUP_RULES), so
    # the records of one caller share one inferred profile (the model's PutProfileObject
    # text: "Any additional Contact Records with the same phone number will be mapped to
    # the same inferred profile").
    _template(
        "CTR",
        "AmazonConnect",
        "ContactRecord",
        allow_profile_creation=True,
        fields=_CTR_FIELDS,
        keys={
            "_ctrContactId": _k("contactId", ids=("UNIQUE", "PROFILE")),
            "_phone": _k("phone", ids=("PROFILE", "SECONDARY")),
        },
    ),
    # CTR-NoInferred (D407, D408): _ctrContactId, then the one profile found by _phone;
    # several => the record is rejected; none => an inferred profile is created.
    _template(
        "CTR-NoInferred",
        "AmazonConnect",
        "ContactRecord",
        allow_profile_creation=True,
        fields=_CTR_FIELDS,
        keys={
            "_ctrContactId": _k("contactId", ids=("UNIQUE", "PROFILE")),
            "_phone": _k("phone", ids=("PROFILE", "SECONDARY")),
        },
    ),
    _template(
        "Salesforce-Account",
        "Salesforce",
        "Account",
        allow_profile_creation=True,
        fields=_SALESFORCE_ACCOUNT_FIELDS,
        keys={"_salesforceAccountId": _k("sfdcAccountId", ids=("PROFILE", "UNIQUE"))},
        timestamp_format=_SALESFORCE_TS,
    ),
    _template(
        "Salesforce-Contact",
        "Salesforce",
        "Contact",
        allow_profile_creation=True,
        fields=_SALESFORCE_CONTACT_FIELDS,
        keys={
            "_salesforceContactId": _k("sfdcContactId", ids=("PROFILE", "UNIQUE")),
            "_salesforceAccountId": _k("sfdcAccountId"),
        },
        timestamp_format=_SALESFORCE_TS,
    ),
    _template(
        "Salesforce-Asset",
        "Salesforce",
        "Asset",
        allow_profile_creation=False,
        fields=_SALESFORCE_ASSET_FIELDS,
        keys={
            "_salesforceAssetId": _k("sfdcAssetId", ids=("UNIQUE", "ASSET")),
            "_salesforceContactId": _k("sfdcContactId", ids=("PROFILE",)),
            "_salesforceAccountId": _k("sfdcAccountId", ids=("PROFILE", "SECONDARY")),
        },
    ),
    _template(
        "Zendesk-users",
        "Zendesk",
        "users",
        allow_profile_creation=True,
        fields=_ZENDESK_USER_FIELDS,
        keys={
            "_zendeskUserId": _k("zendeskUserId", ids=("PROFILE", "UNIQUE")),
            "_zendeskExternalId": _k("zendeskExternalId", ids=("PROFILE",)),
        },
    ),
    _template(
        "Zendesk-tickets",
        "Zendesk",
        "tickets",
        allow_profile_creation=False,
        fields=_ZENDESK_TICKET_FIELDS,
        keys={
            "_zendeskTicketId": _k("ticketId", ids=("UNIQUE", "CASE")),
            "_zendeskUserId": _k("requesterId", ids=("PROFILE",)),
        },
    ),
    _template(
        "Marketo-leads",
        "Marketo",
        "leads",
        allow_profile_creation=True,
        fields=_MARKETO_FIELDS,
        keys={
            "_marketoLeadId": _k("marketoLeadId", ids=("PROFILE", "UNIQUE")),
            "_salesforceAccountId": _k("sfdcAccountId"),
            "_salesforceContactId": _k("sfdcContactId"),
        },
    ),
    _template(
        "Servicenow-sys_user",
        "Servicenow",
        "sys_user",
        allow_profile_creation=True,
        fields=_SERVICENOW_USER_FIELDS,
        keys={"_serviceNowSystemId": _k("sysId", ids=("PROFILE", "UNIQUE"))},
    ),
    _template(
        "Servicenow-task",
        "Servicenow",
        "task",
        allow_profile_creation=False,
        fields=_SN_TASK_FIELDS,
        keys=_SN_TASK_KEYS,
    ),
    _template(
        "Servicenow-incident",
        "Servicenow",
        "incident",
        allow_profile_creation=False,
        fields=_SN_INCIDENT_FIELDS,
        keys=_SN_INCIDENT_KEYS,
    ),
    _template(
        "Segment-Identify",
        "Segment",
        "Identify",
        allow_profile_creation=True,
        fields=_SEGMENT_FIELDS,
        keys={"_segmentUserId": _k("segmentUserId", ids=("PROFILE", "UNIQUE"))},
    ),
    _template(
        "Shopify-Customer",
        "Shopify",
        "Customer",
        allow_profile_creation=True,
        fields=_SHOPIFY_CUSTOMER_FIELDS,
        keys={"_shopifyCustomerId": _k("shopifyCustomerId", ids=("PROFILE", "UNIQUE"))},
    ),
    _template(
        "Shopify-DraftOrder",
        "Shopify",
        "DraftOrder",
        allow_profile_creation=True,
        fields=_SHOPIFY_ORDER_FIELDS,
        keys=_SHOPIFY_ORDER_KEYS,
    ),
    _template(
        "Shopify-Order",
        "Shopify",
        "Order",
        allow_profile_creation=True,
        fields=_SHOPIFY_ORDER_FIELDS,
        keys=_SHOPIFY_ORDER_KEYS,
    ),
    _template(
        "WebAnalytics-Clickstream",
        "WebAnalytics",
        "Clickstream",
        allow_profile_creation=True,
        fields=_CLICKSTREAM_FIELDS,
        keys={
            "clickstreamEventId": _k("eventId", ids=("UNIQUE",)),
            "clickstreamUserId": _k("userId", ids=("PROFILE",)),
        },
    ),
]

#: TemplateId -> GetProfileObjectTypeTemplate members. [A] approximated contents.
TEMPLATES: dict[str, dict[str, Any]] = {t["TemplateId"]: t for t in _ALL}

# D109 ("Customer Profiles data limits", default limits for standard object types):
# WebAnalytics-Clickstream has a default per-profile limit of 100 objects in all domains.
# [A] (A115) _webAnalytics has 250 for domains created after 2026-09-01, but standard
# records do not count towards the emulator's per-profile total, so it is not applied.
TEMPLATES["WebAnalytics-Clickstream"]["DefaultMaxProfileObjectCount"] = 100


def templates_of(settings: Any) -> Mapping[str, dict[str, Any]]:
    """The templates a backend knows: the built-in ones and those it registered.

    ``settings`` is the backend's :class:`~._registry.Settings`; a registered template
    replaces a built-in one of the same id.
    """
    registered: dict[str, dict[str, Any]] = getattr(settings, "templates", None) or {}
    return ChainMap(registered, TEMPLATES) if registered else TEMPLATES


def default_max_count(template: Mapping[str, Any] | None, domain_created_at: float) -> int | None:
    """A template's DefaultMaxProfileObjectCount as it applies to a domain (D109).

    The default applies only to domains created strictly after
    ``DefaultMaxProfileObjectCountEffectiveAfter`` when the template has one; domains
    created on or before that instant keep their behaviour.
    """
    if not template:
        return None
    default = template.get("DefaultMaxProfileObjectCount")
    if default is None:
        return None
    after = template.get("DefaultMaxProfileObjectCountEffectiveAfter")
    if after is not None and not domain_created_at > after:
        return None
    return int(default)


def is_store_only(definition: Mapping[str, Any], templates: Mapping[str, Any]) -> bool:
    """Whether an object type was created from a store-only template (B: StoreOnly)."""
    template = templates.get(definition.get("TemplateId") or "")
    return bool(template and template.get("StoreOnly"))


#: How a template's keys look profiles up when it differs from the generic rule
#: (spec 7.1 step 4), per TemplateId and key name: ``"stored"`` matches only values
#: stored on profiles by ingestion or AddProfileKey (never the keys derived from a
#: profile's own fields); ``"unique"`` rejects the object when the key matches several
#: profiles instead of discarding the key. Applies to implicit types and to types
#: created with that TemplateId.
LOOKUP_RULES: dict[str, dict[str, str]] = {
    "CTR": {"_phone": "stored"},  # D407: no phone match on a CreateProfile profile [A]
    "CTR-NoInferred": {"_phone": "unique"},  # D407: "the request will be rejected"
}


def _shopify_status_code(order_status_url: str) -> str:
    return "ACTIVATED" if order_status_url else "DRAFT"


#: (TemplateId, field name) -> function of the field's extracted value giving the value
#: ingestion uses instead. Stands in for the Handlebars block helpers of the real
#: templates [A]; applies to implicit types and to types created with that TemplateId.
DERIVED_FIELDS: dict[tuple[str, str], Callable[[str], str]] = {
    ("Shopify-DraftOrder", "statusCode"): _shopify_status_code,
    ("Shopify-Order", "statusCode"): _shopify_status_code,
}
