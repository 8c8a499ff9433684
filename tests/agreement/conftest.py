"""The three doors over the one session store: the web API, the catalog (the CLI's path) and SPARQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eucan.graph.store import GraphStore
from eucan.linked.sparql_service import SparqlService
from eucan.queries.runner import run_named

PREFIXES = """PREFIX ecs: <https://w3id.org/eucan-security/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@dataclass
class Doors:
    """One question, three ways in; each method returns plain rows."""

    client: TestClient
    store: GraphStore
    sparql_service: SparqlService

    def api(self, path: str, **params: Any) -> Any:
        response = self.client.get(f"/api/v1{path}", params=params)
        assert response.status_code == 200, response.text
        return response.json()

    def api_list(self, path: str, **params: Any) -> list[dict[str, Any]]:
        body = self.api(path, limit=500, **params)
        assert body["count"] == len(body["data"]), "answer spans several pages; raise the limit"
        return list(body["data"])

    def catalog(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return run_named(store=self.store, name=name, params=params).records()

    def sparql(self, query: str) -> list[dict[str, str | None]]:
        result = self.sparql_service.query(PREFIXES + query, accept="application/sparql-results+json")
        body = json.loads(result.content)
        names = body["head"]["vars"]
        return [{n: (b[n]["value"] if n in b else None) for n in names} for b in body["results"]["bindings"]]


@pytest.fixture(scope="session")
def sparql_service(store: GraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlService]:
    """Built once per session, over the same loaded store as the API and the catalog."""
    work: Path = tmp_path_factory.mktemp("agreement-sparql")
    with SparqlService(store=store, work_dir=work, workers=1, check_interval_s=3600) as service:
        yield service


@pytest.fixture(scope="session")
def doors(client: TestClient, store: GraphStore, sparql_service: SparqlService) -> Doors:
    return Doors(client=client, store=store, sparql_service=sparql_service)
