"""Messages of the media layer: the media store, fixing files, and the rule-set file.

The rule *findings* ("Instagram takes only JPEG pictures…") are not here: they are data, written in both
languages in the rule-set file. A message that lists findings gets them as ``render.Bilingual`` values.
Fix messages are read by contributors: plain words, the file's name (never its full path), no format jargon.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class MediaText(Code):
    # --- the media store and its rows ---
    NOT_A_HASH = ("media.not_a_hash", "'{name}' is not a SHA-256 name.", "«{name}» er ikke et SHA-256-navn.")
    STORE_UNWRITABLE = (
        "media.store_unwritable",
        "Cannot write to the media folder {folder}: {problem}.",
        "Kan ikke skrive til mediemappen {folder}: {problem}.",
    )
    STORE_UNCREATABLE = (
        "media.store_uncreatable",
        "Cannot create the media folder {folder}: {problem}.",
        "Kan ikke opprette mediemappen {folder}: {problem}.",
    )
    NO_ASSET = ("media.no_asset", "No media file #{asset_id}.", "Finner ingen mediefil #{asset_id}.")
    ASSET_FILE_MISSING = (
        "media.asset_file_missing",
        "Media file #{asset_id} is missing from the media folder; run 'takeover-planner media check'.",
        "Mediefil #{asset_id} mangler i mediemappen; kjør «takeover-planner media check».",
    )
    SOURCE_MISSING = ("media.source_missing", "{path} does not exist.", "{path} finnes ikke.")
    NOT_STORED = (
        "media.not_stored",
        "{file} could not be put in the media folder ({problem}).",
        "{file} kunne ikke legges i mediemappen ({problem}).",
    )
    # Why a file could not be stored (nested in NOT_STORED and in package refusals).
    IS_MISSING = ("media.is_missing", "is missing", "mangler")
    IS_EMPTY = ("media.is_empty", "is empty (0 bytes)", "er tom (0 byte)")
    IS_TOO_LARGE = ("media.is_too_large", "is too large to handle", "er for stor til å håndteres")
    NOT_PROCESSED = ("media.not_processed", "it was not processed", "den ble ikke behandlet")
    COPY_FAILED = ("media.copy_failed", "could not copy into the media folder: {reason}",
                   "kunne ikke kopiere til mediemappen: {reason}")
    CRASHED_DECODER = ("media.crashed_decoder", "the file crashed the decoder",
                       "filen fikk dekoderen til å krasje")
    UNREADABLE = ("media.unreadable", "the file cannot be read", "filen kan ikke leses")

    # --- fixing a file ---
    BAD_FIT_MODE = ("media.bad_fit_mode", "Fit mode must be crop or pad, not '{mode}'.",
                    "Tilpasning må være crop eller pad, ikke «{mode}».")
    CANNOT_FIX = ("media.cannot_fix", "{file} cannot be fixed: {problems}",
                  "{file} kan ikke rettes opp: {problems}")
    NOT_MEDIA = (
        "media.not_media",
        "{file} cannot be fixed: it is not a picture or a video this app can read.",
        "{file} kan ikke rettes opp: det er ikke et bilde eller en video som appen kan lese.",
    )
    NOT_A_PICTURE = (
        "media.not_a_picture",
        "{file} cannot be fixed as a picture: it is not a picture this app can read.",
        "{file} kan ikke rettes opp som bilde: det er ikke et bilde som appen kan lese.",
    )
    NOT_A_VIDEO = (
        "media.not_a_video",
        "{file} cannot be fixed as a video: it is not a video this app can read.",
        "{file} kan ikke rettes opp som video: det er ikke en video som appen kan lese.",
    )
    PICTURE_UNREADABLE = (
        "media.picture_unreadable",
        "{file} could not be read as a picture, so it was not fixed. Ask for the original again.",
        "{file} kunne ikke leses som bilde, så filen ble ikke rettet opp. Be om originalen på nytt.",
    )
    VIDEO_UNCONVERTIBLE = (
        "media.video_unconvertible",
        "{file} could not be converted; the video may be damaged. Ask for the original again.",
        "{file} kunne ikke gjøres om; videoen kan være skadet. Be om originalen på nytt.",
    )
    NO_PICTURE = ("media.no_picture", "{file} has no picture to convert.", "{file} har ikke noe bilde å gjøre om.")
    DOLBY_VISION_ONLY = (
        "media.dolby_vision_only",
        "{file} is Dolby Vision profile {profile}: only a Dolby Vision player can show its colours, so it cannot be "
        "converted. Ask for the clip exported as SDR, HLG or HDR10.",
        "{file} er Dolby Vision profil {profile}: bare en Dolby Vision-spiller kan vise fargene, så den kan ikke "
        "gjøres om. Be om klippet eksportert som SDR, HLG eller HDR10.",
    )
    FIXED_NOT_STORED = (
        "media.fixed_not_stored",
        "The fixed copy could not be stored ({problem}).",
        "Den rettede kopien kunne ikke lagres ({problem}).",
    )
    FIX_STILL_BREAKS = (
        "media.fix_still_breaks",
        "The fixed copy still breaks a rule ({problems}); it was not kept.",
        "Den rettede kopien bryter fortsatt en regel ({problems}); den ble ikke beholdt.",
    )


class RuleSetText(Code):
    """The rule-set file a comms officer may copy and change: each message names the file and the rule."""

    CANNOT_READ = ("rule_set.cannot_read", "Cannot read the rule set {file}: {reason}.",
                   "Kan ikke lese regelsettet {file}: {reason}.")
    NOT_TOML = ("rule_set.not_toml", "The rule set {file} is not valid TOML: {error}.",
                "Regelsettet {file} er ikke gyldig TOML: {error}.")
    NO_RULES = (
        "rule_set.no_rules",
        "The rule set {file} needs a [ruleset] table and at least one [[rule]].",
        "Regelsettet {file} trenger en [ruleset]-tabell og minst én [[rule]].",
    )
    DUPLICATE_IDS = ("rule_set.duplicate_ids", "The rule set {file} defines {rules} more than once.",
                     "Regelsettet {file} definerer {rules} mer enn én gang.")
    NOT_A_TABLE = ("rule_set.not_a_table", "Rule {index} in {file} is not a table.",
                   "Regel {index} i {file} er ikke en tabell.")
    NO_ID = ("rule_set.no_id", "Rule {index} in {file} has no id.", "Regel {index} i {file} har ingen id.")
    UNKNOWN_CHECK = (
        "rule_set.unknown_check",
        "The rule '{rule}' in {file} names an unknown check '{check}' (known: {known}).",
        "Regelen «{rule}» i {file} viser til en ukjent sjekk «{check}» (kjente: {known}).",
    )
    BAD_SEVERITY = (
        "rule_set.bad_severity",
        "The rule '{rule}' in {file} needs severity \"error\" or \"advice\".",
        "Regelen «{rule}» i {file} trenger severity \"error\" eller \"advice\".",
    )
    BAD_KINDS = (
        "rule_set.bad_kinds",
        "The rule '{rule}' in {file} has kinds {kinds}; use image, video and/or unknown.",
        "Regelen «{rule}» i {file} har kinds {kinds}; bruk image, video og/eller unknown.",
    )
    BAD_FIX = (
        "rule_set.bad_fix",
        "The rule '{rule}' in {file} needs fixable = true/false and fix one of {fixes}.",
        "Regelen «{rule}» i {file} trenger fixable = true/false og fix som en av {fixes}.",
    )
    LIMITS_NOT_TABLE = (
        "rule_set.limits_not_table",
        "The rule '{rule}' in {file} has limits that are not a table.",
        "Regelen «{rule}» i {file} har limits som ikke er en tabell.",
    )
    UNKNOWN_LIMIT = (
        "rule_set.unknown_limit",
        "The rule '{rule}' in {file} has an unknown limit '{key}'; the check '{check}' knows: {known}.",
        "Regelen «{rule}» i {file} har en ukjent grense «{key}»; sjekken «{check}» kjenner: {known}.",
    )
    NO_LIMITS = (
        "rule_set.no_limits",
        "The rule '{rule}' in {file} has a limit '{key}', but the check '{check}' takes no limits.",
        "Regelen «{rule}» i {file} har en grense «{key}», men sjekken «{check}» tar ingen grenser.",
    )
    LIMIT_TYPE = (
        "rule_set.limit_type",
        "The rule '{rule}' in {file} has limit '{key}' = {value}; it must be {expected}.",
        "Regelen «{rule}» i {file} har grensen «{key}» = {value}; den må være {expected}.",
    )
    NO_MESSAGES = (
        "rule_set.no_messages",
        "The rule '{rule}' in {file} needs message_en and message_nb.",
        "Regelen «{rule}» i {file} trenger message_en og message_nb.",
    )
    # What a limit must be (nested in LIMIT_TYPE).
    A_WHOLE_NUMBER = ("rule_set.a_whole_number", "a whole number", "et heltall")
    A_NUMBER = ("rule_set.a_number", "a number", "et tall")
    A_LIST_OF_NAMES = ("rule_set.a_list_of_names", "a list of names in quotes", "en liste med navn i anførselstegn")
    ONE_OF = ("rule_set.one_of", "one of {choices}", "en av {choices}")
