"""Messages of exporting (ICS, CSV, PDF): the export's options, where it is written, and Qt's PDF writer."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class ExportText(Code):
    END_BEFORE_START = ("export.end_before_start", "The end date {end} is before the start date {start}.",
                        "Sluttdatoen {end} er før startdatoen {start}.")
    BAD_LANGUAGE = ("export.bad_language", "Export language must be one of: {choices}.",
                    "Eksportspråket må være ett av disse: {choices}.")
    NO_PERMISSION = ("export.no_permission", "Cannot write {path}: permission denied. Choose another place.",
                     "Kan ikke skrive {path}: mangler tilgang. Velg et annet sted.")
    IS_FOLDER = ("export.is_folder", "{path} is a folder; give a file name.",
                 "{path} er en mappe. Oppgi et filnavn.")
    WRITE_FAILED = ("export.write_failed", "Cannot write {path}: {reason_text}.",
                    "Kan ikke skrive {path}: {reason_text}.")
    FOLDER_NOT_FILE = ("export.folder_not_file", "{path} is a folder; give a file name ending in {suffix}.",
                       "{path} er en mappe. Oppgi et filnavn som slutter på {suffix}.")
    FILE_NOT_FOLDER = ("export.file_not_folder",
                       "{path} is a file name; give a folder for one calendar per department.",
                       "{path} er et filnavn. Oppgi en mappe for én kalender per enhet.")
    TOO_MANY_MONTHS = ("export.too_many_months",
                       "That is {months} months ({dates}); a PDF takes at most {limit}. Narrow it with --from and --to.",
                       "Det er {months} måneder ({dates}). En PDF kan ha høyst {limit}. Snevre inn med --from og --to.")
    UNKNOWN_FORMAT = ("export.unknown_format", "Unknown export format '{fmt}'; choose one of: {choices}.",
                      "Ukjent eksportformat «{fmt}». Velg ett av disse: {choices}.")
    CANCELLED = ("export.cancelled", "The export was stopped; nothing was written.",
                 "Eksporten ble stoppet. Ingenting ble skrevet.")
