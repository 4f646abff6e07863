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
