"""Code that runs inside the child process next to the app under test (never imported by the core)."""
