"""Issue 17's rough edges in the services: names lose invisible control characters (a right-to-left override
shows a name backwards), new departments and campaigns get a colour nobody has, and moving a slot moves its
material deadline by the same days — on the Oslo clock, audited."""

from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO, to_oslo
from takeover_planner.domain.validation import PALETTE, clean_name, free_color, strip_invisible
from takeover_planner.errors import ValidationError
from takeover_planner.services import booking, catalog
from takeover_planner.texts.validation import FieldText, ValidationText

D = dt.date


def test_invisible_characters_leave_names_and_joiners_stay() -> None:
    assert clean_name("Bibliot\u202eeket", FieldText.DEPARTMENT_NAME) == "Biblioteket"
    assert clean_name("Park\u200bvesenet\u00ad \u2066x\u2069", FieldText.DEPARTMENT_NAME) == "Parkvesenet x"
    assert clean_name("  Brann\t\nvesenet\x07 ", FieldText.DEPARTMENT_NAME) == "Brann vesenet"
    firefighter = "\U0001f469\u200d\U0001f692"  # woman, zero-width joiner, fire engine: one emoji
    assert clean_name(f"Brann {firefighter}", FieldText.DEPARTMENT_NAME) == f"Brann {firefighter}"
    assert strip_invisible("a\u200cb") == "a\u200cb"
    with pytest.raises(ValidationError) as empty:
        clean_name("\u202e\u200b", FieldText.DEPARTMENT_NAME)
    assert empty.value.code == ValidationText.EMPTY


def test_free_colour_is_the_first_nobody_has() -> None:
    assert free_color([]) == PALETTE[0]
    assert free_color([PALETTE[0].upper(), PALETTE[2]]) == PALETTE[1]
    taken = list(PALETTE)
    for _ in range(40):  # past the palette: still new every time
        colour = free_color(taken)
        assert colour not in taken and len(colour) == 7
        taken.append(colour)


def test_new_departments_and_campaigns_get_colours_not_taken(ctx) -> None:
    first = catalog.add_department(ctx, "Biblioteket", color=PALETTE[1])
    second = catalog.add_department(ctx, "Brannvesenet\u202e")
    campaign = catalog.add_campaign(ctx, "Lesekampanjen")
    assert second.name == "Brannvesenet"
    colours = [first.color, second.color, campaign.color]
    assert len(set(colours)) == 3 and second.color == PALETTE[0] and campaign.color == PALETTE[2]


@pytest.fixture
def slot(ctx) -> int:
    catalog.add_account(ctx, "Fjordvik kommune", handle="fjordvikkommune")
    catalog.add_department(ctx, "Biblioteket")
    deadline = dt.datetime(2027, 3, 24, 12, 0, tzinfo=OSLO)  # winter time; the move below crosses into summer
    return booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=D(2027, 3, 29),
                        end=D(2027, 3, 31), status=SlotStatus.BOOKED, material_deadline=deadline).slot.id


def test_moving_a_slot_moves_its_deadline_by_the_same_days(ctx, slot) -> None:
    moved = booking.move(ctx, slot, D(2027, 4, 5), D(2027, 4, 7)).slot
    assert moved.material_deadline is not None
    assert to_oslo(moved.material_deadline).replace(tzinfo=None) == dt.datetime(2027, 3, 31, 12, 0)
    entry = [e for e in booking.slot_history(ctx, slot) if e.action == "moved"][-1]
    assert entry.before is not None and entry.after is not None
    assert entry.before["material_deadline"] != entry.after["material_deadline"]
    back = booking.move(ctx, slot, D(2027, 3, 29), D(2027, 3, 31)).slot
    assert back.material_deadline is not None
    assert to_oslo(back.material_deadline).replace(tzinfo=None) == dt.datetime(2027, 3, 24, 12, 0)


def test_the_publisher_numbers_frames_as_stored_from_one() -> None:
    from takeover_planner.publishing.publisher import FrameToPublish

    frame = FrameToPublish(frame_id=9, account_id=1, account_name="Fjordvik kommune", slot_id=3,
                           department="Biblioteket", position=1, planned_at=None, media_path=None,
                           media_kind="image")
    assert frame.label.params["number"] == 1, "position 1 is no. 1, not no. 2"
