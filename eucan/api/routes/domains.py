"""Cooperation domains: the 16 areas of the 2025 EU–Canada Security and Defence Partnership."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from eucan.api import services
from eucan.api.deps import StoreDep
from eucan.api.models import DomainDetail, DomainSummary, Page
from eucan.api.routes._common import SDP_SOURCE_EXAMPLE, Limit, Offset, example, paged_json, reject_unknown_params

__all__ = ["router"]

router = APIRouter(prefix="/domains", tags=["domains"], dependencies=[Depends(reject_unknown_params)])

_SOURCE = {
    **SDP_SOURCE_EXAMPLE,
    "quote": "The Security and Defence Partnership expands cooperation in a wide range of areas",
}
_MARITIME = {
    "id": "maritime-security",
    "name": "Maritime security",
    "notation": "MAR",
    "alt_names": [],
    "uri": "https://w3id.org/eucan-security/domain/maritime-security",
    "instrument_count": 1,
    "sources": [_SOURCE],
    "source_count": 1,
}


@router.get(
    "",
    summary="List the cooperation domains",
    response_model=Page[DomainSummary],
    responses=example({"data": [_MARITIME], "count": 16, "next": None, "limit": 50, "offset": 0}),
)
def list_domains(request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Response:
    data, total = services.list_domains_json(store=store, limit=limit, offset=offset)
    return paged_json(request, data, total, limit, offset)


@router.get(
    "/{domain_id}",
    summary="One cooperation domain, with the instruments covering it",
    description=(
        "The domain with all its sources, and the first 50 instruments covering it: the first page of "
        "/api/v1/instruments?domain={id} (by name, then id), which pages through all of them; "
        "`instrument_count` says how many there are."
    ),
    response_model=DomainDetail,
    responses=example(
        {
            **_MARITIME,
            "instruments": [
                {
                    "id": "sdp-2025",
                    "name": "EU–Canada Security and Defence Partnership",
                    "type": "Partnership",
                    "period": {},
                    "sources": [_SOURCE],
                    "source_count": 1,
                }
            ],
        }
    ),
)
def get_domain(
    store: StoreDep,
    domain_id: Annotated[str, Path(max_length=200, description="The domain's id.", examples=["maritime-security"])],
) -> DomainDetail:
    return services.get_domain(store=store, domain_id=domain_id)
