"""A synthetic curated dataset with the real data's shape, at any scale (10,000 to 1,000,000 facts).

`generate(scale)` returns records by section (the YAML data format) whose total number of
facts (records with evidence) is about `scale`: sources, actors, posts, tenures,
instruments (with domains and legal bases), participations (the bulk, with periods and
roles; like the curated data, a quarter state no start and take their instrument's or its legal
act's), memberships and events, each with one or two evidence excerpts. The data is valid:
successive holders of a post never overlap, every reference names a record of the right
section, and quotes are tagged with the language they are written in (English, one in ten French).

    python bench/synthetic.py --scale 1000000 --out /tmp/synthetic   # write the YAML files
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

__all__ = ["generate", "write_yaml"]

DOMAINS = [
    "support-to-ukraine", "crisis-management", "military-mobility", "maritime-security", "cyber-and-edt",
    "space-security", "hybrid-threats", "fimi", "counterterrorism", "defence-initiatives", "capacity-building",
    "peace-mediation", "arms-control", "climate-security", "economic-human-security", "women-peace-security",
]  # fmt: skip
INSTRUMENT_TYPES = ["Agreement", "PescoProject", "CsdpMission", "CsdpOperation", "Dialogue", "Partnership"]
ACTOR_TYPES = ["State", "State", "State", "GovernmentDepartment", "InternationalOrganisation", "EUBody"]
ROLES = ["party", "participant", "contributor", "coordinator", "observer"]


def _date(rng: random.Random, low: int = 1990, high: int = 2025) -> str:
    year = rng.randint(low, high)
    kind = rng.random()
    if kind < 0.7:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind < 0.9:
        return f"{year}-{rng.randint(1, 12):02d}"
    return str(year)


UNDATED_PARTICIPATIONS = 0.25
"""The share of participations whose sources give no start: their bound is derived from their instrument,
or from the legal act that founded it (in the curated data 88 of 308 participations state no start)."""
UNDATED_INSTRUMENTS = 0.3
"""The share of instruments (not legal acts) whose sources give no start (in the curated data, 78 of 118)."""

FRENCH_SHARE = 0.1
"""The share of excerpts quoted from French sources (the real data quotes both languages)."""


def _evidence(rng: random.Random, sources: list[str], what: str) -> list[dict[str, str]]:
    """One or two excerpts; about one in ten quotes a French source, written in French and tagged `fr`
    (a quote's `lang` must be the language it is written in)."""
    count = 1 if rng.random() < 0.8 else 2
    excerpts = []
    for _ in range(count):
        number = rng.randint(0, 10**9)
        if rng.random() < FRENCH_SHARE:
            excerpts.append(
                {
                    "source": rng.choice(sources),
                    "quote": f"La déclaration numéro {number} porte sur {what}.",
                    "lang": "fr",
                }
            )
        else:
            excerpts.append(
                {
                    "source": rng.choice(sources),
                    "quote": f"The statement number {number} is about {what}.",
                    "lang": "en",
                }
            )
    return excerpts


def generate(scale: int, seed: int = 7) -> dict[str, list[dict[str, Any]]]:
    """About `scale` facts in the curated format (deterministic for a seed)."""
    rng = random.Random(seed)
    # Which records state no start is drawn apart, so the other values are the same for a seed as before.
    undated = random.Random(seed + 1_000_003)
    n_sources = max(2, scale // 25)
    n_actors = max(4, scale // 20)
    n_instruments = max(3, scale // 12)
    n_posts = max(1, scale // 200)
    n_tenures = max(1, scale // 100)
    n_memberships = max(1, scale // 25)
    n_events = max(1, scale // 25)
    n_participations = max(1, scale - n_actors - n_instruments - n_posts - n_tenures - n_memberships - n_events)
    sources: list[dict[str, Any]] = [
        {"id": f"src-{i}", "url": f"https://example.org/source/{i}", "title": f"Synthetic source {i}",
         "retrieved": "2026-11-26", "primary": rng.random() < 0.85}
        for i in range(n_sources)
    ]  # fmt: skip
    src_ids = [str(s["id"]) for s in sources]
    actors = [
        {"id": f"actor-{i}", "type": rng.choice(ACTOR_TYPES), "name": f"Actor {i}", "name_fr": f"Acteur {i}",
         "alt_names": [f"A{i}"], "evidence": _evidence(rng, src_ids, f"actor {i}")}
        for i in range(n_actors)
    ]  # fmt: skip
    persons = [
        {
            "id": f"person-{i}",
            "type": "Person",
            "name": f"Person {i}",
            "evidence": _evidence(rng, src_ids, f"person {i}"),
        }
        for i in range(n_tenures)
    ]
    posts = [
        {"id": f"post-{i}", "name": f"Post {i}", "organisation": f"actor-{rng.randrange(n_actors)}",
         "evidence": _evidence(rng, src_ids, f"post {i}")}
        for i in range(n_posts)
    ]  # fmt: skip
    tenures: list[dict[str, Any]] = [
        {"id": f"tenure-p{i}-post", "person": f"person-{i}", "post": f"post-{rng.randrange(n_posts)}",
         "start": _date(rng, 1990, 2010), "evidence": _evidence(rng, src_ids, f"tenure {i}")}
        for i in range(n_tenures)
    ]  # fmt: skip
    # Successive holders of a post must not overlap (the loader refuses it): the k-th holder of a post
    # holds it for two years from 1990 + 2k, and the last holder still holds it.
    by_post: dict[str, list[dict[str, Any]]] = {}
    for tenure in tenures:
        by_post.setdefault(tenure["post"], []).append(tenure)
    for holders in by_post.values():
        for k, tenure in enumerate(holders):
            tenure["start"] = f"{1990 + 2 * k}-01-01"
            if k < len(holders) - 1:
                tenure["end"] = f"{1991 + 2 * k}-12-31"
    # Legal acts follow their id scheme: la-<year>-<number>-<series>, matching the CELEX number.
    acts = [
        {"id": f"la-{2000 + i % 20}-{i + 1}-cfsp", "type": "LegalAct", "name": f"Council Decision {i}",
         "celex": f"3{2000 + i % 20}D{i + 1:04d}", "status": "in-force", "adopted": _date(rng),
         "evidence": _evidence(rng, src_ids, f"act {i}")}
        for i in range(max(1, n_instruments // 10))
    ]  # fmt: skip
    instruments = acts + [
        {"id": f"instrument-{i}", "type": rng.choice(INSTRUMENT_TYPES), "name": f"Instrument {i}",
         "start": _date(rng, 1990, 2005), "domains": rng.sample(DOMAINS, rng.randint(1, 3)),
         "status": rng.choice(["active", "in-force", "ended", "unknown"]),
         "legal_basis": [rng.choice(acts)["id"]], "evidence": _evidence(rng, src_ids, f"instrument {i}")}
        for i in range(n_instruments - len(acts))
    ]  # fmt: skip
    for instrument in instruments[len(acts) :]:
        if undated.random() < UNDATED_INSTRUMENTS:
            del instrument["start"]
    participations = []
    for i in range(n_participations):
        record: dict[str, Any] = {
            "id": f"part-synthetic-{i}",
            "actor": f"actor-{rng.randrange(n_actors)}",
            "instrument": f"instrument-{rng.randrange(n_instruments - len(acts))}",
            "role": rng.choice(ROLES),
            "start": _date(rng, 1990, 2010),
            "evidence": _evidence(rng, src_ids, f"participation {i}"),
        }
        if rng.random() < 0.4:
            record["end"] = _date(rng, 2011, 2025)
        if rng.random() < 0.2:
            record["personnel"] = rng.randint(1, 500)
        if undated.random() < UNDATED_PARTICIPATIONS:
            del record["start"]
        participations.append(record)
    # Membership ids are <organisation>-membership-<member> (a pair drawn twice is drawn again).
    memberships: list[dict[str, Any]] = []
    taken: set[str] = set()
    while len(memberships) < n_memberships:
        member, org = f"actor-{rng.randrange(n_actors)}", f"actor-{rng.randrange(n_actors)}"
        slug = f"{org}-membership-{member}"
        if slug in taken:
            continue
        taken.add(slug)
        memberships.append({"id": slug, "member": member, "organisation": org, "start": _date(rng),
                            "evidence": _evidence(rng, src_ids, f"membership {len(memberships)}")})  # fmt: skip
    events = []
    for i in range(n_events):
        date = _date(rng)
        events.append({"id": f"meeting-{i}-{date[:4]}", "type": "Meeting", "name": f"Meeting {i}", "date": date,
                       "participants": [f"actor-{rng.randrange(n_actors)}" for _ in range(2)],
                       "evidence": _evidence(rng, src_ids, f"event {i}")})  # fmt: skip
    return {
        "sources": sources,
        "actors": actors + persons,
        "posts": posts,
        "tenures": tenures,
        "instruments": instruments,
        "participations": participations,
        "memberships": memberships,
        "events": events,
    }


def write_yaml(data: dict[str, list[dict[str, Any]]], folder: Path, per_file: int = 5000) -> list[Path]:
    """Write the records as curated YAML files (several files for large scales)."""
    folder.mkdir(parents=True, exist_ok=True)
    # libyaml's emitter writes the same text as PyYAML's pure-Python one, ~4.5x faster (1 M facts: minutes).
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    paths = []
    for section, records in data.items():
        for part, start in enumerate(range(0, len(records), per_file)):
            path = folder / f"{section}-{part:03d}.yaml"
            path.write_text(
                yaml.dump(
                    {section: records[start : start + per_file]}, Dumper=dumper, sort_keys=False, allow_unicode=True
                )
            )
            paths.append(path)
    return paths


def main() -> None:
    import argparse
    import time

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=10_000, help="number of synthetic facts (records with evidence)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="folder for the YAML files")
    args = parser.parse_args()
    started = time.perf_counter()
    data = generate(args.scale, args.seed)
    paths = write_yaml(data, args.out)
    facts = sum(len(records) for section, records in data.items() if section != "sources")
    print(f"{facts:,} facts in {len(paths)} files under {args.out} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
