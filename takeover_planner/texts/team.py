"""What team mode says: people and roles (services/people.py), connecting to and copying into a shared
database (services/team.py)."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class TeamText(Code):
    # Role names in the choice are the command line's tokens: not translated.
    UNKNOWN_ROLE = ("team.unknown_role", "Unknown role '{value}'. Choose comms_officer, contributor or reader.",
                    "Ukjent rolle «{value}». Velg comms_officer, contributor eller reader.")
    FIRST_PERSON_PLANS = ("team.first_person_plans", "The first person in a team database must be a comms officer.",
                          "Den første personen i en teamdatabase må være kommunikasjonsrådgiver.")
    PERSON_EXISTS = ("team.person_exists", "There is already a person called '{name}'.",
                     "Det finnes allerede en person som heter «{name}».")
    PERSON_EXISTS_NO_LOGIN = ("team.person_exists_no_login",
                              "There is already a person called '{name}', without a login: give them one with "
                              "`person set-login \"{name}\" --login LOGIN`.",
                              "Det finnes allerede en person som heter «{name}», uten pålogging: gi personen en med "
                              "`person set-login \"{name}\" --login PÅLOGGING`.")
    CONTRIBUTOR_NEEDS_DEPARTMENT = ("team.contributor_needs_department",
                                    "A contributor belongs to a department (--department).",
                                    "En bidragsyter hører til en enhet (--department).")
    NO_PERSON = ("team.no_person", "No person #{person_id}.", "Finner ingen person #{person_id}.")
    COPY_INTO_CURRENT = ("team.copy_into_current",
                         "That is the database you are using now; copy into another, empty one.",
                         "Det er den databasen du bruker nå; kopier til en annen, tom database.")
    # --- team mode enforced by PostgreSQL (storage/pg_security.py, docs/security.md)
    USER_ON_POSTGRES = (
        "team.user_on_postgres",
        "--user is not accepted on a team database: the server knows you by the login you connect with "
        "({login}). Connect with your own login (db connect URL).",
        "--user godtas ikke på en teamdatabase: serveren kjenner deg på påloggingen du kobler til med ({login}). "
        "Koble til med din egen pålogging (db connect URL).",
    )
    LOGIN_NEEDED = ("team.login_needed",
                    "On a team database each person needs their own database login (--login).",
                    "På en teamdatabase trenger hver person sin egen databasepålogging (--login).")
    NO_KEYRING_FOR_PASSWORD = (
        "team.no_keyring_for_password",
        "No secure password store (OS keyring) is available, so the database password cannot be kept and nothing "
        "was changed. Windows (Credential Manager) and macOS (Keychain) have one built in; on Linux, install and "
        "unlock GNOME Keyring or KWallet. Or connect without a password in the app: single sign-on (Kerberos), a "
        "client certificate or PostgreSQL's own password file, as IT set up the server. To keep secrets in an "
        "unencrypted file instead, choose such a keyring yourself with the environment variable {variable}.",
        "Det finnes ikke noe sikkert passordlager (nøkkelring i operativsystemet), så databasepassordet kan ikke "
        "tas vare på, og ingenting ble endret. Windows (Legitimasjonsbehandling) og macOS (Nøkkelring) har det "
        "innebygd; på Linux installerer og låser du opp GNOME Keyring eller KWallet. Eller koble til uten passord "
        "i appen: enkel pålogging (Kerberos), et klientsertifikat eller PostgreSQLs egen passordfil, slik IT har "
        "satt opp serveren. Vil du heller ha hemmeligheter i en ukryptert fil, velger du en slik nøkkelring selv "
        "med miljøvariabelen {variable}.",
    )
    LOGIN_ONLY_ON_POSTGRES = (
        "team.login_only_on_postgres",
        "Logins belong to a team database on PostgreSQL; this database is a personal SQLite file.",
        "Pålogginger hører til en teamdatabase på PostgreSQL; denne databasen er en personlig SQLite-fil.",
    )
    BAD_LOGIN = ("team.bad_login",
                 "'{login}' cannot be a database login: use 1–63 lowercase letters, digits, _ or ., "
                 "starting with a letter.",
                 "«{login}» kan ikke være en databasepålogging: bruk 1–63 små bokstaver, sifre, _ eller ., "
                 "og begynn med en bokstav.")
    PERSON_HAS_LOGIN = ("team.person_has_login",
                        "{name} already has the login '{login}'. To use another one, deactivate {name} and add "
                        "the person again with the new login.",
                        "{name} har allerede påloggingen «{login}». For å bruke en annen: deaktiver {name} og legg "
                        "til personen på nytt med den nye påloggingen.")
    LOGIN_TAKEN = ("team.login_taken", "The login '{login}' already belongs to {name}.",
                   "Påloggingen «{login}» tilhører allerede {name}.")
    CANNOT_CREATE_LOGINS = (
        "team.cannot_create_logins",
        "Your database login ({login}) may not create logins. Ask the database's administrator to add people, "
        "or to give your login the right to (CREATEROLE).",
        "Databasepåloggingen din ({login}) kan ikke opprette pålogginger. Be administratoren for databasen om å "
        "legge til personer, eller om å gi påloggingen din lov til det (CREATEROLE).",
    )
    NO_PERSON_NAMED = ("team.no_person_named", "Nobody called '{person}' in this team.",
                       "Finner ingen som heter «{person}» i dette teamet.")
