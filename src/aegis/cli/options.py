"""Command-line options shared by several `aegis` commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="local | local:FILE.gguf | openai:M | gemini:M | ollama:M | scripted:FILE"),
]
BaseUrlOpt = Annotated[str | None, typer.Option(help="Any OpenAI-compatible server.")]
RoundsOpt = Annotated[int | None, typer.Option(help="Most model rounds (generation + repairs).")]
SeedOpt = Annotated[int | None, typer.Option(help="Sampling seed.")]
CandidatesOpt = Annotated[
    int | None,
    typer.Option(min=1, max=8, help="Programs a round at most, each asked for when the one before failed."),
]
RunsOpt = Annotated[Path | None, typer.Option("--runs-dir", help="Where run folders go.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="A TOML file (default: ./aegis.toml).")]
