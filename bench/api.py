"""Every `/api/v1` list endpoint under bounded load on loopback: p50/p99 latency and requests/s.

    python bench/api.py --scale 100000 --requests 2000 --concurrency 4
    python bench/api.py --data-dir /work/big/api1m --scale 1000000 --json bench/results/api-1000000.json

Without `--data-dir` it builds the synthetic graph of `bench/synthetic.py` (about `--scale` facts) in a
temporary folder and loads it into the embedded FalkorDB store; with `--data-dir DIR` it serves the graph
already loaded there (`eucan load --data-dir DIR`, or an earlier run's `--keep DIR`) and builds nothing.
It then starts `eucan serve --no-load` on a random loopback port in a subprocess, reads what a client may
ask about from the server itself (actor, instrument and domain ids, event years, through the read-only
`/api/v1/cypher`), and sends a fixed number of requests from `--concurrency` clients (each a process with one keep-alive connection; `--client threads`: threads of the bench, as before 2026-12-03, when they used httpx) to each
list endpoint, at its default page size, with random parameters drawn as a reader would use them (see
ENDPOINTS: e.g. `/cooperation?actor=` with a random actor, sometimes with `as_of` or `domain`; `/actors`
at a random page; `/search?q=` with a name, a source title's words or an event's name). `/actors/{id}`,
one actor in detail, is timed too, as before. Client and server share the machine, so the figures include
the client's own cost.

`--baseline PYTHON` starts a second server with another interpreter (e.g. `/work/main/.venv/bin/python`, the
main checkout's code) on the same graph and times each endpoint on it right before the current code, in the
same run, so the two can be compared as a ratio on a noisy machine.

`--json FILE` writes the figures for `bench/growth.py`:

    {"scale": 1000000, "facts": 1000000, "concurrency": 4, "requests": 1000, "command": "...",
     "endpoints": {"/api/v1/cooperation?actor=": {"p50_ms": .., "p99_ms": .., "rps": .., "max_ms": ..,
                                                  "mean_kb": .., "requests": .., "errors": ..}, ...},
     "baseline": {"python": "...", "requests": .., "endpoints": {...the same keys...}}}   # with --baseline
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import generate, write_yaml  # noqa: E402
from eucan.graph.falkordb_server import EngineLimits, engine_pids, start_or_attach  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.loaders.pipeline import validate_sources  # noqa: E402

ACTOR_TYPES = ["State", "InternationalOrganisation", "GovernmentDepartment", "EUBody", "Person"]
INSTRUMENT_TYPES = ["Agreement", "PescoProject", "CsdpMission", "CsdpOperation", "Dialogue", "Partnership", "LegalAct"]
PAGE = 50
"""The step of the random offsets (`_offset`). Requests send no `limit`: each endpoint answers at its own default
page size (50; 20 for `/actors/{id}/partners`, `eucan.api.models.ROW_PAGE`; 10 for `/cooperation`,
`COOPERATION_PAGE`)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def build(scale: int, seed: int, folder: Path) -> None:
    """Write, validate and load the synthetic data into `folder / "kg"`."""
    data = generate(scale, seed)
    write_yaml(data, folder / "data")
    t0 = time.perf_counter()
    validated = validate_sources([folder / "data"], folder, shacl=False)
    with FalkorDBStore(folder / "kg") as store:
        store.replace_graph(validated.property_graph)
    print(f"built {validated.records:,} records in {time.perf_counter() - t0:.1f} s")


def wait_ready(base: str, process: subprocess.Popen[bytes], timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with code {process.returncode}")
        try:
            answer = httpx.get(f"{base}/api/v1/health", timeout=5)
            # A server that warms its lists' kept orders says when they are built ("warm"); older code says nothing.
            if answer.status_code == 200 and answer.json().get("warm", True):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not become ready")


@dataclass
class Graph:
    """What a client may ask about, read from the served graph."""

    facts: int
    actors: list[str]  # actors that take part in at least one instrument
    all_actors: int
    instruments: list[str]
    all_instruments: int
    domains: list[str]
    events: int
    years: list[str] = field(default_factory=list)


def cypher(base: str, query: str) -> list[list[Any]]:
    response = httpx.post(f"{base}/api/v1/cypher", json={"query": query}, timeout=600)
    response.raise_for_status()
    rows: list[dict[str, Any]] = response.json()["rows"]
    return [list(row.values()) for row in rows]


def read_graph(base: str, seed: int) -> Graph:
    """A random sample (up to 5,000) of the ids a reader would ask about, and the counts to page through."""
    rng = random.Random(seed)

    def count(query: str) -> int:
        return int(cypher(base, query)[0][0])

    def sample(query: str, total: int) -> list[str]:
        share = min(1.0, 5000 / max(total, 1))  # rand() keeps a spread-out sample within the row cap
        return sorted(str(r[0]) for r in cypher(base, query.replace("$share", repr(share))) if r[0] is not None)

    facts = count("MATCH (r)-[:EVIDENCE]->(:SourceExcerpt) RETURN count(DISTINCT r)")  # records with a source
    all_actors = count("MATCH (a:Actor) RETURN count(a)")
    all_instruments = count("MATCH (i:Instrument) RETURN count(i)")
    events = count("MATCH (e:Event) RETURN count(e)")
    actors = sample(
        "MATCH (a:Actor) WHERE rand() < $share WITH a MATCH (a)<-[:PARTICIPANT]-(:Participation) "
        "RETURN DISTINCT a.id LIMIT 5000",
        all_actors,
    )
    instruments = sample("MATCH (i:Instrument) WHERE rand() < $share RETURN i.id LIMIT 5000", all_instruments)
    domains = sorted(str(r[0]) for r in cypher(base, "MATCH (d:CooperationDomain) RETURN d.id"))
    years = sorted({str(r[0])[:4] for r in cypher(base, "MATCH (e:Event) RETURN e.date LIMIT 2000") if r[0]})
    rng.shuffle(actors)
    return Graph(facts, actors, all_actors, instruments, all_instruments, domains, events, years)


def _path(path: str, **params: object) -> str:
    kept = {k: v for k, v in params.items() if v is not None}
    return f"{path}?{urlencode(kept)}" if kept else path


def _offset(rng: random.Random, total: int) -> int | None:
    """Half the requests read the first page; the others a random page of the list."""
    if rng.random() < 0.5 or total <= PAGE:
        return None
    return rng.randrange(0, total // PAGE) * PAGE


def _day(rng: random.Random, low: int = 1995, high: int = 2025) -> str:
    return f"{rng.randint(low, high)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def endpoints(g: Graph) -> dict[str, Callable[[random.Random], str]]:
    """Each endpoint with a random request as a reader would make it (default page size: no `limit`)."""

    def maybe(rng: random.Random, share: float, value: Callable[[], object]) -> object:
        return value() if rng.random() < share else None

    def search_words(rng: random.Random) -> str:
        """A name, a source title's words, an event's name (present at every scale)."""
        kind = rng.choice(["actor", "acteur", "source", "meeting"])
        if kind == "source":
            return f"synthetic source {rng.randrange(max(1, g.facts // 25))}"
        if kind == "meeting":
            return f"meeting {rng.randrange(max(1, g.events))}"
        return f"{kind} {rng.randrange(max(1, g.all_actors))}"

    def actors(rng: random.Random) -> str:
        kind = maybe(rng, 0.3, lambda: rng.choice(ACTOR_TYPES))
        return _path("/api/v1/actors", type=kind, offset=_offset(rng, g.all_actors // (3 if kind else 1)))

    def instruments(rng: random.Random) -> str:
        choice = rng.random()
        if choice < 0.3:
            return _path("/api/v1/instruments", type=rng.choice(INSTRUMENT_TYPES), offset=_offset(rng, 1000))
        if choice < 0.6:
            return _path("/api/v1/instruments", domain=rng.choice(g.domains), offset=_offset(rng, 1000))
        return _path("/api/v1/instruments", offset=_offset(rng, g.all_instruments))

    def events(rng: random.Random) -> str:
        choice = rng.random()
        if choice < 0.4:
            return _path("/api/v1/events", actor=rng.choice(g.actors))
        if choice < 0.7 and g.years:
            year = rng.choice(g.years)
            return _path("/api/v1/events", **{"from": f"{year}-01-01", "to": f"{year}-12-31"})
        return _path("/api/v1/events", offset=_offset(rng, g.events))

    def cooperation_actor(rng: random.Random) -> str:
        return _path(
            "/api/v1/cooperation",
            actor=rng.choice(g.actors),
            as_of=maybe(rng, 0.3, lambda: _day(rng)),
            domain=maybe(rng, 0.2, lambda: rng.choice(g.domains)),
        )

    def cooperation(rng: random.Random) -> str:
        choice = rng.random()
        if choice < 0.4:
            return _path("/api/v1/cooperation", partner=rng.choice(g.actors))
        if choice < 0.6:
            return _path("/api/v1/cooperation", domain=rng.choice(g.domains), offset=_offset(rng, 1000))
        if choice < 0.8:
            return _path("/api/v1/cooperation", instrument_type=rng.choice(INSTRUMENT_TYPES[:6]))
        return _path("/api/v1/cooperation", offset=_offset(rng, g.facts // 2))

    return {
        "/api/v1/actors": actors,
        "/api/v1/actors/{id}/partners": lambda rng: _path(
            f"/api/v1/actors/{rng.choice(g.actors)}/partners", as_of=maybe(rng, 0.3, lambda: _day(rng))
        ),
        "/api/v1/instruments": instruments,
        "/api/v1/events": events,
        "/api/v1/domains": lambda rng: "/api/v1/domains",
        "/api/v1/cooperation?actor=": cooperation_actor,
        "/api/v1/cooperation": cooperation,
        "/api/v1/timeline?actor=": lambda rng: _path(
            "/api/v1/timeline",
            actor=rng.choice(g.actors),
            **({"from": f"{rng.randint(1990, 2010)}-01-01"} if rng.random() < 0.3 else {}),
        ),
        "/api/v1/search?q=": lambda rng: _path("/api/v1/search", q=search_words(rng)),
        "/api/v1/queries": lambda rng: "/api/v1/queries",
        "/api/v1/actors/{id}": lambda rng: f"/api/v1/actors/{rng.choice(g.actors)}",
    }


def cpu_s(pid: int | None) -> float:
    """CPU seconds (user + system, all threads) a process has used so far; 0 if unknown."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _client(base: str, paths: list[str]) -> tuple[list[float], list[int], list[str], float, float]:
    """One client: `paths` in order over one keep-alive HTTP/1.1 connection. Latencies (s), sizes, errors, and when
    it started and ended (`time.perf_counter`, CLOCK_MONOTONIC: one clock for every process of the machine)."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    latencies: list[float] = []
    sizes: list[int] = []
    errors: list[str] = []
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    began = time.perf_counter()
    for path in paths:
        start = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as exc:  # e.g. the 60 s time limit: an error, timed as such
            latencies.append(time.perf_counter() - start)
            sizes.append(0)
            errors.append(f"{type(exc).__name__} {path}")
            connection.close()
            connection = http.client.HTTPConnection(host, int(port), timeout=60)
            continue
        latencies.append(time.perf_counter() - start)
        sizes.append(len(body))
        if response.status != 200:
            errors.append(f"{response.status} {path}")
    ended = time.perf_counter()
    connection.close()
    return latencies, sizes, errors, began, ended


class Clients:
    """`concurrency` clients, each in its own process (so that the clients' own Python does not share the
    bench's interpreter lock; `--client threads` runs them as threads of the bench instead, as before
    2026-12-03), kept for the whole run."""

    def __init__(self, concurrency: int, kind: str) -> None:
        self.concurrency = concurrency
        self.pool: Executor = (
            ProcessPoolExecutor(concurrency, mp_context=multiprocessing.get_context("fork"))
            if kind == "processes"
            else ThreadPoolExecutor(concurrency)
        )
        list(self.pool.map(time.sleep, [0.0] * concurrency))  # start them before anything is timed

    def close(self) -> None:
        self.pool.shutdown()

    def run(
        self,
        base: str,
        make_path: Callable[[random.Random], str],
        requests: int,
        seed: int,
        pids: tuple[int | None, int | None] = (None, None),
    ) -> dict[str, float]:
        """`requests` requests from the clients (the paths drawn before any is timed); with `pids` (the server's,
        the engine's), also the CPU time each spent per request: unlike latency, it hardly grows when other work
        shares the machine."""
        n = self.concurrency
        per_client = [requests // n + (1 if i < requests % n else 0) for i in range(n)]
        paths = []
        for index, count in enumerate(per_client):
            rng = random.Random(seed + index)
            paths.append([make_path(rng) for _ in range(count)])
        cpu_before = [cpu_s(pid) for pid in pids]
        answers = list(self.pool.map(_client, [base] * n, paths))
        server_cpu, engine_cpu = (cpu_s(pid) - before for pid, before in zip(pids, cpu_before, strict=True))
        latencies = sorted(x for a in answers for x in a[0])
        sizes = [x for a in answers for x in a[1]]
        errors = [x for a in answers for x in a[2]]
        wall = max(a[4] for a in answers) - min(a[3] for a in answers)
        for error in errors[:3]:
            print(f"  error: {error}")
        return {
            "requests": len(latencies),
            "errors": len(errors),
            "p50_ms": round(statistics.median(latencies) * 1000, 2),
            "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 2),
            "max_ms": round(latencies[-1] * 1000, 2),
            "rps": round(len(latencies) / wall, 1),
            "mean_kb": round(statistics.mean(sizes) / 1024, 1),
            "server_cpu_ms": round(server_cpu * 1000 / max(1, len(latencies)), 2),
            "engine_cpu_ms": round(engine_cpu * 1000 / max(1, len(latencies)), 2),
        }


def serve(data_dir: Path, cwd: Path, python: str = sys.executable) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    command = [
        python,
        "-m",
        "eucan.cli",
        "serve",
        "--no-load",
        "--data-dir",
        str(data_dir),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    print("server: " + " ".join(command))
    return f"http://127.0.0.1:{port}", subprocess.Popen(command, cwd=cwd)


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _row(label: str, r: dict[str, float]) -> str:
    return (
        f"{label:40} {r['requests']:>8.0f} {r['errors']:>6.0f} {r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f} "
        f"{r['max_ms']:>8.1f} {r['rps']:>7.0f} {r['mean_kb']:>7.1f} {r['server_cpu_ms']:>8.1f} {r['engine_cpu_ms']:>8.1f}"
    )


def measure(args: argparse.Namespace, data_dir: Path, cwd: Path) -> dict[str, Any]:
    """Time every endpoint; with `--baseline PYTHON`, a second server run by that interpreter (another checkout's
    code, e.g. main's) serves the same graph, and each endpoint is timed on it right before, in the same run."""
    servers: list[subprocess.Popen[bytes]] = []
    # The engine is started here, with time to read a large graph (a million facts take more than the 20 s a
    # server waits for it); the servers attach to it, and it stops when the bench ends.
    engine = start_or_attach(data_dir, start_timeout=1800, limits=EngineLimits())
    try:
        base, server = serve(data_dir, cwd)
        servers.append(server)
        wait_ready(base, server)
        baseline = None
        if args.baseline:
            baseline, old = serve(data_dir, cwd, args.baseline)
            servers.append(old)
            wait_ready(baseline, old)
        g = read_graph(base, args.seed)
        chosen = endpoints(g)
        if args.only:
            chosen = {k: v for k, v in chosen.items() if any(word in k for word in args.only)}
        print(
            f"graph: {g.facts:,} facts, {g.all_actors:,} actors ({len(g.actors):,} sampled that take part in "
            f"something), {g.all_instruments:,} instruments, {g.events:,} events, {len(g.domains)} domains"
        )
        print(f"load: {args.requests} requests per endpoint, {args.concurrency} clients ({args.client}), loopback\n")
        print(
            f"{'endpoint':40} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
            f"{'req/s':>7} {'KB':>7} {'srv cpu':>8} {'eng cpu':>8}"
        )
        print(f"{'':40} {'':>8} {'':>6} {'':>8} {'':>8} {'':>8} {'':>7} {'':>7} {'ms/req':>8} {'ms/req':>8}")
        results: dict[str, dict[str, float]] = {}
        before: dict[str, dict[str, float]] = {}
        engines = engine_pids(data_dir / "falkordb.sock")
        engine_pid = engines[0] if len(engines) == 1 else None
        clients = Clients(args.concurrency, args.client)
        try:
            for label, make_path in chosen.items():
                if baseline:
                    clients.run(baseline, make_path, max(args.baseline_requests // 10, args.concurrency), 1)
                    b = clients.run(baseline, make_path, args.baseline_requests, args.seed, (old.pid, engine_pid))
                    before[label] = b
                    print(_row(f"{label} (baseline)", b), flush=True)
                if args.warmup:
                    clients.run(base, make_path, args.warmup, args.seed + 1000)
                r = clients.run(base, make_path, args.requests, args.seed, (server.pid, engine_pid))
                results[label] = r
                print(_row(label, r), flush=True)
        finally:
            clients.close()
        out: dict[str, Any] = {
            "scale": args.scale,
            "facts": g.facts,
            "concurrency": args.concurrency,
            "client": args.client,
            "requests": args.requests,
            "page_size": "each endpoint's default (50; 20 for /actors/{id}/partners; 10 for /cooperation)",
            "command": "python bench/api.py " + " ".join(sys.argv[1:]),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "endpoints": results,
        }
        if before:
            out["baseline"] = {"python": args.baseline, "requests": args.baseline_requests, "endpoints": before}
        return out
    finally:
        for server in servers:
            stop(server)
        engine.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--scale", type=int, default=100_000, help="number of synthetic facts (the label with --data-dir)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=1000, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent clients")
    parser.add_argument(
        "--client",
        choices=["processes", "threads"],
        default="processes",
        help="each client a process with one keep-alive connection (default), or a thread of the bench (its figures "
        "before 2026-12-03, then with httpx, shared the bench's interpreter lock with the timing)",
    )
    parser.add_argument("--warmup", type=int, default=100, help="requests per endpoint before measuring")
    parser.add_argument("--data-dir", type=Path, help="serve the graph already loaded in this folder (build nothing)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it (reuse it with --data-dir)")
    parser.add_argument("--only", nargs="*", help="only the endpoints whose label holds one of these words")
    parser.add_argument("--json", type=Path, help="write the figures to this file (for bench/growth.py)")
    parser.add_argument(
        "--baseline",
        help="also time each endpoint, just before, on a server run by this Python (e.g. /work/main/.venv/bin/python: "
        "main's code) over the same graph",
    )
    parser.add_argument("--baseline-requests", type=int, default=200, help="requests per endpoint on the baseline")
    args = parser.parse_args()
    # Stopped from outside (e.g. `timeout`): leave through the `finally` blocks, which stop the servers and the engine.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    print("command: python bench/api.py " + " ".join(sys.argv[1:]))
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}")

    if args.data_dir:
        # The servers run from the folder's parent: a relative path would name another (empty) folder there.
        data_dir = args.data_dir.resolve()
        result = measure(args, data_dir, data_dir.parent)
    elif args.keep:
        keep = args.keep.resolve()
        keep.mkdir(parents=True, exist_ok=True)
        build(args.scale, args.seed, keep)
        result = measure(args, keep / "kg", keep)
    else:
        with tempfile.TemporaryDirectory(prefix="eucan-bench-api-") as tmp:
            build(args.scale, args.seed, Path(tmp))
            result = measure(args, Path(tmp) / "kg", Path(tmp))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
