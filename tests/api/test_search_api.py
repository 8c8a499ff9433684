"""/search reads names, alternative names, descriptions, quotes and source titles, through the engine's index."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from eucan.api.search_service import snippet
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.fulltext import fold, lucene_query, redisearch_query, words
from tests.utils.errors import assert_error_shape

V1 = "/api/v1"


def _search(client: TestClient, q: str, **params: Any) -> dict[str, Any]:
    response = client.get(f"{V1}/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _holds_every_word(text: str, q: str) -> bool:
    return all(w in words(text) or any(t.startswith(w) for t in words(text)) for w in words(q))


def _holds_some_word(text: str, q: str) -> bool:
    return any(w in words(text) or any(t.startswith(w) for t in words(text)) for w in words(q))


@pytest.mark.parametrize(
    ("q", "record", "field"),
    [
        # issue 10: "iraq" found nothing though a source title holds the word
        ("iraq", "part-rcmp-euam-ukraine", "source_title"),
        ("peace operations", "rcmp", "source_title"),
        ("high representative", "tenure-borrell-hrvp", "quote"),
        ("Mitglied der NATO", "nato-membership-germany-1955-05-09", "quote"),
        ("peace-keeping conflict prevention", "csdp", "description"),
    ],
)
def test_quotes_titles_and_descriptions_are_searched(client: TestClient, q: str, record: str, field: str) -> None:
    body = _search(client, q, limit=500)
    hit = next((h for h in body["data"] if h["id"] == record), None)
    assert hit is not None, [h["id"] for h in body["data"]]
    assert hit["snippet"]["field"] == field
    assert _holds_every_word(hit["snippet"]["text"], q), hit["snippet"]
    assert hit["sources"]
    # every hit shows where its words are (a record may hold them in different fields, e.g. the
    # European Peace Facility: "peace" in its name, "operations" in its description)
    assert all(h["snippet"] and _holds_some_word(h["snippet"]["text"], q) for h in body["data"]), q


def test_a_quote_snippet_carries_its_language(client: TestClient) -> None:
    hit = _search(client, "Bundesrepublik")["data"][0]
    assert hit["snippet"]["lang"] == "de" and hit["snippet"]["source"].startswith("http")


def test_names_rank_first_and_events_have_dates(client: TestClient) -> None:
    body = _search(client, "high representative")
    assert body["data"][0]["id"] == "hrvp" and body["data"][0]["kind"] == "post"
    summits = _search(client, "summit", limit=500)["data"]
    summit = next(h for h in summits if h["id"] == "summit-2014")
    assert summit["kind"] == "event" and summit["date"] == "2014-09-26" and summit["date_precision"] == "day"
    assert summit["matched"] == ["EU-Canada Summit 2014"]
    # an acronym is a name: sdp finds the Partnership before records that only mention the id
    assert _search(client, "sdp")["data"][0]["id"] == "sdp-2025"


def test_facts_name_who_and_what(client: TestClient) -> None:
    hit = next(h for h in _search(client, "high representative", limit=500)["data"] if h["id"] == "tenure-borrell-hrvp")
    assert hit["kind"] == "tenure" and hit["actor"]["id"] == "josep-borrell" and hit["about"]["id"] == "hrvp"
    assert hit["date"] == "2019-12-01" and hit["date_precision"] == "day"


@pytest.mark.parametrize("q", ["DÉFENSE NATIONALE", "defense nationale", "Défense Nationale", "défen"])
def test_case_and_accents_and_prefix(client: TestClient, q: str) -> None:
    assert "national-defence" in {h["id"] for h in _search(client, q)["data"]}


@pytest.mark.parametrize(
    "q",
    [
        "a|b)",
        "@name:(x)",
        '"unclosed',
        "-canada",
        "~canada",
        "%canada%",
        "canada*",
        "canada:*",
        "[a TO z]",
        "{x}",
        "\\",
        "canada AND NOT eu",
        "name:canada^9",
        "(((((",
        "ｃａｎａｄａ",
        "Москва",
        "x" * 500,
        " ".join(["canada"] * 60),
        "'; MATCH (n) DETACH DELETE n //",
    ],
)
def test_hostile_text_never_reaches_the_query_syntax(client: TestClient, q: str) -> None:
    response = client.get(f"{V1}/search", params={"q": q})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert_error_shape(response, 422, "q must contain at least one letter or digit")


def test_only_punctuation_is_a_422(client: TestClient) -> None:
    assert_error_shape(client.get(f"{V1}/search", params={"q": "*:()"}), 422, "at least one letter or digit")


def test_store_search_ranks_ids(store: FalkorDBStore) -> None:
    hits = store.search("artemis", limit=10)
    assert hits[0][0] == "artemis-drc" and all(isinstance(score, float) for _, score in hits)
    assert store.search("!!!", limit=10) == []
    assert len(store.search("canada", limit=3)) == 3


def test_engine_queries_are_plain_words() -> None:
    assert fold("Défense ÉTRANGÈRE Straße") == "defense etrangere strasse"
    assert redisearch_query('peace "facility" @x:(y)|zed') == "peace facility x y zed*"
    assert redisearch_query("eu", names_only=True) == "@searchName:(eu)"
    assert lucene_query("peace facility") == "(peace AND facility*)"
    assert redisearch_query("?!") is None and lucene_query("") is None


def test_snippet_cuts_around_the_first_match() -> None:
    long = "word " * 60 + "the European Peace Facility funds " + "more " * 60
    cut = snippet("peace facility", [("quote", long, "en", None)])
    assert cut is not None and cut.text.startswith("…") and cut.text.endswith("…")
    assert "European Peace Facility" in cut.text and len(cut.text) < 260
    accented = snippet("defense", [("name", "Ministère de la Défense nationale", None, None)])
    assert accented is not None and "Défense" in accented.text


def test_api_reports_each_quotes_real_language(client: TestClient) -> None:
    """Regression (issue 10): untagged Italian, Dutch... quotes came back as `en`."""
    act = client.get(f"{V1}/instruments/cd-2021-748").json()
    italian = [s for s in act["sources"] if s["quote"].startswith("Decisione (PESC) 2021/748")]
    assert italian and all(s["lang"] == "it" for s in italian)
    assert any(s["lang"] == "en" for s in act["sources"])
