"""The explorer's pages and /api/v1/network: what a researcher reads there agrees with the JSON API and the CLI."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from typer.testing import CliRunner

from eucan.api.routes.pages import STATIC
from eucan.cli import app as cli_app
from eucan.graph.store import GraphStore
from eucan.settings import Settings

PAGES = [
    "/",
    "/search?q=canada",
    "/page/actor/canada",
    "/page/instrument/sdp-2025",
    "/page/domain/military-mobility",
    "/page/event/summit-2025",
    "/explore",
    "/matrix",
    "/queries",
    "/queries/members_as_of",
    "/docs",
]


class _Refs(HTMLParser):
    """Every URL a page makes the browser fetch by itself (scripts, styles, images, frames)."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.fetched.append(str(a["src"]))
        if tag == "link" and a.get("rel") in ("stylesheet", "icon", "preload") and a.get("href"):
            self.fetched.append(str(a["href"]))


def _refs(text: str) -> _Refs:
    parser = _Refs()
    parser.feed(text)
    return parser


@pytest.mark.parametrize("url", PAGES)
def test_pages_answer_html_that_loads_nothing_from_another_host(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    refs = _refs(r.text)
    assert all(src.startswith("/") and not src.startswith("//") for src in refs.fetched), refs.fetched
    assert len(refs.ids) == len(set(refs.ids)), "duplicate ids break labels and anchors"
    for src in refs.fetched:
        assert client.get(src).status_code == 200, src


def test_home_has_search_counts_sixteen_areas_and_worked_questions(client: TestClient) -> None:
    text = client.get("/").text
    assert 'action="/search"' in text and 'name="q"' in text
    assert text.count('href="/page/domain/') == 16
    stats = client.get("/api/v1/domains?limit=100").json()
    assert stats["count"] == 16
    for href in re.findall(r'<a href="(/queries/[^"]+|/matrix|/page/[^"]+)">', text):
        assert client.get(href.replace("&amp;", "&")).status_code == 200, href


def test_search_page_lists_what_the_search_api_finds(client: TestClient) -> None:
    api = client.get("/api/v1/search", params={"q": "canada", "limit": 100}).json()
    text = client.get("/search", params={"q": "canada"}).text
    assert 'href="/page/actor/canada"' in text
    assert f"{api['count']} result" in text
    assert "at least one letter" in client.get("/search", params={"q": "!!"}).text


def test_actor_page_shows_every_fact_with_its_sources(client: TestClient) -> None:
    actor = client.get("/api/v1/actors/canada").json()
    text = client.get("/page/actor/canada").text
    assert "<h1>Canada</h1>" in text and "State" in text
    for p in actor["participations"]:
        assert f'id="{p["record"]}"' in text
    quotes = {s["quote"] for p in actor["participations"] for s in p["sources"]}
    assert quotes and all(str(escape(q)) in text for q in quotes)
    assert "retrieved 20" in text and ("primary" in text)
    assert 'href="/data/actor/canada.ttl"' in text and 'href="/api/v1/actors/canada"' in text
    assert 'href="/queries/actor_participations?actor=canada"' in text
    assert 'class="f-domain"' in text and 'value="military-mobility"' in text  # the network's filters


def test_dates_are_shown_in_their_precision(client: TestClient) -> None:
    actor = client.get("/api/v1/actors/canada").json()
    text = client.get("/page/actor/canada").text
    yearly = [p for p in actor["participations"] if p["period"]["start_precision"] == "year"]
    assert yearly, "the curated data has a participation of Canada known to the year"
    record = yearly[0]
    block = text.split(f'id="{record["record"]}"', 1)[1].split("</details>", 1)[0]
    assert record["period"]["start"][:4] in block
    assert record["period"]["start"] not in block  # 2005, not 2005-01-01


def test_conflicting_records_are_shown_side_by_side(client: TestClient) -> None:
    text = client.get("/page/actor/canada").text
    section = text.split("Where the sources disagree", 1)[1]
    assert 'href="#nato-membership-canada"' in section and 'href="#nato-membership-canada-1949-04-30"' in section
    assert "1949-04-04" in section and "1949-04-30" in section


def test_instrument_and_domain_pages(client: TestClient) -> None:
    instrument = client.get("/api/v1/instruments/sdp-2025").json()
    text = client.get("/page/instrument/sdp-2025").text
    assert instrument["name"] in text
    assert (
        "https://eeas.europa.eu/eeas/security-and-defence-eu-and-canada-sign-security-and-defence-partnership_en"
        in text
    )
    for p in instrument["participants"]:
        assert f'href="/page/actor/{p["actor"]["id"]}"' in text
    assert 'id="timeline-table"' in text
    domain = client.get("/api/v1/domains/military-mobility").json()
    text = client.get("/page/domain/military-mobility").text
    for i in domain["instruments"]:
        assert f'href="/page/instrument/{i["id"]}"' in text


def test_timeline_draws_a_year_as_a_band(client: TestClient) -> None:
    text = client.get("/page/actor/canada").text
    picture = text.split('id="timeline-picture"', 1)[1].split("</div>\n<table", 1)[0]
    widths = [float(w) for w in re.findall(r'class="band k-[^"]+" style="left: [\d.]+%; width: ([\d.]+)%"', picture)]
    assert len(set(widths)) > 1, "years, months and days are drawn with different widths"


def test_other_kinds_keep_the_plain_page(client: TestClient) -> None:
    r = client.get("/page/participation/part-canada-sdp-2025")
    assert r.status_code == 200 and "Statements" in r.text
    assert client.get("/page/actor/no-such-actor").status_code == 404


@pytest.mark.parametrize("day", ["2004-01-01", "2025-07-01"])
def test_network_of_a_day_has_the_partners_the_api_lists(client: TestClient, day: str) -> None:
    partners = client.get("/api/v1/actors/canada/partners", params={"as_of": day, "limit": 500}).json()
    net = client.get("/api/v1/network", params={"actor": "canada", "as_of": day}).json()
    expected = {p["partner"]["id"] for p in partners["data"]} | {"canada"}
    assert {n["id"] for n in net["nodes"]} == expected
    assert all("canada" in (e["source"], e["target"]) for e in net["edges"])
    assert all(e["instruments"] and all(i["sources"] for i in e["instruments"]) for e in net["edges"])


def test_network_filters_and_whole_graph(client: TestClient) -> None:
    whole = client.get("/api/v1/network").json()
    assert len(whole["nodes"]) >= 30
    pesco = client.get("/api/v1/network", params={"instrument_type": "PescoProject"}).json()
    assert pesco["edges"] and all(i["type"] == "PescoProject" for e in pesco["edges"] for i in e["instruments"])
    assert len(pesco["edges"]) < len(whole["edges"])
    area = client.get("/api/v1/network", params={"actor": "canada", "domain": "military-mobility"}).json()
    assert all(
        any(d["id"] == "military-mobility" for d in i["domains"]) for e in area["edges"] for i in e["instruments"]
    )
    assert client.get("/api/v1/network", params={"as_of": "2004"}).status_code == 422
    # actor and instrument together: the actor's partners within that instrument only
    both = client.get("/api/v1/network", params={"actor": "canada", "instrument": "pesco-military-mobility"}).json()
    assert both["centre"] == "canada" and both["edges"]
    assert all("canada" in (e["source"], e["target"]) for e in both["edges"])
    assert all([i["id"] for i in e["instruments"]] == ["pesco-military-mobility"] for e in both["edges"])
    missing = client.get("/api/v1/network", params={"actor": "canada", "instrument": "nowhere"})
    assert missing.status_code == 404 and "nowhere" in missing.json()["error"]
    assert "unknown parameter 'actr'" in client.get("/api/v1/network", params={"actr": "canada"}).json()["error"]


def test_matrix_cells_count_the_rows_behind_them(client: TestClient) -> None:
    text = client.get("/matrix").text
    cells = re.findall(
        r'href="(/api/v1/cooperation\?actor=([^&]+)&amp;domain=([^&]+)&amp;limit=500)"[^>]*>(\d+)</a>', text
    )
    assert len(cells) > 20
    href, _, _, count = cells[0]
    rows = client.get(href.replace("&amp;", "&")).json()["data"]
    assert len({r["instrument"]["id"] for r in rows}) == int(count)


def test_query_page_has_form_and_cypher_and_csv_matches_the_cli(
    client: TestClient, store: GraphStore, settings: Settings, tmp_path: Path
) -> None:
    text = client.get("/queries/members_as_of").text
    assert 'id="query-form"' in text and 'name="organisation"' in text and "MATCH" in text
    csv_text = client.get("/queries/members_as_of/download", params={"organisation": "nato", "as_of": "2010-01-01"})
    assert csv_text.headers["content-type"].startswith("text/csv")
    folder = tmp_path / "kg"
    runner = CliRunner()
    loaded = runner.invoke(cli_app, ["load", str(settings.sources_dir), "--data-dir", str(folder)])
    assert loaded.exit_code == 0, loaded.output
    cli = runner.invoke(
        cli_app,
        ["query", "--name", "members_as_of", "-p", "organisation=nato", "-p", "as_of=2010-01-01"]
        + ["--format", "csv", "--data-dir", str(folder)],
    )
    assert cli.exit_code == 0, cli.output
    assert csv_text.text.replace("\r\n", "\n") == cli.stdout.replace("\r\n", "\n")
    assert csv_text.text.count("\n") > 20


def test_docs_load_the_vendored_swagger_ui(client: TestClient) -> None:
    text = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in text and "cdn" not in text.lower()


def test_vendored_files_match_their_record() -> None:
    for folder in (STATIC / "vendor", Path(__file__).resolve().parents[1] / "browser" / "vendor"):
        record = json.loads((folder / "VENDORED.json").read_text())
        for package in record["packages"]:
            assert package["license"] in ("MIT", "Apache-2.0", "MPL-2.0"), package
            for f in package["files"]:
                assert hashlib.sha256((folder / f["file"]).read_bytes()).hexdigest() == f["sha256"], f


def test_network_of_an_instrument_links_its_participants(client: TestClient) -> None:
    instrument = client.get("/api/v1/instruments/sdp-2025").json()
    net = client.get("/api/v1/network", params={"instrument": "sdp-2025"}).json()
    assert {n["id"] for n in net["nodes"]} == {p["actor"]["id"] for p in instrument["participants"]}
    assert all([i["id"] for i in e["instruments"]] == ["sdp-2025"] for e in net["edges"])
    assert (
        client.get("/api/v1/network", params={"instrument": "sdp-2025", "domain": "no-such-area"}).json()["edges"] == []
    )
    both = client.get("/api/v1/network", params={"instrument": "sdp-2025", "actor": "canada"}).json()
    assert "eu" in {n["id"] for n in both["nodes"]} and both["centre"] == "canada"
    assert all("canada" in (e["source"], e["target"]) for e in both["edges"])
    assert all([i["id"] for i in e["instruments"]] == ["sdp-2025"] for e in both["edges"])


def test_event_page_shows_statements_dates_and_sources(client: TestClient) -> None:
    text = client.get("/page/event/summit-2025").text
    assert "<h1>20th EU–Canada Summit</h1>" in text
    assert '<time datetime="2025-06-23">2025-06-23</time>' in text
    assert 'href="/page/actor/canada"' in text and 'href="/data/event/summit-2025.ttl"' in text
    assert "retrieved 20" in text and "https://" in text.split("<h2>Sources</h2>", 1)[1]
    assert client.get("/page/event/no-such-event").status_code == 404


def test_matrix_row_agrees_with_the_cooperation_api(client: TestClient, store: GraphStore) -> None:
    from eucan.api.explorer import domain_matrix

    row = next(r for r in domain_matrix(store=store).rows if r.actor.id == "canada")
    rows = client.get("/api/v1/cooperation", params={"actor": "canada", "limit": 500}).json()["data"]
    expected: dict[str, set[str]] = {}
    for r in rows:
        for d in r["domains"]:
            expected.setdefault(d["id"], set()).add(r["instrument"]["id"])
    assert row.cells == {d: len(ids) for d, ids in expected.items()}
    assert row.total == len(set().union(*expected.values()))


def test_whole_network_is_bounded_and_says_so(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from eucan.api import explorer

    whole = client.get("/api/v1/network").json()
    assert whole["truncated"] is False
    monkeypatch.setattr(explorer, "WHOLE_NETWORK_ROWS", 10)
    bounded = client.get("/api/v1/network").json()
    assert bounded["truncated"] is True and len(bounded["nodes"]) < len(whole["nodes"])


def test_area_counts_on_the_pages_are_the_apis(client: TestClient, store: GraphStore) -> None:
    from eucan.api.explorer import domains

    api = {d["id"]: d["instrument_count"] for d in client.get("/api/v1/domains", params={"limit": 100}).json()["data"]}
    assert {d.id: d.instrument_count for d in domains(store=store)} == api


def test_legal_act_page_shows_adoption_publication_celex_and_former_id(client: TestClient) -> None:
    text = client.get("/page/instrument/la-2017-2315-cfsp").text
    assert "<dt>Adopted</dt>" in text and "2017-12-11" in text
    assert "<dt>Published (Official Journal)</dt>" in text and "2017-12-14" in text
    assert "32017D2315" in text
    assert "<dt>Former ids</dt><dd>cd-2017-2315</dd>" in text
    body = client.get("/api/v1/instruments/la-2017-2315-cfsp").json()
    assert (body["adopted"], body["published"], body["status"]) == ("2017-12-11", "2017-12-14", "in-force")
    assert body["alt_ids"] == ["cd-" + "2017-2315"]  # split so that tools.rename_ids leaves the old id
