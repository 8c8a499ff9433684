"""Every SPARQL example in docs/sparql.md runs on the curated data and contains its expected value."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "sparql.md"
PREFIXES = """PREFIX ecs:  <https://w3id.org/eucan-security/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX id:   <https://w3id.org/eucan-security/id/>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
"""
EXAMPLES = re.findall(r"^### (.+?)\n\n```sparql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def test_the_doc_has_examples():
    assert len(EXAMPLES) >= 10
    assert PREFIXES.strip() in DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize(("title", "query"), EXAMPLES, ids=[t for t, _ in EXAMPLES])
def test_example_answers(client, title, query):
    expected = re.search(r"^# expect: (.+)$", query, re.MULTILINE)
    assert expected, f"{title}: add a '# expect: <value>' line"
    response = client.post(
        "/sparql", data={"query": PREFIXES + query}, headers={"Accept": "text/csv, text/turtle;q=0.9"}
    )
    assert response.status_code == 200, response.text
    assert len(response.text.strip().splitlines()) > 1, f"{title}: no answer"
    assert expected.group(1) in response.text, f"{title}: {expected.group(1)!r} not in\n{response.text[:800]}"
