"""Loader throughput beside FalkorDB's own raw UNWIND ingest of the same rows, in one run.

    python bench/load.py --scale 100000 [--pyshacl] [--json results.json]
    python bench/load.py --source-dir /work/big/1m/src --json results.json   # existing YAML files (copied)
    python bench/load.py --scale 100000 --repeat 3   # best of 3 full loads and of 3 raw ingests, alternated

For the same synthetic facts it times each phase of the load (read YAML and models, checks,
canonical RDF, SHACL, property-graph rows), the loader's write (staging graph, MERGE on uri, atomic
switch, snapshot), the end-to-end load, the engine's raw ingest (CREATE from the same rows, same
batch size), and then an incremental reload after one record is edited (validate everything, rewrite
the changed nodes). `--pyshacl` also times pyshacl on the same triples. Peak memory (RSS) of the
Python process and of the engine's redis-server is reported beside the times: during the load
(`python_peak_mb_load`, `engine_peak_mb`) and over the whole bench, raw ingest and reload included
(`python_peak_mb`, `engine_peak_mb_bench`); the load's processes together (this one, the engine, the YAML
read's worker), sampled at the same instants, are `all_processes_peak_mb_load` (and what each held at that peak, in
which phase: `at_all_processes_peak`). A large load as `eucan load` makes it (`--no-raw`, no `--pyshacl`: the
triples let go) is validated and written by a child process (`loaders.apart`; `child_process` says so): it is
sampled with the others, and its own peak is `children_peak_mb_load`. Figures are ratios measured side by side because shared
machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.memory import children_peak_mb, descendants, engine_peak_mb, python_peak_mb, rss_mb  # noqa: E402
from bench.synthetic import generate, write_yaml  # noqa: E402
from eucan.graph.cypher import safe_label  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.loaders import incremental  # noqa: E402
from eucan.loaders.checks import check_shacl  # noqa: E402
from eucan.loaders.pipeline import load_sources  # noqa: E402
from eucan.ontology.mapping import PropertyGraph  # noqa: E402

PHASE_AFTER = {"read": "checks", "checks": "rdf", "rdf": "shacl", "shacl": "property_graph"}
PHASES = {
    "read": "read (YAML, pydantic models)",
    "checks": "checks (ids, references, successions)",
    "rdf": "canonical RDF",
    "shacl": "SHACL (the loader's validator)",
    "property_graph": "property-graph rows",
}


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


class PhaseMemory:
    """Peak RSS of this process in each phase of a load (sampled every 0.1 s, and at each phase's end),
    and the peak of the RSS of this process and all its descendants together (the engine, the YAML
    read's worker), sampled at the same instants: the memory the load needs at once."""

    def __init__(self) -> None:
        self.peaks: dict[str, float] = {}
        self.total_peak = 0.0
        self.at_total_peak: dict[str, Any] = {}
        """What the load's processes held when together they held the most: this process, the others
        (the engine, the YAML worker), the phase, and how far the write was (rows written / rows)."""
        self.phase_name = "read"
        self.written = (0, 0)
        self._current = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.1):
            own = rss_mb()
            self._current = max(self._current, own)
            each = {pid: rss_mb(pid) for pid in descendants(me)}
            others = sum(each.values())
            total = own + others
            if total > self.total_peak:
                self.total_peak = total
                done, rows = self.written
                self.at_total_peak = {
                    "python_mb": round(own),
                    "others_mb": round(others),
                    "largest_other_mb": {self.name(pid): round(mb) for pid, mb in each.items() if mb >= 50},
                    "phase": self.phase_name,
                    "written": f"{done}/{rows}",
                }

    @staticmethod
    def name(pid: int) -> str:
        """The process's command name and pid (the engine is a redis-server; the load's child a python)."""
        try:
            return f"{Path(f'/proc/{pid}/comm').read_text().strip()} {pid}"
        except OSError:
            return str(pid)

    def phase(self, name: str, _seconds: float) -> None:
        self.peaks[name] = max(self._current, rss_mb())
        self._current = 0.0
        self.phase_name = PHASE_AFTER.get(name, "write")

    def progress(self, done: int, total: int) -> None:
        self.written = (done, total)

    def stop(self, name: str) -> dict[str, float]:
        self.phase(name, 0.0)
        self._stop.set()
        return {key: round(value) for key, value in self.peaks.items()}


def edit_one_record(folder: Path) -> str:
    """Change one quote of one participation (in the middle of the data) the way a curator would."""
    files = sorted(folder.glob("participations-*.yaml"))
    path = files[len(files) // 2]
    doc = yaml.safe_load(path.read_text())
    record = doc["participations"][len(doc["participations"]) // 2]
    record["evidence"][0]["quote"] = record["evidence"][0]["quote"].rstrip(".") + ", as corrected."
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return str(record["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=10_000, help="number of synthetic facts (records with evidence)")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pyshacl", action="store_true", help="also time pyshacl on the same triples (slow)")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw engine ingest")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="full loads and raw ingests, alternated, in one run: the best of each is reported (a shared machine's "
        "load comes and goes); memory is the first load's",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--source-dir",
        type=Path,
        help="load these YAML files (e.g. made by bench/synthetic.py --out) instead of generating --scale facts; "
        "they are copied first, since the reload edits one",
    )
    args = parser.parse_args()
    command = "python bench/load.py " + " ".join(sys.argv[1:])
    out: dict[str, Any] = {"command": command, "scale": args.scale}

    with tempfile.TemporaryDirectory(prefix="eucan-bench-") as tmp:
        folder = Path(tmp)
        if args.source_dir is not None:
            (folder / "data").mkdir()
            files = [Path(shutil.copy(path, folder / "data")) for path in sorted(args.source_dir.glob("*.yaml"))]
        else:
            data = generate(args.scale, args.seed)
            files = write_yaml(data, folder / "data")
            del data
        with FalkorDBStore(folder / "engine", timeout_max_ms=600_000) as store:
            loads: list[float] = []
            raws: list[float] = []
            for attempt in range(args.repeat):
                memory = PhaseMemory() if attempt == 0 else None
                t0 = time.perf_counter()
                loaded = load_sources(
                    store,
                    [folder / "data"],
                    root=folder,
                    batch_size=args.batch_size,
                    state_dir=folder / "engine",
                    full=True,
                    on_phase=memory.phase if memory is not None else None,
                    progress=memory.progress if memory is not None else None,
                    # as `eucan load` does, unless this bench reads the triples or rows afterwards
                    keep_rdf=not args.no_raw or args.pyshacl,
                )
                loads.append(time.perf_counter() - t0)
                if memory is not None:
                    out["python_peak_mb_by_phase"] = memory.stop("write")
                    out["all_processes_peak_mb_load"] = round(memory.total_peak)
                    out["at_all_processes_peak"] = memory.at_total_peak
                    # the load's peak, before this bench builds anything of its own (the raw ingest's rows)
                    out.update(python_peak_mb_load=python_peak_mb(), engine_peak_mb=engine_peak_mb(store))
                    out["children_peak_mb_load"] = children_peak_mb()  # the load's child, when it had one
                # a large load as `eucan load` makes it (`--no-raw`) is validated by a child process
                # (`loaders.apart`): then the state is read from the data folder
                validated = loaded.validated
                out["child_process"] = validated is None
                if attempt == 0:
                    state = validated.state if validated is not None else incremental.read_state(folder / "engine")
                    assert state is not None
                    facts = sum(1 for _, entry in state.iter_records() if entry[0] != "sources")
                    del state
                    out["scale"] = args.scale if args.source_dir is None else facts
                    out.update(
                        facts=facts,
                        triples=loaded.triples,
                        nodes=loaded.load.nodes,
                        relationships=loaded.load.relationships,
                    )
                pg = validated.property_graph if validated is not None and not args.no_raw else None
                if loads[-1] == min(loads):  # the best attempt's phases
                    out.update(
                        phases=loaded.timings,
                        write=loaded.load.seconds,
                        state=loaded.load.rdf_cache_seconds,
                        load=loads[-1],
                    )
                if pg is not None:
                    raws.append(raw_ingest(store, pg, args.batch_size))
                if attempt < args.repeat - 1:
                    del validated, pg, loaded  # before the next attempt builds its own
            out["loads"], out["raws"] = loads, raws
            t_write, t_load = out["write"], out["load"]
            if args.pyshacl:
                t0 = time.perf_counter()
                assert validated is not None
                problems = check_shacl(validated.canonical.triples, {}, engine="pyshacl")
                out["pyshacl"] = time.perf_counter() - t0
                assert not problems, problems[:3]
            out["raw"] = min(raws) if raws else None
            del validated, pg, loaded
            edited = edit_one_record(folder / "data")
            t0 = time.perf_counter()
            again = load_sources(
                store, [folder / "data"], root=folder, batch_size=args.batch_size, state_dir=folder / "engine"
            )
            assert again.load is not None and again.load.mode == "incremental", again.load
            out.update(
                edited=edited,
                reload=time.perf_counter() - t0,
                reload_write=again.load.seconds,
                reload_state=again.load.rdf_cache_seconds,
                reload_phases=again.timings,
                reload_nodes=again.load.nodes,
                reload_deleted=again.load.deleted,
                reload_relationships=again.load.relationships,
            )
            out["engine_peak_mb_bench"] = engine_peak_mb(store)
        out["python_peak_mb"] = python_peak_mb()

    print(f"command: {command}")
    print(
        f"facts: {facts:,} in {len(files)} files; {out['triples']:,} triples; "
        f"{out['nodes']:,} nodes + {out['relationships']:,} relationships"
    )
    for key, label in PHASES.items():
        seconds = out["phases"].get(key, 0.0)
        print(f"  {label:44}: {seconds:8.2f} s  {facts / seconds:10,.0f} facts/s")
    if "pyshacl" in out:
        print(
            f"  {'SHACL (pyshacl, same triples)':44}: {out['pyshacl']:8.2f} s  {facts / out['pyshacl']:10,.0f} facts/s"
        )
    print(f"  {'loader write (staging, CREATE, switch, save)':44}: {t_write:8.2f} s  {facts / t_write:10,.0f} facts/s")
    print(f"{'loader end to end (eucan load, all phases)':46}: {t_load:8.2f} s  {facts / t_load:10,.0f} facts/s")
    if out["raw"]:
        raw = out["raw"]
        print(f"{'raw engine ingest (CREATE, same rows)':46}: {raw:8.2f} s  {facts / raw:10,.0f} facts/s")
        print(f"ratio loader write / raw ingest (rate)        : {raw / t_write:.2f}")
        print(f"ratio loader end to end / raw ingest (rate)   : {raw / t_load:.2f}")
    if len(out["loads"]) > 1:
        print(
            f"attempts (best of each above): loads {', '.join(f'{t:.1f}' for t in out['loads'])} s; "
            f"raw ingests {', '.join(f'{t:.1f}' for t in out['raws'])} s"
        )
    if "pyshacl" in out:
        print(f"ratio pyshacl / loader's SHACL (time)         : {out['pyshacl'] / out['phases']['shacl']:.1f}")
    print(
        f"incremental reload after editing {out['edited']}: {out['reload']:.2f} s "
        f"(validate {sum(out['reload_phases'].values()):.2f} s "
        f"[{', '.join(f'{k} {v:.2f}' for k, v in out['reload_phases'].items())}], write {out['reload_write']:.2f} s, "
        f"saved RDF and state {out['reload_state']:.2f} s: "
        f"{out['reload_deleted']} nodes deleted, {out['reload_nodes']} nodes and {out['reload_relationships']} "
        "relationships written)"
    )
    print(f"ratio full load / incremental reload (time)   : {t_load / out['reload']:.1f}")
    print(
        "python peak RSS by phase (MB): "
        + ", ".join(f"{k} {v:,}" for k, v in out.get("python_peak_mb_by_phase", {}).items())
    )
    print(
        f"peak RSS during the load: python {out['python_peak_mb_load']:,.0f} MB + engine (redis-server) "
        f"{out['engine_peak_mb'] or 0:,.0f} MB = {out['python_peak_mb_load'] + (out['engine_peak_mb'] or 0):,.0f} MB; "
        f"whole bench: python {out['python_peak_mb']:,.0f} MB, engine {out['engine_peak_mb_bench'] or 0:,.0f} MB"
    )
    print(
        "peak RSS of the load's processes together (this one, the engine, the YAML worker; sampled every 0.1 s): "
        f"{out['all_processes_peak_mb_load']:,} MB"
    )
    peak = out.get("at_all_processes_peak") or {}
    if peak:
        print(
            f"  at that peak: python {peak['python_mb']:,} MB + the others {peak['others_mb']:,} MB, in phase "
            f"{peak['phase']} (rows written {peak['written']}; all written: the switch, snapshot and saved state)"
        )
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
