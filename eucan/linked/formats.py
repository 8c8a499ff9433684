"""The one table of RDF formats: name, pyoxigraph format, rdflib name, media type, file extension,
and whether prefixes apply. Dumps, per-resource documents, VoID/DCAT and SPARQL graph results use it."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import RdfFormat

from eucan.ontology.iris import PREFIXES as DATASET_PREFIXES

__all__ = ["PREFIXES", "RDF_FORMATS", "RdfFormatSpec", "by_extension", "by_media_type", "prefixes_for"]


@dataclass(frozen=True)
class RdfFormatSpec:
    """One RDF serialisation."""

    name: str  # as the CLI and `?format=` spell it
    rdf_format: RdfFormat
    media_type: str
    extension: str
    rdflib_name: str

    @property
    def uses_prefixes(self) -> bool:
        return self.rdf_format in (RdfFormat.TURTLE, RdfFormat.RDF_XML, RdfFormat.JSON_LD)

    @property
    def content_type(self) -> str:
        """The media type with a charset for text types (the HTTP Content-Type header)."""
        return self.media_type + ("; charset=utf-8" if self.media_type.startswith("text/") else "")


# The first is the default (Turtle).
RDF_FORMATS: dict[str, RdfFormatSpec] = {
    "ttl": RdfFormatSpec("ttl", RdfFormat.TURTLE, "text/turtle", "ttl", "turtle"),
    "nt": RdfFormatSpec("nt", RdfFormat.N_TRIPLES, "application/n-triples", "nt", "nt"),
    "jsonld": RdfFormatSpec("jsonld", RdfFormat.JSON_LD, "application/ld+json", "jsonld", "json-ld"),
    "rdfxml": RdfFormatSpec("rdfxml", RdfFormat.RDF_XML, "application/rdf+xml", "rdf", "xml"),
}

PREFIXES: dict[str, str] = {
    **DATASET_PREFIXES,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "wd": "http://www.wikidata.org/entity/",
}


def by_extension(extension: str) -> RdfFormatSpec | None:
    return next((spec for spec in RDF_FORMATS.values() if spec.extension == extension), None)


def by_media_type(media_type: str) -> RdfFormatSpec | None:
    return next((spec for spec in RDF_FORMATS.values() if spec.media_type == media_type), None)


def prefixes_for(rdf_format: RdfFormat) -> dict[str, str] | None:
    """The dataset's prefixes for formats that use them, None for line formats."""
    return PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.RDF_XML, RdfFormat.JSON_LD) else None
