"""Publishing the calendar feeds through the fake WebDAV host: uploaded under stable, unguessable names, read
back from the public address, parsed by icalendar, accepted by libical and imported by calcurse."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Iterator

import icalendar
import pytest
import requests

from takeover_planner.cli import main
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.errors import ValidationError
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.services import booking, catalog
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.calendar_feeds import publish_feeds
from takeover_planner.services.context import AppContext
from takeover_planner.texts.feeds import FeedText
from tests.fakes.fake_graph import FakeWebDav
from tests.fakes.keyrings import MemoryKeyring, choose_keyring
from tests.unit.export.libical import libical_errors

D = dt.date


@pytest.fixture
def dav(ctx: AppContext, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeWebDav]:
    choose_keyring(request, monkeypatch, MemoryKeyring())
    MemoryKeyring.store.clear()
    server = FakeWebDav().start()
    try:
        yield server
    finally:
        server.stop()
    assert server.server_errors == []


@pytest.fixture
def plan(ctx: AppContext) -> dict[str, int]:
    catalog.add_account(ctx, "Fjordvik kommune")
    catalog.add_department(ctx, "Kultur/Ung", contact_name="Kari", email="kari@fjordvik.kommune.no")
    catalog.add_department(ctx, "Kultur:Ung", contact_name="Ola")
    catalog.add_blackout(ctx, "Sommerferie", D(2030, 7, 1), D(2030, 7, 31))
    first = booking.book(ctx, department="Kultur/Ung", account="Fjordvik kommune", start=D(2030, 3, 11),
                         end=D(2030, 3, 13), status=SlotStatus.CONFIRMED,
                         material_deadline=dt.datetime(2030, 3, 6, 12, tzinfo=OSLO)).slot.id
    second = booking.book(ctx, department="Kultur:Ung", account="Fjordvik kommune", start=D(2030, 4, 1),
                          end=D(2030, 4, 2)).slot.id
    return {"first": first, "second": second}


def store() -> SecretStore:
    return SecretStore(MemoryKeyring(), explicit=True)


def test_feeds_are_uploaded_and_readable_at_stable_public_addresses(ctx, plan, dav, tmp_path):
    secrets = store()
    with pytest.raises(ValidationError) as refused:
        publish_feeds(ctx, secrets_store=secrets)
    assert refused.value.code == FeedText.NO_HOST
    svc.set_hosting(ctx, dav.upload_url, dav.public_url, dav.username, dav.password, secrets=secrets)
    feeds = publish_feeds(ctx, secrets_store=secrets)
    assert set(feeds.per_department) == {"Kultur/Ung", "Kultur:Ung"}
    key = ctx.settings.get("calendar.feed_key")
    assert len(key) == 16
    ids = {d.name: d.id for d in catalog.list_departments(ctx)}
    assert sorted(dav.files) == sorted([f"takeover-calendar-{key}.ics", f"Kultur-Ung-{ids['Kultur/Ung']}-{key}.ics",
                                        f"Kultur-Ung-{ids['Kultur:Ung']}-{key}.ics"])
    assert feeds.full == f"{dav.public_url}/takeover-calendar-{key}.ics"
    put = [r for r in dav.requests if r.method == "PUT"]
    assert len(put) == 3
    for url in [feeds.full, *feeds.per_department.values()]:
        data = requests.get(url, timeout=10).content
        calendar = icalendar.Calendar.from_ical(data)
        assert str(calendar["refresh-interval"].to_ical().decode()) == "PT1H"
        assert libical_errors(data) == []
    young = icalendar.Calendar.from_ical(requests.get(feeds.per_department["Kultur:Ung"], timeout=10).content)
    uids = [str(e["uid"]) for e in young.walk("VEVENT")]
    assert [u.split("-")[0] for u in uids] == ["blackout", "slot", "deadline"]
    # Published again (after a change): the same addresses, the files replaced.
    booking.move(ctx, plan["second"], D(2030, 4, 8), D(2030, 4, 9))
    again = publish_feeds(ctx, secrets_store=secrets)
    assert again == feeds and len(dav.files) == 3


@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed")
def test_a_published_feed_imports_into_calcurse(ctx, plan, dav, tmp_path):
    secrets = store()
    svc.set_hosting(ctx, dav.upload_url, dav.public_url, dav.username, dav.password, secrets=secrets)
    feeds = publish_feeds(ctx, secrets_store=secrets)
    source = tmp_path / "feed.ics"
    source.write_bytes(requests.get(feeds.per_department["Kultur/Ung"], timeout=10).content)
    folder = tmp_path / "calcurse"
    folder.mkdir()
    done = subprocess.run(["calcurse", "-D", str(folder), "-i", str(source)], capture_output=True, timeout=60,
                          check=True, env={"TZ": "Europe/Oslo", "LC_ALL": "C.UTF-8", "HOME": str(tmp_path)})
    assert b"0 skipped" in done.stdout, done.stdout


def test_export_ics_publish_prints_the_addresses(ctx, plan, dav, tmp_path, capsys):
    svc.set_hosting(ctx, dav.upload_url, dav.public_url, dav.username, dav.password, secrets=store())
    home = ctx.paths.data_dir.parent
    code = main(["--home", str(home), "--db", ctx.db.url, "--json", "export", "ics", "--publish"])
    assert code == 0, capsys.readouterr().err
    result = json.loads(capsys.readouterr().out)["published"]
    assert result["full"].startswith(dav.public_url) and len(result["per_department"]) == 2
    out = tmp_path / "local.ics"
    code = main(["--home", str(home), "--db", ctx.db.url, "--json", "export", "ics", "--publish", "--out", str(out)])
    assert code == 0 and out.exists()
    assert json.loads(capsys.readouterr().out)["published"]["full"] == result["full"]
    code = main(["--home", str(home), "--db", ctx.db.url, "export", "ics"])
    assert code == 2
