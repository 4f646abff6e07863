"""The command line's own refusals: arguments that do not fit together, files named on it that are missing."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class CliText(Code):
    ACCOUNT_NAME_EMPTY = ("cli.account_name_empty", "The account name must not be empty.",
                          "Kontonavnet kan ikke være tomt.")
    PATH_MISSING = ("cli.path_missing", "{path} does not exist.", "{path} finnes ikke.")
    OUT_IS_FILE = ("cli.out_is_file", "--out {path} is a file, not a folder.",
                   "--out {path} er en fil, ikke en mappe.")
    NO_PASSWORD = ("cli.no_password", "No password was given on standard input.",
                   "Du oppga ikke noe passord på standard inn.")
    OPTION_BEFORE_FRAME = ("cli.option_before_frame", "{option} belongs to a frame: put it after --frame PATH",
                           "{option} hører til et storybilde: sett det etter --frame STI")
    NO_FRAMES = ("cli.no_frames", "Give at least one --frame PATH.", "Oppgi minst én --frame STI.")
    CONSENT_FORMAT = (
        "cli.consent_format",
        "Frame {number}: --consent needs 'WHO;REFERENCE', e.g. 'Ola Nordmann;SK-2027-3'.",
        "Storybilde {number}: --consent må ha formen «HVEM;REFERANSE», f.eks. «Ola Nordmann;SK-2027-3».",
    )
    CONSENT_EXTRA = (
        "cli.consent_extra",
        "Frame {number}: '{extra}' in --consent is neither 'guardian' nor a date.",
        "Storybilde {number}: «{extra}» i --consent er verken «guardian» eller en dato.",
    )
    NO_DISPLAY = (
        "cli.no_display",
        "There is no screen to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it "
        "from a desktop session, or use the command line: takeover-planner --help",
        "Det finnes ingen skjerm å vise vinduet på (verken DISPLAY eller WAYLAND_DISPLAY er satt). Start det "
        "fra en skrivebordsøkt, eller bruk kommandolinjen: takeover-planner --help",
    )
