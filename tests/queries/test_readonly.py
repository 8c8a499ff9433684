"""Writes and injection attempts are refused on both paths (CLI and API), and the graph stays as it was."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eucan.cli import app
from eucan.errors import ReadOnlyViolation
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.readonly import ensure_read_only
from eucan.queries.runner import graph_stats
from tests.utils.errors import assert_error_shape

# Each attempt would change the graph (or the database) if an engine ran it with write access.
ATTEMPTS: dict[str, str] = {
    "create": "CREATE (n:Actor {id: 'intruder'}) RETURN n",
    "create-lowercase": "match (a:Actor {id: 'canada'}) create (a)-[:PARTICIPATES_IN]->(:Instrument {id: 'x'})",
    "merge": "MERGE (n:Actor {id: 'canada'}) ON MATCH SET n.name = 'Hacked' RETURN n",
    "set": "MATCH (n:Actor {id: 'canada'}) SET n.name = 'Hacked' RETURN n",
    "set-map": "MATCH (n:Actor {id: 'canada'}) SET n += {name: 'Hacked'} RETURN n",
    "delete": "MATCH (n:SourceDocument) DELETE n",
    "detach-delete": "MATCH (n) DETACH DELETE n",
    "remove": "MATCH (n:Actor {id: 'canada'}) REMOVE n.name RETURN n",
    "remove-label": "MATCH (n:Actor) REMOVE n:Actor",
    "call-db-create-label": "CALL db.createLabel('Intruder')",
    "call-apoc": "CALL apoc.create.node(['Intruder'], {id: 'x'}) YIELD node RETURN node",
    "call-dbms": "CALL dbms.security.createUser('intruder', 'secret', false)",
    "call-graph-procedure": "CALL db.idx.fulltext.createNodeIndex('Actor', 'name')",
    "call-backticked-procedure": "CALL `db.idx.fulltext.createNodeIndex`('Actor', 'name')",
    "call-subquery-write": "MATCH (n:Actor {id: 'canada'}) CALL { WITH n SET n.name = 'Hacked' } RETURN n",
    "load-csv": "LOAD CSV FROM 'file:///etc/passwd' AS line CREATE (:Leak {line: line})",
    "foreach": "MATCH (n:Actor) FOREACH (x IN [1] | SET n.name = 'Hacked')",
    "two-statements": "MATCH (n) RETURN count(n); CREATE (x:Intruder)",
    "comment-then-statement": "MATCH (n) RETURN n /* harmless */ ; CREATE (x)",
    "line-comment-newline": "MATCH (n) RETURN count(n) // just a comment\n CREATE (x:Intruder)",
    "string-with-quote": "MATCH (n) WHERE n.name = 'it\\'s' CREATE (x:Intruder) RETURN n",
    "string-looks-closed": 'RETURN "\\" CREATE (x)" AS s, 1 AS t CREATE (y:Intruder)',
    "backtick-alias": "MATCH (n) WITH n AS `CREATE` CREATE (x:Intruder)",
    "index-ddl": "CREATE INDEX FOR (n:Actor) ON (n.intruder)",
    "drop": "DROP INDEX ON :Actor(id)",
    "use-system": "USE system CREATE DATABASE intruder",
    "unicode-look-alike-semicolon": "MATCH (n) RETURN count(n)\u037e CREATE (x:Intruder)",
    "nul-byte": "MATCH (n) RETURN count(n)\x00 CREATE (x)",
}

REFUSAL_WORDS = ("read-only", "not allowed", "one statement", "NUL")

# Parameters are always bound: text that looks like Cypher comes back as data, never runs.
SMUGGLED = [
    "canada'}) DETACH DELETE a //",
    "x' OR 1=1 WITH 1 AS y CREATE (:Intruder) //",
    '"}) CREATE (:Intruder) RETURN 1 //',
    "canada\n; MATCH (n) DETACH DELETE n",
]


def _fingerprint(store: FalkorDBStore) -> dict[str, Any]:
    stats = graph_stats(store=store)
    name = store.run("MATCH (a:Actor {id: 'canada'}) RETURN a.name AS name").rows
    return {"labels": stats.labels, "relationships": stats.relationships, "canada": name}


@pytest.fixture(scope="module")
def before(store: FalkorDBStore) -> dict[str, Any]:
    return _fingerprint(store)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_corpus_is_large_enough() -> None:
    assert len(ATTEMPTS) >= 15
    assert len(SMUGGLED) >= 3


@pytest.mark.parametrize("text", list(ATTEMPTS.values()), ids=list(ATTEMPTS))
def test_api_refuses_writes(client: TestClient, text: str) -> None:
    response = client.post("/api/v1/cypher", json={"query": text, "parameters": {}})
    body = assert_error_shape(response, 403)
    assert any(word in body["error"] for word in REFUSAL_WORDS), body["error"]


@pytest.mark.parametrize("text", list(ATTEMPTS.values()), ids=list(ATTEMPTS))
def test_cli_refuses_writes(store: FalkorDBStore, runner: CliRunner, text: str) -> None:
    result = runner.invoke(app, ["query", text, "--data-dir", str(store.data_dir), "--format", "json"])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "error:" in result.output
    assert any(word in result.output for word in REFUSAL_WORDS), result.output


@pytest.mark.parametrize(
    "text",
    [t for k, t in ATTEMPTS.items() if "backticked" not in k],
    ids=[k for k in ATTEMPTS if "backticked" not in k],
)
def test_text_guard_refuses_before_the_engine(text: str) -> None:
    with pytest.raises(ReadOnlyViolation):
        ensure_read_only(text)


@pytest.mark.parametrize("value", SMUGGLED)
def test_api_parameters_come_back_as_data(client: TestClient, value: str) -> None:
    response = client.post(
        "/api/v1/cypher",
        json={
            "query": "MATCH (a:Actor) WHERE a.id = $id WITH count(a) AS matched RETURN $id AS given, matched",
            "parameters": {"id": value},
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["rows"] == [{"given": value, "matched": 0}]


@pytest.mark.parametrize("value", SMUGGLED)
def test_catalog_parameters_come_back_as_data(
    client: TestClient, store: FalkorDBStore, runner: CliRunner, value: str
) -> None:
    response = client.get("/api/v1/queries/find_records", params={"text": value})
    assert response.status_code == 200, response.text
    assert response.json()["rows"] == []
    assert response.json()["parameters"] == {"text": value}
    result = runner.invoke(
        app, ["query", "--name", "fact_sources", "-p", f"id={value}", "--data-dir", str(store.data_dir), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "[]"


def test_graph_unchanged_after_the_corpus(
    client: TestClient, store: FalkorDBStore, runner: CliRunner, before: dict[str, Any]
) -> None:
    for text in ATTEMPTS.values():
        client.post("/api/v1/cypher", json={"query": text})
        runner.invoke(app, ["query", text, "--data-dir", str(store.data_dir)])
    for value in SMUGGLED:
        client.post("/api/v1/cypher", json={"query": "MATCH (a:Actor {id: $id}) RETURN a", "parameters": {"id": value}})
    after = _fingerprint(store)
    assert after == before
    assert after["canada"] == [["Canada"]]
    assert "Intruder" not in after["labels"] and "Leak" not in after["labels"]


def test_a_clause_word_used_as_a_name_is_refused_with_the_way_out(store: FalkorDBStore) -> None:
    """The guard refuses a write keyword wherever it stands, a variable named `load` included, and says how to
    keep the name: in backticks the word is a name to the guard as to the engine, and the query runs."""
    with pytest.raises(ReadOnlyViolation) as refused:
        ensure_read_only("MATCH (load:LoadInfo) RETURN load.generation")
    assert "rename it or quote it as `load`" in str(refused.value)
    ensure_read_only("MATCH (`load`:LoadInfo) RETURN `load`.generation")
    rows = store.run("MATCH (`set`:Actor {id: 'canada'}) RETURN `set`.id").rows
    assert rows == [["canada"]]
