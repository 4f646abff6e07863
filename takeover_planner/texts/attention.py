"""What the "Needs attention" list says (services/attention.py): one message per kind of item, the action that
resolves it, and the e-mails to departments (services/reminders.py)."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class AttentionText(Code):
    # --- one item each; {slot} is a BookingText.SLOT_ITEM ("slot #12 (Biblioteket, 1–3 March 2027, confirmed)")
    DEADLINE_MISSED = (
        "attention.deadline_missed",
        "{department}: nothing has come in for slot #{slot_id} ({dates}); the material deadline was {deadline}.",
        "{department}: ingenting er kommet inn for periode #{slot_id} ({dates}). Fristen for materiell var {deadline}.",
    )
    NOT_COMPLETED = (
        "attention.not_completed",
        "{department}: slot #{slot_id} ({dates}) is over but still {status}.",
        "{department}: periode #{slot_id} ({dates}) er over, men er fortsatt {status}.",
    )
    IN_BLACKOUT = (
        "attention.in_blackout",
        "{department}: slot #{slot_id} ({dates}, {status}) lies in {blackouts}, added after it was booked.",
        "{department}: periode #{slot_id} ({dates}, {status}) ligger i {blackouts}, som ble lagt inn etter at "
        "perioden ble booket.",
    )
    BLACKOUT_ITEM = ("attention.blackout_item", "the blackout period {blackout}", "sperreperioden {blackout}")
    COMPETING = (
        "attention.competing",
        "{department}: the request #{slot_id} ({dates} on {account}) competes with {slots}.",
        "{department}: forespørselen #{slot_id} ({dates} på {account}) konkurrerer med {slots}.",
    )
    REVIEW_WAITING = (
        "attention.review_waiting",
        "{department}: frame {position} of slot #{slot_id} has waited for review since {since}.",
        "{department}: storybilde {position} i periode #{slot_id} har ventet på gjennomgang siden {since}.",
    )
    CONSENT_WITHDRAWN = (
        "attention.consent_withdrawn",
        "{department}: frame {position} of slot #{slot_id} relies on the consent of {subject}, withdrawn {withdrawn}.",
        "{department}: storybilde {position} i periode #{slot_id} bygger på samtykket fra {subject}, som ble trukket "
        "tilbake {withdrawn}.",
    )
    CONSENT_EXPIRES = (
        "attention.consent_expires",
        "{department}: the consent of {subject} for frame {position} of slot #{slot_id} runs out {until}, before "
        "the frame goes out {planned}.",
        "{department}: samtykket fra {subject} for storybilde {position} i periode #{slot_id} går ut {until}, før "
        "storybildet skal ut {planned}.",
    )
    PUBLISH_FAILED = (
        "attention.publish_failed",
        "{account}: frame {position} of slot #{slot_id} ({department}) was not published: {reason}",
        "{account}: storybilde {position} i periode #{slot_id} ({department}) ble ikke publisert: {reason}",
    )
    PUBLISH_STOPPED = (
        "attention.publish_stopped",
        "{account}: publishing is stopped ({reason}); frame {position} of slot #{slot_id} ({department}) waits.",
        "{account}: publiseringen er stoppet ({reason}). Storybilde {position} i periode #{slot_id} ({department}) "
        "venter.",
    )
    PUBLISH_LATE = (
        "attention.publish_late",
        "{account}: frame {position} of slot #{slot_id} ({department}) was due {due}; it is held because it is late.",
        "{account}: storybilde {position} i periode #{slot_id} ({department}) skulle ut {due}. Det holdes tilbake "
        "fordi det er for sent.",
    )
    CHANNEL_FAILED = (
        "attention.channel_failed",
        "{account}: frame {position} of slot #{slot_id} ({department}) is published on Instagram, but its story on "
        "the Facebook Page failed: {reason}",
        "{account}: storybilde {position} i periode #{slot_id} ({department}) er publisert på Instagram, men "
        "storyen på Facebook-siden mislyktes: {reason}",
    )
    CHANNEL_STOPPED = (
        "attention.channel_stopped",
        "{account}: frame {position} of slot #{slot_id} ({department}) is published on Instagram, but the Facebook "
        "Page is stopped ({reason}); its story there waits.",
        "{account}: storybilde {position} i periode #{slot_id} ({department}) er publisert på Instagram, men "
        "Facebook-siden er stoppet ({reason}). Storyen der venter.",
    )
    PUBLISH_OVERDUE = (
        "attention.publish_overdue",
        "{account}: frame {position} of slot #{slot_id} ({department}) was due {due} and has not gone out; the "
        "publisher does not seem to run.",
        "{account}: storybilde {position} i periode #{slot_id} ({department}) skulle ut {due}, men er ikke "
        "publisert. Publiseringen ser ikke ut til å kjøre.",
    )
    HANDOFF_DUE = (
        "attention.handoff_due",
        "{account}: frame {position} of slot #{slot_id} ({department}) was due {due}; it is posted by hand and "
        "nobody has marked it posted yet.",
        "{account}: storybilde {position} i periode #{slot_id} ({department}) skulle ut {due}. Det legges ut "
        "manuelt, og ingen har markert det som lagt ut ennå.",
    )
    HANDOFF_DUE_STICKER = (
        "attention.handoff_due_sticker",
        "{account}: frame {position} of slot #{slot_id} ({department}) has a sticker and was due {due}; post it "
        "by hand and mark it posted.",
        "{account}: storybilde {position} i periode #{slot_id} ({department}) har klistremerke og skulle ut {due}. "
        "Legg det ut manuelt, og marker det som lagt ut.",
    )
    NOTHING = ("attention.nothing", "Nothing needs attention.", "Ingenting trenger oppmerksomhet nå.")
    ITEM_LINE = ("attention.item_line", "{message} → {action}", "{message} → {action}")


class AttentionAction(Code):
    """What resolves an item; the key's last part is the ``action`` in ``attention --json``."""

    REMIND_DEPARTMENT = ("attention_action.remind_department", "E-mail the department a reminder",
                         "Send enheten en påminnelse på e-post")
    MARK_COMPLETED = ("attention_action.mark_completed", "Mark it completed (or cancel it)",
                      "Merk den som gjennomført (eller avlys den)")
    MOVE_OR_CANCEL = ("attention_action.move_or_cancel", "Move or cancel the slot", "Flytt eller avlys perioden")
    DECIDE_REQUEST = ("attention_action.decide_request", "Confirm one request and cancel the others",
                      "Bekreft én forespørsel og avlys de andre")
    REVIEW = ("attention_action.review", "Review the frame", "Gå gjennom storybildet")
    FIX_CONSENT = ("attention_action.fix_consent", "Link a valid consent, move the frame or take it out",
                   "Koble til et gyldig samtykke, flytt storybildet eller ta det ut")
    RETRY_PUBLISHING = ("attention_action.retry_publishing", "Publish it again or post it by hand",
                        "Publiser på nytt eller legg det ut manuelt")
    RESUME_ACCOUNT = ("attention_action.resume_account", "Put the account right and resume publishing",
                      "Rett opp kontoen og start publiseringen igjen")
    DECIDE_LATE = ("attention_action.decide_late", "Post it now, give it a new time, or drop it",
                   "Legg det ut nå, gi det et nytt tidspunkt, eller dropp det")
    CHECK_PUBLISHER = ("attention_action.check_publisher", "Check that the publisher runs",
                       "Sjekk at publiseringen kjører")
    POST_ON_PAGE = ("attention_action.post_on_page",
                    "Post it on the Facebook Page by hand, or leave it; marking the slot completed clears this",
                    "Legg den ut på Facebook-siden manuelt, eller la være; når perioden merkes som gjennomført, "
                    "forsvinner dette")
    POST_BY_HAND = ("attention_action.post_by_hand", "Post it from the phone, then mark it posted",
                    "Legg det ut fra telefonen, og marker det som lagt ut")

    @property
    def name_in_json(self) -> str:
        return self.key.partition(".")[2]
