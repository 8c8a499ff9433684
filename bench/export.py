"""Benchmark: `eucan export` beside pyoxigraph's own serializer on the same triples, in one run.

Builds the synthetic dataset of `bench/synthetic.py` (`--scale` facts), loads it with `eucan load`'s
code path into a throw-away embedded FalkorDB (which also saves the load's canonical RDF beside the
graph), or opens `--data-dir` (already loaded), then times, one after the other:

- `eucan export --format F --output FILE` in its own process, as users run it with no engine running:
  the saved graph's load is read from its stamp (`graph.snapshot`) and that load's saved RDF exported
  without starting the engine (the bench says if it did start one); timed for the load's first export
  (a copy of the Turtle or N-Triples body `eucan load` kept while the engine wrote, `derive_bodies`;
  with `--data-dir` the bench makes them as the load does, if the load kept none, and times that), a
  later one, and the first export of a load that kept no body (it parses the saved RDF and keeps the
  body);
- the first `eucan export` after an incremental load (one quote corrected in the sources), old road
  and new one side by side: the load not splicing the kept bodies (`derive=None`: what the loader did
  before, the export parses the saved RDF) and splicing them (what `eucan load` does now: the export
  is a copy); each load's time is printed too, and the copy is checked byte for byte against the
  export that parses the saved RDF. With `--data-dir`, this needs `--sources` (the folder of YAML the
  data folder was loaded from, as `<root>/<name>`: it is copied, and edited in the copy; the data
  folder is changed, so give a copy); `--no-incremental` skips it;
- the same command while an engine runs (owned by this process: the CLI attaches and asks it);
- the same export in this process (`linked.export.export`), without process start-up, first and later;
- the export read back from the engine page by page (no saved RDF: the path Neo4j and older loads take;
  `--no-engine` skips it);
- pyoxigraph's serializer alone writing the same triples, already in memory as pyoxigraph objects;
- `--rdflib`: rdflib's serializer on the same graph (slow).

Every output is parsed back to check it has every triple. Peak RSS of this process, of the `eucan
export` child and of the engine is printed. Run:

    python bench/export.py --scale 100000 --json bench/results/export-100000.json
    python bench/export.py --scale 10000 --format nt
    python bench/export.py --data-dir /work/big/xs1m --scale 1000000 --no-engine
    python bench/export.py --data-dir /work/big/xs1m --sources /work/big/1m/src --scale 1000000 --no-engine
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyoxigraph import parse, serialize  # noqa: E402

from bench.memory import engine_peak_mb, python_peak_mb  # noqa: E402
from bench.synthetic import generate, write_yaml  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.linked.export import EXPORT_FORMATS, export  # noqa: E402
from eucan.linked.formats import prefixes_for  # noqa: E402
from eucan.linked.saved_rdf import ExportBodies, body_suffix  # noqa: E402
from eucan.loaders.pipeline import load_sources  # noqa: E402
from eucan.loaders.rdf_cache import keep_derived  # noqa: E402

RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


def _engine_starts(folder: Path) -> int:
    log = folder / "falkordb.log"
    return log.read_text(errors="replace").count("Server initialized") if log.exists() else 0


def _correct_a_quote(sources: Path, number: int) -> None:
    """A curator's edit: the `number`-th quote of the first participations file gets a word more."""
    path = sorted(sources.glob("participations-*.yaml"))[0]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    quotes = [i for i, line in enumerate(lines) if line.lstrip().startswith("quote: ")]
    at = quotes[number]
    lines[at] = lines[at].rstrip("\n") + " Corrected.\n"
    path.write_text("".join(lines), encoding="utf-8")


def count(path: Path, fmt: str) -> int:
    return sum(1 for _ in parse(path=str(path), format=EXPORT_FORMATS[fmt].rdf_format))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100_000, help="number of facts (default 100000)")
    parser.add_argument("--format", choices=list(RDFLIB_FORMATS), default="ttl")
    parser.add_argument("--rdflib", action="store_true", help="also time rdflib's serializer (slow)")
    parser.add_argument("--no-engine", action="store_true", help="skip the export read back from the engine")
    parser.add_argument("--data-dir", type=Path, help="an embedded data folder already loaded (skips building)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--sources", type=Path, help="with --data-dir: the YAML folder it was loaded from (for the incremental case)"
    )
    parser.add_argument("--no-incremental", action="store_true", help="skip the first export after an incremental load")
    args = parser.parse_args()
    command = " ".join(["python", "bench/export.py", *sys.argv[1:]])
    fmt, spec = args.format, EXPORT_FORMATS[args.format]
    times: dict[str, float] = {}

    class Timed(ExportBodies):  # what `eucan load` gives the loader, timed
        def __call__(self, saved: Path) -> dict[str, tuple[Path, Any]]:
            started = time.perf_counter()
            made = super().__call__(saved)
            times["load: making the export bodies (its cache thread, while the engine writes)"] = (
                time.perf_counter() - started
            )
            return made

    derive = Timed()

    with tempfile.TemporaryDirectory(prefix="eucan-bench-") as tmp:
        folder = Path(tmp)
        kg = args.data_dir or folder / "kg"
        canonical = None
        if args.data_dir is None:
            write_yaml(generate(args.scale), folder / "data")
            with FalkorDBStore(kg, default_timeout_ms=600_000, row_cap=1_000_000, start_timeout_s=900) as store:
                started = time.perf_counter()
                loaded = load_sources(
                    store, [folder / "data"], root=folder, batch_size=5000, state_dir=kg, derive=derive
                )
                validated = loaded.validated
                assert validated is not None
                print(
                    f"loaded {validated.records:,} records, {validated.triples:,} triples in "
                    f"{time.perf_counter() - started:.1f} s (of which saving the canonical RDF beside the graph: "
                    f"{loaded.load.rdf_cache_seconds:.1f} s)"
                )
                canonical = validated.canonical if args.rdflib else None
                del validated, loaded
        else:
            with FalkorDBStore(kg, default_timeout_ms=600_000, row_cap=1_000_000, start_timeout_s=900) as store:
                info = store.load_generation()  # its owner stamps the saved graph when it stops
            token = info.token if info else ""
            if token and not (kg / "rdf" / f"{token}.{body_suffix(fmt)}").exists():
                keep_derived(kg, token, derive)  # as the load would have

        # GNU time measures the child's own peak RSS (this process's RUSAGE_CHILDREN would count the
        # memory a forked child shares with this large process before it runs `eucan`).
        gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
        report = folder / "time.txt"
        wrapper = [gnu_time, "-f", "%M", "-o", str(report)] if gnu_time else []
        env = {**os.environ, "EUCAN_DATA_DIR": str(kg)}

        def cli(target: Path) -> float:
            started = time.perf_counter()
            subprocess.run(
                [*wrapper, sys.executable, "-m", "eucan.cli", "export", "--format", fmt, "--output", str(target)],
                check=True,
                env=env,
            )
            return time.perf_counter() - started

        def forget_bodies() -> None:
            for kept in (kg / "rdf").glob("*.export-*"):
                kept.unlink()

        # 1. `eucan export` as users run it, in its own process, no engine running (none is started):
        # the load's first export (a copy of the body the load kept), a later one, then the first export
        # of a load that kept no body (it parses the saved RDF and keeps the body).
        ours = folder / f"ours.{spec.extension}"
        starts = _engine_starts(kg)
        times["eucan export (CLI process, first export of the load)"] = cli(ours)
        peaks = [int(report.read_text().split()[-1]) / 1024 if report.exists() else 0.0]
        times["eucan export (CLI process)"] = cli(folder / f"again.{spec.extension}")
        peaks.append(int(report.read_text().split()[-1]) / 1024 if report.exists() else 0.0)
        forget_bodies()
        times["eucan export (CLI process, first export of a load that kept no body)"] = cli(
            folder / f"parsed.{spec.extension}"
        )
        peaks.append(int(report.read_text().split()[-1]) / 1024 if report.exists() else 0.0)
        engine_started = _engine_starts(kg) > starts
        export_mb = max(peaks) or None
        triples = count(ours, fmt)  # the data, the dataset's description and one void:inDataset per resource
        assert count(folder / f"again.{spec.extension}", fmt) == triples
        assert (folder / f"parsed.{spec.extension}").read_bytes() == ours.read_bytes()  # the same document
        print(f"eucan export: {triples:,} triples; it {'started' if engine_started else 'did not start'} the engine")

        with FalkorDBStore(kg, default_timeout_ms=600_000, row_cap=1_000_000, start_timeout_s=900) as store:
            # 2. the CLI again while an engine runs (another process owns it: the CLI attaches and asks it).
            times["eucan export (CLI process, engine running)"] = cli(folder / f"attached.{spec.extension}")

            # 3. the same in this process: the load's first export, then a later one.
            inproc = folder / f"inproc.{spec.extension}"
            for label in ("export() in process (a load that kept no body)", "export() in process (saved RDF)"):
                if "no body" in label:
                    forget_bodies()
                started = time.perf_counter()
                with inproc.open("wb") as handle:
                    export(store=store, output=handle, fmt=fmt)
                times[label] = time.perf_counter() - started

            # 4. the engine read back (no saved RDF).
            if not args.no_engine:
                engine = folder / f"engine.{spec.extension}"
                started = time.perf_counter()
                with engine.open("wb") as handle:
                    export(store=store, output=handle, fmt=fmt, rdf_dir=folder / "none")
                times["export() read from the engine"] = time.perf_counter() - started
                assert count(engine, fmt) == count(inproc, fmt)
            engine_mb = engine_peak_mb(store)

        # 6. the first export after an incremental load: the bodies not spliced (as before), then spliced.
        sources = args.sources if args.data_dir is not None else folder / "data"
        if not args.no_incremental and sources is not None:
            edited = folder / "edited" / sources.name
            if args.data_dir is not None:
                shutil.copytree(sources, edited)
            else:
                edited = sources
            for number, (label, splicing) in enumerate((("not spliced, as before", None), ("spliced", derive))):
                _correct_a_quote(edited, number)
                with FalkorDBStore(kg, default_timeout_ms=600_000, row_cap=1_000_000, start_timeout_s=900) as store:
                    live = store.load_generation()
                    if splicing is not None and live is not None:  # the load before kept none: as a full load
                        keep_derived(kg, live.token, ExportBodies())
                    started = time.perf_counter()
                    loaded = load_sources(
                        store, [edited], root=edited.parent, batch_size=5000, state_dir=kg, derive=splicing
                    )
                    assert loaded.load is not None and loaded.load.mode == "incremental", loaded.load
                    times[f"incremental load, bodies {label}"] = time.perf_counter() - started
                target = folder / f"incremental-{number}.{spec.extension}"
                times[f"eucan export (CLI process, first export after an incremental load, bodies {label})"] = cli(
                    target
                )
            forget_bodies()
            cli(folder / f"incremental-parsed.{spec.extension}")
            assert target.read_bytes() == (folder / f"incremental-parsed.{spec.extension}").read_bytes()

        # 5. pyoxigraph alone: the same triples as pyoxigraph objects in memory, serialized.
        same = list(parse(path=str(ours), format=spec.rdf_format))
        assert len(same) == triples
        started = time.perf_counter()
        with (folder / f"oxi.{spec.extension}").open("wb") as handle:
            serialize(same, handle, spec.rdf_format, prefixes=prefixes_for(spec.rdf_format))
        times["pyoxigraph serializer alone (in memory)"] = time.perf_counter() - started
        del same

        if canonical is not None:
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
            "cli_started_engine": engine_started,
            "export_process_peak_mb": export_mb,
        }
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
