"""Instruments: the partnership, agreements, PESCO projects, CSDP missions and operations, dialogues, legal acts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from eucan.api import services
from eucan.api.deps import StoreDep
from eucan.api.models import InstrumentDetail, InstrumentSummary, Page
from eucan.api.routes._common import (
    SDP_SOURCE_EXAMPLE,
    Limit,
    Offset,
    example,
    paged,
    reject_unknown_params,
)

__all__ = ["router"]

router = APIRouter(prefix="/instruments", tags=["instruments"], dependencies=[Depends(reject_unknown_params)])

_SOURCE = SDP_SOURCE_EXAMPLE
_SDP = {
    "id": "sdp-2025",
    "name": "EU–Canada Security and Defence Partnership",
    "type": "Partnership",
    "acronym": [],
    "alt_names": ["SDP"],
    "status": "signed",
    "signed": "2025-06-23",
    "period": {"start": None, "start_precision": None, "end": None, "end_precision": None},
    "sources": [_SOURCE],
    "source_count": 1,
}


@router.get(
    "",
    summary="List instruments",
    response_model=Page[InstrumentSummary],
    responses=example({"data": [_SDP], "count": 1, "next": None, "limit": 50, "offset": 0}),
)
def list_instruments(
    request: Request,
    store: StoreDep,
    type: Annotated[services.InstrumentType | None, Query(description="Only instruments of this type.")] = None,
    domain: Annotated[
        str | None,
        Query(max_length=200, description="Only instruments covering this domain id.", examples=["maritime-security"]),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    data, total = services.list_instruments(store=store, type=type, domain=domain, limit=limit, offset=offset)
    return paged(request, data, total, limit, offset)


@router.get(
    "/{instrument_id}",
    summary="One instrument, with participants, domains and legal basis",
    response_model=InstrumentDetail,
    responses=example(
        {
            **_SDP,
            "domains": [{"id": "maritime-security", "name": "Maritime security"}],
            "participants": [
                {
                    "record": "part-canada-sdp-2025",
                    "actor": {"id": "canada", "name": "Canada", "type": "State"},
                    "role": "party",
                    "period": {"start": "2025-06-23", "start_precision": "day"},
                    "sources": [_SOURCE],
                }
            ],
            "legal_basis": [],
        }
    ),
)
def get_instrument(
    store: StoreDep,
    instrument_id: Annotated[str, Path(max_length=200, description="The instrument's id.", examples=["sdp-2025"])],
) -> InstrumentDetail:
    return services.get_instrument(store=store, instrument_id=instrument_id)
