"""The canonical RDF of a load, kept beside the graph it wrote, for fast exports.

A load that has written the graph saves the same canonical triples as N-Triples, grouped by
subject, in `<data folder>/rdf/<token>.nt`, with their counts (what VoID reports) in
`<token>.json`; `token` is the one of the `LoadInfo` the load wrote. An export of the graph whose
live `LoadInfo` has that token streams the file through pyoxigraph instead of reading the graph
back from the engine (the graph is the canonical RDF mapped to the property graph, and the round
trip is tested to be isomorphic). Files of other loads are removed when a new one is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import RDF, URIRef

__all__ = ["RDF_CACHE_DIR", "cached", "write_cache"]

RDF_CACHE_DIR = "rdf"
_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _object(term: Any) -> str:
    if type(term) is URIRef:
        return f"<{term}>"
    text = str(term).translate(_ESCAPE)
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype is not None:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def write_cache(folder: Path, token: str, triples: Iterable[tuple[Any, Any, Any]]) -> Path:
    """Write the triples of load `token` (IRIs and literals only) and their counts; remove older loads' files."""
    target = folder / RDF_CACHE_DIR
    target.mkdir(parents=True, exist_ok=True)
    by_subject: dict[Any, list[str]] = {}
    properties: dict[Any, int] = {}
    classes: dict[str, int] = {}
    predicates: dict[Any, str] = {}  # predicate -> "<iri> "; a few dozen
    rdf_type = RDF.type
    for s, p, o in triples:
        text = predicates.get(p)
        if text is None:
            if type(s) is not URIRef:
                raise ValueError(f"the canonical RDF has a blank node ({s}); it cannot be cached")
            text = predicates[p] = f"<{p}> "
        properties[p] = properties.get(p, 0) + 1
        if type(o) is URIRef:
            line = f"{text}<{o}> .\n"
            if p == rdf_type:
                classes[o] = classes.get(o, 0) + 1
        else:
            line = f"{text}{_object(o)} .\n"
        lines = by_subject.get(s)
        if lines is None:
            if type(s) is not URIRef:
                raise ValueError(f"the canonical RDF has a blank node ({s}); it cannot be cached")
            by_subject[s] = [line]
        else:
            lines.append(line)
    count = 0
    part = target / f"{token}.nt.part"
    with part.open("w", encoding="utf-8", newline="\n") as handle:
        for subject in sorted(by_subject):
            head = f"<{subject}> "
            lines = by_subject[subject]
            handle.write("".join(head + line for line in lines))
            count += len(lines)
    stats = {
        "triples": count,
        "entities": len(by_subject),
        "classes": {str(c): n for c, n in classes.items()},
        "properties": {str(p): n for p, n in properties.items()},
    }
    (target / f"{token}.json").write_text(json.dumps(stats), encoding="utf-8")
    path = part.with_suffix("")  # <token>.nt: present only when complete
    part.replace(path)
    for old in target.iterdir():
        if old.name.split(".", 1)[0] != token:
            old.unlink(missing_ok=True)
    return path


def cached(folder: Path, token: str) -> tuple[Path, dict[str, Any]] | None:
    """The N-Triples file and counts of load `token`, if this folder has them."""
    if not token:
        return None
    path = folder / RDF_CACHE_DIR / f"{token}.nt"
    try:
        stats = json.loads((folder / RDF_CACHE_DIR / f"{token}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return (path, stats) if path.is_file() else None
