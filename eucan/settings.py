"""The one settings object. Nothing else reads the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


def _default_data_dir() -> Path:
    return Path(user_data_dir("eucan-security-kg", appauthor=False))


class Settings(BaseSettings):
    """Settings from `EUCAN_*` variables (and `.env`), plus the standard `NEO4J_*` ones."""

    model_config = SettingsConfigDict(env_prefix="EUCAN_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Folder where the embedded engine keeps its files.",
    )
    graph_name: str = Field(default="kg", pattern=r"^[A-Za-z][A-Za-z0-9_]{0,62}$")
    sources_dir: Path = Field(default=Path("data"), description="Curated YAML files.")
    batch_size: int = Field(default=1000, ge=1, le=100_000)
    query_timeout_ms: int = Field(default=10_000, ge=1, le=600_000)
    row_cap: int = Field(default=10_000, ge=1, le=1_000_000)
    # Cost limits, checked before a query reaches an engine or enforced by the engine itself.
    query_max_length: int = Field(
        default=20_000, ge=100, le=1_000_000, description="Longest Cypher text, in characters."
    )
    query_max_nesting: int = Field(
        default=12,
        ge=2,
        le=24,
        description="Deepest nesting of brackets, CASE and NOT/unary minus in Cypher (each level doubles parse time).",
    )
    query_max_parse_cost: int = Field(
        default=100_000,
        ge=1_000,
        le=100_000_000,
        description="Estimated parse cost of all nested expressions of a query (2**level summed; ~3 µs a unit).",
    )
    engine_timeout_max_ms: int = Field(
        default=120_000, ge=1, le=3_600_000, description="Longest time limit any query may ask the engine for."
    )
    engine_query_memory_mb: int = Field(
        default=256, ge=0, le=65_536, description="Memory one query may use in the embedded engine (0: no limit)."
    )
    engine_reply_max_mb: int = Field(
        default=8, ge=0, le=4096, description="Largest answer the embedded engine sends to a client (0: no limit)."
    )
    load_lock_timeout_s: float = Field(
        default=60.0, ge=0, le=86_400, description="How long a load waits for another load to finish (0: fail at once)."
    )
    health_timeout_ms: int = Field(default=2000, ge=100, le=60_000, description="Time limit of the health probe.")
    shutdown_timeout_s: float = Field(
        default=3.0, ge=0, le=600, description="How long `eucan serve` waits for requests in flight when stopped."
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    base_url: str = Field(
        default="https://w3id.org/eucan-security/",
        description="Base of the dataset's IRIs.",
    )

    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI", "EUCAN_NEO4J_URI"))
    neo4j_username: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_USERNAME", "NEO4J_USER", "EUCAN_NEO4J_USERNAME")
    )
    neo4j_password: str | None = Field(
        default=None, validation_alias=AliasChoices("NEO4J_PASSWORD", "EUCAN_NEO4J_PASSWORD")
    )
    neo4j_database: str | None = Field(
        default=None, validation_alias=AliasChoices("NEO4J_DATABASE", "EUCAN_NEO4J_DATABASE")
    )

    @field_validator("neo4j_uri")
    @classmethod
    def _known_scheme(cls, value: str | None) -> str | None:
        if not value:
            return None
        schemes = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
        if not value.startswith(schemes):
            raise ValueError(f"NEO4J_URI={value!r} must start with one of {', '.join(schemes)}")
        return value

    @property
    def backend(self) -> Literal["neo4j", "falkordb"]:
        return "neo4j" if self.neo4j_uri else "falkordb"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
