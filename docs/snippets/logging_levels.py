import logging

from customer_profiles_sdk import CustomerProfiles

# botocore prints whole request and response bodies at DEBUG: keep it above that.
logging.getLogger("botocore").setLevel(logging.INFO)

# The SDK's own logger never carries personal data, at any level.
logging.getLogger("customer_profiles_sdk").setLevel(logging.DEBUG)

cp = CustomerProfiles.local()
domain = cp.domains.create("logging-demo", default_expiration_days=30)
assert not logging.getLogger("botocore.endpoint").isEnabledFor(logging.DEBUG)
