"""Guardrail: the layer contract of takeover_planner, read from the source with ``ast``.

1. Qt: nothing outside takeover_planner/ui/ imports PySide6, without exception (PDFs are made with Typst).

2. The direction of imports between the project's packages (every import counts: module level, inside a
   function, and under ``if TYPE_CHECKING:`` — a type named upward is still a dependency upward):

   - base: ``texts`` imports nothing of the project; ``errors`` only ``texts``; ``domain`` only ``texts`` and
     ``errors``; ``paths``, ``settings``, ``fileio``, ``logging_setup`` and the package's ``__init__`` only
     each other and those. Anyone may import the base.
   - core: ``storage``, ``media``, ``intake``, ``publishing``, ``instagram``, ``insights``, ``exporting`` import
     the base and each other, never ``services``, ``ui`` or ``cli``.
   - ``services`` imports the base, the core and itself, never ``ui`` or ``cli``.
   - ``ui`` and ``cli`` are the front ends: they import the base and ``services``. From the core they may import
     only the plain data types the services take and return (``DATA_TYPES``, by name: a class, enum or
     constant, never a function), so that behaviour is always reached through a service. The few imports of
     core behaviour that are still to be moved into services are listed one by one in ``KNOWN_DEBTS``; the
     list may only shrink (an entry that no longer occurs fails too, so it is removed when it is paid).
   - ``ui`` and ``cli`` do not import each other, except ``cli/gui_command.py`` starting the window
     (``ALLOWED_FRONT_END_EDGES``); ``__main__`` runs ``cli``.

Run: ``python tests/check_layering.py`` (exit 1 and one line per violation, with file:line);
``tests/unit/test_layering.py`` runs the same checks under pytest.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "takeover_planner"
PACKAGE = "takeover_planner"

BASE = {"texts", "errors", "domain", "paths", "settings", "fileio", "logging_setup", "__init__"}
CORE = {"storage", "media", "intake", "publishing", "instagram", "insights", "exporting"}
FRONT_ENDS = {"ui", "cli", "__main__"}

# What each layer may import besides itself (a top-level module counts as its own "layer" by its name).
ALLOWED: dict[str, set[str]] = {
    "texts": set(),
    "errors": {"texts"},
    "domain": {"texts", "errors"},
    **{name: BASE - {"domain"} for name in ("paths", "settings", "fileio", "logging_setup", "__init__")},
    **{name: BASE | CORE for name in CORE},
    "services": BASE | CORE,
    "ui": BASE | {"services"},
    "cli": BASE | {"services"},
    "__main__": BASE | {"cli"},
}

# Edges between the front ends that are part of the design: `takeover-planner gui` starts the window.
ALLOWED_FRONT_END_EDGES = {("cli/gui_command.py", "takeover_planner.ui.app")}

# Plain data types (classes, enums, constants) of the core that services take or return; ui and cli may
# name them. Functions are never listed here: behaviour goes through a service.
DATA_TYPES: dict[str, set[str]] = {
    "takeover_planner.intake.manifest": {"BriefManifest", "SubmissionManifest"},
    "takeover_planner.intake.submission": {"DraftConsent", "DraftFrame", "SubmissionDraft"},
    "takeover_planner.media.model": {"Judgement", "Finding", "MediaInfo"},
    "takeover_planner.media.fix_types": {"FixOptions", "FixRefused", "FixedFile", "FitMode"},
    "takeover_planner.media.geometry": {"Focus"},
    "takeover_planner.media.progress": {"ProgressCallback", "CancelToken"},
    "takeover_planner.media.rules": {"RuleSet"},
    "takeover_planner.instagram.graph_hosts": {"GRAPH_HOSTS"},
    "takeover_planner.insights.report": {"TakeoverReport", "FrameRow", "GroupFigures"},
    "takeover_planner.insights.trend": {"GoalState", "GoalProgress", "DailyPoint", "Trend"},
    "takeover_planner.insights.schedule": {"Collection", "HAS_NUMBERS"},
    "takeover_planner.publishing.publisher": {"OutcomeKind", "PublishOutcome", "FrameToPublish"},
    "takeover_planner.publishing.queue": {"RunReport"},
    "takeover_planner.publishing.handoff": {"PackResult"},
    "takeover_planner.storage.copy": {"CopyReport"},
    "takeover_planner.storage.migrate": {"SchemaStatus"},
}

# Front-end imports of core behaviour still to be moved into services: (file, module) -> why it is still here.
KNOWN_DEBTS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Import:
    line: int
    module: str  # absolute dotted name
    names: tuple[str, ...]  # for "from module import a, b"; empty for "import module"


def imports_of(path: Path, root: Path = ROOT) -> Iterator[Import]:
    """Every import in the file, wherever it stands (function bodies and TYPE_CHECKING blocks included)."""
    rel = path.relative_to(root.parent)
    package = list(rel.parts[:-1])
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(node.lineno, alias.name, ())
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names = tuple(alias.name for alias in node.names)
            if module == PACKAGE:  # "from takeover_planner import x": x is a submodule or a name in __init__
                for name in names:
                    submodule = f"{PACKAGE}.{name}"
                    known = (root / name).is_dir() or (root / f"{name}.py").is_file()
                    yield Import(node.lineno, submodule if known else PACKAGE, () if known else (name,))
            else:
                yield Import(node.lineno, module, names)


def layer_of_file(rel: Path) -> str:
    """``rel`` is relative to takeover_planner/: a package's name, or a top-level module's stem."""
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def layer_of_module(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def qt_report(root: Path = ROOT) -> list[str]:
    """One line per PySide6 import outside takeover_planner/ui/."""
    bad: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent)
        if rel.parts[1] == "ui":
            continue
        lines = [imp.line for imp in imports_of(path, root) if imp.module.split(".")[0] == "PySide6"]
        bad.extend(f"{rel}:{line}: PySide6 imported outside takeover_planner/ui/" for line in lines)
    return bad


def layering_report(root: Path = ROOT, debts: dict[tuple[str, str], str] = KNOWN_DEBTS) -> list[str]:
    """One line per import against the contract, plus one per stale entry of ``debts``."""
    bad: list[str] = []
    debts_seen: set[tuple[str, str]] = set()
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        source = layer_of_file(rel)
        if source not in ALLOWED:
            bad.append(f"{PACKAGE}/{rel}:1: package {source!r} has no place in the layering (add it to ALLOWED)")
            continue
        for imp in imports_of(path, root):
            target = layer_of_module(imp.module)
            if target is None or target == source or target in ALLOWED[source]:
                continue
            key = (rel.as_posix(), imp.module)
            if source in FRONT_ENDS and target in CORE:
                extra = set(imp.names) - DATA_TYPES.get(imp.module, set())
                if not imp.names or extra:
                    if key in debts:
                        debts_seen.add(key)
                        continue
                    what = ", ".join(sorted(extra)) if imp.names else "the module"
                    bad.append(f"{PACKAGE}/{rel}:{imp.line}: {source} imports {what} from {imp.module}; "
                               "reach core behaviour through a service (or list a plain data type in DATA_TYPES)")
                continue
            if key in ALLOWED_FRONT_END_EDGES:
                continue
            bad.append(f"{PACKAGE}/{rel}:{imp.line}: {source} must not import {target} ({imp.module})")
    for key in sorted(debts.keys() - debts_seen):
        bad.append(f"tests/check_layering.py: KNOWN_DEBTS lists {key[0]} → {key[1]}, which no longer occurs: "
                   "remove the entry")
    return bad


def main() -> int:
    bad = qt_report() + layering_report()
    if bad:
        print("Layer contract broken:\n  " + "\n  ".join(bad))
        return 1
    print(f"ok: no PySide6 outside takeover_planner/ui/; imports follow the layers "
          f"({len(KNOWN_DEBTS)} known debt(s) left)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
