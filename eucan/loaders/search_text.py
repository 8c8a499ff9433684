"""The derived search properties of each record, computed once at load time (see `graph/fulltext.py`).

`searchName` holds the record's names (every language), acronyms and alternative names;
`searchText` its id (for a named record), description and title, the quotes of its evidence and the titles of the source
documents they come from. Both are folded words, so the engines' full-text indexes match case-
and accent-insensitively and alike. They are derived: the RDF export leaves them out
(`ontology.mapping.INDEX_ONLY_PROPERTIES`), so the round trip stays lossless.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from eucan.graph.fulltext import SEARCH_NAME, SEARCH_TEXT, index_text
from eucan.ontology.mapping import PropertyGraph

__all__ = ["add_search_properties", "is_record", "search_properties", "set_search_properties", "values_of"]

_NOT_RECORDS = {"SourceExcerpt", "SourceDocument", "AuthorityLink"}  # a link repeats its subject's sources
_NAME_KEYS = ("name", "acronym", "altNames", "notation")
_TEXT_KEYS = ("description", "title", "definition")


_BASES: dict[str, str] = {}  # property key → the key it is a language variant of (`name_fr` → `name`)


def _base(key: str) -> str:
    found = _BASES.get(key)
    if found is None:
        found = _BASES[key] = key.rpartition("_")[0]
    return found


def values_of(node: Mapping[str, Any], bases: tuple[str, ...]) -> list[str]:
    """Every value under a key or its language variants (`name`, `name_fr`, ...), lists flattened."""
    out: list[str] = []
    keys = [key for key in node if key in bases or _base(key) in bases]
    if len(keys) > 1:
        keys.sort()
    for key in keys:
        value = node[key]
        if isinstance(value, list):
            out += [str(v) for v in value]
        else:
            out.append(str(value))
    return out


def is_record(labels: tuple[str, ...], node: Mapping[str, Any]) -> bool:
    """Whether a node gets search properties: a record (it has an id), not an excerpt, document or link."""
    return node.get("id") is not None and not _NOT_RECORDS.intersection(labels)


def search_properties(node: dict[str, Any], cited: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> None:
    """Set `searchName` and `searchText` on one record node (in place), given the (excerpt, document)
    rows of its evidence in the order of the excerpts' uris."""
    texts: list[str] = []
    for excerpt, document in cited:
        texts += values_of(excerpt, ("quote",))
        texts += values_of(document, ("title",))
    set_search_properties(node, texts)


def set_search_properties(node: dict[str, Any], cited: list[str]) -> None:
    """`search_properties`, given the texts of the record's evidence already in order (each excerpt's
    quotes, then its document's titles, as `search_properties` takes them from their rows)."""
    names = values_of(node, _NAME_KEYS)
    name = index_text(names)
    # a named record is also found by its id ("sdp-2025"); a fact's id only repeats what it links
    texts = [str(node["id"])] if names else []
    texts += values_of(node, _TEXT_KEYS)
    texts += cited
    text = index_text(texts)
    if name:
        node[SEARCH_NAME] = name
    if text:
        node[SEARCH_TEXT] = text


def add_search_properties(graph: PropertyGraph) -> None:
    """Set `searchName` and `searchText` on every record node (in place)."""
    by_uri: dict[str, dict[str, Any]] = {}
    records: list[dict[str, Any]] = []
    for labels, nodes in graph.nodes.items():
        for node in nodes:
            by_uri[node["uri"]] = node
            if is_record(labels, node):
                records.append(node)
    document_of = {r["from"]: r["to"] for r in graph.relationships.get("EXCERPT_OF", [])}
    evidence: dict[str, list[str]] = {}
    for rel in graph.relationships.get("EVIDENCE", []):
        evidence.setdefault(rel["from"], []).append(rel["to"])
    for node in records:
        cited = [
            (by_uri.get(excerpt, {}), by_uri.get(document_of.get(excerpt, ""), {}))
            for excerpt in sorted(evidence.get(node["uri"], []))
        ]
        search_properties(node, cited)
