"""The read path's decoder gives exactly what the FalkorDB client's parser followed by `values.plain` gives."""

from __future__ import annotations

import pytest

from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.values import plain

# Every kind of value a reply holds: the common ones (decoded in one pass) and the rarer ones (handed to the client).
QUERIES = [
    "RETURN 'é \"quoted\" \\\\ text' AS s, 42 AS i, -7 AS neg, true AS t, false AS f, 1.5 AS d, null AS n",
    "RETURN [1, 'two', [3.0, null, [true]], {k: 'v'}] AS nested, {a: 1, b: [{c: 'd'}], e: null, f: {}} AS m, [] AS empty",
    "MATCH (a:Actor {id: 'canada'}) RETURN a, labels(a) AS labels, a.name AS name",
    "MATCH (a:Actor {id: 'canada'})-[r]-(b) RETURN r, b LIMIT 3",
    "MATCH p = (:Actor {id: 'canada'})-[]-() RETURN p LIMIT 2",
    "RETURN date('2024-02-29') AS day, localdatetime('2024-02-29T10:11:12') AS moment, point({latitude: 1.5, longitude: 2.5}) AS here",
    "MATCH (a:Actor) RETURN {id: a.id, labels: labels(a), names: [a.name, a.name_fr]} AS item ORDER BY a.id LIMIT 20",
]


@pytest.mark.parametrize("query", QUERIES)
def test_rows_equal_the_clients_parse_made_plain(store: FalkorDBStore, query: str) -> None:
    ours = store.run(query)
    theirs = store._db.select_graph(store.graph_name).ro_query(query)
    assert ours.rows == [[plain(v) for v in row] for row in theirs.result_set]
    assert ours.columns == [str(h[1]) for h in theirs.header]
    assert ours.rows, query  # each query returns something to compare


def test_the_row_cap_cuts_and_says_so(store: FalkorDBStore) -> None:
    result = store.run("UNWIND range(1, 5) AS x RETURN x", row_cap=3)
    assert result.rows == [[1], [2], [3]] and result.truncated
    assert not store.run("UNWIND range(1, 3) AS x RETURN x", row_cap=3).truncated


def test_a_query_without_columns_returns_no_rows(fresh_store: FalkorDBStore) -> None:
    result = fresh_store.run("CREATE (:Probe {id: 'x'})", read_only=False)
    assert result.columns == [] and result.rows == []
