"""The browser tests' live server: a real uvicorn on a port of its own over the session's loaded store."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from eucan.api.main import create_app
from eucan.graph.store import GraphStore
from eucan.settings import Settings
from tests.utils.servers import uvicorn_thread

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def live_url(store: GraphStore, settings: Settings) -> Iterator[str]:
    with uvicorn_thread(create_app(settings, store=store)) as url:
        yield url
