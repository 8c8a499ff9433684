"""Benchmark: what keeping the export bodies costs, without the engine, on a load's saved N-Triples.

Given a saved canonical RDF file (`<data folder>/rdf/<token>.nt`, with its `.json` beside it), in a
scratch copy:

- with `--baseline PYTHON` (e.g. main's `/work/main/.venv/bin/python`): making the bodies
  (`derive_bodies`, what a full load's cache thread does beside the engine's write) by that interpreter's
  code and by this one's, alternated `--rounds` times, each in its own process; the bodies must be the
  same bytes;
- the splice an incremental load makes after one subject changed (a comment added to a participation):
  the saved RDF alone (`derive=None`, what the loader did before) and the saved RDF with both bodies
  (what `eucan load` does now), alternated `--rounds` times.

Run (at 1 M facts, hold the shared machine's lock):

    python bench/splice.py --saved KG/rdf/TOKEN.nt --scratch tmp/splice --baseline /work/main/.venv/bin/python
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eucan.linked.saved_rdf import derive_bodies  # noqa: E402
from eucan.loaders.rdf_cache import CacheIndex, block_of, discard, keep_derived, splice  # noqa: E402

DERIVE = (
    "import sys, time; from pathlib import Path; from eucan.linked.saved_rdf import derive_bodies; "
    "t = time.perf_counter(); derive_bodies(Path(sys.argv[1])); print(time.perf_counter() - t)"
)


def _index(path: Path) -> CacheIndex:
    """Where each subject's block starts in a saved N-Triples file (as the load's state keeps it)."""
    subjects: list[str] = []
    starts: list[int] = []
    offset, last = 0, b""
    with path.open("rb") as handle:
        for line in handle:
            subject = line[1 : line.index(b"> ")]
            if subject != last:
                subjects.append(subject.decode())
                starts.append(offset)
                last = subject
            offset += len(line)
    starts.append(offset)
    return CacheIndex(subjects, starts, {})


def _derive_ab(saved: Path, scratch: Path, baseline: str, rounds: int) -> None:
    runs = {"baseline": baseline, "this": sys.executable}
    times: dict[str, list[float]] = {label: [] for label in runs}
    made: dict[str, dict[str, bytes]] = {}
    for round_ in range(rounds):
        for label, python in runs.items():
            folder = scratch / f"derive-{label}-{round_}"
            folder.mkdir(parents=True)
            copy = folder / "full.nt.part"
            shutil.copyfile(saved, copy)
            out = subprocess.run(  # run from the scratch folder: each interpreter imports its own eucan
                [python, "-c", DERIVE, str(copy.resolve())],
                capture_output=True,
                text=True,
                check=True,
                cwd=scratch.resolve(),
            )
            times[label].append(float(out.stdout.strip().splitlines()[-1]))
            if round_ == 0:
                made[label] = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in (".ttl", ".nt")}
            shutil.rmtree(folder)
    assert made["baseline"] == made["this"], "the bodies differ"
    for label, values in times.items():
        print(f"making the bodies, {label} ({runs[label]}): " + ", ".join(f"{v:.2f}" for v in values) + " s")
    print(f"  this / baseline (fastest of each): {min(times['this']) / min(times['baseline']):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saved", type=Path, required=True, help="a saved <token>.nt (its .json beside it)")
    parser.add_argument("--scratch", type=Path, required=True, help="a folder to work in (removed at the end)")
    parser.add_argument("--baseline", help="another interpreter whose derive_bodies to time beside this one's")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print("command: python bench/splice.py " + " ".join(sys.argv[1:]))
    rdf = args.scratch / "rdf"
    rdf.mkdir(parents=True)
    try:
        if args.baseline:
            _derive_ab(args.saved, args.scratch, args.baseline, args.rounds)
        shutil.copyfile(args.saved, rdf / "base.nt")
        shutil.copyfile(args.saved.with_suffix(".json"), rdf / "base.json")
        index = _index(rdf / "base.nt")
        keep_derived(args.scratch, "base", derive_bodies)
        subject = next(s for s in index.subjects[len(index.subjects) // 2 :] if "/participation/" in s)
        old = index.read(rdf / "base.nt", [subject])[subject]
        lines = [line.split(" ", 1)[1] + "\n" for line in old.splitlines()]
        lines.append('<http://www.w3.org/2000/01/rdf-schema#comment> "Corrected."@en .\n')
        changes = {subject: block_of(subject, lines)}
        times: dict[str, list[float]] = {"the saved RDF (before)": [], "the saved RDF and both bodies (now)": []}
        for _ in range(args.rounds):
            for label, derive in zip(times, (None, derive_bodies), strict=True):
                started = time.perf_counter()
                part, prepared = splice(args.scratch, "base", index, changes, derive)
                times[label].append(time.perf_counter() - started)
                discard(part, prepared)
        print(f"{len(index.subjects):,} subjects; an incremental load's splice after one subject changed:")
        for label, values in times.items():
            print(f"  {label}: " + ", ".join(f"{v:.2f}" for v in values) + " s")
    finally:
        shutil.rmtree(args.scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
