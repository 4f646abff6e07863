"""Run the command line in a process that kills itself at a chosen ledger write, like a power cut would.

    python -m tests.fakes.crash_runner SPEC -- takeover-planner arguments…

SPEC is ``none`` (just count), ``before:N`` (die as the N-th ledger write starts: the call before it was
made, nothing recorded) or ``after:N`` (die right after the N-th write committed). Ledger writes are
``ensure_job``, ``claim``, ``record``/``finish`` and ``release``. The names of the writes made are printed to
stderr (one per line, ``ledger-write N NAME``) so the test can enumerate every crash point.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from takeover_planner.publishing import ledger as ledger_module

CRASH_EXIT = 86


def install(spec: str) -> None:
    phase, _, number = spec.partition(":")
    target = int(number) if number else -1
    counter = {"n": 0}

    def wrap(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            counter["n"] += 1
            n = counter["n"]
            label = name
            if name == "_write":
                step = args[1]
                label = f"write:{getattr(step, 'value', step) or 'new'}"
            print(f"ledger-write {n} {label}", file=sys.stderr, flush=True)
            if phase == "before" and n == target:
                os._exit(CRASH_EXIT)
            result = original(self, *args, **kwargs)
            if phase == "after" and n == target:
                os._exit(CRASH_EXIT)
            return result

        return wrapper

    cls = ledger_module.Ledger
    for name in ("ensure_job", "claim", "_write", "release"):
        setattr(cls, name, wrap(name, getattr(cls, name)))


def main() -> int:
    args = sys.argv[1:]
    spec = args[0]
    rest = args[args.index("--") + 1:]
    if spec != "none":
        install(spec)
    else:
        install("count:0")
    from takeover_planner.cli import main as cli_main

    return cli_main(rest)


if __name__ == "__main__":
    sys.exit(main())
