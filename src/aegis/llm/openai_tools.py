"""Chat with tools through the official ``openai`` SDK: the ToolLLM of ``--mode tools``.

Same providers, keys, retries and error mapping as ``OpenAICompatLLM``; the answer is the assistant message
as a plain dict (``content`` and, when the model called tools, ``tool_calls``), ready to append to the
conversation and send back.
"""

from __future__ import annotations

from typing import Any, cast

import openai
from openai.types.chat import ChatCompletion, ChatCompletionMessageParam, ChatCompletionToolParam

from aegis.config import LLMConfig
from aegis.llm.answer import chat_completion
from aegis.llm.openai_client import mapped_errors
from aegis.schema import Usage


class OpenAIToolLLM:
    """Matches aegis.generate.tool_loop.ToolLLM; ``usage`` adds up the tokens of every answer."""

    def __init__(self, config: LLMConfig, *, model: str, client: openai.OpenAI) -> None:
        self.name = model
        self.usage = Usage()
        self._config = config
        self._client = client

    def chat(self, messages: list[dict[str, Any]], tools: list[dict[str, Any]]) -> dict[str, Any]:
        with mapped_errors(self.name, self._client):
            response = chat_completion(
                self._client,
                model=self.name,
                messages=cast(list[ChatCompletionMessageParam], messages),
                tools=cast(list[ChatCompletionToolParam], tools),
                max_tokens=self._config.max_tokens,
                temperature=self._config.temperature,
                seed=self._config.seed,
            )
        return self._message(response)

    def close(self) -> None:
        self._client.close()

    def _message(self, response: ChatCompletion) -> dict[str, Any]:
        if response.usage:
            self.usage += Usage(
                prompt_tokens=response.usage.prompt_tokens or 0, completion_tokens=response.usage.completion_tokens or 0
            )
        message = response.choices[0].message
        reply: dict[str, Any] = {"role": "assistant", "content": message.content}
        if message.tool_calls:
            reply["tool_calls"] = [call.model_dump(exclude_none=True) for call in message.tool_calls]
        return reply
