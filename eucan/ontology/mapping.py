"""RDF ↔ property-graph mapping, in the spirit of neosemantics (n10s).

Every resource becomes a node labelled `Resource` with a unique `uri`; `rdf:type` becomes
labels (the class's local name); literal properties become node properties (lists when the
property is multi-valued); object properties become relationships in UPPER_SNAKE_CASE.
Language-tagged literals keep their tag: English values under the plain key (`name`),
other languages under `key_<lang>` (`name_fr`). Dates are ISO `YYYY-MM-DD` strings in the
graph (both engines compare them correctly and FalkorDB's Bolt layer has no temporal types).

The table below is the allow-list of labels, property keys and relationship types: the
loader writes nothing else and the exporter maps nothing else back.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, Protocol, runtime_checkable

from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from eucan.ontology import ONTOLOGY_TTL
from eucan.ontology.namespaces import ECS

__all__ = [
    "DEFAULT_LANG",
    "DERIVED_PROPERTIES",
    "DERIVED_RELATIONSHIPS",
    "EXTERNAL_IRI_PROPERTIES",
    "GraphRows",
    "INDEX_ONLY_PROPERTIES",
    "Mapping",
    "PropertyGraph",
    "SubjectMapper",
    "Term",
    "TermValue",
    "get_mapping",
    "graph_to_property_graph",
    "subjects_to_property_graph",
]

DEFAULT_LANG = "en"
Kind = Literal["literal", "lang", "relation", "iri"]

# Relationships derived from participations and memberships: written for convenience,
# never exported (they carry no information of their own).
DERIVED_RELATIONSHIPS = {"PARTICIPATES_IN": ECS.participatesIn, "MEMBER_OF": ECS.memberOf}
# Node properties the loader derives for the full-text indexes only (graph/fulltext.py): not part of the
# canonical RDF, never exported.
INDEX_ONLY_PROPERTIES = frozenset({"searchName", "searchText"})

# Properties the loader computes from curated ones (never written in data/). Unlike the shortcut
# relationships they are part of the canonical RDF, so the export, SPARQL and Cypher all read the same
# value and the round trip stays isomorphic: `startDateFirst` and `endDateLast` are the earliest and the
# latest day a dated fact can have held (its own start, the last day its own end can mean given its
# precision, or for a participation that states none its instrument's: see `eucan.dates`), the bounds
# every as-of question compares with. Both are written on every dated fact, even where `startDateFirst` is
# `startDate`: one as-of text in every door and every researcher's query (measured: +5.4 % triples at 100 k).
# A participation's bounds also say where they come from (`dates.participation_bounds`): the basis
# (`stated`, `instrument`, `legal-basis`), the precision of the date its start was taken from, and the
# instrument or act whose date it is (the relationships START_DATE_FROM and END_DATE_FROM), so every
# timeline reads them instead of working them out again.
DERIVED_PROPERTIES = {
    "startDateFirst": ECS.startDateFirst,
    "endDateLast": ECS.endDateLast,
    "startDateFirstPrecision": ECS.startDateFirstPrecision,
    "startDateBasis": ECS.startDateBasis,
    "endDateBasis": ECS.endDateBasis,
}

# Object properties of the ontology whose values are IRIs outside the dataset (an authority link's
# target): like skos:exactMatch they become a string property holding the IRI, not a relationship
# to a node that does not exist.
EXTERNAL_IRI_PROPERTIES = (ECS.linkTarget,)


@dataclass(frozen=True)
class Term:
    """How one RDF property appears in the property graph."""

    iri: URIRef
    key: str
    kind: Kind
    datatype: URIRef | None = None
    multi: bool = False


@dataclass(frozen=True)
class TermValue:
    """One RDF object value, engine- and library-neutral (for the exporters)."""

    predicate: str
    value: str
    is_iri: bool
    datatype: str | None = None
    lang: str | None = None


# Terms reused from standard vocabularies (the ontology declares only `ecs:` terms).
_EXTERNAL = [
    Term(DCTERMS.identifier, "id", "literal", XSD.string),
    Term(SKOS.prefLabel, "name", "lang"),
    Term(SKOS.altLabel, "altNames", "lang", multi=True),
    Term(DCTERMS.description, "description", "lang"),
    Term(DCTERMS.title, "title", "lang"),
    Term(SKOS.note, "note", "lang"),
    Term(SKOS.definition, "definition", "lang"),
    Term(SKOS.notation, "notation", "literal", XSD.string),
    Term(SKOS.inScheme, "IN_SCHEME", "relation"),
    Term(SKOS.topConceptOf, "TOP_CONCEPT_OF", "relation"),
    Term(SKOS.exactMatch, "exactMatch", "iri", multi=True),
]
_EXTERNAL_CLASSES = {SKOS.Concept: "Concept", SKOS.ConceptScheme: "ConceptScheme"}


def _upper_snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


@dataclass
class Mapping:
    """The allow-list: classes ↔ labels, properties ↔ keys and relationship types."""

    terms: dict[URIRef, Term]
    labels: dict[URIRef, str]
    superclasses: dict[URIRef, list[URIRef]]
    by_key: dict[str, Term] = field(init=False)
    by_label: dict[str, URIRef] = field(init=False)

    def __post_init__(self) -> None:
        self.by_key = {t.key: t for t in self.terms.values()}
        self.by_label = {label: iri for iri, label in self.labels.items()}
        if len(self.by_key) != len(self.terms) or len(self.by_label) != len(self.labels):
            raise ValueError("two ontology terms map to the same property-graph name")

    @property
    def relationship_types(self) -> set[str]:
        return {t.key for t in self.terms.values() if t.kind == "relation"}

    def term_for_key(self, key: str) -> tuple[Term, str | None]:
        """The term for a property key, and the language tag the key encodes (if any)."""
        term = self.by_key.get(key)
        if term is not None:
            return term, DEFAULT_LANG if term.kind == "lang" else None
        base, _, lang = key.rpartition("_")
        term = self.by_key.get(base)
        if term is None or term.kind != "lang" or not re.fullmatch(r"[a-z]{2,3}", lang):
            raise KeyError(f"property key {key!r} is not in the ontology mapping")
        return term, lang

    def node_to_values(self, props: AbcMapping[str, Any]) -> Iterator[TermValue]:
        """Map a node's properties back to RDF values (`uri` excluded)."""
        for key, raw in props.items():
            if key == "uri" or raw is None or key in INDEX_ONLY_PROPERTIES:
                continue
            term, lang = self.term_for_key(key)
            for item in raw if isinstance(raw, list) else [raw]:
                if term.kind == "iri":
                    yield TermValue(str(term.iri), str(item), True)
                elif term.kind == "lang":
                    yield TermValue(str(term.iri), str(item), False, lang=lang)
                else:
                    text = ("true" if item else "false") if isinstance(item, bool) else str(item)
                    dtype = str(term.datatype) if term.datatype and term.datatype != XSD.string else None
                    yield TermValue(str(term.iri), text, False, datatype=dtype)


@lru_cache(maxsize=1)
def get_mapping() -> Mapping:
    """Build the mapping from the ontology file (once per process)."""
    onto = Graph().parse(ONTOLOGY_TTL)
    terms = {t.iri: t for t in _EXTERNAL}
    functional = set(onto.subjects(RDF.type, OWL.FunctionalProperty))
    for prop in sorted(onto.subjects(RDF.type, OWL.DatatypeProperty), key=str):
        assert isinstance(prop, URIRef)
        rng = onto.value(prop, RDFS.range)
        local = prop[len(str(ECS._NS)) :]
        if rng == RDF.langString:
            terms[prop] = Term(prop, local, "lang")
        else:
            dtype = rng if isinstance(rng, URIRef) else XSD.string
            terms[prop] = Term(prop, local, "literal", dtype, multi=prop not in functional)
    for prop in sorted(onto.subjects(RDF.type, OWL.ObjectProperty), key=str):
        assert isinstance(prop, URIRef)
        local = prop[len(str(ECS._NS)) :]
        terms[prop] = (
            Term(prop, local, "iri") if prop in EXTERNAL_IRI_PROPERTIES else Term(prop, _upper_snake(local), "relation")
        )
    labels: dict[URIRef, str] = dict(_EXTERNAL_CLASSES)
    superclasses: dict[URIRef, list[URIRef]] = {}
    for cls in sorted(onto.subjects(RDF.type, OWL.Class), key=str):
        assert isinstance(cls, URIRef)
        labels[cls] = cls[len(str(ECS._NS)) :]
        supers = [
            c for c in onto.transitive_objects(cls, RDFS.subClassOf) if c != cls and str(c).startswith(str(ECS._NS))
        ]
        superclasses[cls] = sorted(c for c in supers if isinstance(c, URIRef))
    return Mapping(terms=terms, labels=labels, superclasses=superclasses)


@dataclass
class PropertyGraph:
    """Nodes grouped by label set and relationships grouped by type, ready for `UNWIND` batches."""

    nodes: dict[tuple[str, ...], list[dict[str, Any]]] = field(default_factory=dict)
    relationships: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    @property
    def node_count(self) -> int:
        return sum(map(len, self.nodes.values()))

    @property
    def relationship_count(self) -> int:
        return sum(map(len, self.relationships.values()))

    def node_batches(self, batch_size: int) -> Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]:
        for labels, rows in self.nodes.items():
            for start in range(0, len(rows), batch_size):
                yield labels, rows[start : start + batch_size]

    def relationship_batches(self, batch_size: int) -> Iterator[tuple[str, list[dict[str, str]]]]:
        for rel_type, rels in self.relationships.items():
            for start in range(0, len(rels), batch_size):
                yield rel_type, rels[start : start + batch_size]


@runtime_checkable
class GraphRows(Protocol):
    """What a store writes: node rows by label set, then relationship rows by type, in batches (a
    `PropertyGraph` holding them all, or rows made while they are written, `loaders.rows`)."""

    @property
    def node_count(self) -> int: ...

    @property
    def relationship_count(self) -> int: ...

    def node_batches(self, batch_size: int) -> Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]: ...

    def relationship_batches(self, batch_size: int) -> Iterator[tuple[str, list[dict[str, str]]]]: ...


def _converter(term: Term | None) -> Callable[[Any], Any]:
    """How an object of `term` becomes a property value (a plain string unless typed)."""
    if term is None or term.kind in ("lang", "iri", "relation"):
        return str
    if term.datatype in (XSD.integer, XSD.int, XSD.long):
        return int
    if term.datatype == XSD.boolean:
        return lambda obj: bool(obj.toPython())
    return str


def graph_to_property_graph(
    graph: Iterable[tuple[Any, Any, Any]], derived: Iterable[tuple[str, str, str]] = ()
) -> PropertyGraph:
    """Map RDF triples (canonical form; an rdflib Graph or a set of triples) to property-graph rows
    (`subjects_to_property_graph` once they are grouped by subject)."""
    subjects: dict[str, dict[str, list[Any]]] = {}
    for s, p, o in graph:
        by_pred = subjects.setdefault(str(s), {})
        values = by_pred.setdefault(str(p), [])
        if o not in values:
            values.append(o)
    return subjects_to_property_graph(subjects, derived)


def subjects_to_property_graph(
    subjects: AbcMapping[Any, AbcMapping[str, Sequence[Any]]], derived: Iterable[tuple[str, str, str]] = ()
) -> PropertyGraph:
    """Map RDF grouped by subject (subject → predicate IRI → values, as the loader holds its canonical
    triples) to property-graph rows: one node per subject, its outgoing relationships, then `derived`.

    Raises `KeyError` for a predicate or class outside the ontology mapping: the loader's
    checks guarantee that never happens for validated sources.
    """
    mapper = SubjectMapper()
    result = PropertyGraph()
    nodes, rels = result.nodes, result.relationships
    for subject, by_pred in subjects.items():
        label_set, node, links = mapper.row(subject, by_pred)
        uri = node["uri"]
        for rel_type, target in links:
            rows = rels.get(rel_type)
            if rows is None:
                rows = rels[rel_type] = []
            rows.append({"from": uri, "to": target})
        group = nodes.get(label_set)
        if group is None:
            group = nodes[label_set] = []
        group.append(node)
    for rel_type, source, target in dict.fromkeys(derived):  # each once (several participations, one shortcut)
        rels.setdefault(rel_type, []).append({"from": source, "to": target})
    return result


_TYPE, _RELATION, _LANG, _LITERAL = range(4)  # what a predicate is to `SubjectMapper.row`


class SubjectMapper:
    """One subject's triples (predicate IRI → values) as its property-graph node row and outgoing
    relationships: what `subjects_to_property_graph` does for every subject, and what a load that
    streams its rows to the engine (`loaders.rows`) does subject by subject."""

    def __init__(self) -> None:
        self.mapping = get_mapping()
        self.rdf_type = str(RDF.type)
        # Predicates and classes are a few dozen IRIs: each is looked up once, by its plain string.
        self.terms: dict[str, tuple[Term, Callable[[Any], Any]]] = {}
        self._plans: dict[str, tuple[int, str, Callable[[Any], Any], bool, URIRef]] = {}
        self.classes: dict[str, str] = {}

    def term(self, predicate: str) -> tuple[Term, Callable[[Any], Any]]:
        found = self.terms.get(predicate)
        if found is None:
            term = self.mapping.terms[URIRef(predicate)]
            found = self.terms[predicate] = (term, _converter(term))
        return found

    def _plan(self, predicate: str) -> tuple[int, str, Callable[[Any], Any], bool, URIRef]:
        """How `row` maps the values of `predicate`: (what it is: _TYPE, _RELATION, _LANG or _LITERAL;
        key; converter; multi-valued; IRI), worked out once per predicate."""
        plan = self._plans.get(predicate)
        if plan is None:
            if predicate == self.rdf_type:
                plan = (_TYPE, "", str, False, RDF.type)
            else:
                term, convert = self.term(predicate)
                what = {"relation": _RELATION, "lang": _LANG}.get(term.kind, _LITERAL)
                plan = (what, term.key, convert, term.multi, term.iri)
            self._plans[predicate] = plan
        return plan

    def row(
        self, subject: Any, by_pred: AbcMapping[str, Sequence[Any]], *, intern_links: bool = True
    ) -> tuple[tuple[str, ...], dict[str, Any], list[tuple[str, Any]]]:
        """(sorted labels, node properties with `uri`, [(relationship type, target uri)]) of one subject.
        A relationship's ends are interned strings (the nodes' own uri strings, not copies); with
        `intern_links=False` they are the RDF terms themselves (for a caller that only reads them once)."""
        intern = sys.intern
        uri = intern(str(subject))
        node: dict[str, Any] = {"uri": uri}
        labels: set[str] = set()
        links: list[tuple[str, Any]] = []
        classes, plans = self.classes, self._plans
        lists = False
        for pid, values in by_pred.items():
            plan = plans.get(pid) or self._plan(pid)
            what, key, convert, multi, iri = plan
            if what == _TYPE:
                for cls in values:
                    label = classes.get(str(cls))
                    if label is None:
                        label = classes[str(cls)] = self.mapping.labels[cls]
                    labels.add(label)
            elif what == _RELATION:
                links.extend([(key, intern(str(o))) for o in values] if intern_links else [(key, o) for o in values])
            else:
                lists = lists or multi
                for o in values:
                    name = key  # a language-tagged value other than English goes under `key_<lang>`
                    if what == _LANG:
                        lang = getattr(o, "language", None) or DEFAULT_LANG
                        if lang != DEFAULT_LANG:
                            name = f"{key}_{lang}"
                    if multi:
                        found = node.get(name)
                        if found is None:
                            node[name] = [convert(o)]
                        else:
                            found.append(convert(o))
                    elif name in node:
                        raise ValueError(f"{uri} has more than one value for {iri}")
                    else:
                        node[name] = convert(o)
        if lists:
            for value in node.values():
                if isinstance(value, list):
                    value.sort()
        return tuple(sorted(labels)), node, links
