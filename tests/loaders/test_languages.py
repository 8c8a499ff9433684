"""The quote-language check: confident contradictions are refused, short or neutral text never is."""

from __future__ import annotations

import pytest

from eucan.loaders.languages import check_languages, detect
from eucan.loaders.pipeline import Validated
from eucan.loaders.yaml_source import RawRecord


def _record(quote: str, lang: str = "en") -> RawRecord:
    item = {"source": "s", "quote": quote, "lang": lang}
    lines = {"": 10, "source": 10, "quote": 11, "lang": 12}
    return RawRecord("actors", {"id": "x", "evidence": [item]}, "f.yaml", 1, {"evidence": 9}, {"evidence": [lines]})


@pytest.mark.parametrize(
    "quote",
    [
        "Document 32021D0748",
        "ELI: http://data.europa.eu/eli/dec/2021/748/oj",
        "OJ L 160, 7.5.2021, p. 109–111",
        "01/05/2004 | Cyprus |\nCzechia | |\nEstonia | |\nHungary | |",
        "Montréal, Quebec – November 6, 2018",
        "Du 8 juin au 6 juillet 2003",  # French, but too short to be sure: not refused
        "Josep Borrell Fontelles",
    ],
)
def test_short_or_neutral_text_is_never_refused(quote: str) -> None:
    assert check_languages([(_record(quote), None)]) == []  # type: ignore[list-item]


def test_french_tagged_english_is_refused_at_the_tag_line() -> None:
    quote = "Relevant d’Affaires mondiales Canada, l’Unité de coordination du MRR du G7 agira à titre de secrétariat"
    (problem,) = check_languages([(_record(quote), None)])  # type: ignore[list-item]
    assert (problem.file, problem.line) == ("f.yaml", 12)
    assert "tagged `lang: en` but reads as French (fr" in problem.message and "`lang: fr`" in problem.message


def test_wrong_tag_is_refused_at_the_tag_line_and_right_tag_accepted() -> None:
    quote = (
        "Nederland heeft vandaag de VS, Canada en Noorwegen officieel verwelkomd in het project militaire mobiliteit."
    )
    (problem,) = check_languages([(_record(quote, "de"), None)])  # type: ignore[list-item]
    assert problem.line == 12 and "reads as Dutch (nl" in problem.message
    assert check_languages([(_record(quote, "nl"), None)]) == []  # type: ignore[list-item]


def test_related_languages_count_as_one() -> None:
    quote = "na period od kraja tekućeg mandata Komisije do 31. oktobra 2024, kada je imenovan novi visoki predstavnik."
    for tag in ("hr", "sr", "bs", "cnr"):
        assert check_languages([(_record(quote, tag), None)]) == []  # type: ignore[list-item]


def test_detection_is_deterministic() -> None:
    text = "Le Conseil fédéral a approuvé, lors de sa séance du 21 août 2024, la participation de la Suisse"
    assert {detect(text) for _ in range(5)} == {detect(text)}
    assert detect(text).lang == "fr" and detect(text).confident


def test_curated_quotes_carry_their_language(curated: Validated) -> None:
    """Regression (issue 10): the French, German, Dutch... quotes are tagged, in RDF too."""
    from rdflib import Literal, URIRef

    quote = URIRef("https://w3id.org/eucan-security/ontology#quote")
    langs = {o.language for o in curated.canonical.graph.objects(None, quote) if isinstance(o, Literal)}
    assert {"fr", "de", "nl", "da", "it", "hu", "fi", "pt"} <= langs
    tagged = [
        o
        for o in curated.canonical.graph.objects(None, quote)
        if isinstance(o, Literal) and str(o).startswith("Nederland coördineert")
    ]
    assert tagged and all(o.language == "nl" for o in tagged)
