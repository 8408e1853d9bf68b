"""`local`: the embedded model, run in-process by llama.cpp through the `xllamacpp` package.

Answers are streamed so a runaway repetition can be cut off, in a worker thread so Ctrl-C still
reaches the main thread while llama.cpp is busy.
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


class LocalLLM:
    """Loads the GGUF on first use and keeps it loaded; llama.cpp reuses the cached prompt prefix."""

    def __init__(self, config: LLMConfig, *, gguf: str | None = None, fetch: Callable[[], Path] | None = None) -> None:
        self.name = f"local:{gguf}" if gguf else f"local ({EMBEDDED_NAME})"
        self._config = config
        self._gguf = Path(gguf) if gguf else None
        self._fetch = fetch or _fetch_embedded
        self._server: Any = None
        if self._gguf is not None:
            _check_gguf(self._gguf)

    def complete(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        server = self._load()
        request = {
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": max_tokens,
            "temperature": self._config.temperature,
            "seed": seed,
            "repeat_penalty": REPEAT_PENALTY,
            "stream": True,
        }
        stream = _Stream()
        started = time.monotonic()
        worker = threading.Thread(
            target=server.handle_chat_completions, args=(request, stream.on_chunk), daemon=True, name="aegis-llama"
        )
        worker.start()
        while worker.is_alive():
            worker.join(POLL_SECONDS)  # short waits keep Ctrl-C responsive
        return stream.completion(time.monotonic() - started, self.name)

    def close(self) -> None:
        self._server = None

    def _load(self) -> Any:
        if self._server is None:
            import xllamacpp

            params = xllamacpp.CommonParams()
            params.model.path = str(self._gguf or self._fetch())
            params.n_ctx = self._config.n_ctx
            params.n_parallel = 1
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
    """Collects streamed chunks; asks llama.cpp to stop (by returning True) when the answer loops."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.finish_reason = "stop"
        self.usage: dict[str, int] = {}
        self.error = ""
        self.guard = RepetitionGuard()

    def on_chunk(self, chunk: Any) -> bool:
        try:
            return self._take(chunk)
        except Exception as exc:  # boundary: llama.cpp swallows callback exceptions, so keep them here
            self.error = f"bad stream chunk: {exc}"
            return True

    def _take(self, chunk: dict[str, Any]) -> bool:
        if "error" in chunk:
            self.error = str(chunk["error"].get("message", chunk["error"]))
            return True
        timings = chunk.get("timings")
        if timings:
            self.usage = {
                "prompt_tokens": timings.get("prompt_n", 0) + timings.get("cache_n", 0),
                "completion_tokens": timings.get("predicted_n", 0),
            }
        for choice in chunk.get("choices", []):
            delta = (choice.get("delta") or {}).get("content") or ""
            self.parts.append(delta)
            self.finish_reason = choice.get("finish_reason") or self.finish_reason
            if delta and self.guard.feed(delta):
                self.finish_reason = "repetition"
                return True
        return False

    def completion(self, seconds: float, name: str) -> Completion:
        if self.error:
            raise LLMError(f"{name}: {self.error}")
        return Completion(
            text="".join(self.parts),
            finish_reason=self.finish_reason,
            usage=Usage(
                prompt_tokens=self.usage.get("prompt_tokens", 0),
                completion_tokens=self.usage.get("completion_tokens", len(self.parts)),
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
