"""Suite-wide settings: no AWS environment.

The suite runs the production converter, as users get it (``CUSTOMER_PROFILES_SDK_STRICT``
unset); tests/test_models.py and tests/test_convert.py run the strict one side by side.
"""

from __future__ import annotations

import os

os.environ.pop("CUSTOMER_PROFILES_SDK_STRICT", None)
# Never pick up a developer's real AWS settings.
os.environ["AWS_ACCESS_KEY_ID"] = "testing"
os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"
os.environ["AWS_DEFAULT_REGION"] = "us-east-1"
for _name in ("AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL"):
    os.environ.pop(_name, None)
os.environ["AWS_CONFIG_FILE"] = os.devnull
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull

# tests/typing holds files for mypy (run by tests/test_typing.py), not test modules.
collect_ignore_glob = ["typing/*"]
