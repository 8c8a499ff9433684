"""Random single edits, good and broken: incremental validation finds what full validation finds.

For each edit the full validation (`validate_sources`) and the incremental plan (`incremental.plan`,
against the state of the load before the edit) run on the same files. A broken edit must send the
incremental path to the full validation (`Fallback`: that one reports it); a good one must not, and
then its result must be the full one: the same canonical RDF (the saved file after the splice), the
same node digests and content hash, and the graph the changes produce from the previous graph is the
graph a full load writes.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.synthetic import generate, write_yaml
from eucan.errors import SourceError
from eucan.graph.loads import manifest_of
from eucan.loaders import incremental
from eucan.loaders.pipeline import domain_slugs, validate_sources
from eucan.loaders.rdf_cache import RDF_CACHE_DIR, splice, write_cache
from eucan.ontology.mapping import PropertyGraph
from tests.utils.profiles import examples

SCALE = 300


class Baseline:
    def __init__(self, folder: Path) -> None:
        self.data = folder / "data"
        write_yaml(generate(SCALE, seed=5), self.data)
        self.state_dir = folder / "state"
        validated = validate_sources([self.data], folder, keep_state=True)
        assert validated.state is not None
        self.graph = validated.property_graph
        state = validated.state
        state.token = "base"
        state.index = write_cache(self.state_dir, "base", validated.canonical.triples)
        state.manifest = manifest_of(self.graph, "base")
        self.state = state
        self.incoming: dict[str, list[tuple[str, str, str]]] = {}
        for rel_type, rows in self.graph.relationships.items():
            for row in rows:
                self.incoming.setdefault(row["to"], []).append((row["from"], rel_type, row["to"]))

    def relationships_to(self, uris: list[str]) -> list[tuple[str, str, str]]:
        return [rel for uri in uris for rel in self.incoming.get(uri, [])]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Baseline:
    return Baseline(tmp_path_factory.mktemp("incremental-property"))


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text()) or {}


def _dump(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))


EDITS = [
    "quote",
    "role",
    "actor",
    "dangling",
    "bad-date",
    "end-before-start",
    "legal-basis-not-a-legal-act",
    "act-type-change",
    "actor-type-change",
    "remove-participation",
    "remove-referenced-actor",
    "add-participation",
    "source-title",
    "source-url",
    "duplicate-id",
    "quote-lang",
    "tenure-overlap",
    "yaml-error",
    "shared-quote-other-lang",
    "move-record",
    "event-date",
    "unknown-field",
    "conflicts-with",
    "new-file",
    "remove-file",
]


def _apply(data: Path, edit: str, n: int) -> None:
    """One edit a curator could make (n picks the record)."""
    parts = data / "participations-000.yaml"
    doc = _load(parts)
    records = doc["participations"]
    record = records[n % len(records)]
    other = records[(n * 7 + 3) % len(records)]
    if edit == "quote":
        record["evidence"][0]["quote"] = record["evidence"][0]["quote"].rstrip(".") + ", as corrected."
    elif edit == "role":
        record["role"] = "observer" if record["role"] != "observer" else "party"
    elif edit == "actor":
        # always another actor (both records may already name actor-0: the edit would change nothing)
        record["actor"] = next(a for a in (other["actor"], "actor-0", "actor-1") if a != record["actor"])
    elif edit == "dangling":
        record["actor"] = "actor-nobody"
    elif edit == "bad-date":
        record["start"] = "2020-13-45"
    elif edit == "end-before-start":
        record["start"], record["end"] = "2020-05-01", "2019-01-01"
    elif edit == "legal-basis-not-a-legal-act":
        record["legal_basis"] = ["instrument-0"]
    elif edit in ("act-type-change", "actor-type-change", "remove-referenced-actor", "source-title", "source-url"):
        section = {"act-type-change": "instruments", "source-title": "sources", "source-url": "sources"}.get(
            edit, "actors"
        )
        path = data / f"{section}-000.yaml"
        target = _load(path)
        items = target[section]
        if edit == "act-type-change":
            items[0]["type"] = "Agreement"  # act-0: the legal basis of instruments
        elif edit == "actor-type-change":
            items[n % 10]["type"] = "EUBody" if items[n % 10]["type"] != "EUBody" else "State"
        elif edit == "remove-referenced-actor":
            items.pop(n % 10)
        elif edit == "source-title":
            items[n % len(items)]["title"] = "A corrected title"
        else:
            items[n % len(items)]["url"] = f"https://example.org/moved/{n}"
        _dump(path, target)
        return
    elif edit == "remove-participation":
        records.remove(record)
    elif edit == "add-participation":
        records.append({**record, "id": f"participation-new-{n}"})
    elif edit == "duplicate-id":
        records.append({**other, "id": record["id"]})
    elif edit == "quote-lang":
        record["evidence"][0]["quote"] = "Die Erklärung betrifft die Zusammenarbeit der Staaten in Sicherheitsfragen."
    elif edit == "tenure-overlap":
        path = data / "tenures-000.yaml"
        tenures = _load(path)
        ended = [t for t in tenures["tenures"] if "end" in t]
        if ended:
            ended[0]["end"] = "2030-01-01"
        else:
            tenures["tenures"][0]["start"] = "2020-01-01"
        _dump(path, tenures)
        return
    elif edit == "yaml-error":
        parts.write_text(parts.read_text() + "\n  - id: [unclosed\n")
        return
    elif edit == "shared-quote-other-lang":
        record["evidence"] = [
            {**other["evidence"][0], "lang": "fr" if other["evidence"][0].get("lang") != "fr" else "en"}
        ]
    elif edit == "move-record":
        records.remove(record)
        _dump(data / "zz-moved.yaml", {"participations": [record]})
    elif edit == "event-date":
        path = data / "events-000.yaml"
        events = _load(path)
        events["events"][n % len(events["events"])]["date"] = "2024-02"
        _dump(path, events)
        return
    elif edit == "unknown-field":
        record["colour"] = "blue"
    elif edit == "conflicts-with":
        record["conflicts_with"] = [other["id"]] if other["id"] != record["id"] else ["actor-0"]
    elif edit == "new-file":
        _dump(data / "aa-new.yaml", {"participations": [{**record, "id": f"participation-extra-{n}"}]})
        return
    elif edit == "remove-file":
        (data / "memberships-000.yaml").unlink()
        return
    _dump(parts, doc)


def _nodes(graph: PropertyGraph) -> dict[str, tuple[tuple[str, ...], dict[str, Any]]]:
    return {row["uri"]: (labels, row) for labels, rows in graph.nodes.items() for row in rows}


def _rels(graph: PropertyGraph) -> set[tuple[str, str, str]]:
    return {(r["from"], t, r["to"]) for t, rows in graph.relationships.items() for r in rows}


# Every kind of edit, each run: drawn at random, 40 examples reached about 20 of the 25 kinds on
# average. The record an edit touches is drawn: the first record and one at random per kind under the
# `ci` profile (Hypothesis tries the simplest value first), 12 records per kind under `thorough`.
@pytest.mark.parametrize("edit", EDITS)
@settings(
    max_examples=examples(ci=2, thorough=12), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(n=st.integers(min_value=0, max_value=10_000))
def test_incremental_validation_finds_what_full_validation_finds(baseline: Baseline, edit: str, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "data"
        shutil.copytree(baseline.data, data)
        _apply(data, edit, n)
        try:
            full = validate_sources([data], root)
        except SourceError:
            full = None
        try:
            plan = incremental.plan(
                baseline.state,
                baseline.state_dir,
                [data],
                root,
                domains=domain_slugs(),
                incoming=baseline.relationships_to,
            )
        except incremental.Unscoped:
            return  # handed to the full validation by design, whatever its verdict
        except incremental.Fallback as fallback:
            assert full is None, f"{edit}: the full validation accepts what the incremental one refused ({fallback})"
            return
        assert full is not None, f"{edit}: the incremental validation accepted an edit the full one refuses"
        assert plan is not None
        # the canonical RDF: the spliced file is the file a full load writes
        part, _ = splice(baseline.state_dir, "base", baseline.state.index, plan.rdf_changes)
        try:
            spliced = part.read_text()
        finally:
            part.unlink()
        write_cache(root / "full", "full", full.canonical.triples)
        assert spliced == (root / "full" / RDF_CACHE_DIR / "full.nt").read_text(), edit
        # the node digests and the graph
        expected = manifest_of(full.property_graph)
        assert plan.manifest.digests == expected.digests, edit
        assert plan.manifest.relationships == expected.relationships
        assert plan.manifest.content_hash() == expected.content_hash()
        nodes = _nodes(baseline.graph)
        rels = _rels(baseline.graph)
        gone = set(plan.changes.delete)
        for uri in gone:
            nodes.pop(uri, None)
        rels = {r for r in rels if r[0] not in gone and r[2] not in gone}
        nodes.update(_nodes(plan.changes.write))
        rels |= _rels(plan.changes.write)
        want = _nodes(full.property_graph)
        assert {u: (sorted(labels), row) for u, (labels, row) in nodes.items()} == {
            u: (sorted(labels), row) for u, (labels, row) in want.items()
        }, edit
        assert rels == _rels(full.property_graph), edit
