"""A SPARQL query answered in a worker process, its result written in the negotiated media type.

`answer` runs one query on the worker's pyoxigraph store and returns the reply the worker sends back
(`("ok", body, media type, form, count, truncated)`, or the kind of error and its message): the
`SERVICE` check first (`sparql_guard.refuse_service`), then evaluation, then at most `cap` solutions
or triples written out. SPARQL JSON results, the default, are written here; the other formats by
pyoxigraph's own serializers. pyoxigraph is imported only when a query runs (a worker isolates its
network before it starts any thread).
"""

from __future__ import annotations

from typing import Any

from eucan.errors import ReadOnlyViolation
from eucan.linked.sparql_guard import refuse_service
from eucan.linked.sparql_negotiation import RESULT_MEDIA_TYPES, acceptable

__all__ = ["answer"]


_BNODE = "urn:eucan:bnode"


def _sparql_term(term: Any) -> str:
    """A term in SPARQL syntax for a VALUES row (blank nodes travel as typed literals, see `_solutions`)."""
    if term is None:
        return "UNDEF"
    if type(term).__name__ == "BlankNode":
        return f'"{term.value}"^^<{_BNODE}>'
    return f"{term}"


_JSON_RESULTS = ("application/sparql-results+json", "application/json")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _NotPlain(Exception):
    """A term the JSON writer leaves to pyoxigraph (a literal with a base direction)."""


def _json_term(term: Any) -> dict[str, Any]:
    """One RDF term as SPARQL 1.1 JSON results write it (as pyoxigraph's serializer does, key for key)."""
    from pyoxigraph import BlankNode, Literal, NamedNode, Triple

    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, Literal):
        if getattr(term, "direction", None):
            raise _NotPlain
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    raise _NotPlain


def _json_solutions(names: list[str], rows: list[list[Any]]) -> bytes:
    import json

    bindings = [
        {name: _json_term(term) for name, term in zip(names, row, strict=True) if term is not None} for row in rows
    ]
    return json.dumps(
        {"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def _solutions(result: Any, media: str, cap: int) -> tuple[bytes, int, bool]:
    """At most `cap` solutions (a `QuerySolutions` cannot be cut short). SPARQL JSON, the default, is
    written here from the kept rows; other formats by pyoxigraph's own results serializer, the kept
    rows replayed through a VALUES table on an empty store."""
    from pyoxigraph import QueryResultsFormat, Store

    names = [v.value for v in result.variables]
    rows: list[list[Any]] = []
    truncated = False
    for solution in result:
        if len(rows) >= cap:
            truncated = True
            break
        rows.append(list(solution))
    if media in _JSON_RESULTS:
        try:
            return _json_solutions(names, rows), len(rows), truncated
        except _NotPlain:
            pass
    inner = [f"eucan_{i}" for i in range(len(names))]
    while set(inner) & set(names):
        inner = ["x" + n for n in inner]
    table = " ".join("(" + " ".join(_sparql_term(t) for t in row) + ")" for row in rows)
    binds = " ".join(
        f"BIND(IF(isLITERAL(?{i}) && DATATYPE(?{i}) = <{_BNODE}>, BNODE(STR(?{i})), ?{i}) AS ?{n})"
        for i, n in zip(inner, names, strict=True)
    )
    projection = " ".join(f"?{n}" for n in names) or "*"
    replay = f"SELECT {projection} WHERE {{ VALUES ({' '.join('?' + i for i in inner)}) {{ {table} }} {binds} }}"
    fmt = QueryResultsFormat.from_media_type(media) or QueryResultsFormat.JSON
    replayed: Any = Store().query(replay)
    body: bytes = replayed.serialize(format=fmt)
    return body, len(rows), truncated


def _boolean(value: bool, media: str) -> bytes:
    from pyoxigraph import QueryResultsFormat, Store

    fmt = QueryResultsFormat.from_media_type(media) or QueryResultsFormat.JSON
    answer: Any = Store().query("ASK {}" if value else "ASK { FILTER(false) }")
    body: bytes = answer.serialize(format=fmt)
    return body


def _graph(result: Any, media: str, cap: int) -> tuple[bytes, int, bool]:
    from pyoxigraph import RdfFormat, serialize

    from eucan.linked.export import PREFIXES

    triples: list[Any] = []
    truncated = False
    for triple in result:
        if len(triples) >= cap:
            truncated = True
            break
        triples.append(triple)
    fmt = RdfFormat.from_media_type(media)
    assert fmt is not None
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.RDF_XML, RdfFormat.JSON_LD) else None
    body = serialize(triples, None, fmt, prefixes=prefixes)
    assert body is not None
    return body, len(triples), truncated


def answer(store: Any, text: str, accept: str | None, cap: int, base_iri: str | None = None) -> tuple[Any, ...]:
    from pyoxigraph import QueryBoolean, QuerySolutions

    try:
        refuse_service(text)
    except ReadOnlyViolation as exc:
        return ("refused", str(exc))
    try:
        result = store.query(text, base_iri=base_iri)
        form = (
            "boolean"
            if isinstance(result, QueryBoolean)
            else "solutions"
            if isinstance(result, QuerySolutions)
            else "graph"
        )
        media = acceptable(accept, RESULT_MEDIA_TYPES[form])
        if media is None:
            return ("not acceptable", RESULT_MEDIA_TYPES[form])
        if isinstance(result, QueryBoolean):
            return ("ok", _boolean(bool(result), media), media, "boolean", 1, False)
        if isinstance(result, QuerySolutions):
            body, count, truncated = _solutions(result, media, cap)
            return ("ok", body, media, "solutions", count, truncated)
        body, count, truncated = _graph(result, media, cap)
        return ("ok", body, media, "graph", count, truncated)
    except SyntaxError as exc:
        return ("syntax", str(exc).splitlines()[0][:500])
    except MemoryError:
        return ("error", "the query needed more memory than a worker may use (setting EUCAN_SPARQL_WORKER_MEMORY_MB)")
    except Exception as exc:  # evaluation errors (e.g. a type error in a function) are the query's fault
        message = str(exc).splitlines()[0][:500] if str(exc) else ""
        return ("error", f"{type(exc).__name__}: {message}")
