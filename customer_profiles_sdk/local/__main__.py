"""``python -m customer_profiles_sdk.local serve ...``: run the emulator's HTTP server."""

from __future__ import annotations

import sys

from ._server import main

if __name__ == "__main__":
    sys.exit(main())
