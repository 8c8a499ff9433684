"""The explorer: server-rendered HTML pages over the same services as the JSON API (templates in api/templates/).

/                       home: search, counts, the 16 cooperation areas, worked questions
/search?q=              search results (services.search, as GET /api/v1/search)
/page/{kind}/{slug}     entity pages for actors, persons, instruments, domains (other kinds: the plain page)
/explore                the whole cooperation network, with an as-of slider and filters
/matrix                 actors x the 16 cooperation areas
/queries, /queries/{n}  the catalog in the browser, and a read-only Cypher box
/api/v1/network         the nodes and edges the pictures draw (JSON)
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, get_args

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from eucan.api import explorer, services
from eucan.api.deps import SettingsDep, StoreDep
from eucan.api.errors import ERROR_RESPONSES
from eucan.api.routes import resources
from eucan.api.routes._common import reject_unknown_params
from eucan.dates import display
from eucan.errors import EucanError, NotFound
from eucan.ontology.iris import iri_for
from eucan.queries.catalog import get_query, list_queries
from eucan.queries.formats import rows_to_csv
from eucan.queries.runner import run_named

__all__ = ["STATIC", "TEMPLATES", "api_router", "router"]

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC = Path(__file__).resolve().parent.parent / "static"
templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.globals.update(display=display, period_text=explorer.period_text)

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["explorer"], dependencies=[Depends(reject_unknown_params)])

# Questions a researcher asks first, each answered by a catalog query or a page.
WORKED_QUESTIONS = [
    ("Which 16 areas does the 2025 Security and Defence Partnership cover?", "/queries/sdp_domains?run=1"),
    ("With whom did Canada cooperate on 1 January 2004?", "/page/actor/canada?as_of=2004-01-01#network"),
    ("Which CSDP missions and operations has Canada contributed to?", "/queries/csdp_contributions?run=1"),
    (
        "Who were the members of NATO on 1 January 2010?",
        "/queries/members_as_of?organisation=nato&as_of=2010-01-01&run=1",
    ),
    ("Where do the sources disagree?", "/queries/conflicting_facts?run=1"),
    ("Which actors work in which cooperation areas?", "/matrix"),
]
_CYPHER_OF = {"actor": "actor_participations", "instrument": "instrument_participants", "domain": "domain_cooperation"}
AsOf = Annotated[str | None, Query(description="YYYY-MM-DD")]


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    return _render(
        request,
        "home.html",
        counts=explorer.counts(store=store),
        domains=explorer.domains(store=store),
        questions=WORKED_QUESTIONS,
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    hits: list[Any] = []
    error = None
    total = 0
    if q.strip():
        try:
            hits, total = services.search(store=store, q=q[:200], limit=100, offset=0)
        except EucanError as exc:
            error = str(exc)
    return _render(request, "search.html", q=q, hits=hits, total=total, error=error)


@router.get("/page/{kind}/{slug}", response_class=HTMLResponse)
def entity_page(request: Request, kind: str, slug: str, store: StoreDep) -> Response:
    links = {
        "rdf": [(ext, f"/data/{kind}/{slug}.{ext}") for ext in ("ttl", "jsonld", "rdf", "nt")],
        "iri": f"/id/{kind}/{slug}" if kind != "domain" else f"/domain/{slug}",
        "cypher": f"/queries/{_CYPHER_OF[kind]}?{kind}={slug}" if kind in _CYPHER_OF else None,
    }
    if kind == "actor":
        actor = services.get_actor(store=store, actor_id=slug)
        timeline, _ = services.timeline(store=store, actor=slug, date_from=None, date_to=None, limit=500, offset=0)
        records = {r.record for r in actor.memberships + actor.members}
        records |= {r.record for r in actor.participations} | {r.record for r in actor.tenures}
        return _render(
            request,
            "actor.html",
            actor=actor,
            links={**links, "api": f"/api/v1/actors/{slug}"},
            timeline=explorer.actor_timeline(timeline),
            conflicts=explorer.conflicts_of(store=store, records=records),
            as_of=request.query_params.get("as_of", ""),
            **_filters(store),
        )
    if kind == "instrument":
        instrument = services.get_instrument(store=store, instrument_id=slug)
        records = {p.record for p in instrument.participants}
        return _render(
            request,
            "instrument.html",
            instrument=instrument,
            links={**links, "api": f"/api/v1/instruments/{slug}"},
            timeline=explorer.instrument_timeline(instrument),
            conflicts=explorer.conflicts_of(store=store, records=records),
        )
    if kind == "domain":
        domain = services.get_domain(store=store, domain_id=slug)
        return _render(request, "domain.html", domain=domain, links={**links, "api": f"/api/v1/domains/{slug}"})
    if kind == "event":
        iri = iri_for(kind, slug) if len(slug) <= 120 else None
        described = explorer.describe(store=store, iri=iri) if iri else None
        if described is None:
            raise NotFound(f"no resource event/{slug} in the graph")
        return _render(request, "resource.html", thing=described, links={**links, "api": None})
    return resources.html_page(kind, slug, store)


def _filters(store: StoreDep) -> dict[str, Any]:
    return {
        "domains": explorer.domains(store=store),
        "instrument_types": list(get_args(services.InstrumentType)),
    }


@router.get("/explore", response_class=HTMLResponse)
def explore(request: Request, store: StoreDep) -> HTMLResponse:
    return _render(request, "explore.html", **_filters(store))


@router.get("/matrix", response_class=HTMLResponse)
def matrix(request: Request, store: StoreDep) -> HTMLResponse:
    return _render(request, "matrix.html", matrix=explorer.domain_matrix(store=store))


@router.get("/queries", response_class=HTMLResponse)
def queries_page(request: Request, settings: SettingsDep) -> HTMLResponse:
    return _render(
        request,
        "queries.html",
        queries=list_queries(),
        limits={"timeout_ms": settings.query_timeout_ms, "row_cap": settings.row_cap},
    )


@router.get("/queries/{name}", response_class=HTMLResponse)
def query_page(request: Request, name: str) -> HTMLResponse:
    return _render(request, "query.html", query=get_query(name), values=dict(request.query_params))


@router.get("/queries/{name}/download")
def query_download(request: Request, name: str, store: StoreDep, settings: SettingsDep) -> Response:
    """The rows of a catalog query as CSV, written like `eucan query --name NAME --format csv`."""
    params = {k: v for k, v in request.query_params.items() if k != "run"}
    result = run_named(
        store=store, name=name, params=params, timeout_ms=settings.query_timeout_ms, row_cap=settings.row_cap
    )
    return Response(
        rows_to_csv(result.columns, result.rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{get_query(name).name}.csv"'},
    )


@api_router.get(
    "/network",
    summary="The cooperation network of a day: actors and the instruments they share",
    description="Around one actor (`actor`: its partners), among one instrument's participants (`instrument`), "
    "around one actor within one instrument (both), or the whole graph (neither).",
    responses={404: ERROR_RESPONSES[404], 422: ERROR_RESPONSES[422]},
)
def get_network(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="The actor at the centre.")] = None,
    instrument: Annotated[str | None, Query(description="Only this instrument's participants.")] = None,
    domain: str | None = None,
    instrument_type: Annotated[
        services.InstrumentType | None, Query(description="Only instruments of this type.")
    ] = None,
    as_of: AsOf = None,
) -> explorer.Network:
    return explorer.network(
        store=store,
        actor=actor or None,
        instrument=instrument or None,
        domain=domain or None,
        instrument_type=instrument_type or None,
        as_of=as_of or None,
    )
