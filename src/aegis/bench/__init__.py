"""`aegis bench`: build datasets of tasks with either pipeline, at any scale, resumably; and report.

models.py     BenchItem (one build to do), BenchRow (its result), BenchSettings
datasets.py   task datasets (JSON, with acceptance checks), read with file:line:col errors
plan.py       datasets + --filter/--slice/--runs -> items, with their seeds
work.py       run_item: build one item and judge its app (runs in any worker process)
executors.py  inline, local worker processes
lifeline.py   workers die with the bench (and take the build they run with them)
ray_executor.py  Ray tasks (extra 'cluster')
store.py      bench.json and results.jsonl (append-only, fsynced, resumable, one bench per folder)
summary.py    pass@1, pass@k, means and sums; the console table
prices.py     cost per model from data/prices.json, or the configured prices
html.py       the self-contained report.html
compare.py    `aegis report A B`
run.py        run_bench: the whole command, wired together
baselines/    other pipelines on the same loop (the seed's)

May import generate and everything below it; never cli.
"""
