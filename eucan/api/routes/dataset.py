"""Dataset descriptions and dumps: /.well-known/void (VoID), /dcat (DCAT-AP 3), /dumps/eucan-security.{ext}[.gz]."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from rdflib import Graph

from eucan.api.deps import StoreDep
from eucan.api.routes.sparql import SparqlDep
from eucan.echo import clip
from eucan.errors import NotFound
from eucan.linked.descriptions import DatasetLinks, dcat_graph, void_graph
from eucan.linked.export import EXPORT_FORMATS, export
from eucan.linked.formats import RDF_FORMATS
from eucan.linked.sparql_service import negotiate
from eucan.ontology.iris import BASE

__all__ = ["router"]

router = APIRouter(tags=["linked data"])

_FORMATS = {spec.media_type: spec.rdflib_name for spec in RDF_FORMATS.values()}


def _links(request: Request) -> DatasetLinks:
    return DatasetLinks(base=str(BASE), site=str(request.base_url))


def _describe(request: Request, graph: Graph) -> Response:
    media = negotiate(request.headers.get("accept"), list(_FORMATS))
    body = graph.serialize(format=_FORMATS[media])
    return Response(
        body, media_type=media + ("; charset=utf-8" if media.startswith("text/") else ""), headers={"Vary": "Accept"}
    )


@router.get(
    "/.well-known/void", summary="VoID description of the dataset (Turtle, JSON-LD, RDF/XML, N-Triples by Accept)"
)
def void(request: Request, sparql: SparqlDep) -> Response:
    return _describe(request, void_graph(sparql.stats, _links(request)))


@router.get("/dcat", summary="DCAT-AP 3 record: catalogue, dataset, distributions, SPARQL service")
def dcat(request: Request, sparql: SparqlDep) -> Response:
    return _describe(request, dcat_graph(sparql.stats, _links(request)))


class _Pipe:
    """A file-like sink that hands written chunks to a streaming response."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.cond = threading.Condition()
        self.done = False
        self.closed = False
        self.error: BaseException | None = None

    def write(self, data: bytes) -> int:
        with self.cond:
            while len(self.chunks) > 64 and not self.closed:
                self.cond.wait()
            if self.closed:
                raise BrokenPipeError("the client went away")
            self.chunks.append(bytes(data))
            self.cond.notify_all()
        return len(data)

    def flush(self) -> None:
        return None

    def finish(self, error: BaseException | None = None) -> None:
        with self.cond:
            self.done, self.error = True, error
            self.cond.notify_all()

    def __iter__(self) -> Iterator[bytes]:
        try:
            while True:
                with self.cond:
                    while not self.chunks and not self.done:
                        self.cond.wait()
                    if not self.chunks and self.done:
                        return
                    chunk = b"".join(self.chunks)
                    self.chunks.clear()
                    self.cond.notify_all()
                yield chunk
        finally:
            with self.cond:
                self.closed = True
                self.cond.notify_all()


@router.get("/dumps/{filename}", summary="The whole graph as RDF: eucan-security.ttl|nt|jsonld|rdf, optionally .gz")
def dump(filename: str, store: StoreDep) -> StreamingResponse:
    name, compressed = (filename[:-3], True) if filename.endswith(".gz") else (filename, False)
    stem, _, ext = name.rpartition(".")
    fmt = next((key for key, spec in EXPORT_FORMATS.items() if spec.extension == ext), None)
    if stem != "eucan-security" or fmt is None:
        names = ", ".join(f"eucan-security.{s.extension}" for s in EXPORT_FORMATS.values())
        raise NotFound(f"no dump named {clip(filename)}; dumps: {names} (add .gz for gzip)")
    pipe = _Pipe()

    def produce() -> None:
        try:
            if compressed:
                with gzip.GzipFile(fileobj=pipe, mode="wb") as zipped:
                    export(store=store, output=zipped, fmt=fmt)
            else:
                export(store=store, output=pipe, fmt=fmt)  # type: ignore[arg-type]
        except BaseException as exc:  # reported by ending the stream early
            pipe.finish(exc)
        else:
            pipe.finish()

    threading.Thread(target=produce, daemon=True, name="eucan-dump").start()
    media = EXPORT_FORMATS[fmt].media_type
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(iter(pipe), media_type="application/gzip" if compressed else media, headers=headers)
