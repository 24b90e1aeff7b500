"""Notebooks: tables in Jupyter, plain dicts and pandas DataFrames."""

from customer_profiles_sdk import Address, CustomerProfiles, Profile

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)
for first, city in (("Ana", "Seattle"), ("Bo", "Oslo"), ("Chen", "Lyon")):
    domain.profiles.create(
        Profile(first_name=first, email_address=f"{first.lower()}@example.com",
                address=Address(city=city), attributes={"tier": "gold"})
    )  # fmt: skip

profiles = domain.profiles.search(keys={"_email": ["ana@example.com", "bo@example.com"]})

# A DataFrame, nested members flattened into columns (needs pandas: the [pandas] extra).
df = profiles.to_pandas()
assert sorted(df["first_name"]) == ["Ana", "Bo"]
assert sorted(df["address.city"]) == ["Oslo", "Seattle"]
assert set(df["attributes.tier"]) == {"gold"}

# Cap what is fetched from a large result.
assert len(cp.domains.list().to_pandas(max_items=1)) == 1

# A model as a plain dict (personal data included: you asked for it).
ana = domain.profiles.search("_email", ["ana@example.com"]).first()
assert ana.to_dict()["address"]["city"] == "Seattle"

# What Jupyter shows when a cell ends with a model or a Paged: an HTML table.
assert "Seattle" in ana._repr_html_()
assert "<table" in profiles._repr_html_()  # the first page only, at most 10 rows
assert "Seattle" not in repr(ana)  # repr() stays masked
