"""The ontology (OWL), the SKOS schemes, the SHACL shapes and their Python constants."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DOMAINS_TTL", "ONTOLOGY_DIR", "ONTOLOGY_TTL", "ROLES_TTL", "SHAPES_TTL"]

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_TTL = ONTOLOGY_DIR / "eucan.ttl"
DOMAINS_TTL = ONTOLOGY_DIR / "domains.ttl"
ROLES_TTL = ONTOLOGY_DIR / "roles.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
