"""The printed brief's words in Bokmål and English, and how it writes days, ISO weeks and the deadline.

Terms follow the glossary (overtakelse, enhet, frist for materiell, storybilde, oppdragsbrev, innsending,
trygg sone, samtykke, foresatt, klistremerke); the voice is the product's: short, active, "du" form. The menu
names are the contributor window's own (File ▸ Open brief… / Fil ▸ Åpne oppdragsbrev …), so what the letter
tells a department to click is what it will see. Shared headings (account, days, campaign, material
deadline, page) are in ``words.Word``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from takeover_planner.texts.codes import Code
from takeover_planner.texts.render import OSLO
from takeover_planner.texts.wording import Words
from takeover_planner.texts.words import Word


class BriefText(Code):
    KIND = ("brief.kind", "Takeover brief", "Oppdragsbrev")  # the kind of letter, above the title
    TITLE = ("brief.title", "Instagram takeover: {department}", "Instagram-overtakelse: {department}")
    GREETING = ("brief.greeting", "Hello!", "Hei!")
    GREETING_TO = ("brief.greeting_to", "Hello {name},", "Hei, {name}!")
    INTRO = (
        "brief.intro",
        "Great that you are taking over {account}! Here are the dates, the material deadline and what you need "
        "to make a good story.",
        "Så fint at dere vil ta over {account}! Her er datoene, fristen for materiell og det du trenger for å "
        "lage en god story.",
    )
    NEWS = ("brief.news", "News article", "Nyhetssak")
    CONTACT = ("brief.contact", "Your contact", "Din kontaktperson")
    NOTE = ("brief.note", "Note", "Merknad")
    NO_DEADLINE = ("brief.no_deadline", "Not set yet – agree on one with your contact.",
                   "Ikke satt ennå – avtal fristen med kontaktpersonen din.")
    DEADLINE_AT = ("brief.deadline_at", "{day} at {time}", "{day} kl. {time}")
    WEEK = ("brief.week", "week {week}", "uke {week}")
    WEEKS = ("brief.weeks", "weeks {first}–{last}", "uke {first}–{last}")
    ONE_DAY = ("brief.one_day", "one day", "én dag")
    DAY_COUNT = ("brief.day_count", "{count} days", "{count} dager")
    SEND_TITLE = ("brief.send_title", "How to send your material", "Slik sender du materiellet")
    STEP_OPEN = ("brief.step_open", "Open the brief {package} in Takeover Planner: choose File ▸ Open brief…",
                 "Åpne oppdragsbrevet {package} i Takeover Planner: velg Fil ▸ Åpne oppdragsbrev …")
    STEP_ADD = (
        "brief.step_add",
        "Add your pictures and videos in the order they should appear. The app checks each file at once and "
        "offers to fix it.",
        "Legg til bildene og videoene i den rekkefølgen de skal vises. Appen sjekker hver fil med en gang og "
        "tilbyr å rette den opp.",
    )
    STEP_FILL = ("brief.step_fill", "Fill in the time of day, the on-screen text, who appears and who took the picture.",
                 "Skriv klokkeslett, tekst på skjermen, hvem som er med og hvem som tok bildet.")
    STEP_SEND = ("brief.step_send",
                 "Choose File ▸ Save submission…, and send the file to your contact before the deadline.",
                 "Velg Fil ▸ Lagre innsending …, og send filen til kontaktpersonen din før fristen.")
    COMMAND = ("brief.command", "From the command line: takeover-planner gui --contributor {package}",
               "Fra kommandolinjen: takeover-planner gui --contributor {package}")
    NO_APP = ("brief.no_app",
              "No app? Open {kit} (beside this letter, and inside {package}) in your web browser instead: it does "
              "the same, with nothing to install, and saves the file to send.",
              "Har du ikke appen? Åpne {kit} (ved siden av dette brevet, og inne i {package}) i nettleseren i "
              "stedet: den gjør det samme uten at noe må installeres, og lagrer filen du skal sende.")
    FORMAT_TITLE = ("brief.format_title", "Format", "Format")
    CONSENT_TITLE = ("brief.consent_title", "Consent", "Samtykke")
    STICKERS_TITLE = ("brief.stickers_title", "Stickers", "Klistremerker")
    STICKERS = (
        "brief.stickers",
        "Stickers (link, poll, mention) cannot be published automatically. Describe what you want on the frame, "
        "and we add them by hand when the story is posted.",
        "Klistremerker (lenke, avstemning, omtale) kan ikke publiseres automatisk. Beskriv hva du ønsker på "
        "storybildet, så legger vi dem til for hånd når storyen publiseres.",
    )
    TIPS_TITLE = ("brief.tips_title", "Tips", "Tips")
    CLOSING = ("brief.closing", "Good luck with the takeover!", "Lykke til med overtakelsen!")
    QUESTIONS = ("brief.questions", "Questions? Contact {name}.", "Spørsmål? Ta kontakt med {name}.")
    QUESTIONS_REACH = ("brief.questions_reach", "Questions? Contact {name}: {reach}.",
                       "Spørsmål? Ta kontakt med {name}: {reach}.")
    REGARDS = ("brief.regards", "Kind regards,", "Vennlig hilsen")
    COMMS_OFFICER = ("brief.comms_officer", "comms officer", "kommunikasjonsrådgiver")
    FOOTER = ("brief.footer", "Takeover brief · {department} · made {when} by {who}",
              "Oppdragsbrev · {department} · laget {when} av {who}")
    RULE_SET = ("brief.rule_set", "rule set {name}", "regelsett {name}")


STEPS = (BriefText.STEP_OPEN, BriefText.STEP_ADD, BriefText.STEP_FILL, BriefText.STEP_SEND)


def _iso_week(day: dt.date) -> int:
    return day.isocalendar().week


@dataclass(frozen=True)
class BriefWords(Words):
    def steps(self, package: str) -> list[str]:
        """What to do, in order, to send the material back."""
        return [self(step, package=package) for step in STEPS]

    def either(self, items: Sequence[str]) -> str:
        """"JPEG", "MP4 or MOV", "JPEG, PNG or WEBP"."""
        if len(items) == 1:
            return items[0]
        return f"{', '.join(items[:-1])} {self(FormatRule.OR)} {items[-1]}"

    def day_text(self, day: dt.date, *, year: bool = True) -> str:
        """"mandag 1. mars 2027" / "Monday 1 March 2027"."""
        weekday, month = self.weekday(day), self.month(day.month)
        shown = f"{weekday} {day.day}. {month}" if self.bokmaal else f"{weekday} {day.day} {month}"
        return f"{shown} {day.year}" if year else shown

    def weeks_text(self, start: dt.date, end: dt.date) -> str:
        """"uke 9", or "uke 9–10" for a slot over a week end (ISO weeks, so 28 December may be week 53)."""
        first, last = _iso_week(start), _iso_week(end)
        if first == last and (end - start).days < 7:
            return self(BriefText.WEEK, week=first)
        return self(BriefText.WEEKS, first=first, last=last)

    def days_text(self, start: dt.date, end: dt.date) -> str:
        """The days, their ISO weeks and how many: "mandag 1. mars – onsdag 3. mars 2027 · uke 9 · 3 dager"."""
        if start == end:
            span = self.day_text(start)
        else:
            span = f"{self.day_text(start, year=start.year != end.year)} – {self.day_text(end)}"
        count = (end - start).days + 1
        amount = self(BriefText.ONE_DAY) if count == 1 else self(BriefText.DAY_COUNT, count=count)
        return f"{span} · {self.weeks_text(start, end)} · {amount}"

    def deadline_text(self, moment: dt.datetime | None) -> str:
        """The material deadline on the Oslo clock, whatever zone it was stored in."""
        if moment is None:
            return self(BriefText.NO_DEADLINE)
        if moment.tzinfo is None:
            raise ValueError("naive datetime: say which zone it is in")
        local = moment.astimezone(OSLO)
        when = self(BriefText.DEADLINE_AT, day=self.day_text(local.date()), time=local.strftime("%H:%M"))
        return f"{when} ({self(Word.OSLO_TIME)}, {self.weeks_text(local.date(), local.date())})"


class ConsentRule(Code):
    """The consent rules every brief package carries (in both languages) and the printed brief lists."""

    RECOGNISABLE = (
        "brief.consent_recognisable",
        "Every frame that shows people who can be recognised needs their consent before it can be published.",
        "Alle storybilder som viser personer som kan kjennes igjen, trenger samtykke før de kan publiseres.",
    )
    WHO_AND_FORM = (
        "brief.consent_who_and_form",
        "Write down who appears (a name or a group such as 'pupils in class 7B') and the reference of the signed "
        "consent form.",
        "Skriv hvem som er med (et navn eller en gruppe, som «elevene i 7B») og referansen til den signerte "
        "samtykkeerklæringen.",
    )
    CHILDREN = ("brief.consent_children", "Children under 15 need consent from a parent or guardian.",
                "Barn under 15 år trenger samtykke fra foresatte.")
    VALID = ("brief.consent_valid",
             "The consent must cover Instagram and must still be valid on the day the frame is published.",
             "Samtykket må gjelde Instagram og være gyldig den dagen storybildet publiseres.")
    WITHDRAWN = (
        "brief.consent_withdrawn",
        "Consent can be withdrawn at any time. If that happens, tell the communications team at once: frames not "
        "yet published are stopped, published ones are taken down.",
        "Samtykke kan trekkes tilbake når som helst. Skjer det, si fra til kommunikasjonsenheten med en gang: "
        "storybilder som ikke er publisert stoppes, publiserte tas ned.",
    )


class Tip(Code):
    """Tips for a good story, carried by every brief package; the sticker tip is printed as a section of its own."""

    UPRIGHT = ("brief.tip_upright", "Film and photograph upright (portrait): the story is 9:16.",
               "Film og fotografer på høykant: storyen er 9:16.")
    EDGES = ("brief.tip_edges",
             "Keep text and logos away from the top and bottom edges; Instagram draws its own buttons there.",
             "Hold tekst og logoer unna øverste og nederste kant; der ligger Instagrams egne knapper.")
    SHORT_CLIPS = ("brief.tip_short_clips", "Short clips work best: 5–15 seconds each.",
                   "Korte klipp fungerer best: 5–15 sekunder hver.")
    A_DAY = ("brief.tip_a_day", "Show what a day with you looks like: people at work, places the public seldom sees.",
             "Vis hvordan en dag hos dere ser ut: folk på jobb, steder publikum sjelden ser.")
    SOUND = ("brief.tip_sound", "Check the sound: speak close to the phone, away from wind and noise.",
             "Sjekk lyden: snakk nær telefonen, unna vind og støy.")
    CREDIT = ("brief.tip_credit", "Say who took the picture, so we can credit them.",
              "Skriv hvem som tok bildet, så vi kan kreditere riktig.")
    STICKERS = (
        "brief.tip_stickers",
        "Stickers (links, polls, mentions) are added by hand when the story is posted: describe what you want.",
        "Klistremerker (lenke, avstemning, omtale) legges til for hånd når storyen publiseres: beskriv hva du "
        "ønsker.",
    )


class PackageRule(Code):
    """The story format rules as the brief package states them, with the numbers of the rule set in force."""

    PICTURES = (
        "brief.package_rule_pictures",
        "Pictures: JPEG, at most {image_mb} MB. Photos from a phone in other formats (HEIC, PNG) are converted by "
        "the app with one click.",
        "Bilder: JPEG, høyst {image_mb} MB. Bilder fra telefonen i andre formater (HEIC, PNG) gjøres om av appen "
        "med ett klikk.",
    )
    VIDEO = (
        "brief.package_rule_video",
        "Video: MP4 or MOV from a phone, {min_s}–{max_s} seconds, at most {video_mb} MB, {fps_min}–{fps_max} "
        "frames per second. Longer clips are split by the app.",
        "Video: MP4 eller MOV fra telefonen, {min_s}–{max_s} sekunder, høyst {video_mb} MB, {fps_min}–{fps_max} "
        "bilder per sekund. Lengre klipp deles opp av appen.",
    )
    SIZE = (
        "brief.package_rule_size",
        "Best size: {width} × {height} pixels, upright (9:16). Other sizes are cropped or padded when fixed.",
        "Beste størrelse: {width} × {height} piksler, høykant (9:16). Andre størrelser beskjæres eller fylles ut "
        "når de rettes opp.",
    )
    CHECKED = (
        "brief.package_rule_checked",
        "The app checks every file the moment you add it and offers a fix; your original file is never changed.",
        "Appen sjekker hver fil med en gang du legger den til, og tilbyr å rette den opp; originalfilen endres "
        "aldri.",
    )
    LOCATION = ("brief.package_rule_location", "Location data (GPS) in photos is removed when a file is fixed.",
                "Stedsdata (GPS) i bilder fjernes når en fil rettes opp.")


class FormatRule(Code):
    """The story format rules grouped for the printed brief: pictures, video, the safe zone, every file."""

    PICTURES = ("brief.format_pictures", "Pictures", "Bilder")
    VIDEO = ("brief.format_video", "Video", "Video")
    SAFE_ZONE = ("brief.format_safe_zone", "Safe zone", "Trygg sone")
    ALL_FILES = ("brief.format_all_files", "All files", "Alle filer")
    OR = ("brief.format_or", "or", "eller")  # "MP4 or MOV"
    AT_MOST = ("brief.format_at_most", "{formats}, at most {mb} MB.", "{formats}, høyst {mb} MB.")
    CONVERTED = ("brief.format_converted", "HEIC and PNG from a phone are converted by the app with one click.",
                 "HEIC og PNG fra telefonen gjør appen om med ett klikk.")
    BEST_SIZE = ("brief.format_best_size", "Best: {width} × {height} pixels, upright (9:16).",
                 "Best: {width} × {height} piksler, høykant (9:16).")
    SECONDS = ("brief.format_seconds", "{min_s}–{max_s} seconds per clip; the app splits longer clips for you.",
               "{min_s}–{max_s} sekunder per klipp; lengre klipp deler appen opp for deg.")
    FPS = ("brief.format_fps", "{fps_min}–{fps_max} frames per second, as from any ordinary phone.",
           "{fps_min}–{fps_max} bilder per sekund, som fra en vanlig telefon.")
    SAFE_BANDS = (
        "brief.format_safe_bands",
        "Keep text, faces and logos out of the top {top} and the bottom {bottom} pixels (of {height}). Instagram "
        "puts the name, buttons and reply field there.",
        "Hold tekst, ansikter og logoer unna de øverste {top} og de nederste {bottom} pikslene (av {height}). Der "
        "legger Instagram navn, knapper og svarfelt.",
    )
    CHECKED = (
        "brief.format_checked",
        "The app checks each file as you add it, and makes a fixed copy when needed. Your original is never "
        "changed.",
        "Appen sjekker hver fil når du legger den til, og lager en rettet kopi ved behov. Originalen endres aldri.",
    )
    LOCATION = ("brief.format_location", "Location data (GPS) is removed when a file is fixed.",
                "Stedsdata (GPS) fjernes når en fil rettes opp.")
