"""Messages of brief and submission packages: why a package is refused, and what a draft still lacks.

A package refusal also carries ``details["reason"]`` (``intake.errors.Reason``), the coarse kind that scripts
and ``--json`` read; the code here names the exact refusal.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class IntakeText(Code):
    # --- what a package is (nested in other messages) ---
    A_BRIEF = ("intake.a_brief", "a brief", "et oppdragsbrev")
    A_SUBMISSION = ("intake.a_submission", "a submission", "en innsending")
    SOMEONE = ("intake.someone", "someone", "noen")

    # --- the zip itself (safezip.py) ---
    NOT_A_FILE = ("intake.not_a_file", "{path} is not a file.", "{path} er ikke en fil.")
    CANNOT_READ = ("intake.cannot_read", "Cannot read {file}: {reason}.", "Kan ikke lese {file}: {reason}.")
    NOT_A_ZIP = (
        "intake.not_a_zip",
        "{file} is not a readable zip file ({error}). Ask for the package again.",
        "{file} er ikke en lesbar zip-fil ({error}). Be om pakken på nytt.",
    )
    PACKAGE_TOO_BIG = (
        "intake.package_too_big",
        "The package is {size} bytes, more than the {limit} allowed.",
        "Pakken er på {size} byte, mer enn de {limit} som er tillatt.",
    )
    TOO_MANY_FILES = (
        "intake.too_many_files",
        "The package holds {count} files; at most {limit} are allowed.",
        "Pakken inneholder {count} filer; høyst {limit} er tillatt.",
    )
    UNUSABLE_NAME = (
        "intake.unusable_name",
        "The package holds a file with an unusable name ('{name}').",
        "Pakken inneholder en fil med et navn som ikke kan brukes («{name}»).",
    )
    BACKSLASH = (
        "intake.backslash",
        "The package holds a path with a backslash ('{name}'); packages use '/' only.",
        "Pakken inneholder en sti med omvendt skråstrek («{name}»); pakker bruker bare «/».",
    )
    ABSOLUTE_PATH = (
        "intake.absolute_path",
        "The package holds an absolute path ('{name}'); it would write outside its folder.",
        "Pakken inneholder en absolutt sti («{name}»); den ville skrevet utenfor sin egen mappe.",
    )
    DRIVE_LETTER = (
        "intake.drive_letter",
        "The package holds a path with a drive letter ('{name}'); it would write outside its folder.",
        "Pakken inneholder en sti med stasjonsbokstav («{name}»); den ville skrevet utenfor sin egen mappe.",
    )
    CLIMBS_OUT = (
        "intake.climbs_out",
        "The package holds a path that climbs out of it ('{name}').",
        "Pakken inneholder en sti som klatrer ut av pakken («{name}»).",
    )
    EMPTY_PART = (
        "intake.empty_part",
        "The package holds a path with an empty part ('{name}').",
        "Pakken inneholder en sti med en tom del («{name}»).",
    )
    SYMLINK = (
        "intake.symlink",
        "The package holds a symbolic link ('{name}'); links could point anywhere on the disk.",
        "Pakken inneholder en symbolsk lenke («{name}»); lenker kan peke hvor som helst på disken.",
    )
    NOT_ORDINARY = (
        "intake.not_ordinary",
        "The package holds '{name}', which is not an ordinary file.",
        "Pakken inneholder «{name}», som ikke er en vanlig fil.",
    )
    ENCRYPTED = (
        "intake.encrypted",
        "'{name}' in the package is encrypted; packages must not have a password.",
        "«{name}» i pakken er kryptert; pakker kan ikke ha passord.",
    )
    PASSWORD_NEEDED = (
        "intake.password_needed",
        "'{name}' cannot be read: {error}.",
        "«{name}» kan ikke leses: {error}.",
    )
    COMPRESSION = (
        "intake.compression",
        "'{name}' uses a compression method this app does not read (method {method}); use stored or deflated.",
        "«{name}» bruker en komprimeringsmetode som appen ikke leser (metode {method}); bruk stored eller "
        "deflated.",
    )
    DUPLICATE_ENTRY = (
        "intake.duplicate_entry",
        "The package holds '{name}' more than once.",
        "Pakken inneholder «{name}» mer enn én gang.",
    )
    MEMBER_TOO_BIG = (
        "intake.member_too_big",
        "'{name}' would unpack to {size} bytes, more than the {limit} allowed for one file.",
        "«{name}» ville blitt {size} byte utpakket, mer enn de {limit} som er tillatt for én fil.",
    )
    BOMB_RATIO = (
        "intake.bomb_ratio",
        "'{name}' would unpack {ratio} times larger than it is packed (at most {limit} allowed): this looks "
        "like a zip bomb.",
        "«{name}» ville blitt {ratio} ganger større utpakket enn pakket (høyst {limit} er tillatt): dette ser "
        "ut som en zip-bombe.",
    )
    TOTAL_TOO_BIG = (
        "intake.total_too_big",
        "The package would unpack to more than {limit} bytes.",
        "Pakken ville blitt mer enn {limit} byte utpakket.",
    )
    MANIFEST_TOO_BIG = (
        "intake.manifest_too_big",
        "'{name}' is {size} bytes; at most {limit} allowed.",
        "«{name}» er på {size} byte; høyst {limit} er tillatt.",
    )
    BOMB_OVERFLOW = (
        "intake.bomb_overflow",
        "'{name}' unpacks to more than its declared {size} bytes: this looks like a zip bomb.",
        "«{name}» blir større enn de {size} byte den oppgir når den pakkes ut: dette ser ut som en zip-bombe.",
    )
    MEMBER_DAMAGED = (
        "intake.member_damaged",
        "'{name}' in the package is damaged ({error}). Ask for the package again.",
        "«{name}» i pakken er skadet ({error}). Be om pakken på nytt.",
    )
    MEMBER_SHORT = (
        "intake.member_short",
        "'{name}' unpacked to {size} bytes, not the {declared} its header declares. Ask for the package again.",
        "«{name}» ble {size} byte utpakket, ikke de {declared} den oppgir. Be om pakken på nytt.",
    )

    # --- package contents (package.py) ---
    NO_MANIFEST = (
        "intake.no_manifest",
        "{file} has no {manifest}: it is not a Takeover Planner package.",
        "{file} har ingen {manifest}: det er ikke en pakke fra Takeover Planner.",
    )
    LISTED_NOT_HELD = (
        "intake.listed_not_held",
        "The manifest lists {file}, but the package does not hold it.",
        "Manifestet viser til {file}, men pakken inneholder den ikke.",
    )
    LISTED_NOT_HELD_MORE = (
        "intake.listed_not_held_more",
        "The manifest lists {file}, but the package does not hold it (and {more} more).",
        "Manifestet viser til {file}, men pakken inneholder den ikke (og {more} til).",
    )
    HELD_NOT_LISTED = (
        "intake.held_not_listed",
        "The package holds {file}, which its manifest does not list.",
        "Pakken inneholder {file}, som manifestet ikke viser til.",
    )
    HELD_NOT_LISTED_MORE = (
        "intake.held_not_listed_more",
        "The package holds {file}, which its manifest does not list (and {more} more).",
        "Pakken inneholder {file}, som manifestet ikke viser til (og {more} til).",
    )
    USED_NOT_LISTED = (
        "intake.used_not_listed",
        "A frame uses {file}, which the manifest's file list does not hold.",
        "Et storybilde bruker {file}, som ikke står i manifestets filliste.",
    )
    UNUSED_FILE = (
        "intake.unused_file",
        "The package holds {file}, which no frame uses.",
        "Pakken inneholder {file}, som ingen storybilder bruker.",
    )
    SIZE_MISMATCH = (
        "intake.size_mismatch",
        "{file} is {size} bytes in the package, but the manifest says {expected}. The package was changed or "
        "damaged.",
        "{file} er på {size} byte i pakken, men manifestet sier {expected}. Pakken er endret eller skadet.",
    )
    CHECKSUM = (
        "intake.checksum",
        "{file} does not match its checksum in the manifest. The package was changed or damaged; ask for it "
        "again.",
        "{file} stemmer ikke med sjekksummen i manifestet. Pakken er endret eller skadet; be om den på nytt.",
    )

    # --- the manifest (schema.py, manifest.py) ---
    NOT_UTF8 = ("intake.not_utf8", "{file} is not UTF-8 text.", "{file} er ikke UTF-8-tekst.")
    NOT_JSON = ("intake.not_json", "{file} is not valid JSON ({error}).", "{file} er ikke gyldig JSON ({error}).")
    WRONG_KIND = ("intake.wrong_kind", "This package is {found}, not {wanted}.",
                  "Denne pakken er {found}, ikke {wanted}.")
    UNKNOWN_KIND = ("intake.unknown_kind", "This package's format is '{kind}', not {wanted}.",
                    "Pakkens format er «{kind}», ikke {wanted}.")
    TOO_NEW = (
        "intake.too_new",
        "This package uses format version {version}; this app reads up to version {known}. Update Takeover "
        "Planner to open it.",
        "Denne pakken bruker formatversjon {version}; appen leser opp til versjon {known}. Oppdater Takeover "
        "Planner for å åpne den.",
    )
    FIELD_TWICE = (
        "intake.field_twice",
        "The manifest does not match the package format: {file} field '{field}' appears twice.",
        "Manifestet følger ikke pakkeformatet: feltet «{field}» i {file} står to ganger.",
    )
    ROOT_NOT_OBJECT = (
        "intake.root_not_object",
        "The manifest does not match the package format: the manifest must be an object.",
        "Manifestet følger ikke pakkeformatet: manifestet må være et objekt.",
    )
    NOT_OBJECT = (
        "intake.not_object",
        "The manifest does not match the package format: {field} must be an object.",
        "Manifestet følger ikke pakkeformatet: {field} må være et objekt.",
    )
    FIELD_MISSING = (
        "intake.field_missing",
        "The manifest does not match the package format: {field} is missing.",
        "Manifestet følger ikke pakkeformatet: {field} mangler.",
    )
    UNKNOWN_FIELD = (
        "intake.unknown_field",
        "The manifest does not match the package format: {field} is not a field of this format.",
        "Manifestet følger ikke pakkeformatet: {field} er ikke et felt i dette formatet.",
    )
    NOT_TEXT = (
        "intake.not_text",
        "The manifest does not match the package format: {field} must be text.",
        "Manifestet følger ikke pakkeformatet: {field} må være tekst.",
    )
    TEXT_LENGTH = (
        "intake.text_length",
        "The manifest does not match the package format: {field} must be {low}–{high} characters long.",
        "Manifestet følger ikke pakkeformatet: {field} må ha {low}–{high} tegn.",
    )
    TEXT_TOO_LONG = (
        "intake.text_too_long",
        "The manifest does not match the package format: {field} must be text of at most {high} characters.",
        "Manifestet følger ikke pakkeformatet: {field} må være tekst på høyst {high} tegn.",
    )
    UNEXPECTED_FORM = (
        "intake.unexpected_form",
        "The manifest does not match the package format: {field} has an unexpected form ('{value}').",
        "Manifestet følger ikke pakkeformatet: {field} har en uventet form («{value}»).",
    )
    NOT_WHOLE_NUMBER = (
        "intake.not_whole_number",
        "The manifest does not match the package format: {field} must be a whole number from {low} to {high}.",
        "Manifestet følger ikke pakkeformatet: {field} må være et heltall fra {low} til {high}.",
    )
    NOT_FLAG = (
        "intake.not_flag",
        "The manifest does not match the package format: {field} must be true or false.",
        "Manifestet følger ikke pakkeformatet: {field} må være true eller false.",
    )
    NOT_DATE = (
        "intake.not_date",
        "The manifest does not match the package format: {field} must be a date (YYYY-MM-DD).",
        "Manifestet følger ikke pakkeformatet: {field} må være en dato (ÅÅÅÅ-MM-DD).",
    )
    NOT_MOMENT = (
        "intake.not_moment",
        "The manifest does not match the package format: {field} must be a date and time with its offset.",
        "Manifestet følger ikke pakkeformatet: {field} må være dato og klokkeslett med tidsforskyvning.",
    )
    NO_OFFSET = (
        "intake.no_offset",
        "The manifest does not match the package format: {field} must include its UTC offset.",
        "Manifestet følger ikke pakkeformatet: {field} må ha med forskyvningen fra UTC.",
    )
    NOT_TIME = (
        "intake.not_time",
        "The manifest does not match the package format: {field} must be a time of day as HH:MM.",
        "Manifestet følger ikke pakkeformatet: {field} må være et klokkeslett som TT:MM.",
    )
    NOT_LIST = (
        "intake.not_list",
        "The manifest does not match the package format: {field} must be a list.",
        "Manifestet følger ikke pakkeformatet: {field} må være en liste.",
    )
    LIST_LENGTH = (
        "intake.list_length",
        "The manifest does not match the package format: {field} must hold {low}–{high} entries.",
        "Manifestet følger ikke pakkeformatet: {field} må ha {low}–{high} oppføringer.",
    )
    TOO_MANY_ENTRIES = (
        "intake.too_many_entries",
        "The manifest does not match the package format: {field} must hold at most {high} entries.",
        "Manifestet følger ikke pakkeformatet: {field} kan ha høyst {high} oppføringer.",
    )
    NAMED_TWICE = (
        "intake.named_twice",
        "The manifest does not match the package format: {field} names '{value}' twice.",
        "Manifestet følger ikke pakkeformatet: {field} nevner «{value}» to ganger.",
    )
    BAD_FILE_NAME = (
        "intake.bad_file_name",
        "The manifest does not match the package format: {field} is not an allowed file name in a package.",
        "Manifestet følger ikke pakkeformatet: {field} er ikke et tillatt filnavn i en pakke.",
    )
    END_BEFORE_START = (
        "intake.end_before_start",
        "The manifest does not match the package format: {field} is before {other}.",
        "Manifestet følger ikke pakkeformatet: {field} er før {other}.",
    )
    NOT_GIVEN_BY = (
        "intake.not_given_by",
        "The manifest does not match the package format: {field} must be 'self' or 'guardian'.",
        "Manifestet følger ikke pakkeformatet: {field} må være «self» eller «guardian».",
    )
    BAD_SCOPE = (
        "intake.bad_scope",
        "The manifest does not match the package format: {field} must list each of {choices} at most once.",
        "Manifestet følger ikke pakkeformatet: {field} kan nevne hver av {choices} høyst én gang.",
    )
    NOT_ONE_OF = (
        "intake.not_one_of",
        "The manifest does not match the package format: {field} must be one of {choices}.",
        "Manifestet følger ikke pakkeformatet: {field} må være en av {choices}.",
    )
    TIME_WITHOUT_DATE = (
        "intake.time_without_date",
        "The manifest does not match the package format: {field} needs a planned_date too.",
        "Manifestet følger ikke pakkeformatet: {field} krever også en planned_date.",
    )
    SAME_FILE = (
        "intake.same_file",
        "The manifest does not match the package format: {field} must be a different file from 'file'.",
        "Manifestet følger ikke pakkeformatet: {field} må være en annen fil enn «file».",
    )
    UNUSABLE_KEY = (
        "intake.unusable_key",
        "The manifest does not match the package format: {field} has an unusable key.",
        "Manifestet følger ikke pakkeformatet: {field} har en nøkkel som ikke kan brukes.",
    )
    NOT_SCALAR = (
        "intake.not_scalar",
        "The manifest does not match the package format: {field} must be text, a number, true/false or null.",
        "Manifestet følger ikke pakkeformatet: {field} må være tekst, et tall, true/false eller null.",
    )
    TOO_LONG = (
        "intake.too_long",
        "The manifest does not match the package format: {field} is too long.",
        "Manifestet følger ikke pakkeformatet: {field} er for lang.",
    )
    UNKNOWN_CONSENT = (
        "intake.unknown_consent",
        "The manifest does not match the package format: {field} names consent '{value}', which the manifest "
        "does not hold.",
        "Manifestet følger ikke pakkeformatet: {field} viser til samtykke «{value}», som manifestet ikke har.",
    )

    # --- against the database (services/packages.py) ---
    BRIEF_CANCELLED = (
        "intake.brief_cancelled",
        "Slot #{slot_id} is cancelled; it needs no brief.",
        "Periode #{slot_id} er avlyst; den trenger ikke oppdragsbrev.",
    )
    UNKNOWN_SLOT = (
        "intake.unknown_slot",
        "This submission is for slot #{slot_id} ({department}), which does not exist in this database. Was the "
        "brief made from another planner database?",
        "Denne innsendingen gjelder periode #{slot_id} ({department}), som ikke finnes i denne databasen. Ble "
        "oppdragsbrevet laget fra en annen planleggingsdatabase?",
    )
    OTHER_DEPARTMENT = (
        "intake.other_department",
        "This submission is for slot #{slot_id} of {department}, but slot #{slot_id} here belongs to {actual}. "
        "It was made from another brief or database.",
        "Denne innsendingen gjelder periode #{slot_id} for {department}, men periode #{slot_id} her tilhører "
        "{actual}. Den ble laget fra et annet oppdragsbrev eller en annen database.",
    )
    SUBMISSION_CANCELLED = (
        "intake.submission_cancelled",
        "Slot #{slot_id} ({department}) is cancelled; its submission cannot be imported.",
        "Periode #{slot_id} ({department}) er avlyst; innsendingen kan ikke importeres.",
    )
    ALREADY_IMPORTED = (
        "intake.already_imported",
        "This submission is already imported (submission #{submission}, {when} by {by}); nothing was changed.",
        "Denne innsendingen er allerede importert (innsending #{submission}, {when} av {by}); ingenting ble "
        "endret.",
    )
    JUST_IMPORTED = (
        "intake.just_imported",
        "This submission was just imported by someone else; nothing was changed.",
        "Denne innsendingen ble nettopp importert av noen andre; ingenting ble endret.",
    )
    UNUSABLE_FILE = (
        "intake.unusable_file",
        "Frame {number}'s file {file} {problem}; ask for it again.",
        "Filen {file} i storybilde {number} {problem}; be om den på nytt.",
    )
    PDF_SAME_NAME = (
        "intake.pdf_same_name",
        "The PDF and the brief package need different file names.",
        "PDF-en og oppdragsbrevpakken må ha forskjellige filnavn.",
    )

    # --- import notes (not refusals) ---
    NOTE_OUTSIDE_DAYS = (
        "intake.note_outside_days",
        "Frame {number} is planned for {day}, outside the slot's days.",
        "Storybilde {number} er planlagt {day}, utenfor dagene i perioden.",
    )
    NOTE_NO_TIME = (
        "intake.note_no_time",
        "Frame {number} has no time of day; it is planned for 09:00.",
        "Storybilde {number} har ikke klokkeslett; det er planlagt kl. 09:00.",
    )

    # --- a contributor's draft (submission.py) ---
    NO_FILE = ("intake.no_file", "{what}: {path} is not a file.", "{what}: {path} er ikke en fil.")
    FRAME = ("intake.frame", "Frame {number}", "Storybilde {number}")
    FIXED_COPY = ("intake.fixed_copy", "Frame {number} (fixed copy)", "Storybilde {number} (rettet kopi)")
    FRAME_PROBLEM = ("intake.frame_problem", "Frame {number}: {problem}", "Storybilde {number}: {problem}")
    NO_FRAMES = ("intake.no_frames", "Add at least one picture or video.", "Legg til minst ett bilde eller én video.")
    TOO_MANY_PARTS = (
        "intake.too_many_parts",
        "A submission holds at most {frames} frames and {consents} consent records.",
        "En innsending kan ha høyst {frames} storybilder og {consents} samtykkeerklæringer.",
    )
    BAD_CONSENT_KEY = (
        "intake.bad_consent_key",
        "Consent key '{key}' must be short lowercase letters, digits, - or _.",
        "Samtykkenøkkelen «{key}» må være kort og bestå av små bokstaver, sifre, - eller _.",
    )
    SAME_CONSENT_KEY = ("intake.same_consent_key", "Two consent records have the same key.",
                        "To samtykkeerklæringer har samme nøkkel.")
    OUTSIDE_DAYS = (
        "intake.outside_days",
        "Frame {number} is planned for {day}, outside the takeover days {days}.",
        "Storybilde {number} er planlagt {day}, utenfor overtakelsens dager {days}.",
    )
    TIME_NO_DAY = ("intake.time_no_day", "Frame {number} has a time but no day.",
                   "Storybilde {number} har klokkeslett, men ingen dag.")
    MISSING_CONSENT = (
        "intake.missing_consent",
        "Frame {number} refers to consent '{key}', which is not in the submission.",
        "Storybilde {number} viser til samtykke «{key}», som ikke er med i innsendingen.",
    )
    YOUR_NAME = ("intake.your_name", "Your name", "Navnet ditt")
