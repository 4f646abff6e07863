"""What the command line reports when a command did its work: the database, backups, the demo, exports,
accounts, departments, campaigns, blackout periods, people, slots and e-mail drafts.

Dates in these lines come in as values (``cli_days``, ``cli_moment``), so Bokmål shows "4.–6. mars 2027" while
English keeps the ISO dates that scripts reading the output have always seen.
"""

from __future__ import annotations

import datetime as dt

from takeover_planner.texts.codes import Code
from takeover_planner.texts.language import BOKMAAL, current_language
from takeover_planner.texts.render import (
    DateSpan,
    format_span,
    format_table_date,
    format_table_datetime,
    render,
)


def cli_days(start: dt.date, end: dt.date) -> str:
    """A stretch of days in a sentence: "4.–6. mars 2027" in Bokmål, "2027-03-04 – 2027-03-06" in English."""
    if current_language() == BOKMAAL:
        return format_span(DateSpan(start, end), BOKMAAL)
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


def cli_table_date(day: dt.date | None) -> str:
    """A date in a table column: "04.03.2027" / "2027-03-04"; none is empty."""
    return format_table_date(day, current_language()) if day is not None else ""


def cli_moment(moment: dt.datetime | None) -> str:
    """A moment in Oslo time for a line of output: "04.03.2027 14:00" / "2027-03-04 14:00"; none is "—"."""
    return format_table_datetime(moment, current_language()) if moment is not None else "—"


class CliReport(Code):
    # --- the database and its backups
    DB_UP_TO_DATE = ("cli_reports.db_up_to_date", "The database is up to date (schema {head}).",
                     "Databasen er oppdatert (skjema {head}).")
    DB_UPGRADED = ("cli_reports.db_upgraded", "Upgraded {database} from {before} to {head}.",
                   "Oppgraderte {database} fra {before} til {head}.")
    DB_EMPTY = ("cli_reports.db_empty", "empty", "tom")
    DB_BACKUP = ("cli_reports.db_backup", "Backup: {path}", "Sikkerhetskopi: {path}")
    ROLES_ENFORCED = ("cli_reports.roles_enforced", "Roles:    enforced by the server (groups {groups}; owner {owner})",
                      "Roller:   håndheves av serveren (grupper {groups}; eier {owner})")
    ROLES_MISSING = (
        "cli_reports.roles_missing",
        "Roles:    NOT enforced: the groups, grants or policies are missing; the owner ({owner}) runs `db upgrade` "
        "to install them",
        "Roller:   håndheves IKKE: gruppene, rettighetene eller reglene mangler. Eieren ({owner}) kjører "
        "`db upgrade` for å installere dem",
    )
    DB_STATUS = (
        "cli_reports.db_status",
        "Database: {database}\nSchema:   {current} (this app: {head})\nState:    {state}",
        "Database: {database}\nSkjema:   {current} (denne appen: {head})\nTilstand: {state}",
    )
    DB_FOLDERS = ("cli_reports.db_folders", "Data:     {data}\nLogs:     {logs}", "Data:     {data}\nLogger:   {logs}")
    STATE_TOO_NEW = ("cli_reports.state_too_new", "newer than this app", "nyere enn denne appen")
    STATE_FOREIGN = ("cli_reports.state_foreign", "not a Takeover Planner database",
                     "ikke en Takeover Planner-database")
    STATE_UP_TO_DATE = ("cli_reports.state_up_to_date", "up to date", "oppdatert")
    STATE_EMPTY = ("cli_reports.state_empty", "empty (will be created on first use)",
                   "tom (opprettes første gang den brukes)")
    STATE_PENDING = ("cli_reports.state_pending", "{count} migration(s) pending",
                     "{count} migrering(er) venter")
    BACKUPS_FOLDER = ("cli_reports.backups_folder", "Folder: {folder}", "Mappe: {folder}")
    NO_BACKUPS = ("cli_reports.no_backups",
                  "No backups yet in {folder}; one is taken the first time a command opens the database each day.",
                  "Ingen sikkerhetskopier ennå i {folder}. Det tas en automatisk første gang en kommando åpner "
                  "databasen hver dag.")
    RESTORED = ("cli_reports.restored", "Restored {database} from {backup}.",
                "Gjenopprettet {database} fra {backup}.")
    KEPT_ASIDE = ("cli_reports.kept_aside", "The file it replaced is kept as {path}.",
                  "Filen den erstattet er tatt vare på som {path}.")
    DEMO_LOADED = (
        "cli_reports.demo_loaded",
        "Loaded the demo municipality: {accounts} accounts, {departments} departments, {campaigns} theme weeks, "
        "{blackouts} blackouts, {slots} slots.",
        "Lastet inn demokommunen: {accounts} kontoer, {departments} enheter, {campaigns} temauker, "
        "{blackouts} sperreperioder, {slots} perioder.",
    )
    DEMO_ALREADY = ("cli_reports.demo_already", "The demo municipality is already loaded; nothing was added.",
                    "Demokommunen er allerede lastet inn. Ingenting ble lagt til.")

    # --- exports
    SLOTS_ONE = ("cli_reports.slots_one", "{count} slot", "{count} periode")
    SLOTS_MANY = ("cli_reports.slots_many", "{count} slots", "{count} perioder")
    WROTE_EXPORT = ("cli_reports.wrote_export", "Wrote {what} to {path}.", "Skrev {what} til {path}.")
    WROTE_EXPORT_PAGES = ("cli_reports.wrote_export_pages", "Wrote {what} to {path} ({pages} pages).",
                          "Skrev {what} til {path} ({pages} sider).")
    WROTE_PER_DEPARTMENT = ("cli_reports.wrote_per_department",
                            "Wrote {what} to {path} and one calendar per department:",
                            "Skrev {what} til {path} og én kalender per enhet:")
    PUBLISHED_FEEDS = ("cli_reports.published_feeds", "Published {what}: {url}", "Publiserte {what}: {url}")

    # --- accounts, departments, campaigns, blackout periods
    ACCOUNT_ADDED = ("cli_reports.account_added", "Added account #{id} {name}.", "La til konto #{id} {name}.")
    ACCOUNT_SET = ("cli_reports.account_set", "Account #{id} {name}: user id {user_id}, {host} {version}{handle}.",
                   "Konto #{id} {name}: bruker-ID {user_id}, {host} {version}{handle}.")
    NONE = ("cli_reports.none", "(none)", "(ingen)")
    SLOT_NOW_ON = ("cli_reports.slot_now_on", "Slot #{id} ({department}, {days}) is now on {account}.",
                   "Periode #{id} ({department}, {days}) ligger nå på {account}.")
    ACCOUNT_REMOVED = ("cli_reports.account_removed", "Removed account #{id} {name}.",
                       "Fjernet konto #{id} {name}.")
    BLACKOUTS_WENT = ("cli_reports.blackouts_went", "Its {count} blackout period(s) went with it.",
                      "Kontoens {count} sperreperiode(r) ble fjernet sammen med den.")
    DEPARTMENT_ADDED = ("cli_reports.department_added", "Added department #{id} {name}.",
                        "La til enhet #{id} {name}.")
    DEPARTMENT_DELETED = ("cli_reports.department_deleted", "Deleted department {name}.", "Slettet enheten {name}.")
    DEPARTMENT_ARCHIVED = ("cli_reports.department_archived", "Archived department {name}.",
                           "Arkiverte enheten {name}.")
    CAMPAIGN_ADDED = ("cli_reports.campaign_added", "Added campaign #{id} {name}.", "La til kampanje #{id} {name}.")
    BLACKOUT_ADDED = ("cli_reports.blackout_added", "Added blackout #{id} {name} ({days}, {account}).",
                      "La til sperreperiode #{id} {name} ({days}, {account}).")
    ALL_ACCOUNTS = ("cli_reports.all_accounts", "all accounts", "alle kontoer")
    BLACKOUT_COVERS = ("cli_reports.blackout_covers", "Note: slot(s) {ids} already lie inside it; review them.",
                       "Merk: periode(r) {ids} ligger allerede innenfor den. Se over dem.")

    # --- people and the team database
    PERSON_ADDED = ("cli_reports.person_added", "Added {name} as {role}.", "La til {name} som {role}.")
    PERSON_ADDED_FOR = ("cli_reports.person_added_for", "Added {name} as {role} for {department}.",
                        "La til {name} som {role} for {department}.")
    PERSON_ADDED_LOGIN = ("cli_reports.person_added_login", "Added {name} as {role}, login {login}.",
                          "La til {name} som {role}, pålogging {login}.")
    PERSON_ADDED_FOR_LOGIN = ("cli_reports.person_added_for_login",
                              "Added {name} as {role} for {department}, login {login}.",
                              "La til {name} som {role} for {department}, pålogging {login}.")
    PERSON_ACTIVE = ("cli_reports.person_active", "{name} is active.", "{name} er aktiv.")
    PERSON_LOGIN_SET = ("cli_reports.person_login_set", "{name} now logs in as {login}.",
                        "{name} logger nå på som {login}.")
    PERSON_DEACTIVATED = ("cli_reports.person_deactivated", "{name} is deactivated.", "{name} er deaktivert.")
    NO_PEOPLE = ("cli_reports.no_people", "No people yet: this is a personal database, and you act as its comms "
                 "officer.", "Ingen personer ennå: dette er en personlig database, og du er dens "
                 "kommunikasjonsrådgiver.")
    WHOAMI = ("cli_reports.whoami", "{name}: {role} on {database}", "{name}: {role} på {database}")
    WHOAMI_PERSONAL = ("cli_reports.whoami_personal", "{name}: {role} (personal database) on {database}",
                       "{name}: {role} (personlig database) på {database}")
    CONNECTED = ("cli_reports.connected", "From now on Takeover Planner uses {database}.",
                 "Fra nå av bruker Takeover Planner {database}.")
    CONNECTED_KEYRING = ("cli_reports.connected_keyring",
                         "From now on Takeover Planner uses {database}. The password is in the OS keyring.",
                         "Fra nå av bruker Takeover Planner {database}. Passordet ligger i systemets nøkkelring.")
    COPY_EQUAL = ("cli_reports.copy_equal", "Copied {rows} rows; every table compares equal by count and SHA-256.",
                  "Kopierte {rows} rader. Alle tabeller er like etter antall og SHA-256.")
    COPY_DIFFERENT = ("cli_reports.copy_different", "The copy does NOT compare equal; do not switch to it.",
                      "Kopien er IKKE lik originalen. Ikke bytt til den.")

    # --- slots
    SLOT_BOOKED = ("cli_reports.slot_booked",
                   "Booked slot #{id}: {department} on {account}, {days} (week {week}), {status}.",
                   "Booket periode #{id}: {department} på {account}, {days} (uke {week}), {status}.")
    SLOT_UPDATED = ("cli_reports.slot_updated",
                    "Updated slot #{id}: {department} on {account}, {days} (week {week}), {status}.",
                    "Oppdaterte periode #{id}: {department} på {account}, {days} (uke {week}), {status}.")
    SLOT_MOVED = ("cli_reports.slot_moved",
                  "Moved slot #{id}: {department} on {account}, {days} (week {week}), {status}.",
                  "Flyttet periode #{id}: {department} på {account}, {days} (uke {week}), {status}.")
    SLOT_SHOW = ("cli_reports.slot_show",
                 "Slot #{id}: {department} on {account}\n  Dates:    {days}\n  Status:   {status}\n"
                 "  Campaign: {campaign}\n  Deadline: {deadline}\n  Note to the department: {note}",
                 "Periode #{id}: {department} på {account}\n  Dager:    {days}\n  Status:   {status}\n"
                 "  Kampanje: {campaign}\n  Frist:    {deadline}\n  Melding til enheten: {note}")
    SLOT_INTERNAL_NOTE = ("cli_reports.slot_internal_note", "  Internal note:          {note}",
                          "  Intern merknad:      {note}")
    COMPETING = ("cli_reports.competing", "Competing requests for the same days: {others}.",
                 "Konkurrerende ønsker om de samme dagene: {others}.")
    DETAILS_UPDATED = ("cli_reports.details_updated", "Updated slot #{id}: {department} on {account}, {days}.",
                       "Oppdaterte periode #{id}: {department} på {account}, {days}.")
    FRAMES_WITHDRAWN = ("cli_reports.frames_withdrawn", "{count} frame(s) taken off the publishing queue.",
                        "{count} storybilde(r) tatt ut av publiseringskøen.")
    FRAMES_MOVED = ("cli_reports.frames_moved", "{count} frame(s) moved with the slot.",
                    "{count} storybilde(r) flyttet med perioden.")
    FRAMES_MOVED_SOME_OUT = ("cli_reports.frames_moved_some_out",
                             "{count} frame(s) moved with the slot; {outside} fall outside it and go back to review.",
                             "{count} storybilde(r) flyttet med perioden. {outside} havner utenfor den og går "
                             "tilbake til gjennomgang.")
    EMAIL_WRITTEN = ("cli_reports.email_written", "Wrote the e-mail to {to} ({attachments} attached) to {path}.",
                     "Skrev e-posten til {to} (vedlagt: {attachments}) til {path}.")

    # --- Facebook Pages
    PAGE_LINKED = ("cli_reports.page_linked",
                   "Frames of {instagram} now also go out as stories on the Facebook Page {page}.",
                   "Storybilder fra {instagram} publiseres nå også som stories på Facebook-siden {page}.")
    PAGE_UNLINKED = ("cli_reports.page_unlinked", "Frames of {instagram} are no longer cross-posted to a Facebook Page.",
                     "Storybilder fra {instagram} publiseres ikke lenger på en Facebook-side.")
    ARCHIVED = ("cli_reports.archived", "(archived)", "(arkivert)")
    INACTIVE = ("cli_reports.inactive", "inactive", "inaktiv")
    COMPETING_MARK = ("cli_reports.competing_mark", "* competing requests for the same days",
                      "* konkurrerende ønsker om de samme dagene")
    COPY_OK = ("cli_reports.copy_ok", "ok", "ok")
    COPY_DIFFERS = ("cli_reports.copy_differs", "DIFFERENT", "ULIK")
    PROFILE_SAVED = ("cli_reports.profile_saved", "Saved. Briefs and checklists are signed:",
                     "Lagret. Oppdragsbrev og sjekklister signeres slik:")


class RoleName(Code):
    """A person's role in the command line's lines; English keeps the stored value, which is also what
    ``person add --role`` takes. Member names are ``Role`` values in capitals."""

    COMMS_OFFICER = ("cli_reports.role_comms_officer", "comms_officer", "kommunikasjonsrådgiver")
    CONTRIBUTOR = ("cli_reports.role_contributor", "contributor", "bidragsyter")
    READER = ("cli_reports.role_reader", "reader", "leser")

    @classmethod
    def of(cls, role: str) -> RoleName:
        return cls[str(role).upper()]


class CliColumn(Code):
    """Column heads of the command line's tables (capitals, like the English ones)."""

    ID = ("cli_column.id", "ID", "ID")
    NAME = ("cli_column.name", "NAME", "NAVN")
    HANDLE = ("cli_column.handle", "HANDLE", "BRUKERNAVN")
    API = ("cli_column.api", "API", "API")
    PLATFORM = ("cli_column.platform", "PLATFORM", "PLATTFORM")
    CROSS_POSTS_TO = ("cli_column.cross_posts_to", "CROSS-POSTS TO", "PUBLISERES OGSÅ PÅ")
    CONTACT = ("cli_column.contact", "CONTACT", "KONTAKTPERSON")
    EMAIL = ("cli_column.email", "E-MAIL", "E-POST")
    SLOTS = ("cli_column.slots", "SLOTS", "PERIODER")
    START = ("cli_column.start", "START", "START")
    END = ("cli_column.end", "END", "SLUTT")
    ACCOUNT = ("cli_column.account", "ACCOUNT", "KONTO")
    ROLE = ("cli_column.role", "ROLE", "ROLLE")
    DEPARTMENT = ("cli_column.department", "DEPARTMENT", "ENHET")
    LOGIN = ("cli_column.login", "LOGIN", "PÅLOGGING")
    WEEK = ("cli_column.week", "WEEK", "UKE")
    STATUS = ("cli_column.status", "STATUS", "STATUS")
    CAMPAIGN = ("cli_column.campaign", "CAMPAIGN", "KAMPANJE")
    BACKUP = ("cli_column.backup", "BACKUP", "SIKKERHETSKOPI")
    TAKEN = ("cli_column.taken", "TAKEN", "TATT")
    OCCASION = ("cli_column.occasion", "OCCASION", "ANLEDNING")
    SIZE = ("cli_column.size", "SIZE", "STØRRELSE")
    NAME_FIELD = ("cli_column.name_field", "Name", "Navn")
    EMAIL_FIELD = ("cli_column.email_field", "E-mail", "E-post")
    PHONE_FIELD = ("cli_column.phone_field", "Phone", "Telefon")
    TITLE_FIELD = ("cli_column.title_field", "Title", "Tittel")
    ORGANISATION_FIELD = ("cli_column.organisation_field", "Organisation", "Organisasjon")


def heads(*names: str) -> list[str]:
    """The heads of ``CliColumn`` members named ``names``, in the language in force, for ``cli.common.table``."""
    return [render(CliColumn[name]) for name in names]
