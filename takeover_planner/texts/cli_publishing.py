"""What the command line reports about stories and their way out: submissions, review, consent, publishing runs,
access tokens, the media host, hand-off packs, insights and follower goals."""

from __future__ import annotations

from takeover_planner.texts.codes import Code
from takeover_planner.texts.render import render


class OutcomeKindName(Code):
    """The first column of ``publish-due``: what happened to a frame; member names are ``OutcomeKind`` values."""

    PUBLISHED = ("cli_publishing.kind_published", "published", "publisert")
    FAILED = ("cli_publishing.kind_failed", "failed", "feilet")
    DEFERRED = ("cli_publishing.kind_deferred", "deferred", "utsatt")
    PAUSED = ("cli_publishing.kind_paused", "paused", "pause")
    STOPPED = ("cli_publishing.kind_stopped", "stopped", "stoppet")
    BLOCKED = ("cli_publishing.kind_blocked", "blocked", "blokkert")
    HANDED_OFF = ("cli_publishing.kind_handed_off", "handed_off", "manuelt")
    CANCELLED = ("cli_publishing.kind_cancelled", "cancelled", "avbrutt")
    SKIPPED = ("cli_publishing.kind_skipped", "skipped", "hoppet over")
    HELD = ("cli_publishing.kind_held", "held", "holdt igjen")
    BY_HAND = ("cli_publishing.kind_by_hand", "by hand", "for hånd")
    NOTICE = ("cli_publishing.kind_notice", "notice", "merk")

    @classmethod
    def of(cls, kind: str) -> OutcomeKindName:
        return cls[str(kind).upper()]


class CliPublishing(Code):
    # --- publish-due
    NEXT_TRY = ("cli_publishing.next_try", "(next try {when})", "(nytt forsøk {when})")
    WHAT_TO_DO = ("cli_publishing.what_to_do", "What to do: {advice}", "Gjør dette: {advice}")
    HELD_CHOICES = ("cli_publishing.held_choices",
                    "What to do: publish late post {frame} | publish late retime {frame} --at … | "
                    "publish late drop {frame}",
                    "Gjør dette: publish late post {frame} | publish late retime {frame} --at … | "
                    "publish late drop {frame}")
    BY_HAND_DUE = ("cli_publishing.by_hand_due", "Frame #{frame} ({department}, {when}) {reason}.",
                   "Storybilde #{frame} ({department}, {when}) {reason}.")
    NOTHING_DUE = ("cli_publishing.nothing_due", "Nothing is due.", "Ingenting skal publiseres nå.")
    NOTHING_DUE_WAITING = ("cli_publishing.nothing_due_waiting", "Nothing is due. {count} frame(s) wait for a retry.",
                           "Ingenting skal publiseres nå. {count} storybilde(r) venter på et nytt forsøk.")

    # --- tokens and accounts
    TOKEN_PROMPT = ("cli_publishing.token_prompt", "Paste the access token (it is not shown): ",
                    "Lim inn tilgangstokenet (det vises ikke): ")
    TOKEN_SAVED = ("cli_publishing.token_saved", "Token for {account} saved in the OS keyring. {notice}",
                   "Tilgangstokenet for {account} er lagret i systemets nøkkelring. {notice}")
    PLAIN_KEYRING = ("cli_publishing.plain_keyring",
                     "Note: the keyring backend you chose keeps secrets in a plain file, not encrypted.",
                     "Merk: nøkkelringen du har valgt, lagrer hemmeligheter i en vanlig fil, ikke kryptert.")
    CHECK_INSTAGRAM = (
        "cli_publishing.check_instagram",
        "Account:  {account} → @{username} (Instagram user {user_id}, {api})\nToken:    {token}\nQuota:    {quota}",
        "Konto:    {account} → @{username} (Instagram-bruker {user_id}, {api})\nToken:    {token}\nKvote:    {quota}",
    )
    CHECK_PAGE = ("cli_publishing.check_page",
                  "Account:  {account} → Facebook Page {username} ({user_id})\nToken:    {token}",
                  "Konto:    {account} → Facebook-siden {username} ({user_id})\nToken:    {token}")
    QUOTA_USED = ("cli_publishing.quota_used", "{used} of {total} posts used in the last 24 hours",
                  "{used} av {total} innlegg brukt det siste døgnet")
    QUOTA_UNKNOWN = ("cli_publishing.quota_unknown", "unknown", "ukjent")
    PAUSED_UNTIL = ("cli_publishing.paused_until", "Paused:   until {when}: {reason}",
                    "Pause:    til {when}: {reason}")
    QUEUE_RESUMED = ("cli_publishing.queue_resumed",
                     "The account's publishing queue was stopped; the token works again, so it is resumed.",
                     "Publiseringskøen for kontoen var stoppet. Tokenet virker igjen, så køen går videre.")
    TOKEN_REMOVED = ("cli_publishing.token_removed", "Token removed from the keyring.",
                     "Tilgangstokenet er fjernet fra nøkkelringen.")
    NO_TOKEN = ("cli_publishing.no_token", "There was no token in this computer's keyring.",
                "Det var ikke noe tilgangstoken i nøkkelringen på denne datamaskinen.")
    METHOD_API = ("cli_publishing.method_api",
                  "Frames of this account are published through the API (stickers still go by hand).",
                  "Storybilder på denne kontoen publiseres via API-et (klistremerker legges fortsatt til for hånd).")
    METHOD_HANDOFF = ("cli_publishing.method_handoff",
                      "Frames of this account go into hand-off packs and are posted by hand.",
                      "Storybilder på denne kontoen legges i manuelle publiseringspakker og publiseres for hånd.")
    TEXT_BURN = ("cli_publishing.text_burn",
                 "Frames with on-screen text: the text is burned into the picture or video, which is published "
                 "through the API.",
                 "Storybilder med tekst på skjermen: teksten brennes inn i bildet eller videoen, som publiseres "
                 "via API-et.")
    TEXT_HANDOFF = ("cli_publishing.text_handoff",
                    "Frames with on-screen text go into hand-off packs; the checklist shows the text to add on the "
                    "phone.",
                    "Storybilder med tekst på skjermen legges i manuelle publiseringspakker. Sjekklisten viser "
                    "teksten du legger til på telefonen.")
    STOP_LIFTED = ("cli_publishing.stop_lifted", "Stop lifted; the next run publishes again.",
                   "Stoppen er opphevet. Neste kjøring publiserer igjen.")
    PAUSE_CLEARED = ("cli_publishing.pause_cleared", "Pause cleared; the next run publishes again.",
                     "Pausen er avsluttet. Neste kjøring publiserer igjen.")

    # --- late frames
    HELD_LINE = ("cli_publishing.held_line", "#{frame}  {when}  {department} (slot #{slot})  {reason}",
                 "#{frame}  {when}  {department} (periode #{slot})  {reason}")
    NONE_HELD = ("cli_publishing.none_held", "No frame is held as late.",
                 "Ingen storybilder holdes igjen fordi de er for sene.")
    LATE_POST = ("cli_publishing.late_post", "Frame #{frame} goes out on the next run.",
                 "Storybilde #{frame} publiseres ved neste kjøring.")
    LATE_RETIME = ("cli_publishing.late_retime", "Frame #{frame} is planned for {when}.",
                   "Storybilde #{frame} er planlagt til {when}.")
    LATE_DROP = ("cli_publishing.late_drop", "Frame #{frame} will not be posted (withdrawn).",
                 "Storybilde #{frame} blir ikke publisert (trukket tilbake).")

    # --- the media host
    HOST_PROMPT = ("cli_publishing.host_prompt", "Password for the media host (it is not shown): ",
                   "Passord for medieverten (det vises ikke): ")
    HOST_SET = ("cli_publishing.host_set",
                "Media host set: uploads go to {upload}, Instagram fetches from {public}.",
                "Medieverten er satt opp: filer lastes opp til {upload}, og Instagram henter dem fra {public}.")
    HOST_PASSWORD_KEPT = ("cli_publishing.host_password_kept", "Password kept in the OS keyring.",
                          "Passordet ligger i systemets nøkkelring.")
    HOST_PASSWORD_MISSING = (
        "cli_publishing.host_password_missing",
        "No password is stored for {username}: uploads will stop until you give it with "
        "`takeover-planner hosting set … --username {username} --password-stdin`.",
        "Det er ikke lagret noe passord for {username}: opplastinger stopper til du gir det med "
        "`takeover-planner hosting set … --username {username} --password-stdin`.",
    )
    NO_HOST = ("cli_publishing.no_host",
               "No media host is set up. Use: takeover-planner hosting set --upload-url … --public-url …",
               "Ingen medievert er satt opp. Bruk: takeover-planner hosting set --upload-url … --public-url …")
    HOST_SHOW = ("cli_publishing.host_show",
                 "Upload to:  {upload}\nPublic at:  {public}\nUser name:  {username}\nPassword:   {password}",
                 "Last opp:   {upload}\nOffentlig:  {public}\nBrukernavn: {username}\nPassord:    {password}")
    IN_KEYRING = ("cli_publishing.in_keyring", "in the keyring", "i nøkkelringen")
    NOT_STORED = ("cli_publishing.not_stored", "not stored", "ikke lagret")

    # --- hand-off packs
    PACK_WRITTEN = ("cli_publishing.pack_written", "Hand-off pack written to {folder}\nChecklist: {checklist}",
                    "Manuell publiseringspakke skrevet til {folder}\nSjekkliste: {checklist}")
    PACK_ENTRY = ("cli_publishing.pack_entry", "{when}  {file}  (frame #{frame})", "{when}  {file}  (storybilde #{frame})")
    FILE_MISSING = ("cli_publishing.file_missing", "FILE MISSING", "FILEN MANGLER")
    PACK_REMOVED = ("cli_publishing.pack_removed", "Removed {name}: its frame is no longer in the pack.",
                    "Fjernet {name}: storybildet er ikke lenger med i pakken.")
    POSTED_BY_HAND = ("cli_publishing.posted_by_hand", "Frame #{frame} recorded as posted by hand.",
                      "Storybilde #{frame} er registrert som publisert for hånd.")

    # --- submissions, review and consent
    BRIEF_WRITTEN = ("cli_publishing.brief_written",
                     "Wrote the brief for slot #{slot} ({department}, {days}) to {path} (with {printed} inside).",
                     "Skrev oppdragsbrevet for periode #{slot} ({department}, {days}) til {path} "
                     "(med {printed} inni).")
    BRIEF_WRITTEN_PDF = ("cli_publishing.brief_written_pdf",
                         "Wrote the brief for slot #{slot} ({department}, {days}) to {path} (with {printed} inside) "
                         "and the printed brief to {pdf}.",
                         "Skrev oppdragsbrevet for periode #{slot} ({department}, {days}) til {path} "
                         "(med {printed} inni) og det utskrivbare oppdragsbrevet til {pdf}.")
    SUBMISSION_WRITTEN = ("cli_publishing.submission_written",
                          "Wrote a submission with {count} frame(s) for slot #{slot} ({department}) to {path}.",
                          "Skrev en innsending med {count} storybilde(r) for periode #{slot} ({department}) "
                          "til {path}.")
    SUBMISSION_IMPORTED = ("cli_publishing.submission_imported",
                           "Imported submission #{submission} from {contributor} into slot #{slot}: {count} frame(s) "
                           "({ids}), submitted for review.",
                           "Importerte innsending #{submission} fra {contributor} til periode #{slot}: "
                           "{count} storybilde(r) ({ids}), sendt til gjennomgang.")
    NOTE = ("cli_publishing.note", "Note: {note}", "Merk: {note}")
    NO_TIME = ("cli_publishing.no_time", "no time", "uten tid")
    NO_FILE = ("cli_publishing.no_file", "no file", "ingen fil")
    FIXED_COPY = ("cli_publishing.fixed_copy", "(fixed copy)", "(rettet kopi)")
    BY_HAND_STICKER = ("cli_publishing.by_hand_sticker", "by hand: {kind} sticker",
                       "for hånd: klistremerke ({kind})")
    PROBLEMS = ("cli_publishing.problems", "{count} problem(s): {first}", "{count} problem(er): {first}")
    NO_FRAMES = ("cli_publishing.no_frames", "Slot #{slot} has no frames yet.",
                 "Periode #{slot} har ingen storybilder ennå.")
    APPROVED = ("cli_publishing.approved", "Frame #{frame} approved by {by}.",
                "Storybilde #{frame} er godkjent av {by}.")
    APPROVED_NONE = ("cli_publishing.approved_none", "Approved 0 frame(s).", "Godkjente 0 storybilder.")
    APPROVED_SOME = ("cli_publishing.approved_some", "Approved {count} frame(s): {ids}",
                     "Godkjente {count} storybilde(r): {ids}")
    NOT_APPROVED = ("cli_publishing.not_approved", "Not approved #{frame}: {why}", "Ikke godkjent #{frame}: {why}")
    CHANGES_REQUESTED = ("cli_publishing.changes_requested", "Changes requested on frame #{frame} by {by}: {comment}",
                         "{by} ba om endringer på storybilde #{frame}: {comment}")
    NO_REFERENCE = ("cli_publishing.no_reference", "no reference", "ingen referanse")
    CONSENT_UNTIL = ("cli_publishing.consent_until", "until {day}", "til {day}")
    CONSENT_WITHDRAWN_ON = ("cli_publishing.consent_withdrawn_on", "WITHDRAWN {day} ({by})",
                            "TRUKKET TILBAKE {day} ({by})")
    NO_CONSENTS = ("cli_publishing.no_consents", "No consent records.", "Ingen samtykkeerklæringer.")
    CONSENT_WITHDRAWN = ("cli_publishing.consent_withdrawn", "Consent #{consent} ({subject}) is withdrawn.",
                         "Samtykke #{consent} ({subject}) er trukket tilbake.")
    FRAME_STOPPED = ("cli_publishing.frame_stopped", "Frame #{frame}: {before} → {after} (stopped).",
                     "Storybilde #{frame}: {before} → {after} (stoppet).")
    TAKE_DOWN = ("cli_publishing.take_down", "Frame #{frame} is already PUBLISHED: take it down on Instagram by hand.",
                 "Storybilde #{frame} er allerede PUBLISERT: ta det ned på Instagram for hånd.")
    CONSENT_UNUSED = ("cli_publishing.consent_unused", "No approved or published frame used it.",
                      "Ingen godkjente eller publiserte storybilder brukte det.")

    # --- insights and follower goals
    FOLLOWERS = ("cli_publishing.followers", "{count} followers", "{count} følgere")
    STORIES_READ_ONE = ("cli_publishing.stories_read_one", "{count} story read", "{count} story lest")
    STORIES_READ_MANY = ("cli_publishing.stories_read_many", "{count} stories read", "{count} stories lest")
    FEW_VIEWERS = ("cli_publishing.few_viewers", "{count} with fewer than 5 viewers (no insights yet)",
                   "{count} med færre enn 5 seere (ingen innsikt ennå)")
    DELETED = ("cli_publishing.deleted", "{count} deleted", "{count} slettet")
    NOTHING_READ = ("cli_publishing.nothing_read", "nothing read", "ingenting lest")
    PROBLEM = ("cli_publishing.problem", "Problem: {problem}", "Problem: {problem}")
    NOT_COLLECTED = ("cli_publishing.not_collected",
                     "Not collected: frame #{frame} ({account}, published {when}) — its 24 hours passed without "
                     "a read.",
                     "Ikke hentet: storybilde #{frame} ({account}, publisert {when}) — døgnet gikk uten at "
                     "innsikten ble lest.")
    NOTHING_WAS_DUE = ("cli_publishing.nothing_was_due", "Nothing was due.", "Ingenting skulle leses nå.")
    NEXT_READ = ("cli_publishing.next_read", "Next read due: {when}", "Neste lesing: {when}")
    REPORT_WRITTEN = ("cli_publishing.report_written", "Wrote the report for slot #{slot} to {path} ({frames} frames).",
                      "Skrev rapporten for periode #{slot} til {path} ({frames} storybilder).")
    REPORT_WRITTEN_PAGES = ("cli_publishing.report_written_pages",
                            "Wrote the report for slot #{slot} to {path} ({frames} frames, {pages}).",
                            "Skrev rapporten for periode #{slot} til {path} ({frames} storybilder, {pages}).")
    PAGES_ONE = ("cli_publishing.pages_one", "{count} page", "{count} side")
    PAGES_MANY = ("cli_publishing.pages_many", "{count} pages", "{count} sider")
    SHOW_HEADING = ("cli_publishing.show_heading", "{department} on {account}, {days}",
                    "{department} på {account}, {days}")
    SAMPLE_DATA = ("cli_publishing.sample_data", "[sample data]", "[eksempeldata]")
    SHOW_COLUMNS = ("cli_publishing.show_columns", "published|insights|reach|views|replies|exits",
                    "publisert|innsikt|rekkevidde|visninger|svar|avslutninger")
    STAYED = ("cli_publishing.stayed", "Stayed to the last frame: {share}", "Ble til siste storybilde: {share}")
    FOLLOWER_CHANGE = ("cli_publishing.follower_change",
                       "Followers during the takeover: {during} ({per_day} a day); the weeks before: {before} a day",
                       "Følgere under overtakelsen: {during} ({per_day} per dag). Ukene før: {before} per dag")
    GOAL_LINE = ("cli_publishing.goal_line", "{account}: {target} followers by {due}{flags} — now {latest}; {state}",
                 "{account}: {target} følgere innen {due}{flags} — nå {latest}; {state}")
    GOAL_LATEST = ("cli_publishing.goal_latest", "{count} on {day}", "{count} den {day}")
    NO_READING = ("cli_publishing.no_reading", "no reading", "ingen måling")
    REPLACED = ("cli_publishing.replaced", "(replaced)", "(erstattet)")
    NO_GOALS = ("cli_publishing.no_goals",
                "No follower goals yet. Set one with: takeover-planner goal set ACCOUNT --target N --by YYYY-MM-DD",
                "Ingen følgermål ennå. Sett et med: takeover-planner goal set KONTO --target N --by ÅÅÅÅ-MM-DD")
    GOAL_REACHED = ("cli_publishing.goal_reached",
                    "reached on {reached} — time to set a new goal (takeover-planner goal set …)",
                    "nådd {reached} — på tide å sette et nytt mål (takeover-planner goal set …)")
    GOAL_ON_TRACK = ("cli_publishing.goal_on_track", "on track: reached about {projected} at {pace} a day",
                     "i rute: nås rundt {projected} med {pace} per dag")
    GOAL_BEHIND = ("cli_publishing.goal_behind",
                   "behind: at {pace} a day it is reached about {projected}; {needed} a day would be needed",
                   "på etterskudd: med {pace} per dag nås det rundt {projected}. Det trengs {needed} per dag")
    GOAL_STALLED = ("cli_publishing.goal_stalled", "not growing ({pace} a day): at this pace it is never reached",
                    "ingen vekst ({pace} per dag): i dette tempoet nås det aldri")
    GOAL_MISSED = ("cli_publishing.goal_missed", "its day passed without reaching it — set a new goal",
                   "datoen gikk uten at målet ble nådd — sett et nytt mål")
    GOAL_NO_TREND = ("cli_publishing.goal_no_trend", "not enough follower readings for a trend yet",
                     "for få målinger av følgere til å se en trend ennå")
    GOAL_NO_DATA = ("cli_publishing.goal_no_data", "no follower count read yet (run takeover-planner insights collect)",
                    "ingen følgertall lest ennå (kjør takeover-planner insights collect)")


class CliMedia(Code):
    """``media validate | fix | check``: the files judged, fixed, and the media folder compared with the database."""

    VALIDATED = ("cli_media.validated", "{files} file(s): {errors} with errors, {advice} with advice only.",
                 "{files} fil(er): {errors} med feil, {advice} bare med råd.")
    FIXABLE = ("cli_media.fixable", "[fixable]", "[kan rettes opp]")
    REFUSED = ("cli_media.refused", "refused  {path}: {error}", "avvist   {path}: {error}")
    FIXED = ("cli_media.fixed", "fixed    {path} → {outputs} ({method}; now {verdicts})",
             "rettet   {path} → {outputs} ({method}; nå {verdicts})")
    COUNTS = ("cli_media.counts", "{files} file(s) in the media folder, {rows} database row(s).",
              "{files} fil(er) i mediemappen, {rows} rad(er) i databasen.")
    MISSING = ("cli_media.missing", "  missing  {sha}: the row has no file (re-import the original)",
               "  mangler  {sha}: raden har ingen fil (importer originalen på nytt)")
    DAMAGED = ("cli_media.damaged", "  damaged  {sha}: the content no longer matches its name",
               "  skadet   {sha}: innholdet stemmer ikke lenger med navnet")
    ORPHAN = ("cli_media.orphan", "  orphan   {sha}: a file without a row", "  foreldreløs {sha}: en fil uten rad")
    LEFTOVER = ("cli_media.leftover", "  leftover {path}: an unfinished write",
                "  rest     {path}: en skriving som ikke ble fullført")
    REPAIRED = ("cli_media.repaired", "  repaired: {line}", "  reparert: {line}")
    AGREE = ("cli_media.agree", "The media folder and the database agree.",
             "Mediemappen og databasen stemmer overens.")
    RUN_REPAIR = ("cli_media.run_repair", "Run 'takeover-planner media check --repair' to clean up.",
                  "Kjør «takeover-planner media check --repair» for å rydde opp.")


class GivenByName(Code):
    """Who gave a consent, in ``consent list``; English keeps the stored value (``self``, ``guardian``)."""

    SELF = ("cli_publishing.given_by_self", "self", "personen selv")
    GUARDIAN = ("cli_publishing.given_by_guardian", "guardian", "foresatt")

    @classmethod
    def words(cls, value: str) -> str:
        """The words for a stored value; an unknown one (from an older file) as it is."""
        member = cls.__members__.get(str(value).upper())
        return render(member) if member is not None else str(value)
