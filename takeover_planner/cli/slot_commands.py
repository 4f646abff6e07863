"""`book` and `slot list | show | update | set-status | move`.

A slot has two notes: ``--department-note`` goes to the department (brief, letter, e-mail, calendars);
``--notes`` is the internal note, for the comms team only.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from takeover_planner.cli import reminder_commands
from takeover_planner.cli.common import Cli, add_subcommand, date_arg, table
from takeover_planner.cli.lazy_import import lazy_module
from takeover_planner.domain.slots import SlotStatus, parse_status
from takeover_planner.domain.timekeeping import iso_week
from takeover_planner.texts import Code, render
from takeover_planner.texts.audit import AuditWord
from takeover_planner.texts.cli_reports import CliReport, cli_days, cli_moment, cli_table_date, heads
from takeover_planner.texts.words import SlotStatusName

if TYPE_CHECKING:
    from takeover_planner.services import audit, booking
else:  # loaded when a command uses it, not when the parser is built (see lazy_import)
    audit = lazy_module("takeover_planner.services.audit")
    booking = lazy_module("takeover_planner.services.booking")


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


def _result_text(said: Code, result: booking.BookingResult) -> str:
    s = result.slot
    text = render(said, {"id": s.id, "department": s.department, "account": s.account,
                         "days": cli_days(s.start, s.end), "week": iso_week(s.start),
                         "status": SlotStatusName.of(s.status.value)})
    if result.competing:
        others = ", ".join(f"#{c.id} {c.department}" for c in result.competing)
        text += "\n" + render(CliReport.COMPETING, {"others": others})
    return text


def _result_json(result: booking.BookingResult) -> dict[str, Any]:
    return {"slot": result.slot.as_dict(), "competing": [c.id for c in result.competing],
            "frames_withdrawn": result.frames_withdrawn, "frames_moved": result.frames_moved,
            "frames_to_review": result.frames_to_review}


def _book(args: argparse.Namespace, cli: Cli) -> int:
    result = booking.book(cli.context(), department=args.department, account=args.account, start=args.start,
                          end=args.end, campaign=args.campaign, status=args.status, notes=args.notes,
                          department_note=args.department_note, news_url=args.news_url)
    cli.out(_result_text(CliReport.SLOT_BOOKED, result), _result_json(result))
    return 0


def _list(args: argparse.Namespace, cli: Cli) -> int:
    ctx = cli.context()
    slots = booking.list_slots(ctx, start=args.start, end=args.end, account=args.account, department=args.department,
                               statuses=set(args.status) if args.status else None)
    competing = booking.competing_requests(slots)
    rows = [[str(s.id), cli_table_date(s.start), cli_table_date(s.end), str(iso_week(s.start)), s.account, s.department,
             render(SlotStatusName.of(s.status.value)) + (" *" if s.id in competing else ""), s.campaign or ""]
            for s in slots]
    human = table(rows, heads("ID", "START", "END", "WEEK", "ACCOUNT", "DEPARTMENT", "STATUS", "CAMPAIGN"))
    if competing:
        human += "\n" + render(CliReport.COMPETING_MARK)
    data = [{**s.as_dict(), "week": iso_week(s.start), "competing": competing.get(s.id, [])} for s in slots]
    cli.out(human, {"slots": data})
    return 0


def _show(args: argparse.Namespace, cli: Cli) -> int:
    ctx = cli.context()
    slot = booking.get_slot(ctx, args.id)
    events = booking.slot_history(ctx, args.id)
    deadline = slot.material_deadline
    lines = [render(CliReport.SLOT_SHOW, {
        "id": slot.id, "department": slot.department, "account": slot.account,
        "days": cli_days(slot.start, slot.end),
        "status": render(SlotStatusName.of(slot.status.value)) + (f" ({slot.cancel_reason})" if slot.cancel_reason
                                                                  else ""),
        "campaign": slot.campaign or "-", "deadline": cli_days(deadline, deadline) if deadline else "-",
        "note": _one_line(slot.department_note)})]
    if not slot.internal_note_hidden:  # the comms team's own: nobody else is shown it, not even as "-"
        lines.append(render(CliReport.SLOT_INTERNAL_NOTE, {"note": _one_line(slot.notes)}))
    lines.append("  " + render(AuditWord.HISTORY))
    lines += [_history_line(e) for e in events]
    cli.out("\n".join(lines), {**slot.as_dict(), "history": [_history_json(e) for e in events]})
    return 0


def _history_line(entry: audit.AuditEntry) -> str:
    """An entry in words in the CLI's language (``--language``): the action, and a person's comment as typed or
    the app's own note in words; the codes are in ``--json``."""
    comment = audit.comment_words(entry.comment)
    what = audit.action_words(entry.action, entry.after)
    return f"    {cli_moment(entry.at)} {entry.actor}: {what}" + (f" ({comment})" if comment else "")  # Oslo time


def _history_json(entry: audit.AuditEntry) -> dict[str, Any]:
    """Codes for programs: ``action`` as stored; ``comment`` a person's words, or the app's note as ``note`` (code
    and parameters) with its words in ``comment``."""
    found = audit.comment_note(entry.comment)
    data: dict[str, Any] = {"at": entry.at.isoformat(), "actor": entry.actor, "action": entry.action,
                            "before": entry.before, "after": entry.after,
                            "comment": entry.comment if found is None else str(found)}
    if found is not None:
        data["note"] = found.to_json()
    return data


def _one_line(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip()) or "-"


def _update(args: argparse.Namespace, cli: Cli) -> int:
    slot = booking.update_details(cli.context(), args.id, notes=args.notes, department_note=args.department_note,
                                  news_url=args.news_url)
    cli.out(render(CliReport.DETAILS_UPDATED, {"id": slot.id, "department": slot.department, "account": slot.account,
                                               "days": cli_days(slot.start, slot.end)}),
            {"slot": slot.as_dict()})
    return 0


def _set_status(args: argparse.Namespace, cli: Cli) -> int:
    result = booking.set_status(cli.context(), args.id, args.status, reason=args.reason)
    withdrawn = "\n" + render(CliReport.FRAMES_WITHDRAWN, {"count": result.frames_withdrawn}) \
        if result.frames_withdrawn else ""
    cli.out(_result_text(CliReport.SLOT_UPDATED, result) + withdrawn, _result_json(result))
    return 0


def _move(args: argparse.Namespace, cli: Cli) -> int:
    result = booking.move(cli.context(), args.id, args.start, args.end)
    frames = ""
    if result.frames_to_review:
        frames = "\n" + render(CliReport.FRAMES_MOVED_SOME_OUT, {"count": result.frames_moved,
                                                               "outside": result.frames_to_review})
    elif result.frames_moved:
        frames = "\n" + render(CliReport.FRAMES_MOVED, {"count": result.frames_moved})
    cli.out(_result_text(CliReport.SLOT_MOVED, result) + frames, _result_json(result))
    return 0
