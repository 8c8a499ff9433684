"""The list endpoints at scale keep their answers: pages cut from the engine's sorted LIMIT, anchored queries,
per-actor row counts and plain-JSON rows give exactly what the earlier whole-list queries and the models gave."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter

from eucan.api import models as m
from eucan.api.cooperation_service import RowCounts, cooperation_json
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.store import GraphStore
from eucan.loaders.pipeline import load_sources
from eucan.queries.runner import run_named
from tests.conftest import DATA, ROOT

V1 = "/api/v1"


def _walk(client: TestClient, path: str, limit: int, **params: Any) -> tuple[list[dict[str, Any]], set[int]]:
    """Every item of a list, page by page through `next`, and the counts the pages gave."""
    items: list[dict[str, Any]] = []
    counts: set[int] = set()
    response = client.get(f"{V1}{path}", params={**params, "limit": limit})
    while True:
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["data"]
        counts.add(body["count"])
        if body["next"] is None:
            return items, counts
        response = client.get(body["next"])


COOPERATION_FILTERS: list[dict[str, str]] = [
    {},
    {"domain": "crisis-management"},
    {"instrument_type": "PescoProject"},
    {"as_of": "2015-06-01"},
    {"partner": "canada"},
    {"partner": "germany", "as_of": "2024-01-01"},
    {"partner": "eu", "domain": "maritime-security"},
    {"instrument_type": "CsdpMission", "as_of": "2010-01-01"},
]


@pytest.mark.parametrize("filters", COOPERATION_FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()))
def test_cooperation_pages_are_the_whole_list_queries_rows_in_order(
    client: TestClient, store: GraphStore, filters: dict[str, str]
) -> None:
    """The reference: the whole list, sorted and sliced in the engine (api_cooperation, as before issue 15)."""
    params = {"partner": None, "domain": None, "instrument_type": None, "as_of": None, **filters}
    reference = run_named(store=store, name="api_cooperation", params={**params, "offset": 0, "limit": 100_000})
    expected = [r["item"]["record"] for r in reference.records() if r["item"] is not None]
    assert expected, f"the curated data has rows for {filters}"
    rows, counts = _walk(client, "/cooperation", 7, **filters)
    assert [r["record"] for r in rows] == expected
    assert counts == {len(expected)}


def test_a_page_past_the_end_is_empty_and_keeps_the_count(client: TestClient) -> None:
    total = client.get(f"{V1}/cooperation").json()["count"]
    for path in ("/cooperation", "/actors", "/instruments", "/events", "/domains", "/cooperation?partner=canada"):
        joiner = "&" if "?" in path else "?"
        count = client.get(f"{V1}{path}").json()["count"]
        body = client.get(f"{V1}{path}{joiner}offset=100000").json()
        assert body["data"] == [] and body["count"] == count and body["next"] is None, path
    assert total > 100


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/actors", {}),
        ("/actors", {"type": "State"}),
        ("/instruments", {}),
        ("/instruments", {"type": "PescoProject"}),
        ("/instruments", {"domain": "maritime-security"}),
        ("/instruments", {"domain": "crisis-management", "type": "CsdpMission"}),
        ("/events", {}),
        ("/events", {"actor": "canada"}),
        ("/events", {"actor": "canada", "from": "2020-01-01"}),
        ("/events", {"instrument": "sdp-2025"}),
        ("/domains", {}),
    ],
)
def test_small_pages_walk_the_same_list_as_one_large_page(
    client: TestClient, path: str, params: dict[str, str]
) -> None:
    whole = client.get(f"{V1}{path}", params={**params, "limit": 500}).json()
    assert whole["data"] and whole["count"] == len(whole["data"])
    walked, counts = _walk(client, path, 3, **params)
    assert walked == whole["data"] and counts == {whole["count"]}


def test_events_of_an_actor_and_an_instrument_are_those_having_both(client: TestClient) -> None:
    everything = client.get(f"{V1}/events", params={"limit": 500}).json()["data"]
    found = 0
    for actor, instrument in (("canada", "sdp-2025"), ("eu", "sdp-2025"), ("canada", "eu-canada-ocean-partnership")):
        expected = [
            e["id"]
            for e in everything
            if actor in {p["id"] for p in e["participants"]} and (e["instrument"] or {}).get("id") == instrument
        ]
        got = client.get(f"{V1}/events", params={"actor": actor, "instrument": instrument, "limit": 500}).json()
        assert [e["id"] for e in got["data"]] == expected and got["count"] == len(expected)
        found += len(expected)
    assert found


@pytest.mark.parametrize("filters", [{"actor": "canada"}, {"partner": "eu"}, {}, {"domain": "cyber-and-edt"}])
def test_cooperation_json_is_what_the_models_serialise(client: TestClient, filters: dict[str, str]) -> None:
    body = client.get(f"{V1}/cooperation", params={**filters, "limit": 40}).json()
    assert body["data"]
    page = TypeAdapter(m.Page[m.CooperationRow])
    assert page.dump_python(page.validate_python(body), mode="json") == body


@given(
    sizes=st.lists(st.integers(min_value=1, max_value=5), max_size=12),
    offset=st.integers(min_value=0, max_value=40),
    limit=st.integers(min_value=1, max_value=9),
)
def test_row_counts_name_the_actors_a_page_needs(sizes: list[int], offset: int, limit: int) -> None:
    rows = [(f"actor-{k:02d}", j) for k, n in enumerate(sizes) for j in range(n)]
    counts = RowCounts([[f"actor-{k:02d}", n] for k, n in enumerate(sizes)])
    actors, skip = counts.window(offset, limit)
    of_those = [row for row in rows if row[0] in actors]
    assert of_those[skip : skip + limit] == rows[offset : offset + limit]
    assert counts.total == len(rows)
    assert len(actors) <= limit + 1


@pytest.fixture
def own_store(fresh_store: FalkorDBStore) -> Iterator[FalkorDBStore]:
    load_sources(fresh_store, [DATA], root=ROOT)
    yield fresh_store


def test_the_kept_row_counts_follow_a_new_load(own_store: FalkorDBStore) -> None:
    def total() -> int:
        _, count = cooperation_json(
            store=own_store, actor=None, partner=None, domain=None, instrument_type=None, as_of=None, limit=5, offset=0
        )
        return count

    before = total()
    own_store.run(
        "MATCH (p:Participation {id: 'part-canada-sdp-2025'}) DETACH DELETE p "
        "WITH count(*) AS gone MATCH (l:LoadInfo) SET l.token = 'another-load'",
        read_only=False,
    )
    assert total() == before - 1


@pytest.mark.parametrize("params", [{}, {"as_of": "2024-01-01"}])
def test_partners_json_is_what_the_models_serialise(client: TestClient, params: dict[str, str]) -> None:
    body = client.get(f"{V1}/actors/canada/partners", params={**params, "limit": 40}).json()
    assert body["data"] and body["data"][0]["instruments"]
    page = TypeAdapter(m.Page[m.Partner])
    assert page.dump_python(page.validate_python(body), mode="json") == body


@pytest.mark.parametrize(("path", "key"), [("/actors", "name"), ("/instruments", "name"), ("/events", "date")])
def test_kept_orders_are_the_documented_ones(client: TestClient, path: str, key: str) -> None:
    """Actors and instruments by name (case ignored) then id, events oldest first then id."""
    data = client.get(f"{V1}{path}", params={"limit": 500}).json()["data"]
    assert len(data) > 20

    def sort_key(item: dict[str, Any]) -> tuple[str, str]:
        value = item[key] or ""
        return (value.lower() if key == "name" else value, item["id"])

    assert [i["id"] for i in data] == [i["id"] for i in sorted(data, key=sort_key)]


def test_domains_json_is_what_the_models_serialise(client: TestClient) -> None:
    body = client.get(f"{V1}/domains").json()
    assert len(body["data"]) == 16 and all(d["sources"] for d in body["data"])
    page = TypeAdapter(m.Page[m.DomainSummary])
    assert page.dump_python(page.validate_python(body), mode="json") == body
    sources = [(s["url"], s["quote"]) for d in body["data"] for s in d["sources"]]
    per_domain = [[(s["url"], s["quote"]) for s in d["sources"]] for d in body["data"]]
    assert all(len(set(each)) == len(each) for each in per_domain) and sources  # each source once per domain


@pytest.mark.parametrize(
    "window",
    [
        {"from": "2020-01-01"},
        {"to": "2015-12-31"},
        {"from": "2021-01-01", "to": "2025-06-23"},
        {"from": "2025-06-23", "to": "2025-06-23"},
        {"type": "Summit", "from": "2010-01-01"},
        {"from": "2099-01-01"},
    ],
    ids=lambda w: ",".join(f"{k}={v}" for k, v in w.items()),
)
def test_events_in_a_date_window_are_the_engines_sorted_list(
    client: TestClient, store: GraphStore, window: dict[str, str]
) -> None:
    """/events?from=&to= bisects the dated events kept for the load; the engine's sorted query is the reference."""
    params: dict[str, Any] = {"type": window.get("type"), "actor": None, "instrument": None}
    params |= {"date_from": window.get("from"), "date_to": window.get("to"), "offset": 0, "limit": 5000, "end": 5000}
    reference = run_named(store=store, name="api_events", params=params).records()
    expected = [r["item"]["id"] for r in reference if r["item"] is not None]
    walked, counts = _walk(client, "/events", 4, **window)
    assert [e["id"] for e in walked] == expected
    assert counts == {len(expected)}


@pytest.mark.parametrize(
    ("path", "default"),
    [
        ("/cooperation", m.COOPERATION_PAGE),
        ("/cooperation?actor=canada", m.COOPERATION_PAGE),
        ("/actors/canada/partners", m.ROW_PAGE),
        ("/actors", 50),
        ("/instruments", 50),
        ("/events", 50),
        ("/domains", 50),
        ("/timeline?actor=canada", 50),
        ("/search?q=canada", 50),
    ],
)
def test_default_page_sizes(client: TestClient, path: str, default: int) -> None:
    """Rows that carry partners (and partners that carry shared instruments) come 20 a page; other lists 50.
    The curated data has more than 20 of each, so the default truly cuts the page, and `next` asks for the
    same page size."""
    body = client.get(f"{V1}{path}").json()
    assert body["limit"] == default
    assert len(body["data"]) == min(default, body["count"])
    if path.startswith(("/cooperation", "/actors/canada/partners")):
        assert body["count"] > default
        assert f"limit={default}" in body["next"]


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("/actors", m.ActorSummary),
        ("/instruments", m.InstrumentSummary),
        ("/events", m.EventSummary),
        ("/timeline?actor=canada", m.TimelineEntry),
        ("/search?q=canada", m.SearchHit),
    ],
)
def test_model_pages_are_what_the_models_serialise(client: TestClient, path: str, model: type[BaseModel]) -> None:
    """The model lists' pages are written straight by pydantic's JSON writer (no second validation through the
    response model): each item is exactly what its response model makes of it, every field present."""
    data = client.get(f"{V1}{path}").json()["data"]
    assert data
    assert data == [model.model_validate(item).model_dump(mode="json") for item in data]
    assert all(set(item) == set(model.model_fields) for item in data)
