"""SPARQL cannot reach the network: a corpus of SERVICE bypass attempts against a live local
listener that must receive nothing, over GET and both POST forms; and the sandbox underneath."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from eucan.linked.sparql_guard import find_service
from tests.utils.errors import assert_error_shape


class Listener:
    """A tiny HTTP server on 127.0.0.1 that counts every request (and answers like a SPARQL endpoint)."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                listener.requests.append(f"{self.command} {self.path}")
                body = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"LEAK"}}]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def bypasses(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}"
    return [
        # the one from the issue: `<2) SERVICE :x {…} FILTER(3>` looked like one IRI to a lexical check
        f"PREFIX : <{url}/x#> SELECT * WHERE {{ FILTER(1<2) SERVICE :x {{ ?x ?p ?o }} FILTER(3>2) }}",
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SeLeCt * WhErE {{ sErViCe <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"BASE <{url}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX ex: <{url}/> SELECT * WHERE {{ SERVICE ex:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}/sparql> AS ?s) SERVICE ?s {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?s {{ <{url}/sparql> }} SERVICE ?s {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1\\u003a{port}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVIC\\u0045 <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ # a comment }}\n SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }} LIMIT 1",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ MINUS {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }}",
        f"ASK {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }}",
        f"SELECT * FROM <{url}/graph> WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ << ?a ?b ?c >> ?d ?e . SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{\tSERVICE\n<{url}/sparql>\r\n{{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE<{url}/sparql>{{?s ?p ?o}} }}",
    ]


def _send(client: Any, how: str, query: str) -> Any:
    if how == "get":
        return client.get("/sparql", params={"query": query})
    if how == "form":
        return client.post("/sparql", data={"query": query})
    return client.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})


@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_no_bypass_reaches_the_listener(client, listener, how):
    corpus = bypasses(listener.port)
    assert len(corpus) >= 25
    for query in corpus:
        response = _send(client, how, query)
        assert response.status_code in (400, 403), (query, response.text)
        assert_error_shape(response, response.status_code)
        assert "LEAK" not in response.text
    assert listener.requests == []


def test_service_refusal_names_the_rule(client, listener):
    response = client.get("/sparql", params={"query": bypasses(listener.port)[0]})
    assert_error_shape(response, 403, "SERVICE", "never calls other servers")


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
        "PREFIX ex: <http://example.org/service#> SELECT * WHERE { ?s ex:service ?o } LIMIT 1",
        "SELECT * WHERE { ?s ?p 'SERVICE <http://127.0.0.1/> { }' } LIMIT 1",
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1/> { }\nLIMIT 1",
    ],
)
def test_the_word_service_alone_is_not_refused(client, query):
    assert not find_service(query)
    assert client.get("/sparql", params={"query": query}).status_code == 200


_RAW_SERVICE = """
import sys
from eucan.linked.sparql_guard import isolate_network
isolated = isolate_network() if sys.argv[2] == "isolate" else False
import pyoxigraph
query = "SELECT * WHERE { SERVICE <http://127.0.0.1:%s/sparql> { ?x ?p ?o } }" % sys.argv[1]
try:
    rows = list(pyoxigraph.Store().query(query))
    print(isolated, "rows", len(rows))
except Exception as exc:
    print(isolated, "error", type(exc).__name__)
"""


def _raw(port: int, mode: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _RAW_SERVICE, str(port), mode], capture_output=True, text=True, timeout=60
    )
    return done.stdout.strip()


def test_worker_sandbox_has_no_network_even_without_the_parser_check(listener):
    """Positive control first: plain pyoxigraph does call the listener, so 0 requests below means something."""
    before = len(listener.requests)
    assert _raw(listener.port, "plain") == "False rows 1"
    assert len(listener.requests) == before + 1
    listener.requests.clear()
    out = _raw(listener.port, "isolate")
    if not out.startswith("True"):
        pytest.skip("this system does not allow unprivileged network namespaces; the parsed check stands alone")
    assert out == "True error OSError", out
    assert listener.requests == []


def test_the_services_workers_are_isolated_where_the_system_allows(store, tmp_path, listener):
    from eucan.linked.sparql_service import SparqlService

    possible = _raw(listener.port, "isolate").startswith("True")
    listener.requests.clear()
    with SparqlService(store=store, work_dir=tmp_path, workers=1) as service:
        service.query("ASK {}")
        assert service.network_isolated is possible
