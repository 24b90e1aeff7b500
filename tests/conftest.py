"""Suite-wide settings: the strict (detailed-validation) converter, no AWS environment."""

from __future__ import annotations

import os

# Before any SDK import: tests use cattrs' detailed validation (see _convert.py).
os.environ.setdefault("CUSTOMER_PROFILES_SDK_STRICT", "1")
# Never pick up a developer's real AWS settings.
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ["AWS_CONFIG_FILE"] = os.devnull
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
