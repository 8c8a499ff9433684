"""Bulk-import files for Neo4j: `neo4j-admin database import full` CSV files, read from the store.

`eucan export --format neo4j-admin --output DIR` writes, in DIR:

- `nodes_<Labels>.csv`, one file per label set: `uri:ID` (the id space is the IRIs, so `uri` is
  also stored as a property, as `eucan load` stores it), `:LABEL`, and one typed column per
  property key (`name:string`, `:long`, `:double`, `:boolean`, and arrays `:string[]` ...);
- `relationships_<TYPE>.csv`, one file per relationship type: `:START_ID`, `:END_ID`, `:TYPE`;
- `loadinfo.csv`: the load's `LoadInfo` node (generation, content hash ...), in its own id space,
  so a Neo4j store over the imported database reports the same load as the store it came from;
- `schema.cypher`: the constraints and indexes `eucan load` creates on Neo4j (the import makes none);
- `import.sh` and `IMPORT.md`: the exact command, and how to finish (docs/neo4j.md).

It reads the property graph from the store, not from the curated files: the files then hold exactly
what researchers query (derived values, the search fields and the load generation included), on
either engine, without validating the sources again; the test reads them back and compares them
with the loaded graph. Dates stay ISO strings (`:string`), as in the loaded graph: the catalog
compares them with string parameters, which a Neo4j `date` would never equal.
"""

from __future__ import annotations

import shlex
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eucan.errors import StoreError
from eucan.graph.schema import neo4j_schema
from eucan.graph.store import GraphStore
from eucan.queries.catalog import get_query

__all__ = [
    "ARRAY_DELIMITER",
    "ARRAY_DELIMITER_OPTION",
    "AdminExport",
    "column_type",
    "export_neo4j_admin",
    "import_command",
]

ARRAY_DELIMITER = "\x1f"  # ASCII unit separator: in no text of the data (checked on writing)
ARRAY_DELIMITER_OPTION = "U+001F"
PAGE_SIZE = 5000
_SCALAR_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_LOADINFO_TYPES = {
    "generation": "long",
    "loadedAt": "string",
    "contentHash": "string",
    "nodeCount": "long",
    "relationshipCount": "long",
    "token": "string",
}


@dataclass
class AdminExport:
    """What an export wrote."""

    folder: Path
    nodes: int = 0
    relationships: int = 0
    node_files: list[str] = field(default_factory=list)
    relationship_files: list[str] = field(default_factory=list)
    command: str = ""


def _value_type(value: Any) -> str:
    if isinstance(value, list):
        items = {_value_type(v) for v in value}
        if len(items) != 1 or next(iter(items)).endswith("[]"):
            raise StoreError(f"a list property must hold values of one scalar type, not {sorted(items)}")
        return next(iter(items)) + "[]"
    kind = _SCALAR_TYPES.get(type(value))
    if kind is None:
        raise StoreError(f"a property value of type {type(value).__name__} has no neo4j-admin column type")
    return kind


def column_type(values: list[Any]) -> str:
    """The neo4j-admin type of one property key's values (mixed long and double: double)."""
    kinds = {_value_type(v) for v in values if v is not None}
    if kinds in ({"long", "double"}, {"long[]", "double[]"}):
        return "double[]" if "double[]" in kinds else "double"
    if len(kinds) != 1:
        raise StoreError(f"a property holds values of several types: {sorted(kinds)}")
    return next(iter(kinds))


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if ARRAY_DELIMITER in text:
        raise StoreError("a property value holds the array delimiter U+001F; it cannot be written for neo4j-admin")
    return text


def _cell(value: Any) -> str | None:
    """A CSV cell: None for no property (an empty, unquoted field), arrays joined by the delimiter."""
    if value is None:
        return None
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_text(v) for v in value)
    return _text(value)


class _Writer:
    """CSV as neo4j-admin reads it: every present value quoted (an inner quote doubled), so an empty
    string stays an empty string, and an absent property (None) an empty, unquoted field, which
    neo4j-admin skips. Python's csv module cannot tell the two apart when writing."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("w", encoding="utf-8", newline="")

    def header(self, cells: list[str]) -> None:
        self._file.write(",".join(cells) + "\n")

    def row(self, cells: list[str | None]) -> None:
        quoted = ['"' + c.replace('"', '""') + '"' if c is not None else "" for c in cells]
        self._file.write(",".join(quoted) + "\n")

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()


def _file_name(prefix: str, parts: list[str]) -> str:
    return f"{prefix}_{'-'.join(parts)}.csv"


def _read_graph(
    store: GraphStore,
) -> tuple[dict[tuple[str, ...], list[dict[str, Any]]], dict[str, list[tuple[str, str]]]]:
    """Nodes by label set and (source, target) pairs by relationship type, paged as the RDF export pages."""
    backend = store.backend

    def run(name: str, params: dict[str, Any], cap: int) -> list[list[Any]]:
        result = store.run(
            get_query(name, backend=backend).text, params, read_only=True, row_cap=cap, timeout_ms=60_000
        )
        if result.truncated:
            raise StoreError(f"query {name} returned more than {cap} rows for one page; export stopped")
        return result.rows

    nodes: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    links: dict[str, list[tuple[str, str]]] = defaultdict(list)
    bounds = run("export_id_range", {}, 1)
    low, high = (bounds[0][0], bounds[0][1]) if bounds and bounds[0][0] is not None else (0, -1)
    for lo in range(int(low), int(high) + 1, PAGE_SIZE):
        params = {"lo": lo, "hi": lo + PAGE_SIZE}
        for _, node in run("export_nodes", params, PAGE_SIZE):
            nodes[tuple(sorted(node["labels"]))].append(node["properties"])
        for source, pairs in run("export_relationships", params, PAGE_SIZE):
            for pair in pairs:
                rel_type, _, target = pair.partition(" ")
                links[rel_type].append((source, target))
    return nodes, links


def import_command(result: AdminExport, database: str = "neo4j") -> str:
    """The `neo4j-admin database import full` command for the files of `result` (run in its folder)."""
    args: list[str] = []
    args += [f"--nodes={name}" for name in result.node_files]
    args += [f"--relationships={name}" for name in result.relationship_files]
    args += [
        f"--array-delimiter={ARRAY_DELIMITER_OPTION}",
        "--multiline-fields=true",
        "--id-type=string",
        "--overwrite-destination=false",
        database,
    ]
    return " \\\n  ".join(["neo4j-admin database import full", *(shlex.quote(a) for a in args)])


_IMPORT_MD = """# Bulk import into Neo4j 5

Made by `eucan export --format neo4j-admin` from load generation {generation}: {nodes} nodes and
{relationships} relationships. See docs/neo4j.md of the project for Aura and clusters.

1. Stop the database (or the server), copy this folder next to it, and run from this folder
   (`import.sh` holds the same command; `--overwrite-destination=true` replaces an existing database):

```sh
{command}
```

2. Start the database (`CREATE DATABASE neo4j IF NOT EXISTS` on Enterprise if it is a new one),
   then create the constraints and indexes that `eucan load` creates on Neo4j:

```sh
cypher-shell -d neo4j -f schema.cypher
```

3. Point the project at it: `NEO4J_URI=neo4j://host:7687 NEO4J_USERNAME=... NEO4J_PASSWORD=... eucan stats`.
"""


def export_neo4j_admin(*, store: GraphStore, folder: Path, database: str = "neo4j") -> AdminExport:
    """Write the CSV files, schema.cypher, import.sh and IMPORT.md for `neo4j-admin` into `folder`."""
    before = store.load_generation()
    nodes, links = _read_graph(store)
    folder.mkdir(parents=True, exist_ok=True)
    result = AdminExport(folder)
    for labels, rows in sorted(nodes.items()):
        keys = sorted({k for row in rows for k in row if k != "uri"})
        types = {k: column_type([row.get(k) for row in rows]) for k in keys}
        name = _file_name("nodes", list(labels))
        with _Writer(folder / name) as writer:
            writer.header(["uri:ID", ":LABEL", *(f"{k}:{types[k]}" for k in keys)])
            for row in sorted(rows, key=lambda r: str(r["uri"])):
                writer.row([str(row["uri"]), ARRAY_DELIMITER.join(labels), *(_cell(row.get(k)) for k in keys)])
        result.node_files.append(name)
        result.nodes += len(rows)
    if before is not None:
        with _Writer(folder / "loadinfo.csv") as writer:
            params = before.as_params()
            writer.header(["name:ID(LoadInfo)", ":LABEL", *(f"{k}:{t}" for k, t in _LOADINFO_TYPES.items())])
            writer.row(["load", "LoadInfo", *(_cell(params[k]) for k in _LOADINFO_TYPES)])
        result.node_files.append("loadinfo.csv")
    for rel_type, pairs in sorted(links.items()):
        name = _file_name("relationships", [rel_type])
        with _Writer(folder / name) as writer:
            writer.header([":START_ID", ":END_ID", ":TYPE"])
            for source, target in sorted(pairs):
                writer.row([source, target, rel_type])
        result.relationship_files.append(name)
        result.relationships += len(pairs)
    if store.load_generation() != before:
        raise StoreError("the graph changed while it was being exported (a load ran); run the export again")
    result.command = import_command(result, database)
    (folder / "schema.cypher").write_text("".join(f"{s};\n" for s in neo4j_schema()), encoding="utf-8")
    script = folder / "import.sh"
    script.write_text(
        f'#!/bin/sh\n# Run in this folder; see IMPORT.md.\nset -e\ncd "$(dirname "$0")"\n{result.command}\n'
    )
    script.chmod(0o755)
    (folder / "IMPORT.md").write_text(
        _IMPORT_MD.format(
            generation=before.generation if before else "(none)",
            nodes=result.nodes,
            relationships=result.relationships,
            command=result.command,
        ),
        encoding="utf-8",
    )
    return result
