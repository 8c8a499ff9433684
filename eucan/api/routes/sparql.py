"""SPARQL 1.1 Protocol endpoint at /sparql: GET, POST (form or application/sparql-query); read-only."""

from __future__ import annotations

import threading
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from eucan.api.deps import get_store
from eucan.echo import clip
from eucan.errors import QueryParameterError, ReadOnlyViolation
from eucan.linked.sparql_service import SparqlResult, SparqlService

__all__ = ["SparqlDep", "get_sparql", "router"]

router = APIRouter(tags=["linked data"])
_LOCK = threading.Lock()


def get_sparql(request: Request) -> SparqlService:
    """The app's SPARQL service, created on first use (its store is built from the graph then)."""
    service: SparqlService | None = getattr(request.app.state, "sparql", None)
    if service is None:
        with _LOCK:
            service = getattr(request.app.state, "sparql", None)
            if service is None:
                settings = request.app.state.settings
                service = SparqlService(
                    store=get_store(request),
                    marker_dir=settings.data_dir,
                    timeout_ms=settings.query_timeout_ms,
                    row_cap=settings.row_cap,
                    workers=settings.sparql_workers,
                    max_workers=settings.sparql_max_workers,
                    max_length=settings.sparql_max_length,
                    max_nesting=settings.sparql_max_nesting,
                    memory_mb=settings.sparql_worker_memory_mb,
                )
                request.app.state.sparql = service
    return service


SparqlDep = Annotated[SparqlService, Depends(get_sparql)]

UPDATE_REFUSED = "SPARQL Update is not allowed: this endpoint is read-only (SELECT, ASK, CONSTRUCT, DESCRIBE)"


def _respond(result: SparqlResult) -> Response:
    headers = {
        "Vary": "Accept",
        "X-Eucan-Result-Count": str(result.count),
        "X-Eucan-Truncated": str(result.truncated).lower(),
    }
    media = result.media_type + ("; charset=utf-8" if result.media_type.startswith("text/") else "")
    return Response(result.content, media_type=media, headers=headers)


def _one(values: dict[str, list[str]], name: str) -> str | None:
    got = values.get(name)
    if got and len(got) > 1:
        raise QueryParameterError(f"give exactly one {name!r} parameter (got {len(got)})")
    return got[0] if got else None


@router.get("/sparql", summary="SPARQL 1.1 query (GET)", response_class=Response)
def sparql_get(request: Request, sparql: SparqlDep) -> Response:
    """`?query=...`; results by `Accept`: SPARQL JSON/XML, CSV, TSV; graphs as Turtle, JSON-LD, N-Triples, RDF/XML."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if "update" in params:
        raise ReadOnlyViolation(UPDATE_REFUSED)
    query = _one(params, "query")
    if query is None:
        raise QueryParameterError("parameter query is missing: send ?query=SELECT ... (URL-encoded)")
    return _respond(sparql.query(query, accept=request.headers.get("accept")))


@router.post("/sparql", summary="SPARQL 1.1 query (POST)", response_class=Response)
async def sparql_post(request: Request, sparql: SparqlDep) -> Response:
    """Body `application/sparql-query`, or form-encoded `query=...`. Updates are refused."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not content_type:
        raise HTTPException(
            415,
            "a POST to /sparql needs a Content-Type: application/sparql-query (the query as the body) "
            "or application/x-www-form-urlencoded (query=...)",
        )
    body = (await request.body()).decode("utf-8", errors="replace")
    if content_type == "application/sparql-update":
        raise ReadOnlyViolation(UPDATE_REFUSED)
    if content_type == "application/sparql-query":
        query: str | None = body
    elif content_type == "application/x-www-form-urlencoded":
        form = parse_qs(body, keep_blank_values=True)
        if "update" in form:
            raise ReadOnlyViolation(UPDATE_REFUSED)
        query = _one(form, "query") or _one(parse_qs(request.url.query), "query")
    else:
        raise QueryParameterError(
            f"content type {clip(content_type)} is not accepted: "
            "send application/sparql-query or application/x-www-form-urlencoded"
        )
    if query is None:
        raise QueryParameterError("parameter query is missing: send query=SELECT ... in the form body")
    accept = request.headers.get("accept")
    from starlette.concurrency import run_in_threadpool

    result = await run_in_threadpool(sparql.query, query, accept=accept)
    return _respond(result)
