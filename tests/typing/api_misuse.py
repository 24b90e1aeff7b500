"""Mistakes the type checker must catch (each line with an ``E`` comment is an error).

``tests/test_typing.py`` runs ``mypy --strict`` on this file and expects an error on
exactly the marked lines: the API's annotations are precise enough to catch them.
"""

from __future__ import annotations

from customer_profiles_sdk import CustomerProfiles, Paged, Profile
from customer_profiles_sdk.segments import all_of, profile

cp = CustomerProfiles.local()
domain = cp.domain("typing")
pid: int = domain.profiles.create(Profile(first_name="Ana"))  # E: create returns a str
domain.profiles.search("_email", ["a@example.com"], match="some")  # E: match is Literal
found: Paged[str] = domain.profiles.search("_email", ["a@example.com"])  # E: Paged[Profile]
domain.profiles.get(123)  # E: a profile id is a str
cp.domains.create("d")  # E: default_expiration_days is required
cp.domains.create("d", 30)  # E: options are keyword-only
Profile(first_name=1)  # E: first_name is a str
domain.segments.create("s", groups=all_of())  # E: display_name is required
profile.first_name.is_(42)  # E: text values are strings
profile.birth_date.between(1990, 2000)  # E: dates, not numbers
domain.segments.estimate(profile.first_name.is_("A"))  # E: a condition is not a group
domain.upload_jobs.create("x.csv", fields={"Id": 1}, unique_key="Id")  # E: a field, not an int
domain.upload_jobs.create("x.csv", {"Id": "_profile.AccountNumber"}, "Id")  # E: keyword-only
domain.recommenders.create("r", recipe="popular-items", config=7)  # E: a RecommenderConfig
domain.workflows.wait("w", 60)  # E: timeout is keyword-only
domain.event_triggers.create("t", object_type_name="O", conditions="amount > 100")  # E: not a str
domain.event_streams.create("s", "arn:aws:kinesis:us-east-1:1:stream/s")  # E: uri is keyword-only
