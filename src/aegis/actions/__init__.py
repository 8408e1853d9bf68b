"""The action API: what a model may do in its workspace, as named, validated, confined calls.

models     ActionCall, ActionResult, ActionError and one parameters model per action
policy     Policy: the workspace root, allowed programs, size and time caps; resolve() gates every path
registry   Registry: register, call (never raises), tool_definitions
defaults   default_registry: the file actions, run_command and finish
files      read_file, create_file, edit_file, list_files, get_symbols
edits      the exact search/replace behind edit_file, with errors that point at the right lines
terminal   run_command through the sandbox runner
"""

from aegis.actions.defaults import default_registry
from aegis.actions.models import ActionCall, ActionError, ActionResult
from aegis.actions.policy import Policy
from aegis.actions.registry import FINISH, Registry

__all__ = ["FINISH", "ActionCall", "ActionError", "ActionResult", "Policy", "Registry", "default_registry"]
