"""Frames with on-screen text: burned in and published through the API (the default), or posted by hand.

The ``publish.text_frames`` setting of this computer decides it for the frames its publishing runs and hand-off
packs handle: ``burn`` sets the text into the picture or video (``publishing/text_frames.py``); ``handoff`` sends
such frames into the hand-off pack, whose checklist shows the text to add on the phone. Sticker frames go by
hand either way. The command line (``publish text-frames``) and the settings dialog both come here.
"""

from __future__ import annotations

from takeover_planner.errors import ValidationError
from takeover_planner.publishing.text_frames import BURN, HANDOFF, TEXT_FRAME_CHOICES
from takeover_planner.services.context import AppContext
from takeover_planner.settings import Settings
from takeover_planner.texts.publishing import PublishingText

KEY = "publish.text_frames"


def text_frames_choice(ctx: AppContext) -> str:
    """``burn`` or ``handoff`` (anything else in the file counts as the default, ``burn``)."""
    return settings_choice(ctx.settings)


def settings_choice(settings: Settings) -> str:
    """The same, from settings alone (the contributor window has no database context)."""
    value = str(settings.get(KEY)).strip().lower()
    return value if value in TEXT_FRAME_CHOICES else BURN


def text_frames_by_hand(settings: Settings) -> bool:
    """Whether these settings post text frames by hand (the contributor window then burns no text in)."""
    return settings_choice(settings) == HANDOFF


def set_text_frames(ctx: AppContext, choice: str) -> str:
    """Store the choice in this computer's settings; returns it."""
    value = choice.strip().lower()
    if value not in TEXT_FRAME_CHOICES:
        raise ValidationError(PublishingText.TEXT_FRAMES_CHOICE, choice=choice, choices=", ".join(TEXT_FRAME_CHOICES))
    ctx.settings.set(KEY, value)
    ctx.settings.save()
    return value
