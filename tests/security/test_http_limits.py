"""HTTP inputs: Host allow-list, body and query-string sizes, control characters, parameter
names and values — each refused with a 4xx in the one error shape, never a 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eucan.api.main import create_app
from eucan.cli import app as cli_app
from tests.utils.errors import assert_error_shape


def _over_socket(client: TestClient, **settings_update) -> TestClient:
    """An app with the default Host allow-list (the test session's EUCAN_ALLOWED_HOSTS adds `testserver`),
    or with `settings_update`."""
    update = {"allowed_hosts": "", **settings_update}
    settings = client.app.state.settings.model_copy(update=update)  # type: ignore[attr-defined]
    store = client.app.state.store  # type: ignore[attr-defined]
    return TestClient(create_app(settings, store=store), client=("127.0.0.1", 40000))


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:80", "[::1]:8000", "127.0.0.1"])
def test_loopback_hosts_are_answered(client, host):
    with _over_socket(client) as c:
        assert c.get("/api/v1/health", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "localhost.:8000"])
def test_other_hosts_are_refused(client, host):
    with _over_socket(client) as c:
        response = c.get("/api/v1/health", headers={"Host": host})
        assert_error_shape(response, 400, "does not answer for Host", "EUCAN_ALLOWED_HOSTS")
        assert_error_shape(c.get("/sparql", params={"query": "ASK {}"}, headers={"Host": host}), 400)


def test_configured_host_and_star(client):
    with _over_socket(client, host="kg.example.org") as c:
        assert c.get("/api/v1/health", headers={"Host": "kg.example.org:8000"}).status_code == 200
        assert c.get("/api/v1/health", headers={"Host": "evil.example"}).status_code == 400
    with _over_socket(client, allowed_hosts="data.example.org") as c:
        assert c.get("/api/v1/health", headers={"Host": "data.example.org"}).status_code == 200
        assert c.get("/api/v1/health", headers={"Host": "localhost"}).status_code == 400
    with _over_socket(client, allowed_hosts="*") as c:
        assert c.get("/api/v1/health", headers={"Host": "anything.example"}).status_code == 200


def test_default_allow_list_refuses_the_test_clients_own_name(client):
    assert client.get("/api/v1/health").status_code == 200  # the session allows `testserver`
    with _over_socket(client) as c:
        assert_error_shape(c.get("/api/v1/health"), 400, "testserver")
        forwarded = {"X-Forwarded-For": "testclient", "Host": "evil.example"}
        assert_error_shape(c.get("/api/v1/health", headers=forwarded), 400, "evil.example")


def test_body_size_limit_from_content_length(client):
    body = b'{"query": "RETURN 1 AS one", "parameters": {"x": "' + b"a" * 1_100_000 + b'"}}'
    response = client.post("/api/v1/cypher", content=body, headers={"Content-Type": "application/json"})
    assert_error_shape(response, 413, "1,000,000 bytes", "EUCAN_MAX_BODY_BYTES")
    sparql = client.post("/sparql", content=b"#" * 1_100_000, headers={"Content-Type": "application/sparql-query"})
    assert_error_shape(sparql, 413, "EUCAN_MAX_BODY_BYTES")


def test_body_size_limit_for_a_chunked_body(client):
    def chunks() -> Iterator[bytes]:
        yield b"query="
        for _ in range(40):
            yield b"a" * 50_000

    response = client.post("/sparql", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_error_shape(response, 413, "EUCAN_MAX_BODY_BYTES")


def test_query_string_limit(client):
    response = client.get("/sparql", params={"query": "ASK {} #" + "x" * 9_000})
    assert_error_shape(response, 414, "8,192", "EUCAN_MAX_QUERY_STRING_BYTES", "POST")
    assert_error_shape(client.get("/api/v1/search", params={"q": "a" * 9_000}), 414)


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/v1/actors/can%00ada", {}),
        ("/api/v1/actors/canada%1b", {}),
        ("/api/v1/search", {"q": "def\x00ence"}),
        ("/api/v1/search", {"q": "x\x7f"}),
        ("/api/v1/cooperation", {"actor": "canada\x00"}),
        ("/api/v1/queries/actor_partners", {"actor": "canada\x00"}),
        ("/api/v1/timeline", {"actor": "canada", "from": "2005-01-01\x01"}),
        ("/sparql", {"query": "ASK {}\x00"}),
        ("/id/actor/canada%00", {}),
    ],
)
def test_control_characters_are_a_422(client, path, params):
    response = client.get(path, params=params)
    body = assert_error_shape(response, 422, "control character")
    assert len(body["error"]) < 400


def test_tabs_and_newlines_in_sparql_are_fine(client):
    assert client.get("/sparql", params={"query": "ASK\n{\t}\r\n"}).status_code == 200


@pytest.mark.parametrize("name", ["", "`x", "x`", "`x`", "a b", "x-y", "1x", "é", "x" * 65])
def test_bad_parameter_names_in_cypher_are_a_422(client, name):
    response = client.post("/api/v1/cypher", json={"query": "RETURN 1 AS one", "parameters": {name: 1}})
    assert_error_shape(response, 422, "parameter name")


@pytest.mark.parametrize("name", ["", "`x", "x`=1"])
def test_bad_parameter_names_in_catalog_queries_are_a_422(client, name):
    response = client.get("/api/v1/queries/actor_partners", params={"actor": "canada", name: "1"})
    assert_error_shape(response, 422, "parameter")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_numbers_are_a_422_without_engine_internals(client, literal):
    body = '{"query": "RETURN $x AS x", "parameters": {"x": ' + literal + "}}"
    response = client.post("/api/v1/cypher", content=body, headers={"Content-Type": "application/json"})
    assert_error_shape(response, 422, "finite number")
    assert "errMsg" not in response.text and "CYPHER" not in response.text


@pytest.mark.parametrize(
    "value, mention",
    [
        ("a\x00b", "control character"),
        ([[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]], "more than 16 deep"),
        ({"a b": 1}, "map key"),
    ],
)
def test_bad_parameter_values_are_a_422(client, value, mention):
    response = client.post("/api/v1/cypher", json={"query": "RETURN $x AS x", "parameters": {"x": value}})
    assert_error_shape(response, 422, mention)


def test_deeply_nested_json_body_is_a_400(client):
    body = '{"query": "RETURN 1", "parameters": {"x": ' + "[" * 100_000 + "]" * 100_000 + "}}"
    response = client.post("/api/v1/cypher", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert_error_shape(response, 400)


def test_validation_errors_echo_at_most_200_characters_of_a_value(client):
    response = client.get("/api/v1/actors/canada/partners", params={"as_of": "9" * 5_000})
    body = assert_error_shape(response, 422, "as_of")
    assert max(len(e) for e in body["errors"]) < 400


@pytest.mark.parametrize("pair", ["`x`=1", "=1", "a b=1", "x=NaN"])
def test_cli_bad_parameter_is_a_clean_error(store, pair):
    result = CliRunner().invoke(
        cli_app, ["query", "RETURN 1 AS one", "-p", pair, "--data-dir", str(store.data_dir)], catch_exceptions=False
    )
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "parameter" in result.output


def test_post_sparql_without_content_type_is_a_415(client):
    response = client.post("/sparql", content=b"query=ASK%20%7B%7D", headers={"Content-Type": ""})
    assert_error_shape(response, 415, "Content-Type", "application/sparql-query")


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/v1/queries/" + "q" * 5_000, {}),
        ("/api/v1/queries/actor_partners", {"actor": "canada", "p" * 5_000: "1"}),
        ("/api/v1/queries/actor_partners", {"actor": "canada", "as_of": "9" * 5_000}),
        ("/api/v1/actors/" + "a" * 5_000, {}),
        ("/api/v1/search", {"q": "-" * 5_000}),
        ("/api/v1/cooperation", {"instrument_type": "T" * 5_000}),
    ],
)
def test_long_values_are_cut_in_messages(client, path, params):
    response = client.get(path, params=params)
    assert 400 <= response.status_code < 500
    body = assert_error_shape(response, response.status_code)
    assert all(len(e) < 600 for e in body["errors"]), body["errors"]
