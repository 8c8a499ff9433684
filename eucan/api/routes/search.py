"""Search everything a researcher reads (names, alternative names, descriptions, quotes, source titles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from eucan.api import search_service
from eucan.api.deps import StoreDep
from eucan.api.models import Page, SearchHit
from eucan.api.routes._common import Limit, Offset, example, paged, reject_unknown_params

__all__ = ["router"]

router = APIRouter(tags=["search"], dependencies=[Depends(reject_unknown_params)])


@router.get(
    "/search",
    summary="Search names, descriptions, quotes and source titles",
    description="Records (actors, instruments, domains, posts, events, participations, memberships, tenures) whose "
    "names, alternative names, description, evidence quotes or source titles hold every word of `q`, through the "
    "engine's own full-text index, best first. Case and accents are ignored (`defense` finds Défense); the last "
    "word also matches as a prefix (`iraq` finds Iraqi). Each hit has its kind, its date with precision, the "
    "names that match, and a snippet of the passage that holds the words. `count` is the number of hits, up to "
    f"{search_service.SEARCH_CAP}.",
    response_model=Page[SearchHit],
    responses=example(
        {
            "data": [
                {
                    "id": "part-canada-eupm-bih",
                    "name": None,
                    "type": "Participation",
                    "kind": "participation",
                    "name_fr": None,
                    "date": "2003-01-01",
                    "date_precision": "day",
                    "actor": {"id": "canada", "name": "Canada", "type": "State"},
                    "about": {
                        "id": "eupm-bih",
                        "name": "EU Police Mission in Bosnia and Herzegovina",
                        "type": "CsdpMission",
                    },
                    "score": 2.0,
                    "matched": [],
                    "snippet": {
                        "field": "quote",
                        "text": "…Canada has contributed police officers to the EU Police Mission…",
                        "lang": "en",
                        "source": "https://www.international.gc.ca/",
                    },
                    "sources": [],
                    "source_count": 0,
                }
            ],
            "count": 1,
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
            description="Words to find (at most 12 count; punctuation is ignored). Case and accents are ignored.",
            examples=["peace facility"],
            json_schema_extra={"pattern": search_service.SEARCHABLE},
        ),
    ],
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    data, total = search_service.search(store=store, q=q, limit=limit, offset=offset)
    return paged(request, data, total, limit, offset)
