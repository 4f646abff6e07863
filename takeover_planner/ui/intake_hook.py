"""The watched intake folder, a feature of the window shell (``ui.shell``): while a database is open and the
``intake.folder`` setting names a folder, the window imports every submission package departments drop there,
exactly as ``takeover-planner intake scan FOLDER`` does (``services.intake_folder.scan_folder``: the safe import,
a receipt beside each package, ``importert/`` or ``avvist/``).

A scan runs at once when the database opens and then every minute, on the WRITE lane (it writes the frames and
moves files), one at a time: a tick during a scan is skipped. The setting is read on every tick, so a folder
chosen in Settings is watched from the next one. Each imported or refused package gets a status line, and the
calendar is read again after an import (the slots' frame counts changed). A folder that is missing or cannot be
read is said once, not every minute, until it is back or another folder is chosen.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, QTimer

from takeover_planner.ui.messages import user_message
from takeover_planner.ui.tasks import WRITE

if TYPE_CHECKING:
    from takeover_planner.errors import TakeoverError
    from takeover_planner.services.context import AppContext
    from takeover_planner.services.intake_folder import ScanOutcome
    from takeover_planner.ui.shell import Shell

INTERVAL_MS = 60_000


class FolderState(enum.Enum):
    READABLE = "readable"
    MISSING = "missing"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class FolderScan:
    """What one scan found: the outcomes, or why the folder could not be looked at."""

    folder: Path
    state: FolderState = FolderState.READABLE
    problem: str = ""  # the operating system's words for an unreadable folder (foreign text, shown as it is)
    outcomes: list[ScanOutcome] = field(default_factory=list)


def scan_once(ctx: AppContext, folder: Path, settle_seconds: float | None) -> FolderScan:
    """One scan on a worker thread; a folder that is gone or unreadable is a state, not a crash."""
    # Imported here, on the worker: the import pulls in the whole package import (a second at start-up).
    from takeover_planner.services.intake_folder import SETTLE_SECONDS, scan_folder

    if not folder.is_dir():
        return FolderScan(folder, FolderState.MISSING)
    try:
        return FolderScan(folder, outcomes=scan_folder(
            ctx, folder, settle_seconds=SETTLE_SECONDS if settle_seconds is None else settle_seconds))
    except OSError as exc:
        return FolderScan(folder, FolderState.UNREADABLE, exc.strerror or str(exc))


class IntakeHook(QObject):
    name: ClassVar[str] = "intake"
    needs: ClassVar[tuple[str, ...]] = ()

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.setObjectName("intakeHook")
        self.shell = shell
        # How long a scan waits to see whether a package is still growing; None: the service's own wait.
        self.settle_seconds: float | None = None
        self.busy = False
        self.last: FolderScan | None = None
        self._said: tuple[str, str] | None = None  # (folder, problem) already told: not told again every minute
        self._timer = QTimer(self)
        self._timer.setObjectName("intakeTimer")
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.scan)
        shell.window_settled.connect(self._on_shell_window_settled)  # the scan imports the package import
        shell.database_closing.connect(self.stop)
        shell.window_closing.connect(self.stop)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def folder(self) -> Path | None:
        text = str(self.shell.settings.get("intake.folder") or "").strip()
        return Path(text).expanduser() if text else None

    def stop(self) -> None:
        self._timer.stop()

    def scan(self) -> bool:
        """Start a scan of the watched folder; False when there is none to do (no database, no folder, busy)."""
        ctx, folder = self.shell.ctx, self.folder()
        if ctx is None or folder is None or self.busy:
            return False
        self.busy = True
        settle = self.settle_seconds
        self.shell.runner.op(lambda: scan_once(ctx, folder, settle)).lane(WRITE) \
            .on_done(self._on_scanned).on_error(self._on_refused).run()
        return True

    def _on_shell_window_settled(self, _ctx: AppContext) -> None:
        self._timer.start()
        self.scan()

    def _on_scanned(self, result: FolderScan) -> None:
        self.busy = False
        self.last = result
        if result.state is FolderState.MISSING:
            self._say_once(result.folder, "missing", self.tr(
                "The intake folder %1 cannot be found; it is watched again once it is back.").replace(
                "%1", str(result.folder)))
            return
        if result.state is FolderState.UNREADABLE:
            self._say_once(result.folder, "unreadable", self.tr("The intake folder %1 cannot be read: %2").replace(
                "%1", str(result.folder)).replace("%2", result.problem))
            return
        from takeover_planner.services.intake_folder import Verdict  # loaded by the scan already

        self._said = None
        for outcome in result.outcomes:
            line = self._line(outcome)
            if line:
                self.shell.show_status(line, folder=result.folder)
        if self.shell.ctx is not None and self.active and any(
                o.verdict is Verdict.IMPORTED for o in result.outcomes):
            self.shell.store.reload(*self.shell.page.visible_range())

    def _line(self, outcome: ScanOutcome) -> str:
        from takeover_planner.services.intake_folder import Verdict  # loaded by the scan already

        if outcome.verdict is Verdict.IMPORTED:
            return self.tr("Imported the submission for %1 (%n frame(s))", "", outcome.frames).replace(
                "%1", outcome.department)
        if outcome.verdict is Verdict.DUPLICATE:
            return self.tr("%1 was imported before; it is moved to %2").replace("%1", outcome.file).replace(
                "%2", outcome.moved_to or "")
        if outcome.verdict is Verdict.REFUSED:
            return self.tr("Refused %1: %2").replace("%1", outcome.file).replace("%2", str(outcome.reason or ""))
        if outcome.verdict is Verdict.FAILED:
            return self.tr("%1 was not imported now (%2); the next scan tries again").replace(
                "%1", outcome.file).replace("%2", str(outcome.reason or ""))
        return ""  # still being written: nothing to say, the next scan takes it

    def _on_refused(self, problem: TakeoverError) -> None:
        """The scan itself was refused (the folder went away mid-scan, a linked subfolder): said once."""
        self.busy = False
        folder = self.folder()
        self._say_once(folder or Path(), problem.code.key, user_message(problem))

    def _say_once(self, folder: Path, problem: str, text: str) -> None:
        if self._said == (str(folder), problem):
            return
        self._said = (str(folder), problem)
        self.shell.show_status(text)
