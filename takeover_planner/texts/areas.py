"""The list of areas that declare messages; ``all_codes`` imports them so a test sees every message."""

from __future__ import annotations

import importlib

AREAS = (
    "takeover_planner.texts.general",
)


def load_all() -> None:
    for name in AREAS:
        importlib.import_module(name)
