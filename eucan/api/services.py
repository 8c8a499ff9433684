"""What the web API answers, as keyword-only functions over a store (callable from the CLI and tests too).

Each function runs internal named queries (`queries/internal/api_*.cypher`, row shapes in `rows.py`)
through `run_named` and shapes the rows into the response models (`models.py`). The functions live
in one module per resource (`actor_service`, `instrument_service`, `cooperation_service`,
`search_service`, `events_service`, `path_service`); what they share (references, periods,
provenance) is in `provenance`. This module gathers them for the routes.
"""

from __future__ import annotations

from eucan.api.actor_service import get_actor, list_actors
from eucan.api.cooperation_service import cooperation, cooperation_json, partners, partners_json, timeline
from eucan.api.instrument_service import get_domain, get_instrument, list_domains, list_domains_json, list_instruments
from eucan.api.provenance import check_date, normalise, type_of
from eucan.api.search_service import search
from eucan.loaders.records import ActorType, InstrumentType

__all__ = [
    "ActorType",
    "InstrumentType",
    "check_date",
    "cooperation",
    "cooperation_json",
    "get_actor",
    "get_domain",
    "get_instrument",
    "list_actors",
    "list_domains",
    "list_domains_json",
    "list_instruments",
    "normalise",
    "partners",
    "partners_json",
    "search",
    "timeline",
    "type_of",
]
