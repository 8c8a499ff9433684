"""An export streamed from the canonical RDF a load saved beside the graph (`loaders.rdf_cache`).

This is the export's fast road, kept free of the engine and of the property-graph mapping so that
`eucan export` can take it without starting the engine (`graph.snapshot.saved_token` says which
load the saved graph holds): the saved N-Triples go through pyoxigraph's parser into its
serializer, after the dataset's description, each subject followed by its `void:inDataset` link.

The counts VoID reports (triples, resources, classes, properties) come with the saved file, so the
triples are not counted one by one; the distinct objects and the span of the dates are counted
only when asked (`count_objects`), as the SPARQL service does when VoID or DCAT is first requested.
"""

from __future__ import annotations

import io
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse, serialize

from eucan.linked.dataset_description import description_triples, in_dataset, is_description
from eucan.linked.formats import RDF_FORMATS, prefixes_for

__all__ = [
    "LOAD_MARKER",
    "ExportStats",
    "Output",
    "count_triples",
    "export_saved",
    "open_saved",
    "serialize_triples",
    "stats_of_dump",
]

LOAD_MARKER = "last-load"
"""The file `eucan load` writes in the data folder after each load (`sparql_service.mark_loaded`)."""
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"

Output = IO[bytes] | io.BufferedIOBase
"""Where an export goes: a binary file, a buffer, or a gzip stream."""


@dataclass
class ExportStats:
    """What an export wrote (the numbers VoID reports). `objects_counted` is False when the distinct
    objects and the dates were not counted (an export from the saved counts; `count_objects`)."""

    triples: int = 0
    entities: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    properties: Counter[str] = field(default_factory=Counter)
    objects: set[int] = field(default_factory=set, repr=False)  # hashes of the distinct objects
    first_date: str | None = None  # the earliest and latest xsd:date in the data (temporal coverage)
    last_date: str | None = None
    objects_counted: bool = True

    def see_date(self, value: str) -> None:
        if self.first_date is None or value < self.first_date:
            self.first_date = value
        if self.last_date is None or value > self.last_date:
            self.last_date = value

    @property
    def distinct_objects(self) -> int:
        return len(self.objects)


def count_triples(triples: Iterable[Triple], stats: ExportStats) -> Iterator[Triple]:
    """The triples, counted into `stats` as the engine road counts them (what VoID and DCAT report)."""
    subjects: set[str] = set()
    for triple in triples:
        stats.triples += 1
        subjects.add(str(triple.subject))
        stats.properties[triple.predicate.value] += 1
        stats.objects.add(hash(triple.object))
        obj = triple.object
        if isinstance(obj, Literal) and obj.datatype.value == XSD_DATE:
            stats.see_date(obj.value)
        elif triple.predicate.value == RDF_TYPE and isinstance(obj, NamedNode):
            stats.classes[obj.value] += 1
        yield triple
    stats.entities = len(subjects)


def _saved_counts(counts: dict[str, Any]) -> ExportStats:
    return ExportStats(
        triples=int(counts["triples"]),
        entities=int(counts["entities"]),
        classes=Counter({str(k): int(v) for k, v in counts["classes"].items()}),
        properties=Counter({str(k): int(v) for k, v in counts["properties"].items()}),
        objects_counted=False,
    )


def serialize_triples(triples: Iterable[Triple], output: Output, fmt: str, *, expanded: bool = False) -> None:
    """Write triples in one of the RDF formats with the project's declared prefixes; JSON-LD compacted
    with the ontology's context, one node object per subject (`expanded`: full IRIs, streamed)."""
    spec = RDF_FORMATS[fmt]
    if spec.rdf_format == RdfFormat.JSON_LD:
        if not expanded:
            from eucan.linked.jsonld import compact_jsonld  # rdflib and the ontology: only for this format

            output.write(compact_jsonld(triples))
            return
        serialize(triples, cast(IO[bytes], output), spec.rdf_format)
        return
    serialize(triples, cast(IO[bytes], output), spec.rdf_format, prefixes=prefixes_for(spec.rdf_format))


def open_saved(folder: Path, token: str) -> tuple[BinaryIO, dict[str, Any]] | None:
    """The saved canonical RDF of load `token` in `folder`, opened (so a later load that replaces it
    cannot change what is read), with its counts; None when the folder has no complete file for it."""
    from eucan.loaders.rdf_cache import cached

    found = cached(folder, token)
    if found is None:
        return None
    path, counts = found
    try:
        return path.open("rb"), counts
    except OSError:
        return None


def export_saved(
    source: BinaryIO,
    counts: dict[str, Any],
    output: Output,
    fmt: str,
    *,
    describe: bool = True,
    modified: str | None = None,
    expanded: bool = False,
    count_objects: bool = False,
) -> ExportStats:
    """Write the saved canonical RDF read from `source` (with its saved `counts`) as `fmt`; see `export`."""
    # lenient: the file was written by the loader from validated terms; skip re-checking every IRI
    triples: Iterable[Triple] = parse(source, format=RdfFormat.N_TRIPLES, lenient=True)
    if count_objects:
        stats = ExportStats()
        triples = count_triples(triples, stats)
    else:
        stats = _saved_counts(counts)
    if describe:
        triples = itertools.chain(description_triples(modified=modified), in_dataset(triples))
    serialize_triples(triples, output, fmt, expanded=expanded)
    return stats


def stats_of_dump(path: Path) -> ExportStats:
    """Count an N-Triples export (the dataset's description left out), objects and dates included."""
    stats = ExportStats()
    with path.open("rb") as source:
        data = (
            t
            for t in parse(source, format=RdfFormat.N_TRIPLES, lenient=True)
            if not is_description(cast(Any, t.subject).value, t.predicate.value)
        )
        for _ in count_triples(data, stats):
            pass
    return stats
