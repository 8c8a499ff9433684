"""Benchmark: what making the export bodies costs a full load (`linked.saved_rdf.derive_bodies`).

Loads the same sources in full into one embedded data folder `--rounds` times each way, alternated:
without the bodies (`load_sources(..., derive=None)`) and with them (what `eucan load` does), and
prints each load's end-to-end and write times. Run:

    python bench/bodies.py --sources tmp/s100k/src --data-dir tmp/bodies-kg --rounds 2
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.linked.saved_rdf import derive_bodies  # noqa: E402
from eucan.loaders.pipeline import load_sources  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=Path, required=True, help="a folder of curated YAML files")
    parser.add_argument("--data-dir", type=Path, required=True, help="the embedded data folder to load into")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    figures: dict[str, dict[str, float]] = {}
    with FalkorDBStore(args.data_dir, default_timeout_ms=600_000, row_cap=1_000_000, start_timeout_s=900) as store:
        for round_ in range(1, args.rounds + 1):
            for label, derive in (("without bodies", None), ("with bodies", derive_bodies)):
                started = time.perf_counter()
                loaded = load_sources(
                    store,
                    [args.sources],
                    root=args.sources.parent,
                    batch_size=5000,
                    state_dir=args.data_dir,
                    full=True,
                    derive=derive,
                )
                name = f"{label} {round_}"
                figures[name] = {"load_s": time.perf_counter() - started, "write_s": loaded.load.seconds}
                print(f"{name}: load {figures[name]['load_s']:.1f} s, write {figures[name]['write_s']:.1f} s")
                del loaded
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
