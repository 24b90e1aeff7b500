"""A griffe extension for the API reference: reads the SDK's docstrings as written.

The docstrings follow Google style with two habits the Google parser of griffe does
not read as intended:

* ``Example:`` (singular) opens the doctest examples; griffe only knows ``Examples:``
  and would render the ``>>>`` lines as Markdown text (where ``['a']`` looks like a
  link reference);
* a few Sphinx roles (``:class:`Paged```) and literal-block markers (``::``,
  ``.. code-block:: yaml``) that Markdown does not understand.

This extension rewrites them on the fly; the source stays unchanged.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^(?P<indent>[ \t]*)Example:[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r":(?:class|meth|func|attr|mod|exc|data|obj|const):`(?P<target>[^`]+)`")
_CODE_BLOCK = re.compile(r"^[ \t]*\.\. code-block::.*$", re.MULTILINE)
_LITERAL_MARKER = re.compile(r"(?<=\S)::[ \t]*$", re.MULTILINE)
_LONE_MARKER = re.compile(r"^[ \t]*::[ \t]*$", re.MULTILINE)


def _role(match: re.Match[str]) -> str:
    target = match.group("target")
    titled = re.fullmatch(r"(?P<title>.+?)\s*<[^>]+>", target)
    if titled:
        return f"`{titled.group('title')}`"
    if target.startswith("~"):
        target = target[1:].rsplit(".", 1)[-1]
    return f"`{target}`"


def to_markdown(text: str) -> str:
    """``text`` (a docstring) with the habits above rewritten for griffe and Markdown."""
    text = _EXAMPLE.sub(r"\g<indent>Examples:", text)
    text = _ROLE.sub(_role, text)
    text = _CODE_BLOCK.sub("", text)
    text = _LONE_MARKER.sub("", text)
    return _LITERAL_MARKER.sub(":", text)


class RestToMarkdown(griffe.Extension):
    """Rewrite each docstring once its object is loaded."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)
