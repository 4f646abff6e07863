"""The review screen: a slot's frames in a phone-sized preview, their findings, consent and credit, approve or
request changes (per frame or all), and the slot's audit trail. ``ReviewWindow`` is the entry point."""

from takeover_planner.ui.review.review_window import ReviewWindow, open_review_window

__all__ = ["ReviewWindow", "open_review_window"]
