"""Generation: from a task to a working program, round by round (the build loop).

session.py     build_one: config in, RunResult out; wires the parts below for the CLI and the bench
loop.py        BuildRun: acceptance checks -> rounds of ask -> try -> verdict -> package; Rules, Parts
ask.py         the Asker seam; TextAsker (whole-file answers, continuations); ask_for_code
tools_mode.py  ToolsAsker: the model edits app.py through the action API (`--mode tools`)
tool_loop.py   the tool-calling loop behind ToolsAsker
trial.py       the Trial seam: pre-check, dependencies, then the probe (PrecheckedTrial) or the probe alone
extract.py     the program out of a model answer (fences, several blocks, cut-off answers)
spec.py        the short spec with acceptance checks the model may write first (`--spec`)
prompts/       the Jinja templates and their renderer (a stable prefix, so llama.cpp reuses its cache), with
               the recipes (data/recipes.json) and repair hints (data/repair_hints.json) they draw on

May import every stage below it (precheck, verdict, acceptance, deps, package, llm, actions, run, sandbox)
and the shared modules; never bench or cli.
"""
