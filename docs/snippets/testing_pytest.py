"""The pytest plugin's fixtures (installed with the package: nothing to import or
register). Run with ``pytest``; the docs tests run this file as a pytest session."""

import boto3

from customer_profiles_sdk.local import Clock


def tag_vip(domain: str, profile_id: str) -> None:
    """Application code under test: it calls boto3 itself."""
    client = boto3.client("customer-profiles", region_name="eu-west-2")
    client.update_profile(DomainName=domain, ProfileId=profile_id, Attributes={"tier": "vip"})


def test_tag_vip_sets_the_attribute(customer_profiles_backend):
    from customer_profiles_sdk import CustomerProfiles

    cp = CustomerProfiles.local(backend=customer_profiles_backend, region_name="eu-west-2")
    domain = cp.domains.create("shop", default_expiration_days=30)
    pid = domain.profiles.create({"first_name": "Ana"})
    tag_vip("shop", pid)  # the app's own boto3 client, answered by the same backend
    assert domain.profiles.get(pid).attributes == {"tier": "vip"}


def test_profiles_expire_on_the_emulated_clock(customer_profiles, customer_profiles_backend):
    clock: Clock = customer_profiles_backend.clock
    domain = customer_profiles.domains.create("shop", default_expiration_days=1)
    pid = domain.profiles.create({"first_name": "Ana"})
    clock.advance(days=2)  # no sleeping: the emulated clock moves
    assert not domain.profiles.exists(pid)
