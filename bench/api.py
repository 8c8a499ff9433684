"""Bounded load on loopback against `eucan serve` over the synthetic graph: p50/p99 latency and requests/s.

    python bench/api.py --scale 100000 --requests 2000 --concurrency 4

Builds the synthetic graph of `bench/synthetic.py` (about `--scale` facts) in a temporary folder,
loads it into the embedded FalkorDB store, starts `eucan serve --no-load` on a random loopback
port in a subprocess, and sends a fixed number of requests from a few client threads (httpx) to
`/api/v1/cooperation?actor=...` and `/api/v1/actors/{id}` with random actor ids, and to
`/api/v1/search?q=...` with words a reader would type: a name ("actor 812"), a source title's words
("synthetic source 97", found through the quotes' sources), an event's name. Client and server
share the machine, so the figures include the client's own cost.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import generate, write_yaml  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.loaders.pipeline import validate_sources  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def build(scale: int, seed: int, folder: Path) -> tuple[list[str], int, dict[str, int]]:
    """Write, validate and load the synthetic data; return the actor ids that take part in something."""
    data = generate(scale, seed)
    write_yaml(data, folder / "data")
    t0 = time.perf_counter()
    validated = validate_sources([folder / "data"], folder, shacl=False)
    with FalkorDBStore(folder / "kg") as store:
        store.replace_graph(validated.property_graph)
    print(f"built {validated.records:,} records in {time.perf_counter() - t0:.1f} s")
    actors = sorted({p["actor"] for p in data["participations"]})
    facts = validated.records - len(data["sources"])
    sizes = {section: len(data[section]) for section in ("actors", "sources", "events", "instruments")}
    return actors, facts, sizes


def search_words(rng: random.Random, sizes: dict[str, int]) -> str:
    """What a reader types: a name, a source title's words, an event's name (the ids exist at this scale)."""
    kind = rng.choice(["actor", "source", "meeting", "acteur"])
    if kind == "source":
        return f"synthetic+source+{rng.randrange(sizes['sources'])}"
    if kind == "meeting":
        return f"meeting+{rng.randrange(sizes['events'])}"
    return f"{kind}+{rng.randrange(sizes['actors'])}"


def wait_ready(base: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with code {process.returncode}")
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not become ready")


def run_load(
    base: str, make_path: Callable[[random.Random], str], requests: int, concurrency: int, seed: int
) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_worker = [requests // concurrency + (1 if i < requests % concurrency else 0) for i in range(concurrency)]

    def worker(index: int) -> None:
        nonlocal errors
        rng = random.Random(seed + index)
        local: list[float] = []
        bad = 0
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(per_worker[index]):
                path = make_path(rng)
                start = time.perf_counter()
                response = client.get(path)
                local.append(time.perf_counter() - start)
                if response.status_code != 200:
                    bad += 1
        with lock:
            latencies.extend(local)
            errors += bad

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(worker, range(concurrency)))
    wall = time.perf_counter() - start
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": errors,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "max_ms": ordered[-1] * 1000,
        "rps": len(ordered) / wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100_000, help="number of synthetic facts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--warmup", type=int, default=200, help="requests per endpoint before measuring")
    args = parser.parse_args()
    print("command: python bench/api.py " + " ".join(sys.argv[1:]))
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}")

    with tempfile.TemporaryDirectory(prefix="eucan-bench-api-") as tmp:
        folder = Path(tmp)
        actors, facts, sizes = build(args.scale, args.seed, folder)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        command = [
            sys.executable,
            "-m",
            "eucan.cli",
            "serve",
            "--no-load",
            "--data-dir",
            str(folder / "kg"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ]
        print("server: " + " ".join(command))
        server = subprocess.Popen(command, cwd=folder)
        try:
            wait_ready(base, server)
            endpoints: dict[str, Callable[[random.Random], str]] = {
                "/api/v1/cooperation?actor={id}": lambda rng: f"/api/v1/cooperation?actor={rng.choice(actors)}",
                "/api/v1/actors/{id}": lambda rng: f"/api/v1/actors/{rng.choice(actors)}",
                "/api/v1/search?q={words}": lambda rng: "/api/v1/search?q=" + search_words(rng, sizes),
            }
            sample = httpx.get(f"{base}/api/v1/cooperation", params={"actor": actors[0]}, timeout=30).json()
            print(f"graph: {facts:,} facts; e.g. {actors[0]} has {sample['count']} cooperation rows")
            print(f"load: {args.requests} requests per endpoint, {args.concurrency} client threads, loopback\n")
            print(
                f"{'endpoint':36} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>8}"
            )
            for label, make_path in endpoints.items():
                run_load(base, make_path, args.warmup, args.concurrency, args.seed + 1000)
                r = run_load(base, make_path, args.requests, args.concurrency, args.seed)
                print(
                    f"{label:36} {r['requests']:>8.0f} {r['errors']:>6.0f} {r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f} "
                    f"{r['max_ms']:>8.1f} {r['rps']:>8.0f}"
                )
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


if __name__ == "__main__":
    main()
