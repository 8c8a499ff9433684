"""Every subject IRI of the previous export still resolves: a 200, or a 301 to the renamed record (then 200).

`previous_subjects.txt` lists the record IRIs (excerpts aside: an excerpt's IRI is the hash of its source
and words, so a corrected quote is another excerpt) of the export made from main's data before the id
renames of December 2026. rename_ids: keep (the old ids below are meant to stay old).
`previous_excerpts.txt` lists that export's excerpt IRIs: each answers 303, or 301 (an excerpt of a renamed
source, or a corrected quote whose evidence item `replaces` it) then 303, or 410 Gone with the reason (an
excerpt removed for good, listed in eucan/linked/retired-excerpts.yaml); none 404.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eucan.errors import ConfigError
from eucan.linked.retired import load_retired, retired_excerpts
from eucan.ontology.iris import BASE, excerpt_iri
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
# Corrected quotes of that export: old excerpt id -> (source, the words now). The new evidence item says
# `replaces: [<old id>]` (docs/data-format.md), so the old IRI answers 301 to the new one.
CORRECTED = {
    "0e5af7d0f1da956a": ("europa-eu-countries", "01/07/2013; Croatia"),
    "247473051a4e5212": ("europa-eu-countries", "01/01/2007; Bulgaria; Romania"),
    "4357b57683a1d2fd": (
        "europa-eu-countries",
        "01/05/2004; Cyprus; Czechia; Estonia; Hungary; Latvia; Lithuania; Malta; Poland; Slovakia; Slovenia",
    ),
    "6122962d3e279ba6": ("europa-eu-countries", "01/01/1995; Austria; Finland; Sweden"),
    "71da1be2a519975b": ("europa-eu-countries", "01/01/1981; Greece"),
    "7b5dd7406e614b4f": ("europa-eu-countries", "01/01/1986; Portugal; Spain"),
    "d8aafdaf34197568": (
        "europa-eu-countries",
        "01/01/1973; Denmark; Ireland; United Kingdom (left on 31 January 2020)",
    ),
    "fc0f9d61ec04205d": ("europa-eu-countries", "01/01/1958; Belgium; France; Germany; Italy; Luxembourg; Netherlands"),
    "f0d0dc4fa5a1e8ca": (  # the merged duplicate 4th JCC event quoted the first words of this sentence
        "pressclub-2023-jcc-4",
        "The fourth meeting of the EU- Canada Joint Cooperation Committee (JCC) was held at senior officials level"
        " in Brussels on 9 March, a day after the European Commission President concluded her visit to Canada.",
    ),
}
RETIRED = retired_excerpts()


def _slug(iri: str) -> str:
    return str(iri).rsplit("/", 1)[-1]


def test_every_previous_excerpt_resolves_or_is_gone(client) -> None:
    """Each excerpt IRI of the previous export: 303 to its document (200), or 301 then that, or 410 saying why."""
    assert len(EXCERPTS) > 700
    failures, moved, gone = [], 0, set()
    for iri in EXCERPTS:
        slug = _slug(iri)
        response = client.get(f"/id/excerpt/{slug}", headers={"Accept": "text/turtle"}, follow_redirects=False)
        if response.status_code == 301:
            moved += 1
            response = client.get(
                response.headers["location"], headers={"Accept": "text/turtle"}, follow_redirects=False
            )
        if response.status_code == 410 and RETIRED[slug].reason in response.json()["error"]:
            gone.add(slug)
            continue
        if response.status_code != 303 or client.get(response.headers["location"]).status_code != 200:
            failures.append((iri, response.status_code))
    assert failures == []
    assert gone == set(RETIRED) and len(gone) <= 2  # removed for good, nothing replaces them: the Wikidata quote
    # the quotes of merged sources (pressclub, veterans, RCMP page versions): 11; corrected quotes: 9
    assert moved >= 11 + len(CORRECTED)


@pytest.mark.parametrize("old", sorted(CORRECTED))
def test_corrected_quote_answers_301_on_every_route(client, old) -> None:
    assert f"{BASE}id/excerpt/{old}" in EXCERPTS
    new = _slug(excerpt_iri(*CORRECTED[old]))
    for path in (f"/id/excerpt/{old}", f"/page/excerpt/{old}", f"/data/excerpt/{old}.ttl"):
        moved = client.get(path, headers={"Accept": "text/turtle"}, follow_redirects=False)
        assert moved.status_code == 301, path
        assert moved.headers["location"] == path.replace(old, new)
    document = client.get(f"/data/excerpt/{old}.ttl")
    assert document.status_code == 200
    assert "ecs:altId" in document.text and f'"{old}"' in document.text  # the former id is in the excerpt's RDF
    assert client.get(f"/page/excerpt/{old}").status_code == 200


@pytest.mark.parametrize("old", sorted(RETIRED))
def test_retired_excerpt_answers_410_with_the_reason(client, old) -> None:
    for path in (f"/id/excerpt/{old}", f"/page/excerpt/{old}", f"/data/excerpt/{old}.jsonld"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 410, path
        body = response.json()
        assert body["ok"] is False and body["status"] == 410 and body["errors"] == [body["error"]]
        assert f"excerpt {old}" in body["error"] and RETIRED[old].reason in body["error"]
    assert client.get("/id/excerpt/0123456789abcdef", follow_redirects=False).status_code == 404  # never published


def test_former_excerpt_ids_name_no_live_excerpt_and_no_retired_one(store) -> None:
    """A replaced or retired excerpt id must not be a live excerpt, nor the former id of two excerpts."""
    rows = store.run("MATCH (n:SourceExcerpt) RETURN n.uri AS uri, n.altId AS alt").rows
    live = {_slug(r[0]) for r in rows}
    former = [old for r in rows for old in (r[1] or [])]
    assert set(CORRECTED) <= set(former)
    assert len(former) == len(set(former))
    assert not (set(former) & live) and not (set(former) & set(RETIRED)) and not (set(RETIRED) & live)


def test_retired_table_errors_name_the_entry(tmp_path) -> None:
    bad = tmp_path / "retired.yaml"
    bad.write_text(
        "retired_excerpts:\n  - {id: eb2d1a6f0e5520d, source: s, quote: q, reason: r, retired: 2026-12-01}\n"
    )
    with pytest.raises(ConfigError, match=r"retired_excerpts\[1\]: id 'eb2d1a6f0e5520d' is not an excerpt id"):
        load_retired(bad)
    bad.write_text("retired_excerpts:\n  - {id: eb2d1a6f0e5520d8, source: s, quote: q, reason: r, retired: soon}\n")
    with pytest.raises(ConfigError, match=r"retired 'soon' is not a date; write YYYY-MM-DD"):
        load_retired(bad)
