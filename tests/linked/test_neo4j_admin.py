"""`eucan export --format neo4j-admin`: the CSV files read back, as neo4j-admin reads them, into the
same property graph as the one loaded in the real engine (nodes, labels, typed properties, links)."""

from __future__ import annotations

import re
import shlex
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eucan.cli import app
from eucan.errors import StoreError
from eucan.graph.schema import neo4j_schema
from eucan.graph.store import GraphStore
from eucan.linked.neo4j_admin import ARRAY_DELIMITER, column_type, export_neo4j_admin

Cell = tuple[str, bool]  # (text, quoted)


def parse_csv(text: str) -> list[list[Cell]]:
    """neo4j-admin's reading of a CSV file (`,` separated, `"` quoted, `""` an inner quote, fields
    over several lines allowed): each field with whether it was quoted, since an empty unquoted field
    is no property and a quoted one an empty string."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            j, parts = i + 1, []
            while True:
                k = text.index('"', j)
                parts.append(text[j:k])
                if text[k + 1 : k + 2] == '"':
                    parts.append('"')
                    j = k + 2
                    continue
                i = k + 1
                break
            row.append(("".join(parts), True))
        else:
            m = re.compile(r"[^,\n]*").match(text, i)
            assert m is not None
            row.append((m.group(), False))
            i = m.end()
        if i >= n or text[i] == "\n":
            rows.append(row)
            row = []
        i += 1
    return rows


def _value(cell: Cell, kind: str) -> Any:
    text, quoted = cell
    if not text and not quoted:
        return None
    if kind.endswith("[]"):
        return [_value((item, True), kind[:-2]) for item in text.split(ARRAY_DELIMITER)]
    convert: dict[str, Callable[[str], Any]] = {
        "long": int,
        "double": float,
        "boolean": {"true": True, "false": False}.__getitem__,
    }
    return convert.get(kind, str)(text)


def read_back(folder: Path) -> tuple[dict[str, tuple[list[str], dict[str, Any]]], Counter[tuple[str, str, str]]]:
    """Nodes (uri -> (labels, properties)) and relationships (source, type, target) of the files."""
    command = shlex.split((folder / "import.sh").read_text().split("\n", 4)[4].replace("\\\n", " "))
    node_files = [a.removeprefix("--nodes=") for a in command if a.startswith("--nodes=")]
    rel_files = [a.removeprefix("--relationships=") for a in command if a.startswith("--relationships=")]
    assert set(node_files + rel_files) == {p.name for p in folder.glob("*.csv")}
    nodes: dict[str, tuple[list[str], dict[str, Any]]] = {}
    for name in node_files:
        header, *rows = parse_csv((folder / name).read_text(encoding="utf-8"))
        columns = [cell.rpartition(":") for cell, _ in header]
        for row in rows:
            assert len(row) == len(columns), name
            key, labels, props = "", [], {}
            for (prop, _, kind), cell in zip(columns, row, strict=True):
                if kind.startswith("ID"):
                    key = cell[0]
                    props[prop] = cell[0]
                elif kind == "LABEL":
                    labels = sorted(cell[0].split(ARRAY_DELIMITER))
                elif (value := _value(cell, kind)) is not None:
                    props[prop] = value
            assert key not in nodes, f"{key} twice"
            nodes[key] = (labels, props)
    rels: Counter[tuple[str, str, str]] = Counter()
    for name in rel_files:
        header, *rows = parse_csv((folder / name).read_text(encoding="utf-8"))
        assert [c for c, _ in header] == [":START_ID", ":END_ID", ":TYPE"]
        rels.update((start, kind, end) for (start, _), (end, _), (kind, _) in rows)
    return nodes, rels


def loaded_graph(
    store: GraphStore,
) -> tuple[dict[str, tuple[list[str], dict[str, Any]]], Counter[tuple[str, str, str]]]:
    rows = store.run("MATCH (n) RETURN n", row_cap=100_000).rows
    nodes = {}
    for (node,) in rows:
        props = node["properties"]
        nodes[props.get("uri") or props["name"]] = (sorted(node["labels"]), props)
    links = store.run("MATCH (a)-[r]->(b) RETURN a.uri, type(r), b.uri", row_cap=100_000).rows
    return nodes, Counter((a, t, b) for a, t, b in links)


def test_the_files_read_back_into_the_loaded_graph(store: GraphStore, tmp_path: Path) -> None:
    result = export_neo4j_admin(store=store, folder=tmp_path)
    nodes, rels = read_back(tmp_path)
    want_nodes, want_rels = loaded_graph(store)
    assert result.nodes > 500 and result.relationships > 500
    assert len(nodes) == result.nodes + 1  # and the LoadInfo node
    assert sum(rels.values()) == result.relationships == sum(want_rels.values())
    assert nodes.keys() == want_nodes.keys()
    for uri, (labels, props) in want_nodes.items():
        assert nodes[uri] == (labels, props), uri
    assert rels == want_rels
    # typed columns: arrays, integers and booleans, not only strings
    headers = "".join((tmp_path / f).read_text().split("\n", 1)[0] for f in result.node_files)
    assert ":string[]" in headers and ":long" in headers and ":boolean" in headers
    assert (tmp_path / "schema.cypher").read_text().count(";\n") == len(neo4j_schema())
    assert result.command in (tmp_path / "IMPORT.md").read_text()
    assert result.command.startswith("neo4j-admin database import full")


def test_the_cli_writes_the_folder_and_prints_the_command(store: GraphStore, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("EUCAN_DATA_DIR", str(store.data_dir))  # type: ignore[attr-defined]
    target = tmp_path / "bulk"
    result = CliRunner().invoke(app, ["export", "--format", "neo4j-admin", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert "neo4j-admin database import full" in result.stdout and "--array-delimiter=U+001F" in result.stdout
    assert (target / "nodes_Actor-Resource-State.csv").exists() and (target / "relationships_MEMBER_OF.csv").exists()
    refused = CliRunner().invoke(app, ["export", "--format", "neo4j-admin"], env={"COLUMNS": "300"})
    assert refused.exit_code != 0 and "--output DIR" in refused.output


def test_quotes_newlines_and_empty_strings_survive(fresh_store: GraphStore, tmp_path: Path) -> None:
    text = 'a "quoted", two-line\nvalue'
    fresh_store.run(
        "CREATE (:Resource:Actor {uri: 'u:1', name: $t, altLabel: [$t, ''], note: '', rank: 2.5, n: 1}), "
        "(:Resource:Actor {uri: 'u:2', rank: 3}), (:Resource:Actor {uri: 'u:3'})",
        {"t": text},
        read_only=False,
    )
    export_neo4j_admin(store=fresh_store, folder=tmp_path)
    nodes, _ = read_back(tmp_path)
    assert nodes["u:1"][1] == {"uri": "u:1", "name": text, "altLabel": [text, ""], "note": "", "rank": 2.5, "n": 1}
    assert nodes["u:2"][1] == {"uri": "u:2", "rank": 3.0}  # one column, one type: double
    assert nodes["u:3"][1] == {"uri": "u:3"}


def test_a_value_with_the_array_delimiter_is_refused(fresh_store: GraphStore, tmp_path: Path) -> None:
    fresh_store.run("CREATE (:Resource:Actor {uri: 'u:1', name: $t})", {"t": "a\x1fb"}, read_only=False)
    with pytest.raises(StoreError, match="U\\+001F"):
        export_neo4j_admin(store=fresh_store, folder=tmp_path)
    assert column_type([1, 2.0]) == "double"
    with pytest.raises(StoreError, match="several types"):
        column_type(["a", 1])
