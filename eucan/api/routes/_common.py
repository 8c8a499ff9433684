"""Shared pieces of the resource routers: paging parameters, the page envelope, and unknown-parameter checks."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar, get_origin

from fastapi import Query, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic_core import to_json

from eucan.api.errors import ERROR_RESPONSES
from eucan.echo import clip
from eucan.errors import QueryParameterError

__all__ = [
    "ERRORS",
    "SDP_PERIOD_EXAMPLE",
    "SDP_SOURCE_EXAMPLE",
    "Limit",
    "Offset",
    "example",
    "paged",
    "paged_json",
    "reject_unknown_params",
]

T = TypeVar("T")

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (1 to 500).")]
MAX_OFFSET = 1_000_000_000
"""Far above any real list, far below the engines' 64-bit SKIP + LIMIT overflow."""
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (0 to 1,000,000,000).")]
ERRORS: dict[int | str, dict[str, Any]] = ERROR_RESPONSES

# The source and period most OpenAPI examples show: the 2025 Partnership, as the EEAS announced it.
SDP_SOURCE_EXAMPLE: dict[str, Any] = {
    "url": "https://eeas.europa.eu/eeas/security-and-defence-eu-and-canada-sign-security-and-defence-partnership_en",
    "quote": "the European Union and Canada signed a Security and Defence Partnership",
    "retrieved": "2026-11-26",
    "title": "Security and Defence: EU and Canada sign Security and Defence Partnership",
    "primary": True,
}
SDP_PERIOD_EXAMPLE: dict[str, Any] = {
    "start": "2025-06-23",
    "start_precision": "day",
    "start_first": "2025-06-23",
    "end": None,
    "end_precision": None,
    "end_last": None,
    "undated": False,
}


def example(value: Any) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: the 200 example plus the error shape for 404, 422 and 503."""
    return {200: {"content": {"application/json": {"example": value}}}, **ERRORS}


def _next(request: Request, total: int, limit: int, offset: int) -> str | None:
    following = offset + limit
    return str(request.url.include_query_params(offset=following, limit=limit)) if following < total else None


def paged(request: Request, data: list[T], total: int, limit: int, offset: int) -> Response:
    """A page of items already built as the route's response models, written once by pydantic's JSON writer.

    Returning the `Page` itself would make FastAPI validate every item against the response model again and
    serialise it through `jsonable_encoder` and `json.dumps`: at a page of 50 items with their sources, that
    cost more than building them. The route's `response_model` still documents the shape (OpenAPI), and the
    items are the models it names, so the body is the same."""
    return paged_json(request, data, total, limit, offset)


def paged_json(request: Request, data: list[Any], total: int, limit: int, offset: int) -> Response:
    """A page of items built as plain JSON values in the route's response model's shape (the hot lists), or as
    the models themselves (`paged`): written once by pydantic's JSON writer, with no model built or validated."""
    page = {
        "data": data,
        "count": total,
        "next": _next(request, total, limit, offset),
        "limit": limit,
        "offset": offset,
    }
    return Response(to_json(page), media_type="application/json")


def _query_names(dependant: Dependant, *, scalar_only: bool = False) -> list[str]:
    """The query parameters a route accepts (with `scalar_only`, those that take one value, not a list)."""
    names = [
        p.alias
        for p in dependant.query_params
        if not scalar_only or get_origin(p.field_info.annotation) not in (list, tuple, set, frozenset)
    ]
    for sub in dependant.dependencies:
        names.extend(_query_names(sub, scalar_only=scalar_only))
    return names


async def reject_unknown_params(request: Request) -> None:
    """A misspelt parameter (`?actr=canada`) is an error, not a silently ignored filter; so is one given twice
    (`?as_of=2020-01-01&as_of=2024-01-01`), rather than one of its values silently chosen. Async though it never
    waits: a plain `def` dependency would run in the thread pool (a hop per request)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    accepted = set(_query_names(route.dependant))
    unknown = sorted(set(request.query_params) - accepted)
    if unknown:
        listed = ", ".join(sorted(accepted)) or "none"
        raise QueryParameterError(f"unknown parameter {clip(unknown[0])}; this endpoint accepts: {listed}")
    for name in _query_names(route.dependant, scalar_only=True):
        given = request.query_params.getlist(name)
        if len(given) > 1:
            # Which one a server takes differs (the first, the last, a list): an answer to a question the
            # caller did not ask. One value, or an error that says so.
            shown = ", ".join(clip(v) for v in given[:3]) + (", ..." if len(given) > 3 else "")
            raise QueryParameterError(f"parameter {name} given {len(given)} times ({shown}); give it once")
