"""The Host allow-list on a real uvicorn server (proxy headers on, as by default): a DNS-rebinding
request is refused even when it also sends X-Forwarded-For; loopback names are answered."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from eucan.api.main import create_app
from eucan.graph.store import GraphStore
from eucan.settings import Settings
from tests.utils.errors import assert_error_shape
from tests.utils.servers import uvicorn_thread


@pytest.fixture(scope="module")
def live(store: GraphStore, settings: Settings) -> Iterator[str]:
    app = create_app(settings.model_copy(update={"allowed_hosts": ""}), store=store)  # the default allow-list
    with uvicorn_thread(app, proxy_headers=True) as url:  # a listening socket of its own: no port race
        yield url


def test_loopback_names_are_answered(live):
    port = live.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
        assert httpx.get(f"{live}/api/v1/health", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "rebind.example"},
        {"Host": "rebind.example", "X-Forwarded-For": "testclient"},
        {"Host": "rebind.example", "X-Forwarded-For": "127.0.0.1", "X-Forwarded-Host": "localhost"},
    ],
)
def test_a_rebinding_request_is_refused(live, headers):
    response = httpx.get(f"{live}/sparql", params={"query": "ASK {}"}, headers=headers)
    assert_error_shape(response, 400, "rebind.example", "EUCAN_ALLOWED_HOSTS")


def test_nul_in_a_raw_path_is_a_422(live):
    assert_error_shape(httpx.get(f"{live}/api/v1/actors/can%00ada"), 422, "control character")
