"""The embedded engine alone: how the size of relationship batches sets the time of a new graph's write.

    python bench/engine_batches.py --nodes 2000000 --relationships 4000000 --batches 1000 10000 20000

For each batch size, in one run (side by side: the machines are shared and noisy), it starts an empty
embedded FalkorDB, creates `--nodes` nodes (1,000 a query), then `--relationships` relationships of three
types between random nodes, as a full load writes them (`graph.falkordb_write`: `[from id, to id]` pairs,
`MATCH (x) WHERE id(x) = a`), that many pairs a query. It reports the wall time of the relationships'
write and the engine's CPU time and minor page faults (from `/proc`). Each write query costs the engine time
in proportion to the relationships already in the graph (GraphBLAS merges the query's entries into the
whole matrix), so fewer, larger batches write a large graph faster; at a few hundred thousand
relationships the batch size makes no difference.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eucan.graph.falkordb_store import FalkorDBStore  # noqa: E402
from eucan.graph.falkordb_write import create_relationships_by_id  # noqa: E402

TYPES = ("EVIDENCE", "PARTICIPANT", "INSTRUMENT")


def engine_usage(pid: int) -> tuple[float, int]:
    """(user + system CPU seconds, minor page faults) of a process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), int(fields[7])


def one_run(nodes: int, pairs: list[list[int]], batch: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder, FalkorDBStore(Path(folder) / "kg") as store:
        conn = store._db.connection  # noqa: SLF001 - the bench talks to the engine directly
        pid = int(conn.execute_command("INFO", "server")["process_id"])
        for start in range(0, nodes, 1000):
            end = min(nodes, start + 1000) - 1
            conn.execute_command(
                "GRAPH.QUERY", "bench", f"UNWIND range({start}, {end}) AS x CREATE (:Resource {{n: x}})"
            )
        began, (cpu, faults) = time.perf_counter(), engine_usage(pid)
        for number, start in enumerate(range(0, len(pairs), batch)):
            rows = json.dumps(pairs[start : start + batch], separators=(",", ":"))
            statement = create_relationships_by_id(TYPES[number % len(TYPES)])
            conn.execute_command("GRAPH.QUERY", "bench", f"CYPHER rows={rows} {statement}")
        seconds = time.perf_counter() - began
        cpu_after, faults_after = engine_usage(pid)
        return {"seconds": seconds, "engine_cpu_s": cpu_after - cpu, "minor_faults": faults_after - faults}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=200_000)
    parser.add_argument("--relationships", type=int, default=600_000)
    parser.add_argument("--batches", type=int, nargs="+", default=[1000, 20_000], help="pairs per query, each timed")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pairs = [[rng.randrange(args.nodes), rng.randrange(args.nodes)] for _ in range(args.relationships)]
    print(f"command: python {' '.join(sys.argv)}", flush=True)
    results = {}
    for batch in args.batches:
        figures = one_run(args.nodes, pairs, batch)
        results[batch] = figures
        print(
            f"batches of {batch:>7,} pairs: {figures['seconds']:7.1f} s, engine CPU {figures['engine_cpu_s']:6.1f} s, "
            f"{figures['minor_faults']:>11,.0f} minor faults",
            flush=True,
        )
    first = results[args.batches[0]]["seconds"]
    for batch in args.batches[1:]:
        print(f"time ratio, {batch:,} vs {args.batches[0]:,} a batch: {results[batch]['seconds'] / first:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"command": " ".join(sys.argv), "results": results}, indent=2))


if __name__ == "__main__":
    main()
