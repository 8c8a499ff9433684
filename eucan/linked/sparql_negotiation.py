"""Which media type a SPARQL answer (or any RDF document) is sent in: content negotiation.

The media types offered for each query form (`RESULT_MEDIA_TYPES`, the first one the default), the
Accept header read with its q-values (`acceptable`, `negotiate`), and the 406 error when it takes none
of them (`not_acceptable`). Used by the SPARQL endpoint, its worker processes, and the API's other RDF
documents.
"""

from __future__ import annotations

from eucan.echo import clip
from eucan.errors import NotAcceptable

__all__ = ["RESULT_MEDIA_TYPES", "acceptable", "negotiate", "not_acceptable"]


# Media types by query form, the first one being the default.
RESULT_MEDIA_TYPES: dict[str, list[str]] = {
    "solutions": [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
        "application/json",
    ],
    "boolean": ["application/sparql-results+json", "application/sparql-results+xml", "application/json"],
    "graph": ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"],
}


def acceptable(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the Accept header ranks highest (q-values honoured; the first offered
    type when there is no Accept header), or None when it accepts none of them (406)."""
    if not accept or not accept.strip():
        return offered[0]
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, position, media))
    for neg_q, _, media in sorted(ranked):
        if neg_q == 0:
            break
        if media in offered:
            return media
        if media == "*/*" or (media.endswith("/*") and media.count("/") == 1):
            prefix = media.split("/")[0]
            for candidate in offered:
                if media == "*/*" or candidate.startswith(prefix + "/"):
                    return candidate
    return None


def negotiate(accept: str | None, form: str | list[str]) -> str:
    """The media type to answer with, from an Accept header (q-values honoured); the first
    offered type when nothing acceptable is offered. `form` is a query form or a list of types."""
    offered = RESULT_MEDIA_TYPES[form] if isinstance(form, str) else form
    return acceptable(accept, offered) or offered[0]


def not_acceptable(accept: str | None, offered: list[str]) -> NotAcceptable:
    """The 406 error for an Accept header that takes none of `offered`."""
    return NotAcceptable(
        f"none of the media types offered here matches Accept: {clip(accept or '')}; offered: {', '.join(offered)}"
    )
