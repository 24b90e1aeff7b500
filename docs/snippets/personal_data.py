"""Personal data is masked in repr(); show_personal_data() shows it for local work."""

from customer_profiles_sdk import Conditions, Profile, Threshold, show_personal_data

ana = Profile(first_name="Ana", email_address="ana@example.com")
assert "ana@example.com" not in repr(ana)  # masked: reprs end up in logs

# A model the service marks sensitive masks its values even when shown on its own.
rule = Conditions(threshold=Threshold(value="100", operator="GREATER_THAN"))
assert "100" not in repr(rule)

with show_personal_data():  # local work on test data only
    assert "ana@example.com" in repr(ana)
assert "ana@example.com" not in repr(ana)  # masked again on exit
