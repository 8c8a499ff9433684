"""The data part of an export: every dump and export starts with the dataset's description and
links each resource to it (`void:inDataset`). Those triples are about the data, not in the curated
sources, so round-trip comparisons drop exactly them (`is_description`) before comparing."""

from __future__ import annotations

from rdflib import Graph

from eucan.linked.dataset_description import is_description


def data_only(graph: Graph) -> Graph:
    kept = Graph()
    for s, p, o in graph:
        if not is_description(str(s), str(p)):
            kept.add((s, p, o))
    return kept
