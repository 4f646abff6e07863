"""Messages of story frames, their review and consent: refused moves, the approval gates' problems, and the
service refusals (not found, changed elsewhere, published and frozen)."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class FrameStateName(Code):
    """A frame's review state as words; member names are ``FrameState`` values in capitals."""

    DRAFT = ("stories.state_draft", "draft", "utkast")
    SUBMITTED = ("stories.state_submitted", "submitted", "sendt inn")
    CHANGES_REQUESTED = ("stories.state_changes_requested", "changes requested", "endringer ønsket")
    APPROVED = ("stories.state_approved", "approved", "godkjent")
    SCHEDULED = ("stories.state_scheduled", "scheduled", "planlagt")
    PUBLISHED = ("stories.state_published", "published", "publisert")
    FAILED = ("stories.state_failed", "failed", "feilet")
    WITHDRAWN = ("stories.state_withdrawn", "withdrawn", "trukket tilbake")

    @classmethod
    def of(cls, state: str) -> FrameStateName:
        """The name of a ``FrameState`` (or its stored value)."""
        return cls[str(state).upper()]


class StoriesText(Code):
    # --- moves the review state machine refuses (domain/review.py) ---
    UNKNOWN_STATE = ("stories.unknown_state", "Unknown frame state '{state}'. Known: {known}.",
                     "Ukjent tilstand for storybilde: «{state}». Kjente: {known}.")
    ALREADY_IN_STATE = ("stories.already_in_state", "Frame #{frame_id} is already {state}.",
                        "Storybilde #{frame_id} har allerede tilstanden «{state}».")
    NOT_ALLOWED = (
        "stories.not_allowed",
        "Frame #{frame_id} is {state} and cannot become {target}; it can become: {allowed}.",
        "Storybilde #{frame_id} har tilstanden «{state}» og kan ikke bli «{target}»; det kan bli: {allowed}.",
    )
    FINAL = (
        "stories.final",
        "Frame #{frame_id} is {state} and cannot become {target}; it can become nothing else (it is final).",
        "Storybilde #{frame_id} har tilstanden «{state}» og kan ikke bli «{target}»; tilstanden er endelig.",
    )
    NEEDS_ACTOR = ("stories.needs_actor", "Changing frame #{frame_id} needs the name of who does it.",
                   "Endring av storybilde #{frame_id} krever navnet på den som gjør det.")
    NEEDS_COMMENT = (
        "stories.needs_comment",
        "Asking for changes to frame #{frame_id} needs a comment saying what to change.",
        "Når du ber om endringer i storybilde #{frame_id}, må du skrive hva som skal endres.",
    )
    NOTHING_TO_SUBMIT = ("stories.nothing_to_submit", "Frame #{frame_id} has no picture or video to submit.",
                         "Storybilde #{frame_id} har ikke bilde eller video å sende inn.")
    NEEDS_FACTS = (
        "stories.needs_facts",
        "Frame #{frame_id} cannot be {target} without its file and consent facts.",
        "Storybilde #{frame_id} kan ikke bli «{target}» uten opplysninger om fil og samtykke.",
    )
    CANNOT_APPROVE = ("stories.cannot_approve", "Frame #{frame_id} cannot be approved: {problems}",
                      "Storybilde #{frame_id} kan ikke godkjennes: {problems}")
    CANNOT_SCHEDULE = ("stories.cannot_schedule", "Frame #{frame_id} cannot be scheduled: {problems}",
                       "Storybilde #{frame_id} kan ikke planlegges for publisering: {problems}")
    PUBLISHED_FINAL = ("stories.published_final", "A published frame cannot be changed.",
                       "Et publisert storybilde kan ikke endres.")

    # --- why a frame cannot be approved (each a Problem; the short code after "stories." is its stable code) ---
    NO_FILE = ("stories.no_file", "The frame has no picture or video.", "Storybildet har ikke bilde eller video.")
    FILE_UNCHECKED = ("stories.file_unchecked", "The file has not been checked against the rule set yet.",
                      "Filen er ikke sjekket mot regelsettet ennå.")
    FILE_ERROR = ("stories.file_error", "The file breaks a rule: {finding}", "Filen bryter en regel: {finding}")
    NO_APPROVER = ("stories.no_approver", "Approval needs the approver's name.",
                   "Godkjenning krever navnet til den som godkjenner.")
    NO_TIME = ("stories.no_time", "The frame has no planned date and time.",
               "Storybildet har ikke planlagt dato og klokkeslett.")
    CONSENT_MISSING = ("stories.consent_missing", "The frame shows people but has no consent record.",
                       "Storybildet viser personer, men har ingen samtykkeerklæring.")
    CONSENT_NO_SUBJECT = ("stories.consent_no_subject", "Consent #{consent_id} does not say who it covers.",
                          "Samtykke #{consent_id} sier ikke hvem det gjelder.")
    CONSENT_NO_REFERENCE = ("stories.consent_no_reference", "The consent for {who} has no reference to a consent form.",
                            "Samtykket for {who} mangler referanse til samtykkeerklæring.")
    CONSENT_GIVEN_BY = (
        "stories.consent_given_by",
        "The consent for {who} does not say whether the person or a guardian gave it.",
        "Samtykket for {who} sier ikke om personen selv eller en foresatt ga det.",
    )
    CONSENT_SCOPE = ("stories.consent_scope", "The consent for {who} does not cover Instagram.",
                     "Samtykket for {who} gjelder ikke Instagram.")
    CONSENT_WITHDRAWN = ("stories.consent_withdrawn", "The consent for {who} has been withdrawn.",
                         "Samtykket for {who} er trukket tilbake.")
    CONSENT_NO_DATE = (
        "stories.consent_no_date",
        "The consent for {who} runs out on {until}; give the frame a planned date so that can be checked.",
        "Samtykket for {who} utløper {until}; gi storybildet en planlagt dato så det kan sjekkes.",
    )
    CONSENT_EXPIRED = (
        "stories.consent_expired",
        "The consent for {who} runs out on {until}, before the planned day {day}.",
        "Samtykket for {who} utløper {until}, før planlagt dag {day}.",
    )

    # --- consent records as typed (domain/consent.py, services/consents.py) ---
    BAD_GIVEN_BY = ("stories.bad_given_by", "Consent 'given by' must be self or guardian, not '{value}'.",
                    "Samtykke «gitt av» må være self eller guardian, ikke «{value}».")
    UNKNOWN_SCOPE = ("stories.unknown_scope", "Unknown consent scope '{value}'. Choose from: {choices}.",
                     "Ukjent omfang for samtykke: «{value}». Velg blant: {choices}.")
    NO_SCOPE = ("stories.no_scope", "A consent record needs a scope (instagram and/or facebook).",
                "En samtykkeerklæring må ha et omfang (instagram og/eller facebook).")
    CONSENT_SUBJECT = ("stories.consent_subject", "Who the consent covers", "Hvem samtykket gjelder")
    NO_CONSENT = ("stories.no_consent", "No consent record #{consent_id}.",
                  "Finner ingen samtykkeerklæring #{consent_id}.")
    LINK_WITHDRAWN = ("stories.link_withdrawn", "Consent #{consent_id} ({subject}) has been withdrawn.",
                      "Samtykke #{consent_id} ({subject}) er trukket tilbake.")
    WITHDRAWAL_NEEDS_NAME = ("stories.withdrawal_needs_name", "Say who registers the withdrawal (--by NAME).",
                             "Oppgi hvem som registrerer tilbaketrekkingen (--by NAVN).")
    ALREADY_WITHDRAWN = (
        "stories.already_withdrawn",
        "Consent #{consent_id} ({subject}) was already withdrawn on {day} by {by}.",
        "Samtykke #{consent_id} ({subject}) ble allerede trukket tilbake {day} av {by}.",
    )

    # --- the stories service (services/stories.py) ---
    NO_FRAME = ("stories.no_frame", "No frame #{frame_id}.", "Finner ikke storybilde #{frame_id}.")
    NO_SLOT = ("stories.no_slot", "No slot #{slot_id}.", "Finner ingen periode #{slot_id}.")
    MOVED_MEANWHILE = (
        "stories.moved_meanwhile",
        "Frame #{frame_id} changed in the meantime (it is now {state}); try again.",
        "Storybilde #{frame_id} er endret i mellomtiden (tilstanden er nå «{state}»); prøv igjen.",
    )
    PUBLISHED_FROZEN = ("stories.published_frozen", "Frame #{frame_id} is published and can no longer be changed.",
                        "Storybilde #{frame_id} er publisert og kan ikke lenger endres.")
    UNKNOWN_FIELDS = ("stories.unknown_fields", "Unknown frame field(s): {fields}.",
                      "Ukjente felt for storybilde: {fields}.")
    NO_TIME_ZONE = ("stories.no_time_zone", "A planned time needs its time zone.",
                    "Et planlagt tidspunkt må ha tidssone.")
    ORDER_INCOMPLETE = ("stories.order_incomplete", "The new order must name every frame of the slot exactly once.",
                        "Den nye rekkefølgen må ta med hvert storybilde i perioden nøyaktig én gang.")
    NO_PARTS = ("stories.no_parts", "Frame #{frame_id}: the fix made no file.",
                "Storybilde #{frame_id}: rettingen laget ingen fil.")

    TEXT_TOO_LONG = ("stories.text_too_long",
                     "The on-screen text ({characters} characters) is too long to set legibly in the picture's "
                     "safe zone; shorten it.",
                     "Teksten på skjermen ({characters} tegn) er for lang til å settes lesbart innenfor bildets "
                     "trygge sone; kort den ned.")

    CANNOT_APPROVE_TEXT = ("stories.cannot_approve_text", "Frame #{frame_id} cannot be approved: {reason}",
                           "Storybilde #{frame_id} kan ikke godkjennes: {reason}")

    # --- split videos (services/split_parts.py) ---
    PART_OF = ("stories.part_of", "part {part} of {parts}", "del {part} av {parts}")


class SubmissionText(Code):
    """What cannot go in a submission package, said to a department's contributor (services/submissions.py):
    plain words, the file's name only (never a path), the frame numbered from 1 as in the window."""

    CANNOT_SAVE = ("submission.cannot_save", "The submission was not saved: {problems}.",
                   "Innsendingen ble ikke lagret: {problems}.")
    MISSING = ("submission.missing", "Frame {number} ({file}) is no longer where you added it from (moved or "
               "deleted?)", "Storybilde {number} ({file}) finnes ikke lenger der du la det til fra (flyttet "
               "eller slettet?)")
    EMPTY = ("submission.empty", "Frame {number} ({file}) is an empty file",
             "Storybilde {number} ({file}) er en tom fil")
    NOT_MEDIA = ("submission.not_media", "Frame {number} ({file}) is not a picture or a video",
                 "Storybilde {number} ({file}) er ikke et bilde eller en video")
    DAMAGED = ("submission.damaged", "Frame {number} ({file}) is damaged and cannot be opened",
               "Storybilde {number} ({file}) er skadet og kan ikke åpnes")
    TOO_BIG = ("submission.too_big",
               "Frame {number} ({file}) is too big to send: {size_mb} MB, at most {limit_mb} MB",
               "Storybilde {number} ({file}) er for stort til å sendes: {size_mb} MB, høyst {limit_mb} MB")
    ALL_TOO_BIG = ("submission.all_too_big",
                   "Together the files are too big to send: {size_mb} MB, at most {limit_mb} MB",
                   "Filene er til sammen for store til å sendes: {size_mb} MB, høyst {limit_mb} MB")
    UNFIXED = ("submission.unfixed", "Frame {number} ({file}) must be fixed first: select it and press Fix it",
               "Storybilde {number} ({file}) må rettes først: velg det og trykk «Rett opp»")
    UNFIXABLE = ("submission.unfixable",
                 "Instagram cannot show frame {number} ({file}), and it cannot be fixed here",
                 "Instagram kan ikke vise storybilde {number} ({file}), og det kan ikke rettes opp her")
    NO_CONSENT = ("submission.no_consent",
                  "Frame {number} ({file}) shows people: say who is in it (under \"People in the picture\")",
                  "Storybilde {number} ({file}) viser personer: skriv hvem som er med (under «Personer i bildet»)")
    TOO_LONG = ("submission.too_long",
                "Frame {number} ({file}): the {field} is too long (at most {limit} characters)",
                "Storybilde {number} ({file}): {field} er for lang (høyst {limit} tegn)")
    FIELD_TEXT = ("submission.field_text", "on-screen text", "teksten på skjermen")
    FIELD_NOTES = ("submission.field_notes", "note to the comms team", "merknaden til kommunikasjonsrådgiveren")
    FIELD_CREDIT = ("submission.field_credit", "credit", "kreditteringen")
    FIELD_STICKER = ("submission.field_sticker", "sticker", "klistremerket")
    FIELD_WHO = ("submission.field_who", "answer to \"Who is in it?\"", "svaret på «Hvem er med?»")
    FIELD_REFERENCE = ("submission.field_reference", "consent form reference",
                       "referansen til samtykkeskjemaet")


class ContributorText(Code):
    """Words of the contributor window that come from the core's catalogue (ui/contributor/)."""

    CANNOT_GO = ("contributor.cannot_go", "These frames cannot go in the submission:",
                 "Disse storybildene kan ikke være med i innsendingen:")
    REMOVE_AND_SAVE = ("contributor.remove_and_save", "Remove them and save", "Fjern dem og lagre")
    GO_BACK = ("contributor.go_back", "Go back and fix", "Gå tilbake og rett opp")
    REMOVED = ("contributor.removed", "Removed {count} frame(s) that could not go.",
               "Fjernet {count} storybilde(r) som ikke kunne være med.")
    BAD_TIME = ("contributor.bad_time", "Type a time like 08:30 (or 0830).",
                "Skriv et klokkeslett som 08:30 (eller 0830).")
    NO_SUCH_TIME = ("contributor.no_such_time",
                    "{time} does not exist on {day}: that night the clocks go forward from {before} to {after} "
                    "(summer time starts). Choose another time.",
                    "Klokkeslettet {time} finnes ikke {day}: den natten stilles klokken fram fra {before} til "
                    "{after} (sommertid). Velg et annet tidspunkt.")
    TWICE = ("contributor.twice",
             "{time} happens twice on {day}: that night the clocks go back from {before} to {after} (summer time "
             "ends).",
             "Klokkeslettet {time} kommer to ganger {day}: den natten stilles klokken tilbake fra {before} til "
             "{after} (sommertiden slutter).")
    TWICE_QUESTION = ("contributor.twice_question",
                      "The story will go out at the first {time}, while it is still summer time. Keep that time?",
                      "Storyen legges ut ved den første {time}, mens det ennå er sommertid. Vil du beholde "
                      "tidspunktet?")
    KEEP_FIRST = ("contributor.keep_first", "Keep the first {time}", "Behold den første {time}")
    OTHER_TIME = ("contributor.other_time", "Choose another time", "Velg et annet tidspunkt")
    REMOVED_ONE = ("contributor.removed_one", "Removed «{file}». Undo with Ctrl+Z.",
                   "Fjernet «{file}». Angre med Ctrl+Z.")
    UNDO_REMOVE = ("contributor.undo_remove", "&Undo remove", "&Angre fjerning")
    EDIT_MENU = ("contributor.edit_menu", "&Edit", "R&ediger")
    DRAFT_OPENED = ("contributor.draft_opened", "Your draft from {when} is open again.",
                    "Utkastet ditt fra {when} er åpnet igjen.")
    CLOSE_UNSAVED = ("contributor.close_unsaved", "The submission has not been saved yet.",
                     "Innsendingen er ikke lagret ennå.")
    CLOSE_UNSAVED_MORE = ("contributor.close_unsaved_more",
                          "Your story is kept as a draft and opens again with this brief, but nothing goes to the "
                          "communications team until you save the submission and send the file.",
                          "Storyen din er tatt vare på som utkast og åpnes igjen med dette oppdragsbrevet, men "
                          "ingenting går til kommunikasjonsrådgiveren før du lagrer innsendingen og sender filen.")
    CLOSE_ANYWAY = ("contributor.close_anyway", "Close", "Lukk")
    KEEP_WORKING = ("contributor.keep_working", "Keep working", "Fortsett å jobbe")
    CANNOT_USE = ("contributor.cannot_use", "Cannot be sent (remove it)", "Kan ikke sendes (fjern det)")
    UNDO_FIX = ("contributor.undo_fix", "Undo the fix", "Angre rettingen")
