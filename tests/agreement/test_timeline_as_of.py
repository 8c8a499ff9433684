"""The timeline says what the as-of rule says: since when and until when a participation held.

A participation that states no start (or no end) of its own is dated by the loader's derived bounds
(`startDateFirst`, `endDateLast`: `eucan.dates.within`, `not_before`), and every `as_of` filter compares
with them. The timeline (`/api/v1/timeline`, the catalog's `actor_timeline` and `instrument_timeline`)
shows a participation starting on its `startDateFirst` and ending on the end whose last day is its
`endDateLast`, and names where the date comes from (`date_basis`, `derived_from`). So, for every
participation of the curated graph, the first day `/cooperation?as_of=` lists it is the timeline's start,
and the last day it lists it is the last day the timeline's end can mean.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

import pytest

from eucan.api import explorer, services
from eucan.dates import display, last_day
from tests.agreement.conftest import Doors


def _day(day: str, shift: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=shift)).isoformat()


def _participations(d: Doors) -> dict[str, list[str]]:
    """Each actor's participations in the curated graph."""
    rows = d.store.run(
        "MATCH (a:Actor)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(:Instrument) RETURN a.id, p.id"
    ).rows
    found: dict[str, list[str]] = defaultdict(list)
    for actor, record in rows:
        found[str(actor)].append(str(record))
    return found


def _timeline(d: Doors, actor: str) -> dict[str, dict[str, dict[str, Any]]]:
    """An actor's participation entries by record and kind (participation-start, -end, -undated)."""
    by_record: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for entry in d.api_list("/timeline", actor=actor):
        if entry["kind"].startswith("participation-"):
            assert entry["kind"] not in by_record[entry["record"]], entry
            by_record[entry["record"]][entry["kind"]] = entry
    return by_record


def test_every_participation_starts_and_ends_in_the_timeline_where_as_of_says(doors: Doors) -> None:
    """For each participation: listed by `/cooperation?as_of=` on the timeline's start but not the day before,
    on the last day of the timeline's end but not the day after; with no start (end) in the timeline, listed on
    any day before (after) the other bound."""
    checked = {"start": 0, "end": 0, "derived": 0, "legal-basis": 0}
    for actor, records in sorted(_participations(doors).items()):
        timeline = _timeline(doors, actor)
        assert set(timeline) == set(records), actor
        listed: dict[str, set[str]] = {}

        def held(day: str, actor: str = actor, listed: dict[str, set[str]] = listed) -> set[str]:
            if day not in listed:
                rows = doors.api_list("/cooperation", actor=actor, as_of=day)
                listed[day] = {r["record"] for r in rows}
            return listed[day]

        for record in records:
            entries = timeline[record]
            start, end = entries.get("participation-start"), entries.get("participation-end")
            if "participation-undated" in entries:
                assert start is None and end is None, entries
                assert record in held("1900-01-01") and record in held("2100-12-31"), record
                continue
            for entry in (start, end):
                if entry is not None:
                    assert entry["date_basis"] in ("stated", "instrument", "legal-basis"), entry
                    assert (entry["derived_from"] is None) == (entry["date_basis"] == "stated"), entry
                    checked["derived"] += entry["date_basis"] != "stated"
                    checked["legal-basis"] += entry["date_basis"] == "legal-basis"
            first = start["date"] if start else None
            final = last_day(dt.date.fromisoformat(end["date"]), end["precision"]).isoformat() if end else None
            if first is not None:
                assert record in held(first) and record not in held(_day(first, -1)), (actor, record, first)
                checked["start"] += 1
            else:
                assert final is not None and record in held("1900-01-01"), (actor, record)
            if final is not None:
                assert record in held(final) and record not in held(_day(final, 1)), (actor, record, final)
                checked["end"] += 1
            else:
                assert record in held("2100-12-31"), (actor, record)
    # the curated graph has dated, derived and legal-basis starts: the check above is not vacuous
    assert checked["start"] > 250 and checked["end"] > 20 and checked["derived"] > 40 and checked["legal-basis"] > 0


def test_canadas_pesco_and_csdp_participations_in_the_timeline(doors: Doors) -> None:
    """Military Mobility: a start of its own (2021-12-14). Network of Logistic Hubs: no start of its own; the
    Council decision admitting Canada (2023-02-20) dates it, not the project's start (2018-03-06) nor the
    general conditions it rests on (Decision 2020/1639). EUPOL COPPS: no dates of its own, the mission's."""
    timeline = _timeline(doors, "canada")
    mm = timeline["part-canada-pesco-military-mobility"]["participation-start"]
    assert (mm["date"], mm["date_basis"], mm["derived_from"]) == ("2021-12-14", "stated", None)
    hubs = timeline["part-canada-pesco-netloghubs"]
    assert set(hubs) == {"participation-start"}
    assert (hubs["participation-start"]["date"], hubs["participation-start"]["date_basis"]) == (
        "2023-02-20",
        "legal-basis",
    )
    assert hubs["participation-start"]["derived_from"] == {
        "id": "la-2023-385-cfsp",
        "name": "Council Decision (CFSP) 2023/385 of 20 February 2023 on the participation of Canada in the PESCO "
        "project Network of Logistic Hubs in Europe and Support to Operations",
        "type": "LegalAct",
    }
    copps = timeline["part-canada-eupol-copps"]
    assert {k: (e["date"], e["date_basis"], e["derived_from"]["id"]) for k, e in copps.items()} == {
        "participation-start": ("2006-01-01", "instrument", "eupol-copps"),
        "participation-end": ("2026-06-30", "instrument", "eupol-copps"),
    }
    # the catalog's as-of question agrees: Canada is a third state in NetLogHubs from 2023-02-20
    for day, expected in (("2023-02-19", False), ("2023-02-20", True)):
        rows = doors.catalog("pesco_third_states", as_of=day)
        assert (("pesco-netloghubs", "canada") in {(r["project"], r["third_state"]) for r in rows}) is expected


def _catalog_key(date: str | None, basis: str | None, derived: str | None) -> tuple[str | None, ...]:
    return (date, basis, derived)


def test_the_catalog_timelines_date_participations_as_the_api_does(doors: Doors) -> None:
    """`actor_timeline` and `instrument_timeline` give every participation the API timeline's start and end,
    with the same basis: one rule, three queries."""
    api: dict[str, dict[str, tuple[str | None, ...]]] = defaultdict(dict)
    instruments: set[str] = set()
    for actor in sorted(_participations(doors)):
        for record, entries in _timeline(doors, actor).items():
            for kind, e in entries.items():
                derived = e["derived_from"]["id"] if e["derived_from"] else None
                api[record][kind] = _catalog_key(display(e["date"], e["precision"]), e["date_basis"], derived)
                instruments.add(e["instrument"]["id"])
        catalog: dict[str, dict[str, tuple[str | None, ...]]] = defaultdict(dict)
        for row in doors.catalog("actor_timeline", actor=actor):
            if row["role"] in ("member", "holder") or row["related"] == row["record"]:
                continue  # memberships, tenures, events
            kind = "participation-end" if row["event"].startswith("last day") else "participation-start"
            if row["date"] is None:
                kind = "participation-undated"
            assert kind not in catalog[row["record"]], (actor, row)  # one row of each kind a participation
            catalog[row["record"]][kind] = _catalog_key(row["date"], row["date_basis"], row["derived_from"])
        for record, kinds in catalog.items():
            assert kinds == api[record], (actor, record)
    joins: dict[str, dict[str, tuple[str | None, ...]]] = defaultdict(dict)
    for instrument in sorted(instruments):
        for row in doors.catalog("instrument_timeline", instrument=instrument):
            if row["actor"] is None:
                continue
            kind = "participation-end" if row["event"].startswith("last day") else "participation-start"
            if row["date"] is None:
                kind = "participation-undated"
            assert kind not in joins[row["record"]], (instrument, row)
            joins[row["record"]][kind] = _catalog_key(row["date"], row["date_basis"], row["derived_from"])
    assert joins == dict(api)


def test_a_fact_with_only_an_end_has_no_undated_start_in_any_timeline(doors: Doors) -> None:
    """A participation, membership or post held whose sources give only its end is one dated row (its end) in
    the API timeline and in the catalog's, never also an undated "takes part in (dates not stated)" row."""
    end_only = doors.store.run(
        "MATCH (a:Actor)<-[:PARTICIPANT|MEMBER|HOLDER]-(x) WHERE (x:Participation OR x:Membership OR x:Tenure) "
        "AND x.startDate IS NULL AND x.endDate IS NOT NULL RETURN a.id, x.id ORDER BY x.id"
    ).rows
    if not end_only:
        pytest.skip("the curated data holds no fact with only an end")
    for actor, record in end_only:
        rows = [r for r in doors.catalog("actor_timeline", actor=actor) if r["record"] == record]
        undated = [r for r in rows if r["date"] is None]
        assert rows and not undated, (actor, record, rows)


def test_the_explorer_pages_draw_participations_where_the_api_timeline_dates_them(doors: Doors) -> None:
    """The actor page draws the API's timeline; the instrument page draws each participant joining and leaving
    on the same days (the derived bounds), with a note where the date is not the participation's own."""
    expected: Counter[tuple[str, str, str, bool]] = Counter()
    instruments: set[str] = set()
    for actor in sorted(_participations(doors)):
        name = doors.api(f"/actors/{actor}")["name"] or actor
        for entries in _timeline(doors, actor).values():
            for kind, e in entries.items():
                instruments.add(e["instrument"]["id"])
                if kind != "participation-undated":
                    verb = "joins" if kind == "participation-start" else "leaves"
                    key = (e["instrument"]["id"], f"{name} {verb}", e["date"], e["date_basis"] != "stated")
                    expected[key] += 1
    drawn: Counter[tuple[str, str, str, bool]] = Counter()
    for instrument in sorted(instruments):
        picture = explorer.instrument_timeline(services.get_instrument(store=doors.store, instrument_id=instrument))
        for item in picture.items:
            if item.kind.startswith("participation-"):
                first = dt.date.fromisoformat(f"{item.date}-01-01"[:10]).isoformat()
                drawn[(instrument, item.label, first, item.basis is not None)] += 1
    assert drawn == expected
    page = doors.client.get("/page/actor/canada")
    assert page.status_code == 200
    assert "own start not stated: adoption of Council Decision (CFSP) 2023/385" in page.text


def test_an_actors_events_are_the_same_whichever_door(doors: Doors) -> None:
    """`/events?actor=`, the timeline's events and the catalog's `events_between` with an actor all list the
    events the actor took part in (EVENT_PARTICIPANT), not those about its instruments: for every actor."""
    actors = [
        str(r[0]) for r in doors.store.run("MATCH (a:Actor)<-[:EVENT_PARTICIPANT]-(:Event) RETURN DISTINCT a.id").rows
    ]
    assert len(actors) > 20
    window = {"from": "1900-01-01", "to": "2100-12-31"}
    for actor in sorted(actors):
        events = sorted(e["id"] for e in doors.api_list("/events", actor=actor, **window))
        timeline = sorted(
            e["record"] for e in doors.api_list("/timeline", actor=actor, **window) if e["kind"] == "event"
        )
        catalog = sorted(
            r["event"]
            for r in doors.catalog("events_between", from_date="1900-01-01", to_date="2100-12-31", actor=actor)
        )
        assert events == timeline == catalog and events, actor
