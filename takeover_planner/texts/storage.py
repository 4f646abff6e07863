"""What the storage layer says: the database is away, busy, damaged, too new or someone else's; a URL that is
not one; a copy that would mix plans (storage/database.py, migrate.py, copy.py).

Messages that may not know which database failed take ``database`` as a nested ``DATABASE_NAMED`` /
``DATABASE_UNNAMED`` text ("the database postgresql://…" / "databasen"), in the middle of a sentence.
``problem`` is the driver's own words (foreign text we cannot translate).
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class StorageText(Code):
    DATABASE_NAMED = ("storage.database_named", "the database {url}", "databasen {url}")
    DATABASE_UNNAMED = ("storage.database_unnamed", "the database", "databasen")

    # --- the world in the way (storage.database.environment_problem); the reason is on the exception
    UNREACHABLE = (
        "storage.unreachable",
        "Cannot reach {database}. Check the network or the server; the app keeps trying.",
        "Får ikke kontakt med {database}. Sjekk nettverket eller serveren; appen prøver igjen av seg selv.",
    )
    LOCKED = ("storage.locked", "The database is busy (another program holds it). Try again in a moment.",
              "Databasen er opptatt (et annet program holder den). Prøv igjen om et øyeblikk.")
    READ_ONLY = ("storage.read_only", "Cannot write to {database}: it is read-only.",
                 "Kan ikke skrive til {database}: den er skrivebeskyttet.")
    CORRUPT = (
        "storage.corrupt",
        "Cannot use {database}: it is damaged or not a database ({problem}). The backups folder may hold a copy.",
        "Kan ikke bruke {database}: den er skadet eller ikke en database ({problem}). Mappen backups kan ha en "
        "kopi.",
    )
    NO_PERMISSION = ("storage.no_permission", "No permission to use {database} ({problem}).",
                     "Du har ikke tilgang til {database} ({problem}).")
    MISSING = ("storage.missing", "Cannot find {database} ({problem}).", "Finner ikke {database} ({problem}).")

    # --- the schema (storage.migrate)
    TOO_NEW = (
        "storage.too_new",
        "This database was made by a newer version of Takeover Planner (schema {revision}); this version knows "
        "up to {head}. Update the app, or open another database.",
        "Denne databasen er laget av en nyere versjon av Takeover Planner (skjema {revision}); denne versjonen "
        "kjenner bare til {head}. Oppdater appen, eller åpne en annen database.",
    )
    FOREIGN = (
        "storage.foreign",
        "{url} already holds tables that are not Takeover Planner's. Choose an empty database.",
        "{url} har allerede tabeller som ikke hører til Takeover Planner. Velg en tom database.",
    )
    UPGRADE_WOULD_BREAK = (
        "storage.upgrade_would_break",
        "Upgrading the database would leave {rows} row(s) pointing at nothing; nothing was changed. The backup "
        "in the backups folder is untouched.",
        "Oppgraderingen ville latt {rows} rad(er) peke på noe som ikke finnes; ingenting er endret. "
        "Sikkerhetskopien i mappen backups er urørt.",
    )

    # --- saving (storage.database.translate_db_errors)
    SAVE_RACED = (
        "storage.save_raced",
        "Someone else changed this in the meantime, so your change was not saved. The view has been reloaded; "
        "look at it and try again.",
        "Noen andre endret dette i mellomtiden, så endringen din ble ikke lagret. Visningen er lastet inn på "
        "nytt; se over den og prøv igjen.",
    )

    # --- URLs and copying (storage.database, storage.copy)
    BAD_URL = ("storage.bad_url", "'{url}' is not a database URL (sqlite:///… or postgresql+psycopg://…).",
               "«{url}» er ikke en databaseadresse (sqlite:///… eller postgresql+psycopg://…).")
    UNSUPPORTED_BACKEND = ("storage.unsupported_backend", "Only SQLite and PostgreSQL are supported, not {backend}.",
                           "Bare SQLite og PostgreSQL støttes, ikke {backend}.")
    COPY_SAME = ("storage.copy_same", "The source and the target are the same database.",
                 "Kilden og målet er samme database.")
    COPY_TARGET_NOT_EMPTY = (
        "storage.copy_target_not_empty",
        "{url} is not empty. Copy only into an empty database, so that nothing there is mixed with or "
        "overwritten by this plan.",
        "{url} er ikke tom. Kopier bare til en tom database, så ingenting der blandes med eller overskrives av "
        "denne planen.",
    )
