"""Read a FalkorDB reply straight into plain Python values: the read path's decoder.

The `falkordb` client parses each value of a compact reply into its own types (an `OrderedDict` per
map, one function call per value through a dispatch table), and `values.plain` then copies that into
plain JSON-able values: two passes over every value. An API page of cooperation rows holds ~10,000
values, so that cost more than the engine's own work. `run_query` sends the same command as
`Graph.query`/`Graph.ro_query` (parameters header, `--compact`, `timeout`) and turns the reply into
`values.plain`'s output in one pass: strings, integers, booleans, doubles, null, arrays and maps here;
nodes, edges, paths, dates and the rarer types through the client's own parser, then `plain`.
"""

from __future__ import annotations

from typing import Any

from falkordb.query_result import parse_scalar
from redis.exceptions import ResponseError

from eucan.graph.values import plain

__all__ = ["decode", "run_query"]

_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10


def _text(value: Any) -> str:
    return value if type(value) is str else (value.decode() if isinstance(value, bytes) else str(value))


def decode(cell: list[Any], graph: Any) -> Any:
    """One compact value `[type, payload]` as `values.plain` would give it."""
    kind, value = cell
    if kind == _STRING:
        return value if type(value) is str else _text(value)
    if kind == _MAP:
        return _map(value, graph)
    if kind == _ARRAY:
        return _array(value, graph)
    if kind == _NULL:
        return None
    if kind == _INTEGER:
        return int(value)
    if kind == _BOOLEAN:
        return _text(value) == "true"
    if kind == _DOUBLE:
        return float(value)
    return plain(parse_scalar(cell, graph))  # nodes, edges, paths, points, vectors, temporal values


# The members of arrays and maps: the commonest kinds (strings, nulls, integers, nested maps and arrays) are
# decoded in the loop itself, not by a call of `decode` each (most values of an answer are such scalars: a
# third of the decoding time of a page of cooperation rows was those calls).


def _array(cells: list[Any], graph: Any) -> list[Any]:
    out: list[Any] = []
    append = out.append
    for kind, value in cells:
        if kind == _STRING and type(value) is str:
            append(value)
        elif kind == _NULL:
            append(None)
        elif kind == _INTEGER:
            append(int(value))
        elif kind == _MAP:
            append(_map(value, graph))
        else:
            append(decode([kind, value], graph))
    return out


def _map(flat: list[Any], graph: Any) -> dict[str, Any]:
    """A compact map: its keys (plain strings) and values, one after the other."""
    out: dict[str, Any] = {}
    pairs = iter(flat)
    for key, (kind, value) in zip(pairs, pairs, strict=False):  # key, value, key, value, ...
        name = key if type(key) is str else plain(_text(key))
        if kind == _STRING and type(value) is str:
            out[name] = value
        elif kind == _NULL:
            out[name] = None
        elif kind == _INTEGER:
            out[name] = int(value)
        elif kind == _ARRAY:
            out[name] = _array(value, graph)
        elif kind == _MAP:
            out[name] = _map(value, graph)
        else:
            out[name] = decode([kind, value], graph)
    return out


def run_query(
    graph: Any, query: str, params: dict[str, Any], *, timeout: int, read_only: bool, cap: int
) -> tuple[list[str], list[list[Any]], bool]:
    """Run `query` on `graph` (a `falkordb.Graph`) as the client would: the columns, the first `cap` rows as
    plain values, and whether there were more."""
    command: list[Any] = [
        "GRAPH.RO_QUERY" if read_only else "GRAPH.QUERY",
        graph.name,
        graph._build_params_header(params) + query,
        "--compact",
        "timeout",
        timeout,
    ]
    response = graph.execute_command(*command)
    if isinstance(response[0], ResponseError):
        raise response[0]
    if isinstance(response[-1], ResponseError):
        raise response[-1]
    if len(response) == 1:  # statistics only: a query that returns nothing
        return [], [], False
    header, records = response[0], response[1]
    columns = [str(h[1]) if isinstance(h, (list, tuple)) else str(h) for h in header or []]
    return columns, [[decode(cell, graph) for cell in row] for row in records[:cap]], len(records) > cap
