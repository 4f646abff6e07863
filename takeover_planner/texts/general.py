"""Messages every area may use: the environment's refusals, interruptions, and the command line's own words."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class GeneralText(Code):
    INTERRUPTED = ("general.interrupted", "Interrupted.", "Avbrutt.")
    UNEXPECTED = (
        "general.unexpected",
        "Unexpected error ({kind}). Details are in {log}.",
        "Uventet feil ({kind}). Detaljene står i {log}.",
    )
    FILE_SYSTEM = (
        "general.file_system",
        "The file system refused: {reason} ({path}).",
        "Filsystemet avviste det: {reason} ({path}).",
    )
    FILE_SYSTEM_NO_PATH = ("general.file_system_no_path", "The file system refused: {reason}.",
                           "Filsystemet avviste det: {reason}.")
    DISK_FULL = ("general.disk_full", "The disk is full; free some space and try again.",
                 "Disken er full. Frigjør plass og prøv igjen.")
    READ_ONLY = ("general.read_only", "{path} cannot be written to (read-only).",
                 "{path} kan ikke skrives til (skrivebeskyttet).")
    NO_PERMISSION = ("general.no_permission", "No permission to use {path}.", "Mangler tilgang til {path}.")
    FOLDER_MISSING = ("general.folder_missing", "The folder {path} does not exist.", "Mappen {path} finnes ikke.")
