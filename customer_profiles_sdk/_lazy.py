"""Names of a package loaded on first use (PEP 562).

``import customer_profiles_sdk`` stays about as cheap as ``import boto3``: the 240-odd
model classes, the resource classes and the notebook helpers are imported the first
time one of their names is read, not at import. A package lists where each lazy name
lives and installs the module-level ``__getattr__``/``__dir__`` this module builds; type
checkers and IDEs see the same names through ``if TYPE_CHECKING:`` imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def attach(
    package: str, namespace: dict[str, Any], where: Mapping[str, str], public: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for the package ``package`` whose globals are
    ``namespace``: a name of ``where`` is read from the module ``where[name]`` (relative
    to ``package``) on first use and then kept in ``namespace``, so later reads are plain
    attribute reads.

    Example:
        >>> from customer_profiles_sdk import _lazy
        >>> ns: dict = {}
        >>> get, _ = _lazy.attach("json", ns, {"JSONDecodeError": ".decoder"}, [])
        >>> get("JSONDecodeError").__name__
        'JSONDecodeError'
        >>> "JSONDecodeError" in ns
        True
    """
    names = sorted(set(public) | set(where))

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(set(namespace) | set(names))

    return getattr_, dir_
