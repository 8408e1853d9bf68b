"""Wire the parts together for one build: config in, RunResult out. The CLI and the bench both use this."""

from __future__ import annotations

import logging
from pathlib import Path

from aegis.config import AegisConfig
from aegis.generate.loop import Builder
from aegis.generate.tools_mode import ToolsAsker
from aegis.llm import make_tool_llm
from aegis.package.packager import PyInstallerPackager
from aegis.protocols import LLM
from aegis.run.recorder import RunRecorder
from aegis.run.redact import Redactor
from aegis.run.retention import prune_runs
from aegis.sandbox.isolation import make_runner
from aegis.schema import RunResult, Task
from aegis.verdict.headless import HeadlessProber

log = logging.getLogger("aegis")


def prune(config: AegisConfig) -> list[Path]:
    removed = prune_runs(config.runs.dir, days=config.runs.retention_days)
    if removed:
        log.info("removed %d run folder(s) older than %g days", len(removed), config.runs.retention_days)
    return removed


def build_one(task: Task, config: AegisConfig, llm: LLM, *, runs_dir: Path | None = None) -> RunResult:
    """Build one task into a fresh run folder under `runs_dir` (default: the configured runs dir)."""
    recorder = RunRecorder(runs_dir or config.runs.dir, task, redact=Redactor())
    try:
        recorder.start(model=llm.name, config=config.model_dump(mode="json"))
    except BaseException:
        recorder.close()
        raise
    log.info("run folder: %s", recorder.dir)
    runner = make_runner(config.sandbox)
    packager = PyInstallerPackager(runner, config.package, probe=config.probe) if config.package.enabled else None
    tool_llm = make_tool_llm(config.llm) if config.loop.mode == "tools" else None
    tools = ToolsAsker(tool_llm, runner, recorder.dir / "workspace") if tool_llm else None
    try:
        return Builder(llm, HeadlessProber(runner, config.probe), packager, config, tools).build(task, recorder)
    finally:
        if tool_llm is not None:
            tool_llm.close()
