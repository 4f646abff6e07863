"""The window shell: what the planner window's features attach to, and the one place its life is run from.

``MainWindow`` builds the parts — the task runner's lanes, the ``PlannerStore``, the calendar page and its
booking actions, the menus, the status area — and hands them to one ``Shell``. A feature (team mode, publishing,
insights, briefs) is a ``Feature``: a class whose constructor takes the shell and wires the feature in;
``shell.install(TeamHook)`` checks what it needs, makes it and keeps it. From then on the feature talks to the
shell only:

- it adds its actions to a menu (``add_menu_actions``, ``add_menu``) and its widgets to the status area
  (``add_status_widget``), and says things in the status line (``show_status``);
- it follows the application's life through the shell's typed signals: ``database_opened(ctx)`` (the database is
  open and its first year read), ``window_settled(ctx)`` (its first view is painted: start background work
  here), ``database_closing()`` (the window closes or switches databases: let go of it),
  ``window_closing()`` (close your own windows), ``language_changed()``, ``demo_loaded()`` and
  ``profile_changed(profile)`` (who the person is in this database; team mode finds out and says so here, and
  whoever greys out what a role may not do listens);
- background work that can wait a moment (a first read, a queue's first look, a feature's imports) asks
  ``when_quiet(work)``: it runs when the person pauses moving around the calendar (``ui/quiet_gate.py``);
- it hears problems through the shell: every refusal of a background task without its own ``on_error`` reaches
  ``report_problem`` (a status line and a message box). A feature that shows some problems itself — the offline
  banner shows an unreachable database — registers with ``add_problem_banner``; those get no message box.

Features never import ``main_window`` (only this module, for types), never reach into each other, and declare
the features they need (``Feature.needs``): installing in a wrong order fails at once, with both names.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from takeover_planner.ui.crash import show_problem as problem_box
from takeover_planner.ui.i18n import resolve_language
from takeover_planner.ui.messages import user_message
from takeover_planner.ui.quiet_gate import QuietGate

if TYPE_CHECKING:
    from takeover_planner.errors import TakeoverError
    from takeover_planner.paths import AppPaths
    from takeover_planner.services.context import AppContext
    from takeover_planner.settings import Settings
    from takeover_planner.ui.booking_actions import BookingActions
    from takeover_planner.ui.calendar_page import CalendarPage
    from takeover_planner.ui.i18n import Translations
    from takeover_planner.ui.planner_store import PlannerStore
    from takeover_planner.ui.status_area import StatusArea
    from takeover_planner.ui.tasks import TaskRunner

ProblemBanner = Callable[["TakeoverError"], bool]  # True: "I show this one myself"


class Feature(Protocol):
    """A part of the planner window that is installed into the shell (see the module's docstring)."""

    name: ClassVar[str]  # how other features name it in their ``needs``
    needs: ClassVar[tuple[str, ...]]  # features that must be installed before this one

    def __init__(self, shell: Shell) -> None:
        """Wire the feature into ``shell``: its menu entries, status widgets and signal connections."""


F = TypeVar("F", bound=Feature)

SETTLE_FALLBACK_MS = 1500  # background work starts at the latest this long after the database opened


class Menu(enum.Enum):
    FILE = "file"
    EDIT = "edit"
    VIEW = "view"
    MANAGE = "manage"
    HELP = "help"


class Menus:
    """The window's menu bar and its menus; each feature's actions go in as a group of their own, above a menu's
    closing entry where it has one (File: Quit)."""

    def __init__(self, window: QMainWindow, menus: dict[Menu, QMenu], closing: dict[Menu, QAction]) -> None:
        self.window = window
        self.menus = menus
        self.closing = closing  # the separator above a menu's last entry (File: the one above Quit)

    def add_group(self, menu: Menu, actions: tuple[QAction, ...]) -> None:
        target = self.menus[menu]
        before = self.closing.get(menu)
        if before is None:
            target.addSeparator()
            target.addActions(list(actions))
        else:
            target.insertSeparator(before)
            target.insertActions(before, list(actions))
        self.window.addActions(list(actions))  # shortcuts work with the menu bar hidden too

    def add_menu(self, menu: QMenu) -> None:
        """A feature's own menu, before Help."""
        self.window.menuBar().insertMenu(self.menus[Menu.HELP].menuAction(), menu)
        self.window.addActions(menu.actions())


class Shell(QObject):
    database_opened = Signal(object)  # AppContext
    # The open database's first view is on screen: background work (folder scans, collectors, watchers) starts
    # here, not at ``database_opened``, because a worker importing or reading holds the GIL the GUI thread needs
    # to paint that first view (it cost the cold start 0.2 s).
    window_settled = Signal(object)  # AppContext
    database_closing = Signal()
    window_closing = Signal()
    language_changed = Signal()
    demo_loaded = Signal()
    profile_changed = Signal(object)  # domain.roles.Profile

    def __init__(self, window: QMainWindow, *, paths: AppPaths, settings: Settings, translations: Translations,
                 runner: TaskRunner, store: PlannerStore, page: CalendarPage, booking_actions: BookingActions,
                 menus: Menus, status: StatusArea, open_args: tuple[str | None, str | None, str | None]) -> None:
        super().__init__(window)
        self.setObjectName("shell")
        self.window = window
        self.paths = paths
        self.settings = settings
        self.translations = translations
        self.runner = runner
        self.store = store
        self.page = page
        self.booking_actions = booking_actions
        self.menus = menus
        self.status = status
        self.open_args = open_args  # home, database URL, user: as given on the command line
        self.features: dict[str, Feature] = {}
        self._banners: list[ProblemBanner] = []
        self._closed = False
        self._settling: AppContext | None = None  # opened, its first view not yet painted
        self._settle_fallback = QTimer(self)
        self._settle_fallback.setObjectName("settleFallbackTimer")
        self._settle_fallback.setSingleShot(True)
        self._settle_fallback.setInterval(SETTLE_FALLBACK_MS)
        self._settle_fallback.timeout.connect(self.first_view_painted)
        self.quiet = QuietGate(self, inline=runner.inline)
        page.refreshed.connect(self.quiet.note_activity)
        page.toolbar.search_typed.connect(self.quiet.note_activity)  # typing, before the search redraws anything
        self.database_closing.connect(self.quiet.drop)
        runner.add_problem_listener(self.report_problem)
        store.opened.connect(self._on_store_opened)
        store.open_failed.connect(self._on_store_open_failed)

    # --- features --------------------------------------------------------------------------------------------

    def install(self, kind: type[F]) -> F:
        """Make the feature ``kind`` on this shell, once the features it needs are in."""
        missing = [name for name in kind.needs if name not in self.features]
        if missing:
            raise ValueError(f"feature {kind.name!r} needs {missing} installed before it")
        feature = kind(self)
        self.features[kind.name] = feature
        return feature

    def add_menu_actions(self, menu: Menu, *actions: QAction) -> None:
        self.menus.add_group(menu, actions)

    def add_menu(self, menu: QMenu) -> None:
        self.menus.add_menu(menu)

    def add_status_widget(self, widget: QWidget) -> None:
        self.status.add_widget(widget)

    def show_status(self, text: str, *, folder: Path | None = None, error: bool = False) -> None:
        """A status line; ``error`` for a refusal or failure (announced assertively, see ``StatusArea.show``)."""
        self.status.show(text, folder=folder, error=error)

    def show_error(self, text: str) -> None:
        """A refusal or failure in the status line (an exception's message)."""
        self.show_status(text, error=True)

    # --- problems ----------------------------------------------------------------------------------------------

    def when_quiet(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the person pauses moving around the calendar (at most ``quiet_gate.MAX_WAIT_MS``
        from now); dropped if the database closes first."""
        self.quiet.when_quiet(work)

    def add_problem_banner(self, banner: ProblemBanner) -> None:
        """``banner(problem)`` hears every problem; when it returns True it shows that one itself (no box)."""
        self._banners.append(banner)

    def report_problem(self, problem: TakeoverError) -> None:
        """A refusal nobody else answered: a status line, and a message box unless a banner shows it."""
        message = user_message(problem)
        shown = [banner(problem) for banner in self._banners]  # every banner hears it, even once one has shown it
        self.show_error(message)  # after the banners: their own status lines are less precise than this one
        if not any(shown):
            problem_box(self.window, message)

    # --- the database's life ---------------------------------------------------------------------------------

    @property
    def ctx(self) -> AppContext | None:
        return self.store.ctx

    def open_database(self) -> None:
        """Open the database in the background (creating and migrating it if need be); the window is on screen."""
        home, db_url, user = self.open_args
        self.show_status(QCoreApplication.translate("MainWindow", "Opening the database…"))
        start, _end = self.page.visible_range()
        self.store.open(home, db_url, user, first_year=start.year)

    def attach(self, ctx: AppContext) -> None:
        """Use a context that is already open (tests)."""
        self.store.attach(ctx)
        self.store.ensure_range(*self.page.visible_range())
        self._on_store_opened()
        self.first_view_painted()  # tests need not wait for a paint

    def reopen_database(self, db_url: str) -> None:
        """Switch to another database (Settings ▸ Use it): everything that holds the old one lets go first."""
        self.database_closing.emit()
        home, _old, user = self.open_args
        self.open_args = (home, db_url, user)
        self.store.close()
        self.store.forget()
        self.page.refresh()
        self.status.set_database("")
        self.open_database()

    def _on_store_opened(self) -> None:
        ctx = self.store.ctx
        if ctx is None:
            return
        ctx.settings = self.settings  # one Settings object in this process, so saves never undo each other
        self.status.set_database(ctx.db.display_url)
        self._settling = ctx
        self.database_opened.emit(ctx)
        self._settle_fallback.start()  # a view that paints nothing (the agenda, a hidden window) still settles

    def first_view_painted(self) -> None:
        """The window drew the open database's first view (or the fallback timer ran out): ``window_settled``."""
        ctx, self._settling = self._settling, None
        self._settle_fallback.stop()
        if ctx is not None and ctx is self.ctx:
            self.window_settled.emit(ctx)

    def _on_store_open_failed(self, message: str) -> None:
        self.show_error(message)
        problem_box(self.window, message, QCoreApplication.translate("MainWindow", "The database could not be opened"))

    def close(self) -> None:
        """The window is closing: features let go of the database and close their windows, background work ends
        (a write under way finishes), then the database closes."""
        if self._closed:
            return
        self._closed = True
        self.database_closing.emit()
        self.window_closing.emit()
        self.runner.remove_problem_listener(self.report_problem)
        self.runner.shutdown()
        self.store.close()

    # --- settings and language ---------------------------------------------------------------------------------

    def save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:
            self.show_error(QCoreApplication.translate("MainWindow", "Could not save the settings: %1").replace(
                "%1", exc.strerror or str(exc)))

    def set_language(self, choice: str) -> None:
        """Keep the choice and put the language in force; ``language_changed`` follows (from the window's
        LanguageChange event, which Qt sends to every widget)."""
        self.settings.set("ui.language", choice)
        self.save_settings()
        self.translations.apply(resolve_language(choice))
