"""A 404 for an unknown id suggests the record meant, by id, name or alternative name (issue 10)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eucan.api.suggest import suggest
from tests.utils.errors import assert_error_shape

V1 = "/api/v1"


@pytest.mark.parametrize(
    ("url", "meant"),
    [
        ("/instruments/sdp", "sdp-2025"),  # the acronym, not the nearest spelling (csdp)
        ("/instruments/artemis", "artemis-drc"),  # an alternative name
        ("/actors/defense-nationale", "national-defence"),  # the French name, accents ignored
        ("/actors/canda", "canada"),  # a typo in the id
        ("/actors/NATO", "nato"),
    ],
)
def test_404_suggests_by_id_name_and_alternative_name(client: TestClient, url: str, meant: str) -> None:
    assert_error_shape(client.get(V1 + url), 404, f"did you mean '{meant}'?")


def test_no_suggestion_when_nothing_is_close(client: TestClient) -> None:
    body = assert_error_shape(client.get(V1 + "/instruments/zzzzqqqq"), 404, "zzzzqqqq")
    assert "did you mean" not in body["error"]


def test_suggest_order() -> None:
    rows = [("csdp", ["Common Security and Defence Policy", "CSDP"]), ("sdp-2025", ["Partnership", "SDP"])]
    assert suggest("sdp", rows) == "sdp-2025"
    assert suggest("CSDP", rows) == "csdp"
    assert suggest("sdp-2024", rows) == "sdp-2025"
    assert suggest("!!", rows) is None
