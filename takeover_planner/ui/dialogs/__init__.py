"""Dialogs: booking, catalog editors, small prompts."""
