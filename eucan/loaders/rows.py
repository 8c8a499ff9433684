"""The property-graph rows of a full load, made subject by subject while the engine writes them.

A load holds its canonical RDF grouped by subject (`loaders.triples`); the rows the engine needs are
a function of one subject's triples (its node, its outgoing relationships), plus the quotes and
titles its evidence cites (search text) and the shortcut relationships it leaves. `StreamedRows`
makes them batch by batch from the triples, so the rows of the whole graph (a dict per node and per
relationship, as much memory as the triples themselves) never all exist at once. While it makes the
nodes it computes each node's digest (`graph.loads.Manifest`), exactly as `manifest_of` does for a
`PropertyGraph` holding the same rows (`tests/loaders/test_rows.py` checks both).

Nodes come first (every label set's batches), then relationships (every type's batches, then the
shortcuts): relationships are written between nodes that exist. Each subject is one node and each
relationship is given once, so an empty graph takes them with CREATE.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from eucan.graph.loads import Manifest
from eucan.loaders.records import Derived
from eucan.loaders.search_text import is_record, search_properties
from eucan.loaders.triples import BySubject
from eucan.ontology.mapping import DERIVED_RELATIONSHIPS, PropertyGraph, SubjectMapper
from eucan.ontology.namespaces import ECS

__all__ = ["StreamedRows"]

_EVIDENCE, _EXCERPT_OF = str(ECS.evidence), str(ECS.excerptOf)


def _titles(row: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a document's row its citers' search text reads (`title` and its language variants)."""
    return {key: value for key, value in row.items() if key == "title" or key.rpartition("_")[0] == "title"}


class StreamedRows:
    """The rows of the property graph of `subjects` (plus the shortcut relationships `derived`), made
    while they are read (see the module's docstring). `manifest` is complete once `node_batches` has
    been read to its end."""

    distinct = True
    """Each node and each relationship is given once (checked at construction)."""

    def __init__(self, subjects: BySubject, derived: list[Derived]) -> None:
        self.subjects = subjects
        self.mapper = SubjectMapper()
        self.manifest = Manifest(digests={}, relationships=0)
        # A node's shortcut relationships are part of its digest: kept by the node they leave, each once.
        self.derived: dict[str, list[Derived]] = {}
        for item in dict.fromkeys(derived):
            found = self.derived.get(item[1])
            if found is None:
                self.derived[item[1]] = [item]
            else:
                found.append(item)
        relationships = sum(map(len, self.derived.values()))
        shortcut_types = set(DERIVED_RELATIONSHIPS)
        self._relations: dict[str, str | None] = {}  # predicate → relationship type (None: not a relationship)
        for by_pred in subjects.values():
            for pid, values in by_pred.items():
                rel_type = self._relation(pid)
                if rel_type is not None:
                    relationships += len(values)
                    if rel_type in shortcut_types:  # never in the canonical RDF; if it were, it could repeat one
                        self.distinct = False
        self.node_count = len(subjects)
        self.relationship_count = relationships
        self._documents: dict[str, dict[str, Any]] = {}

    def _relation(self, pid: str) -> str | None:
        if pid in self._relations:
            return self._relations[pid]
        rel_type = None
        if pid != self.mapper.rdf_type:
            term, _ = self.mapper.term(pid)  # KeyError for a predicate outside the mapping, before any write
            rel_type = term.key if term.kind == "relation" else None
        self._relations[pid] = rel_type
        return rel_type

    def _cited(self, by_pred: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
        """The (excerpt, document) rows of a record's evidence, in the order of the excerpts' uris."""
        out: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
        for excerpt in sorted(str(e) for e in by_pred.get(_EVIDENCE, ())):
            excerpt_pred = self.subjects.get(excerpt)
            if excerpt_pred is None:
                out.append(({}, {}))
                continue
            excerpt_row = self.mapper.row(excerpt, excerpt_pred)[1]
            documents = excerpt_pred.get(_EXCERPT_OF, ())
            document: Mapping[str, Any] = {}
            if documents:
                uri = str(documents[-1])
                cached = self._documents.get(uri)
                if cached is None:
                    document_pred = self.subjects.get(uri)
                    cached = _titles(self.mapper.row(uri, document_pred)[1]) if document_pred is not None else {}
                    self._documents[uri] = cached
                document = cached
            out.append((excerpt_row, document))
        return out

    def node_batches(self, batch_size: int) -> Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]:
        """(label set, rows) batches of `batch_size` nodes (the last of each label set fewer); fills `manifest`
        on the way."""
        buffers: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        digests, counts = self.manifest.digests, self.manifest.links
        relationships = 0
        blake2b = hashlib.blake2b
        for subject, by_pred in self.subjects.items():
            labels, node, links = self.mapper.row(subject, by_pred)
            uri = node["uri"]
            if is_record(labels, node):
                search_properties(node, self._cited(by_pred))
            # the digest of `manifest_of`: labels, properties, distinct outgoing relationships
            ends = {f"{t} {to}" for t, to in links}
            for rel_type, _, target in self.derived.get(uri, ()):
                ends.add(f"{rel_type} {target}")
            if ends:
                relationships += len(ends)
                counts[uri] = len(ends)
            text = repr((list(labels), sorted(node.items()), sorted(ends) if ends else ()))
            digests[uri] = blake2b(text.encode(), digest_size=16).hexdigest()
            buffer = buffers.get(labels)
            if buffer is None:
                buffer = buffers[labels] = []
            buffer.append(node)
            if len(buffer) >= batch_size:
                yield labels, buffer
                buffers[labels] = []
        self.manifest.relationships = relationships
        for labels, buffer in buffers.items():
            if buffer:
                yield labels, buffer

    def relationship_batches(self, batch_size: int) -> Iterator[tuple[str, list[dict[str, str]]]]:
        """(type, rows) batches of about `batch_size` relationships (a batch may end with the rest of one
        subject's values): the triples' own, then the shortcuts."""
        buffers: dict[str, list[dict[str, str]]] = {}
        intern = sys.intern
        for subject, by_pred in self.subjects.items():
            uri = str(subject)
            for pid, values in by_pred.items():
                rel_type = self._relation(pid)
                if rel_type is None:
                    continue
                buffer = buffers.get(rel_type)
                if buffer is None:
                    buffer = buffers[rel_type] = []
                for target in values:
                    buffer.append({"from": uri, "to": intern(str(target))})
                if len(buffer) >= batch_size:
                    yield rel_type, buffer
                    buffers[rel_type] = []
        for items in self.derived.values():
            for rel_type, source, target in items:
                buffer = buffers.get(rel_type)
                if buffer is None:
                    buffer = buffers[rel_type] = []
                buffer.append({"from": source, "to": target})
                if len(buffer) >= batch_size:
                    yield rel_type, buffer
                    buffers[rel_type] = []
        for rel_type, buffer in buffers.items():
            if buffer:
                yield rel_type, buffer

    def property_graph(self) -> PropertyGraph:
        """All the rows at once (tests, benchmarks and small graphs): the same rows, grouped."""
        graph = PropertyGraph()
        for labels, rows in self.node_batches(1 << 30):
            graph.nodes.setdefault(labels, []).extend(rows)
        for rel_type, rels in self.relationship_batches(1 << 30):
            graph.relationships.setdefault(rel_type, []).extend(rels)
        return graph
