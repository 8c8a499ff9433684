"""Dated entries for an actor: events, participations starting and ending, signatures, memberships, posts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from eucan.api import services
from eucan.api.deps import StoreDep
from eucan.api.models import Page, TimelineEntry
from eucan.api.routes._common import Limit, Offset, example, paged, reject_unknown_params

__all__ = ["router"]

router = APIRouter(tags=["timeline"], dependencies=[Depends(reject_unknown_params)])

_SOURCE = {
    "url": "http://www.cmp-cpm.forces.gc.ca/dhh-dhp/od-bdo/europe/BOREAS-eng.asp",
    "quote": "Operation BOREAS - 9 February 2005 – 31 March 2007",
    "retrieved": "2026-11-26",
    "title": "Details/Information for Canadian Forces (CF) Operation BOREAS",
    "primary": True,
}
_NETLOGHUBS_SOURCE = {
    "url": "https://lexaris.de/book/version/documentflat/head/2121416",
    "quote": "on the participation of Canada in the PESCO project Network of Logistic Hubs in Europe and Support to "
    "Operations",
    "lang": "en",
    "retrieved": "2026-11-26",
    "title": "Council Decision (CFSP) 2023/385 of 20 February 2023 on the participation of Canada in the PESCO "
    "project Network of Logistic Hubs in Europe and Support to Operations (lexaris copy)",
    "primary": False,
}


@router.get(
    "/timeline",
    summary="Timeline of an actor",
    description="The actor's dated entries, oldest first (events, participations, signatures and entries into "
    "force of its instruments, memberships, posts held), each with its sources; `from`/`to` keep the entries "
    "dated within (both days included). A participation starts and ends on the days the as-of rule uses "
    "(`/cooperation?as_of=` lists it from its `participation-start` to the last day its `participation-end` "
    "can mean): its own dates, else its instrument's start or end, or the adoption of the legal act that "
    "admitted it; `date_basis` (`stated`, `instrument`, `legal-basis`) and `derived_from` say which. "
    "Without `from` and `to`, the participations, memberships and tenures with neither start nor end follow, "
    "with `date` null and kind `participation-undated`, `membership-undated` or `tenure-undated`.",
    response_model=Page[TimelineEntry],
    responses=example(
        {
            "data": [
                {
                    "date": "2005-02-09",
                    "precision": "day",
                    "kind": "participation-start",
                    "record": "part-canada-eufor-althea",
                    "type": "Participation",
                    "title": "EUFOR Althea",
                    "instrument": {"id": "eufor-althea", "name": "EUFOR Althea", "type": "CsdpOperation"},
                    "date_basis": "stated",
                    "derived_from": None,
                    "sources": [_SOURCE],
                    "source_count": 1,
                },
                {
                    "date": "2023-02-20",
                    "precision": "day",
                    "kind": "participation-start",
                    "record": "part-canada-pesco-netloghubs",
                    "type": "Participation",
                    "title": "Network of Logistic Hubs in Europe and Support to Operations",
                    "instrument": {
                        "id": "pesco-netloghubs",
                        "name": "Network of Logistic Hubs in Europe and Support to Operations",
                        "type": "PescoProject",
                    },
                    "date_basis": "legal-basis",
                    "derived_from": {
                        "id": "la-2023-385-cfsp",
                        "name": "Council Decision (CFSP) 2023/385 of 20 February 2023 on the participation of Canada "
                        "in the PESCO project Network of Logistic Hubs in Europe and Support to Operations",
                        "type": "LegalAct",
                    },
                    "sources": [_NETLOGHUBS_SOURCE],
                    "source_count": 3,
                },
            ],
            "count": 2,
            "next": None,
            "limit": 50,
            "offset": 0,
        }
    ),
)
def get_timeline(
    request: Request,
    store: StoreDep,
    actor: Annotated[str, Query(min_length=1, max_length=200, description="The actor's id.", examples=["canada"])],
    date_from: Annotated[
        str | None, Query(alias="from", description="First day, YYYY-MM-DD (included).", examples=["2005-01-01"])
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", description="Last day, YYYY-MM-DD (included).", examples=["2007-12-31"])
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    data, total = services.timeline(
        store=store, actor=actor, date_from=date_from, date_to=date_to, limit=limit, offset=offset
    )
    return paged(request, data, total, limit, offset)
