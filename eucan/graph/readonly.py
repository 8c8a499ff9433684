"""Refuse Cypher that could write, or that would cost too much to parse, before it reaches an engine.

This is the first of two locks: the engines also run these queries in read-only mode
(FalkorDB `GRAPH.RO_QUERY`, Neo4j READ access mode), so a query that slips past the text
check is still refused by the engine.

Cost: FalkorDB's parser takes about twice as long for each level of nesting of brackets,
`CASE` or prefix `NOT`/`-`/`+` (measured on 4.16: 16 levels 0.1 s, 26 levels 206 s, and its
time limit does not cover parsing), so `check_cost` bounds the text's length and nesting
depth with one linear scan that skips strings, quoted names and comments.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eucan.errors import QueryLimitExceeded, ReadOnlyViolation

__all__ = ["admit", "check_cost", "ensure_read_only", "nesting_depth", "nesting_profile", "strip_literals"]

_WRITE_CLAUSES = {
    "CREATE": "CREATE",
    "MERGE": "MERGE",
    "SET": "SET",
    "DELETE": "DELETE",
    "DETACH": "DETACH DELETE",
    "REMOVE": "REMOVE",
    "DROP": "DROP",
    "LOAD": "LOAD CSV",
    "FOREACH": "FOREACH",
}
# Administration clauses, matched as clauses so that words like `start` stay usable as names.
_ADMIN_CLAUSES = re.compile(
    r"""
    \b(?:GRANT|DENY|REVOKE)\s+[A-Za-z]
  | \bALTER\s+(?:DATABASE|USER|ALIAS|SERVER|CURRENT)\b
  | \b(?:START|STOP)\s+DATABASE\b
  | \b(?:TERMINATE|SHOW)\s+TRANSACTIONS?\b
  | (?:^|[{(])\s*USE\s+[A-Za-z`]
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ALLOWED_PROCEDURES = {
    "db.labels",
    "db.relationshiptypes",
    "db.propertykeys",
    "db.indexes",
    "db.schema.visualization",
}
_TOKEN = re.compile(
    r"""
    (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<ident>`(?:[^`]|``)*`)
  | (?P<line_comment>//[^\n]*)
  | (?P<block_comment>/\*.*?(?:\*/|\Z))
    """,
    re.VERBOSE | re.DOTALL,
)


def strip_literals(query: str) -> str:
    """The query with strings, quoted identifiers and comments blanked out."""
    return _TOKEN.sub(" ", query)


def ensure_read_only(query: str) -> None:
    """Raise `ReadOnlyViolation` naming the clause if the query could change the graph."""
    if not query.strip():
        raise ReadOnlyViolation("the query is empty; write a MATCH ... RETURN query")
    if "\x00" in query:
        raise ReadOnlyViolation("the query contains a NUL character")
    code = strip_literals(query)
    if ";" in code.strip().rstrip(";"):
        raise ReadOnlyViolation("only one statement per query is allowed; remove the ';' between statements")
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_.]*", code)
    upper = [w.upper() for w in words]
    for word, up in zip(words, upper, strict=True):
        if up in _WRITE_CLAUSES:
            raise ReadOnlyViolation(
                f"{_WRITE_CLAUSES[up]} would change the graph; only read-only queries (MATCH ... RETURN) are allowed"
                f" (if {word!r} is a name in your query, not a clause, rename it or quote it as `{word}`)"
            )
    admin = _ADMIN_CLAUSES.search(code)
    if admin:
        words = re.findall(r"[A-Za-z]+", admin.group(0).upper())
        clause = " ".join(words[:2]) if words[0] in ("ALTER", "START", "STOP", "TERMINATE", "SHOW") else words[0]
        raise ReadOnlyViolation(f"{clause} is an administration command; only read-only queries are allowed")
    for match in re.finditer(r"\bCALL\b\s*", code, re.IGNORECASE):
        rest = code[match.end() :]
        if rest.startswith("{"):
            continue  # a subquery: its clauses were checked above
        name = re.match(r"[A-Za-z_][A-Za-z0-9_.]*", rest)
        if name is None or name.group(0).lower() not in _ALLOWED_PROCEDURES:
            shown = name.group(0) if name else "(a quoted name)"
            raise ReadOnlyViolation(
                f"CALL {shown} is not allowed; allowed procedures: {', '.join(sorted(_ALLOWED_PROCEDURES))}"
            )
    if re.search(r"\b(apoc|dbms|gds|n10s|graph)\.[A-Za-z]", code, re.IGNORECASE):
        raise ReadOnlyViolation("database procedures and functions (apoc., dbms., gds., n10s., graph.) are not allowed")


# Words after which an operand is expected, so a following `-`/`+` is a prefix operator.
_EXPECT_OPERAND = frozenset(
    "AND OR XOR NOT IN IS WHEN THEN ELSE RETURN WITH WHERE UNWIND SKIP LIMIT BY CONTAINS STARTS ENDS DISTINCT".split()
)


def _skip_quoted(text: str, start: int, quote: str) -> int:
    """Index just past the literal opened at `start` (backslash escapes; a doubled backtick inside names)."""
    i, n = start + 1, len(text)
    while i < n:
        char = text[i]
        if char == "\\" and quote != "`":
            i += 2
            continue
        if char == quote:
            if quote == "`" and i + 1 < n and text[i + 1] == "`":
                i += 2
                continue
            return i + 1
        i += 1
    return n


def nesting_profile(query: str) -> tuple[int, int]:
    """(depth, parse cost) of Cypher text. Depth: the deepest nesting of `( [ {`, `CASE ... END` and chains of prefix `NOT`/`-`/`+` in Cypher text.

    One pass, linear in the text: strings, quoted names and comments are skipped. An arrow
    (`-->`, `<-[`) is not a prefix minus; counting errs on the high side, never the low.
    Cost: 2**level summed over every step into a level, a model of the engine's parse time
    (one step at level 12 costs about as much as 4,096 at level 1; measured about 3 µs a unit)."""
    stack: list[tuple[int, int, str]] = []  # (base, pending prefix operators, opener) of the enclosing levels
    base = prefix = deepest = cost = 0
    expect_operand = True
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char in " \t\r\n":
            i += 1
        elif char in "'\"`":
            i = _skip_quoted(query, i, char)
            expect_operand, prefix = False, 0
        elif query.startswith("//", i):
            end = query.find("\n", i)
            i = n if end < 0 else end
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif char in "([{":
            stack.append((base, prefix, char))
            base, prefix = base + prefix + 1, 0
            deepest = max(deepest, base)
            cost += 1 << min(base, 62)
            expect_operand = True
            i += 1
        elif char in ")]}":
            if stack:
                base, _, _ = stack.pop()
            prefix, expect_operand = 0, False
            i += 1
        elif char.isalpha() or char == "_":
            start = i
            while i < n and (query[i].isalnum() or query[i] == "_"):
                i += 1
            word = query[start:i].upper()
            after_dot = start > 0 and query[start - 1] in ".:$"
            if after_dot:
                expect_operand, prefix = False, 0
            elif word == "CASE":
                stack.append((base, prefix, "CASE"))
                base, prefix = base + prefix + 1, 0
                deepest = max(deepest, base)
                cost += 1 << min(base, 62)
                expect_operand = True
            elif word == "END" and stack and stack[-1][2] == "CASE":
                base, _, _ = stack.pop()
                prefix, expect_operand = 0, False
            elif word == "NOT":
                prefix += 1
                deepest = max(deepest, base + prefix)
                cost += 1 << min(base + prefix, 62)
                expect_operand = True
            elif word in _EXPECT_OPERAND:
                expect_operand = True
            else:
                expect_operand, prefix = False, 0
        elif char in "-+":
            before = query[i - 1] if i > 0 else ""
            after = query[i + 1] if i + 1 < n else ""
            arrow = char == "-" and (before in "-<" or after in "->[")
            if expect_operand and not arrow:
                prefix += 1
                deepest = max(deepest, base + prefix)
                cost += 1 << min(base + prefix, 62)
            expect_operand = True
            i += 1
        elif char.isdigit() or char == "$":
            i += 1
            while i < n and (query[i].isalnum() or query[i] in "_."):
                i += 1
            expect_operand, prefix = False, 0
        else:
            expect_operand = char not in ".:"
            i += 1
    return deepest, cost


def nesting_depth(query: str) -> int:
    """The deepest nesting of brackets, `CASE` and prefix operators (see `nesting_profile`)."""
    return nesting_profile(query)[0]


def check_cost(query: str, *, max_length: int, max_nesting: int, max_parse_cost: int = 100_000) -> None:
    """Raise `QueryLimitExceeded` naming the limit if the text is too long, nested too deep, or
    holds so many nested expressions that parsing them would cost too much."""
    if len(query) > max_length:
        raise QueryLimitExceeded(
            f"the query is {len(query)} characters long; the limit is {max_length} "
            "(setting EUCAN_QUERY_MAX_LENGTH): shorten it, or pass long values as parameters"
        )
    depth, cost = nesting_profile(query)
    if depth > max_nesting:
        raise QueryLimitExceeded(
            f"the query nests brackets, CASE or NOT/minus {depth} levels deep; the limit is {max_nesting} "
            "(setting EUCAN_QUERY_MAX_NESTING): each level doubles the engine's parsing time; "
            "flatten the expression, e.g. compute parts in WITH clauses"
        )
    if cost > max_parse_cost:
        raise QueryLimitExceeded(
            f"the query holds too many nested expressions: their estimated parse cost is {cost} units, "
            f"the limit is {max_parse_cost} (setting EUCAN_QUERY_MAX_PARSE_COST; one expression nested "
            "12 levels deep costs about 8,000): flatten them, e.g. compute parts in WITH clauses"
        )


@lru_cache(maxsize=256)
def admit(query: str, *, read_only: bool, max_length: int, max_nesting: int, max_parse_cost: int) -> None:
    """What every store checks before a query reaches its engine: cost first, then (for reads) no writes.

    Remembered for the texts it admitted (a refusal raises, so it is not kept): the API sends the same few
    named queries over and over, and scanning a long text for its nesting took ~1 ms each time."""
    check_cost(query, max_length=max_length, max_nesting=max_nesting, max_parse_cost=max_parse_cost)
    if read_only:
        ensure_read_only(query)
