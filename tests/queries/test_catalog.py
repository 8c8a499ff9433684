"""Every researcher query in the catalog runs on the curated data, returns its declared columns and a known answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eucan.graph.readonly import ensure_read_only
from eucan.graph.store import GraphStore
from eucan.queries.catalog import NamedQuery, list_queries
from eucan.queries.runner import run_named

Rows = list[dict[str, Any]]
RESEARCHER = list_queries()  # the researchers' catalog; internal queries live in queries/internal/


def run(store: GraphStore, name: str, **params: Any) -> Rows:
    return run_named(store=store, name=name, params=params).records()


def by(rows: Rows, key: str) -> dict[Any, dict[str, Any]]:
    return {row[key]: row for row in rows}


def column(rows: Rows, key: str) -> list[Any]:
    return [row[key] for row in rows]


# Known answers, checked against data/*.yaml. Each takes the rows of the query run with its
# documented example parameters, plus the store for answers that need other parameters.


def _actor_partners(rows: Rows, store: GraphStore) -> None:
    partners = by(rows, "partner")
    assert rows[0]["partner"] == "eu"
    assert {"sdp-2025", "eu-canada-fpa", "eu-canada-pnr-2024"} <= set(partners["eu"]["instruments"])
    assert partners["eu"]["shared"] == len(partners["eu"]["instruments"])
    assert "pesco-military-mobility" in partners["norway"]["instruments"]
    assert "canada" not in partners
    before = by(run(store, "actor_partners", actor="canada", as_of="2024-01-01"), "partner")
    assert "sdp-2025" not in before["eu"]["instruments"]  # signed 2025-06-23


def _actor_participations(rows: Rows, store: GraphStore) -> None:
    seen = {(r["instrument"], r["through"], r["role"]) for r in rows}
    assert ("sdp-2025", "canada", "party") in seen
    assert ("euam-ukraine", "rcmp", "contributor") in seen
    assert by(rows, "record")["part-canada-eufor-althea"]["until"] == "2007-03-31"
    in_2010 = {r["instrument"] for r in run(store, "actor_participations", actor="canada", as_of="2010-01-01")}
    assert "eufor-althea" not in in_2010 and "eu-canada-fpa" in in_2010


def _domain_cooperation(rows: Rows, store: GraphStore) -> None:
    actors = by(rows, "actor")
    assert rows[0]["actor"] == "canada"
    assert {"pesco-military-mobility", "pesco-netloghubs", "sdp-2025"} <= set(actors["canada"]["instruments"])
    assert actors["netherlands"]["instruments"] == ["pesco-military-mobility"]


def _cooperation_domains(rows: Rows, store: GraphStore) -> None:
    assert len(rows) == 16
    assert rows[0]["domain"] == "crisis-management"
    assert {"eufor-althea", "euam-ukraine"} <= set(rows[0]["instruments"])
    assert by(rows, "domain")["support-to-ukraine"]["name_fr"] == "Soutien à l'Ukraine"


def _instruments_by_type(rows: Rows, store: GraphStore) -> None:
    projects = by(rows, "instrument")
    assert {"pesco-military-mobility", "pesco-netloghubs"} <= set(projects)
    mm = projects["pesco-military-mobility"]["participants"]
    assert {
        "netherlands (coordinator)",
        "canada (participant)",
        "norway (participant)",
        "united-states (participant)",
    } <= set(mm)
    assert all(r["instrument_type"] == "PescoProject" for r in rows)
    csdp = {r["instrument_type"] for r in run(store, "instruments_by_type", type="Csdp")}
    assert csdp == {"CsdpMission", "CsdpOperation"}


def _instrument_participants(rows: Rows, store: GraphStore) -> None:
    actors = by(rows, "actor")
    assert actors["canada"]["role"] == "party" and actors["eu"]["role"] == "party"
    assert actors["kaja-kallas"]["role"] == "signatory" and actors["kaja-kallas"]["on_behalf_of"] == "eu"
    assert actors["anita-anand"]["on_behalf_of"] == "canada"
    assert actors["david-mcguinty"]["since"] == "2025-06-23"


def _csdp_contributions(rows: Rows, store: GraphStore) -> None:
    missions = {r["mission"] for r in rows}
    assert {"eupm-bih", "artemis-drc", "eufor-althea", "eupol-afghanistan", "euam-ukraine", "euma-armenia"} <= missions
    althea = [r for r in rows if r["mission"] == "eufor-althea" and r["contributor"] == "canada"][0]
    assert (
        althea["period"] == "2000s"
        and althea["personnel"] == 11
        and althea["national_operation"] == ["Operation BOREAS"]
    )
    assert [r["period"] for r in rows] == sorted(r["period"] for r in rows)
    recent = {r["mission"] for r in run(store, "csdp_contributions", actor="canada", **{"from": "2010-01-01"})}
    assert "eupm-bih" not in recent and "euma-armenia" in recent


def _pesco_third_states(rows: Rows, store: GraphStore) -> None:
    pairs = {(r["project"], r["third_state"]) for r in rows}
    assert {("pesco-military-mobility", s) for s in ("canada", "norway", "united-states", "united-kingdom")} <= pairs
    assert ("pesco-netloghubs", "canada") in pairs
    assert not any(r["third_state"] in ("netherlands", "germany", "france") for r in rows)
    mm = [r for r in rows if r["project"] == "pesco-military-mobility"][0]
    assert mm["coordinators"] == ["netherlands"]
    canada_mm = [r for r in rows if r["project"] == "pesco-military-mobility" and r["third_state"] == "canada"][0]
    assert canada_mm["since"] == "2021-12-14" and "la-2021-748-cfsp" in canada_mm["legal_basis"]
    early = run(store, "pesco_third_states", as_of="2022-01-01")
    dated = {(r["project"], r["third_state"]) for r in early if not r["undated"]}
    assert dated == {("pesco-military-mobility", s) for s in ("canada", "norway", "united-states")}
    # undated participations hold from the Council decision admitting them (eucan.dates.not_before: the UK
    # 2022-11-14, Canada in NetLogHubs 2023-02-20, Switzerland 2025-01-13), not from the projects' start
    assert not any(r["undated"] for r in early)
    late = run(store, "pesco_third_states", as_of="2026-12-01")
    undated = {(r["project"], r["third_state"]) for r in late if r["undated"]}
    assert undated == {
        ("pesco-military-mobility", "united-kingdom"),
        ("pesco-military-mobility", "switzerland"),
        ("pesco-netloghubs", "canada"),
    }
    assert all(r["since"] is None for r in late if r["undated"])
    between = {(r["project"], r["third_state"]) for r in run(store, "pesco_third_states", as_of="2023-01-01")}
    assert ("pesco-military-mobility", "united-kingdom") in between and ("pesco-netloghubs", "canada") not in between


def _in_force_as_of(rows: Rows, store: GraphStore) -> None:
    ids = set(column(rows, "instrument"))
    assert {"euma-armenia", "euam-ukraine", "pesco", "eu-canada-security-defence-dialogue"} <= ids
    assert not ids & {"eupol-afghanistan", "sdp-2025", "eupm-bih"}
    assert "LegalAct" not in set(column(rows, "instrument_type"))
    missions = {r["instrument"] for r in run(store, "in_force_as_of", as_of="2013-01-01", type="CsdpMission")}
    assert "eupol-afghanistan" in missions  # 2007-06-15 .. 2016-12-31
    assert not missions & {"eupm-bih", "euma-armenia"}  # ended 2012-06-30; began 2023-02-20


def _actor_timeline(rows: Rows, store: GraphStore) -> None:
    assert rows[0]["date"] == "1949-04-04" and rows[0]["related"] == "nato"
    events = {(r["date"], r["related"]) for r in rows}
    assert ("2005-11-24", "eu-canada-fpa") in events
    assert ("2025-06-23", "sdp-2025") in events and ("2025-06-23", "summit-2025") in events
    dated = [r["date"] for r in rows if r["date"] is not None]
    assert dated == sorted(dated)


def _instrument_timeline(rows: Rows, store: GraphStore) -> None:
    records = [(r["date"], r["record"]) for r in rows]
    assert ("2017-12-06", "pnr-negotiating-mandate-2017") in records
    assert ("2024-10-04", "eu-canada-pnr-2024") in records
    assert ("2025-03-12", "ep-consent-pnr-2025") in records
    assert ("2025-04-14", "council-conclusion-pnr-2025") in records
    assert [d for d, _ in records] == sorted(d for d, _ in records)


def _membership_overlap(rows: Rows, store: GraphStore) -> None:
    overlap = {r["member"]: r["overlap"] for r in rows}
    assert overlap["germany"] == overlap["finland"] == overlap["sweden"] == "both"
    assert {m for m, o in overlap.items() if o == "eu only"} == {"austria", "cyprus", "ireland", "malta"}
    assert {"canada", "norway", "united-kingdom", "united-states"} <= {
        m for m, o in overlap.items() if o == "nato only"
    }
    in_2019 = {
        r["member"]: r["overlap"]
        for r in run(store, "membership_overlap", org_a="eu", org_b="nato", as_of="2019-01-01")
    }
    assert in_2019["united-kingdom"] == "both" and in_2019["sweden"] == "eu only"


def _members_not_in(rows: Rows, store: GraphStore) -> None:
    assert column(rows, "member") == ["austria", "cyprus", "ireland", "malta"]
    assert by(rows, "member")["austria"]["member_since"] == "1995-01-01"
    in_2020 = column(run(store, "members_not_in", member_of="eu", not_member_of="nato", as_of="2020-01-01"), "member")
    assert {"finland", "sweden"} <= set(in_2020)
    nato_only = column(run(store, "members_not_in", member_of="nato", not_member_of="eu", as_of="2025-01-01"), "member")
    assert {"canada", "norway", "united-kingdom", "united-states"} <= set(nato_only) and "germany" not in nato_only


def _members_as_of(rows: Rows, store: GraphStore) -> None:
    members = by(rows, "member")
    assert {"canada", "germany"} <= set(members)
    assert not {"finland", "sweden"} & set(members)
    assert members["canada"]["member_since"] == "1949-04-04"
    assert len(members["canada"]["records"]) == 2  # two sources disagree on the date


def _actor_memberships(rows: Rows, store: GraphStore) -> None:
    orgs = by(rows, "organisation")
    assert (orgs["eu"]["since"], orgs["eu"]["until"]) == ("1973-01-01", "2020-01-31")
    assert orgs["nato"]["since"] == "1949-04-04" and orgs["nato"]["until"] is None


def _paths_between_actors(rows: Rows, store: GraphStore) -> None:
    assert {r["hops"] for r in rows} == {2}
    assert {"canada -> nato -> norway", "canada -> pesco-military-mobility -> norway"} <= set(column(rows, "route"))
    far = run(store, "paths_between_actors", actor="rcmp", other="kaja-kallas")
    assert far and far[0]["hops"] == 3 and far[0]["via"] == ["canada", "sdp-2025"]


def _fact_sources(rows: Rows, store: GraphStore) -> None:
    source = by(rows, "source")["eeas-2025-06-23-sdp"]
    assert source["primary_source"] is True and source["published"] == "2025-06-23"
    assert "Security and Defence Partnership" in source["quote"]
    assert source["url"] in source["citation"] and "retrieved" in source["citation"]


def _single_source_facts(rows: Rows, store: GraphStore) -> None:
    facts = by(rows, "record")
    assert facts["nato-membership-spain-1982-05-29"]["source"] == "spectroom-spain-nato"
    assert facts["nato-membership-spain-1982-05-29"]["primary_source"] is False
    assert (
        facts["la-2021-2309-cfsp"]["source"] == "eurlex-32021d2309"
        and facts["la-2021-2309-cfsp"]["primary_source"] is True
    )
    assert "canada-europol-cooperation-agreement" not in facts  # Canada Treaty Series and the PCO release
    assert "part-denmark-pesco" not in facts  # three sources
    assert [r["primary_source"] for r in rows] == sorted(r["primary_source"] for r in rows)


def _secondary_only_facts(rows: Rows, store: GraphStore) -> None:
    facts = by(rows, "record")
    assert facts["tenure-mcguinty-public-safety"]["sources"] == [
        "castanet-2025-03-14-carney-cabinet",
        "cnw-2025-02-04-border-security",
        "onlanka-2025-05-14-anandasangaree",
        "politikinews-2024-12-20-ministry",
    ]
    assert "tenure-rutte-nato-secretary-general" not in facts  # NATO's own page is primary (round 5)
    assert "sdp-2025" not in facts  # EEAS announcement is primary


def _authority_links(rows: Rows, store: GraphStore) -> None:
    links = {(r["record"], r["scheme"]): r for r in rows}
    canada = links[("canada", "country")]
    assert canada["iri"] == "http://publications.europa.eu/resource/authority/country/CAN"
    assert canada["kind"] == "State" and canada["primary_source"] is True
    assert "op-eu-vocabularies-country" in canada["sources"]
    assert links[("eeas", "corporate-body")]["iri"].endswith("/corporate-body/EEAS")
    assert links[("la-2021-509-cfsp", "eli")]["iri"] == "http://data.europa.eu/eli/dec/2021/509/oj"
    assert [r["scheme"] for r in rows] == sorted(r["scheme"] for r in rows)
    only = run_named(store=store, name="authority_links", params={"id": "canada", "scheme": None}).records()
    assert [r["iri"] for r in only] == [canada["iri"]]


def _conflicting_facts(rows: Rows, store: GraphStore) -> None:
    pairs = {(r["record"], r["other"]) for r in rows}
    assert ("nato-membership-canada", "nato-membership-canada-1949-04-30") in pairs
    assert ("part-canada-artemis-archived", "part-canada-artemis-dhh") in pairs
    assert all(r["record"] < r["other"] for r in rows)  # each pair once
    canada = [r for r in rows if r["record"] == "nato-membership-canada"][0]
    assert canada["record_period"].startswith("1949-04-04") and canada["other_period"].startswith("1949-04-30")


def _sdp_domains(rows: Rows, store: GraphStore) -> None:
    domains = by(rows, "domain")
    assert len(rows) == 16
    assert {"eufor-althea", "euam-ukraine", "euma-armenia"} <= set(domains["crisis-management"]["instruments"])
    assert {"pesco-military-mobility", "pesco-netloghubs"} <= set(domains["military-mobility"]["instruments"])
    assert "sdp-2025" not in domains["military-mobility"]["instruments"]


def _officials_as_of(rows: Rows, store: GraphStore) -> None:
    people = set(column(rows, "person"))
    assert {"josep-borrell", "jens-stoltenberg", "justin-trudeau", "bill-blair", "ursula-von-der-leyen"} <= people
    assert not people & {"kaja-kallas", "mark-rutte", "mark-carney"}
    canada = {r["person"] for r in run(store, "officials_as_of", as_of="2025-06-23", organisation="canada")}
    assert {"mark-carney", "anita-anand", "david-mcguinty"} <= canada


def _post_holders(rows: Rows, store: GraphStore) -> None:
    assert column(rows, "person") == ["catherine-ashton", "federica-mogherini", "josep-borrell", "kaja-kallas"]
    assert rows[0]["since"] == "2009-12-01" and rows[0]["until"] == "2014-10-31"
    assert rows[2]["since"] == "2019-12-01" and rows[2]["until"] == "2024-11-30"


def _recent_facts(rows: Rows, store: GraphStore) -> None:
    changed = column(rows, "changed")
    assert changed == sorted(changed, reverse=True) and min(changed) >= "2025-09"
    precision = {"day": 10, "month": 7, "year": 4}
    assert all(len(r["changed"]) == precision[r["changed_precision"]] for r in rows)
    facts = by(rows, "record")
    assert facts["safe-canada-signature-authorised-2026"]["changed"] == "2026-02-11"
    assert "sdp-2025" not in facts  # published 2025-06-23
    retrieved = run(store, "recent_facts", since="2026-11-26", by="retrieved")
    assert "sdp-2025" in column(retrieved, "record")


def _events_between(rows: Rows, store: GraphStore) -> None:
    events = by(rows, "event")
    assert {"summit-2025", "signature-sdp-2025", "jmc-2025-11-11", "safe-canada-negotiations-concluded-2025"} <= set(
        events
    )
    assert events["signature-sdp-2025"]["instrument"] == "sdp-2025"
    assert {"canada", "eu", "kaja-kallas"} <= set(events["signature-sdp-2025"]["participants"])
    assert all(d.startswith("2025") for d in column(rows, "date"))
    assert events["signature-sdp-2025"]["date"] == "2025-06-23"
    assert all(r["date"] == "2025" for r in rows if r["date_precision"] == "year")
    canada = column(run(store, "events_between", from_date="2025-01-01", to_date="2025-12-31", actor="canada"), "event")
    assert "summit-2025" in canada and "council-conclusion-pnr-2025" not in canada


def _find_records(rows: Rows, store: GraphStore) -> None:
    assert column(rows, "id") == ["eufor-althea"]
    pnr = set(column(run(store, "find_records", text="PNR"), "id"))
    assert {"eu-canada-pnr-2006", "eu-canada-pnr-2014", "eu-canada-pnr-2024"} <= pnr
    assert "eeas" in column(run(store, "find_records", text="eeas"), "id")


def _legal_basis(rows: Rows, store: GraphStore) -> None:
    pairs = {(r["record"], r["legal_act"]) for r in rows}
    assert ("pesco-military-mobility", "la-2018-340-cfsp") in pairs
    assert ("part-canada-pesco-military-mobility", "la-2021-748-cfsp") in pairs
    assert ("part-canada-pesco-military-mobility", "la-2020-1639-cfsp") in pairs
    assert by(rows, "legal_act")["la-2021-748-cfsp"]["celex"] == "32021D0748"


KNOWN: dict[str, Callable[[Rows, GraphStore], None]] = {
    name.removeprefix("_"): check
    for name, check in list(globals().items())
    if name.startswith("_") and callable(check) and not name.startswith("__")
}


def test_catalog_has_at_least_20_researcher_queries() -> None:
    assert len(RESEARCHER) >= 20


@pytest.mark.parametrize("query", RESEARCHER, ids=lambda q: q.name)
def test_header_is_complete(query: NamedQuery) -> None:
    assert query.title and query.title != query.name
    assert len(query.description) > 40
    assert query.returns, "declare the columns with // @returns"
    assert query.examples, "describe the known answer with // @example"
    for param in query.parameters:
        assert param.example and param.description, param
    for param in query.parameters:
        assert f"${param.name}" in query.text, f"@param {param.name} is not used in the query"


@pytest.mark.parametrize("query", list_queries(include_internal=True), ids=lambda q: q.name)
def test_every_catalog_query_is_read_only(query: NamedQuery) -> None:
    ensure_read_only(query.text)


@pytest.mark.parametrize("query", RESEARCHER, ids=lambda q: q.name)
def test_query_returns_declared_columns_and_known_answer(store: GraphStore, query: NamedQuery) -> None:
    result = run_named(
        store=store, name=query.name, params={p.name: p.example for p in query.parameters if not p.optional}
    )
    assert result.columns == list(query.returns)
    assert result.rows, f"{query.name} returned nothing for its example parameters"
    assert query.name in KNOWN, f"add a known answer for {query.name} to this test"
    KNOWN[query.name](result.records(), store)


@pytest.mark.parametrize(
    "query", [q for q in RESEARCHER if any(p.optional for p in q.parameters)], ids=lambda q: q.name
)
def test_optional_parameters_run_with_their_examples(store: GraphStore, query: NamedQuery) -> None:
    result = run_named(store=store, name=query.name, params={p.name: p.example for p in query.parameters})
    assert result.columns == list(query.returns)


def test_results_are_deterministic(store: GraphStore) -> None:
    for query in RESEARCHER:
        params = {p.name: p.example for p in query.parameters if not p.optional}
        first = run_named(store=store, name=query.name, params=params).rows
        assert run_named(store=store, name=query.name, params=params).rows == first, query.name
