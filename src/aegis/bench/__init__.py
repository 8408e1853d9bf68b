"""`aegis bench`: build datasets of tasks with either pipeline, at any scale, resumably; and report.

models.py     BenchItem (one build to do), BenchRow (its result), BenchSettings
plan.py       datasets + --filter/--slice/--runs -> items, with their seeds
work.py       run_item: build one item and judge its app (runs in any worker process)
executors.py  inline, local worker processes; ray_executor.py: Ray tasks
store.py      bench.json and results.jsonl (append-only, fsynced, resumable)
summary.py    pass@1, pass@k, means and sums; the console table
html.py       the self-contained report.html
compare.py    `aegis report A B`
run.py        run_bench: the whole command, wired together
"""
