"""The run folder: everything one build did, written as it happens and finalized even on a crash.

runs/<YYYYmmdd_HHMMSS>_<slug>/
    program.log      the log, as on the console
    chat.md          every message sent to and received from the model
    events.jsonl     one line per step (llm call, verdict, repair, package)
    metadata.json    task, model, config, versions, final status
    spec.json        the features and checks the model wrote first (`loop.spec`)
    requirements.json  what the task asks for: each requirement passed, failed or unverified, and what was seen
    attempts/<n>/    app.py, verdict.json, the check's screenshots and output
    attempts/<n>/candidate-<k>/   the same for each candidate, when a round samples several (llm.candidates);
                     attempts/<n>/app.py and verdict.json are then the kept one's
    app/             the final app.py and its executable
"""

from __future__ import annotations

import json
import logging
import platform
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from aegis import __version__, paths
from aegis.errors import RunFolderError
from aegis.paths import replace_file, slugify
from aegis.run.redact import RedactingFilter, Redactor
from aegis.schema import Attempt, Completion, Message, RunResult, Task

LOGGER = "aegis"
log = logging.getLogger(LOGGER)
STATUSES = ("passed", "failed", "unverified")
RESERVE_BYTES = 16 * 1024
"""Disk space held back from the start, so the run can still be finalized when the disk fills up."""


class RunRecorder:
    def __init__(self, root: Path, task: Task, *, redact: Redactor, now: datetime | None = None) -> None:
        stamp = (now or datetime.now()).strftime("%Y%m%d_%H%M%S")
        self.slug = slugify(redact(task.task))  # masked before lowercasing: a lowercased key is no longer its value
        self.dir = unique_dir(root.resolve() / f"{stamp}_{self.slug}")
        self.task = task
        self.redact = redact
        self._started = time.monotonic()
        self._metadata: dict[str, Any] = {}
        self._last_messages: list[Message] = []
        self._reserve = self.dir / ".reserve"
        self._write(".reserve", "\0" * RESERVE_BYTES, mode="w")
        self._handler = logging.FileHandler(self.dir / "program.log", encoding="utf-8")
        self._handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        self._handler.addFilter(RedactingFilter(redact))
        logger = logging.getLogger(LOGGER)
        logger.setLevel(min(logger.getEffectiveLevel(), logging.INFO))
        logger.addHandler(self._handler)
        self._write("chat.md", f"# {task.task}\n\n", mode="w")

    @classmethod
    def open(cls, root: Path, task: Task, *, model: str, config: BaseModel) -> RunRecorder:
        """A new run folder under root, started (metadata.json); the folder is closed again if starting fails."""
        recorder = cls(root, task, redact=Redactor())
        try:
            recorder.start(model=model, config=config.model_dump(mode="json"))
        except BaseException:
            recorder.close()
            raise
        log.info("run folder: %s", recorder.dir)
        return recorder

    def start(self, *, model: str, config: dict[str, Any]) -> None:
        self._metadata = {
            "task": self.task.model_dump(),
            "model": model,
            "config": config,
            "versions": {"aegis": __version__, "python": sys.version.split()[0], "platform": platform.platform()},
            "started": datetime.now().isoformat(timespec="seconds"),
            "status": "running",
        }
        self._write_json("metadata.json", self._metadata)

    def event(self, name: str, /, **data: Any) -> None:
        record = {"t": round(time.monotonic() - self._started, 3), "event": name, **data}
        self._write("events.jsonl", json.dumps(record, default=str) + "\n")

    def chat(self, messages: list[Message], completion: Completion) -> None:
        """Append one exchange: only the messages the transcript does not have yet, then the answer."""
        lines = [f"## {m.role}\n\n{m.content}\n\n" for m in messages[self._chat_seen(messages) :]]
        usage = completion.usage
        lines.append(
            f"## assistant ({usage.prompt_tokens} prompt + {usage.completion_tokens} answer tokens, "
            f"{completion.seconds:.1f} s, finish: {completion.finish_reason})\n\n{completion.text}\n\n"
        )
        self._write("chat.md", "".join(lines))
        self._last_messages = [*messages, Message(role="assistant", content=completion.text)]

    def append_chat(self, markdown: str) -> None:
        """Append an already formatted part of the conversation (tools mode)."""
        self._write("chat.md", markdown)

    def attempt_dir(self, number: int) -> Path:
        path = paths.attempt_dir(self.dir, number)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def trial_dir(self, number: int, candidate: int = 0) -> Path:
        """Where a program ran: its round's folder, or a candidate's own (from 1) when the round sampled several."""
        if not candidate:
            return self.attempt_dir(number)
        path = paths.candidate_dir(self.dir, number, candidate)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def save_candidate(self, attempt: Attempt) -> None:
        """One candidate of a round that sampled several: its verdict beside its program (the trial wrote it)."""
        self._write_verdict(self.trial_dir(attempt.number, attempt.candidate), attempt)
        self.event(
            "candidate",
            attempt=attempt.number,
            candidate=attempt.candidate,
            status=attempt.verdict.status,
            problems=[p.message for p in attempt.verdict.failures],
        )

    def save_attempt(self, attempt: Attempt) -> None:
        folder = self.attempt_dir(attempt.number)
        self._write(str(paths.attempt_app(Path(), attempt.number)), attempt.code, mode="w")
        self._write_verdict(folder, attempt)
        self.event(
            "verdict",
            attempt=attempt.number,
            kind=attempt.kind,
            status=attempt.verdict.status,
            problems=[p.message for p in attempt.verdict.problems],
            folder=str(folder),
            candidate=attempt.candidate,
            sampled=attempt.sampled,
        )

    def _write_verdict(self, folder: Path, attempt: Attempt) -> None:
        self._write_json(str(folder.relative_to(self.dir) / "verdict.json"), attempt.verdict.model_dump())

    def finalize(self, result: RunResult) -> None:
        self._reserve.unlink(missing_ok=True)
        self._metadata.update(
            status=result.status,
            message=result.message,
            rounds=result.rounds,
            tokens=result.usage.model_dump(),
            seconds=round(result.seconds, 2),
            app=result.app_path,
            package=result.package.model_dump() if result.package else None,
            requirements={status: sum(r.status == status for r in result.requirements) for status in STATUSES},
            finished=datetime.now().isoformat(timespec="seconds"),
        )
        try:
            self._write_json("requirements.json", [r.model_dump() for r in result.requirements])
            self._write_json("metadata.json", self._metadata)
            self.event("finish", status=result.status, message=result.message)
        finally:
            self.close()

    def close(self) -> None:
        """Detach program.log from the logger (finalize does this; call it when start() fails)."""
        logging.getLogger(LOGGER).removeHandler(self._handler)
        self._reserve.unlink(missing_ok=True)
        try:
            self._handler.close()
        except OSError as exc:
            raise RunFolderError(f"cannot write {self.dir / 'program.log'}: {exc.strerror}") from None

    def _chat_seen(self, messages: list[Message]) -> int:
        seen = self._last_messages
        common = 0
        for old, new in zip(seen, messages, strict=False):
            if old != new:
                break
            common += 1
        if common < len(seen):
            self._write("chat.md", f"---\n\n*(a new request: the first {common} messages above, then:)*\n\n")
        return common

    def write_json(self, name: str, data: Any) -> None:
        """Write a file of the run folder as JSON, atomically (e.g. spec.json)."""
        self._write_json(name, data)

    def _write_json(self, name: str, data: Any) -> None:
        """Write a whole file atomically, so a full disk never leaves it empty."""
        self._write(name, json.dumps(data, indent=2, default=str) + "\n", mode="w")

    def _write(self, name: str, text: str, *, mode: str = "a") -> None:
        """Append, or ("w") replace the whole file: atomically, and without following a link the checked
        program may have left in its attempt folder."""
        try:
            if mode == "w":
                replace_file(self.dir / name, self.redact(text))
                return
            with (self.dir / name).open(mode, encoding="utf-8") as handle:
                handle.write(self.redact(text))
        except OSError as exc:
            raise RunFolderError(f"cannot write {self.dir / name}: {exc.strerror}") from None


def unique_dir(path: Path) -> Path:
    candidate, n = path, 1
    while True:
        try:
            candidate.mkdir(parents=True)
            return candidate
        except FileExistsError:
            n += 1
            candidate = path.with_name(f"{path.name}-{n}")
        except OSError as exc:
            raise RunFolderError(f"cannot create run folder {candidate}: {exc.strerror}") from None
