"""Dependencies: the process's one store and settings, reached from routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from eucan.errors import StoreUnavailable
from eucan.graph.store import GraphStore
from eucan.settings import Settings

__all__ = ["SettingsDep", "StoreDep", "get_settings_dep", "get_store", "store_of"]

# The dependencies are `async def` though they never wait: FastAPI runs a plain `def` dependency in its
# thread pool, a hop (and two event-loop wake-ups) per dependency per request.


def store_of(request: Request) -> GraphStore:
    """The app's open store."""
    store: GraphStore | None = getattr(request.app.state, "store", None)
    if store is None:
        raise StoreUnavailable("the graph store is not open")
    return store


async def get_store(request: Request) -> GraphStore:
    return store_of(request)


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
