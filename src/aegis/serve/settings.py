"""What the app's routes share: the queue, the config, the token."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aegis.config import AegisConfig
from aegis.serve.store import BuildStore


@dataclass(frozen=True)
class Settings:
    store: BuildStore
    config: AegisConfig
    """The defaults of every build (model, rounds, packaging) and the server's own section."""
    token: str | None = None
    loopback: bool = True

    @property
    def runs_dir(self) -> Path:
        return self.config.runs.dir.resolve()

    @property
    def models(self) -> list[str]:
        """What a build may ask for: the default first, the embedded model, then the configured others."""
        offered = [self.config.llm.model, "local", *self.config.serve.models]
        return list(dict.fromkeys(offered))
