"""List answers are bounded: each item shows at most `LIST_SOURCES` sources and `LIST_ITEMS` partners,
participants or shared instruments, with counts, and the item's own endpoint gives them all."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from eucan.api.models import LIST_ITEMS, LIST_SOURCES
from eucan.api.provenance import source_order
from eucan.graph.store import GraphStore
from eucan.queries.runner import run_named

V1 = "/api/v1"


def _all(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    body = client.get(f"{V1}{path}", params={**params, "limit": 500}).json()
    assert body["count"] == len(body["data"]), path
    data: list[dict[str, Any]] = body["data"]
    return data


@pytest.mark.parametrize(("path", "detail"), [("/actors", "/actors/{}"), ("/instruments", "/instruments/{}")])
def test_a_list_shows_the_first_sources_of_what_the_detail_shows(client: TestClient, path: str, detail: str) -> None:
    items = _all(client, path)
    capped = [i for i in items if i["source_count"] > LIST_SOURCES]
    assert capped or path == "/actors", f"the curated data has {path} with more than {LIST_SOURCES} sources"
    for item in items:
        assert len(item["sources"]) == min(item["source_count"], LIST_SOURCES)
    for item in capped[:3] + items[:3]:
        whole = client.get(f"{V1}{detail.format(item['id'])}").json()
        assert whole["source_count"] == len(whole["sources"]) == item["source_count"]
        assert item["sources"] == whole["sources"][:LIST_SOURCES]
        assert whole["sources"] == sorted(whole["sources"], key=source_order)  # primary first, URL, quote


def test_domains_show_the_first_sources_and_count_all(client: TestClient) -> None:
    for domain in _all(client, "/domains"):
        whole = client.get(f"{V1}/domains/{domain['id']}").json()
        assert domain["source_count"] == len(whole["sources"]) > LIST_SOURCES
        assert domain["sources"] == whole["sources"][:LIST_SOURCES]


def test_cooperation_rows_count_their_partners_and_sources(client: TestClient) -> None:
    rows = _all(client, "/cooperation", actor="canada")
    for row in rows:
        instrument = client.get(f"{V1}/instruments/{row['instrument']['id']}").json()
        others = [p for p in instrument["participants"] if p["actor"]["id"] != "canada"]
        assert row["partner_count"] == len(others) == len(row["partners"])  # the curated data stays under 50
        for thing in (row, row["instrument"]):
            assert len(thing["sources"]) == min(thing["source_count"], LIST_SOURCES)
        # A partner carries the number of its participation's sources, not the sources (the detail has them).
        detail = {p["record"]: len(p["sources"]) for p in others}
        assert {p["record"]: p["source_count"] for p in row["partners"]} == detail
        assert all("sources" not in p for p in row["partners"])
    assert any(r["partner_count"] > 20 for r in rows)


@pytest.mark.parametrize("name", ["api_cooperation_by_actor", "api_cooperation_page"])
def test_the_page_queries_cut_partners_in_their_order(store: GraphStore, name: str) -> None:
    """The queries bring the first `partners_max` partners by actor id, then record, and the number of all."""
    params: dict[str, Any] = {"domain": None, "instrument_type": "PescoProject", "as_of": None}
    params |= {"offset": 0, "limit": 500, **({"actors": ["canada"]} if name == "api_cooperation_page" else {})}
    params |= {"actor": "canada", "partner": None} if name == "api_cooperation_by_actor" else {}

    def rows(cap: int) -> list[dict[str, Any]]:
        found = run_named(store=store, name=name, params={**params, "partners_max": cap}).records()
        return [r["item"] for r in found if r["item"] is not None]

    whole, cut = rows(1000), rows(3)
    assert [r["record"] for r in whole] == [r["record"] for r in cut]
    assert any(r["partnerCount"] > 3 for r in whole)
    for full, part in zip(whole, cut, strict=True):
        order = [(p["id"], p["record"]) for p in full["partners"]]
        assert order == sorted(order) and full["partnerCount"] == part["partnerCount"] == len(order)
        assert part["partners"] == full["partners"][:3]


def test_events_and_partners_are_bounded_with_counts(client: TestClient) -> None:
    for event in _all(client, "/events"):
        assert len(event["participants"]) == min(event["participant_count"], LIST_ITEMS)
        assert len(event["sources"]) == min(event["source_count"], LIST_SOURCES)
    partners = _all(client, "/actors/canada/partners")
    eu = next(p for p in partners if p["partner"]["id"] == "eu")
    assert eu["instrument_count"] == len(eu["instruments"]) > 20
    shared = _all(client, "/cooperation", actor="canada", partner="eu")
    assert {s["instrument"]["id"] for s in eu["instruments"]} <= {r["instrument"]["id"] for r in shared}
    for hit in client.get(f"{V1}/search", params={"q": "canada", "limit": 100}).json()["data"]:
        assert len(hit["sources"]) == min(hit["source_count"], LIST_SOURCES)
    for entry in _all(client, "/timeline", actor="canada"):
        assert len(entry["sources"]) == min(entry["source_count"], LIST_SOURCES)
