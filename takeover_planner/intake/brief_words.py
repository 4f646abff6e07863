"""The printed brief's words in Bokmål and English, and how it writes days, weeks and the deadline.

Terms follow the glossary (overtakelse, enhet, frist for materiell, storybilde, oppdragsbrev, innsending,
trygg sone, samtykke, foresatt, klistremerke); the voice is the product's: short, active, "du" form. The menu
names are the contributor window's own (File ▸ Open brief… / Fil ▸ Åpne oppdragsbrev …), so what the letter
tells a department to click is what it will see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from takeover_planner.domain.timekeeping import iso_week, to_oslo

LANGUAGES = ("nb", "en")


@dataclass(frozen=True)
class BriefWords:
    language: str
    kind: str  # the kind of letter, above the title
    title: str  # {department}
    greeting: str
    greeting_to: str  # {name}
    intro: str  # {account}
    account: str
    days: str
    deadline: str
    campaign: str
    news: str
    contact: str
    note: str
    no_deadline: str
    deadline_at: str  # {day} {time}
    local_time: str
    week: str
    weeks: str
    day_count: tuple[str, str]  # one day, {count} days
    send_title: str
    steps: tuple[str, ...]  # {package}
    command: str  # {package}
    no_app: str
    format_title: str
    consent_title: str
    stickers_title: str
    stickers: str
    tips_title: str
    closing: str
    questions: str  # {name}
    questions_reach: str  # {name} {reach}
    regards: str
    comms_officer: str
    footer: str  # {department} {when} {who}
    rule_set: str  # {name}
    page: str  # {page} {pages}
    weekdays: tuple[str, ...]
    months: tuple[str, ...]

    def day_text(self, day: dt.date, *, year: bool = True) -> str:
        """"mandag 1. mars 2027" / "Monday 1 March 2027"."""
        weekday, month = self.weekdays[day.weekday()], self.months[day.month - 1]
        text = f"{weekday} {day.day}. {month}" if self.language == "nb" else f"{weekday} {day.day} {month}"
        return f"{text} {day.year}" if year else text


BOKMAAL = BriefWords(
    language="nb",
    kind="Oppdragsbrev",
    title="Instagram-overtakelse: {department}",
    greeting="Hei!",
    greeting_to="Hei, {name}!",
    intro="Så fint at dere vil ta over {account}! Her er datoene, fristen for materiell og det du trenger for å "
          "lage en god story.",
    account="Konto",
    days="Dager",
    deadline="Frist for materiell",
    campaign="Kampanje",
    news="Nyhetssak",
    contact="Din kontaktperson",
    note="Merknad",
    no_deadline="Ikke satt ennå – avtal fristen med kontaktpersonen din.",
    deadline_at="{day} kl. {time}",
    local_time="norsk tid",
    week="uke {week}",
    weeks="uke {first}–{last}",
    day_count=("én dag", "{count} dager"),
    send_title="Slik sender du materiellet",
    steps=(
        "Åpne oppdragsbrevet {package} i Takeover Planner: velg Fil ▸ Åpne oppdragsbrev …",
        "Legg til bildene og videoene i den rekkefølgen de skal vises. Appen sjekker hver fil med en gang og "
        "tilbyr å rette den opp.",
        "Skriv klokkeslett, tekst på skjermen, hvem som er med og hvem som tok bildet.",
        "Velg Fil ▸ Lagre innsending …, og send filen til kontaktpersonen din før fristen.",
    ),
    command="Fra kommandolinjen: takeover-planner gui --contributor {package}",
    no_app="Har du ikke appen? Si fra til kontaktpersonen din, så hjelper vi deg i gang.",
    format_title="Format",
    consent_title="Samtykke",
    stickers_title="Klistremerker",
    stickers="Klistremerker (lenke, avstemning, omtale) kan ikke publiseres automatisk. Beskriv hva du ønsker "
             "på storybildet, så legger vi dem til for hånd når storyen publiseres.",
    tips_title="Tips",
    closing="Lykke til med overtakelsen!",
    questions="Spørsmål? Ta kontakt med {name}.",
    questions_reach="Spørsmål? Ta kontakt med {name}: {reach}.",
    regards="Vennlig hilsen",
    comms_officer="kommunikasjonsrådgiver",
    footer="Oppdragsbrev · {department} · laget {when} av {who}",
    rule_set="regelsett {name}",
    page="Side {page} av {pages}",
    weekdays=("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    months=("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
            "november", "desember"),
)

ENGLISH = BriefWords(
    language="en",
    kind="Takeover brief",
    title="Instagram takeover: {department}",
    greeting="Hello!",
    greeting_to="Hello {name},",
    intro="Great that you are taking over {account}! Here are the dates, the material deadline and what you "
          "need to make a good story.",
    account="Account",
    days="Days",
    deadline="Material deadline",
    campaign="Campaign",
    news="News article",
    contact="Your contact",
    note="Note",
    no_deadline="Not set yet – agree on one with your contact.",
    deadline_at="{day} at {time}",
    local_time="Oslo time",
    week="week {week}",
    weeks="weeks {first}–{last}",
    day_count=("one day", "{count} days"),
    send_title="How to send your material",
    steps=(
        "Open the brief {package} in Takeover Planner: choose File ▸ Open brief…",
        "Add your pictures and videos in the order they should appear. The app checks each file at once and "
        "offers to fix it.",
        "Fill in the time of day, the on-screen text, who appears and who took the picture.",
        "Choose File ▸ Save submission…, and send the file to your contact before the deadline.",
    ),
    command="From the command line: takeover-planner gui --contributor {package}",
    no_app="No app yet? Tell your contact and we will help you get started.",
    format_title="Format",
    consent_title="Consent",
    stickers_title="Stickers",
    stickers="Stickers (link, poll, mention) cannot be published automatically. Describe what you want on the "
             "frame, and we add them by hand when the story is posted.",
    tips_title="Tips",
    closing="Good luck with the takeover!",
    questions="Questions? Contact {name}.",
    questions_reach="Questions? Contact {name}: {reach}.",
    regards="Kind regards,",
    comms_officer="comms officer",
    footer="Takeover brief · {department} · made {when} by {who}",
    rule_set="rule set {name}",
    page="Page {page} of {pages}",
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"),
)


def words_for(language: str) -> BriefWords:
    if language == "nb":
        return BOKMAAL
    if language == "en":
        return ENGLISH
    raise ValueError(f"unknown brief language {language!r}; choose one of {', '.join(LANGUAGES)}")


def weeks_text(start: dt.date, end: dt.date, words: BriefWords) -> str:
    """"uke 9", or "uke 9–10" for a slot over a week end (ISO weeks, so 28 December may be week 53)."""
    first, last = iso_week(start), iso_week(end)
    if first == last and (end - start).days < 7:
        return words.week.format(week=first)
    return words.weeks.format(first=first, last=last)


def days_text(start: dt.date, end: dt.date, words: BriefWords) -> str:
    """The slot's days, its ISO weeks and how many days: "mandag 1. mars – onsdag 3. mars 2027 · uke 9 · 3 dager"."""
    if start == end:
        span = words.day_text(start)
    else:
        span = f"{words.day_text(start, year=start.year != end.year)} – {words.day_text(end)}"
    count = (end - start).days + 1
    amount = words.day_count[0] if count == 1 else words.day_count[1].format(count=count)
    return f"{span} · {weeks_text(start, end, words)} · {amount}"


def deadline_text(moment: dt.datetime | None, words: BriefWords) -> str:
    """The material deadline on the Oslo clock, whatever zone it was stored in."""
    if moment is None:
        return words.no_deadline
    local = to_oslo(moment)
    when = words.deadline_at.format(day=words.day_text(local.date()), time=local.strftime("%H:%M"))
    return f"{when} ({words.local_time}, {weeks_text(local.date(), local.date(), words)})"
