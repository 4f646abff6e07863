"""The list of areas that declare messages; ``all_codes`` imports them so a test sees every message."""

from __future__ import annotations

import importlib

AREAS = (
    "takeover_planner.texts.general",
    "takeover_planner.texts.usage",
    "takeover_planner.texts.booking",
    "takeover_planner.texts.catalog",
    "takeover_planner.texts.storage",
    "takeover_planner.texts.team",
    "takeover_planner.texts.access",
    "takeover_planner.texts.validation",
    "takeover_planner.texts.stories",
    "takeover_planner.texts.intake",
    "takeover_planner.texts.kit",
    "takeover_planner.texts.intake_folder",
    "takeover_planner.texts.media",
    "takeover_planner.texts.words",
    "takeover_planner.texts.export_words",
    "takeover_planner.texts.report",
    "takeover_planner.texts.brief",
    "takeover_planner.texts.documents",
    "takeover_planner.texts.instagram",
    "takeover_planner.texts.facebook",
    "takeover_planner.texts.publishing",
    "takeover_planner.texts.insights",
    "takeover_planner.texts.export",
    "takeover_planner.texts.attention",
    "takeover_planner.texts.reminders",
    "takeover_planner.texts.feeds",
    "takeover_planner.texts.cli",
    "takeover_planner.texts.cli_reports",
    "takeover_planner.texts.cli_publishing",
    "takeover_planner.texts.ui",
    "takeover_planner.texts.install",
    "takeover_planner.texts.audit",
)


def load_all() -> None:
    for name in AREAS:
        importlib.import_module(name)
