"""The canonical error shape, asserted in every error test."""

from __future__ import annotations

from typing import Any


def assert_error_shape(response: Any, status: int, *mentions: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and all(isinstance(e, str) for e in body["errors"])
    assert "Traceback" not in response.text
    for text in mentions:
        assert text in response.text, f"{text!r} not in {response.text}"
    return body
