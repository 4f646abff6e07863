"""`publish-due`, `publish late …`, `publish text-frames`, `hosting set | show | test`, `handoff pack | posted`,
and the publishing actions of `account` (`set-token`, `check`, `remove-token`, `publish-method`, `resume`).

`publish-due` is what Windows Task Scheduler or cron runs; it is safe to run from two places at once. Its exit
code is 0 when nothing needs a person's attention, 1 when a frame failed or is held (late), or an account is
stopped or blocked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from takeover_planner.cli.common import Cli, add_subcommand, date_arg
from takeover_planner.cli.lazy_import import lazy_module
from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.errors import EXIT_FAILURE, ValidationError
from takeover_planner.publishing.publisher import OutcomeKind
from takeover_planner.texts import render
from takeover_planner.texts.cli import CliText
from takeover_planner.texts.cli_publishing import CliPublishing, OutcomeKindName
from takeover_planner.texts.cli_reports import cli_moment
from takeover_planner.texts.render import Text
from takeover_planner.texts.usage import UsageText

if TYPE_CHECKING:
    from takeover_planner.services import handoff_service, text_frames_setting
    from takeover_planner.services import publishing_service as svc
else:  # loaded when a command uses it, not when the parser is built (see lazy_import)
    handoff_service = lazy_module("takeover_planner.services.handoff_service")
    text_frames_setting = lazy_module("takeover_planner.services.text_frames_setting")
    svc = lazy_module("takeover_planner.services.publishing_service")


def _moment(text: str) -> dt.datetime:
    """argparse type: an ISO date-time with a zone (a bare one is taken as Oslo time)."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(str(Text(UsageText.BAD_MOMENT, {"text": text}))) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=OSLO)


def register(sub: Any) -> None:
    p = add_subcommand(sub, "publish-due", "publish every approved frame whose time has come (for cron / Task "
                                           "Scheduler; safe to run from two places at once)")
    p.add_argument("--now", type=_moment, default=None,
                   help="rehearsal clock: act as if it were this time (ISO, e.g. 2025-05-06T10:00+02:00); "
                        "only against a test server, never Meta's hosts; default: now")
    p.set_defaults(handler=_publish_due)

    publish = add_subcommand(sub, "publish", "decisions the publishing queue leaves to a person")
    pub_sub = publish.add_subparsers(dest="publish_command", metavar="GROUP", required=True)
    late = add_subcommand(pub_sub, "late", "frames held because they are late: post now, re-time or drop")
    l_sub = late.add_subparsers(dest="late_command", metavar="ACTION", required=True)
    p = add_subcommand(l_sub, "list", "list the frames held as late")
    p.set_defaults(handler=_late_list)
    p = add_subcommand(l_sub, "post", "post a late frame on the next run all the same")
    p.add_argument("frame", type=int, help="the frame's id")
    p.set_defaults(handler=_late_post)
    p = add_subcommand(l_sub, "retime", "give a late frame a new time inside its slot")
    p.add_argument("frame", type=int, help="the frame's id")
    p.add_argument("--at", type=_moment, required=True, help="the new time (ISO, e.g. 2025-05-06T14:00+02:00)")
    p.set_defaults(handler=_late_retime)
    p = add_subcommand(l_sub, "drop", "do not post a late frame (it is withdrawn)")
    p.add_argument("frame", type=int, help="the frame's id")
    p.set_defaults(handler=_late_drop)
    p = add_subcommand(pub_sub, "text-frames", "frames with on-screen text: burn the text in and publish through "
                                               "the API (burn), or post them by hand (handoff); no choice: show it")
    p.add_argument("choice", nargs="?", choices=["burn", "handoff"], default=None,
                   help="burn: the text is set into the picture or video; handoff: such frames go into the "
                        "hand-off pack, whose checklist shows the text to add on the phone")
    p.set_defaults(handler=_text_frames)

    hosting = add_subcommand(sub, "hosting", "the media host Instagram fetches files from")
    h_sub = hosting.add_subparsers(dest="hosting_command", metavar="ACTION", required=True)
    p = add_subcommand(h_sub, "set", "set the WebDAV / HTTP PUT folder and its public address")
    p.add_argument("--upload-url", required=True, help="where the app uploads (PUT), https://…")
    p.add_argument("--public-url", required=True, help="the same folder as Instagram sees it, https://…")
    p.add_argument("--username", default="", help="user name for the upload folder")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from standard input (it goes to the OS keyring, nowhere else)")
    p.set_defaults(handler=_hosting_set)
    p = add_subcommand(h_sub, "show", "show the media host settings")
    p.set_defaults(handler=_hosting_show)
    p = add_subcommand(h_sub, "test", "upload a small file, fetch it from the public address, delete it")
    p.set_defaults(handler=_hosting_test)

    handoff = add_subcommand(sub, "handoff", "hand-off packs: frames posted by hand from a phone")
    o_sub = handoff.add_subparsers(dest="handoff_command", metavar="ACTION", required=True)
    p = add_subcommand(o_sub, "pack", "write a hand-off pack (numbered files and a printable checklist) for a slot")
    p.add_argument("--slot", type=int, required=True, help="the slot's id")
    p.add_argument("--out", type=Path, required=True, help="folder to write the pack to")
    p.add_argument("--all", action="store_true", help="every approved frame, not only those with stickers")
    p.set_defaults(handler=_handoff_pack)
    p = add_subcommand(o_sub, "posted", "record that a frame was posted by hand (who and when)")
    p.add_argument("frame", type=int, help="the frame's id")
    p.add_argument("--by", default=None, help="who posted it (default: you)")
    p.add_argument("--at", type=_moment, default=None, help="when (default: now)")
    p.set_defaults(handler=_handoff_posted)


def register_account_commands(acc_sub: Any) -> None:
    """Called by catalog_commands to add the publishing actions to the `account` group."""
    p = add_subcommand(acc_sub, "set-token", "store the account's access token in the OS keyring (read from "
                                             "standard input)")
    p.add_argument("name")
    p.add_argument("--expires", type=date_arg, default=None,
                   help="the token's expiry date, YYYY-MM-DD (default: 60 days from now)")
    p.set_defaults(handler=_set_token)
    p = add_subcommand(acc_sub, "check", "ask Instagram for the account name, token expiry and remaining quota")
    p.add_argument("name")
    p.set_defaults(handler=_check)
    p = add_subcommand(acc_sub, "remove-token", "delete the account's token from this computer's keyring")
    p.add_argument("name")
    p.set_defaults(handler=_remove_token)
    p = add_subcommand(acc_sub, "publish-method", "publish through the API, or post everything by hand")
    p.add_argument("name")
    p.add_argument("method", choices=["api", "handoff"])
    p.set_defaults(handler=_publish_method)
    p = add_subcommand(acc_sub, "resume", "end a throttling pause early, or resume an account stopped for a "
                                          "reason you have acted on (a spam appeal, a login in Instagram)")
    p.add_argument("name")
    p.set_defaults(handler=_resume)


# --- handlers -----------------------------------------------------------------------------------------


def _when(moment: dt.datetime | None) -> str:
    return cli_moment(moment)


def _kind(kind: str) -> str:
    return f"{render(OutcomeKindName.of(kind)):>10}"


def _publish_due(args: argparse.Namespace, cli: Cli) -> int:
    report = svc.publish_due(cli.context(), args.now)
    lines = []
    for outcome in report.outcomes:
        line = f"{_kind(outcome.kind.value)}  {outcome.message}"
        if outcome.retry_at is not None:
            line += " " + render(CliPublishing.NEXT_TRY, {"when": _when(outcome.retry_at)})
        if outcome.advice and outcome.kind not in (OutcomeKind.PUBLISHED, OutcomeKind.DEFERRED):
            line += "\n            " + render(CliPublishing.WHAT_TO_DO, {"advice": outcome.advice})
        lines.append(line)
    for held in report.held:
        lines.append(f"{_kind('held')}  {held.message}\n            "
                     + render(CliPublishing.HELD_CHOICES, {"frame": held.frame_id}))
    for due in report.handoff_due:
        lines.append(f"{_kind('by_hand')}  " + render(CliPublishing.BY_HAND_DUE, {
            "frame": due.frame_id, "department": due.department, "when": _when(due.planned_at),
            "reason": due.reason}))
    lines.extend(f"{_kind('notice')}  {n}" for n in report.notices)
    if not lines:
        lines.append(render(CliPublishing.NOTHING_DUE_WAITING, {"count": report.waiting}) if report.waiting
                     else render(CliPublishing.NOTHING_DUE))
    cli.out("\n".join(lines), report.to_json())
    # A held frame waits for a person as much as a failed one: cron's mail on a non-zero exit is the alert.
    return EXIT_FAILURE if report.failures or report.held else 0


def _read_secret(prompt: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    data = sys.stdin.read() if sys.stdin is not None else ""
    return data.strip()


def _set_token(args: argparse.Namespace, cli: Cli) -> int:
    ctx = cli.context()
    expires = dt.datetime.combine(args.expires, dt.time(0), tzinfo=OSLO) if args.expires else None
    token = _read_secret(render(CliPublishing.TOKEN_PROMPT))
    info = svc.set_token(ctx, args.name, token, expires_at=expires)
    warning = "" if info.secure_store else "\n" + render(CliPublishing.PLAIN_KEYRING)
    cli.out(render(CliPublishing.TOKEN_SAVED, {"account": info.account, "notice": info.notice}) + warning,
            {"account": info.account, "expires_at": info.expires_at, "notice": info.notice,
             "secure_store": info.secure_store})
    return 0


def _check(args: argparse.Namespace, cli: Cli) -> int:
    result = svc.check_account(cli.context(), args.name)
    quota = (render(CliPublishing.QUOTA_USED, {"used": result.quota_usage, "total": result.quota_total})
             if result.quota_usage is not None and result.quota_total is not None
             else render(CliPublishing.QUOTA_UNKNOWN))
    facts = {"account": result.account, "username": result.username, "user_id": result.ig_user_id,
             "api": result.api_variant, "token": result.token_notice, "quota": quota}
    said = CliPublishing.CHECK_PAGE if result.api_variant == "facebook_page" else CliPublishing.CHECK_INSTAGRAM
    lines = [render(said, facts)]
    if result.paused_until:
        lines.append(render(CliPublishing.PAUSED_UNTIL, {"when": _when(result.paused_until),
                                                         "reason": result.pause_reason}))
    if result.queue_resumed:
        lines.append(render(CliPublishing.QUEUE_RESUMED))
    cli.out("\n".join(lines), result.to_json())
    return 0


def _remove_token(args: argparse.Namespace, cli: Cli) -> int:
    removed = svc.remove_token(cli.context(), args.name)
    cli.out(render(CliPublishing.TOKEN_REMOVED if removed else CliPublishing.NO_TOKEN),
            {"removed": removed})
    return 0


def _publish_method(args: argparse.Namespace, cli: Cli) -> int:
    svc.set_publish_method(cli.context(), args.name, args.method)
    text = render(CliPublishing.METHOD_API if args.method == "api" else CliPublishing.METHOD_HANDOFF)
    cli.out(text, {"account": args.name, "method": args.method})
    return 0


def _text_frames(args: argparse.Namespace, cli: Cli) -> int:
    ctx = cli.context()
    choice = text_frames_setting.set_text_frames(ctx, args.choice) if args.choice else \
        text_frames_setting.text_frames_choice(ctx)
    text = render(CliPublishing.TEXT_BURN if choice == "burn" else CliPublishing.TEXT_HANDOFF)
    cli.out(text, {"text_frames": choice})
    return 0


def _resume(args: argparse.Namespace, cli: Cli) -> int:
    lifted = svc.clear_pause(cli.context(), args.name)
    cli.out(render(CliPublishing.STOP_LIFTED if lifted else CliPublishing.PAUSE_CLEARED),
            {"account": args.name, "paused": False, "stop_lifted": lifted})
    return 0


def _late_list(_args: argparse.Namespace, cli: Cli) -> int:
    held = svc.held_frames(cli.context())
    lines = [render(CliPublishing.HELD_LINE, {"frame": h.frame_id, "when": _when(h.planned_at),
                                              "department": h.department, "slot": h.slot_id, "reason": h.reason})
             for h in held]
    cli.out("\n".join(lines) if lines else render(CliPublishing.NONE_HELD),
            {"held": [{"frame_id": h.frame_id, "slot_id": h.slot_id, "department": h.department,
                       "planned_at": h.planned_at.isoformat() if h.planned_at else None, "reason": h.reason}
                      for h in held]})
    return 0


def _late_post(args: argparse.Namespace, cli: Cli) -> int:
    svc.post_late(cli.context(), args.frame)
    cli.out(render(CliPublishing.LATE_POST, {"frame": args.frame}), {"frame_id": args.frame, "decision": "post"})
    return 0


def _late_retime(args: argparse.Namespace, cli: Cli) -> int:
    svc.retime_late(cli.context(), args.frame, args.at)
    cli.out(render(CliPublishing.LATE_RETIME, {"frame": args.frame, "when": _when(args.at)}),
            {"frame_id": args.frame, "decision": "retime", "planned_at": args.at.isoformat()})
    return 0


def _late_drop(args: argparse.Namespace, cli: Cli) -> int:
    svc.drop_late(cli.context(), args.frame)
    cli.out(render(CliPublishing.LATE_DROP, {"frame": args.frame}), {"frame_id": args.frame, "decision": "drop"})
    return 0


def _hosting_set(args: argparse.Namespace, cli: Cli) -> int:
    password = None
    if args.password_stdin:
        password = _read_secret(render(CliPublishing.HOST_PROMPT))
        if not password:
            raise ValidationError(CliText.NO_PASSWORD)
    info = svc.set_hosting(cli.context(), args.upload_url, args.public_url, args.username, password)
    said = render(CliPublishing.HOST_SET, {"upload": info.upload_url, "public": info.public_url})
    if info.password_stored:
        said += " " + render(CliPublishing.HOST_PASSWORD_KEPT)
    elif info.username:  # a host that asks for a user and has no password would stop every upload
        said += "\n" + render(CliPublishing.HOST_PASSWORD_MISSING, {"username": info.username})
    cli.out(said, info.__dict__)
    return 0


def _hosting_show(_args: argparse.Namespace, cli: Cli) -> int:
    info = svc.hosting_info(cli.context())
    if not info.upload_url:
        cli.out(render(CliPublishing.NO_HOST),
                info.__dict__)
        return 0
    cli.out(render(CliPublishing.HOST_SHOW, {
        "upload": info.upload_url, "public": info.public_url, "username": info.username or "—",
        "password": CliPublishing.IN_KEYRING if info.password_stored else CliPublishing.NOT_STORED}), info.__dict__)
    return 0


def _hosting_test(_args: argparse.Namespace, cli: Cli) -> int:
    message = svc.check_hosting(cli.context())
    cli.out(message, {"ok": True, "message": message})
    return 0


def _handoff_pack(args: argparse.Namespace, cli: Cli) -> int:
    result = handoff_service.build_handoff_pack(cli.context(), args.slot, args.out, include_all=args.all,
                                    language=args.language)
    lines = [render(CliPublishing.PACK_WRITTEN, {"folder": str(result.folder), "checklist": str(result.checklist)})]
    for entry in result.entries:
        lines.append(f"  {entry.number:2d}. " + render(CliPublishing.PACK_ENTRY, {
            "when": _when(entry.frame.planned_at), "file": entry.file_name or CliPublishing.FILE_MISSING,
            "frame": entry.frame.frame_id}))
    lines += [render(CliPublishing.PACK_REMOVED, {"name": name}) for name in result.removed]
    cli.out("\n".join(lines), {"folder": str(result.folder), "checklist": str(result.checklist),
                               "frames": [{"number": e.number, "frame_id": e.frame.frame_id, "file": e.file_name}
                                          for e in result.entries], "removed": list(result.removed)})
    return 0


def _handoff_posted(args: argparse.Namespace, cli: Cli) -> int:
    ctx = cli.context()
    handoff_service.mark_posted_by_hand(ctx, args.frame, by=args.by, at=args.at)
    cli.out(render(CliPublishing.POSTED_BY_HAND, {"frame": args.frame}), {"frame_id": args.frame, "published": True})
    return 0
