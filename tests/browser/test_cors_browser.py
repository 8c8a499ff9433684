"""CORS as a browser enforces it: a page served from a second loopback origin fetches a SELECT
from /sparql (a POST with `Content-Type: application/sparql-query`, so the browser sends a
preflight first) and a JSON-LD document with `fetch()` in headless Chromium, and shows what it
read. Without CORS headers the browser would hide both answers from the page.

`scripts/check --install-browser` installs chromium (CI passes it); without it this test is skipped,
saying why.
"""

from __future__ import annotations

import http.server
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator

import pytest

from eucan.api.main import create_app
from eucan.graph.store import GraphStore
from eucan.settings import Settings
from tests.utils.servers import uvicorn_thread

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
QUERY = (
    "SELECT ?name WHERE { <https://w3id.org/eucan-security/id/actor/canada> "
    "<http://www.w3.org/2004/02/skos/core#prefLabel> ?name FILTER(lang(?name) = 'en') }"
)
PAGE = """<!doctype html><html><body><p id="sparql">pending</p><p id="jsonld">pending</p><script>
const api = "%(api)s";
fetch(api + "/sparql", {method: "POST", headers: {"Content-Type": "application/sparql-query",
      "Accept": "application/sparql-results+json"}, body: %(query)s})
  .then(r => r.json().then(j => { document.getElementById("sparql").textContent =
      "sparql:" + j.results.bindings[0].name.value + ":truncated=" + r.headers.get("X-Eucan-Truncated"); }))
  .catch(e => { document.getElementById("sparql").textContent = "sparql-failed:" + e; });
fetch(api + "/data/actor/canada.jsonld")
  .then(r => r.json().then(j => { const nodes = j["@graph"] || [j];
      const canada = nodes.find(n => n["@id"] === "actor:canada");
      document.getElementById("jsonld").textContent = "jsonld:" + canada.prefLabel.en + ":etag=" + (r.headers.get("ETag") ? "yes" : "no"); }))
  .catch(e => { document.getElementById("jsonld").textContent = "jsonld-failed:" + e; });
</script></body></html>"""


@pytest.fixture(scope="module")
def api_url(store: GraphStore, settings: Settings) -> Iterator[str]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed: sudo apt-get install chromium, or bash scripts/check --install-browser")
    with uvicorn_thread(create_app(settings, store=store)) as url:
        yield url


@pytest.fixture(scope="module")
def page_url(api_url: str) -> Iterator[str]:
    """The page, served from another origin (another port on localhost)."""
    import json

    body = (PAGE % {"api": api_url, "query": json.dumps(QUERY)}).encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_page_on_another_origin_reads_sparql_and_jsonld(page_url: str) -> None:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--virtual-time-budget=15000",
                f"--user-data-dir={profile}",
                "--dump-dom",
                page_url,
            ],
            capture_output=True,
            text=True,
            timeout=90,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "sparql:Canada:truncated=false" in done.stdout, done.stdout[-2000:]
    assert "jsonld:Canada:etag=yes" in done.stdout, done.stdout[-2000:]
