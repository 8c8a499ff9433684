"""An instrument's dates bound its participations' derived dates (`eucan.dates.within`), and a load without
`--full` keeps them true: after an edit, the API and the catalog answer as a full load of the same data does.

The dependency between records is explicit in the loader: a changed instrument sends the load to the full
path (`incremental.Unscoped`), which rewrites its participations with it, atomically; a changed
participation is rewritten incrementally with its instrument's bounds read from the saved canonical RDF.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eucan.api.main import create_app
from eucan.errors import SourceError
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.loaders.pipeline import load_sources, validate_sources
from eucan.queries.runner import run_named
from eucan.settings import Settings
from tests.conftest import DATA
from tests.loaders.test_incremental import _engine_content, _graph_content

DAY = "2026-12-01"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DATA, tmp_path / "data"))


@pytest.fixture
def client(store: FalkorDBStore, tmp_path: Path, data: Path) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "kg", sources_dir=data)
    with TestClient(create_app(settings, store=store)) as c:
        yield c


def _edit(path: Path, record: str, old: str, new: str) -> None:
    """Replace `old` by `new` in the record `record` of the YAML file (the first time after its id)."""
    text = path.read_text()
    at = text.index(f"  - id: {record}\n")
    found = text.index(old, at)
    assert found < text.find("  - id: ", at + 1), f"{old!r} is not in {record}"
    path.write_text(text[:found] + new + text[found + len(old) :])


def _missions(client: TestClient, store: FalkorDBStore, day: str) -> list[str]:
    """Canada's CSDP missions held on `day`, asked of the API and of the catalog (they must agree)."""
    response = client.get(
        "/api/v1/cooperation", params={"actor": "canada", "instrument_type": "CsdpMission", "as_of": day}
    )
    assert response.status_code == 200, response.text
    api = sorted(r["instrument"]["id"] for r in response.json()["data"])
    catalog = sorted(
        r["instrument"]
        for r in run_named(store=store, name="actor_participations", params={"actor": "canada", "as_of": day}).records()
        if r["through"] == "canada" and r["instrument_type"] == "CsdpMission"
    )
    assert api == catalog
    return api


def test_an_instruments_new_end_moves_its_participations_end(
    data: Path, store: FalkorDBStore, client: TestClient, tmp_path: Path
) -> None:
    state = tmp_path / "kg"
    assert load_sources(store, [data], root=tmp_path, state_dir=state).load.mode == "full"
    before = _missions(client, store, DAY)
    assert "eupol-copps" not in before and "euam-ukraine" in before  # COPPS ended 2026-06-30

    _edit(data / "csdp.yaml", "eupol-copps", "end: 2026-06-30", "end: 2027-06-30")  # the mandate extended
    again = load_sources(store, [data], root=tmp_path, state_dir=state)
    # an instrument's change is handed to the full path, which rewrites the participations it bounds
    assert again.load.mode == "full", "a changed instrument must rewrite its participations' derived bounds"
    after = _missions(client, store, DAY)
    assert after == sorted([*before, "eupol-copps"])
    [copps] = store.run("MATCH (p:Participation {id: 'part-canada-eupol-copps'}) RETURN p.endDateLast").rows
    assert copps == ["2027-06-30"]

    content = _engine_content(store)
    assert load_sources(store, [data], root=tmp_path, state_dir=state, full=True).load.mode == "full"
    assert _missions(client, store, DAY) == after and _engine_content(store) == content


def test_a_participation_edited_alone_takes_its_instruments_bounds(
    data: Path, store: FalkorDBStore, client: TestClient, tmp_path: Path
) -> None:
    state = tmp_path / "kg"
    load_sources(store, [data], root=tmp_path, state_dir=state)
    assert "euam-iraq" not in _missions(client, store, "2018-01-01")  # Canada's expert from 2019-06

    _edit(data / "missions-instruments.yaml", "part-canada-euam-iraq", '    start: "2019-06"\n', "")
    again = load_sources(store, [data], root=tmp_path, state_dir=state)
    assert again.load.mode == "incremental" and again.load.nodes >= 1
    # no start of its own: the mission's (launched 2017-10-16), read from the saved canonical RDF
    [row] = store.run(
        "MATCH (p:Participation {id: 'part-canada-euam-iraq'}) RETURN p.startDateFirst, p.endDateLast"
    ).rows
    assert row == ["2017-10-16", "2026-04-30"]
    # and says where that start comes from, in the precision the mission's own start has
    [row] = store.run(
        "MATCH (p:Participation {id: 'part-canada-euam-iraq'})-[:START_DATE_FROM]->(i) "
        "RETURN p.startDateBasis, p.startDateFirstPrecision, i.id, i.startDatePrecision"
    ).rows
    assert row[:3] == ["instrument", row[3], "euam-iraq"]
    assert "euam-iraq" in _missions(client, store, "2018-01-01")
    assert "euam-iraq" not in _missions(client, store, DAY)
    assert _engine_content(store) == _graph_content(validate_sources([data], tmp_path).property_graph)


def test_a_participation_that_would_hold_on_no_day_is_refused(data: Path, tmp_path: Path) -> None:
    """Starting after its instrument ended (EUAM Iraq's mandate ran to 2026-04-30) leaves no day: refused,
    with the file and line of the record."""
    path = data / "missions-instruments.yaml"
    _edit(path, "part-canada-euam-iraq", 'start: "2019-06"', 'start: "2027-01"')
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "id: part-canada-euam-iraq" in text)
    with pytest.raises(SourceError) as refused:
        validate_sources([data], tmp_path)
    [problem] = refused.value.problems
    assert (problem.file, problem.line) == ("data/missions-instruments.yaml", line)
    assert "start date must not be after end date" in problem.message and "instrument" in problem.message


def test_a_participation_edited_alone_begins_no_earlier_than_its_legal_acts(
    data: Path, store: FalkorDBStore, tmp_path: Path
) -> None:
    """Canada's NetLogHubs participation states no start: it begins with the Council decision admitting it
    (20 February 2023), not with the general conditions that decision rests on (5 November 2020) nor the
    project (2018). An incremental load reads the acts' dates and legal bases from the saved canonical RDF."""
    state = tmp_path / "kg"
    load_sources(store, [data], root=tmp_path, state_dir=state)
    query = "MATCH (p:Participation {id: 'part-canada-pesco-netloghubs'}) RETURN p.startDateFirst"
    assert store.run(query).rows == [["2023-02-20"]]

    path = data / "pesco.yaml"
    _edit(path, "part-canada-pesco-netloghubs", "role: participant", "role: participant\n    personnel: 2")
    again = load_sources(store, [data], root=tmp_path, state_dir=state)
    assert again.load.mode == "incremental"
    assert store.run(query).rows == [["2023-02-20"]]
    assert _engine_content(store) == _graph_content(validate_sources([data], tmp_path).property_graph)
    basis = "MATCH (p:Participation {id: 'part-canada-pesco-netloghubs'})-[:START_DATE_FROM]->(a) RETURN p.startDateBasis, a.id"
    assert store.run(basis).rows == [["legal-basis", "la-2023-385-cfsp"]]

    # without the decision admitting it, only the general conditions date it
    _edit(path, "part-canada-pesco-netloghubs", "[la-2023-385-cfsp, la-2020-1639-cfsp]", "[la-2020-1639-cfsp]")
    assert load_sources(store, [data], root=tmp_path, state_dir=state).load.mode == "incremental"
    assert store.run(query).rows == [["2020-11-05"]]
    assert store.run(basis).rows == [["legal-basis", "la-2020-1639-cfsp"]]
    assert _engine_content(store) == _graph_content(validate_sources([data], tmp_path).property_graph)


def test_an_edit_keeps_the_former_ids_of_the_excerpts_it_cites(
    data: Path, store: FalkorDBStore, tmp_path: Path
) -> None:
    """An excerpt keeps its former ids (`ecs:altId`) when a record citing it is edited alone: those its
    source's former ids give it are rebuilt from the saved source; those an unchanged record's `replaces`
    gives it cannot be, so that edit goes to the full path. Both end as a full load of the same data."""
    state = tmp_path / "kg"
    load_sources(store, [data], root=tmp_path, state_dir=state)
    # cites pressclub-2023-jcc-4 (formerly pressclub-2023-03-jcc): its excerpts answer to the old name too
    _edit(
        data / "pesco.yaml", "part-canada-pesco-netloghubs", "role: participant", "role: participant\n    personnel: 2"
    )
    assert load_sources(store, [data], root=tmp_path, state_dir=state).load.mode == "incremental"
    assert _engine_content(store) == _graph_content(validate_sources([data], tmp_path).property_graph)
    # cites the quote Austria's own evidence says `replaces` an earlier one: handed to the full path
    path = data / "memberships.yaml"
    text = path.read_text()
    assert text.count("  member: austria\n  organisation: eu\n") == 1
    path.write_text(
        text.replace("  member: austria\n  organisation: eu\n", "  member: austria\n  organisation: eu\n  note: x\n")
    )
    assert load_sources(store, [data], root=tmp_path, state_dir=state).load.mode == "full"
    assert _engine_content(store) == _graph_content(validate_sources([data], tmp_path).property_graph)
