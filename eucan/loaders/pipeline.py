"""Read → validate → canonical RDF → property graph → store. Pure until the last step."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from rdflib.namespace import DCTERMS, RDF

from eucan.echo import clip
from eucan.errors import Problem, SourceError, StaleGraph
from eucan.graph.cypher import INCOMING_RELATIONSHIPS
from eucan.graph.loads import LoadInfo, Manifest
from eucan.graph.store import GraphStore, StagedStore
from eucan.loaders import incremental
from eucan.loaders.authority import check_links, derive_links
from eucan.loaders.checks import check_ids, check_references, check_shacl, check_successions
from eucan.loaders.id_rules import (
    check_alt_ids,
    check_id_schemes,
    check_republished_sources,
    check_source_urls,
    moved_ids,
)
from eucan.loaders.languages import check_languages, release_model
from eucan.loaders.phase_timer import PhaseReport, PhaseTimer
from eucan.loaders.rdf_builder import Canonical, build_graph, instrument_bounds_of, section_iri, vocabulary_graph
from eucan.loaders.rdf_cache import CacheIndex, Derive, cached, commit_splice, discard, plan_splice, prepare_cache
from eucan.loaders.records import SECTION_MODELS, BaseRecord, SourceRecord, TenureRecord, share_fields_set
from eucan.loaders.rows import StreamedRows
from eucan.loaders.yaml_source import RawRecord, iter_files, read_files
from eucan.ontology.mapping import PropertyGraph
from eucan.ontology.namespaces import ECS

__all__ = [
    "STATE_FILE",
    "Loaded",
    "LoadSummary",
    "Validated",
    "finish_state",
    "load_sources",
    "validate_sources",
    "write_validated",
]

STATE_FILE = incremental.STATE_FILE
"""In the data folder: what the last load validated and wrote (file digests, records, node digests),
tied to its `LoadInfo` token (`loaders.incremental`)."""

LARGE_LOAD = 50_000
"""Records from which a full load is large: it gives the language model's memory back once the files are
read (`languages.release_model`; a small load keeps it for the next validation, which would load it again in
about a second), and makes `derive`'s files in a child process (`_DeriveApart`)."""

_Written = TypeVar("_Written")


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
    reason: str = ""
    """Why a load asked to be incremental was full (e.g. the saved load state is of another version)."""


@dataclass
class Validated:
    """Curated data that passed every check, in both its forms."""

    canonical: Canonical
    rows: StreamedRows
    """The property graph's rows, made from the canonical RDF while the engine writes them."""
    files: list[str]
    records: int
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per phase: read (YAML and models), checks, rdf, shacl, property_graph (the rows are made
    while they are written: this phase only counts them)."""
    triples: int = 0
    """How many canonical triples (counted at validation: a load that lets go of them keeps the count)."""
    state: incremental.LoadState | None = None
    """With `validate_sources(..., keep_state=True)`: what an incremental load needs next time
    (its token, node digests and RDF index are filled in by `load_sources`)."""
    _graph: PropertyGraph | None = None

    @property
    def property_graph(self) -> PropertyGraph:
        """Every row at once (built on first use, like `Canonical.graph`: a load streams them instead)."""
        if self._graph is None:
            self._graph = self.rows.property_graph()
        return self._graph


@dataclass
class Loaded:
    """What `load_sources` did: how the graph was written, and the data in full when it was validated
    in full (`validated`; None after an incremental load, which validated only what changed)."""

    files: list[str]
    records: int
    load: LoadSummary
    timings: dict[str, float] = field(default_factory=dict)
    validated: Validated | None = None
    triples: int = 0
    """How many canonical triples a full load validated (0 after an incremental load)."""


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


def validate_sources(
    paths: list[Path],
    root: Path | None = None,
    *,
    shacl: bool = True,
    keep_state: bool = False,
    on_phase: PhaseReport | None = None,
) -> Validated:
    """Check the curated files; raise `SourceError` listing every problem, or return the data.
    `on_phase` is told each phase (read, checks, rdf, shacl, property_graph) as it ends."""
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
    positions: list[int] = []
    contents: list[str] = []
    files: list[str] = []
    digests: dict[str, tuple[str, tuple[str, ...] | None]] = {}
    timer = PhaseTimer(on_phase)
    timings, lap = timer.timings, timer.lap

    fingerprint = incremental.fingerprint if keep_state else None
    for path, label, raws, file_problems in read_files(list(iter_files(paths, root)), fingerprint=fingerprint):
        files.append(label)
        if keep_state:
            digests[label] = incremental.file_digests(path)  # the file's, and its records' texts'
        problems += file_problems
        start = len(parsed)
        for position, raw in enumerate(raws):
            try:
                parsed.append((raw, share_fields_set(SECTION_MODELS[raw.section].model_validate(raw.data))))
                positions.append(position)
            except ValidationError as exc:
                problems += _model_problems(raw, exc)
        # What needs the record as written is done now; then only the models are kept (memory)
        problems += check_languages(parsed[start:])
        for (raw, _), position in zip(parsed[start:], positions[start:], strict=True):
            if keep_state:
                contents.append(raw.content)
            raw.release(path, position)
    if not files:
        raise SourceError(
            [Problem(str(p), 0, "no .yaml files found; pass a file or a folder of curated sources") for p in paths]
        )
    if len(parsed) >= LARGE_LOAD:
        release_model()  # ~80 MB the phases that follow can use (they hold the most)
    lap("read")
    ids, id_problems = check_ids(parsed)
    problems += id_problems
    problems += check_references(parsed, ids, domain_slugs(), moved_ids(parsed))
    problems += check_alt_ids(parsed, ids)
    problems += check_id_schemes(parsed)
    problems += check_source_urls(parsed)
    problems += check_republished_sources(parsed)
    problems += check_successions(parsed)
    problems += check_links(parsed)
    derived_links, link_problems = derive_links(parsed, ids)  # not language-checked: their quotes are the acts'
    problems += link_problems
    parsed += derived_links
    lap("checks")
    if problems:
        raise SourceError(problems)
    records = len(parsed)
    # the saved state holds the records read from files; the authority links derived from legal acts
    # (appended after them) are rebuilt by a full validation whenever an act or a source changes
    read = len(positions)
    state = _StateBuilder(files, digests) if keep_state else None
    locations: dict[str, tuple[str, int]] = {}
    sources = {model.id: model for _, model in parsed if isinstance(model, SourceRecord)}
    instruments = instrument_bounds_of(model for _, model in parsed)
    own: list[list[Any]] = []

    def each_record() -> Iterator[tuple[str, BaseRecord]]:
        """The records in order, each let go once its triples are built (then the models never all live
        beside the RDF); build_graph has put its derived relationships in `own` when it asks for the next."""
        parsed.reverse()
        for number in range(records):
            raw, model = parsed.pop()
            yield raw.section, model
            derived = own.pop()
            locations[sys.intern(str(section_iri(raw.section, model.id)))] = (raw.file, raw.line)
            if state is not None and number < read:
                state.add(raw, model, positions[number], contents[number], derived)

    canonical = build_graph(each_record(), ids, own, sources=sources, instruments=instruments)
    del sources, instruments
    if state is not None:
        state.derived = records - read
    lap("rdf")
    if shacl:
        problems += check_shacl(canonical.triples, locations)
        lap("shacl")
    if problems:
        raise SourceError(problems)
    locations.clear()  # only SHACL's reports needed them
    rows = StreamedRows(canonical.triples.subjects, canonical.derived)
    lap("property_graph")
    return Validated(
        canonical=canonical,
        rows=rows,
        files=files,
        records=records,
        timings=timings,
        triples=len(canonical.triples),
        state=state.finish() if state is not None else None,
    )


_DOMAINS: set[str] = set()


def domain_slugs() -> set[str]:
    """The cooperation domains' slugs (from the SKOS scheme shipped with the ontology)."""
    if not _DOMAINS:
        # Walked, not asked in SPARQL: rdflib's first SPARQL query builds its parser (~0.9 s of every `eucan load`).
        graph = vocabulary_graph()
        _DOMAINS.update(
            str(slug)
            for domain in graph.subjects(RDF.type, ECS.CooperationDomain)
            for slug in graph.objects(domain, DCTERMS.identifier)
        )
    return set(_DOMAINS)


class _StateBuilder:
    """The load state of a full validation (`incremental.LoadState`), record by record."""

    def __init__(self, files: list[str], digests: dict[str, tuple[str, tuple[str, ...] | None]]) -> None:
        self.files, self.digests = files, digests
        self.by_file: dict[str, list[str]] = {label: [] for label in files}
        self.records: dict[str, incremental.Entry] = {}
        self.spilled: incremental.RecordSpill | None = None
        self.tenures: dict[str, tuple[Any, ...]] = {}
        self.derived = 0

    def add(self, raw: RawRecord, model: BaseRecord, position: int, content: str, derived: list[Any]) -> None:
        self.by_file[raw.file].append(model.id)
        self.records[model.id] = incremental.record_entry(raw, model, position, derived, content)
        if len(self.records) == incremental.STATE_PART:  # written out until the state is saved (memory)
            if self.spilled is None:
                self.spilled = incremental.RecordSpill()
            self.spilled.add(self.records)
            self.records = {}
        if isinstance(model, TenureRecord):
            self.tenures[model.id] = incremental.tenure_entry(raw, model)

    def finish(self) -> incremental.LoadState:
        return incremental.LoadState(
            token="",
            files={
                label: (self.digests[label][0], self.by_file[label], self.digests[label][1]) for label in self.files
            },
            records=self.records,
            tenures=self.tenures,
            manifest=Manifest(digests={}, relationships=0),
            index=CacheIndex([], [0], {}),
            vocabulary=incremental.vocabulary_digest(),
            derived=self.derived,
            spilled=self.spilled,
        )


def _incoming(store: GraphStore) -> Callable[[list[str]], list[tuple[str, str, str]]]:
    def incoming(uris: list[str]) -> list[tuple[str, str, str]]:
        out: list[tuple[str, str, str]] = []
        for start in range(0, len(uris), 200):
            result = store.run(INCOMING_RELATIONSHIPS, {"uris": uris[start : start + 200]}, row_cap=1_000_000)
            if result.truncated:
                raise incremental.Fallback("too many relationships point at the changed nodes")
            out.extend((str(a), str(t), str(b)) for a, t, b in result.rows)
        return out

    return incoming


def load_sources(
    store: GraphStore,
    paths: list[Path],
    *,
    root: Path | None = None,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] | None = None,
    state_dir: Path | None = None,
    full: bool = False,
    on_phase: PhaseReport | None = None,
    derive: Derive | None = None,
    keep_rdf: bool = True,
    apart_bytes: int | None = None,
) -> Loaded:
    """Validate, then write the graph atomically (readers see the old graph or the new one).
    `on_phase` is told each phase of a full validation as it ends (`validate_sources`).

    With `state_dir` (the data folder) and not `full`, a load validates and rewrites only what changed
    since the load that wrote the live graph (`loaders.incremental`: the files whose bytes changed, and
    in them the records whose content changed; the nodes whose digest changed), from the state that
    load kept in `state_dir`; the state is used only when its token is the live graph's, so after any
    other writer the load is a full one, and any problem found sends it to the full validation, which
    reports it. With `state_dir`, the canonical RDF is also saved there for fast exports (`rdf_cache`);
    a full load then also makes `derive`'s files from it while the engine writes (`rdf_cache.Derive`),
    and an incremental one splices them.

    With `keep_rdf=False` a full load lets go of the canonical RDF while it writes (each subject once its
    relationships are made, and the saved RDF is made): `Loaded.validated` then holds the counts and the
    state, not the triples or the rows. At a million facts the triples are most of the loader's memory, and
    they would otherwise stay beside the engine's graph at its largest; `eucan load` and `eucan serve` load
    this way. Such a full load of sources of at least `apart_bytes` (default `apart.APART_BYTES`) into a
    store that can switch in a graph another process wrote (`graph.store.StagedStore`: the embedded
    engine) is validated and written by a child process, which ends before the engine builds the graph's
    indexes (`loaders.apart`); `Loaded.validated` is then None.

    The cyclic garbage collector is paused meanwhile: a load builds millions of objects that live to
    its end and hold no cycles, and every collection would walk all of them again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_sources(
            store,
            paths,
            root,
            batch_size,
            progress,
            state_dir,
            full,
            on_phase=on_phase,
            derive=derive,
            keep_rdf=keep_rdf,
            apart_bytes=apart_bytes,
        )
    finally:
        if enabled:
            gc.enable()


def _load_sources(
    store: GraphStore,
    paths: list[Path],
    root: Path | None,
    batch_size: int,
    progress: Callable[[int, int], None] | None,
    state_dir: Path | None,
    full: bool,
    *,
    on_phase: PhaseReport | None = None,
    derive: Derive | None = None,
    keep_rdf: bool = True,
    apart_bytes: int | None = None,
) -> Loaded:
    root = root or Path.cwd()
    reason = ""  # why a load asked to be incremental is full
    if state_dir is not None and not full:
        done = _load_incremental(store, paths, root, state_dir, batch_size, progress, derive)
        if isinstance(done, Loaded):
            return done
        reason = done
    if not keep_rdf and state_dir is not None and isinstance(store, StagedStore):
        from eucan.loaders import apart  # the child's side imports this module

        if apart.large(paths, root, apart_bytes):
            loaded = apart.load_apart(
                store,
                paths,
                root,
                state_dir,
                batch_size=batch_size,
                progress=progress,
                on_phase=on_phase,
                derive=derive,
            )
            loaded.load.reason = reason
            return loaded
    validated = validate_sources(paths, root, keep_state=state_dir is not None, on_phase=on_phase)
    graph = validated.rows
    started = time.perf_counter()
    info, prepared = write_validated(
        validated,
        lambda rows, manifest: store.replace_graph(rows, batch_size=batch_size, progress=progress, manifest=manifest),
        state_dir,
        derive,
        keep_rdf=keep_rdf,
    )
    summary = LoadSummary("full", info, nodes=graph.node_count, relationships=graph.relationship_count)
    summary.seconds = time.perf_counter() - started
    summary.reason = reason
    if state_dir is not None and validated.state is not None and prepared is not None:
        started = time.perf_counter()
        _remove_state(state_dir)
        index = commit_splice(state_dir, info.token, *prepared)
        finish_state(validated.state, graph.manifest, info.token, index)
        incremental.save_state(state_dir, validated.state)
        summary.rdf_cache_seconds = time.perf_counter() - started
    return Loaded(validated.files, validated.records, summary, validated.timings, validated, validated.triples)


def write_validated(
    validated: Validated,
    write: Callable[[StreamedRows, Manifest], _Written],
    state_dir: Path | None,
    derive: Derive | None,
    *,
    keep_rdf: bool,
) -> tuple[_Written, tuple[Path, Any] | None]:
    """Write a full load's rows with `write` (given the rows and the manifest they fill as they are
    written) while a thread saves the canonical RDF in `state_dir` under a name of no load yet
    (`rdf_cache.prepare_cache`; `derive`'s files made from it); what `write` returned, and the prepared
    files (None without `state_dir`), which the caller names after the load once its graph is switched in
    (or discards)."""
    graph = validated.rows
    if derive is not None and validated.records >= LARGE_LOAD:
        derive = _DeriveApart(derive)
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The canonical RDF is saved while the engine writes the graph (its thread mostly waits on the engine).
        cache = (
            pool.submit(prepare_cache, state_dir, validated.canonical.triples, derive)
            if state_dir is not None
            else None
        )
        if not keep_rdf:
            graph.release = (lambda: None) if cache is None else cache.exception  # waits for the saved RDF
        try:
            written = write(graph, graph.manifest)  # the manifest is filled while the rows are made and written
        except BaseException:
            if cache is not None and cache.exception() is None:
                discard(*cache.result())
            raise
        finally:
            if not keep_rdf:
                graph.release = None
                if cache is not None:
                    cache.exception()  # the saved RDF is made from the triples: wait for it first
                validated.canonical.triples.clear()
        return written, cache.result() if cache is not None else None


def finish_state(state: incremental.LoadState, manifest: Manifest, token: str, index: CacheIndex) -> None:
    """The load state of a full load whose graph is (or will be switched in as) load `token`."""
    manifest.token = state.token = token
    state.manifest, state.index = manifest, index


class _DeriveApart:
    """`derive`'s files of a full load, made by a child process (`rdf_cache.Derive`; the blocks of an
    incremental load are made here). A large load's derived files are most of the work of the thread that
    saves the RDF beside the engine's write: in this process they held the interpreter lock a third of
    the write's time, and the chunks of triples they parse raised this process's peak memory, which the
    rest of the load then keeps (freed memory stays in Python's arenas). The child reads the saved file
    and writes the same files; it is started (`spawn`: never a fork of this large, threaded process)
    only when the saved file is complete, and ends with its work."""

    def __init__(self, derive: Derive) -> None:
        self.derive = derive

    def __call__(self, saved: Path) -> Mapping[str, tuple[Path, Sequence[int] | None]]:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            return pool.submit(self.derive, saved).result()

    def blocks(self, changed: Mapping[str, str]) -> Mapping[str, Mapping[str, bytes]]:
        return self.derive.blocks(changed)


def _remove_state(state_dir: Path) -> None:
    (state_dir / STATE_FILE).unlink(missing_ok=True)


def _load_incremental(
    store: GraphStore,
    paths: list[Path],
    root: Path,
    state_dir: Path,
    batch_size: int,
    progress: Callable[[int, int], None] | None,
    derive: Derive | None = None,
) -> Loaded | str:
    """The incremental load, or why it cannot vouch for the result (then load in full; "" when no state
    was saved). The saved RDF, and the files `derive` made from it, are spliced (`rdf_cache.splice`)."""
    started = time.perf_counter()
    state = incremental.read_state_or_why(state_dir)
    if isinstance(state, str):
        return state
    if cached(state_dir, state.token) is None:
        return "the canonical RDF saved with the load state is missing"
    live = store.load_generation()
    if live is None or live.token != state.token:
        return "the saved load state is not the live graph's (another load wrote the graph since)"
    timings = {"state": time.perf_counter() - started}
    try:
        plan = incremental.plan(state, state_dir, paths, root, domains=domain_slugs(), incoming=_incoming(store))
    except incremental.Unscoped as unscoped:
        return f"this change is checked by the full validation ({unscoped})"
    except incremental.Fallback as fallback:
        return f"the incremental validation cannot vouch for this change ({fallback})"
    if plan is None:
        files = [label for _, label in iter_files(paths, root)]
        summary = LoadSummary("unchanged", live)
        return Loaded(files, state.record_count, summary, timings)
    timings.update(plan.timings)
    started = time.perf_counter()
    planned = plan_splice(state_dir, state.token, state.index, plan.rdf_changes, derive)
    rdf_seconds = time.perf_counter() - started
    # The old saved RDF (and its derived files) is copied in a thread (in the kernel: the copy holds no
    # lock of this process) while the engine writes the changes and the load state is saved; the copies
    # are named after the new load once its graph is the live one, and the old load's files removed.
    switched: Future[str | None] = Future()

    def copy_then_commit() -> CacheIndex | None:
        try:
            planned.copy()
            token = switched.result()
        except BaseException:
            discard(planned.part, planned.prepared)
            raise
        if token is None:
            discard(planned.part, planned.prepared)
            return None
        return commit_splice(state_dir, token, planned.part, planned.prepared)

    with ThreadPoolExecutor(max_workers=1) as pool:
        splicing = pool.submit(copy_then_commit)
        started = time.perf_counter()
        try:
            if plan.changes.empty:
                info = live  # the content is the same (e.g. a record moved between files): nothing to write
            else:
                info = store.update_graph(
                    plan.changes, plan.manifest, expected_token=live.token, batch_size=batch_size, progress=progress
                )
        except BaseException as exc:
            switched.set_result(None)
            with contextlib.suppress(Exception):
                splicing.result()
            if isinstance(exc, StaleGraph):  # another load switched graphs meanwhile: load in full
                return "another load switched graphs meanwhile"
            raise
        summary = LoadSummary(
            "incremental",
            info,
            deleted=len(plan.changes.delete),
            nodes=plan.changes.write.node_count,
            relationships=plan.changes.write.relationship_count,
        )
        summary.seconds = time.perf_counter() - started
        started = time.perf_counter()
        new_state = plan.state
        changed = info.token != state.token
        switched.set_result(info.token if changed else None)
        # the index is the splice's (worked out before the copy); a state saved before the copy is named
        # after this load is one whose saved RDF is missing, which the next load reads as "load in full"
        new_state.index = planned.prepared[1] if changed else state.index
        new_state.token = plan.manifest.token = info.token
        new_state.manifest = plan.manifest
        incremental.save_state(state_dir, new_state)
        splicing.result()
    summary.rdf_cache_seconds = rdf_seconds + time.perf_counter() - started
    return Loaded(plan.files, plan.records, summary, timings)
