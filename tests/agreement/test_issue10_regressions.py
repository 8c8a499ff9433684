"""The cases of issue 10 ("One answer, whichever door") about dates, periods and places, each pinned down."""

from __future__ import annotations

import json
from collections import Counter

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eucan.cli import app
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.store import GraphStore
from eucan.queries.runner import run_named
from tests.agreement.conftest import Doors

V1 = "/api/v1"


def _catalog(store: GraphStore, name: str, **params: str) -> list[dict[str, object]]:
    return run_named(store=store, name=name, params=params).records()


def test_eupm_bosnia_on_2005_06_01_holds_through_every_door(client: TestClient, store: GraphStore) -> None:
    """Record `end: 2005`: the API said yes, `actor_participations` no; `actor_partners` found 0 partners."""
    api = client.get(f"{V1}/cooperation", params={"actor": "canada", "as_of": "2005-06-01", "limit": 500}).json()
    assert "eupm-bih" in {r["instrument"]["id"] for r in api["data"]}
    catalog = _catalog(store, "actor_participations", actor="canada", as_of="2005-06-01")
    assert "eupm-bih" in {r["instrument"] for r in catalog}
    partners = _catalog(store, "actor_partners", actor="canada", as_of="2005-06-01")
    via_eupm = {r["partner"] for r in partners if "eupm-bih" in r["instruments"]}  # type: ignore[operator]
    assert via_eupm == {"rcmp"}
    api_partners = client.get(f"{V1}/actors/canada/partners", params={"as_of": "2005-06-01", "limit": 500}).json()
    api_via_eupm = {
        p["partner"]["id"]
        for p in api_partners["data"]
        if "eupm-bih" in {s["instrument"]["id"] for s in p["instruments"]}
    }
    assert api_via_eupm == via_eupm


def test_officials_on_2025_05_13_one_holder_per_post(store: GraphStore) -> None:
    rows = _catalog(store, "officials_as_of", as_of="2025-05-13", organisation="canada")
    holders = Counter(str(r["post"]) for r in rows)
    assert holders and max(holders.values()) == 1, holders
    by_post = {r["post"]: r["person"] for r in rows}
    assert by_post["Minister of Foreign Affairs (Canada)"] == "anita-anand"
    assert by_post["Minister of National Defence (Canada)"] == "david-mcguinty"


def test_pesco_of_canada_on_2025_06_30_api_and_catalog_both_two(client: TestClient, store: GraphStore) -> None:
    params = {"actor": "canada", "instrument_type": "PescoProject", "as_of": "2025-06-30", "limit": 500}
    api = {
        r["instrument"]["id"]: r["period"]["undated"]
        for r in client.get(f"{V1}/cooperation", params=params).json()["data"]
    }
    catalog = {
        r["project"]: r["undated"]
        for r in _catalog(store, "pesco_third_states", as_of="2025-06-30")
        if r["third_state"] == "canada"
    }
    assert api == catalog == {"pesco-military-mobility": False, "pesco-netloghubs": True}


def test_csdp_before_2010_timeline_and_contributions_agree(doors: Doors) -> None:
    """`/timeline` gave 3, `csdp_contributions` 5, showing mission dates as Canada's (Artemis to 2003-09-01)."""
    starts = [
        e
        for e in doors.api_list("/timeline", actor="canada", to="2009-12-31")
        if e["kind"] == "participation-start" and e["instrument"]["type"] in ("CsdpMission", "CsdpOperation")
    ]
    timeline = {e["record"] for e in starts if e["date_basis"] == "stated"}
    rows = doors.catalog("csdp_contributions", actor="canada", to="2009-12-31")
    dated = {r["record"] for r in rows if r["contributor"] == "canada" and not r["undated"]}
    assert dated == timeline and "part-canada-eupm-bih" in dated
    # a contribution stating no start is dated from its mission's start, and says so; the catalog's bounds agree
    derived = {e["record"]: e["date"] for e in starts if e["date_basis"] == "instrument"}
    assert derived == {r["record"]: r["held_from"] for r in rows if r["record"] in derived} != {}
    # undated contributions are kept and say so: no date of theirs comes from the mission
    undated = [r for r in rows if r["undated"]]
    assert undated and all(r["since"] is None and r["until"] is None and r["period"] == "undated" for r in undated)
    everything = doors.catalog("csdp_contributions", actor="canada")
    artemis = [r for r in everything if r["mission"] == "artemis-drc"]
    assert artemis and all(r["mission_until"] == "2003-09-01" for r in artemis)
    assert "2003-09-01" not in {r["until"] for r in artemis}
    euam = [r for r in everything if r["mission"] == "euam-ukraine"]
    assert euam and all(r["until"] is None and r["undated"] for r in euam)


def test_instrument_and_event_places_in_the_api(client: TestClient) -> None:
    sdp = client.get(f"{V1}/instruments/sdp-2025").json()
    assert sdp["place"] == "Brussels, on the margins of the EU–Canada Summit"
    timeline = client.get(f"{V1}/timeline", params={"actor": "canada", "from": "2025-06-23", "to": "2025-06-23"}).json()
    summit = [e for e in timeline["data"] if e["record"] == "summit-2025"]
    assert summit and summit[0]["place"] == "Brussels"


def test_catalog_and_cli_show_dates_in_their_precision(store: FalkorDBStore) -> None:
    """A month or a year was printed as its first day ("2024-04-01" for April 2024)."""
    rows = _catalog(store, "actor_participations", actor="canada")
    by_record = {r["record"]: r for r in rows}
    assert (by_record["part-canada-eupm-bih"]["since"], by_record["part-canada-eupm-bih"]["until"]) == ("2003", "2005")
    assert by_record["part-canada-euma-armenia"]["since"] == "2024-04"
    assert by_record["part-canada-eufor-althea"]["until"] == "2007-03-31"
    timeline = _catalog(store, "actor_timeline", actor="canada")
    assert {"date": "2005", "record": "part-canada-eupm-bih"} in [
        {"date": r["date"], "record": r["record"]} for r in timeline if r["event"] == "last day taking part in"
    ]
    runner = CliRunner()
    base = ["query", "--name", "actor_participations", "-p", "actor=canada", "--data-dir", str(store.data_dir)]
    as_json = runner.invoke(app, [*base, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    armenia = [r for r in json.loads(as_json.stdout) if r["record"] == "part-canada-euma-armenia"]
    assert armenia[0]["since"] == "2024-04" and armenia[0]["since_precision"] == "month"
    as_csv = runner.invoke(app, [*base, "--format", "csv"])
    assert "part-canada-euma-armenia" in as_csv.stdout and "2024-04-01" not in as_csv.stdout
    as_table = runner.invoke(app, [*base, "--format", "table"])
    assert as_table.exit_code == 0 and "2024-04-01" not in as_table.stdout


def test_api_period_carries_the_latest_possible_end(client: TestClient) -> None:
    body = client.get(f"{V1}/instruments/eupm-bih").json()
    canada = [p for p in body["participants"] if p["record"] == "part-canada-eupm-bih"][0]
    assert canada["period"] == {
        "start": "2003-01-01",
        "start_precision": "year",
        "start_first": "2003-01-01",
        "end": "2005-01-01",
        "end_precision": "year",
        "end_last": "2005-12-31",
        "start_basis": "stated",
        "start_first_precision": "year",
        "end_basis": "stated",
        "undated": False,
    }


def test_html_page_shows_dates_in_their_precision(client: TestClient) -> None:
    page = client.get("/page/participation/part-canada-eupm-bih")
    assert page.status_code == 200
    assert '<time datetime="2003">2003</time>' in page.text and '<time datetime="2005">2005</time>' in page.text
    assert "2005-01-01" not in page.text and "2005-12-31" in page.text  # the derived latest possible end
