"""The query catalog and ad-hoc read-only Cypher over HTTP (no Cypher here: it lives in queries/)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from eucan.api.deps import SettingsDep, StoreDep
from eucan.api.errors import ERROR_RESPONSES
from eucan.graph.store import QueryResult
from eucan.queries.catalog import NamedQuery, bind, get_query, list_queries
from eucan.queries.runner import run_adhoc, run_named

__all__ = ["CypherRequest", "router"]

router = APIRouter(prefix="/api/v1", tags=["queries"])

_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    400: {"description": "The engine could not run the query text"},
    403: {"description": "The query would write; only read-only Cypher is allowed"},
    504: {"description": "The query ran past its time limit"},
}


class CypherRequest(BaseModel):
    """Read-only Cypher with bound parameters."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"query": "MATCH (a:Actor {id: 'canada'}) RETURN a.name AS name", "parameters": {}}]
        },
    )

    query: str = Field(
        min_length=1,
        max_length=20_000,
        description="Read-only Cypher (`format: cypher-query`); a text the engine cannot parse is refused with 400.",
        examples=["MATCH (a:Actor) RETURN a.name AS name ORDER BY name LIMIT 5"],
    )
    parameters: dict[str, Any] = Field(
        default_factory=dict,
        description='Values bound to `$name` in the query, e.g. `{"id": "canada"}` for '
        "`MATCH (a:Actor {id: $id}) RETURN a.name AS name`.",
    )


def _describe(query: NamedQuery) -> dict[str, Any]:
    return {**query.describe(), "url": f"/api/v1/queries/{query.name}"}


def _result(result: QueryResult, **context: Any) -> dict[str, Any]:
    return {
        "ok": True,
        **context,
        "columns": result.columns,
        "rows": result.records(),
        "row_count": len(result.rows),
        "truncated": result.truncated,
    }


@router.get("/queries", summary="The catalog of named, documented queries")
def catalog() -> dict[str, Any]:
    queries = [_describe(q) for q in list_queries()]
    return {"ok": True, "count": len(queries), "queries": queries}


@router.get(
    "/queries/{name}", summary="Run a catalog query; its parameters come from the query string", responses=_RESPONSES
)
def run_catalog_query(name: str, request: Request, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    query = get_query(name)
    params: dict[str, Any] = dict(request.query_params)
    bound = bind(query, params)
    result = run_named(
        store=store, name=name, params=params, timeout_ms=settings.query_timeout_ms, row_cap=settings.row_cap
    )
    return _result(result, query=_describe(query), parameters=bound)


@router.post("/cypher", summary="Run read-only Cypher (writes are refused with 403)", responses=_RESPONSES)
def run_cypher(body: CypherRequest, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    result = run_adhoc(
        store=store,
        text=body.query,
        params=body.parameters,
        timeout_ms=settings.query_timeout_ms,
        row_cap=settings.row_cap,
    )
    return _result(result, limits={"timeout_ms": settings.query_timeout_ms, "row_cap": settings.row_cap})
