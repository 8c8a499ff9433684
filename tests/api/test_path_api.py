"""/path walks every kind of link: people through tenures and events, actors through instruments and memberships."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

V1 = "/api/v1"


def _path(client: TestClient, source: str, target: str, max_hops: int) -> dict[str, Any]:
    response = client.get(f"{V1}/path", params={"from": source, "to": target, "max_hops": max_hops})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _assert_chain(body: dict[str, Any], source: str, target: str) -> None:
    steps = body["steps"]
    assert body["found"] and body["hops"] == len(steps) <= body["max_hops"]
    assert steps[0]["left"]["id"] == source and steps[-1]["right"]["id"] == target
    for before, after in zip(steps, steps[1:], strict=False):
        assert before["right"]["id"] == after["left"]["id"]
    assert all(step["via"] and all(v["sources"] for v in step["via"]) for step in steps)


def test_canada_to_josep_borrell_is_found(client: TestClient) -> None:
    """Regression (issue 10): no path even at 6 hops, though Borrell's tenure and events link him to Canada."""
    body = _path(client, "canada", "josep-borrell", 6)
    _assert_chain(body, "canada", "josep-borrell")
    assert body["hops"] == 2
    assert body["source"]["name"] == "Canada" and body["target"]["name"] == "Josep Borrell"


def test_a_person_reaches_an_organisation_through_a_tenure(client: TestClient) -> None:
    body = _path(client, "jens-stoltenberg", "canada", 6)  # his only link is his tenure at NATO
    _assert_chain(body, "jens-stoltenberg", "canada")
    assert [s["relation"] for s in body["steps"]] == ["HOLDS", "POST_IN", "MEMBER_OF"]
    assert body["steps"][0]["via"][0]["record"] == "tenure-stoltenberg-nato-secretary-general"
    assert body["steps"][0]["via"][0]["role"] == "holder" and body["steps"][0]["via"][0]["period"]["start"]


def test_members_are_linked_through_their_organisation(client: TestClient) -> None:
    body = _path(client, "germany", "france", 2)
    _assert_chain(body, "germany", "france")


@pytest.mark.parametrize(("source", "target", "hops"), [("canada", "ukraine", 1), ("josep-borrell", "estonia", 1)])
def test_no_path_still_names_both_ends(client: TestClient, source: str, target: str, hops: int) -> None:
    """Regression (issue 10): when nothing is found the endpoints' names came back null."""
    body = _path(client, source, target, hops)
    assert body["found"] is False and body["hops"] is None and body["steps"] == []
    assert body["source"]["id"] == source and body["source"]["name"]
    assert body["target"]["id"] == target and body["target"]["name"]


def test_same_actor_is_zero_hops(client: TestClient) -> None:
    body = _path(client, "canada", "canada", 1)
    assert body["found"] and body["hops"] == 0 and body["source"]["name"] == "Canada"


def test_shortest_is_shortest(client: TestClient) -> None:
    one = _path(client, "canada", "nato", 6)
    assert one["hops"] == 1 and one["steps"][0]["relation"] == "MEMBER_OF"
