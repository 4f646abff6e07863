"""Story rule profiles per channel: Instagram's (the rule set in force) and the Facebook Page story profile
(``resources/rules/facebook_story.toml``), and the two together for a frame that goes out on both.

A cross-posted frame must satisfy both: ``combined`` keeps every rule of the first set and adds the second set's
rules that judge differently (another check, limits, kinds or severity), under ``facebook.<id>``, so a finding
says which channel asks for it, and a fix driven by the combined findings satisfies both.
"""

from __future__ import annotations

import dataclasses

from takeover_planner.media.rules import Rule, RuleSet, load_rules
from takeover_planner.paths import resource

FACEBOOK_STORY = ("rules", "facebook_story.toml")
INSTAGRAM, FACEBOOK, BOTH = "instagram", "facebook", "both"
CHANNEL_CHOICES = (INSTAGRAM, FACEBOOK, BOTH)


def facebook_rules() -> RuleSet:
    """The Facebook Page story profile (Meta's Page Stories API, with its source and the date it was read)."""
    return load_rules(resource(*FACEBOOK_STORY))


def combined(first: RuleSet, second: RuleSet, prefix: str = "facebook.") -> RuleSet:
    """``first``'s rules, plus ``second``'s where they judge differently (renamed ``prefix + id``)."""

    def key(r: Rule) -> tuple[str, tuple[str, ...], str, str]:
        return r.check, tuple(sorted(r.kinds)), r.severity, repr(sorted(r.limits.items()))

    own = {key(r) for r in first.rules}
    extra = [dataclasses.replace(rule, id=prefix + rule.id) for rule in second.rules if key(rule) not in own]
    return RuleSet(name=f"{first.name} + {second.name}", version=f"{first.version}+{second.version}",
                   source=f"{first.source}; {second.source}", checked=min(first.checked, second.checked),
                   rules=first.rules + tuple(extra), path=first.path)


def for_channel(instagram: RuleSet, channel: str) -> RuleSet:
    """The rules a file must meet for ``channel``: Instagram's (in force), the Page's, or both."""
    if channel == FACEBOOK:
        return facebook_rules()
    if channel == BOTH:
        return combined(instagram, facebook_rules())
    return instagram


__all__ = ["FACEBOOK_STORY", "CHANNEL_CHOICES", "facebook_rules", "combined", "for_channel"]
