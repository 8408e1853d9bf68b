"""Model backends, picked by a short spec string and imported lazily.

local                      the embedded model (xllamacpp, in-process)
local:/path/to/model.gguf  any GGUF file
openai:<model>             OpenAI (OPENAI_API_KEY)
gemini:<model>             Gemini's OpenAI-compatible endpoint (GEMINI_API_KEY)
ollama:<model>             a local Ollama server
scripted:<file>            replays canned replies from a file (demos, tests)
<any name> + --base-url    any OpenAI-compatible server (key from AEGIS_API_KEY or OPENAI_API_KEY)

local.py          the embedded model through xllamacpp, streamed
openai_client.py  what both OpenAI-compatible backends share: providers, keys, the SDK client, errors
openai_compat.py  chat completions through the official openai SDK, against any OpenAI-compatible server
openai_tools.py   the same with tool calls, for `--mode tools`
answer.py         an OpenAI-compatible server's answer checked: not UTF-8, not JSON, not an object -> one line
deadline.py       the httpx client under the SDK: each try has a total deadline, not only one per read
scripted.py       canned replies from a file
repetition.py     cuts an answer that loops on itself
modelstore.py     the embedded GGUF, assembled from pinned PyPI parts and checked against its sha256

May import the shared modules only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from aegis.config import LLMConfig
from aegis.errors import ConfigError
from aegis.protocols import LLM

if TYPE_CHECKING:
    from aegis.llm.openai_tools import OpenAIToolLLM

PROVIDERS = ("local", "openai", "gemini", "ollama", "scripted")


def is_local(model: str) -> bool:
    """The model spec names the embedded model or a GGUF (`local`, `local:FILE`), run in this process."""
    return model.partition(":")[0] == "local"


def make_llm(config: LLMConfig, *, progress: Callable[[int, float], None] | None = None) -> LLM:
    """Build the backend that `config.model` names. `progress(answer_tokens, seconds)`: told while an answer
    streams (the embedded model; hosted answers arrive whole)."""
    provider, _, name = config.model.partition(":")
    if is_local(config.model):
        from aegis.llm.local import LocalLLM

        return LocalLLM(config, gguf=name or None, progress=progress)
    if provider == "scripted":
        from aegis.llm.scripted import ScriptedLLM

        return ScriptedLLM.from_file(name)
    from aegis.llm.openai_client import connect, target

    if (server := target(config)) is not None:
        from aegis.llm.openai_compat import OpenAICompatLLM

        return OpenAICompatLLM(config, model=server[1], client=connect(config, server[0]))
    raise ConfigError(
        f"unknown model spec {config.model!r}; use one of {', '.join(p + ':' for p in PROVIDERS)} "
        "or pass --base-url for another OpenAI-compatible server"
    )


def make_tool_llm(config: LLMConfig) -> OpenAIToolLLM:
    """A backend that can call tools (`--mode tools`): OpenAI-compatible servers only."""
    from aegis.llm.openai_client import connect, target

    if (server := target(config)) is not None:
        from aegis.llm.openai_tools import OpenAIToolLLM

        return OpenAIToolLLM(config, model=server[1], client=connect(config, server[0]))
    raise ConfigError(
        f"--mode tools needs an OpenAI-compatible model (openai:, gemini:, ollama: or --base-url), not {config.model!r}"
    )
