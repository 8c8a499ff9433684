"""Events: summits, dialogue meetings, signatures, announcements, negotiations and meetings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from eucan.api import events_service
from eucan.api.deps import StoreDep
from eucan.api.models import EventDetail, EventSummary, Page
from eucan.api.routes._common import SDP_SOURCE_EXAMPLE, Limit, Offset, example, paged_json, reject_unknown_params
from eucan.loaders.records import EventType

__all__ = ["router"]

router = APIRouter(prefix="/events", tags=["events"], dependencies=[Depends(reject_unknown_params)])

_SOURCE = {
    **SDP_SOURCE_EXAMPLE,
    "quote": "On 23 June 2025, the European Union and Canada signed a Security and Defence Partnership on the margins "
    "of the EU–Canada Summit.",
}
_SUMMIT = {
    "id": "summit-2025",
    "name": "20th EU–Canada Summit",
    "type": "Summit",
    "date": "2025-06-23",
    "date_precision": "day",
    "place": "Brussels",
    "instrument": None,
    "participants": [{"id": "canada", "name": "Canada", "type": "State"}, {"id": "eu", "name": "European Union"}],
    "participant_count": 2,
    "sources": [_SOURCE],
    "source_count": 1,
}


@router.get(
    "",
    summary="List events, oldest first",
    description="Events, optionally of one type, with one participant, about one instrument, or dated within "
    "`from`..`to` (inclusive, on the event's date as stored: the first day of its month or year when only that "
    "is known; `date_precision` says which).",
    response_model=Page[EventSummary],
    responses=example({"data": [_SUMMIT], "count": 1, "next": None, "limit": 50, "offset": 0}),
)
def list_events(
    request: Request,
    store: StoreDep,
    type: Annotated[EventType | None, Query(description="Only events of this type.")] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Only events this actor took part in.", examples=["canada"])
    ] = None,
    instrument: Annotated[
        str | None,
        Query(max_length=200, description="Only events about this instrument.", examples=["pesco-military-mobility"]),
    ] = None,
    date_from: Annotated[
        str | None, Query(alias="from", description="Earliest date, YYYY-MM-DD.", examples=["2021-01-01"])
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", description="Latest date, YYYY-MM-DD.", examples=["2025-12-31"])
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    data, total = events_service.list_events_json(
        store=store,
        type=type,
        actor=actor,
        instrument=instrument,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
    )
    return paged_json(request, data, total, limit, offset)


@router.get(
    "/{event_id}",
    summary="One event, with its date, place, participants and sources",
    response_model=EventDetail,
    responses=example(
        {
            **_SUMMIT,
            "uri": "https://w3id.org/eucan-security/id/event/summit-2025",
            "description": None,
            "domains": [],
        }
    ),
)
def get_event(
    store: StoreDep,
    event_id: Annotated[str, Path(max_length=200, description="The event's id.", examples=["summit-2025"])],
) -> EventDetail:
    return events_service.get_event(store=store, event_id=event_id)
