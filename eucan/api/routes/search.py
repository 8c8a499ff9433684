"""Search names and alternative names, ignoring case and accents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from eucan.api import services
from eucan.api.deps import StoreDep
from eucan.api.models import Page, SearchHit
from eucan.api.routes._common import Limit, Offset, example, paged, reject_unknown_params

__all__ = ["router"]

router = APIRouter(tags=["search"], dependencies=[Depends(reject_unknown_params)])


@router.get(
    "/search",
    summary="Search actors, instruments, domains, posts and events by name",
    response_model=Page[SearchHit],
    responses=example(
        {
            "data": [
                {
                    "id": "national-defence",
                    "name": "National Defence",
                    "type": "GovernmentDepartment",
                    "kind": "actor",
                    "name_fr": "Défense nationale",
                    "matched": ["Défense nationale"],
                    "sources": [
                        {
                            "url": "https://www.canada.ca/en/department-national-defence.html",
                            "quote": "National Defence",
                            "retrieved": "2026-11-26",
                            "title": "National Defence",
                            "primary": True,
                        }
                    ],
                }
            ],
            "count": 3,
            "next": None,
            "limit": 50,
            "offset": 0,
        }
    ),
)
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            description="Text to find in names, French names, acronyms and alternative names "
            "(case and accents ignored: `defense` finds Défense).",
            examples=["defense"],
        ),
    ],
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[SearchHit]:
    data, total = services.search(store=store, q=q, limit=limit, offset=offset)
    return paged(request, data, total, limit, offset)
