"""The command line's usage refusals (exit 2) in both languages.

``ArgparseText`` translates argparse's own messages by their gettext message id, exactly as a gettext catalogue
would (argparse asks ``gettext`` for each of them; the English template *is* the message id, placeholders and
all, so argparse fills them in after translation). ``UsageText`` holds the words of our own argument types.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class ArgparseText(Code):
    USAGE = ("argparse.usage", "usage: ", "bruk: ")
    POSITIONALS = ("argparse.positionals", "positional arguments", "argumenter")
    OPTIONS = ("argparse.options", "options", "valg")
    HELP = ("argparse.help", "show this help message and exit", "vis denne hjelpen og avslutt")
    VERSION = ("argparse.version", "show program's version number and exit",
               "vis programmets versjon og avslutt")
    ERROR = ("argparse.error", "%(prog)s: error: %(message)s\n", "%(prog)s: feil: %(message)s\n")
    ARGUMENT = ("argparse.argument", "argument %(argument_name)s: %(message)s",
                "argumentet %(argument_name)s: %(message)s")
    REQUIRED = ("argparse.required", "the following arguments are required: %s",
                "disse argumentene må være med: %s")
    ONE_OF_REQUIRED = ("argparse.one_of_required", "one of the arguments %s is required",
                       "ett av argumentene %s må være med")
    UNRECOGNIZED = ("argparse.unrecognized", "unrecognized arguments: %s", "ukjente argumenter: %s")
    INVALID_CHOICE = ("argparse.invalid_choice", "invalid choice: %(value)r (choose from %(choices)s)",
                      "ugyldig valg: %(value)r (velg blant %(choices)s)")
    INVALID_VALUE = ("argparse.invalid_value", "invalid %(type)s value: %(value)r",
                     "ugyldig verdi for %(type)s: %(value)r")
    EXPECTED_ONE = ("argparse.expected_one", "expected one argument", "venter én verdi")
    EXPECTED_AT_MOST_ONE = ("argparse.expected_at_most_one", "expected at most one argument",
                            "venter høyst én verdi")
    EXPECTED_AT_LEAST_ONE = ("argparse.expected_at_least_one", "expected at least one argument",
                             "venter minst én verdi")
    NOT_ALLOWED_WITH = ("argparse.not_allowed_with", "not allowed with argument %s",
                        "kan ikke brukes sammen med argumentet %s")
    IGNORED_EXPLICIT = ("argparse.ignored_explicit", "ignored explicit argument %r",
                        "overflødig verdi %r ble ikke brukt")
    AMBIGUOUS = ("argparse.ambiguous", "ambiguous option: %(option)s could match %(matches)s",
                 "tvetydig valg: %(option)s kan bety %(matches)s")
    UNEXPECTED_OPTION = ("argparse.unexpected_option", "unexpected option string: %s",
                         "uventet valg: %s")
    CANNOT_OPEN = ("argparse.cannot_open", "can't open '%(filename)s': %(error)s",
                   "kan ikke åpne «%(filename)s»: %(error)s")


class UsageText(Code):
    BAD_DATE = ("usage.bad_date", "'{text}' is not a date in the form YYYY-MM-DD",
                "«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD")
    BAD_TIME = ("usage.bad_time", "'{text}' is not a time like 09:30", "«{text}» er ikke et klokkeslett som 09:30")
    BAD_MOMENT = ("usage.bad_moment", "'{text}' is not a date and time like 2025-05-06T10:00+02:00",
                  "«{text}» er ikke en dato og et klokkeslett som 2025-05-06T10:00+02:00")
    BAD_FOCUS = ("usage.bad_focus", "the focus point is X,Y with numbers from 0 to 1, e.g. 0.5,0.3",
                 "fokuspunktet skrives X,Y med tall fra 0 til 1, for eksempel 0.5,0.3")
    FOCUS_OUTSIDE = ("usage.focus_outside", "the focus point's X and Y must lie between 0 and 1",
                     "fokuspunktets X og Y må ligge mellom 0 og 1")
