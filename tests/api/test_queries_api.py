"""The catalog over HTTP (GET /api/v1/queries...) and ad-hoc read-only Cypher (POST /api/v1/cypher)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from eucan.api.main import create_app
from eucan.graph.store import GraphStore
from eucan.settings import Settings
from tests.utils.errors import assert_error_shape


@pytest.fixture(scope="module")
def tight_client(store: GraphStore, settings: Settings) -> Iterator[TestClient]:
    """The API with a 5-row cap and a 1 ms time limit."""
    tight = settings.model_copy(update={"row_cap": 5, "query_timeout_ms": 1})
    with TestClient(create_app(tight, store=store)) as c:
        yield c


@pytest.fixture(scope="module")
def capped_client(store: GraphStore, settings: Settings) -> Iterator[TestClient]:
    """The API with a 5-row cap and the normal time limit (a 1 ms limit can trip any query on a busy machine)."""
    capped = settings.model_copy(update={"row_cap": 5})
    with TestClient(create_app(capped, store=store)) as c:
        yield c


def test_catalog_lists_documented_queries(client: TestClient) -> None:
    response = client.get("/api/v1/queries")
    assert response.status_code == 200
    body = response.json()
    names = [q["name"] for q in body["queries"]]
    assert body["count"] == len(names) >= 20
    assert {"actor_partners", "membership_overlap", "fact_sources", "sdp_domains"} <= set(names)
    assert not [n for n in names if n.startswith(("stats_", "export_", "api_", "coverage_"))]
    partners = next(q for q in body["queries"] if q["name"] == "actor_partners")
    assert partners["returns"] == ["partner", "partner_name", "shared", "instruments"]
    assert partners["parameters"][0] == {
        "name": "actor",
        "type": "string",
        "example": "canada",
        "optional": False,
        "description": "The actor's id (e.g. canada, eu, germany, nato).",
    }
    assert partners["parameters"][1]["optional"] is True
    assert partners["url"] == "/api/v1/queries/actor_partners"


def test_run_catalog_query_with_query_string(client: TestClient) -> None:
    response = client.get("/api/v1/queries/actor_partners", params={"actor": "canada"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True
    assert body["columns"] == ["partner", "partner_name", "shared", "instruments"]
    assert body["rows"][0]["partner"] == "eu"
    assert "sdp-2025" in body["rows"][0]["instruments"]
    assert body["parameters"] == {"actor": "canada", "as_of": None}
    assert body["row_count"] == len(body["rows"]) and body["truncated"] is False


def test_optional_date_parameter_changes_the_answer(client: TestClient) -> None:
    later = client.get(
        "/api/v1/queries/members_not_in", params={"member_of": "eu", "not_member_of": "nato", "as_of": "2025-01-01"}
    )
    earlier = client.get(
        "/api/v1/queries/members_not_in", params={"member_of": "eu", "not_member_of": "nato", "as_of": "2020-01-01"}
    )
    assert [r["member"] for r in later.json()["rows"]] == ["austria", "cyprus", "ireland", "malta"]
    assert {"finland", "sweden"} <= {r["member"] for r in earlier.json()["rows"]}


def test_unknown_query_is_404(client: TestClient) -> None:
    body = assert_error_shape(client.get("/api/v1/queries/actor_partner"), 404, "actor_partner")
    assert "did you mean 'actor_partners'" in body["error"]


@pytest.mark.parametrize(
    ("params", "mention"),
    [
        ({}, "needs parameter 'actor'"),
        ({"actor": "canada", "as_of": "last year"}, "must be a date"),
        ({"actor": "canada", "colour": "red"}, "no parameter 'colour'"),
    ],
    ids=["missing", "bad-date", "unknown"],
)
def test_bad_parameters_are_422(client: TestClient, params: dict[str, str], mention: str) -> None:
    assert_error_shape(client.get("/api/v1/queries/actor_partners", params=params), 422, mention)


def test_cypher_returns_rows_with_bound_parameters(client: TestClient) -> None:
    response = client.post(
        "/api/v1/cypher",
        json={"query": "MATCH (a:Actor {id: $id}) RETURN a.id AS id, a.name AS name", "parameters": {"id": "canada"}},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["id", "name"]
    assert body["rows"] == [{"id": "canada", "name": "Canada"}]
    assert body["limits"]["row_cap"] >= 1 and body["limits"]["timeout_ms"] >= 1


def test_cypher_nodes_relationships_and_paths_stay_legible(client: TestClient) -> None:
    response = client.post(
        "/api/v1/cypher",
        json={
            "query": "MATCH p = (a:Actor {id: 'canada'})-[r:MEMBER_OF]->(o:Actor {id: 'nato'}) RETURN a, r, p LIMIT 1",
        },
    )
    assert response.status_code == 200, response.text
    row = response.json()["rows"][0]
    node, rel, path = row["a"], row["r"], row["p"]
    assert node["_kind"] == "node" and "Actor" in node["labels"] and node["properties"]["id"] == "canada"
    assert rel["_kind"] == "relationship" and rel["type"] == "MEMBER_OF"
    assert rel["start"] == node["_id"]
    assert path["_kind"] == "path"
    assert [n["properties"]["id"] for n in path["nodes"]] == ["canada", "nato"]
    assert [r["type"] for r in path["relationships"]] == ["MEMBER_OF"]


def test_cypher_row_cap_truncates(capped_client: TestClient) -> None:
    response = capped_client.post("/api/v1/cypher", json={"query": "UNWIND range(1, 50) AS n RETURN n"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["row_count"] == 5 and body["truncated"] is True
    assert [r["n"] for r in body["rows"]] == [1, 2, 3, 4, 5]


def test_cypher_timeout_is_504(tight_client: TestClient) -> None:
    response = tight_client.post("/api/v1/cypher", json={"query": "MATCH (a), (b), (c) RETURN count(*) AS n"})
    assert_error_shape(response, 504, "time limit")


def test_catalog_query_row_cap_applies(capped_client: TestClient) -> None:
    response = capped_client.get(
        "/api/v1/queries/members_as_of", params={"organisation": "nato", "as_of": "2025-01-01"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["row_count"] == 5 and response.json()["truncated"] is True


def test_cypher_syntax_error_is_400(client: TestClient) -> None:
    assert_error_shape(client.post("/api/v1/cypher", json={"query": "MATCH (a RETURN a"}), 400)


@pytest.mark.parametrize(
    "body",
    [{}, {"query": ""}, {"query": "RETURN 1", "parameters": []}, {"query": "RETURN 1", "params": {}}],
    ids=["no-query", "empty", "parameters-not-object", "unknown-field"],
)
def test_cypher_bad_body_is_422(client: TestClient, body: dict[str, object]) -> None:
    assert_error_shape(client.post("/api/v1/cypher", json=body), 422)


def test_cypher_write_is_403(client: TestClient) -> None:
    assert_error_shape(client.post("/api/v1/cypher", json={"query": "CREATE (x:Intruder)"}), 403, "CREATE")
