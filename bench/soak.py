"""Soak test: many loopback clients over mixed endpoints, with hostile requests mixed in.

    python bench/soak.py --clients 50 --duration 60 --hostile 0.05

Starts `eucan serve` (curated data from ./data) on a free loopback port with a temporary
EUCAN_DATA_DIR, then runs two phases of `--duration` seconds each with `--clients` threads:

1. **baseline** — normal requests only (health, cooperation, actors, search, domains,
   instruments, timeline, a catalog query, read-only Cypher, a small SPARQL SELECT);
2. **mixed** — the same, with a share `--hostile` of requests drawn from the hostile corpora:
   SPARQL SERVICE bypasses aimed at a local listener (which must receive nothing), deeply nested
   and oversized SPARQL, slow SPARQL, oversized bodies and query strings, NUL and control
   characters, bad parameter names, NaN, foreign Host headers; with `--corpus all` also the
   engine corpus (deeply nested Cypher, cross products, huge `collect`).

Reports per phase: requests, server errors (5xx; a hostile query's 504 at the time limit is
counted apart, as designed), hangs (no answer within `--client-timeout`),
p50/p99 of the normal requests, the statuses the hostile ones got, and the p99 ratio
mixed/baseline; then the listener's request count and whether the server is still healthy.
Client and server share the machine, so the figures include the clients' own cost.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api import free_port, wait_ready  # noqa: E402  (one copy of the server helpers)

Request = Callable[[httpx.Client], httpx.Response]
SPARQL_NAME = (
    "SELECT ?name WHERE { <https://w3id.org/eucan-security/id/actor/canada> "
    "<http://www.w3.org/2004/02/skos/core#prefLabel> ?name }"
)


class Listener:
    """A local HTTP server that counts requests: SPARQL SERVICE bypasses aim at it."""

    def __init__(self) -> None:
        self.count = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.count += 1
                self.send_response(200)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def normal_requests() -> list[Request]:
    def get(path: str, **params: Any) -> Request:
        return lambda c: c.get(path, params=params)

    return [
        get("/api/v1/health"),
        get("/api/v1/cooperation", actor="canada", domain="maritime-security"),
        get("/api/v1/cooperation", actor="canada", as_of="2024-01-01"),
        get("/api/v1/actors/canada"),
        get("/api/v1/actors/canada/partners", as_of="2024-01-01", limit=5),
        get("/api/v1/search", q="defence"),
        get("/api/v1/domains"),
        get("/api/v1/instruments", type="PescoProject"),
        get("/api/v1/timeline", actor="canada", **{"from": "2005-01-01", "to": "2007-12-31"}),
        get("/api/v1/queries/actor_partners", actor="canada"),
        lambda c: c.post("/api/v1/cypher", json={"query": "MATCH (a:Actor {id: $id}) RETURN a.name", "parameters": {"id": "canada"}}),
        lambda c: c.get("/sparql", params={"query": SPARQL_NAME}, headers={"Accept": "application/sparql-results+json"}),
    ]  # fmt: skip


def _sparql_get(query: str) -> Request:
    return lambda c: c.get("/sparql", params={"query": query})


def _sparql_post(query: str) -> Request:
    return lambda c: c.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})


def _cypher(query: str) -> Request:
    return lambda c: c.post("/api/v1/cypher", json={"query": query})


def hostile_requests(listener_port: int, engine: bool) -> list[Request]:
    url = f"http://127.0.0.1:{listener_port}"
    services = [
        f"PREFIX : <{url}/x#> SELECT * WHERE {{ FILTER(1<2) SERVICE :x {{ ?x ?p ?o }} FILTER(3>2) }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"BASE <{url}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}/s> AS ?s) SERVICE ?s {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    ]
    body = {"Content-Type": "application/sparql-query"}
    out: list[Request] = []
    for q in services:
        out.append(_sparql_get(q))
        out.append(_sparql_post(q))
    out += [
        lambda c: c.post("/sparql", content="ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }", headers=body),
        lambda c: c.post("/sparql", content="ASK {" + "{" * 1000 + "}" * 1000 + "}", headers=body),
        lambda c: c.post("/sparql", content="SELECT * { ?s ?p ?o } #" + "x" * 50_000, headers=body),
        lambda c: c.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}),
        lambda c: c.post("/api/v1/cypher", content=b'{"query": "RETURN 1", "parameters": {"x": "' + b"a" * 2_000_000 + b'"}}',
                         headers={"Content-Type": "application/json"}),
        lambda c: c.get("/api/v1/search", params={"q": "a" * 20_000}),
        lambda c: c.get("/api/v1/actors/can%00ada"),
        lambda c: c.get("/api/v1/search", params={"q": "x\x01y"}),
        lambda c: c.post("/api/v1/cypher", json={"query": "RETURN 1", "parameters": {"`x": 1}}),
        lambda c: c.post("/api/v1/cypher", json={"query": "RETURN 1", "parameters": {"": 1}}),
        lambda c: c.post("/api/v1/cypher", content='{"query": "RETURN $x", "parameters": {"x": NaN}}',
                         headers={"Content-Type": "application/json"}),
        lambda c: c.get("/api/v1/health", headers={"Host": "rebind.example"}),
        lambda c: c.post("/sparql", content=b"query=ASK%7B%7D", headers={"Content-Type": ""}),
        lambda c: c.get("/api/v1/queries/actor_partners", params={"actor": "canada", "": "1"}),
    ]  # fmt: skip
    if engine:
        for depth in (10, 100, 1000):
            for shape in (
                "(" * depth + "1" + ")" * depth,
                "[" * depth + "1" + "]" * depth,
                "{a:" * depth + "1" + "}" * depth,
            ):
                out.append(_cypher(f"RETURN {shape} AS x"))
        out += [
            lambda c: c.post("/api/v1/cypher", json={"query": "MATCH (a),(b) RETURN a.uri, b.uri"}),
            lambda c: c.post("/api/v1/cypher", json={"query": "UNWIND range(1,30000000) AS x RETURN collect(x) AS xs"}),
        ]
    return out


@dataclass
class Phase:
    name: str
    normal: list[float] = field(default_factory=list)
    sparql: list[float] = field(default_factory=list)  # the normal SPARQL requests among `normal`
    statuses: Counter[int] = field(default_factory=Counter)
    hostile_statuses: Counter[int] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    hangs: int = 0
    time_limited: int = 0
    requests: int = 0

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.normal)
        sparql = sorted(self.sparql)
        api = sorted(set_difference(self.normal, self.sparql))

        def p(q: float, values: list[float] = ordered) -> float:
            return values[min(len(values) - 1, int(len(values) * q))] * 1000 if values else 0.0

        return {
            "phase": self.name,
            "requests": self.requests,
            "normal_requests": len(ordered),
            "server_errors": len(self.server_errors),
            "hangs": self.hangs,
            "hostile_stopped_at_time_limit": self.time_limited,
            "normal_p50_ms": round(statistics.median(ordered) * 1000, 1) if ordered else 0.0,
            "normal_p99_ms": round(p(0.99), 1),
            "normal_p99_ms_api": round(p(0.99, api), 1),
            "normal_p99_ms_sparql": round(p(0.99, sparql), 1),
            "normal_statuses": dict(sorted(self.statuses.items())),
            "hostile_statuses": dict(sorted(self.hostile_statuses.items())),
        }


def set_difference(values: list[float], remove: list[float]) -> list[float]:
    """`values` without one occurrence of each item of `remove` (a multiset difference)."""
    left = Counter(values)
    left.subtract(Counter(remove))
    return list(left.elements())


def run_phase(
    name: str, base: str, clients: int, duration: float, share: float, hostile: list[Request], timeout: float
) -> Phase:
    phase = Phase(name)
    lock = threading.Lock()
    normal = normal_requests()
    stop_at = time.monotonic() + duration

    def client(index: int) -> None:
        rng = random.Random(index * 7919 + (1 if share else 0))
        with httpx.Client(base_url=base, timeout=timeout) as session:
            while time.monotonic() < stop_at:
                is_hostile = bool(hostile) and rng.random() < share
                make = rng.choice(hostile if is_hostile else normal)
                start = time.perf_counter()
                try:
                    response = make(session)
                    status = response.status_code
                except httpx.TimeoutException:
                    status = -1
                except httpx.HTTPError:
                    status = -2  # connection refused/reset: counted as a server error
                elapsed = time.perf_counter() - start
                with lock:
                    phase.requests += 1
                    if status == -1:
                        phase.hangs += 1
                    elif is_hostile and status == 504:
                        phase.time_limited += 1  # a slow hostile query stopped at the time limit, as designed
                    elif status >= 500 or status == -2:
                        phase.server_errors.append(
                            f"{status} after {elapsed:.1f} s ({'hostile' if is_hostile else 'normal'})"
                        )
                    if is_hostile:
                        phase.hostile_statuses[status] += 1
                    else:
                        phase.statuses[status] += 1
                        if status > 0:
                            phase.normal.append(elapsed)
                            if response.request.url.path == "/sparql":
                                phase.sparql.append(elapsed)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return phase


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per phase")
    parser.add_argument("--hostile", type=float, default=0.05, help="share of hostile requests in the mixed phase")
    parser.add_argument("--corpus", choices=["input", "all"], default="all",
                        help="hostile corpora: input (SPARQL, HTTP input) or all (adds the engine corpus)")  # fmt: skip
    parser.add_argument("--client-timeout", type=float, default=30.0, help="seconds before a request counts as hung")
    args = parser.parse_args()
    print("command: python bench/soak.py " + " ".join(sys.argv[1:]))
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    listener = Listener()
    hostile = hostile_requests(listener.port, engine=args.corpus == "all")
    with tempfile.TemporaryDirectory(prefix="eucan-soak-") as tmp:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "EUCAN_DATA_DIR": str(Path(tmp) / "kg"), "EUCAN_SOURCES_DIR": str(ROOT / "data")}
        command = [sys.executable, "-m", "eucan.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
                   "--log-level", "warning"]  # fmt: skip
        server = subprocess.Popen(command, cwd=ROOT, env=env)
        try:
            wait_ready(base, server, timeout=180)
            httpx.get(f"{base}/sparql", params={"query": "ASK {}"}, timeout=120)  # build the SPARQL store
            results = []
            for name, share in (("baseline", 0.0), ("mixed", args.hostile)):
                phase = run_phase(name, base, args.clients, args.duration, share, hostile, args.client_timeout)
                results.append(phase.summary())
                print(json.dumps(results[-1]))
                for line in phase.server_errors[:5]:
                    print("  server error:", line)
            healthy = httpx.get(f"{base}/api/v1/health", timeout=10).status_code == 200
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    ratio = results[1]["normal_p99_ms"] / results[0]["normal_p99_ms"] if results[0]["normal_p99_ms"] else 0.0
    print(
        json.dumps(
            {
                "p99_ratio_mixed_over_baseline": round(ratio, 2),
                "server_errors": sum(r["server_errors"] for r in results),
                "hangs": sum(r["hangs"] for r in results),
                "listener_requests_received": listener.count,
                "healthy_after": healthy,
            }
        )
    )


if __name__ == "__main__":
    main()
