"""Messages of insights: collecting, follower goals and the takeover report's file."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class InsightsText(Code):
    NOW_NEEDS_ZONE = ("insights.now_needs_zone", "--now needs a time zone, e.g. 2025-05-06T10:00+02:00.",
                      "--now må ha en tidssone, for eksempel 2025-05-06T10:00+02:00.")
    NO_SLOT = ("insights.no_slot", "No slot #{slot_id}.", "Finner ingen periode #{slot_id}.")
    BAD_TARGET = ("insights.bad_target", "The target must be a number of followers between 1 and {limit}.",
                  "Målet må være et antall følgere mellom 1 og {limit}.")
    GOAL_DATE_PASSED = ("insights.goal_date_passed", "The goal's date {due} has already passed.",
                        "Datoen for målet, {due}, er allerede passert.")
    TARGET_MET = ("insights.target_met",
                  "{account} already has {followers} followers, which meets a target of {target}. Set a higher target.",
                  "{account} har allerede {followers} følgere, og det når et mål på {target}. Sett et høyere mål.")
    REPORT_SUFFIX = ("insights.report_suffix",
                     "'{name}' must end in .pdf or .csv: that is how the report's format is chosen.",
                     "«{name}» må slutte på .pdf eller .csv: det er slik formatet på rapporten velges.")
    REPORT_IS_FOLDER = ("insights.report_is_folder", "{path} is a folder; give a file name ending in {suffix}.",
                        "{path} er en mappe. Oppgi et filnavn som slutter på {suffix}.")
    NO_FOLDER = ("insights.no_folder", "The folder {path} does not exist.", "Mappen {path} finnes ikke.")

    # --- a collection run's problems and advice, per account ---------------------------------------------
    STOPPED = ("insights.stopped", "Instagram stopped accepting the token for {account}: {reason}",
               "Instagram sluttet å godta tokenet for {account}: {reason}")
    NOT_SET_UP = ("insights.not_set_up", "{account} has no access token or Instagram user id on record.",
                  "{account} har ikke registrert noe tilgangstoken eller bruker-ID fra Instagram.")
    ADVICE_SET_TOKEN = ("insights.advice_set_token", "Set the token with: takeover-planner account set-token \"{account}\"",
                        "Angi tokenet med: takeover-planner account set-token \"{account}\"")
    TOKEN_NOT_HERE = ("insights.token_not_here", "The access token for {account} is not in this computer's keyring.",
                      "Tilgangstokenet for {account} ligger ikke i nøkkelringen på denne datamaskinen.")
    ADVICE_SET_HERE = ("insights.advice_set_here", "Set it here with: takeover-planner account set-token \"{account}\"",
                       "Angi det her med: takeover-planner account set-token \"{account}\"")
    NO_PERMISSION = ("insights.no_permission", "The token for {account} may not read insights ({reason}).",
                     "Tokenet for {account} har ikke lov til å lese innsiktstall ({reason}).")
    ADVICE_PERMISSION = (
        "insights.advice_permission",
        "Create a new token that includes the insights permission (Instagram Login: "
        "instagram_business_manage_insights; Facebook Login: instagram_manage_insights) and set it again for this "
        "account with 'takeover-planner account set-token NAME'.",
        "Lag et nytt token som har tillatelsen til innsiktstall (Instagram Login: "
        "instagram_business_manage_insights; Facebook Login: instagram_manage_insights), og angi det på nytt for "
        "denne kontoen med «takeover-planner account set-token NAVN».",
    )
    ADVICE_NEXT_RUN = ("insights.advice_next_run", "Nothing to do: the next run tries again.",
                       "Du trenger ikke gjøre noe: neste kjøring prøver igjen.")
    ADVICE_NEXT_RUN_LOG = ("insights.advice_next_run_log",
                           "The next run tries again; the technical details are in the log file.",
                           "Neste kjøring prøver igjen. De tekniske detaljene står i loggfilen.")
    ADVICE_RETRY = ("insights.advice_retry", "The next run tries again.", "Neste kjøring prøver igjen.")
    NO_BREAKDOWN = ("insights.no_breakdown",
                    "Instagram did not give the navigation breakdown (taps, exits) this time.",
                    "Instagram ga ikke fordelingen av navigasjonen (trykk, avslutninger) denne gangen.")
