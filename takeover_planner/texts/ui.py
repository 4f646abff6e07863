"""The window's own refusals: a form filled in wrongly, an edit kept for later, a file it could not save."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class UiText(Code):
    # Record dialogs (departments, accounts, campaigns, blackout periods)
    DEPARTMENT_NAME_EMPTY = ("ui.department_name_empty", "Give the department a name.", "Gi enheten et navn.")
    DEPARTMENT_TAKEN = ("ui.department_taken", "There is already a department called '{name}'.",
                        "Det finnes allerede en enhet som heter «{name}».")
    ACCOUNT_NAME_EMPTY = ("ui.account_name_empty", "Give the account a name.", "Gi kontoen et navn.")
    ACCOUNT_TAKEN = ("ui.account_taken", "There is already an account called '{name}'.",
                     "Det finnes allerede en konto som heter «{name}».")
    CAMPAIGN_NAME_EMPTY = ("ui.campaign_name_empty", "Give the campaign a name.", "Gi kampanjen et navn.")
    CAMPAIGN_TAKEN = ("ui.campaign_taken", "There is already a campaign called '{name}'.",
                      "Det finnes allerede en kampanje som heter «{name}».")
    BLACKOUT_NAME_EMPTY = ("ui.blackout_name_empty",
                           "Give the blackout period a name (for example 'Election day').",
                           "Gi sperreperioden et navn (for eksempel «Valgdagen»).")
    BAD_EMAIL = ("ui.bad_email", "'{email}' is not a valid e-mail address.",
                 "«{email}» er ikke en gyldig e-postadresse.")
    CONTACT_NAME_NEEDED = ("ui.contact_name_needed", "Give the contact person's name too.",
                           "Oppgi navnet på kontaktpersonen også.")
    CONTACT_NAME_EMPTY = ("ui.contact_name_empty", "The contact person's name must not be empty.",
                          "Kontaktpersonen må ha et navn.")
    BAD_HANDLE = (
        "ui.bad_handle",
        "'{handle}' is not an Instagram handle (letters, digits, . and _; at most 30).",
        "«{handle}» er ikke et gyldig Instagram-brukernavn (bokstaver, sifre, . og _; høyst 30 tegn).",
    )
    LAST_BEFORE_FIRST = ("ui.last_before_first", "The last day is before the first day.",
                         "Siste dag er før første dag.")

    # Settings
    MEDIA_FOLDER_NOT_ABSOLUTE = (
        "ui.media_folder_not_absolute",
        "Give the media folder's full path (for a network share, e.g. \\\\server\\share\\media).",
        "Oppgi hele stien til mediemappen (for en nettverksressurs f.eks. \\\\server\\ressurs\\media).",
    )
    MEDIA_FOLDER_MISSING = ("ui.media_folder_missing",
                            "The media folder {folder} does not exist or cannot be reached.",
                            "Mediemappen {folder} finnes ikke eller kan ikke nås.")
    MEDIA_FOLDER_NOT_WRITABLE = ("ui.media_folder_not_writable",
                                 "Cannot write in the media folder {folder}: {problem}",
                                 "Kan ikke skrive i mediemappen {folder}: {problem}")
    DB_SERVER_MISSING = ("ui.db_server_missing", "Give the database server's name or address.",
                         "Oppgi navnet eller adressen til databaseserveren.")
    DB_NAME_MISSING = ("ui.db_name_missing", "Give the name of the database on the server.",
                       "Oppgi navnet på databasen på serveren.")

    # Booking edits: undo, and the outbox while the team database is away
    CANNOT_GO_BACK = ("ui.cannot_go_back", "Slot #{slot_id} is {status} and cannot go back to {target}.",
                      "Periode #{slot_id} er {status} og kan ikke gå tilbake til {target}.")
    KEPT_OFFLINE = (
        "ui.kept_offline",
        "The team database cannot be reached. Your change is kept and will be saved when it is back.",
        "Får ikke kontakt med teamets database. Endringen din er tatt vare på og lagres når den er tilbake.",
    )
    ALREADY_WAITING = (
        "ui.already_waiting",
        "The team database cannot be reached, and this slot already has a change waiting to be saved. "
        "Change it again when the database is back.",
        "Får ikke kontakt med teamets database, og denne perioden har allerede en endring som venter på å "
        "bli lagret. Endre den igjen når databasen er tilbake.",
    )
    NOT_KEPT = ("ui.not_kept", "Could not keep the change on this computer: {problem}",
                "Kunne ikke ta vare på endringen på denne datamaskinen: {problem}")

    # Files the window writes
    BRIEF_NOT_SAVED = ("ui.brief_not_saved", "The brief could not be saved in {folder}: {problem}.",
                       "Oppdragsbrevet kunne ikke lagres i {folder}: {problem}.")
    FRAME_NO_FILE = ("ui.frame_no_file", "Frame #{frame_id} has no file to fix.",
                     "Storybilde #{frame_id} har ingen fil å rette opp.")
