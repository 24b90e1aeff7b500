"""A parser for the Spark SQL subset the emulator can evaluate faithfully (spec 5.3, 5.4).

Used in two ways:

* :func:`check_statement` - always: one statement, and a query (it starts with
  ``SELECT``, ``WITH``, ``FROM``, ``VALUES``, ``TABLE`` or ``(``). Any valid Spark query
  passes, so the check never refuses what AWS would accept (spec 5.3 rule 1).
* :func:`parse` - in the opt-in ``sql_segments="sqlite"`` mode: the whole text must
  belong to the subset below; anything else is refused as "not supported by the
  emulator" (it may well be valid Spark SQL).

The subset: ``[WITH name AS (query), ...]`` selects with ``DISTINCT``, ``FROM`` tables,
aliases and derived tables, ``[INNER] JOIN ... ON``, ``LEFT [OUTER] JOIN ... ON``,
``CROSS JOIN`` and comma joins, ``WHERE``, ``GROUP BY``, ``HAVING``, ``UNION [ALL]``,
``INTERSECT``, ``EXCEPT``/``MINUS``, ``ORDER BY ... [ASC|DESC] [NULLS FIRST|LAST]``,
``LIMIT``; expressions with ``AND OR NOT``, comparisons, ``<=>``, ``IS [NOT] NULL``,
``[NOT] IN (list | query)``, ``[NOT] LIKE``, ``[NOT] BETWEEN``, ``EXISTS``, scalar
subqueries, ``CASE``, ``CAST``, ``+ - * /``, ``INTERVAL 'n' DAY|HOUR|MINUTE|SECOND``,
``TIMESTAMP '...'``, struct access ``Address.City``, map access ``Attributes['k']`` and
the functions of :data:`FUNCTIONS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .._errors import ServiceFault, bad_request

UNSUPPORTED = "not supported by the emulator"


def refused(what: str) -> ServiceFault:
    """A ``BadRequestException`` for a construct outside the emulator's subset."""
    return bad_request(f"SQL segment query: {what} is {UNSUPPORTED}")


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class Token:
    """One lexical token: ``kind`` is ``word``, ``quoted`` (backticks), ``string``,
    ``number``, ``op`` or ``end``."""

    kind: str
    text: str
    pos: int


_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:BD|[LSYDFlsydf])?(?![A-Za-z0-9_])")
_OPS = ("<=>", "<=", ">=", "<>", "!=", "==", "||", "=", "<", ">", "+", "-", "*", "/", "%",
        "(", ")", ",", ".", "[", "]", ";")  # fmt: skip


def tokenize(text: str) -> list[Token]:
    """Split a query into tokens.

    Raises:
        ServiceFault: ``BadRequestException`` for an unterminated literal or comment,
            and for constructs the emulator refuses everywhere: optimizer hints
            (``/*+``, silently dropped by some engines), backslash escapes in string
            literals.
    """
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        space = _SPACE.match(text, pos)
        if space:
            pos = space.end()
            continue
        if text.startswith("--", pos):
            end = text.find("\n", pos)
            pos = len(text) if end < 0 else end + 1
            continue
        if text.startswith("/*", pos):
            if text.startswith("/*+", pos):
                raise refused("an optimizer hint")
            end = text.find("*/", pos + 2)
            if end < 0:
                raise bad_request("SQL segment query: unterminated comment")
            if "/*" in text[pos + 2 : end]:
                raise refused("a nested comment")
            pos = end + 2
            continue
        char = text[pos]
        if char in "'\"":
            end = pos + 1
            while end < len(text) and text[end] != char:
                if text[end] == "\\":
                    raise refused("a backslash escape in a string literal")
                end += 1
            if end >= len(text):
                raise bad_request("SQL segment query: unterminated string literal")
            tokens.append(Token("string", text[pos + 1 : end], pos))
            pos = end + 1
            continue
        if char == "`":
            name = []
            end = pos + 1
            while True:
                if end >= len(text):
                    raise bad_request("SQL segment query: unterminated quoted identifier")
                if text[end] == "`":
                    if text.startswith("``", end):
                        name.append("`")
                        end += 2
                        continue
                    break
                name.append(text[end])
                end += 1
            tokens.append(Token("quoted", "".join(name), pos))
            pos = end + 1
            continue
        number = _NUMBER.match(text, pos)
        if number and (char.isdigit() or (char == "." and number.end() > pos + 1)):
            tokens.append(Token("number", number.group(), pos))
            pos = number.end()
            continue
        word = _WORD.match(text, pos)
        if word:
            tokens.append(Token("word", word.group(), pos))
            pos = word.end()
            continue
        op = next((o for o in _OPS if text.startswith(o, pos)), None)
        if op is None:
            raise refused(f"the character {char!r}")
        tokens.append(Token("op", op, pos))
        pos += len(op)
    tokens.append(Token("end", "", len(text)))
    return tokens


_QUERY_STARTS = frozenset({"SELECT", "WITH", "FROM", "VALUES", "TABLE"})


def check_statement(text: str) -> None:
    """One statement that is a query (spec 5.3 rule 1), checked for every mode.

    Raises:
        ServiceFault: ``BadRequestException`` for several statements, or a statement
            that is not a query (``INSERT``, ``DROP``, ``CREATE``, a typo such as
            ``SELEC``).
    """
    try:
        tokens = tokenize(text)
    except ServiceFault as fault:
        if UNSUPPORTED in fault.message:
            tokens = _rough_tokens(text)  # the subset's limits do not apply here
        else:
            raise
    statements: list[list[Token]] = [[]]
    for token in tokens:
        if token.kind == "op" and token.text == ";":
            statements.append([])
        elif token.kind != "end":
            statements[-1].append(token)
    if statements and not statements[-1]:
        statements.pop()  # one trailing semicolon
    if len(statements) != 1:
        raise bad_request("SQL segment query: give exactly one statement")
    first = statements[0][0]
    if not (
        (first.kind == "word" and first.text.upper() in _QUERY_STARTS)
        or (first.kind == "op" and first.text == "(")
    ):
        raise bad_request(
            "SQL segment query: the statement is not a query (it must start with SELECT, "
            "WITH, FROM, VALUES, TABLE or a parenthesis)"
        )


def _rough_tokens(text: str) -> list[Token]:
    """Tokens good enough to find statements and the first keyword (no refusals)."""
    tokens: list[Token] = []
    pattern = re.compile(
        r"\s+|--[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`(?:``|[^`])*`"
        r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[;(])|.",
        re.S,
    )
    for found in pattern.finditer(text):
        if found.group("word"):
            tokens.append(Token("word", found.group("word"), found.start()))
        elif found.group("op"):
            tokens.append(Token("op", found.group("op"), found.start()))
        elif not found.group().isspace() and not found.group().startswith(("--", "/*")):
            tokens.append(Token("other", found.group(), found.start()))
    tokens.append(Token("end", "", len(text)))
    return tokens


# --------------------------------------------------------------------------- AST


@dataclass
class Lit:
    """A literal: ``kind`` is ``string``, ``int``, ``decimal``, ``double``, ``null``,
    ``bool``, ``timestamp`` (epoch seconds) or ``interval`` (seconds)."""

    kind: str
    value: Any


@dataclass
class Col:
    """A column reference ``[qualifier.]name`` or a struct field ``[q.]Address.City``."""

    parts: list[str]


@dataclass
class MapGet:
    """``base['key']``."""

    base: Expr
    key: Expr


@dataclass
class Call:
    """A function call; ``star`` for ``count(*)``."""

    name: str
    args: list[Expr]
    distinct: bool = False
    star: bool = False


@dataclass
class Unary:
    """``-x`` or ``NOT x``."""

    op: str
    expr: Expr


@dataclass
class Binary:
    """Arithmetic, comparison, ``AND``, ``OR``."""

    op: str
    left: Expr
    right: Expr


@dataclass
class IsNull:
    """``x IS [NOT] NULL``."""

    expr: Expr
    negated: bool


@dataclass
class InList:
    """``x [NOT] IN (a, b)``."""

    expr: Expr
    items: list[Expr]
    negated: bool


@dataclass
class InQuery:
    """``x [NOT] IN (query)``."""

    expr: Expr
    query: Query
    negated: bool


@dataclass
class Like:
    """``x [NOT] LIKE pattern``."""

    expr: Expr
    pattern: Expr
    negated: bool


@dataclass
class Between:
    """``x [NOT] BETWEEN lo AND hi``."""

    expr: Expr
    low: Expr
    high: Expr
    negated: bool


@dataclass
class Exists:
    """``EXISTS (query)``."""

    query: Query


@dataclass
class ScalarQuery:
    """``(query)`` used as a value."""

    query: Query


@dataclass
class Case:
    """``CASE [operand] WHEN ... THEN ... [ELSE ...] END``."""

    operand: Expr | None
    whens: list[tuple[Expr, Expr]]
    default: Expr | None


@dataclass
class Cast:
    """``CAST(x AS type)``."""

    expr: Expr
    type_name: str


@dataclass
class Now:
    """``current_timestamp()`` / ``now()``: the emulator clock."""


Expr = (
    Lit
    | Col
    | MapGet
    | Call
    | Unary
    | Binary
    | IsNull
    | InList
    | InQuery
    | Like
    | Between
    | Exists
    | ScalarQuery
    | Case
    | Cast
    | Now
)


@dataclass
class Star:
    """``*`` or ``q.*`` in a select list."""

    qualifier: str | None = None


@dataclass
class Table:
    """A table in ``FROM``."""

    name: str
    alias: str | None


@dataclass
class Derived:
    """A derived table ``(query) alias``."""

    query: Query
    alias: str | None


@dataclass
class Join:
    """``left kind JOIN right [ON on]``; ``kind`` is ``INNER``, ``LEFT`` or ``CROSS``."""

    kind: str
    left: FromItem
    right: FromItem
    on: Expr | None


FromItem = Table | Derived | Join


@dataclass
class Select:
    """One ``SELECT`` block."""

    distinct: bool
    items: list[tuple[Expr | Star, str | None]]
    source: FromItem | None
    where: Expr | None
    group_by: list[Expr]
    having: Expr | None


@dataclass
class SetOp:
    """``left op right``; ``op`` is ``UNION``, ``UNION ALL``, ``INTERSECT``, ``EXCEPT``."""

    op: str
    left: Body
    right: Body


@dataclass
class Query:
    """A query: CTEs, a body, ``ORDER BY`` and ``LIMIT``."""

    ctes: list[tuple[str, Query]]
    body: Body
    order_by: list[tuple[Expr, bool, str | None]] = field(default_factory=list)
    limit: int | None = None


Body = Select | SetOp | Query

FUNCTIONS = frozenset(
    {
        "lower", "upper", "lcase", "ucase", "trim", "ltrim", "rtrim", "length",
        "char_length", "character_length", "concat", "concat_ws", "substr", "substring",
        "coalesce", "nvl", "ifnull", "nullif", "abs", "count", "sum", "avg", "mean",
        "min", "max", "current_timestamp", "now",
    }
)  # fmt: skip
_INTERVAL_UNITS = {"DAY": 86400.0, "HOUR": 3600.0, "MINUTE": 60.0, "SECOND": 1.0}
#: Words that end an expression or a FROM item (never an implicit alias).
_RESERVED = frozenset(
    {
        "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "UNION",
        "INTERSECT", "EXCEPT", "MINUS", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS",
        "OUTER", "ON", "AS", "AND", "OR", "NOT", "IN", "IS", "LIKE", "BETWEEN", "CASE",
        "WHEN", "THEN", "ELSE", "END", "WITH", "DISTINCT", "ALL", "NULL", "TRUE", "FALSE",
        "EXISTS", "ASC", "DESC", "NULLS", "LATERAL", "WINDOW", "USING", "NATURAL", "SEMI",
        "ANTI", "CLUSTER", "DISTRIBUTE", "SORT", "TABLESAMPLE", "PIVOT", "UNPIVOT",
        "QUALIFY", "OVER", "RLIKE", "REGEXP", "ILIKE", "INTERVAL", "ANY", "SOME", "VALUES",
    }
)  # fmt: skip


# --------------------------------------------------------------------------- parser


def parse(text: str) -> Query:
    """Parse a query of the subset.

    Raises:
        ServiceFault: ``BadRequestException`` for anything outside the subset.
    """
    parser = _Parser(tokenize(text))
    query = parser.query()
    if parser.peek_op(";"):
        parser.advance()
    if parser.current.kind != "end":
        raise parser.unexpected()
    return query


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    # ----------------------------------------------------------------- helpers

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def lookahead(self, offset: int = 1) -> Token:
        return self.tokens[min(self.index + offset, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        if token.kind != "end":
            self.index += 1
        return token

    def peek_word(self, *words: str) -> bool:
        token = self.current
        return token.kind == "word" and token.text.upper() in words

    def peek_op(self, *ops: str) -> bool:
        return self.current.kind == "op" and self.current.text in ops

    def take_word(self, *words: str) -> bool:
        if self.peek_word(*words):
            self.advance()
            return True
        return False

    def take_op(self, op: str) -> bool:
        if self.peek_op(op):
            self.advance()
            return True
        return False

    def expect_word(self, word: str) -> None:
        if not self.take_word(word):
            raise self.unexpected(f"expected {word}")

    def expect_op(self, op: str) -> None:
        if not self.take_op(op):
            raise self.unexpected(f"expected '{op}'")

    def unexpected(self, detail: str | None = None) -> ServiceFault:
        token = self.current
        where = "the end" if token.kind == "end" else f"'{token.text}' at character {token.pos}"
        hint = f" ({detail})" if detail else ""
        return bad_request(
            f"SQL segment query: unexpected {where}{hint}; either the query is not valid "
            f"Spark SQL or it uses a construct {UNSUPPORTED} (see docs/emulator.md)"
        )

    def identifier(self) -> str:
        token = self.current
        if token.kind == "quoted" or (token.kind == "word" and token.text.upper() not in _RESERVED):
            self.advance()
            return token.text
        raise self.unexpected("expected a name")

    def optional_alias(self) -> str | None:
        if self.take_word("AS"):
            return self.identifier()
        token = self.current
        if token.kind == "quoted" or (token.kind == "word" and token.text.upper() not in _RESERVED):
            self.advance()
            return token.text
        return None

    # ----------------------------------------------------------------- queries

    def query(self) -> Query:
        ctes: list[tuple[str, Query]] = []
        if self.take_word("WITH"):
            if self.peek_word("RECURSIVE"):
                raise refused("WITH RECURSIVE")
            while True:
                name = self.identifier()
                if self.peek_op("("):
                    raise refused("a column list after a CTE name")
                self.expect_word("AS")
                self.expect_op("(")
                ctes.append((name, self.query()))
                self.expect_op(")")
                if not self.take_op(","):
                    break
        body = self.set_expression()
        query = Query(ctes, body)
        if self.take_word("ORDER"):
            self.expect_word("BY")
            while True:
                expr = self.expression()
                descending = False
                if self.take_word("DESC"):
                    descending = True
                else:
                    self.take_word("ASC")
                nulls = None
                if self.take_word("NULLS"):
                    if self.take_word("FIRST"):
                        nulls = "FIRST"
                    else:
                        self.expect_word("LAST")
                        nulls = "LAST"
                query.order_by.append((expr, descending, nulls))
                if not self.take_op(","):
                    break
        if self.take_word("LIMIT"):
            token = self.advance()
            if token.kind != "number" or not token.text.isdigit():
                raise refused("a LIMIT that is not an integer literal")
            query.limit = int(token.text)
        for word in ("CLUSTER", "DISTRIBUTE", "SORT", "OFFSET", "WINDOW"):
            if self.peek_word(word):
                raise refused(word)
        return query

    def set_expression(self) -> Body:
        # Spark: INTERSECT binds tighter than UNION / EXCEPT / MINUS (left-associative).
        left = self.intersection()
        while self.peek_word("UNION", "EXCEPT", "MINUS"):
            word = self.advance().text.upper()
            op = "UNION" if word == "UNION" else "EXCEPT"
            if self.take_word("ALL"):
                if op != "UNION":
                    raise refused(f"{word} ALL")
                op = "UNION ALL"
            else:
                self.take_word("DISTINCT")
            left = SetOp(op, left, self.intersection())
        return left

    def intersection(self) -> Body:
        left = self.primary_body()
        while self.take_word("INTERSECT"):
            if self.take_word("ALL"):
                raise refused("INTERSECT ALL")
            self.take_word("DISTINCT")
            left = SetOp("INTERSECT", left, self.primary_body())
        return left

    def primary_body(self) -> Body:
        if self.take_op("("):
            inner = self.query()
            self.expect_op(")")
            return inner
        if self.peek_word("FROM", "VALUES", "TABLE"):
            raise refused(f"a query starting with {self.current.text.upper()}")
        return self.select()

    def select(self) -> Select:
        self.expect_word("SELECT")
        if self.peek_word("TRANSFORM"):
            raise refused("SELECT TRANSFORM")
        distinct = self.take_word("DISTINCT")
        if not distinct:
            self.take_word("ALL")
        items: list[tuple[Expr | Star, str | None]] = []
        while True:
            if self.take_op("*"):
                items.append((Star(), None))
            elif (
                self.current.kind in ("word", "quoted")
                and self.lookahead().text == "."
                and self.lookahead(2).text == "*"
            ):
                qualifier = self.identifier()
                self.advance()
                self.advance()
                items.append((Star(qualifier), None))
            else:
                expr = self.expression()
                items.append((expr, self.optional_alias()))
            if not self.take_op(","):
                break
        source = None
        if self.take_word("FROM"):
            source = self.from_clause()
        where = self.expression() if self.take_word("WHERE") else None
        group_by: list[Expr] = []
        if self.take_word("GROUP"):
            self.expect_word("BY")
            while True:
                if self.peek_word("GROUPING", "CUBE", "ROLLUP"):
                    raise refused(self.current.text.upper())
                group_by.append(self.expression())
                if not self.take_op(","):
                    break
            if self.peek_word("WITH"):
                raise refused("GROUP BY ... WITH")
        having = self.expression() if self.take_word("HAVING") else None
        if self.peek_word("WINDOW", "QUALIFY", "LATERAL"):
            raise refused(self.current.text.upper())
        return Select(distinct, items, source, where, group_by, having)

    def from_clause(self) -> FromItem:
        item = self.from_item()
        while True:
            if self.take_op(","):
                item = Join("CROSS", item, self.from_item(), None)
                continue
            if self.peek_word("NATURAL", "RIGHT", "FULL", "SEMI", "ANTI", "LATERAL"):
                raise refused(f"{self.current.text.upper()} joins and lateral views")
            if self.take_word("CROSS"):
                self.expect_word("JOIN")
                item = Join("CROSS", item, self.from_item(), None)
                continue
            kind = None
            if self.take_word("JOIN"):
                kind = "INNER"
            elif self.take_word("INNER"):
                self.expect_word("JOIN")
                kind = "INNER"
            elif self.take_word("LEFT"):
                if self.peek_word("SEMI", "ANTI"):
                    raise refused(f"LEFT {self.current.text.upper()} JOIN")
                self.take_word("OUTER")
                self.expect_word("JOIN")
                kind = "LEFT"
            if kind is None:
                return item
            right = self.from_item()
            if self.peek_word("USING"):
                raise refused("JOIN ... USING")
            self.expect_word("ON")
            item = Join(kind, item, right, self.expression())

    def from_item(self) -> FromItem:
        if self.take_op("("):
            if not self.peek_word("SELECT", "WITH") and not self.peek_op("("):
                raise refused("a parenthesised join")
            query = self.query()
            self.expect_op(")")
            return Derived(query, self.optional_alias())
        name = self.identifier()
        if self.peek_op("("):
            raise refused(f"the table function {name}(...)")
        if self.peek_op("."):
            raise refused("a qualified table name")
        if self.peek_word("TABLESAMPLE"):
            raise refused("TABLESAMPLE")
        return Table(name, self.optional_alias())

    # ----------------------------------------------------------------- expressions

    def expression(self) -> Expr:
        return self.disjunction()

    def disjunction(self) -> Expr:
        left = self.conjunction()
        while self.take_word("OR"):
            left = Binary("OR", left, self.conjunction())
        return left

    def conjunction(self) -> Expr:
        left = self.negation()
        while self.take_word("AND"):
            left = Binary("AND", left, self.negation())
        return left

    def negation(self) -> Expr:
        if self.take_word("NOT"):
            return Unary("NOT", self.negation())
        if self.peek_op("!"):
            raise refused("'!'")
        return self.predicate()

    def predicate(self) -> Expr:
        left = self.additive()
        while True:
            if self.peek_op("=", "==", "<>", "!=", "<", "<=", ">", ">=", "<=>"):
                op = self.advance().text
                op = {"==": "=", "<>": "!="}.get(op, op)
                if self.peek_word("ANY", "SOME", "ALL"):
                    raise refused(f"a comparison with {self.current.text.upper()}")
                left = Binary(op, left, self.additive())
                continue
            if self.take_word("IS"):
                negated = self.take_word("NOT")
                if self.peek_word("TRUE", "FALSE", "UNKNOWN", "DISTINCT"):
                    raise refused(f"IS {self.current.text.upper()}")
                self.expect_word("NULL")
                left = IsNull(left, negated)
                continue
            negated = False
            if (
                self.peek_word("NOT")
                and self.lookahead().kind == "word"
                and (
                    self.lookahead().text.upper()
                    in ("IN", "LIKE", "BETWEEN", "RLIKE", "REGEXP", "ILIKE")
                )
            ):
                self.advance()
                negated = True
            if self.take_word("IN"):
                self.expect_op("(")
                if self.peek_word("SELECT", "WITH"):
                    query = self.query()
                    self.expect_op(")")
                    left = InQuery(left, query, negated)
                else:
                    items = [self.expression()]
                    while self.take_op(","):
                        items.append(self.expression())
                    self.expect_op(")")
                    left = InList(left, items, negated)
                continue
            if self.take_word("LIKE"):
                if self.peek_word("ANY", "ALL", "SOME"):
                    raise refused(f"LIKE {self.current.text.upper()}")
                pattern = self.additive()
                if self.peek_word("ESCAPE"):
                    raise refused("LIKE ... ESCAPE")
                left = Like(left, pattern, negated)
                continue
            if self.take_word("BETWEEN"):
                low = self.additive()
                self.expect_word("AND")
                left = Between(left, low, self.additive(), negated)
                continue
            if self.peek_word("RLIKE", "REGEXP", "ILIKE"):
                raise refused(self.current.text.upper())
            if negated:
                raise self.unexpected()
            return left

    def additive(self) -> Expr:
        left = self.multiplicative()
        while self.peek_op("+", "-", "||"):
            op = self.advance().text
            if op == "||":
                raise refused("the || operator (use concat)")
            left = Binary(op, left, self.multiplicative())
        return left

    def multiplicative(self) -> Expr:
        left = self.unary()
        while self.peek_op("*", "/", "%") or self.peek_word("DIV"):
            op = self.advance().text
            if op in ("%", "DIV", "div"):
                raise refused(f"the {op} operator")
            left = Binary(op, left, self.unary())
        return left

    def unary(self) -> Expr:
        if self.take_op("-"):
            return Unary("-", self.unary())
        if self.take_op("+"):
            return self.unary()
        return self.postfix()

    def postfix(self) -> Expr:
        expr = self.primary()
        while True:
            if self.take_op("["):
                key = self.expression()
                self.expect_op("]")
                expr = MapGet(expr, key)
                continue
            if self.peek_op("."):
                raise refused("field access on an expression")
            if self.peek_word("OVER"):
                raise refused("window functions")
            return expr

    def primary(self) -> Expr:
        token = self.current
        if token.kind == "string":
            parts = [self.advance().text]
            while self.current.kind == "string":  # adjacent literals concatenate
                parts.append(self.advance().text)
            return Lit("string", "".join(parts))
        if token.kind == "number":
            return self.number(self.advance().text)
        if token.kind == "op" and token.text == "(":
            self.advance()
            if self.peek_word("SELECT", "WITH"):
                query = self.query()
                self.expect_op(")")
                return ScalarQuery(query)
            expr = self.expression()
            if self.peek_op(","):
                raise refused("row values")
            self.expect_op(")")
            return expr
        if token.kind == "quoted":
            return self.column()
        if token.kind != "word":
            raise self.unexpected()
        word = token.text.upper()
        if word == "NULL":
            self.advance()
            return Lit("null", None)
        if word in ("TRUE", "FALSE"):
            self.advance()
            return Lit("bool", word == "TRUE")
        if word == "CASE":
            return self.case()
        if word == "CAST":
            self.advance()
            self.expect_op("(")
            expr = self.expression()
            self.expect_word("AS")
            type_name = self.identifier().upper()
            if self.peek_op("("):
                raise refused(f"CAST AS {type_name}(...)")
            self.expect_op(")")
            return Cast(expr, type_name)
        if word == "EXISTS" and self.lookahead().text == "(":
            self.advance()
            self.expect_op("(")
            query = self.query()
            self.expect_op(")")
            return Exists(query)
        if word == "INTERVAL":
            return self.interval()
        if word == "TIMESTAMP" and self.lookahead().kind == "string":
            self.advance()
            return Lit("timestamp", _timestamp_literal(self.advance().text))
        if (
            word in ("DATE", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "X")
            and self.lookahead().kind == "string"
        ):
            raise refused(f"{word} literals")
        if word in ("CURRENT_TIMESTAMP", "NOW") and self.lookahead().text != "(":
            if word == "NOW":
                return self.column()
            self.advance()
            return Now()
        if self.lookahead().text == "(" and self.lookahead().kind == "op":
            return self.call()
        if word in _RESERVED:
            raise self.unexpected()
        return self.column()

    def number(self, text: str) -> Lit:
        upper = text.upper()
        if upper.endswith("BD"):
            return Lit("decimal", float(text[:-2]))
        suffix = upper[-1] if upper[-1] in "LSYDF" else ""
        digits = text[:-1] if suffix else text
        if suffix in ("L", "S", "Y"):
            if not digits.isdigit():
                raise bad_request(f"SQL segment query: {text} is not a valid literal")
            return Lit("int", int(digits))
        if suffix == "F":
            raise refused("FLOAT literals")
        if suffix == "D" or "e" in digits.lower():
            return Lit("double", float(digits))
        if digits.isdigit():
            value = int(digits)
            if value > 2**63 - 1:
                raise refused("an integer literal beyond BIGINT")
            return Lit("int", value)
        return Lit("decimal", float(digits))

    def interval(self) -> Lit:
        self.advance()
        token = self.advance()
        if token.kind == "string":
            text = token.text.strip()
        elif token.kind == "number":
            text = token.text
        else:
            raise refused("this INTERVAL form")
        if not re.fullmatch(r"-?\d+", text):
            raise refused("an INTERVAL value that is not a whole number")
        unit = self.advance()
        name = unit.text.upper().rstrip("S") if unit.kind == "word" else ""
        if name not in _INTERVAL_UNITS or self.peek_word("TO"):
            raise refused("this INTERVAL unit (DAY, HOUR, MINUTE or SECOND only)")
        return Lit("interval", int(text) * _INTERVAL_UNITS[name])

    def case(self) -> Case:
        self.expect_word("CASE")
        operand = None if self.peek_word("WHEN") else self.expression()
        whens: list[tuple[Expr, Expr]] = []
        while self.take_word("WHEN"):
            condition = self.expression()
            self.expect_word("THEN")
            whens.append((condition, self.expression()))
        if not whens:
            raise self.unexpected("expected WHEN")
        default = self.expression() if self.take_word("ELSE") else None
        self.expect_word("END")
        return Case(operand, whens, default)

    def call(self) -> Expr:
        name = self.advance().text.lower()
        self.expect_op("(")
        if name not in FUNCTIONS:
            raise refused(f"the function {name}()")
        if name in ("current_timestamp", "now"):
            self.expect_op(")")
            return Now()
        if self.take_op("*"):
            self.expect_op(")")
            if name != "count":
                raise self.unexpected()
            return Call(name, [], star=True)
        distinct = self.take_word("DISTINCT")
        args: list[Expr] = []
        if not self.peek_op(")"):
            args.append(self.expression())
            while self.take_op(","):
                args.append(self.expression())
        self.expect_op(")")
        for word in ("FILTER", "OVER", "WITHIN", "IGNORE", "RESPECT"):
            if self.peek_word(word):
                raise refused(f"{word} after a function call")
        return Call(name, args, distinct=distinct)

    def column(self) -> Col:
        parts = [self.identifier()]
        while self.peek_op(".") and self.lookahead().kind in ("word", "quoted"):
            self.advance()
            parts.append(
                self.identifier() if self.current.kind == "quoted" else self.advance().text
            )
        if len(parts) > 3:
            raise refused("a name with more than three parts")
        return Col(parts)


_TIMESTAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(Z)?"
)


def _timestamp_literal(text: str) -> float:
    """``TIMESTAMP 'YYYY-MM-DD[ hh:mm[:ss[.ffffff]]][Z]'`` in UTC. [A] the session
    time zone of AWS's engine is undocumented; UTC is assumed."""
    from datetime import datetime, timezone

    found = _TIMESTAMP.fullmatch(text.strip())
    if found is None:
        raise refused("this TIMESTAMP literal form")
    year, month, day, hour, minute, second, fraction, _ = found.groups()
    try:
        moment = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0),
            int(second or 0), tzinfo=timezone.utc,
        )  # fmt: skip
    except ValueError:
        raise bad_request(
            f"SQL segment query: TIMESTAMP '{text}' is not a valid timestamp"
        ) from None
    return moment.timestamp() + (float(f"0.{fraction}") if fraction else 0.0)
