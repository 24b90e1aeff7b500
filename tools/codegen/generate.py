"""The generator: botocore's ``customer-profiles`` service model -> attrs models.

It writes ``customer_profiles_sdk/models/``'s generated files: ``_generated/``, one
module per capability (``capabilities.py``) and ``_manifest.py``, the record of what it
ran on (the botocore version, every operation, and which model class stands for which
shape); and ``models/__init__.py``, which re-exports every public name (a literal
``__all__`` and ``TYPE_CHECKING`` imports, so type checkers and the docs see them; at run
time each name is imported from its module on first use, see ``_lazy.py``). The
hand-written ``_base.py`` and ``_mixins.py`` beside them are not touched.

What it generates, for every structure that any operation of the model uses (nested
request structures and every response; top-level request shapes are the resource
methods' parameters, so they get no class unless ``overrides.py`` curates one):

* an ``@model`` class (frozen, keyword-only attrs) named after the shape, or after its
  curated name (``overrides.py``), with a ``__wire_shape__`` naming the shape;
* one field per member: the snake_case name botocore's own ``xform_name`` gives, the
  wire name in the field's metadata (``metadata={"wire": "EmailAddress"}``), typed from
  the model, ``None`` when absent (a curated list or map may default to empty), and
  ``"sensitive": True`` in the metadata when the member holds personal data (its shape,
  or one inside it, is marked ``sensitive``, or the whole structure is only ever reached
  through a sensitive shape); required members are required arguments;
* an ``extra`` field keeping members that a newer service version returns;
* open enums (``class Statistic(str, Enum)``), fields typed ``Statistic | str``.

The field metadata is all the converter needs at run time (no service model is loaded
to convert), and the docs build reads the members' descriptions from the installed
botocore model (``docs/_griffe/service_docs.py``), so AWS's text is not copied here.

The output is formatted with the installed ``ruff`` (import order and ``ruff format``)
using the project's configuration, so it is committed as generated.
"""

from __future__ import annotations

import builtins
import keyword
import re
import subprocess
import sys
import textwrap
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import botocore
import botocore.session
from botocore import xform_name
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StringShape, StructureShape

from .capabilities import CAPABILITIES
from .overrides import ENUMS, STRUCTURES, Curated

SERVICE = "customer-profiles"
ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "customer_profiles_sdk" / "models"
#: The files the generator owns under OUTPUT (everything else there is hand-written).
OWNED = ("__init__.py", "_generated/*.py")
PYPROJECT = ROOT / "pyproject.toml"

#: Names the package root exports besides the models: a model may not take one.
RESERVED = frozenset(
    {
        "AccessDeniedError",
        "BadRequestError",
        "ConnectionError",
        "CustomerProfiles",
        "CustomerProfilesError",
        "Extra",
        "InternalServerError",
        "Page",
        "Paged",
        "ResourceNotFoundError",
        "RetryPolicy",
        "ServiceError",
        "ThrottlingError",
        "ValidationError",
    }
)

_SCALARS = {
    "string": "str",
    "integer": "int",
    "long": "int",
    "double": "float",
    "float": "float",
    "boolean": "bool",
    "timestamp": "datetime",
    "blob": "bytes",
}

HEADER = '''"""{title}

Generated from botocore {version}'s ``customer-profiles`` model by ``python -m tools.codegen``.
Do not edit: change ``tools/codegen/overrides.py`` (or the generator) and regenerate.
"""
'''


class GenerationError(Exception):
    """The model and the overrides do not fit together; the message says how."""


# --------------------------------------------------------------------------- the plan


@dataclass
class EnumPlan:
    """One enum class to write."""

    name: str
    shapes: list[str]
    values: list[str]
    doc: str
    module: str = ""


@dataclass
class FieldPlan:
    """One field of a model class."""

    name: str
    wire: str
    annotation: str
    default: str | None  # None: a required field; else the attrs.field default argument
    sensitive: bool
    doc: str | None


@dataclass
class ClassPlan:
    """One model class to write."""

    name: str
    shape: str
    shapes: list[str]
    doc: str
    fields: list[FieldPlan] = field(default_factory=list)
    mixin: str | None = None
    module: str = ""
    uses: set[str] = field(default_factory=set)  # names of other generated classes/enums


@dataclass
class Plan:
    """Everything the generator writes."""

    version: str
    operations: list[str]
    classes: dict[str, ClassPlan]  # public name -> plan
    enums: dict[str, EnumPlan]
    class_of_shape: dict[str, str]
    enum_of_shape: dict[str, str]


def load_model() -> ServiceModel:
    """The installed botocore's service model."""
    return botocore.session.get_session().get_service_model(SERVICE)


def _children(shape: Shape) -> Iterator[Shape]:
    if isinstance(shape, StructureShape):
        yield from shape.members.values()
    elif isinstance(shape, ListShape):
        yield shape.member
    elif isinstance(shape, MapShape):
        yield shape.key
        yield shape.value


def _is_sensitive(shape: Shape) -> bool:
    return bool(shape.metadata.get("sensitive"))


def _walk(
    shape: Shape,
    inherited: bool,
    usage: dict[str, set[str]],
    sensitive_context: set[str],
    enums: set[str],
    seen: set[tuple[str, bool]],
    operation: str,
) -> None:
    """Record every structure and enum below ``shape`` (included), the operations using
    it, and whether it is reached through a sensitive shape."""
    inherited = inherited or _is_sensitive(shape)
    if isinstance(shape, StructureShape):
        usage[shape.name].add(operation)
        if inherited:
            sensitive_context.add(shape.name)
    elif isinstance(shape, StringShape) and shape.enum:
        usage[shape.name].add(operation)
        enums.add(shape.name)
    key = (shape.name, inherited)
    if key in seen:
        return
    seen.add(key)
    for child in _children(shape):
        _walk(child, inherited, usage, sensitive_context, enums, seen, operation)


def _capability_of_operation() -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    for index, (capability, operations) in enumerate(CAPABILITIES.items()):
        for operation in operations:
            out[operation] = (index, capability)
    return out


def _enum_member(value: str) -> str:
    """``PhoneNumber`` -> ``PHONE_NUMBER``; ``similar-items`` -> ``SIMILAR_ITEMS``."""
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", value)
    name = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").upper()
    if not name or name[0].isdigit():
        name = "V_" + name
    return name


def _class_name(shape_name: str) -> str:
    return shape_name[0].upper() + shape_name[1:]


def _field_name(wire: str, rename: Mapping[str, str]) -> str:
    name = rename.get(wire) or xform_name(wire)
    if keyword.iskeyword(name) or name == "extra":
        name += "_"
    return name


def _doc(text: str) -> str:
    """A curated docstring as written in ``overrides.py``, dedented."""
    return textwrap.dedent(text.strip("\n")).strip() if "\n" in text else text.strip()


def _usage_doc(shape: str, operations: set[str], model: ServiceModel) -> str:
    roles = []
    for operation in sorted(operations):
        op = model.operation_model(operation)
        role = "response" if op.output_shape is not None and op.output_shape.name == shape else ""
        roles.append(f"``{operation}``" + (f" ({role})" if role else ""))
    text = f"The ``{shape}`` structure, used by {', '.join(roles)}."
    return "\n".join(textwrap.wrap(text, 88))


def build_plan(model: ServiceModel | None = None) -> Plan:
    """Decide every class, enum and field from the model and the overrides.

    Raises:
        GenerationError: an operation has no capability, two shapes want one name, a
            curated class does not cover a shape it stands for, or an override names a
            shape or member the model does not have.
    """
    model = model or load_model()
    capability_of = _capability_of_operation()
    missing = [op for op in model.operation_names if op not in capability_of]
    if missing:
        raise GenerationError(
            f"operations without a capability: {', '.join(missing)} "
            "(add them to tools/codegen/capabilities.py)"
        )
    usage: dict[str, set[str]] = defaultdict(set)
    sensitive_context: set[str] = set()
    enum_shapes: set[str] = set()
    top_inputs: set[str] = set()
    for operation in model.operation_names:
        op = model.operation_model(operation)
        seen: set[tuple[str, bool]] = set()
        if op.input_shape is not None and op.input_shape.name in STRUCTURES:
            # A curated request shape gets a model too (e.g. the domain spec's entries).
            _walk(op.input_shape, False, usage, sensitive_context, enum_shapes, seen, operation)
        elif op.input_shape is not None:
            top_inputs.add(op.input_shape.name)
            for member in op.input_shape.members.values():
                _walk(member, False, usage, sensitive_context, enum_shapes, seen, operation)
        if op.output_shape is not None:
            _walk(op.output_shape, False, usage, sensitive_context, enum_shapes, seen, operation)
    for name in top_inputs & set(usage):  # pragma: no cover - the model has none today
        raise GenerationError(f"{name} is a top-level request shape and a nested structure")

    def capability(shape_names: list[str]) -> str:
        ops = set().union(*(usage[s] for s in shape_names if s in usage))
        return min(capability_of[op] for op in ops)[1]

    # ---- enums
    enums: dict[str, EnumPlan] = {}
    enum_of_shape: dict[str, str] = {}
    for shape_name, curated_enum in ENUMS.items():
        shapes = [shape_name, *curated_enum.also]
        for name in shapes:
            if name not in enum_shapes:
                raise GenerationError(f"overrides.ENUMS: {name} is not an enum shape in use")
        _add_enum(enums, enum_of_shape, curated_enum.name, shapes, model, _doc(curated_enum.doc))
    for shape_name in sorted(enum_shapes - set(enum_of_shape)):
        doc = f"``{shape_name}``, an open enum: a value this SDK does not know stays a ``str``."
        _add_enum(enums, enum_of_shape, _class_name(shape_name), [shape_name], model, doc)

    # ---- structure names
    class_of_shape: dict[str, str] = {}
    curated_of: dict[str, Curated] = {}
    for shape_name, curated in STRUCTURES.items():
        for name in (shape_name, *curated.also):
            if name not in usage or name in enum_shapes:
                raise GenerationError(f"overrides.STRUCTURES: {name} is not a structure in use")
            if name in class_of_shape:
                raise GenerationError(f"overrides.STRUCTURES: {name} is curated twice")
            class_of_shape[name] = curated.name
        curated_of[curated.name] = curated
    for shape_name in sorted(set(usage) - enum_shapes):
        class_of_shape.setdefault(shape_name, _class_name(shape_name))
    primary: dict[str, str] = {}
    for shape_name, name in class_of_shape.items():
        if name not in curated_of and name in primary:
            raise GenerationError(f"shapes {primary[name]} and {shape_name} both make {name}")
        primary.setdefault(name, shape_name)
    for name in STRUCTURES:
        primary[STRUCTURES[name].name] = name
    taken = set(enums) | RESERVED
    for name in primary:
        if name in taken or hasattr(builtins, name):
            raise GenerationError(f"the model class name {name} is taken (enum/SDK/builtin)")

    # ---- classes
    classes: dict[str, ClassPlan] = {}
    for name, shape_name in sorted(primary.items()):
        found = curated_of.get(name)
        shapes = [shape_name, *(found.also if found else ())]
        plan = ClassPlan(
            name=name,
            shape=shape_name,
            shapes=shapes,
            doc=_doc(found.doc) if found else _usage_doc(shape_name, usage[shape_name], model),
            mixin=found.mixin if found else None,
            module=capability(shapes),
        )
        whole = any(s in sensitive_context for s in shapes)
        _plan_fields(plan, model, found, whole, class_of_shape, enum_of_shape)
        classes[name] = plan
    for enum_plan in enums.values():
        enum_plan.module = capability(enum_plan.shapes)
    for plan in classes.values():
        _check_covers(plan, model, class_of_shape, enum_of_shape, curated_of.get(plan.name))
    return Plan(
        version=str(botocore.__version__),
        operations=list(model.operation_names),
        classes=classes,
        enums=enums,
        class_of_shape=class_of_shape,
        enum_of_shape=enum_of_shape,
    )


def _add_enum(
    enums: dict[str, EnumPlan],
    enum_of_shape: dict[str, str],
    name: str,
    shapes: list[str],
    model: ServiceModel,
    doc: str,
) -> None:
    values: list[str] = []
    for shape_name in shapes:
        shape = model.shape_for(shape_name)
        assert isinstance(shape, StringShape)
        values += [v for v in shape.enum if v not in values]
        enum_of_shape[shape_name] = name
    members = [_enum_member(v) for v in values]
    if len(set(members)) != len(members):
        raise GenerationError(f"enum {name}: two values give the same member name")
    if name in enums:
        raise GenerationError(f"two enums are named {name}")
    enums[name] = EnumPlan(name=name, shapes=shapes, values=values, doc=doc)


def _chain_sensitive(shape: Shape) -> bool:
    """Whether a member's value is personal data as a whole: its shape, or a list/map
    shape below it down to the first structure or scalar, is marked sensitive."""
    if _is_sensitive(shape):
        return True
    if isinstance(shape, ListShape):
        return _chain_sensitive(shape.member)
    if isinstance(shape, MapShape):
        return _chain_sensitive(shape.key) or _chain_sensitive(shape.value)
    return False


def _annotation(
    shape: Shape,
    class_of_shape: Mapping[str, str],
    enum_of_shape: Mapping[str, str],
    uses: set[str],
) -> str:
    if isinstance(shape, StructureShape):
        uses.add(class_of_shape[shape.name])
        return class_of_shape[shape.name]
    if isinstance(shape, ListShape):
        return f"list[{_annotation(shape.member, class_of_shape, enum_of_shape, uses)}]"
    if isinstance(shape, MapShape):
        key = _annotation(shape.key, class_of_shape, enum_of_shape, uses)
        value = _annotation(shape.value, class_of_shape, enum_of_shape, uses)
        return f"dict[{key}, {value}]"
    if isinstance(shape, StringShape) and shape.enum:
        uses.add(enum_of_shape[shape.name])
        return f"{enum_of_shape[shape.name]} | str"
    if shape.type_name not in _SCALARS:  # pragma: no cover - no other type in the model
        raise GenerationError(f"{shape.name}: unsupported type {shape.type_name}")
    return _SCALARS[shape.type_name]


def _plan_fields(
    plan: ClassPlan,
    model: ServiceModel,
    curated: Curated | None,
    whole: bool,
    class_of_shape: Mapping[str, str],
    enum_of_shape: Mapping[str, str],
) -> None:
    shape = model.shape_for(plan.shape)
    assert isinstance(shape, StructureShape)
    c = curated or Curated(name=plan.name, doc="")
    members = shape.members
    for attr in ("required", "optional", "factories", "omit", "sensitive"):
        for wire in getattr(c, attr):
            if wire not in members:
                raise GenerationError(f"overrides: {plan.shape} has no member {wire} ({attr})")
    for wire in (*c.rename, *c.field_docs):
        if wire not in members:
            raise GenerationError(f"overrides: {plan.shape} has no member {wire}")
    required = (set(shape.required_members) | set(c.required)) - set(c.optional) - set(c.factories)
    names: set[str] = set()
    for wire, member in members.items():
        if wire in c.omit:
            continue
        name = _field_name(wire, c.rename)
        if name in names:
            raise GenerationError(f"{plan.shape}: two members make the field {name}")
        names.add(name)
        annotation = _annotation(member, class_of_shape, enum_of_shape, plan.uses)
        if wire in required:
            default = None
        elif wire in c.factories:
            if not isinstance(member, (ListShape, MapShape)):
                raise GenerationError(f"overrides: {plan.shape}.{wire} is not a list or map")
            default = "factory=list" if isinstance(member, ListShape) else "factory=dict"
        else:
            default = "default=None"
            annotation += " | None"
        plan.fields.append(
            FieldPlan(
                name=name,
                wire=wire,
                annotation=annotation,
                default=default,
                sensitive=whole or wire in c.sensitive or _chain_sensitive(member),
                doc=c.field_docs.get(wire),
            )
        )
    # Required fields first, each group in model order: the type checker reads the
    # models as plain ``attrs.frozen`` classes, where a required field may not follow one
    # with a default (at run time they are keyword-only anyway).
    plan.fields.sort(key=lambda f: f.default is not None)


def _check_covers(
    plan: ClassPlan,
    model: ServiceModel,
    class_of_shape: Mapping[str, str],
    enum_of_shape: Mapping[str, str],
    curated: Curated | None,
) -> None:
    """Every shape a class stands for must fit its fields (same wire names and types)."""
    fields = {f.wire: f for f in plan.fields}
    omitted = set(curated.omit) if curated else set()
    for shape_name in plan.shapes[1:]:
        shape = model.shape_for(shape_name)
        assert isinstance(shape, StructureShape)
        for wire, member in shape.members.items():
            if wire in omitted:
                continue
            if wire not in fields:
                raise GenerationError(
                    f"{plan.name} stands for {shape_name}, but has no field for {wire}"
                )
            annotation = _annotation(member, class_of_shape, enum_of_shape, set())
            if fields[wire].annotation.removesuffix(" | None") != annotation:
                raise GenerationError(
                    f"{plan.name}.{fields[wire].name}: {shape_name}.{wire} is {annotation}"
                )


# --------------------------------------------------------------------------- writing


def _docstring(text: str, indent: str) -> str:
    lines = text.splitlines()
    if len(lines) == 1 and len(indent) + len(text) + 6 <= 100:
        return f'{indent}"""{text}"""\n'
    if len(lines) == 1:
        lines = textwrap.wrap(text, 88 - len(indent))
    body = "\n".join(f"{indent}{line}" if line else "" for line in lines)
    return f'{indent}"""{body.lstrip()}\n{indent}"""\n'


def _field_source(f: FieldPlan) -> str:
    meta = f'{{"wire": "{f.wire}"' + (', "sensitive": True}' if f.sensitive else "}")
    args = ", ".join(a for a in (f.default, f"metadata={meta}") if a)
    out = f"    {f.name}: {f.annotation} = attrs.field({args})"
    if f.doc:
        out += "\n" + _docstring(f.doc, "    ").rstrip("\n")
    return out


def _module_source(module: str, plan: Plan) -> str:
    classes = sorted((c for c in plan.classes.values() if c.module == module), key=lambda c: c.name)
    enums = sorted((e for e in plan.enums.values() if e.module == module), key=lambda e: e.name)
    local = {c.name for c in classes} | {e.name for e in enums}
    imports: dict[str, set[str]] = defaultdict(set)
    for cls in classes:
        for used in cls.uses - local:
            home = plan.classes[used].module if used in plan.classes else plan.enums[used].module
            imports[home].add(used)
    needs_datetime = any("datetime" in f.annotation for c in classes for f in c.fields)
    mixins = sorted({c.mixin for c in classes if c.mixin})
    title = f"Models of the {module.replace('_', ' ')} operations."
    out = [HEADER.format(title=title, version=plan.version), "from __future__ import annotations\n"]
    if needs_datetime:
        out.append("from datetime import datetime")
    if enums:
        out.append("from enum import Enum")
    if classes:
        out += ["from typing import ClassVar", "", "import attrs", ""]
        out.append("from .._base import Extra, model")
    if mixins:
        out.append(f"from .._mixins import {', '.join(mixins)}")
    order = list(CAPABILITIES)
    for home in imports:
        if order.index(home) >= order.index(module):  # pragma: no cover - a model change
            raise GenerationError(f"{module} would import from {home}: an import cycle")
    for home in sorted(imports, key=order.index):
        out.append(f"from .{home} import {', '.join(sorted(imports[home]))}")
    names = sorted(local)
    out += ["", "__all__ = [" + ", ".join(f'"{n}"' for n in names) + "]", ""]
    for enum_plan in enums:
        out += ["", f"class {enum_plan.name}(str, Enum):", _docstring(enum_plan.doc, "    ")]
        out += [f'    {_enum_member(v)} = "{v}"' for v in enum_plan.values]
        out.append("")
    for cls in classes:
        base = f"({cls.mixin})" if cls.mixin else ""
        out += ["", "@model", f"class {cls.name}{base}:", _docstring(cls.doc, "    ")]
        out.append(f'    __wire_shape__: ClassVar[str] = "{cls.shape}"\n')
        out += [_field_source(f) for f in cls.fields]
        out.append("    extra: Extra = attrs.field(factory=dict, repr=False)")
    return "\n".join(out)


MODELS_DOC = '''"""The SDK's attrs models: typed, frozen, keyword-only; converted to and from the
wire by :mod:`customer_profiles_sdk._convert`. Models never do I/O.

Every structure of the API has a model, generated from botocore's service model into
``_generated/`` (one module per capability); curated names, docstrings and methods come
from ``tools/codegen/overrides.py`` and ``_mixins.py``. Import models from here or from
``customer_profiles_sdk``.
"""
'''


def _init_source(plan: Plan) -> str:
    modules = [m for m in CAPABILITIES if any(c.module == m for c in plan.classes.values())]
    out = [
        MODELS_DOC,
        f"# Generated from botocore {plan.version}'s model by ``python -m tools.codegen``: "
        "do not edit.\n",
        "from __future__ import annotations\n",
        "from typing import TYPE_CHECKING\n",
        "from .._lazy import attach\n",
        "if TYPE_CHECKING:",
    ]
    where: dict[str, str] = {}
    for module in modules:
        own = sorted(
            [c.name for c in plan.classes.values() if c.module == module]
            + [e.name for e in plan.enums.values() if e.module == module]
        )
        where.update((name, f"._generated.{module}") for name in own)
        out.append(f"    from ._generated.{module} import {', '.join(own)}")
    rows = "".join(f'    "{n}": "{m}",\n' for n, m in sorted(where.items()))
    out += [
        "",
        "#: Public name -> the generated module defining it, imported on first use (so",
        "#: ``import customer_profiles_sdk`` does not build every model class).",
        f"_WHERE: dict[str, str] = {{\n{rows}}}",
        "",
        "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(where)) + "]",
        "",
        "__getattr__, __dir__ = attach(__name__, globals(), _WHERE, __all__)",
        "",
    ]
    return "\n".join(out)


def _manifest_source(plan: Plan) -> str:
    ops = "".join(f'    "{op}",\n' for op in plan.operations)
    structs = "".join(f'    "{s}": "{n}",\n' for s, n in sorted(plan.class_of_shape.items()))
    enums = "".join(f'    "{s}": "{n}",\n' for s, n in sorted(plan.enum_of_shape.items()))
    return (
        HEADER.format(title="What the generator ran on, and what it made.", version=plan.version)
        + "\nfrom __future__ import annotations\n\n"
        + "#: The botocore release whose service model the models were generated from.\n"
        + f'BOTOCORE_VERSION = "{plan.version}"\n\n'
        + "#: Every operation of that model.\n"
        + f"OPERATIONS: tuple[str, ...] = (\n{ops})\n\n"
        + "#: Structure shape -> the model class standing for it.\n"
        + f"STRUCTURES: dict[str, str] = {{\n{structs}}}\n\n"
        + "#: Enum shape -> the enum class standing for it.\n"
        + f"ENUMS: dict[str, str] = {{\n{enums}}}\n"
    )


def render(plan: Plan) -> dict[str, str]:
    """File name -> source, before formatting."""
    files = {
        "__init__.py": _init_source(plan),
        "_generated/__init__.py": HEADER.format(
            title="The generated models, one module per capability (see ``models``).",
            version=plan.version,
        ),
        "_generated/_manifest.py": _manifest_source(plan),
    }
    for module in CAPABILITIES:
        if any(c.module == module for c in plan.classes.values()):
            files[f"_generated/{module}.py"] = _module_source(module, plan)
    return files


def format_tree(*paths: Path) -> None:
    """Sort imports and format ``paths`` with the installed ruff and the project's
    configuration."""
    ruff = [sys.executable, "-m", "ruff"]
    config = ["--config", str(PYPROJECT)]
    for args in (
        ["check", "--fix", "--select", "I,F401", "--quiet", *config],
        ["format", "--quiet", *config],
    ):
        targets = [str(p) for p in paths]
        done = subprocess.run([*ruff, *args, *targets], capture_output=True, text=True)
        if done.returncode != 0:
            raise GenerationError(f"ruff {args[0]} failed:\n{done.stdout}{done.stderr}")


def owned_files(output: Path) -> list[Path]:
    """The generated files present under ``output``."""
    return sorted(path for pattern in OWNED for path in output.glob(pattern))


def generate(output: Path = OUTPUT, model: ServiceModel | None = None) -> Plan:
    """Write the generated files under ``output`` (the models package), replacing the
    ones it wrote before; hand-written files there are left alone."""
    plan = build_plan(model)
    files = render(plan)
    for old in owned_files(output):
        old.unlink()
    (output / "_generated").mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        (output / name).write_text(source, encoding="utf-8")
    format_tree(output / "__init__.py", output / "_generated")
    return plan
