"""The FastAPI application: build it, open the store in the lifespan, include the routers."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from eucan import __version__
from eucan.api import kept
from eucan.api.errors import install_error_handlers
from eucan.api.http_conventions import HeadAsGet, add_cors
from eucan.api.limits import RequestLimits
from eucan.api.openapi_docs import install_openapi
from eucan.api.routes import actors, cooperation, domains, events, instruments, meta, pages, path, search, timeline
from eucan.api.routes import dataset as dataset_routes
from eucan.api.routes import queries as query_routes
from eucan.api.routes import resources as resource_routes
from eucan.api.routes import sparql as sparql_routes
from eucan.api.warm import Warmer
from eucan.graph.store import GraphStore
from eucan.queries.catalog import use_user_queries
from eucan.settings import Settings

__all__ = ["create_app"]

DESCRIPTION = """
Who cooperates with whom on what in EU–Canada security and defence: actors, instruments
(the 2025 Security and Defence Partnership, agreements, PESCO projects, CSDP missions and
operations, dialogues), the 16 cooperation areas, and every fact with its source URL, quote
and retrieval date. Errors always have the shape
`{"ok": false, "error": "...", "errors": ["..."], "status": 422}`.

List answers are bounded: each item shows at most 5 sources (primary first, then by URL and quote) and at
most 50 partners, participants or shared instruments; `source_count`, `partner_count`, `participant_count`
and `instrument_count` say how many there are, and the item's own endpoint gives them all.
"""


def create_app(
    settings: Settings | None = None,
    *,
    store: GraphStore | None = None,
    warm: bool | None = None,
    serving: bool = False,
) -> FastAPI:
    """An app that opens its own store from `settings`, or uses the `store` it is given (tests, and
    `eucan serve`, which opens the store before the server starts so that a store that cannot open is one
    clear error, not a traceback from the server's start-up).

    `serving` says the app is a server's, living as long as its process (as is an app that opens its own
    store): it closes the store at shutdown. `warm` (default: when serving) starts a `Warmer` that builds
    the kept orders of every list filter in the background, and again after each new load (`eucan/api/warm.py`)."""
    settings = settings or Settings()
    use_user_queries(settings.queries_dir)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from eucan.graph.factory import open_store

        owned = store is None
        server = owned or serving
        app.state.store = store if store is not None else open_store(settings)
        app.state.settings = settings
        if server:
            # What exists now (modules, ontology, app, store) lives as long as the server: freeze it so the
            # collector's full passes scan only per-request objects (a full pass over it costs tens of ms and
            # otherwise lands on every few requests of a busy endpoint, e.g. /cooperation).
            gc.freeze()
            kept.FREEZE = True  # and each kept figure once built (eucan/api/kept.py)
        warmer = Warmer(app.state.store).start() if (server if warm is None else warm) else None
        app.state.warmer = warmer
        try:
            yield
        finally:
            if warmer is not None:
                warmer.stop()
                app.state.warmer = None
            sparql = getattr(app.state, "sparql", None)
            if sparql is not None:
                sparql.close()
                app.state.sparql = None
            if server:
                kept.FREEZE = False
                # Here, not after the server returns: uvicorn re-raises a SIGTERM it handled once it has shut
                # down, which ends the process (`eucan serve` would leave its engine running). Closing twice is
                # harmless (`eucan serve` closes the store it opened on the way out too).
                app.state.store.close()
            app.state.store = None

    app = FastAPI(
        title="EU–Canada Security Knowledge Graph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served below from the vendored Swagger UI: nothing from a CDN
        redoc_url=None,
    )
    install_error_handlers(app)
    install_openapi(app)
    app.add_middleware(HeadAsGet)  # innermost: HEAD runs the GET route
    add_cors(app, settings)
    app.add_middleware(RequestLimits, settings=settings)  # outermost: Host and sizes are checked first
    app.include_router(meta.router)
    app.include_router(meta.router, prefix="/api/v1")
    for resource in (actors, instruments, events, domains, search, cooperation, path, timeline):
        app.include_router(resource.router, prefix="/api/v1")
    app.include_router(query_routes.router)
    # The explorer (HTML pages, before the plain /page/ route it replaces for actors, instruments, domains).
    app.include_router(pages.api_router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title=f"{app.title} · API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},  # the online validator badge would call another host
        )

    # Linked data at root paths: /sparql, /id/, /page/, /data/, /ontology, /domain/, /.well-known/void, /dcat, /dumps/
    app.include_router(sparql_routes.router)
    app.include_router(resource_routes.router)
    app.include_router(dataset_routes.router)
    return app
