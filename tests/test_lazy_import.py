"""``import customer_profiles_sdk`` loads nothing heavy: the models, resources, notebook
helpers and YAML load on first use, and every public name is still there (issue 16)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import customer_profiles_sdk
from customer_profiles_sdk import _lazy, models


def _fresh(code: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; it prints one JSON value as its last line."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    value: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return value


_LOADED = """
    import json, sys
    {setup}
    heavy = ("customer_profiles_sdk.models._generated.", "customer_profiles_sdk.resources",
             "customer_profiles_sdk._display", "customer_profiles_sdk._bulk",
             "customer_profiles_sdk._convert", "customer_profiles_sdk.domain_spec",
             "customer_profiles_sdk._upload", "customer_profiles_sdk._polling",
             "customer_profiles_sdk.paging", "cattrs", "yaml", "pandas", "tenacity", "tqdm",
             "sortedcontainers")
    print(json.dumps({{"loaded": sorted(m for m in sys.modules if m.startswith(heavy))}}))
"""


def test_import_and_a_first_client_load_no_model_resource_or_helper_module() -> None:
    setup = (
        "from customer_profiles_sdk import CustomerProfiles\n"
        "    CustomerProfiles(region_name='us-east-1')"
    )
    assert _fresh(_LOADED.format(setup=setup)) == {"loaded": []}


def test_reading_a_model_loads_its_capability_module_and_what_it_builds_on_only() -> None:
    setup = "import customer_profiles_sdk as sdk\n    sdk.Profile"
    loaded = _fresh(_LOADED.format(setup=setup))["loaded"]
    assert isinstance(loaded, list)
    assert "customer_profiles_sdk.models._generated.profiles" in loaded
    assert "customer_profiles_sdk.models._generated.segments" not in loaded
    assert "customer_profiles_sdk.resources" not in loaded


def test_a_resource_is_loaded_by_the_first_handle_on_it() -> None:
    setup = (
        "from customer_profiles_sdk import CustomerProfiles\n"
        "    CustomerProfiles(region_name='us-east-1').domain('d')"
    )
    loaded = _fresh(_LOADED.format(setup=setup))["loaded"]
    assert isinstance(loaded, list)
    assert "customer_profiles_sdk.resources.domains" in loaded


def test_every_public_name_resolves_and_dir_lists_it() -> None:
    names = set(dir(customer_profiles_sdk))
    for name in customer_profiles_sdk.__all__:
        assert name in names
        assert getattr(customer_profiles_sdk, name) is not None
    for name in models.__all__:
        assert getattr(models, name) is getattr(customer_profiles_sdk, name)
    assert customer_profiles_sdk.Profile.__module__ == (
        "customer_profiles_sdk.models._generated.profiles"
    )


def test_a_star_import_gives_every_model() -> None:
    namespace: dict[str, object] = {}
    exec("from customer_profiles_sdk.models import *", namespace)
    assert set(models.__all__) <= set(namespace)


def test_an_unknown_name_is_an_attribute_error_naming_the_package() -> None:
    with pytest.raises(AttributeError, match="'customer_profiles_sdk' has no attribute 'Profil'"):
        customer_profiles_sdk.Profil  # noqa: B018
    with pytest.raises(ImportError):
        exec("from customer_profiles_sdk.models import NoSuchModel", {})


def test_a_loaded_name_is_kept_so_later_reads_are_plain_attribute_reads() -> None:
    namespace: dict[str, object] = {}
    get, listing = _lazy.attach("json", namespace, {"JSONDecodeError": ".decoder"}, ["x"])
    assert "JSONDecodeError" in listing()
    assert "x" in listing()
    assert get("JSONDecodeError") is json.JSONDecodeError
    assert namespace == {"JSONDecodeError": json.JSONDecodeError}
