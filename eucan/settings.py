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
    engine_start_limit_s: float = Field(
        default=0.0,
        ge=0,
        le=86_400,
        description="Longest wait for the embedded engine to start while it reads its saved graph "
        "(0: 20 s plus 2 s per MB of the graph, at least 300 s).",
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
    # Public inputs (docs/security.md): sizes and shapes refused before any engine sees them.
    max_body_bytes: int = Field(default=1_000_000, ge=1_024, description="Largest request body (413 above).")
    max_query_string_bytes: int = Field(default=8_192, ge=256, description="Longest URL query string (414 above).")
    allowed_hosts: str = Field(
        default="",
        description="Comma-separated Host names the server answers (403 otherwise); empty: loopback names plus "
        "`host`; `*`: any (only behind a proxy that checks Host).",
    )
    cors_allow_origins: str = Field(
        default="*",
        description="Comma-separated origins whose pages may read the API (CORS, GET/HEAD/POST, no credentials); "
        "`*`: any origin (open data); empty: no CORS headers.",
    )
    sparql_max_length: int = Field(default=20_000, ge=100, le=1_000_000)
    sparql_max_nesting: int = Field(default=128, ge=4, le=1_000)
    sparql_workers: int = Field(default=2, ge=1, le=64, description="SPARQL worker processes kept ready.")
    sparql_max_workers: int = Field(default=4, ge=1, le=64, description="Most SPARQL workers at once.")
    sparql_worker_memory_mb: int = Field(
        default=0,
        ge=0,
        le=1_048_576,
        description="Address-space cap of each SPARQL worker process in MB; 0: sized from the graph "
        "(1024 for queries plus 512 bytes per triple).",
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
    def host_allow_list(self) -> list[str]:
        """The Host names to answer: `allowed_hosts`, or loopback names plus the configured host."""
        given = [h.strip() for h in self.allowed_hosts.split(",") if h.strip()]
        if given:
            return given
        names = ["127.0.0.1", "localhost", "[::1]", "::1"]
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        if host not in ("0.0.0.0", "[::]") and host not in names:
            names.append(host)
        return names

    @property
    def backend(self) -> Literal["neo4j", "falkordb"]:
        return "neo4j" if self.neo4j_uri else "falkordb"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
