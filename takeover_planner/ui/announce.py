"""Telling a screen reader about a message that appeared without the keyboard going to it: a new status line, a
refusal beside the pointer. Qt 6.8's announcement event reaches Orca through AT-SPI (and Narrator and VoiceOver
through their bridges); without an assistive technology running, Qt drops it at once."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

Politeness = QAccessible.AnnouncementPoliteness


def announce(source: QObject, text: str, *, politeness: Politeness = Politeness.Polite) -> None:
    """Have ``text`` read out as coming from ``source``: ``Polite`` waits for the reader to finish what it is saying
    (a status line), ``Assertive`` interrupts it (a refusal, an error)."""
    if not text.strip():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(politeness)
    deliver(event)


def deliver(event: QAccessibleAnnouncementEvent) -> None:
    """The one door to the platform (tests replace it to read what would be said)."""
    QAccessible.updateAccessibility(event)
