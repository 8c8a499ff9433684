"""Dataset descriptions and dumps: /.well-known/void (VoID), /dcat (DCAT-AP 3), /dumps/ (index) and
/dumps/eucan-security.{ext}[.gz].

A dump is written once per graph generation into the data folder's `dumps/` (so it has a
`Content-Length`, answers HEAD and Range requests, and costs one export however often it is
fetched); the previous generation's files are removed when a new one is written."""

from __future__ import annotations

import gzip
import html
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from rdflib import Graph

from eucan.api.caching import (
    LICENSE_URL,
    Generation,
    conditional,
    current_generation,
    etag_for,
    link_header,
    not_modified,
    validators,
)
from eucan.api.deps import StoreDep
from eucan.api.openapi_docs import RDF_DOCUMENT_RESPONSES, error, rdf_content
from eucan.api.routes.sparql import SparqlDep
from eucan.echo import clip
from eucan.errors import NotFound
from eucan.graph.store import GraphStore
from eucan.linked.descriptions import DatasetLinks, dcat_graph, void_graph
from eucan.linked.export import EXPORT_FORMATS, export
from eucan.linked.formats import RDF_FORMATS
from eucan.linked.jsonld import CONTEXT_REL
from eucan.linked.sparql_service import acceptable, not_acceptable
from eucan.ontology.iris import BASE

__all__ = ["router"]

router = APIRouter(tags=["linked data"])

_FORMATS = {spec.media_type: spec.rdflib_name for spec in RDF_FORMATS.values()}


def _links(request: Request) -> DatasetLinks:
    return DatasetLinks(base=str(BASE), site=str(request.base_url))


def _describe(request: Request, store: GraphStore, make_graph: Callable[[Generation], Graph]) -> Response:
    accept = request.headers.get("accept")
    media = acceptable(accept, list(_FORMATS))
    if media is None:
        raise not_acceptable(accept, list(_FORMATS))
    generation = current_generation(request, store)

    def body() -> bytes:
        return make_graph(generation).serialize(format=_FORMATS[media], encoding="utf-8")

    return conditional(request, generation, media, body, {"Vary": "Accept", "Link": link_header(describedby=None)})


_DESCRIPTION_RESPONSES = {
    **RDF_DOCUMENT_RESPONSES,
    200: {"description": "The description (Turtle, JSON-LD, RDF/XML, N-Triples by Accept)", "content": rdf_content()},
}


@router.get(
    "/.well-known/void",
    summary="VoID description of the dataset (Turtle, JSON-LD, RDF/XML, N-Triples by Accept)",
    response_class=Response,
    responses=_DESCRIPTION_RESPONSES,
)
def void(request: Request, sparql: SparqlDep, store: StoreDep) -> Response:
    return _describe(request, store, lambda _: void_graph(sparql.stats, _links(request)))


@router.get(
    "/dcat",
    summary="DCAT-AP 3 record: catalogue, dataset, distributions, SPARQL service",
    response_class=Response,
    responses=_DESCRIPTION_RESPONSES,
)
def dcat(request: Request, sparql: SparqlDep, store: StoreDep) -> Response:
    return _describe(
        request, store, lambda g: dcat_graph(sparql.stats, _links(request), modified=g.modified.date().isoformat())
    )


DUMP_STEM = "eucan-security"
_DUMP_LOCK = threading.Lock()


def _dump_names() -> list[tuple[str, str, bool]]:
    """(file name, export format, gzipped) of every dump."""
    return [
        (f"{DUMP_STEM}.{spec.extension}{'.gz' if zipped else ''}", fmt, zipped)
        for fmt, spec in EXPORT_FORMATS.items()
        for zipped in (False, True)
    ]


EXPANDED_PROFILE = "http://www.w3.org/ns/json-ld#expanded"


def _wants_expanded(request: Request) -> bool:
    """Whether Accept asks for JSON-LD's expanded form (`application/ld+json; profile="...#expanded"`)."""
    return EXPANDED_PROFILE in request.headers.get("accept", "")


def _dump_file(
    request: Request, store: GraphStore, generation: Generation, fmt: str, zipped: bool, expanded: bool = False
) -> Path:
    """The dump of this generation on disk, written once (to a private temporary name, then renamed)."""
    folder = Path(request.app.state.settings.data_dir) / "dumps"
    spec = EXPORT_FORMATS[fmt]
    modified = generation.modified.date().isoformat()
    variant = "-expanded" if expanded else ""
    path = folder / f"{DUMP_STEM}-{generation.token}{variant}.{spec.extension}{'.gz' if zipped else ''}"
    if path.exists():
        return path
    with _DUMP_LOCK:
        if path.exists():
            return path
        folder.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".partial-", delete=False)
        try:
            with handle:
                if zipped:
                    with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0) as packed:
                        export(store=store, output=packed, fmt=fmt, modified=modified, expanded=expanded)
                else:
                    export(store=store, output=handle, fmt=fmt, modified=modified, expanded=expanded)
            Path(handle.name).replace(path)
        finally:
            Path(handle.name).unlink(missing_ok=True)
        for old in folder.glob(f"{DUMP_STEM}-*"):
            if generation.token not in old.name:
                old.unlink(missing_ok=True)
    return path


DumpName = Annotated[
    str,
    PathParam(
        description="eucan-security.{ttl,nt,jsonld,rdf}, optionally .gz",
        examples=["eucan-security.ttl"],
        json_schema_extra={"enum": [name for name, _, _ in _dump_names()]},
    ),
]


def _dump_media(fmt: str, zipped: bool) -> str:
    return "application/gzip" if zipped else EXPORT_FORMATS[fmt].media_type


@router.get(
    "/dumps/",
    summary="Index of the dumps (HTML or JSON by Accept)",
    response_class=Response,
    responses={
        200: {
            "description": "The dumps: name, URL, media type, compression",
            "content": {"application/json": {}, "text/html": {"schema": {"type": "string"}}},
        },
        406: error("No offered media type is acceptable"),
    },
)
def dump_index(request: Request) -> Response:
    accept = request.headers.get("accept")
    media = acceptable(accept, ["application/json", "text/html"])
    if media is None:
        raise not_acceptable(accept, ["application/json", "text/html"])
    entries = [
        {
            "name": name,
            "url": f"/dumps/{name}",
            "mediaType": _dump_media(fmt, zipped),
            "format": EXPORT_FORMATS[fmt].media_type,
            "compression": "gzip" if zipped else None,
        }
        for name, fmt, zipped in _dump_names()
    ]
    headers = {"Vary": "Accept", "Link": link_header()}
    if media == "application/json":
        body = {"dataset": str(BASE) + "dataset", "license": LICENSE_URL, "dumps": entries}
        return JSONResponse(body, headers=headers)
    rows = "".join(
        f'<tr><td><a href="{html.escape(e["url"] or "")}">{html.escape(e["name"] or "")}</a></td>'
        f"<td>{html.escape(e['format'] or '')}</td><td>{html.escape(e['compression'] or '')}</td></tr>"
        for e in entries
    )
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dumps of the EU–Canada Security '
        'Knowledge Graph</title></head><body><h1>Dumps</h1><p>The whole graph, licensed under <a rel="license" '
        f'href="{LICENSE_URL}">CC BY 4.0</a>; described in <a href="/.well-known/void">VoID</a> and '
        '<a href="/dcat">DCAT-AP</a>.</p><table><tr><th>file</th><th>format</th><th>compression</th></tr>'
        f"{rows}</table></body></html>"
    )
    return HTMLResponse(page, headers=headers)


@router.get(
    "/dumps/{filename}",
    summary="The whole graph as RDF: eucan-security.ttl|nt|jsonld|rdf, optionally .gz (JSON-LD compacted; "
    'expanded with Accept: application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded")',
    response_class=Response,
    responses={
        200: {
            "description": "The dump (Content-Length, ETag, Last-Modified)",
            "content": {**rdf_content(), "application/gzip": {"schema": {"type": "string", "format": "binary"}}},
        },
        304: {"description": "Not modified (If-None-Match / If-Modified-Since)"},
        404: error("No dump of that name"),
    },
)
def dump(request: Request, filename: DumpName, store: StoreDep) -> Response:
    found = next(((fmt, zipped) for name, fmt, zipped in _dump_names() if name == filename), None)
    if found is None:
        names = ", ".join(f"{DUMP_STEM}.{s.extension}" for s in EXPORT_FORMATS.values())
        raise NotFound(f"no dump named {clip(filename)}; dumps: {names} (add .gz for gzip)")
    fmt, zipped = found
    expanded = fmt == "jsonld" and _wants_expanded(request)
    generation = current_generation(request, store)
    media = _dump_media(fmt, zipped)
    etag = etag_for(generation, request, media, "expanded" if expanded else "compacted")
    headers = {"Link": link_header(), "Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "jsonld":
        headers["Vary"] = "Accept"
        if not expanded:
            headers["Link"] += f', </context.jsonld>; rel="{CONTEXT_REL}"'
    hit = not_modified(request, etag, generation.modified, headers)
    if hit is not None:
        return hit
    path = _dump_file(request, store, generation, fmt, zipped, expanded)
    content_type = media + ("; charset=utf-8" if media.startswith("text/") else "")
    return FileResponse(path, media_type=content_type, headers={**validators(etag, generation.modified), **headers})
