"""SQL ("enhanced") segments (segments spec 5).

AWS does not document the tables and columns a SQL segment can read, nor the Spark
version, its ANSI mode or the functions available (spec 5.2). A query written against
tables the emulator invented would run here and fail on AWS, so the policy is [A]
(spec 5.3), chosen per backend with ``LocalBackend(sql_segments=...)``:

* ``"refuse"`` (default): definitions are stored verbatim (after a statement check), and
  every operation that must *evaluate* one answers ``BadRequestException`` "... not
  supported by the emulator ...", unless a test injected the result with
  ``set_sql_segment_members``.
* ``"sqlite"`` (opt-in): the query is evaluated by the standard library's ``sqlite3`` on
  the emulator's own schema (below), for the subset of Spark SQL that
  :mod:`._sqlparse` accepts and on which Spark (non-ANSI) and this translation agree.
  The translation is typed: every implicit cast of Spark (a string compared with a
  number, ...) is refused, because its exact rules differ from SQLite's; every
  function and operator whose semantics differ (``LIKE`` case, ``lower`` of non-ASCII,
  ``substr`` positions, ``concat`` with NULL, integer division) runs through a Python
  implementation of Spark's behaviour. Results are real only relative to this schema.

The emulator's schema (``sqlite`` mode):

* ``_profile``: ``ProfileId``, the standard string members, ``BirthDate`` as text,
  ``Address``/``ShippingAddress``/``MailingAddress``/``BillingAddress`` as structs
  (``Address.City``), ``Attributes`` as a ``map<string,string>`` (``Attributes['k']``),
  ``CreatedAt`` and ``LastUpdatedAt`` as timestamps;
* one table per object type, named by its ``ObjectTypeName``: ``ProfileId``,
  ``ProfileObjectUniqueKey``, ``IngestedAt`` (timestamp) and one string column per
  top-level key of the ingested documents (nested values as JSON text);
* ``_calculated_attribute``: ``ProfileId``, ``CalculatedAttributeName``, ``Value``.

The result must have a ``ProfileId`` column; its distinct values that name live
profiles are the members. SQL segments see every live profile (the Data store holds
10 years, D201), not only those updated in the last 3 years.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .._errors import ServiceFault, bad_request
from .._registry import Context
from .._state import DomainRec, ProfileRec
from . import _sqlparse as sp
from . import _values
from ._evaluate import Evaluation

MODES = ("refuse", "sqlite")
REFUSAL = (
    "SQL segment evaluation is not supported by the emulator (its table schema is "
    "undocumented); inject members with set_sql_segment_members or create the backend "
    "with sql_segments='sqlite'"
)
_UNSUPPORTED = sp.UNSUPPORTED


class SqlRuntimeError(Exception):
    """A SQL segment query failed while it ran (the job fails, the call does not)."""


def refusal() -> ServiceFault:
    """The ``BadRequestException`` of the default ``refuse`` mode (spec 5.3 rule 2)."""
    return bad_request(REFUSAL)


# --------------------------------------------------------------------------- policy


def check_query(ctx: Context, domain: DomainRec, text: str) -> None:
    """Static checks of a SQL text (CreateSegmentDefinition, CreateSegmentEstimate).

    Raises:
        ServiceFault: ``BadRequestException`` for several statements or a non-query
            (every mode); in ``sqlite`` mode also for anything outside the subset, an
            unknown table or column, or a query without a ``ProfileId`` column.
    """
    sp.check_statement(text)
    if ctx.settings.sql_segments == "sqlite":
        _Translator(domain, now=ctx.now(), strict_columns=True).translate_top(sp.parse(text))


def injected(domain: DomainRec, segment: str | None, text: str | None) -> list[str] | None:
    """Injected members of ``segment`` (or of the definition whose SQL is ``text``)."""
    state = domain.segments
    if segment is not None:
        return state.sql_members.get(segment)
    for name, ids in state.sql_members.items():
        rec = state.definitions.get(name)
        if rec is not None and rec.definition.get("SegmentSqlQuery") == text:
            return ids  # [A] an estimate of the same SQL text
    return None


def refuse_unless_evaluable(ctx: Context, domain: DomainRec, segment: str) -> None:
    """Refuse (``refuse`` mode, nothing injected) an operation on a SQL segment."""
    if ctx.settings.sql_segments != "sqlite" and injected(domain, segment, None) is None:
        raise refusal()


def members(
    ctx: Context, domain: DomainRec, ev: Evaluation, text: str, *, segment: str | None
) -> list[ProfileRec]:
    """The profiles a SQL segment holds now, in creation order.

    Raises:
        ServiceFault: ``BadRequestException`` in ``refuse`` mode without injected
            members.
        SqlRuntimeError: the query failed while it ran (``sqlite`` mode).
    """
    ids = injected(domain, segment, text)
    if ids is None:
        if ctx.settings.sql_segments != "sqlite":
            raise refusal()
        ids = run(domain, ev, text)
    wanted = set(ids)
    return [p for p in domain.profiles.values() if p.profile_id in wanted and p.expires_at > ev.now]


# --------------------------------------------------------------------------- types

STRING, INT, DECIMAL, DOUBLE, BOOLEAN, TIMESTAMP = (
    "STRING", "INT", "DECIMAL", "DOUBLE", "BOOLEAN", "TIMESTAMP",
)  # fmt: skip
NULL, MAP, INTERVAL, STRUCT = "NULL", "MAP", "INTERVAL", "STRUCT"
NUMERIC = (INT, DECIMAL, DOUBLE)

PROFILE_TABLE = "_profile"
CALCULATED_TABLE = "_calculated_attribute"
_STANDARD_OBJECT_TABLES = ("_asset", "_case", "_order", "_communicationrecord")


def _profile_columns() -> list[tuple[str, str]]:
    columns = [("ProfileId", STRING)]
    columns += [(name, STRING) for name in _values.STRING_FIELDS]
    for block in _values.ADDRESS_BLOCKS:
        columns += [(f"{block}.{part}", STRING) for part in _values.ADDRESS_PARTS]
    columns += [("Attributes", MAP), ("CreatedAt", TIMESTAMP), ("LastUpdatedAt", TIMESTAMP)]
    return columns


_OBJECT_FIXED = [
    ("ProfileId", STRING),
    ("ProfileObjectUniqueKey", STRING),
    ("IngestedAt", TIMESTAMP),
]
_CALCULATED_COLUMNS = [
    ("ProfileId", STRING),
    ("CalculatedAttributeName", STRING),
    ("Value", STRING),
]


_BLOCKS = {b.lower(): b for b in _values.ADDRESS_BLOCKS}
_PARTS = {p.lower(): p for p in _values.ADDRESS_PARTS}


def _unify(left: str, right: str, what: str) -> str:
    """The common type of two operands; implicit casts are refused. [A]"""
    if left == right:
        return left
    if left == NULL:
        return right
    if right == NULL:
        return left
    if left in NUMERIC and right in NUMERIC:
        if DOUBLE in (left, right):
            return DOUBLE
        return DECIMAL
    raise bad_request(
        f"SQL segment query: {what} mixes {left} and {right}; Spark's implicit casts are "
        f"{_UNSUPPORTED} - use an explicit CAST"
    )


def _quote(name: str) -> str:
    # Backticks: SQLite never reads them as a string literal (double-quoted names that
    # match no column silently become strings in SQLite).
    return "`" + name.replace("`", "``") + "`"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class _Tables:
    """The base tables a query reads (filled while translating)."""

    profile: bool = False
    calculated: bool = False
    objects: dict[str, list[str]] = field(default_factory=dict)  # type name -> columns


class _Translator:
    """Typed translation of a parsed query to SQLite SQL."""

    def __init__(self, domain: DomainRec, *, now: float, strict_columns: bool) -> None:
        self.domain = domain
        self.now = now
        self.strict_columns = strict_columns
        self.tables = _Tables()
        self.ctes: dict[str, list[tuple[str, str]]] = {}
        #: column name (lower case) -> the types it has somewhere in the query
        self.column_types: dict[str, set[str]] = {}
        #: names of tables and aliases in the query (lower case)
        self.relations: set[str] = set()

    # ----------------------------------------------------------------- queries

    def translate_top(self, query: sp.Query) -> str:
        sql, columns = self.query(query)
        names = [name.lower() for name, _ in columns]
        if "*" not in names and "profileid" not in names:
            raise bad_request(
                "SQL segment query: the result must have a ProfileId column (the profiles "
                "of the segment)"
            )
        return sql

    def query(self, query: sp.Query) -> tuple[str, list[tuple[str, str]]]:
        parts: list[str] = []
        for name, cte in query.ctes:
            sql, columns = self.query(cte)
            self.ctes[name.lower()] = columns
            self.relations.add(name.lower())
            parts.append(f"{_quote(name)} AS ({sql})")
        body_sql, columns = self.body(query.body)
        sql = (f"WITH {', '.join(parts)} " if parts else "") + body_sql
        if query.order_by:
            items = []
            for expr, descending, nulls in query.order_by:
                expr_sql, kind = self.expr(expr)
                if kind in (MAP, STRUCT):
                    raise sp.refused(f"ordering by a {kind}")
                item = expr_sql + (" DESC" if descending else " ASC")
                if nulls is not None:
                    item += f" NULLS {nulls}"
                items.append(item)
            if isinstance(query.body, sp.SetOp):
                sql = f"SELECT * FROM ({sql})"
            sql += " ORDER BY " + ", ".join(items)
        if query.limit is not None:
            sql += f" LIMIT {query.limit}"
        return sql, columns

    def body(self, body: sp.Body) -> tuple[str, list[tuple[str, str]]]:
        if isinstance(body, sp.Select):
            return self.select(body)
        if isinstance(body, sp.Query):
            sql, columns = self.query(body)
            return f"SELECT * FROM ({sql})", columns
        left_sql, left_cols = self.operand(body.left)
        right_sql, right_cols = self.operand(body.right)
        if len(left_cols) != len(right_cols) or "*" in [n for n, _ in left_cols + right_cols]:
            if "*" not in [n for n, _ in left_cols + right_cols]:
                raise bad_request(
                    f"SQL segment query: the two sides of {body.op} differ in columns"
                )
        else:
            left_cols = [
                (name, _unify(a, b, body.op))
                for (name, a), (_, b) in zip(left_cols, right_cols, strict=True)
            ]
        return f"{left_sql} {body.op} {right_sql}", left_cols

    def operand(self, body: sp.Body) -> tuple[str, list[tuple[str, str]]]:
        sql, columns = self.body(body)
        if isinstance(body, sp.Select):
            return sql, columns
        return f"SELECT * FROM ({sql})", columns

    def select(self, select: sp.Select) -> tuple[str, list[tuple[str, str]]]:
        source_sql = self.source(select.source) if select.source is not None else None
        items: list[str] = []
        columns: list[tuple[str, str]] = []
        for item, alias in select.items:
            if isinstance(item, sp.Star):
                items.append(f"{_quote(item.qualifier)}.*" if item.qualifier else "*")
                columns.append(("*", NULL))
                continue
            sql, kind = self.expr(item)
            name = alias
            if name is None and isinstance(item, sp.Col):
                name = item.parts[-1]  # Spark names a column (or struct field) item by it
            if name is not None:
                sql += f" AS {_quote(name)}"
                self.column_types.setdefault(name.lower(), set()).add(kind)
            items.append(sql)
            columns.append((name or "?", kind))
        sql = "SELECT " + ("DISTINCT " if select.distinct else "") + ", ".join(items)
        if source_sql is not None:
            sql += f" FROM {source_sql}"
        if select.where is not None:
            sql += f" WHERE {self.condition(select.where, 'WHERE')}"
        if select.group_by:
            groups = []
            for expr in select.group_by:
                expr_sql, kind = self.expr(expr)
                if kind in (MAP, STRUCT):
                    raise sp.refused(f"grouping by a {kind}")
                groups.append(expr_sql)
            sql += " GROUP BY " + ", ".join(groups)
        if select.having is not None:
            sql += f" HAVING {self.condition(select.having, 'HAVING')}"
        return sql, columns

    def source(self, item: sp.FromItem) -> str:
        if isinstance(item, sp.Join):
            left = self.source(item.left)
            right = self.source(item.right)
            if item.kind == "CROSS":
                return f"{left} CROSS JOIN {right}"
            assert item.on is not None
            on = self.condition(item.on, "ON")
            return f"{left} {'LEFT JOIN' if item.kind == 'LEFT' else 'JOIN'} {right} ON {on}"
        if isinstance(item, sp.Derived):
            sql, _ = self.query(item.query)
            alias = item.alias or "__derived"
            self.relations.add(alias.lower())
            return f"({sql}) AS {_quote(alias)}"
        self.table(item.name)
        self.relations.add(item.name.lower())
        if item.alias:
            self.relations.add(item.alias.lower())
            return f"{_quote(item.name)} AS {_quote(item.alias)}"
        return _quote(item.name)

    def table(self, name: str) -> None:
        lower = name.lower()
        if lower in self.ctes:
            return
        if lower == PROFILE_TABLE:
            self.tables.profile = True
            self._register(_profile_columns())
            return
        if lower == CALCULATED_TABLE:
            self.tables.calculated = True
            self._register(_CALCULATED_COLUMNS)
            return
        if lower in _STANDARD_OBJECT_TABLES:
            raise sp.refused(f"the standard object table {name}")
        type_name = next((t for t in self.domain.object_types if t.lower() == lower), None)
        if type_name is None:
            raise bad_request(f"SQL segment query: the table {name} does not exist in the schema")
        if type_name not in self.tables.objects:
            columns = object_columns(self.domain, type_name)
            self.tables.objects[type_name] = columns
            self._register(_OBJECT_FIXED)
            self._register([(c, STRING) for c in columns])

    def _register(self, columns: list[tuple[str, str]]) -> None:
        for name, kind in columns:
            self.column_types.setdefault(name.lower(), set()).add(kind)
            if "." in name:
                self.column_types.setdefault(name.split(".")[0].lower(), set()).add(STRUCT)

    # ----------------------------------------------------------------- expressions

    def condition(self, expr: sp.Expr, where: str) -> str:
        sql, kind = self.expr(expr)
        if kind not in (BOOLEAN, NULL):
            raise bad_request(f"SQL segment query: {where} needs a boolean condition, got {kind}")
        return sql

    def expr(self, e: sp.Expr) -> tuple[str, str]:
        if isinstance(e, sp.Lit):
            return self.literal(e)
        if isinstance(e, sp.Now):
            return repr(float(self.now)), TIMESTAMP
        if isinstance(e, sp.Col):
            return self.column(e)
        if isinstance(e, sp.MapGet):
            base, kind = self.expr(e.base)
            key, key_kind = self.expr(e.key)
            if kind != MAP or key_kind not in (STRING, NULL):
                raise sp.refused("[] access on anything but Attributes['key']")
            return f"_cp_map_get({base}, {key})", STRING
        if isinstance(e, sp.Unary):
            inner, kind = self.expr(e.expr)
            if e.op == "NOT":
                if kind not in (BOOLEAN, NULL):
                    raise bad_request(f"SQL segment query: NOT needs a boolean, got {kind}")
                return f"(NOT {inner})", BOOLEAN
            if kind not in (*NUMERIC, NULL):
                raise bad_request(f"SQL segment query: unary minus needs a number, got {kind}")
            return f"(-{inner})", kind
        if isinstance(e, sp.Binary):
            return self.binary(e)
        if isinstance(e, sp.IsNull):
            inner, _ = self.expr(e.expr)
            return f"({inner} IS {'NOT ' if e.negated else ''}NULL)", BOOLEAN
        if isinstance(e, sp.InList):
            inner, kind = self.expr(e.expr)
            items = []
            for item in e.items:
                item_sql, item_kind = self.expr(item)
                kind = _unify(kind, item_kind, "IN")
                items.append(item_sql)
            self._comparable(kind, "IN")
            return f"({inner} {'NOT ' if e.negated else ''}IN ({', '.join(items)}))", BOOLEAN
        if isinstance(e, sp.InQuery):
            inner, kind = self.expr(e.expr)
            sub, columns = self.query(e.query)
            if len(columns) != 1 or columns[0][0] == "*":
                raise bad_request("SQL segment query: an IN subquery must return one named column")
            self._comparable(_unify(kind, columns[0][1], "IN"), "IN")
            return f"({inner} {'NOT ' if e.negated else ''}IN ({sub}))", BOOLEAN
        if isinstance(e, sp.Like):
            inner, kind = self.expr(e.expr)
            pattern, pattern_kind = self.expr(e.pattern)
            if kind not in (STRING, NULL) or pattern_kind not in (STRING, NULL):
                raise bad_request("SQL segment query: LIKE compares strings")
            like = f"_cp_like({inner}, {pattern})"
            return (f"(NOT {like})" if e.negated else like), BOOLEAN
        if isinstance(e, sp.Between):
            inner, kind = self.expr(e.expr)
            low, low_kind = self.expr(e.low)
            high, high_kind = self.expr(e.high)
            common = _unify(_unify(kind, low_kind, "BETWEEN"), high_kind, "BETWEEN")
            self._comparable(common, "BETWEEN")
            return f"({inner} {'NOT ' if e.negated else ''}BETWEEN {low} AND {high})", BOOLEAN
        if isinstance(e, sp.Exists):
            sub, _ = self.query(e.query)
            return f"(EXISTS ({sub}))", BOOLEAN
        if isinstance(e, sp.ScalarQuery):
            sub, columns = self.query(e.query)
            if len(columns) != 1 or columns[0][0] == "*":
                raise bad_request(
                    "SQL segment query: a scalar subquery must return one named column"
                )
            return f"({sub})", columns[0][1]
        if isinstance(e, sp.Case):
            return self.case(e)
        if isinstance(e, sp.Cast):
            return self.cast(e)
        return self.call(e)

    def literal(self, e: sp.Lit) -> tuple[str, str]:
        if e.kind == "string":
            return _literal(str(e.value)), STRING
        if e.kind == "int":
            return str(e.value), INT
        if e.kind in ("decimal", "double"):
            return repr(float(e.value)), DECIMAL if e.kind == "decimal" else DOUBLE
        if e.kind == "bool":
            return ("1" if e.value else "0"), BOOLEAN
        if e.kind == "timestamp":
            return repr(float(e.value)), TIMESTAMP
        if e.kind == "interval":
            return repr(float(e.value)), INTERVAL
        return "NULL", NULL

    def column(self, e: sp.Col) -> tuple[str, str]:
        parts = e.parts
        struct = None
        block = _BLOCKS.get(parts[-2].lower()) if len(parts) >= 2 else None
        part = _PARTS.get(parts[-1].lower())
        if (
            block is not None
            and part is not None
            and (len(parts) == 3 or parts[0].lower() not in self.relations)
        ):
            struct = f"{block}.{part}"  # identifiers are case-insensitive
        if struct is not None:
            qualifier = parts[0] if len(parts) == 3 else None
            name = struct
        elif len(parts) == 3:
            raise sp.refused("a three-part name")
        else:
            qualifier = parts[0] if len(parts) == 2 else None
            name = parts[-1]
        types = self.column_types.get(name.lower())
        if not types:
            if self.tables.objects or not self.strict_columns:
                kind = STRING  # [A] object-type columns come from the data: all strings
            else:
                raise bad_request(f"SQL segment query: unknown column {name}")
        elif len(types) > 1:
            raise bad_request(
                f"SQL segment query: the column name {name} has several types in this query "
                f"({', '.join(sorted(types))}); give it a distinct alias"
            )
        else:
            kind = next(iter(types))
        if kind == STRUCT:
            raise sp.refused(f"the struct {name} as a whole (use {name}.City ...)")
        sql = _quote(name) if qualifier is None else f"{_quote(qualifier)}.{_quote(name)}"
        return sql, kind

    def _comparable(self, kind: str, what: str) -> None:
        if kind in (MAP, STRUCT, INTERVAL):
            raise sp.refused(f"{what} on a {kind}")

    def binary(self, e: sp.Binary) -> tuple[str, str]:
        left, left_kind = self.expr(e.left)
        right, right_kind = self.expr(e.right)
        op = e.op
        if op in ("AND", "OR"):
            for kind in (left_kind, right_kind):
                if kind not in (BOOLEAN, NULL):
                    raise bad_request(f"SQL segment query: {op} needs booleans, got {kind}")
            return f"({left} {op} {right})", BOOLEAN
        if op in ("=", "!=", "<", "<=", ">", ">=", "<=>"):
            self._comparable(_unify(left_kind, right_kind, f"the comparison {op}"), op)
            sql_op = {"<=>": "IS", "!=": "<>"}.get(op, op)
            return f"({left} {sql_op} {right})", BOOLEAN
        if INTERVAL in (left_kind, right_kind):
            if op in ("+", "-") and left_kind == TIMESTAMP and right_kind == INTERVAL:
                return f"({left} {op} {right})", TIMESTAMP
            if op == "+" and left_kind == INTERVAL and right_kind == TIMESTAMP:
                return f"({left} + {right})", TIMESTAMP
            raise sp.refused("this INTERVAL arithmetic (timestamp +/- INTERVAL only)")
        for kind in (left_kind, right_kind):
            if kind not in (*NUMERIC, NULL):
                raise bad_request(
                    f"SQL segment query: {op} needs numbers, got {kind} (Spark's implicit "
                    f"casts are {_UNSUPPORTED} - use CAST(... AS DOUBLE))"
                )
        common = _unify(left_kind, right_kind, op)
        if common == DECIMAL:
            raise sp.refused("exact DECIMAL arithmetic (use a DOUBLE literal such as 1.5D or 1e0)")
        if op == "/":
            # Spark's / always gives a double (NULL when dividing by zero, non-ANSI).
            return f"(CAST({left} AS REAL) / {right})", DOUBLE
        return f"({left} {op} {right})", NULL if common == NULL else common

    def case(self, e: sp.Case) -> tuple[str, str]:
        parts = ["CASE"]
        operand_kind = None
        if e.operand is not None:
            operand, operand_kind = self.expr(e.operand)
            parts.append(operand)
        result_kind = NULL
        for condition, result in e.whens:
            if operand_kind is None:
                parts.append(f"WHEN {self.condition(condition, 'WHEN')}")
            else:
                when, when_kind = self.expr(condition)
                self._comparable(_unify(operand_kind, when_kind, "CASE"), "CASE")
                parts.append(f"WHEN {when}")
            result_sql, kind = self.expr(result)
            result_kind = _unify(result_kind, kind, "CASE")
            parts.append(f"THEN {result_sql}")
        if e.default is not None:
            default, kind = self.expr(e.default)
            result_kind = _unify(result_kind, kind, "CASE")
            parts.append(f"ELSE {default}")
        parts.append("END")
        return "(" + " ".join(parts) + ")", result_kind

    def cast(self, e: sp.Cast) -> tuple[str, str]:
        inner, kind = self.expr(e.expr)
        target = e.type_name
        if target in ("DOUBLE",):
            if kind == STRING:
                return f"_cp_to_double({inner})", DOUBLE
            if kind in (*NUMERIC, NULL):
                return f"CAST({inner} AS REAL)", DOUBLE
        elif target == "STRING" and kind in (STRING, NULL):
            return inner, STRING
        elif target in ("INT", "INTEGER", "BIGINT", "LONG") and kind in (INT, NULL):
            return inner, INT
        raise sp.refused(f"CAST of {kind} AS {target}")

    def call(self, e: sp.Call) -> tuple[str, str]:
        name = e.name
        args = [self.expr(a) for a in e.args]
        kinds = [k for _, k in args]
        sqls = [s for s, _ in args]

        def need(count: int | tuple[int, int]) -> None:
            low, high = (count, count) if isinstance(count, int) else count
            if not low <= len(args) <= high:
                raise bad_request(f"SQL segment query: {name}() takes {low}-{high} arguments")

        def strings(*positions: int) -> None:
            for i in positions:
                if i < len(kinds) and kinds[i] not in (STRING, NULL):
                    raise bad_request(
                        f"SQL segment query: argument {i + 1} of {name}() must be a string "
                        f"(Spark's implicit casts are {_UNSUPPORTED})"
                    )

        if e.distinct and name not in ("count", "sum", "avg", "mean", "min", "max"):
            raise sp.refused(f"DISTINCT in {name}()")
        if name in ("lower", "lcase", "upper", "ucase", "trim", "ltrim", "rtrim"):
            need(1)
            strings(0)
            udf = {"lcase": "lower", "ucase": "upper"}.get(name, name)
            return f"_cp_{udf}({sqls[0]})", STRING
        if name in ("length", "char_length", "character_length"):
            need(1)
            strings(0)
            return f"_cp_length({sqls[0]})", INT
        if name == "concat":
            need((1, 64))
            strings(*range(len(args)))
            return f"_cp_concat({', '.join(sqls)})", STRING
        if name == "concat_ws":
            need((1, 64))
            strings(*range(len(args)))
            return f"_cp_concat_ws({', '.join(sqls)})", STRING
        if name in ("substr", "substring"):
            need((2, 3))
            strings(0)
            for i in range(1, len(args)):
                if kinds[i] not in (INT, NULL):
                    raise bad_request(f"SQL segment query: {name}() positions must be integers")
            return f"_cp_substr({', '.join(sqls)})", STRING
        if name in ("coalesce", "nvl", "ifnull"):
            need((1, 64) if name == "coalesce" else 2)
            kind = NULL
            for k in kinds:
                kind = _unify(kind, k, f"{name}()")
            return (sqls[0] if len(sqls) == 1 else f"coalesce({', '.join(sqls)})"), kind
        if name == "nullif":
            need(2)
            self._comparable(_unify(kinds[0], kinds[1], "nullif()"), "nullif()")
            return f"nullif({sqls[0]}, {sqls[1]})", kinds[0]
        if name == "abs":
            need(1)
            if kinds[0] not in (*NUMERIC, NULL):
                raise bad_request("SQL segment query: abs() needs a number")
            return f"abs({sqls[0]})", kinds[0]
        distinct = "DISTINCT " if e.distinct else ""
        if name == "count":
            if e.star:
                return "count(*)", INT
            need(1)
            return f"count({distinct}{sqls[0]})", INT
        need(1)
        kind = kinds[0]
        if name in ("min", "max"):
            self._comparable(kind, f"{name}()")
            return f"{name}({distinct}{sqls[0]})", kind
        if kind not in (INT, DOUBLE, NULL):
            raise bad_request(
                f"SQL segment query: {name}() needs an INT or DOUBLE (CAST(... AS DOUBLE) for "
                "string columns; DECIMAL aggregates are not supported by the emulator)"
            )
        if name == "sum":
            return f"sum({distinct}{sqls[0]})", kind
        return f"avg({distinct}{sqls[0]})", DOUBLE  # avg / mean


def object_columns(domain: DomainRec, type_name: str) -> list[str]:
    """The string columns of an object-type table: the top-level keys of its documents
    in first-seen order. [A] keys equal (case-insensitively) to a fixed column or to an
    earlier key are dropped."""
    seen = {name.lower() for name, _ in _OBJECT_FIXED}
    columns: list[str] = []
    for obj in domain.objects.values():
        if obj.object_type != type_name:
            continue
        doc = json.loads(obj.body)
        if not isinstance(doc, dict):
            continue
        for key in doc:
            if key.lower() not in seen:
                seen.add(key.lower())
                columns.append(key)
    return columns


# --------------------------------------------------------------------------- running


def run(domain: DomainRec, ev: Evaluation, text: str) -> list[str]:
    """Evaluate a SQL query with ``sqlite3`` on the emulator's schema.

    Raises:
        ServiceFault: ``BadRequestException`` when the query is outside the subset.
        SqlRuntimeError: when it fails while running.
    """
    translator = _Translator(domain, now=ev.now, strict_columns=False)
    sql = translator.translate_top(sp.parse(text))
    holder: list[BaseException] = []
    connection = sqlite3.connect(":memory:")
    try:
        _install_functions(connection, holder)
        _populate(connection, domain, ev, translator.tables)
        connection.set_authorizer(_read_only)
        try:
            cursor = connection.execute(sql)
            rows = cursor.fetchall()
        except sqlite3.Error as exc:
            if holder:
                raise SqlRuntimeError(str(holder[0])) from None
            raise SqlRuntimeError(f"the query failed: {exc}") from None
        names = [d[0].lower() for d in cursor.description or []]
        if "profileid" not in names:
            raise SqlRuntimeError("the query result has no ProfileId column")
        index = names.index("profileid")
        return [str(row[index]) for row in rows if isinstance(row[index], str)]
    finally:
        connection.close()


_ALLOWED_ACTIONS = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION})


def _read_only(action: int, *_: Any) -> int:
    """The query may only read (defence in depth: the translation emits only SELECTs)."""
    return sqlite3.SQLITE_OK if action in _ALLOWED_ACTIONS else sqlite3.SQLITE_DENY


def _populate(
    connection: sqlite3.Connection, domain: DomainRec, ev: Evaluation, tables: _Tables
) -> None:
    live = [p for p in domain.profiles.values() if p.expires_at > ev.now]
    if tables.profile:
        columns = _profile_columns()
        _create(connection, PROFILE_TABLE, [c for c, _ in columns])
        rows = [_profile_row(p) for p in live]
        _insert(connection, PROFILE_TABLE, len(columns), rows)
    for type_name, keys in tables.objects.items():
        names = [c for c, _ in _OBJECT_FIXED] + keys
        _create(connection, type_name, names)
        rows = []
        for obj in domain.objects.values():
            if obj.object_type != type_name or obj.expires_at <= ev.now:
                continue
            if obj.profile_id not in domain.profiles:
                continue
            doc = json.loads(obj.body)
            doc = doc if isinstance(doc, dict) else {}
            rows.append(
                [obj.profile_id, obj.unique_key, obj.ingested_at]
                + [_text(doc.get(key)) for key in keys]
            )
        _insert(connection, type_name, len(names), rows)
    if tables.calculated:
        _create(connection, CALCULATED_TABLE, [c for c, _ in _CALCULATED_COLUMNS])
        rows = []
        readers = [(n, ev.calculated_value(n, None)) for n in domain.calculated_attributes]
        for profile in live:
            for name, reader in readers:
                value = reader(profile)
                if value is not None:
                    rows.append([profile.profile_id, name, value])
        _insert(connection, CALCULATED_TABLE, 3, rows)


def _create(connection: sqlite3.Connection, table: str, columns: list[str]) -> None:
    # No declared types: values keep their storage class (text stays text).
    connection.execute(f"CREATE TABLE {_quote(table)} ({', '.join(_quote(c) for c in columns)})")


def _insert(connection: sqlite3.Connection, table: str, width: int, rows: list[list[Any]]) -> None:
    marks = ", ".join("?" * width)
    connection.executemany(f"INSERT INTO {_quote(table)} VALUES ({marks})", rows)


def _profile_row(profile: ProfileRec) -> list[Any]:
    fields = profile.fields
    row: list[Any] = [profile.profile_id]
    row += [fields.get(name) or None for name in _values.STRING_FIELDS]
    for block in _values.ADDRESS_BLOCKS:
        address = fields.get(block) or {}
        row += [address.get(part) or None for part in _values.ADDRESS_PARTS]
    attributes = fields.get("Attributes")
    row.append(json.dumps(attributes) if attributes else None)
    row += [profile.created_at, profile.updated_at]
    return row


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, separators=(",", ":"))


# --------------------------------------------------------------------------- Spark functions


def _install_functions(connection: sqlite3.Connection, holder: list[BaseException]) -> None:
    def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            try:
                return fn(*args)
            except SqlRuntimeError as exc:
                holder.append(exc)
                raise

        return call

    functions: dict[str, tuple[int, Callable[..., Any]]] = {
        "_cp_lower": (1, lambda s: None if s is None else s.lower()),
        "_cp_upper": (1, lambda s: None if s is None else s.upper()),
        # Spark's trim/ltrim/rtrim remove the space character only.
        "_cp_trim": (1, lambda s: None if s is None else s.strip(" ")),
        "_cp_ltrim": (1, lambda s: None if s is None else s.lstrip(" ")),
        "_cp_rtrim": (1, lambda s: None if s is None else s.rstrip(" ")),
        "_cp_length": (1, lambda s: None if s is None else len(s)),
        "_cp_concat": (-1, _concat),
        "_cp_concat_ws": (-1, _concat_ws),
        "_cp_substr": (-1, _substr),
        "_cp_like": (2, _like),
        "_cp_map_get": (2, _map_get),
        "_cp_to_double": (1, to_double),
    }
    for name, (arity, fn) in functions.items():
        connection.create_function(name, arity, guarded(fn), deterministic=True)


def _concat(*args: Any) -> str | None:
    """Spark ``concat``: NULL when any argument is NULL."""
    if any(a is None for a in args):
        return None
    return "".join(args)


def _concat_ws(separator: Any, *args: Any) -> str | None:
    """Spark ``concat_ws``: NULL arguments are skipped; a NULL separator gives NULL."""
    if separator is None:
        return None
    return str(separator).join(a for a in args if a is not None)


_INT_MAX = 2**31 - 1


def _substr(text: Any, pos: Any, length: Any = _INT_MAX) -> str | None:
    """Spark ``substr`` (``UTF8String.substringSQL``): 1-based, 0 acts as 1, a negative
    position counts from the end, a negative length gives ''."""
    if text is None or pos is None or length is None:
        return None
    size = len(text)
    start = pos - 1 if pos > 0 else (size + pos if pos < 0 else 0)
    end = start + length
    start = max(start, 0)
    if start >= end:
        return ""
    return str(text[start:end])


@functools.lru_cache(maxsize=256)
def _like_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if i + 1 >= len(pattern) or pattern[i + 1] not in "_%\\":
                raise SqlRuntimeError("the LIKE pattern has an invalid escape")
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if char == "%" else "." if char == "_" else re.escape(char))
        i += 1
    return re.compile("".join(out), re.DOTALL)


def _like(text: Any, pattern: Any) -> int | None:
    """Spark ``LIKE``: case-sensitive, ``%``/``_`` wildcards, ``\\`` escapes."""
    if text is None or pattern is None:
        return None
    return 1 if _like_regex(pattern).fullmatch(text) else 0


@functools.lru_cache(maxsize=4096)
def _attributes(text: str) -> dict[str, Any]:
    parsed = json.loads(text)
    return parsed if isinstance(parsed, dict) else {}


def _map_get(attributes: Any, key: Any) -> str | None:
    """``Attributes['k']``: NULL for a missing key (non-ANSI)."""
    if attributes is None or key is None:
        return None
    value = _attributes(attributes).get(key)
    return value if isinstance(value, str) else None


_JAVA_DOUBLE = re.compile(
    r"[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?"
    r"|0[xX](?:[0-9a-fA-F]+\.?|[0-9a-fA-F]*\.[0-9a-fA-F]+)[pP][+-]?\d+[fFdD]?)"
)
_SPECIAL = {
    "inf": float("inf"), "+inf": float("inf"), "infinity": float("inf"),
    "+infinity": float("inf"), "-inf": float("-inf"), "-infinity": float("-inf"),
}  # fmt: skip


def to_double(text: Any) -> float | None:
    """Spark's non-ANSI ``CAST(string AS DOUBLE)``: Java's ``Double.parseDouble`` on the
    text trimmed of characters <= U+0020, then Spark's special literals; NULL when it
    does not parse. NaN is refused (SQLite has no NaN; Spark orders it above all)."""
    if text is None:
        return None
    trimmed = str(text).strip("".join(chr(c) for c in range(33)))
    value: float | None = None
    if _JAVA_DOUBLE.fullmatch(trimmed):
        body = (
            trimmed.rstrip("fFdD")
            if not trimmed.lower().startswith(("0x", "+0x", "-0x"))
            else trimmed
        )
        if "NaN" in body:
            value = float("nan")
        elif "Infinity" in body:
            value = float("-inf") if body.startswith("-") else float("inf")
        elif "x" in body.lower():
            hex_body = body.rstrip("fFdD")
            value = float.fromhex(hex_body)
        else:
            value = float(body)
    else:
        lowered = trimmed.lower()
        value = float("nan") if lowered in ("nan", "+nan", "-nan") else _SPECIAL.get(lowered)
    if value is not None and value != value:
        raise SqlRuntimeError(f"NaN values are {_UNSUPPORTED} (CAST(... AS DOUBLE) gave NaN)")
    return value
