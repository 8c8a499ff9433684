"""`eucan queries` lists the catalog; `eucan query --name` runs one entry in every output format."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from eucan.cli import app
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.queries.catalog import list_queries

runner = CliRunner()


def test_queries_lists_names_and_titles() -> None:
    result = runner.invoke(app, ["queries"])
    assert result.exit_code == 0, result.output
    for query in list_queries():
        assert query.name in result.output
    assert "stats_labels" not in result.output
    assert f"{len(list_queries())} queries" in result.output


def test_queries_json() -> None:
    result = runner.invoke(app, ["queries", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [q["name"] for q in listed] == [q.name for q in list_queries()]
    overlap = next(q for q in listed if q["name"] == "membership_overlap")
    assert overlap["returns"] == ["member", "name", "in_a", "in_b", "overlap"]
    assert [p["name"] for p in overlap["parameters"]] == ["org_a", "org_b", "as_of"]


def test_queries_shows_one_in_full() -> None:
    result = runner.invoke(app, ["queries", "fact_sources"])
    assert result.exit_code == 0, result.output
    assert "-p id=<string>" in result.output and "MATCH (f:Resource {id: $id})" in result.output


def test_queries_unknown_name_is_a_clear_error() -> None:
    result = runner.invoke(app, ["queries", "fact_source"])
    assert result.exit_code != 0
    assert "did you mean 'fact_sources'" in result.output and "Traceback" not in result.output


def test_query_by_name_json_and_csv(store: FalkorDBStore) -> None:
    base = [
        "query",
        "--name",
        "members_not_in",
        "-p",
        "member_of=eu",
        "-p",
        "not_member_of=nato",
        "-p",
        "as_of=2025-01-01",
    ]
    result = runner.invoke(app, [*base, "--data-dir", str(store.data_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["member"] for r in json.loads(result.stdout)] == ["austria", "cyprus", "ireland", "malta"]
    result = runner.invoke(app, [*base, "--data-dir", str(store.data_dir), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["member", "name", "member_since", "member_since_precision"] and rows[1][0] == "austria"


def test_query_by_name_bad_parameter(store: FalkorDBStore) -> None:
    result = runner.invoke(
        app, ["query", "--name", "officials_as_of", "-p", "as_of=yesterday", "--data-dir", str(store.data_dir)]
    )
    assert result.exit_code != 0
    assert "must be a date" in result.output and "Traceback" not in result.output
