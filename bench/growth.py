"""The growth tables and plot of docs/benchmarks.md, from the benches' JSON files at several scales.

    python bench/growth.py --from-json bench/results            # tables and docs/growth.png from earlier runs
    python bench/growth.py --scales 10000 100000 --out bench/results   # run load, export, sparql first

It reads, for every scale S found, `load-S.json` (`bench/load.py --json`: load phases, write, end to
end, raw engine ingest, one-record reload, peak RSS), `api-S.json` (`bench/api.py --json`: p50/p99
per `/api/v1` endpoint), `export-S.json` (`bench/export.py --json`: `eucan export` beside pyoxigraph's
serializer) and `sparql-S.json` (`bench/sparql.py --json`: the SPARQL service's start-up beside
pyoxigraph's bulk load, and queries beside pyoxigraph's `Store.query`). A missing file or figure shows
as "—", so the tables can be built before every bench has run at every scale. It prints Markdown
tables (load, API, export and SPARQL) and draws `docs/growth.png` with matplotlib. The ratios inside
each row were measured side by side in one run of one bench.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCHES = ("load", "api", "export", "sparql")
RUNNABLE = ("load", "export", "sparql")  # api-S.json comes from bench/api.py (its own options)
NONE = "—"
CLI = "eucan export (CLI process)"
CLI_FIRST = "eucan export (CLI process, first export of the load)"
INPROC = "export() in process (saved RDF)"
OXI = "pyoxigraph serializer alone (in memory)"


def run(scales: list[int], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for scale in scales:
        for bench in RUNNABLE:
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


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        if path.exists():
            print(f"note: {path} is not readable JSON ({exc}); shown as {NONE}", file=sys.stderr)
        return None
    return data if isinstance(data, dict) else None


def collect(out: Path) -> list[dict[str, Any]]:
    """One row per scale found in any bench's file name (`<bench>-<scale>.json`), smallest first."""
    scales: set[int] = set()
    for path in out.glob("*.json"):
        match = re.fullmatch(r"(load|api|export|sparql)-(\d+)", path.stem)
        if match:
            scales.add(int(match.group(2)))
    return [
        {"scale": scale, **{bench: _read(out / f"{bench}-{scale}.json") for bench in BENCHES}}
        for scale in sorted(scales)
    ]


def get(data: Any, *keys: str | int) -> Any:
    """`data[k1][k2]...`, or None when any level is missing."""
    for key in keys:
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and isinstance(key, int) and -len(data) <= key < len(data):
            data = data[key]
        else:
            return None
    return data


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def fmt(value: Any, pattern: str = "{:.1f} s") -> str:
    number = _number(value)
    return pattern.format(number) if number is not None and math.isfinite(number) else NONE


def ratio(a: Any, b: Any, pattern: str = "{:.2f}x") -> str:
    x, y = _number(a), _number(b)
    return pattern.format(x / y) if x is not None and y else NONE


def facts(row: dict[str, Any]) -> str:
    for value in (get(row["load"], "facts"), get(row["api"], "facts")):
        if _number(value):
            return f"{int(value):,}"
    return f"{row['scale']:,} (scale)"


def bold(text: str) -> str:
    return text if text == NONE else f"**{text}**"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" for _ in header) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(lines)


def load_peak_mb(load: Any) -> float | None:
    """The load's own peak RSS in Python (`python_peak_mb_load`); a file from before the bench kept it
    apart gives the whole bench's (raw ingest and reload included)."""
    return _number(get(load, "python_peak_mb_load")) or _number(get(load, "python_peak_mb"))


def load_table(rows: list[dict[str, Any]]) -> str:
    header = [
        "facts", "triples", "read", "checks", "RDF", "SHACL", "rows", "write", "**load end to end**",
        "raw ingest", "end to end / raw", "one-record reload", "full load / reload", "peak RSS of the load: Python / engine",
    ]  # fmt: skip
    body = []
    for row in rows:
        load = row["load"]
        phases = get(load, "phases") or {}
        python_mb, engine_mb = load_peak_mb(load), _number(get(load, "engine_peak_mb"))
        body.append(
            [
                facts(row),
                fmt(get(load, "triples"), "{:,.0f}"),
                *(fmt(get(phases, k)) for k in ("read", "checks", "rdf", "shacl", "property_graph")),
                fmt(get(load, "write")),
                bold(fmt(get(load, "load"))),
                fmt(get(load, "raw")),
                ratio(get(load, "raw"), get(load, "load"), "{:.2f}"),
                fmt(get(load, "reload")),
                ratio(get(load, "load"), get(load, "reload"), "{:.1f}x"),
                (
                    f"{fmt(python_mb and python_mb / 1024, '{:.1f}')} / {fmt(engine_mb and engine_mb / 1024, '{:.1f}')} GB"
                    if python_mb or engine_mb
                    else NONE
                ),
            ]
        )
    return _table(header, body)


def api_table(rows: list[dict[str, Any]]) -> str:
    endpoints: list[str] = []
    for row in rows:
        for name in get(row["api"], "endpoints") or {}:
            if name not in endpoints:
                endpoints.append(name)
    header = ["endpoint", *(f"p50 / p99 at {facts(row)} facts" for row in rows)]
    body = []
    for name in endpoints:
        cells = [f"`{name}`"]
        for row in rows:
            figures = get(row["api"], "endpoints", name)
            p50, p99 = get(figures, "p50_ms"), get(figures, "p99_ms")
            cells.append(f"{fmt(p50, '{:.1f}')} / {fmt(p99, '{:.1f}')} ms" if figures else NONE)
        body.append(cells)
    if not body:
        body.append(["(no api-S.json yet)", *(NONE for _ in rows)])
    return _table(header, body)


def export_sparql_table(rows: list[dict[str, Any]], query: str = "join") -> str:
    header = [
        "facts", "export: `eucan export` (CLI)", "first export of the load (CLI)", "in process",
        "pyoxigraph serializer alone", "**CLI / pyoxigraph**", "first / pyoxigraph", "in process / pyoxigraph", "SPARQL start-up", "pyoxigraph bulk load", "**start-up / pyoxigraph**",
        f"SPARQL `{query}` query: service p50", "HTTP p50", "pyoxigraph p50", "**service / pyoxigraph**",
    ]  # fmt: skip
    body = []
    for row in rows:
        times = get(row["export"], "times") or {}
        start = get(row["sparql"], "startup") or {}
        q = get(row["sparql"], "queries", query) or {}
        service, http, oxi = get(q, "service", "p50_ms"), get(q, "http", "p50_ms"), get(q, "pyoxigraph", "p50_ms")
        body.append(
            [
                facts(row),
                fmt(get(times, CLI), "{:.2f} s"),
                fmt(get(times, CLI_FIRST), "{:.2f} s"),
                fmt(get(times, INPROC), "{:.2f} s"),
                fmt(get(times, OXI), "{:.2f} s"),
                bold(ratio(get(times, CLI), get(times, OXI))),
                ratio(get(times, CLI_FIRST), get(times, OXI)),
                ratio(get(times, INPROC), get(times, OXI)),
                fmt(get(start, "service_s")),
                fmt(get(start, "pyoxigraph_bulk_load_s")),
                bold(ratio(get(start, "service_s"), get(start, "pyoxigraph_bulk_load_s"))),
                fmt(service, "{:.2f} ms"),
                fmt(http, "{:.2f} ms"),
                fmt(oxi, "{:.2f} ms"),
                bold(ratio(service, oxi)),
            ]
        )
    return _table(header, body)


def sparql_queries_table(rows: list[dict[str, Any]]) -> str:
    header = ["facts", "query", "rows", "pyoxigraph p50", "service p50 (ratio)", "HTTP p50 (ratio)", "HTTP p99"]
    body = []
    for row in rows:
        for name, q in (get(row["sparql"], "queries") or {}).items():
            oxi = get(q, "pyoxigraph", "p50_ms")
            body.append(
                [
                    facts(row),
                    name,
                    fmt(get(q, "rows"), "{:,.0f}"),
                    fmt(oxi, "{:.2f} ms"),
                    f"{fmt(get(q, 'service', 'p50_ms'), '{:.2f} ms')} ({ratio(get(q, 'service', 'p50_ms'), oxi)})",
                    f"{fmt(get(q, 'http', 'p50_ms'), '{:.2f} ms')} ({ratio(get(q, 'http', 'p50_ms'), oxi)})",
                    fmt(get(q, "http", "p99_ms"), "{:.2f} ms"),
                ]
            )
    return _table(header, body)


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    try:
        import matplotlib
    except ImportError:
        sys.exit("the plot needs matplotlib: pip install -e '.[bench]' (the tables above are complete)")

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def series(pick: Callable[[dict[str, Any]], Any]) -> tuple[list[int], list[float]]:
        xs, ys = [], []
        for row in rows:
            value = _number(pick(row))
            if value is not None:
                xs.append(row["scale"])
                ys.append(value)
        return xs, ys

    fig, axes = plt.subplots(2, 2, figsize=(12, 8.5))
    (times, memory), (api, ratios) = axes
    for label, pick in {
        "load end to end": lambda r: get(r["load"], "load"),
        "SHACL": lambda r: get(r["load"], "phases", "shacl"),
        "write": lambda r: get(r["load"], "write"),
        "raw engine ingest": lambda r: get(r["load"], "raw"),
        "one-record reload": lambda r: get(r["load"], "reload"),
        "eucan export (CLI)": lambda r: get(r["export"], "times", CLI),
        "eucan export (CLI, first of a load)": lambda r: get(r["export"], "times", CLI_FIRST),
        "pyoxigraph serializer alone": lambda r: get(r["export"], "times", OXI),
        "SPARQL start-up": lambda r: get(r["sparql"], "startup", "service_s"),
        "pyoxigraph bulk load": lambda r: get(r["sparql"], "startup", "pyoxigraph_bulk_load_s"),
    }.items():
        xs, ys = series(pick)
        if xs:
            times.plot(xs, ys, marker="o", label=label)
    times.set(xscale="log", yscale="log", xlabel="facts (scale)", ylabel="seconds", title="Time")
    for label, pick in {
        "Python (the load)": lambda r: (load_peak_mb(r["load"]) or math.nan) / 1024,
        "engine (the load)": lambda r: (get(r["load"], "engine_peak_mb") or math.nan) / 1024,
        "eucan export process": lambda r: (get(r["export"], "export_process_peak_mb") or math.nan) / 1024,
    }.items():
        xs, ys = series(pick)
        xs, ys = [x for x, y in zip(xs, ys, strict=True) if math.isfinite(y)], [y for y in ys if math.isfinite(y)]
        if xs:
            memory.plot(xs, ys, marker="o", label=label)
    memory.set(xscale="log", xlabel="facts (scale)", ylabel="GB", title="Peak RSS")
    names: list[str] = []
    for row in rows:
        names += [n for n in get(row["api"], "endpoints") or {} if n not in names]
    for name in names:

        def p99(r: dict[str, Any], name: str = name) -> Any:
            return get(r["api"], "endpoints", name, "p99_ms")

        xs, ys = series(p99)
        if xs:
            api.plot(xs, ys, marker="o", label=name)
    if not names:
        api.text(0.5, 0.5, "no api-S.json yet", ha="center", va="center", transform=api.transAxes)
    api.axhline(50, color="grey", linestyle="--", linewidth=1, label="goal p99 50 ms")
    api.set(xscale="log", yscale="log", xlabel="facts (scale)", ylabel="ms", title="API p99 per endpoint (4 clients)")
    for label, pick in {
        "eucan export (CLI) / pyoxigraph serializer": lambda r: _div(
            get(r["export"], "times", CLI), get(r["export"], "times", OXI)
        ),
        "SPARQL start-up / pyoxigraph bulk load": lambda r: get(r["sparql"], "startup", "ratio"),
        "SPARQL join query: service / pyoxigraph": lambda r: _div(
            get(r["sparql"], "queries", "join", "service", "p50_ms"),
            get(r["sparql"], "queries", "join", "pyoxigraph", "p50_ms"),
        ),
        "SPARQL count query: HTTP / pyoxigraph": lambda r: _div(
            get(r["sparql"], "queries", "count", "http", "p50_ms"),
            get(r["sparql"], "queries", "count", "pyoxigraph", "p50_ms"),
        ),
    }.items():
        xs, ys = series(pick)
        if xs:
            ratios.plot(xs, ys, marker="o", label=label)
    ratios.axhline(2, color="grey", linestyle="--", linewidth=1, label="goal 2x (export, start-up)")
    ratios.axhline(1.5, color="grey", linestyle=":", linewidth=1, label="goal 1.5x (a query)")
    ratios.set(
        xscale="log", yscale="log", xlabel="facts (scale)", ylabel="ratio (same run)", title="Beside pyoxigraph alone"
    )
    for ax in (times, memory, api, ratios):
        ax.grid(True, which="both", alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7)
    fig.suptitle(
        "eucan at growing scale (2 shared cores; ratios measured side by side; see docs/benchmarks.md)", fontsize=9
    )
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def _div(a: Any, b: Any) -> float | None:
    x, y = _number(a), _number(b)
    return x / y if x is not None and y else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results", help="folder for the JSON figures")
    parser.add_argument("--from-json", type=Path, help="only build the tables and plot from this folder")
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "growth.png")
    parser.add_argument("--no-plot", action="store_true")
    args = parser.parse_args()
    folder = args.from_json or args.out
    if args.from_json is None:
        run(args.scales, folder)
    rows = collect(folder)
    if not rows:
        raise SystemExit(f"no <bench>-<scale>.json files in {folder}; run the benches with --json first")
    print("### Load\n\n" + load_table(rows))
    print("\n### API (p50 / p99)\n\n" + api_table(rows))
    print("\n### Export and SPARQL beside pyoxigraph\n\n" + export_sparql_table(rows))
    print("\n### SPARQL queries\n\n" + sparql_queries_table(rows))
    if not args.no_plot:
        plot(rows, args.plot)
        print(f"\nplot: {args.plot}")


if __name__ == "__main__":
    main()
