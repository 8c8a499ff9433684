"""What every API answer shares: references, periods, multi-valued text, paging, "not found" with a
suggestion, and the provenance of every record in an answer, fetched in one or a few queries."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from eucan.api import models as m
from eucan.api import rows as r
from eucan.echo import clip
from eucan.errors import NotFound, QueryParameterError, StoreUnavailable
from eucan.graph.fulltext import fold
from eucan.graph.store import GraphStore

if TYPE_CHECKING:
    from eucan.api.suggest import Candidates
from eucan.queries.catalog import get_query
from eucan.queries.runner import run_named

__all__ = [
    "KINDS",
    "Provenance",
    "check_date",
    "exact_matches",
    "kept_page",
    "list_of",
    "listed_own",
    "named_json",
    "must_ref",
    "normalise",
    "own_sources",
    "page",
    "paged",
    "period",
    "period_json",
    "ref",
    "ref_json",
    "require",
    "source_order",
    "sources_json",
    "text_of",
    "type_of",
]

_GENERIC = ("Resource", "Fact", "Actor", "Instrument", "Concept", "Organisation", "Event")
KINDS = (
    ("Actor", "actor"),
    ("Instrument", "instrument"),
    ("CooperationDomain", "domain"),
    ("Post", "post"),
    ("Event", "event"),
)
_ID_BATCH = 400


# -- small helpers -----------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lowercase, accents removed: the form search compares words in (`graph.fulltext.fold`)."""
    return fold(text)


def type_of(labels: Iterable[str] | None) -> str | None:
    """The most specific class among a node's labels (GovernmentDepartment rather than Organisation)."""
    return _type_of(tuple(labels or ()))


@lru_cache(maxsize=4096)  # a graph holds a few dozen label sets; a cooperation page asks ~200 nodes' types
def _type_of(names: tuple[str, ...]) -> str | None:
    specific = sorted(n for n in names if n not in _GENERIC)
    if specific:
        return specific[0]
    for generic in ("Organisation", "Event", "Instrument", "Actor"):
        if generic in names:
            return generic
    return None


def ref(raw: r.RefRow | None) -> m.Ref | None:
    if not raw or raw.get("id") is None:
        return None
    return m.Ref(id=raw["id"], name=raw.get("name"), type=type_of(raw.get("labels")))


def must_ref(raw: r.RefRow) -> m.Ref:
    found = ref(raw)
    assert found is not None
    return found


def period(raw: r.DatedRow) -> m.Period:
    return m.Period.model_construct(**period_json(raw))


def period_json(raw: r.DatedRow) -> dict[str, Any]:
    """A period as `m.Period` serialises it (answers built as plain JSON values skip the models)."""
    start, end = raw.get("startDate"), raw.get("endDate")
    return {
        "start": start,
        "start_precision": raw.get("startDatePrecision"),
        "start_first": raw.get("startDateFirst"),
        "end": end,
        "end_precision": raw.get("endDatePrecision"),
        "end_last": raw.get("endDateLast"),
        "start_basis": raw.get("startDateBasis"),
        "start_first_precision": raw.get("startDateFirstPrecision"),
        "end_basis": raw.get("endDateBasis"),
        "undated": start is None and end is None,
    }


def ref_json(raw: r.RefRow) -> dict[str, Any]:
    """A reference as `m.Ref` serialises it."""
    return {"id": raw["id"], "name": raw.get("name"), "type": type_of(raw.get("labels"))}


def named_json(raw: r.NamedRow) -> dict[str, Any]:
    """A named record's reference and its other names, as `m.ActorSummary` and `m.InstrumentSummary` begin."""
    return {
        **ref_json(raw),
        "name_fr": text_of(raw.get("name_fr")),
        "acronym": list_of(raw.get("acronym")),
        "alt_names": list_of(raw.get("altNames")),
    }


def list_of(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def text_of(value: object) -> str | None:
    """A free-text property; several values (a multi-valued property) are joined with '; '."""
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or None
    return str(value)


def exact_matches(links: Iterable[r.AuthorityLinkRow] | None, prov: Provenance) -> list[m.ExactMatch]:
    """A record's authority links, each with its sources, in a stable order (scheme, then IRI)."""
    found = [
        m.ExactMatch(iri=x["iri"], scheme=x["scheme"], record=x["record"], sources=prov.sources(x["record"]))
        for x in links or []
    ]
    return sorted(found, key=lambda x: (x.scheme, x.iri))


def paged(result_records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    total = int(result_records[0]["total"]) if result_records else 0
    return [r["item"] for r in result_records if r.get("item") is not None], total


def walk_records(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "record" and isinstance(item, str):
                yield item
            elif key == "sourcedBy" and isinstance(item, list):
                yield from (str(i) for i in item)
            else:
                yield from walk_records(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk_records(item)


def source_order(source: dict[str, Any]) -> tuple[bool, str, str]:
    """The stable order of a record's sources: primary sources first, then by URL, then by quote."""
    return (source["primary"] is not True, source["url"], source["quote"])


def sources_json(rows: Iterable[r.SourceRow]) -> list[dict[str, Any]]:
    """Source rows (`api_records`, or the cooperation queries' own) as `m.Source` serialises them, in
    `source_order`; an excerpt without URL or quote is left out."""
    out = [
        {
            "url": str(s["url"]),
            "quote": str(text_of(s["quote"])),
            "lang": str(s.get("lang") or "en"),
            "retrieved": text_of(s.get("retrieved")),
            "title": text_of(s.get("title")),
            "primary": None if s.get("primary") is None else bool(s["primary"]),
        }
        for s in rows
        if text_of(s.get("url")) and s.get("quote")
    ]
    out.sort(key=source_order)
    return out


def own_sources(raw: dict[str, Any]) -> list[m.Source]:
    """The sources a list query brought with its item (`sources`, the same map as `api_records`'), as
    `Provenance.sources` gives them: one engine round trip a page instead of two."""
    return [m.Source.model_construct(**s) for s in sources_json(raw.get("sources") or [])]


def listed_own(raw: dict[str, Any]) -> dict[str, Any]:
    """`Provenance.listed` for an item that brought its own sources (`sources`, the same map as `api_records`'),
    as plain JSON values: at most `m.LIST_SOURCES` of them, and how many there are."""
    found = sources_json(raw.get("sources") or [])
    return {"sources": found[: m.LIST_SOURCES], "source_count": len(found)}


class Provenance:
    """Sources, roles and related refs of every record in a response, fetched in one or a few queries."""

    def __init__(self, store: GraphStore, raw: object, *, ids: Iterable[str] | None = None) -> None:
        """The records named anywhere in `raw` (keys `record` and `sourcedBy`), or exactly `ids` if given."""
        ids = sorted(set(walk_records(raw) if ids is None else ids))
        self._info: dict[str, r.RecordInfoRow] = {}
        for start in range(0, len(ids), _ID_BATCH):
            chunk = ids[start : start + _ID_BATCH]
            for row in run_named(store=store, name="api_records", params={"ids": chunk}).records():
                self._info[row["id"]] = cast(r.RecordInfoRow, row)

    def listed(self, record: str | None) -> dict[str, Any]:
        """`sources` and `source_count` of a record as a list answer shows them (at most `m.LIST_SOURCES`)."""
        found = self.sources(record)
        return {"sources": found[: m.LIST_SOURCES], "source_count": len(found)}

    def listed_json(self, record: str | None) -> dict[str, Any]:
        """`listed` as plain JSON values."""
        found = self.sources_json(record)
        return {"sources": found[: m.LIST_SOURCES], "source_count": len(found)}

    def sources(self, record: str | None) -> list[m.Source]:
        # model_construct: every field is already turned into its type here (this runs for every source shown).
        return [m.Source.model_construct(**s) for s in self.sources_json(record)]

    def sources_json(self, record: str | None) -> list[dict[str, Any]]:
        """The record's sources as `m.Source` serialises them (the fields in the model's order), in the stable
        order a list answer cuts from (`source_order`)."""
        info = self._info.get(record or "")
        return sources_json((info or {}).get("sources") or [])

    def sources_of(self, records: Iterable[str]) -> list[m.Source]:
        """The sources of several records, each once, in `source_order`."""
        return [m.Source.model_construct(**s) for s in self.sources_of_json(records)]

    def sources_of_json(self, records: Iterable[str]) -> list[dict[str, Any]]:
        """`sources_of` as plain JSON values (a set of seen sources, not a scan of the list for each one)."""
        out: list[dict[str, Any]] = []
        seen: set[tuple[object, ...]] = set()
        for record in records:
            for s in self.sources_json(record):
                key = tuple(s.values())
                if key not in seen:
                    seen.add(key)
                    out.append(s)
        out.sort(key=source_order)
        return out

    def role(self, record: str | None) -> str | None:
        roles = (self._info.get(record or "") or {}).get("roles") or []
        return str(roles[0]) if roles else None

    def on_behalf_of(self, record: str | None) -> m.Ref | None:
        refs = (self._info.get(record or "") or {}).get("onBehalfOf") or []
        return ref(refs[0]) if refs else None

    def about(self, record: str | None) -> m.Ref | None:
        refs = (self._info.get(record or "") or {}).get("about") or []
        return ref(refs[0]) if refs else None


def labels_of(store: GraphStore, node_id: str) -> list[list[str]]:
    return [list(row[0]) for row in run_named(store=store, name="api_kind", params={"id": node_id}).rows]


HINTED_LABELS = ("Actor", "Instrument", "CooperationDomain", "Event")
"""The kinds whose unknown ids a 404 answers with a hint (`require`'s labels)."""


def candidates(store: GraphStore, label: str) -> Candidates:
    """The ids and names of every node with this label, indexed for a 404's hint (`suggest`); one pass over
    the graph per loaded graph and label (`kept`), which the server warms."""
    from eucan.api.kept import FULL_PASS_TIMEOUT_MS, kept
    from eucan.api.suggest import Candidates

    def compute() -> Candidates:
        rows = run_named(store=store, name="api_ids", params={"label": label}, timeout_ms=FULL_PASS_TIMEOUT_MS).rows
        pairs = rows[0][0] or [] if rows else []
        return Candidates((str(record), [str(n) for n in names or []]) for record, names in pairs)

    return kept(store, "ids", {"label": label}, compute)


def require(store: GraphStore, node_id: str, label: str, what: str, param: str | None = None) -> None:
    """Raise NotFound naming the id (and the parameter) unless a node with this id has this label."""
    found = labels_of(store, node_id)
    if any(label in labels for labels in found):
        return
    where = f" (parameter {param})" if param else ""
    if found:
        raise NotFound(
            f"no {what} with id {clip(node_id)}{where}; {clip(node_id)} is a {type_of(found[0])}, not a {what}"
        )
    from eucan.api.suggest import suggest

    close = suggest(node_id, candidates(store, label))
    hint = f" (did you mean {close!r}?)" if close else ""
    raise NotFound(f"no {what} with id {clip(node_id)}{where}{hint}")


def check_date(name: str, value: str | None) -> str | None:
    """A YYYY-MM-DD day, or a 422 naming the parameter and the accepted form."""
    import datetime as dt

    if value is None or value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryParameterError(f"{name} must be a date YYYY-MM-DD (got {clip(value)})") from None


def kept_page(
    store: GraphStore, ids_query: str, items_query: str, params: dict[str, Any], limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of a list whose order `ids_query` gives (kept per loaded graph, `kept.ordered_ids`), its items
    read by id with `items_query` (one `item` per id, and the graph's load `token`): a page costs the same
    whatever its offset. The order kept for the graph last seen is tried first; its page stands only if the
    items query read that graph's token (else a load has replaced it: the order is read again for the new
    graph, and the page too)."""
    from eucan.api.kept import load_token, ordered_ids, peek

    guess = peek(store, ids_query, params)
    if guess is not None:
        seen, ids = guess
        found = _page_items(store, items_query, ids, limit, offset, seen, checked=False)
        if found is not None:
            return found
    for _ in range(3):  # a load between the token's read and the page's (rare): once more on the new graph
        token: str | None = load_token(store)
        ids = ordered_ids(store, ids_query, params, token=token)
        found = _page_items(store, items_query, ids, limit, offset, token)
        if found is not None:
            return found
    raise StoreUnavailable("the graph was replaced three times while one page was read; try again")


def _page_items(
    store: GraphStore,
    items_query: str,
    ids: list[str],
    limit: int,
    offset: int,
    token: str | None,
    *,
    checked: bool = True,
) -> tuple[list[dict[str, Any]], int] | None:
    """The page `ids[offset:offset + limit]` read with `items_query`, or None if the query read another graph
    than the one of `token` (a graph without a token, never kept, is taken as it is). An empty page reads
    nothing, so it stands only if `token` was `checked` (just read from the engine)."""
    chunk = ids[offset : offset + limit]
    if not chunk:
        return ([], len(ids)) if checked else None
    rows = run_named(store=store, name=items_query, params={"ids": chunk}).records()
    if token is not None and any(row.get("token") != token for row in rows):
        return None
    if not rows and not checked:  # none of these ids in the graph read: another graph than the guessed one
        return None
    by_id = {row["item"]["id"]: row["item"] for row in rows}
    return [by_id[i] for i in chunk if i in by_id], len(ids)


def page(
    store: GraphStore, name: str, params: dict[str, Any], limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of a list query (`total, item` rows); a query that sorts with `LIMIT $end` gets end = offset + limit."""
    bound = {**params, "limit": limit, "offset": offset}
    if any(p.name == "end" for p in get_query(name, backend=store.backend).parameters):
        bound["end"] = offset + limit
    return paged(run_named(store=store, name=name, params=bound).records())
