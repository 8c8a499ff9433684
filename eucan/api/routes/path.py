"""How two actors are connected: shared instruments, memberships, parent organisations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from eucan.api import path_service
from eucan.api.deps import StoreDep
from eucan.api.models import PathAnswer
from eucan.api.routes._common import example, reject_unknown_params

__all__ = ["router"]

router = APIRouter(tags=["path"], dependencies=[Depends(reject_unknown_params)])

_SOURCE = {
    "url": "https://www.nato.int/cps/en/natohq/declassified_139339.htm",
    "quote": "Canada has been a member of NATO since it was founded in 1949.",
    "retrieved": "2026-11-26",
    "title": "Canada and NATO - 1949",
    "primary": True,
}


@router.get(
    "/path",
    summary="How two actors are connected",
    description="A shortest chain (at most `max_hops` steps) between two actors through every kind of link the "
    "graph holds: shared instruments (PARTICIPATES_IN), memberships (MEMBER_OF), parent organisations "
    "(SUB_ORGANISATION_OF), a person's tenure of a post (HOLDS) and the post's organisation (POST_IN), and a part "
    "in an event (EVENT_PARTICIPANT) or the instrument an event is about (ABOUT_INSTRUMENT). Each step lists the "
    "records that make it, with their sources. `found` is false when no chain that short exists; both ends are "
    "named either way.",
    response_model=PathAnswer,
    responses=example(
        {
            "source": {"id": "canada", "name": "Canada", "type": "State"},
            "target": {"id": "estonia", "name": "Estonia", "type": "State"},
            "max_hops": 4,
            "found": True,
            "hops": 2,
            "steps": [
                {
                    "step": 0,
                    "left": {"id": "canada", "name": "Canada", "type": "State"},
                    "relation": "MEMBER_OF",
                    "right": {
                        "id": "nato",
                        "name": "North Atlantic Treaty Organization",
                        "type": "InternationalOrganisation",
                    },
                    "via": [
                        {
                            "record": "nato-membership-canada",
                            "role": None,
                            "period": {"start": "1949-04-04"},
                            "sources": [_SOURCE],
                        }
                    ],
                }
            ],
        }
    ),
)
def find_path(
    store: StoreDep,
    source: Annotated[
        str, Query(alias="from", min_length=1, max_length=200, description="The first actor's id.", examples=["canada"])
    ],
    target: Annotated[
        str, Query(alias="to", min_length=1, max_length=200, description="The second actor's id.", examples=["estonia"])
    ],
    max_hops: Annotated[int, Query(ge=1, le=6, description="Most steps allowed (1 to 6).")] = 4,
) -> PathAnswer:
    return path_service.path(store=store, source=source, target=target, max_hops=max_hops)
