"""One-record reloads of this checkout beside another checkout's, in one run.

    python bench/reload.py --scale 100000 --repeat 3 --baseline /work/main/.venv/bin/python

Writes the synthetic facts once (`bench/synthetic.py`); each checkout (this one, and the one whose
virtual environment's Python is `--baseline`) gets its own copy and its own engine, in a worker process
of its own Python (so each runs its own `eucan`), and loads it in full as `eucan load --full` does
(the canonical RDF and the export's bodies saved beside the graph). Then, alternating between the two
workers `--repeat` times, each edits one record (a quote of a participation in the middle of the data,
as `bench/load.py` does) and times the reload (`load_sources` as `eucan load` calls it: incremental). The
best of each is reported, with the ratio, the phases of this checkout's best reload, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

WORKER = "--worker"


def _edit_one_record(folder: Path) -> str:
    """Change one quote of one participation (in the middle of the data) the way a curator would
    (`bench.load.edit_one_record`, copied: a worker imports nothing of this checkout but this file)."""
    import yaml

    files = sorted(folder.glob("participations-*.yaml"))
    path = files[len(files) // 2]
    doc = yaml.safe_load(path.read_text())
    record = doc["participations"][len(doc["participations"]) // 2]
    record["evidence"][0]["quote"] = record["evidence"][0]["quote"].rstrip(".") + ", as corrected."
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return str(record["id"])


def _worker(folder: Path) -> None:
    """Load `folder/data` in full, say so, then for each line on stdin edit one record and reload."""
    from eucan.graph.falkordb_store import FalkorDBStore
    from eucan.linked.saved_rdf import derive_bodies
    from eucan.loaders.pipeline import load_sources

    data, engine = folder / "data", folder / "engine"

    def load(full: bool) -> Any:
        return load_sources(
            store, [data], root=folder, state_dir=engine, full=full, derive=derive_bodies, keep_rdf=False
        )

    with FalkorDBStore(engine, timeout_max_ms=600_000) as store:
        started = time.perf_counter()
        load(True)
        import eucan

        print(json.dumps({"full": time.perf_counter() - started, "eucan": eucan.__file__}), flush=True)
        for _ in sys.stdin:
            edited = _edit_one_record(data)
            started = time.perf_counter()
            loaded = load(False)
            seconds = time.perf_counter() - started
            summary = loaded.load
            out = {
                "reload": seconds,
                "mode": summary.mode,
                "edited": edited,
                "phases": loaded.timings,
                "write": summary.seconds,
                "saved_rdf_and_state": summary.rdf_cache_seconds,
                "nodes": summary.nodes,
                "deleted": summary.deleted,
            }
            print(json.dumps(out), flush=True)


def _start(python: str, folder: Path) -> subprocess.Popen[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.Popen(
        [python, str(Path(__file__).resolve()), WORKER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=folder,
    )


def _answer(process: subprocess.Popen[str]) -> dict[str, Any]:
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        raise SystemExit(f"a worker stopped (exit {process.wait()})")
    answer: dict[str, Any] = json.loads(line)
    return answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=10_000, help="number of synthetic facts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="reloads per checkout, alternated")
    parser.add_argument("--baseline", help="the Python of another checkout's virtual environment (e.g. main's)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.synthetic import generate, write_yaml

    command = "python bench/reload.py " + " ".join(sys.argv[1:])
    pythons = {"this checkout": sys.executable}
    if args.baseline:
        pythons["baseline"] = args.baseline
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in pythons}
    fulls: dict[str, float] = {}
    code: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="eucan-reload-") as tmp:
        source = Path(tmp) / "source"
        write_yaml(generate(args.scale, args.seed), source)
        workers = {}
        for number, (name, python) in enumerate(pythons.items()):
            folder = Path(tmp) / f"checkout-{number}"
            shutil.copytree(source, folder / "data")
            workers[name] = _start(python, folder)
            first = _answer(workers[name])  # one full load at a time
            fulls[name], code[name] = first["full"], str(Path(first["eucan"]).parent.parent)
        loads = []
        for _ in range(args.repeat):
            for name, process in workers.items():
                assert process.stdin is not None
                process.stdin.write("reload\n")
                process.stdin.flush()
                results[name].append(_answer(process))
                loads.append(os.getloadavg()[0])
        for process in workers.values():
            assert process.stdin is not None
            process.stdin.close()
            process.wait()
    print(f"command: {command}")
    print(
        f"UTC {time.strftime('%Y-%m-%d %H:%M', time.gmtime())}; load average (1 min) during the reloads: "
        f"{min(loads):.1f}-{max(loads):.1f}"
    )
    best = {}
    for name, runs in results.items():
        modes = {run["mode"] for run in runs}
        times = [run["reload"] for run in runs]
        best[name] = min(times)
        print(
            f"{name:14}: one-record reload best {best[name]:.2f} s (runs {', '.join(f'{t:.2f}' for t in times)}; "
            f"{'/'.join(sorted(modes))}); full load {fulls[name]:.1f} s; code in {code[name]}"
        )
        top = min(runs, key=lambda run: run["reload"])
        phases = ", ".join(f"{key} {value:.2f}" for key, value in top["phases"].items())
        print(
            f"{'':16}best: phases [{phases}], write {top['write']:.2f} s, saved RDF and state "
            f"{top['saved_rdf_and_state']:.2f} s, {top['deleted']} nodes deleted, {top['nodes']} written"
        )
    if "baseline" in best:
        print(f"ratio baseline / this checkout (time): {best['baseline'] / best['this checkout']:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"command": command, "results": results, "full": fulls}, indent=2))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == WORKER:
        _worker(Path(sys.argv[2]))
    else:
        main()
