"""The FastAPI application: build it, open the store in the lifespan, include the routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from eucan import __version__
from eucan.api.errors import install_error_handlers
from eucan.api.routes import meta
from eucan.graph.store import GraphStore
from eucan.settings import Settings

__all__ = ["create_app"]

DESCRIPTION = """
Who cooperates with whom on what in EU–Canada security and defence: actors, instruments
(the 2025 Security and Defence Partnership, agreements, PESCO projects, CSDP missions and
operations, dialogues), the 16 cooperation areas, and every fact with its source URL, quote
and retrieval date. Errors always have the shape
`{"ok": false, "error": "...", "errors": ["..."], "status": 422}`.
"""


def create_app(settings: Settings | None = None, *, store: GraphStore | None = None) -> FastAPI:
    """An app that opens its own store from `settings`, or uses the `store` it is given (tests)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from eucan.graph.factory import open_store

        owned = store is None
        app.state.store = store if store is not None else open_store(settings)
        app.state.settings = settings
        try:
            yield
        finally:
            if owned:
                app.state.store.close()
            app.state.store = None

    app = FastAPI(
        title="EU–Canada Security Knowledge Graph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    install_error_handlers(app)
    app.include_router(meta.router)
    app.include_router(meta.router, prefix="/api/v1")
    return app
