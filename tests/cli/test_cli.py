"""Every CLI command through typer's runner, on a real embedded engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eucan.cli import app
from tests.conftest import DATA

runner = CliRunner()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    result = runner.invoke(app, ["load", str(DATA), "--data-dir", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Nodes by label" in result.output and "Relationships by type" in result.output
    return folder


def test_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "load", "query", "stats"):
        assert command in result.output


@pytest.mark.parametrize(
    ("command", "variable"),
    [
        ("load", "EUCAN_DATA_DIR"),
        ("query", "EUCAN_QUERY_TIMEOUT_MS"),
        ("query", "EUCAN_ROW_CAP"),
        ("serve", "EUCAN_PORT"),
    ],
)
def test_help_names_the_environment_variables(command: str, variable: str) -> None:
    """Square brackets are rich markup in typer's help: the `[env: ...]` hints must be escaped to show."""
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    assert f"[env: {variable}" in result.output


def test_validate_ok() -> None:
    result = runner.invoke(app, ["validate", str(DATA)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")


def test_stats_json(data_dir: Path) -> None:
    result = runner.invoke(app, ["stats", "--data-dir", str(data_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["nodes_by_label"]["CooperationDomain"] == 16
    assert stats["facts"] >= 250
    # republished copies (newswires, ReliefWeb, document mirrors) count as secondary since December 2026
    assert stats["primary_share"] >= 0.78


def test_query_lists_the_sixteen_areas_with_source(data_dir: Path) -> None:
    cypher = (
        "MATCH (:Partnership {id: 'sdp-2025'})-[:COVERS_DOMAIN]->(d:CooperationDomain) "
        "MATCH (:Partnership {id: 'sdp-2025'})-[:EVIDENCE]->(e:SourceExcerpt) "
        "RETURN DISTINCT d.name AS area, e.sourceUrl AS source ORDER BY area"
    )
    result = runner.invoke(app, ["query", cypher, "--data-dir", str(data_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len({r["area"] for r in rows}) == 16
    assert {r["source"] for r in rows} >= {
        "https://eeas.europa.eu/eeas/security-and-defence-eu-and-canada-sign-security-and-defence-partnership_en"
    }


def test_query_signatories_with_posts_and_sources(data_dir: Path) -> None:
    cypher = (
        "MATCH (p:Participation)-[:INSTRUMENT]->(:Partnership {id: $sdp}) "
        "MATCH (p)-[:ROLE]->(:ParticipantRole {id: 'signatory'}) "
        "MATCH (p)-[:PARTICIPANT]->(person:Person) MATCH (p)-[:ON_BEHALF_OF]->(:State {id: 'canada'}) "
        "MATCH (t:Tenure)-[:HOLDER]->(person) MATCH (t)-[:POST]->(post:Post) "
        "WHERE t.startDate <= '2025-06-23' AND (t.endDate IS NULL OR t.endDate >= '2025-06-23') "
        "MATCH (p)-[:EVIDENCE]->(e:SourceExcerpt) "
        "RETURN person.name AS signatory, post.name AS post, e.sourceUrl AS source ORDER BY signatory"
    )
    result = runner.invoke(app, ["query", cypher, "-p", "sdp=sdp-2025", "--data-dir", str(data_dir), "-f", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == "signatory,post,source"
    assert any(line.startswith("Anita Anand,") and "Foreign Affairs" in line for line in lines)
    assert any(line.startswith("David J. McGuinty,") and "National Defence" in line for line in lines)


def test_write_query_refused(data_dir: Path) -> None:
    result = runner.invoke(app, ["query", "CREATE (n) RETURN n", "--data-dir", str(data_dir)])
    assert result.exit_code == 2
    assert "CREATE would change the graph" in result.output
    assert "Traceback" not in result.output


def test_timeout_message(data_dir: Path) -> None:
    result = runner.invoke(
        app,
        [
            "query",
            "UNWIND range(1, 5000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)",
            "--timeout",
            "5",
            "--data-dir",
            str(data_dir),
        ],
    )
    assert result.exit_code == 2
    assert "time limit" in result.output


def test_bad_parameter_syntax(data_dir: Path) -> None:
    result = runner.invoke(app, ["query", "MATCH (n) RETURN n LIMIT 1", "-p", "oops", "--data-dir", str(data_dir)])
    assert result.exit_code == 2
    assert "must look like key=value" in result.output


def test_row_cap_note(data_dir: Path) -> None:
    result = runner.invoke(
        app, ["query", "MATCH (n:Actor) RETURN n.id AS id", "--limit", "2", "-f", "json", "--data-dir", str(data_dir)]
    )
    assert result.exit_code == 0
    assert "row cap" in result.output


def test_load_without_a_terminal_says_each_phase_and_the_write_s_progress(tmp_path: Path) -> None:
    """Without a terminal the progress bar is not drawn: a line per phase and per tenth of the write instead."""
    result = runner.invoke(app, ["load", str(DATA), "--data-dir", str(tmp_path / "kg"), "--full"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("read: ") and "next, checking ids and references" in line for line in lines)
    assert any(line.startswith("SHACL: ") for line in lines)
    written = [line for line in lines if line.startswith("writing the graph: ")]
    assert written and written[-1].endswith("(100 %)"), written
    assert len(written) <= 10
    quiet = runner.invoke(app, ["load", str(DATA), "--data-dir", str(tmp_path / "kg"), "--full", "-q"])
    assert quiet.exit_code == 0 and "writing the graph" not in quiet.output and "next," not in quiet.output
