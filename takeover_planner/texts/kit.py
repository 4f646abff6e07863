"""The contributor kit's words: the HTML page a department fills in, in Bokmål and English.

The kit carries both languages (the contributor can switch), so these templates are copied into the page as
they are; the page's script fills the ``{fields}`` itself.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class KitText(Code):
    TITLE = ("kit.title", "Your material for the Instagram takeover", "Materiellet ditt til Instagram-overtakelsen")
    INTRO = (
        "kit.intro",
        "Add your photos and videos, put them in story order, fill in the details and press «Save submission». "
        "Send the file you get to the comms team. Nothing leaves this computer until you send it.",
        "Legg til bildene og videoene dine, sett dem i riktig rekkefølge, fyll ut detaljene og trykk «Lagre "
        "innsending». Send filen du får til kommunikasjonsteamet. Ingenting forlater datamaskinen før du sender den.",
    )
    SWITCH = ("kit.switch", "Norsk (bokmål)", "English")
    SLOT = ("kit.slot", "Takeover", "Overtakelse")
    ACCOUNT = ("kit.account", "Account", "Konto")
    DEPARTMENT = ("kit.department", "Department", "Enhet")
    DAYS = ("kit.days", "Days", "Dager")
    DEADLINE = ("kit.deadline", "Material deadline", "Frist for materiell")
    NO_DEADLINE = ("kit.no_deadline", "none set", "ingen frist satt")
    CONTACT = ("kit.contact", "Your contact in the comms team", "Kontaktpersonen din i kommunikasjonsteamet")
    NEWS = ("kit.news", "News article", "Nyhetssak")
    ABOUT_YOU = ("kit.about_you", "About you", "Om deg")
    NAME = ("kit.name", "Your name", "Navnet ditt")
    EMAIL = ("kit.email", "Your e-mail address", "E-postadressen din")
    MESSAGE = ("kit.message", "Message to the comms team (optional)", "Melding til kommunikasjonsteamet (valgfritt)")
    ADD_FILES = ("kit.add_files", "Add photos and videos", "Legg til bilder og videoer")
    DROP_HINT = ("kit.drop_hint", "…or drag the files onto this page.", "…eller dra filene inn på denne siden.")
    FRAMES = ("kit.frames", "Your story, in the order it is shown", "Storyen din, i rekkefølgen den vises")
    NO_FRAMES_YET = ("kit.no_frames_yet", "No photos or videos yet.", "Ingen bilder eller videoer ennå.")
    FRAME = ("kit.frame", "Frame {number}", "Storybilde {number}")
    MOVE_UP = ("kit.move_up", "Move frame {number} up", "Flytt storybilde {number} opp")
    MOVE_DOWN = ("kit.move_down", "Move frame {number} down", "Flytt storybilde {number} ned")
    REMOVE = ("kit.remove", "Remove frame {number}", "Fjern storybilde {number}")
    PREVIEW = (
        "kit.preview",
        "Preview of frame {number} on a phone. The shaded bands are where Instagram puts its buttons and the "
        "account name: keep text and faces out of them.",
        "Forhåndsvisning av storybilde {number} på en telefon. I de skraverte feltene legger Instagram knapper "
        "og kontonavn: hold tekst og ansikter unna dem.",
    )
    SAFE_ZONES = (
        "kit.safe_zones",
        "The shaded bands are where Instagram puts its buttons and the account name: keep text and faces out.",
        "I de skraverte feltene legger Instagram knapper og kontonavn: hold tekst og ansikter unna dem.",
    )
    NO_PREVIEW = ("kit.no_preview", "No preview in this browser", "Ingen forhåndsvisning i denne nettleseren")
    TEXT_TOO_LONG = ("kit.text_too_long",
                     "This text is too long to fit on the screen in letters large enough to read: shorten it.",
                     "Teksten er for lang til å få plass på skjermen med store nok bokstaver: gjør den kortere.")
    DAY = ("kit.day", "Day", "Dag")
    TIME = ("kit.time", "Time (HH:MM, optional)", "Klokkeslett (TT:MM, valgfritt)")
    TEXT = ("kit.text", "Text on the screen", "Tekst på skjermen")
    STICKER = ("kit.sticker", "Sticker", "Klistremerke")
    STICKER_NONE = ("kit.sticker_none", "None", "Ingen")
    STICKER_LINK = ("kit.sticker_link", "Link (https://…)", "Lenke (https://…)")
    STICKER_POLL = ("kit.sticker_poll", "Poll (the question)", "Avstemning (spørsmålet)")
    STICKER_MENTION = ("kit.sticker_mention", "Mention (@account)", "Omtale (@konto)")
    STICKER_VALUE = ("kit.sticker_value", "What the sticker says or links to", "Hva klistremerket sier eller lenker til")
    CREDIT = ("kit.credit", "Credit (e.g. «Photo: Ola»)", "Kreditering (f.eks. «Foto: Ola»)")
    NOTES = ("kit.notes", "Note to the comms team", "Merknad til kommunikasjonsteamet")
    PEOPLE = ("kit.people", "Does it show people who can be recognised?",
              "Viser det personer som kan kjennes igjen?")
    PEOPLE_NO = ("kit.people_no", "No", "Nei")
    PEOPLE_YES = ("kit.people_yes", "Yes", "Ja")
    CONSENT = ("kit.consent", "Consent {index}", "Samtykke {index}")
    CONSENT_SUBJECT = ("kit.consent_subject", "Who (a name or a group)", "Hvem (navn eller gruppe)")
    CONSENT_REFERENCE = ("kit.consent_reference", "Reference to the consent form", "Referanse til samtykkeskjemaet")
    CONSENT_MINOR = ("kit.consent_minor", "Under 18: consent given by a parent or guardian",
                     "Under 18 år: samtykket er gitt av foresatte")
    CONSENT_UNTIL = ("kit.consent_until", "Valid until (optional)", "Gyldig til (valgfritt)")
    CONSENT_ADD = ("kit.consent_add", "Add another person", "Legg til en person til")
    CONSENT_REMOVE = ("kit.consent_remove", "Remove consent {index}", "Fjern samtykke {index}")
    CONSENT_LATER = (
        "kit.consent_later",
        "Without consent the frame arrives, but it cannot be published until the comms team has it.",
        "Uten samtykke kommer storybildet fram, men det kan ikke publiseres før kommunikasjonsteamet har fått "
        "samtykket.",
    )
    CHECKING = ("kit.checking", "Checking…", "Sjekker …")
    LATER = ("kit.later", "Checked when it arrives", "Sjekkes når den kommer fram")
    LATER_WHY = (
        "kit.later_why",
        "This browser cannot read {format} files; the comms team's app checks it when it arrives.",
        "Denne nettleseren kan ikke lese {format}-filer; appen til kommunikasjonsteamet sjekker den når den kommer fram.",
    )
    UNREADABLE = (
        "kit.unreadable",
        "This browser cannot read the file; it is checked when it arrives. If it will not open on your "
        "computer either, send it again.",
        "Nettleseren kan ikke lese filen; den sjekkes når den kommer fram. Hvis den ikke åpner seg på "
        "datamaskinen din heller, bør du sende den på nytt.",
    )
    ALL_GOOD = ("kit.all_good", "Fits the story format.", "Passer til storyformatet.")
    KIND_IMAGE = ("kit.kind_image", "Photo", "Bilde")
    KIND_VIDEO = ("kit.kind_video", "Video", "Video")
    KIND_UNKNOWN = ("kit.kind_unknown", "Unknown kind of file", "Ukjent filtype")
    SECONDS = ("kit.seconds", "{seconds} s", "{seconds} s")
    WE_FIX = ("kit.we_fix", "The comms team fixes this", "Kommunikasjonsteamet retter dette")
    YOU_FIX = ("kit.you_fix", "You must change this", "Dette må du endre")
    ADVICE = ("kit.advice", "Advice", "Råd")
    SAVE = ("kit.save", "Save submission", "Lagre innsending")
    SAVING = ("kit.saving", "Making the submission…", "Lager innsendingen …")
    SAVED = (
        "kit.saved",
        "Saved as {file} in your downloads folder. Send that file to the comms team.",
        "Lagret som {file} i nedlastingsmappen din. Send den filen til kommunikasjonsteamet.",
    )
    NEED_NAME = ("kit.need_name", "Write your name before you save.", "Skriv navnet ditt før du lagrer.")
    NEED_FILES = ("kit.need_files", "Add at least one photo or video.", "Legg til minst ett bilde eller én video.")
    BAD_LINK = ("kit.bad_link", "Frame {number}: a link sticker needs an address starting with https://.",
                "Storybilde {number}: et lenkeklistremerke trenger en adresse som begynner med https://.")
    BAD_MENTION = ("kit.bad_mention", "Frame {number}: a mention starts with @ (@account).",
                   "Storybilde {number}: en omtale begynner med @ (@konto).")
    EMPTY_STICKER = ("kit.empty_sticker", "Frame {number}: write what the sticker says.",
                     "Storybilde {number}: skriv hva klistremerket skal si.")
    TOO_MANY = ("kit.too_many", "A submission holds at most {count} frames.",
                "En innsending kan ha høyst {count} storybilder.")
    TOO_BIG = ("kit.too_big", "The submission is too large for a browser to make (over 4 GB). Send fewer videos.",
               "Innsendingen er for stor til at nettleseren kan lage den (over 4 GB). Send færre videoer.")
    NEED_PEOPLE = ("kit.need_people", "Frame {number}: say whether it shows people who can be recognised.",
                   "Storybilde {number}: svar på om det viser personer som kan kjennes igjen.")
    BAD_TIME = ("kit.bad_time", "Frame {number}: write the time as HH:MM, e.g. 09:30.",
                "Storybilde {number}: skriv klokkeslettet som TT:MM, f.eks. 09:30.")
    SAVE_FAILED = ("kit.save_failed", "The submission could not be made: {error}",
                   "Innsendingen kunne ikke lages: {error}")
    ADDED = ("kit.added", "{count} file(s) added.", "{count} fil(er) lagt til.")
    MOVED = ("kit.moved", "Frame {old} is now frame {new}.", "Storybilde {old} er nå storybilde {new}.")
    REMOVED = ("kit.removed", "Frame {number} removed.", "Storybilde {number} er fjernet.")
    RULES = ("kit.rules", "The story format", "Storyformatet")
    CONSENT_RULES = ("kit.consent_rules", "Consent", "Samtykke")
    TIPS = ("kit.tips", "Tips", "Tips")
    RULE_SET = ("kit.rule_set", "Checked against: {name}", "Sjekkes mot: {name}")
    FILE_NAME = ("kit.file_name", "submission-slot-{slot_id}-{department}.zip",
                 "innsending-periode-{slot_id}-{department}.zip")
    KIT_NAME = ("kit.kit_name", "submission-kit-slot-{slot_id}.html", "innsendingsskjema-periode-{slot_id}.html")
    NOSCRIPT = (
        "kit.noscript",
        "This page needs JavaScript. Open it in Edge, Chrome, Firefox or Safari.",
        "Denne siden trenger JavaScript. Åpne den i Edge, Chrome, Firefox eller Safari.",
    )


class KitReport(Code):
    """What the command line says about kits (not part of the page)."""

    WROTE = ("kit.wrote", "Wrote the contributor kit for slot #{slot_id} ({department}) to {file}.",
             "Skrev innsendingsskjemaet for periode #{slot_id} ({department}) til {file}.")
