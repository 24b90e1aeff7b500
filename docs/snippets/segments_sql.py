"""SQL ("enhanced") segments: on a domain with a data store; membership from a snapshot."""

from customer_profiles_sdk import BadRequestError, CustomerProfiles
from customer_profiles_sdk.local import LocalBackend

# The emulator evaluates SQL only when asked to, on its own documented table schema
# (AWS does not publish one): sql_segments="sqlite".
cp = CustomerProfiles.local(backend=LocalBackend(sql_segments="sqlite"))
domain = cp.domains.create("lake", default_expiration_days=365, data_store={"enabled": True})
ids = [domain.profiles.create({"address": {"city": city}}) for city in ("Seattle", "Boston")]

query = "SELECT ProfileId FROM _profile WHERE Address.City = 'Seattle'"
assert domain.segments.estimate(sql=query).wait().count == 1
seattle = domain.segments.create("seattle_sql", display_name="Seattle (SQL)", sql=query)
assert seattle.segment_type == "ENHANCED"

# Membership of a SQL segment is answered from its last completed snapshot.
try:
    domain.segments.membership("seattle_sql", ids)
except BadRequestError as err:
    print("no snapshot yet:", err.message)
else:
    raise AssertionError("expected a BadRequestError")
domain.segments.snapshot("seattle_sql", data_format="CSV", destination_uri="s3://lake").wait()
assert domain.segments.membership("seattle_sql", ids).member_ids == ids[:1]

# A query the service cannot run is refused by the call (a failure while running would
# make the job FAILED instead: .wait() raises JobFailedError).
try:
    domain.segments.estimate(sql="SELECT ProfileId FROM _profile WHERE nope = 1")
except BadRequestError as err:
    print("refused:", err.message)
else:
    raise AssertionError("expected a BadRequestError")
