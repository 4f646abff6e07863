"""Takeover Planner: Instagram story takeovers for a municipality's departments."""

__version__ = "0.1.0"
APP_NAME = "Takeover Planner"
APP_ID = "takeover-planner"
