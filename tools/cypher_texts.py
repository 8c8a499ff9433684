"""Every Cypher text of the project, for Neo4j's own Cypher front end (tools/cypher_lint.py).

Each text says which engines run it, and so how strictly Neo4j's front end judges it:

- `both`: the catalog's and the internal queries without a variant, and the write statements of
  `eucan/graph` both stores send. Neo4j must accept them with no error and no warning.
- `neo4j`: a query's `name.neo4j.cypher` variant and the Neo4j store's own statements (DDL, search,
  load). The same: no error, no warning.
- `falkordb`: a query's text when a Neo4j variant replaces it, and the FalkorDB store's own
  statements. Neo4j never runs them, so only errors count, and not those that come from FalkorDB's
  own procedures or functions (none today: the front end knows no procedure list, so FalkorDB's
  `db.idx.fulltext.*` parse as calls); warnings such as `id()` being deprecated are Neo4j's business.

Parameters: a catalog query may use only the parameters its header declares (`@param`), so an
undeclared `$name` is an error; the statements in `eucan/graph` declare none, so their `$names` are
taken from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eucan.graph import cypher, falkordb_store, falkordb_write, neo4j_store, schema
from eucan.graph.loads import GraphChanges
from eucan.ontology.mapping import PropertyGraph, get_mapping
from eucan.queries.catalog import CATALOG_DIR, list_queries

__all__ = ["CypherText", "collect"]

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("both", "neo4j", "falkordb")


@dataclass(frozen=True)
class CypherText:
    id: str  # where it comes from: a file, or module:name
    text: str
    params: tuple[str, ...]
    engines: str  # one of ENGINES

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "text": self.text, "params": list(self.params), "cypher": "CYPHER 5"}


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _params_in(text: str) -> tuple[str, ...]:
    return tuple(sorted(set(re.findall(r"\$(\w+)", text))))


def _catalog() -> list[CypherText]:
    out = []
    for query in list_queries(include_internal=True):
        folder = CATALOG_DIR / "internal" if query.internal else CATALOG_DIR
        path = folder / f"{query.name}.cypher"
        if not path.exists():  # a user's own query folder (EUCAN_QUERIES_DIR) is not the project's
            continue
        params = tuple(p.name for p in query.parameters)
        out.append(CypherText(_rel(path), query.text, params, "falkordb" if query.variants else "both"))
        for backend, text in query.variants:
            out.append(CypherText(_rel(folder / f"{query.name}.{backend}.cypher"), text, params, backend))
    return out


def _graph() -> list[CypherText]:
    mapping = get_mapping()
    shared = {
        "HEALTH_PROBE": cypher.HEALTH_PROBE,
        "LOAD_INFO_READ": cypher.LOAD_INFO_READ,
        "LOAD_INFO_WRITE": cypher.LOAD_INFO_WRITE,
        "DELETE_NODES": cypher.DELETE_NODES,
        "INCOMING_RELATIONSHIPS": cypher.INCOMING_RELATIONSHIPS,
        **{f"merge_nodes({label})": cypher.merge_nodes(("Resource", label)) for label in sorted(mapping.by_label)},
        "merge_nodes(Resource)": cypher.merge_nodes(("Resource",)),
        **{f"merge_relationships({t})": cypher.merge_relationships(t) for t in sorted(mapping.relationship_types)},
        **{f"create_nodes({label})": cypher.create_nodes(("Resource", label)) for label in sorted(mapping.by_label)},
        **{f"create_relationships({t})": cypher.create_relationships(t) for t in sorted(mapping.relationship_types)},
    }
    own = {
        "neo4j": {
            "neo4j_store.SEARCH": neo4j_store.SEARCH,
            "neo4j_store.LOAD_INFO_LOCK": neo4j_store.LOAD_INFO_LOCK,
            "neo4j_store.CLEAR": neo4j_store.CLEAR,
            **{f"schema.neo4j_schema()[{i}]": s for i, s in enumerate(schema.neo4j_schema())},
        },
        "falkordb": {
            "falkordb_store.SEARCH": falkordb_store.SEARCH,
            "falkordb_store.LOAD_TOKEN_CHECK": falkordb_store.LOAD_TOKEN_CHECK,
            "cypher.in_place_update(...)": cypher.in_place_update(
                GraphChanges(
                    delete=["x"],
                    write=PropertyGraph(
                        nodes={("Actor", "Resource"): [{"uri": "x"}]}, relationships={"PARTICIPANT": []}
                    ),
                )
            )[0],
            **{f"schema.falkordb_schema()[{i}]": s for i, s in enumerate(schema.falkordb_schema())},
            **{
                f"falkordb_write.create_nodes_returning_ids({label})": falkordb_write.create_nodes_returning_ids(
                    ("Resource", label)
                )
                for label in sorted(mapping.by_label)
            },
            **{
                f"falkordb_write.create_relationships_by_id({t})": falkordb_write.create_relationships_by_id(t)
                for t in sorted(mapping.relationship_types)
            },
        },
    }
    out = [CypherText(f"eucan/graph/cypher.py:{name}", text, _params_in(text), "both") for name, text in shared.items()]
    for engine, texts in own.items():
        out += [CypherText(f"eucan/graph/{name}", text, _params_in(text), engine) for name, text in texts.items()]
    return out


def collect() -> list[CypherText]:
    """Every Cypher text: the catalog (with internal queries and variants), then `eucan/graph`'s."""
    return _catalog() + _graph()
