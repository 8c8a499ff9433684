"""Benchmark: `eucan export` beside pyoxigraph's own serializer on the same triples, in one run.

Builds the synthetic dataset of `bench/synthetic.py` (`--scale` facts), loads it with `eucan load`'s
code path into a throw-away embedded FalkorDB (which also saves the load's canonical RDF beside the
graph), then times, one after the other:

- `eucan export --format F --output FILE` in its own process, as users run it (the saved RDF of the
  live load streamed through pyoxigraph);
- the same export in this process (`linked.export.export`), without process start-up;
- the export read back from the engine page by page (no saved RDF: the path Neo4j and older loads take);
- pyoxigraph's serializer alone writing the same triples, already in memory as pyoxigraph objects;
- `--rdflib`: rdflib's serializer on the same graph (slow).

Every output is parsed back to check it has every triple. Peak RSS of this process, of the `eucan
export` child and of the engine is printed. Run:

    python bench/export.py --scale 100000
    python bench/export.py --scale 10000 --format nt
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyoxigraph import parse, serialize  # noqa: E402

from bench.memory import engine_peak_mb, python_peak_mb  # noqa: E402
from bench.synthetic import generate, write_yaml  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.linked.export import EXPORT_FORMATS, export  # noqa: E402
from eucan.linked.formats import prefixes_for  # noqa: E402
from eucan.loaders.pipeline import load_sources  # noqa: E402

RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


def count(path: Path, fmt: str) -> int:
    return sum(1 for _ in parse(path=str(path), format=EXPORT_FORMATS[fmt].rdf_format))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100_000, help="number of facts (default 100000)")
    parser.add_argument("--format", choices=list(RDFLIB_FORMATS), default="ttl")
    parser.add_argument("--rdflib", action="store_true", help="also time rdflib's serializer (slow)")
    parser.add_argument("--no-engine", action="store_true", help="skip the export read back from the engine")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    command = " ".join(["python", "bench/export.py", *sys.argv[1:]])
    fmt, spec = args.format, EXPORT_FORMATS[args.format]
    times: dict[str, float] = {}

    with tempfile.TemporaryDirectory(prefix="eucan-bench-") as tmp:
        folder = Path(tmp)
        write_yaml(generate(args.scale), folder / "data")
        with FalkorDBStore(folder / "kg", default_timeout_ms=600_000, row_cap=1_000_000) as store:
            started = time.perf_counter()
            loaded = load_sources(store, [folder / "data"], root=folder, batch_size=5000, state_dir=folder / "kg")
            validated = loaded.validated
            assert validated is not None
            triples = validated.triples
            print(
                f"loaded {validated.records:,} records, {triples:,} triples in {time.perf_counter() - started:.1f} s "
                f"(of which saving the canonical RDF beside the graph: {loaded.load.rdf_cache_seconds:.1f} s)"
            )
            canonical = validated.canonical
            del validated, loaded

            # 1. `eucan export` as users run it, in its own process.
            ours = folder / f"ours.{spec.extension}"
            env = {**os.environ, "EUCAN_DATA_DIR": str(folder / "kg")}
            # GNU time measures the child's own peak RSS (this process's RUSAGE_CHILDREN would count the
            # memory a forked child shares with this large process before it runs `eucan`).
            gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
            report = folder / "time.txt"
            wrapper = [gnu_time, "-f", "%M", "-o", str(report)] if gnu_time else []
            started = time.perf_counter()
            subprocess.run(
                [*wrapper, sys.executable, "-m", "eucan.cli", "export", "--format", fmt, "--output", str(ours)],
                check=True,
                env=env,
            )
            times["eucan export (CLI process)"] = time.perf_counter() - started
            export_mb = int(report.read_text().split()[-1]) / 1024 if report.exists() else None
            assert count(ours, fmt) == triples

            # 2. the same in this process.
            inproc = folder / f"inproc.{spec.extension}"
            started = time.perf_counter()
            with inproc.open("wb") as handle:
                export(store=store, output=handle, fmt=fmt)
            times["export() in process (saved RDF)"] = time.perf_counter() - started
            assert count(inproc, fmt) == triples

            # 3. the engine read back (no saved RDF).
            if not args.no_engine:
                engine = folder / f"engine.{spec.extension}"
                started = time.perf_counter()
                with engine.open("wb") as handle:
                    export(store=store, output=handle, fmt=fmt, rdf_dir=folder / "none")
                times["export() read from the engine"] = time.perf_counter() - started
                assert count(engine, fmt) == triples
            engine_mb = engine_peak_mb(store)

        # 4. pyoxigraph alone: the same triples as pyoxigraph objects in memory, serialized.
        same = list(parse(path=str(inproc), format=spec.rdf_format))
        started = time.perf_counter()
        with (folder / f"oxi.{spec.extension}").open("wb") as handle:
            serialize(same, handle, spec.rdf_format, prefixes=prefixes_for(spec.rdf_format))
        times["pyoxigraph serializer alone (in memory)"] = time.perf_counter() - started
        del same

        if args.rdflib:
            graph = canonical.graph
            started = time.perf_counter()
            graph.serialize(destination=io.BytesIO(), format=RDFLIB_FORMATS[fmt])
            times["rdflib serializer (graph in memory)"] = time.perf_counter() - started

    base = times["pyoxigraph serializer alone (in memory)"]
    print(f"command: {command}")
    print(f"{triples:,} triples, format {fmt}")
    for label, seconds in times.items():
        print(f"  {label:42} {seconds:7.2f} s   {seconds / base:5.1f}x pyoxigraph alone")
    print(
        f"peak RSS: bench {python_peak_mb():,.0f} MB, eucan export process {export_mb or 0:,.0f} MB, "
        f"engine {engine_mb or 0:,.0f} MB"
    )
    if args.json:
        figures = {
            "command": command,
            "scale": args.scale,
            "format": fmt,
            "triples": triples,
            "times": times,
            "export_process_peak_mb": export_mb,
        }
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
