"""`local`: the embedded model, run in-process by llama.cpp through the `xllamacpp` package.

Answers are streamed so a runaway repetition can be cut off, in a worker thread so Ctrl-C still
reaches the main thread while llama.cpp is busy. Several answers to one prompt (`complete_many`): the first
as `complete` writes it, the rest from one more request that reuses the cached prompt, written side by side
in parallel slots sharing one KV cache (continuous batching). On 2 CPU cores that batching saves nothing
(bench/results/2026-12-03-throughput.json: ~21 answer tokens/s for 1, 2, 4 or 8 at once); on a GPU or
more cores it does.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aegis.config import LLMConfig
from aegis.errors import ConfigError, LLMError
from aegis.llm.repetition import RepetitionGuard
from aegis.schema import Completion, Message, Usage

EMBEDDED_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
REPEAT_PENALTY = 1.05
"""Mild: code repeats itself legitimately, but a 1.5B model can loop on one line forever."""
POLL_SECONDS = 0.2
PROGRESS_SECONDS = 1.0
Progress = Callable[[int, float], None]


class LocalLLM:
    """Loads the GGUF on first use and keeps it loaded; llama.cpp reuses the cached prompt prefix."""

    def __init__(
        self,
        config: LLMConfig,
        *,
        gguf: str | None = None,
        fetch: Callable[[], Path] | None = None,
        progress: Progress | None = None,
    ) -> None:
        """`progress(answer_chunks, seconds)`: called as an answer streams, at most every PROGRESS_SECONDS."""
        self.progress = progress
        self.name = f"local:{gguf}" if gguf else f"local ({EMBEDDED_NAME})"
        self._config = config
        self._gguf = Path(gguf) if gguf else None
        self._fetch = fetch or _fetch_embedded
        self._server: Any = None
        self._slots = config.candidates if config.candidates_together else 1
        """Parallel llama.cpp slots, each with room for a whole context: one, unless the round's candidates are
        asked for together (`sample` reuses the one slot's cached prompt)."""
        if self._gguf is not None:
            _check_gguf(self._gguf)

    def complete(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        return self.complete_many(messages, n=1, max_tokens=max_tokens, seed=seed)[0]

    def sample(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        temperature = self._config.sample_temperature
        return self._request(messages, n=1, temperature=temperature, max_tokens=max_tokens, seed=seed)[0]

    def complete_many(self, messages: Sequence[Message], *, n: int, max_tokens: int, seed: int) -> list[Completion]:
        """`n` answers (at most the slots: `llm.candidates` with `llm.candidates_together`, else 1): the first
        exactly as `complete` gives it, the others sampled at `sample_temperature` so they differ, in one more
        request that reuses the cached prompt and writes them side by side in parallel slots. A looping answer is
        cut on its own."""
        n = max(1, min(n, self._slots))
        first = self._request(messages, n=1, temperature=self._config.temperature, max_tokens=max_tokens, seed=seed)
        if n == 1:
            return first
        sampled = self._config.sample_temperature
        return first + self._request(messages, n=n - 1, temperature=sampled, max_tokens=max_tokens, seed=seed + 1)

    def _request(
        self, messages: Sequence[Message], *, n: int, temperature: float, max_tokens: int, seed: int
    ) -> list[Completion]:
        server = self._load()
        request: dict[str, Any] = {
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": max_tokens,
            "temperature": temperature,
            "seed": seed,
            "repeat_penalty": REPEAT_PENALTY,
            "stream": True,
        }
        if n > 1:
            request["n_cmpl"] = n
        stream = _Stream(n)
        started = time.monotonic()
        worker = threading.Thread(
            target=server.handle_chat_completions, args=(request, stream.on_chunk), daemon=True, name="aegis-llama"
        )
        worker.start()
        try:
            self._wait(worker, stream, started)
        except BaseException:  # Ctrl-C or a cancelled build: llama.cpp stops at its next chunk, not at max_tokens
            stream.stopped = True
            raise
        return stream.completions(time.monotonic() - started, self.name)

    def _wait(self, worker: threading.Thread, stream: _Stream, started: float) -> None:
        """Short waits keep Ctrl-C (and a cancel) responsive; progress is told between them."""
        told = started
        while worker.is_alive():
            worker.join(POLL_SECONDS)
            now = time.monotonic()
            if self.progress is not None and now - told >= PROGRESS_SECONDS:
                told = now
                self.progress(stream.chunks, now - started)

    def close(self) -> None:
        self._server = None

    def _load(self) -> Any:
        if self._server is None:
            import xllamacpp

            params = xllamacpp.CommonParams()
            params.model.path = str(self._gguf or self._fetch())
            params.n_ctx = self._config.n_ctx * self._slots  # the slots share one cache, each may fill n_ctx
            params.n_parallel = self._slots
            params.kv_unified = True
            params.cpuparams.n_threads = self._config.threads
            params.cpuparams_batch.n_threads = self._config.threads
            params.warmup = False
            params.verbosity = 0
            try:
                self._server = xllamacpp.Server(params)
            except (RuntimeError, ValueError) as exc:
                raise LLMError(f"{self.name}: llama.cpp cannot load the model: {exc}") from None
        return self._server


class _Stream:
    """Collects streamed chunks, answer by answer (a chunk's choice index); a looping answer is cut, and
    llama.cpp is asked to stop (by returning True) once every answer is finished or cut."""

    def __init__(self, n: int) -> None:
        self.answers = [_Answer() for _ in range(n)]
        self.error = ""
        self.chunks = 0
        """Chunks streamed so far (about one token each)."""
        self.stopped = False
        """Nobody waits for the answer any more: llama.cpp is told to stop."""

    def on_chunk(self, chunk: Any) -> bool:
        if self.stopped:
            return True
        self.chunks += 1
        try:
            return self._take(chunk)
        except Exception as exc:  # boundary: llama.cpp swallows callback exceptions, so keep them here
            self.error = f"bad stream chunk: {exc}"
            return True

    def _take(self, chunk: dict[str, Any]) -> bool:
        if "error" in chunk:
            self.error = str(chunk["error"].get("message", chunk["error"]))
            return True
        choices = chunk.get("choices", [])
        for choice in choices:
            index = choice.get("index") or 0
            if 0 <= index < len(self.answers):
                self.answers[index].take(choice, chunk.get("timings") if len(choices) == 1 else None)
        looping = any(answer.finish_reason == "repetition" for answer in self.answers)
        return looping and all(answer.done for answer in self.answers)  # else the last chunks bring the timings

    def completions(self, seconds: float, name: str) -> list[Completion]:
        """In answer order; the prompt was read once, so its tokens count once (on the first answer)."""
        if self.error:
            raise LLMError(f"{name}: {self.error}")
        prompt_tokens = max(answer.prompt_tokens for answer in self.answers)
        return [
            answer.completion(seconds, name, prompt_tokens=prompt_tokens if index == 0 else 0)
            for index, answer in enumerate(self.answers)
        ]


class _Answer:
    """One answer's text, finish reason and token counts, and the guard that cuts it when it loops."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.finish_reason = "stop"
        self.done = False
        self.prompt_tokens = 0
        self.completion_tokens: int | None = None
        self.guard = RepetitionGuard()

    def take(self, choice: dict[str, Any], timings: dict[str, Any] | None) -> None:
        if timings:
            self.prompt_tokens = timings.get("prompt_n", 0) + timings.get("cache_n", 0)
            self.completion_tokens = timings.get("predicted_n", 0)
        if self.done:
            return
        delta = (choice.get("delta") or {}).get("content") or ""
        self.parts.append(delta)
        if reason := choice.get("finish_reason"):
            self.finish_reason, self.done = reason, True
        elif delta and self.guard.feed(delta):
            self.finish_reason, self.done = "repetition", True

    def completion(self, seconds: float, name: str, *, prompt_tokens: int) -> Completion:
        return Completion(
            text="".join(self.parts),
            finish_reason=self.finish_reason,
            usage=Usage(
                prompt_tokens=prompt_tokens,
                completion_tokens=self.completion_tokens if self.completion_tokens is not None else len(self.parts),
            ),
            seconds=seconds,
            model=name,
        )


def _check_gguf(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise ConfigError(f"local:{path}: cannot read: {exc.strerror}") from None
    if magic != b"GGUF":
        raise ConfigError(f"local:{path}: not a GGUF file")


def _fetch_embedded() -> Path:
    from aegis.llm.modelstore import EMBEDDED, default_cache_dir, ensure_model

    return ensure_model(EMBEDDED, default_cache_dir())
