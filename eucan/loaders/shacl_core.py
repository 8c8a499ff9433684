"""A fast SHACL Core validator for the constraint components `ontology/shapes.ttl` uses.

pyshacl takes about 1.3 ms per fact on the project's shapes (134 s for 100,000 facts); the Rust
engines measured beside it (pyshacl-turbo, pyrudof; `bench/shacl.py`) are only 1.7-2.5x faster.
This module evaluates the same shapes over an index of the triples (subject → predicate → values,
class → instances) in one pass, with pyshacl's semantics for every component it supports:

    targets   sh:targetClass (instances through rdf:type / rdfs:subClassOf* in the data)
    paths     a predicate IRI
    components sh:minCount sh:maxCount sh:datatype sh:class sh:nodeKind sh:pattern sh:in
              sh:uniqueLang sh:lessThanOrEquals sh:minInclusive, with sh:message

`compile_shapes` refuses (`Unsupported`) a shapes graph that uses anything else (another target,
a path expression, sh:node, sh:or, sh:severity, sh:deactivated, a constraint on the node shape
itself, ...): the caller then runs pyshacl, so a new shape can never be skipped silently. A test
seeds one fault per constraint of the shapes and checks that this validator and pyshacl report
exactly the same results (focus node, path, component and value).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from eucan.loaders.triples import BySubject, Triples

__all__ = ["Index", "PropertyShape", "Result", "Unsupported", "compile_shapes", "validate"]


class Unsupported(ValueError):
    """The shapes use a SHACL feature this validator does not implement (use pyshacl)."""


@dataclass(frozen=True)
class Result:
    """One validation result, as pyshacl would report it."""

    focus: Any
    path: URIRef
    component: URIRef
    value: Any
    message: str


@dataclass
class PropertyShape:
    path: URIRef
    targets: list[URIRef]
    message: str | None = None
    min_count: int | None = None
    max_count: int | None = None
    datatype: URIRef | None = None
    classes: list[URIRef] = field(default_factory=list)
    node_kind: URIRef | None = None
    pattern: re.Pattern[str] | None = None
    pattern_text: str = ""
    in_values: frozenset[Any] | None = None
    unique_lang: bool = False
    less_or_equal: list[URIRef] = field(default_factory=list)
    min_inclusive: Literal | None = None


_NODE_SHAPE_KEYS = {RDF.type, SH.targetClass, SH.property, RDFS.comment, RDFS.label}
_PROPERTY_KEYS = {
    SH.path,
    SH.message,
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["class"],
    SH.nodeKind,
    SH.pattern,
    SH["in"],
    SH.uniqueLang,
    SH.lessThanOrEquals,
    SH.minInclusive,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    RDFS.comment,
}
_NODE_KINDS = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def _one(graph: Graph, subject: Any, predicate: URIRef) -> Any:
    values = list(graph.objects(subject, predicate))
    if len(values) > 1:
        raise Unsupported(f"more than one {predicate} on a shape")
    return values[0] if values else None


def compile_shapes(shapes: Graph) -> list[PropertyShape]:
    """The property shapes of `shapes`, each with the classes it targets; `Unsupported` otherwise."""
    compiled: list[PropertyShape] = []
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    property_shapes = {prop for shape in node_shapes for prop in shapes.objects(shape, SH.property)}
    lists = {node for prop in property_shapes for node in shapes.objects(prop, SH["in"])}
    list_nodes = {n for head in lists for n in shapes.transitive_objects(head, RDF.rest)}
    for subject in set(shapes.subjects()) - node_shapes - property_shapes - list_nodes:
        for predicate, value in shapes.predicate_objects(subject):
            if str(predicate).startswith(str(SH)) or str(value).startswith(str(SH)):
                raise Unsupported(f"{subject} is a shape this validator does not know ({predicate} {value})")
    for node_shape in node_shapes:
        for predicate in set(shapes.predicates(node_shape)):
            if predicate not in _NODE_SHAPE_KEYS:
                raise Unsupported(f"node shape {node_shape} uses {predicate}")
        targets = sorted(t for t in shapes.objects(node_shape, SH.targetClass) if isinstance(t, URIRef))
        for prop in shapes.objects(node_shape, SH.property):
            for predicate in set(shapes.predicates(prop)):
                if predicate not in _PROPERTY_KEYS:
                    raise Unsupported(f"property shape of {node_shape} uses {predicate}")
            path = _one(shapes, prop, SH.path)
            if not isinstance(path, URIRef):
                raise Unsupported(f"property shape of {node_shape} has a path expression")
            shape = PropertyShape(path=path, targets=targets)
            message = _one(shapes, prop, SH.message)
            shape.message = str(message) if message is not None else None
            for key, attr in ((SH.minCount, "min_count"), (SH.maxCount, "max_count")):
                value = _one(shapes, prop, key)
                if value is not None:
                    setattr(shape, attr, int(value))
            shape.datatype = _one(shapes, prop, SH.datatype)
            if shape.datatype is not None and str(shape.datatype) not in _PYTHON_TYPES:
                raise Unsupported(f"datatype {shape.datatype}")
            if any(not isinstance(c, URIRef) for c in shapes.objects(prop, SH["class"])):
                raise Unsupported("sh:class with a value that is not an IRI")
            shape.classes = sorted(c for c in shapes.objects(prop, SH["class"]) if isinstance(c, URIRef))
            kind = _one(shapes, prop, SH.nodeKind)
            if kind is not None and kind not in _NODE_KINDS:
                raise Unsupported(f"node kind {kind}")
            shape.node_kind = kind
            pattern = _one(shapes, prop, SH.pattern)
            if pattern is not None:
                shape.pattern_text = str(pattern)
                shape.pattern = re.compile(str(pattern))
            in_list = _one(shapes, prop, SH["in"])
            if in_list is not None:
                shape.in_values = frozenset(Collection(shapes, in_list))
            unique = _one(shapes, prop, SH.uniqueLang)
            shape.unique_lang = bool(unique is not None and unique.toPython() is True)
            shape.less_or_equal = sorted(c for c in shapes.objects(prop, SH.lessThanOrEquals) if isinstance(c, URIRef))
            shape.min_inclusive = _one(shapes, prop, SH.minInclusive)
            compiled.append(shape)
    return compiled


def _key(term: Any) -> Any:
    """IRIs as plain strings (their dict and set lookups stay in C); other terms as they are."""
    return str(term) if type(term) is URIRef else term


class Index:
    """The data as subject → predicate → values, and every class's instances (with subclasses).
    Subjects, predicates and classes are keyed by `_key`. Built over a `Triples` as it is (the
    load's canonical RDF is held once), or over any triples."""

    def __init__(self, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        self.props: BySubject = (triples if isinstance(triples, Triples) else Triples(triples)).subjects
        typed: dict[Any, set[Any]] = {}
        subclass_of: dict[Any, set[Any]] = {}
        rdf_type, sub = str(RDF.type), str(RDFS.subClassOf)
        for key, by_pred in self.props.items():
            for cls in by_pred.get(rdf_type, ()):
                cls = _key(cls)
                members = typed.get(cls)
                if members is None:
                    typed[cls] = {key}
                else:
                    members.add(key)
            for parent in by_pred.get(sub, ()):
                subclass_of.setdefault(_key(parent), set()).add(key)
        self._typed = typed
        self._subclasses = subclass_of
        self._instances: dict[Any, set[Any]] = {}

    def subclasses(self, cls: Any) -> set[Any]:
        """`cls` and its subclasses in the data (rdfs:subClassOf*), keyed by `_key`."""
        classes, todo = {_key(cls)}, [_key(cls)]
        while todo:
            for child in self._subclasses.get(todo.pop(), ()):
                if child not in classes:
                    classes.add(child)
                    todo.append(child)
        return classes

    def instances(self, cls: Any) -> set[Any]:
        """SHACL instances of `cls`: rdf:type/rdfs:subClassOf* in the data graph."""
        cls = _key(cls)
        found = self._instances.get(cls)
        if found is None:
            classes, todo = {cls}, [cls]
            while todo:
                for child in self._subclasses.get(todo.pop(), ()):
                    if child not in classes:
                        classes.add(child)
                        todo.append(child)
            if len(classes) == 1:
                found = self._typed.get(cls, set())
            else:
                found = set().union(*(self._typed.get(c, set()) for c in classes))
            self._instances[cls] = found
        return found


_PYTHON_TYPES: dict[str, tuple[type, ...] | None] = {
    str(XSD.string): (str, bytes),
    str(RDF.langString): (str, bytes),
    str(XSD.integer): (int,),
    str(XSD.decimal): (Decimal,),
    str(XSD.boolean): (bool,),
    str(XSD.date): (date,),
    str(XSD.anyURI): None,  # pyshacl accepts any well-typed xsd:anyURI literal
}


def _datatype_ok(value: Any, datatype: URIRef) -> bool:
    """pyshacl's DatatypeConstraintComponent for one value."""
    if not isinstance(value, Literal):
        return False
    own = value.datatype
    if own is not None and str.__eq__(own, datatype):
        if getattr(value, "ill_typed", None) is True:
            return False
        return _actual(value, datatype)
    if datatype == RDFS.Literal:
        return True
    if datatype == RDFS.Datatype and own:
        return True
    if own is None and value.language is None and datatype == XSD.string:
        return _actual(value, datatype)
    if datatype == RDF.langString and value.language:
        return _actual(value, datatype)
    return False


def _actual(value: Literal, datatype: URIRef) -> bool:
    try:
        types = _PYTHON_TYPES[str(datatype)]
    except KeyError:
        raise Unsupported(f"datatype {datatype}") from None
    return types is None or isinstance(value.value, types)


def _compare_key(value: Any) -> tuple[bool, Any]:
    if isinstance(value, URIRef):
        return True, str(value)
    if isinstance(value, Literal) and isinstance(value.value, str):
        return True, value.value
    return False, value


def _less_or_equal(value: Any, other: Any) -> bool:
    """pyshacl's sh:lessThanOrEquals comparison of two values."""
    if isinstance(value, BNode) or isinstance(other, BNode):
        raise Unsupported("sh:lessThanOrEquals on a blank node")
    value_is_string, left = _compare_key(value)
    other_is_string, right = _compare_key(other)
    if value_is_string != other_is_string:
        return False
    try:
        return bool(left <= right)
    except TypeError:
        return False


def _min_inclusive(value: Any, minimum: Literal) -> bool:
    """pyshacl's sh:minInclusive for one value."""
    from pyshacl.rdfutil.compare import compare_literal

    if not isinstance(value, Literal):
        return False
    if isinstance(minimum.value, str) != isinstance(value.value, str):
        return False
    try:
        return bool(compare_literal(value, minimum) >= 0)  # type: ignore[no-untyped-call]
    except (TypeError, NotImplementedError):
        return False


def _show(node: Any) -> str:
    return node.n3() if hasattr(node, "n3") else str(node)


@dataclass
class _Shape:
    """A property shape with what its checks look up, computed once per validation."""

    shape: PropertyShape
    path_key: str
    less_or_equal: list[tuple[URIRef, str]]
    kinds: tuple[type, ...] | None
    class_sets: list[tuple[URIRef, set[Any]]]
    datatype_ok: dict[tuple[Any, ...], bool] = field(default_factory=dict)


def validate(index: Index, shapes: list[PropertyShape], *, focus: set[str] | None = None) -> list[Result]:
    """Every violation of `shapes` in the indexed data; with `focus` (IRIs), only on those focus nodes
    (the index then needs their triples and the types of the nodes they refer to).

    Subject by subject, in the index's order (the order the triples were built in, so the data is read
    where it lies in memory, not in the random order of a set of focus nodes shape after shape): each
    subject's types give the shapes that target it (a class, or a superclass of it in the data)."""
    prepared = [
        _Shape(
            shape,
            str(shape.path),
            [(p, str(p)) for p in shape.less_or_equal],
            _NODE_KINDS.get(shape.node_kind) if shape.node_kind is not None else None,
            [(cls, index.instances(cls)) for cls in shape.classes],
        )
        for shape in shapes
    ]
    by_class: dict[Any, set[int]] = {}
    for number, shape in enumerate(shapes):
        for target in shape.targets:
            for cls in index.subclasses(target):
                by_class.setdefault(cls, set()).add(number)
    results: list[Result] = []
    rdf_type = str(RDF.type)
    applicable: dict[tuple[Any, ...], list[_Shape]] = {}
    subjects = index.props.items() if focus is None else ((f, index.props[f]) for f in focus if f in index.props)
    for subject, by_pred in subjects:
        types = tuple(_key(t) for t in by_pred.get(rdf_type, ()))
        if not types:
            continue
        found = applicable.get(types)
        if found is None:
            numbers = set().union(*(by_class.get(t, ()) for t in types))
            found = applicable[types] = [prepared[n] for n in sorted(numbers)]
        for one in found:
            _check(one, subject, by_pred, results)
    return results


def _check(prepared: _Shape, focus: Any, by_pred: dict[str, tuple[Any, ...]], results: list[Result]) -> None:
    """One property shape on one focus node (a hot loop: a load runs it ~20 times per record)."""
    shape = prepared.shape
    values = by_pred.get(prepared.path_key, ())
    count = len(values)
    if shape.min_count is not None and count < shape.min_count:
        _add(
            results,
            focus,
            shape,
            SH.MinCountConstraintComponent,
            None,
            f"Less than {shape.min_count} values on {shape.path}",
        )
    if shape.max_count is not None and count > shape.max_count:
        _add(
            results,
            focus,
            shape,
            SH.MaxCountConstraintComponent,
            None,
            f"More than {shape.max_count} values on {shape.path}",
        )
    if not count:
        return
    datatype, kinds, class_sets, less_or_equal = (
        shape.datatype,
        prepared.kinds,
        prepared.class_sets,
        prepared.less_or_equal,
    )
    pattern, in_values, min_inclusive = shape.pattern, shape.in_values, shape.min_inclusive
    for value in values:
        if datatype is not None and not _datatype_ok_cached(prepared, value, datatype):
            _add(
                results,
                focus,
                shape,
                SH.DatatypeConstraintComponent,
                value,
                f"Value is not Literal with datatype {_show(datatype)}",
            )
        for cls, members in class_sets:
            if type(value) is Literal or isinstance(value, Literal) or _key(value) not in members:
                _add(
                    results, focus, shape, SH.ClassConstraintComponent, value, f"Value does not have class {_show(cls)}"
                )
        if kinds is not None and not isinstance(value, kinds):
            _add(
                results,
                focus,
                shape,
                SH.NodeKindConstraintComponent,
                value,
                f"Value is not of Node Kind {_show(shape.node_kind)}",
            )
        if pattern is not None and (isinstance(value, BNode) or not pattern.search(str(value))):
            _add(
                results,
                focus,
                shape,
                SH.PatternConstraintComponent,
                value,
                f"Value does not match pattern '{shape.pattern_text}'",
            )
        if in_values is not None and value not in in_values:
            _add(results, focus, shape, SH.InConstraintComponent, value, f"Value {_show(value)} not in list")
        if min_inclusive is not None and not _min_inclusive(value, min_inclusive):
            _add(
                results,
                focus,
                shape,
                SH.MinInclusiveConstraintComponent,
                value,
                f"Value is not >= {_show(min_inclusive)}",
            )
        for other_path, other_key in less_or_equal:
            for other in by_pred.get(other_key, ()):
                if not _less_or_equal(value, other):
                    _add(
                        results,
                        focus,
                        shape,
                        SH.LessThanOrEqualsConstraintComponent,
                        value,
                        f"Value of {_show(shape.path)} is not <= value of {_show(other_path)}",
                    )
    if shape.unique_lang and count > 1:
        seen: set[str] = set()
        reported: set[str] = set()
        for value in values:
            lang = value.language if isinstance(value, Literal) else None
            if not lang:
                continue
            if lang in seen and lang not in reported:
                reported.add(lang)
                _add(
                    results,
                    focus,
                    shape,
                    SH.UniqueLangConstraintComponent,
                    None,
                    "More than one String shares the same Language",
                )
            seen.add(lang)


def _add(results: list[Result], focus: Any, shape: PropertyShape, component: URIRef, value: Any, default: str) -> None:
    results.append(Result(focus, shape.path, component, value, shape.message or default))


_LITERAL_SLOTS = {"_datatype", "_language", "_ill_typed", "_value"} <= set(getattr(Literal, "__slots__", ()))
"""Whether rdflib's Literal keeps what `_datatype_ok` reads in these slots (read directly: its properties
cost a Python call each)."""


def _datatype_ok_cached(prepared: _Shape, value: Any, datatype: URIRef) -> bool:
    """`_datatype_ok`, remembered per kind of value: the answer depends only on the value being a
    literal, its datatype, language and ill-typed flag, and the Python type of its value."""
    if type(value) is not Literal:
        return _datatype_ok(value, datatype)
    if _LITERAL_SLOTS:
        key = (value._datatype, value._language, value._ill_typed, type(value._value))  # noqa: SLF001
    else:
        key = (value.datatype, value.language, getattr(value, "ill_typed", None), type(value.value))
    found = prepared.datatype_ok.get(key)
    if found is None:
        found = prepared.datatype_ok[key] = _datatype_ok(value, datatype)
    return found
