"""Turn engine result values (nodes, relationships, paths, dates) into plain JSON-able Python."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import falkordb

__all__ = ["plain"]

_SCALARS = frozenset({type(None), bool, int, float, str})


def _node(node_id: Any, labels: Any, props: dict[str, Any]) -> dict[str, Any]:
    return {"_kind": "node", "_id": str(node_id), "labels": sorted(labels or []), "properties": plain(props)}


def plain(value: Any) -> Any:
    """A JSON-able copy of a result value from either engine."""
    kind = type(value)
    if kind in _SCALARS:  # the common case first: one set lookup per value (results hold thousands)
        return value
    if kind is list:
        return [v if type(v) in _SCALARS else plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    # Only a process that has imported the Neo4j driver holds its values (the embedded engine's never import it:
    # ~0.5 s of every command's start).
    neo4j_graph = sys.modules.get("neo4j.graph")
    if neo4j_graph is not None and isinstance(value, (neo4j_graph.Node, neo4j_graph.Relationship, neo4j_graph.Path)):
        return _neo4j_value(
            value, type(value).__name__ if isinstance(value, (neo4j_graph.Node, neo4j_graph.Path)) else "Relationship"
        )
    if isinstance(value, (falkordb.Node, falkordb.Edge, falkordb.Path)):
        return _falkordb_value(value, type(value).__name__)
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return str(value)


def _neo4j_value(value: Any, name: str) -> Any:
    if name == "Node":
        return _node(value.element_id, value.labels, dict(value.items()))
    if name == "Relationship":
        return {
            "_kind": "relationship",
            "_id": str(value.element_id),
            "type": value.type,
            "start": str(value.start_node.element_id) if value.start_node is not None else None,
            "end": str(value.end_node.element_id) if value.end_node is not None else None,
            "properties": plain(dict(value.items())),
        }
    if name == "Path":
        return {
            "_kind": "path",
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


def _falkordb_value(value: Any, name: str) -> Any:
    if name == "Node":
        return _node(value.id, value.labels, dict(value.properties))
    if name == "Edge":
        return {
            "_kind": "relationship",
            "_id": str(value.id),
            "type": value.relation,
            "start": str(value.src_node if not hasattr(value.src_node, "id") else value.src_node.id),
            "end": str(value.dest_node if not hasattr(value.dest_node, "id") else value.dest_node.id),
            "properties": plain(dict(value.properties)),
        }
    if name == "Path":
        return {
            "_kind": "path",
            "nodes": [plain(n) for n in value.nodes()],
            "relationships": [plain(e) for e in value.edges()],
        }
    return str(value)
