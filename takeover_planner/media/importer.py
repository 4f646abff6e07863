"""Import many files at once: hash + probe + rules + store + thumbnail, on two worker processes.

Decoding (HEIC above all) is CPU work that the GIL would serialise, so each file is handled whole in a
worker process; the caller gets plain, picklable results back and writes the database rows itself.
Workers come from a ``forkserver`` (fast, and safe next to the GUI's threads) where the platform has one.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from takeover_planner.media.limits import DEFAULT_LIMITS, ProbeLimits
from takeover_planner.media.model import Finding, Judgement, MediaInfo
from takeover_planner.media.probe import probe_file
from takeover_planner.media.progress import CancelToken, ProgressCallback, no_progress
from takeover_planner.media.rules import load_rules
from takeover_planner.media.store import MediaStore, StagedFile, StoredFile
from takeover_planner.media.thumbnails import ThumbnailCache, ThumbnailError, make_thumbnail
from takeover_planner.texts import Text
from takeover_planner.texts.media import MediaText

DEFAULT_WORKERS = 2
# Probe problems that leave nothing to store: such a file cannot become a frame at all.
UNSTORABLE = {"missing": MediaText.IS_MISSING, "empty": MediaText.IS_EMPTY, "too_large": MediaText.IS_TOO_LARGE}


@dataclass
class ImportedFile:
    """What one worker learned and did; ``stored`` is empty when the file could not be kept."""

    source: str
    info: MediaInfo
    findings: list[Finding]
    sha256: str = ""
    size: int = 0
    stored: str = ""
    created: bool = False
    thumbnail: str = ""
    error: Text | None = None  # why the file could not be kept, when that was not the file's own fault
    staged: str = ""  # a copy in the store's incoming folder, not yet synced nor in place
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def judgement(self) -> Judgement:
        return Judgement(self.info, self.findings)

    def why_not_stored(self) -> Text:
        """Why ``stored`` is empty, in words for a person (a copy that failed, or the file itself)."""
        if self.error is not None:
            return self.error
        return Text(UNSTORABLE.get(self.info.problem, MediaText.UNREADABLE))


@dataclass(frozen=True)
class ImportJob:
    store_root: str
    thumbnail_dir: str
    rules_path: str = ""
    limits: ProbeLimits = DEFAULT_LIMITS
    thumbnail_size: int = 320


def import_one(source: str, job: ImportJob, *, commit: bool = True) -> ImportedFile:
    """The whole job for one file; runs in a worker process (or inline). Never raises for a bad file.

    With ``commit=False`` the copy is only staged: the caller commits it (see ``commit_staged``)."""
    info = probe_file(source, job.limits)
    findings = load_rules(job.rules_path or None).evaluate(info)
    result = ImportedFile(source=source, info=info, findings=findings)
    if info.problem in UNSTORABLE:
        return result
    store = MediaStore(job.store_root)
    outcome: StagedFile | StoredFile
    if commit:
        # Storing durably is disk work (copy, fsync, rename), the thumbnail is CPU work: overlap them. Both
        # release the GIL while they wait or decode.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="store") as disk:
            storing: Future[StagedFile | StoredFile] = disk.submit(store.add_file, source)
            thumbnail = _thumbnail(source, info, job)
            try:
                outcome = storing.result()
            except OSError as exc:
                result.error = Text(MediaText.COPY_FAILED, {"reason": exc.strerror or str(exc)})
                return result
    else:
        # Staging only hashes and copies into the page cache (the caller syncs): CPU work like the thumbnail.
        # A batch worker has a core to itself, so one after the other costs less than a thread per file.
        thumbnail = _thumbnail(source, info, job)
        try:
            outcome = store.stage_file(source)
        except OSError as exc:
            result.error = Text(MediaText.COPY_FAILED, {"reason": exc.strerror or str(exc)})
            return result
    result.sha256, result.size = outcome.sha256, outcome.size
    if isinstance(outcome, StagedFile):
        result.staged = str(outcome.temp)
    else:
        result.stored, result.created = str(outcome.path), outcome.created
    if thumbnail:
        result.thumbnail = str(ThumbnailCache(job.thumbnail_dir, job.thumbnail_size).put(outcome.sha256, thumbnail))
    return result


def _thumbnail(source: str, info: MediaInfo, job: ImportJob) -> bytes:
    try:
        return make_thumbnail(Path(source), info, job.thumbnail_size)
    except ThumbnailError:
        return b""


def commit_staged(results: list[ImportedFile], job: ImportJob) -> None:
    """Make the staged copies durable and put them in place, as one batch (one folder sync each)."""
    waiting = [r for r in results if r.staged]
    if not waiting:
        return
    staged = [StagedFile(Path(r.staged), r.sha256, r.size) for r in waiting]
    for result, stored in zip(waiting, MediaStore(job.store_root).commit(staged), strict=True):
        result.stored, result.created, result.staged = str(stored.path), stored.created, ""


def import_many(paths: Iterable[str | os.PathLike[str]], job: ImportJob, *, workers: int = DEFAULT_WORKERS,
                progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> Iterator[ImportedFile]:
    """Yield results as they finish (not in input order). A bounded number of files is in flight at once."""
    sources = [os.fspath(path) for path in paths]
    if not sources:
        return
    if workers <= 1 or len(sources) == 1:
        for done, source in enumerate(sources, start=1):
            if cancel is not None:
                cancel.raise_if_cancelled()
            yield import_one(source, job)
            progress(done / len(sources), Path(source).name)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
    pending: set[Future[ImportedFile]] = set()
    try:
        sources_of: dict[Future[ImportedFile], str] = {}
        queue = iter(sources)
        done_count = 0

        def submit(source: str) -> None:
            nonlocal pool
            try:
                future = pool.submit(import_one, source, job, commit=False)
            except BrokenProcessPool:
                # A file killed a worker (a decoder crash); start a fresh pool for the rest.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
                future = pool.submit(import_one, source, job, commit=False)
            sources_of[future] = source
            pending.add(future)

        for source in _take(queue, workers * 4):
            submit(source)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            # Keep the workers busy first, then sync this batch while they decode.
            for source in _take(queue, len(finished)):
                submit(source)
            batch = []
            for future in finished:
                try:
                    batch.append(future.result())
                except BrokenProcessPool:
                    batch.append(_isolated(sources_of[future], job))
            commit_staged(batch, job)
            for result in batch:
                done_count += 1
                progress(done_count / len(sources), Path(result.source).name)
                yield result
            if cancel is not None and cancel.cancelled:
                for future in pending:
                    future.cancel()
                cancel.raise_if_cancelled()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _discard_staged(pending)


def _discard_staged(futures: set[Future[ImportedFile]]) -> None:
    """After a cancel: copies staged by files that will not be committed are removed, not left behind."""
    for future in futures:
        if future.done() and not future.cancelled() and future.exception() is None:
            staged = future.result().staged
            if staged:
                Path(staged).unlink(missing_ok=True)


def _isolated(source: str, job: ImportJob) -> ImportedFile:
    """Run one file alone in its own process: if it kills that one too, it is reported, not retried."""
    with ProcessPoolExecutor(max_workers=1, mp_context=_context()) as solo:
        try:
            return solo.submit(import_one, source, job).result()
        except BrokenProcessPool:
            info = MediaInfo(path=source, problem="unreadable", problem_detail="the file crashed the decoder")
            return ImportedFile(source=source, info=info, findings=load_rules(job.rules_path or None).evaluate(info),
                                error=Text(MediaText.CRASHED_DECODER))


def _take(queue: Iterator[str], count: int) -> list[str]:
    taken = []
    for _ in range(count):
        try:
            taken.append(next(queue))
        except StopIteration:
            break
    return taken


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # The server imports the media stack once; every worker forked from it starts warm.
        context.set_forkserver_preload(["takeover_planner.media.importer"])
        return context
    return multiprocessing.get_context("spawn")
