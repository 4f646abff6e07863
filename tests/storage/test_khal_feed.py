"""A feed published through the fake WebDAV host, read back from its public address, imports into khal with the
department's takeover on its days. Runs when khal is installed; CI installs it."""

from __future__ import annotations

from pathlib import Path

import requests

from takeover_planner.services import publishing_service as svc
from takeover_planner.services.calendar_feeds import publish_feeds
from takeover_planner.services.context import AppContext
from tests.fakes.fake_graph import FakeWebDav

# The WebDAV host and the seeded plan are the ones the feed tests use.
from tests.storage.test_calendar_feeds import dav, plan, store  # noqa: F401
from tests.unit.export.khal import Khal, needs_khal

pytestmark = needs_khal


def test_a_published_feed_imports_into_khal(ctx: AppContext, plan: dict[str, int],  # noqa: F811
                                            dav: FakeWebDav, tmp_path: Path) -> None:  # noqa: F811
    secrets = store()
    svc.set_hosting(ctx, dav.upload_url, dav.public_url, dav.username, dav.password, secrets=secrets)
    feeds = publish_feeds(ctx, secrets_store=secrets)
    source = tmp_path / "feed.ics"
    source.write_bytes(requests.get(feeds.per_department["Kultur/Ung"], timeout=10).content)
    khal = Khal(tmp_path / "khal")
    khal.import_file(source)

    listed = khal.days("2030-03-01", "2030-03-20")
    takeover = [day for day, items in listed.items() if any("Kultur/Ung" in i and "|Takeover" in i for i in items)]
    assert takeover == ["2030-03-11", "2030-03-12", "2030-03-13"]
    deadline = [item for item in listed.get("2030-03-06", []) if item.startswith("12:00|")]
    assert len(deadline) == 1 and "Kultur/Ung" in deadline[0]
    assert not any("Kultur:Ung" in item for items in listed.values() for item in items)
