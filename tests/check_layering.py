"""Guardrail: nothing outside takeover_planner/ui/ imports PySide6.

A module may be a deliberate adapter only if its first docstring line says "Qt adapter" and why;
those are listed so that the exception is visible.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "takeover_planner"


def qt_imports(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "PySide6" for a in node.names) or isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "PySide6":
            lines.append(node.lineno)
    return lines


def main() -> int:
    bad, adapters = [], []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent)
        if rel.parts[1] == "ui":
            continue
        lines = qt_imports(path)
        if not lines:
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        first_line = doc.splitlines()[0] if doc else ""
        if "Qt adapter" in first_line:
            adapters.append(str(rel))
        else:
            bad.append(f"{rel}: lines {lines}")
    for a in adapters:
        print(f"allowed Qt adapter: {a}")
    if bad:
        print("PySide6 imported outside takeover_planner/ui/:\n  " + "\n  ".join(bad))
        return 1
    print("ok: no PySide6 outside takeover_planner/ui/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
