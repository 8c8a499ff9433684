"""A participation cannot outlast its instrument: every door answers "which CSDP missions on day D" alike.

The curated data has participations that state no end (or no start) of their own in missions that
ended (or began) on a known day: Canada's in EUPOL Afghanistan (ended 2016-12-31), EUCAP Sahel Mali
(2025-01-31), EUAM Iraq (2026-04-30) and EUPOL COPPS (2026-06-30). The loader gives them their
instrument's bounds (`eucan.dates.within`), so on a day after the mission ended no door lists them, and
on a day inside it every door does. Four doors, one answer: the web API (`/cooperation`), the catalog
(`csdp_contributions`), SPARQL (the as-of pattern of docs/sparql.md) and the API's timeline, which dates each
participation by the same derived bounds (its own dates, else its instrument's; `date_basis` says which), read
with `holds_on`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eucan.dates import holds_on, last_day
from tests.agreement.conftest import Doors

Row = tuple[str, str, bool]  # (mission, participation record, undated)
_CSDP = ("CsdpMission", "CsdpOperation")
ENDED = ("eupol-afghanistan", "eucap-sahel-mali", "euam-iraq", "eupol-copps")


def _sparql_as_of(v: str, day: str) -> str:
    """The documented as-of pattern (docs/sparql.md), word for word but for the day."""
    return (
        f'FILTER NOT EXISTS {{ ?{v} ecs:startDateFirst ?{v}_s0 FILTER(?{v}_s0 > "{day}"^^xsd:date) }}\n'
        f'FILTER NOT EXISTS {{ ?{v} ecs:endDateLast ?{v}_e0 FILTER(?{v}_e0 < "{day}"^^xsd:date) }}\n'
    )


def _timeline_door(d: Doors, actor: str, day: str) -> list[Row]:
    """The timeline dates each participation as the as-of rule does (its own dates, else its instrument's: the
    loader's derived bounds, `date_basis` saying which); a participation holds on the days from its start to
    the last day its end can mean (`holds_on`)."""
    own: dict[str, dict[str, Any]] = {}
    for entry in d.api_list("/timeline", actor=actor):
        instrument = entry.get("instrument") or {}
        if not entry["kind"].startswith("participation-") or instrument.get("type") not in _CSDP:
            continue
        row = own.setdefault(entry["record"], {"instrument": instrument["id"], "start": None, "end": None, "own": 0})
        if entry["kind"] == "participation-start":
            row["start"] = entry["date"]
        elif entry["kind"] == "participation-end":
            row["end"] = last_day(dt.date.fromisoformat(entry["date"]), entry["precision"]).isoformat()
        row["own"] += entry.get("date_basis") == "stated"
    return [
        (row["instrument"], record, row["own"] == 0)
        for record, row in own.items()
        if holds_on(row["start"], row["end"], day)
    ]


def csdp_as_of(d: Doors, actor: str, day: str) -> dict[str, list[Row]]:
    """Which CSDP missions and operations did ACTOR itself take part in on DAY?"""
    api = [
        (r["instrument"]["id"], r["record"], r["period"]["undated"])
        for kind in _CSDP
        for r in d.api_list("/cooperation", actor=actor, instrument_type=kind, as_of=day)
    ]
    catalog = [  # held at some time within [day, day]: held on the day
        (r["mission"], r["record"], r["undated"])
        for r in d.catalog("csdp_contributions", actor=actor, **{"from": day, "to": day})
        if r["contributor"] == actor
    ]
    sparql = [
        (str(r["i"]), str(r["record"]), r["s"] is None and r["e"] is None)
        for r in d.sparql(
            f"""SELECT ?i ?record ?s ?e WHERE {{
              ?p dcterms:identifier ?record ; ecs:participant ?a ; ecs:instrument ?inst .
              ?a dcterms:identifier "{actor}" . ?inst dcterms:identifier ?i ; ecs:partOf ?csdp .
              ?csdp dcterms:identifier "csdp" .
              OPTIONAL {{ ?p ecs:startDate ?s }} OPTIONAL {{ ?p ecs:endDate ?e }}
              {_sparql_as_of("p", day)}}}"""
        )
    ]
    return {"api": api, "catalog": catalog, "sparql": sparql, "timeline": _timeline_door(d, actor, day)}


# (actor, day, missions held, missions not held): on both sides of the missions' first and last days
DAYS: list[tuple[str, str, list[str], list[str]]] = [
    ("canada", "2026-12-01", ["euam-ukraine", "euma-armenia"], [*ENDED, "eufor-althea", "eupm-bih"]),
    ("canada", "2016-12-31", ["eupol-afghanistan", "eucap-sahel-mali", "euam-ukraine", "eupol-copps"], []),
    ("canada", "2017-01-01", ["eucap-sahel-mali", "eupol-copps"], ["eupol-afghanistan"]),
    ("canada", "2025-01-31", ["eucap-sahel-mali", "euam-iraq", "eupol-copps"], []),
    ("canada", "2025-02-01", ["euam-iraq", "eupol-copps"], ["eucap-sahel-mali", "eupol-afghanistan"]),
    ("canada", "2026-04-30", ["euam-iraq", "eupol-copps"], ["eucap-sahel-mali"]),
    ("canada", "2026-05-01", ["eupol-copps"], ["euam-iraq"]),
    ("canada", "2026-06-30", ["eupol-copps", "euam-ukraine"], ["euam-iraq"]),
    ("canada", "2026-07-01", ["euam-ukraine"], ["eupol-copps", "euam-iraq"]),
    # no start of its own: the mission's first day
    ("canada", "2005-12-31", ["eupm-bih", "eufor-althea"], ["eupol-copps"]),
    ("canada", "2006-01-01", ["eupol-copps"], ["eupol-afghanistan"]),
    ("canada", "2007-06-14", ["eupol-copps"], ["eupol-afghanistan"]),
    ("canada", "2007-06-15", ["eupol-afghanistan"], []),
    ("canada", "2014-11-30", ["eupol-copps"], ["euam-ukraine", "eucap-sahel-mali"]),
    ("canada", "2014-12-01", ["euam-ukraine"], ["eucap-sahel-mali"]),
    # a start of its own is kept, inside the mission (EUAM Iraq from 2017) or a few days before it
    # (Artemis began 2003-06-12; the sources put Canada's part from 2003-06-08)
    ("canada", "2019-05-31", ["eupol-copps"], ["euam-iraq"]),
    ("canada", "2019-06-01", ["euam-iraq"], []),
    ("canada", "2003-06-08", ["artemis-drc", "eupm-bih"], []),
    ("rcmp", "2026-12-01", ["euam-ukraine"], list(ENDED)),
    ("rcmp", "2016-12-31", ["eupol-afghanistan", "euam-ukraine"], []),
]


@pytest.mark.parametrize(("actor", "day", "held", "not_held"), DAYS, ids=[f"{a},{d}" for a, d, _, _ in DAYS])
def test_every_door_lists_the_same_csdp_missions(
    doors: Doors, actor: str, day: str, held: list[str], not_held: list[str]
) -> None:
    answers = {door: sorted(rows) for door, rows in csdp_as_of(doors, actor, day).items()}
    for door, rows in answers.items():
        assert rows == answers["api"], f"{door} and the API disagree on {day}:\n{answers}"
    missions = {mission for mission, _, _ in answers["api"]}
    assert set(held) <= missions, (held, answers["api"])
    assert not set(not_held) & missions, (not_held, answers["api"])


def test_undated_participations_hold_only_within_their_mission(doors: Doors) -> None:
    """EUPOL COPPS ran 2006-01-01 .. 2026-06-30 and Canada's participation states no dates: it is flagged
    undated, and held on the mission's first and last days but not the day before or the day after."""

    def held(day: str) -> list[Row]:
        return [row for row in csdp_as_of(doors, "canada", day)["api"] if row[0] == "eupol-copps"]

    assert held("2006-01-01") == held("2026-06-30") == [("eupol-copps", "part-canada-eupol-copps", True)]
    assert held("2005-12-31") == held("2026-07-01") == []


def test_the_period_says_which_bounds_are_the_instruments(doors: Doors) -> None:
    """The API keeps the participation's own dates for display and gives the derived bounds beside them."""
    [row] = [
        r
        for r in doors.api_list("/cooperation", actor="canada", instrument_type="CsdpMission")
        if r["record"] == "part-canada-euam-iraq"
    ]
    assert row["period"] == {
        "start": "2019-06-01",
        "start_precision": "month",  # "2019-06" in the data
        "start_first": "2019-06-01",
        "end": None,  # not stated: the mission's last day bounds it
        "end_precision": None,
        "end_last": "2026-04-30",
        "start_basis": "stated",
        "start_first_precision": "month",
        "end_basis": "instrument",  # where end_last comes from, as the loader derived it
        "undated": False,
    }
    [contribution] = [
        r for r in doors.catalog("csdp_contributions", actor="canada") if r["record"] == "part-canada-euam-iraq"
    ]
    assert (contribution["held_from"], contribution["held_until"], contribution["bounds_from_mission"]) == (
        "2019-06-01",
        "2026-04-30",
        "end",
    )
