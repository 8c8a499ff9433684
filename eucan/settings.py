"""The one settings object. Nothing else reads the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings", "shipped_sources"]


def _default_data_dir() -> Path:
    return Path(user_data_dir("eucan-security-kg", appauthor=False))


def shipped_sources() -> Path:
    """The curated data that ships with the package: `eucan/data/` in an installed wheel, the
    checkout's `data/` in an editable install."""
    package = Path(__file__).resolve().parent
    installed = package / "data"
    return installed if installed.is_dir() else package.parent / "data"


def _default_sources_dir() -> Path:
    """`./data` when the working folder has one (a checkout, or a curator's own folder), else the shipped data."""
    local = Path("data")
    return local if local.is_dir() else shipped_sources()


class Settings(BaseSettings):
    """Settings from `EUCAN_*` variables (and `.env`), plus the standard `NEO4J_*` ones."""

    model_config = SettingsConfigDict(env_prefix="EUCAN_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Folder where the embedded engine keeps its files.",
    )
    graph_name: str = Field(default="kg", pattern=r"^[A-Za-z][A-Za-z0-9_]{0,62}$")
    sources_dir: Path = Field(
        default_factory=_default_sources_dir, description="Curated YAML files (default ./data, else the shipped data)."
    )
    queries_dir: Path | None = Field(
        default=None, description="A folder of your own named .cypher queries, listed beside the catalog."
    )
    batch_size: int = Field(default=1000, ge=1, le=100_000)
    query_timeout_ms: int = Field(default=10_000, ge=1, le=600_000)
    row_cap: int = Field(default=10_000, ge=1, le=1_000_000)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)

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
