"""What the app's routes share: the queue, the config, the token; and the build a URL names.

SettingsDep        a route's `settings: SettingsDep` parameter: the app's Settings
entry_of(s, id)    the build or run folder `id` names, or a 404
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from aegis.config import AegisConfig
from aegis.serve.store import BuildStore
from aegis.serve.views import Entry, find


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


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(_settings)]


def entry_of(settings: Settings, build_id: str) -> Entry:
    found = find(settings.store, settings.runs_dir, build_id)
    if found is None:
        raise HTTPException(404, f"no build {build_id!r}")
    return found
