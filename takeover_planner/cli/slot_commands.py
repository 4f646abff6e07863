"""`book` and `slot list | show | update | set-status | move`.

A slot has two notes: ``--department-note`` goes to the department (brief, letter, e-mail, calendars);
``--notes`` is the internal note, for the comms team only.
"""

from __future__ import annotations

import argparse
from typing import Any

from takeover_planner.cli import reminder_commands
from takeover_planner.cli.common import Cli, add_subcommand, date_arg, table
from takeover_planner.domain.slots import SlotStatus, parse_status
from takeover_planner.domain.timekeeping import iso_week
from takeover_planner.services import booking


def _status_arg(text: str) -> SlotStatus:
    try:
        return parse_status(text)
    except Exception as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: Any) -> None:
    p = add_subcommand(sub, "book", "book a department into a takeover slot")
    p.add_argument("--department", required=True)
    p.add_argument("--account", required=True)
    p.add_argument("--start", type=date_arg, required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--end", type=date_arg, required=True, help="last day (included), YYYY-MM-DD")
    p.add_argument("--campaign", default=None)
    p.add_argument("--status", type=_status_arg, default=SlotStatus.REQUESTED,
                   help="requested (default), booked or confirmed")
    _note_arguments(p, default="")
    p.add_argument("--news-url", default="")
    p.set_defaults(handler=_book)

    slot = add_subcommand(sub, "slot", "takeover slots")
    slot_sub = slot.add_subparsers(dest="slot_command", metavar="ACTION", required=True)
    p = add_subcommand(slot_sub, "list", "list slots")
    p.add_argument("--from", dest="start", type=date_arg, default=None)
    p.add_argument("--to", dest="end", type=date_arg, default=None)
    p.add_argument("--account", default=None)
    p.add_argument("--department", default=None)
    p.add_argument("--status", type=_status_arg, action="append", default=None)
    p.set_defaults(handler=_list)
    p = add_subcommand(slot_sub, "show", "show one slot and its audit trail")
    p.add_argument("id", type=int)
    p.set_defaults(handler=_show)
    p = add_subcommand(slot_sub, "update", "change a slot's notes or news link (what is not given stays)")
    p.add_argument("id", type=int)
    _note_arguments(p, default=None)
    p.add_argument("--news-url", default=None)
    p.set_defaults(handler=_update)
    p = add_subcommand(slot_sub, "set-status", "change a slot's status")
    p.add_argument("id", type=int)
    p.add_argument("status", type=_status_arg)
    p.add_argument("--reason", default=None, help="required when cancelling")
    p.set_defaults(handler=_set_status)
    p = add_subcommand(slot_sub, "move", "move a slot to other dates")
    p.add_argument("id", type=int)
    p.add_argument("--start", type=date_arg, required=True)
    p.add_argument("--end", type=date_arg, required=True)
    p.set_defaults(handler=_move)
    reminder_commands.register_slot_email(slot_sub)


def _note_arguments(p: argparse.ArgumentParser, *, default: str | None) -> None:
    p.add_argument("--notes", default=default, metavar="TEXT",
                   help="internal note: for the comms team only, never sent to the department")
    p.add_argument("--department-note", default=default, metavar="TEXT",
                   help="note to the department: printed in the brief and the e-mail, shown in calendars")


def _result_text(verb: str, result: booking.BookingResult) -> str:
    s = result.slot
    text = f"{verb} slot #{s.id}: {s.department} on {s.account}, {s.dates.describe()} (week {iso_week(s.start)}), {s.status.value}."
    if result.competing:
        others = ", ".join(f"#{c.id} {c.department}" for c in result.competing)
        text += f"\nCompeting requests for the same days: {others}."
    return text


def _result_json(result: booking.BookingResult) -> dict[str, Any]:
    return {"slot": result.slot.as_dict(), "competing": [c.id for c in result.competing],
            "frames_withdrawn": result.frames_withdrawn, "frames_moved": result.frames_moved,
            "frames_to_review": result.frames_to_review}


def _book(args: argparse.Namespace, cli: Cli) -> int:
    result = booking.book(cli.context(), department=args.department, account=args.account, start=args.start,
                          end=args.end, campaign=args.campaign, status=args.status, notes=args.notes,
                          department_note=args.department_note, news_url=args.news_url)
    cli.out(_result_text("Booked", result), _result_json(result))
    return 0


def _list(args: argparse.Namespace, cli: Cli) -> int:
    ctx = cli.context()
    slots = booking.list_slots(ctx, start=args.start, end=args.end, account=args.account, department=args.department,
                               statuses=set(args.status) if args.status else None)
    competing = booking.competing_requests(slots)
    rows = [[str(s.id), s.start.isoformat(), s.end.isoformat(), str(iso_week(s.start)), s.account, s.department,
             s.status.value + (" *" if s.id in competing else ""), s.campaign or ""] for s in slots]
    human = table(rows, ["ID", "START", "END", "WEEK", "ACCOUNT", "DEPARTMENT", "STATUS", "CAMPAIGN"])
    if competing:
        human += "\n* competing requests for the same days"
    data = [{**s.as_dict(), "week": iso_week(s.start), "competing": competing.get(s.id, [])} for s in slots]
    cli.out(human, {"slots": data})
    return 0


def _show(args: argparse.Namespace, cli: Cli) -> int:
    ctx = cli.context()
    slot = booking.get_slot(ctx, args.id)
    events = booking.slot_history(ctx, args.id)
    lines = [f"Slot #{slot.id}: {slot.department} on {slot.account}", f"  Dates:    {slot.dates.describe()}",
             f"  Status:   {slot.status.value}" + (f" ({slot.cancel_reason})" if slot.cancel_reason else ""),
             f"  Campaign: {slot.campaign or '-'}",
             f"  Deadline: {slot.material_deadline.isoformat() if slot.material_deadline else '-'}",
             f"  Note to the department: {_one_line(slot.department_note)}"]
    if not slot.internal_note_hidden:  # the comms team's own: nobody else is shown it, not even as "-"
        lines.append(f"  Internal note:          {_one_line(slot.notes)}")
    lines.append("  History:")
    lines += [f"    {e.at:%Y-%m-%d %H:%M} {e.actor}: {e.action}" + (f" ({e.comment})" if e.comment else "") for e in events]
    cli.out("\n".join(lines), {**slot.as_dict(), "history": [
        {"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "before": e.before, "after": e.after,
         "comment": e.comment} for e in events]})
    return 0


def _one_line(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip()) or "-"


def _update(args: argparse.Namespace, cli: Cli) -> int:
    slot = booking.update_details(cli.context(), args.id, notes=args.notes, department_note=args.department_note,
                                  news_url=args.news_url)
    cli.out(f"Updated slot #{slot.id}: {slot.department} on {slot.account}, {slot.dates.describe()}.",
            {"slot": slot.as_dict()})
    return 0


def _set_status(args: argparse.Namespace, cli: Cli) -> int:
    result = booking.set_status(cli.context(), args.id, args.status, reason=args.reason)
    withdrawn = f"\n{result.frames_withdrawn} frame(s) taken off the publishing queue." \
        if result.frames_withdrawn else ""
    cli.out(_result_text("Updated", result) + withdrawn, _result_json(result))
    return 0


def _move(args: argparse.Namespace, cli: Cli) -> int:
    result = booking.move(cli.context(), args.id, args.start, args.end)
    frames = (f"\n{result.frames_moved} frame(s) moved with the slot" +
              (f"; {result.frames_to_review} fall outside it and go back to review." if result.frames_to_review
               else ".")) if result.frames_moved or result.frames_to_review else ""
    cli.out(_result_text("Moved", result) + frames, _result_json(result))
    return 0
