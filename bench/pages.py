"""Server time of the explorer's pages over the synthetic graph: p50/p99 per page, one request at a time.

    python bench/pages.py --scale 100000 --requests 300

Builds the synthetic graph of `bench/synthetic.py` (about `--scale` facts), starts `eucan serve --no-load` on a
loopback port (as `bench/api.py` does), and times, one request at a time so the latency is the server's time
plus loopback: actor pages (random actors that take part in something), the page and the network JSON of the
actor with the most participations (the largest picture the explorer draws), instrument pages, and `/explore`.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api import Clients, free_port, wait_ready  # noqa: E402
from bench.synthetic import generate, write_yaml  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.loaders.pipeline import validate_sources  # noqa: E402


def browser_ready_ms(url: str) -> float:
    """Milliseconds from navigation until the page's network says it is drawn (`data-ready-at`)."""
    import shutil

    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = chromium.new_page()
            page.goto(url)
            page.wait_for_selector(".network-box[data-state=ready]", timeout=60_000)
            return float(page.get_attribute(".network-box", "data-ready-at") or "nan")
        finally:
            chromium.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100_000, help="number of synthetic facts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=300, help="requests per page kind")
    parser.add_argument("--warmup", type=int, default=30, help="requests per page kind before measuring")
    parser.add_argument(
        "--browser",
        action="store_true",
        help="also time, in headless Chromium (Debian's chromium), how long after navigation the largest "
        "actor's network is drawn and interactive",
    )
    args = parser.parse_args()
    print("command: python bench/pages.py " + " ".join(sys.argv[1:]))
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="eucan-bench-pages-") as tmp:
        folder = Path(tmp)
        data = generate(args.scale, args.seed)
        write_yaml(data, folder / "data")
        validated = validate_sources([folder / "data"], folder, shacl=False)
        with FalkorDBStore(folder / "kg") as store:
            store.replace_graph(validated.property_graph)
        counts = Counter(p["actor"] for p in data["participations"])
        actors = sorted(counts)
        largest = counts.most_common(1)[0][0]
        instruments = sorted({p["instrument"] for p in data["participations"]})
        print(
            f"graph: {validated.records - len(data['sources']):,} facts; largest actor {largest} ({counts[largest]} participations)"
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "eucan.cli", "serve", "--no-load", "--data-dir", str(folder / "kg")]
        command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
        server = subprocess.Popen(command, cwd=folder)
        try:
            wait_ready(base, server)
            net = httpx.get(f"{base}/api/v1/network", params={"actor": largest}, timeout=60).json()
            print(f"the largest actor's network: {len(net['nodes'])} nodes, {len(net['edges'])} edges\n")
            pages: dict[str, Callable[[random.Random], str]] = {
                "/page/actor/{random}": lambda rng: f"/page/actor/{rng.choice(actors)}",
                "/page/actor/{largest}": lambda rng: f"/page/actor/{largest}",
                "/api/v1/network?actor={largest}": lambda rng: f"/api/v1/network?actor={largest}",
                "/page/instrument/{random}": lambda rng: f"/page/instrument/{rng.choice(instruments)}",
                "/explore": lambda rng: "/explore",
            }
            print(f"{'page':34} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
            clients = Clients(1, "processes")
            try:
                for label, make_path in pages.items():
                    clients.run(base, make_path, args.warmup, args.seed + 1000)
                    r = clients.run(base, make_path, args.requests, args.seed)
                    print(
                        f"{label:34} {r['requests']:>8.0f} {r['errors']:>6.0f} {r['p50_ms']:>8.1f} "
                        f"{r['p99_ms']:>8.1f} {r['max_ms']:>8.1f}"
                    )
            finally:
                clients.close()
            if args.browser:
                ready_ms = [browser_ready_ms(f"{base}/page/actor/{largest}") for _ in range(3)]
                print(f"\nlargest actor's network drawn and interactive after (ms, 3 loads): {ready_ms}")
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


if __name__ == "__main__":
    main()
