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
        return self._request(messages, n=1, max_tokens=max_tokens, seed=seed, temperature=self._config.temperature)[0]

    def complete_many(self, messages: Sequence[Message], *, n: int, max_tokens: int, seed: int) -> list[Completion]:
        """The first answer exactly as `complete` gives it; the others at `sample_temperature`, from one request
        with the API's `n`. A server that ignores `n` (Ollama, some proxies) answers once, and the rest come from
        further requests, one at a time, each with its own seed."""
        completions = [self.complete(messages, max_tokens=max_tokens, seed=seed)]
        sampled = self._config.sample_temperature
        while len(completions) < n:
            more = seed + len(completions)
            wanted = n - len(completions) if len(completions) == 1 else 1
            completions += self._request(messages, n=wanted, max_tokens=max_tokens, seed=more, temperature=sampled)
        return completions[:n]

    def sample(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        temperature = self._config.sample_temperature
        return self._request(messages, n=1, max_tokens=max_tokens, seed=seed, temperature=temperature)[0]

    def close(self) -> None:
        self._client.close()

    def _request(
        self, messages: Sequence[Message], *, n: int, max_tokens: int, seed: int, temperature: float
    ) -> list[Completion]:
        started = time.monotonic()
        extra = {"n": n} if n > 1 else {}
        with mapped_errors(self.name, self._client):
            response = chat_completion(
                self._client,
                model=self.name,
                messages=[{"role": m.role, "content": m.content} for m in messages],
                max_tokens=max_tokens,
                temperature=temperature,
                seed=seed,
                **extra,
            )
        return self._completions(response, time.monotonic() - started)

    def _completions(self, response: ChatCompletion, seconds: float) -> list[Completion]:
        """One a choice; the usage (the whole request's) is counted on the first."""
        usage = response.usage
        prompt = (usage.prompt_tokens or 0) if usage else 0
        written = (usage.completion_tokens or 0) if usage else 0
        return [
            Completion(
                text=choice.message.content or "",
                finish_reason=choice.finish_reason or "stop",
                usage=Usage(prompt_tokens=prompt, completion_tokens=written) if index == 0 else Usage(),
                seconds=seconds,
                model=response.model or self.name,
            )
            for index, choice in enumerate(response.choices)
        ]
