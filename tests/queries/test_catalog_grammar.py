"""The header grammar (optional marker, list types), the three folders, and one description."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eucan.cli import app
from eucan.errors import QueryParameterError
from eucan.graph.store import GraphStore
from eucan.queries.catalog import INTERNAL_DIR, bind, get_query, list_queries, use_user_queries
from eucan.queries.runner import run_named


@pytest.fixture
def user_queries(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "my_partners.cypher").write_text(
        "// @title Instruments of some actors\n"
        "// @param actors string[] canada,eu  Actor ids.\n"
        "// @param kind? string Partnership  Only instruments of this type.\n"
        "// @returns actor, n\n"
        "MATCH (a:Actor)-[:PARTICIPATES_IN]->(i:Instrument) WHERE a.id IN $actors\n"
        "  AND ($kind IS NULL OR $kind IN labels(i))\n"
        "RETURN a.id AS actor, count(DISTINCT i) AS n ORDER BY actor\n",
        encoding="utf-8",
    )
    use_user_queries(tmp_path)
    yield tmp_path
    use_user_queries(None)


def test_optional_is_a_marker_not_prose() -> None:
    query = get_query("actor_participations")
    as_of = next(p for p in query.parameters if p.name == "as_of")
    assert as_of.optional and not as_of.description.lower().startswith("optional")
    assert not next(p for p in query.parameters if p.name == "actor").optional


def test_lists_bind_from_text_or_lists() -> None:
    query = get_query("api_records")
    assert bind(query, {"ids": "a,b , c"})["ids"] == ["a", "b", "c"]
    assert bind(query, {"ids": ["x", "y"]})["ids"] == ["x", "y"]


def test_list_items_are_checked() -> None:
    query = get_query("api_records")
    param = query.parameters[0]
    assert param.is_list and param.item_type == "string"
    with pytest.raises(QueryParameterError):
        bind(get_query("actor_participations"), {"actor": "canada", "as_of": "2024-13-01"})


def test_internal_queries_live_apart_and_are_not_listed() -> None:
    internal = {p.stem for p in INTERNAL_DIR.glob("*.cypher")}
    assert {"api_records", "export_nodes", "stats_labels"} <= internal
    listed = {q.name for q in list_queries()}
    assert not listed & internal
    assert all(q.internal for q in list_queries(include_internal=True) if q.name in internal)


def test_a_user_folder_adds_named_queries(user_queries: Path, store: GraphStore) -> None:
    assert "my_partners" in {q.name for q in list_queries()}
    rows = run_named(store=store, name="my_partners", params={"actors": ["canada", "eu"]}).records()
    assert [r["actor"] for r in rows] == ["canada", "eu"] and all(r["n"] > 0 for r in rows)
    only = run_named(store=store, name="my_partners", params={"actors": "canada", "kind": "Partnership"}).records()
    assert 0 < only[0]["n"] < rows[0]["n"]


def test_cli_and_api_describe_queries_alike(client: object) -> None:
    import json

    from fastapi.testclient import TestClient

    assert isinstance(client, TestClient)
    cli = CliRunner().invoke(app, ["queries", "--format", "json"])
    assert cli.exit_code == 0, cli.output
    from_cli = {q["name"]: q for q in json.loads(cli.output)}
    from_api = {q["name"]: q for q in client.get("/api/v1/queries").json()["queries"]}
    assert set(from_cli) == set(from_api)
    for name, described in from_cli.items():
        assert {k: v for k, v in from_api[name].items() if k != "url"} == described
