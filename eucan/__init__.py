"""EU–Canada Security Knowledge Graph: who cooperates with whom on what, sourced and dated."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
