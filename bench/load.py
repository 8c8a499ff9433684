"""Loader throughput beside FalkorDB's own raw UNWIND ingest of the same rows, in one run.

    python bench/load.py --scale 100000

Prints, for the same synthetic facts: the time to validate (parse, check, map to RDF and to
property-graph rows; SHACL timed separately), the loader's write (staging graph, MERGE on
uri, atomic switch, snapshot), the end-to-end load, and the engine's raw ingest (CREATE
from the same rows, same batch size) — and the ratios. Figures are ratios measured side by
side because shared machines are noisy.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import generate, write_yaml  # noqa: E402
from eucan.graph.cypher import safe_label  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.loaders.checks import check_shacl  # noqa: E402
from eucan.loaders.pipeline import validate_sources  # noqa: E402
from eucan.ontology.mapping import PropertyGraph  # noqa: E402


def raw_ingest(store: FalkorDBStore, graph: PropertyGraph, batch_size: int) -> float:
    """The engine alone: CREATE nodes and relationships from the same rows, no checks, no MERGE."""
    db = store._db  # noqa: SLF001 - the benchmark measures the engine below the store on purpose
    target = db.select_graph("raw_baseline")
    if db.connection.exists("raw_baseline"):
        target.delete()
    start = time.perf_counter()
    target.query("CREATE INDEX FOR (n:Resource) ON (n.uri)")
    for labels, rows in graph.nodes.items():
        extra = "".join(f":{safe_label(label)}" for label in labels)
        statement = f"UNWIND $rows AS row CREATE (n:Resource{extra}) SET n = row"
        for i in range(0, len(rows), batch_size):
            target.query(statement, {"rows": rows[i : i + batch_size]})
    for rel_type, rels in graph.relationships.items():
        statement = (
            "UNWIND $rows AS row MATCH (a:Resource {uri: row.from}) MATCH (b:Resource {uri: row.to}) "
            f"CREATE (a)-[:{safe_label(rel_type)}]->(b)"
        )
        for i in range(0, len(rels), batch_size):
            target.query(statement, {"rows": rels[i : i + batch_size]})
    elapsed = time.perf_counter() - start
    target.delete()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=10_000, help="number of synthetic facts (records with evidence)")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shacl", action=argparse.BooleanOptionalAction, default=True, help="also time SHACL")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eucan-bench-") as tmp:
        folder = Path(tmp)
        files = write_yaml(generate(args.scale, args.seed), folder / "data")
        t0 = time.perf_counter()
        validated = validate_sources([folder / "data"], folder, shacl=False)
        t_validate = time.perf_counter() - t0
        facts = validated.records - len(generate_sources(validated))
        pg = validated.property_graph
        rows = pg.node_count + pg.relationship_count
        t_shacl = None
        if args.shacl:
            t0 = time.perf_counter()
            problems = check_shacl(validated.canonical.graph, {})
            t_shacl = time.perf_counter() - t0
            assert not problems, problems[:3]
        with FalkorDBStore(folder / "engine") as store:
            t0 = time.perf_counter()
            store.replace_graph(pg, batch_size=args.batch_size)
            t_write = time.perf_counter() - t0
            t_raw = raw_ingest(store, pg, args.batch_size)

    print(f"command: python bench/load.py --scale {args.scale} --batch-size {args.batch_size}")
    print(
        f"facts: {facts:,} in {len(files)} files; {validated.triples:,} triples; {pg.node_count:,} nodes + {pg.relationship_count:,} relationships"
    )
    print(f"validate (parse, models, references, RDF, rows): {t_validate:8.2f} s  {facts / t_validate:10,.0f} facts/s")
    if t_shacl is not None:
        print(f"SHACL (pyshacl)                               : {t_shacl:8.2f} s  {facts / t_shacl:10,.0f} facts/s")
    print(
        f"loader write (staging, MERGE, switch, save)   : {t_write:8.2f} s  {facts / t_write:10,.0f} facts/s  ({rows / t_write:,.0f} rows/s)"
    )
    print(
        f"raw engine ingest (CREATE, same rows)         : {t_raw:8.2f} s  {facts / t_raw:10,.0f} facts/s  ({rows / t_raw:,.0f} rows/s)"
    )
    end_to_end = t_validate + (t_shacl or 0) + t_write
    print(f"loader end to end                             : {end_to_end:8.2f} s  {facts / end_to_end:10,.0f} facts/s")
    print(f"ratio loader write / raw ingest (rate)        : {t_raw / t_write:.2f}")
    print(f"ratio loader end to end / raw ingest (rate)   : {t_raw / end_to_end:.2f}")


def generate_sources(validated: object) -> list[str]:
    """Source documents are not facts: count them out."""
    from rdflib import RDF

    from eucan.ontology.namespaces import ECS

    canonical = validated.canonical  # type: ignore[attr-defined]
    return [s for s, p, o in canonical.triples if p == RDF.type and o == ECS.SourceDocument]


if __name__ == "__main__":
    main()
