"""Loose files (not in the media store): probe → judge against the story rules → fix → judge the result.

The command line's ``validate`` and ``fix`` and the contributor window work on plain files without a database;
this is the one place that strings the media layer's steps together for them. Assets already in the store are
fixed by ``media_service.fix_asset``, which also records the derivative.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from takeover_planner.media.fix import fix_file
from takeover_planner.media.fix_types import DEFAULT_FIX, FixedFile, FixOptions
from takeover_planner.media.model import Finding, Judgement, MediaInfo
from takeover_planner.media.probe import probe_file
from takeover_planner.media.progress import CancelToken, ProgressCallback, no_progress
from takeover_planner.media.rules import RuleSet, load_rules
from takeover_planner.settings import Settings
from takeover_planner.texts import Text
from takeover_planner.texts.facebook import FacebookText


def rules_in_force(path: str | os.PathLike[str] | None = None, settings: Settings | None = None) -> RuleSet:
    """``path``, else the "rules.path" setting, else the built-in story rules (cached by ``load_rules``)."""
    configured = settings.get("rules.path") if settings is not None else None
    return load_rules(path or configured or None)


def rules_for_channel(rules: RuleSet, channel: str) -> RuleSet:
    """The rules for a channel: ``instagram`` (``rules``), ``facebook`` (the Facebook Page story profile) or
    ``both`` (a cross-posted frame: every rule of either, the Page's own under ``facebook.<id>``)."""
    from takeover_planner.media.rule_profiles import for_channel

    return for_channel(rules, channel)


def channel_of(platform: str | None, page_account_id: int | None) -> str:
    """The rules a slot's frames must meet, from its account: ``facebook`` (a Page account), ``both`` (an
    Instagram account cross-posted to a Page) or ``instagram``."""
    from takeover_planner.media.rule_profiles import channel_for

    return channel_for(platform or "instagram", page_account_id is not None)


_INFO_FIELDS = frozenset(f.name for f in dataclasses.fields(MediaInfo))


def _page_finding(finding: Finding) -> dict[str, Any]:
    """A Page finding as stored findings are, its words saying which channel asks for it ("Facebook: …")."""
    words = Text(FacebookText.PAGE_FINDING, {"message": finding.message_en})
    words_nb = Text(FacebookText.PAGE_FINDING, {"message": finding.message_nb})
    rule = finding.rule if finding.rule.startswith("facebook.") else "facebook." + finding.rule
    return {**finding.to_dict(), "rule": rule, "message_en": words.in_language("en"),
            "message_nb": words_nb.in_language("nb"), "channel": "facebook"}


def findings_for_channel(probe: Mapping[str, Any] | None, findings: Sequence[Mapping[str, Any]] | None,
                         channel: str, rules: RuleSet | None = None) -> list[dict[str, Any]] | None:
    """A stored file's findings for the channel(s) its frame goes out on.

    ``findings`` were made against Instagram's rules (``rules``, default the built-in set) when the file was
    stored; the file's stored ``probe`` is judged again against the Page's profile, so no file is read:
    ``both`` adds the Page's own findings (``facebook.<id>``, "Facebook: …"), ``facebook`` (a Page account)
    replaces them with the Page's. None stays None (never checked).
    """
    from takeover_planner.media.rule_profiles import BOTH, FACEBOOK, facebook_rules, page_only

    if findings is None or channel not in (BOTH, FACEBOOK) or not probe:
        return None if findings is None else [dict(f) for f in findings]
    info = MediaInfo(**{k: v for k, v in probe.items() if k in _INFO_FIELDS})
    if channel == FACEBOOK:
        return [_page_finding(f) for f in facebook_rules().evaluate(info)]
    extra = page_only(rules if rules is not None else load_rules(None)).evaluate(info)
    # The Page profile's own "file cannot be used" finding repeats a broken file's stored one.
    extra = [f for f in extra if f.rule != "file.unreadable"]
    return [dict(f) for f in findings] + [_page_finding(f) for f in extra]


def fix_options_for(rules: RuleSet, options: FixOptions = DEFAULT_FIX) -> FixOptions:
    """``options`` with the frame rate and length ranges narrowed to every rule of ``rules`` that limits them,
    so a fix for a cross-posted frame (Instagram's rules and the Page's) satisfies both: the Page takes 24 fps
    at least where the fix alone allows 23."""
    low, high = options.fps_range
    shortest, longest = options.duration_range
    for rule in rules.rules:
        if rule.severity != "error":
            continue
        limits = rule.limits
        if rule.check == "frame_rate":
            slack = float(limits.get("tolerance", 0))
            low = max(low, float(limits.get("min", low)) - slack)
            high = min(high, float(limits.get("max", high)) + slack)
        elif rule.check == "min_duration":
            shortest = max(shortest, float(limits.get("min", shortest)))
        elif rule.check == "max_duration":
            longest = min(longest, float(limits.get("max", longest)))
    return dataclasses.replace(options, fps_range=(low, high), duration_range=(shortest, longest))


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
    parts = fix_file(source, out_dir, before, fix_options_for(chosen, options), progress, cancel)
    return FixOutcome(source, before, parts, [chosen.judge(probe_file(part.path)) for part in parts])
