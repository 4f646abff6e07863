"""How the command line reports a failure: one line for a person, or one JSON object for a machine.

The words come from the failure's code and parameters, rendered in the language in force (``--language``, the
language setting, else the system's locale). A machine reads ``code``, ``params``, ``reason`` and ``details``,
which do not change when the wording does; ``error`` is the rendered text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import Any

from takeover_planner.cli.common import Cli, json_default
from takeover_planner.errors import EnvironmentProblem, EnvReason, TakeoverError, os_reason
from takeover_planner.texts import Text
from takeover_planner.texts.general import GeneralText


def emit_error(cli: Cli, message: Text, exit_code: int, *, details: Mapping[str, Any] | None = None,
               reason: EnvReason | None = None) -> None:
    """``message`` on stderr; with ``--json`` on stdout, one object with its code and the machine facts."""
    if not cli.json:
        print(f"takeover-planner: {message}", file=sys.stderr)
        return
    payload: dict[str, Any] = {"error": str(message), "exit_code": exit_code, **message.to_json()}
    if reason is not None:
        payload["reason"] = reason.value
    if details:
        payload["details"] = dict(details)
    print(json.dumps(payload, ensure_ascii=False, default=json_default))


def emit_refusal(cli: Cli, exc: TakeoverError) -> None:
    """A ``TakeoverError`` as the person or the script calling us should see it."""
    reason = exc.reason if isinstance(exc, EnvironmentProblem) else None
    emit_error(cli, exc.text, exc.exit_code, details=exc.details, reason=reason)


def os_error_text(exc: OSError) -> tuple[Text, EnvReason]:
    """What the file system's refusal means for the person: the common cases in our words, the rest in the
    operating system's (which we cannot translate) beside the path."""
    reason = os_reason(exc)
    path = exc.filename
    if reason == EnvReason.DISK_FULL:
        return Text(GeneralText.DISK_FULL), reason
    if reason == EnvReason.READ_ONLY and path:
        return Text(GeneralText.READ_ONLY, {"path": str(path)}), reason
    if reason == EnvReason.NO_PERMISSION and path:
        return Text(GeneralText.NO_PERMISSION, {"path": str(path)}), reason
    problem = exc.strerror or type(exc).__name__
    if path:
        return Text(GeneralText.FILE_SYSTEM, {"reason": problem, "path": str(path)}), reason
    return Text(GeneralText.FILE_SYSTEM_NO_PATH, {"reason": problem}), reason
