"""An edit made offline in the planner window that gives a slot to another account is replayed with the booking
rules checked on that account, as the window's own edit does."""

from __future__ import annotations

import datetime as dt

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import TakeoverError
from takeover_planner.services import booking, catalog
from takeover_planner.services.context import AppContext
from takeover_planner.services.outbox import Outbox
from takeover_planner.texts.booking import BookingText


def test_an_offline_edit_moves_the_slot_to_another_account_or_is_refused(ctx: AppContext) -> None:
    kommune = catalog.add_account(ctx, "Fjordvik kommune").id
    kultur = catalog.add_account(ctx, "Fjordvik kultur").id
    library = catalog.add_department(ctx, "Biblioteket").id
    parks = catalog.add_department(ctx, "Parkvesenet").id
    slot = booking.book(ctx, department=library, account=kommune, start=dt.date(2031, 3, 3),
                        end=dt.date(2031, 3, 4), status=SlotStatus.BOOKED).slot
    outbox = Outbox(ctx.paths.data_dir / "outbox.json")
    edit = {"slot_id": slot.id, "start": "2031-03-03", "end": "2031-03-04", "notes": "", "news_url": "",
            "campaign": None, "clear_campaign": True, "expected_version": slot.version, "account": kultur}
    outbox.add("edit", edit, ctx.actor)
    result = outbox.replay(ctx)
    assert [i.operation for i in result.applied] == ["edit"] and not result.refused
    moved = booking.get_slot(ctx, slot.id)
    assert (moved.account_id, moved.start) == (kultur, dt.date(2031, 3, 3))

    booking.book(ctx, department=parks, account=kommune, start=dt.date(2031, 3, 4), end=dt.date(2031, 3, 4),
                 status=SlotStatus.CONFIRMED)
    outbox.add("edit", dict(edit, account=kommune, expected_version=moved.version), ctx.actor)
    result = outbox.replay(ctx)
    assert not result.applied and len(result.refused) == 1
    refusal = result.refused[0][1]
    assert isinstance(refusal, TakeoverError) and refusal.code == BookingText.OVERLAP
    assert booking.get_slot(ctx, slot.id).account_id == kultur, "refused whole: the slot stays where it was"
