"""The ``Publisher`` interface: what the rest of the app hands approved frames to, and what it gets back.

Two implementations: ``api_publisher.ApiPublisher`` (Instagram's Content Publishing API, with the ledger)
and ``handoff.HandoffPublisher`` (a hand-off pack for frames that must be posted by hand from a phone).
``choose_method`` decides which one a frame goes to: stickers cannot be published through the API.
"""

from __future__ import annotations

import datetime as dt
import enum
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from takeover_planner.texts import Text
from takeover_planner.texts.publishing import OutcomeText


class Method(enum.StrEnum):
    API = "api"
    HANDOFF = "handoff"


@dataclass(frozen=True)
class FrameToPublish:
    """One approved frame, with everything a publisher needs and nothing it may change."""

    frame_id: int
    account_id: int
    account_name: str
    slot_id: int
    department: str
    position: int
    planned_at: dt.datetime | None
    media_path: Path | None  # the derivative if there is one, else the original; None: no file
    media_kind: str  # image | video | unknown
    media_suffix: str = ""  # ".jpg", ".mp4", ".mov": the store keeps files without extensions
    text: str = ""
    sticker_kind: str = ""
    sticker_value: str = ""
    credit: str = ""
    notes: str = ""
    # Which channel this item goes out on: "instagram", or "facebook" (a Page story). ``account_id`` is that
    # channel's account (for a cross-posted frame: the Page account linked to the slot's Instagram account).
    channel: str = "instagram"
    # A cross-post: the frame's own state follows its Instagram job; this channel only keeps its ledger row.
    cross_post: bool = False
    # The Facebook Page (account name) this Instagram frame is cross-posted to; "" if none. Read by the hand-off
    # checklist, which then gives the Facebook steps too.
    facebook_page: str = ""

    @property
    def label(self) -> Text:
        return Text(OutcomeText.FRAME_LABEL, {"frame_id": self.frame_id, "department": self.department,
                                              "number": self.position})  # stored from 1


class OutcomeKind(enum.StrEnum):
    PUBLISHED = "published"
    FAILED = "failed"  # for good: the reason and what to do are in the outcome
    DEFERRED = "deferred"  # not done yet (processing, retry with backoff): it comes back at retry_at
    PAUSED = "paused"  # the account is throttled or out of quota until retry_at
    STOPPED = "stopped"  # the account's queue is stopped (token or permission): a person must act
    BLOCKED = "blocked"  # a setup problem on this computer (no keyring, no media host): nothing was tried
    HANDED_OFF = "handed_off"  # put in a hand-off pack
    CANCELLED = "cancelled"  # no longer approved; taken off the queue before anything went out
    SKIPPED = "skipped"  # another runner has it, or it is already done


@dataclass(frozen=True)
class PublishOutcome:
    """One frame's outcome; ``message`` and ``advice`` are words in the language in force when it was made."""

    frame_id: int
    kind: OutcomeKind
    message: str = ""
    advice: str = ""
    media_id: str | None = None
    retry_at: dt.datetime | None = None
    account_id: int | None = None
    channel: str = "instagram"  # instagram | facebook

    def to_json(self) -> dict[str, object]:
        return {
            "frame_id": self.frame_id,
            "channel": self.channel,
            "outcome": self.kind.value,
            "message": self.message,
            "advice": self.advice,
            "media_id": self.media_id,
            "retry_at": self.retry_at.isoformat() if self.retry_at else None,
            "account_id": self.account_id,
        }


class Publisher(ABC):
    """Takes frames that are approved and due, and reports one outcome per frame, in order."""

    method: Method

    @abstractmethod
    def publish(self, frames: Sequence[FrameToPublish]) -> list[PublishOutcome]: ...


STICKER_LABELS = {"link": "Link sticker", "poll": "Poll sticker", "mention": "Mention sticker",
                  "location": "Location sticker", "question": "Question sticker"}


def choose_method(frame: FrameToPublish, account_method: str = Method.API.value) -> Method:
    """Stickers (link, poll, mention, location) cannot be published through the API: those go by hand."""
    if frame.sticker_kind.strip():
        return Method.HANDOFF
    if account_method == Method.HANDOFF.value:
        return Method.HANDOFF
    return Method.API
