"""Developer tools of customer-profiles-sdk (not part of the installed package)."""
