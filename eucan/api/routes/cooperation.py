"""The core question: who cooperates with whom, on what, when, and on what source."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from eucan.api import services
from eucan.api.deps import StoreDep
from eucan.api.models import COOPERATION_PAGE, LIST_ITEMS, LIST_SOURCES, CooperationRow, Page
from eucan.api.routes._common import (
    SDP_PERIOD_EXAMPLE,
    SDP_SOURCE_EXAMPLE,
    Limit,
    Offset,
    example,
    paged_json,
    reject_unknown_params,
)
from eucan.dates import AS_OF_RULE

__all__ = ["router"]

router = APIRouter(tags=["cooperation"], dependencies=[Depends(reject_unknown_params)])

_SOURCE = SDP_SOURCE_EXAMPLE
_PERIOD = SDP_PERIOD_EXAMPLE
_ROW = {
    "record": "part-canada-sdp-2025",
    "actor": {"id": "canada", "name": "Canada", "type": "State"},
    "role": "party",
    "instrument": {
        "id": "sdp-2025",
        "name": "EU–Canada Security and Defence Partnership",
        "type": "Partnership",
        "sources": [_SOURCE],
        "source_count": 1,
    },
    "domains": [{"id": "maritime-security", "name": "Maritime security"}],
    "period": _PERIOD,
    "partners": [
        {
            "id": "eu",
            "name": "European Union",
            "type": "InternationalOrganisation",
            "record": "part-eu-sdp-2025",
            "role": "party",
            "period": _PERIOD,
            "source_count": 1,
        }
    ],
    "partner_count": 1,
    "sources": [_SOURCE],
    "source_count": 1,
}


def _id(description: str, example_id: str) -> object:
    return Query(min_length=1, max_length=200, description=description, examples=[example_id])


@router.get(
    "/cooperation",
    summary="Who cooperates with whom on what",
    description=(
        "One row per participation: the actor, the instrument (id, name, type), the instrument's cooperation "
        "domains, the period (start, end and their precision), the other participants (partners, each with "
        "role, period and the number of its sources, `source_count`) and the sources of the participation. "
        f"`as_of` keeps the participations (the actor's and the partners') that held on that day: {AS_OF_RULE}. "
        f"Bounded: each row shows at most {LIST_SOURCES} sources of the participation and of the instrument, and "
        f"{LIST_ITEMS} partners without their sources; `source_count` and `partner_count` say how many there are "
        "(all of them, with every partner's sources: /api/v1/instruments/{id}, or a record's IRI "
        f"/id/participation/{{record}}). A page holds {COOPERATION_PAGE} rows unless `limit` says otherwise (up to 500)."
    ),
    response_model=Page[CooperationRow],
    responses=example({"data": [_ROW], "count": 1, "next": None, "limit": COOPERATION_PAGE, "offset": 0}),
)
def cooperation(
    request: Request,
    store: StoreDep,
    actor: Annotated[str | None, _id("Only the participations of this actor id.", "canada")] = None,
    partner: Annotated[str | None, _id("Only instruments this actor id also takes part in.", "germany")] = None,
    domain: Annotated[
        str | None, _id("Only instruments covering this cooperation domain id.", "maritime-security")
    ] = None,
    instrument_type: Annotated[
        services.InstrumentType | None, Query(description="Only instruments of this type.")
    ] = None,
    as_of: Annotated[
        str | None,
        Query(description=f"Only what held on this day, YYYY-MM-DD: {AS_OF_RULE}.", examples=["2006-01-01"]),
    ] = None,
    limit: Limit = COOPERATION_PAGE,
    offset: Offset = 0,
) -> Response:
    data, total = services.cooperation_json(
        store=store,
        actor=actor,
        partner=partner,
        domain=domain,
        instrument_type=instrument_type,
        as_of=as_of,
        limit=limit,
        offset=offset,
    )
    return paged_json(request, data, total, limit, offset)
