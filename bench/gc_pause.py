"""A full load with the cyclic garbage collector running, then paused (as `load_sources` does), in one run.

python bench/gc_pause.py --scale 10000 --rounds 2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import generate, write_yaml  # noqa: E402
from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.loaders import pipeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eucan-bench-") as tmp:
        folder = Path(tmp)
        write_yaml(generate(args.scale, 7), folder / "data")
        with FalkorDBStore(folder / "engine", timeout_max_ms=600_000) as store:
            for _ in range(args.rounds):
                started = time.perf_counter()
                # the load without the pause (pipeline._load_sources is what load_sources runs paused)
                pipeline._load_sources(store, [folder / "data"], folder, 1000, None, folder / "engine", True)  # noqa: SLF001
                running = time.perf_counter() - started
                started = time.perf_counter()
                pipeline.load_sources(store, [folder / "data"], root=folder, state_dir=folder / "engine", full=True)
                paused = time.perf_counter() - started
                print(f"full load, collector running {running:.1f} s, paused {paused:.1f} s: {running / paused:.2f}x")


if __name__ == "__main__":
    main()
