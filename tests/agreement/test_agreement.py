"""One answer, whichever door: researcher questions asked through the web API, a catalog query and SPARQL.

Each question is answered three times over the same loaded store and normalised to the same shape (ids and
dates shown in their precision with `eucan.dates.display`); the three answers must be equal, and each must
contain (and leave out) the records named beside the question, so a door that answers nothing fails too.
Where the API has no as-of parameter (officials, members), its periods are read with the one documented
rule (`eucan.dates.holds_on`): start_first <= D <= end_last, a missing bound being open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eucan.dates import display, holds_on
from tests.agreement.conftest import Doors

Row = tuple[Any, ...]
Answer = list[Row]


def _api_period(period: dict[str, Any]) -> tuple[str | None, str | None, bool]:
    return (
        display(period["start"], period["start_precision"]),
        display(period["end"], period["end_precision"]),
        period["undated"],
    )


def _holds(period: dict[str, Any], day: str) -> bool:
    """The as-of rule, read off an API period (its derived bounds)."""
    return holds_on(period["start_first"], period["end_last"], day)


def _sparql_period(row: dict[str, str | None], v: str) -> tuple[str | None, str | None, bool]:
    start, end = row[f"{v}_s"], row[f"{v}_e"]
    return display(start, row[f"{v}_sp"]), display(end, row[f"{v}_ep"]), start is None and end is None


def _period_pattern(v: str) -> str:
    return (
        f"OPTIONAL {{ ?{v} ecs:startDate ?{v}_s ; ecs:startDatePrecision ?{v}_sp }}\n"
        f"OPTIONAL {{ ?{v} ecs:endDate ?{v}_e ; ecs:endDatePrecision ?{v}_ep }}\n"
    )


def _as_of(v: str, day: str) -> str:
    """The one as-of rule in SPARQL (docs/sparql.md)."""
    return (
        f'FILTER NOT EXISTS {{ ?{v} ecs:startDateFirst ?{v}_s0 FILTER(?{v}_s0 > "{day}"^^xsd:date) }}\n'
        f'FILTER NOT EXISTS {{ ?{v} ecs:endDateLast ?{v}_e0 FILTER(?{v}_e0 < "{day}"^^xsd:date) }}\n'
    )


def _en(var: str) -> str:
    return f'FILTER(lang(?{var}) = "en")'


# -- families of questions ---------------------------------------------------------------------


def participations_as_of(d: Doors, actor: str, day: str) -> dict[str, Answer]:
    """Which instruments did ACTOR take part in (itself, not through its parts) on DAY, with which period?"""
    api = [
        (r["instrument"]["id"], r["record"], *_api_period(r["period"]))
        for r in d.api_list("/cooperation", actor=actor, as_of=day)
    ]
    catalog = [
        (r["instrument"], r["record"], r["since"], r["until"], r["undated"])
        for r in d.catalog("actor_participations", actor=actor, as_of=day)
        if r["through"] == actor
    ]
    sparql = [
        (r["i"], r["p_id"], *_sparql_period(r, "p"))
        for r in d.sparql(
            f"""SELECT ?i ?p_id ?p_s ?p_sp ?p_e ?p_ep WHERE {{
              ?p a ecs:Participation ; dcterms:identifier ?p_id ; ecs:participant ?a ; ecs:instrument ?inst .
              ?a dcterms:identifier "{actor}" . ?inst dcterms:identifier ?i .
              {_period_pattern("p")}{_as_of("p", day)}}}"""
        )
    ]
    return {"api": api, "catalog": catalog, "sparql": sparql}


def partners_as_of(d: Doors, actor: str, day: str) -> dict[str, Answer]:
    """Who shared an instrument with ACTOR on DAY (both participations holding that day), through what?"""
    api = [
        (r["partner"]["id"], tuple(sorted({s["instrument"]["id"] for s in r["instruments"]})))
        for r in d.api_list(f"/actors/{actor}/partners", as_of=day)
    ]
    catalog = [
        (r["partner"], tuple(sorted(r["instruments"]))) for r in d.catalog("actor_partners", actor=actor, as_of=day)
    ]
    pairs: dict[str, set[str]] = {}
    for r in d.sparql(
        f"""SELECT DISTINCT ?b ?i WHERE {{
          ?p ecs:participant ?a ; ecs:instrument ?inst . ?a dcterms:identifier "{actor}" .
          ?q ecs:participant ?other ; ecs:instrument ?inst . ?other dcterms:identifier ?b .
          ?inst dcterms:identifier ?i . FILTER(?other != ?a)
          {_as_of("p", day)}{_as_of("q", day)}}}"""
    ):
        pairs.setdefault(str(r["b"]), set()).add(str(r["i"]))
    sparql = [(b, tuple(sorted(i))) for b, i in pairs.items()]
    return {"api": api, "catalog": catalog, "sparql": sparql}


def officials_as_of(d: Doors, organisation: str, day: str) -> dict[str, Answer]:
    """Who held each post of ORGANISATION on DAY?"""
    actor = d.api(f"/actors/{organisation}")
    api = [
        (post["name"], t["holder"]["id"], *_api_period(t["period"])[:2])
        for post in actor["posts"]
        for t in post["tenures"]
        if _holds(t["period"], day)
    ]
    catalog = [
        (r["post"], r["person"], r["since"], r["until"])
        for r in d.catalog("officials_as_of", as_of=day, organisation=organisation)
    ]
    sparql = [
        (r["post"], r["person"], *_sparql_period(r, "t")[:2])
        for r in d.sparql(
            f"""SELECT ?post ?person ?t_s ?t_sp ?t_e ?t_ep WHERE {{
              ?t a ecs:Tenure ; ecs:holder ?h ; ecs:post ?p . ?h dcterms:identifier ?person .
              ?p skos:prefLabel ?post ; ecs:postIn ?o . ?o dcterms:identifier "{organisation}" . {_en("post")}
              {_period_pattern("t")}{_as_of("t", day)}}}"""
        )
    ]
    return {"api": api, "catalog": catalog, "sparql": sparql}


def members_as_of(d: Doors, organisation: str, day: str) -> dict[str, Answer]:
    """Who was a member of ORGANISATION on DAY, on which membership records?"""
    grouped: dict[str, set[str]] = {}
    for m in d.api(f"/actors/{organisation}")["members"]:
        if _holds(m["period"], day):
            grouped.setdefault(m["member"]["id"], set()).add(m["record"])
    api = [(k, tuple(sorted(v))) for k, v in grouped.items()]
    catalog = [
        (r["member"], tuple(sorted(r["records"])))
        for r in d.catalog("members_as_of", organisation=organisation, as_of=day)
    ]
    grouped = {}
    for r in d.sparql(
        f"""SELECT ?member ?record WHERE {{
          ?m a ecs:Membership ; dcterms:identifier ?record ; ecs:member ?s ; ecs:organisation ?o .
          ?o dcterms:identifier "{organisation}" . ?s dcterms:identifier ?member .
          {_as_of("m", day)}}}"""
    ):
        grouped.setdefault(str(r["member"]), set()).add(str(r["record"]))
    sparql = [(k, tuple(sorted(v))) for k, v in grouped.items()]
    return {"api": api, "catalog": catalog, "sparql": sparql}


def post_holders(d: Doors, organisation: str, post: str) -> dict[str, Answer]:
    """Who held POST, over which periods?"""
    actor = d.api(f"/actors/{organisation}")
    api = [
        (t["holder"]["id"], t["record"], *_api_period(t["period"])[:2])
        for p in actor["posts"]
        if p["id"] == post
        for t in p["tenures"]
    ]
    catalog = [(r["person"], r["record"], r["since"], r["until"]) for r in d.catalog("post_holders", post=post)]
    sparql = [
        (r["person"], r["record"], *_sparql_period(r, "t")[:2])
        for r in d.sparql(
            f"""SELECT ?person ?record ?t_s ?t_sp ?t_e ?t_ep WHERE {{
              ?t a ecs:Tenure ; dcterms:identifier ?record ; ecs:holder ?h ; ecs:post ?p .
              ?h dcterms:identifier ?person . ?p dcterms:identifier "{post}" .
              {_period_pattern("t")}}}"""
        )
    ]
    return {"api": api, "catalog": catalog, "sparql": sparql}


def instrument_participants(d: Doors, instrument: str) -> dict[str, Answer]:
    """Who takes part in INSTRUMENT, in which role, over which period (undated said so)?"""
    api = [
        (p["actor"]["id"], p["role"], p["record"], *_api_period(p["period"]))
        for p in d.api(f"/instruments/{instrument}")["participants"]
    ]
    catalog = [
        (r["actor"], r["role"], r["record"], r["since"], r["until"], r["undated"])
        for r in d.catalog("instrument_participants", instrument=instrument)
    ]
    sparql = [
        (r["actor"], r["role"], r["record"], *_sparql_period(r, "p"))
        for r in d.sparql(
            f"""SELECT ?actor ?role ?record ?p_s ?p_sp ?p_e ?p_ep WHERE {{
              ?p a ecs:Participation ; dcterms:identifier ?record ; ecs:participant ?a ; ecs:instrument ?i .
              ?i dcterms:identifier "{instrument}" . ?a dcterms:identifier ?actor .
              OPTIONAL {{ ?p ecs:role ?r . ?r dcterms:identifier ?role }}
              {_period_pattern("p")}}}"""
        )
    ]
    return {"api": api, "catalog": catalog, "sparql": sparql}


_OWN = {
    "signed": ("signedDate", "signed", "signed_precision"),
    "provisionally applied": ("provisionalApplicationDate", "provisional_application", None),
    "enters into force": ("entryIntoForceDate", "entry_into_force", "entry_into_force_precision"),
}


def instrument_dates(d: Doors, instrument: str) -> dict[str, Answer]:
    """When was INSTRUMENT signed, applied, in force, started and ended, and where was it signed?"""
    raw = d.api(f"/instruments/{instrument}")
    api: Answer = [
        ("signed", display(raw["signed"], raw["signed_precision"])),
        ("provisionally applied", display(raw["provisional_application"], raw["provisional_application_precision"])),
        ("enters into force", display(raw["entry_into_force"], raw["entry_into_force_precision"])),
        ("starts", display(raw["period"]["start"], raw["period"]["start_precision"])),
        ("ends (last day)", display(raw["period"]["end"], raw["period"]["end_precision"])),
        ("place", raw["place"]),
    ]
    api = [row for row in api if row[1] is not None]
    own = [r for r in d.catalog("instrument_timeline", instrument=instrument) if r["record"] == instrument]
    catalog: Answer = [(r["event"], r["date"]) for r in own]
    catalog += [("place", "; ".join(r["place"])) for r in own if r["event"] == "signed" and r["place"]]
    props = {
        "signed": "signedDate",
        "provisionally applied": "provisionalApplicationDate",
        "enters into force": "entryIntoForceDate",
        "starts": "startDate",
        "ends (last day)": "endDate",
    }
    sparql: Answer = []
    for event, prop in props.items():
        for r in d.sparql(
            f"""SELECT ?v ?pr WHERE {{ ?i dcterms:identifier "{instrument}" ; a ecs:Instrument ;
              ecs:{prop} ?v ; ecs:{prop}Precision ?pr }}"""
        ):
            sparql.append((event, display(r["v"], r["pr"])))
    places = sorted(
        str(r["place"])
        for r in d.sparql(f'SELECT ?place WHERE {{ ?i dcterms:identifier "{instrument}" ; ecs:signedAt ?place }}')
    )
    sparql += [("place", "; ".join(places))] if places else []
    return {"api": api, "catalog": catalog, "sparql": sparql}


def actor_memberships(d: Doors, actor: str) -> dict[str, Answer]:
    """Which organisations was ACTOR a member of, over which periods?"""
    api = [
        (m["organisation"]["id"], m["record"], *_api_period(m["period"])[:2])
        for m in d.api(f"/actors/{actor}")["memberships"]
    ]
    catalog = [
        (r["organisation"], r["record"], r["since"], r["until"]) for r in d.catalog("actor_memberships", actor=actor)
    ]
    sparql = [
        (r["org"], r["record"], *_sparql_period(r, "m")[:2])
        for r in d.sparql(
            f"""SELECT ?org ?record ?m_s ?m_sp ?m_e ?m_ep WHERE {{
              ?m a ecs:Membership ; dcterms:identifier ?record ; ecs:member ?a ; ecs:organisation ?o .
              ?a dcterms:identifier "{actor}" . ?o dcterms:identifier ?org .
              {_period_pattern("m")}}}"""
        )
    ]
    return {"api": api, "catalog": catalog, "sparql": sparql}


def instruments_of_type(d: Doors, kind: str) -> dict[str, Answer]:
    """How many instruments of type KIND are there, and which?"""
    api = [(i["id"],) for i in d.api_list("/instruments", type=kind)]
    catalog = [(r["instrument"],) for r in d.catalog("instruments_by_type", type=kind) if r["instrument_type"] == kind]
    sparql = [(r["id"],) for r in d.sparql(f"SELECT ?id WHERE {{ ?i a ecs:{kind} ; dcterms:identifier ?id }}")]
    return {"api": api, "catalog": catalog, "sparql": sparql}


_CSDP = ("CsdpMission", "CsdpOperation")


def csdp_started_by(d: Doors, actor: str, day: str) -> dict[str, Answer]:
    """Which of ACTOR's own dated CSDP contributions began on or before DAY, and when? (The timeline also dates
    contributions that state no start, from their mission's start: `date_basis` tells them apart.)"""
    api = [
        (e["record"], display(e["date"], e["precision"]))
        for e in d.api_list("/timeline", actor=actor, to=day)
        if e["kind"] == "participation-start" and e["instrument"]["type"] in _CSDP and e["date_basis"] == "stated"
    ]
    catalog = [
        (r["record"], r["since"])
        for r in d.catalog("csdp_contributions", actor=actor, to=day)
        if r["contributor"] == actor and not r["undated"] and r["since"] is not None
    ]
    sparql = [
        (r["record"], display(r["s"], r["sp"]))
        for r in d.sparql(
            f"""SELECT ?record ?s ?sp WHERE {{
              ?p dcterms:identifier ?record ; ecs:participant ?a ; ecs:instrument ?i ;
                 ecs:startDate ?s ; ecs:startDatePrecision ?sp .
              ?a dcterms:identifier "{actor}" . ?i ecs:partOf ?csdp . ?csdp dcterms:identifier "csdp" .
              FILTER(?s <= "{day}"^^xsd:date) }}"""
        )
    ]
    return {"api": api, "catalog": catalog, "sparql": sparql}


def national_operations(d: Doors, actor: str) -> dict[str, Answer]:
    """Under which national operation did ACTOR contribute to each CSDP operation?"""
    api = [
        (r["instrument"]["id"], r["record"], r["national_operation"])
        for r in d.api_list("/cooperation", actor=actor, instrument_type="CsdpOperation")
    ]
    catalog = [
        (r["mission"], r["record"], "; ".join(r["national_operation"]) if r["national_operation"] else None)
        for r in d.catalog("csdp_contributions", actor=actor)
        if r["contributor"] == actor and r["mission_type"] == "CsdpOperation"
    ]
    sparql = [
        (r["i"], r["record"], r["op"])
        for r in d.sparql(
            f"""SELECT ?i ?record ?op WHERE {{
              ?p dcterms:identifier ?record ; ecs:participant ?a ; ecs:instrument ?inst .
              ?a dcterms:identifier "{actor}" . ?inst a ecs:CsdpOperation ; dcterms:identifier ?i .
              OPTIONAL {{ ?p ecs:nationalOperation ?op }} }}"""
        )
    ]
    return {"api": api, "catalog": catalog, "sparql": sparql}


def pesco_as_of(d: Doors, actor: str, day: str) -> dict[str, Answer]:
    """Which PESCO projects did ACTOR (a third state) take part in on DAY; which of them are undated?"""
    api = [
        (r["instrument"]["id"], r["period"]["undated"])
        for r in d.api_list("/cooperation", actor=actor, instrument_type="PescoProject", as_of=day)
    ]
    catalog = [
        (r["project"], r["undated"]) for r in d.catalog("pesco_third_states", as_of=day) if r["third_state"] == actor
    ]
    sparql = [
        (r["i"], r["s"] is None and r["e"] is None)
        for r in d.sparql(
            f"""SELECT ?i ?s ?e WHERE {{
              ?p ecs:participant ?a ; ecs:instrument ?inst . ?a dcterms:identifier "{actor}" .
              ?inst a ecs:PescoProject ; dcterms:identifier ?i .
              OPTIONAL {{ ?p ecs:startDate ?s }} OPTIONAL {{ ?p ecs:endDate ?e }}
              {_as_of("p", day)}}}"""
        )
    ]
    return {"api": api, "catalog": catalog, "sparql": sparql}


def events_of(d: Doors, actor: str, first: str, last: str) -> dict[str, Answer]:
    """Which events did ACTOR take part in between FIRST and LAST, when (in their precision) and where?
    Asked of the API twice: its timeline and `/events?actor=` (both: the events the actor is a participant
    of, not those about its instruments, as the catalog's `events_between`)."""
    api = [
        (e["record"], display(e["date"], e["precision"]), e["place"])
        for e in d.api_list("/timeline", actor=actor, **{"from": first, "to": last})
        if e["kind"] == "event"
    ]
    events = [
        (e["id"], display(e["date"], e["date_precision"]), e["place"])
        for e in d.api_list("/events", actor=actor, **{"from": first, "to": last})
    ]
    catalog = [
        (r["event"], r["date"], "; ".join(r["place"]) if r["place"] else None)
        for r in d.catalog("events_between", from_date=first, to_date=last, actor=actor)
    ]
    places: dict[tuple[str, str | None], list[str]] = {}
    for r in d.sparql(
        f"""SELECT ?event ?date ?pr ?place WHERE {{
          ?e a ecs:Event ; dcterms:identifier ?event ; ecs:eventParticipant ?a ; ecs:date ?date ; ecs:datePrecision ?pr .
          ?a dcterms:identifier "{actor}" .
          OPTIONAL {{ ?e ecs:place ?place }}
          FILTER(?date >= "{first}"^^xsd:date && ?date <= "{last}"^^xsd:date) }}"""
    ):
        key = (str(r["event"]), display(r["date"], r["pr"]))
        places.setdefault(key, []).extend([str(r["place"])] if r["place"] else [])
    sparql = [(e, day, "; ".join(sorted(p)) or None) for (e, day), p in places.items()]
    return {"api": api, "events": events, "catalog": catalog, "sparql": sparql}


# -- the questions -----------------------------------------------------------------------------

Family = Callable[..., dict[str, Answer]]
# (family, arguments, rows (tuples) or values the answer must hold, values no row may hold)
QUESTIONS: list[tuple[Family, tuple[str, ...], list[Any], list[str]]] = [
    # as-of on both sides of a year end (EUPM: start 2003, end 2005; Global Partnership chair: 2025)
    (participations_as_of, ("canada", "2002-12-31"), [], ["eupm-bih"]),
    (participations_as_of, ("canada", "2003-01-01"), [("eupm-bih", "part-canada-eupm-bih", "2003", "2005", False)], []),
    (participations_as_of, ("canada", "2005-06-01"), ["eupm-bih", "eufor-althea"], []),
    (participations_as_of, ("canada", "2005-12-31"), ["eupm-bih"], []),
    (participations_as_of, ("canada", "2006-01-01"), ["eufor-althea"], ["eupm-bih"]),
    (participations_as_of, ("rcmp", "2005-12-31"), [("eupm-bih", "part-rcmp-eupm-bih", None, "2005", False)], []),
    (participations_as_of, ("rcmp", "2006-01-01"), [], ["eupm-bih"]),
    (participations_as_of, ("canada", "2025-12-31"), ["chair-canada-gp-2025"], []),
    (participations_as_of, ("canada", "2026-01-01"), [], ["chair-canada-gp-2025", "eupm-bih"]),
    # day-precision ends: last day in, the day after out
    (participations_as_of, ("canada", "2003-07-11"), ["artemis-drc"], []),
    (participations_as_of, ("canada", "2003-07-12"), [], ["artemis-drc"]),
    (participations_as_of, ("canada", "2007-03-31"), ["eufor-althea"], []),
    (participations_as_of, ("canada", "2007-04-01"), [], ["eufor-althea"]),
    # a month-precision start (EUMA Armenia, "2024-04"), on both sides of the month's first day
    (participations_as_of, ("canada", "2024-03-31"), [], ["euma-armenia"]),
    (
        participations_as_of,
        ("canada", "2024-04-01"),
        [("euma-armenia", "part-canada-euma-armenia", "2024-04", None, False)],
        [],
    ),
    # undated participations are kept on any day within their instrument's period, flagged
    (
        participations_as_of,
        ("canada", "2025-06-23"),
        [("pesco-netloghubs", "part-canada-pesco-netloghubs", None, None, True), "sdp-2025"],
        [],
    ),
    # a participation that states no end (or start) ends (or starts) with its instrument: EUPOL Afghanistan
    # ended 2016-12-31, EUCAP Sahel Mali 2025-01-31, EUAM Iraq 2026-04-30, EUPOL COPPS 2026-06-30
    (participations_as_of, ("canada", "2026-04-30"), ["euam-iraq", "eupol-copps"], ["eucap-sahel-mali"]),
    (
        participations_as_of,
        ("canada", "2026-12-01"),
        [("euam-ukraine", "part-canada-euam-ukraine", None, None, True), "euma-armenia"],
        ["eupol-afghanistan", "eucap-sahel-mali", "euam-iraq", "eupol-copps"],
    ),
    # EUPM (end 2005) links canada and the rcmp through the last day of 2005; their undated ones within
    # their missions' periods (EUPOL COPPS from 2006-01-01, EUPOL Afghanistan from 2007-06-15, ...);
    # the RCMP's Europol participation (start 2005, year precision) holds from 2005-01-01
    (partners_as_of, ("canada", "2005-06-01"), [("rcmp", ("canada-europol-cooperation-agreement", "eupm-bih"))], []),
    (
        partners_as_of,
        ("canada", "2006-01-01"),
        [("rcmp", ("canada-europol-cooperation-agreement", "eupol-copps")), "canadian-armed-forces"],
        [],
    ),
    (
        partners_as_of,
        ("canada", "2016-12-31"),
        [
            (
                "rcmp",
                (
                    "canada-europol-cooperation-agreement",
                    "euam-ukraine",
                    "eucap-sahel-mali",
                    "eupol-afghanistan",
                    "eupol-copps",
                ),
            )
        ],
        [],
    ),
    (
        partners_as_of,
        ("canada", "2026-12-01"),
        [("rcmp", ("canada-europol-cooperation-agreement", "euam-ukraine"))],
        [],
    ),
    (partners_as_of, ("canada", "2024-01-01"), ["eu"], []),
    (partners_as_of, ("canada", "2025-06-23"), ["eu", "kaja-kallas"], []),
    (partners_as_of, ("germany", "2022-06-30"), ["canada"], []),
    # successions on hand-over days: one holder per post
    (
        officials_as_of,
        ("canada", "2025-03-13"),
        [("Prime Minister of Canada", "justin-trudeau", "2015-11-04", "2025-03-13")],
        [],
    ),
    (officials_as_of, ("canada", "2025-03-14"), ["Prime Minister of Canada"], ["justin-trudeau"]),
    (
        officials_as_of,
        ("canada", "2025-05-12"),
        [
            ("Minister of National Defence (Canada)", "bill-blair", "2023-07-26", "2025-05-12"),
            ("Minister of Public Safety (Canada)", "david-mcguinty", "2024-12-20", "2025-05-12"),
        ],
        ["anita-anand", "gary-anandasangaree"],
    ),
    (officials_as_of, ("canada", "2025-05-13"), [], ["melanie-joly", "bill-blair"]),
    (officials_as_of, ("canada", "2023-07-25"), [], []),
    (officials_as_of, ("canada", "2023-07-26"), [], []),
    (officials_as_of, ("eu", "2024-11-30"), [], []),
    (officials_as_of, ("eu", "2024-12-01"), [], []),
    (officials_as_of, ("nato", "2024-09-30"), [], []),
    (officials_as_of, ("nato", "2024-10-01"), [], []),
    (members_as_of, ("nato", "2023-04-03"), ["canada"], ["finland"]),
    (members_as_of, ("nato", "2023-04-04"), ["finland"], ["sweden"]),
    (members_as_of, ("eu", "2020-01-31"), ["united-kingdom"], []),
    (members_as_of, ("eu", "2020-02-01"), ["germany"], ["united-kingdom"]),
    (members_as_of, ("nato", "2024-03-06"), ["finland"], ["sweden"]),
    (members_as_of, ("nato", "2024-03-07"), ["sweden"], []),
    (members_as_of, ("g7-rrm", "2018-06-01"), ["canada"], []),
    (post_holders, ("canada", "canada-prime-minister"), ["justin-trudeau", "mark-carney"], []),
    (post_holders, ("canada", "canada-minister-national-defence"), ["anita-anand", "bill-blair", "david-mcguinty"], []),
    (post_holders, ("canada", "canada-minister-foreign-affairs"), ["melanie-joly", "anita-anand"], []),
    (post_holders, ("eu", "hrvp"), ["federica-mogherini", "josep-borrell", "kaja-kallas"], []),
    (post_holders, ("nato", "nato-secretary-general"), ["jens-stoltenberg", "mark-rutte"], []),
    (instrument_participants, ("sdp-2025",), ["canada", "eu", "kaja-kallas"], []),
    (instrument_participants, ("eupm-bih",), ["canada", "rcmp"], []),
    (instrument_participants, ("artemis-drc",), ["canada", "canadian-armed-forces"], []),
    (instrument_participants, ("euma-armenia",), ["canada"], []),
    (instrument_participants, ("pesco-netloghubs",), ["canada"], []),
    (instrument_participants, ("global-partnership-wmd",), ["canada", "germany", "italy"], []),
    (instrument_dates, ("sdp-2025",), [("signed", "2025-06-23")], []),
    (instrument_dates, ("eufor-althea",), ["starts"], []),
    (instrument_dates, ("eupm-bih",), [("starts", "2003-01-01"), ("ends (last day)", "2012-06-30")], []),
    (instrument_dates, ("eu-canada-pnr-2024",), [("signed", "2024-10-04")], []),
    (instrument_dates, ("eu-canada-fpa",), ["signed"], []),
    (instrument_dates, ("eu-canada-raw-materials-partnership",), [("starts", "2021-06-14")], []),
    (instrument_dates, ("counter-ransomware-initiative",), [("starts", "2021-10-13")], []),
    (actor_memberships, ("united-kingdom",), ["eu", "nato"], []),
    (actor_memberships, ("finland",), ["eu", "nato"], []),
    (actor_memberships, ("canada",), ["nato", "g7-rrm"], []),
    (instruments_of_type, ("PescoProject",), ["pesco-military-mobility", "pesco-netloghubs"], []),
    (instruments_of_type, ("CsdpMission",), ["eupm-bih", "euma-armenia"], ["eufor-althea"]),
    (instruments_of_type, ("CsdpOperation",), ["eufor-althea", "artemis-drc"], ["eupm-bih"]),
    (instruments_of_type, ("Agreement",), ["eu-canada-pnr-2024"], []),
    (csdp_started_by, ("canada", "2009-12-31"), [("part-canada-eupm-bih", "2003")], []),
    (national_operations, ("canada",), [("eufor-althea", "part-canada-eufor-althea", "Operation BOREAS")], []),
    # NetLogHubs: no start stated; from the Council decision admitting Canada (2023-02-20), eucan.dates.not_before
    (pesco_as_of, ("canada", "2021-12-14"), [("pesco-military-mobility", False)], ["pesco-netloghubs"]),
    (pesco_as_of, ("canada", "2023-02-19"), [("pesco-military-mobility", False)], ["pesco-netloghubs"]),
    (pesco_as_of, ("canada", "2023-02-20"), [("pesco-military-mobility", False), ("pesco-netloghubs", True)], []),
    (pesco_as_of, ("canada", "2025-06-30"), [("pesco-military-mobility", False), ("pesco-netloghubs", True)], []),
    (events_of, ("canada", "2025-01-01", "2025-12-31"), ["summit-2025", "signature-sdp-2025"], []),
    (events_of, ("canada", "2024-01-01", "2024-12-31"), [], []),
    (events_of, ("canada", "2023-01-01", "2023-12-31"), [], []),
    (events_of, ("canada", "1900-01-01", "2100-12-31"), ["summit-2025", "signature-sdp-2025"], []),
    (events_of, ("eu", "2025-01-01", "2025-12-31"), ["summit-2025"], []),
]


def _id(question: tuple[Family, tuple[str, ...], list[Any], list[str]]) -> str:
    return f"{question[0].__name__}[{','.join(question[1])}]"


def test_there_are_at_least_forty_questions() -> None:
    assert len(QUESTIONS) >= 40


@pytest.mark.parametrize("question", QUESTIONS, ids=[_id(q) for q in QUESTIONS])
def test_every_door_gives_the_same_answer(
    doors: Doors, question: tuple[Family, tuple[str, ...], list[Any], list[str]]
) -> None:
    family, args, present, absent = question
    answers = {door: sorted(rows, key=repr) for door, rows in family(doors, *args).items()}
    assert answers["api"] == answers["catalog"], f"API and catalog disagree:\n{answers}"
    assert answers["api"] == answers["sparql"], f"API and SPARQL disagree:\n{answers}"
    answer = answers["api"]
    assert answer, "no door answered anything"
    for expected in present:  # a whole row, or a value some row holds
        assert (expected in answer) if isinstance(expected, tuple) else any(expected in row for row in answer), (
            expected,
            answer,
        )
    for unexpected in absent:
        assert not any(unexpected in row for row in answer), (unexpected, answer)
    if family is officials_as_of:
        posts = [row[0] for row in answer]
        assert len(posts) == len(set(posts)), f"a post has two holders on {args[1]}: {answer}"
