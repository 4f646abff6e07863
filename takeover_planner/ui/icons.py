"""Icons from ``takeover_planner/resources/icons`` (SVG, drawn for this app), loaded once each."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from takeover_planner.paths import resource


@cache
def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    if not path.is_file():
        raise FileNotFoundError(f"icon {name!r} is missing from {path.parent}")
    return QIcon(str(path))
