"""SPARQL 1.1 Protocol endpoint at /sparql: GET, POST (form or application/sparql-query); read-only.

Protocol choices (docs/sparql.md): `default-graph-uri`/`named-graph-uri` are refused with 400 (one
graph is served; the protocol allows a service to refuse a dataset it does not offer); relative
IRIs resolve against the dataset's IRI base; a POST without or with another Content-Type is 415;
the body's charset is honoured; `GET /sparql` without a query is the service description; an
Accept that takes no offered type is 406."""

from __future__ import annotations

import codecs
import threading
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from eucan.api.deps import store_of
from eucan.api.openapi_docs import SPARQL_GET_OPENAPI, SPARQL_POST_OPENAPI, SPARQL_RESPONSES
from eucan.echo import clip
from eucan.errors import ProtocolError, QueryParameterError, ReadOnlyViolation, UnsupportedMediaType
from eucan.linked.descriptions import DatasetLinks, service_description_graph
from eucan.linked.formats import RDF_FORMATS
from eucan.linked.sparql_service import SparqlResult, SparqlService, acceptable, not_acceptable
from eucan.ontology.iris import BASE

__all__ = ["SparqlDep", "get_sparql", "router"]

router = APIRouter(tags=["linked data"])
_LOCK = threading.Lock()


async def get_sparql(request: Request) -> SparqlService:
    """The app's SPARQL service, created on first use (its store is built from the graph then, by
    its first query). Async: a plain function would run in a thread (a hop per request)."""
    service: SparqlService | None = getattr(request.app.state, "sparql", None)
    if service is None:
        with _LOCK:
            service = getattr(request.app.state, "sparql", None)
            if service is None:
                settings = request.app.state.settings
                service = SparqlService(
                    store=store_of(request),
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
DATASET_REFUSED = (
    "parameters default-graph-uri and named-graph-uri are not supported: this endpoint serves one graph "
    "(the dataset); leave them out and the query runs against it"
)
QUERY_BASE = str(BASE)  # relative IRIs in a query resolve against the dataset's IRI base
SERVICE_DESCRIPTION_TYPES = [RDF_FORMATS[n].media_type for n in ("ttl", "jsonld", "rdfxml", "nt")]
_RDFLIB = {spec.media_type: spec.rdflib_name for spec in RDF_FORMATS.values()}


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
        raise ProtocolError(f"give exactly one {name!r} parameter (got {len(got)})")
    return got[0] if got else None


def _parse(text: str, encoding: str = "utf-8") -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, encoding=encoding, errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(f"the parameters are not valid percent-encoded {encoding}") from None


def _check_params(params: dict[str, list[str]]) -> None:
    if "update" in params:
        raise ReadOnlyViolation(UPDATE_REFUSED)
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise ProtocolError(DATASET_REFUSED)


def _service_description(request: Request) -> Response:
    accept = request.headers.get("accept")
    media = acceptable(accept, SERVICE_DESCRIPTION_TYPES)
    if media is None:
        raise not_acceptable(accept, SERVICE_DESCRIPTION_TYPES)
    links = DatasetLinks(base=str(BASE), site=str(request.base_url))
    body = service_description_graph(links).serialize(format=_RDFLIB[media], encoding="utf-8")
    media_type = media + ("; charset=utf-8" if media.startswith("text/") else "")
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


@router.get(
    "/sparql",
    summary="SPARQL 1.1 query (GET), or the service description without a query",
    response_class=Response,
    responses=SPARQL_RESPONSES,
    openapi_extra=SPARQL_GET_OPENAPI,
)
async def sparql_get(request: Request, sparql: SparqlDep) -> Response:
    """`?query=...`; results by `Accept`: SPARQL JSON/XML, CSV, TSV; graphs as Turtle, JSON-LD, N-Triples,
    RDF/XML. Without `query`: the SPARQL 1.1 Service Description (Turtle, JSON-LD, RDF/XML, N-Triples)."""
    params = _parse(request.url.query)
    _check_params(params)
    query = _one(params, "query")
    if query is None:
        return _service_description(request)
    return _respond(await sparql.aquery(query, accept=request.headers.get("accept"), base_iri=QUERY_BASE))


def _charset(content_type: str) -> str:
    for param in content_type.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "charset":
            name = value.strip().strip('"')
            try:
                return codecs.lookup(name).name
            except LookupError:
                raise UnsupportedMediaType(f"charset {clip(name)} is not one this server reads; send UTF-8") from None
    return "utf-8"


@router.post(
    "/sparql",
    summary="SPARQL 1.1 query (POST)",
    response_class=Response,
    responses=SPARQL_RESPONSES,
    openapi_extra=SPARQL_POST_OPENAPI,
)
async def sparql_post(request: Request, sparql: SparqlDep) -> Response:
    """Body `application/sparql-query` (the query), or `application/x-www-form-urlencoded` (`query=...`);
    the body's charset is honoured (UTF-8 by default). Updates are refused."""
    header = request.headers.get("content-type", "")
    content_type = header.split(";")[0].strip().lower()
    if not content_type:
        raise UnsupportedMediaType(
            "a POST to /sparql needs a Content-Type: application/sparql-query (the query as the body) "
            "or application/x-www-form-urlencoded (query=...)"
        )
    if content_type == "application/sparql-update":
        raise ReadOnlyViolation(UPDATE_REFUSED)
    if content_type not in ("application/sparql-query", "application/x-www-form-urlencoded"):
        raise UnsupportedMediaType(
            f"content type {clip(content_type)} is not accepted: "
            "send application/sparql-query or application/x-www-form-urlencoded"
        )
    charset = _charset(header)
    url_params = _parse(request.url.query)
    _check_params(url_params)
    raw = await request.body()
    if content_type == "application/sparql-query":
        try:
            query: str | None = raw.decode(charset)
        except UnicodeDecodeError:
            raise ProtocolError(f"the query body is not valid {charset}; send it in UTF-8") from None
        if "query" in url_params:
            raise ProtocolError("give the query once: in the body or as the query parameter, not both")
    else:
        form = _parse(raw.decode("latin-1"), charset)
        _check_params(form)
        query = _one(form, "query")
        if query is not None and "query" in url_params:
            raise ProtocolError("give the query once: in the body or as the query parameter, not both")
        query = query if query is not None else _one(url_params, "query")
    if query is None:
        raise QueryParameterError("parameter query is missing: send query=SELECT ... in the form body")
    accept = request.headers.get("accept")
    return _respond(await sparql.aquery(query, accept=accept, base_iri=QUERY_BASE))
