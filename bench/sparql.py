"""Benchmark: the SPARQL endpoint beside pyoxigraph on the same triples, side by side in one run.

    python bench/sparql.py --scale 100000 --json bench/results/sparql-100000.json
    python bench/sparql.py --data-dir /work/big/xs1m --json bench/results/sparql-1000000.json   # a loaded folder

Builds the synthetic dataset of `bench/synthetic.py` (`--scale` facts) and loads it with `eucan load`'s
code path into a throw-away embedded FalkorDB (or opens `--data-dir`, already loaded), then measures:

- **start-up**: the SPARQL service building its store (`SparqlService`: the N-Triples dump of the graph,
  a copy of the body `eucan load` kept, then a worker process loading it into pyoxigraph and answering a
  first query), beside pyoxigraph's own `Store.bulk_load` of the same dump in this process;
- **queries**: a count, a selective lookup and a join over participations, each `--repeat` times:
  pyoxigraph's `Store.query` on the same triples with its results serialized as SPARQL JSON (what the
  endpoint sends), the service in process (`SparqlService.query`), and the real server over HTTP
  (`eucan serve --no-load` on a loopback port, `GET /sparql`). Medians (p50) and p99 are reported, and
  each path's p50 divided by pyoxigraph's.

Peak RSS of this process, the server and the workers is printed. The figures are ratios measured in
one run on a shared machine; compare inside a row.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyoxigraph import QueryResultsFormat, RdfFormat, Store  # noqa: E402

from bench.memory import python_peak_mb  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.linked.saved_rdf import body_suffix, derive_bodies  # noqa: E402
from eucan.linked.sparql_service import SparqlService  # noqa: E402
from eucan.loaders.rdf_cache import keep_derived  # noqa: E402

ECS = "https://w3id.org/eucan-security/ontology#"
ID = "https://w3id.org/eucan-security/id/"


def queries(actor: str) -> dict[str, str]:
    prefix = f"PREFIX ecs: <{ECS}>\n"
    return {
        "count": prefix + "SELECT (COUNT(?p) AS ?n) WHERE { ?p a ecs:Participation }",
        "lookup": f"SELECT ?p ?o WHERE {{ <{ID}actor/{actor}> ?p ?o }}",
        "join": prefix
        + (
            "SELECT ?instrument ?role ?start ?quote WHERE { "
            f"?part ecs:participant <{ID}actor/{actor}> ; ecs:instrument ?instrument ; ecs:role ?role ; "
            "ecs:evidence ?e . ?e ecs:quote ?quote . OPTIONAL { ?part ecs:startDate ?start } } ORDER BY ?instrument"
        ),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
    }


def timed(call: Any, repeat: int) -> tuple[list[float], Any]:
    samples = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        samples.append(time.perf_counter() - started)
    return samples, result


def load(scale: int, folder: Path) -> Path:
    from bench.synthetic import generate, write_yaml
    from eucan.loaders.pipeline import load_sources

    write_yaml(generate(scale), folder / "data")
    with FalkorDBStore(folder / "kg", default_timeout_ms=600_000, row_cap=1_000_000) as store:
        started = time.perf_counter()
        load_sources(
            store, [folder / "data"], root=folder, batch_size=5000, state_dir=folder / "kg", derive=derive_bodies
        )
        print(f"loaded in {time.perf_counter() - started:.1f} s", flush=True)
    return folder / "kg"


def wait_ready(base_port: int, process: subprocess.Popen[bytes], timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with code {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", base_port, timeout=5)
            connection.request("GET", "/api/v1/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not become ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100_000, help="number of facts (default 100000)")
    parser.add_argument("--data-dir", type=Path, help="an embedded data folder already loaded (skips building)")
    parser.add_argument("--actor", default="actor-7", help="the actor of the lookup and the join")
    parser.add_argument("--repeat", type=int, default=50, help="runs of each query on each path")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP server")
    parser.add_argument(
        "--worker-memory-mb",
        type=int,
        default=0,
        help="EUCAN_SPARQL_WORKER_MEMORY_MB for the server's worker (default 0, the setting's default: sized "
        "from the graph)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    command = " ".join(["python", "bench/sparql.py", *sys.argv[1:]])
    figures: dict[str, Any] = {"command": command, "scale": args.scale, "queries": {}}

    with tempfile.TemporaryDirectory(prefix="eucan-bench-sparql-") as tmp:
        folder = args.data_dir or load(args.scale, Path(tmp))
        work = Path(tmp) / "sparql"
        with FalkorDBStore(folder, default_timeout_ms=600_000, row_cap=1_000_000, start_timeout_s=900) as store:
            info = store.load_generation()
            print(f"graph: {info.nodes if info else 0:,} nodes, {info.relationships if info else 0:,} relationships")
            texts = queries(args.actor)
            service = SparqlService(
                store=store, work_dir=work, marker_dir=folder, workers=1, timeout_ms=600_000, row_cap=100_000
            )
            # One pyoxigraph store in memory at a time (at 1 M facts each holds ~19 M triples): the
            # service's worker, then the server's, then this process's own.
            token = info.token if info else ""
            if token and not (folder / "rdf" / f"{token}.{body_suffix('nt')}").exists():
                # a folder loaded before `eucan load` kept the export bodies: make them as it does now
                keep_derived(folder, token, derive_bodies)
            with service:
                # Start-up: the dump, then a worker loading it and answering a first query.
                started = time.perf_counter()
                service.refresh(force=True)
                dumped = time.perf_counter() - started
                service.query("ASK { ?s ?p ?o }")
                startup = time.perf_counter() - started
                built = service._built
                assert built is not None
                dump = work / "kept.nt"
                os.link(built.dump, dump)
                print(f"start-up: service {startup:.2f} s (dump {dumped:.2f} s)", flush=True)
                for name, text in texts.items():
                    timed(lambda text=text: service.query(text), 3)
                    samples, _ = timed(lambda text=text: service.query(text), args.repeat)
                    figures["queries"][name] = {"text": text, "service": stats(samples)}
            figures["startup"] = {"service_s": startup, "service_dump_s": dumped}

            if not args.no_http:
                port = free_port()
                env = {
                    **os.environ,
                    "EUCAN_DATA_DIR": str(folder),
                    "EUCAN_SPARQL_WORKERS": "1",
                    "EUCAN_SPARQL_WORKER_MEMORY_MB": str(args.worker_memory_mb),
                }
                server = subprocess.Popen(
                    [sys.executable, "-m", "eucan.cli", "serve", "--no-load", "--port", str(port)],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=(work / "server.log").open("wb"),
                )
                try:
                    wait_ready(port, server)
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

                    def get(text: str) -> bytes:
                        path = "/sparql?" + urllib.parse.urlencode({"query": text})
                        connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
                        response = connection.getresponse()
                        body = response.read()
                        assert response.status == 200, body[:300]
                        return body

                    started = time.perf_counter()
                    get("ASK { ?s ?p ?o }")
                    figures["startup"]["http_first_query_s"] = time.perf_counter() - started
                    for name, text in texts.items():
                        timed(lambda text=text: get(text), 3)
                        samples, _ = timed(lambda text=text: get(text), args.repeat)
                        figures["queries"][name]["http"] = stats(samples)
                except BaseException:
                    print((work / "server.log").read_text(errors="replace")[-2000:])
                    raise
                finally:
                    server.terminate()
                    server.wait(timeout=60)

        # pyoxigraph alone: bulk-load the same dump, then the same queries with results as SPARQL JSON.
        triples = sum(1 for _ in dump.open("rb"))
        oxi = Store()
        started = time.perf_counter()
        oxi.bulk_load(path=str(dump), format=RdfFormat.N_TRIPLES)
        oxi_load = time.perf_counter() - started
        figures["startup"].update(triples=triples, pyoxigraph_bulk_load_s=oxi_load, ratio=startup / oxi_load)
        print(
            f"start-up: service {startup:.2f} s vs pyoxigraph bulk_load {oxi_load:.2f} s: "
            f"{startup / oxi_load:.2f}x ({triples:,} triples)",
            flush=True,
        )
        for name, text in texts.items():

            def direct(text: str = text) -> bytes:
                result: Any = oxi.query(text)
                body: bytes = result.serialize(format=QueryResultsFormat.JSON)
                return body

            timed(direct, 3)
            samples, body = timed(direct, args.repeat)
            figures["queries"][name]["pyoxigraph"] = stats(samples)
            figures["queries"][name]["rows"] = len(json.loads(body)["results"]["bindings"])

    print(f"command: {command}")
    for name, row in figures["queries"].items():
        base = row["pyoxigraph"]["p50_ms"]
        cells = [f"{name:7} ({row['rows']:>4} rows): pyoxigraph p50 {base:8.2f} ms"]
        for path in ("service", "http"):
            if path in row:
                p50 = row[path]["p50_ms"]
                row[path]["ratio"] = p50 / base
                cells.append(f"{path} p50 {p50:8.2f} ms ({p50 / base:5.2f}x) p99 {row[path]['p99_ms']:8.2f} ms")
        print("  " + " | ".join(cells))
    figures["bench_peak_mb"] = python_peak_mb()
    print(f"peak RSS of this process (with its own pyoxigraph store): {figures['bench_peak_mb']:,.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
