"""Property graph in the store → RDF: the inverse of `mapping.py`, streamed page by page.

Nodes are read in pages of internal-id ranges (`id(n) >= $lo AND id(n) < $hi`, a seek, so
each page costs the same wherever it lies; ordering by uri with SKIP or a uri keyset re-scans
the rest of the graph on every page and made the export quadratic), then the outgoing
relationships of the same range, so one page sits in memory at a time and every subject's
triples come out together (compact Turtle). Within a page subjects are sorted by uri. The
graph's fingerprint is compared before and after, so an export never mixes two graphs. Labels become
`rdf:type`, properties go back through `Mapping.node_to_values`, relationship types back to
their object properties; the derived shortcuts (`PARTICIPATES_IN`, `MEMBER_OF`) are skipped.
A label, key or type outside the ontology mapping stops the export: nothing is invented.

Serialization is pyoxigraph's (streaming writers for Turtle, N-Triples, RDF/XML, expanded JSON-LD);
compacted JSON-LD (the default) goes through `jsonld.compact_jsonld`, which holds the graph in memory.

`export` takes a shorter road when it can: a load run with the data folder (`eucan load`) saves the
canonical RDF it validated beside the graph, named by the token of the `LoadInfo` it wrote
(`loaders.rdf_cache`). When the live graph's token has such a file, the export streams it through
pyoxigraph's parser into its serializer (about 10x faster than reading the engine back; the first
Turtle or N-Triples export of a load keeps its body and later ones copy it, `saved_rdf`) and checks
the token again at the end; otherwise it reads the engine as above. `eucan export` takes that road
without starting the engine when the saved snapshot's stamp names the load (`graph.snapshot`).
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Triple

from eucan.errors import StoreError
from eucan.graph.store import GraphStore
from eucan.linked.dataset_description import description_triples, in_dataset
from eucan.linked.formats import PREFIXES, RDF_FORMATS, RdfFormatSpec
from eucan.linked.saved_rdf import ExportStats, Output, export_saved, open_saved, serialize_triples
from eucan.ontology.mapping import DERIVED_RELATIONSHIPS, get_mapping
from eucan.queries.catalog import get_query

__all__ = [
    "EXPORT_FORMATS",
    "PREFIXES",
    "ExportFormat",
    "ExportStats",
    "Output",
    "export",
    "graph_fingerprint",
    "iter_triples",
    "resource_triples",
    "serialize_triples",
]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
RESOURCE_LABEL = "Resource"
PAGE_SIZE = 5000
PAGE_TIMEOUT_MS = 120_000


ExportFormat = RdfFormatSpec
EXPORT_FORMATS: dict[str, RdfFormatSpec] = RDF_FORMATS


class _Reverse:
    """Property-graph names back to RDF terms, as pyoxigraph objects (built once)."""

    def __init__(self, mapping: Any) -> None:  # eucan.ontology.mapping.Mapping
        self.mapping = mapping
        self.type = NamedNode(RDF_TYPE)
        self.classes = {label: NamedNode(str(iri)) for label, iri in mapping.by_label.items()}
        self.relations = {t.key: NamedNode(str(t.iri)) for t in mapping.terms.values() if t.kind == "relation"}
        self.derived = set(DERIVED_RELATIONSHIPS)
        self.predicates: dict[str, NamedNode] = {}
        self.datatypes: dict[str, NamedNode] = {}

    def predicate(self, iri: str) -> NamedNode:
        node = self.predicates.get(iri)
        if node is None:
            node = self.predicates[iri] = NamedNode(iri)
        return node

    def datatype(self, iri: str) -> NamedNode:
        node = self.datatypes.get(iri)
        if node is None:
            node = self.datatypes[iri] = NamedNode(iri)
        return node

    def node(self, subject: NamedNode, labels: Iterable[str], props: dict[str, Any]) -> Iterator[Triple]:
        for label in sorted(labels):
            if label == RESOURCE_LABEL:
                continue
            cls = self.classes.get(label)
            if cls is None:
                raise StoreError(
                    f"{subject.value} has label {label!r}, which the ontology mapping does not know; export stopped"
                )
            yield Triple(subject, self.type, cls)
        try:
            values = list(self.mapping.node_to_values(props))
        except KeyError as exc:
            raise StoreError(f"{subject.value}: {exc.args[0]}; export stopped") from None
        for value in values:
            if value.is_iri:
                obj: NamedNode | Literal = NamedNode(value.value)
            elif value.lang is not None:
                obj = Literal(value.value, language=value.lang)
            elif value.datatype is not None:
                obj = Literal(value.value, datatype=self.datatype(value.datatype))
            else:
                obj = Literal(value.value)
            yield Triple(subject, self.predicate(value.predicate), obj)

    def link(self, subject: NamedNode, rel_type: str, target: str) -> Triple | None:
        if rel_type in self.derived:
            return None
        predicate = self.relations.get(rel_type)
        if predicate is None:
            raise StoreError(
                f"{subject.value} has a {rel_type} relationship, which the ontology mapping does not know; "
                "export stopped"
            )
        return Triple(subject, predicate, NamedNode(target))


@lru_cache(maxsize=1)
def _reverse() -> _Reverse:
    return _Reverse(get_mapping())


def _run(
    store: GraphStore, name: str, params: dict[str, Any], *, row_cap: int, timeout_ms: int = PAGE_TIMEOUT_MS
) -> list[list[Any]]:
    result = store.run(
        get_query(name, backend=store.backend).text, params, read_only=True, timeout_ms=timeout_ms, row_cap=row_cap
    )
    if result.truncated:
        raise StoreError(f"query {name} returned more than {row_cap} rows for one page; export stopped")
    return result.rows


def graph_fingerprint(*, store: GraphStore) -> tuple[int, int, str]:
    """(nodes, relationships, load token): cheap to read; changes with every load (the token is
    the `LoadInfo` the load wrote, so even a load of different data with equal counts shows)."""
    nodes = _run(store, "export_node_count", {}, row_cap=1, timeout_ms=30_000)
    rels = _run(store, "export_relationship_count", {}, row_cap=1, timeout_ms=30_000)
    info = store.load_generation()
    return (int(nodes[0][0] or 0) if nodes else 0, int(rels[0][0] or 0) if rels else 0, info.token if info else "")


def iter_triples(
    *, store: GraphStore, page_size: int = PAGE_SIZE, stats: ExportStats | None = None
) -> Iterator[Triple]:
    """Every triple of the graph, subject by subject, one page of nodes in memory at a time.

    Raises `StoreError` if the graph changed while it was being read (a load switched graphs
    between two pages), so an export is never a mix of two graphs.
    """
    reverse = _reverse()
    before = graph_fingerprint(store=store)
    bounds = _run(store, "export_id_range", {}, row_cap=1)
    low, high = (bounds[0][0], bounds[0][1]) if bounds and bounds[0][0] is not None else (0, -1)
    for lo in range(int(low), int(high) + 1, page_size):
        params = {"lo": lo, "hi": lo + page_size}
        page = sorted(_run(store, "export_nodes", params, row_cap=page_size))
        if not page:
            continue
        links: dict[str, list[str]] = dict(_run(store, "export_relationships", params, row_cap=page_size))
        for uri, node in page:
            subject = NamedNode(uri)
            count = 0
            for triple in reverse.node(subject, node["labels"], node["properties"]):
                count += 1
                if stats is not None:
                    stats.properties[triple.predicate.value] += 1
                    stats.objects.add(hash(triple.object))
                    if isinstance(triple.object, Literal) and triple.object.datatype.value == XSD_DATE:
                        stats.see_date(triple.object.value)
                    if triple.predicate.value == RDF_TYPE and isinstance(triple.object, NamedNode):
                        stats.classes[triple.object.value] += 1
                yield triple
            for pair in sorted(links.get(uri, ())):
                rel_type, _, target = pair.partition(" ")
                link = reverse.link(subject, rel_type, target)
                if link is not None:
                    count += 1
                    if stats is not None:
                        stats.properties[link.predicate.value] += 1
                        stats.objects.add(hash(link.object))
                    yield link
            if stats is not None:
                stats.triples += count
                stats.entities += 1
    if graph_fingerprint(store=store) != before:
        raise StoreError("the graph changed while it was being exported (a load ran); run the export again")


def export(
    *,
    store: GraphStore,
    output: Output,
    fmt: str = "ttl",
    page_size: int = PAGE_SIZE,
    describe: bool = True,
    modified: str | None = None,
    expanded: bool = False,
    rdf_dir: Path | None = None,
    count_objects: bool = False,
) -> ExportStats:
    """Stream the whole graph as RDF to `output`; returns what was written (the data's triples).

    With `describe` (the default) the output starts with the dataset's description (licence,
    publisher, version, `modified` when given) and links every resource to the dataset with
    `void:inDataset` (`dataset_description`); the statistics count the data only.

    When the load that wrote the live graph saved its canonical RDF (`loaders.rdf_cache`, in
    `rdf_dir`, by default the embedded store's data folder), that file is streamed through
    pyoxigraph (`saved_rdf.export_saved`; the counts come with the file, and the distinct objects
    and dates are counted only with `count_objects`); otherwise the graph is read back from the
    engine page by page (`iter_triples`), counting everything."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    folder = rdf_dir if rdf_dir is not None else getattr(store, "data_dir", None)
    info = store.load_generation() if isinstance(folder, Path) else None
    saved = open_saved(folder, info.token) if info is not None and isinstance(folder, Path) else None
    if saved is not None and info is not None:
        with contextlib.closing(saved):
            stats = export_saved(
                saved,
                output,
                fmt,
                describe=describe,
                modified=modified,
                expanded=expanded,
                count_objects=count_objects,
            )
        after = store.load_generation()
        if after is None or after.token != info.token:
            raise StoreError("the graph changed while it was being exported (a load ran); run the export again")
        return stats
    stats = ExportStats()
    triples: Iterable[Triple] = iter_triples(store=store, page_size=page_size, stats=stats)
    if describe:
        triples = itertools.chain(description_triples(modified=modified), in_dataset(triples))
    serialize_triples(triples, output, fmt, expanded=expanded)
    return stats


def resource_triples(*, store: GraphStore, uri: str, incoming_limit: int = 1000) -> tuple[list[Triple], list[Triple]]:
    """One resource's own triples (as subject) and the links pointing at it; ([], []) if unknown."""
    reverse = _reverse()
    rows = _run(store, "export_resource", {"uri": uri}, row_cap=1, timeout_ms=10_000)
    if not rows:
        return [], []
    subject = NamedNode(uri)
    _, node, links = rows[0]
    own = list(reverse.node(subject, node["labels"], node["properties"]))
    for pair in sorted(links):
        rel_type, _, target = pair.partition(" ")
        link = reverse.link(subject, rel_type, target)
        if link is not None:
            own.append(link)
    incoming = []
    for source, rel_type, _ in _run(
        store, "export_incoming", {"uri": uri, "limit": incoming_limit}, row_cap=incoming_limit, timeout_ms=10_000
    ):
        link = reverse.link(NamedNode(source), rel_type, uri)
        if link is not None:
            incoming.append(link)
    return own, incoming
