"""Write-path Cypher shared by both engines. Labels and types come only from the ontology allow-list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eucan.ontology.mapping import GraphRows, get_mapping

__all__ = [
    "DELETE_NODES",
    "HEALTH_PROBE",
    "INCOMING_RELATIONSHIPS",
    "LOAD_INFO_READ",
    "LOAD_INFO_WRITE",
    "create_nodes",
    "create_relationships",
    "in_place_update",
    "merge_nodes",
    "merge_relationships",
    "safe_label",
    "write_batches",
]

# The health check's query: trivial, but it goes through the engine's query threads.
HEALTH_PROBE = "RETURN 1 AS ok"

# The one `LoadInfo` node of a graph (see graph/loads.py). Its label is not `Resource`, so the
# export and the catalog's counts of resources leave it out.
LOAD_INFO_WRITE = "MERGE (l:LoadInfo {name: 'load'}) SET l += $info"
LOAD_INFO_READ = (
    "MATCH (l:LoadInfo {name: 'load'}) "
    "RETURN l.generation, l.loadedAt, l.contentHash, l.nodeCount, l.relationshipCount, l.token LIMIT 1"
)

# An incremental load deletes the nodes it rewrites (and the removed ones) with all their relationships.
DELETE_NODES = "UNWIND $rows AS uri MATCH (n:Resource {uri: uri}) DETACH DELETE n"

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def safe_label(name: str) -> str:
    """A label or relationship type known to the ontology mapping (never user input)."""
    mapping = get_mapping()
    known = set(mapping.by_label) | mapping.relationship_types | {"Resource"}
    if name not in known or not _NAME.match(name):
        raise ValueError(f"{name!r} is not a label or relationship type of the ontology")
    return name


def _labels(labels: tuple[str, ...]) -> str:
    return "".join(f":{safe_label(label)}" for label in labels if label != "Resource")


def _relationships(verb: str, rel_type: str) -> str:
    return (
        "UNWIND $rows AS row "
        "MATCH (a:Resource {uri: row.from}) MATCH (b:Resource {uri: row.to}) "
        f"{verb} (a)-[:{safe_label(rel_type)}]->(b)"
    )


def merge_nodes(labels: tuple[str, ...]) -> str:
    """MERGE on the stable `uri` with every label in the pattern (adding labels after the
    MERGE costs FalkorDB 13x more; each uri has exactly one label set in a load)."""
    return f"UNWIND $rows AS row MERGE (n:Resource{_labels(labels)} {{uri: row.uri}}) SET n += row"


def merge_relationships(rel_type: str) -> str:
    return _relationships("MERGE", rel_type)


def create_nodes(labels: tuple[str, ...]) -> str:
    """Into a new, empty graph whose rows name each uri once: CREATE, no lookup (MERGE costs a lookup per row)."""
    return f"UNWIND $rows AS row CREATE (n:Resource{_labels(labels)}) SET n = row"


def create_relationships(rel_type: str) -> str:
    """Into a new graph whose rows name each relationship once: CREATE instead of MERGE."""
    return _relationships("CREATE", rel_type)


def write_batches(
    graph: GraphRows, batch_size: int, *, distinct: bool = False
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(statement, rows) for every batch of a load: all nodes first, then relationships. `distinct`: the
    graph is written into an empty one and its rows name each node and each relationship once (CREATE)."""
    node_statement, relationship_statement = (
        (create_nodes, create_relationships) if distinct else (merge_nodes, merge_relationships)
    )
    statements: dict[Any, str] = {}
    for labels, rows in graph.node_batches(batch_size):
        statement = statements.get(labels)
        if statement is None:
            statement = statements[labels] = node_statement(labels)
        yield statement, rows
    for rel_type, rels in graph.relationship_batches(batch_size):
        statement = statements.get(rel_type)
        if statement is None:
            statement = statements[rel_type] = relationship_statement(rel_type)
        yield statement, rels


# An incremental load restores the relationships unchanged nodes have to the nodes it rewrites.
INCOMING_RELATIONSHIPS = (
    "UNWIND $uris AS uri MATCH (a:Resource)-[r]->(b:Resource {uri: uri}) RETURN a.uri, type(r), b.uri"
)


def in_place_update(changes: Any) -> tuple[str, dict[str, Any]]:
    """One write query for a small incremental load (`graph.loads.GraphChanges`): delete the replaced and
    removed nodes, write the nodes and relationships, then the `LoadInfo` (parameter `$info`, which the
    caller adds). Each step ends in `WITH count(*)`, one row whatever the step matched, so an empty
    step does not stop the ones after it."""
    parts = ["UNWIND $delete AS uri MATCH (n:Resource {uri: uri}) DETACH DELETE n WITH count(*) AS done"]
    params: dict[str, Any] = {"delete": list(changes.delete)}
    for number, (labels, rows) in enumerate(changes.write.nodes.items()):
        params[f"n{number}"] = rows
        parts.append(merge_nodes(labels).replace("$rows", f"$n{number}") + " WITH count(*) AS done")
    for number, (rel_type, rels) in enumerate(changes.write.relationships.items()):
        params[f"r{number}"] = rels
        parts.append(merge_relationships(rel_type).replace("$rows", f"$r{number}") + " WITH count(*) AS done")
    parts.append(LOAD_INFO_WRITE)
    return " ".join(parts), params
