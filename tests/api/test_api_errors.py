"""Bad requests of many kinds: always the one error shape, naming the parameter or the id."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eucan.api.main import create_app
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.settings import Settings
from tests.utils.errors import assert_error_shape

V1 = "/api/v1"


@pytest.mark.parametrize(
    ("url", "status", "mentions"),
    [
        ("/cooperation?as_of=2024-13-01", 422, ["as_of must be a date YYYY-MM-DD"]),
        ("/cooperation?as_of=yesterday", 422, ["as_of must be a date YYYY-MM-DD"]),
        ("/actors/canada/partners?as_of=2024-02-30", 422, ["as_of must be a date YYYY-MM-DD"]),
        ("/cooperation?limit=0", 422, ["limit"]),
        ("/cooperation?limit=501", 422, ["limit", "500"]),
        ("/actors?limit=ten", 422, ["limit", "integer"]),
        ("/instruments?offset=-1", 422, ["offset"]),
        ("/cooperation?instrument_type=Spaceship", 422, ["instrument_type", "PescoProject"]),
        ("/actors?type=Planet", 422, ["type", "State"]),
        ("/path?from=canada&to=estonia&max_hops=7", 422, ["max_hops", "6"]),
        ("/path?from=canada&to=estonia&max_hops=0", 422, ["max_hops"]),
        ("/path?to=estonia", 422, ["from", "Field required"]),
        ("/search?q=", 422, ["q"]),
        ("/search?q=%20%21%3F", 422, ["q must contain at least one letter or digit"]),
        ("/timeline", 422, ["actor", "Field required"]),
        ("/timeline?actor=canada&from=2010-1-1", 422, ["from must be a date YYYY-MM-DD"]),
        ("/cooperation?actr=canada", 422, ["unknown parameter 'actr'", "actor"]),
        (
            "/actors/canada/partners?as_of=2020-01-01&as_of=2024-01-01",
            422,
            ["parameter as_of given 2 times", "'2020-01-01', '2024-01-01'", "give it once"],
        ),
        ("/actors?limit=5&limit=6&limit=7&limit=8", 422, ["parameter limit given 4 times", "'5', '6', '7', ..."]),
        ("/cooperation?actor=canada&actor=canada", 422, ["parameter actor given 2 times"]),
        ("/actors/atlantis", 404, ["atlantis"]),
        ("/instruments/canada", 404, ["canada", "State"]),
        ("/domains/underwater-basket-weaving", 404, ["underwater-basket-weaving"]),
        ("/actors/atlantis/partners", 404, ["atlantis"]),
        ("/cooperation?actor=atlantis", 404, ["atlantis", "actor"]),
        ("/cooperation?actor=canada&partner=atlantis", 404, ["atlantis", "partner"]),
        ("/cooperation?domain=sdp-2025", 404, ["sdp-2025", "domain"]),
        ("/instruments?domain=nowhere", 404, ["nowhere", "domain"]),
        ("/path?from=atlantis&to=canada", 404, ["atlantis", "from"]),
        ("/timeline?actor=atlantis", 404, ["atlantis"]),
        ("/no-such-endpoint", 404, ["no such path"]),
    ],
)
def test_bad_requests_have_the_one_error_shape(client: TestClient, url: str, status: int, mentions: list[str]) -> None:
    assert_error_shape(client.get(V1 + url), status, *mentions)


def test_store_unavailable_is_503(tmp_path: Path) -> None:
    store = FalkorDBStore(tmp_path / "kg")
    store.close()  # the engine is gone: every query must fail as 503, not as a stack trace
    app = create_app(Settings(data_dir=tmp_path / "unused"), store=store)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert_error_shape(client.get(f"{V1}/cooperation?actor=canada"), 503)
        assert_error_shape(client.get(f"{V1}/actors/canada"), 503)
        assert_error_shape(client.get(f"{V1}/health"), 503)


def test_unknown_id_suggests_a_close_one(client) -> None:
    body = assert_error_shape(client.get("/api/v1/actors/canda"), 404, "no actor with id 'canda'")
    assert "did you mean 'canada'?" in body["error"]
