"""Run a command and report its wall time and the peak of the summed RSS of it and all its descendants.

    python bench/tree_rss.py eucan load --full -q --data-dir D /work/big/1m/src
    /usr/bin/time -v python bench/tree_rss.py eucan load ...   # GNU time adds the CPU and page faults

A load's memory is spread over processes (the loading process, the child that validates and writes a large
load, the YAML reader, the engine), so the peak of one process says little: this samples `/proc` every
`--interval` seconds and sums the resident memory of the whole tree at each instant. The figures go to stderr
after the command's own output; the exit status is the command's.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.memory import descendants, rss_mb  # noqa: E402


def main() -> int:
    args = sys.argv[1:]
    interval = 0.5
    if args[:1] == ["--interval"]:
        interval, args = float(args[1]), args[2:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if args else 2
    started = time.perf_counter()
    process = subprocess.Popen(args)
    peak, peak_at = 0.0, 0.0
    while process.poll() is None:
        total = sum(rss_mb(pid) for pid in [process.pid, *descendants(process.pid)])
        if total > peak:
            peak, peak_at = total, time.perf_counter() - started
        time.sleep(interval)
    print(
        f"exit {process.returncode}, wall {time.perf_counter() - started:.1f} s, peak RSS of the process tree "
        f"{peak * 1024:,.0f} KiB = {peak / 1024:.2f} GiB = {peak * 2**20 / 1e9:.2f} GB, at {peak_at:.0f} s",
        file=sys.stderr,
    )
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
