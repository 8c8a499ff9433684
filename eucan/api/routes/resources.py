"""Dereferenceable IRIs, following the W3C "Cool URIs for the Semantic Web" 303 pattern (§4.3).

An instance IRI names a thing (an actor, an instrument), not a document, so it answers
`303 See Other` with `Vary: Accept`, pointing at a document about it chosen by `Accept`:

    /id/{kind}/{slug}   --303-->  /page/{kind}/{slug}        HTML (browsers)
                        --303-->  /data/{kind}/{slug}.ttl    Turtle (also .jsonld, .rdf, .nt)
    /domain/{slug}, /role/{slug}: the same, with kind `domain` / `role`.

The documents answer 200 and can be linked directly. The ontology uses hash IRIs
(`/ontology#Actor`), so `/ontology` is itself the document and answers 200 by `Accept`.
RDF documents hold the resource's own triples (it as subject) and the links that point at it.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse, serialize

from eucan.api.caching import conditional, current_generation, file_generation, link_header
from eucan.api.deps import StoreDep
from eucan.api.openapi_docs import RDF_DOCUMENT_RESPONSES, SEE_OTHER, error, rdf_content
from eucan.dates import display
from eucan.echo import clip
from eucan.errors import NotFound, QueryParameterError
from eucan.linked.export import resource_triples
from eucan.linked.formats import PREFIXES, RDF_FORMATS, prefixes_for
from eucan.linked.jsonld import CONTEXT_REL, compact_jsonld, jsonld_context
from eucan.linked.sparql_service import acceptable, negotiate
from eucan.loaders.records import RECORD_TYPES
from eucan.ontology import ONTOLOGY_TTL
from eucan.ontology.iris import BASE, SCHEME_KINDS, SLUG, iri_for, local_path
from eucan.ontology.iris import ONTOLOGY as ONTOLOGY_NS
from eucan.ontology.namespaces import ECS

__all__ = ["DOCUMENT_TYPES", "router"]

router = APIRouter(tags=["linked data"])

_KINDS = (*sorted({t.kind for t in RECORD_TYPES}), "excerpt", *SCHEME_KINDS)  # from the record registry
_SLUG_RULE = {"pattern": SLUG.pattern, "maxLength": 120}
Slug = Annotated[str, Path(description="The id: a lowercase slug", examples=["canada"], json_schema_extra=_SLUG_RULE)]
IdKind = Annotated[
    str,
    Path(
        description="The kind of resource",
        examples=["actor"],
        json_schema_extra={"pattern": "^(" + "|".join(_KINDS) + ")$"},
    ),
]
DataKind = Annotated[
    str,
    Path(
        description="The kind of resource (`scheme` for the SKOS schemes `domain` and `role`)",
        examples=["actor"],
        json_schema_extra={"pattern": "^(" + "|".join((*_KINDS, "scheme")) + ")$"},
    ),
]
DocumentName = Annotated[
    str,
    Path(
        description="The id and the format's extension",
        examples=["canada.ttl"],
        json_schema_extra={"pattern": r"^[a-z0-9][a-z0-9-]*\.(ttl|jsonld|rdf|nt)$", "maxLength": 127},
    ),
]
OntologyFormat = Annotated[
    str | None,
    Query(
        description="ttl, jsonld, rdf, nt or html (default: by Accept)",
        json_schema_extra={"enum": ["ttl", "jsonld", "rdf", "nt", "html"]},
    ),
]

# extension -> (media type, pyoxigraph format) from the one format table; the first is the default for `*/*`.
DOCUMENT_TYPES: dict[str, tuple[str, RdfFormat | None]] = {
    **{
        RDF_FORMATS[n].extension: (RDF_FORMATS[n].media_type, RDF_FORMATS[n].rdf_format)
        for n in ("ttl", "jsonld", "rdfxml", "nt")
    },
    "html": ("text/html", None),
}
_BY_MEDIA = {media: ext for ext, (media, _) in DOCUMENT_TYPES.items()}
_OFFERED = [media for media, _ in DOCUMENT_TYPES.values()]
EVIDENCE = str(ECS.evidence)


def _iri(kind: str, slug: str) -> str:
    iri = iri_for(kind, slug) if len(slug) <= 120 and kind in _KINDS else None
    if iri is None:
        raise NotFound(f"no resource {kind}/{slug}: kinds are {', '.join(sorted(_KINDS))} and ids are lowercase slugs")
    return iri


def _local(iri: str) -> str | None:
    """The path of this server's page for an IRI of the dataset (None for outside IRIs)."""
    if iri.startswith(str(ONTOLOGY_NS)):
        return "/ontology" + iri[len(str(ONTOLOGY_NS)) - 1 :]
    path = local_path(iri)
    if path is None:
        return None
    if path.startswith("/id/"):
        return "/page/" + path[4:]
    kind, _, slug = path[1:].partition("/")
    if kind in SCHEME_KINDS and slug and "/" not in slug:
        return f"/page/{kind}/{slug}"
    return None


def _see_other(request: Request, kind: str, slug: str, store: StoreDep) -> Response:
    own, _ = resource_triples(store=store, uri=_iri(kind, slug), incoming_limit=0)
    if not own:
        raise NotFound(f"no resource {kind}/{slug} in the graph")
    ext = _BY_MEDIA[negotiate(request.headers.get("accept"), _OFFERED)]
    target = f"/page/{kind}/{slug}" if ext == "html" else f"/data/{kind}/{slug}.{ext}"
    return RedirectResponse(target, status_code=303, headers={"Vary": "Accept"})


@router.get(
    "/id/{kind}/{slug}",
    summary="Instance IRI: 303 to its HTML page or RDF document by Accept",
    status_code=303,
    response_class=Response,
    responses=SEE_OTHER,
)
def instance(request: Request, kind: IdKind, slug: Slug, store: StoreDep) -> Response:
    return _see_other(request, kind, slug, store)


def _see_other_rdf(request: Request, target: str) -> Response:
    """303 to the RDF document `target` ({ext} filled by Accept; HTML asks get Turtle, there is no page)."""
    offered = [DOCUMENT_TYPES[ext][0] for ext in ("ttl", "jsonld", "rdf", "nt")]
    media = acceptable(request.headers.get("accept"), offered) or offered[0]
    return RedirectResponse(target.format(ext=_BY_MEDIA[media]), status_code=303, headers={"Vary": "Accept"})


@router.get(
    "/domain/",
    summary="The cooperation-domain scheme (SKOS concept scheme): 303 to its RDF document by Accept",
    status_code=303,
    response_class=Response,
    responses={303: SEE_OTHER[303]},
)
def domain_scheme(request: Request) -> Response:
    return _see_other_rdf(request, "/data/scheme/domain.{ext}")


@router.get(
    "/role/",
    summary="The participant-role scheme (SKOS concept scheme): 303 to its RDF document by Accept",
    status_code=303,
    response_class=Response,
    responses={303: SEE_OTHER[303]},
)
def role_scheme(request: Request) -> Response:
    return _see_other_rdf(request, "/data/scheme/role.{ext}")


@router.get(
    "/context.jsonld",
    summary="The JSON-LD context generated from the ontology (documents and dumps are compacted with it)",
    response_class=Response,
    responses={200: {"description": "The context", "content": {"application/ld+json": {"schema": {"type": "object"}}}}},
)
def context(request: Request) -> Response:
    body = json.dumps({"@context": jsonld_context()}, ensure_ascii=False, indent=1, sort_keys=True).encode()
    headers = {"Link": link_header(describedby=None)}
    return conditional(request, file_generation(ONTOLOGY_TTL), "application/ld+json", lambda: body, headers)


@router.get(
    "/dataset",
    summary="The dataset IRI: 303 to its DCAT-AP record",
    status_code=303,
    response_class=Response,
    responses={303: SEE_OTHER[303]},
)
def dataset(request: Request) -> Response:
    return RedirectResponse("/dcat", status_code=303, headers={"Vary": "Accept"})


@router.get(
    "/domain/{slug}",
    summary="Cooperation domain (SKOS concept): 303 by Accept",
    status_code=303,
    response_class=Response,
    responses=SEE_OTHER,
)
def domain(request: Request, slug: Slug, store: StoreDep) -> Response:
    return _see_other(request, "domain", slug, store)


@router.get(
    "/role/{slug}",
    summary="Participant role (SKOS concept): 303 by Accept",
    status_code=303,
    response_class=Response,
    responses=SEE_OTHER,
)
def role(request: Request, slug: Slug, store: StoreDep) -> Response:
    return _see_other(request, "role", slug, store)


def _rdf_bytes(triples: list[Triple], ext: str) -> bytes:
    _, fmt = DOCUMENT_TYPES[ext]
    assert fmt is not None
    if fmt == RdfFormat.JSON_LD:
        return compact_jsonld(triples)
    return serialize(triples, None, fmt, prefixes=prefixes_for(fmt)) or b""


def _links_for(ext: str, links: list[tuple[str, str]]) -> str:
    """`Link`: licence, description, and for JSON-LD the context it is compacted with."""
    return link_header([*links, ("/context.jsonld", CONTEXT_REL)] if ext == "jsonld" else links)


@router.get(
    "/data/{kind}/{filename}",
    summary="RDF document about a resource (.ttl, .jsonld, .rdf, .nt)",
    response_class=Response,
    responses=RDF_DOCUMENT_RESPONSES,
)
def data_document(request: Request, kind: DataKind, filename: DocumentName, store: StoreDep) -> Response:
    slug, _, ext = filename.rpartition(".")
    if ext not in DOCUMENT_TYPES or ext == "html":
        raise NotFound(f"no document {kind}/{filename}: use the extension .ttl, .jsonld, .rdf or .nt")
    iri = f"{BASE}{slug}/" if kind == "scheme" and slug in SCHEME_KINDS else _iri(kind, slug)
    generation = current_generation(request, store)

    def body() -> bytes:
        own, incoming = resource_triples(store=store, uri=iri)
        if not own:
            raise NotFound(f"no resource {kind}/{slug} in the graph")
        return _rdf_bytes(own + incoming, ext)

    alternates = [] if kind == "scheme" else [(f"/page/{kind}/{slug}", "alternate")]
    return conditional(request, generation, DOCUMENT_TYPES[ext][0], body, {"Link": _links_for(ext, alternates)})


def _term_html(term: NamedNode | Literal | object) -> str:
    if isinstance(term, NamedNode):
        short = _shorten(term.value)
        href = _local(term.value) or term.value
        return f'<a href="{html.escape(href)}">{html.escape(short)}</a>'
    if isinstance(term, Literal):
        tag = f' <small lang="en">@{html.escape(term.language)}</small>' if term.language else ""
        return f"{html.escape(term.value)}{tag}"
    return html.escape(str(term))


def _dated_html(term: NamedNode | Literal | object, precision: str | None) -> str:
    """A date with a stated precision shown in it ("2005", "2024-04"), like every other door."""
    if precision is not None and isinstance(term, Literal):
        shown = display(term.value, precision) or term.value
        return f'<time datetime="{html.escape(shown)}">{html.escape(shown)}</time>'
    return _term_html(term)


def _shorten(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def _page(
    title: str, iri: str, alternates: dict[str, str], sections: list[tuple[str, list[tuple[str, str]]]]
) -> HTMLResponse:
    links = "".join(
        f'<link rel="alternate" type="{html.escape(m)}" href="{html.escape(h)}">' for m, h in alternates.items()
    )
    nav = " · ".join(f'<a href="{html.escape(h)}">{html.escape(m)}</a>' for m, h in alternates.items())
    body = []
    for heading, rows in sections:
        if not rows:
            continue
        cells = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
        body.append(f'<h2 id="{html.escape(heading)}">{html.escape(heading)}</h2><table>{cells}</table>')
    text = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>{links}'
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}th{text-align:left;vertical-align:top;"
        "padding-right:1em;white-space:nowrap}td,th{border-bottom:1px solid #ddd;padding:.2em}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p><code>{html.escape(iri)}</code></p><p>Also as: {nav}</p>"
        f"{''.join(body)}</body></html>"
    )
    return HTMLResponse(text)


@router.get(
    "/page/{kind}/{slug}",
    summary="HTML page about a resource",
    response_class=HTMLResponse,
    responses={404: SEE_OTHER[404]},
)
def html_page(kind: IdKind, slug: Slug, store: StoreDep) -> HTMLResponse:
    iri = _iri(kind, slug)
    own, incoming = resource_triples(store=store, uri=iri)
    if not own:
        raise NotFound(f"no resource {kind}/{slug} in the graph")
    labels = [t.object.value for t in own if t.predicate.value.endswith("#prefLabel") and isinstance(t.object, Literal)]
    title = labels[0] if labels else f"{kind} {slug}"
    precisions = {
        t.predicate.value.removesuffix("Precision"): t.object.value
        for t in own
        if t.predicate.value.endswith("Precision") and isinstance(t.object, Literal)
    }
    rows = [
        (html.escape(_shorten(t.predicate.value)), _dated_html(t.object, precisions.get(t.predicate.value)))
        for t in own
    ]
    back = [(html.escape(_shorten(t.predicate.value)) + " of", _term_html(t.subject)) for t in incoming]
    alternates = {DOCUMENT_TYPES[ext][0]: f"/data/{kind}/{slug}.{ext}" for ext in ("ttl", "jsonld", "rdf", "nt")}
    return _page(
        title, iri, alternates, [("Statements", rows), ("Sources", _sources(store, own)), ("Referenced by", back)]
    )


def _sources(store: StoreDep, own: list[Triple]) -> list[tuple[str, str]]:
    """Each evidence excerpt of a record: its quote, the source URL and the day it was read."""
    rows = []
    for triple in own:
        if triple.predicate.value != EVIDENCE or not isinstance(triple.object, NamedNode):
            continue
        excerpt, _ = resource_triples(store=store, uri=triple.object.value, incoming_limit=0)
        values = {
            t.predicate.value.rsplit("#", 1)[-1]: t.object.value for t in excerpt if isinstance(t.object, Literal)
        }
        url = values.get("sourceUrl", "")
        cell = (
            f'“{html.escape(values.get("quote", ""))}” — <a href="{html.escape(url)}">{html.escape(url)}</a>'
            f" (retrieved {html.escape(values.get('retrievedDate', '?'))})"
        )
        rows.append(("source", cell))
    return rows


@lru_cache(maxsize=1)
def _ontology_triples() -> list[Triple]:
    return [q.triple for q in parse(path=str(ONTOLOGY_TTL), format=RdfFormat.TURTLE)]


@router.get(
    "/ontology",
    summary="The ontology (hash IRIs): HTML or RDF by Accept, or by ?format=",
    response_class=Response,
    responses={
        **RDF_DOCUMENT_RESPONSES,
        200: {"description": "The ontology", "content": {**rdf_content(), "text/html": {"schema": {"type": "string"}}}},
        422: error("Unknown format"),
    },
)
def ontology(request: Request, format: OntologyFormat = None) -> Response:  # noqa: A002
    if format is not None and format not in DOCUMENT_TYPES:
        raise QueryParameterError(f"no ontology format {clip(format)}; formats: {', '.join(DOCUMENT_TYPES)}")
    ext = format or _BY_MEDIA[negotiate(request.headers.get("accept"), _OFFERED)]
    triples = _ontology_triples()
    if ext != "html":
        headers = {"Vary": "Accept", "Link": link_header(describedby=None)}
        if ext == "jsonld":
            headers["Link"] += f', </context.jsonld>; rel="{CONTEXT_REL}"'
        return conditional(
            request, file_generation(ONTOLOGY_TTL), DOCUMENT_TYPES[ext][0], lambda: _rdf_bytes(triples, ext), headers
        )
    terms: dict[str, list[Triple]] = {}
    for t in triples:
        if isinstance(t.subject, NamedNode) and "#" in t.subject.value:
            terms.setdefault(t.subject.value, []).append(t)
    sections = []
    for iri, statements in sorted(terms.items()):
        name = iri.rsplit("#", 1)[1]
        rows = [(html.escape(_shorten(t.predicate.value)), _term_html(t.object)) for t in statements]
        sections.append((name, rows))
    alternates = {DOCUMENT_TYPES[e][0]: f"/ontology?format={e}" for e in ("ttl", "jsonld", "rdf", "nt")}
    page = _page("EU–Canada Security Knowledge Graph ontology", str(ONTOLOGY_NS).rstrip("#"), alternates, sections)
    page.headers["Vary"] = "Accept"
    return page
