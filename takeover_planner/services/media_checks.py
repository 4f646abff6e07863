"""Loose files (not in the media store): probe → judge against the story rules → fix → judge the result.

The command line's ``validate`` and ``fix`` and the contributor window work on plain files without a database;
this is the one place that strings the media layer's steps together for them. Assets already in the store are
fixed by ``media_service.fix_asset``, which also records the derivative.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from takeover_planner.media.fix import fix_file
from takeover_planner.media.fix_types import DEFAULT_FIX, FixedFile, FixOptions
from takeover_planner.media.model import Judgement
from takeover_planner.media.probe import probe_file
from takeover_planner.media.progress import CancelToken, ProgressCallback, no_progress
from takeover_planner.media.rules import RuleSet, load_rules
from takeover_planner.settings import Settings


def rules_in_force(path: str | os.PathLike[str] | None = None, settings: Settings | None = None) -> RuleSet:
    """``path``, else the "rules.path" setting, else the built-in story rules (cached by ``load_rules``)."""
    configured = settings.get("rules.path") if settings is not None else None
    return load_rules(path or configured or None)


def rules_for_channel(rules: RuleSet, channel: str) -> RuleSet:
    """The rules for a channel: ``instagram`` (``rules``), ``facebook`` (the Facebook Page story profile) or
    ``both`` (a cross-posted frame: every rule of either, the Page's own under ``facebook.<id>``)."""
    from takeover_planner.media.rule_profiles import for_channel

    return for_channel(rules, channel)


def judge_file(path: str | os.PathLike[str], rules: RuleSet | None = None) -> Judgement:
    """Probe a file (headers only) and judge it against ``rules`` (default: the built-in story rules)."""
    return (rules if rules is not None else load_rules(None)).judge(probe_file(path))


@dataclass
class FixOutcome:
    """A fixed file: what it was judged before, its parts (a long clip is split) and each part's new verdict."""

    source: Path
    judgement: Judgement
    parts: list[FixedFile] = field(default_factory=list)
    after: list[Judgement] = field(default_factory=list)

    @property
    def still_broken(self) -> bool:
        """A part still breaks a rule (the fix could not do everything)."""
        return any(j.verdict == "error" for j in self.after)


def fix_loose_file(path: str | os.PathLike[str], out_dir: Path, *, options: FixOptions = DEFAULT_FIX,
                   rules: RuleSet | None = None, judgement: Judgement | None = None,
                   progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> FixOutcome:
    """Write story-ready copies of ``path`` into ``out_dir`` (the original stays untouched) and judge them.

    ``judgement`` is the file's verdict when the caller already has it (saves a probe). ``FixRefused``
    propagates when the file cannot be fixed at all.
    """
    chosen = rules if rules is not None else load_rules(None)
    source = Path(path)
    before = judgement if judgement is not None else chosen.judge(probe_file(source))
    parts = fix_file(source, out_dir, before, options, progress, cancel)
    return FixOutcome(source, before, parts, [chosen.judge(probe_file(part.path)) for part in parts])
