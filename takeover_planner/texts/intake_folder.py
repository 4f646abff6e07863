"""The intake folder's words: the receipt a department finds beside its package, and the scan's report."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class ReceiptText(Code):
    TITLE = ("intake_folder.title", "Receipt for {file}", "Kvittering for {file}")
    RECEIVED = ("intake_folder.received", "Handled {when}.", "Behandlet {when}.")
    IMPORTED = (
        "intake_folder.imported",
        "Your submission arrived and is imported: {count} frame(s) for {department}, {days}.",
        "Innsendingen din kom fram og er importert: {count} storybilde(r) for {department}, {days}.",
    )
    FRAME_PLANNED = ("intake_folder.frame_planned", "Frame {number} ({file}), planned for {when}:",
                     "Storybilde {number} ({file}), planlagt {when}:")
    FRAME_UNPLANNED = ("intake_folder.frame_unplanned", "Frame {number} ({file}), no time chosen yet:",
                       "Storybilde {number} ({file}), uten tidspunkt ennå:")
    FRAME_OK = ("intake_folder.frame_ok", "fits the story format.", "passer til storyformatet.")
    WE_FIX = ("intake_folder.we_fix", "The comms team fixes this: {message}",
              "Kommunikasjonsteamet retter dette: {message}")
    YOU_FIX = ("intake_folder.you_fix", "You must change this: {message}", "Dette må du endre: {message}")
    ADVICE = ("intake_folder.advice", "Advice: {message}", "Råd: {message}")
    NO_CONSENT = (
        "intake_folder.no_consent",
        "It shows people, but no consent came with it: send the consent to the comms team; the frame cannot be "
        "published without it.",
        "Det viser personer, men det fulgte ikke med noe samtykke: send samtykket til kommunikasjonsteamet; "
        "storybildet kan ikke publiseres uten.",
    )
    NEXT_IMPORTED = (
        "intake_folder.next_imported",
        "What happens next: the comms team reviews each frame and tells you if something must change. Approved "
        "frames are published at the times you chose.",
        "Dette skjer nå: kommunikasjonsteamet går gjennom hvert storybilde og sier fra hvis noe må endres. "
        "Godkjente storybilder publiseres på tidspunktene du valgte.",
    )
    REFUSED = (
        "intake_folder.refused",
        "Your submission could not be imported, and nothing from it was saved. The reason: {reason}",
        "Innsendingen din kunne ikke importeres, og ingenting fra den ble lagret. Grunnen: {reason}",
    )
    NEXT_REFUSED = (
        "intake_folder.next_refused",
        "What to do: make the submission again with the submission kit and put the new file in the folder. If it "
        "happens again, contact the comms team.",
        "Dette gjør du: lag innsendingen på nytt med innsendingsskjemaet og legg den nye filen i mappen. Hvis det "
        "skjer igjen, kontakter du kommunikasjonsteamet.",
    )
    DUPLICATE = (
        "intake_folder.duplicate",
        "This submission had already arrived ({when}); nothing was changed and you need do nothing more.",
        "Denne innsendingen var allerede kommet fram ({when}); ingenting ble endret, og du trenger ikke gjøre mer.",
    )
    CONTACT_PERSON = ("intake_folder.contact_person", "Questions? Contact {name} ({reach}).",
                      "Spørsmål? Kontakt {name} ({reach}).")
    CONTACT_NAME = ("intake_folder.contact_name", "Questions? Contact {name}.", "Spørsmål? Kontakt {name}.")
    CONTACT_TEAM = ("intake_folder.contact_team", "Questions? Contact the comms team.",
                    "Spørsmål? Kontakt kommunikasjonsteamet.")


class ScanText(Code):
    NOT_A_FOLDER = ("intake_folder.not_a_folder", "{folder} is not a folder.", "{folder} er ikke en mappe.")
    LINKED_FOLDER = (
        "intake_folder.linked_folder",
        "{folder} is a link to somewhere else; the scan moves packages only within the intake folder.",
        "{folder} er en lenke til et annet sted; skanningen flytter pakker bare innenfor mottaksmappen.",
    )
    IMPORTED = ("intake_folder.scan_imported", "{file}: imported ({count} frames), moved to {target}.",
                "{file}: importert ({count} storybilder), flyttet til {target}.")
    REFUSED = ("intake_folder.scan_refused", "{file}: refused ({reason}), moved to {target}.",
               "{file}: avvist ({reason}), flyttet til {target}.")
    DUPLICATE = ("intake_folder.scan_duplicate", "{file}: already imported, moved to {target}.",
                 "{file}: allerede importert, flyttet til {target}.")
    WAITING = ("intake_folder.scan_waiting", "{file}: still being written; left for the next scan.",
               "{file}: skrives fortsatt; blir liggende til neste skanning.")
    FAILED = ("intake_folder.scan_failed", "{file}: not imported now ({reason}); left for the next scan.",
              "{file}: ikke importert nå ({reason}); blir liggende til neste skanning.")
    NOTHING = ("intake_folder.scan_nothing", "No submission packages in {folder}.",
               "Ingen innsendingspakker i {folder}.")
