"""A griffe extension for the API reference of the generated models.

Each generated model class names its botocore shape (``__wire_shape__``) and each field
its wire member (``metadata={"wire": ...}``). At docs-build time this extension reads
the **installed** botocore service model (as boto3's own reference does) and gives
every model a table of its fields: name, wire name, type and meaning. The meaning is a
curated field docstring when ``tools/codegen/overrides.py`` gives one, else the service
model's documentation of the member, turned from HTML into Markdown. A generated class
whose docstring is only the generated "used by" line also gets the shape's own
documentation. AWS's text is therefore shown in the site, never copied into the
repository.

The fields are shown in that table rather than as one heading each (242 models have
some 900 fields).
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

import botocore.session
import griffe

_GENERATED = "customer_profiles_sdk.models._generated."
_WIRE = re.compile(r"""["']wire["']\s*:\s*["'](?P<wire>\w+)["']""")
_SENSITIVE = re.compile(r"""["']sensitive["']\s*:\s*True""")
_SECTION = re.compile(r"^(Example|Examples|Attributes|Note|Notes):\s*$", re.MULTILINE)


@functools.cache
def _model() -> Any:
    return botocore.session.get_session().get_service_model("customer-profiles")


def html_to_markdown(text: str) -> str:
    """botocore's HTML documentation as one line of Markdown (fit for a table cell)."""
    text = re.sub(r"<code>(.*?)</code>", lambda m: f"`{m.group(1).strip()}`", text, flags=re.S)
    text = re.sub(
        r'<a\s+href="(?P<href>[^"]+)"[^>]*>(?P<text>.*?)</a>',
        lambda m: f"[{m.group('text').strip()}]({m.group('href')})",
        text,
        flags=re.S,
    )
    text = re.sub(r"<(b|strong)>(.*?)</\1>", r"**\2**", text, flags=re.S)
    text = re.sub(r"<(i|em)>(.*?)</\1>", r"*\2*", text, flags=re.S)
    text = re.sub(r"<li>", " • ", text)
    text = re.sub(r"</p>\s*<p>", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.replace("|", "\\|")


def _cell(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().replace("|", "\\|")


class ServiceDocs(griffe.Extension):
    """Give every generated model a field table with the service model's descriptions."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        if not cls.path.startswith(_GENERATED):
            return
        shape_attr = cls.members.get("__wire_shape__")
        if shape_attr is None:
            return
        shape_name = str(shape_attr.value).strip("'\"")
        shape = _model().shape_for(shape_name)
        rows = ["| Field | Wire name | Type | Description |", "|---|---|---|---|"]
        for name, member in list(cls.members.items()):
            if not isinstance(member, griffe.Attribute) or name.startswith("_"):
                continue
            value = str(member.value or "")
            found = _WIRE.search(value)
            if found is None:
                continue
            wire = found.group("wire")
            if member.docstring is not None:
                meaning = _cell(member.docstring.value)
            elif wire in shape.members:
                meaning = html_to_markdown(shape.members[wire].documentation or "")
            else:  # pragma: no cover - a member an older botocore does not know
                meaning = ""
            required = "" if "default=" in value or "factory=" in value else " (required)"
            if _SENSITIVE.search(value):
                meaning += " *Personal data: masked in `repr()`.*"
            kind = str(member.annotation) if member.annotation is not None else ""
            kind = html.escape(re.sub(r"\s+", " ", kind)).replace("|", "&#124;")
            rows.append(
                f"| `{name}`{required} | `{wire}` | <code>{kind}</code> | {meaning.strip()} |"
            )
            cls.del_member(name)
        docstring = cls.docstring.value if cls.docstring is not None else ""
        shape_doc = html_to_markdown(shape.documentation or "")
        if shape_doc and docstring.startswith(f"The ``{shape_name}`` structure"):
            docstring = f"{shape_doc}\n\n{docstring}"
        table = (
            "**Fields** (keyword arguments; `extra` keeps the members a newer service "
            "returns that this SDK version does not know):\n\n" + "\n".join(rows)
        )
        # Before the first section (``Example:``...), so that the table is main text.
        section = _SECTION.search(docstring)
        at = section.start() if section else len(docstring)
        docstring = f"{docstring[:at].rstrip()}\n\n{table}\n\n{docstring[at:]}".strip()
        cls.docstring = griffe.Docstring(docstring, parent=cls)
