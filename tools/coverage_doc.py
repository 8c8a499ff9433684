"""docs/coverage.md: what the knowledge base holds and on whose word, generated from the graph.

Regenerate after every data edit (a test fails when the committed file is stale)::

    python -m tools.coverage_doc            # writes docs/coverage.md
    python -m tools.coverage_doc --check    # exit 1 if docs/coverage.md is stale

The report is built from the loaded graph (counts by class, sources, primary shares, conflicts,
uncertain records, domains) and from the curated files themselves (records per file and section).
The gaps still open (what no source found so far fills, and why) come from the hand-edited
`docs/coverage-gaps.yaml`; a gap may name a cooperation domain, and every domain served by fewer
than three instruments besides the 2025 Partnership must have one (tests/research/test_coverage.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eucan.graph.store import GraphStore
from eucan.loaders.records import SECTIONS
from eucan.loaders.yaml_source import iter_files, read_file
from eucan.queries.runner import graph_stats, run_named
from tools.generated import write_or_check

__all__ = [
    "DOC_PATH",
    "GAPS_PATH",
    "MIN_DOMAIN_INSTRUMENTS",
    "ROOT",
    "Gap",
    "GapsFileError",
    "main",
    "read_gaps",
    "render",
]

ROOT = Path(__file__).resolve().parent.parent
DOC_PATH = ROOT / "docs" / "coverage.md"
DATA_DIR = ROOT / "data"
GENERATOR = "python -m tools.coverage_doc"
GAPS_PATH = ROOT / "docs" / "coverage-gaps.yaml"
PARTNERSHIP = "sdp-2025"
MIN_DOMAIN_INSTRUMENTS = 3
"""A cooperation domain with fewer instruments than this besides the Partnership needs a recorded gap."""

# Class labels worth reporting (the rest are superclasses or vocabulary nodes).
_CLASSES = (
    "Actor",
    "State",
    "InternationalOrganisation",
    "EUInstitution",
    "EUBody",
    "GovernmentDepartment",
    "Person",
    "Instrument",
    "Partnership",
    "Agreement",
    "Dialogue",
    "PescoProject",
    "CsdpMission",
    "CsdpOperation",
    "FinancingInstrument",
    "LegalAct",
    "Framework",
    "Participation",
    "Membership",
    "Tenure",
    "Post",
    "Event",
    "Summit",
    "DialogueMeeting",
    "Meeting",
    "Signature",
    "Negotiation",
    "Announcement",
    "AuthorityLink",
    "SourceDocument",
    "SourceExcerpt",
    "CooperationDomain",
)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


@dataclass(frozen=True)
class Gap:
    """A gap a researcher would notice that no source found so far fills (docs/coverage-gaps.yaml)."""

    topic: str
    why: str
    domain: str | None = None
    line: int = 0


class GapsFileError(ValueError):
    """docs/coverage-gaps.yaml is malformed; the message names file:line and how to fix it."""


_GAP_KEYS = {"topic", "why", "domain"}


def read_gaps(path: Path = GAPS_PATH, *, domains: set[str] | None = None) -> list[Gap]:
    """The recorded gaps, in file order; `domains` (when given) are the domain ids a gap may name."""
    if not path.exists():
        return []
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise GapsFileError(f"{where}:{line}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode) or [k.value for k, _ in root.value] != ["gaps"]:
        raise GapsFileError(f"{where}:1: the file must hold one key, `gaps:`, with a list of gaps")
    items = root.value[0][1]
    if not isinstance(items, yaml.SequenceNode):
        raise GapsFileError(f"{where}:{items.start_mark.line + 1}: `gaps` must be a list of mappings")
    gaps = []
    for item in items.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise GapsFileError(f"{where}:{line}: a gap is a mapping with `topic`, `why` and optionally `domain`")
        fields: dict[str, str] = {}
        for key, value in item.value:
            if key.value not in _GAP_KEYS:
                raise GapsFileError(
                    f"{where}:{key.start_mark.line + 1}: unknown field {key.value!r}; a gap has only "
                    f"{', '.join(sorted(_GAP_KEYS))}"
                )
            if not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
                raise GapsFileError(f"{where}:{key.start_mark.line + 1}: `{key.value}` must be non-empty text")
            fields[key.value] = str(value.value).strip()
        for required in ("topic", "why"):
            if required not in fields:
                raise GapsFileError(f"{where}:{line}: the gap has no `{required}`; add `{required}: <text>`")
        domain = fields.get("domain")
        if domain is not None and domains is not None and domain not in domains:
            raise GapsFileError(
                f"{where}:{line}: unknown domain {domain!r}; use one of the cooperation domain ids "
                f"({', '.join(sorted(domains))})"
            )
        gaps.append(Gap(topic=fields["topic"], why=fields["why"], domain=domain, line=line))
    return gaps


def _records_per_file(data_dir: Path, root: Path) -> list[tuple[str, Counter[str]]]:
    rows = []
    for path, label in iter_files([data_dir], root):
        raws, _problems = read_file(path, label)
        rows.append((label, Counter(raw.section for raw in raws)))
    return rows


def render(*, store: GraphStore, data_dir: Path = DATA_DIR, root: Path = ROOT, gaps_path: Path = GAPS_PATH) -> str:
    """The whole report as Markdown (deterministic: everything is sorted)."""
    stats = graph_stats(store=store)
    kinds = run_named(store=store, name="coverage_records", params={}).records()
    conflicts = run_named(store=store, name="coverage_conflicts", params={}).records()
    uncertain = run_named(store=store, name="coverage_uncertain", params={}).records()
    domains = run_named(store=store, name="coverage_domains", params={}).records()
    served = {
        str(row["domain"]): int(row["instrument_count"])
        for row in run_named(store=store, name="sdp_domains", params={"partnership": PARTNERSHIP}).records()
    }
    gaps = read_gaps(gaps_path, domains={str(row["domain"]) for row in domains})
    gap_domains = {g.domain for g in gaps if g.domain}
    links = run_named(store=store, name="authority_links", params={"id": None, "scheme": None}).records()
    link_gaps = run_named(store=store, name="coverage_authority_gaps", params={}).records()
    files = _records_per_file(data_dir, root)

    out: list[str] = [
        "# Coverage of the curated knowledge base",
        "",
        f"Generated from the graph by `{GENERATOR}`; do not edit by hand (a test fails when this file is stale).",
        "",
        "## Provenance",
        "",
        "| measure | value |",
        "|---|---|",
        f"| sourced records (facts) | {stats.facts} |",
        f"| records on a primary source | {stats.primary_facts} ({_pct(stats.primary_facts, stats.facts)}) |",
        f"| distinct source documents | {stats.sources} |",
        f"| primary source documents | {stats.primary_sources} ({_pct(stats.primary_sources, stats.sources)}) |",
        f"| source excerpts (quotes) | {stats.labels.get('SourceExcerpt', 0)} |",
        f"| recorded conflicts (pairs) | {len(conflicts)} |",
        f"| records marked uncertain | {len(uncertain)} |",
        "",
        "## Sourced records by kind",
        "",
        "| kind | records | on a primary source | share |",
        "|---|---:|---:|---:|",
    ]
    for row in kinds:
        n, p = int(row["records"]), int(row["primary_records"] or 0)
        out.append(f"| {row['kind']} | {n} | {p} | {_pct(p, n)} |")
    out += ["", "## Nodes by class", "", "| class | nodes |", "|---|---:|"]
    for label in _CLASSES:
        out.append(f"| {label} | {stats.labels.get(label, 0)} |")
    out += ["", "## Records per data file", ""]
    out.append("| file | " + " | ".join(SECTIONS) + " | total |")
    out.append("|---|" + "---:|" * (len(SECTIONS) + 1))
    totals: Counter[str] = Counter()
    for label, counts in files:
        totals.update(counts)
        cells = " | ".join(str(counts.get(s, 0)) for s in SECTIONS)
        out.append(f"| {label} | {cells} | {sum(counts.values())} |")
    cells = " | ".join(str(totals.get(s, 0)) for s in SECTIONS)
    out.append(f"| **all** | {cells} | {sum(totals.values())} |")
    out += [
        "",
        "## Cooperation domains",
        "",
        f"*besides the Partnership*: instruments other than the 2025 Partnership (`{PARTNERSHIP}`), legal acts left",
        f"out (catalog query `sdp_domains`); a domain with fewer than {MIN_DOMAIN_INSTRUMENTS} has a gap recorded below.",
        "",
        "| domain | area | instruments | besides the Partnership | gap recorded | events |",
        "|---|---|---:|---:|---|---:|",
    ]
    for row in domains:
        d = str(row["domain"])
        gap = "yes" if d in gap_domains else ""
        out.append(
            f"| {d} | {_cell(row['name'])} | {row['instruments']} | {served.get(d, 0)} | {gap} | {row['events']} |"
        )
    out += ["", "## Open gaps", "", f"What no source found so far fills, and why (from `{GAPS_PATH.name}`).", ""]
    out += ["| topic | domain | why |", "|---|---|---|"]
    for g in gaps:
        out.append(f"| {_cell(g.topic)} | {g.domain or ''} | {_cell(g.why)} |")
    out += [
        "",
        "## Authority links",
        "",
        "Identifiers of the records in external authorities (`skos:exactMatch`), each with its sources; CELEX and",
        "ELI links of legal acts are derived from their `celex` field with the act's own EUR-Lex source as evidence.",
        "",
        "| scheme | links | on a primary source |",
        "|---|---:|---:|",
    ]
    by_scheme: Counter[str] = Counter(str(r["scheme"]) for r in links)
    primary_by_scheme: Counter[str] = Counter(str(r["scheme"]) for r in links if r["primary_source"])
    for scheme in sorted(by_scheme):
        out.append(f"| {scheme} | {by_scheme[scheme]} | {primary_by_scheme[scheme]} |")
    out += ["", "Gaps: records without the link their kind should have, and why.", ""]
    out += ["| record | kind | missing link | why |", "|---|---|---|---|"]
    for row in link_gaps:
        if row["kind"] == "LegalAct":
            why = (
                f"CELEX {row['celex']} but no evidence from EUR-Lex or the Publications Office"
                if row["celex"]
                else "no CELEX number in the record"
            )
        else:
            why = "no source read for its authority code yet"
        out.append(f"| {row['record']} | {row['kind']} | {row['wanted']} | {_cell(why)} |")
    out += ["", "## Recorded conflicts", "", "Records whose sources disagree, linked by `conflicts_with`.", ""]
    out += ["| record | conflicts with | sources of the record | sources of the other |", "|---|---|---|---|"]
    for row in conflicts:
        a = "<br>".join(sorted(row["record_sources"]))
        b = "<br>".join(sorted(row["other_sources"]))
        out.append(f"| {row['record']} | {row['other']} | {_cell(a)} | {_cell(b)} |")
    out += ["", "## Uncertain records", "", "| record | what the sources leave unsure |", "|---|---|"]
    for row in uncertain:
        out.append(f"| {row['record']} | {_cell(row['uncertainty'])} |")
    out.append("")
    return "\n".join(out)


def _build(data_dir: Path, root: Path) -> str:
    from eucan.graph.factory import open_store
    from eucan.loaders.pipeline import load_sources
    from eucan.settings import Settings

    with (
        tempfile.TemporaryDirectory(prefix="eucan-coverage-") as tmp,
        open_store(Settings(data_dir=Path(tmp)), embedded=True) as store,
    ):
        load_sources(store, [data_dir], root=root)
        return render(store=store, data_dir=data_dir, root=root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=GENERATOR, description="Write (or check) docs/coverage.md from the curated data."
    )
    parser.add_argument("--check", action="store_true", help="Exit 1 if docs/coverage.md differs from the data.")
    args = parser.parse_args(argv)
    try:
        text = _build(DATA_DIR, ROOT)
    except GapsFileError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    return write_or_check(DOC_PATH, text, check=args.check, generator=GENERATOR)


if __name__ == "__main__":
    raise SystemExit(main())
