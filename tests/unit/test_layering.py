"""The layer contract (tests/check_layering.py) holds for the real package, and the check does catch breaches."""

from __future__ import annotations

from pathlib import Path

from tests.check_layering import layering_report, qt_report


def test_the_package_follows_the_layer_contract() -> None:
    qt_bad = qt_report()
    bad = qt_bad + layering_report()
    assert not bad, "\n".join(bad)


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "takeover_planner"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_upward_imports_are_caught_wherever_they_stand(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "services/__init__.py": "",
        "services/booking.py": "",
        "storage/__init__.py": "",
        "storage/lazy.py": "def f():\n    from takeover_planner.services import booking\n",
        "storage/typed.py": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                             "    from takeover_planner.services.booking import X\n"),
        "storage/relative.py": "from ..services import booking\n",
        "texts/__init__.py": "from takeover_planner import errors\n",
        "errors.py": "from takeover_planner.texts import x\n",
    })
    bad = layering_report(root, debts={})
    assert sorted(line.split(": ")[0] for line in bad) == [
        "takeover_planner/storage/lazy.py:2",
        "takeover_planner/storage/relative.py:1",
        "takeover_planner/storage/typed.py:3",
        "takeover_planner/texts/__init__.py:1",
    ]


def test_front_ends_reach_core_behaviour_only_through_services(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "ui/__init__.py": "",
        "ui/app.py": "",
        "ui/window.py": ("from takeover_planner.media.fix_types import FixOptions\n"
                         "from takeover_planner.media.fix import fix_file\n"
                         "from takeover_planner.services import media_checks\n"
                         "from takeover_planner.cli import common\n"),
        "cli/__init__.py": "",
        "cli/gui_command.py": "from takeover_planner.ui.app import run\n",
        "cli/other.py": "import takeover_planner.ui.app\nimport takeover_planner.storage.migrate\n",
    })
    debts = {("cli/other.py", "takeover_planner.storage.migrate"): "a test debt",
             ("cli/paid.py", "takeover_planner.media.probe"): "no longer there"}
    bad = layering_report(root, debts=debts)
    assert sorted(line.split(": ")[0] for line in bad) == [
        "takeover_planner/cli/other.py:1",
        "takeover_planner/ui/window.py:2",
        "takeover_planner/ui/window.py:4",
        "tests/check_layering.py",
    ]
    assert any("cli/paid.py" in line for line in bad)  # a paid debt must leave the list


def test_qt_outside_ui_is_caught(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "media/__init__.py": "",
        "media/paint.py": "def f():\n    from PySide6.QtGui import QImage\n",
        "exporting/__init__.py": "",
        "exporting/pdf_qt.py": '"""Qt adapter: paints PDFs."""\nfrom PySide6.QtGui import QPdfWriter\n',
        "ui/__init__.py": "",
        "ui/window.py": "from PySide6.QtWidgets import QWidget\n",
    })
    # No exceptions any more: a docstring calling itself an adapter does not make Qt allowed.
    assert [line.split(": ")[0] for line in qt_report(root)] == [
        "takeover_planner/exporting/pdf_qt.py:2", "takeover_planner/media/paint.py:2"]
