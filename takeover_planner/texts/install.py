"""What keeping the data safe says: a damaged database and the backup that can replace it, restores, and
the person's own profile (services/safekeeping.py, services/profile.py), which signs briefs.

``database`` is the file's path; ``problem`` SQLite's own words (foreign text); ``taken`` an aware datetime
(shown in Oslo time); ``command`` a command line to copy as it is.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class InstallText(Code):
    DAMAGED = (
        "install.damaged",
        "The database {database} is damaged ({problem}). The newest good backup is {backup}, from {taken}. "
        "To put it back (the damaged file is kept aside): {command}",
        "Databasen {database} er skadet ({problem}). Den nyeste gode sikkerhetskopien er {backup}, fra {taken}. "
        "Slik legger du den tilbake (den skadede filen blir tatt vare på): {command}",
    )
    DAMAGED_NO_BACKUP = (
        "install.damaged_no_backup",
        "The database {database} is damaged ({problem}), and there is no good backup in {folder}. Keep the "
        "file for whoever can repair it, and do not write to it.",
        "Databasen {database} er skadet ({problem}), og det finnes ingen god sikkerhetskopi i {folder}. Ta vare "
        "på filen til noen som kan reparere den, og ikke skriv til den.",
    )
    NO_SUCH_BACKUP = (
        "install.no_such_backup",
        "There is no backup called {name} in {folder}. `takeover-planner db backups` lists them.",
        "Det finnes ingen sikkerhetskopi som heter {name} i {folder}. `takeover-planner db backups` viser dem.",
    )
    BACKUP_DAMAGED = (
        "install.backup_damaged",
        "The backup {name} is damaged itself ({problem}); nothing was changed. Choose another one.",
        "Sikkerhetskopien {name} er selv skadet ({problem}); ingenting er endret. Velg en annen.",
    )
    NOT_A_FILE = (
        "install.not_a_file",
        "{database} is a database server, not a file on this computer: back it up and restore it with the "
        "server's own tools (pg_dump, pg_restore).",
        "{database} er en databaseserver, ikke en fil på denne maskinen: ta sikkerhetskopi og legg den tilbake "
        "med serverens egne verktøy (pg_dump, pg_restore).",
    )

    # --- the person's profile (services/profile.py)
    NO_PROFILE = (
        "install.no_profile",
        "No profile yet: briefs say that contact details are missing. Fill it in with: takeover-planner profile "
        "set --name NAME --email ADDRESS [--phone NUMBER] [--title TITLE] [--organisation NAME]",
        "Ingen profil ennå: oppdragsbrevene sier at kontaktopplysningene mangler. Fyll den ut med: "
        "takeover-planner profile set --name NAVN --email ADRESSE [--phone NUMMER] [--title TITTEL] "
        "[--organisation NAVN]",
    )
    # Stands where the writer's name would be (the contact row, "Questions? Contact …", the signature).
    CONTACT_MISSING = (
        "install.contact_missing",
        "Communications team (contact details missing: the sender has not filled in a profile)",
        "Kommunikasjonsteamet (kontaktopplysninger mangler: avsenderen har ikke fylt ut profilen sin)",
    )
    YOUR_NAME = ("field.your_name", "Your name", "Navnet ditt")
    YOUR_EMAIL = ("field.your_email", "Your e-mail address", "E-postadressen din")
