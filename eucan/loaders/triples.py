"""The canonical triples of a load, grouped by subject, held once.

`Triples` keeps subject IRI → predicate IRI → values (plain strings as keys, rdflib terms as
values, each triple once): the shape that SHACL's index (`shacl_core.Index.of`), the
property-graph mapping (`mapping.subjects_to_property_graph`) and the saved N-Triples
(`rdf_cache.write_cache`, subject by subject) all read, so a load builds it once instead of a
set of triples plus an index plus the lines of the cache. It still reads as a set of triples
(`add`, `in`, iteration, `len`) for the code and tests that want that.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import Literal, URIRef

__all__ = ["BySubject", "Triples"]

BySubject = dict[Any, dict[str, tuple[Any, ...]]]
"""subject (IRI as a plain string; a blank node as itself) → predicate IRI → values (a tuple: most
predicates have one value, and a 1-tuple is half the size of a list)"""


def _key(term: Any) -> Any:
    return sys.intern(str(term)) if type(term) is URIRef else term


class Triples:
    """A set of RDF triples stored by subject (see the module's docstring)."""

    def __init__(self, triples: Iterable[tuple[Any, Any, Any]] = ()) -> None:
        self.subjects: BySubject = {}
        self.count = 0
        self._predicates: dict[Any, str] = {}
        self._last: tuple[Any, dict[str, tuple[Any, ...]]] = (None, {})
        self._singles: dict[int, tuple[Any]] = {}
        for triple in triples:
            self.add(triple)

    def _subject(self, s: Any, create: bool) -> dict[str, tuple[Any, ...]] | None:
        last, by_pred = self._last
        if s is last:
            return by_pred
        key = _key(s)
        found = self.subjects.get(key)
        if found is None:
            if not create:
                return None
            found = self.subjects[key] = {}
        self._last = (s, found)
        return found

    def _predicate(self, p: Any) -> str:
        found = self._predicates.get(p)
        if found is None:
            found = self._predicates[p] = str(p)
        return found

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        s, p, o = triple
        by_pred = self._subject(s, True)
        assert by_pred is not None
        predicate = self._predicate(p)
        values = by_pred.get(predicate)
        if values is None:
            by_pred[predicate] = self._single(o)
        elif o not in values:
            by_pred[predicate] = (*values, o)
        else:
            return
        self.count += 1

    def _single(self, o: Any) -> tuple[Any]:
        """`(o,)`, one tuple per object for IRIs and typed literals: the same term object is the value
        of many subjects (a class, a referenced record, a date, a precision; `rdf_builder` builds each
        once), and one tuple each would be most of the triples' memory. Keyed by the object's id (the
        tuple keeps the object alive); other literals (names, quotes, identifiers) are mostly unique."""
        found = self._singles.get(id(o))
        if found is None:
            found = (o,)
            kind = type(o)
            if kind is URIRef or (kind is Literal and o.datatype is not None):
                self._singles[id(o)] = found
        return found

    def __contains__(self, triple: object) -> bool:
        if not isinstance(triple, tuple) or len(triple) != 3:
            return False
        s, p, o = triple
        by_pred = self._subject(s, False)
        return by_pred is not None and o in by_pred.get(self._predicate(p), ())

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[tuple[Any, URIRef, Any]]:
        for key, by_pred in self.subjects.items():
            subject = URIRef(key) if type(key) is str else key
            for predicate, values in by_pred.items():
                iri = URIRef(predicate)
                for value in values:
                    yield subject, iri, value

    def clear(self) -> None:
        self.subjects.clear()
        self.count = 0
        self._last = (None, {})
        self._singles.clear()
