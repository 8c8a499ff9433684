"""The `eucan` command: validate, load, query, stats (and serve, export, queries)."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import sys
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eucan import __version__
from eucan.echo import clip
from eucan.errors import EucanError, QueryParameterError, SourceError
from eucan.settings import Settings

if TYPE_CHECKING:  # the loader is imported by the commands that load (start-up time)
    from eucan.loaders.pipeline import Loaded

__all__ = ["app", "main"]

app = typer.Typer(
    name="eucan",
    help="EU–Canada Security Knowledge Graph: load curated, sourced facts into a graph engine and query them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def handle_errors(func: F) -> F:
    """Turn the project's errors into a clear message and a non-zero exit, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SourceError as exc:
            for problem in exc.problems:
                typer.echo(str(problem), err=True)
            typer.echo(f"error: {len(exc.problems)} problem(s) in the curated sources; nothing was loaded", err=True)
            raise typer.Exit(code=1) from None
        except EucanError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None

    return wrapper  # type: ignore[return-value]


def _settings(data_dir: Path | None = None) -> Settings:
    try:
        settings = Settings()
    except Exception as exc:  # pydantic's ValidationError: name the setting and the value
        from eucan.errors import ConfigError

        raise ConfigError(f"bad setting: {exc}") from None
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    from eucan.queries.catalog import use_user_queries

    use_user_queries(settings.queries_dir)
    return settings


DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", help="Folder of the embedded engine's files \\[env: EUCAN_DATA_DIR].", show_default=False
    ),
]
SourcesArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Curated YAML files or folders (default: ./data).", show_default=False),
]


def _version(value: bool) -> None:
    if value:
        out.print(f"eucan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """EU–Canada Security Knowledge Graph."""


@app.command()
@handle_errors
def validate(sources: SourcesArg = None) -> None:
    """Check the curated files (YAML, fields, ids, dates, references, SHACL) without loading."""
    from eucan.loaders.pipeline import validate_sources

    settings = _settings()
    result = validate_sources(sources or [settings.sources_dir])
    out.print(f"ok: {result.records} records in {len(result.files)} files, {result.triples} triples; no problems")


@app.command()
@handle_errors
def load(
    sources: SourcesArg = None,
    data_dir: DataDirOption = None,
    batch_size: Annotated[
        int, typer.Option(help="Rows per UNWIND batch (a full load's relationships: 20x as many id pairs).", min=1)
    ] = 1000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no counts.")] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Validate every record and rewrite the whole graph. By default a load validates and rewrites "
            "only the records (nodes) whose content changed since the last load (any problem found is "
            "reported by a full validation).",
        ),
    ] = False,
) -> None:
    """Validate the curated files and write them into the graph (all or nothing; only what changed unless --full)."""
    from eucan.graph.factory import exclusive_load, open_store
    from eucan.linked.saved_rdf import derive_bodies
    from eucan.loaders.pipeline import load_sources

    settings = _settings(data_dir)
    paths = sources or [settings.sources_dir]
    with exclusive_load(settings, on_wait=lambda message: err.print(message)), open_store(settings) as store:
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=quiet,
            transient=True,
        )
        with progress:
            task = progress.add_task(_NEXT_PHASE[""], total=None)

            # Without a terminal (a log, CI, nohup) the bar is not drawn: a line per phase and per tenth of the
            # write says instead that a long load is moving (a million facts take minutes).
            plain = not quiet and not err.is_terminal
            tenths_said = 0

            def report(done: int, total: int) -> None:
                nonlocal tenths_said
                progress.update(task, description="writing the graph", completed=done, total=total)
                tenths = done * 10 // total if total else 0
                if plain and tenths > tenths_said:
                    tenths_said = tenths
                    err.print(f"writing the graph: {done:,} of {total:,} rows ({tenths * 10} %)")

            def phase_done(phase: str, seconds: float) -> None:  # a million facts validate for minutes
                following = _NEXT_PHASE.get(phase, "writing the graph")
                progress.update(task, description=following)
                if plain and phase in _PHASE_NAMES:
                    err.print(f"{_PHASE_NAMES[phase]}: {seconds:.1f} s; next, {following}")

            started = time.perf_counter()
            result = load_sources(
                store,
                paths,
                batch_size=batch_size,
                progress=report,
                state_dir=settings.data_dir,
                full=full,
                on_phase=phase_done,
                derive=derive_bodies,  # the export's bodies, made while the engine writes
                keep_rdf=False,  # the triples are let go while the engine's graph grows (memory)
            )
        from eucan.linked.sparql_service import mark_loaded

        summary = result.load
        if summary is None or summary.mode != "unchanged":
            mark_loaded(settings.data_dir)  # running servers rebuild their SPARQL store when they see it
        if not quiet:
            out.print(f"loaded {result.records} records from {len(result.files)} files into {store.backend}")
            if summary is not None and summary.mode == "incremental":
                out.print(
                    f"incremental: {summary.deleted} nodes deleted or replaced, {summary.nodes} nodes and "
                    f"{summary.relationships} relationships written ({summary.seconds:.1f} s); --full rewrites everything"
                )
            elif summary is not None and summary.mode == "unchanged":
                out.print("unchanged since the last load: nothing written")
            elif summary is not None and summary.reason:
                out.print(f"loaded in full: {summary.reason}")
            out.print(_load_times(result, time.perf_counter() - started))
            _print_stats_after_load(store, settings)


_PHASE_NAMES = {"state": "load state", "read": "read", "checks": "checks", "rdf": "RDF", "shacl": "SHACL"}


def _load_times(result: Loaded, seconds: float) -> str:
    """One line: the load's time and its phases (`property_graph` is counted in the write, which it feeds)."""
    phases = [f"{_PHASE_NAMES[k]} {v:.1f} s" for k, v in result.timings.items() if k in _PHASE_NAMES]
    if result.load.mode != "unchanged":
        phases.append(f"graph write {result.load.seconds:.1f} s")
    return f"took {seconds:.1f} s" + (f" ({', '.join(phases)})" if phases else "")


_NEXT_PHASE = {
    "": "reading the files",
    "read": "checking ids and references",
    "checks": "building the RDF",
    "rdf": "checking the SHACL shapes",
    "shacl": "counting the property graph's rows",
    "property_graph": "mapping and writing the graph",
}
"""What a load does after each phase of its validation (`validate_sources`), for the progress line."""


def _print_stats_after_load(store: Any, settings: Settings) -> None:
    """The counts after a load; the graph is loaded either way, so a failure to count is only reported."""
    from eucan.errors import QueryError

    try:
        _print_stats(store, settings)
    except QueryError as exc:
        err.print(f"loaded, but counting the graph failed ({exc}); run `eucan stats` to count it again")


def _print_stats(store: Any, settings: Settings) -> None:
    from eucan.queries.runner import graph_stats

    stats = graph_stats(store=store, timeout_ms=settings.engine_timeout_max_ms)
    labels = Table(title="Nodes by label", show_edge=False)
    labels.add_column("label")
    labels.add_column("count", justify="right")
    for name, count in stats.labels.items():
        labels.add_row(name, str(count))
    rels = Table(title="Relationships by type", show_edge=False)
    rels.add_column("type")
    rels.add_column("count", justify="right")
    for name, count in stats.relationships.items():
        rels.add_row(name, str(count))
    out.print(labels)
    out.print(rels)
    out.print(
        f"{stats.facts} sourced facts, {stats.primary_facts} ({stats.primary_share:.0%}) resting on a primary source; "
        f"{stats.sources} source documents ({stats.primary_sources} primary)"
    )


@app.command()
@handle_errors
def stats(
    data_dir: DataDirOption = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Node counts by label, relationship counts by type, sources and the share of primary sources."""
    from eucan.graph.factory import open_store
    from eucan.queries.runner import graph_stats

    settings = _settings(data_dir)
    with open_store(settings) as store:
        if fmt is OutputFormat.table:
            _print_stats(store, settings)
        else:
            out.print_json(json.dumps(graph_stats(store=store, timeout_ms=settings.engine_timeout_max_ms).as_dict()))


def _parse_params(pairs: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise QueryParameterError(f"parameter {clip(pair)} must look like key=value (e.g. -p actor=canada)")
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        params[key.strip()] = value
    from eucan.queries.params import check_parameters

    check_parameters(params)  # before the engine starts: a bad name or value is the user's to fix
    return params


def _emit(columns: list[str], rows: list[list[Any]], fmt: OutputFormat, truncated: bool) -> None:
    if fmt is OutputFormat.json:
        sys.stdout.write(
            json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=2) + "\n"
        )
    elif fmt is OutputFormat.csv:
        from eucan.queries.formats import rows_to_csv

        sys.stdout.write(rows_to_csv(columns, rows))
    else:
        from eucan.queries.runner import shown_columns

        shown = shown_columns(columns)
        table = Table(show_edge=False)
        for i in shown:
            table.add_column(columns[i], overflow="fold")
        for row in rows:
            table.add_row(
                *[
                    json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else ("" if v is None else str(v))
                    for v in (row[i] for i in shown)
                ]
            )
        out.print(table)
        out.print(f"{len(rows)} row(s)")
    if truncated:
        err.print(
            f"note: stopped at the row cap ({len(rows)} rows); use --limit to raise it (the engine itself stops at "
            "EUCAN_ROW_CAP, set when it starts) or add LIMIT to the query"
        )


@app.command()
@handle_errors
def query(
    cypher: Annotated[
        str | None, typer.Argument(help="Read-only Cypher text (or use --name).", show_default=False)
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="Run a catalog query by name (see `eucan queries`).")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="Parameter key=value (JSON values allowed).")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    timeout: Annotated[
        int | None, typer.Option(help="Time limit in milliseconds \\[env: EUCAN_QUERY_TIMEOUT_MS].", min=1)
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Row cap \\[env: EUCAN_ROW_CAP].", min=1)] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Run read-only Cypher (writes are refused) with -p parameters, a time limit and a row cap."""
    from eucan.graph.factory import open_store
    from eucan.queries.runner import run_adhoc, run_named

    if (cypher is None) == (name is None):
        raise typer.BadParameter("give either a Cypher text or --name NAME (not both)")
    params = _parse_params(param or [])
    settings = _settings(data_dir)
    with open_store(settings) as store:
        if name is not None:
            result = run_named(store=store, name=name, params=params, timeout_ms=timeout, row_cap=limit)
        else:
            assert cypher is not None
            result = run_adhoc(store=store, text=cypher, params=params, timeout_ms=timeout, row_cap=limit)
    _emit(result.columns, result.rows, fmt, result.truncated)


@app.command()
@handle_errors
def queries(
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    name: Annotated[str | None, typer.Argument(help="Show one query in full (parameters, columns, Cypher).")] = None,
) -> None:
    """List the catalog of named queries (run one with `eucan query --name NAME -p key=value`)."""
    from eucan.queries.catalog import get_query, list_queries

    _settings()  # for EUCAN_QUERIES_DIR
    chosen = [get_query(name)] if name else list_queries()
    if fmt is not OutputFormat.table:
        columns = ["name", "title", "description", "parameters", "returns", "example"]
        described = [q.describe() for q in chosen]
        rows: list[list[Any]] = [[d[c] for c in columns] for d in described]
        _emit(columns, rows, fmt, False)
        return
    if name:
        q = chosen[0]
        lines = [f"{q.name}: {q.title}", q.description]
        lines += [f"  -p {p.name}=<{p.type}>  e.g. {p.example}  {p.description}" for p in q.parameters]
        lines += [f"returns: {', '.join(q.returns)}", "", q.text]
        out.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)
        return
    table = Table(show_edge=False)
    table.add_column("name", no_wrap=True)
    table.add_column("title")
    table.add_column("parameters")
    for q in chosen:
        table.add_row(q.name, q.title, " ".join(f"{p.name}{'?' if p.optional else ''}" for p in q.parameters))
    out.print(table)
    out.print(f"{len(chosen)} queries; `eucan queries NAME` shows one in full")


class ExportFormatOption(str, Enum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    rdfxml = "rdfxml"
    neo4j_admin = "neo4j-admin"  # not RDF: CSV files for `neo4j-admin database import full` (docs/neo4j.md)


@app.command()
@handle_errors
def export(
    fmt: Annotated[
        ExportFormatOption,
        typer.Option("--format", "-f", help="RDF format, or neo4j-admin (CSV files into --output DIR)."),
    ] = ExportFormatOption.ttl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    gzip_: Annotated[bool, typer.Option("--gzip", help="Compress with gzip.")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Export the graph in the store as RDF (the ontology's terms), streamed page by page."""
    import contextlib
    import gzip
    import os
    import time

    from eucan.linked.saved_rdf import LOAD_MARKER  # light: the export may run without the engine

    settings = _settings(data_dir)
    started = time.perf_counter()
    if fmt is ExportFormatOption.neo4j_admin:
        _export_neo4j_admin(settings, output, gzip_)
        return
    marker = settings.data_dir / LOAD_MARKER
    modified = time.strftime("%Y-%m-%d", time.gmtime(marker.stat().st_mtime)) if marker.exists() else None
    partial = output.with_name(output.name + ".partial") if output is not None else None
    with contextlib.ExitStack() as stack:
        # The saved graph's load, read without starting the engine when its snapshot is stamped and no
        # engine runs (`graph.snapshot`): then the load's saved canonical RDF is streamed as it is.
        saved = _saved_rdf(settings)
        store: Any = None
        if saved is not None:
            stack.enter_context(contextlib.closing(saved))
        else:
            from eucan.graph.factory import open_store

            store = stack.enter_context(open_store(settings))
        raw = partial.open("wb") if partial is not None else sys.stdout.buffer
        try:
            if gzip_:
                with gzip.GzipFile(fileobj=raw, mode="wb") as zipped:
                    stats = _export_rdf(saved, store, zipped, fmt.value, modified)
            else:
                stats = _export_rdf(saved, store, raw, fmt.value, modified)
            raw.flush()
        except BaseException:
            if partial is not None:
                raw.close()
                partial.unlink(missing_ok=True)
            raise
        if partial is not None and output is not None:
            raw.close()
            os.replace(partial, output)
    where = str(output) if output is not None else "standard output"
    seconds = time.perf_counter() - started
    err.print(f"exported {stats.triples} triples about {stats.entities} resources to {where} in {seconds:.1f} s")


def _saved_rdf(settings: Settings) -> Any:
    """The saved canonical RDF (opened) and its counts, when the embedded engine's saved graph is
    certainly the load that wrote it and no engine runs; None otherwise (Neo4j, another writer)."""
    if settings.neo4j_uri:
        return None
    from eucan.graph.snapshot import saved_token
    from eucan.linked.saved_rdf import open_saved

    token = saved_token(settings.data_dir, settings.graph_name)
    return open_saved(settings.data_dir, token) if token else None


def _export_rdf(saved: Any, store: Any, output: Any, fmt: str, modified: str | None) -> Any:
    if saved is not None:
        from eucan.linked.saved_rdf import export_saved

        return export_saved(saved, output, fmt, modified=modified)
    from eucan.linked.export import export as export_rdf

    return export_rdf(store=store, output=output, fmt=fmt, modified=modified)


def _export_neo4j_admin(settings: Settings, output: Path | None, gzip_: bool) -> None:
    import time

    from eucan.graph.factory import open_store
    from eucan.linked.neo4j_admin import export_neo4j_admin

    if output is None or gzip_:
        raise typer.BadParameter("--format neo4j-admin writes a folder of files: give --output DIR (and no --gzip)")
    started = time.perf_counter()
    with open_store(settings) as store:
        result = export_neo4j_admin(store=store, folder=output)
    seconds = time.perf_counter() - started
    err.print(
        f"wrote {result.nodes} nodes and {result.relationships} relationships for neo4j-admin to {output} "
        f"in {seconds:.1f} s; import them (see {output / 'IMPORT.md'}) from that folder with:"
    )
    out.print(result.command, markup=False, highlight=False, soft_wrap=True)


@app.command()
@handle_errors
def serve(
    data_dir: DataDirOption = None,
    host: Annotated[
        str | None,
        typer.Option(help="Address to listen on \\[env: EUCAN_HOST; default 127.0.0.1].", show_default=False),
    ] = None,
    port: Annotated[
        int | None, typer.Option(help="Port \\[env: EUCAN_PORT; default 8000].", min=0, max=65535, show_default=False)
    ] = None,
    load_data: Annotated[
        bool, typer.Option("--load/--no-load", help="Load the curated files (./data) into the graph before serving.")
    ] = True,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the web API (OpenAPI docs at /docs) on the embedded engine, or on Neo4j when NEO4J_URI is set."""
    import uvicorn

    from eucan.api.main import create_app
    from eucan.graph.factory import exclusive_load, open_store

    settings = _settings(data_dir)
    host = host or settings.host
    port = settings.port if port is None else port
    listener = _listen(host, port)  # before the graph is touched: a busy port changes nothing
    try:
        port = listener.getsockname()[1]
        with contextlib.ExitStack() as opened:
            # The load lock is taken before the store is opened (`exclusive_load`) and let go after the load.
            with (
                exclusive_load(settings, on_wait=lambda message: err.print(message))
                if load_data
                else contextlib.nullcontext()
            ):
                store = opened.enter_context(open_store(settings))
                if load_data:
                    from eucan.linked.saved_rdf import derive_bodies
                    from eucan.loaders.pipeline import load_sources

                    # Like `eucan load`: only what changed is rewritten, and the canonical RDF is kept for exports.
                    result = load_sources(
                        store,
                        [settings.sources_dir],
                        batch_size=settings.batch_size,
                        state_dir=settings.data_dir,
                        derive=derive_bodies,
                        keep_rdf=False,
                    )
                    out.print(f"loaded {result.records} records from {len(result.files)} files into {store.backend}")
                    _print_stats_after_load(store, settings)
            err.print(f"serving the API on http://{host}:{port}/api/v1 (docs: http://{host}:{port}/docs)")
            # The store is opened here, not in the app's start-up: an engine that cannot start is one clear
            # error (uvicorn would print a traceback), and the loaded engine is served without a restart.
            # Requests still running `shutdown_timeout_s` after Ctrl+C are cancelled; the app closes the store
            # during the shutdown (uvicorn then re-raises the signal); the stack closes it on any other way out.
            config = uvicorn.Config(
                create_app(settings, store=store, serving=True),
                log_level=log_level,
                timeout_graceful_shutdown=int(settings.shutdown_timeout_s) or None,
            )
            logging.getLogger("uvicorn.error").addFilter(_quiet_cancelled_requests)
            try:
                uvicorn.Server(config).run(sockets=[listener])
            except KeyboardInterrupt:
                err.print("stopped")
    finally:
        listener.close()


def _quiet_cancelled_requests(record: logging.LogRecord) -> bool:
    """A request cancelled by the graceful-shutdown timeout is one log line, not a traceback."""
    import asyncio  # here: importing it costs every command ~0.1 s

    if record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError):
        record.msg, record.args, record.exc_info = "a request still running at shutdown was cancelled", (), None
    return True


def _listen(host: str, port: int) -> Any:
    """A listening socket on (host, port), or a clear error if the address is taken or unknown."""
    import socket

    from eucan.errors import ConfigError

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        listener = socket.socket(family, kind, proto)
    except (OSError, IndexError) as exc:
        raise ConfigError(f"cannot listen on {host}:{port} ({exc}); check --host / EUCAN_HOST") from None
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(2048)
    except OSError as exc:
        listener.close()
        raise ConfigError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; another server may be using the port: "
            "stop it or choose another with --port (or EUCAN_PORT); the graph was not touched"
        ) from None
    return listener


def main() -> None:
    """Entry point of the `eucan` command."""
    app()


if __name__ == "__main__":
    main()
