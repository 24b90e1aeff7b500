"""Contact center: find (or create) the caller's profile when a call comes in.

A contact-center backend calls :func:`find_or_create_caller` with the caller's number
(and, when the IVR or the agent collected them, an email and a name) and gets one
profile to show the agent:

1. a profile holding the number (key ``_phone``) is the caller;
2. otherwise a profile holding the email (key ``_email``) is, and the number is added
   to it as a ``_phone`` key so that the next call finds it directly;
3. otherwise a new profile is created.

Phone numbers and emails are compared normalised by the service, so ``+1 (206)
555-0100`` finds a profile stored as ``+12065550100``.

By default the demo runs against the embedded emulator (no AWS account, no network)::

    python examples/contact_center.py
"""

from __future__ import annotations

import logging
import sys

from customer_profiles_sdk import CustomerProfiles, Profile, RetryPolicy
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.resources import Domain

log = logging.getLogger("contact_center")

#: A call is waiting: bound every Customer Profiles call (retries and back-off included)
#: to a couple of seconds rather than the SDK's default of 5 attempts without a deadline.
CALL_PATH_RETRY = RetryPolicy(max_attempts=4, initial_wait=0.05, max_wait=0.5, deadline=2.0)


def find_or_create_caller(
    domain: Domain, phone: str, *, email: str | None = None, name: str | None = None
) -> Profile:
    """The profile of the person calling from ``phone``, created when there is none.

    Looks the caller up by ``_phone``, then by ``_email``; when found by email only, the
    number is attached to that profile (``AddProfileKey``, key ``_phone``). When nobody
    matches, a profile is created from ``phone``, ``email`` and ``name`` ("First Last":
    the first word is the first name, the rest the last name). When several profiles
    match, the first one the service returns is used: duplicates are the job of
    identity resolution (``domain.matches``), not of the call path.

    Throttling is handled by the SDK: a ``ThrottlingException`` is retried with
    jittered exponential back-off according to the client's :class:`RetryPolicy` (see
    :data:`CALL_PATH_RETRY` for a policy bounded by a deadline). Only when the policy is
    exhausted does :class:`~customer_profiles_sdk.ThrottlingError` reach the caller,
    who should then route the call without a profile rather than fail it.

    Args:
        domain: the Customer Profiles domain of the contact center.
        phone: the caller's number, in any usual format.
        email: the caller's email, if known.
        name: the caller's full name, if known (used only to create a profile).

    Returns:
        The caller's profile, as stored by the service (``profile_id`` set).

    Raises:
        ValidationError: a value breaks the API's constraints (nothing sent).
        ThrottlingError: still throttled after the retry policy gave up.
        ServiceError: any other error answered by the service.
    """
    by_phone = domain.profiles.search("_phone", [phone]).first()
    if by_phone is not None:
        log.info("found profile %s by phone", by_phone.profile_id)
        return by_phone

    if email is not None:
        by_email = domain.profiles.search("_email", [email]).first()
        if by_email is not None and by_email.profile_id is not None:
            domain.profiles.add_key(by_email.profile_id, "_phone", [phone])
            log.info("found profile %s by email; added the phone key", by_email.profile_id)
            return by_email

    first_name, _, last_name = (name or "").strip().partition(" ")
    profile_id = domain.profiles.create(
        Profile(
            phone_number=phone,
            email_address=email,
            first_name=first_name or None,
            last_name=last_name.strip() or None,
        )
    )
    log.info("created profile %s", profile_id)
    return domain.profiles.get(profile_id)


def main() -> int:
    """Answer a few calls against the embedded emulator and print what happened."""
    logging.basicConfig(stream=sys.stdout, level=logging.WARNING, format="   log: %(message)s")
    log.setLevel(logging.INFO)

    backend = LocalBackend()  # kept to inject a fault below
    cp = CustomerProfiles.local(backend=backend, retry=CALL_PATH_RETRY)
    domain = cp.domains.create("contact-center-demo", default_expiration_days=365)
    # A customer known from the web shop: email only, no phone number yet.
    domain.profiles.create(
        Profile(first_name="Ana", last_name="Silva", email_address="ana@example.com")
    )

    print("1. Ana calls for the first time; the IVR asks for her email")
    ana = find_or_create_caller(domain, "+1 (206) 555-0100", email="ANA@example.com")
    print(f"   -> {ana.first_name} {ana.last_name}, profile {ana.profile_id}")

    print("2. Ana calls again from the same number, written differently")
    again = find_or_create_caller(domain, "+12065550100")
    print(f"   -> same profile: {again.profile_id == ana.profile_id}")

    print("3. a new caller, Li Wei")
    li = find_or_create_caller(domain, "+1 206 555 0199", name="Li Wei")
    print(f"   -> {li.first_name} {li.last_name}, new profile {li.profile_id}")

    print("4. the service throttles the next two searches; the SDK retries them")
    backend.faults.fail_next("SearchProfiles", times=2, code="ThrottlingException")
    retried = find_or_create_caller(domain, "+1 206 555 0199")
    throttled = sum(1 for c in backend.calls if c.error_code == "ThrottlingException")
    print(f"   -> same profile: {retried.profile_id == li.profile_id}, after {throttled} retries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
