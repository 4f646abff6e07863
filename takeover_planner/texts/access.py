"""Role refusals (services/access.py) and the actions they name.

A service says what it was asked to do with an ``ActionText`` ("book slots" / "booke perioder"): an
infinitive phrase that fits "Only comms officers may …" and "Bare kommunikasjonsrådgivere kan …" alike.
Every service's actions are here, so a refusal reads the same wherever it comes from.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code

# The advice differs by backend: on SQLite you are the name you give (--user or the settings); on PostgreSQL you
# are your database login, --user is refused, and what you need is a profile for that login.
_NO_PROFILE_EN = (" '{name}' is a reader or has no profile in this team database; a comms officer can add you "
                  "(person add), and you can say who you are with --user or in the settings.")
_NO_PROFILE_NB = (" «{name}» er leser eller har ingen profil i denne teamdatabasen; en kommunikasjonsrådgiver kan "
                  "legge deg til (person add), og du kan si hvem du er med --user eller i innstillingene.")
_NO_LOGIN_PROFILE_EN = (" '{name}' is a reader or has no profile in this team database; here your database login "
                        "says who you are, so ask a comms officer to add a profile for your login "
                        "(person add … --login).")
_NO_LOGIN_PROFILE_NB = (" «{name}» er leser eller har ingen profil i denne teamdatabasen; her er det "
                        "databasepåloggingen din som sier hvem du er, så be en kommunikasjonsrådgiver legge til en "
                        "profil for påloggingen din (person add … --login).")


class AccessText(Code):
    PLANNERS_ONLY = ("access.planners_only", "Only comms officers may {action}.",
                     "Bare kommunikasjonsrådgivere kan {action}.")
    PLANNERS_ONLY_NO_PROFILE = ("access.planners_only_no_profile", "Only comms officers may {action}." + _NO_PROFILE_EN,
                                "Bare kommunikasjonsrådgivere kan {action}." + _NO_PROFILE_NB)
    OWN_DEPARTMENT_ONLY = ("access.own_department_only", "You may only {action} for your own department.",
                           "Du kan bare {action} for din egen enhet.")
    READERS_MAY_NOT = ("access.readers_may_not", "Readers may not {action}.", "Lesere kan ikke {action}.")
    # Team mode on PostgreSQL: the server itself refused (a GRANT or row-level security policy); ``problem`` is its
    # own words, e.g. "permission denied for table person".
    SERVER_REFUSED = ("access.server_refused",
                      "Not allowed for your role: {database} refused it ({problem}).",
                      "Ikke tillatt for rollen din: {database} avviste det ({problem}).")
    READERS_MAY_NOT_NO_PROFILE = ("access.readers_may_not_no_profile", "Readers may not {action}." + _NO_PROFILE_EN,
                                  "Lesere kan ikke {action}." + _NO_PROFILE_NB)
    PLANNERS_ONLY_NO_LOGIN_PROFILE = ("access.planners_only_no_login_profile",
                                      "Only comms officers may {action}." + _NO_LOGIN_PROFILE_EN,
                                      "Bare kommunikasjonsrådgivere kan {action}." + _NO_LOGIN_PROFILE_NB)
    READERS_MAY_NOT_NO_LOGIN_PROFILE = ("access.readers_may_not_no_login_profile",
                                        "Readers may not {action}." + _NO_LOGIN_PROFILE_EN,
                                        "Lesere kan ikke {action}." + _NO_LOGIN_PROFILE_NB)


class ActionText(Code):
    # planning
    REQUEST_SLOTS = ("action.request_slots", "request slots", "be om perioder")
    BOOK_SLOTS = ("action.book_slots", "book slots", "booke perioder")
    MOVE_SLOTS = ("action.move_slots", "move slots", "flytte perioder")
    CHANGE_SLOT_STATUS = ("action.change_slot_status", "change a slot's status", "endre status på en periode")
    EDIT_SLOT_DETAILS = ("action.edit_slot_details", "edit slot details", "endre detaljene i en periode")
    EDIT_INTERNAL_NOTE = ("action.edit_internal_note", "write a slot's internal note",
                          "skrive den interne merknaden til en periode")
    ADD_ACCOUNTS = ("action.add_accounts", "add accounts", "legge til kontoer")
    CHANGE_ACCOUNTS = ("action.change_accounts", "change accounts", "endre kontoer")
    REMOVE_ACCOUNTS = ("action.remove_accounts", "remove accounts", "fjerne kontoer")
    ADD_DEPARTMENTS = ("action.add_departments", "add departments", "legge til enheter")
    CHANGE_DEPARTMENTS = ("action.change_departments", "change departments", "endre enheter")
    REMOVE_DEPARTMENTS = ("action.remove_departments", "remove departments", "fjerne enheter")
    ADD_CAMPAIGNS = ("action.add_campaigns", "add campaigns", "legge til kampanjer")
    CHANGE_CAMPAIGNS = ("action.change_campaigns", "change campaigns", "endre kampanjer")
    REMOVE_CAMPAIGNS = ("action.remove_campaigns", "remove campaigns", "fjerne kampanjer")
    ADD_BLACKOUTS = ("action.add_blackouts", "add blackout periods", "legge til sperreperioder")
    CHANGE_BLACKOUTS = ("action.change_blackouts", "change blackout periods", "endre sperreperioder")
    REMOVE_BLACKOUTS = ("action.remove_blackouts", "remove blackout periods", "fjerne sperreperioder")
    COPY_DATABASE = ("action.copy_database", "copy the whole plan into another database",
                     "kopiere hele planen til en annen database")
    ADD_PEOPLE = ("action.add_people", "add people", "legge til personer")
    CHANGE_PEOPLE = ("action.change_people", "change people", "endre personer")
    # stories, consent and review
    ADD_FRAMES = ("action.add_frames", "add story frames", "legge til storybilder")
    CHANGE_FRAMES = ("action.change_frames", "change story frames", "endre storybilder")
    REORDER_FRAMES = ("action.reorder_frames", "reorder story frames", "endre rekkefølgen på storybilder")
    REMOVE_FRAMES = ("action.remove_frames", "remove story frames", "fjerne storybilder")
    SUBMIT_FRAMES = ("action.submit_frames", "submit story frames", "sende inn storybilder")
    REVIEW_FRAMES = ("action.review_frames", "review story frames", "gå gjennom storybilder")
    APPROVE_FRAMES = ("action.approve_frames", "approve story frames", "godkjenne storybilder")
    WITHDRAW_FRAMES = ("action.withdraw_frames", "withdraw story frames", "trekke tilbake storybilder")
    RESTORE_FRAMES = ("action.restore_frames", "restore story frames", "gjenopprette storybilder")
    RECORD_CONSENT = ("action.record_consent", "record consent", "registrere samtykke")
    CHANGE_FRAME_CONSENT = ("action.change_frame_consent", "change consent on story frames",
                            "endre samtykke på storybilder")
    CHANGE_CONSENT_RECORDS = ("action.change_consent_records", "change consent records",
                              "endre samtykkeerklæringer")
    WITHDRAW_CONSENT = ("action.withdraw_consent", "withdraw consent", "trekke tilbake samtykke")
    WRITE_BRIEFS = ("action.write_briefs", "write briefs", "lage oppdragsbrev")
    IMPORT_SUBMISSIONS = ("action.import_submissions", "import submissions", "importere innsendinger")
    # publishing and insights
    SET_TOKENS = ("action.set_tokens", "set access tokens", "lagre tilgangstokener")
    REMOVE_TOKENS = ("action.remove_tokens", "remove access tokens", "fjerne tilgangstokener")
    CHANGE_PUBLISH_MODE = ("action.change_publish_mode", "change how an account publishes",
                           "endre hvordan en konto publiserer")
    CHANGE_UPLOAD_HOST = ("action.change_upload_host", "change an account's upload host",
                          "endre opplastingsserveren til en konto")
    RESUME_PUBLISHING = ("action.resume_publishing", "resume publishing", "gjenoppta publiseringen")
    MAKE_HANDOFF_PACKS = ("action.make_handoff_packs", "make hand-off packs", "lage manuelle publiseringspakker")
    MARK_POSTED = ("action.mark_posted", "mark frames as posted", "merke storybilder som lagt ut")
    SET_FOLLOWER_GOALS = ("action.set_follower_goals", "set follower goals", "sette mål for antall følgere")
