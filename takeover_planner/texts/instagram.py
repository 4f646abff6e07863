"""Messages about talking to Instagram: Meta's error families, the Graph client, tokens and the keyring."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class InstagramText(Code):
    # --- what Meta's errors mean (a classification's reason) ---------------------------------------------
    TOO_LARGE = ("instagram.too_large", "The picture is larger than Instagram's limit of 8 MB for stories.",
                 "Bildet er større enn grensen på 8 MB som Instagram har for storyer.")
    NOT_JPEG = ("instagram.not_jpeg",
                "Instagram accepts only JPEG pictures for stories, and this file is in another format.",
                "Instagram godtar bare JPEG-bilder i storyer, og denne filen har et annet format.")
    VIDEO_FORMAT = ("instagram.video_format", "Instagram does not accept this video's format.",
                    "Instagram godtar ikke formatet til denne videoen.")
    NO_DOWNLOAD = ("instagram.no_download", "Instagram could not download the file from the media host.",
                   "Instagram fikk ikke lastet ned filen fra medieverten.")
    CONTAINER_EXPIRED = ("instagram.container_expired",
                         "The prepared story (container) expired before it was published.",
                         "Den klargjorte storyen (containeren) gikk ut før den ble publisert.")
    PROCESSING = ("instagram.processing", "Instagram is still processing the file.",
                  "Instagram behandler fortsatt filen.")
    TEMPORARY = ("instagram.temporary", "Instagram had a temporary problem on its side.",
                 "Instagram hadde et midlertidig problem på sin side.")
    UNAVAILABLE = ("instagram.unavailable", "Instagram's service was briefly unavailable.",
                   "Tjenesten til Instagram var utilgjengelig en kort stund.")
    SLOW_DOWNLOAD = ("instagram.slow_download", "Instagram took too long to download the file.",
                     "Instagram brukte for lang tid på å laste ned filen.")
    PREPARE_TROUBLE = ("instagram.prepare_trouble", "Instagram had a temporary problem preparing the story.",
                       "Instagram hadde et midlertidig problem med å klargjøre storyen.")
    QUOTA_USED = ("instagram.quota_used",
                  "The account has used up its Instagram publishing quota for the last 24 hours.",
                  "Kontoen har brukt opp publiseringskvoten sin hos Instagram for det siste døgnet.")
    TOKEN_REFUSED = ("instagram.token_refused", "Instagram no longer accepts this account's access token.",
                     "Instagram godtar ikke lenger tilgangstokenet til denne kontoen.")
    TOKEN_EXPIRED = ("instagram.token_expired", "Instagram says this account's access token has expired.",
                     "Instagram sier at tilgangstokenet til denne kontoen er utløpt.")
    TOKEN_INVALID = ("instagram.token_invalid", "Instagram says this account's access token is not valid.",
                     "Instagram sier at tilgangstokenet til denne kontoen ikke er gyldig.")
    TOKEN_PASSWORD_CHANGED = (
        "instagram.token_password_changed",
        "The access token stopped working because the Instagram or Facebook password was changed.",
        "Tilgangstokenet sluttet å virke fordi passordet til Instagram eller Facebook ble endret.",
    )
    APP_REMOVED = ("instagram.app_removed", "The app's access for this account was removed.",
                   "Appens tilgang til denne kontoen er fjernet.")
    NO_PERMISSION = ("instagram.no_permission",
                     "The access token lacks a permission Instagram needs for publishing.",
                     "Tilgangstokenet mangler en tillatelse som Instagram krever for å publisere.")
    THROTTLED = ("instagram.throttled", "Instagram is limiting how many requests the app may make just now.",
                 "Instagram begrenser akkurat nå hvor mange forespørsler appen kan sende.")
    UNKNOWN = ("instagram.unknown", "Instagram refused the request with an error the app does not know.",
               "Instagram avviste forespørselen med en feil appen ikke kjenner.")
    CANNOT_PREPARE = ("instagram.cannot_prepare", "Instagram could not prepare this file for a story.",
                      "Instagram klarte ikke å klargjøre denne filen for en story.")

    # --- what to do about them (a classification's advice) -----------------------------------------------
    ADVICE_TRANSIENT = ("instagram.advice_transient",
                        "Nothing to do: the app tries again by itself, waiting longer each time.",
                        "Du trenger ikke gjøre noe: appen prøver igjen selv og venter litt lenger hver gang.")
    ADVICE_TOKEN = (
        "instagram.advice_token",
        "Create a new long-lived token for this account (Meta's App Dashboard or Business Suite) and give it to the "
        "app with 'takeover-planner account set-token NAME' or Publish ▸ Set account token. Publishing for this account "
        "resumes when a working token is set.",
        "Lag et nytt langtidstoken for denne kontoen (i Metas App Dashboard eller Business Suite), og gi det til "
        "appen med «takeover-planner account set-token NAVN» eller Publiser ▸ Koble til Instagram-konto. Publiseringen for kontoen "
        "fortsetter når et token som virker, er på plass.",
    )
    ADVICE_PERMISSION = (
        "instagram.advice_permission",
        "Create a new token that includes the publishing permission (Instagram Login: "
        "instagram_business_basic and instagram_business_content_publish; Facebook Login: instagram_basic, "
        "instagram_content_publish and pages_read_engagement), then set it again for this account.",
        "Lag et nytt token som har publiseringstillatelsen (Instagram Login: instagram_business_basic og "
        "instagram_business_content_publish; Facebook Login: instagram_basic, instagram_content_publish og "
        "pages_read_engagement), og angi det på nytt for denne kontoen.",
    )
    ADVICE_HOSTING = (
        "instagram.advice_hosting",
        "Check that the media host's public address opens from outside the office network "
        "('takeover-planner hosting test'). If it does, Instagram may be having trouble: the frame can be "
        "scheduled again later, or posted by hand from the hand-off pack.",
        "Sjekk at den offentlige adressen til medieverten kan åpnes utenfor kontornettet "
        "(«takeover-planner hosting test»). Gjør den det, kan det være Instagram som har problemer: du kan planlegge "
        "storybildet på nytt senere eller publisere det for hånd fra den manuelle publiseringspakken.",
    )
    ADVICE_SHRINK = (
        "instagram.advice_shrink",
        "Open the frame, apply the media check's fix (it makes a smaller JPEG copy), approve the fixed copy "
        "and schedule the frame again.",
        "Åpne storybildet, bruk rettingen fra mediesjekken (den lager en mindre JPEG-kopi), godkjenn den rettede "
        "kopien og planlegg storybildet på nytt.",
    )
    ADVICE_TO_JPEG = (
        "instagram.advice_to_jpeg",
        "Apply the media check's fix (it converts the picture to JPEG), approve the fixed copy and schedule "
        "the frame again.",
        "Bruk rettingen fra mediesjekken (den gjør om bildet til JPEG), godkjenn den rettede kopien og planlegg "
        "storybildet på nytt.",
    )
    ADVICE_VIDEO = (
        "instagram.advice_video",
        "Stories need MP4 or MOV with H.264 or HEVC video and AAC sound, 3–60 seconds, at most 1920 pixels "
        "wide. Apply the media check's fix for the video, approve the fixed copy and schedule it again.",
        "Storyer krever MP4 eller MOV med H.264- eller HEVC-video og AAC-lyd, 3–60 sekunder og høyst 1920 "
        "piksler bredt. Bruk rettingen fra mediesjekken på videoen, godkjenn den rettede kopien og planlegg på nytt.",
    )
    ADVICE_QUOTA = ("instagram.advice_quota",
                    "Publishing resumes by itself when the quota frees up. Post urgent frames by hand.",
                    "Publiseringen fortsetter av seg selv når kvoten blir ledig. Publiser hastesaker for hånd.")
    ADVICE_THROTTLED = (
        "instagram.advice_throttled",
        "Nothing to do: publishing for this account resumes by itself at the time Instagram gives.",
        "Du trenger ikke gjøre noe: publiseringen for kontoen fortsetter av seg selv når Instagram sier den kan.",
    )
    ADVICE_UNKNOWN = (
        "instagram.advice_unknown",
        "The technical details are in the log file. Try scheduling the frame again; if it fails again, post it "
        "by hand from the hand-off pack.",
        "De tekniske detaljene står i loggfilen. Prøv å planlegge storybildet på nytt. Feiler det igjen, publiserer "
        "du det for hånd fra den manuelle publiseringspakken.",
    )
    ADVICE_RECHECK = (
        "instagram.advice_recheck",
        "Run the media check on the frame again and apply its fixes; if the check finds nothing, try a freshly "
        "exported copy of the picture or video, or post the frame by hand.",
        "Kjør mediesjekken på storybildet igjen og bruk rettingene. Finner sjekken ingenting, kan du prøve en "
        "nyeksportert kopi av bildet eller videoen, eller publisere storybildet for hånd.",
    )

    SPAM = ("instagram.spam", "Instagram suspects this account of spam and has blocked publishing.",
            "Instagram mistenker kontoen for spam og har sperret publiseringen.")
    ADVICE_APPEAL = (
        "instagram.advice_appeal",
        "A person must appeal in the Instagram app (Meta asks for an appeal; waiting does not help). When the "
        "appeal has gone through, resume the account: takeover-planner account resume NAME",
        "En person må klage i Instagram-appen (Meta ber om en klage; det hjelper ikke å vente). Når klagen har gått "
        "gjennom, gjenopptar du kontoen: takeover-planner account resume NAME",
    )
    RESTRICTED = ("instagram.restricted", "Instagram has restricted this account, so nothing can be published.",
                  "Instagram har begrenset kontoen, så ingenting kan publiseres.")
    ADVICE_LOG_IN = (
        "instagram.advice_log_in",
        "A person must log in to the account in the Instagram app and follow what it asks. Then resume the "
        "account: takeover-planner account resume NAME",
        "En person må logge inn på kontoen i Instagram-appen og gjøre det den ber om. Deretter gjenopptar du "
        "kontoen: takeover-planner account resume NAME",
    )
    UPLOAD_UNKNOWN = ("instagram.upload_unknown", "Instagram failed to take the upload (an unknown upload error).",
                      "Instagram klarte ikke å ta imot opplastingen (en ukjent opplastingsfeil).")
    VERSION_ENDING = (
        "instagram.version_ending",
        "Graph API {version} reaches its end of life on {day}. Set a newer version (setting "
        "instagram.graph_version) before then.",
        "Graph API {version} slutter å virke {day}. Velg en nyere versjon (innstillingen instagram.graph_version) "
        "før det.",
    )
    VERSION_ENDED = (
        "instagram.version_ended",
        "Graph API {version} reached its end of life on {day}. Set a newer version (setting "
        "instagram.graph_version).",
        "Graph API {version} sluttet å virke {day}. Velg en nyere versjon (innstillingen instagram.graph_version).",
    )

    # --- the errors ----------------------------------------------------------------------------------------
    GRAPH_ERROR = ("instagram.graph_error", "{reason} (Instagram error {meta_code})",
                   "{reason} (Instagram-feil {meta_code})")
    GRAPH_HTTP_ERROR = ("instagram.graph_http_error", "{reason} (HTTP {http_status})", "{reason} (HTTP {http_status})")
    CONNECT_TIMEOUT = ("instagram.connect_timeout",
                       "Could not connect to {server} in time (network down or blocked?).",
                       "Fikk ikke kontakt med {server} i tide (er nettet nede eller blokkert?).")
    READ_TIMEOUT = ("instagram.read_timeout", "{server} did not answer in time.",
                    "{server} svarte ikke i tide.")
    CONNECTION_REFUSED = ("instagram.connection_refused",
                          "The connection to {server} failed (refused or no network).",
                          "Tilkoblingen til {server} mislyktes (avvist, eller ikke noe nett).")
    CONNECTION_DROPPED = ("instagram.connection_dropped", "The connection to {server} failed (dropped).",
                          "Tilkoblingen til {server} mislyktes (brutt).")
    REQUEST_FAILED = ("instagram.request_failed", "The request to {server} failed ({kind}).",
                      "Forespørselen til {server} mislyktes ({kind}).")
    TOKEN_BLANK = ("instagram.token_blank", "The access token is empty or contains spaces; paste it again.",
                   "Tilgangstokenet er tomt eller inneholder mellomrom. Lim det inn på nytt.")
    TOKEN_AS_PARAMETER = ("instagram.token_as_parameter", "Refusing to send the access token as a request parameter.",
                          "Appen sender ikke tilgangstokenet som en parameter i forespørselen.")
    NOT_HTTP = ("instagram.not_http", "{what} '{url}' is not an http(s) address.",
                "{what} «{url}» er ikke en http(s)-adresse.")
    URL_EXTRAS = ("instagram.url_extras", "{what} must not contain a user name, password, query or fragment.",
                  "{what} kan ikke inneholde brukernavn, passord, spørring eller fragment.")
    NEEDS_HTTPS = ("instagram.needs_https",
                   "{what} must use https (plain http is allowed only for this computer).",
                   "{what} må bruke https (vanlig http er bare tillatt mot denne datamaskinen).")
    BAD_VERSION = ("instagram.bad_version", "'{version}' is not a Graph API version such as v25.0.",
                   "«{version}» er ikke en Graph API-versjon som v25.0.")
    # What ``{what}`` names in the address messages above.
    GRAPH_ADDRESS = ("instagram.graph_address", "The Graph API address", "Adressen til Graph API")
    UPLOAD_ADDRESS = ("instagram.upload_address", "The upload address", "Opplastingsadressen")
    UPLOAD_HOST = ("instagram.upload_host", "The upload host", "Opplastingsverten")

    # --- tokens ----------------------------------------------------------------------------------------------
    NO_LIFETIME = ("instagram.no_lifetime",
                   "Instagram renewed the token but gave no usable lifetime; set the token again.",
                   "Instagram fornyet tokenet, men oppga ingen brukbar levetid. Angi tokenet på nytt.")
    NO_DEBUG_EXPIRY = ("instagram.no_debug_expiry", "Meta did not say when the token expires.",
                       "Meta oppga ikke når tokenet utløper.")
    TOKEN_EMPTY = ("instagram.token_empty", "No token was given (the input was empty).",
                   "Du ga ikke noe token (feltet var tomt).")
    TOKEN_SHAPE = (
        "instagram.token_shape",
        "That does not look like an access token (expected one line of letters, digits, '.', '-', '_' or '|', "
        "at least 20 characters).",
        "Det ser ikke ut som et tilgangstoken (forventet én linje med bokstaver, sifre, «.», «-», «_» eller «|», "
        "minst 20 tegn).",
    )
    NOT_MEDIA_ID = ("instagram.not_media_id", "'{media_id}' is not an Instagram media id.",
                    "«{media_id}» er ikke en medie-ID fra Instagram.")
    NOT_USER_ID = ("instagram.not_user_id", "'{ig_user_id}' is not an Instagram user id.",
                   "«{ig_user_id}» er ikke en bruker-ID fra Instagram.")
    NO_FOLLOWER_COUNT = ("instagram.no_follower_count", "Instagram did not give the account's follower count.",
                         "Instagram oppga ikke hvor mange følgere kontoen har.")

    # --- the keyring -----------------------------------------------------------------------------------------
    NO_KEYRING = (
        "instagram.no_keyring",
        "No secure password store (OS keyring) is available, so the app cannot keep access tokens or hosting "
        "passwords, and publishing is stopped. Windows (Credential Manager) and macOS (Keychain) have one built in. "
        "On Linux, install and unlock a Secret Service provider such as GNOME Keyring or KWallet (a desktop "
        "session normally starts it), then try again. If you accept keeping secrets in an unencrypted file, you "
        "can choose such a backend yourself by setting the environment variable {variable} "
        "(for example keyrings.alt.file.PlaintextKeyring, from the keyrings.alt package).",
        "Det finnes ikke noe sikkert passordlager (nøkkelring i operativsystemet), så appen kan ikke ta vare på "
        "tilgangstokener eller passord til medieverten, og publiseringen er stoppet. Windows (Credential Manager) "
        "og macOS (Nøkkelring) har et innebygd. På Linux installerer og låser du opp en Secret Service-tjeneste "
        "som GNOME Keyring eller KWallet (en skrivebordsøkt starter den vanligvis), og prøver igjen. Godtar du at "
        "hemmeligheter ligger i en ukryptert fil, kan du velge et slikt lager selv med miljøvariabelen {variable} "
        "(for eksempel keyrings.alt.file.PlaintextKeyring fra pakken keyrings.alt).",
    )
    KEYRING_UNLOADABLE = (
        "instagram.keyring_unloadable",
        "The keyring backend chosen in {variable} or keyring's config file cannot be loaded ({kind}). {help}",
        "Nøkkelringen som er valgt i {variable} eller i konfigurasjonsfilen til keyring, kan ikke lastes "
        "({kind}). {help}",
    )
    KEYRING_PLAINTEXT = (
        "instagram.keyring_plaintext",
        "The only password store found keeps secrets in a plain, unencrypted file, and the app will not use it "
        "unless you choose it yourself. {help}",
        "Det eneste passordlageret som finnes, lagrer hemmeligheter i en vanlig, ukryptert fil, og appen bruker "
        "det ikke med mindre du velger det selv. {help}",
    )
    KEYRING_FAILED = (
        "instagram.keyring_failed",
        "The OS keyring could not {action} the secret ({kind}). If the keyring is locked, unlock it (log in to the "
        "desktop again) and retry. {help}",
        "Nøkkelringen i operativsystemet klarte ikke å {action} hemmeligheten ({kind}). Er nøkkelringen låst, "
        "låser du den opp (logg inn på skrivebordet igjen) og prøver på nytt. {help}",
    )
    # What ``{action}`` says in KEYRING_FAILED.
    ACTION_READ = ("instagram.action_read", "read", "lese")
    ACTION_SAVE = ("instagram.action_save", "save", "lagre")
    ACTION_DELETE = ("instagram.action_delete", "delete", "slette")

    # --- token lifetimes (notices, shown ahead of trouble) ----------------------------------------------------
    TOKEN_NO_EXPIRY = ("instagram.token_no_expiry", "The token for {account} has no known expiry date.",
                       "Tokenet for {account} har ingen kjent utløpsdato.")
    TOKEN_EXPIRED_ON = (
        "instagram.token_expired_on",
        "The token for {account} expired on {moment}. Set a new one: takeover-planner account set-token \"{account}\".",
        "Tokenet for {account} gikk ut {moment}. Angi et nytt: takeover-planner account set-token \"{account}\".",
    )
    TOKEN_EXPIRES_SOON = ("instagram.token_expires_soon", "The token for {account} expires on {moment} (in {days} days). "
                          "{hint}", "Tokenet for {account} går ut {moment} (om {days} dager). {hint}")
    TOKEN_EXPIRES_TOMORROW = ("instagram.token_expires_tomorrow",
                              "The token for {account} expires on {moment} (in 1 day). {hint}",
                              "Tokenet for {account} går ut {moment} (om 1 dag). {hint}")
    HINT_RENEWS = (
        "instagram.hint_renews",
        "The app renews it by itself when it publishes or checks the account; if that keeps failing, set a new token.",
        "Appen fornyer det selv når den publiserer eller sjekker kontoen. Feiler det gang på gang, angir du et nytt "
        "token.",
    )
    HINT_CANNOT_RENEW = ("instagram.hint_cannot_renew",
                         "Facebook Login tokens cannot be renewed by the app: create a new token and set it.",
                         "Appen kan ikke fornye tokener fra Facebook Login: lag et nytt token og angi det.")
    TOKEN_VALID = ("instagram.token_valid", "The token for {account} is valid until {moment}.",
                   "Tokenet for {account} er gyldig til {moment}.")
