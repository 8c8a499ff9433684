"""/actors, /instruments, /domains, /search, /path, /timeline, /docs: real answers from the curated data."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from eucan.api.models import LIST_ITEMS
from eucan.api.services import normalise

V1 = "/api/v1"


# Instruments in the maritime-security domain (the Ocean Partnership, its Forum, the 2025 Partnership).
def _json(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_sixteen_domains_of_the_sdp(client: TestClient) -> None:
    body = _json(client, f"{V1}/domains")
    assert body["count"] == 16 and len(body["data"]) == 16
    assert "maritime-security" in {d["id"] for d in body["data"]}
    assert all(d["sources"] and d["instrument_count"] >= 1 for d in body["data"])
    sdp = _json(client, f"{V1}/instruments/sdp-2025")
    assert len(sdp["domains"]) == 16
    assert {p["actor"]["id"] for p in sdp["participants"]} >= {"canada", "eu"}
    assert all(p["sources"] for p in sdp["participants"])


def test_domain_detail_lists_its_instruments(client: TestClient) -> None:
    body = _json(client, f"{V1}/domains/maritime-security")
    assert {i["id"] for i in body["instruments"]} == {
        "eu-canada-ocean-partnership",
        "eu-canada-ocean-partnership-forum",
        "g7-friends-gulf-of-guinea",
        "la-2011-443-eu",
        "port-state-measures-agreement",
        "sdp-2025",
    }
    assert body["instrument_count"] == 6
    assert all(i["sources"] for i in body["instruments"])
    # The detail's instruments are the first page of the domain's instrument list (the same order and items).
    assert body["instruments"] == _json(client, f"{V1}/instruments", domain="maritime-security")["data"]


def test_domain_detail_bounds_its_instruments_with_their_count(client: TestClient) -> None:
    """The detail shows at most LIST_ITEMS instruments (the first page of the domain's list) and counts all of them."""
    domains = _json(client, f"{V1}/domains", limit=500)["data"]
    largest = max(domains, key=lambda d: d["instrument_count"])
    body = _json(client, f"{V1}/domains/{largest['id']}")
    listed = _json(client, f"{V1}/instruments", domain=largest["id"], limit=LIST_ITEMS)
    assert body["instrument_count"] == largest["instrument_count"] == listed["count"]
    assert len(body["instruments"]) == min(LIST_ITEMS, body["instrument_count"])
    assert body["instruments"] == listed["data"]


def test_actor_detail_has_memberships_posts_and_participations(client: TestClient) -> None:
    canada = _json(client, f"{V1}/actors/canada")
    assert canada["type"] == "State" and canada["sources"]
    assert "nato" in {m["organisation"]["id"] for m in canada["memberships"]}
    assert {"sdp-2025", "eufor-althea", "pesco-netloghubs"} <= {p["instrument"]["id"] for p in canada["participations"]}
    assert all(p["sources"] for p in canada["participations"])
    assert any(post["tenures"] for post in canada["posts"])
    eu = _json(client, f"{V1}/actors/eu")
    assert {"germany", "france"} <= {m["member"]["id"] for m in eu["members"]}


def test_lists_filter_by_type(client: TestClient) -> None:
    states = _json(client, f"{V1}/actors", type="State", limit=500)
    assert states["data"] and all(a["type"] == "State" for a in states["data"])
    pesco = _json(client, f"{V1}/instruments", type="PescoProject")
    assert {i["id"] for i in pesco["data"]} == {"pesco-military-mobility", "pesco-netloghubs"}
    maritime = _json(client, f"{V1}/instruments", domain="maritime-security")
    assert [i["id"] for i in maritime["data"]] == [  # ordered by name
        "port-state-measures-agreement",
        "la-2011-443-eu",
        "eu-canada-ocean-partnership",
        "eu-canada-ocean-partnership-forum",
        "sdp-2025",
        "g7-friends-gulf-of-guinea",
    ]


def test_search_ignores_case_and_accents(client: TestClient) -> None:
    for q in ("DEFENSE NATIONALE", "défense nationale", "Defense Nationale"):
        hits = _json(client, f"{V1}/search", q=q)["data"]
        assert "national-defence" in {h["id"] for h in hits}, q
    hit = next(h for h in _json(client, f"{V1}/search", q="defense nationale")["data"] if h["id"] == "national-defence")
    assert hit["kind"] == "actor" and hit["matched"] == ["Défense nationale"] and hit["sources"]
    assert "canada" in {h["id"] for h in _json(client, f"{V1}/search", q="CANADA", limit=500)["data"]}
    assert _json(client, f"{V1}/search", q="zzqx-nothing")["count"] == 0


def test_every_curated_name_finds_itself(client: TestClient, curated: Any) -> None:
    # the Python folding (query side) and the Cypher folding (name side) agree on the real names
    names = _json(client, f"{V1}/actors", limit=500)["data"] + _json(client, f"{V1}/instruments", limit=500)["data"]
    for item in names:
        for name in [item["name"], item.get("name_fr"), *item["alt_names"]]:
            if name:
                hits = _json(client, f"{V1}/search", q=name.upper(), limit=500)["data"]
                assert item["id"] in {h["id"] for h in hits}, (name, normalise(name))


def test_path_canada_to_estonia_through_nato(client: TestClient) -> None:
    body = _json(client, f"{V1}/path", **{"from": "canada", "to": "estonia", "max_hops": 2})
    assert body["found"] and body["hops"] == 2 and len(body["steps"]) == 2
    assert body["steps"][0]["left"]["id"] == "canada" and body["steps"][-1]["right"]["id"] == "estonia"
    assert all(v["sources"] for step in body["steps"] for v in step["via"])
    none = _json(client, f"{V1}/path", **{"from": "canada", "to": "ukraine", "max_hops": 1})
    assert none["found"] is False and none["steps"] == []


def test_timeline_window_is_inclusive(client: TestClient) -> None:
    body = _json(client, f"{V1}/timeline", actor="canada", **{"from": "2005-02-09", "to": "2007-03-31"}, limit=500)
    dates = [e["date"] for e in body["data"]]
    assert dates == sorted(dates) and all("2005-02-09" <= d <= "2007-03-31" for d in dates)
    kinds = {(e["kind"], e["record"]) for e in body["data"]}
    assert ("participation-start", "part-canada-eufor-althea") in kinds
    assert ("participation-end", "part-canada-eufor-althea") in kinds
    assert all(e["sources"] for e in body["data"])
    empty = _json(client, f"{V1}/timeline", actor="canada", **{"from": "2007-03-31", "to": "2005-02-09"})
    assert empty["data"] == [] and empty["count"] == 0  # from after to: an empty range, not an error
    assert (
        client.get(f"{V1}/timeline", params={"actor": "atlantis", "from": "2007-01-01", "to": "2005-01-01"}).status_code
        == 404
    )


def test_openapi_has_an_example_for_each_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = [p for p in spec["paths"] if p.startswith("/api/v1/") and p not in ("/api/v1/health", "/api/v1/version")]
    mine = [
        p
        for p in paths
        if p.split("/")[3] in {"actors", "instruments", "domains", "search", "cooperation", "path", "timeline"}
    ]
    assert len(mine) == 11
    for path in mine:
        ok = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert "example" in ok, path
    assert client.get("/docs").status_code == 200
