"""The web's own conventions on every route: HEAD wherever GET works, `Allow` on every 405, and
CORS for the read-only open-data surface (RFC 9110 §9.3.2, §15.5.6; the Fetch standard).

- `HeadAsGet` answers HEAD by running the GET route and dropping the body, so the headers
  (Content-Type, Content-Length, ETag, Link ...) are exactly those of the GET.
- `allowed_methods` lists what a path answers, over every route that matches it (a 405's `Allow`).
- `add_cors` configures Starlette's `CORSMiddleware` from `Settings.cors_allow_origins`:
  GET, HEAD and POST (SPARQL reads) from any origin by default, no credentials, and the
  headers clients need exposed (`Link`, `ETag`, `Last-Modified`, `X-Eucan-*`).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eucan.settings import Settings

__all__ = ["CORS_EXPOSED_HEADERS", "HeadAsGet", "add_cors", "allowed_methods"]

CORS_EXPOSED_HEADERS = [
    "Link",
    "ETag",
    "Last-Modified",
    "Content-Length",
    "Content-Disposition",
    "X-Eucan-Truncated",
    "X-Eucan-Result-Count",
]
CORS_ALLOWED_HEADERS = ["Accept", "Accept-Language", "Content-Type", "If-None-Match", "If-Modified-Since"]


class HeadAsGet:
    """Run HEAD requests as GET and send the headers without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        finished = False

        async def headers_only(message: Message) -> None:
            nonlocal finished
            if message["type"] == "http.response.body":
                if finished:
                    return
                finished = not message.get("more_body", False)
                if finished:
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]


def allowed_methods(app: Any, scope: Scope) -> list[str]:
    """The methods the request's path answers (a 405's `Allow`): each method is tried against every
    route, included routers too, so a path served by two routes (GET and POST /sparql) lists both."""
    routes = [route for route in getattr(app, "routes", []) if hasattr(route, "matches")]
    allowed = [
        method
        for method in _METHODS
        if any(route.matches({**scope, "method": method})[0] == Match.FULL for route in routes)
    ]
    if "GET" in allowed and "HEAD" not in allowed:
        allowed.insert(allowed.index("GET") + 1, "HEAD")  # HeadAsGet answers it
    return allowed


def add_cors(app: FastAPI, settings: Settings) -> None:
    """CORS for the read-only surface, from `Settings.cors_allow_origins` (empty: no CORS headers)."""
    origins = [o.strip() for o in settings.cors_allow_origins.split(",") if o.strip()]
    if not origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=["GET", "HEAD", "POST"],
        allow_headers=CORS_ALLOWED_HEADERS,
        expose_headers=CORS_EXPOSED_HEADERS,
        allow_credentials=False,
        max_age=86_400,
    )
