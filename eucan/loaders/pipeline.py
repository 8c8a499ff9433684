"""Read → validate → canonical RDF → property graph → store. Pure until the last step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from eucan.echo import clip
from eucan.errors import Problem, SourceError
from eucan.loaders.checks import check_ids, check_references, check_shacl, check_successions
from eucan.loaders.rdf_builder import Canonical, build_graph, section_iri, vocabulary_graph
from eucan.loaders.records import SECTION_MODELS, BaseRecord
from eucan.loaders.yaml_source import RawRecord, iter_files, read_file
from eucan.ontology.mapping import PropertyGraph, graph_to_property_graph
from eucan.ontology.namespaces import ECS

__all__ = ["Validated", "load_sources", "validate_sources"]

DOMAIN_SLUGS_QUERY = (
    f"SELECT ?id WHERE {{ ?d a <{ECS.CooperationDomain}> ; <http://purl.org/dc/terms/identifier> ?id }}"
)


@dataclass
class Validated:
    """Curated data that passed every check, in both its forms."""

    canonical: Canonical
    property_graph: PropertyGraph
    files: list[str]
    records: int

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
    ids, id_problems = check_ids(parsed)
    problems += id_problems
    domains = {str(row[0]) for row in vocabulary_graph().query(DOMAIN_SLUGS_QUERY)}  # type: ignore[index]
    problems += check_references(parsed, ids, domains)
    problems += check_successions(parsed)
    if problems:
        raise SourceError(problems)
    canonical = build_graph(((raw.section, model) for raw, model in parsed), ids)
    canonical.locations = {str(section_iri(raw.section, model.id)): (raw.file, raw.line) for raw, model in parsed}
    if shacl:
        problems += check_shacl(canonical.triples, canonical.locations)
    if problems:
        raise SourceError(problems)
    pg = graph_to_property_graph(canonical.triples, canonical.derived)
    return Validated(canonical=canonical, property_graph=pg, files=files, records=len(parsed))


def load_sources(
    store: object,
    paths: list[Path],
    *,
    root: Path | None = None,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] | None = None,
) -> Validated:
    """Validate, then replace the store's graph with the curated data in one atomic switch."""
    from eucan.graph.store import GraphStore

    assert isinstance(store, GraphStore)
    validated = validate_sources(paths, root)
    store.replace_graph(validated.property_graph, batch_size=batch_size, progress=progress)
    return validated
