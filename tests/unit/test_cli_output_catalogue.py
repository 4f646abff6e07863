"""Every line the command line prints for a person comes from the coded catalogue (``texts/``), so it follows
``--language``. An English f-string or sentence written straight into a command module would print English to
someone who asked for Bokmål; this scan finds such lines before a person does.

What counts: an f-string whose text starts with a capitalised word (``f"Wrote {n} slots"``), and a plain
sentence (a capitalised word and a space) handed to ``print``, ``cli.out``, ``….append`` or assigned to
``human``. Log lines, argparse help and ``--json`` keys are neither. A line that is not human text may be listed
in ``EXEMPT`` with the reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import takeover_planner.cli as cli_package

CLI_DIR = Path(cli_package.__file__).parent
WORD = re.compile(r"[A-Z][a-z]")
# (module file name, the offending source as ast.unparse shows it) → why it is not human text.
EXEMPT: dict[tuple[str, str], str] = {}
SINKS = ("print", "cli.out")


def _sentence(value: object) -> bool:
    text = str(value).lstrip()
    return bool(WORD.match(text)) and " " in text


def _offences(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            if WORD.match(str(node.values[0].value).lstrip()):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Call) and node.args:
            name = ast.unparse(node.func)
            if name in SINKS or name.endswith(".append"):
                first = node.args[0]
                if isinstance(first, ast.Constant) and _sentence(first.value):
                    found.append((node.lineno, ast.unparse(first)))
        elif (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and _sentence(node.value.value)
              and any(isinstance(t, ast.Name) and t.id == "human" for t in node.targets)):
            found.append((node.lineno, ast.unparse(node.value)))
    return found


def test_the_scan_finds_english_written_into_a_command() -> None:
    sample = (
        'def f(cli, n, lines):\n'
        '    cli.out(f"Wrote {n} slots.")\n'
        '    print("Nothing is due.")\n'
        '    lines.append("The copy is fine.")\n'
        '    human = "Saved the profile."\n'
        '    cli.out(render(Code.X), {"key": n})\n'
        '    print(f"  {n}: {n}")\n'
    )
    assert sorted(line for line, _ in _offences(sample)) == [2, 3, 4, 5]


def test_no_command_module_prints_english_outside_the_catalogue() -> None:
    modules = sorted(CLI_DIR.glob("*.py"))
    assert len(modules) > 10  # the scan looks where the commands are
    offences = [f"{path.name}:{line}: {code}" for path in modules for line, code in _offences(path.read_text())
                if (path.name, code) not in EXEMPT]
    assert not offences, "put these in a texts/ area (e.g. texts/cli_reports.py):\n" + "\n".join(offences)
