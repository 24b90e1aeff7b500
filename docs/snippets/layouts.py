"""Domain layouts: Profile Explorer views, stored as JSON."""

import json

from customer_profiles_sdk import CustomerProfiles

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)

view = {
    "Id": "root",
    "Type": "BoardItem",
    "Props": {"Title": "Customer"},
    "Children": [
        {"Id": "name", "Type": "KeyValuePair", "Props": {"Value": "{{Customer.FirstName}}"}}
    ],
}
layout = domain.layouts.create(
    "agent-view", display_name="Agent view", description="What agents see", layout=view
)
assert (layout.version, layout.is_default) == ("1", False)
assert json.loads(layout.layout) == view  # the service keeps the JSON text

# Every update makes a new version; one layout of the domain is the default.
view["Props"]["Title"] = "Our customer"
updated = domain.layouts.update("agent-view", layout=view, is_default=True)
assert (updated.version, updated.is_default) == ("2", True)
assert updated.created_at == layout.created_at

summaries = domain.layouts.list().to_list()  # no layout text, no version in the list
assert [(s.layout_definition_name, s.is_default) for s in summaries] == [("agent-view", True)]
assert domain.layouts.delete("agent-view") is True
