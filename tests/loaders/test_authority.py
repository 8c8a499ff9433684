"""The CELEX and ELI IRIs the loader derives from a legal act's CELEX number and form."""

from __future__ import annotations

import pytest

from eucan.loaders.authority import OFFICIAL_HOSTS, derived_iris
from eucan.loaders.records import InstrumentRecord

EVIDENCE = [{"source": "s", "lang": "en", "quote": "q"}]


def _act(name: str, celex: str | None, kind: str = "LegalAct") -> InstrumentRecord:
    return InstrumentRecord.model_validate(
        {"id": "act", "type": kind, "status": "unknown", "name": name, "celex": celex, "evidence": EVIDENCE}
    )


@pytest.mark.parametrize(
    ("name", "celex", "eli"),
    [
        (
            "Council Decision (CFSP) 2021/509 of 22 March 2021",
            "32021D0509",
            "http://data.europa.eu/eli/dec/2021/509/oj",
        ),
        ("Council Decision 2005/851/CFSP", "32005D0851", "http://data.europa.eu/eli/dec/2005/851/oj"),
        ("Council Regulation (EU) 2025/1106", "32025R1106", "http://data.europa.eu/eli/reg/2025/1106/oj"),
        ("Council Joint Action 2003/188/CFSP", "32003E0188", "http://data.europa.eu/eli/joint_action/2003/188/oj"),
        # forms whose ELI type the CELEX number does not tell, or numbers with a suffix: no ELI
        ("Council Implementing Decision (CFSP) 2023/1", "32023D0001", None),
        ("Council Common Position 2003/444/CFSP", "32003E0444", None),
        ("Council Decision 2004/803/CFSP", "32004D0803(01)", None),
        ("Agreement between the EU and Canada", "22005A1201(01)", None),
    ],
)
def test_derived_iris(name: str, celex: str, eli: str | None) -> None:
    iris = derived_iris(_act(name, celex))
    assert iris["celex"] == f"http://publications.europa.eu/resource/celex/{celex}"
    assert iris.get("eli") == eli


def test_no_celex_no_link() -> None:
    # a legal act must have its CELEX number; an agreement recorded without one gets no link
    assert derived_iris(_act("Agreement between the EU and Canada", None, kind="Agreement")) == {}


def test_a_legal_act_is_linked_exactly_when_it_shows_its_celex_and_an_official_source() -> None:
    """Over the curated data: an act with a CELEX number and evidence from EUR-Lex or the Publications
    Office gets its CELEX link (with that evidence only); one without such evidence, or without a CELEX
    number, gets none (and is listed as a gap in docs/coverage.md)."""
    from urllib.parse import urlsplit

    from eucan.loaders.pipeline import validate_sources
    from eucan.loaders.yaml_source import iter_files, read_file
    from tests.conftest import DATA, ROOT

    models = []
    for path, label in iter_files([DATA], ROOT):
        raws, _ = read_file(path, label)
        models += raws
    urls = {r.data["id"]: r.data["url"] for r in models if r.section == "sources"}
    acts = [r.data for r in models if r.section == "instruments" and r.data.get("celex")]
    assert acts
    official = {
        a["id"] for a in acts if any(urlsplit(urls[e["source"]]).hostname in OFFICIAL_HOSTS for e in a["evidence"])
    }
    validated = validate_sources([DATA], ROOT, shacl=False)
    linked = {
        str(o).rsplit("/", 1)[-1]
        for s, p, o in validated.canonical.triples
        if str(p).endswith("#linkSubject") and str(s).endswith("-celex")
    }
    assert linked == official
