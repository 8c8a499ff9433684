"""How query rows are written as CSV, one definition for every door (the CLI's `--format csv`, the explorer's download).

Lists and maps are written as JSON text (so a cell holds one value), everything else as Python's csv module writes it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

__all__ = ["rows_to_csv"]


def rows_to_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in row])
    return buffer.getvalue()
