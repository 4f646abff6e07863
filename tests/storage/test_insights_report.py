"""Done when: demo frames are published through the fake Graph API, insights are collected over a simulated
24 hours, and the takeover report — on screen, as CSV and as PDF — shows exactly what the fake served."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO, to_oslo, today_oslo
from takeover_planner.insights.metrics import StoryNumbers
from takeover_planner.insights.schedule import CHECKPOINTS, Collection
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.services import booking, catalog, insights_service
from takeover_planner.services import publishing_service as publishing
from takeover_planner.services.context import AppContext
from takeover_planner.services.demo import load_demo
from takeover_planner.storage.models import PublishJob, StoryFrame
from takeover_planner.texts.documents import DocumentText
from takeover_planner.texts.report import ReportText, ReportWords
from tests.fakes.fake_graph import FakeWebDav
from tests.fakes.fake_insights import FakeInstagramInsights, StoryScript
from tests.fakes.keyrings import MemoryKeyring
from tests.fakes.publish_world import World
from tests.storage.insights_support import collect_at
from tests.unit.export.pdf_reading import page_count, page_text
from tests.unit.export.pdf_structure import alt_texts, assert_tagged, element_types

H = dt.timedelta(hours=1)
D = dt.timedelta(days=1)
ACCOUNT = "Fjordvik kultur"  # a demo account with no takeover this week


@dataclass
class Story:
    frame_id: int
    media_id: str
    published_at: dt.datetime


@pytest.fixture
def demo_world(ctx: AppContext) -> Iterator[World]:
    """The demo municipality, with its culture account pointed at the fake Graph API and a takeover today."""
    load_demo(ctx)
    fake = FakeInstagramInsights().start()
    dav = FakeWebDav().start()
    MemoryKeyring.store.clear()
    secrets = SecretStore(MemoryKeyring(), explicit=True)
    try:
        account = next(a for a in catalog.list_accounts(ctx) if a.name == ACCOUNT)
        catalog.update_account(ctx, account.id, graph_host=fake.base_url, ig_user_id=fake.ig_user_id,
                               graph_version=fake.version)
        ctx.settings.set("publish.connect_timeout_seconds", 2)
        ctx.settings.set("publish.read_timeout_seconds", 2)
        publishing.set_hosting(ctx, dav.upload_url, dav.public_url, dav.username, dav.password, secrets=secrets)
        publishing.set_token(ctx, account.id, fake.token, secrets=secrets)
        today = today_oslo()
        slot = booking.book(ctx, department="Biblioteket", account=ACCOUNT, start=today, end=today,
                            status=SlotStatus.CONFIRMED, notes="Library takeover (insights test)").slot
        yield World(ctx, fake, dav, secrets, account.id, slot.id)
    finally:
        fake.stop()
        dav.stop()
    assert fake.server_errors == [] and dav.server_errors == []


def _publish(world: World, scripts: list[StoryScript]) -> list[Story]:
    assert isinstance(world.fake, FakeInstagramInsights)
    world.fake.scripts = scripts
    for minute in range(len(scripts)):
        world.add_frame(minute=minute * 5, text=f"Frame {minute + 1} from the library")
    # The takeover is today: the frames are planned within today's slot, just before now (never before
    # midnight), and published on the real clock, which the fake follows too.
    now = dt.datetime.now(dt.UTC)
    midnight = dt.datetime.combine(today_oslo(), dt.time(0), tzinfo=OSLO)
    with world.ctx.db.write() as s:
        for position, frame_id in enumerate(world.frames):
            frame = s.get(StoryFrame, frame_id)
            assert frame is not None
            frame.planned_at = max(midnight, now - dt.timedelta(minutes=20 - position))
    world.fake.now = None
    report = publishing.publish_due(world.ctx, None, env=world.env())
    assert report.failures == []
    with world.ctx.db.session() as s:
        jobs = s.scalars(select(PublishJob).where(PublishJob.frame_id.in_(world.frames))
                         .order_by(PublishJob.published_at)).all()
        return [Story(j.frame_id, str(j.media_id), j.published_at) for j in jobs if j.published_at]


def _follower_expectations(fake: FakeInstagramInsights, start: dt.date, end: dt.date) -> dict[str, object]:
    """Worked out from what the fake served, independently of the app's code."""
    served = sorted((dt.datetime.fromtimestamp(t, dt.UTC), v) for t, v in fake.followers_served)
    day = lambda moment: to_oslo(moment).date()  # noqa: E731
    before = [(m, v) for m, v in served if day(m) < start][-1]
    on_the_days = [(m, v) for m, v in served if start <= day(m) <= end]
    earliest = [(m, v) for m, v in served if day(m) >= start - 29 * D][0]
    # Published late in the evening, every reading after the stories may fall on the next day: then the
    # takeover's days have no reading and there is no change to report (not a change to the next day).
    during = on_the_days[-1][1] - before[1] if on_the_days else None
    during_days = (day(on_the_days[-1][0]) - day(before[0])).days if on_the_days else 0
    return {
        "during": during, "during_days": during_days,
        "before_days": (day(before[0]) - day(earliest[0])).days,
        "before_per_day": (before[1] - earliest[1]) / (day(before[0]) - day(earliest[0])).days,
    }


def test_demo_frames_published_collected_and_reported_match_what_the_fake_served(
        demo_world: World, qapp: object, tmp_path: Path) -> None:
    world = demo_world
    fake = world.fake
    assert isinstance(fake, FakeInstagramInsights)
    scripts = [StoryScript.typical(420, 1), StoryScript.typical(350, 2), StoryScript.typical(4, 3),
               StoryScript.typical(290, 4)]
    # The follower count: slow growth for weeks, faster from the moment the takeover starts.
    takeover_start = dt.datetime.now(dt.UTC)
    fake.followers = lambda t: 640 + int((t - takeover_start.timestamp() + 40 * 86400) / 86400 * 1.5) + (
        int((t - takeover_start.timestamp()) / 1800) if t >= takeover_start.timestamp() else 0)
    # Four weeks of daily follower readings before the takeover (simulated days; no story is open yet).
    for days_back in range(28, 0, -1):
        run = collect_at(world, takeover_start - days_back * D)
        assert run.followers_read == 1 and run.stories_read == 0 and not run.problems

    stories = _publish(world, scripts)
    assert len(stories) == 4
    first = stories[0].published_at
    for offset in (*CHECKPOINTS, 25 * H):
        run = collect_at(world, first + offset + dt.timedelta(minutes=3))
        assert not run.problems, run.problems
    end = first + 25 * H

    report = insights_service.takeover_report(world.ctx, world.slot_id, now=end)
    assert not report.sample, "real figures: the demo's sample history is not mixed in"
    assert [f.frame_id for f in report.frames] == [s.frame_id for s in stories]
    expected_status = [Collection.FINAL, Collection.FINAL, Collection.NOT_ENOUGH_VIEWERS, Collection.FINAL]
    assert [f.status for f in report.frames] == expected_status
    served = {s.frame_id: fake.last_served(s.media_id) for s in stories}
    for frame in report.frames:
        for metric in StoryNumbers.names():
            assert frame.value(metric) == served[frame.frame_id].get(metric), (frame.number, metric)
    assert served[stories[2].frame_id] == {}, "the fake never gave numbers for the frame with 4 viewers"
    for metric in StoryNumbers.names():
        values = [served[s.frame_id][metric] for s in stories if metric in served[s.frame_id]]
        assert report.totals[metric] == sum(values), metric
    (day,) = report.retention
    assert day.first_reach == served[stories[0].frame_id]["reach"]
    assert day.last_reach == served[stories[-1].frame_id]["reach"]
    assert report.stayed == pytest.approx(day.last_reach / day.first_reach)
    assert report.totals["follows"] == sum(served[s.frame_id]["follows"] for s in (stories[0], stories[1], stories[3]))
    f = report.followers
    expected = _follower_expectations(fake, report.start, report.end)
    assert (f.during, f.during_days, f.before_days) == (expected["during"], expected["during_days"],
                                                        expected["before_days"])
    assert f.before_per_day == pytest.approx(expected["before_per_day"])

    # The CSV carries the same figures.
    csv_file = tmp_path / "report.csv"
    insights_service.export_report(world.ctx, world.slot_id, csv_file, language="en", now=end, plain=True)
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8"))))
    assert [int(r["frame_id"]) for r in rows] == [s.frame_id for s in stories]
    for row in rows:
        for metric in StoryNumbers.names():
            value = served[int(row["frame_id"])].get(metric)
            assert row[metric] == ("" if value is None else str(value)), (row["frame"], metric)

    # The PDF, read back by an independent reader, shows them too, in both languages.
    for words in (ReportWords("en"), ReportWords("nb")):
        pdf_file = tmp_path / f"report-{words.language}.pdf"
        written = insights_service.export_report(world.ctx, world.slot_id, pdf_file, language=words.language, now=end)
        assert pdf_file.read_bytes().startswith(b"%PDF") and written.pages == page_count(pdf_file)
        assert_tagged(pdf_file, title=f"{words(ReportText.TITLE)}: Biblioteket", language=words.language)
        types = element_types(pdf_file)
        assert {"H1", "H2", "Table", "TH", "Figure"} <= set(types)
        assert [alt.split(".")[0] for alt in alt_texts(pdf_file)] == [
            words(DocumentText.CHART_ALT, title=words(ReportText.REACH_VIEWS_CHART), frames="").split(".")[0],
            words(DocumentText.CHART_ALT, title=words(ReportText.EXITS_REPLIES_CHART), frames="").split(".")[0]]
        summary = " ".join(page_text(pdf_file, 1).split())
        assert words(ReportText.TITLE) in summary and "Biblioteket" in summary
        assert words.number(report.totals["views"]).replace("\u00a0", " ") in summary.replace("\u00a0", " ")
        table = " ".join(page_text(pdf_file, 2).split()).replace("\u00a0", " ")
        for frame in report.frames:
            for metric in ("reach", "views", "replies", "exits"):
                value = frame.value(metric)
                if value is not None:
                    assert words.number(value).replace("\u00a0", " ") in table
        assert words.collection(Collection.NOT_ENOUGH_VIEWERS) in table


def test_the_comparison_puts_the_new_takeover_beside_the_demos_sample_takeovers(demo_world: World) -> None:
    reports = insights_service.takeover_reports(demo_world.ctx)
    assert reports and all(r.sample for r in reports), "before publishing, only the labelled sample history"
    comparison = insights_service.comparison(reports)
    assert {g.name for g in comparison.departments} >= {"Biblioteket", "Brannvesenet", "Kulturhuset"}
    assert [g.name for g in comparison.campaigns] == ["Åpne dører"]
    goals = insights_service.list_goals(demo_world.ctx)
    assert goals and all(g.sample for g in goals)
