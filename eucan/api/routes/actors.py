"""Actors: states, organisations, EU institutions and bodies, departments, people."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from eucan.api import services
from eucan.api.deps import StoreDep
from eucan.api.models import ROW_PAGE, ActorDetail, ActorSummary, Page, Partner
from eucan.api.routes._common import (
    SDP_PERIOD_EXAMPLE,
    SDP_SOURCE_EXAMPLE,
    Limit,
    Offset,
    example,
    paged,
    paged_json,
    reject_unknown_params,
)
from eucan.dates import AS_OF_RULE

__all__ = ["router"]

router = APIRouter(prefix="/actors", tags=["actors"], dependencies=[Depends(reject_unknown_params)])

ActorId = Annotated[
    str, Path(max_length=200, description="The actor's id, e.g. canada, eu, nato, germany.", examples=["canada"])
]
AsOf = Annotated[
    str | None,
    Query(description=f"Only what held on this day, YYYY-MM-DD: {AS_OF_RULE}.", examples=["2024-01-01"]),
]
_SOURCE = SDP_SOURCE_EXAMPLE
_PERIOD = SDP_PERIOD_EXAMPLE


@router.get(
    "",
    summary="List actors",
    response_model=Page[ActorSummary],
    responses=example(
        {
            "data": [
                {
                    "id": "canada",
                    "name": "Canada",
                    "type": "State",
                    "name_fr": "Canada",
                    "acronym": [],
                    "alt_names": [],
                    "sources": [_SOURCE],
                    "source_count": 1,
                }
            ],
            "count": 72,
            "next": "http://127.0.0.1:8000/api/v1/actors?offset=1&limit=1",
            "limit": 1,
            "offset": 0,
        }
    ),
)
def list_actors(
    request: Request,
    store: StoreDep,
    type: Annotated[services.ActorType | None, Query(description="Only actors of this type.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    data, total = services.list_actors(store=store, type=type, limit=limit, offset=offset)
    return paged(request, data, total, limit, offset)


@router.get(
    "/{actor_id}",
    summary="One actor, with memberships, posts and participations",
    response_model=ActorDetail,
    responses=example(
        {
            "id": "canada",
            "name": "Canada",
            "type": "State",
            "sources": [_SOURCE],
            "memberships": [
                {
                    "record": "nato-membership-canada",
                    "organisation": {
                        "id": "nato",
                        "name": "North Atlantic Treaty Organization",
                        "type": "InternationalOrganisation",
                    },
                    "period": {"start": "1949-04-04", "start_precision": "day"},
                    "sources": [_SOURCE],
                }
            ],
            "participations": [
                {
                    "record": "part-canada-sdp-2025",
                    "instrument": {
                        "id": "sdp-2025",
                        "name": "EU–Canada Security and Defence Partnership",
                        "type": "Partnership",
                    },
                    "role": "party",
                    "period": _PERIOD,
                    "sources": [_SOURCE],
                }
            ],
        }
    ),
)
def get_actor(store: StoreDep, actor_id: ActorId) -> ActorDetail:
    return services.get_actor(store=store, actor_id=actor_id)


@router.get(
    "/{actor_id}/partners",
    summary="Partners of an actor, with the instruments shared",
    description=f"A page holds {ROW_PAGE} partners unless `limit` says otherwise (up to 500).",
    response_model=Page[Partner],
    responses=example(
        {
            "data": [
                {
                    "partner": {"id": "eu", "name": "European Union", "type": "InternationalOrganisation"},
                    "instruments": [
                        {
                            "instrument": {
                                "id": "sdp-2025",
                                "name": "EU–Canada Security and Defence Partnership",
                                "type": "Partnership",
                            },
                            "actor": {
                                "record": "part-canada-sdp-2025",
                                "role": "party",
                                "period": _PERIOD,
                                "sources": [_SOURCE],
                                "source_count": 1,
                            },
                            "partner": {
                                "record": "part-eu-sdp-2025",
                                "role": "party",
                                "period": _PERIOD,
                                "sources": [_SOURCE],
                                "source_count": 1,
                            },
                        }
                    ],
                    "instrument_count": 1,
                }
            ],
            "count": 39,
            "next": None,
            "limit": ROW_PAGE,
            "offset": 0,
        }
    ),
)
def get_partners(
    request: Request,
    store: StoreDep,
    actor_id: ActorId,
    as_of: AsOf = None,
    limit: Limit = ROW_PAGE,
    offset: Offset = 0,
) -> Response:
    data, total = services.partners_json(store=store, actor=actor_id, as_of=as_of, limit=limit, offset=offset)
    return paged_json(request, data, total, limit, offset)
