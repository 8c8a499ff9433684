"""Benchmark: the project's RDF exporter (store → pyoxigraph, streamed) beside rdflib's serializer.

Builds the synthetic dataset of `bench/synthetic.py` (default 100,000 facts, about a million
triples), validates it into records, builds the canonical RDF, loads it into a throw-away
embedded FalkorDB, then in one run times:

- the project's exporter: `eucan export --format F --output FILE` in its own process, attached
  to that store (read the property graph in pages, map back to RDF, serialize with pyoxigraph);
- rdflib serializing the same graph, already in memory, into a file.

The export is parsed back to check it has every triple. Run:

    python bench/export.py                    # 100,000 facts, Turtle
    python bench/export.py --scale 10000 --format nt
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyoxigraph import RdfFormat, parse  # noqa: E402

from bench.synthetic import generate  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.loaders.rdf_builder import build_graph  # noqa: E402
from eucan.loaders.records import SECTION_MODELS  # noqa: E402
from eucan.ontology.mapping import graph_to_property_graph  # noqa: E402

RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
OXI_FORMATS = {
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=int, default=100_000, help="number of facts (default 100000)")
    parser.add_argument("--format", choices=list(RDFLIB_FORMATS), default="ttl")
    args = parser.parse_args()
    command = " ".join(["python", "bench/export.py", *sys.argv[1:]])

    started = time.perf_counter()
    data = generate(args.scale)
    records = [
        (section, SECTION_MODELS[section].model_validate(item)) for section, items in data.items() for item in items
    ]
    ids = {model.id: section for section, model in records}
    canonical = build_graph(records, ids)
    triples = len(canonical.graph)
    facts = sum(len(items) for section, items in data.items() if section != "sources")
    print(f"synthetic graph: {facts} facts, {triples} triples (built in {time.perf_counter() - started:.1f} s)")

    with tempfile.TemporaryDirectory(prefix="eucan-bench-") as tmp:
        folder = Path(tmp)
        with FalkorDBStore(folder / "kg", default_timeout_ms=600_000, row_cap=1_000_000) as store:
            started = time.perf_counter()
            store.replace_graph(graph_to_property_graph(canonical.graph, canonical.derived), batch_size=5000)
            print(f"loaded into FalkorDB in {time.perf_counter() - started:.1f} s")

            # The project's exporter as users run it: `eucan export` in its own process, attached to the store.
            ours_path = folder / f"ours.{args.format}"
            env = {**os.environ, "EUCAN_DATA_DIR": str(folder / "kg")}
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "eucan.cli", "export", "--format", args.format, "--output", str(ours_path)],
                check=True,
                env=env,
            )
            ours = time.perf_counter() - started
            print(f"eucan export (store → RDF, pyoxigraph): {ours:.1f} s, {ours_path.stat().st_size:,} bytes")
            exported = sum(1 for _ in parse(path=str(ours_path), format=OXI_FORMATS[args.format]))

        gc.freeze()  # the graph is built: spare rdflib the collector's passes over it
        theirs_path = folder / f"rdflib.{args.format}"
        started = time.perf_counter()
        canonical.graph.serialize(destination=str(theirs_path), format=RDFLIB_FORMATS[args.format])
        theirs = time.perf_counter() - started
        print(f"rdflib serializer (graph in memory → RDF): {theirs:.1f} s, {theirs_path.stat().st_size:,} bytes")

        if exported != triples:
            raise SystemExit(f"triple counts differ: exporter {exported}, canonical {triples}")
    print(f"ratio: rdflib / eucan = {theirs / ours:.1f}x faster ({args.format}, {triples} triples)")
    print(f"command: {command}")


if __name__ == "__main__":
    main()
