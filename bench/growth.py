"""The growth table and plot of docs/benchmarks.md: the load and export benches at several scales.

    python bench/growth.py --scales 10000 100000 --out bench/results
    python bench/growth.py --from-json bench/results            # table and plot from earlier runs

For each scale it runs `bench/load.py --scale S --json` and `bench/export.py --scale S --json` (each in
its own process, so peak memory is per scale), then prints a Markdown table (load phases, write,
end to end, raw engine ingest, incremental reload of one edited record, peak RSS of Python and of
the engine, export beside pyoxigraph's serializer) and draws `docs/growth.png` with matplotlib
(`pip install matplotlib`). The ratios inside each row were measured side by side in one run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run(scales: list[int], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for scale in scales:
        for bench in ("load", "export"):
            target = out / f"{bench}-{scale}.json"
            command = [
                sys.executable,
                str(ROOT / "bench" / f"{bench}.py"),
                "--scale",
                str(scale),
                "--json",
                str(target),
            ]
            print("running:", " ".join(command[1:]), flush=True)
            subprocess.run(command, check=True, cwd=ROOT)


def collect(out: Path) -> list[dict[str, Any]]:
    rows = []
    for load_file in sorted(out.glob("load-*.json"), key=lambda p: int(p.stem.split("-")[1])):
        scale = int(load_file.stem.split("-")[1])
        load = json.loads(load_file.read_text())
        export_file = out / f"export-{scale}.json"
        export = json.loads(export_file.read_text()) if export_file.exists() else None
        rows.append({"scale": scale, "load": load, "export": export})
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| facts | triples | read | checks | RDF | SHACL | rows | write | **load end to end** | raw ingest "
        "| end to end / raw | one-record reload | full load / reload | peak RSS Python / engine | export (CLI) | export in process "
        "| pyoxigraph alone | export / pyoxigraph |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        load, export = row["load"], row["export"]
        phases = load["phases"]
        raw = load.get("raw")
        cells = [
            f"{load['facts']:,}",
            f"{load['triples']:,}",
            *(f"{phases.get(k, 0):.1f} s" for k in ("read", "checks", "rdf", "shacl", "property_graph")),
            f"{load['write']:.1f} s",
            f"**{load['load']:.1f} s**",
            f"{raw:.1f} s" if raw else "–",
            f"{raw / load['load']:.2f}" if raw else "–",
            f"{load['reload']:.1f} s",
            f"{load['load'] / load['reload']:.1f}x",
            f"{load['python_peak_mb'] / 1024:.1f} / {(load.get('engine_peak_mb') or 0) / 1024:.1f} GB",
        ]
        if export:
            times = export["times"]
            base = times["pyoxigraph serializer alone (in memory)"]
            cli, inproc = times["eucan export (CLI process)"], times["export() in process (saved RDF)"]
            cells += [
                f"{cli:.1f} s",
                f"{inproc:.1f} s",
                f"{base:.1f} s",
                f"{inproc / base:.1f}x ({cli / base:.1f}x CLI)",
            ]
        else:
            cells += ["–"] * 4
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    facts = [row["load"]["facts"] for row in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    series = {
        "load end to end": [row["load"]["load"] for row in rows],
        "validate (all phases)": [sum(row["load"]["phases"].values()) for row in rows],
        "SHACL": [row["load"]["phases"].get("shacl", 0) for row in rows],
        "write": [row["load"]["write"] for row in rows],
        "raw engine ingest": [row["load"].get("raw") or float("nan") for row in rows],
        "one-record reload": [row["load"]["reload"] for row in rows],
        "export (eucan export)": [
            row["export"]["times"]["eucan export (CLI process)"] if row["export"] else float("nan") for row in rows
        ],
        "pyoxigraph serializer alone": [
            row["export"]["times"]["pyoxigraph serializer alone (in memory)"] if row["export"] else float("nan")
            for row in rows
        ],
    }
    for label, values in series.items():
        left.plot(facts, values, marker="o", label=label)
    left.set(xscale="log", yscale="log", xlabel="facts", ylabel="seconds", title="Time")
    left.legend(fontsize=7)
    left.grid(True, which="both", alpha=0.3)
    right.plot(facts, [row["load"]["python_peak_mb"] / 1024 for row in rows], marker="o", label="Python (load bench)")
    right.plot(facts, [(row["load"].get("engine_peak_mb") or 0) / 1024 for row in rows], marker="o", label="engine")
    right.set(xscale="log", xlabel="facts", ylabel="GB", title="Peak RSS")
    right.legend(fontsize=7)
    right.grid(True, which="both", alpha=0.3)
    fig.suptitle("eucan load and export at growing scale (2 shared cores; see docs/benchmarks.md)", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results", help="folder for the JSON figures")
    parser.add_argument("--from-json", type=Path, help="only build the table and plot from this folder")
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "growth.png")
    args = parser.parse_args()
    folder = args.from_json or args.out
    if args.from_json is None:
        run(args.scales, folder)
    rows = collect(folder)
    print(table(rows))
    plot(rows, args.plot)
    print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
