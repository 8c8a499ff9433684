"""Every internal API query's rows have the shape declared in `eucan.api.rows` (no missing, extra or mistyped keys)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ConfigDict, TypeAdapter, ValidationError
from typing_extensions import is_typeddict

from eucan.api import rows
from eucan.graph.store import GraphStore
from eucan.queries.catalog import INTERNAL_DIR, get_query
from eucan.queries.runner import run_named

# Reject keys a shape does not declare, so a query that changes its maps fails here.
for _name in dir(rows):
    _cls = getattr(rows, _name)
    if isinstance(_cls, type) and is_typeddict(_cls):
        _cls.__pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[attr-defined]

PARAMS: dict[str, dict[str, Any]] = {
    "api_actor": {"id": "canada"},
    "api_instrument": {"id": "sdp-2025"},
    "api_domain": {"id": "maritime-security"},
    "api_cooperation": {"domain": "crisis-management"},
    "api_cooperation_by_actor": {"actor": "canada"},
    "api_cooperation_by_partner": {"partner": "canada"},
    "api_cooperation_page": {"actors": ["canada", "eu"]},
    "api_events_anchored": {"actor": "canada", "instrument": None},
    "api_records": {"ids": ["part-canada-eufor-althea", "sdp-2025", "tenure-borrell-hrvp"]},
}


@pytest.mark.parametrize("name", sorted(rows.ROW_SHAPES))
def test_rows_have_the_declared_shape(store: GraphStore, name: str) -> None:
    query = get_query(name)
    params = {**query.example_params(), **PARAMS.get(name, {})}
    for key, value in (("limit", 500), ("offset", 0), ("end", 500)):
        if key in {p.name for p in query.parameters}:
            params[key] = value
    records = run_named(store=store, name=name, params=params).records()
    assert records, f"{name} returned no rows for {params}"
    shape = rows.ROW_SHAPES[name]
    assert set(records[0]) == set(shape), f"{name} returns {sorted(records[0])}, declared {sorted(shape)}"
    adapters = {column: TypeAdapter(kind) for column, kind in shape.items()}
    for record in records:
        for column, adapter in adapters.items():
            try:
                adapter.validate_python(record[column], strict=True)
            except ValidationError as exc:
                raise AssertionError(f"{name}.{column} does not match its declared shape:\n{exc}") from None


def test_every_internal_api_query_the_services_use_has_a_shape() -> None:
    import pathlib

    used = set()
    for module in pathlib.Path(rows.__file__).parent.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        used |= {q for q in (p.stem for p in INTERNAL_DIR.glob("api_*.cypher")) if f'"{q}"' in text}
    missing = {"api_partners", "api_timeline", "api_search", "api_path_links", "api_path_steps"}  # paged via page()
    assert used - set(rows.ROW_SHAPES) <= missing, sorted(used - set(rows.ROW_SHAPES))
