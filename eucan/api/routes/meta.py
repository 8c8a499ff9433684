"""Health and version."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from eucan import __version__
from eucan.api.deps import StoreDep
from eucan.errors import StoreUnavailable
from eucan.ontology.iris import ONTOLOGY

__all__ = ["router"]

router = APIRouter(tags=["meta"])


@router.get("/health", summary="Is the graph store reachable?")
def health(store: StoreDep) -> dict[str, Any]:
    if not store.ping():
        raise StoreUnavailable(f"the {store.backend} graph store does not answer")
    return {"ok": True, "store": store.backend}


@router.get("/version", summary="Software and ontology version")
def version() -> dict[str, str]:
    return {"version": __version__, "ontology": str(ONTOLOGY).rstrip("#")}
