"""/events and /events/{id}: dated events with precision, place, participants and sources."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from eucan.api import models as m
from tests.utils.errors import assert_error_shape

V1 = "/api/v1"


def _json(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_event_detail_has_date_place_participants_and_sources(client: TestClient) -> None:
    """Regression (issue 10): there was no /api/v1/events/{id}."""
    event = _json(client, f"{V1}/events/summit-2025")
    assert event["type"] == "Summit" and event["date"] == "2025-06-23" and event["date_precision"] == "day"
    assert event["place"] == "Brussels"
    assert {"canada", "eu"} <= {p["id"] for p in event["participants"]}
    assert all(p["name"] for p in event["participants"])
    assert event["sources"] and all(s["url"] and s["quote"] for s in event["sources"])
    assert event["uri"].endswith("/id/event/summit-2025")


def test_event_about_an_instrument_names_it(client: TestClient) -> None:
    event = _json(client, f"{V1}/events/fac-2021-05-06-pesco-third-states")
    assert event["instrument"]["id"] == "pesco-military-mobility"
    assert {"military-mobility", "defence-initiatives"} == {d["id"] for d in event["domains"]}


def test_list_is_oldest_first_and_filters(client: TestClient) -> None:
    everything = _json(client, f"{V1}/events", limit=500)
    dates = [(e["date"], e["id"]) for e in everything["data"]]
    assert dates == sorted(dates) and everything["count"] == len(dates) > 20
    window = _json(client, f"{V1}/events", actor="canada", **{"from": "2025-01-01", "to": "2025-12-31"}, limit=500)
    assert window["data"] and all("2025-01-01" <= e["date"] <= "2025-12-31" for e in window["data"])
    assert all("canada" in {p["id"] for p in e["participants"]} for e in window["data"])
    assert "summit-2025" in {e["id"] for e in window["data"]}
    summits = _json(client, f"{V1}/events", type="Summit", limit=500)["data"]
    assert summits and all(e["type"] == "Summit" for e in summits)
    about = _json(client, f"{V1}/events", instrument="pesco-military-mobility", limit=500)["data"]
    assert "fac-2021-05-06-pesco-third-states" in {e["id"] for e in about}


def test_month_precision_is_kept(client: TestClient) -> None:
    events = _json(client, f"{V1}/events", **{"from": "2022-05-01", "to": "2022-05-31"})["data"]
    request = next(e for e in events if e["id"] == "canada-request-netloghubs-2022-05")
    assert request["date"] == "2022-05-01" and request["date_precision"] == "month"


def test_a_search_hit_for_an_event_has_its_date(client: TestClient) -> None:
    """Regression (issue 10): a hit for an event had no date."""
    hits = _json(client, f"{V1}/search", q="20th EU Canada Summit")["data"]
    hit = next(h for h in hits if h["id"] == "summit-2025")
    assert hit["kind"] == "event" and hit["date"] == "2025-06-23" and hit["date_precision"] == "day"


@pytest.mark.parametrize(
    ("url", "status", "mentions"),
    [
        ("/events/summit-2052", 404, ["summit-2052", "did you mean 'summit-2025'?"]),
        ("/events/canada", 404, ["canada", "State"]),
        ("/events?type=Party", 422, ["type", "Summit"]),
        ("/events?actor=atlantis", 404, ["atlantis", "actor"]),
        ("/events?instrument=nowhere", 404, ["nowhere", "instrument"]),
        ("/events?from=2025-13-01", 422, ["from must be a date YYYY-MM-DD"]),
        ("/events?when=2025", 422, ["unknown parameter 'when'"]),
    ],
)
def test_bad_event_requests_have_the_one_error_shape(
    client: TestClient, url: str, status: int, mentions: list[str]
) -> None:
    assert_error_shape(client.get(V1 + url), status, *mentions)


def test_a_range_with_from_after_to_is_empty(client: TestClient) -> None:
    """`from` after `to` is an empty range (as in SQL's BETWEEN): no events, not an error, so every
    request the OpenAPI description allows is answered (schemathesis' positive-data check)."""
    reversed_range = _json(client, f"{V1}/events", **{"from": "2025-12-31", "to": "2021-01-01"})
    assert reversed_range["data"] == [] and reversed_range["count"] == 0
    assert _json(client, f"{V1}/events", **{"from": "2021-01-01", "to": "2025-12-31"})["count"] > 0


@pytest.mark.parametrize(
    "params", [{}, {"actor": "canada"}, {"from": "2020-01-01", "to": "2025-12-31"}, {"type": "Summit"}]
)
def test_the_event_list_is_what_the_models_serialise(client: TestClient, params: dict[str, str]) -> None:
    """The list is written from plain JSON values (no model per event): the same body as the models'."""
    body = _json(client, f"{V1}/events", **params, limit=200)
    assert body["data"] and any(e["participants"] and e["sources"] for e in body["data"])
    page = TypeAdapter(m.Page[m.EventSummary])
    assert page.dump_python(page.validate_python(body), mode="json") == body
    for event in body["data"][:5]:  # and each item is its detail, cut as a list shows it
        detail = _json(client, f"{V1}/events/{event['id']}")
        assert event["source_count"] == len(detail["sources"]) and event["sources"] == detail["sources"][:5]
        assert event["participant_count"] == len(detail["participants"])
