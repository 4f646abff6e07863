"""Messages about Facebook Pages: Page accounts, cross-posting, and what the Page API's errors mean."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class FacebookText(Code):
    # --- what the Page API's errors mean (a classification's reason) -------------------------------------
    TOKEN_EXPIRED = ("facebook.token_expired", "Facebook says the Page's access token has expired.",
                     "Facebook sier at tilgangstokenet til siden er utløpt.")
    TOKEN_REFUSED = ("facebook.token_refused", "Facebook no longer accepts the Page's access token.",
                     "Facebook godtar ikke lenger tilgangstokenet til siden.")
    ADVICE_TOKEN = ("facebook.advice_token",
                    "Make a new Page access token in Meta's Business Suite (or the Graph API Explorer) and set it "
                    "with: takeover-planner account set-token NAME",
                    "Lag et nytt sidetilgangstoken i Meta Business Suite (eller Graph API Explorer) og angi det "
                    "med: takeover-planner account set-token NAVN")
    NO_PERMISSION = ("facebook.no_permission",
                     "The Page token lacks a permission the Page API needs (pages_manage_posts, "
                     "pages_read_engagement, pages_show_list) or the person cannot create content on the Page.",
                     "Sidetokenet mangler en tillatelse som side-API-et trenger (pages_manage_posts, "
                     "pages_read_engagement, pages_show_list), eller personen kan ikke lage innhold på siden.")
    ADVICE_PERMISSION = ("facebook.advice_permission",
                         "Give the app those permissions for this Page, make a new Page token and set it.",
                         "Gi appen disse tillatelsene for denne siden, lag et nytt sidetoken og angi det.")
    PAGE_BLOCKED = ("facebook.page_blocked",
                    "Facebook has blocked this Page from posting for now (it judged the activity abusive).",
                    "Facebook har sperret denne siden for publisering inntil videre (aktiviteten ble vurdert "
                    "som misbruk).")
    ADVICE_PAGE_BLOCKED = ("facebook.advice_page_blocked",
                           "Open the Page in Meta's Business Suite and follow what it asks; then run: "
                           "takeover-planner account resume NAME",
                           "Åpne siden i Meta Business Suite og gjør det den ber om; kjør så: "
                           "takeover-planner account resume NAVN")
    THROTTLED = ("facebook.throttled", "Facebook asks the app to slow down for this Page.",
                 "Facebook ber appen om å sende færre forespørsler for denne siden.")
    IMAGE_INVALID = ("facebook.image_invalid", "Facebook could not use the picture for a Page story.",
                     "Facebook kunne ikke bruke bildet i en story på siden.")
    ADVICE_IMAGE = ("facebook.advice_image",
                    "Check the picture against the Facebook story rules (JPEG or PNG, at most 10 MB) and fix it.",
                    "Sjekk bildet mot reglene for Facebook-storyer (JPEG eller PNG, høyst 10 MB) og rett det.")
    VIDEO_INVALID = ("facebook.video_invalid", "Facebook could not use the video for a Page story.",
                     "Facebook kunne ikke bruke videoen i en story på siden.")
    ADVICE_VIDEO = ("facebook.advice_video",
                    "Check the video against the Facebook story rules (MP4, 3 to 60 seconds, 9:16) and fix it.",
                    "Sjekk videoen mot reglene for Facebook-storyer (MP4, 3 til 60 sekunder, 9:16) og rett den.")
    TEMPORARY = ("facebook.temporary", "Facebook had a temporary problem on its side.",
                 "Facebook hadde et midlertidig problem på sin side.")
    UNKNOWN = ("facebook.unknown", "Facebook refused the request for a reason the app does not know.",
               "Facebook avviste forespørselen av en grunn appen ikke kjenner.")
    ADVICE_UNKNOWN = ("facebook.advice_unknown",
                      "Try again later; if it keeps failing, post this story on the Page by hand.",
                      "Prøv igjen senere; hvis det fortsetter å feile, publiser storyen på siden for hånd.")
    UPLOAD_TROUBLE = ("facebook.upload_trouble", "Facebook had a temporary problem with the upload.",
                      "Facebook hadde et midlertidig problem med opplastingen.")
    GRAPH_ERROR = ("facebook.graph_error", "{reason} (Facebook error {meta_code})",
                   "{reason} (Facebook-feil {meta_code})")
    GRAPH_HTTP_ERROR = ("facebook.graph_http_error", "{reason} (Facebook, HTTP {http_status})",
                        "{reason} (Facebook, HTTP {http_status})")
    UNCONFIRMED = (
        "facebook.unconfirmed",
        "{frame}: Facebook did not confirm the Page story ({why}). The app reads the Page's stories before doing "
        "anything else, so it will not be posted twice.",
        "{frame}: Facebook bekreftet ikke storyen på siden ({why}). Appen leser sidens storyer før den gjør noe "
        "annet, så den blir ikke publisert to ganger.",
    )
    NEVER_CONFIRMED = ("facebook.never_confirmed",
                       "The app could not confirm whether Facebook made the Page story of frame #{frame_id} ({why}).",
                       "Appen fikk ikke bekreftet om Facebook laget storyen på siden for storybilde #{frame_id} "
                       "({why}).")
    ADVICE_NEVER_CONFIRMED = (
        "facebook.advice_never_confirmed",
        "Look at the Page's stories in Meta's Business Suite before posting it again: if it is there, nothing "
        "more to do; if not, post it on the Page by hand.",
        "Se på sidens storyer i Meta Business Suite før du publiserer på nytt: Ligger den der, trenger du ikke "
        "gjøre mer; hvis ikke, publiser den på siden for hånd.",
    )
    NO_STORY_ID = ("facebook.no_story_id", "Facebook answered without the id of what it made.",
                   "Facebook svarte uten ID-en til det som ble laget.")
    NOT_IN_STORIES = ("facebook.not_in_stories",
                      "The story request got no clear answer and the story is not among the Page's stories yet.",
                      "Forespørselen om storyen fikk ikke noe tydelig svar, og storyen er ikke blant sidens "
                      "storyer ennå.")

    # --- accounts ----------------------------------------------------------------------------------------
    NO_PAGE_ID = ("facebook.no_page_id", "The Facebook Page id of {account} is not set.",
                  "Facebook-side-ID-en for {account} er ikke angitt.")
    ADVICE_PAGE_ID = ("facebook.advice_page_id",
                      "Set it with: takeover-planner account add … --platform facebook_page --page-id ID",
                      "Angi den med: takeover-planner account add … --platform facebook_page --page-id ID")
    BAD_PAGE_ID = ("facebook.bad_page_id", "A Facebook Page id is digits only, not \"{value}\".",
                   "En Facebook-side-ID består bare av sifre, ikke «{value}».")
    PAGE_ID_NEEDED = ("facebook.page_id_needed", "A Facebook Page account needs its Page id (--page-id).",
                      "En Facebook-sidekonto trenger side-ID-en sin (--page-id).")
    BAD_PLATFORM = ("facebook.bad_platform", "The platform must be one of: {choices}.",
                    "Plattformen må være en av: {choices}.")
    NOT_A_PAGE = ("facebook.not_a_page", "{account} is not a Facebook Page account.",
                  "{account} er ikke en Facebook-sidekonto.")
    NOT_INSTAGRAM = ("facebook.not_instagram", "{account} is not an Instagram account.",
                     "{account} er ikke en Instagram-konto.")
    WRONG_PAGE = ("facebook.wrong_page",
                  "The token belongs to the Page {found_id} ({name}), not to {account}'s Page {expected_id}.",
                  "Tokenet tilhører siden {found_id} ({name}), ikke siden {expected_id} til {account}.")
    PUBLISHED_ON_PAGE = ("facebook.published_on_page", "{frame} is published on the Facebook Page (post id {post_id}).",
                         "{frame} er publisert på Facebook-siden (innleggs-ID {post_id}).")
    PUBLISHED_ON_PAGE_NO_ID = ("facebook.published_on_page_no_id", "{frame} is published on the Facebook Page.",
                               "{frame} er publisert på Facebook-siden.")

    # --- rules per channel: a finding only the Page's story profile makes ---------------------------------
    PAGE_FINDING = ("facebook.page_finding", "Facebook: {message}", "Facebook: {message}")
