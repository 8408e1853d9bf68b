"""Benchmark: what N candidates a round cost on this machine, through the product's own path.

    .venv/bin/python bench/throughput.py [--n 1,2,4,8] [--tokens 600] [--gguf PATH] [--threads 2]

For each N, a fresh LocalLLM with `llm.candidates = N` (N parallel llama.cpp slots sharing one KV cache) gets
AEGIS's real generate prompt for a small app and writes N answers of up to --tokens tokens with one
`complete_many` call: llama.cpp reads the prompt once and writes the N answers side by side (continuous
batching). Per N: wall seconds, prompt and answer tokens, answer tokens/s in all, seconds per answer, and that
cost relative to N = 1. Everything is measured in one run (same load, same machine), so the ratios compare
like with like. Writes bench/results/<date>-throughput.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from datetime import date
from pathlib import Path
from typing import Any

from aegis.config import LLMConfig
from aegis.generate import prompts
from aegis.llm.local import LocalLLM
from aegis.llm.modelstore import EMBEDDED, default_cache_dir, ensure_model

ROOT = Path(__file__).resolve().parent.parent
TASK = "a stopwatch with start, stop and reset buttons and a lap list"


def measure(gguf: str, n: int, tokens: int, threads: int) -> dict[str, Any]:
    llm = LocalLLM(LLMConfig(model=f"local:{gguf}", candidates=n, candidates_together=True, threads=threads), gguf=gguf)
    messages = prompts.start(TASK)
    llm.complete(messages[:1], max_tokens=1, seed=0)  # load the model outside the timing
    started = time.monotonic()
    answers = llm.complete_many(messages, n=n, max_tokens=tokens, seed=7)
    seconds = time.monotonic() - started
    llm.close()
    written = sum(a.usage.completion_tokens for a in answers)
    return {
        "n": n,
        "answers": len(answers),
        "seconds": round(seconds, 1),
        "prompt_tokens": sum(a.usage.prompt_tokens for a in answers),
        "answer_tokens": written,
        "answer_tokens_per_s": round(written / seconds, 2),
        "seconds_per_answer": round(seconds / len(answers), 1),
        "distinct_answers": len({a.text for a in answers}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", default="1,2,4,8", help="candidate counts to measure, comma-separated")
    parser.add_argument("--tokens", type=int, default=600, help="answer tokens cap per candidate")
    parser.add_argument("--threads", type=int, default=2, help="llama.cpp CPU threads")
    parser.add_argument("--gguf", default=None, help="a GGUF file (default: the embedded model)")
    parser.add_argument("--out", type=Path, default=None, help="JSON output (default: bench/results/<date>-...)")
    args = parser.parse_args()
    gguf = args.gguf or str(ensure_model(EMBEDDED, default_cache_dir()))
    rows = []
    for n in (int(part) for part in args.n.split(",")):
        row = measure(gguf, n, args.tokens, args.threads)
        rows.append(row)
        print(json.dumps(row), flush=True)
    one = next((row["seconds_per_answer"] for row in rows if row["n"] == 1), None)
    for row in rows:
        row["answer_cost_vs_n1"] = round(row["seconds_per_answer"] / one, 2) if one else None
    out = args.out or ROOT / "bench" / "results" / f"{date.today():%Y-%m-%d}-throughput.json"
    result = {
        "date": f"{date.today()}",
        "machine": f"{platform.machine()}, {args.threads} threads",
        "gguf": Path(gguf).name,
        "task": TASK,
        "answer_tokens_cap": args.tokens,
        "rows": rows,
    }
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
