"""The web's conventions on every route: HEAD wherever GET works (same headers, no body), `Allow`
on every 405, and CORS for the read-only surface (simple requests and preflights)."""

from __future__ import annotations

import pytest

from tests.utils.errors import assert_error_shape

ORIGIN = "http://portal.example"
GET_PATHS = [
    "/openapi.json",
    "/api/v1/version",
    "/api/v1/actors/canada",
    "/sparql?query=ASK%20%7B%7D",
    "/sparql",
    "/data/actor/canada.ttl",
    "/data/actor/canada.jsonld",
    "/ontology?format=ttl",
    "/.well-known/void",
    "/dcat",
    "/dumps/eucan-security.nt",
]


@pytest.mark.parametrize("path", GET_PATHS)
def test_head_answers_like_get_without_a_body(client, path):
    got = client.get(path)
    head = client.head(path)
    assert got.status_code == 200, got.text
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    if "content-length" in got.headers:
        assert head.headers["content-length"] == got.headers["content-length"]


def test_every_get_operation_in_openapi_answers_head(client):
    """No documented GET route answers HEAD with 405 (ids filled with a known one)."""
    paths = client.get("/openapi.json").json()["paths"]
    checked = 0
    for template, operations in paths.items():
        if "get" not in operations:
            continue
        path = template.replace("{kind}", "actor").replace("{slug}", "canada").replace("{filename}", "canada.ttl")
        path = path.replace("{id}", "canada").replace("{name}", "actor_profile")
        response = client.head(path)
        assert response.status_code != 405, template
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("DELETE", "/sparql", "GET, HEAD, POST"),
        ("PUT", "/sparql", "GET, HEAD, POST"),
        ("POST", "/dcat", "GET, HEAD"),
        ("PATCH", "/data/actor/canada.ttl", "GET, HEAD"),
        ("DELETE", "/api/v1/actors/canada", "GET, HEAD"),
    ],
)
def test_405_says_what_is_allowed(client, method, path, allow):
    response = client.request(method, path)
    assert_error_shape(response, 405, method)
    assert response.headers["allow"] == allow


@pytest.mark.parametrize(
    "path", ["/sparql?query=ASK%20%7B%7D", "/data/actor/canada.jsonld", "/dcat", "/api/v1/version"]
)
def test_cors_simple_reads_from_any_origin(client, path):
    response = client.get(path, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    exposed = {h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")}
    assert {"link", "etag", "x-eucan-truncated"} <= exposed
    assert "access-control-allow-credentials" not in response.headers


def test_cors_preflight_of_a_sparql_post(client):
    response = client.options(
        "/sparql",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, accept",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"].lower()
    assert int(response.headers["access-control-max-age"]) > 0


def test_cors_preflight_refuses_writes(client):
    response = client.options("/sparql", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "DELETE"})
    assert response.status_code == 400
    assert "DELETE" not in response.headers.get("access-control-allow-methods", "")


def test_cors_can_be_limited_to_named_origins(store, settings):
    from fastapi.testclient import TestClient

    from eucan.api.main import create_app

    limited = settings.model_copy(update={"cors_allow_origins": "https://data.europa.eu"})
    with TestClient(create_app(limited, store=store)) as c:
        assert c.get("/api/v1/version", headers={"Origin": ORIGIN}).headers.get("access-control-allow-origin") is None
        allowed = c.get("/api/v1/version", headers={"Origin": "https://data.europa.eu"})
        assert allowed.headers["access-control-allow-origin"] == "https://data.europa.eu"
