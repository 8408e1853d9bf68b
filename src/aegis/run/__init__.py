"""The run folder: everything one build did, written as it happens, finalized whatever happens.

recorder.py    RunRecorder: program.log, chat.md, events.jsonl, metadata.json, attempts/<n>/
redact.py      secret masking for every file and log line
retention.py   removing run folders older than `runs.retention_days`
shield.py      Ctrl-C held back while a run folder is finalized

May import the shared modules (schema, errors, paths) and sandbox's list of secret names; nothing else.
"""
