"""What the small input checks say (domain/validation.py), and the names of the fields they check.

``clean_name`` names the field it refuses with a ``Code`` whose text can start a sentence ("The account name" /
"Kontonavnet"); an area with fields of its own declares their names in its own module the same way.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class ValidationText(Code):
    EMPTY = ("validation.empty", "{field} must not be empty.", "{field} må fylles ut.")
    TOO_LONG = ("validation.too_long", "{field} is too long (at most {max_length} characters).",
                "{field} kan ha høyst {max_length} tegn.")
    BAD_EMAIL = ("validation.bad_email", "'{value}' is not a valid e-mail address.",
                 "«{value}» er ikke en gyldig e-postadresse.")
    BAD_COLOR = ("validation.bad_color", "'{value}' is not a colour like #3366cc.",
                 "«{value}» er ikke en farge på formen #3366cc.")
    BAD_LINK = ("validation.bad_link", "'{value}' is not a web link (it should start with https://).",
                "«{value}» er ikke en nettadresse (den skal begynne med https://).")
    BAD_HANDLE = (
        "validation.bad_handle",
        "'{value}' is not an Instagram handle (letters, digits, . and _; at most 30).",
        "«{value}» er ikke et Instagram-brukernavn (bokstaver, sifre, . og _; høyst 30 tegn).",
    )
    BAD_STICKER_KIND = ("validation.bad_sticker_kind", "A sticker is a link, a poll or a mention, not '{kind}'.",
                        "Et klistremerke er en lenke, en avstemning eller en omtale, ikke «{kind}».")
    STICKER_EMPTY = ("validation.sticker_empty", "Say what the {kind} sticker should hold.",
                     "Skriv hva klistremerket ({kind}) skal inneholde.")


class StickerKindName(Code):
    """A story sticker's kind as a word; member names are ``validation.STICKER_KINDS`` in capitals."""

    LINK = ("validation.sticker_link", "link", "lenke")
    POLL = ("validation.sticker_poll", "poll", "avstemning")
    MENTION = ("validation.sticker_mention", "mention", "omtale")


class FieldText(Code):
    """Fields of the planning core, as the subject of a sentence."""

    ACCOUNT_NAME = ("field.account_name", "The account name", "Kontonavnet")
    DEPARTMENT_NAME = ("field.department_name", "The department name", "Navnet på enheten")
    CONTACT_NAME = ("field.contact_name", "The contact person's name", "Navnet på kontaktpersonen")
    CAMPAIGN_NAME = ("field.campaign_name", "The campaign name", "Kampanjenavnet")
    BLACKOUT_NAME = ("field.blackout_name", "The blackout name", "Navnet på sperreperioden")
    PERSON_NAME = ("field.person_name", "The person's name", "Navnet på personen")
