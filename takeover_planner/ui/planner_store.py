"""What the window knows about the database: the catalog and the slots of the years looked at so far.

Slots are fetched a calendar year at a time in the background and kept in memory (ten busy years are a few
thousand small records), so switching months, views or filters never waits for the database. Every write the
window makes hands its result back here, and ``reload()`` (F5, or after an error) starts again from the database.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from takeover_planner.ui.slot_filter import SlotFilter, search_text, touches
from takeover_planner.ui.tasks import READ, TaskRunner

if TYPE_CHECKING:
    from takeover_planner.errors import TakeoverError
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.catalog import AccountInfo, BlackoutInfo, CampaignInfo, DepartmentInfo
    from takeover_planner.services.context import AppContext
    from takeover_planner.services.planner_queries import CatalogSnapshot

log = logging.getLogger(__name__)

ALL_YEARS = -1  # marker in _years once every slot has been read (a search over all time asked for it)


@dataclass(frozen=True)
class Batch:
    """Slots read on a worker, with what is worked out there too so the GUI thread only files them."""

    slots: list[SlotInfo]
    competing: dict[int, list[int]]
    texts: list[str]  # search_text of each slot, same order


def _batch(slots: list[SlotInfo], departments: dict[int, DepartmentInfo]) -> Batch:
    """Runs on a worker thread: the services are imported there."""
    from takeover_planner.services.booking import competing_requests

    return Batch(slots, competing_requests(slots), [search_text(s, departments) for s in slots])


class PlannerStore(QObject):
    opened = Signal()
    open_failed = Signal(str)
    catalog_changed = Signal()
    slots_changed = Signal()
    reloaded = Signal()  # reload() brought fresh data (F5, live updates): views that read more than slots read again
    # What the database holds may have changed: a write came back, a reload brought fresh data, another database.
    # Not sent when more years are merely read (browsing, a search), which changes nothing in the plan.
    data_changed = Signal()
    load_failed = Signal(object)  # the TakeoverError: listeners decide on its type and reason, not its words

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.ctx: AppContext | None = None
        self.accounts: list[AccountInfo] = []
        self.departments: dict[int, DepartmentInfo] = {}
        self.campaigns: list[CampaignInfo] = []
        self.blackouts: list[BlackoutInfo] = []
        self.competing: dict[int, list[int]] = {}
        self._slots: dict[int, SlotInfo] = {}
        # The ids of the slots touching each calendar year: a month switch looks at its year's few hundred slots,
        # not at every slot read so far (5,000 after ten years of browsing: ~4 ms of each switch).
        self._by_year: dict[int, set[int]] = {}
        self._search_texts: dict[int, tuple[SlotInfo, str]] = {}  # what search looks in, per slot version
        self._years: set[int] = set()
        self._loading: set[int] = set()
        self._generation = 0  # bumped by reload(): answers to older questions are dropped

    # --- opening ------------------------------------------------------------------------------------

    def open(self, home: str | None, db_url: str | None, user: str | None, *, first_year: int) -> None:
        """Open the database (creating and migrating it if needed) and read the catalog and one year."""

        def work() -> tuple[AppContext, CatalogSnapshot, Batch]:
            # Loaded here, on the worker, because the team feature's offline outbox (ui.team.offline) reads it on
            # the GUI thread the moment the database has opened; importing it there cost the first paint 70 ms.
            import takeover_planner.services.outbox  # noqa: F401
            from takeover_planner.errors import TakeoverError
            from takeover_planner.services import planner_queries
            from takeover_planner.services.context import open_context
            from takeover_planner.services.failures import as_refusal
            from takeover_planner.services.safekeeping import explain_damage

            # Opening (and migrating) may meet a server that is down or a locked file: the database layer and, as
            # a last net, the runner (ui.tasks) make that an EnvironmentProblem, a plain message and not a bug.
            try:
                ctx = open_context(home, db_url, actor=user)
            except TakeoverError as exc:
                # A damaged file: the message names the newest good backup and the command that restores it.
                raise explain_damage(exc, home, db_url) from None
            try:
                snapshot = planner_queries.catalog_snapshot(ctx)
                slots = planner_queries.slots_between(ctx, dt.date(first_year, 1, 1), dt.date(first_year, 12, 31))
                batch = _batch(slots, {d.id: d for d in snapshot.departments})
            except Exception as exc:
                ctx.close()
                # Damage in a page the first reads meet (the slots) is named as damage found on opening is: with
                # the newest good backup and the command that restores it. Anything else goes on as it was.
                problem = exc if isinstance(exc, TakeoverError) else as_refusal(exc)
                if problem is None:
                    raise
                raise explain_damage(problem, home, db_url) from exc
            except BaseException:
                ctx.close()
                raise
            return ctx, snapshot, batch

        def done(result: tuple[AppContext, CatalogSnapshot, Batch]) -> None:
            ctx, snapshot, batch = result
            self.attach(ctx, snapshot)
            self._store_year(first_year, batch)
            self.opened.emit()

        self.runner.run(work, on_done=done, on_error=lambda exc: self.open_failed.emit(exc.message))

    def attach(self, ctx: AppContext, snapshot: CatalogSnapshot | None = None) -> None:
        """Use an already opened context (tests, or after ``open``)."""
        self.ctx = ctx
        if snapshot is None:
            from takeover_planner.services import planner_queries

            snapshot = planner_queries.catalog_snapshot(ctx)
        self._take_catalog(snapshot)

    def read(self, ctx: AppContext, work: Any, *, on_done: Any = None, on_error: Any = None) -> None:
        """Run a database read in the background, on the read lane; a server or file that went away gives a plain
        message (the runner's translation, ``ui.tasks``)."""
        self.runner.op(work).lane(READ).on_done(on_done).on_error(on_error).run()

    def close(self) -> None:
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None

    def forget(self) -> None:
        """Drop everything read from the database (another database is about to be opened)."""
        self._generation += 1  # answers still on their way belong to the old database
        self._slots.clear()
        self._by_year.clear()
        self._search_texts.clear()
        self.competing.clear()
        self._years.clear()
        self._loading.clear()
        self.accounts, self.departments, self.campaigns, self.blackouts = [], {}, [], []
        self.catalog_changed.emit()
        self.slots_changed.emit()
        self.data_changed.emit()

    # --- the catalog -----------------------------------------------------------------------------------

    def _take_catalog(self, snapshot: CatalogSnapshot) -> None:
        self.accounts = list(snapshot.accounts)
        self.departments = {d.id: d for d in snapshot.departments}
        self._search_texts.clear()  # contact persons may have changed
        self.campaigns = list(snapshot.campaigns)
        self.blackouts = list(snapshot.blackouts)
        self.catalog_changed.emit()

    def reload_catalog(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def work() -> CatalogSnapshot:
            from takeover_planner.services import planner_queries

            return planner_queries.catalog_snapshot(ctx)

        self.read(ctx, work, on_done=self._take_catalog, on_error=lambda exc: self.load_failed.emit(exc))

    def department(self, department_id: int) -> DepartmentInfo | None:
        return self.departments.get(department_id)

    def account_name(self, account_id: int | None) -> str | None:
        return next((a.name for a in self.accounts if a.id == account_id), None)

    # --- slots ------------------------------------------------------------------------------------------

    def has_range(self, start: dt.date, end: dt.date) -> bool:
        return ALL_YEARS in self._years or all(y in self._years for y in range(start.year, end.year + 1))

    def ensure_range(self, start: dt.date, end: dt.date) -> None:
        """Make sure the slots of these dates' years are here (or on their way); neighbours are read ahead."""
        if self.ctx is None or ALL_YEARS in self._years or ALL_YEARS in self._loading:
            return  # everything is here, or on its way
        wanted = set(range(start.year, end.year + 1))
        if start.month <= 2:
            wanted.add(start.year - 1)
        if end.month >= 11:
            wanted.add(end.year + 1)
        for year in sorted(wanted - self._years - self._loading, key=lambda y: (y not in range(start.year, end.year + 1), y)):
            self._load_year(year)

    def ensure_all(self) -> None:
        """Read every slot (a search over all time needs them): the years not read yet, each run of them in one
        query (reading again what is here cost the worker, and through the GIL the window, twice the time)."""
        ctx = self.ctx
        if ctx is None or ALL_YEARS in self._years or ALL_YEARS in self._loading:
            return
        self._loading.add(ALL_YEARS)
        generation = self._generation
        # Years on their way are filed by their own reads; a run of missing years includes the slots that reach
        # into the years around it, as a year's read does.
        here = (self._years | self._loading) - {ALL_YEARS}
        departments = dict(self.departments)

        def work() -> list[Batch]:
            from takeover_planner.services import planner_queries

            span = planner_queries.year_span(ctx)
            if span is None:
                return []
            return [
                _batch(planner_queries.slots_between(ctx, dt.date(first, 1, 1), dt.date(last, 12, 31)), departments)
                for first, last in planner_queries.year_runs(*span, here)
            ]

        def done(parts: list[Batch]) -> None:
            self._loading.discard(ALL_YEARS)
            if generation != self._generation:
                return
            for part in parts:  # filed as a year's read is: a slot in two runs comes once, competitors merge
                self._file_batch(part)
            self._years.add(ALL_YEARS)
            self.slots_changed.emit()

        self.read(ctx, work, on_done=done, on_error=self._on_load_error(ALL_YEARS))

    def _load_year(self, year: int) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self._loading.add(year)
        generation = self._generation

        departments = dict(self.departments)

        def work() -> Batch:
            from takeover_planner.services import planner_queries

            return _batch(planner_queries.slots_between(ctx, dt.date(year, 1, 1), dt.date(year, 12, 31)), departments)

        def done(batch: Batch) -> None:
            self._loading.discard(year)
            if generation == self._generation:
                self._store_year(year, batch)

        self.read(ctx, work, on_done=done, on_error=self._on_load_error(year))

    def _on_load_error(self, year: int) -> Any:
        def failed(exc: TakeoverError) -> None:
            self._loading.discard(year)
            self.load_failed.emit(exc)

        return failed

    def _store_year(self, year: int, batch: Batch) -> None:
        """Take a batch read on a worker, with its competing requests and search texts worked out there too.

        A batch holds every slot that touches its dates, so what it says about competitors is complete for
        the slots inside it; a slot across New Year gathers its competitors from both years' batches.
        """
        self._file_batch(batch)
        self._years.add(year)
        self.slots_changed.emit()

    def _file_batch(self, batch: Batch) -> None:
        for slot, text in zip(batch.slots, batch.texts, strict=True):
            self._file(slot)
            self._search_texts[slot.id] = (slot, text)
        for slot_id, others in batch.competing.items():
            known = self.competing.get(slot_id, [])
            self.competing[slot_id] = sorted(set(known) | set(others))

    def apply(self, slot: SlotInfo) -> None:
        """A write came back: show its result at once (competition is worked out again for its account)."""
        from takeover_planner.services.booking import competing_requests

        self._file(slot)
        same_account = [s for s in self._slots.values() if s.account_id == slot.account_id]
        for other in same_account:
            self.competing.pop(other.id, None)
        self.competing.update(competing_requests(same_account))
        self.slots_changed.emit()
        self.data_changed.emit()

    def _file(self, slot: SlotInfo) -> None:
        """Keep ``slot`` (a new one, or a new version of one, perhaps moved to other dates)."""
        old = self._slots.get(slot.id)
        if old is not None and (old.start.year, old.end.year) != (slot.start.year, slot.end.year):
            for year in range(old.start.year, old.end.year + 1):
                self._by_year.get(year, set()).discard(slot.id)
        self._slots[slot.id] = slot
        for year in range(slot.start.year, slot.end.year + 1):
            self._by_year.setdefault(year, set()).add(slot.id)

    def search_text(self, slot: SlotInfo) -> str:
        cached = self._search_texts.get(slot.id)
        if cached is not None and cached[0] is slot:
            return cached[1]
        text = search_text(slot, self.departments)
        self._search_texts[slot.id] = (slot, text)
        return text

    def reload_slot(self, slot_id: int) -> None:
        """Read one slot again (after a refused write: show what the database holds now)."""
        ctx = self.ctx
        if ctx is None:
            return

        def work() -> SlotInfo:
            from takeover_planner.services import booking

            return booking.get_slot(ctx, slot_id)

        self.read(ctx, work, on_done=self.apply, on_error=lambda exc: self.load_failed.emit(exc))

    def slot(self, slot_id: int) -> SlotInfo | None:
        return self._slots.get(slot_id)

    def slots_in(self, start: dt.date, end: dt.date, slot_filter: SlotFilter) -> list[SlotInfo]:
        ids: set[int] = set()
        for year in range(start.year, end.year + 1):
            ids |= self._by_year.get(year, set())
        slots = self._slots
        found = [
            slot for slot in map(slots.__getitem__, ids)
            if touches(slot, start, end) and slot_filter.matches(slot, self.departments, self.search_text)
        ]
        found.sort(key=lambda s: (s.start, -(s.end - s.start).days, s.id))
        return found

    def search(self, slot_filter: SlotFilter, limit: int = 500) -> list[SlotInfo]:
        """Every loaded slot that matches, newest first (the agenda's search results)."""
        found = [s for s in self._slots.values() if slot_filter.matches(s, self.departments, self.search_text)]
        found.sort(key=lambda s: (s.start, s.id), reverse=True)
        return found[:limit]

    @property
    def slot_count(self) -> int:
        return len(self._slots)

    def reload(self, start: dt.date, end: dt.date) -> None:
        """Read again what was read (someone else may have changed things); swap it in when it is here,
        so the calendar never blinks empty."""
        ctx = self.ctx
        if ctx is None:
            return
        self._generation += 1
        generation = self._generation
        self._loading.clear()
        years = {y for y in self._years if y != ALL_YEARS} | set(range(start.year, end.year + 1))
        everything = ALL_YEARS in self._years
        first, last = min(years), max(years)

        departments = dict(self.departments)

        def work() -> Batch:
            from takeover_planner.services import planner_queries

            if everything:
                return _batch(planner_queries.slots_between(ctx), departments)
            return _batch(planner_queries.slots_between(ctx, dt.date(first, 1, 1), dt.date(last, 12, 31)), departments)

        def done(batch: Batch) -> None:
            if generation != self._generation:
                return
            self._slots = {}
            self._by_year = {}
            for slot in batch.slots:
                self._file(slot)
            self._search_texts = {s.id: (s, text) for s, text in zip(batch.slots, batch.texts, strict=True)}
            self.competing = batch.competing
            self._years = {ALL_YEARS} if everything else set(range(first, last + 1))
            self.slots_changed.emit()
            self.data_changed.emit()
            self.reloaded.emit()

        self.reload_catalog()
        self.read(ctx, work, on_done=done, on_error=lambda exc: self.load_failed.emit(exc))
