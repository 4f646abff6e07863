"""What the catalogue says: accounts, departments, campaigns and blackout periods not found, taken, changed or
still in use (services/catalog.py)."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class CatalogText(Code):
    NO_ACCOUNT_NAMED = ("catalog.no_account_named", "No account called '{name}'.",
                        "Finner ingen konto som heter «{name}».")
    NO_ACCOUNT = ("catalog.no_account", "No account #{account_id}.", "Finner ingen konto #{account_id}.")
    NO_DEPARTMENT_NAMED = ("catalog.no_department_named", "No department called '{name}'.",
                           "Finner ingen enhet som heter «{name}».")
    NO_DEPARTMENT = ("catalog.no_department", "No department #{department_id}.",
                     "Finner ingen enhet #{department_id}.")
    NO_CAMPAIGN_NAMED = ("catalog.no_campaign_named", "No campaign called '{name}'.",
                         "Finner ingen kampanje som heter «{name}».")
    NO_CAMPAIGN = ("catalog.no_campaign", "No campaign #{campaign_id}.", "Finner ingen kampanje #{campaign_id}.")
    NO_BLACKOUT = ("catalog.no_blackout", "No blackout #{blackout_id}.", "Finner ingen sperreperiode #{blackout_id}.")

    ACCOUNT_EXISTS = ("catalog.account_exists", "There is already an account called '{name}'.",
                      "Det finnes allerede en konto som heter «{name}».")
    DEPARTMENT_EXISTS = ("catalog.department_exists", "There is already a department called '{name}'.",
                         "Det finnes allerede en enhet som heter «{name}».")
    CAMPAIGN_EXISTS = ("catalog.campaign_exists", "There is already a campaign called '{name}'.",
                       "Det finnes allerede en kampanje som heter «{name}».")

    ACCOUNT_CHANGED = (
        "catalog.account_changed",
        "Account '{name}' was changed by someone else in the meantime. Reload and try again.",
        "Kontoen «{name}» ble endret av noen andre i mellomtiden. Last inn på nytt og prøv igjen.",
    )
    DEPARTMENT_CHANGED = (
        "catalog.department_changed",
        "Department '{name}' was changed by someone else in the meantime. Reload and try again.",
        "Enheten «{name}» ble endret av noen andre i mellomtiden. Last inn på nytt og prøv igjen.",
    )
    CAMPAIGN_CHANGED = (
        "catalog.campaign_changed",
        "Campaign '{name}' was changed by someone else in the meantime. Reload and try again.",
        "Kampanjen «{name}» ble endret av noen andre i mellomtiden. Last inn på nytt og prøv igjen.",
    )
    BLACKOUT_CHANGED = (
        "catalog.blackout_changed",
        "Blackout '{name}' was changed by someone else in the meantime. Reload and try again.",
        "Sperreperioden «{name}» ble endret av noen andre i mellomtiden. Last inn på nytt og prøv igjen.",
    )

    # Choices are the command line's own tokens (instagram_login, delete, …): not translated.
    BAD_API_VARIANT = ("catalog.bad_api_variant", "API variant must be one of: {choices}.",
                       "API-varianten må være en av: {choices}.")
    UNKNOWN_ACCOUNT_FIELDS = ("catalog.unknown_account_fields", "Cannot change {fields} on an account.",
                              "Kan ikke endre {fields} på en konto.")
    ACCOUNT_HAS_SLOTS = (
        "catalog.account_has_slots",
        "'{name}' has {count} slot(s) and cannot be removed; their history keeps the account.",
        "«{name}» har {count} periode(r) og kan ikke fjernes; historikken deres trenger kontoen.",
    )
    ACCOUNT_HAS_TOKEN = (
        "catalog.account_has_token",
        "'{name}' still has an access token; remove it first (account remove-token \"{name}\").",
        "«{name}» har fortsatt et tilgangstoken; fjern det først (account remove-token \"{name}\").",
    )
    DEPARTMENT_HAS_SLOTS = (
        "catalog.department_has_slots",
        "'{name}' has {count} slot(s); it can be archived (its history stays) but not deleted.",
        "«{name}» har {count} periode(r); den kan arkiveres (historikken beholdes), men ikke slettes.",
    )
    BAD_REMOVE_MODE = ("catalog.bad_remove_mode", "Choose delete, archive or archive-cancel-future.",
                       "Velg delete, archive eller archive-cancel-future.")
    BAD_IG_USER_ID = ("catalog.bad_ig_user_id", "'{value}' is not an Instagram user id (digits only).",
                      "«{value}» er ikke en Instagram-bruker-ID (bare sifre).")
    BAD_GRAPH_VERSION = ("catalog.bad_graph_version", "'{value}' is not a Graph API version like v25.0.",
                         "«{value}» er ikke en Graph API-versjon som v25.0.")
    NOTHING_TO_SET = ("catalog.nothing_to_set", "Say what to change on account '{name}' (for example --ig-user-id).",
                      "Oppgi hva som skal endres på kontoen «{name}» (for eksempel --ig-user-id).")
