"""Messages of publishing: the queue's refusals, the media host, hand-off packs, tokens and accounts."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class PublishingText(Code):
    # --- why a frame may not go out ----------------------------------------------------------------------
    FRAME_STATE_UNKNOWN = ("publishing.frame_state_unknown", "Frame #{frame_id} has an unknown state '{state}'.",
                           "Storybilde #{frame_id} har en ukjent tilstand «{state}».")
    FRAME_NOT_APPROVED = ("publishing.frame_not_approved", "Frame #{frame_id} is {state}, not approved.",
                          "Storybilde #{frame_id} har tilstanden {state} og er ikke godkjent.")
    NO_NAMED_APPROVAL = ("publishing.no_named_approval",
                         "Frame #{frame_id} has no approval recorded against a named person.",
                         "Storybilde #{frame_id} har ingen godkjenning registrert på en navngitt person.")
    GATES_BROKEN = ("publishing.gates_broken",
                    "Frame #{frame_id} no longer meets the approval rules (its file or consent changed).",
                    "Storybilde #{frame_id} oppfyller ikke lenger godkjenningsreglene (filen eller samtykket er "
                    "endret).")
    FRAME_GONE = ("publishing.frame_gone", "Frame #{frame_id} no longer exists.",
                  "Storybilde #{frame_id} finnes ikke lenger.")
    NO_FRAME = ("publishing.no_frame", "No frame #{frame_id}.", "Finner ikke storybilde #{frame_id}.")
    NO_SLOT = ("publishing.no_slot", "No slot #{slot_id}.", "Finner ingen periode #{slot_id}.")

    # --- the plan: the slot, its days and the frame's time ---------------------------------------------------
    SLOT_NOT_LIVE = ("publishing.slot_not_live",
                     "Frame #{frame_id}: its slot #{slot_id} is {status}, not booked or confirmed.",
                     "Storybilde #{frame_id}: perioden #{slot_id} er {status}, ikke booket eller bekreftet.")
    NO_PLANNED_TIME = ("publishing.no_planned_time", "Frame #{frame_id} has no planned time.",
                       "Storybilde #{frame_id} har ikke noe planlagt tidspunkt.")
    OUTSIDE_SLOT = ("publishing.outside_slot", "Frame #{frame_id} is planned for {moment}, outside its slot ({dates}).",
                    "Storybilde #{frame_id} er planlagt til {moment}, utenfor perioden ({dates}).")
    NOT_HELD = ("publishing.not_held", "Frame #{frame_id} is not held back as late.",
                "Storybilde #{frame_id} holdes ikke tilbake som forsinket.")
    LATE_HELD = ("publishing.late_held",
                 "Frame #{frame_id} is held: it was planned for {moment}, more than {minutes} minutes ago.",
                 "Storybilde #{frame_id} holdes tilbake: det var planlagt til {moment}, for mer enn {minutes} "
                 "minutter siden.")
    ADVICE_LATE = ("publishing.advice_late",
                   "A comms officer decides: publish late post {frame_id}, publish late retime {frame_id} --at …, "
                   "or publish late drop {frame_id}.",
                   "En kommunikasjonsrådgiver avgjør: publish late post {frame_id}, publish late retime {frame_id} "
                   "--at …, eller publish late drop {frame_id}.")
    NOW_REFUSED_META = (
        "publishing.now_refused_meta",
        "--now is a rehearsal clock and only works against a test server, but {account} publishes through "
        "Meta's {host}.",
        "--now er en øvingsklokke og virker bare mot en testserver, men {account} publiserer gjennom Metas {host}.",
    )
    NOW_REFUSED_META_INSIGHTS = (
        "publishing.now_refused_meta_insights",
        "--now is a rehearsal clock and only works against a test server, but {account} reads its figures from "
        "Meta's {host}.",
        "--now er en øvingsklokke og virker bare mot en testserver, men {account} henter tallene sine fra Metas "
        "{host}.",
    )
    NOT_STOPPED = ("publishing.not_stopped", "Publishing for {account} is not stopped.",
                   "Publiseringen for {account} er ikke stoppet.")

    # --- the API publisher -------------------------------------------------------------------------------
    NO_MEDIA_HOST = ("publishing.no_media_host", "No media host is set up, so Instagram cannot fetch the file.",
                     "Ingen medievert er satt opp, så Instagram kan ikke hente filen.")
    ADVICE_MEDIA_HOST = (
        "publishing.advice_media_host",
        "Set one up with 'takeover-planner hosting set' (a WebDAV or HTTP PUT folder with a public "
        "address), or post the frame by hand from a hand-off pack.",
        "Sett opp en med «takeover-planner hosting set» (en WebDAV- eller HTTP PUT-mappe med offentlig adresse), "
        "eller publiser storybildet for hånd fra en manuell publiseringspakke.",
    )
    FILE_MISSING = ("publishing.file_missing", "The frame's file is missing from the media store.",
                    "Filen til storybildet mangler i mediearkivet.")
    ADVICE_FILE_MISSING = (
        "publishing.advice_file_missing",
        "Check that the media folder (or network share) is reachable from this computer; if the file is really "
        "gone, import the frame again.",
        "Sjekk at mediemappen (eller nettverksområdet) er tilgjengelig fra denne datamaskinen. Er filen virkelig "
        "borte, importerer du storybildet på nytt.",
    )
    VIDEO_MISSING = ("publishing.video_missing", "The frame's video is missing from the media store.",
                     "Videoen til storybildet mangler i mediearkivet.")
    ADVICE_VIDEO_MISSING = ("publishing.advice_video_missing",
                            "Check that the media folder is reachable, then schedule again.",
                            "Sjekk at mediemappen er tilgjengelig, og planlegg på nytt.")
    PROCESSING_TOO_LONG = ("publishing.processing_too_long",
                           "Instagram kept processing the file for too long without finishing.",
                           "Instagram brukte for lang tid på å behandle filen uten å bli ferdig.")
    ADVICE_SMALLER_FILE = (
        "publishing.advice_smaller_file",
        "Try a smaller or shorter file (run the media check's fix), then schedule the frame again; or post it "
        "by hand.",
        "Prøv en mindre eller kortere fil (bruk rettingen fra mediesjekken), og planlegg storybildet på nytt, "
        "eller publiser det for hånd.",
    )
    GAVE_UP_CONTAINERS = ("publishing.gave_up_containers",
                          "Instagram could not prepare the story after several tries.",
                          "Instagram klarte ikke å klargjøre storyen etter flere forsøk.")
    ADVICE_CHECK_OR_HAND = ("publishing.advice_check_or_hand",
                            "Check the file with the media check and schedule the frame again, or post it by hand.",
                            "Sjekk filen med mediesjekken og planlegg storybildet på nytt, eller publiser det for "
                            "hånd.")
    UNCONFIRMED = ("publishing.unconfirmed",
                   "The app could not confirm whether Instagram published frame #{frame_id} ({why}).",
                   "Appen fikk ikke bekreftet om Instagram publiserte storybilde #{frame_id} ({why}).")
    ADVICE_UNCONFIRMED = (
        "publishing.advice_unconfirmed",
        "Look at the account's stories on Instagram before posting it again: if it is there, mark the frame as "
        "posted; if not, schedule it again.",
        "Se på storyene til kontoen på Instagram før du publiserer på nytt: Ligger det der, merker du storybildet "
        "som publisert; hvis ikke, planlegger du det på nytt.",
    )
    KEPT_FAILING = ("publishing.kept_failing", "Instagram kept failing ({why}).",
                    "Instagram feilet gang på gang ({why}).")
    ADVICE_LATER_OR_HAND = (
        "publishing.advice_later_or_hand",
        "Instagram may be having trouble. Schedule the frame again later, or post it by hand from a hand-off pack.",
        "Instagram kan ha problemer. Planlegg storybildet på nytt senere, eller publiser det for hånd fra en "
        "manuell publiseringspakke.",
    )
    QUOTA_REACHED = ("publishing.quota_reached",
                     "The account has used its publishing quota ({usage} of {total} posts in 24 hours).",
                     "Kontoen har brukt publiseringskvoten sin ({usage} av {total} innlegg på et døgn).")
    RATE_HEADERS = ("publishing.rate_headers",
                    "Instagram asked the app to slow down (its rate-limit headers give a time to wait).",
                    "Instagram ba appen sette ned farten (grenseverdiene i svaret sier hvor lenge den må vente).")
    ALLOWANCE_USED = ("publishing.allowance_used", "The app has used its whole Instagram call allowance for now.",
                      "Appen har brukt opp hele kvoten sin av kall til Instagram for nå.")
    ADVICE_APPROVE_AGAIN = ("publishing.advice_approve_again",
                            "Approve the frame again to put it back in the queue.",
                            "Godkjenn storybildet på nytt for å sette det tilbake i køen.")
    UNKNOWN_STATUS = ("publishing.unknown_status", "Instagram reported an unknown status ({status}).",
                      "Instagram meldte en ukjent status ({status}).")
    AWAITING_CONFIRMATION = (
        "publishing.awaiting_confirmation",
        "Instagram did not confirm the publish; the app looks at the story again shortly before doing anything else.",
        "Instagram bekreftet ikke publiseringen. Appen ser på storyen igjen om litt før den gjør noe annet.",
    )
    CONTAINER_EXPIRED = ("publishing.container_expired", "the container expired", "containeren gikk ut")

    # --- the media host ----------------------------------------------------------------------------------
    HOST_NOT_VISIBLE = ("publishing.host_not_visible",
                        "The test file was uploaded but is not visible at {url}. Check the public address setting.",
                        "Testfilen ble lastet opp, men er ikke synlig på {url}. Sjekk innstillingen for offentlig "
                        "adresse.")
    HOST_CHECKED = ("publishing.host_checked", "Uploaded, found at the public address and deleted again ({url}…).",
                    "Lastet opp, funnet på den offentlige adressen og slettet igjen ({url}…).")
    PUBLIC_NOT_HTTP = ("publishing.public_not_http", "The public address '{url}' is not an http(s) address.",
                       "Den offentlige adressen «{url}» er ikke en http(s)-adresse.")
    PUBLIC_HAS_LOGIN = ("publishing.public_has_login",
                        "The public address must not contain a user name or password.",
                        "Den offentlige adressen kan ikke inneholde brukernavn eller passord.")
    CANNOT_READ_UPLOAD = ("publishing.cannot_read_upload", "Cannot read the file to upload ({reason}).",
                          "Kan ikke lese filen som skal lastes opp ({reason}).")
    CANNOT_READ_VIDEO = ("publishing.cannot_read_video", "Cannot read the video to upload ({reason}).",
                         "Kan ikke lese videoen som skal lastes opp ({reason}).")
    HOST_UNREACHABLE = ("publishing.host_unreachable",
                        "Could not reach the media host ({kind}); check the network.",
                        "Fikk ikke kontakt med medieverten ({kind}). Sjekk nettverket.")
    HOST_LOGIN_REFUSED = ("publishing.host_login_refused",
                          "The media host refused the user name or password. Set them again with 'hosting set'.",
                          "Medieverten avviste brukernavnet eller passordet. Angi dem på nytt med «hosting set».")
    HOST_FULL = ("publishing.host_full", "The media host is full (HTTP 507). Free some space there.",
                 "Medieverten er full (HTTP 507). Frigjør plass der.")
    HOST_REFUSED_UPLOAD = ("publishing.host_refused_upload",
                           "The media host did not accept the upload (HTTP {http_status}).",
                           "Medieverten tok ikke imot opplastingen (HTTP {http_status}).")
    HOST_PUBLIC_UNREACHABLE = ("publishing.host_public_unreachable",
                               "Could not reach the public address of the media host ({kind}).",
                               "Fikk ikke kontakt med den offentlige adressen til medieverten ({kind}).")
    HOST_DELETE_UNREACHABLE = ("publishing.host_delete_unreachable",
                               "Could not reach the media host to delete a file ({kind}).",
                               "Fikk ikke kontakt med medieverten for å slette en fil ({kind}).")
    HOST_DELETE_REFUSED = ("publishing.host_delete_refused",
                           "The media host did not delete the file (HTTP {http_status}).",
                           "Medieverten slettet ikke filen (HTTP {http_status}).")
    NO_HOSTING = ("publishing.no_hosting", "No media host is set up yet: use 'takeover-planner hosting set'.",
                  "Ingen medievert er satt opp ennå. Bruk «takeover-planner hosting set».")
    TEXT_FRAMES_CHOICE = ("publishing.text_frames_choice",
                          "Frames with on-screen text cannot be set to '{choice}'. Choose one of: {choices}.",
                          "Storybilder med tekst kan ikke settes til «{choice}». Velg en av: {choices}.")
    HOSTING_PASSWORD_MISSING = (
        "publishing.hosting_password_missing",
        "The media host's password is not in this computer's keyring. Set it again with "
        "'takeover-planner hosting set … --password-stdin'.",
        "Passordet til medieverten ligger ikke i nøkkelringen på denne datamaskinen. Angi det på nytt med "
        "«takeover-planner hosting set … --password-stdin».",
    )
    PASSWORD_NEEDS_USER = ("publishing.password_needs_user", "A password needs a user name (--username).",
                           "Et passord krever et brukernavn (--username).")
    PASSWORD_EMPTY = ("publishing.password_empty", "The password is empty.", "Passordet er tomt.")

    # --- tokens and accounts -------------------------------------------------------------------------------
    NOW_NEEDS_ZONE = ("publishing.now_needs_zone", "--now needs a time zone, e.g. 2025-05-06T10:00+02:00.",
                      "--now må ha en tidssone, for eksempel 2025-05-06T10:00+02:00.")
    EXPIRY_PASSED = ("publishing.expiry_passed", "That expiry date has already passed.",
                     "Den utløpsdatoen er allerede passert.")
    NO_TOKEN = ("publishing.no_token",
                "No access token is set for {account}. Set one with: takeover-planner account set-token \"{account}\"",
                "Ingen tilgangstoken er angitt for {account}. Angi et med: takeover-planner account set-token "
                "\"{account}\"")
    TOKEN_NOT_HERE = (
        "publishing.token_not_here",
        "The access token for {account} is not in this computer's keyring. Set it here with: "
        "takeover-planner account set-token \"{account}\"",
        "Tilgangstokenet for {account} ligger ikke i nøkkelringen på denne datamaskinen. Angi det her med: "
        "takeover-planner account set-token \"{account}\"",
    )
    NEEDS_IG_USER_ID = (
        "publishing.needs_ig_user_id",
        "{account} uses Facebook Login: give its Instagram user id first (account add … --ig-user-id).",
        "{account} bruker Facebook Login. Oppgi først bruker-ID-en fra Instagram (account add … --ig-user-id).",
    )
    OWNER_UNKNOWN = ("publishing.owner_unknown", "Instagram did not say which account the token belongs to.",
                     "Instagram sa ikke hvilken konto tokenet hører til.")
    WRONG_ACCOUNT = (
        "publishing.wrong_account",
        "The token belongs to Instagram user {found_id} (@{username}), but {account} is set up for user "
        "{expected_id}. Set the token of the right account.",
        "Tokenet hører til Instagram-bruker {found_id} (@{username}), men {account} er satt opp for bruker "
        "{expected_id}. Angi tokenet til riktig konto.",
    )
    BAD_METHOD = ("publishing.bad_method", "The publishing method must be 'api' or 'handoff'.",
                  "Publiseringsmåten må være «api» eller «handoff».")

    # --- hand-off and posting by hand ----------------------------------------------------------------------
    NOTHING_TO_HAND_OFF = (
        "publishing.nothing_to_hand_off",
        "Slot #{slot_id} has no approved frames to post by hand (frames with stickers go here; use --all to "
        "put every approved frame in the pack).",
        "Periode #{slot_id} har ingen godkjente storybilder som skal publiseres for hånd (storybilder med "
        "klistremerker havner her; bruk --all for å ta med alle godkjente storybilder i pakken).",
    )
    WHO_POSTED = ("publishing.who_posted", "Say who posted the frame.", "Oppgi hvem som publiserte storybildet.")
    TIME_NEEDS_ZONE = ("publishing.time_needs_zone", "The time needs a time zone, e.g. 2025-05-06T10:00+02:00.",
                       "Tidspunktet må ha en tidssone, for eksempel 2025-05-06T10:00+02:00.")
    POSTED_IN_FUTURE = ("publishing.posted_in_future", "The time it was posted lies in the future.",
                        "Tidspunktet for publiseringen ligger fram i tid.")
    ALREADY_PUBLISHED = ("publishing.already_published", "Frame #{frame_id} is already published.",
                         "Storybilde #{frame_id} er allerede publisert.")
    MAYBE_PUBLISHED = (
        "publishing.maybe_published",
        "Frame #{frame_id} may already have been published through the API (its answer was lost). Check the "
        "account on Instagram; the queue confirms it on its next run.",
        "Storybilde #{frame_id} kan allerede være publisert gjennom API-et (svaret gikk tapt). Sjekk kontoen på "
        "Instagram; køen bekrefter det neste gang den kjører.",
    )
    BEING_PUBLISHED = ("publishing.being_published", "Frame #{frame_id} is being published through the API right now.",
                       "Storybilde #{frame_id} publiseres gjennom API-et akkurat nå.")


class OutcomeText(Code):
    """What a publishing run reports per frame and per account (outcomes and notices, not errors)."""

    FRAME_LABEL = ("outcome.frame_label", "frame #{frame_id} ({department}, no. {number})",
                   "storybilde #{frame_id} ({department}, nr. {number})")
    ALREADY_IN_STATE = ("outcome.already_in_state", "{frame} is already {state}.",
                        "{frame} har allerede tilstanden {state}.")
    OTHER_RUNNER = ("outcome.other_runner", "{frame} is being handled by another runner.",
                    "{frame} blir behandlet av en annen kjøring.")
    TAKEN_OVER = ("outcome.taken_over", "{frame} was taken over by another runner.",
                  "{frame} ble overtatt av en annen kjøring.")
    UNCONFIRMED = (
        "outcome.unconfirmed",
        "{frame}: Instagram did not confirm the publish ({why}). The app reads the story's status before doing "
        "anything else, so it will not be posted twice.",
        "{frame}: Instagram bekreftet ikke publiseringen ({why}). Appen leser statusen til storyen før den gjør noe "
        "annet, så den blir ikke publisert to ganger.",
    )
    PUBLISHED = ("outcome.published", "{frame} is published.", "{frame} er publisert.")
    PUBLISHED_AS = ("outcome.published_as", "{frame} is published (media id {media_id}).",
                    "{frame} er publisert (medie-ID {media_id}).")
    FAILED = ("outcome.failed", "{frame} failed: {reason}", "{frame} feilet: {reason}")
    WAITING = ("outcome.waiting", "{frame}: {why}", "{frame}: {why}")
    RETRY_LATER = ("outcome.retry_later", "{frame}: {why} Trying again later.",
                   "{frame}: {why} Prøver igjen senere.")
    ADVICE_RESUMES = ("outcome.advice_resumes", "Nothing to do: publishing resumes by itself.",
                      "Du trenger ikke gjøre noe: publiseringen fortsetter av seg selv.")

    # --- per account, before anything is tried ---------------------------------------------------------------
    ACCOUNT_GONE = ("outcome.account_gone", "Account #{account_id} no longer exists.",
                    "Konto #{account_id} finnes ikke lenger.")
    STOPPED_FOR = ("outcome.stopped_for", "Publishing for {account} is stopped: {reason}",
                   "Publiseringen for {account} er stoppet: {reason}")
    PAUSED_FOR = ("outcome.paused_for", "Publishing for {account} is paused: {reason}",
                  "Publiseringen for {account} står på pause: {reason}")
    ADVICE_RESUMES_ITSELF = ("outcome.advice_resumes_itself", "Nothing to do: it resumes by itself.",
                             "Du trenger ikke gjøre noe: den fortsetter av seg selv.")
    NO_TOKEN = ("outcome.no_token", "No access token is set for {account}.",
                "Ingen tilgangstoken er angitt for {account}.")
    ADVICE_SET_ONE = ("outcome.advice_set_one", "Set one with: takeover-planner account set-token \"{account}\"",
                      "Angi et med: takeover-planner account set-token \"{account}\"")
    NO_IG_USER_ID = ("outcome.no_ig_user_id", "The Instagram user id of {account} is not known yet.",
                     "Bruker-ID-en fra Instagram for {account} er ikke kjent ennå.")
    ADVICE_CHECK = ("outcome.advice_check",
                    "Run: takeover-planner account check \"{account}\" (it reads the id from Instagram)",
                    "Kjør: takeover-planner account check \"{account}\" (den henter ID-en fra Instagram)")
    TOKEN_NOT_HERE = ("outcome.token_not_here", "The access token for {account} is not in this computer's keyring.",
                      "Tilgangstokenet for {account} ligger ikke i nøkkelringen på denne datamaskinen.")
    ADVICE_SET_HERE = ("outcome.advice_set_here", "Set it here with: takeover-planner account set-token \"{account}\"",
                       "Angi det her med: takeover-planner account set-token \"{account}\"")
    ACCOUNT_PROBLEM = ("outcome.account_problem", "{account}: {problem}", "{account}: {problem}")
    NOT_RENEWED = ("outcome.not_renewed", "The token for {account} could not be renewed: {problem}",
                   "Tokenet for {account} kunne ikke fornyes: {problem}")

    # --- frames that go by hand ------------------------------------------------------------------------------
    IN_PACK = ("outcome.in_pack", "in a hand-off pack: post it by hand and mark it",
               "i en manuell publiseringspakke: publiser det for hånd og merk det som publisert")
    HAS_STICKER = ("outcome.has_sticker", "has a sticker, which the API cannot publish: make a hand-off pack",
                   "har et klistremerke, som API-et ikke kan publisere: lag en manuell publiseringspakke")
    ACCOUNT_BY_HAND = ("outcome.account_by_hand", "the account is set to post by hand: make a hand-off pack",
                       "kontoen er satt til å publisere for hånd: lag en manuell publiseringspakke")
    HAS_TEXT = ("outcome.has_text", "has on-screen text, which is set to be added by hand: make a hand-off pack",
                "har tekst på skjermen, som er satt til å legges på for hånd: lag en manuell publiseringspakke")
    PACKED_NO_FILE = ("outcome.packed_no_file", "{frame} is in the pack, but its file is missing.",
                      "{frame} er med i pakken, men filen mangler.")
    ADVICE_PACK_AGAIN = ("outcome.advice_pack_again", "Check the media folder, then make the pack again.",
                         "Sjekk mediemappen, og lag pakken på nytt.")
    PACKED_AS = ("outcome.packed_as", "{frame} is no. {number} in the pack ({file}).",
                 "{frame} er nr. {number} i pakken ({file}).")
    HELD_LATE = ("outcome.held_late", "{frame} is held: it is late (planned for {moment}).",
                 "{frame} holdes tilbake: det er forsinket (planlagt til {moment}).")
