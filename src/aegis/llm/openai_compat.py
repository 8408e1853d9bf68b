"""OpenAI-compatible chat backends through the official `openai` SDK (OpenAI, Gemini, Ollama, any server)."""

from __future__ import annotations

import time
from collections.abc import Sequence

import openai
from openai.types.chat import ChatCompletion

from aegis.config import LLMConfig
from aegis.llm.answer import chat_completion
from aegis.llm.openai_client import mapped_errors
from aegis.schema import Completion, Message, Usage


class OpenAICompatLLM:
    """Chat completions over HTTP; the SDK retries 429/5xx/timeouts/resets with backoff, never 401/403."""

    def __init__(self, config: LLMConfig, *, model: str, client: openai.OpenAI) -> None:
        self.name = model
        self._config = config
        self._client = client

    def complete(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        started = time.monotonic()
        with mapped_errors(self.name, self._client):
            response = chat_completion(
                self._client,
                model=self.name,
                messages=[{"role": m.role, "content": m.content} for m in messages],
                max_tokens=max_tokens,
                temperature=self._config.temperature,
                seed=seed,
            )
        return self._completion(response, time.monotonic() - started)

    def close(self) -> None:
        self._client.close()

    def _completion(self, response: ChatCompletion, seconds: float) -> Completion:
        choice = response.choices[0]
        usage = response.usage
        return Completion(
            text=choice.message.content or "",
            finish_reason=choice.finish_reason or "stop",
            usage=Usage(
                prompt_tokens=(usage.prompt_tokens or 0) if usage else 0,
                completion_tokens=(usage.completion_tokens or 0) if usage else 0,
            ),
            seconds=seconds,
            model=response.model or self.name,
        )
