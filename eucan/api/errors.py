"""One JSON error shape for every failure, produced here and nowhere else.

{"ok": false, "error": "<one line>", "errors": ["<each problem>"], "status": <int>}
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from eucan.api.http_conventions import allowed_methods
from eucan.echo import clip
from eucan.errors import (
    ConfigError,
    EucanError,
    NotAcceptable,
    NotFound,
    ProtocolError,
    QueryNotFound,
    QueryParameterError,
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyViolation,
    SourceError,
    StoreError,
    StoreUnavailable,
    UnsupportedMediaType,
)
from eucan.linked.retired import gone_message

__all__ = ["ERROR_RESPONSES", "error_response", "install_error_handlers", "status_for"]

log = logging.getLogger("eucan.api")

_STATUS: list[tuple[type[EucanError], int]] = [
    (UnsupportedMediaType, 415),
    (NotAcceptable, 406),
    (ProtocolError, 400),
    (NotFound, 404),
    (QueryNotFound, 404),
    (QueryParameterError, 422),
    (ReadOnlyViolation, 403),
    (QuerySyntaxError, 400),
    (QueryTimeout, 504),
    (SourceError, 422),
    (StoreUnavailable, 503),
    (StoreError, 503),
    (ConfigError, 500),
]

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "error": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "string"}},
        "status": {"type": "integer"},
    },
    "required": ["ok", "error", "errors", "status"],
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for code, text in [(404, "Unknown id"), (422, "Bad parameter"), (503, "Store unavailable")]
}


def status_for(exc: EucanError) -> int:
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            return status
    return 500


MESSAGE_LIMIT = 2_000  # a last guard: every message is cut here, whatever it echoes


def _cut(text: str) -> str:
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 30] + f"… (cut from {len(text):,} chars)"


def error_response(status: int, message: str, errors: list[str] | None = None, **context: Any) -> JSONResponse:
    message = _cut(message)
    body = {
        "ok": False,
        "error": message,
        "errors": [_cut(e) for e in errors or [message]],
        "status": status,
        **context,
    }
    return JSONResponse(body, status_code=status)


def _describe_validation(exc: RequestValidationError) -> list[str]:
    problems = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        value = err.get("input")
        shown = f"={clip(value)}" if value is not None and not isinstance(value, dict) else ""
        problems.append(f"parameter {name}{shown}: {err.get('msg')}")
    return problems


async def _moved(request: Request) -> str | None:
    """Where a request that names a renamed record's old id belongs now (`eucan.api.moved`)."""
    store = getattr(request.app.state, "store", None)
    if store is None:
        return None
    from starlette.concurrency import run_in_threadpool

    from eucan.api.moved import moved_location

    try:
        return await run_in_threadpool(moved_location, request, store)
    except EucanError:
        return None  # the store cannot answer: the 404 stands


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(EucanError)
    async def _eucan(request: Request, exc: EucanError) -> Response:
        if isinstance(exc, NotFound):
            moved = await _moved(request)
            if moved is not None:
                return RedirectResponse(moved, status_code=301)
            gone = gone_message(request.url.path)  # a retired excerpt IRI: 410, not 404
            if gone is not None:
                return error_response(410, gone)
        status = status_for(exc)
        errors = [str(p) for p in exc.problems] if isinstance(exc, SourceError) else [str(exc)]
        return error_response(status, str(exc).splitlines()[0] if errors else str(exc), errors)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = _describe_validation(exc)
        return error_response(422, problems[0] if problems else "invalid request", problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail) if exc.status_code != 404 else f"no such path: {request.url.path}"
        if exc.status_code == 405:
            allow = allowed_methods(request.app, request.scope)
            message = f"method {request.method} is not allowed on {request.url.path}; allowed: {', '.join(allow)}"
            response = error_response(405, message)
            response.headers["Allow"] = ", ".join(allow)
            return response
        response = error_response(exc.status_code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RecursionError)
    async def _too_deep(_: Request, exc: RecursionError) -> JSONResponse:
        return error_response(400, "the request is nested too deeply to be read")

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return error_response(500, "internal error; the server log has the details")
