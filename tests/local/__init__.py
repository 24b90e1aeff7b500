"""Tests of the embedded emulator (customer_profiles_sdk.local)."""
