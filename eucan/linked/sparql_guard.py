"""What a SPARQL query must pass before it is evaluated: size, nesting, read-only, and no network access.

Three layers, each enough on its own for the case it covers:

1. `check_query` (API process, before anything else): the query is not empty and not SPARQL Update,
   and (`check_size`) its text is at most `max_length` characters and its brackets nest at most
   `max_nesting` deep. Deep nesting crashes a parser's
   stack (5,000 parentheses kill a pyoxigraph worker), so it is refused from the text, in one
   linear pass, before any parser sees it.
2. `refuse_service` (worker process, inside the time limit): the query is *parsed* (rdflib's
   SPARQL grammar) and the parse tree is searched for a `SERVICE` pattern — so `SERVICE SILENT`,
   lowercase, prefixed or BASE-relative IRIs, variables and comments are all the same node.
   When rdflib cannot parse a query that pyoxigraph might (RDF-star, or rdflib's own gaps), the
   query is refused if the word `service` appears anywhere in its text, escapes included: a
   `SERVICE` keyword cannot exist without those seven letters, so this fallback can refuse too
   much but never too little. For the same reason a query without them is not parsed at all
   (parsing with rdflib costs about 10 ms a query, pyoxigraph's own evaluation often under 1 ms).
3. `isolate_network` (worker process, at start): where the kernel allows it, the worker moves
   into a new network namespace with no interfaces up, so even a query that got past (2) has no
   network to reach. `sparql_worker_isolated()` says whether that succeeded.
"""

from __future__ import annotations

import ctypes
import os
import re
from typing import Any

from eucan.errors import QuerySyntaxError, ReadOnlyViolation

__all__ = ["SERVICE_REFUSED", "check_query", "check_size", "find_service", "isolate_network", "refuse_service"]

SERVICE_REFUSED = "federated queries (SERVICE) are not allowed on this endpoint: it never calls other servers"

_OPEN = frozenset("({[")
_CLOSE = frozenset(")}]")
_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")


def check_size(text: str, *, max_length: int, max_nesting: int) -> None:
    """Refuse a query longer than `max_length` characters or nested deeper than `max_nesting`."""
    if len(text) > max_length:
        raise QuerySyntaxError(
            f"the SPARQL query is {len(text):,} characters long; the limit is {max_length:,} "
            "(setting EUCAN_SPARQL_MAX_LENGTH)"
        )
    depth = deepest = 0
    for char in text:
        if char in _OPEN:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > max_nesting:
                    raise QuerySyntaxError(
                        f"the SPARQL query nests brackets more than {max_nesting} deep; "
                        "simplify it (setting EUCAN_SPARQL_MAX_NESTING)"
                    )
        elif char in _CLOSE and depth:
            depth -= 1


_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
_LEXICAL = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\s]*>|#[^\n]*", re.DOTALL
)


def check_query(text: str, *, max_length: int = 20_000, max_nesting: int = 128) -> None:
    """Refuse empty, too long or too deeply nested queries and SPARQL Update, before any work.
    (SERVICE is refused from the parsed query, in the worker: `sparql_guard.refuse_service`.)"""
    check_size(text, max_length=max_length, max_nesting=max_nesting)
    if not text.strip():
        raise QuerySyntaxError("the query is empty; send a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    if _UPDATE.match(_LEXICAL.sub(lambda m: " " if m.group(0).startswith("#") else m.group(0), text)):
        raise ReadOnlyViolation(
            "SPARQL Update is not allowed: this endpoint is read-only (SELECT, ASK, CONSTRUCT, DESCRIBE)"
        )


def _has_service(node: Any) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or hasattr(item, "asList"):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return False


def _mentions_service(text: str) -> bool:
    expanded = _ESCAPE.sub(lambda m: chr(int(m.group(0)[2:], 16)), text)
    return "service" in text.lower() or "service" in expanded.lower()


def find_service(text: str) -> bool:
    """True if the query has (or may have) a SERVICE pattern; see the module docstring."""
    if not _mentions_service(text):
        return False  # no SERVICE keyword can be written without those letters: nothing to parse
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except (Exception, RecursionError):  # rdflib cannot read it: fall back to the conservative test
        return _mentions_service(text)
    if _has_service(tree):
        return True
    # Escapes are expanded by rdflib before parsing; if the two parsers ever disagree about them, refuse.
    return bool(_ESCAPE.search(text)) and _mentions_service(text)


def refuse_service(text: str) -> None:
    if find_service(text):
        raise ReadOnlyViolation(SERVICE_REFUSED)


_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def isolate_network() -> bool:
    """Move this process into a fresh user + network namespace (Linux, unprivileged user namespaces
    allowed): afterwards it has no network interface but a downed loopback. False where not allowed.
    Call it while the process is still single-threaded (unshare refuses otherwise)."""
    if not hasattr(os, "fork") or not os.path.exists("/proc/self/ns/net"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET)) == 0
    except (OSError, AttributeError):
        return False
