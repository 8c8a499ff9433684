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

import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from eucan.graph.loads import Manifest, node_digest
from eucan.loaders.records import Derived
from eucan.loaders.search_text import is_record, set_search_properties, values_of
from eucan.loaders.triples import BySubject
from eucan.ontology.mapping import DEFAULT_LANG, DERIVED_RELATIONSHIPS, PropertyGraph, SubjectMapper
from eucan.ontology.namespaces import ECS

_End = TypeVar("_End")

__all__ = ["StreamedRows"]

_EVIDENCE, _EXCERPT_OF, _QUOTE = str(ECS.evidence), str(ECS.excerptOf), str(ECS.quote)


def _lang_key(key: str, lang: str | None) -> str:
    """The property key of a value in `lang` (`ontology.mapping`: English under the plain key)."""
    return key if not lang or lang == DEFAULT_LANG else f"{key}_{lang}"


def _consumed(subjects: BySubject) -> Iterator[tuple[Any, dict[str, tuple[Any, ...]]]]:
    """Each (subject, its triples) in order, removed from `subjects` as it is given (it ends empty)."""
    for subject in list(subjects):
        yield subject, subjects.pop(subject)
    subjects.clear()


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
        relation = self._relations
        for by_pred in subjects.values():
            for pid, values in by_pred.items():
                rel_type = relation[pid] if pid in relation else self._relation(pid)
                if rel_type is not None:
                    relationships += len(values)
                    if rel_type in shortcut_types:  # never in the canonical RDF; if it were, it could repeat one
                        self.distinct = False
        self.node_count = len(subjects)
        self.relationship_count = relationships
        self._documents: dict[str, list[str]] = {}  # a document's uri → its titles, for its citers' search text
        self.release: Callable[[], object] | None = None
        """Set by a load that needs the triples no more once its rows are made (`pipeline.load_sources`
        with `keep_rdf=False`): called once the nodes are made, before the relationships (it waits for any
        other reader of the triples); then each subject's triples are let go (removed from `subjects`) as
        soon as its relationships are made, while the engine's graph grows."""

    def _relation(self, pid: str) -> str | None:
        if pid in self._relations:
            return self._relations[pid]
        rel_type = None
        if pid != self.mapper.rdf_type:
            term, _ = self.mapper.term(pid)  # KeyError for a predicate outside the mapping, before any write
            rel_type = term.key if term.kind == "relation" else None
        self._relations[pid] = rel_type
        return rel_type

    def _cited(self, by_pred: Mapping[str, Any]) -> list[str]:
        """The texts of a record's evidence for its search text, in the order of the excerpts' uris: each
        excerpt's quotes (by key: `quote`, then `quote_<lang>`), then its document's titles, as
        `search_text.search_properties` reads them from their rows."""
        out: list[str] = []
        for excerpt in sorted(str(e) for e in by_pred.get(_EVIDENCE, ())):
            excerpt_pred = self.subjects.get(excerpt)
            if excerpt_pred is None:
                continue
            quotes = excerpt_pred.get(_QUOTE, ())
            if len(quotes) == 1:
                out.append(str(quotes[0]))
            elif quotes:
                keyed = [(_lang_key("quote", getattr(q, "language", None)), str(q)) for q in quotes]
                out += [text for _, text in sorted(keyed)]
            documents = excerpt_pred.get(_EXCERPT_OF, ())
            if documents:
                uri = str(documents[-1])
                titles = self._documents.get(uri)
                if titles is None:
                    document_pred = self.subjects.get(uri)
                    titles = (
                        values_of(self.mapper.row(uri, document_pred)[1], ("title",))
                        if document_pred is not None
                        else []
                    )
                    self._documents[uri] = titles
                out += titles
        return out

    def node_batches(self, batch_size: int) -> Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]:
        """(label set, rows) batches of `batch_size` nodes (the last of each label set fewer); fills `manifest`
        on the way."""
        buffers: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        digests, counts = self.manifest.digests, self.manifest.links
        relationships = 0
        for subject, by_pred in self.subjects.items():
            labels, node, links = self.mapper.row(subject, by_pred, intern_links=False)
            uri = node["uri"]
            if is_record(labels, node):
                set_search_properties(node, self._cited(by_pred))
            # the digest of `manifest_of`: labels, properties, distinct outgoing relationships
            ends = {f"{t} {to}" for t, to in links}
            for rel_type, _, target in self.derived.get(uri, ()):
                ends.add(f"{rel_type} {target}")
            if ends:
                relationships += len(ends)
                counts[uri] = len(ends)
            digests[uri] = node_digest(labels, node, ends)
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

    def relationship_pairs(self, batch_size: int) -> Iterator[tuple[str, list[tuple[str, str]]]]:
        """(type, [(from uri, to uri)]) batches of about `batch_size` relationships (a batch may end with the
        rest of one subject's values): the triples' own, then the shortcuts. The ends are the nodes' own
        (interned) uri strings."""
        for rel_type, pairs, _ in self._pairs_by(batch_size, sys.intern):
            yield rel_type, pairs

    def relationship_id_pairs(
        self, batch_size: int, ids: Mapping[str, int]
    ) -> Iterator[tuple[str, list[tuple[int, int]], int]]:
        """`relationship_pairs` with each end as its node's id (`ids`: uri → id), each batch with the number
        of relationships it stands for: a pair whose end is no node is left out, as `MATCH` by uri would
        (`graph.falkordb_write`). The ends' ids are looked up straight from the triples: no uri pairs made."""
        return self._pairs_by(batch_size, ids.get)

    def _pairs_by(
        self, batch_size: int, end: Callable[[str], _End | None]
    ) -> Iterator[tuple[str, list[tuple[_End, _End]], int]]:
        """The relationships in batches of about `batch_size`, each end as `end(uri)` gives it (None: left
        out), each batch with the number of relationships it stands for."""
        buffers: dict[str, list[tuple[_End, _End]]] = {}
        counts: dict[str, int] = {}
        relation = self._relations
        release, self.release = self.release, None
        if release is not None:
            release()
        for subject, by_pred in _consumed(self.subjects) if release is not None else self.subjects.items():
            source = end(str(subject))
            for pid, values in by_pred.items():
                rel_type = relation[pid] if pid in relation else self._relation(pid)
                if rel_type is None:
                    continue
                buffer = buffers.get(rel_type)
                if buffer is None:
                    buffer = buffers[rel_type] = []
                if source is not None:
                    for target in values:
                        found = end(str(target))
                        if found is not None:
                            buffer.append((source, found))
                count = counts[rel_type] = counts.get(rel_type, 0) + len(values)
                if count >= batch_size:
                    yield rel_type, buffer, count
                    buffers[rel_type], counts[rel_type] = [], 0
        for items in self.derived.values():
            for rel_type, source_uri, target_uri in items:
                buffer = buffers.get(rel_type)
                if buffer is None:
                    buffer = buffers[rel_type] = []
                ends = end(source_uri), end(target_uri)
                if ends[0] is not None and ends[1] is not None:
                    buffer.append((ends[0], ends[1]))
                count = counts[rel_type] = counts.get(rel_type, 0) + 1
                if count >= batch_size:
                    yield rel_type, buffer, count
                    buffers[rel_type], counts[rel_type] = [], 0
        for rel_type, buffer in buffers.items():
            if counts[rel_type]:
                yield rel_type, buffer, counts[rel_type]

    def relationship_batches(self, batch_size: int) -> Iterator[tuple[str, list[dict[str, str]]]]:
        """The same batches as `relationship_pairs`, each relationship a row `{"from": uri, "to": uri}`."""
        for rel_type, pairs in self.relationship_pairs(batch_size):
            yield rel_type, [{"from": source, "to": target} for source, target in pairs]

    def property_graph(self) -> PropertyGraph:
        """All the rows at once (tests, benchmarks and small graphs): the same rows, grouped."""
        graph = PropertyGraph()
        for labels, rows in self.node_batches(1 << 30):
            graph.nodes.setdefault(labels, []).extend(rows)
        for rel_type, rels in self.relationship_batches(1 << 30):
            graph.relationships.setdefault(rel_type, []).extend(rels)
        return graph
