"""A 404 for an unknown id suggests the record meant, by id, name or alternative name (issue 10)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eucan.api.suggest import SPELLING_POOL, Candidates, suggest
from eucan.graph.store import GraphStore
from tests.utils.errors import assert_error_shape

V1 = "/api/v1"


@pytest.mark.parametrize(
    ("url", "meant"),
    [
        ("/instruments/sdp", "sdp-2025"),  # the acronym, not the nearest spelling (csdp)
        ("/instruments/artemis", "artemis-drc"),  # an alternative name
        ("/actors/defense-nationale", "national-defence"),  # the French name, accents ignored
        ("/actors/canda", "canada"),  # a typo in the id
        ("/actors/NATO", "nato"),
    ],
)
def test_404_suggests_by_id_name_and_alternative_name(client: TestClient, url: str, meant: str) -> None:
    assert_error_shape(client.get(V1 + url), 404, f"did you mean '{meant}'?")


def test_no_suggestion_when_nothing_is_close(client: TestClient) -> None:
    body = assert_error_shape(client.get(V1 + "/instruments/zzzzqqqq"), 404, "zzzzqqqq")
    assert "did you mean" not in body["error"]


def test_suggest_order() -> None:
    rows = [("csdp", ["Common Security and Defence Policy", "CSDP"]), ("sdp-2025", ["Partnership", "SDP"])]
    assert suggest("sdp", rows) == "sdp-2025"
    assert suggest("CSDP", rows) == "csdp"
    assert suggest("sdp-2024", rows) == "sdp-2025"
    assert suggest("!!", rows) is None


def test_a_large_kind_is_searched_among_keys_like_the_typed_text() -> None:
    """At a million facts a kind has ~60,000 ids: the spelling stage compares the typed text with at most
    `SPELLING_POOL` keys of about its length sharing its first or last letter, and still finds a typo."""
    rows = [(f"actor-{i:05d}", [f"Synthetic actor {i}"]) for i in range(60_000)]
    rows += [("canada", ["Canada", "Government of Canada"]), ("national-defence", ["Défense nationale"])]
    index = Candidates(rows)
    assert suggest("canda", index) == "canada"  # a typo: among keys of length 2..10 starting with c or ending in a
    assert suggest("defense-nationale", index) == "national-defence"  # a name, exactly
    assert suggest("actor", index) == "actor-00000"  # an id starting with it as whole words: the shortest, first
    assert suggest("Synthetic actor 17", index) == "actor-00017"
    assert suggest("zzzzqqqq", index) is None
    pool = index._by_length  # the spelling pool is bounded whatever the kind's size
    assert sum(len(v) for v in pool.values()) > SPELLING_POOL


def test_a_hint_costs_one_pass_per_loaded_graph(client: TestClient, store: GraphStore) -> None:
    """The ids and names of a kind are read once per loaded graph (`provenance.candidates`, kept), not for
    every 404: a flood of unknown ids does not make the engine scan the graph each time."""
    from eucan.api.provenance import candidates

    first = candidates(store, "Actor")
    assert_error_shape(client.get(V1 + "/actors/canda"), 404, "did you mean 'canada'?")
    assert store.load_generation() is not None  # the session graph is loaded as `eucan load` does
    assert candidates(store, "Actor") is first
