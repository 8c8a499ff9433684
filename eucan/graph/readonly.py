"""Refuse Cypher that could write, before it reaches an engine.

This is the first of two locks: the engines also run these queries in read-only mode
(FalkorDB `GRAPH.RO_QUERY`, Neo4j READ access mode), so a query that slips past the text
check is still refused by the engine.
"""

from __future__ import annotations

import re

from eucan.errors import ReadOnlyViolation

__all__ = ["ensure_read_only", "strip_literals"]

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
    for word in upper:
        if word in _WRITE_CLAUSES:
            raise ReadOnlyViolation(
                f"{_WRITE_CLAUSES[word]} would change the graph; only read-only queries (MATCH ... RETURN) are allowed"
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
