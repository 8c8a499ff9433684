"""Health and version."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from eucan import __version__
from eucan.api.deps import SettingsDep, StoreDep
from eucan.api.errors import ERROR_RESPONSES, error_response
from eucan.errors import EucanError
from eucan.ontology.iris import ONTOLOGY

__all__ = ["router"]

router = APIRouter(tags=["meta"])


@router.get(
    "/health",
    summary="Does the graph engine answer a query?",
    responses={503: ERROR_RESPONSES[503]},
    description=(
        "Runs a trivial graph query with a short time limit (EUCAN_HEALTH_TIMEOUT_MS). "
        'Healthy: `{"ok": true, "health": "ok", "store": "falkordb", "latency_ms": 1.3, "warm": true}`. '
        "Degraded (engine down, stopped or saturated): status 503 in the one error shape plus "
        '`"health": "degraded"`, `"store"` and `"reason"`. A server also says whether the kept orders of the '
        'loaded graph\'s lists are built (`"warm": true`) or still being built after a start or a load '
        '(`"warm": false`: answers are right either way; the first requests of a list may be slower).'
    ),
)
def health(request: Request, store: StoreDep, settings: SettingsDep) -> Any:
    try:
        latency = store.probe(settings.health_timeout_ms)
    except EucanError as exc:
        reason = str(exc)
        return error_response(503, f"degraded: {reason}", health="degraded", store=store.backend, reason=reason)
    answer = {"ok": True, "health": "ok", "store": store.backend, "latency_ms": round(latency, 1)}
    warmer = getattr(request.app.state, "warmer", None)
    if warmer is not None:
        answer["warm"] = warmer.ready.is_set()
    return answer


@router.get("/version", summary="Software and ontology version")
def version() -> dict[str, str]:
    return {"version": __version__, "ontology": str(ONTOLOGY).rstrip("#")}
