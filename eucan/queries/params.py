"""Checks on query parameters before they reach an engine client, shared by the API and the CLI.

Engine clients build parameter headers from names and values (FalkorDB's client writes
`CYPHER name=value ...`): a name that is empty or holds a backtick, a NaN, a NUL or a value
nested hundreds deep makes the client raise `ValueError`/`RecursionError` or the engine answer
with its own parser's internals. Each is refused here with a message naming the parameter.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from eucan.echo import clip
from eucan.errors import QueryParameterError

__all__ = ["MAX_PARAMETER_DEPTH", "NAME", "check_parameters"]

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
MAX_PARAMETER_DEPTH = 16
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_parameters(params: Mapping[str, Any]) -> None:
    """Refuse bad parameter names and values (see the module docstring)."""
    for name, value in params.items():
        if not isinstance(name, str) or not NAME.fullmatch(name):
            raise QueryParameterError(
                f"parameter name {clip(name)} is not allowed: use a letter or _ then letters, digits or _ "
                "(at most 64), e.g. actor or as_of"
            )
        _check_value(name, value, 0)


def _check_value(name: str, value: Any, depth: int) -> None:
    if depth > MAX_PARAMETER_DEPTH:
        raise QueryParameterError(f"parameter {name!r} nests lists or maps more than {MAX_PARAMETER_DEPTH} deep")
    if isinstance(value, float) and not math.isfinite(value):
        raise QueryParameterError(f"parameter {name!r} is {value}; give a finite number")
    if isinstance(value, str):
        found = _CONTROL.search(value)
        if found:
            raise QueryParameterError(
                f"parameter {name!r} holds a control character (U+{ord(found.group(0)):04X}); remove it"
            )
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_value(name, item, depth + 1)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str) or not NAME.fullmatch(key):
                raise QueryParameterError(
                    f"parameter {name!r} has a map key {clip(key)}; keys must be letters, digits or _"
                )
            _check_value(name, item, depth + 1)
