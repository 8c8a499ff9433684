"""Property-based round trip: random valid records → canonical RDF → store → export, isomorphic.

Generated graphs cover what a lossy mapping would drop or invent: dates at day, month and year
precision, English and French labels, several alternative names, several evidence excerpts
(quotes in en/fr), optional fields present or absent, integers, booleans and conflicts.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from eucan.graph.falkordb_store import FalkorDBStore
from eucan.linked.export import export
from eucan.loaders.rdf_builder import build_graph
from eucan.loaders.records import SECTION_MODELS
from eucan.ontology.mapping import graph_to_property_graph
from tests.utils.profiles import examples
from tests.utils.rdf import data_only, isomorphic

DOMAINS = ["maritime-security", "cyber-and-edt", "crisis-management"]
TEXT = st.text(
    alphabet=st.characters(categories=["L", "N", "Zs"], include_characters="'’-–.,;:()«»\"\\\néèçà🛡"),
    min_size=1,
    max_size=24,
).map(lambda s: s.strip() or "x")


@st.composite
def partial_dates(draw: Any, low: int = 1950, high: int = 2030) -> str:
    day = draw(st.dates(min_value=dt.date(low, 1, 1), max_value=dt.date(high, 12, 31)))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    forms: dict[str, str] = {"day": day.isoformat(), "month": day.strftime("%Y-%m"), "year": str(day.year)}
    return forms[str(precision)]


@st.composite
def evidence(draw: Any, sources: list[str]) -> list[dict[str, str]]:
    items = draw(
        st.lists(st.tuples(st.sampled_from(sources), TEXT, st.sampled_from(["en", "fr"])), min_size=1, max_size=3)
    )
    return [{"source": s, "quote": q, "lang": lang} for s, q, lang in items]


@st.composite
def datasets(draw: Any) -> dict[str, list[dict[str, Any]]]:
    n_sources = draw(st.integers(1, 3))
    sources = [
        {"id": f"src-{i}", "url": f"https://example.org/doc/{i}", "title": draw(TEXT),
         "retrieved": draw(partial_dates(2020, 2026)), "primary": draw(st.booleans()),
         **({"published": draw(partial_dates())} if draw(st.booleans()) else {})}
        for i in range(n_sources)
    ]  # fmt: skip
    src = [s["id"] for s in sources]
    actors = []
    for i in range(draw(st.integers(1, 4))):
        actor: dict[str, Any] = {"id": f"actor-{i}", "type": draw(st.sampled_from(["State", "EUBody", "Organisation"])),
                                 "name": draw(TEXT), "evidence": draw(evidence(src))}  # fmt: skip
        if draw(st.booleans()):
            actor["name_fr"] = draw(TEXT)
        alt = draw(st.lists(TEXT, max_size=3, unique=True))
        if alt:
            actor["alt_names"] = alt
        if draw(st.booleans()):
            actor["wikidata"] = f"Q{draw(st.integers(1, 10**6))}"
        if draw(st.booleans()):
            actor["note"] = draw(TEXT)
        actors.append(actor)
    instruments = []
    for i in range(draw(st.integers(1, 3))):
        inst: dict[str, Any] = {
            "id": f"inst-{i}",
            "type": draw(st.sampled_from(["Agreement", "PescoProject", "CsdpMission"])),
            "name": draw(TEXT),
            "evidence": draw(evidence(src)),
            "domains": draw(st.lists(st.sampled_from(DOMAINS), max_size=2, unique=True)),
        }
        if draw(st.booleans()):
            inst["start"] = draw(partial_dates(1950, 1990))
        if draw(st.booleans()):
            inst["end"] = draw(partial_dates(1991, 2030))
        if draw(st.booleans()):
            inst["signed"] = draw(partial_dates())
        inst["status"] = draw(st.sampled_from(["in-force", "ended", "signed", "unknown"]))
        instruments.append(inst)
    participations = []
    for i in range(draw(st.integers(0, 4))):
        part: dict[str, Any] = {
            "id": f"part-actor-{i}",
            "actor": draw(st.sampled_from(actors))["id"],
            "instrument": draw(st.sampled_from(instruments))["id"],
            "role": draw(st.sampled_from(["party", "participant", "observer"])),
            "evidence": draw(evidence(src)),
        }
        if draw(st.booleans()):
            part["start"] = draw(partial_dates(1950, 1990))
        if draw(st.booleans()):
            part["end"] = draw(partial_dates(1991, 2030))
        if draw(st.booleans()):
            part["personnel"] = draw(st.integers(0, 5000))
        if draw(st.booleans()):
            part["contribution"] = draw(TEXT)
        if draw(st.booleans()):
            part["uncertain"] = draw(TEXT)
        participations.append(part)
    if len(participations) >= 2 and draw(st.booleans()):
        participations[0]["conflicts_with"] = [participations[1]["id"]]
        participations[1]["conflicts_with"] = [participations[0]["id"]]
    memberships: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 2))):
        member, org = draw(st.sampled_from(actors))["id"], draw(st.sampled_from(actors))["id"]
        slug = f"{org}-membership-{member}"  # the membership id scheme (docs/data-format.md)
        if all(m["id"] != slug for m in memberships):
            memberships.append({"id": slug, "member": member, "organisation": org, "start": draw(partial_dates()),
                                "evidence": draw(evidence(src))})  # fmt: skip
    events = []
    for i in range(draw(st.integers(0, 2))):
        date = draw(partial_dates())
        events.append({"id": f"event-{i}-{date[:4]}", "type": "Meeting", "name": draw(TEXT), "date": date,
                       "participants": [a["id"] for a in actors[:2]], "evidence": draw(evidence(src))})  # fmt: skip
    return {"sources": sources, "actors": actors, "instruments": instruments, "participations": participations,
            "memberships": memberships, "events": events}  # fmt: skip


@pytest.fixture(scope="module")
def scratch_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBStore]:
    with FalkorDBStore(tmp_path_factory.mktemp("roundtrip")) as s:
        yield s


@settings(
    max_examples=examples(ci=15, thorough=150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=datasets())
def test_generated_graphs_round_trip(scratch_store, data):
    records = [
        (section, SECTION_MODELS[section].model_validate(item)) for section, items in data.items() for item in items
    ]
    ids = {model.id: section for section, model in records}
    canonical = build_graph(records, ids)
    scratch_store.replace_graph(graph_to_property_graph(canonical.graph, canonical.derived))
    buffer = io.BytesIO()
    stats = export(store=scratch_store, output=buffer, fmt="nt")
    exported = data_only(Graph().parse(data=buffer.getvalue(), format="nt"))
    extra, missing = set(exported) - set(canonical.graph), set(canonical.graph) - set(exported)
    assert not extra and not missing, f"invented {sorted(extra)[:3]}; lost {sorted(missing)[:3]}"
    assert stats.triples == len(canonical.graph)
    assert isomorphic(exported, canonical.graph)
