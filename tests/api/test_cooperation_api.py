"""/cooperation and /actors/{id}/partners: real answers from the curated data, as-of boundaries."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from eucan.api import models as m
from eucan.graph.store import GraphStore
from tests.utils.errors import assert_error_shape

V1 = "/api/v1"


# Instruments in the maritime-security domain (the Ocean Partnership, its Forum, the 2025 Partnership).
def _rows(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get(f"{V1}/cooperation", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == len(body["data"]) and body["next"] is None
    return list(body["data"])


def test_canada_maritime_security_is_the_sdp_and_the_ocean_partnership_and_its_forum_with_the_eu(
    client: TestClient,
) -> None:
    rows = _rows(client, actor="canada", domain="maritime-security")
    assert sorted(r["instrument"]["id"] for r in rows) == [
        "eu-canada-ocean-partnership",
        "eu-canada-ocean-partnership-forum",
        "g7-friends-gulf-of-guinea",
        "port-state-measures-agreement",
        "sdp-2025",
    ]
    ocean = next(r for r in rows if r["instrument"]["id"] == "eu-canada-ocean-partnership")
    assert ocean["instrument"]["type"] == "Agreement" and "eu" in {p["id"] for p in ocean["partners"]}
    row = next(r for r in rows if r["instrument"]["id"] == "sdp-2025")
    assert row["actor"] == {"id": "canada", "name": "Canada", "type": "State"}
    assert row["instrument"]["type"] == "Partnership"
    assert row["role"] == "party"
    assert row["period"]["start"] == "2025-06-23" and row["period"]["start_precision"] == "day"
    assert len(row["domains"]) == 16 and {"id": "maritime-security", "name": "Maritime security"} in row["domains"]
    assert "eu" in {p["id"] for p in row["partners"]}
    assert all(p["source_count"] > 0 and "sources" not in p for p in row["partners"])
    for fact in [row, row["instrument"]]:
        assert fact["sources"], fact
        for source in fact["sources"]:
            assert source["url"].startswith("http") and source["quote"] and source["retrieved"]
    assert any("europa.eu" in s["url"] for s in row["sources"])


def test_canada_partners_in_pesco_projects(client: TestClient) -> None:
    rows = _rows(client, actor="canada", instrument_type="PescoProject")
    by_instrument = {r["instrument"]["id"]: {p["id"] for p in r["partners"]} for r in rows}
    assert set(by_instrument) == {"pesco-military-mobility", "pesco-netloghubs"}
    assert {"netherlands", "united-states", "norway"} <= by_instrument["pesco-military-mobility"]
    assert {"germany", "france", "cyprus"} <= by_instrument["pesco-netloghubs"]
    coordinator = next(
        p for r in rows for p in r["partners"] if r["instrument"]["id"] == "pesco-netloghubs" and p["id"] == "germany"
    )
    assert coordinator["role"] == "coordinator"


def test_partner_filter(client: TestClient) -> None:
    rows = _rows(client, actor="canada", partner="germany")
    assert {r["instrument"]["id"] for r in rows} == {
        "pesco",
        "pesco-netloghubs",
        "hybrid-coe-mou",
        "ccascoe-omou",
        "coalition-return-ukrainian-children",
        "drone-capability-coalition",
        "gctf",
        "global-partnership-wmd",
        "repo-task-force",
        # data/instruments-round5.yaml
        "arms-trade-treaty",
        "da-asat-test-commitment",
        "elsie-initiative-fund",
        "g7-friends-gulf-of-guinea",
        "minerals-security-partnership",
        "oewg-reducing-space-threats",
        "un-peacebuilding-fund",
    }


# Canada's contribution to EUFOR Althea (Operation BOREAS): 9 February 2005 to 31 March 2007, both days included.
@pytest.mark.parametrize(
    ("as_of", "held"),
    [("2005-02-08", False), ("2005-02-09", True), ("2006-06-01", True), ("2007-03-31", True), ("2007-04-01", False)],
)
def test_as_of_is_inclusive_at_start_and_end_day(client: TestClient, as_of: str, held: bool) -> None:
    rows = _rows(client, actor="canada", instrument_type="CsdpOperation", as_of=as_of)
    althea = [r for r in rows if r["instrument"]["id"] == "eufor-althea"]
    assert bool(althea) is held
    if held:
        assert althea[0]["period"] == {
            "start": "2005-02-09",
            "start_precision": "day",
            "start_first": "2005-02-09",
            "end": "2007-03-31",
            "end_precision": "day",
            "end_last": "2007-03-31",
            "start_basis": "stated",
            "start_first_precision": "day",
            "end_basis": "stated",
            "undated": False,
        }
        # the Canadian Armed Forces' participation has the same period, so it is a partner on exactly those days
        assert "canadian-armed-forces" in {p["id"] for p in althea[0]["partners"]}


@pytest.mark.parametrize(("as_of", "expected"), [("2007-03-31", True), ("2007-04-01", False)])
def test_partners_as_of_end_day(client: TestClient, as_of: str, expected: bool) -> None:
    response = client.get(f"{V1}/actors/canada/partners", params={"as_of": as_of, "limit": 500})
    assert response.status_code == 200
    partners = {p["partner"]["id"]: p for p in response.json()["data"]}
    assert ("canadian-armed-forces" in partners) is expected
    if expected:
        shared = partners["canadian-armed-forces"]["instruments"]
        assert [s["instrument"]["id"] for s in shared] == ["eufor-althea"]
        assert shared[0]["actor"]["sources"] and shared[0]["partner"]["sources"]


def test_partners_without_date_include_the_eu_through_the_sdp(client: TestClient) -> None:
    body = client.get(f"{V1}/actors/canada/partners", params={"limit": 500}).json()
    partners = {p["partner"]["id"]: p for p in body["data"]}
    assert "canada" not in partners
    assert "sdp-2025" in {s["instrument"]["id"] for s in partners["eu"]["instruments"]}
    assert body["count"] == len(body["data"])


def test_paging_next_link_walks_all_rows(client: TestClient) -> None:
    everything = _rows(client, actor="canada")
    seen: list[str] = []
    url: str | None = f"{V1}/cooperation?actor=canada&limit=7"
    while url:
        body = client.get(url).json()
        assert body["count"] == len(everything)
        seen += [r["record"] for r in body["data"]]
        url = body["next"]
    assert seen == [r["record"] for r in everything]


def test_quotes_in_other_languages_keep_their_sources(client) -> None:
    """A record whose only quote is French (or Danish...) still carries that source, with its language."""
    from eucan.queries.runner import run_adhoc

    store = client.app.state.store
    rows = run_adhoc(
        store=store,
        text=(
            "MATCH (r:Resource)-[:EVIDENCE]->(x:SourceExcerpt) WHERE x.quote IS NULL AND (r:Instrument OR r:Actor) "
            "RETURN r.id AS id, labels(r) AS labels ORDER BY id LIMIT 1"
        ),
        params={},
    ).records()
    assert rows, "the curated data has a quote in another language than English"
    kind = "instruments" if "Instrument" in rows[0]["labels"] else "actors"
    body = client.get(f"/api/v1/{kind}/{rows[0]['id']}").json()
    langs = {s["lang"] for s in body["sources"]}
    assert langs - {"en"}, body["sources"]
    assert all(s["quote"] for s in body["sources"])


def test_known_actor_with_nothing_matching_is_an_empty_page_not_a_404(client: TestClient) -> None:
    """The page query itself tells a known actor (one row, no item) from an unknown one (no row)."""
    # An actor is never its own partner, so this filter matches nothing.
    response = client.get(f"{V1}/cooperation", params={"actor": "canada", "partner": "canada"})
    assert response.status_code == 200, response.text
    assert response.json() == {"data": [], "count": 0, "next": None, "limit": m.COOPERATION_PAGE, "offset": 0}
    past_the_end = client.get(f"{V1}/cooperation", params={"actor": "canada", "offset": 10_000}).json()
    assert past_the_end["data"] == [] and past_the_end["count"] == len(_rows(client, actor="canada"))


@pytest.mark.parametrize(
    ("params", "mentions"),
    [
        ({"actor": "no-such-actor"}, ("no actor with id 'no-such-actor'", "parameter actor")),
        ({"actor": "no-such-actor", "partner": "no-such-partner"}, ("'no-such-actor'", "parameter actor")),
        ({"actor": "canada", "partner": "no-such-partner"}, ("'no-such-partner'", "parameter partner")),
        ({"actor": "maritime-security"}, ("is a CooperationDomain, not a actor",)),
        ({"actor": "canada", "domain": "canada"}, ("parameter domain", "is a State")),
    ],
)
def test_unknown_ids_are_404s_naming_the_parameter(
    client: TestClient, params: dict[str, str], mentions: tuple[str, ...]
) -> None:
    assert_error_shape(client.get(f"{V1}/cooperation", params=params), 404, *mentions)


def test_every_row_and_partner_carries_its_role_and_sources(client: TestClient) -> None:
    """A row and its instrument carry their sources; a partner its role and the number of its sources."""
    rows = _rows(client, actor="canada")
    assert rows
    for row in rows:
        assert row["sources"] and row["role"], row["record"]
        assert row["instrument"]["sources"], row["instrument"]["id"]
        for partner in row["partners"]:
            assert partner["source_count"] > 0 and partner["role"], partner["record"]


def test_timeline_lists_undated_facts_last_and_only_without_a_range(client: TestClient, store: GraphStore) -> None:
    # undated: no bound at all (a participation's derived bounds: neither its own, nor its instrument's, nor its
    # legal acts'; a membership's or tenure's are its own)
    rows = store.run(
        "MATCH (a:Actor)<-[:PARTICIPANT|MEMBER|HOLDER]-(f) WHERE (f:Participation OR f:Membership OR f:Tenure) "
        "AND f.startDateFirst IS NULL AND f.endDateLast IS NULL RETURN a.id, f.id ORDER BY a.id, f.id LIMIT 1"
    ).rows
    assert rows, "the curated data has an undated participation, membership or tenure"
    actor, record = str(rows[0][0]), str(rows[0][1])
    entries = client.get(f"{V1}/timeline", params={"actor": actor, "limit": 500}).json()["data"]
    undated = [e for e in entries if e["date"] is None]
    assert record in {e["record"] for e in undated}
    assert all(e["kind"].endswith("-undated") for e in undated)
    assert entries[len(entries) - len(undated) :] == undated  # after every dated entry
    ranged = client.get(f"{V1}/timeline", params={"actor": actor, "from": "1900-01-01", "limit": 500}).json()
    assert ranged["data"] == entries[: len(entries) - len(undated)]


def test_partners_of_an_actor_sharing_nothing_is_an_empty_page(client: TestClient, store: GraphStore) -> None:
    """The partner page itself tells a known actor sharing nothing (an empty page) from an unknown one (404)."""
    rows = store.run(
        "MATCH (a:Actor) WHERE NOT (a)<-[:PARTICIPANT]-(:Participation) RETURN a.id ORDER BY a.id LIMIT 1"
    ).rows
    assert rows, "the curated data has an actor taking part in no instrument"
    body = client.get(f"{V1}/actors/{rows[0][0]}/partners").json()
    assert body["data"] == [] and body["count"] == 0
    assert client.get(f"{V1}/actors/atlantis/partners").status_code == 404
