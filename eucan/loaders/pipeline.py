"""Read → validate → canonical RDF → property graph → store. Pure until the last step."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from eucan.echo import clip
from eucan.errors import Problem, SourceError, StaleGraph
from eucan.graph.loads import LoadInfo, Manifest, diff, manifest_of
from eucan.loaders.authority import check_links, derive_links
from eucan.loaders.checks import check_ids, check_references, check_shacl, check_successions
from eucan.loaders.id_rules import (
    check_alt_ids,
    check_id_schemes,
    check_republished_sources,
    check_source_urls,
    moved_ids,
)
from eucan.loaders.languages import check_languages
from eucan.loaders.rdf_builder import Canonical, build_graph, section_iri, vocabulary_graph
from eucan.loaders.rdf_cache import cached, write_cache
from eucan.loaders.records import SECTION_MODELS, BaseRecord
from eucan.loaders.search_text import add_search_properties
from eucan.loaders.yaml_source import RawRecord, iter_files, read_file
from eucan.ontology.mapping import PropertyGraph, graph_to_property_graph
from eucan.ontology.namespaces import ECS

__all__ = ["MANIFEST_FILE", "LoadSummary", "Validated", "load_sources", "validate_sources"]

MANIFEST_FILE = "load-manifest.json"
"""In the data folder: the digest of every node the last load wrote, tied to its `LoadInfo` token."""

DOMAIN_SLUGS_QUERY = (
    f"SELECT ?id WHERE {{ ?d a <{ECS.CooperationDomain}> ; <http://purl.org/dc/terms/identifier> ?id }}"
)


@dataclass
class LoadSummary:
    """How a load wrote the graph: `full` (replaced), `incremental` (only the changed nodes) or
    `unchanged` (nothing to write)."""

    mode: str
    info: LoadInfo
    deleted: int = 0
    nodes: int = 0
    relationships: int = 0
    seconds: float = 0.0
    """Time to write the graph (diff and manifest included)."""
    rdf_cache_seconds: float = 0.0
    """Time to save the canonical RDF beside the graph for exports (`rdf_cache`)."""


@dataclass
class Validated:
    """Curated data that passed every check, in both its forms."""

    canonical: Canonical
    property_graph: PropertyGraph
    files: list[str]
    records: int
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per phase: read (YAML and models), checks, rdf, shacl, property_graph."""
    load: LoadSummary | None = None
    """Set by `load_sources`: how the graph was written."""

    @property
    def triples(self) -> int:
        return len(self.canonical.triples)


def _model_problems(raw: RawRecord, exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = [str(part) for part in err["loc"]]
        field = loc[0] if loc else None
        where = ".".join(loc) if loc else raw.section
        if err["type"] == "extra_forbidden":
            allowed = ", ".join(sorted(SECTION_MODELS[raw.section].model_fields))
            message = f"unknown field {clip(where)} in {raw.section}; allowed fields: {allowed}"
        elif err["type"] == "missing":
            message = f"missing required field {clip(where)}"
        else:
            text = str(err["msg"]).removeprefix("Value error, ")
            message = f"{where}: {text} (got {clip(err.get('input'))})" if field else text
        ident = raw.data.get("id")
        prefix = f"{raw.section[:-1]} {clip(ident)}: " if isinstance(ident, str) else ""
        problems.append(Problem(raw.file, raw.line_of(field), prefix + message))
    return problems


def validate_sources(paths: list[Path], root: Path | None = None, *, shacl: bool = True) -> Validated:
    """Check the curated files; raise `SourceError` listing every problem, or return the data."""
    root = root or Path.cwd()
    missing = [path for path in paths if not path.exists()]
    if missing:
        raise SourceError(
            [
                Problem(
                    str(path), 0, "no such folder or file; give the folder of curated YAML files (EUCAN_SOURCES_DIR)"
                )
                for path in missing
            ]
        )
    problems: list[Problem] = []
    parsed: list[tuple[RawRecord, BaseRecord]] = []
    files: list[str] = []
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def lap(phase: str) -> None:
        nonlocal started
        now = time.perf_counter()
        timings[phase] = now - started
        started = now

    for path, label in iter_files(paths, root):
        files.append(label)
        raws, file_problems = read_file(path, label)
        problems += file_problems
        for raw in raws:
            try:
                parsed.append((raw, SECTION_MODELS[raw.section].model_validate(raw.data)))
            except ValidationError as exc:
                problems += _model_problems(raw, exc)
    if not files:
        raise SourceError(
            [Problem(str(p), 0, "no .yaml files found; pass a file or a folder of curated sources") for p in paths]
        )
    lap("read")
    ids, id_problems = check_ids(parsed)
    problems += id_problems
    domains = {str(row[0]) for row in vocabulary_graph().query(DOMAIN_SLUGS_QUERY)}  # type: ignore[index]
    problems += check_references(parsed, ids, domains, moved_ids(parsed))
    problems += check_alt_ids(parsed, ids)
    problems += check_id_schemes(parsed)
    problems += check_source_urls(parsed)
    problems += check_republished_sources(parsed)
    problems += check_successions(parsed)
    problems += check_languages(parsed)
    problems += check_links(parsed)
    derived_links, link_problems = derive_links(parsed, ids)  # after the language check: their quotes are the acts'
    problems += link_problems
    parsed += derived_links
    lap("checks")
    if problems:
        raise SourceError(problems)
    canonical = build_graph(((raw.section, model) for raw, model in parsed), ids)
    canonical.locations = {str(section_iri(raw.section, model.id)): (raw.file, raw.line) for raw, model in parsed}
    records = len(parsed)
    del parsed  # the records live on as RDF: free the models and raw YAML before SHACL's index is built
    lap("rdf")
    if shacl:
        problems += check_shacl(canonical.triples, canonical.locations)
        lap("shacl")
    if problems:
        raise SourceError(problems)
    pg = graph_to_property_graph(canonical.triples, canonical.derived)
    add_search_properties(pg)
    lap("property_graph")
    return Validated(canonical=canonical, property_graph=pg, files=files, records=records, timings=timings)


def _read_manifest(folder: Path) -> Manifest | None:
    try:
        return Manifest.from_json((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none yet, or unreadable: the load is a full one


def _write_manifest(folder: Path, manifest: Manifest) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    part = folder / f"{MANIFEST_FILE}.part"
    part.write_text(manifest.to_json(), encoding="utf-8")
    part.replace(folder / MANIFEST_FILE)


def load_sources(
    store: object,
    paths: list[Path],
    *,
    root: Path | None = None,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] | None = None,
    state_dir: Path | None = None,
    full: bool = False,
) -> Validated:
    """Validate everything, then write the graph atomically (readers see the old graph or the new one).

    With `state_dir` (the data folder) and not `full`, a load rewrites only the nodes whose content
    changed since the load that wrote the live graph (`graph.loads.diff`), found from the digests
    kept in `state_dir/load-manifest.json`; the manifest is used only when its token is the live
    graph's, so after any other writer the load is a full one. Validation always covers every record.
    With `state_dir`, the canonical RDF is also saved there for fast exports (`rdf_cache`)."""
    from eucan.graph.store import GraphStore

    assert isinstance(store, GraphStore)
    validated = validate_sources(paths, root)
    graph = validated.property_graph
    started = time.perf_counter()
    manifest = manifest_of(graph)
    previous = _read_manifest(state_dir) if state_dir is not None and not full else None
    live = store.load_generation() if previous is not None else None
    summary: LoadSummary | None = None
    if previous is not None and live is not None and live.token == previous.token:
        changes = diff(previous, graph, manifest)
        if changes.empty and live.content_hash == manifest.content_hash():
            summary = LoadSummary("unchanged", live)
        else:
            try:
                info = store.update_graph(
                    changes, manifest, expected_token=live.token, batch_size=batch_size, progress=progress
                )
                summary = LoadSummary(
                    "incremental",
                    info,
                    deleted=len(changes.delete),
                    nodes=changes.write.node_count,
                    relationships=changes.write.relationship_count,
                )
            except StaleGraph:
                summary = None  # another load switched graphs meanwhile: load in full
    if summary is None:
        info = store.replace_graph(graph, batch_size=batch_size, progress=progress, manifest=manifest)
        summary = LoadSummary("full", info, nodes=graph.node_count, relationships=graph.relationship_count)
    summary.seconds = time.perf_counter() - started
    if state_dir is not None:
        manifest.token = summary.info.token
        _write_manifest(state_dir, manifest)
        if summary.mode != "unchanged" or cached(state_dir, summary.info.token) is None:
            started = time.perf_counter()
            write_cache(state_dir, summary.info.token, validated.canonical.triples)
            summary.rdf_cache_seconds = time.perf_counter() - started
    validated.load = summary
    return validated
