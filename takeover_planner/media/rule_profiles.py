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


def channel_for(platform: str, cross_posted: bool) -> str:
    """The profile a slot's frames must meet: a Page account's go out on the Page only (``facebook``), an
    Instagram account linked to a Page on both (``both``), any other on Instagram only."""
    if platform == "facebook_page":
        return FACEBOOK
    return BOTH if cross_posted else INSTAGRAM


_EXTRAS: dict[int, tuple[RuleSet, RuleSet]] = {}


def page_only(instagram: RuleSet) -> RuleSet:
    """The Page's rules that judge differently from ``instagram``'s (``facebook.<id>``): what a cross-posted
    file must meet on top of the findings already stored for Instagram. Kept per rule set: frames are judged
    again on every read, and the sets are cached by ``load_rules``."""
    kept = _EXTRAS.get(id(instagram))
    if kept is None or kept[0] is not instagram:
        both = combined(instagram, facebook_rules())
        extras = dataclasses.replace(both, rules=both.rules[len(instagram.rules):])
        kept = _EXTRAS[id(instagram)] = (instagram, extras)
    return kept[1]


def for_channel(instagram: RuleSet, channel: str) -> RuleSet:
    """The rules a file must meet for ``channel``: Instagram's (in force), the Page's, or both."""
    if channel == FACEBOOK:
        return facebook_rules()
    if channel == BOTH:
        return combined(instagram, facebook_rules())
    return instagram


__all__ = ["FACEBOOK_STORY", "CHANNEL_CHOICES", "INSTAGRAM", "FACEBOOK", "BOTH", "facebook_rules", "combined",
           "for_channel", "channel_for", "page_only"]
