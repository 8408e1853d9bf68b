"""A tiny random-weight llama GGUF that the real llama.cpp loads and chats with.

`write_tiny_gguf(path)` writes it in a few milliseconds (about 0.4 MB): 2 layers, n_embd 64, a byte-level
GPT-2 vocabulary plus ChatML special tokens, and a ChatML chat template. Every step of a chat completion
(load, template, tokenize, sample, detokenize, usage) is llama.cpp's own; only the weights are random.

How it behaves, on purpose:
- replies are printable ASCII gibberish and never end early: special tokens (end of turn included) and
  non-printable bytes are held down, so generation always runs to max_tokens (finish_reason "length");
- sampling with a seed is reproducible; temperature 0 repeats one character ("[[[[..."), a runaway
  repetition that repeat_penalty and frequency_penalty visibly break up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from gguf import GGUFWriter, LlamaFileType, TokenType

N_EMBD = 64
N_HEAD = 4
N_HEAD_KV = 2
N_FF = 128
N_LAYER = 2
N_CTX = 512
SPECIAL_TOKENS = ("<|endoftext|>", "<|im_start|>", "<|im_end|>")
MERGES = ("Ġ Ġ",)
CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def write_tiny_gguf(path: Path) -> Path:
    """Write the tiny model to `path` and return `path`."""
    tokens, types = vocabulary()
    writer = GGUFWriter(path, "llama")
    add_hyperparameters(writer, n_vocab=len(tokens))
    add_tokenizer(writer, tokens, types)
    for name, tensor in weights(n_vocab=len(tokens)).items():
        writer.add_tensor(name, tensor)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def gpt2_byte_symbols() -> list[str]:
    """GPT-2's byte-to-unicode mapping: the printable symbol standing for each byte 0..255."""
    printable = [
        *range(ord("!"), ord("~") + 1),
        *range(ord("¡"), ord("¬") + 1),
        *range(ord("®"), ord("ÿ") + 1),
    ]
    symbols: dict[int, str] = {b: chr(b) for b in printable}
    shifted = iter(range(256, 512))
    return [symbols.get(b) or chr(next(shifted)) for b in range(256)]


def vocabulary() -> tuple[list[str], list[int]]:
    """Byte tokens (id = byte value), the merged tokens, then the special tokens."""
    merged = [merge.replace(" ", "") for merge in MERGES]
    tokens = [*gpt2_byte_symbols(), *merged, *SPECIAL_TOKENS]
    normal = 256 + len(merged)
    types = [TokenType.NORMAL] * normal + [TokenType.CONTROL] * len(SPECIAL_TOKENS)
    return tokens, [int(t) for t in types]


def add_hyperparameters(writer: GGUFWriter, n_vocab: int) -> None:
    writer.add_name("aegis-tiny-test-model")
    writer.add_file_type(LlamaFileType.ALL_F32)
    writer.add_vocab_size(n_vocab)
    writer.add_context_length(N_CTX)
    writer.add_embedding_length(N_EMBD)
    writer.add_block_count(N_LAYER)
    writer.add_feed_forward_length(N_FF)
    writer.add_head_count(N_HEAD)
    writer.add_head_count_kv(N_HEAD_KV)
    writer.add_rope_dimension_count(N_EMBD // N_HEAD)
    writer.add_rope_freq_base(10000.0)
    writer.add_layer_norm_rms_eps(1e-5)


def add_tokenizer(writer: GGUFWriter, tokens: list[str], types: list[int]) -> None:
    special = {text: tokens.index(text) for text in SPECIAL_TOKENS}
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("default")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(list(MERGES))
    writer.add_bos_token_id(special["<|endoftext|>"])
    writer.add_eos_token_id(special["<|im_end|>"])
    writer.add_eot_token_id(special["<|im_end|>"])
    writer.add_pad_token_id(special["<|endoftext|>"])
    writer.add_add_bos_token(False)
    writer.add_chat_template(CHATML_TEMPLATE)


def weights(n_vocab: int) -> dict[str, np.ndarray]:
    """All tensors, numpy shapes being ggml's `ne` reversed: (out_features, in_features)."""
    rng = np.random.default_rng(0)

    def normal(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.02).astype(np.float32)

    tensors = {
        "token_embd.weight": with_bias_channel(normal(n_vocab, N_EMBD)),
        "output_norm.weight": np.ones(N_EMBD, dtype=np.float32),
        "output.weight": with_banned_tokens(normal(n_vocab, N_EMBD)),
    }
    for i in range(N_LAYER):
        tensors |= layer_weights(i, normal)
    return tensors


def layer_weights(i: int, normal: Callable[..., np.ndarray]) -> dict[str, np.ndarray]:
    """One block; its two residual writers leave the bias channel (dimension 0) untouched."""
    head_dim = N_EMBD // N_HEAD
    ones = np.ones(N_EMBD, dtype=np.float32)
    return {
        f"blk.{i}.attn_norm.weight": ones,
        f"blk.{i}.attn_q.weight": normal(N_HEAD * head_dim, N_EMBD),
        f"blk.{i}.attn_k.weight": normal(N_HEAD_KV * head_dim, N_EMBD),
        f"blk.{i}.attn_v.weight": normal(N_HEAD_KV * head_dim, N_EMBD),
        f"blk.{i}.attn_output.weight": without_bias_row(normal(N_EMBD, N_HEAD * head_dim)),
        f"blk.{i}.ffn_norm.weight": ones,
        f"blk.{i}.ffn_gate.weight": normal(N_FF, N_EMBD),
        f"blk.{i}.ffn_up.weight": normal(N_FF, N_EMBD),
        f"blk.{i}.ffn_down.weight": without_bias_row(normal(N_EMBD, N_FF)),
    }


def with_bias_channel(embeddings: np.ndarray) -> np.ndarray:
    """Every token embeds 1.0 in dimension 0, so the final hidden state always has a large positive x[0]."""
    embeddings[:, 0] = 1.0
    return embeddings


def without_bias_row(projection: np.ndarray) -> np.ndarray:
    projection[0, :] = 0.0
    return projection


def with_banned_tokens(unembedding: np.ndarray) -> np.ndarray:
    """A negative weight on the bias channel keeps special and non-printable tokens out of replies."""
    allowed = [*range(ord(" "), ord("~") + 1), ord("\n")]
    banned = np.setdiff1d(np.arange(unembedding.shape[0]), allowed)
    unembedding[banned, 0] = -1.0
    return unembedding
