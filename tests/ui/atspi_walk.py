"""Walk a running application's AT-SPI tree, as Orca sees it, and print it as JSON.

Runs with Debian's ``/usr/bin/python3`` (``python3-pyatspi``, ``gir1.2-atspi-2.0``), not the project's virtual
environment; ``tests/ui/test_atspi_tree.py`` starts it beside the window on the same D-Bus session and reads what
it prints. Only the standard library and pyatspi, so it runs on any Python Debian ships.

    atspi_walk.py --app "Takeover Planner" --expect "Biblioteket, …" [--press Right --press Tab] [--timeout 60]

It waits until the application is on the accessibility bus and every ``--expect`` name is a showing item (the
window opens the database and loads the plan after it appears), then prints ``{"tree": …, "found": […],
"focus_events": […]}``. With ``--press KEY`` it also clicks the first item of the calendar that lists the expected
names, presses the keys (through the X server, as a person would) and records the items that announced the focus,
which is what a screen reader reads aloud. With ``--dialog-by Ctrl+N --dialog-close Cancel`` it then opens the
dialog of that menu item and prints its tree as ``dialog``; with ``--quit-by Ctrl+Q`` it ends by choosing that
menu item.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

MAX_DEPTH = 60
EVENT_WAIT = 5.0  # seconds to wait for the announcement of a click or a key
KEYSYMS = {"Left": 0xFF51, "Up": 0xFF52, "Right": 0xFF53, "Down": 0xFF54, "Tab": 0xFF09, "Home": 0xFF50,
           "End": 0xFF57, "space": 0x20}  # X keysyms (X11/keysymdef.h)


def node(acc: Any, depth: int = 0) -> dict[str, Any] | None:
    try:
        role = acc.getRoleName()
        name = acc.name or ""
        description = acc.description or ""
        states = sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())
        count = acc.childCount
    except Exception:  # an object that went away while we looked: not part of the tree any more
        return None
    children = []
    if depth < MAX_DEPTH:
        for index in range(count):
            try:
                child = acc.getChildAtIndex(index)
            except Exception:
                continue
            if child is not None:
                found = node(child, depth + 1)
                if found is not None:
                    children.append(found)
    return {"role": role, "name": name, "description": description, "states": states, "children": children}


def find_app(name: str) -> Any | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        try:
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == name:
                return app
        except Exception:
            continue
    return None


def showing_names(tree: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    stack = [tree]
    while stack:
        current = stack.pop()
        if "showing" in current["states"]:
            names.add(current["name"])
        stack.extend(current["children"])
    return names


def press_and_listen(app: Any, keys: list[str], expected: list[str]) -> list[dict[str, str]]:
    """Click the first item (a slot) of the calendar that lists ``expected``, press ``keys`` one by one and return
    the items that announced the focus (their role and name), in order: what a screen reader would read aloud."""
    events: list[dict[str, str]] = []

    def on_event(event: Any) -> None:
        if event.detail1 != 1:
            return
        with contextlib.suppress(Exception):  # the source may be gone already
            events.append({"role": event.source.getRoleName(), "name": event.source.name or ""})

    calendar = None
    for candidate in _all(app):
        with contextlib.suppress(Exception):
            if (candidate.getRoleName() == "list" and candidate.getState().contains(pyatspi.STATE_SHOWING)
                    and candidate.childCount and candidate.getChildAtIndex(0).name in expected):
                calendar = candidate
                break
    if calendar is None:
        return events
    # A click rather than AT-SPI's grabFocus: with no window manager on the virtual screen the window only becomes
    # active, and so takes keys, when the pointer is on it.
    extents = calendar.getChildAtIndex(0).queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    gestures: list[Any] = [lambda: pyatspi.Registry.generateMouseEvent(
        extents.x + extents.width // 2, extents.y + extents.height // 2, "b1c")]
    gestures += [lambda keysym=KEYSYMS[key]: pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
                 for key in keys]
    waiting = {"seen": 0, "until": 0.0}

    def tick() -> bool:
        """One gesture at a time: the next once the last one was announced (or after EVENT_WAIT seconds)."""
        if len(events) == waiting["seen"] and time.monotonic() < waiting["until"]:
            return True
        if not gestures:
            GLib.timeout_add(300, _stop)  # a last moment for late events
            return False
        waiting["seen"], waiting["until"] = len(events), time.monotonic() + EVENT_WAIT
        gestures.pop(0)()
        return True

    GLib.timeout_add(100, tick)
    pyatspi.Registry.registerEventListener(on_event, "object:state-changed:focused")
    pyatspi.Registry.start()
    pyatspi.Registry.deregisterEventListener(on_event, "object:state-changed:focused")
    return events


def choose_menu_item(app: Any, key_binding: str) -> bool:
    """Choose the menu item with this shortcut (e.g. Ctrl+Q), as a screen reader user would from the menu."""
    for candidate in _all(app):
        with contextlib.suppress(Exception):
            if candidate.getRoleName() == "menu item":
                action = candidate.queryAction()
                if action.nActions and action.getKeyBinding(0) == key_binding:
                    return bool(action.doAction(0))
    return False


def walk_dialog(app: Any, key_binding: str, close_with: str, timeout: float) -> dict[str, Any] | None:
    """Open a dialog with the menu item of this shortcut, return its tree, and close it with its button named
    ``close_with``."""
    if not choose_menu_item(app, key_binding):
        return None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for index in range(app.childCount):
            with contextlib.suppress(Exception):
                window = app.getChildAtIndex(index)
                if window.getRoleName() == "dialog" and window.getState().contains(pyatspi.STATE_SHOWING):
                    time.sleep(0.5)  # its fields fill in right after it shows
                    tree = node(window)
                    for button in _all(window):
                        if button.getRoleName() == "push button" and button.name == close_with:
                            button.queryAction().doAction(0)
                            break
                    return tree
        time.sleep(0.2)
    return None


def _stop() -> bool:
    pyatspi.Registry.stop()
    return False



def _all(acc: Any) -> list[Any]:
    found = []
    stack = [acc]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            stack.extend(current.getChildAtIndex(i) for i in range(current.childCount))
        except Exception:
            continue
    return [a for a in found if a is not None]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--expect", action="append", default=[], help="a name that must be showing first")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--press", action="append", default=[], help="an X key name, e.g. Right or Tab")
    parser.add_argument("--dialog-by", default="", help="then open a dialog with the menu item of this shortcut")
    parser.add_argument("--dialog-close", default="", help="the dialog's button that closes it, e.g. Cancel")
    parser.add_argument("--quit-by", default="", help="at the end, choose the menu item with this shortcut")
    args = parser.parse_args()

    deadline = time.monotonic() + args.timeout
    tree: dict[str, Any] | None = None
    found: set[str] = set()
    last_size = -1
    app = None
    while time.monotonic() < deadline:
        app = find_app(args.app)
        tree = node(app) if app is not None else None
        if tree is not None:
            found = showing_names(tree)
            size = len(json.dumps(tree))
            # Every expected item is there and the tree stopped changing (the window finished loading).
            if all(name in found for name in args.expect) and size == last_size:
                break
            last_size = size
        time.sleep(0.5)
    events = press_and_listen(app, args.press, args.expect) if app is not None and args.press else []
    dialog = walk_dialog(app, args.dialog_by, args.dialog_close, args.timeout) if app and args.dialog_by else None
    if dialog is not None:
        time.sleep(0.5)  # the dialog closes
    quit_chosen = choose_menu_item(app, args.quit_by) if app is not None and args.quit_by else False
    json.dump({"tree": tree, "found": sorted(n for n in args.expect if n in found), "focus_events": events,
               "dialog": dialog, "quit_chosen": quit_chosen}, sys.stdout, ensure_ascii=False)
    return 0 if tree is not None else 1


if __name__ == "__main__":
    sys.exit(main())
