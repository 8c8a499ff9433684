"""What the OpenAPI description says about the linked-data routes: their media types, every
status they can answer, and the SPARQL Protocol's parameters and bodies (FastAPI cannot infer
them from routes that read the request themselves)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from eucan.api.errors import ERROR_SCHEMA
from eucan.linked.formats import RDF_FORMATS
from eucan.linked.sparql_service import RESULT_MEDIA_TYPES
from eucan.queries.params import NAME

__all__ = [
    "RDF_DOCUMENT_RESPONSES",
    "SEE_OTHER",
    "SPARQL_GET_OPENAPI",
    "SPARQL_POST_OPENAPI",
    "SPARQL_RESPONSES",
    "error",
    "install_openapi",
    "rdf_content",
]

EXAMPLE_QUERY = "SELECT ?name WHERE { <https://w3id.org/eucan-security/id/actor/canada> <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }"


def error(description: str) -> dict[str, Any]:
    """A documented error status in the one error shape."""
    return {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}


def rdf_content(media_types: list[str] | None = None) -> dict[str, Any]:
    """`content` for an RDF answer in each of `media_types` (default: every RDF format served)."""
    types = media_types or [spec.media_type for spec in RDF_FORMATS.values()]
    return {media: _body_schema(media) for media in types}


def _body_schema(media: str) -> dict[str, Any]:
    """JSON media types carry a JSON value, the others text."""
    return {} if media.endswith("json") else {"schema": {"type": "string"}}


_RESULT_TYPES = list(dict.fromkeys(t for types in RESULT_MEDIA_TYPES.values() for t in types))

SPARQL_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Query results (SELECT, ASK: SPARQL results; CONSTRUCT, DESCRIBE: RDF) by Accept; "
        "without a query, the SPARQL 1.1 Service Description",
        "content": {media: _body_schema(media) for media in _RESULT_TYPES},
    },
    400: error("Bad query (syntax, size, nesting), two queries, or dataset parameters (refused)"),
    403: error("SPARQL Update or SERVICE (read-only endpoint)"),
    406: error("No offered media type is acceptable"),
    415: error("POST body without or with an unsupported Content-Type or charset"),
    422: error("Parameter query is missing (POST)"),
    504: error("The query ran past the time limit"),
}

# A query language's grammar is not a JSON Schema: the query texts say so with a `format` naming
# the grammar (a custom format, as OpenAPI allows), so a client or a test generator knows a string
# is not enough. The tests generate queries of each format (tests/security/test_schemathesis.py).
SPARQL_QUERY = {"type": "string", "format": "sparql-query", "minLength": 1}
CYPHER_QUERY_FORMAT = "cypher-query"

_QUERY_PARAM = {
    "name": "query",
    "in": "query",
    "required": False,
    "description": "A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE; `format: sparql-query`: the "
    "SPARQL 1.1 Query grammar); a text that does not parse is refused with 400; without it, the service "
    "description",
    "schema": SPARQL_QUERY,
    "example": EXAMPLE_QUERY,
}

SPARQL_GET_OPENAPI: dict[str, Any] = {"parameters": [_QUERY_PARAM]}

SPARQL_POST_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/sparql-query": {"schema": SPARQL_QUERY, "example": EXAMPLE_QUERY},
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {"query": SPARQL_QUERY},
                    "required": ["query"],
                },
                "example": {"query": EXAMPLE_QUERY},
            },
        },
    }
}

RDF_DOCUMENT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The RDF document", "content": rdf_content()},
    301: {
        "description": "Moved Permanently: the record was renamed; `Location` names it by its current id",
        "headers": {"Location": {"schema": {"type": "string"}, "description": "The same path with the current id"}},
    },
    304: {"description": "Not modified (If-None-Match / If-Modified-Since)"},
    404: error("No such resource or document"),
    410: error("Gone: a source excerpt retired from the data (the message says why)"),
    406: error("No offered media type is acceptable"),
}


# What every route's inputs obey, whatever the route says: `RequestLimits` refuses control
# characters in the path and in every query parameter (docs/security.md).
NO_CONTROL_CHARACTERS = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _tell_the_truth(schema: dict[str, Any]) -> dict[str, Any]:
    """Add to the generated description what FastAPI cannot see: no control characters in any
    string parameter, non-empty path segments, and `format: date` on the YYYY-MM-DD parameters."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                _string_rules(parameter)
    _cypher_parameters(schema.get("components", {}).get("schemas", {}))
    return schema


def _cypher_parameters(schemas: dict[str, Any]) -> None:
    """The values `check_parameters` (queries/params.py) takes: names and map keys a letter or _ then
    letters, digits or _; strings without control characters; numbers, booleans, null, lists, maps."""
    if "CypherRequest" not in schemas:
        return
    name = {"pattern": f"^{NAME.pattern}$"}
    value = {"$ref": "#/components/schemas/CypherValue"}
    schemas["CypherValue"] = {
        "description": "A Cypher parameter value",
        "anyOf": [
            {"type": "string", "pattern": NO_CONTROL_CHARACTERS},
            {"type": "number"},
            {"type": "boolean"},
            {"type": "null"},
            {"type": "array", "items": value},
            {"type": "object", "propertyNames": name, "additionalProperties": value},
        ],
    }
    parameters = schemas["CypherRequest"]["properties"]["parameters"]
    parameters.update(propertyNames=name, additionalProperties=value)
    schemas["CypherRequest"]["properties"]["query"]["format"] = CYPHER_QUERY_FORMAT


def _string_rules(parameter: dict[str, Any]) -> None:
    schema = parameter.get("schema", {})
    options = schema.get("anyOf") or [schema]
    if "YYYY-MM-DD" in parameter.get("description", "") and not parameter.get("required"):
        # An optional date: a day, or left empty (`?as_of=` means "not given").
        day = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        schema.pop("type", None)
        schema["anyOf"] = [day, {"type": "string", "maxLength": 0}, *(o for o in options if o.get("type") != "string")]
        return
    for option in options:
        if option.get("type") != "string" or "enum" in option or "const" in option or "format" in option:
            continue
        if "YYYY-MM-DD" in parameter.get("description", ""):
            option.setdefault("format", "date")
            option.setdefault("pattern", DATE_PATTERN)
            continue
        option.setdefault("pattern", NO_CONTROL_CHARACTERS)
        if parameter.get("in") == "path":
            option.setdefault("minLength", 1)


def install_openapi(app: FastAPI) -> None:
    """Serve the generated OpenAPI description with the rules above added (built once)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _tell_the_truth(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


SEE_OTHER: dict[int | str, dict[str, Any]] = {
    303: {
        "description": "See Other: `Location` names the document about the resource (chosen by Accept)",
        "headers": {"Location": {"schema": {"type": "string"}, "description": "The document's path"}},
    },
    301: {
        "description": "Moved Permanently: the record was renamed; `Location` names it by its current id",
        "headers": {"Location": {"schema": {"type": "string"}, "description": "The same path with the current id"}},
    },
    404: error("No such resource"),
    410: error("Gone: a source excerpt retired from the data (the message says why)"),
}
