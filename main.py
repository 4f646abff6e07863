"""Start Takeover Planner's window (the same as running `takeover-planner` with no subcommand)."""

from takeover_planner.cli import gui_main

if __name__ == "__main__":
    raise SystemExit(gui_main())
