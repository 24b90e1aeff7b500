"""The model generator: ``python -m tools.codegen`` regenerates
``customer_profiles_sdk/models/_generated/`` from the installed botocore's service model.

* ``capabilities.py``: which capability (generated module) each operation belongs to;
* ``overrides.py``: curated public names, docstrings and field rules;
* ``generate.py``: the generator itself.

``python -m tools.codegen --check`` exits with status 1 (and names the files) when the
committed models differ from what the installed botocore would generate.
"""
