"""SPARQL query size and nesting are bounded before parsing; quick queries do not wait behind
slow ones; a worker that dies is replaced and its query gets a clear error."""

from __future__ import annotations

import json
import threading
import time

import pytest

from eucan.errors import QuerySyntaxError, QueryTimeout
from eucan.linked.sparql_service import SparqlService
from tests.utils.errors import assert_error_shape

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.mark.parametrize("depth", [10, 100, 1_000, 5_000])
@pytest.mark.parametrize("shape", ["ASK {{ FILTER({open}1{close}) }}", "ASK {{ {open}{close} }}"])
def test_nesting_is_bounded_before_parsing(client, depth, shape):
    brackets = "(" if "FILTER" in shape else "{"
    closing = ")" if brackets == "(" else "}"
    query = shape.format(open=brackets * depth, close=closing * depth)
    response = client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    # The refusal's own message shows it came from the text, before any parser (5,000 brackets parsed
    # would crash a worker: "stopped while running this query"); no clock, which a busy machine upsets.
    if depth <= 100:
        assert response.status_code == 200, response.text
    else:
        assert_error_shape(response, 400, "nests brackets more than 128 deep", "EUCAN_SPARQL_MAX_NESTING")


def test_length_is_bounded(client):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 25_000
    response = client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    assert_error_shape(response, 400, "the limit is 20,000", "EUCAN_SPARQL_MAX_LENGTH")


def test_a_crashed_worker_is_replaced_and_the_query_told(store, tmp_path):
    with SparqlService(store=store, work_dir=tmp_path, workers=1, max_nesting=100_000, max_length=10**6) as service:
        deep = "ASK { FILTER(" + "(" * 20_000 + "1" + ")" * 20_000 + ") }"
        started = time.monotonic()
        with pytest.raises(QuerySyntaxError, match="stopped while running this query"):
            service.query(deep)
        # one attempt, no retry loop (each retry would crash a fresh worker again); generous, as a busy
        # machine can take seconds to start a worker
        assert time.monotonic() - started < 60
        assert json.loads(service.query("ASK {}").content) == {"head": {}, "boolean": True}


def test_quick_query_does_not_wait_behind_slow_ones(store, tmp_path):
    with SparqlService(store=store, work_dir=tmp_path, workers=2, max_workers=3, timeout_ms=6_000) as service:
        service.query("ASK {}")  # build the dump and start the kept workers
        errors: list[Exception] = []

        def slow() -> None:
            try:
                service.query(SLOW)
            except QueryTimeout as exc:
                errors.append(exc)

        threads = [threading.Thread(target=slow) for _ in range(2)]
        for thread in threads:
            thread.start()
        time.sleep(0.5)  # both slow queries hold a worker now
        assert service.query("ASK {}").form == "boolean"
        # answered while both slow queries still hold their workers (they end only at the 6 s limit)
        assert all(thread.is_alive() for thread in threads) and not errors, "ASK waited behind the slow queries"
        assert service.workers_running == 3
        for thread in threads:
            thread.join()
        assert len(errors) == 2
        # the extra worker stops when idle: only the kept ones remain
        assert service.workers_running <= 2


def test_beyond_max_workers_queries_queue_until_a_worker_is_free(store, tmp_path):
    with SparqlService(store=store, work_dir=tmp_path, workers=1, max_workers=1, timeout_ms=3_000) as service:
        service.query("ASK {}")
        thread = threading.Thread(target=lambda: pytest.raises(QueryTimeout, service.query, SLOW))
        thread.start()
        while service._out == 0 and thread.is_alive():  # until the slow query holds the only worker
            time.sleep(0.01)
        # The ASK waits for a worker as long as its own limit (3 s): it starts 1.5 s after the slow
        # query took the worker, so the slow one is stopped at its limit (and the worker freed) 1.5 s
        # before the ASK would give up; that margin covers stopping the worker on a busy machine
        # (0.6 s did not once, at load average 15).
        time.sleep(1.5)
        started = time.monotonic()
        assert service.query("ASK {}").form == "boolean"  # answered once the slow query was stopped
        assert time.monotonic() - started > 1.0  # a lower bound: a busy machine only makes it longer
        assert service.workers_running == 1
        thread.join()


def test_a_query_past_the_worker_memory_cap_is_stopped_early(store, tmp_path):
    """Without the cap this query takes a worker past 3 GB within the 10 s time limit. The error names the
    memory setting, not the time limit, so the cap (not the clock) stopped it; no wall-clock bound, which
    a busy machine would make flaky."""
    with SparqlService(store=store, work_dir=tmp_path, workers=1, memory_mb=384) as service:
        with pytest.raises(QuerySyntaxError, match="EUCAN_SPARQL_WORKER_MEMORY_MB"):
            service.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d")
        assert service.query("ASK {}").form == "boolean"  # replaced


def test_memory_cap_over_http_uses_the_error_shape(store, settings):
    from fastapi.testclient import TestClient

    from eucan.api.main import create_app

    with TestClient(create_app(settings.model_copy(update={"sparql_worker_memory_mb": 384}), store=store)) as c:
        response = c.get("/sparql", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d"})
        assert_error_shape(response, 400, "EUCAN_SPARQL_WORKER_MEMORY_MB")


def test_a_cap_too_small_for_the_graph_names_the_setting_to_raise(store, tmp_path):
    from eucan.errors import StoreUnavailable

    with SparqlService(store=store, work_dir=tmp_path, workers=1, memory_mb=40) as service:
        with pytest.raises(StoreUnavailable, match=r"EUCAN_SPARQL_WORKER_MEMORY_MB to at least \d+") as failed:
            service.query("ASK {}")
        assert "within its memory cap of 40 MB" in str(failed.value)
    with SparqlService(store=store, work_dir=tmp_path / "auto", workers=1) as service:  # 0: sized from the graph
        assert service.query("ASK {}").form == "boolean"


def test_the_default_cap_grows_with_the_graph():
    from eucan.linked.sparql_service import worker_memory_mb

    assert worker_memory_mb(0) == 1024
    # 1.9 M triples (100,000 facts) reached 0.95 GB of address space in a worker; 19 M would need ~7.6 GB
    assert 1900 < worker_memory_mb(1_900_000) < 2000
    assert worker_memory_mb(19_000_000) > 9_000


def test_the_event_loop_path_stops_a_slow_or_abandoned_query(store, tmp_path):
    """`aquery` (the HTTP endpoint's path) awaits a ready worker's reply on the loop: a query past the
    limit, or one whose caller went away, stops its worker, and the next query gets a fresh one."""
    import asyncio

    with SparqlService(store=store, work_dir=tmp_path, workers=1, timeout_ms=1000, check_interval_s=600) as service:

        async def scenario() -> None:
            assert (await service.aquery("ASK {}")).form == "boolean"  # builds the store (in a thread)
            with pytest.raises(QueryTimeout, match="time limit"):  # the limit stopped it (no clock needed)
                await service.aquery(SLOW)  # the worker was ready: awaited on the loop
            assert service.workers_running == 0  # and its worker
            assert (await service.aquery("ASK {}")).form == "boolean"
            task = asyncio.ensure_future(service.aquery(SLOW))
            await asyncio.sleep(0.3)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert service.workers_running == 0  # its reply would have answered the next query
            answer = json.loads((await service.aquery("SELECT (1 AS ?one) WHERE {}")).content)
            assert answer["results"]["bindings"][0]["one"]["value"] == "1"

        asyncio.run(scenario())
