"""Configuration, assembled once at the edge: CLI flags > env vars (AEGIS_*) > aegis.toml > defaults.

Every component gets its own section; env vars are `AEGIS_<SECTION>_<FIELD>` (e.g. `AEGIS_LLM_MODEL`,
`AEGIS_LOOP_MAX_ROUNDS`), aegis.toml uses `[section]` tables with the same field names.

Renamed sections keep working under their old names, with a warning in the log: `[check]` (and
`AEGIS_CHECK_*`) is now `[probe]`.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from aegis.errors import ConfigError
from aegis.paths import read_text
from aegis.probe.options import ProbeArgs, ProbeOptions

log = logging.getLogger("aegis")


RENAMED = {"check": "probe"}
"""Old section name -> new one; the old name still works, with a warning."""


class Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class LLMConfig(Section):
    model: str = "local"
    """Model spec: `local`, `local:/path/to.gguf`, `openai:<model>`, `gemini:<model>`, `ollama:<model>`,
    `scripted:<file>`; with `base_url` set, any name is sent to that OpenAI-compatible server."""
    base_url: str | None = None
    """Base URL of an OpenAI-compatible server (overrides the provider's default)."""
    temperature: float = Field(default=0.2, ge=0)
    """Sampling temperature."""
    seed: int = 1
    """Sampling seed, so runs can be repeated."""
    candidates: int = Field(default=1, ge=1, le=8)
    """Programs the model may write for each round's prompt; the loop checks them in turn and keeps the first
    that works, else the closest. The first is the one a single answer would be; the others are sampled at
    `sample_temperature`, each only when the one before failed its check (see `candidates_together`).
    Default 1, and 2 for the embedded model (EMBEDDED_DEFAULTS below)."""
    candidates_together: bool = False
    """Ask for all of a round's candidates at once instead of one at a time: the embedded model writes them
    side by side in parallel slots, hosted models get them through the API's `n` (or more requests where a
    server ignores it). Faster where answers run in parallel (a GPU, a hosted API); one at a time never pays
    for a candidate that is not needed (a CPU, or tokens that cost money)."""
    sample_temperature: float = Field(default=0.8, ge=0)
    """Sampling temperature of the candidates after the first, so that they differ."""
    max_tokens: int = Field(default=2048, ge=1)
    """Cap on the length of one answer, in tokens."""
    timeout: float = Field(default=600.0, gt=0)
    """Seconds one try may take in all (connect, send, wait, read) before it is given up, however slowly the
    server trickles its answer."""
    max_retries: int = Field(default=4, ge=0)
    """Retries on 429, 5xx, timeouts and connection resets (with backoff); never on auth errors."""
    n_ctx: int = Field(default=16384, ge=1)
    """Context window for the embedded model, in tokens. A repair prompt holds the task, its checks, the whole
    program and the failures, plus room for the answer: 4096 overflowed on a middle task (4,179 tokens). The
    embedded 1.5B model's KV cache costs about 28 KB a token (16384: ~0.5 GB, times `candidates`, as each
    parallel slot may fill it); it was trained on 32K. A repair prompt is trimmed to fit (prompts.repair)."""
    threads: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1), ge=1)
    """CPU threads for the embedded model."""
    price_input: float | None = Field(default=None, ge=0)
    """US dollars per million prompt tokens, for bench costs; default: the shipped table for known models."""
    price_output: float | None = Field(default=None, ge=0)
    """US dollars per million answer tokens, for bench costs; default: the shipped table for known models."""


class LoopConfig(Section):
    mode: Literal["text", "tools"] = "text"
    """text: the model answers with the whole program; tools: it edits app.py through the action API."""
    max_rounds: int = Field(default=4, ge=1)
    """Most model rounds (first generation plus repairs) for one build; 2 for the embedded model, which takes 2
    candidates a round (EMBEDDED_DEFAULTS below)."""
    max_total_tokens: int = Field(default=60_000, ge=1)
    """Stop when prompts plus answers of one build pass this many tokens."""
    max_seconds: float = Field(default=1800.0, gt=0)
    """Stop starting new rounds after this many seconds of one build."""
    spec: bool = False
    """For a task without acceptance checks, the model first writes a short spec with checks that then judge it.
    Off by default: the embedded 1.5B model writes weak or invalid specs; turn it on for stronger models."""
    spec_max_tokens: int = Field(default=700, ge=1)
    """Cap on the length of the spec answer, in tokens."""
    max_continuations: int = Field(default=2, ge=0)
    """How often to ask the model to continue an answer that was cut off."""
    repair_mix: Literal["repair", "fresh"] = "fresh"
    """A repair round with several candidates: `fresh` asks the first from the repair prompt and starts the others
    afresh from the task, told what failed; `repair` samples each from the repair prompt. A small model often
    answers a repair prompt with the same program: on the 7 easy tasks the embedded model failed, fresh made 3
    work against 2, in less time (bench/results/2026-12-03-sub7-repair-mix.json)."""
    recipes: bool = True
    """Every prompt (text mode) says how to build the kind of app the task names, where the library has a recipe for it
    (data/recipes.json: games, boards of cells, timers, a stopwatch, a calculator)."""


class ProbeConfig(Section):
    """The probe's settings; their defaults are the probe's own (aegis.probe.options)."""

    timeout: float = Field(default=ProbeArgs.timeout, gt=0)
    """Seconds a program may take to show its window before the probe gives up."""
    explore: bool = ProbeOptions.explore
    """Explore the GUI (click, type, pick, trigger menus) after start-up; off: start-up checks only."""
    max_actions: int = Field(default=ProbeOptions.max_actions, ge=0)
    """Most GUI interactions in one exploration."""
    explore_seconds: float = Field(default=ProbeOptions.explore_seconds, gt=0)
    """Time budget for one exploration."""
    hang_seconds: float = Field(default=ProbeOptions.hang_seconds, gt=0)
    """An event loop blocked this long counts as a hang."""
    seed: int = ProbeOptions.seed
    """Exploration order: 0 keeps a natural order (lists, fields, choices, buttons, menus); others shuffle."""
    find_placeholders: bool = True
    """Fail a program whose handlers only pretend (a message box or status text where the feature should be,
    next to code that says "for simplicity", "simulate", "implement ... here"), naming each one; name its
    buttons and signals that are connected to nothing (a build fails them: a generated program must do what it
    says; `aegis check` of another program only warns)."""
    require_acceptance: bool = True
    """A build passes only when its acceptance checks pass too; off: failed checks are warnings."""
    settle: float = Field(default=ProbeArgs.settle, ge=0)
    """Seconds the program keeps running after its window appears, to catch late errors."""


class DepsConfig(Section):
    allow_packages: list[str] = Field(default_factory=list)
    """Distributions allowed on top of the shipped allowlist (`--allow-package NAME`)."""
    find_links: Path | None = None
    """Offline: a folder of wheels to install from instead of PyPI."""


class PackageConfig(Section):
    enabled: bool = True
    """Package a passing app with PyInstaller."""
    mode: Literal["onedir", "onefile"] = "onedir"
    """PyInstaller layout."""
    timeout: float = Field(default=900.0, gt=0)
    """Seconds a PyInstaller build may take."""


class SandboxConfig(Section):
    isolation: Literal["auto", "bubblewrap", "unshare", "none"] = "auto"
    """How generated programs are isolated: `auto` takes the strongest that works here (bubblewrap, then
    unshare, then none); `none` is resource limits and a scrubbed environment only."""
    memory_mb: int = Field(default=4096, ge=64)
    """Address-space cap of each process, in MiB (Qt maps much more virtual memory than it uses)."""
    cpu_seconds: int = Field(default=600, ge=1)
    """CPU seconds each process may use."""
    processes: int = Field(default=256, ge=8)
    """Processes and threads one run may have at once (a fork bomb stops there). Without a namespace, a user's
    limit counts all of that user's processes and is raised to 4096; root is capped only where a pids cgroup can
    be made."""
    file_mb: int = Field(default=2048, ge=1)
    """Largest file a program may write, and the size of its private /tmp and of its /dev/shm, in MiB."""
    run_memory_mb: int = Field(default=3072, ge=64)
    """Memory of one whole run in MiB: all its processes and the tmpfs pages they wrote, counted together
    (a memory cgroup: where AEGIS may make one, in practice as root)."""
    disk_mb: int = Field(default=2048, ge=1)
    """What the folders a program may write hold in all, in MiB; past it the run is stopped."""
    hide_home: bool = True
    """Under bubblewrap, hide the real home folder (all but the Python installation) from the program."""


class RunsConfig(Section):
    dir: Path = Path("runs")
    """Where run folders go."""
    retention_days: float = Field(default=7.0, ge=0)
    """Run folders older than this are removed when a build starts; 0 keeps everything."""


class ServeConfig(Section):
    """`aegis serve`: the local web app over the run folders."""

    host: str = "127.0.0.1"
    """Where to listen; any address but a loopback one needs the token printed at start."""
    port: int = Field(default=8765, ge=0, le=65535)
    """0 takes a free port (the printed URL says which)."""
    workers: int = Field(default=1, ge=1, le=16)
    """Builds run at once, each in a worker process that keeps its model loaded between builds."""
    max_queue: int = Field(default=100, ge=1)
    """Builds waiting at most; one more is refused."""
    max_task_chars: int = Field(default=500, ge=10)
    """The longest task sentence accepted."""
    models: list[str] = Field(default_factory=list)
    """Models a build may ask for, besides the default (`llm.model`) and the embedded one."""


class AegisConfig(Section):
    """All sections. Data written by older versions (a bench folder's bench.json) may use old section names."""

    llm: LLMConfig = LLMConfig()
    loop: LoopConfig = LoopConfig()
    probe: ProbeConfig = ProbeConfig()
    deps: DepsConfig = DepsConfig()
    package: PackageConfig = PackageConfig()
    runs: RunsConfig = RunsConfig()
    sandbox: SandboxConfig = SandboxConfig()
    serve: ServeConfig = ServeConfig()

    @model_validator(mode="before")
    @classmethod
    def _renamed_sections(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for old, new in RENAMED.items():
                if old in data:
                    data = {**{k: v for k, v in data.items() if k != old}, new: {**data[old], **data.get(new, {})}}
        return data


ENV_PREFIX = "AEGIS_"
SECTIONS = tuple(AegisConfig.model_fields)
EMBEDDED_DEFAULTS: Mapping[str, Mapping[str, Any]] = {"llm": {"candidates": 2}, "loop": {"max_rounds": 2}}
"""Defaults for the embedded model (`local`, `local:FILE`) where no flag, variable or file sets them: the same
4 programs at most as 1 x 4 rounds, but a failed program is followed first by a fresh sample of the same
prompt rather than a repair, which this 1.5B model rarely gets right. Measured on the easy set, seed 1:
10/16 in 1,312 s against 9/16 in 1,432 s (bench/results/2026-12-03-easy-n1x4-vs-n2x2.json)."""


Given = dict[str, dict[str, Any]]
"""What was set, `{section: {field: value}}`, before any default: the sources merged, or a build's own choices."""


def load_config(
    *,
    flags: Mapping[str, Mapping[str, Any]] | None = None,
    env: Mapping[str, str] | None = None,
    toml_path: Path | None = None,
) -> AegisConfig:
    """Merge the sources; flags are `{section: {field: value}}` with None meaning "not given"."""
    return resolve(gather(flags=flags, env=env, toml_path=toml_path))


def gather(
    *,
    flags: Mapping[str, Mapping[str, Any]] | None = None,
    env: Mapping[str, str] | None = None,
    toml_path: Path | None = None,
) -> Given:
    """What the sources set, merged (flags over the environment over the file), with no default filled in."""
    merged: Given = {name: {} for name in SECTIONS}
    for layer in (_from_toml(toml_path), _from_env(os.environ if env is None else env), flags or {}):
        for section, values in sorted(layer.items(), key=lambda item: item[0] not in RENAMED):  # new names win
            merged[RENAMED.get(section, section)].update({k: v for k, v in values.items() if v is not None})
    return merged


def resolve(given: Mapping[str, Mapping[str, Any]]) -> AegisConfig:
    """The configuration for what was set: the model's own defaults (EMBEDDED_DEFAULTS) and then everyone's
    fill the rest. A served build re-resolves with its model, so a hosted one never gets the embedded defaults."""
    merged = {name: dict(given.get(name, {})) for name in SECTIONS}
    if str(merged["llm"].get("model", LLMConfig().model)).partition(":")[0] == "local":
        for section, values in EMBEDDED_DEFAULTS.items():
            merged[section] = {**values, **merged[section]}
    try:
        return AegisConfig.model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"bad setting {where}: {first['msg']}") from None


def _from_toml(path: Path | None) -> Mapping[str, Mapping[str, Any]]:
    if path is None:
        path = Path("aegis.toml")
        if not path.exists():
            return {}
    try:
        data = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    _warn_renamed(path, data)
    unknown = sorted(set(data) - set(SECTIONS) - set(RENAMED))
    if unknown:
        raise ConfigError(f"{path}: unknown section [{unknown[0]}]; known: {', '.join(SECTIONS)}")
    for section, values in data.items():
        if not isinstance(values, dict):
            raise ConfigError(f"{path}: {section} must be a [{section}] table, not a single value")
    return data


def _from_env(env: Mapping[str, str]) -> Mapping[str, Mapping[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for key, value in env.items():
        if not key.startswith(ENV_PREFIX):
            continue
        section, _, field = key[len(ENV_PREFIX) :].lower().partition("_")
        if section in RENAMED:
            log.warning("%s is deprecated: use %s%s_%s", key, ENV_PREFIX, RENAMED[section].upper(), field.upper())
            section = RENAMED[section]
        model = AegisConfig.model_fields.get(section)
        if model is not None and model.annotation is not None and field in model.annotation.model_fields:
            found.setdefault(section, {})[field] = value
    return found


def _warn_renamed(path: Path, data: Mapping[str, Any]) -> None:
    for old, new in RENAMED.items():
        if old in data:
            log.warning("%s: the [%s] section is now [%s]; the old name still works", path, old, new)
