"""Every subject IRI of the previous export still resolves: a 200, or a 301 to the renamed record (then 200).

`previous_subjects.txt` lists the record IRIs (excerpts aside: an excerpt's IRI is the hash of its source
and words, so a corrected quote is another excerpt) of the export made from main's data before the id
renames of December 2026. rename_ids: keep (the old ids below are meant to stay old).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eucan.ontology.iris import BASE
from tools.rename_ids import load_mapping

PREVIOUS = [
    line.strip() for line in (Path(__file__).parent / "previous_subjects.txt").read_text().splitlines() if line.strip()
]
RENAMES = load_mapping()


def _kind_slug(iri: str) -> tuple[str, str]:
    kind, slug = iri[len(f"{BASE}id/") :].split("/")
    return kind, slug


def test_every_previous_subject_is_a_record_or_a_former_id_of_one(store) -> None:
    rows = store.run("MATCH (n:Resource) WHERE n.id IS NOT NULL RETURN n.uri AS uri, n.id AS id, n.altId AS alt").rows
    uris = {str(r[0]) for r in rows}
    former = {f"{str(r[0]).rsplit('/', 1)[0]}/{old}": str(r[0]) for r in rows for old in (r[2] or [])}
    assert len(PREVIOUS) > 800
    missing = [iri for iri in PREVIOUS if iri not in uris and iri not in former]
    assert missing == []
    moved = [iri for iri in PREVIOUS if iri not in uris]
    assert {_kind_slug(iri)[1] for iri in moved} == set(RENAMES)  # every rename, and only renames, moved


@pytest.mark.parametrize("old", sorted(RENAMES))
def test_old_iri_answers_301_then_200(client, old) -> None:
    kind = next(_kind_slug(iri)[0] for iri in PREVIOUS if iri.endswith(f"/{old}"))
    new = RENAMES[old]
    first = client.get(f"/id/{kind}/{old}", headers={"Accept": "text/turtle"}, follow_redirects=False)
    assert first.status_code == 301
    assert first.headers["location"] == f"/id/{kind}/{new}"
    final = client.get(f"/id/{kind}/{old}", headers={"Accept": "text/turtle"})
    assert final.status_code == 200
    assert f'dcterms:identifier "{new}"' in final.text
    assert "ecs:altId" in final.text and f'"{old}"' in final.text  # the former id is in the record's RDF
    for path in (f"/page/{kind}/{old}", f"/data/{kind}/{old}.ttl"):
        moved = client.get(path, follow_redirects=False)
        assert moved.status_code == 301, path
        assert moved.headers["location"] == path.replace(old, new)
        assert client.get(path).status_code == 200


def test_old_ids_redirect_in_the_api_paths_and_query_values(client) -> None:
    moved = client.get("/api/v1/instruments/cd-2021-748", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"] == "/api/v1/instruments/la-2021-748-cfsp"
    body = client.get("/api/v1/instruments/cd-2021-748").json()
    assert body["id"] == "la-2021-748-cfsp"
    partners = client.get("/api/v1/events?instrument=cd-2021-748&limit=5", follow_redirects=False)
    assert partners.status_code in (200, 301)
    unknown = client.get("/api/v1/instruments/cd-2099-1", follow_redirects=False)
    assert unknown.status_code == 404  # an id nobody ever had stays a 404


def test_every_previous_subject_resolves_over_http(client) -> None:
    """All of them, through the IRI's own route; cheap enough at this size (HEAD-like: status only)."""
    failures = []
    for iri in PREVIOUS:
        kind, slug = _kind_slug(iri)
        response = client.get(f"/id/{kind}/{slug}", headers={"Accept": "text/turtle"}, follow_redirects=False)
        if response.status_code == 301:
            response = client.get(
                response.headers["location"], headers={"Accept": "text/turtle"}, follow_redirects=False
            )
        if response.status_code != 303:
            failures.append((iri, response.status_code))
    assert failures == []


EXCERPTS = (Path(__file__).parent / "previous_excerpts.txt").read_text().split()
RETIRED = {
    line.split("\t", 1)[0]
    for line in (Path(__file__).parent / "retired_excerpts.tsv").read_text().splitlines()
    if line and not line.startswith("#")
}


def test_every_previous_excerpt_resolves_but_the_corrected_quotes(client) -> None:
    """Excerpts under a renamed source keep their IRIs as former ids (301); only corrected quotes retire."""
    assert len(EXCERPTS) > 700 and len(RETIRED) <= 10
    failures, moved = [], 0
    for iri in EXCERPTS:
        slug = iri.rsplit("/", 1)[-1]
        response = client.get(f"/id/excerpt/{slug}", headers={"Accept": "text/turtle"}, follow_redirects=False)
        if response.status_code == 301:
            moved += 1
            response = client.get(
                response.headers["location"], headers={"Accept": "text/turtle"}, follow_redirects=False
            )
        if (response.status_code == 303) == (iri in RETIRED):
            failures.append((iri, response.status_code))
    assert failures == []
    assert moved >= 10  # the quotes of the merged sources (pressclub, veterans, RCMP page versions): 11
