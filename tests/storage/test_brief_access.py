"""Only comms officers write briefs: the letter names its writer as the department's contact in the comms team.
Readers and contributors are refused by the service, whatever window or command they try it from."""

from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.errors import PermissionDenied
from takeover_planner.services import packages
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Person, TakeoverSlot
from takeover_planner.texts.access import ActionText
from tests.storage.stories_support import book_slot


@pytest.mark.parametrize("role", ["reader", "contributor"])
def test_a_reader_or_contributor_may_not_write_a_brief(qapp, sqlite_ctx: AppContext, tmp_path: Path,
                                                       role: str) -> None:
    # Roles by name are the personal SQLite database's honest-mistake check; on PostgreSQL the login decides and
    # the server refuses (tests/storage/test_pg_roles.py).
    ctx = sqlite_ctx
    slot_id = book_slot(ctx)
    with ctx.db.write() as s:
        department_id = s.get(TakeoverSlot, slot_id).department_id  # type: ignore[union-attr]
        s.add(Person(name="Kari Kommunikasjon", role="comms_officer"))
        s.add(Person(name="Ola Bidrag", role=role, department_id=department_id if role == "contributor" else None))
    out, pdf = tmp_path / "brief.zip", tmp_path / "brief.pdf"
    ctx.actor = "Ola Bidrag"
    with pytest.raises(PermissionDenied) as refused:
        packages.write_slot_brief(ctx, slot_id, out, pdf=pdf)
    assert refused.value.params["action"] == ActionText.WRITE_BRIEFS
    assert not out.exists() and not pdf.exists()
    ctx.actor = "Kari Kommunikasjon"
    packages.write_slot_brief(ctx, slot_id, out, pdf=pdf)
    assert out.is_file() and pdf.is_file()
