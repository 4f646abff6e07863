"""`package brief | submit | import`, `story list | approve | approve-all | request-changes`, `consent list | withdraw`."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand, date_arg
from takeover_planner.errors import EXIT_REFUSED, ValidationError
from takeover_planner.texts import BOKMAAL, render
from takeover_planner.texts.cli import CliText
from takeover_planner.texts.cli_publishing import CliPublishing, GivenByName
from takeover_planner.texts.cli_reports import cli_days, cli_moment
from takeover_planner.texts.render import Text
from takeover_planner.texts.stories import FrameStateName
from takeover_planner.texts.usage import UsageText


class _FrameAction(argparse.Action):
    """``--frame PATH`` starts a new frame; the per-frame options after it fill that frame in."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        frames = list(getattr(namespace, "frames", None) or [])
        if self.dest == "frames":
            frames.append({"path": values})
        else:
            if not frames:
                parser.error(render(CliText.OPTION_BEFORE_FRAME, {"option": option_string or ""}))
            if self.dest == "consents":
                frames[-1].setdefault("consents", []).append(values)
            else:
                frames[-1][self.dest] = values if self.nargs != 0 else True
        namespace.frames = frames


def _time_arg(text: str) -> dt.time:
    try:
        value = dt.time.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(str(Text(UsageText.BAD_TIME, {"text": text}))) from None
    return value.replace(second=0, microsecond=0)


def register(sub: Any) -> None:
    package = add_subcommand(sub, "package", "brief and submission packages")
    psub = package.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    p = add_subcommand(psub, "brief", "write the brief package for a slot (to send to the department)")
    p.add_argument("--slot", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--pdf", type=Path, default=None, help="also write the printed brief (A4 PDF) to this file")
    p.add_argument("--contact", default="", metavar="E-MAIL/PHONE",
                   help="how the department reaches you, printed in the brief (default: your e-mail in the team)")
    p.set_defaults(handler=_brief)
    p = add_subcommand(psub, "submit", "build a submission package from files, for a brief")
    p.add_argument("--brief", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--name", default=None, help="your name (default: --user or your login name)")
    p.add_argument("--email", default="")
    p.add_argument("--message", default="", help="a note to the communications team")
    p.add_argument("--frame", dest="frames", action=_FrameAction, type=Path, metavar="PATH",
                   help="a picture or video; the options below apply to the frame before them")
    p.add_argument("--date", dest="planned_date", action=_FrameAction, type=date_arg, help="day (default: first day)")
    p.add_argument("--time", dest="planned_time", action=_FrameAction, type=_time_arg, help="time of day, HH:MM")
    p.add_argument("--text", dest="text", action=_FrameAction, help="on-screen text or caption idea")
    p.add_argument("--notes", dest="notes", action=_FrameAction)
    p.add_argument("--credit", dest="credit", action=_FrameAction, help="photo/video credit")
    p.add_argument("--sticker", dest="sticker", action=_FrameAction, metavar="KIND:VALUE",
                   help="link:https://…, poll:question or mention:@handle (posted by hand)")
    p.add_argument("--consent", dest="consents", action=_FrameAction, metavar="WHO;REFERENCE[;guardian][;UNTIL]",
                   help="the frame shows people: who, the consent form's reference, optionally 'guardian' and "
                        "the last valid day")
    p.set_defaults(handler=_submit, frames=None)
    p = add_subcommand(psub, "kit", "write the contributor kit for a slot: one HTML file, no app needed")
    p.add_argument("--slot", type=int, required=True)
    p.add_argument("--out", type=Path, required=True, metavar="FILE.html")
    p.add_argument("--contact", default="", metavar="E-MAIL/PHONE", help="how the department reaches you")
    p.set_defaults(handler=_kit)
    p = add_subcommand(psub, "import", "import a submission package into its slot")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_import)

    story = add_subcommand(sub, "story", "story frames and their review")
    ssub = story.add_subparsers(dest="story_command", metavar="ACTION", required=True)
    p = add_subcommand(ssub, "list", "list a slot's frames")
    p.add_argument("--slot", type=int, required=True)
    p.set_defaults(handler=_list)
    p = add_subcommand(ssub, "approve", "approve a frame (needs a clean file and complete consent)")
    p.add_argument("frame", type=int)
    p.add_argument("--by", required=True, help="the approver's name")
    p.add_argument("--comment", default="")
    p.set_defaults(handler=_approve)
    p = add_subcommand(ssub, "approve-all", "approve every submitted frame of a slot")
    p.add_argument("--slot", type=int, required=True)
    p.add_argument("--by", required=True)
    p.set_defaults(handler=_approve_all)
    p = add_subcommand(ssub, "request-changes", "send a frame back with a comment")
    p.add_argument("frame", type=int)
    p.add_argument("--by", required=True)
    p.add_argument("--comment", required=True)
    p.set_defaults(handler=_request_changes)

    consent = add_subcommand(sub, "consent", "consent records")
    csub = consent.add_subparsers(dest="consent_command", metavar="ACTION", required=True)
    p = add_subcommand(csub, "list", "list consent records (of a slot)")
    p.add_argument("--slot", type=int, default=None)
    p.set_defaults(handler=_consents)
    p = add_subcommand(csub, "withdraw", "register that consent was withdrawn; stops frames that use it")
    p.add_argument("consent", type=int)
    p.add_argument("--by", required=True, help="who registers the withdrawal")
    p.add_argument("--comment", default="")
    p.set_defaults(handler=_withdraw)


# --- packages ---------------------------------------------------------------------------------------


def _brief(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.packages import printed_brief_name, write_slot_brief

    # The global --language; without it Bokmål, whatever the app speaks: the brief goes to a department.
    language = args.language or BOKMAAL
    brief = write_slot_brief(cli.context(), args.slot, args.out, language=language, pdf=args.pdf,
                             reach=args.contact)
    s = brief.slot
    printed = printed_brief_name(language)
    human = render(CliPublishing.BRIEF_WRITTEN_PDF if args.pdf else CliPublishing.BRIEF_WRITTEN, {
        "slot": s.slot_id, "department": s.department, "days": cli_days(s.start, s.end), "path": str(args.out),
        "printed": printed, "pdf": str(args.pdf)})
    cli.out(human, {"brief_uid": brief.brief_uid, "slot_id": s.slot_id, "file": str(args.out),
                    "pdf_inside": printed, "pdf": str(args.pdf) if args.pdf else None, "language": language})
    return 0


def _kit(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.kit import write_slot_kit
    from takeover_planner.texts import Text
    from takeover_planner.texts.kit import KitReport

    language = args.language or BOKMAAL  # like the brief: it goes to a department
    brief = write_slot_kit(cli.context(), args.slot, args.out, language=language, reach=args.contact)
    said = Text(KitReport.WROTE, {"slot_id": args.slot, "department": brief.slot.department, "file": str(args.out)})
    cli.out(str(said), {"slot_id": args.slot, "brief_uid": brief.brief_uid, "file": str(args.out),
                        "language": language})
    return 0


def _split_consent(text: str, number: int) -> tuple[str, str, str, dt.date | None]:
    parts = [p.strip() for p in text.split(";")]
    if len(parts) < 2 or not parts[0]:
        raise ValidationError(CliText.CONSENT_FORMAT, number=number)
    given_by, until = "self", None
    for extra in parts[2:]:
        if extra.lower() in ("guardian", "self"):
            given_by = extra.lower()
        elif extra:
            try:
                until = dt.date.fromisoformat(extra)
            except ValueError:
                raise ValidationError(CliText.CONSENT_EXTRA, number=number, extra=extra) from None
    return parts[0], parts[1], given_by, until


def _submit(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.intake.submission import DraftConsent, DraftFrame, SubmissionDraft
    from takeover_planner.services.context import default_actor
    from takeover_planner.services.submissions import open_brief, save_submission
    from takeover_planner.settings import Settings

    if not args.frames:
        raise ValidationError(CliText.NO_FRAMES)
    brief = open_brief(args.brief)
    name = args.name or args.user
    if not name:
        from takeover_planner.paths import resolve_paths

        name = default_actor(Settings.load(resolve_paths(args.home)))
    draft = SubmissionDraft(brief, name, args.email, args.message)
    for number, spec in enumerate(args.frames, start=1):
        day = spec.get("planned_date") or (brief.slot.start if spec.get("planned_time") else None)
        kind, _, value = (spec.get("sticker") or "").partition(":")
        frame = DraftFrame(Path(spec["path"]), planned_date=day, planned_time=spec.get("planned_time"),
                           text=spec.get("text", ""), notes=spec.get("notes", ""), credit=spec.get("credit", ""),
                           sticker_kind=kind, sticker_value=value)
        for index, text in enumerate(spec.get("consents", []), start=1):
            who, reference, given_by, until = _split_consent(text, number)
            key = f"f{number}-{index}"
            draft.consents.append(DraftConsent(key, who, reference, given_by, ["instagram"], until))
            frame.consents.append(key)
            frame.shows_people = True
        draft.frames.append(frame)
    manifest = save_submission(draft, args.out)
    cli.out(render(CliPublishing.SUBMISSION_WRITTEN, {"count": len(manifest.frames), "slot": manifest.slot_id,
                                                      "department": manifest.department, "path": str(args.out)}),
            {"submission_uid": manifest.submission_uid, "slot_id": manifest.slot_id, "frames": len(manifest.frames),
             "file": str(args.out)})
    return 0


def _import(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.packages import import_submission

    result = import_submission(cli.context(), args.file)
    lines = [render(CliPublishing.SUBMISSION_IMPORTED, {
        "submission": result.submission_id, "contributor": result.contributor, "slot": result.slot_id,
        "count": len(result.frame_ids), "ids": ", ".join(f"#{i}" for i in result.frame_ids)})]
    lines += [render(CliPublishing.NOTE, {"note": w}) for w in result.warnings]
    cli.out("\n".join(lines), result.as_dict())
    return 0


# --- frames and review --------------------------------------------------------------------------------


def _list(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import page_accounts, stories

    ctx = cli.context()
    frames = stories.list_frames(ctx, args.slot)
    # Each channel's job (Instagram, and the Facebook Page it is cross-posted to): state and reason.
    channels = page_accounts.channel_states(ctx, [f.id for f in frames])
    lines = []
    for f in frames:
        when = cli_moment(f.planned_at) if f.planned_at else render(CliPublishing.NO_TIME)
        file = f.published_file
        name = (file.original_name if file else render(CliPublishing.NO_FILE)) + (
            " " + render(CliPublishing.FIXED_COPY) if f.derivative else "")
        flags = []
        if f.manual_only:
            flags.append(render(CliPublishing.BY_HAND_STICKER, {"kind": f.sticker_kind}))
        problems = f.file_problems() + f.consent_problems()
        if problems:
            flags.append(render(CliPublishing.PROBLEMS, {"count": len(problems), "first": problems[0].text()}))
        state = render(FrameStateName.of(f.state.value))
        lines.append(f"#{f.id:<5} {f.position:>2}. {state:<18} {when}  {name}"
                     + (f"  [{'; '.join(flags)}]" if flags else ""))
        lines += [f"{'':9}{c.channel}: {c.status}" + (f" — {c.reason}" if c.reason and c.status != "published" else "")
                  for c in channels.get(f.id, [])]
    cli.out("\n".join(lines) or render(CliPublishing.NO_FRAMES, {"slot": args.slot}),
            {"slot_id": args.slot, "frames": [{**f.as_dict(), "channels": [c.to_json() for c in channels.get(f.id, [])]}
                                              for f in frames]})
    return 0


def _approve(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import stories

    frame = stories.approve(cli.context(), args.frame, by=args.by, comment=args.comment)
    # On PostgreSQL the server writes the approver (the connected login's person), whatever --by said.
    by = frame.last_decision.by if frame.last_decision is not None else args.by
    cli.out(render(CliPublishing.APPROVED, {"frame": frame.id, "by": by}), frame.as_dict())
    return 0


def _approve_all(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import stories

    result = stories.approve_all(cli.context(), args.slot, by=args.by)
    lines = [render(CliPublishing.APPROVED_SOME, {"count": len(result.done),
                                                  "ids": ", ".join(f"#{i}" for i in result.done)})
             if result.done else render(CliPublishing.APPROVED_NONE)]
    lines += [render(CliPublishing.NOT_APPROVED, {"frame": i, "why": why}) for i, why in result.refused.items()]
    cli.out("\n".join(lines), {"approved": list(result.done), "refused": {str(k): str(v) for k, v in result.refused.items()}})
    return EXIT_REFUSED if result.refused else 0


def _request_changes(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import stories

    frame = stories.request_changes(cli.context(), args.frame, by=args.by, comment=args.comment)
    by = frame.last_decision.by if frame.last_decision is not None else args.by  # the server's, as in _approve
    cli.out(render(CliPublishing.CHANGES_REQUESTED, {"frame": frame.id, "by": by, "comment": args.comment}),
            frame.as_dict())
    return 0


def _consents(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import consents

    rows = consents.list_consents(cli.context(), slot_id=args.slot)
    lines = [f"#{c.id:<5} {c.subject} ({c.reference or render(CliPublishing.NO_REFERENCE)}; {GivenByName.words(c.given_by)}; "
             f"{', '.join(c.scope)}"
             + ("; " + render(CliPublishing.CONSENT_UNTIL, {"day": cli_days(c.valid_until, c.valid_until)})
                if c.valid_until else "") + ")"
             + ("  " + render(CliPublishing.CONSENT_WITHDRAWN_ON, {
                 "day": cli_days(c.withdrawn_at.date(), c.withdrawn_at.date()), "by": c.withdrawn_by})
                if c.withdrawn_at else "")
             for c in rows]
    cli.out("\n".join(lines) or render(CliPublishing.NO_CONSENTS), {"consents": [c.as_dict() for c in rows]})
    return 0


def _withdraw(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import consents

    result = consents.withdraw_consent(cli.context(), args.consent, by=args.by, comment=args.comment)
    lines = [render(CliPublishing.CONSENT_WITHDRAWN, {"consent": result.consent.id,
                                                      "subject": result.consent.subject})]
    lines += [render(CliPublishing.FRAME_STOPPED, {"frame": m.frame_id, "before": FrameStateName.of(m.from_state.value),
                                                   "after": FrameStateName.of(m.to_state.value)})
              for m in result.moved]
    lines += [render(CliPublishing.TAKE_DOWN, {"frame": f.id}) for f in result.to_remove]
    if not result.moved and not result.to_remove:
        lines.append(render(CliPublishing.CONSENT_UNUSED))
    cli.out("\n".join(lines), {"consent": result.consent.as_dict(),
                               "stopped": [{"frame": m.frame_id, "from": m.from_state.value, "to": m.to_state.value}
                                           for m in result.moved],
                               "remove_from_instagram": [f.id for f in result.to_remove]})
    return 0
