"""A build worker: a process of its own that takes queued builds one after another from the store.

    python -m aegis.serve.worker STORE     (the server's settings as JSON on stdin: keys never touch a disk)

It keeps each model it made, so the embedded model loads once per worker, not once per build. Signals from
the server: SIGUSR1 cancels the build in progress (its run folder is finalized as cancelled, the worker goes
on); SIGTERM stops the worker (the build in progress is finalized as interrupted). Each build runs as
`aegis build` would, into the configured runs folder, so the CLI and the page show the same folders.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from aegis.acceptance import checks_from_text
from aegis.config import AegisConfig, Given, resolve
from aegis.errors import AegisError, BuildCancelled
from aegis.protocols import LLM
from aegis.run.recorder import RunRecorder
from aegis.run.redact import RedactingFilter, Redactor
from aegis.schema import RunResult, Task
from aegis.serve.store import Build, BuildStatus, BuildStore

POLL_SECONDS = 0.3
log = logging.getLogger("aegis")


class Worker:
    def __init__(self, store: BuildStore, given: Given) -> None:
        self.store = store
        self.given = given
        """The server's settings before defaults: a build's model brings its own (config.resolve)."""
        self.llms: dict[str, LLM] = {}
        self.current: Build | None = None
        self.recorder: RunRecorder | None = None
        self.stopping = False
        self.signalled = False
        """The build in progress was already told to stop (a signal raises in a build once)."""
        self.redact = Redactor()

    def serve(self) -> None:
        signal.signal(signal.SIGUSR1, self._on_cancel)
        signal.signal(signal.SIGTERM, self._on_stop)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server, which stops the workers
        try:
            while not self.stopping:
                build = self.store.claim(os.getpid())
                if build is None:
                    time.sleep(POLL_SECONDS)
                else:
                    self.run(build)
        finally:
            for llm in self.llms.values():
                llm.close()

    def run(self, build: Build) -> None:
        """One build, to a final status in the store whatever happens."""
        status, message, rounds, seconds = self._outcome(build)
        self.store.finish(build.id, status, self.redact(message), rounds=rounds, seconds=seconds)

    def _outcome(self, build: Build) -> tuple[BuildStatus, str, int, float]:
        """The build run, as (status, message, rounds, seconds); a cancel or stop signal counts only in here."""
        self.signalled = False
        self.current = build
        try:
            if self.stopping:
                raise KeyboardInterrupt
            if (self.store.get(build.id) or build).cancel:  # asked before the handler could see it
                raise BuildCancelled
            result = self._build(build)
            return result.status, result.message, result.rounds, result.seconds
        except BuildCancelled:
            return "cancelled", "cancelled by the user", 0, 0
        except KeyboardInterrupt:
            return "interrupted", "interrupted: the server stopped", 0, 0
        except AegisError as exc:
            return "error", str(exc), 0, 0
        except Exception as exc:  # boundary: a bug in one build must not take the worker and its model down
            log.exception("build %s failed", build.id)
            return "error", f"internal error: {type(exc).__name__}: {exc} (the server's log has the traceback)", 0, 0
        finally:
            self.current = None
            self.recorder = None

    def _build(self, build: Build) -> RunResult:
        from aegis.generate.session import build_one

        config = self._config_for(build)
        checks = checks_from_text(build.checks) if build.checks else []
        raw = [check.model_dump(by_alias=True, exclude_none=True) for check in checks]
        task = Task(id=build.id, task=build.task, checks=raw, checks_from="file")
        return build_one(task, config, self._llm(config), on_open=self._opened)

    def _config_for(self, build: Build) -> AegisConfig:
        """The server's settings with the build's own choices, resolved as `aegis build` would resolve them."""
        given = {section: dict(values) for section, values in self.given.items()}
        given.setdefault("llm", {})["model"] = build.model
        if build.max_rounds is not None:
            given.setdefault("loop", {})["max_rounds"] = build.max_rounds
        if build.package is not None:
            given.setdefault("package", {})["enabled"] = build.package
        return resolve(given)

    def _llm(self, config: AegisConfig) -> LLM:
        """The build's model, made once per worker and kept (the embedded one stays loaded)."""
        if config.llm.model not in self.llms:
            from aegis.llm import make_llm

            self.llms[config.llm.model] = make_llm(config.llm, progress=self._progress)
        return self.llms[config.llm.model]

    def _opened(self, recorder: RunRecorder) -> None:
        self.recorder = recorder
        if self.current is not None:
            self.store.opened(self.current.id, recorder.dir)

    def _progress(self, tokens: int, seconds: float) -> None:
        if self.recorder is not None:
            self.recorder.event("answer", tokens=tokens, seconds=round(seconds, 1))

    def _on_cancel(self, signum: int, frame: FrameType | None) -> None:
        self._stop_build(BuildCancelled)

    def _on_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True
        self._stop_build(KeyboardInterrupt)

    def _stop_build(self, stop: type[BaseException]) -> None:
        """Raise `stop` in the build in progress, once: a later signal would cut into the finalizing of its run
        folder. Signals come more than once: the supervisor repeats a cancel until the build stops, and a server
        killed with `kill -9` sends its death signal once for each of its threads."""
        if self.current is not None and not self.signalled:  # between builds there is nothing to stop
            self.signalled = True
            raise stop


def main(argv: list[str]) -> int:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(f"worker {os.getpid()}: %(message)s"))
    handler.addFilter(RedactingFilter(Redactor()))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    Worker(BuildStore(Path(argv[0])), json.loads(sys.stdin.read())).serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
