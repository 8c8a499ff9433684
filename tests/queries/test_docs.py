"""docs/queries.md is complete and current: regenerate it with `python -m tools.query_docs`."""

from __future__ import annotations

from eucan.graph.store import GraphStore
from eucan.queries.catalog import list_queries
from tools.query_docs import DOCS_PATH, main, render, render_from_store


def test_docs_queries_md_is_current(store: GraphStore) -> None:
    assert DOCS_PATH.exists(), "run: python -m tools.query_docs"
    expected = render_from_store(store)
    assert DOCS_PATH.read_text(encoding="utf-8") == expected, (
        "docs/queries.md is stale; run: python -m tools.query_docs"
    )


def test_docs_cover_every_query_with_output() -> None:
    text = DOCS_PATH.read_text(encoding="utf-8")
    for query in list_queries():
        assert f'<a id="{query.name}"></a>' in text
        assert f"eucan query --name {query.name}" in text
        assert query.text in text
    assert text.count("Example output:") == len(list_queries())
    assert "*(no rows)*" not in text  # every example returns something


def test_headers_only_render_has_no_output() -> None:
    assert "Example output:" not in render(None)


def test_check_mode_reports_stale(tmp_path, monkeypatch, capsys) -> None:
    stale = tmp_path / "queries.md"
    stale.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr("tools.query_docs.DOCS_PATH", stale)
    assert main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert stale.read_text(encoding="utf-8") == "old\n"
