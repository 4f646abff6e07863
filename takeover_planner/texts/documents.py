"""What a screen reader says for the pictures in the printed documents (their text alternatives).

A tagged PDF reads a figure by its alternative text instead of its loose labels: the calendar's month grid
names each takeover on it, and each report chart names its values frame by frame. Terms follow GLOSSARY.md.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class DocumentText(Code):
    MONTH_ALT = ("documents.month_alt", "Calendar for {month}, takeovers: {slots}.",
                 "Kalender for {month}, overtakelser: {slots}.")
    MONTH_ALT_EMPTY = ("documents.month_alt_empty", "Calendar for {month}: no takeovers.",
                       "Kalender for {month}: ingen overtakelser.")
    SLOT_ALT = ("documents.slot_alt", "{department} on {account}, {dates}, {status}",
                "{department} på {account}, {dates}, {status}")
    CHART_ALT = ("documents.chart_alt", "Bar chart: {title}. {frames}.", "Stolpediagram: {title}. {frames}.")
    CHART_FRAME = ("documents.chart_frame", "frame {number}: {values}", "storybilde {number}: {values}")
    SAFE_ZONE_ALT = ("documents.safe_zone_alt",
                     "Drawing of a 9:16 story frame with the top and bottom bands to keep free of text.",
                     "Tegning av et storybilde i 9:16 med båndene øverst og nederst som skal holdes fri for tekst.")
