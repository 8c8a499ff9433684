"""The per-label `id` indexes (`graph.schema.INDEXED`) are the ones the queries use: FalkorDB picks an index
by the label a pattern names, so an index on a label no query looks up by id is only memory (the `Fact.id`
index held ~9 % of the engine's memory at 100 k facts), and a lookup under a label with no index scans it."""

from __future__ import annotations

import re
from pathlib import Path

from eucan.graph.schema import INDEXED

PACKAGE = Path(__file__).resolve().parents[2] / "eucan"
LOOKUP = re.compile(r"\(\w*((?::\w+)+)\s*\{id:")


def _looked_up() -> set[str]:
    """The labels the query texts (catalog, internal queries, statements in Python) look nodes up by id under."""
    found: set[str] = set()
    for path in [*PACKAGE.rglob("*.cypher"), *PACKAGE.rglob("*.py")]:
        for match in LOOKUP.finditer(path.read_text(encoding="utf-8")):
            found.update(label for label in match.group(1).split(":") if label)
    return found


def test_every_per_label_id_index_is_used_by_a_lookup() -> None:
    looked_up = _looked_up()
    assert {"Resource", "Actor", "Instrument"} <= looked_up  # the scan finds the lookups
    unused = {label for label, prop in INDEXED if prop == "id"} - looked_up
    assert not unused, f"no query looks up these labels by id; drop their index: {sorted(unused)}"


def test_no_lookup_by_id_under_the_labels_whose_index_was_dropped() -> None:
    assert not {"Fact", "SourceDocument"} & _looked_up(), "look these up as :Resource, or index them again"


VOCABULARY = {"ParticipantRole"}
"""Labels of a handful of vocabulary nodes (the SKOS roles): a scan of them costs nothing."""


def test_every_lookup_by_id_uses_an_index() -> None:
    """A lookup by id under a label with no `id` index scans that label: `(e:Event {id: $id})` read all 40,000
    events at 1 M facts; `(e:Resource {id: $id}) WHERE e:Event` uses the `Resource.id` index."""
    indexed = {label for label, prop in INDEXED if prop == "id"}
    for path in [*PACKAGE.rglob("*.cypher"), *PACKAGE.rglob("*.py")]:
        for match in LOOKUP.finditer(path.read_text(encoding="utf-8")):
            labels = {label for label in match.group(1).split(":") if label}
            assert labels & (indexed | VOCABULARY), (
                f"{path.name}: a lookup by id under {sorted(labels)} scans the label"
            )
