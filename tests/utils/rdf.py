"""The data part of an export: every dump and export starts with the dataset's description and
links each resource to it (`void:inDataset`). Those triples are about the data, not in the curated
sources, so round-trip comparisons drop exactly them (`is_description`) before comparing."""

from __future__ import annotations

from itertools import chain

from rdflib import BNode, Graph
from rdflib.compare import isomorphic as rdflib_isomorphic

from eucan.linked.dataset_description import is_description


def data_only(graph: Graph) -> Graph:
    kept = Graph()
    for s, p, o in graph:
        if not is_description(str(s), str(p)):
            kept.add((s, p, o))
    return kept


def isomorphic(a: Graph, b: Graph) -> bool:
    """rdflib's `isomorphic`, without its canonical hashing of every triple when neither graph has a
    blank node: then two graphs are isomorphic exactly when they hold the same triples."""
    if any(isinstance(term, BNode) for triple in chain(a, b) for term in triple):
        return bool(rdflib_isomorphic(a, b))
    return set(a) == set(b)
