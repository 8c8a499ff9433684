"""What the OpenAPI description says about the linked-data routes: their media types, every
status they can answer, and the SPARQL Protocol's parameters and bodies (FastAPI cannot infer
them from routes that read the request themselves)."""

from __future__ import annotations

from typing import Any

from eucan.api.errors import ERROR_SCHEMA
from eucan.linked.formats import RDF_FORMATS
from eucan.linked.sparql_service import RESULT_MEDIA_TYPES

__all__ = [
    "RDF_DOCUMENT_RESPONSES",
    "SPARQL_GET_OPENAPI",
    "SPARQL_POST_OPENAPI",
    "SPARQL_RESPONSES",
    "error",
    "rdf_content",
]

EXAMPLE_QUERY = "SELECT ?name WHERE { <https://w3id.org/eucan-security/id/actor/canada> <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }"


def error(description: str) -> dict[str, Any]:
    """A documented error status in the one error shape."""
    return {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}


def rdf_content(media_types: list[str] | None = None) -> dict[str, Any]:
    """`content` for an RDF answer in each of `media_types` (default: every RDF format served)."""
    types = media_types or [spec.media_type for spec in RDF_FORMATS.values()]
    return {media: {"schema": {"type": "string"}} for media in types}


_RESULT_TYPES = list(dict.fromkeys(t for types in RESULT_MEDIA_TYPES.values() for t in types))

SPARQL_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Query results (SELECT, ASK: SPARQL results; CONSTRUCT, DESCRIBE: RDF) by Accept; "
        "without a query, the SPARQL 1.1 Service Description",
        "content": {media: {"schema": {"type": "string"}} for media in _RESULT_TYPES},
    },
    400: error("Bad query (syntax, size, nesting), two queries, or dataset parameters (refused)"),
    403: error("SPARQL Update or SERVICE (read-only endpoint)"),
    406: error("No offered media type is acceptable"),
    415: error("POST body without or with an unsupported Content-Type or charset"),
    422: error("Parameter query is missing (POST)"),
    504: error("The query ran past the time limit"),
}

_QUERY_PARAM = {
    "name": "query",
    "in": "query",
    "required": False,
    "description": "A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE); without it, the service description",
    "schema": {"type": "string", "minLength": 1},
    "example": EXAMPLE_QUERY,
}

SPARQL_GET_OPENAPI: dict[str, Any] = {"parameters": [_QUERY_PARAM]}

SPARQL_POST_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/sparql-query": {"schema": {"type": "string", "minLength": 1}, "example": EXAMPLE_QUERY},
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {"query": {"type": "string", "minLength": 1}},
                    "required": ["query"],
                },
                "example": {"query": EXAMPLE_QUERY},
            },
        },
    }
}

RDF_DOCUMENT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The RDF document", "content": rdf_content()},
    304: {"description": "Not modified (If-None-Match / If-Modified-Since)"},
    404: error("No such resource or document"),
    406: error("No offered media type is acceptable"),
}
